"""Two figures that must stay linear in their input (issue 12): the outline on one-line text holding
many inline markers (the shape that was quadratic), and the project integrity check.

Each is measured at a small and a large size (8× apart) in the same process. What is reported:
throughput at both sizes, the floor at the large size (one regex pass over the same text; a bare read
of the texts for the integrity check), and the linearity ratio = time per character at the large size
÷ time per character at the small one — 1.0 is linear, 8 would be quadratic. Times are CPU times.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

_MARKERS = re.compile(r"[一二三四五六七八九十]+是|（[一二三四五六七八九十]+）|\d+．|第[一二三四五六七八九十]+，")


def _best(fn, runs: int) -> float:
    """Fastest CPU time of ``runs`` calls. CPU time (this process's), not wall clock: on a shared machine
    the wall clock of a single-threaded parse mostly measures how long it waited for a core."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def outline(small_chars: int, runs: int) -> dict:
    from annotator.structure.outline import parse_outline  # noqa: PLC0415
    from annotator.structure.scaling import one_line, ordinary  # noqa: PLC0415

    out: dict = {}
    for shape, make in (("one_line", lambda n: one_line(n, n // 200)), ("ordinary", ordinary)):
        times = {}
        for label, n in (("small", small_chars), ("large", small_chars * 8)):
            text = make(n)
            times[label] = (n, _best(lambda: parse_outline(text), runs))
        n_large, t_large = times["large"]
        out[f"{shape}_chars"] = n_large
        out[f"{shape}_markers"] = len(_MARKERS.findall(make(n_large)))
        out[f"{shape}_chars_per_s"] = n_large / t_large
        out[f"{shape}_seconds"] = t_large
        text = make(n_large)
        out[f"{shape}_floor_s"] = _best(lambda: sum(1 for _ in _MARKERS.finditer(text)), runs)
        n_small, t_small = times["small"]
        out[f"{shape}_linearity"] = (t_large / n_large) / (t_small / n_small)
    return out


def integrity(folder: Path, small_chars: int, runs: int) -> dict:
    from annotator.domain.model import Span  # noqa: PLC0415
    from annotator.storage import documents, integrity as check, open_project  # noqa: PLC0415
    from annotator.storage import spans as span_store  # noqa: PLC0415

    sentence = "各地区各部门要统一思想认识，压实工作责任，确保各项任务落到实处，全年增长5.2%。\n"
    out: dict = {}
    per_size = {}
    for label, n in (("small", small_chars), ("large", small_chars * 8)):
        text = (sentence * (n // len(sentence) + 1))[:n]
        path = folder / f"integrity_{label}.db"
        with open_project(path) as project:
            doc_id, _ = documents.add_document(project, clean_text=text, raw_text=text, title=label, sections=[])
            step = 340  # about one span per 340 characters, as in a densely tagged report
            span_store.add_spans(project, (Span(start=s, end=s + 12, label="directive", annotator="bench",
                                                document_id=doc_id) for s in range(0, n - 12, step)))
            seconds = _best(lambda: check.check(project), runs)
            floor = _best(lambda: len(documents.clean_text(project, doc_id)), runs)  # read the text once
        per_size[label] = (n, seconds, floor)
    n_small, t_small, _ = per_size["small"]
    n_large, t_large, f_large = per_size["large"]
    out.update(chars=n_large, spans=n_large // 340, seconds=t_large, floor_s=f_large,
               linearity=(t_large / n_large) / (t_small / n_small))
    return out
