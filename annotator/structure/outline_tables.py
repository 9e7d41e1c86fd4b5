"""Numbered rows of a data table read out one cell a line: not sections.

A Word or CMS page puts every table cell in a paragraph of its own (``<td><p>…</p></td>``), so the HTML
reader gives one cell a line and a table of indicators reads "1.信息化发展指数 / >79 / — / 72.45 / —" then
"2.…".  The row numbers make a list the outline would take for sections.  What gives them away is the
shape of the text, not the page: a numbered line followed straight by two or more lines that hold only a
value (a number, a bound or a dash for "no figure").  A scoring table's "1．组织领导" is followed by one
score or by its criteria in words, and a section by prose, so they stay.
"""

from __future__ import annotations

import re

# One cell holding a figure: ">79", "≥90%", "72.45", "—", "1000万", "-3.2"; nothing else on the line.
_VALUE_CELLS = re.compile(
    r"[^\n]*\n(?:[ \t\u3000]*(?:[<>≥≤＞＜约~～+\-－]?[ ]?\d[\d.,，]*[%％万亿]?|[—–\-－/／×]{1,2})[ \t\u3000]*(?:\n|$)){2}")


def value_row(text: str, start: int) -> bool:
    """Is the line opening at ``start`` followed by two lines that each hold only a figure?"""
    return _VALUE_CELLS.match(text, start) is not None


def table_rows(text: str, starts: list[int]) -> bool:
    """Are the members of a run (their marker starts) the row numbers of a data table?  At least half of
    them, and two, open a row of figures; the others are rows whose cells the table merged or left blank."""
    rows = sum(1 for s in starts if value_row(text, s))
    return rows >= 2 and 2 * rows >= len(starts)
