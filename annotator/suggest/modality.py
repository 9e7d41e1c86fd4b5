"""How sure a directive is: the clause-level frame of its cue (who speaks to whom, and in what mode).

The cue lists of annotator.suggest.cues say *where* an instruction may be; speeches (issue 17: precision
0.70–0.80 on speeches against 0.92 on reports) fail on *whose* it is and *what mode* it is in. Four
questions are asked of every cue, each from the clause around it, never from a list of whole phrases:

* **reading** — what the modal means by what follows it: 要 + a verb of action orders; 要想/要的是 and 如果要 want
  ("人民要想推翻敌人的压迫，简直是不可能的", 45; "要想把国事弄好是不可能的", 33; "要想不经过艰难曲折…", 21);
  应当是可能的/应当是可以的 judges what is possible, it orders nothing (10, 16); 应该是 + a noun phrase
  defines what something ought to be (42).
* **subject** — who is addressed: the speaker's side (我们, 全党), the audience (你们, 同志们, 各级…), a
  third party (他们, 有人, 敌人), or nobody named.
* **frame** — the sentence the cue stands in: a reported call (中央总是叫我们…, 他们总是谆谆告诫我们，要…,
  党中央作过一个决定，要…: 45; 有人说…不要…: 13, 17), a hypothesis (假定/假如/如果…), a narrated past
  (当时/曾经/了 before the cue), a question.
* **confidence** — from those three: a probability-like score (0–1) kept on the suggestion and shown by
  the GUI; below LOW_CONFIDENCE a suggestion is marked ``low_confidence`` so it can be shown apart
  rather than hidden (the learner never removes what the rules found; it ranks).

Only the readings "volitive", "epistemic" and "definition" and the frame "reported" remove a cue; the rest lowers
confidence. Each is backed by documents of two batches at least (numbers: tests/data/suggest_gold).
"""

from __future__ import annotations

import re

from annotator.suggest import conditionals, cues, frames
from annotator.suggest.clause import _skip_prefix

LOW_CONFIDENCE = 0.7
# After a third party (他们, 它, 有些人) 要 wants or will (他们还要看一看, 有人要罢工, 人家要回南京: 10, 13, 35, 45 —
# 14 of 14 such 要 on the gold are no directive), while these still prescribe (它应该受人民的监督, 33; 有些人是必须
# 要撤下来的, 26; 他们应该知道一个真理, 45): the subject changes what 要 means, not what 应该 means.
NECESSITY_CUES = frozenset({"应", "应当", "应该", "必须", "务必"})

# 要想 wants unless it is 想办法/想尽/想一想/想清楚 (要想尽一切办法 orders, 13).
# …nor 要想各种办法 (51), 要想个办法: a way to be found is ordered as 想办法 is.
_VOLITIVE_RE = re.compile(r"要想(?!办法|尽|一想|清楚|通|透|好|[^，。；]{0,4}办法)|想要|要的是")
_EPISTEMIC_RE = re.compile(r"(?:应当|应该|应)(?:是)?(?:可能|可以|对)的")
# 要 + what nobody can be told to do — die, fail, fall behind, be beaten, happen — is "will": 人总是要死的 (the issue's
# 要 = will class; SOURCES.md batch 11), 落后就要挨打, 随后就要发生变动 (09), 要犯错误 (09), 要被淘汰. An order needs an
# action the addressee controls.
_UNCONTROLLED_RE = re.compile(r"要(?:被(?:[\u4e00-\u9fff]{1,4}?)?(?:淘汰|打倒|消灭|吃掉|打垮|抛弃|击败|打败|推翻)|挨|遭|(?:饿|病|冻|累)?死|失败|垮|灭亡|吃亏|落后(?!的)|倒霉|发生|出现|到来|"
                              r"结束|破产|倒台|完蛋|犯错误|出毛病|出乱子|上当|崩溃|瓦解|受苦|受罪|碰钉子|栽跟头|碰壁|下雨|亮了)")
