"""A speaker turning to the audience ("各位代表！", "同志们！") between the parts of a speech or a report.

A work report closes its review with "各位代表！…五年来…一是…五是…" after the last run-in item of the year's
list ("（六）防范化解风险，维护社会和谐稳定。…", baogao_shaanxi_2026), and a speech closes its five run-in points
with "同志们！…一是要…四是要…" (speech_hongse_ziyuan_2021, flattened onto one line in its _oneline twin): the
address opens a new movement of the speech, so the lists after it belong to the part above the run-in item,
not to the item.  Every 2026 provincial report of the corpus opens such movements the same way (chongqing,
guangdong, hebei, shaanxi, yunnan), and so do party congress reports and youth-league speeches ("共青团员们、
青年朋友们、同志们！").  A heading whose title stands alone on its line ("一、2025年工作回顾") is a part, which an
address does not close; only run-in items (title, full stop, body in one paragraph) whose paragraph has
ended and inline enumerations are closed.
"""

from __future__ import annotations

import re

# The address ends in 们！ or 代表！: found by its "！" (str.find, much faster than a regex over the text), then
# checked backwards.
_VOCATIVES = ("同志们", "朋友们", "代表们", "同学们", "老师们", "各位代表")
_OPENS = "\n。！？!?”摄 \u3000\t\xa0"  # a paragraph start, or where one was in a flattened page
_WORDS_MAX = 4  # "共青团员们、青年朋友们、同志们！": a few vocatives joined by 、


def addresses(text: str) -> list[int]:
    """Offsets of the addresses that open a paragraph (or a sentence of a flattened one), in order."""
    out = []
    for mark in "！!":
        bang = text.find(mark)
        while bang >= 0:
            vocative = next((v for v in _VOCATIVES if text.endswith(v, 0, bang)), None)
            if vocative is not None and _opens_paragraph(text, bang - len(vocative)):
                out.append(bang - len(vocative))
            bang = text.find(mark, bang + 1)
    return sorted(out)


def _opens_paragraph(text: str, k: int) -> bool:
    """Does the address ending at ``k`` (its last vocative starting there) open its paragraph, after at most
    a few more vocatives joined by 、 ("共青团员们、青年朋友们、同志们！")?"""
    for _ in range(_WORDS_MAX):
        if k == 0 or text[k - 1] in _OPENS:
            return True
        j = k - 1
        if text[j] not in "、，,":
            return False
        i = j
        while i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff" and j - i < 8:
            i -= 1
        if i == j:
            return False
        k = i
    return k == 0 or text[k - 1] in _OPENS


_RUN_IN_WINDOW = 200
_FLAT_LINE = 400  # a line this long is a page flattened onto one line (markers.FLATTENED_LINE_MIN)


def closed_by(text: str, start: int, end: int, address: int) -> bool:
    """Is the heading at ``start`` (its marker ending at ``end``) a run-in item that the ``address`` after
    it closes?  It runs on into its body in its paragraph ("（六）防范化解风险，…。稳妥化解…": its first sentence
    ends before the line does, with words after it), and that paragraph has ended before the address: a
    speaker turning to the audience inside an item ("（三）…。同志们！…一是…") is still in it.  On a page
    flattened onto one line the paragraph ends are lost; the address itself opens one there.  Looks at short
    windows only: never a long line."""
    window = text[end:end + _RUN_IN_WINDOW]
    line_end = window.find("\n")
    line = window if line_end < 0 else window[:line_end]
    m = re.search("[。！？!?]", line)
    if m is None or line[m.end():].strip(" \t\u3000\xa0\r") == "":
        return False
    before = text.rfind("\n", max(0, start - _FLAT_LINE), start)
    after = text.find("\n", start, start + _FLAT_LINE)
    if before < 0 and after < 0 and start >= _FLAT_LINE:
        return True  # inside a flattened line
    return 0 <= after < address
