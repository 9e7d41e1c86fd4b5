"""Numbers that look like measurements but are not statistics.

Speeches are full of counted things that measure nothing: the structure of the talk (我讲四个问题,
两条缺点, 三个条件之一), programme names and slogans (八项行动, 两个市场两种资源, “四个意识”), figures of
speech (一万年, 几十只手), durations (奋战三个月, 近5个月), ordinals, sessions and identifiers. Each rule
here is one such family, stated on the words around the number, never on a particular document.
"""

from __future__ import annotations

import bisect
import re

from annotator.nlp.numerals import cn_range, cn_to_int
from annotator.suggest import conditionals, nonmeasure

# Counting units that, after a lone 一, make an article ("作为一项任务", "一批", "一次") not a count.
_COUNT_UNITS = frozenset("个家项所件场次名位座条台辆套册篇支批天份张处间栋株棵头只起部类种块笔口门首本颗枚盏例宗") | {
    "个月", "小时", "分钟", "人", "户", "个小时", "个星期", "周"}
# Discourse counts structure the speech: 7个方面的问题, 两条缺点, 两个积极性, 三个条件之一, 三种立场, 两种态度.
_DISCOURSE_AFTER = re.compile(
    r"方面|层面|问题|意见|体会|要求|关系|环节|缺点|优点|积极性|条件|(?:[\u4e00-\u9fff]{0,2}(?:方面|层面|问题|意见|体会|建议|要求|关系|环节|字|缺点|优点|积极性|条件|好处|坏处|"
    r"办法|矛盾|观点|特点|教训|经验|错误|理由|因素|途径|东西|事情|目的|步骤|阶段|立场|态度|不好|好|点))(?:之一|[，。：:；、]|$)"
    r"|[\u4e00-\u9fff]{0,6}之一|[：:]")
# A small count that the next words enumerate counts the parts of the talk: 机会主义有两种，一种是… (26); 这次全国代表
# 会议有三个议事日程:第一，… (20); 有两条宗旨是必须注意的：第一是… (45).
_ENUMERATED_AFTER = re.compile(r"[^。；;！？!?\n]{0,16}?[：:，,]\s*(?:第一|一(?:种|个|条|类|点|项)?是|其一)")
# After a small Chinese numeral, an abstract noun makes a figure of speech: 两件大事, 三项制度, 两个责任.
_ABSTRACT_AFTER = re.compile(r"大事|制度|原则|底线|红线|责任|作用|能力|意识|思想|精神|理念|观念|重点|任务|"
                             r"目标|机制|体系|优势|短板|难题|矛盾|环境|工作|关口|导向|定位|维度|战略|布局|"
                             r"积极性|主义|路线|方针|政策|阶级|司令部|拳头|脚|手|把|刀子")
# Meetings and sessions are names: 十四届七次全会, x届x次全委会议, 三次党代会.
_SESSION_AFTER = re.compile(r"(?:全体|全委|常委)?(?:全会|会议|大会|党代会|代表大会|常委会)")
_NAME_AFTER = re.compile(r"[\u4e00-\u9fff]{2}(?:[、和与及”，。；]|$)")
# Programme names: 八项行动, 十项民生实事, 三大攻坚战, 两个市场两种资源, 几十个五年计划.
_PROGRAMME_AFTER = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:行动|工程|实事|举措|措施|规定|纪律|注意|战|攻坚|专项|市场|资源|中心|服务|清单|"
    r"示范区|联动|法宝|作风|纲领|计划|规划|条例|五年)|[一二两三四五六七八九十]+(?:个|种|年)")
