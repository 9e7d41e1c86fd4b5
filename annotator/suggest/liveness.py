"""Is a cue live? The clause frames that make a modal cue state, report, want or describe rather than order.

A cue list (annotator.suggest.cues) says where an instruction may be; ``live_cue`` asks of the clause around it
whether it is reported (有人说…, 说什么…), a purpose and its cost (要…，也还得几年), a prediction's content, a
description (这是要…的一场革命, 是…要…者), a comparison, someone else's will (他们…，就要…) — the sentence frames of
annotator.suggest.modality applied to the cue's clause. Split from annotator.suggest.directives, which cuts the
text and builds the spans; every frame is backed by dev documents or unmarked probes (numbers: tests/data/suggest_gold).
"""

from __future__ import annotations

import re

from annotator.suggest import cues, modality
from annotator.suggest.clause import _TRIM, Cue, _skip_prefix, analyse_clause
from annotator.suggest.context import in_shortcomings as _in_shortcomings
from annotator.suggest.context import sentence_end as _sentence_end

# Compiled once: live_cue runs for every clause.
_FORMULA_RE = re.compile(r"应(.)尽\1")  # 应延尽延, 应保尽保: a formula that still orders
# A verb, then a determiner: the …的人 after it is the verb's object, not a head the 要 clause describes (就是要团结那些
# 跟自己作过斗争的人, 53; 要争取一切可以争取的人).
_OBJECT_NP_RE = re.compile(r"[\u4e00-\u9fff]{1,3}?(?:那些|这些|一切|所有|广大|全体|更多)")
# An -ism after a verb is that verb's object, not the topic whose aim is stated: 反对宗派主义，就是要团结… (53) orders,
# 民族主义，就是要打倒… (33) defines.
_AGAINST_RE = re.compile(r"\s*(?:反对|克服|纠正|防止|肃清|坚持|发扬|实行|贯彻)")
# 说什么… dismisses a claim; 我不是说…, 这不是说… denies one (我不是说甲乙丙丁等字不能用, 1942 talk; 这不是说不要速, 1944).
_CLAIMED_RE = re.compile(r"(?:说|讲|叫嚷|宣传)什么|(?:不是|并非|并不是)(?:说|讲)")
def _claimed(text: str, sentence_start: int, at: int) -> bool:
    """True when the cue stands in a claim dismissed or denied, and no 而是 (the speaker's own point) came after it."""
    last = None
    for last in _CLAIMED_RE.finditer(text, sentence_start, at):
        pass
    return last is not None and "而是" not in text[last.end():at]


# A 要 clause completed by how hard it is (要做…肃清工作，是不容易的; 1942 talk) states a purpose, and so does one whose
# own clause says what the aim meets (…要放手发动内战也有许多困难, 1945 talk).
_HARD_NEXT_RE = re.compile(r"\s*(?:这|那)?(?:是|就|也|都|确实|实在)*(?:很|十分|非常|极)?(?:不容易|难|困难|不可能|不简单)")
_HARD_SAME_RE = re.compile(r"(?:也|还|都|确)有[^，。；]{0,6}困难|(?:是|也)?(?:很|十分)?不容易")
# 就是要 + a verb of telling after a saying: what it was meant to do (…守的是人民的心，就是要告诫全党同志…).
_TELLING_RE = re.compile(r"告诫|提醒|告诉|说明|表明|昭示|警示")
_RHETORICAL_RE = re.compile(r"为什么|为何|何必|难道")
# 是 with a subject of its own before the cue, the clause closing on 的: a cleft that describes (是我们要强迫改造的).
_CLEFT_HEAD_RE = re.compile(r"(?<![就也还总但而])是(?!否)[^，。；是]{1,12}?(?:都|也)?$")
# A modal + a question word is an embedded question: 应当怎么办, 要怎样 (a question in every text of the search index).
_WH_AFTER_RE = re.compile(r"(?:怎么|怎样|如何)(?:办|做|定|搞|干|处理|对待)?(?=[，,。；;？?]|呢|$)")
# 这一点 right after a verb of knowing or doing is that verb's object, not a clause turned into a noun: 一定要认识到这一点 (77),
# 要做到这一点, 要注意这一点 (common in speeches; the search index has 认识到这一点 only so).
_POINT_OBJECT_RE = re.compile(r"(?:认识到|意识到|看到|看清|做到|注意到|注意|记住|懂得|明白|强调|想到|重视|坚持|承认|理解)这一点$")
_SPEAKER_PROPOSES_RE = re.compile(r"(?:^|[^们])我(?:向[^，。；]{1,10}?)?$")
# 决不/绝不 + a verb after the speaker's side said what it is (我们是…的，绝不…) declares a stance; 决不能/决不允许 still forbid.
_BAN_AFTER_RE = re.compile(r"能|可|允许|准|许|要|让|容|得")
_OUR_STANCE_RE = re.compile(r"\s*(?:但是?|而且|并且)?我们(?:[\u4e00-\u9fff]{0,3}?)(?:也|都|还|始终|从来|历来)?是(?!否)")
# The speaker's side or the audience as the subject of a consequent: they are told what to do then.
_ADDRESSED_HEAD_RE = re.compile(r"\s*(?:我们|你们|咱们|大家|同志们)(?:也|还|都)?就$")


