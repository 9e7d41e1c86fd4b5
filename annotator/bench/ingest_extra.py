"""Ingest figures beside the tiers: the whole import on the stage figure's own documents (so the stages
can be checked to add up), and one huge one-line text (a flattened 20 MB page) imported whole.

Why the whole import again in the stage figure: the tiers time ``import_paths`` on 10/100/1 000 documents,
the stages on the first 100 only; a stage split can only be said to explain the whole when both are timed
on the same documents, in the same process, beside the same floor. Whole − Σ stages is what no stage holds
(walking the paths, titles, outcome bookkeeping, the digest thread's waits).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from annotator.bench import measure

ONE_LINE_SHAPES = ("words", "markers")


def one_line_text(shape: str, size_bytes: int) -> str:
    """A text of about ``size_bytes`` UTF-8 bytes on one line.

    words: English words with full stops only and one question mark in the middle — every piece short,
    no sentence terminal the cleaner knows before the middle, so both zones are walked across millions of
    pieces (it took 89 s and 860 MB at 20 MB). markers: Chinese with an inline marker every ~200
    characters (一是…（一）…1．…): the outline's one-line shape."""
    if shape == "words":
        half = ("The quick brown fox jumps over the lazy dog. " * (size_bytes // 90 + 1))[: size_bytes // 2].strip()
        return half + " Why? " + half
    from annotator.structure.scaling import one_line  # noqa: PLC0415

    chars = size_bytes // 3
    return one_line(chars, chars // 200)


def one_line(folder: Path, shape: str, size_bytes: int) -> dict:
    """Import one ``size_bytes`` one-line file into a new project (index=False, as the tiers); its floor
    is the read + one regex pass of the same file. Peak RSS is this process's (a child of its own)."""
    from annotator.ingest import import_paths  # noqa: PLC0415
    from annotator.storage import open_project  # noqa: PLC0415
    from annotator.storage.documents import clean_text  # noqa: PLC0415

    warm = folder / "one_line_warm_0.txt"  # imports and regex compilation outside the timing, as ingest()
    warm.write_text(one_line_text(shape, 20_000), encoding="utf-8")
    with open_project(folder / "one_line_warm.db") as project:
        import_paths(project, [warm], index=False)
    path = folder / f"one_line_{shape}_0.txt"  # "_0": utf-8 for measure._encoding
    path.write_text(one_line_text(shape, size_bytes), encoding="utf-8")
    chars = measure.floor_read([path])
    floors = []
    for _ in range(3):
        started = time.perf_counter()
        measure.floor_read([path])
        floors.append(time.perf_counter() - started)
    project_path = folder / f"one_line_{shape}.db"
    project = open_project(project_path)
    try:
        started, cpu = time.perf_counter(), time.process_time()
        summary = import_paths(project, [path], index=False)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        outcome = summary.outcomes[0]
        kept = len(clean_text(project, outcome.document_id)) if outcome.document_id else 0
    finally:
        project.close()
        for leftover in [*folder.glob(f"one_line_{shape}*"), *folder.glob("one_line_warm*")]:
            leftover.unlink()
    floor = statistics.median(floors)
    return {"shape": shape, "bytes": size_bytes, "chars": chars, "status": outcome.status, "chars_kept": kept,
            "seconds": seconds, "cpu_s": cpu, "floor_s": floor, "ratio_to_floor": seconds / floor}


def rows(r: dict, row) -> list[dict]:
    """Table rows for these figures (``row`` is rows._row)."""
    out = []
    st = r.get("ingest_stages", {})
    if "whole_ratio_to_floor" in st:
        out.append(row(f"  whole import on the stages' {st['docs']} docs (CPU ×{st['whole_cpu_ratio_to_floor']:.1f})",
                       None, "", "same floor", None, ratio=st["whole_ratio_to_floor"]))
        out.append(row(f"    read+clean+outline+title+digest+store timed apart (CPU ×{st['stages_cpu_ratio_to_floor']:.1f})",
                       None, "", "same floor", None, ratio=st["stages_ratio_to_floor"]))
        # What no stage holds, so the table adds up: whole − Σ stages (walking the paths, the project-file check,
        # bookkeeping, the collector; in wall time also waiting for a core, which the helper thread adds to),
        # printed as multiples of the floor and as whole ÷ Σ stages (a ratio > 0 even when noise makes the
        # difference negative on a few documents).
        rest, rest_cpu = (st["whole_ratio_to_floor"] - st["stages_ratio_to_floor"],
                          st["whole_cpu_ratio_to_floor"] - st["stages_cpu_ratio_to_floor"])
        out.append(row(f"    in no stage: whole − stages = {rest:.1f}× the floor (CPU {rest_cpu:.1f}×); whole ÷ stages",
                       None, "", "the stages timed apart", None,
                       ratio=st["whole_ratio_to_floor"] / st["stages_ratio_to_floor"]))
    for shape in ONE_LINE_SHAPES:
        f = r.get(f"ingest_one_line_{shape}")
        if not f or "error" in f:
            continue
        kept = "all characters kept" if f["chars_kept"] == f["chars"] else f"{f['chars_kept']}/{f['chars']} chars kept"
        out.append(row(f"import one {f['bytes'] / 1e6:g} MB one-line text ({shape}; {f['status']}, {kept}; "
                       f"CPU {f['cpu_s']:.1f} s)",
                       f["seconds"], "s", "read + decode + one regex pass", f["floor_s"], rss=f["peak_rss_mb"]))
    return out
