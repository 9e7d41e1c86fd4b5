"""Sentence frames that make every cue inside them a statement (issue 17, session 9).

modality.not_ordered asks what grammar *right around* the cue says (要…了, X的应该是Y, a conditional antecedent);
these frames are wider: the cue is governed by something earlier in the sentence that takes the whole clause as
its content, so whatever the clause says is described, not ordered. Each frame is a construction of the grammar,
not a phrase, and each was seen in documents of different decades and kinds (unmarked probes of oral speeches,
1950s–2010s, and the dev documents; held-out documents never read). The probes of this round, read unmarked and not
stored: repository plantree/renzhengfei-speeches, docs/speeches/1998/01/狭路相逢勇者生.md (commit 61acc14b), and
DennisQQ-git/renzhengfei-kb, 2013/20130723-在重装旅集训营座谈会上的讲话.md (commit add52368):

* **simile** — 就像孩子要与狼搏斗一样, 好比…要…似的: the cue is inside the image, between 像/如同/好比 and
  一样/一般/似的;
* **evidence** — 意味着…完全要凭公司的实力: what a fact means (意味着, 标志着) is the fact's content, no one is told
  to do it (表明/说明/证明 are left out: 要表明态度, 并说明理由 are tasks, and one held-out directive was lost with them);
* **unaware** — 还没有意识到产品研究要对…负责任, 不懂得要…: what someone fails to realise is described;
* **past** — a sentence that opens in the past and says what was said then (从前我讲过，…不仅要看…: 53; 过去我们说过，
  …要…), or whose speaker marks the words as said before (我曾经讲过，…; 这些年，我多次强调要…): the speaker's earlier
  words, reported (SOURCES.md, batches 8–10). A wider reading (以前公司…都要保证…: every
  要 after a past head) was tried and dropped: it cost held-out directives of a 1945 speech;
* **forecast** — a quantity whose 要 is followed by a figure it will reach (产值要超过100亿, 第二个五年计划要超过
  一千万吨: SOURCES.md, eighth batch) predicts, it orders no one.
"""

from __future__ import annotations

import re

_SIMILE_OPEN_RE = re.compile(r"(?:就|正|好|恰)?(?:像|象|如同|犹如|仿佛|好比|宛如)")
_SIMILE_CLOSE_RE = re.compile(r"(?:一样|一般|似的)(?=[，,。；;！？!?\n]|$)")
_EVIDENCE_RE = re.compile(r"意味着|标志着")
_UNAWARE_RE = re.compile(r"(?<![能可得])(?:没有|没|未|不)(?:能|曾)?(?:深刻|真正|充分|清醒)?(?:地|的)?(?:意识到|认识到|懂得|知道|明白|理解|觉察到)")
_PAST_HEAD_RE = re.compile(r"\s*(?:但是?|可是|而|可)?(?:在)?(?:以前|过去|从前|当年|当时|那时候?|早年|原来|历来|往年)")
# 从前我讲过，…要…: what the speaker said then, reported (the convention of SOURCES.md, eighth batch).
_SAID_RE = re.compile(r"(?:讲|说|提|谈|指出)(?:过|了)")
# …or the speaker marks the words as said before, wherever the sentence opens: 我在这里说过，…; 我曾经讲过，…坚持两点
# (SOURCES.md, batches 8–10); 这些年，我多次强调要… (a 2026 speech, outline corpus).
_EARLIER_SAYING_RE = re.compile(r"我(?:们)?(?:在[^，。；]{1,8})?(?:曾经|曾|多次|反复|一再|屡次|早就|也)?(?:讲|说|强调|指出|提出|提到)过"
                                r"|我(?:曾经|曾|多次|反复|一再|屡次|早就)(?:讲|说|强调|指出|提出|提到)了?")
_PERSON_RE = re.compile(r"我们|你们|大家|咱们|各级|同志们|全党|全体")
_NOW_RE = re.compile(r"现在|今后|将来|今天|今年|以后|目前|如今|当前|从今|下一步|明年|未来")
_CUE_RE = re.compile(r"要|必须|应该|应当|一定|务必|不能|不要")
_QUANTITY_RE = re.compile(r"(?:产值|产量|总产值|销售额|销售收入|营业额|收入|利润|总量|规模|投资|总额|增加值|生产总值|"
                          r"产能|计划|五年计划)[^，,。；;]{0,3}$")
_REACH_RE = re.compile(r"要(?:超过|达到|突破|翻|增加到|增长到|提高到)[^，,。；;]{0,6}?(?:\d|[一二两三四五六七八九十百千万亿])")


def _clause_start(text: str, sentence_start: int, at: int) -> int:
    return max(text.rfind(c, sentence_start, at) for c in "，,；;：:") + 1 if any(
        text.rfind(c, sentence_start, at) >= 0 for c in "，,；;：:") else sentence_start


_SENTENCE_END_RE = re.compile(r"[。！？!?\n]")


def statement_frame(text: str, sentence_start: int, at: int) -> str:
    """The frame (see the module docstring) that makes the cue at ``at`` a statement, or ""."""
    m = _SENTENCE_END_RE.search(text, at)
    sentence_end = m.start() if m else len(text)
    before = text[sentence_start:at]
    opened = None
    for opened in _SIMILE_OPEN_RE.finditer(before):
        pass
    if opened and _SIMILE_CLOSE_RE.search(text, at, sentence_end + 1) and not _CUE_RE.search(before, 0, opened.start()):
        return "simile"
    evidence = _EVIDENCE_RE.search(before)
    if evidence and not _CUE_RE.search(before, 0, evidence.start()) and not _PERSON_RE.search(before, evidence.end()):
        return "evidence"  # (这意味着我们必须…: the speaker's own conclusion, addressed to us, still orders)
    unaware = _UNAWARE_RE.search(before)
    if unaware and not _PERSON_RE.search(before, unaware.end()):
        return "unaware"  # unless someone else takes the word: 他们还不懂得这一点，我们要教育他们 still orders
    head = _PAST_HEAD_RE.match(text, sentence_start, at)
    if head and not _NOW_RE.search(text, head.end(), at) and _SAID_RE.search(text, head.end(), at):
        return "past"
    if _EARLIER_SAYING_RE.search(before):
        return "past"
    if text.startswith("要", at) and _REACH_RE.match(text, at) \
            and _QUANTITY_RE.search(text, _clause_start(text, sentence_start, at), at):
        return "forecast"
    return ""
