"""Agreement speed side by side with the peer libraries, measured in one run (for python -m annotator.bench).

``compare_with_peers()`` times Krippendorff's α (nominal) against the ``krippendorff`` package and
Fleiss' κ against statsmodels on the same random data (100 000 units × 5 coders by default, 20 %
missing for α), checks the values agree, and returns the ratios ours / peer (below 1: we are faster).
The peers are the ``bench`` extra; when one is missing its entry says so instead of a ratio. Ours and
the peer run alternately, ``runs`` times each, and each side's fastest run counts: on a machine busy
with other work the minimum is the figure least disturbed by it, and alternating exposes both sides to
the same disturbances.
"""

from __future__ import annotations

import time
from typing import Any, Callable


def _timed(call: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = call()
    return time.perf_counter() - start, value


def _entry(name: str, ours: Callable, peer: Callable | None, missing: str, runs: int) -> dict:
    ours_times, peer_times = [], []
    ours_value = peer_value = None
    for _ in range(runs):
        seconds, ours_value = _timed(ours)
        ours_times.append(seconds)
        if peer is not None:
            seconds, peer_value = _timed(peer)
            peer_times.append(seconds)
    entry = {"name": name, "ours_seconds": min(ours_times), "ours_value": ours_value}
    if peer is None:
        entry.update(peer_seconds=None, ratio=None, note=f"{missing} not installed (pip install '.[bench]')")
        return entry
    entry.update(peer_seconds=min(peer_times), peer_value=peer_value, ratio=min(ours_times) / min(peer_times),
                 difference=abs(ours_value - peer_value))
    return entry


def compare_with_peers(units: int = 100_000, coders: int = 5, categories: int = 4, runs: int = 9,
                       seed: int = 14) -> list[dict]:
    """[{name, ours_seconds, peer_seconds, ratio, difference, …}] for α nominal and Fleiss' κ."""
    import numpy as np  # noqa: PLC0415

    from annotator.agreement.coefficients import alpha_details, fleiss_details  # noqa: PLC0415

    rng = np.random.default_rng(seed)
    truth = rng.integers(0, categories, units)
    data = np.where(rng.random((coders, units)) < 0.7, truth, rng.integers(0, categories, (coders, units))).astype(float)
    data[rng.random((coders, units)) < 0.2] = np.nan
    counts = np.zeros((units, categories), np.int64)
    ratings = np.where(rng.random((coders, units)) < 0.7, truth, rng.integers(0, categories, (coders, units)))
    for row in ratings:
        counts[np.arange(units), row] += 1

    try:
        import krippendorff  # noqa: PLC0415

        def alpha_peer():
            return krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    except ImportError:
        alpha_peer = None
    try:
        from statsmodels.stats.inter_rater import fleiss_kappa  # noqa: PLC0415

        def fleiss_peer():
            return fleiss_kappa(counts)
    except ImportError:
        fleiss_peer = None
    return [
        _entry(f"Krippendorff alpha nominal {units} units x {coders} coders vs krippendorff",
               lambda: alpha_details(data).alpha, alpha_peer, "krippendorff", runs),
        _entry(f"Fleiss kappa {units} subjects x {coders} raters vs statsmodels",
               lambda: fleiss_details(counts).kappa, fleiss_peer, "statsmodels", runs),
    ]


def _ms(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{seconds * 1000:.1f} ms"


if __name__ == "__main__":
    for row in compare_with_peers():
        ratio = "n/a" if row["ratio"] is None else f"{row['ratio']:.2f}x"
        print(f"{row['name']}: ours {_ms(row['ours_seconds'])}, peer {_ms(row['peer_seconds'])}, "
              f"ratio {ratio}, |difference| {row.get('difference', 'n/a')}")