# Numbered slogans and policy names: a count inside them is part of the name.
SLOGAN_RE = re.compile(  # one numeral character: 三个代表 is a slogan, 七十个代表 a count
    r"(?<![一二两三四五六七八九十百千])[一二两三四五六七八九十](?:个|项|大|条)?"
    r"(?:意识|自信|维护|确立|全面|代表|确保|务必|伟大|明确|坚持|毫不动摇|服从|一百年|规定|纪律|注意|"
    r"责任|统筹|文明|必须|区分开来|体系|机制建设|着力|重点任务|工程)"
)
# Figures of speech: 一万年以后, 一万丈, 几十只手, 千军万马, 成千上万.
# Four-character idioms with numerals count nothing either (三位一体, 1945 cadre speech probe; 五湖四海, 千方百计…).
_FIGURATIVE = re.compile(r"[一几][千万]年|万丈|千丈|更上一层楼|[几数]十只手|千军万马|成千上万|千千万万|万万|九牛|千秋万代|千家万户|"
                         r"[一二两三四五六七八九十几百]+万年|三位一体|五湖四海|四面八方|一五一十|三心二意|七上八下|千方百计|"
                         r"三番五次|七嘴八舌|五花八门|四分五裂|三令五申|千辛万苦|万无一失|十全十美|百战百胜|千差万别|千变万化|"
                         r"万众一心|一清二楚|一干二净|三五成群|七零八落|八仙过海|四通八达|五光十色|六神无主|九死一生|"
                         # hyperbole and set phrases of speech (一百个放心, 十二分的, 十万八千里, 三天两头…)
                         r"一百个(?:放心|不|没|愿意|满意|心)|十二分|万分|十万八千里|三天两头|三言两语|两面三刀|说一不二|"
                         r"独一无二|一心一意|一丝一毫|一草一木|一砖一瓦|一针一线|千篇一律|一日千里|千载难逢|千钧一发|"
                         r"百尺竿头|百花齐放|百家争鸣|万紫千红|十年树木|百年树人|百年大计|千里之行|一传十|十传百|"
                         r"九牛二虎|三头六臂|七手八脚|七拼八凑|横七竖八|乱七八糟|一五一十|半斤八两|朝三暮四|不三不四|"
                         r"百依百顺|千秋万世|万古长青|千百万|千百年|亿万|"
                         # vague spans of time in speech: 十天半个月, 三年五载, 一年半载
                         r"十天半个?月|三年五载|一年半载|三年两年|一天两天|三两天|两三天")
# "Not even one": 一担水也不挑 (1945 probe), 一点好处也没有, 一枪未发 — a negation, nothing measured.
_NOT_EVEN_ONE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?[也都](?:不|没|未|无|决不|绝不)|(?:未|没|不)[\u4e00-\u9fff]?[，。；]")
# A small count right after the items it sums names them, it measures nothing: 选择石油、钢铁和有色三个行业 (a 2005
# State Council letter, probe), 机构、编制、人员、经费四个到位 (15), 无产阶级和资产阶级两条路线 (17), 主观主义、宗派主义这两个
# 东西 (53), 省域、市域、城区三个“1小时交通圈” (55) — none is a statistic in the gold. The count must stand before a noun
# (新建学校和幼儿园三所 counts).
_ENUMERATION_BEFORE = re.compile(r"[\u4e00-\u9fff“”]{1,10}(?:、[\u4e00-\u9fff“”]{1,10})*(?:、|和|及|与|以及)[\u4e00-\u9fff“”]{1,10}?"
                                 r"(?:这|等)?$")
# A small count of kinds names a typology, it measures nothing: 还有三种形式的合作社, 这又有几种样式 (1943 probe),
# 两种方式, 三种类型 (enumerated or not).
_KINDS_AFTER = re.compile(r"(?:形式|样式|类型|方式|类别|做法|倾向|所有制|世界观)")
# A measurement verb or adverb right before a small count makes it a statistic: 只有六户, 发展到一百个.
_MEASURE_BEFORE = re.compile(
    r"(?:有|达|到|为|共|计|增|减|建|新增|完成|发展|留下|缩减|超过|占|每|平均|只|仅|约|近|累计|全年|年内|培训|"
    r"组建|覆盖|命名|扶持|选派|开工|解散|消灭|剿灭|吸收|参加|受到|配备|拥有|涉及|分别|先后|招|办|设|派|"
    r"提高|降低|减少|增加|扩大|压减|实现|新开工|投入|举办|签约|引进|培育|认定|创建|全[市县区镇乡省国村])[了过]?[\u4e00-\u9fff]{0,6}$")
