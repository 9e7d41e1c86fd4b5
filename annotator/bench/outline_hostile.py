"""The outline on a line made of nothing but markers ("一、二、三、（一）1.2.①" over and over): hostile input
that matches the grammar every few characters. Its memory must stay bounded (the scanner once listed
every match object, ~1 KB each: ~360 MB per million characters) and its time linear.

Reported: CPU seconds at the large size beside one regex pass for markers over the same text, the
linearity ratio (time per character at 8× the size ÷ at the small size; 1.0 is linear), and the peak of
the memory Python allocated during one parse (tracemalloc) beside the size of the text itself.

A second shape: chapter and article markers glued together ("第一章第一条" over and over).  There every
re-arranging pass of the outline drops one lone run, and 25 passes over every candidate made half a
million repeats take minutes; the passes are now bounded by the placements they make.  Reported: CPU
seconds at the large size beside one regex pass for those markers, and the linearity ratio (4× apart,
both sizes past the placement budget's fixed part, so both see the same number of passes).
"""

from __future__ import annotations

import re
import sys
import tracemalloc
from typing import Any

from annotator.bench.linear import _MARKERS, _best

UNIT = "一、二、三、（一）1.2.①"
PEAK_TO_TEXT = 10  # the parse may take a few times its text (the text: 2 bytes a character), never 100s
REPEAT_UNIT = "第一章第一条"
_REPEAT_MARKERS = re.compile("第[一二三四五六七八九十百]+[章条]")
REPEAT_SMALL = 10  # × small_chars: 1.25 M characters in the full run, 3 passes (past outline._MAX_PLACEMENTS)
REPEAT_LARGER = 4


def marker_line(chars: int) -> str:
    return (UNIT * (chars // len(UNIT) + 1))[:chars]


def measure(small_chars: int, runs: int) -> dict:
    from annotator.structure.outline import parse_outline  # noqa: PLC0415

    times = {}
    for label, n in (("small", small_chars), ("large", small_chars * 8)):
        text = marker_line(n)
        times[label] = (n, _best(lambda: parse_outline(text), runs))
    n_small, t_small = times["small"]
    n_large, t_large = times["large"]
    text = marker_line(n_large)
    floor = _best(lambda: sum(1 for _ in _MARKERS.finditer(text)), runs)
    tracemalloc.start()
    try:
        sections = len(parse_outline(text))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return {"chars": n_large, "sections": sections, "seconds": t_large, "floor_s": floor,
            "linearity": (t_large / n_large) / (t_small / n_small), "peak_mb": peak / 2**20,
            "text_mb": sys.getsizeof(text) / 2**20, "peak_mb_per_m_chars": peak / 2**20 / (n_large / 1e6),
            "repeat": _repeat(small_chars * REPEAT_SMALL, min(runs, 2))}


def _repeat(small_chars: int, runs: int) -> dict:
    from annotator.structure.outline import parse_outline  # noqa: PLC0415

    times = {}
    for label, n in (("small", small_chars), ("large", small_chars * REPEAT_LARGER)):
        text = (REPEAT_UNIT * (n // len(REPEAT_UNIT) + 1))[:n]
        times[label] = (n, _best(lambda: parse_outline(text), runs))
    (n_small, t_small), (n_large, t_large) = times["small"], times["large"]
    floor = _best(lambda: sum(1 for _ in _REPEAT_MARKERS.finditer(text)), runs)
    return {"chars": n_large, "sections": len(parse_outline(text)), "seconds": t_large, "floor_s": floor,
            "linearity": (t_large / n_large) / (t_small / n_small)}


def rows(r: dict, row) -> list[dict[str, Any]]:
    """Table rows (``row`` is rows._row)."""
    h = r["outline_hostile"]
    peak = row(f"  Python memory at its peak ({h['peak_mb_per_m_chars']:.1f} MB per million characters)",
               h["peak_mb"], "MB", "the text itself in memory", h["text_mb"], target=PEAK_TO_TEXT)
    return [row(f"outline, {h['chars'] / 1e6:.1f} M chars of markers only on one line ({h['sections']} headings)",
                h["seconds"], "s", "one regex pass for markers", h["floor_s"], rss=h["peak_rss_mb"]),
            row("  time per char, 8× larger ÷ smaller (1 = linear)", None, "", "same text, 1/8 size", None,
                ratio=h["linearity"], target=2),
            peak, *_repeat_rows(h.get("repeat"), row)]


def _repeat_rows(rep: dict | None, row) -> list[dict[str, Any]]:
    if not rep:
        return []
    return [row(f"outline, {rep['chars'] / 1e6:.1f} M chars of 第一章第一条 glued together ({rep['sections']} headings)",
                rep["seconds"], "s", "one regex pass for those markers", rep["floor_s"]),
            row(f"  time per char, {REPEAT_LARGER}× larger ÷ smaller (1 = linear)", None, "", f"same text, 1/{REPEAT_LARGER} size",
                None, ratio=rep["linearity"], target=2)]