def _aim_before(text: str, sentence_start: int, at: int) -> bool:
    aim = cues.AIM_BEFORE_RE.search(text, sentence_start, at)
    if aim is None:
        return False
    c0 = max(text.rfind("，", sentence_start, aim.start()), text.rfind(",", sentence_start, aim.start()), sentence_start - 1) + 1
    return not (text.startswith("主义", aim.start()) and _AGAINST_RE.match(text, c0, aim.start()))


def _third_party_opens(text: str, clauses: list[tuple[int, int]], i: int, sentence_start: int) -> bool:
    """True when the clause before clause ``i`` (in the sentence) opens with a third party (他们识了字，就要…)."""
    prev = clauses[i - 1]
    return prev[0] >= sentence_start and bool(cues.THIRD_PERSON_RE.match(text, prev[0] + _skip_prefix(text[prev[0]:prev[1]])))


_OWN_SAYING_RE = re.compile(r"(?:而是|就是|也就是|这就是)说")  # the speaker's own point, not someone's words
_SAID_END_RE = re.compile(r"(?:说|讲|认为|主张|提出|提议)[^，。；]{0,2}$")
_YAO_OPEN_RE = re.compile(r"(?:并且|而且|并|但是?|可是)?要")
# 这是/那就是 + a 要 clause that closes on 的 + a noun: the clause describes the noun (这是要把…埋葬的一场革命).
_THIS_IS_RE = re.compile(r"\s*(?:这|那)(?:就|也|才|正|将)?是")
_DESCRIBED_END_RE = re.compile(r"的(?:一[个场种项条次])?[\u4e00-\u9fff]{1,4}$")