# 必须/要/得 + 有一个过程 is "it takes a process", a necessity of things, no order (gold convention, batch 13: 要有一个过程 /
# 必须有一个过程, 79; 必须有一个过程将…转换为… and the like, many texts of the search index). 要 + 有…过程 is already no cue
# (cues._YAO); this catches the other modals.
_PROCESS_RE = re.compile(r"(?:必须|应当|应该|得|要)(?:要)?有(?:一个|个)?[^，。；]{0,6}?(?:过程|阶段|时期)(?=[，,。；;！？!?]|$)")
# 应该是/应当是 + a noun phrase says what something ought to be, it tasks no one: 世界现代化应该是和平发展的现代化、互利
# 合作的现代化 (42). Gold convention (SOURCES.md, eighth batch): a noun after 是 is such a definition; an adjective
# (应当密切, 也应当是密切的, 16) still asks the addressees to make something so.
_DEFINITION_RE = re.compile(r"(?:应当|应该)是(?:一种|一个|一场)?([^，。；！？\n]{0,40})")
# 要 right after a conditional conjunction wants: 如果要安排，…名额就要增加到好几百人 (53); 他们说，如果要和别人合作，
# 我们就不干了 (33). An order is never the antecedent of a condition.
_CONDITIONAL_BEFORE_RE = conditionals.compile_(*conditionals.IF, suffix="$")
# A reporting verb whose subject is an institution or a third party, and the modal after it its content:
# 中央总是叫我们…，而不要…; 他们总是谆谆告诫我们，要…; 党中央…作过一个…决定，要争取…; 号召…要….
_REPORTER = r"(?:中央|党中央|上级|上面|他们|他|她|有人|人家|马克思|恩格斯|列宁|斯大林|[\u4e00-\u9fff]{1,4}同志)"
_REPORTED_RE = re.compile(
    rf"{_REPORTER}[^。；！？]{{0,16}}?(?:告诫|叫(?![做作])|号召|嘱咐|劝告|教导)(?:我们|大家|你们|人们)?"
    r"|(?:作|做)(?:过|了)[^，。；]{0,16}决定"
    # 中央明确了…目标，鼓励各地… (23), 党中央…作过一个决定 (45): a past act of the institution, narrated
    r"|(?:中央|党中央|国务院|上级)[^。；！？]{0,8}?(?:明确|提出|强调|部署|要求)(?:了|过)"
    # …告诫我们/叫大家: whoever the reporter, unless it is the speaker (我告诫你们，要… orders).
    r"|(?<!我)(?:告诫|叫(?![做作])|嘱咐|教导|劝告|号召)(?:我们|大家|你们|人们)"
)
_SPEAKER_RE = re.compile(r"我们|咱们|我党|全党|我们党|党校|全国人民")
_ADDRESSEE_RE = re.compile(r"你们|同志们|各位|大家|各级|各地|各部门|各单位|全体|每一个|一切|所有")
_HYPOTHESIS_RE = conditionals.compile_(*conditionals.HYPOTHESIS, prefix=r"^\s*")
_NARRATED_RE = re.compile(r"当时|那时|曾经|曾|过去|从前|当年|以前")
# What follows 要 when it judges a state rather than asks for an action: 队伍就要整齐, 兵要精.
_STATE_AFTER_RE = re.compile(r"(?:好|精|整齐|一致|快|大|多|少|高|低|强|弱)(?:[，。；、！]|$)")
# 要 + a verb of having, depending or causing: what is needed or what will happen as often as an order
# (要有衣穿, 33; 要看形势, 要使…更不利, 要靠共产党办, 35; 所以要有革命党, 45 — but 我们要有…的定力, 42, orders).
_NON_ACTION_AFTER_RE = re.compile(r"(?:有|是|靠|看|使|让)")
# Soft cues (鼓励, 倡导, 建议, 希望) were right 15 times in 26 on held-out documents of batches 2–6.
_SOFT_WORDS = ("鼓励", "倡导", "建议", "希望")


