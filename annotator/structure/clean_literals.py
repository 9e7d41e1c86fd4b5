"""Required literals of a rule pattern: strings one of which every match must contain.

A rule run on its own over a whole text (``Combined.singles``: patterns that do not open with a plain
character) costs a regex scan of every position, even when the text cannot hold a match. ``"ICP" in
text`` answers at memchr speed, so such a rule is skipped when none of its required literals is in the
text — a rule that cannot match is never run, which cannot change what is found (issue 19).

The literals come from Python's own parse of the pattern, walked conservatively: a run of plain
characters (small character classes expanded), or the literals of a group or of every branch of an
alternation, or of a part repeated at least once. Anything else (case-insensitive or verbose parts,
categories like \\d, assertions, optional parts) contributes nothing; when nothing is certain the answer
is None and the rule always runs.
"""

from __future__ import annotations

import re
from re import _constants as C  # noqa: N812 - the parser's opcodes
from re import _parser as P  # noqa: N812

_MAX = 16  # more alternatives than this: not worth testing one by one
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT))


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains, or None if none can be named."""
    try:
        parsed = P.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    found = _sequence(list(parsed))
    return frozenset(found) if found else None


def _better(best: set[str] | None, other: set[str] | None) -> set[str] | None:
    if not other or min(map(len, other)) == 0:
        return best
    if best is None:
        return other
    score = lambda s: (min(map(len, s)), -len(s))  # noqa: E731 - longest shortest literal, then fewest
    return other if score(other) > score(best) else best


def _sequence(items: list) -> set[str] | None:
    best: set[str] | None = None
    run = [""]  # the plain characters read since the last break, as alternatives
    for op, av in items:
        if op is C.LITERAL:
            run = [s + chr(av) for s in run]
            continue
        if op is C.IN and all(o is C.LITERAL for o, _ in av) and len(run) * len(av) <= _MAX:
            run = [s + chr(v) for s in run for _, v in av]
            continue
        best = _better(best, set(run) if run != [""] else None)
        run = [""]
        if op is C.SUBPATTERN and not (av[1] or av[2]):  # (group, add flags, del flags, pattern)
            best = _better(best, _sequence(list(av[3])))
        elif op is C.BRANCH:
            best = _better(best, _branches(av[1]))
        elif op in _REPEATS and av[0] >= 1:
            best = _better(best, _sequence(list(av[2])))
    return _better(best, set(run) if run != [""] else None)


def _branches(alternatives: list) -> set[str] | None:
    out: set[str] = set()
    for alternative in alternatives:
        found = _sequence(list(alternative))
        if not found:
            return None  # one branch with nothing certain: the whole alternation has nothing
        out |= found
    return out if len(out) <= 2 * _MAX else None
