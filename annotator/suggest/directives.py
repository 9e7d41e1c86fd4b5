"""Directive suggestions: instructions, with who is addressed, what is to be done and how firmly.

Unit rule for ``unit="clause"`` (the default): text is cut into sentences at 。！？ and line ends, and
sentences into segments at ；. Within a segment the clauses (cut at ，：) are scanned in order; the
directive starts at the first clause that carries a live cue and runs to the end of the segment,
because a cue governs the clauses that follow it up to the ；/。 ("要广泛凝聚共识，组织动员…，切实增强…；"
is one instruction). Leading section markers (一是, （二）, 首先，) are left out of the span.
With ``unit="sentence"`` the whole sentence is the span when any of its segments carries a live cue.

A cue is *live* unless the sentence reports the past: modal cues (要, 必须, 希望…) are always live;
adverbs and clause-opening verbs (切实, 推进…) are dropped in sentences with 了/已/取得/去年… and in
paragraphs that open as a review (一年来, 过去一年, 2019年，).
Headings (a marked line without sentence punctuation, or a section title when ``sections`` are given)
are directives when their title opens with an instruction verb or carries a modal cue, or when their
marker does (一要看，二要帮: the outline keeps 要 in the marker).

*Explicit* directives carry a modal or imperative cue (要, 必须, 应, 须, 不得, 请, 希望…). *Implicit* ones
are verb-initial task sentences with no cue (发展海洋经济, 拟安排…): they are proposed only with
``implicit=True``, marked ``cue: implicit`` and scored lower. A modal cue is not an instruction when it
is reported (有人说…, 我曾经提过要…), when 要 opens a purpose clause (要争取这三个条件，需要…), or when it
follows a prediction (就能…, 一定能…).
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from annotator.domain.model import Section, Suggestion
from annotator.suggest import cues, modality
from annotator.suggest.clause import _TRIM, Cue, _skip_prefix, _action, analyse_clause
from annotator.suggest.context import _HEADING_LINE
from annotator.suggest.context import title_end as _title_end
from annotator.suggest.liveness import live_cue

_SENTENCE_END = "。！？!?"
_TOP_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[章部分])")
_STRENGTH_SCORE = {"strong": 0.9, "normal": 0.85, "soft": 0.8}
_IMPLICIT_KINDS = frozenset({"lead", "prep", "middle"})
_IMPLICIT_SCORE = 0.55
# An indirect question put to the audience before 请…: 以上意见当否，请批示; 究竟多少为好，请同志们考虑 (53).
_OPEN_QUESTION_RE = re.compile(r"究竟|是否|当否|妥否|可否|([\u4e00-\u9fff]{1,2})不\1|多少为好|如何为好")
_PRONOUN_RE = re.compile(r"\s*(?:我们|你们|大家)?")
# A topic–comment sentence: 我们的原则，就是…，我们就应该团结 (53); 特别值得谈一下的，就是要团结… (53); 工人、农民…，总之，
# 我们…都要… (21). The comment (就是…) or the summary (总之) makes the clauses before it the directive's topic or
# addressee, which the unit rule includes (SOURCES.md, second batch).
_COMMENT_OPEN_RE = re.compile(r"\s*(?:也|这)?就是(?!说)|\s*(?:总之|总而言之|一句话|概括起来)\s*[，,：:]?\s*$")
_CONTEXT_OPEN_RE = re.compile(r"\s*(?:如果|只要|为了|为|鉴于|虽然|因为|由于|在)")


_STOP_RES: dict[str, re.Pattern] = {}


def _pieces(text: str, start: int, end: int, stops: str) -> Iterator[tuple[int, int]]:
    """Split text[start:end] after each stop character; pieces keep their punctuation."""
    stop_re = _STOP_RES.get(stops)
    if stop_re is None:
        stop_re = _STOP_RES[stops] = re.compile("[" + re.escape(stops) + "]")
    i = start
    for m in stop_re.finditer(text, start, end):
        yield i, m.end()
        i = m.end()
    if i < end:
        yield i, end


def _blocks(text: str, sections: Iterable[Section] | None) -> Iterator[tuple[int, int, str | None]]:
    """(start, end, marker) over the text: section titles (marker: the text before the title, "" if
    none), then the lines between them (marker None)."""
    titles = sorted({(s.title_start, s.title_end, text[s.start:s.title_start] if s.start <= s.title_start else "")
                     for s in sections or () if s.title_end > s.title_start})
    pos = 0
    for t_start, t_end, marker in titles + [(len(text), len(text), "")]:
        for line_start, line_end in _pieces(text, pos, t_start, "\n"):
            yield line_start, line_end, None
        if t_end > t_start:
            yield t_start, t_end, marker
        pos = max(pos, t_end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = cues.MARKER_RE.match(text, start, end)
    if m:
        start = m.end()
    while start < end and text[start] in _TRIM + "“”\"":
        start += 1
    while end > start and text[end - 1] in _TRIM + "\n":
        end -= 1
    return start, end


def _heading(text: str, start: int, end: int, marker: str = "") -> Suggestion | None:
    title_start = start
    start, end = _trim(text, start, end)
    title = text[start:end]
    if not title:
        return None
    # A title the outline cut short (its sentence runs on after it) is judged on the whole sentence.
    stop = end
    if stop < len(text) and (text[stop] in "，,、；;" or "\u4e00" <= text[stop] <= "\u9fff"):
        while stop < len(text) and text[stop] not in _SENTENCE_END + "\n":
            stop += 1
    explicit = [s for s in _sentence(text, start, stop, False, "clause")
                if s.attributes.get("cue") != "implicit" and s.start < end]
    if explicit:
        first = explicit[0]
        return Suggestion(first.start, first.end, "directive", first.attributes, first.score - 0.05,
                          rule="heading:" + first.rule)
    # The first clause carries the instruction; what follows is its purpose ("…，筑牢…的思想基础").
    cue = analyse_clause(re.split(r"[，,]", title, maxsplit=1)[0], past=False)
    marker_cue = cues.MODAL_RE.search(marker or "")
    if marker_cue and (cue is None or cue.kind in _IMPLICIT_KINDS):
        cue = Cue(marker_cue.lastgroup, "modal", "", _action(title, 0))  # 一要把政治建设摆在首位
        if stop > end:
            # 一要看，二要帮: the outline made each point a title; the instruction is the sentence from the first 要
            at = title_start - len(marker) + marker_cue.start()
            _, stop = _trim(text, start, stop)
            return _suggestion(at, stop, cue, -0.05, "heading:")
    if cue is None or cue.kind == "middle" and len(title) > 40:
        return None
    return _suggestion(start, end, cue, -0.05, "heading:")


def _suggestion(start: int, end: int, cue: Cue, adjust: float = 0.0, prefix: str = "") -> Suggestion:
    attrs = _attrs(cue)
    if cue.kind in _IMPLICIT_KINDS:
        attrs["cue"] = "implicit"
        score = _IMPLICIT_SCORE
    else:
        score = _STRENGTH_SCORE[cue.strength] + adjust
    return Suggestion(start, end, "directive", attrs, score, rule=prefix + cue.kind + (f":{cue.word}" if cue.word else ""))


def _attrs(cue: Cue) -> dict:
    attrs = {"actor": cue.actor, "action": cue.action, "strength": cue.strength}
    return {k: v for k, v in attrs.items() if v}


def _is_heading_line(text: str, start: int, end: int) -> bool:
    line = text[start:end].strip()
    return (len(line) <= 60 and bool(_HEADING_LINE.match(line))
            and not any(ch in line for ch in _SENTENCE_END + "；;"))


def suggest_directives(text: str, sections: Iterable[Section] | None = None,
                       unit: str = "clause", implicit: bool = False) -> list[Suggestion]:
    """Directive suggestions; implicit ones (``cue: implicit``) only when ``implicit`` is true."""
    if unit not in ("clause", "sentence"):
        raise ValueError(f"unit must be 'clause' or 'sentence', not {unit!r}")
    out: list[Suggestion] = []
    top_levels = {(s.title_start, s.title_end) for s in sections or () if s.level == 1}
    review_section = False
    covered = _title_end(text)  # the document's title line orders nothing (see _title_end)
    points_end = 0  # end of a heading directive that ran on over the points after it (一要看，二要帮)
    for b_start, b_end, marker in _blocks(text, sections):
        if b_end <= covered and b_start == 0:
            continue
        if marker is not None or _is_heading_line(text, b_start, b_end):
            if (b_start, b_end) in top_levels or _TOP_HEADING.match(text, b_start, b_end):
                # A heading that itself orders (要把…成效作为…标准) opens no review, whatever word it has.
                review_section = bool(cues.REVIEW_HEADING_RE.search(text, b_start, b_end)
                                      and not cues.MODAL_RE.search(text, b_start, b_end))
            s = None if review_section or b_start < points_end else _heading(text, b_start, b_end, marker or "")
            if s and s.start < b_start and out and out[-1].start < s.start < out[-1].end + 1:
                # 对犯错误的同志，一要看，二要帮: the text before the first point was read as a piece ending in 一要;
                # the instruction is one span, its topic clause included.
                s = Suggestion(out[-1].start, s.end, s.label, s.attributes, s.score, s.rule)
                out.pop()
            if s and s.end > b_end:
                points_end = s.end  # the later points of the sentence (二要帮) are inside this span already
            if s:
                out.append(s)
                covered = max(covered, s.end)
            continue
        if b_start < covered:
            while covered < b_end and text[covered] not in _SENTENCE_END + "\n":
                covered += 1
            b_start = min(b_end, covered + 1)
            if b_start >= b_end:
                continue
        first = next(_pieces(text, b_start, b_end, _SENTENCE_END), (b_start, b_end))
        review = review_section or bool(cues.RETRO_OPEN_RE.search(text, *first))
        declared = False  # a sentence of this paragraph declared the speaker's side's intent (我们将…)
        for s_start, s_end in _pieces(text, b_start, b_end, _SENTENCE_END):
            out.extend(_sentence(text, s_start, s_end, review, unit, declared))
            declared = declared or modality.declares(text, s_start, s_end)
    if not implicit:
        out = [s for s in out if s.attributes.get("cue") != "implicit"]
    return [_with_confidence(text, s) for s in out]


def _with_confidence(text: str, s: Suggestion) -> Suggestion:
    """The suggestion with its clause-level confidence (annotator.suggest.modality) as score and attribute;
    ``low_confidence`` marks what the GUI shows apart."""
    start = modality.sentence_start(text, s.start)
    m = cues.MODAL_RE.search(text, s.start, s.end) or cues.PLEASE_RE.search(text, s.start, s.end)
    at = m.start() if m else s.start
    clause = max(text.rfind("，", start, at), text.rfind("：", start, at), start - 1) + 1
    conf = modality.confidence(text, start, at, s.score, clause) if s.attributes.get("cue") != "implicit" else s.score
    attrs = dict(s.attributes, confidence=conf)
    if conf < modality.LOW_CONFIDENCE:
        attrs["low_confidence"] = True
    return Suggestion(s.start, s.end, s.label, attrs, conf, s.rule)


def _stated(text: str, clauses: list[tuple[int, int]], i: int) -> bool:
    """A verb clause that a later clause of its segment takes as subject or condition states, it does not
    task: 巩固同苏联的团结，…，这是我们的基本方针; 经过艰苦的努力，才能将…提高起来; nor does the agenda
    of the meeting (会议的主要任务是总结…，部署…)."""
    for c_start, c_end in clauses[i + 1:]:
        if cues.STATED_LATER_RE.match(text, c_start, c_end) or cues.RESULT_RE.search(text, c_start, c_end):
            return True
    c_start, c_end = clauses[i]
    return bool(cues.RESULT_RE.search(text, c_start, c_end) or cues.AGENDA_RE.search(text, clauses[0][0], c_start))


def _topic_start(text: str, clauses: list[tuple[int, int]], i: int) -> int | None:
    """The sentence's first clause when a clause up to the cue's opens the comment on a topic (就是…, 总之) and
    everything before that comment is a short, cue-free topic or list (≤ 40 characters)."""
    for j in range(i, 0, -1):
        if _COMMENT_OPEN_RE.match(text, clauses[j][0], clauses[j][1]):
            head = text[clauses[0][0]:clauses[j][0]]
            if len(head) <= 40 and not cues.MODAL_RE.search(head) and not any(
                    analyse_clause(text[c0:c1].rstrip(_TRIM), True) for c0, c1 in clauses[:j]):
                return clauses[0][0]
            return None
    return None


def _addressee_start(text: str, clauses: list[tuple[int, int]], i: int, cue: Cue) -> int:
    """Where the directive starts: its cue clause, or earlier when the clauses before it only name who
    is addressed (我们这些人，我们的省、市、自治区党委书记，要抓财政)."""
    start = clauses[i][0]
    clause = text[clauses[i][0]:clauses[i][1]]
    if cue.kind == "modal" and i > 0:
        topic = _topic_start(text, clauses, i)
        if topic is not None:
            return topic
    if cue.kind == "please" and i > 0:
        j = i
        while j > 0 and _OPEN_QUESTION_RE.search(text, clauses[j - 1][0], clauses[j - 1][1]):
            j -= 1
        if j < i:
            return clauses[j][0]  # 这个人数究竟妥当不妥当，究竟多少为好，请同志们考虑 (53): the question asked is part of it
    # 不论文武，不论工厂，农村，商店，…，各方面都要…; 除了自留地…以外，都要…: a scope and its list belong to
    # what follows, and so does who the scope is cut from (参加合作社的各个家庭，除了…以外，…, 21; 中央，各级党委，
    # 凡是出版报纸的地方，都要…, 09).
    j, scope = i, None
    while j > 0:
        prev = text[clauses[j - 1][0]:clauses[j - 1][1]].rstrip(_TRIM)
        is_scope = bool(cues.SCOPE_RE.match(prev)) and len(prev) <= 50
        if cues.MODAL_RE.search(prev) or not (is_scope or len(prev) <= 8):
            break
        j -= 1
        if is_scope:
            scope = j
    if scope is not None and cue.kind == "modal":
        k = scope
        while k > 0:
            prev = text[clauses[k - 1][0]:clauses[k - 1][1]].rstrip(_TRIM)
            if (len(prev) > 16 or cues.MODAL_RE.search(prev) or analyse_clause(prev, True)
                    or not (cues.ADDRESSEE_RE.search(prev) or cues.COLLECTIVE_RE.search(prev))):
                break
            k -= 1
        return clauses[k][0]
    if cue.kind == "modal" and i > 0 and cues.ALL_MODAL_RE.match(clause, _skip_prefix(clause)):
        j = i
        while j > 0 and i - j < 2:
            prev = text[clauses[j - 1][0]:clauses[j - 1][1]].rstrip(_TRIM)
            if (len(prev) > 24 or not prev or cues.TOPIC_NOT_RE.match(prev) or cues.MODAL_RE.search(prev)
                    or analyse_clause(prev, True) or prev[-1:] in ("了", "着", "过", "的", "吗", "呢")):
                break
            j -= 1
        if j < i:
            return clauses[j][0]
    if cue.kind == "modal" and i > 0:
        prev = text[clauses[i - 1][0]:clauses[i - 1][1]].rstrip(_TRIM)
        if len(prev) <= 24 and cues.TOPIC_END_RE.search(prev) and not analyse_clause(prev, True):
            return clauses[i - 1][0]  # 世界上所有国家的有益的东西，我们都要学
        # 对拖欠农民工工资等侵害职工权益的行为，务必…(02); 对于…这三方面的关系，必须处理适当 (21): the topic
        # the bare modal speaks about opens the directive.
        m = cues.MODAL_RE.search(clause, _skip_prefix(clause))
        if m and m.start() == _skip_prefix(clause) and cues.WHOEVER_RE.search(prev) and len(prev) <= 30 \
                and not cues.MODAL_RE.search(prev) and "是" not in prev:
            return clauses[i - 1][0]  # 不符合《划拨用地目录》的，应当…: whoever the rule is for opens it
        # …and so it does after a pronoun subject: 对这种多少有点可能团结的人，我们也要团结 (51).
        lead = _PRONOUN_RE.match(clause, _skip_prefix(clause)).end() - _skip_prefix(clause)
        if (m and m.start() - _skip_prefix(clause) - lead <= 2 and len(prev) <= 40 and cues.TOPIC_OPEN_RE.match(prev)
                and "的" in prev and not cues.MODAL_RE.search(prev) and prev[-1:] not in ("了", "着")):
            return clauses[i - 1][0]
    if cue.kind != "modal" or cue.actor or cues.MODAL_RE.search(clause, _skip_prefix(clause)).start() > 3:
        return start
    j = i
    while j > 0:
        prev = text[clauses[j - 1][0]:clauses[j - 1][1]].rstrip(_TRIM)
        if len(prev) > 24 or not cues.ADDRESSEE_RE.search(prev) or analyse_clause(prev, True) \
                or _CONTEXT_OPEN_RE.match(prev):
            break
        j -= 1
    return clauses[j][0]


def _sentence(text: str, start: int, end: int, review: bool, unit: str, declared: bool = False) -> list[Suggestion]:
    if text.startswith("为", start) and cues.PREAMBLE_RE.match(text, start, end):
        return []  # 为…，鼓励…，制定本方案。: the document's purpose (annotator.suggest.cues.PREAMBLE_RE)
    past = review or bool(cues.RETRO_RE.search(text, start, end))
    found: list[Suggestion] = []
    for g_start, g_end in _pieces(text, start, end, "；;"):
        statement = past or bool(cues.STATEMENT_RE.search(text, g_start, g_end))
        clauses = list(_pieces(text, g_start, g_end, "，,：:"))
        opened: tuple[int, Cue] | None = None  # an implicit directive waiting for its end
        for i in range(len(clauses)):
            clause = text[clauses[i][0]:clauses[i][1]]
            if opened is None and (cues.INTENT_RE.match(clause, _skip_prefix(clause))
                                   or cues.GOVERNING_PREDICTION_RE.search(clause)):
                break  # 我们将高度重视，进一步采取…: the intent governs the clauses after it too
            cue = live_cue(text, start, clauses, i, statement)
            if cue is None or modality.carried(text, clauses, i, cue, declared):
                continue
            explicit = cue.kind not in _IMPLICIT_KINDS
            if not explicit and _stated(text, clauses, i):
                continue
            if opened is None:
                at = _addressee_start(text, clauses, i, cue) if explicit else clauses[i][0]
                opened = (at, cue)
                if explicit:
                    break
            elif explicit:
                # 坚持项目为王，…，力争新开工…: the explicit cue makes the whole segment explicit; a
                # context clause before it (在…条件之下，) stays out.
                if opened[1].kind == "lead":
                    opened = (opened[0], cue)
                else:  # 对在建项目逐一开展“回头看”，坚决杜绝…: two instructions, the first implicit
                    s, e = _trim(text, opened[0], clauses[i][0])
                    if e - s >= 4:
                        found.append(_suggestion(s, e, opened[1]))
                    opened = (_addressee_start(text, clauses, i, cue), cue)
                break
        if opened is not None:
            s, e = _trim(text, opened[0], g_end)
            short_ok = (opened[1].kind == "modal" and e - s >= 2 and (s, e) == _trim(text, start, end)
                        and opened[1].action.strip() and end > 0 and text[end - 1] in "。！!")
            if e - s >= 4 or short_ok:  # 要杀。 is a whole sentence
                found.append(_suggestion(s, e, opened[1], -0.15 if opened[1].kind in _IMPLICIT_KINDS else 0))
    if unit == "sentence" and found:
        s, e = _trim(text, start, end)
        best = max(found, key=lambda f: f.score)
        return [Suggestion(s, e, "directive", dict(best.attributes), best.score, best.rule)]
    return found
