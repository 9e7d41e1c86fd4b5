"""More numbers that measure nothing, each family stated as a rule of grammar (issue 17, session 8).

annotator.suggest.nonstat holds the older families; these were found on unseen oral speeches and county
profiles (described to us as classes, never as text) and written from the grammar of the construction:
  * a hypothesis: a figure inside a conditional antecedent (如果/假如/要是/倘若/万一…，) or in the consequent
    that follows it (…，那么/就/便/则…) is supposed, not measured — unless the antecedent states an accounting
    basis (如果按可比价格计算, 如果剔除…因素: the figure after it is real);
  * an illustration: a vague count (几千人, 上万人, 数十万) said to make a point — in a concession (来他几十万也
    不怕), in a rising series (几千人、几万人), or after a generic marker (动辄, 比如, 好比);
  * a frequency: 每年开会两次, 一年一次 — how often something is done is a rule, not a measurement (unless it is
    a requirement with a bound, 每学期不少于2次, which nonstat keeps);
  * the items of a plan counted by the plan itself: 提出19项重点任务, 明确60项具体举措, 细化为24个指标; and its scope
    counted to name it, whatever the verb: 对4个方面、19个重点领域的60项重点内容逐一对照检查 (a 2014 通知, batch 12),
    抓实…等11个重点领域项目 (a 2026 provincial report, outline corpus);
  * a name with a numeral: the number inside a book or poem title (《七律·二首》, 《关于…的30条措施》), folk
    opera and place names built on a counter (二人台, 二人转, 五台山, 七台河, 四台遗址);
  * a class: 二类地区, 一类水质, 三类人员 — an ordinal grade written with 类;
  * a rate's denominator: 一亩地打三百来斤 — "one unit of X" before the figure the clause gives for it.
"""

from __future__ import annotations

import re

from annotator.suggest import conditionals

_OPENERS = conditionals.alternation(*conditionals.SUPPOSITION) + "(?!说)"
_HYPOTHESIS_IN_CLAUSE = re.compile(_OPENERS)
# 如果按可比价格计算, 如果剔除价格因素, 若扣除一次性收入: the antecedent sets the basis of a real figure.
_ACCOUNTING = re.compile(r"按|剔除|扣除|口径|计算|折算|折合|不含|不计|计入|统计|同口径|可比")
_ANTECEDENT_END = re.compile(r"[^，,；;。！？!?\n]{0,16}的话")
_CONSEQUENT_OPEN = re.compile(r"^\s*(?:那么|那就|那|则|便|就)")
_CLAUSE_MARKS = "，,；;：:"
_SENTENCE_MARKS = "。！？!?\n"

_VAGUE_NUM = re.compile(r"^(?:上|数|好)?[几数]|^上[百千万亿]|几")
_CONCESSION_AFTER = re.compile(r"[\u4e00-\u9fff]{0,2}?也(?:不|没|可以|行|好|无妨|无所谓|罢|照样|一样)")
_SERIES_AFTER = re.compile(r"[\u4e00-\u9fff]{0,2}?(?:、|或者|或|甚至|乃至|以至|到|至)\s*(?:上|数|好)?几[十百千万亿]")
_SERIES_BEFORE = re.compile(r"几[十百千万亿]+[\u4e00-\u9fff]{0,2}(?:、|或者|或|甚至|乃至|以至|到|至)\s*$")
_GENERIC_BEFORE = re.compile(r"(?:动辄|动不动|动不动就|比如|譬如|比方说|比方|好比|例如|一来就|一开就)[\u4e00-\u9fff]{0,6}$")

_FREQUENCY_UNITS = frozenset("次回遍趟")
_FREQUENCY_BEFORE = re.compile(r"(?:每(?:个)?|(?<![上前后同去今明这那第])[一半](?:个)?)(?:年|月|周|星期|礼拜|天|日|季度|季|学期|届)[\u4e00-\u9fff]{0,6}$")
_REQUIREMENT = re.compile(r"不少于|不低于|不小于|不超过|不高于|不大于|至少|最多|以上|以内|不得")