def reading(text: str, at: int) -> str:
    """"deontic", "volitive", "epistemic" or "definition" for the modal at ``at``."""
    if _VOLITIVE_RE.match(text, at) or text.startswith("要的是", at):
        return "volitive"
    if text.startswith("要", at) and _CONDITIONAL_BEFORE_RE.search(text, max(0, at - 2), at):
        return "volitive"
    if _EPISTEMIC_RE.match(text, at) or _UNCONTROLLED_RE.match(text, at) or _PROCESS_RE.match(text, at):
        return "epistemic"
    d = _DEFINITION_RE.match(text, at)
    # (…之计/之道 is such a noun phrase too: 这当然不应当是长久之计, 79)
    if d and ("的" in d.group(1) or "之" in d.group(1)) and not d.group(1).endswith(("的", "之")) \
            and re.search(r"[\u4e00-\u9fff]$", d.group(1)):
        return "definition"
    return "deontic"


def subject(text: str, clause_start: int, at: int) -> str:
    """"speaker", "addressee", "third" or "none": who the clause before the cue names."""
    head = text[clause_start:at]
    if cues.THIRD_PERSON_RE.search(head) and not _SPEAKER_RE.search(head):
        return "third"
    if _ADDRESSEE_RE.search(head):
        return "addressee"
    if _SPEAKER_RE.search(head):
        return "speaker"
    return "none"


def frame(text: str, sentence_start: int, at: int) -> str:
    """"reported", "hypothesis", "narrated", "question" or "plain" for the sentence part before the cue."""
    before = text[sentence_start:at]
    reported = _REPORTED_RE.search(before)
    if reported and not re.search(r"我(?!们)", before[:reported.start()].rsplit("，", 1)[-1]):
        return "reported"
    end = at
    while end < len(text) and text[end] not in "。！？!?\n":
        end += 1
    if end < len(text) and text[end] in "？?":
        return "question"
    if _HYPOTHESIS_RE.search(before):
        return "hypothesis"
    clause_start = max(before.rfind("，"), before.rfind(","), before.rfind("："), -1) + 1 + sentence_start
    if _NARRATED_RE.search(text, clause_start, at):
        return "narrated"
    return "plain"


def killed(text: str, sentence_start: int, at: int) -> bool:
    """True when the cue at ``at`` orders nothing whatever its list says: it wants, judges the possible,
    reports someone else's call, or stands where grammar makes it a statement (see ``not_ordered``)."""
    return (reading(text, at) != "deontic" or frame(text, sentence_start, at) == "reported"
            or not_ordered(text, sentence_start, at) or bool(frames.statement_frame(text, sentence_start, at)))