# A duration measures when something is shortened, lengthened or reached (缩短5天, 优良天数达到318天).
# Counters of anything at all (个, 项, 次…): with a small Chinese numeral they count talk, not things,
# unless a measurement verb says otherwise. Physical units (公里, 座, 户, 吨) always measure.
_GENERIC = frozenset("个项条种次件点把只张类期")  # 期: 长江存储三期, 二期工程 name a phase
_DURATION_UNITS = frozenset({"天", "小时", "分钟", "个月", "个小时", "个钟头", "钟头", "秒", "秒钟", "个星期", "星期",
                             "周", "个工作日", "工作日"})
_DURATION_MEASURE = re.compile(r"(?:缩短|延长|提前|减少|增加|压缩|降至|降到|平均|累计|达到|(?<![送到表传下通抵])达|为|用时|"
                               r"控制在|天数|时长|工期|周期|时数|日数|寿命)[\u4e00-\u9fff]{0,4}$")
# A natural or technical period given as an approximate value measures it: 无霜期100天左右, 日照时间约2500小时 —
# a procedural period stated exactly (公示期为7天) and a task's duration (奋战三个月) do not.
_PERIOD_NOUN_BEFORE = re.compile(r"(?:期|时数|日数|天数|时长|时间|寿命|年限|周期|历时|耗时)(?:一般|平均|大约|约|为|是|达|在|长达)*$")
_APPROX_POST = re.compile(r"左右|上下")
# 前1%学科24个: a percentile naming a class of things counted next is part of the class's name (as 世界500强).
_CLASS_NOUN_AFTER = re.compile(r"(?![的，,。；;、])[\u4e00-\u9fff]{1,6}\d")
# Natural periods are measured whatever the wording: 无霜期110天, 年日照时数2700小时, 人均预期寿命78.5岁.
_NATURAL_PERIOD_BEFORE = re.compile(r"(?:无霜期|生长期|冻土期|封冻期|结冰期|霜期|日照|寿命|时数|日数|天数)"
                                    r"(?:一般|平均|大约|约|为|是|达|在|长达)*$")
# A period a rule sets (公示期为7天, 试用期为三个月, 有效期为2年) is a term, not a measurement — unless stated as a
# requirement (公示期不少于5个工作日, as 不少于1小时 is a quota).
_RULE_PERIOD_BEFORE = re.compile(r"(?:公示|试用|有效|申报|公告|整改|观察|缓冲|过渡|保护|考察|报名|评审|征求意见|审查|办理|"
                                 r"受理|等待|异议)(?:期|期限|时限|时间)(?:一般|为|是|均为)*$")
# A streak says how long something has held, it measures nothing: 连续9年稳定在…, 连续13个月正增长,
# 连续三年被评为… (the figure after it, if any, is the statistic).
_STREAK_BEFORE = re.compile(r"连续(?:第)?$")
_STREAK_UNITS = frozenset({"年", "个月", "月", "天", "日", "届", "次", "季度", "周"})
# N条 naming a document or a set of rules: 十七条协议, 农业发展纲要四十条, 稳增长“21条”.
_RULESET_AFTER = re.compile(r"(?:协议|协定|规定|意见|措施|办法|纪律|禁令|军规|政策|纲要)")
_RULESET_BEFORE = re.compile(r"(?:纲要|条例|协议|规定|意见|的|稳增长)[“\"]?$")
# The items of an agenda or a package are counted to name it, not measured: 扎实推进30项民生工程, 着力抓好年初布置的
# 11件大事 (30), 纳入国家102项重大工程 (23), 梯次推出三批 (31). A task verb governs the count and a programme word (or
# nothing) follows it; the same count after the noun it measures (实施农村电网升级改造工程13项, 38) stays a statistic.
_AGENDA_VERB_BEFORE = re.compile(r"(?:推进|抓好|抓实|办好|办实|实施|落实|纳入|推出|出台|布置|部署|谋划|安排|启动|聚焦|"
                                 r"突出|围绕|完成好|做好)[\u4e00-\u9fff“”]{0,8}$")