# Only the verbs by which a plan lays out its own work, and only nouns of tasks: 取消123项审批事项 or 出台50条
#政策 measure what was done (事项, 政策 are no task nouns here).
_PLAN_VERB = re.compile(r"(?:提出|明确|确定|制定|细化|细化为|分解|分解为|梳理|梳理出|列出|部署|安排|聚焦|围绕)了?"
                        r"[\u4e00-\u9fff“”]{0,6}$")
_PLAN_ITEM_AFTER = re.compile(r"[\u4e00-\u9fff“”]{0,4}?(?:任务|举措|措施|行动|重点工作|工作要点)")
_PLAN_UNITS = frozenset({"项", "条", "件", "个", "大"})
_SCOPE_AFTER = re.compile(r"(?:重点|主要|关键)(?:领域|内容|环节|方面|方向)")
# …or the count after the task noun it sums: 重点任务共19项, 具体举措60条 (not 实施…工程13项, a measured output).
_PLAN_ITEM_BEFORE = re.compile(r"(?:重点任务|主要任务|具体任务|工作任务|具体举措|重点举措|具体措施)"
                               r"(?:共|共计|计|合计|有|共有)?$")

# A file size in page chrome (大小：36.5KB, 附件(1.2MB)) measures the page, not the subject: a storage or rate
# figure counts only as a requirement (不小于1MB) or after a measuring word (容量达10PB).
_STORAGE_UNITS = frozenset({"KB", "MB", "GB", "TB", "PB", "Kbps", "Mbps", "Gbps"})
_STORAGE_MEASURE = re.compile(r"达|为|至|增|提升|扩容|容量|总量|存储|带宽|速率|速度|超过|规模")

# 一亩地打三百来斤, 一吨钢要用…: "one unit of X" is the denominator of the rate the clause goes on to give.
_ONE_UNIT_NOUN = re.compile(r"(?![的多余左以上下来至到半])[\u4e00-\u9fff]")
_RATE_FOLLOWS = re.compile(r"[^，,。；;！？!?\n]{0,12}?(?:\d|[二两三四五六七八九十百千万几])")
_AVERAGE_BEFORE = re.compile(r"(?:人均|户均|亩均|平均|均|只有|仅|才|达|为|是)$")

_TITLE_RE = re.compile(r"《[^《》\n]{1,60}》")
# Names built on a counter: the counter does not count the word after it (a 台 counts machines, not hills).
_NAME_AFTER = {"台": re.compile(r"山|河|遗址|县|镇|乡"), "人": re.compile(r"台|转")}
_SITE_AFTER = re.compile(r"遗址|古城|故城|墓群|古墓")
_CLASS_AFTER = re.compile(r"[\u4e00-\u9fff](?<!的)")


_PRONOUN_BEFORE = re.compile(r"(?:我们|你们|他们|她们|它们|咱们)$")
_ATTRIBUTE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?的")
_CAPACITY_UNITS = frozenset({"吨", "千瓦", "兆瓦", "吉瓦", "千瓦时", "兆瓦时", "立方米", "桶"})
_PROJECT_AFTER = re.compile(r"(?:/年)?[^，,。；;！？!?\n\d]{0,16}?(?:项目|生产线|装置)")
_CAPACITY_MEASURED = re.compile(r"(?:达|达到|为|新增|建成|投产|并网|装机|规模|总量|产能|完成|实现|突破|超过|增加|提高|"
                                r"增长|减少|下降|累计|共|合计)[\u4e00-\u9fff]{0,4}$")


def titles(text: str) -> list[tuple[int, int]]:
    """The 《…》 spans of a text (sorted): a number inside a title is part of the name."""
    return [m.span() for m in _TITLE_RE.finditer(text)]


def _clause_start(text: str, pos: int, reach: int = 30) -> int:
    floor = max(0, pos - reach)
    return max([text.rfind(c, floor, pos) for c in _CLAUSE_MARKS + _SENTENCE_MARKS] + [floor - 1]) + 1


