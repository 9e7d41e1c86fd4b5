"""clean_chunks._nearest: the marker _regularise swaps into a chain is the one ``min`` over every allowed
marker between the neighbours gives (nearest to the expected spacing, the earlier of equals), found
without listing them all."""

from __future__ import annotations

import bisect
import random

from annotator.structure.clean_chunks import _Marker, _nearest


def test_nearest_is_the_minimum_over_every_allowed_marker():
    rng = random.Random(19)
    for _ in range(5000):
        positions = sorted(rng.sample(range(60), rng.randint(1, 12)))
        same = [_Marker(p, p + 2, 1) for p in positions]
        others = set(rng.sample(positions, rng.randint(0, len(positions))))
        marker = rng.choice(same)
        lo, hi = rng.choice([-1, *positions]), rng.choice([*positions, float("inf")])
        expected = rng.randint(-5, 65) + rng.choice([0, 0.5])
        a, b = bisect.bisect_right(positions, lo), bisect.bisect_left(positions, hi)
        options = [c for c in same[a:b] if c.pos not in others or c is marker]
        want = min(options, key=lambda c: abs(c.pos - expected)) if options else marker
        assert _nearest(same, positions, a, b, expected, others, marker) is want