_AGENDA_AFTER = re.compile(r"[“”\"]?[\u4e00-\u9fff]{0,4}(?:工程|大事|实事|工作|任务|行动|项目|举措|措施|政策|改革|"
                           r"事项|重点|攻坚|活动)")
# A figure given once and then used to name the group it counted refers back, it measures nothing new:
# 有五百万左右知识分子…这五百万左右的知识分子中, 在五百万总数中, 就五百万的总数来说 (the 1957 propaganda
# speech, 17); 申报的有几百万人…对这几百万人加税 (a tax blog, search-index file 37828726670).
# …and stands where a name stands: after a demonstrative, 在/就 (not 稳定在, 控制在), or opening a clause.
# A bare repeat after a clause mark is measured again (gold convention of batches 12 and 13: 站在占全人口百分之九十五以上的…
# 一边 after the share was given, 79; the second 八万只鸡, 71): only a word that points back makes it a name.
_REFERENCE_BEFORE = re.compile(r"(?:这|那|(?<![定制持])在|就|(?:他们|我们|你们|它们)的)$")
_REFERENCE_AFTER = re.compile(r"(?:的|总数|人数|中间|之中|当中|中(?![国央心学期部等型])|里头|里面)")
# 这三个条件, 前四年, 上述两项: a demonstrative points back, it does not measure.
# …with its classifier too: 比起过去那个三十万人的军队来 (79), 这个一千多万的数字.
_DEMONSTRATIVE_BEFORE = re.compile(r"(?:这|那|此|该|上述|前述|其余)(?:个)?$")
# Compiled once (reject runs for every number of the text).
_RULESET_END_RE = re.compile(r"[里中是已都就的，,。；;、）)”\s]|$")
_CLAUSE_END_RE = re.compile(r"[，,。；;]|$")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_SMALL_COUNT_RE = re.compile(r"[一二两三四五六七八九十]+(?:个|种|年)")
_REQUIREMENT_RE = re.compile(r"不少于|不低于|不小于|不超过|不高于|不大于|至少|最多|以上|以内")
_HALF_PERIOD_RE = re.compile(r"半[月年]")
_FEW_TENS_RE = re.compile(r"几十?")
# A verb or 第 before a phase count counts sessions held (组织技能培训十五期, 举办三期): not a phase's name.
_PHASE_COUNT_BEFORE = re.compile(r"(?:有|达|到|为|共|计|办|开展|培训|完成|组织|第|了)$")
# A count right after a 类-count: the items of the groups just counted.
_COUNT_NEXT_RE = re.compile(r"\d|[一二两三四五六七八九十百]+[个件项条]")
# The consequent of a hypothesis computes, it measures nothing: 假定一百个人中有一个共产党员，…中就有四百五十万 (45);
# 如果要安排，这届中委的名额就要增加到好几百人 (53). The figures of the premise itself (全中国四亿五千万人) still count.
_HYPOTHESIS_OPEN = conditionals.compile_(*conditionals.SUPPOSITION, prefix=r"(?:(?<![^。！？\n])|[，,：:])\s*")
_CONSEQUENT_BEFORE = re.compile(r"就(?:有|要|会|是|得|需|可以)?[\u4e00-\u9fff]{0,6}$")
# A unit character that starts a longer word is not a unit: 两位数, 一所有, 三条件, 14亿人口, 五千万人民.
_UNIT_WORD_AFTER = re.compile(r"(?<=位)数|(?<=所)(?:有|以(?![上下内])|在|属|谓|得)|(?<=家)(?:庭|长|园|乡|属)|"
                              r"(?<=条)(?:件|例|款|约)|(?<=台)阶|(?<=支)(?:持|撑|部)|(?<=处)(?:理|置|于)|"
                              r"(?<=只)(?:有|要|是)|(?<=张)力|(?<=场)(?:景|所|地)|(?<=名)(?:义|称|单|额|字)|"
                              r"(?<=期)(?:间|末|限|满|待|望|盼|工程|项目|建设)|(?<=人)(?:口|民|员|才|们|群|士|类)|"
                              r"(?<=户)(?:籍|口|外)|(?<=部)(?:门|分|署|长|队|委|位|件|属)|(?<=厂)(?:房|长|区|商)|"
                              r"(?<=种)(?:植|类|子|养|业)|(?<=类)(?:型|别|似)|(?<=层)(?:面|级|次)|"
                              r"(?<=起)(?:来|步|点|草)|(?<=头)(?:脑|号)|(?<=师)(?:范|傅|生|资|长|父|徒)|"
                              r"(?<=军)(?:人|队|事|民|官|区|委|费|属|令|训|衔|长|工)|(?<=旅)(?:游|客|行|馆|店|程|途|居)")