def hypothetical(text: str, start: int) -> bool:
    """Is the figure at ``start`` inside a conditional antecedent or the consequent right after it?"""
    if _ANTECEDENT_END.match(text, start):
        return True  # …有了三四五六块的话: the clause is an antecedent whatever opened it
    if not _HYPOTHESIS_IN_CLAUSE.search(text, max(0, start - 60), start):
        return False  # no opener anywhere near: the common case, decided without locating clauses
    lo = _clause_start(text, start)
    clause = text[lo:start]

    opener = _HYPOTHESIS_IN_CLAUSE.search(clause)
    if opener:
        return not _ACCOUNTING.search(text, lo + opener.end(), min(len(text), start + 12))
    if lo == 0 or text[lo - 1] in _SENTENCE_MARKS or not _CONSEQUENT_OPEN.match(clause):
        return False
    prev_lo = _clause_start(text, lo - 1)
    prev = text[prev_lo:lo - 1]
    opener = _HYPOTHESIS_IN_CLAUSE.search(prev)
    return bool(opener) and not _ACCOUNTING.search(prev, opener.end())


def illustrative(text: str, num: str, start: int, end: int) -> bool:
    """A vague count said to make a point (concession, rising series, generic example)."""
    if not _VAGUE_NUM.search(num):
        return False
    after = text[end:end + 12]
    return bool(_CONCESSION_AFTER.match(after) or _SERIES_AFTER.match(after)
                or _SERIES_BEFORE.search(text, max(0, start - 10), start)
                or _GENERIC_BEFORE.search(text, max(0, start - 12), start))


def reject(text: str, m: re.Match, unit: str, scale: str, num: str, value, chinese: bool, has_bound: bool,
           end: int, clause_before: str, in_title: bool) -> bool:
    """True when the figure is one of the families of the module docstring."""
    if in_title:
        return True
    if unit not in ("%", "‰") and _PRONOUN_BEFORE.search(text, max(0, m.start() - 2), m.start()) \
            and not _ATTRIBUTE_AFTER.match(text, end):
        return True  # 我们两家公司都…: the group named by who it is
    if unit in _CAPACITY_UNITS and not has_bound and _PROJECT_AFTER.match(text, end) \
            and not _CAPACITY_MEASURED.search(clause_before):
        return True  # 审核60万吨乙烯项目: a project named by its capacity
    if unit in _STORAGE_UNITS and not has_bound and not _STORAGE_MEASURE.search(clause_before):
        return True
    if unit == "番" and "翻" not in text[max(0, m.start() - 3):m.start()]:
        return True  # 番 measures only a doubling (翻两番); 一番话, 三番五次 count nothing
    if hypothetical(text, m.start()):
        return True
    if illustrative(text, m.group("num"), m.start(), end):
        return True
    if unit in _FREQUENCY_UNITS and not _REQUIREMENT.search(m.group()) and not _REQUIREMENT.search(clause_before) \
            and value is not None and value <= 12 \
            and _FREQUENCY_BEFORE.search(clause_before):
        return True
    if m.group("num") == "一" and not scale and not has_bound and unit and not m.group("num2") \
            and _ONE_UNIT_NOUN.match(text, end) \
            and _RATE_FOLLOWS.match(text, end) and not _AVERAGE_BEFORE.search(clause_before):
        return True
    after = text[end:end + 10]
    if unit in _PLAN_UNITS and not scale and not has_bound and _SCOPE_AFTER.match(after):
        return True
    if unit in _PLAN_UNITS and not scale and not has_bound and (
            (_PLAN_ITEM_AFTER.match(after) and _PLAN_VERB.search(clause_before))
            or _PLAN_ITEM_BEFORE.search(clause_before)):
        return True
    if chinese and not scale and unit in _NAME_AFTER and _NAME_AFTER[unit].match(text, end):
        return True
    if chinese and unit and _SITE_AFTER.match(text, end):
        return True
    if chinese and unit == "类" and not scale and not has_bound and value is not None and value <= 9 \
            and _CLASS_AFTER.match(text, end):
        return True
    return False