def live_cue(text: str, sentence_start: int, clauses: list[tuple[int, int]], i: int, past: bool) -> Cue | None:
    """The cue of clause ``i`` unless it is reported, a purpose clause or a prediction's content."""
    c_start, c_end = clauses[i]
    clause = text[c_start:c_end]
    cue = analyse_clause(clause, past)
    if cue is None or cue.kind not in ("modal", "please"):
        return cue
    m = cues.modal_outside_titles(clause, _skip_prefix(clause)) or cues.PLEASE_RE.search(clause)
    at = c_start + (m.start() if m else len(clause))
    # The reporting verb may stand in the clause before (有些同志认为，只能放香花，不能放毒草).
    frame = clauses[i - 1][0] if i > 0 and clauses[i - 1][0] >= sentence_start else c_start
    if "我" in text[c_start:at]:
        frame = c_start  # 我建议…: the speaker's own words, whatever was reported before
    if frame < c_start and cues.CONDITION_RE.match(text, frame):
        # …but a condition before holds what it says inside itself: in 如果人家认为不够，请他提出来 (79) what 人家 thinks is
        # 不够, and the 请 of the consequent is the speaker's (你说只要放香花，不要放毒草 still reports, 13).
        said = None
        for said in cues.REPORTED_RE.finditer(text, frame, c_start):
            pass
        if said is None or text[said.end():c_start].strip(_TRIM):
            frame = c_start
    if cues.REPORTED_RE.search(text, frame, at) or cues.QUOTED_RE.search(text, sentence_start, at):
        return None
    if m and modality.killed(text, sentence_start, at):
        return None  # 要想…不可能 wants, 应当是可能的 judges, 中央总是叫我们要… reports (annotator.suggest.modality)
    line_start = text.rfind("\n", 0, at) + 1
    close = text.find("”", at, at + 24)
    if close >= 0 and text.count("“", line_start, at) > text.count("”", line_start, at) \
            and "“" not in text[at:close] and not _FORMULA_RE.match(text, at, at + 4):
        return None  # “坚决收缩”的方针, “五个必须”, 真是“高山也要低头…”: a name or a saying quoted (the formula “应援尽援” still orders)
    if m and cues.THIRD_PERSON_RE.search(text, c_start + _skip_prefix(clause), at) and "我" not in text[c_start:at] \
            and m.group() not in modality.NECESSITY_CUES:
        return None  # 他们还要看一看: a third party's 要 wants or will; its 应该/必须 still prescribe (他们应该知道…)
    head = text[c_start + _skip_prefix(clause):at]
    if m and cues.STANCE_AFTER_RE.match(text, at) and cues.STANCE_RE.search(text, c_start, at):
        return None  # 一部分人坚决不愿意干, 人民都坚决反对: their stance reported
    if m and m.group() in cues.ADVERBIAL_CUES and cues.THEME_RE.search(text, sentence_start, at):
        return None  # 大会主题是：…，坚决做到…: the theme named, not a task given
    if m and m.group() == "希望" and "我" not in text[sentence_start:at] \
            and cues.WISH_HOLDER_RE.search(text[sentence_start:at]):
        return None  # 你省…，希望国家将其纳入: the province's request, reported back to it
    if m and m.group() == "要" and head.endswith("就") \
            and cues.TIME_AHEAD_RE.search(text, sentence_start, c_start + _skip_prefix(clause)):
        return None  # 今年秋季，我们就要…开始: what will begin then
    if m and _SAID_END_RE.search(head) and "我" not in head and not _OWN_SAYING_RE.match(head):
        return None  # 干部主张要大民主: their proposal, reported
    if m and _claimed(text, sentence_start, at):
        return None  # 却把这个问题弄颠倒了，说什么一切应该从“爱”出发 (1942 talk, probe): a claim dismissed
    if m and m.group() == "要" and head.endswith("就") and i > 0 and _third_party_opens(text, clauses, i, sentence_start):
        return None  # 他们识了字，就要看书、看报 (1942 talk): what they do then, not what to do
    if m and m.group() == "要" and head.endswith("就") and len(head) > 1 \
            and cues.CONDITION_RE.search(text, sentence_start, c_start) and not _ADDRESSED_HEAD_RE.match(head):
        return None  # 如果脱离群众，农民就要打扁担: what will happen, not what to do; 如果人家…愿意改正错误，我们就要宽恕他
        # (79) and …，你们就要… tell the speaker's side or the audience what to do then (the convention of batch 13)
    if m and any(cues.REFUTED_OPEN_RE.match(text, c0) for c0 in
                 [sentence_start] + [k + 1 for k in range(sentence_start, at) if text[k] in "，,"]) \
            and cues.REFUTED_END_RE.search(text[sentence_start:_sentence_end(text, at) + 1]):
        return None  # 如果认为…要改造别人，不要改造知识分子，那就错误了: a belief refuted
    if m and m.group() == "要" and head.endswith(("还", "仍", "尚")) and _in_shortcomings(text, sentence_start):
        return None  # 就业、教育…等公共服务还要补短板: a shortcoming listed, not an order
    if m and m.group() == "要" and cues.TODO_HEAD_RE.search(head):
        return None  # 还有很多工作要做; 目的是要烧共产党
    if m and m.group() == "要" and head.endswith("又") and "既" not in text[sentence_start:at] \
            and not cues.ACTOR_RE.match(head):
        return None  # 资本主义思想又要抬头 (again will), but 既要…，又要… and 我们又要… order
    if m and m.group() in ("要", "不要") and head.endswith("是") and clause.rstrip(_TRIM).endswith("的"):
        return None  # 共产党是要得到教训的; 我们是不要内战的 (a stance)
    if m and m.group() in ("要", "不要", "不能") and _CLEFT_HEAD_RE.search(head) and clause.rstrip(_TRIM).endswith("的"):
        return None  # 这些人是我们要强迫改造的; 是过去任何一个历史时代都不能比拟的 (79): X是…的 describes X, with a subject inside
    if m and m.group() in cues.QUESTION_CUES | {"必须"} and _WH_AFTER_RE.match(text, m.end() + c_start):
        return None  # 对于当时的民主革命应当怎么办，…应当怎么定，这些问题… (79): an embedded question, asked of no one
    if m and m.group() == "要" and re.search(r"是(?:还|也|都|就)?$", head) and clause.rstrip(_TRIM).endswith("者"):
        return None  # 一个是还要谋一部分私利者 (1953 notes, probe): who someone is, as 是要…的
    if m and m.group() == "要" and _THIS_IS_RE.fullmatch(head) and _DESCRIBED_END_RE.search(clause.rstrip(_TRIM)):
        return None  # 这是要把…彻底埋葬的一场革命 (1953 talk): a thing described by what it will do
    if m and m.group() == "希望" and cues.EXPLAINED_WISH_RE.search(text, max(0, at - 2), at):
        return None  # 命名，就是希望…; …的人，是希望…: what someone meant, explained
    if m and m.group() in cues.NECESSITY_WORDS and cues.ATTRIBUTIVE_AFTER_RE.match(clause, m.end()) \
            and not head.endswith("都"):
        return None  # 必须回答的重大课题, 应该有的样子 (57), 必须遵循的一项重要原则 (22): a noun described, no order
    if m and m.group() in cues.COPULA_CUES and head.endswith("是"):
        return None  # 这是应当克服的一种人民内部的矛盾: what something is, not what to do
    if m and cues.NOMINAL_END_RE.search(clause.rstrip(_TRIM)) and "我" not in head \
            and not _OBJECT_NP_RE.match(text, m.end() + c_start, c_end) \
            and not _POINT_OBJECT_RE.search(clause.rstrip(_TRIM)):
        return None  # 顽固地要走后一条路线的人: a description of someone, not an order
    if m and m.group() == "要" and any(cues.OPINION_HEAD_RE.match(text, c0) for c0, _ in clauses[i + 1:]):
        return None  # 要想不经过艰难曲折，…，这种想法，只是幻想
    if m and m.group() == "要" and (_aim_before(text, sentence_start, at)
                                   or cues.FUTURE_HEAD_RE.search(head)
                                   or (cues.MOVING_RE.search(head) and cues.MOVE_AFTER_RE.match(text, at + 1))):
        return None  # 主张就是要团结…: an aim stated; 将来要…, 现在要到前方去: what will happen
    if m and m.group() == "要" and clause.startswith("有", m.end()) \
            and cues.ENTITLEMENT_END_RE.search(clause.rstrip(_TRIM)):
        return None  # 都要有说话的机会: what is due to them
    if m and m.group() == "建议" and text[at + 2:at + 3] in "，,：:" and not _SPEAKER_PROPOSES_RE.search(text[c_start:at]):
        return None  # 代表们建议，…: their proposal reported; only the speaker's 我建议，/我向…建议， asks (cues.SOFT)
    if m and m.group() == "建议" and cues.PROPOSED_TARGET_RE.search(clause, m.end()):
        return None  # 建议…主要预期目标为：: the target proposed to the meeting
    if m and m.group() == "要" and _HARD_SAME_RE.search(text, at + 1, c_end):
        return None  # 蒋介石要放手发动内战也有许多困难 (1945 talk): what the aim meets, as 要…，是不容易的
    if m and m.group() == "要" and head.endswith("就是") and _TELLING_RE.match(text, at + 1):
        return None  # …，就是要告诫全党同志 (2021 speech): what a saying was meant to do, as 就是希望
    if m and m.group() in ("一定要", "一定得", "必须") and _RHETORICAL_RE.search(text, sentence_start, at) \
            and text[_sentence_end(text, at):][:1] in ("？", "?"):
        return None  # 为什么一定要写得那么长呢？ (1942 talk): a rhetorical question
    if m and m.group() in cues.QUESTION_CUES and text[_sentence_end(text, at):][:1] in ("？", "?"):
        return None  # 人不是每天都要洗脸吗?
    if m and m.group() in ("决不", "绝不") and not _BAN_AFTER_RE.match(text, at + 2) and i > 0 \
            and clauses[i - 1][0] >= sentence_start and _OUR_STANCE_RE.match(text, clauses[i - 1][0]):
        return None  # 我们是站在…一边，绝不站在…那一边 (79): our stance declared, as 我们一定…，决不辜负… pledges (58, 24)
    if m and i > 0 and m.start() == _skip_prefix(clause) and clauses[i - 1][0] >= sentence_start:
        prev = text[clauses[i - 1][0]:clauses[i - 1][1]]
        if cues.THIRD_PERSON_RE.match(prev, _skip_prefix(prev)) and cues.MODAL_RE.search(prev):
            return None  # 有人要罢工，要请愿: the same someone else wants more
    if m and m.group() == "要" and (cues.WHENEVER_RE.search(text, c_start, at)
                                   or cues.REGULARITY_RE.search(text, sentence_start, _sentence_end(text, at))):
        return None
    if m and m.group() == "要" and i + 1 < len(clauses) and cues.REASON_NEXT_RE.match(text, clauses[i + 1][0]):
        return None  # 人民要推翻敌人的压迫，所以要有革命党 (45); 工业化又要靠农民的援助才能成功，所以… (52): a reason
    if m and m.group() == "要" and (cues.TAKES_RE.search(text, at + 1, c_end) or i + 1 < len(clauses)
                                   and cues.TAKES_NEXT_RE.match(text, clauses[i + 1][0], clauses[i + 1][1])):
        return None  # 条文要真正实行，也还得几年: a purpose and how long it takes
    body = clause[_skip_prefix(clause):]
    if _YAO_OPEN_RE.match(body) and cue.kind == "modal":
        following = text[clauses[i + 1][0]:clauses[i + 1][1]] if i + 1 < len(clauses) else ""
        if cues.PURPOSE_NEXT_RE.match(following) or cues.PURPOSE_SELF_RE.search(body.rstrip(_TRIM)) \
                or _HARD_NEXT_RE.match(following):
            return None
        if any(cues.PURPOSE_LATER_RE.match(text, c0, c1) for c0, c1 in clauses[i + 1:]):
            return None  # 要把它变成现实的东西，还要经过很大的努力: a purpose and what it takes
    if m and m.group() == "要" and i > 0 and cues.PURPOSE_LATER_RE.match(clause, _skip_prefix(clause)):
        prev = text[clauses[i - 1][0]:clauses[i - 1][1]]
        if prev[_skip_prefix(prev):].startswith("要"):
            return None  # …，还要经过很大的努力: what the purpose before it takes
    return cue
