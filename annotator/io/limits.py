"""Limits on what a file may make us PRODUCE, not only on its size.

A 97-byte HTML list (``<ol type=a start=2000000000>``) or a 3 KB .docx (a letter-numbered list,
a megabyte of ``%1`` in ``lvlText``) used to expand to hundreds of MB of marker text. So every
produced quantity has its own bound here: list numbers, marker text, and the extracted text as a
whole; readers check the last one as they go, so memory stays bounded before the refusal.
"""

from __future__ import annotations

# Speeches and reports are 5–200 KB of text; even a 500-page .docx with images stays under this.
# Larger inputs are almost certainly the wrong file, and a 20 MB text already means ~7 M characters
# in one text view, so refuse before reading instead of freezing the import.
READ_LIMIT_BYTES = 20 * 1024 * 1024

# The same number as a character limit for the text a reader produces: every encoding spends at
# least one byte per character, so no text file under READ_LIMIT_BYTES is ever refused by it, while
# a small .docx/.html that expands (list markers, tabs, table cells) is stopped at the same size.
MAX_TEXT_CHARS = READ_LIMIT_BYTES

# Lines of text (after line-end normalisation), whatever the format. The longest real document we hold
# (speeches, work reports, the outline corpus) has ~1 100 lines; a 20 MB file of one-character lines has
# 5 M, and cleaning and outlining cost ~80 µs and ~1 KB per line: 7 minutes and 4 GB before this limit.
MAX_LINES = 100_000

# Word's numbering dialog accepts start values 0–32767; browsers draw any 32-bit <ol start>, but
# nobody numbers paragraphs past this by hand. Clamping keeps a marker's digits at most 6 characters.
MAX_LIST_NUMBER = 32767

# Word writes lvlText like "%1.", "（%2）", "第%1条" or "%1.%2.%3.%4.%5.%6.%7.%8.%9." (27 characters).
MAX_LEVEL_TEXT = 64

# Whatever the template and formats, one paragraph's marker never exceeds this.
MAX_MARKER_CHARS = 200


class TextLimitExceeded(Exception):
    """Raised by a reader the moment its output passes MAX_TEXT_CHARS; read_file names the file."""

    def __init__(self, produced: int):
        self.produced = produced
        super().__init__(produced)


def clamp_number(value: int) -> int:
    """A list number inside ±MAX_LIST_NUMBER (negative <ol start> values exist in HTML)."""
    return max(-MAX_LIST_NUMBER, min(MAX_LIST_NUMBER, value))


class TextBudget:
    """Counts characters produced so far and raises TextLimitExceeded past the limit."""

    __slots__ = ("used", "limit")

    def __init__(self, limit: int | None = None):
        self.used = 0
        # Looked up at run time so a test can lower the module's limit instead of writing 20 MB.
        self.limit = MAX_TEXT_CHARS if limit is None else limit

    def spend(self, count: int) -> None:
        self.used += count
        if self.used > self.limit:
            raise TextLimitExceeded(self.used)