# 要…了 closing a clause is "about to": 这位“委员长”现在要“下山”了, 要下山来抢夺抗战胜利的果实了 (1945 cadre speech,
# probe); 天快要亮了, 会议就要结束了. 不要…了 still forbids (不要搞得太紧张了, 51), and so does 太…了 after 要.
_IMMINENT_RE = re.compile(r"要(?!求|素|点|紧)[^，。；！？!?\n太]{1,16}?了(?=[”\"]?(?:[，,。；;！？!?]|$))")
# A clause turned into a subject by 的 and then equated: 不要打内战的只是中国共产党和中国人民, 现在不要打的只是一个方面
# (1945 probe); 要走的只有少数人. It says who holds a stance, it tasks no one.
_EXCLUSIVE_SUBJECT_RE = re.compile(r"[^，。；！？!?\n]{1,14}?的只(?:是|有)")
# 的 right before 应该是/应当是: "the one who X ought to be Y" equates (最有权利摘的应该是我们, 1945 probe; 该负责任的
# 应当是…), it orders nothing; 应该是 + a noun phrase is the definition reading above.
_EQUATED_AFTER_DE_RE = re.compile(r"(?<=的)(?:应该|应当)是")
# A conditional antecedent is never an order (the rule of 如果要…, generalised to every cue): 如果两方面都不要打，
# 就打不起来; 如果蒋介石一定要强迫中国人民接受内战，…，我们就只好拿起武器 (1945 probe); 如果他们要打，就把他们彻底
# 消灭 (35: gold marks the consequent, an implicit directive). The consequent must follow in the sentence.
_ANTECEDENT_OPEN_RE = conditionals.compile_(*conditionals.ANTECEDENT)
_CONSEQUENT_OPEN_RE = re.compile(r"\s*(?:那末|那么|那)?(?:[\u4e00-\u9fff]{0,6}?)(?<![成造迁将])(?:就|便|则)(?!业|是说)")
# A sentence that opens by giving someone else the word reports it, whatever it orders: 他说，此桃子的所有权属于我
# 蒋介石，…，我不准你们摘 (1945 probe); 有人说，…不要…: 13, 17 (the "说…不准…" class).
_SAID_OPEN_RE = re.compile(r"\s*(?:他|她|他们|她们|有人|有些人|有的人|人家|对方|敌人)(?:还|也|就|又|却|曾|曾经)?"
                           r"(?:说|讲|声称|宣称|扬言)(?:过|道)?[，,：:]")
# An open quotation after a verb of saying on the cue's line: the words are someone's, spoken then (我说：“…要做，
# 就得放开手…”; 他说：“…不要…”). A quoted name (“坚决收缩”的方针) is caught in liveness.live_cue.
_QUOTE_OPENER_RE = re.compile(r"(?:说|问|道|讲|答|曰)[：:，,]?\s*$")


def not_ordered(text: str, sentence_start: int, at: int) -> bool:
    """Grammar that makes a cue a statement: 要…了 (about to), a subject clause with 的只是, X的应该是Y, a
    conditional antecedent with its consequent after it, a sentence that gives someone else the word."""
    word = cues.MODAL_RE.match(text, at)
    word = word.group() if word else ""
    if word == "要" and _IMMINENT_RE.match(text, at):
        return True
    if word in ("不要", "一定要") and cues.LATER_HEAD_RE.search(text, max(sentence_start, at - 8), at):
        return True  # 中国将来一定要发展到社会主义去, 将来一定不要 (1939 probe): what will happen, as 将来要…
    if word and _EXCLUSIVE_SUBJECT_RE.match(text, at + len(word)):
        return True
    if _EQUATED_AFTER_DE_RE.match(text, at):
        return True
    if _SAID_OPEN_RE.match(text, sentence_start, at):
        return True
    line_start = text.rfind("\n", 0, at) + 1
    opened = text.rfind("“", line_start, at)
    if opened >= 0 and "”" not in text[opened:at] and _QUOTE_OPENER_RE.search(text, max(line_start, opened - 4), opened):
        return True
    if word == "要" and _DEPENDS_RE.match(text, at) and _DEPENDS_HEAD_RE.search(text, max(0, at - 8), at):
        return True
    if word == "要" and _comparative(text, sentence_start, at):
        return True
    if word == "要" and text[at - 1:at] == "我" and _TALK_AFTER_RE.match(text, at + 1):
        return True  # 今天我要讲三个问题, 我要向大家报告一下: the speaker announces the talk
    if word == "要" and _SOMEONE_AFTER_RE.match(text, at + 1):
        clause_start = max(text.rfind("，", sentence_start, at), text.rfind(",", sentence_start, at), sentence_start - 1) + 1
        head = text[clause_start:at].strip()
        if head and "我" not in head and not head.endswith(("就", "也", "还", "都", "一定")):
            return True  # 群众要我们去开会, 他们要你们让步: someone's request of us, reported
    if word == "不能" and text[at - 1:at] == "就" and _NECESSARY_CONDITION_RE.search(text, sentence_start, at):
        return True  # 没有这种准备，我们就不能把日寇赶出去: what follows without a condition (cannot), not a ban
    return _antecedent(text, sentence_start, at)


