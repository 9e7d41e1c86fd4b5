"""Turning what a person selected into a tidy span (Qt-free; the text view converts Qt offsets first).

Default: trim leading/trailing whitespace and punctuation. "clause" grows the selection to the
surrounding clause (between ，；。！？：), "sentence" to the surrounding sentence (between 。！？).
"""

from __future__ import annotations

import unicodedata

CLAUSE_BREAKS = set("，,；;。！!？?：:\n")
SENTENCE_BREAKS = set("。！!？?\n")
# Closing quotes/brackets belong to the clause they end.
_CLOSERS = set("”’」』）)》〉】")


def _is_trimmable(ch: str) -> bool:
    if ch.isspace() or ch in "\u200b\u200c\u200d\ufeff":
        return True
    category = unicodedata.category(ch)
    # Opening/closing quotes and brackets stay when they are inside the span; trim only P* at the edges
    # that are not paired brackets (so “十四五”规划 keeps its quotes when selected whole).
    return category.startswith("P") and category not in ("Ps", "Pe", "Pi", "Pf")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and _is_trimmable(text[start]):
        start += 1
    while end > start and _is_trimmable(text[end - 1]):
        end -= 1
    return start, end


def _expand(text: str, start: int, end: int, breaks: set[str]) -> tuple[int, int]:
    while start > 0 and text[start - 1] not in breaks:
        start -= 1
    while end < len(text) and text[end] not in breaks:
        end += 1
    # keep the sentence-final mark and closing quotes with the span (…加强。” reads as one unit)
    if end < len(text) and text[end] in breaks and text[end] != "\n":
        end += 1
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
    return start, end


def snap(text: str, start: int, end: int, mode: str = "trim") -> tuple[int, int]:
    """Tidy [start, end) of ``text``; returns an empty range (start == end) if nothing is left."""
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    if mode == "clause":
        start, end = _expand(text, *trim(text, start, end) if start < end else (start, end), CLAUSE_BREAKS)
    elif mode == "sentence":
        start, end = _expand(text, *trim(text, start, end) if start < end else (start, end), SENTENCE_BREAKS)
    if mode in ("clause", "sentence"):
        # drop a trailing clause break, keep a sentence-final 。！？
        while end > start and text[end - 1] in "，,；;：:\n ":
            end -= 1
    return trim(text, start, end) if mode == "trim" else (start, end) if start < end else (start, start)
