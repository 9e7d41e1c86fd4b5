"""Character-level Cohen's κ: every code point gets the label covering it, or 'O'.

Shown only with its caveat: untagged text dominates the table, so κ climbs towards span F1 as a
document grows (Hripcsak & Rothschild 2005) and says more about text length than about agreement.
The table is built from runs between span boundaries, so its cost follows the number of spans.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from annotator.agreement.coefficients import table_agreement

UNTAGGED = "O"
CAVEAT = ("character-level kappa is inflated by untagged text (the 'O' class); "
          "use span F1 as the headline figure")


@dataclass(frozen=True)
class CharKappa:
    kappa: float
    observed: float
    expected: float
    n_chars: int
    excluding_both_untagged: bool
    caveat: str = CAVEAT

    def to_json(self) -> dict:
        return dict(self.__dict__)


def label_runs(spans: Iterable, length: int) -> list[tuple[int, str]]:
    """(end, char label) runs covering [0, length) in order. Where one annotator's spans of
    different labels overlap, the character's label is their sorted labels joined by '+'."""
    events: list[tuple[int, int, str]] = []
    for span in spans:
        s, e, label = (span.start, span.end, span.label) if hasattr(span, "start") else span[:3]
        s, e = max(0, s), min(length, e)
        if e > s:
            events.append((s, 1, label))
            events.append((e, -1, label))
    events.sort()
    active: dict[str, int] = {}
    runs: list[tuple[int, str]] = []
    current, i = UNTAGGED, 0
    while i < len(events):
        pos = events[i][0]
        if pos > (runs[-1][0] if runs else 0):
            runs.append((pos, current))
        while i < len(events) and events[i][0] == pos:
            _, delta, label = events[i]
            active[label] = active.get(label, 0) + delta
            if not active[label]:
                del active[label]
            i += 1
        current = "+".join(sorted(active)) if active else UNTAGGED
    if length > (runs[-1][0] if runs else 0):
        runs.append((length, current))
    return runs


def table_from_runs(ra: list[tuple[int, str]], rb: list[tuple[int, str]]) -> Counter:
    """Counter {(label_a, label_b): characters} from two annotators' runs over one text."""
    table: Counter = Counter()
    i = j = pos = 0
    while i < len(ra) and j < len(rb):
        end = min(ra[i][0], rb[j][0])
        table[(ra[i][1], rb[j][1])] += end - pos
        pos = end
        if ra[i][0] == end:
            i += 1
        if rb[j][0] == end:
            j += 1
    return table


def char_table(spans_a, spans_b, length: int) -> Counter:
    """Counter {(label_a, label_b): characters} over [0, length)."""
    return table_from_runs(label_runs(spans_a, length), label_runs(spans_b, length))


def char_kappa_from_table(table: Counter, *, exclude_both_untagged: bool = False) -> CharKappa:
    cells = {k: v for k, v in table.items()
             if not (exclude_both_untagged and k == (UNTAGGED, UNTAGGED))}
    cats = sorted({c for pair in cells for c in pair})
    index = {c: i for i, c in enumerate(cats)}
    matrix = [[0] * len(cats) for _ in cats]
    for (x, y), v in cells.items():
        matrix[index[x]][index[y]] += v
    agreement = table_agreement(matrix)
    return CharKappa(agreement.kappa, agreement.observed, agreement.expected_kappa,
                     sum(cells.values()), exclude_both_untagged)


def char_kappa(spans_a, spans_b, length: int, *, exclude_both_untagged: bool = False) -> CharKappa:
    """Cohen's κ over the characters of one text of ``length`` code points; spans are
    (start, end, label) tuples. ``exclude_both_untagged`` drops characters neither annotator tagged."""
    return char_kappa_from_table(char_table(spans_a, spans_b, length),
                                 exclude_both_untagged=exclude_both_untagged)