# 这要看…/这要问… is "it depends on": 这要问桃树是谁栽的 (1945 probe), 这要看具体情况.
_DEPENDS_RE = re.compile(r"要(?:看|问|取决于)")
_DEPENDS_HEAD_RE = re.compile(r"[这那](?:[个件种项些][\u4e00-\u9fff]{0,3})?(?:就|还|也|倒)?$")


# What the speaker announces with 我要 (not 我们要): the talk itself (1953 talks, probes: 我说不少; 17's 这是我要讲的第一点).
_TALK_AFTER_RE = re.compile(r"(?:讲|说|谈|报告|介绍|宣布|强调|提出|提[一几两三]|批评|表扬|感谢|祝贺|向[^，。；]{1,8}(?:报告|介绍|说明|讲))")
# 要 + a person + a verb: X asks that person to do something (群众要我们去开会).
_SOMEONE_AFTER_RE = re.compile(r"(?:我们|你们|咱们|大家|我|你)(?!的)[\u4e00-\u9fff]")
# 要 comparing, not ordering: 工业的发展要比农业快得多, 他的办法比我们的要好 (1944 and 1953 talks, probes; 17's 比…还要…).
# 要比…更好 with nothing of degree at its end still asks (我们的工作要比过去做得更好).
_COMPARED_END_RE = re.compile(r"(?:得多|多了|一些|些|一点|得很)[^，。；！？!?\n]{0,2}$")
_AFTER_BI_RE = re.compile(r"比[^，。；！？!?\n]{1,12}?(?:还|也)?$")
_ADJECTIVE_RE = re.compile(r"(?:好|坏|大|小|多|少|快|慢|高|低|强|弱|难|容易|困难|复杂|重要|严重|厉害|危险)")
# A condition that names what is lacking: 没有这种准备，就不能…; 如果不团结，就不能…; 不照顾这些特点，就会…
_NECESSARY_CONDITION_RE = re.compile(r"没有[^，。；]{1,16}[，,]|" + conditionals.alternation("if", "literary") + r"[^，。；]{0,12}不[^，。；]{1,16}[，,]"
                                     r"|(?:^|[，,])\s*不[^，。；]{1,12}[，,]")


_BIQI_RE = re.compile(r"比起[^，。；！？!?\n]{1,24}?来?[，,]\s*(?:[^，。；！？!?\n]{0,4})$")
_DEGREE_AFTER_RE = re.compile(r"(?:更|还|再)?[\u4e00-\u9fff]{1,2}(?:些|得多|一些|一点)")


def _comparative(text: str, sentence_start: int, at: int) -> bool:
    end = at
    while end < len(text) and text[end] not in "，,。；;！？!?\n":
        end += 1
    if text.startswith("要比", at):
        return bool(_COMPARED_END_RE.search(text, at, end))
    if _BIQI_RE.search(text, sentence_start, at) and _DEGREE_AFTER_RE.match(text, at + 1):
        return True  # 比起过去那个三十万人的军队来，要更强些 (79); 比起万里长征…，总要好一点吧 (13)
    bi = _AFTER_BI_RE.search(text, max(sentence_start, at - 14), at)
    # 比…还要/更要 compares whatever follows (比过去的斗争还要深刻, 1953 talk); a bare 比…要 only before an adjective.
    return bool(bi and (bi.group().endswith(("还", "也")) or _ADJECTIVE_RE.match(text, at + 1)))


