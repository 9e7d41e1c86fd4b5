"""The open document's spans and suggestions, indexed for "what touches [a, b)?" and updated in place.

domain.intervals.IntervalIndex is built once from a list (sorting, running maximum): rebuilding it
after each keystroke cost ~4 ms for 2 400 spans, most of a frame. Here the spans sit in a list sorted by
start with a bisect insert/remove per change, and a query looks back by the longest span seen (spans are
clauses and values, short against a document), so both stay O(log n + hits).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from typing import Iterable

from annotator.domain.model import Span


def _key(span: Span) -> tuple:
    return (span.start, span.end, span.label, span.id or "")


class SpanIndex:
    def __init__(self, spans: Iterable[Span] = ()):
        self._items: list[Span] = sorted(spans, key=_key)
        self._starts: list[int] = [s.start for s in self._items]
        # Never shrinks on removal: a too-long look-back only costs a few comparisons.
        self._longest = max((s.end - s.start for s in self._items), default=0)

    def __len__(self) -> int:
        return len(self._items)

    @property
    def items(self) -> list[Span]:
        return self._items

    def add(self, span: Span) -> None:
        i = bisect_left(self._items, _key(span), key=_key)
        self._items.insert(i, span)
        self._starts.insert(i, span.start)
        self._longest = max(self._longest, span.end - span.start)

    def remove(self, span: Span) -> bool:
        i = bisect_left(self._items, _key(span), key=_key)
        if i < len(self._items) and self._items[i].id == span.id:
            del self._items[i], self._starts[i]
            return True
        for j, item in enumerate(self._items):  # not where its order says: by identity
            if item.id == span.id:
                del self._items[j], self._starts[j]
                return True
        return False

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans with span.start < end and span.end > start (half-open), in start order."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [s for s in self._items[lo:hi] if s.end > start]

    def at(self, pos: int) -> list[Span]:
        return self.overlapping(pos, pos + 1)

    def starting_in(self, start: int, end: int) -> list[Span]:
        return self._items[bisect_left(self._starts, start):bisect_right(self._starts, end - 1)]


class ShownIndex:
    """What the text view draws when the span panel shows less than everything (suggestions hidden, one
    label only): the session's live index, read through a filter at query time.

    A copy (a second SpanIndex) had to be rebuilt from every span after each keystroke while a filter was
    on; reading through costs only the hits of the blocks being drawn. ``source`` is called each time:
    opening a document gives the session a new index."""

    def __init__(self, source, keep):
        self._source = source
        self._keep = keep

    def __len__(self) -> int:
        return len(self.items)

    @property
    def items(self) -> list[Span]:
        return [s for s in self._source().items if self._keep(s)]

    def overlapping(self, start: int, end: int) -> list[Span]:
        return [s for s in self._source().overlapping(start, end) if self._keep(s)]

    def at(self, pos: int) -> list[Span]:
        return self.overlapping(pos, pos + 1)

    def starting_in(self, start: int, end: int) -> list[Span]:
        return [s for s in self._source().starting_in(start, end) if self._keep(s)]