_URLISH = re.compile(
    r"(?:https?://|www\.)[\x21-\x7e]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.]+"
    r"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org)[\x21-\x7e]*"
)


def masked(text: str) -> str:
    """Blank out URLs and e-mail addresses (same length) so their digits are never counted."""
    return _URLISH.sub(lambda m: " " * len(m.group()), text)


class Context:
    """What the rules need to know about the whole text, computed once."""

    def __init__(self, text: str):
        self.slogans = [m.span() for m in SLOGAN_RE.finditer(text)]
        # A Chinese-numeral count inside a short quotation is a slogan's part: “双措并举、二次覆盖”.
        self.slogans += [m.span() for m in re.finditer(r"“[^“”\n]{1,14}”", text)]
        self.figurative = [m.span() for m in _FIGURATIVE.finditer(text)]
        self.titles = nonmeasure.titles(text)

        self.slogans.sort()
        self.figurative.sort()

    @staticmethod
    def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
        """Is [start, end) inside one of the (sorted, short) spans? Only spans starting ≤ start count."""
        i = bisect.bisect_right(spans, (start, float("inf")))
        return any(s <= start and end <= e for s, e in spans[max(0, i - 4):i])


def _small(num: str) -> bool:
    value = cn_to_int(num)
    if value is None:
        loose = cn_range(num)
        value = loose[1] if loose else None
    return value is not None and value <= 10


_CLAUSE_TAIL_RE = re.compile(r"[^，,；;。！？!?：:、（）()\n]*\Z")


def _clause_before(text: str, pos: int, reach: int = 10) -> str:
    """The last ``reach`` characters before ``pos`` back to a clause mark (one regex search in C)."""
    return _CLAUSE_TAIL_RE.search(text, max(0, pos - reach), pos).group()


# A round Chinese number of people or units counted without a counter: 四千学生, 三百农户.
COUNTED_NOUN_RE = re.compile(r"学生|农民|工人|干部|党员|群众|农户|职工|代表|士兵|战士|教师|医生|企业|工厂|学校|人口")


def unit_starts_word(text: str, pos: int) -> bool:
    return bool(_UNIT_WORD_AFTER.match(text, pos))


def _given_before(text: str, figure: str, pos: int) -> bool:
    """Was ``figure`` written before ``pos`` as a figure of its own (5% inside 25% does not count)?"""
    at = text.find(figure, 0, pos)
    while at >= 0:
        if not (at and (text[at - 1].isdigit() or text[at - 1] == "." or cn_to_int(text[at - 1]) is not None)):
            return True
        at = text.find(figure, at + 1, pos)
    return False


