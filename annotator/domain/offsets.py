"""Code points ↔ UTF-16 code units.

Every offset the project stores or exports is a code point index into the clean text (Python str
indices). Qt (QTextCursor positions) and browsers count UTF-16 code units, where a character outside
the Basic Multilingual Plane (𠮷, emoji) takes two. These helpers are the only place the two meet.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Map:
    """Fast conversion for one text: O(log n) per offset after an O(n) scan for astral characters.

    Most speeches have no astral characters at all, in which case both conversions are the identity.
    """

    __slots__ = ("_astral", "_length")

    def __init__(self, text: str) -> None:
        # Code point indices of astral characters, in order. The UTF-16 length says in C whether there
        # are any (most speeches have none); a Python loop over 100 000 characters cost ~30 ms per open.
        if text.isascii() or len(text.encode("utf-16-le")) == 2 * len(text):
            self._astral = []
        else:
            self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._length = len(text)

    @property
    def utf16_length(self) -> int:
        return self._length + len(self._astral)

    def to_utf16(self, cp: int) -> int:
        if not self._astral:
            return cp
        # Each astral character before cp adds one extra unit.
        return cp + bisect_right(self._astral, cp - 1)

    def to_codepoint(self, u16: int) -> int:
        """UTF-16 position → code point index. A position inside a surrogate pair rounds down."""
        if not self._astral:
            return u16
        lo, hi = 0, len(self._astral)
        # Find how many astral characters start before the code point we land on.
        while lo < hi:
            mid = (lo + hi) // 2
            # utf16 position where the mid-th astral character starts
            if self._astral[mid] + mid < u16:
                lo = mid + 1
            else:
                hi = mid
        cp = u16 - lo
        # Inside a pair: u16 == start_of_pair + 1 → previous computation gives cp one too large.
        if lo > 0 and self._astral[lo - 1] + (lo - 1) + 1 == u16:
            cp = self._astral[lo - 1]
        return cp


def to_utf16(text: str, cp: int) -> int:
    return Utf16Map(text).to_utf16(cp)


def to_codepoint(text: str, u16: int) -> int:
    return Utf16Map(text).to_codepoint(u16)
