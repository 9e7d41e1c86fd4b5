"""Turning what a person selected into a tidy span (Qt-free; the text view converts Qt offsets first).

Default: trim leading/trailing whitespace and punctuation. "clause" grows the selection to the
surrounding clause (between ，；。！？：), "sentence" to the surrounding sentence (between 。！？).

What belongs to a value is never trimmed, because a statistic without its unit is a different
statistic: a trailing ``%``/``％``/``‰``/``‱`` after a number, a leading sign (``-``/``－``/``−``/``+``)
before one. ``℃``, ``个百分点`` and ``约`` are not punctuation, so trimming leaves them alone anyway.
"""

from __future__ import annotations

import unicodedata

from annotator.domain.numeral_chars import NUMERAL_CHARS

CLAUSE_BREAKS = set("，,；;。！!？?：:\n")
SENTENCE_BREAKS = set("。！!？?\n")
# Closing quotes/brackets belong to the clause they end.
_CLOSERS = set("”’」』）)》〉】")
# Units written as punctuation (Unicode category Po) that end a value: 5.2%, 17.8％, 3‰.
_VALUE_SUFFIXES = set("%％‰‱")
# Signs written as dashes (category Pd) that start a value: -3.5%, －2.1.
_VALUE_SIGNS = set("-－−‐‑")
# What may stand before a unit suffix / after a sign: digits (any script, incl. full-width) and
# Chinese numerals (百分之五十 has no %, but 五十% happens in scraped pages).
_NUMERALS = NUMERAL_CHARS | {".", "．"}  # a decimal point inside a value belongs to it


def _is_numeric(ch: str) -> bool:
    return ch.isdigit() or ch in _NUMERALS or unicodedata.category(ch) == "Nd"


def _is_trimmable(ch: str) -> bool:
    if ch.isspace() or ch in "\u200b\u200c\u200d\ufeff":
        return True
    category = unicodedata.category(ch)
    # Opening/closing quotes and brackets stay when they are inside the span; trim only P* at the edges
    # that are not paired brackets (so “十四五”规划 keeps its quotes when selected whole).
    return category.startswith("P") and category not in ("Ps", "Pe", "Pi", "Pf")


def _keeps_start(text: str, start: int, end: int) -> bool:
    """A sign directly before a digit inside the selection is part of the value."""
    return text[start] in _VALUE_SIGNS and start + 1 < end and _is_numeric(text[start + 1])


def _keeps_end(text: str, start: int, end: int) -> bool:
    """A percent/permille sign directly after a numeral inside the selection is the value's unit."""
    return text[end - 1] in _VALUE_SUFFIXES and end - 2 >= start and _is_numeric(text[end - 2])


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and _is_trimmable(text[start]) and not _keeps_start(text, start, end):
        start += 1
    while end > start and _is_trimmable(text[end - 1]) and not _keeps_end(text, start, end):
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
        # a clause/sentence never starts with whitespace (indented paragraphs)
        while start < end and text[start].isspace():
            start += 1
    return trim(text, start, end) if mode == "trim" else (start, end) if start < end else (start, start)


def unit_at(text: str, pos: int, mode: str) -> tuple[int, int]:
    """The clause or sentence around ``pos`` (the Shift+1 / Shift+2 keys tag it without selecting)."""
    return snap(text, pos, pos, mode)