def reject(text: str, m: re.Match, unit: str, scale: str, num: str, value, chinese: bool, placeholder: bool,
           context: Context, end: int) -> bool:
    """True when the match is a number but not a statistic (see the module docstring)."""
    before = text[max(0, m.start() - 1): m.start()]
    after = text[end: end + 8]
    # The clause before the figure, read once: a shorter reach is its tail (see _clause_before).
    lead16 = _clause_before(text, m.start(), 16)
    lead10 = lead16[-10:]
    has_bound = bool(m.group("pre") or m.group("post") or m.group("approx1") or m.group("approx2"))
    if placeholder and (before.isascii() and before.isalnum()):
        return True  # "DOCX", "20xx": letters of a word or a year, not a template count
    if not chinese and not placeholder and unit != "pH" and before and before.isascii() \
            and (before.isalnum() or before in "./:@_#-"):
        return True  # part of an ID, a version, a URL leftover
    figure = text[m.start():end]
    # The cheap context tests first: searching the text before for the figure is the costly part.
    if len(figure) >= 2 and (
            _DEMONSTRATIVE_BEFORE.search(text, max(0, m.start() - 3), m.start())
            or (_REFERENCE_AFTER.match(after) and _REFERENCE_BEFORE.search(text, max(0, m.start() - 3), m.start()))) \
            and _given_before(text, figure, m.start()):
        return True  # 这五百万左右的知识分子: the figure given before, now naming its group
    if unit == "条" and chinese and not has_bound and value is not None and value >= 10 and not scale \
            and _CJK_RE.match(before) and _RULESET_END_RE.match(after) and not _MEASURE_BEFORE.search(lead10) \
            and len(re.sub(r"^(?:例如|比如|像)", "", lead16)) <= 8:
        return True  # 农村公社六十条，工业企业七十条 (79), 农业发展纲要四十条: a set of rules named by its count, a short noun
        # phrase of its own (全年制定修订地方性法规十七条 counts what was made)
    if unit == "条" and not has_bound and (_RULESET_AFTER.match(after) or (
            _RULESET_BEFORE.search(text, max(0, m.start() - 4), m.start())
            and _RULESET_END_RE.match(after))):
        return True  # 十七条协议, 纲要四十条: the name of a set of rules, not a count
    if unit in ("项", "件", "批", "条") and not has_bound \
            and (_AGENDA_AFTER.match(after) or before in "“\"" or (unit == "批" and _CLAUSE_END_RE.match(after))) \
            and _AGENDA_VERB_BEFORE.search(lead16[-14:]):
        return True  # 扎实推进30项民生工程: the size of an agenda, named
    if unit == "期" and chinese and _small(num) and not has_bound and _CJK_RE.match(before) \
            and not _PHASE_COUNT_BEFORE.search(text, max(0, m.start() - 2), m.start()):
        return True  # 行政办公区二期 (12), 招远核电一期 (31): a project's phase named; 举办三期 still counts
    if (unit == "类" and _COUNT_NEXT_RE.match(text, end)) or (before == "类" and not has_bound):
        return True  # 12类45件民生实事 (56), 五大类23个主要指标 (23): how a plan's items are grouped and counted
    if unit in _STREAK_UNITS and _STREAK_BEFORE.search(text, max(0, m.start() - 3), m.start()):
        return True
    if text[max(0, m.start() - 3):m.start()].rstrip()[-1:] == "第" \
            or (before and before in "头前后" and not m.group("pre")
                and (unit not in ("%", "‰") or _CLASS_NOUN_AFTER.match(text, end))):
        return True  # ordinal, 前四年 (前25%的学生 is a share: a percentile phrase)
    if _DEMONSTRATIVE_BEFORE.search(text, max(0, m.start() - 3), m.start()) and unit not in ("%", "‰"):
        return True  # 这三个条件 (这5%的人, a share not given before, is measured); 对这一千多万党员 (after 有一千零七十三万党员): the group counted before, named
    if text[end:end + 1] in "”\"" and context.inside(context.slogans, m.start(), end):
        return True  # 迭代升级“民营经济32条”: a count closing a quoted name is part of the name
    lead = lead16[-14:]
    if lead.startswith(tuple(conditionals.SUPPOSING)):
        return True  # 假定一百个人中有一个…: the premise's own figure is supposed, not measured (如果 may state a fact)
    if "就" in lead and _CONSEQUENT_BEFORE.search(lead):
        sentence = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        if _HYPOTHESIS_OPEN.search(text, sentence, m.start() - len(lead)):
            return True
    if unit == "次" and (_SESSION_AFTER.match(after) or before == "届"):
        return True
    if context.inside(context.figurative, m.start(), m.end()) or _FIGURATIVE.match(text, m.start()):
        return True
    if unit in ("岁", "周岁") and end < len(text) and "\u4e00" <= text[end] <= "\u9fff" and text[end] != "的":
        return True  # an age qualifying a noun (65岁以上老人); only an age standing alone is measured
    if not scale and unit in ("个", "条", "项", "点", "种", "件", "类") and _DISCOURSE_AFTER.match(after):
        return True
    if chinese and not scale and _small(num):
        if unit in ("个", "条", "种", "项", "类", "点") and not has_bound \
                and _ENUMERATED_AFTER.match(text, end, min(len(text), end + 40)):
            return True  # 有两种，一种是…: the parts enumerated next
        if unit in ("个", "条", "种", "项") and after.startswith(("“", '"')):
            return True  # 两个“关”: a count naming the quoted concepts, like “四个意识”
        if unit in ("个", "件", "项", "条", "种", "把", "只") and _ABSTRACT_AFTER.match(after):
            return True
        # 两个普遍、四个中心和…: a small count fused with a two-character noun is a programme's name.
        if unit == "个" and _NAME_AFTER.match(after):
            return True
        if unit in ("个", "项", "大", "条", "种", "张") and _PROGRAMME_AFTER.match(after):
            return True
    if chinese and unit and _PROGRAMME_AFTER.match(after) and _SMALL_COUNT_RE.match(after):
        return True  # 几十个五年计划, 两个市场两种资源
    if chinese and (context.inside(context.slogans, m.start(), m.end())
                    or context.inside(context.slogans, m.start("num"), m.start("num") + 1)):
        return True
    if num == "一" and not scale and unit in _COUNT_UNITS and not has_bound:
        return True  # 一项任务, 一批, 一次: an article
    if num == "一" and not scale and not has_bound and _NOT_EVEN_ONE_AFTER.match(text, end):
        return True  # 一担水也不挑: "not even one"
    if chinese and not scale and not has_bound and _small(num) and _CJK_RE.match(text, end) and text[end] != "的":
        lo = max(text.rfind(c, 0, m.start()) for c in "，,。；;：:\n") + 1
        if lo > m.start() - 40 and _ENUMERATION_BEFORE.search(text, lo, m.start()):
            return True  # 石油、钢铁和有色三个行业: the items just listed, counted to name them
    if before == "当" and text[end:end + 1] in ("用", "花", "使"):
        return True  # 这支军队也要当两支用 (1943 probe), 一分钱当两分钱花: a figure of doubled use
    if chinese and unit == "种" and not scale and _small(num) and _KINDS_AFTER.match(after):
        return True  # 三种形式的合作社: the kinds of a typology
    requirement = _REQUIREMENT_RE.search(m.group())
    if unit in _DURATION_UNITS and not requirement and _RULE_PERIOD_BEFORE.search(lead10):
        return True  # 公示期为7天: a term a rule sets
    if unit in _DURATION_UNITS and not placeholder and not requirement \
            and not _DURATION_MEASURE.search(lead10) \
            and not _NATURAL_PERIOD_BEFORE.search(lead10) \
            and not ((_APPROX_POST.search(m.group()) or m.group("num2"))
                     and _PERIOD_NOUN_BEFORE.search(lead10)):
        return True  # 奋战三个月, 近5个月, 24小时值班: how long, not how much
    if nonmeasure.reject(text, m, unit, scale, num, value, chinese, has_bound, end, lead16,
                         context.inside(context.titles, m.start(), end)):
        return True
    if _HALF_PERIOD_RE.match(after):
        return True  # 十三个半月
    if chinese and not scale and not has_bound and value is not None and (value < 10 or _FEW_TENS_RE.fullmatch(num)) \
            and unit in _GENERIC \
            and not _MEASURE_BEFORE.search(lead10):
        return True  # 开三次会, 不是两个脚: a small count with no measurement around it
    return False