def _antecedent(text: str, sentence_start: int, at: int) -> bool:
    clause_start = max(text.rfind("，", sentence_start, at), text.rfind(",", sentence_start, at), sentence_start - 1) + 1
    opener = None
    for m in _ANTECEDENT_OPEN_RE.finditer(text, sentence_start, at):
        opener = m
    if opener is None or opener.start() < clause_start and _CONSEQUENT_OPEN_RE.match(text, clause_start):
        return False  # no condition, or the cue stands in the consequent (如果…，就要…)
    if any(_CONSEQUENT_OPEN_RE.match(text, k + 1) for k in range(opener.end(), clause_start) if text[k] in "，,"):
        return False  # the condition closed before the cue's clause
    end = at
    while end < len(text) and text[end] not in "。！？!?\n；;":
        if text[end] in "，," and _ANTECEDENT_OPEN_RE.match(text, end + 1):
            return False  # 如果人家认为不够，请他提出来，如果说得对，我就接受 (79): the 就 answers a new condition
        if text[end] in "，," and _CONSEQUENT_OPEN_RE.match(text, end + 1):
            return True
        end += 1
    return False


# hypothesis: 4 of 4 proposals right on the gold, narrated 1 of 2, question 0 of 1 (suggest4, all documents).
_FRAME_COST = {"plain": 0.0, "hypothesis": 0.05, "narrated": 0.15, "question": 0.2, "reported": 0.4}
_SUBJECT_GAIN = {"addressee": 0.05, "speaker": 0.03, "none": 0.0, "third": -0.2}


def confidence(text: str, sentence_start: int, at: int, base: float, clause_start: int | None = None) -> float:
    """The directive's confidence: the rule's base score moved by subject, frame and what follows 要."""
    score = base + _SUBJECT_GAIN[subject(text, sentence_start if clause_start is None else clause_start, at)]
    score -= _FRAME_COST[frame(text, sentence_start, at)]
    if text.startswith("要", at) and _STATE_AFTER_RE.match(text, at + 1):
        score -= 0.1  # 兵要精: a state wished for, weaker than an action ordered
    if text.startswith("要", at) and _NON_ACTION_AFTER_RE.match(text, at + 1):
        score -= 0.2
    if text.startswith(_SOFT_WORDS, at):
        score -= 0.15
    return round(min(0.99, max(0.05, score)), 3)


def sentence_start(text: str, pos: int) -> int:
    """Just after the last sentence end (。！？!? or a line end) before ``pos``, or 0."""
    lo = max(0, pos - 400)  # a sentence is rarely longer: look there first, then (rarely) all the way back
    while True:
        found = max(text.rfind("。", lo, pos), text.rfind("！", lo, pos), text.rfind("？", lo, pos),
                    text.rfind("!", lo, pos), text.rfind("?", lo, pos), text.rfind("\n", lo, pos))
        if found >= 0 or lo == 0:
            return found + 1
        lo = 0


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds = [start] + [k + 1 for k in range(start, end) if text[k] in "，,：:；;"] + [end + 1]
    return [(a, b - 1) for a, b in zip(bounds, bounds[1:]) if b - 1 > a]


def declares(text: str, start: int, end: int) -> bool:
    """True when a clause of the sentence opens with a declaration of intent (我们将…, 中方将…, 我省将…)."""
    if not cues.INTENT_RE.search(text, start, end):
        return False  # most sentences: no subject + 将/愿/会 anywhere, no clause to look at
    return any(cues.INTENT_RE.match(text, c0 + _skip_prefix(text[c0:c1]))
               for c0, c1 in _clauses(text, start, end))


def carried(text: str, clauses: list[tuple[int, int]], i: int, cue, declared: bool) -> bool:
    """True when an adverbial cue (坚决, 确保…) of a subjectless sentence only continues the intent declared
    earlier in the paragraph: 我们将持续加强自身建设…。树立和践行正确政绩观，…坚决反对… lists what the
    government will do (24, and 中方将…, then bare verb-initial actions: 42, 43), it orders no one. A modal
    (要, 必须) or a named actor still makes its own directive."""
    if not declared or cue.word not in cues.ADVERBIAL_CUES or cue.actor:
        return False
    return not any(cues.ACTOR_RE.match(text, c0 + _skip_prefix(text[c0:c1])) for c0, c1 in clauses[:i + 1])
