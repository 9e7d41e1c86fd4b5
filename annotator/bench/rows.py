"""The benchmark's table: every row is (ratio to a floor or peer measured in the same run, target,
what, ours, floor/peer, peak RSS). Ratios come first because they survive the machine's mood.

A ratio is ours ÷ floor for times (lower is better) and floor ÷ ours for speeds, so "3.0" always reads
"we take 3× what the floor takes". For a peer the ratio is ours ÷ peer: below 1 we are faster.
"""

from __future__ import annotations

from typing import Any

TIERS = ("ingest_small", "ingest_medium", "ingest_large")


def _row(what: str, ours: float | None, unit: str, vs: str, floor: float | None, *, target: float | None = None,
         target_text: str = "", rss: float | None = None, ratio: float | None = None) -> dict[str, Any]:
    if ratio is None and ours is not None and floor:
        ratio = ours / floor
    met = None if target is None or ratio is None else ratio <= target
    return {"what": what, "ratio": ratio, "target": target_text or (f"≤ {target:g}×" if target is not None else ""),
            "met": met, "ours": ours, "unit": unit, "vs": vs, "floor": floor, "peak_rss_mb": rss}


def rows(r: dict) -> list[dict[str, Any]]:
    """The table; a run limited with --only has only some figures, and only their rows."""
    out: list[dict[str, Any]] = []
    failed = {name: f["error"] for name, f in r.items() if isinstance(f, dict) and "error" in f}
    for name, reason in failed.items():
        out.append(_row(f"FAILED {name}: {reason}", None, "", "figure failed: no ratio", None))
    sections = ((_ingest, (*TIERS, "ingest_stages")), (_headless, ("outline", "suggest", "export", "agreement", "memory")),
                (_cli, ("cli",)),
                (_linear, ("outline_linear", "integrity_linear")), (_outline_hostile, ("outline_hostile",)),
                (_outline_real, ("outline_real",)),
                (_gui, ("gui", "gui_floor")), (_scale, ("scale_build",)), (_team, ("team",)),
                (_pg_speed, ("pg_speed",)))
    for build, needs in sections:
        if all(n in r and n not in failed for n in needs):
            out += build(r)
    return out


def _ingest(r: dict) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for name in TIERS:
        t = r[name]
        out.append(_row(f"ingest {t['docs']} docs ({t['chars'] / 1e6:.1f} M chars)", t["seconds"], "s",
                        "read + decode + one regex pass", t["floor_s"], target=50, rss=t["peak_rss_mb"]))
        if "cpu_ratio_to_floor" in t:
            out.append(_row("  same, CPU time (all of the import's threads)", None, "", "same floor", None,
                            ratio=t["cpu_ratio_to_floor"]))
        if "index_s" in t:  # the search index, built after the import (CLI: by a detached process)
            out.append(_row("  then its search index (background)", t["index_s"], "s", "same floor", t["floor_s"]))
    st = r["ingest_stages"]
    for stage in ("read", "clean", "outline", "title", "digest", "store", "index"):
        if stage + "_share" not in st:  # a result file from before the stage was timed apart
            continue
        cpu = st.get(stage + "_cpu_ratio_to_floor")  # CPU ratio: steadier than wall on a loaded machine
        out.append(_row(f"  stage {stage} ({st[stage + '_share']:.0%} of ingest"
                        + (f"; CPU ×{cpu:.1f})" if cpu is not None else ")"), None, "", "same floor", None,
                        ratio=st[stage + "_ratio_to_floor"]))
    from annotator.bench import ingest_extra  # noqa: PLC0415 - its rows beside the stages

    out += ingest_extra.rows(r, _row)
    big = r[TIERS[-1]]
    out.append(_row("project file ÷ UTF-8 of its clean texts", big["project_mb_per_1000_docs"], "MB/1000 docs",
                    "the texts themselves", big["project_mb_per_1000_docs"] / big["project_ratio_to_text"],
                    target=4))
    out += _room_rows(big)
    medium = r[TIERS[1]]
    if "project_ratio_with_word_index" in medium:
        out.append(_row(f"  with the jieba word index too ({medium['docs']} docs, as the CLI import)", None, "",
                        "the texts themselves", None, ratio=medium["project_ratio_with_word_index"], target=4))
        out.append(_row("    of which word index", None, "", "same", None, ratio=medium["room_word_index_built"]))
    return out


def _headless(r: dict) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    o = r["outline"]
    out.append(_row("outline parse alone", o["chars"] / o["chars_per_s"], "s", "one regex pass for markers",
                    o["floor_s"], rss=o["peak_rss_mb"]))
    s = r["suggest"]
    out.append(_row("suggestions per 30 000 chars", s["ms_per_30k"], "ms", "one regex pass for cues",
                    s["floor_ms_per_30k"], rss=s["peak_rss_mb"]))
    e = r["export"]
    out.append(_row(f"export {e['spans']} spans (native JSONL)", e["seconds"], "s", "json.dumps of the same records",
                    e["seconds"] / e["ratio_to_json_dumps"], target=1.5, rss=e["peak_rss_mb"]))
    if "cpu_ratio_to_json_dumps" in e:
        out.append(_row("  same, CPU time (no fsync, no waiting for a core)", None, "", "same", None,
                        ratio=e["cpu_ratio_to_json_dumps"]))
    a = r["agreement"]
    out.append(_row(f"agreement {a['docs']} docs × 3 annotators ({a['spans']} spans)", a["seconds"], "s",
                    "sort the spans", a["floor_s"], rss=a["peak_rss_mb"]))
    peers = r.get("agreement_peers") if isinstance(r.get("agreement_peers"), dict) else {}
    for peer in peers.get("rows", []):
        out.append(_row(f"  {peer['what']}", peer["ours_s"], "s", f"peer: {peer['peer']}", peer["peer_s"],
                        rss=peers.get("peak_rss_mb")))
    if peers.get("note"):
        out.append(_row(f"  peers: {peers['note']}", None, "", "", None))
    m = r["memory"]
    out.append(_row(f"open + list a {m['docs']}-doc project", m["open_ms"] + m["list_ms"], "ms",
                    "bare SELECT of the list columns", m["floor_list_ms"], rss=m["peak_rss_mb"]))
    return out


def _cli(r: dict) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    c = r["cli"]
    for verb, what, limit in (("help", "annotator --help", None), ("outline", "annotator outline (20 k chars)", 0.3),
                              ("import", "annotator import 20 k chars, new project", 1.0),
                              ("import_index_now", "  same, --index now (jieba before exit)", None)):
        if f"{verb}_s" not in c:
            continue
        out.append(_row(f"CLI {what}, cold", c[f"{verb}_s"], "s", c["floor_what"], c["floor_s"],
                        target_text=f"≤ {limit:g} s abs" if limit else "", rss=c[f"{verb}_peak_rss_mb"]))
        if limit is not None:
            out[-1]["met"] = c[f"{verb}_s"] <= limit
        if verb == "import" and "import_index_done_s" in c:
            out.append(_row("  until its word index is built (detached process)", c["import_index_done_s"], "s",
                            c["floor_what"], c["floor_s"]))
    ls = r.get("labelstudio", {})
    if "doc_with_spans_s" in c:  # one command: import --labels (peer/cli_cold.py)
        what = f"import {c['big_chars'] // 1000} k-char doc with its {c['big_spans']} spans (import --labels), cold"
        if ls.get("peer_s"):
            out.append(_row(what, c["doc_with_spans_s"], "s", "peer: Label Studio 1.23.2", ls["peer_s"], target=1,
                            rss=c["doc_with_spans_peak_rss_mb"]))
        out.append(_row(what if not ls.get("peer_s") else "  same", c["doc_with_spans_s"], "s", c["floor_what"],
                        c["floor_s"], target_text="≤ 0.2 s abs", rss=c["doc_with_spans_peak_rss_mb"]))
        out[-1]["met"] = c["doc_with_spans_s"] <= 0.2
        if c.get("doc_with_spans_peak_rss_mb") is not None:  # the memory target for this path
            out.append(_row("  same, peak RSS of the command ÷ the issue's memory target", c["doc_with_spans_peak_rss_mb"],
                            "MB", "the target (≤ 120 MB)", 120, target=1, rss=c["doc_with_spans_peak_rss_mb"]))
        if ls.get("ours_s"):  # the same command run between the peer's runs (benchmarks/peers/labelstudio.py --ours)
            out.append(_row("  same, interleaved run by run with the peer's", ls["ours_s"], "s",
                            "peer: Label Studio 1.23.2", ls["peer_s"], target=1, rss=ls.get("ours_peak_rss_mb")))
            if ls.get("ours_peak_rss_mb") and ls.get("peer_server_peak_rss_mb"):  # its browser tab not counted
                out.append(_row("  peak memory: our command ÷ the peer's server", ls["ours_peak_rss_mb"], "MB",
                                "peer: Label Studio 1.23.2 server (no tab)", ls["peer_server_peak_rss_mb"], target=1))
        if "doc_with_spans_warm_s" in c:  # a running process, as the GUI imports (the peer's server is warm too)
            warm = "  same, in a running process (as the desktop app imports)"
            if ls.get("peer_s"):
                out.append(_row(warm, c["doc_with_spans_warm_s"], "s", "peer: Label Studio 1.23.2", ls["peer_s"],
                                target=1))
            out.append(_row(warm if not ls.get("peer_s") else "    same", c["doc_with_spans_warm_s"], "s",
                            c["floor_what"], c["floor_s"], target_text="≤ 0.2 s abs"))
            out[-1]["met"] = c["doc_with_spans_warm_s"] <= 0.2
        if "doc_with_spans_imports_s" in c:  # the cold command's module imports (-X importtime, cli_cold.py)
            out.append(_row("  of the cold command: importing modules (beyond the bare interpreter's)",
                            c["doc_with_spans_imports_s"], "s", c["floor_what"], c["floor_s"]))
    what = f"import {c['big_chars'] // 1000} k-char doc, then {c['big_spans']} spans (CLI)"
    if ls.get("peer_s"):
        out.append(_row(what, c["doc_then_spans_s"], "s", "peer: Label Studio 1.23.2", ls["peer_s"], target=1,
                        rss=c["doc_then_spans_peak_rss_mb"]))
        out.append(_row(f"  ours: import {c['doc_then_spans_import_s']:.2f} s + import-labels "
                        f"{c['doc_then_spans_labels_s']:.2f} s (cold processes); Label Studio: {ls['doc_s']:.2f} s + "
                        f"{ls['spans_s']:.2f} s (warm server, its {ls.get('server_start_s', 0):.0f} s start not counted)",
                        None, "", "peer: same split", None))
    else:
        out.append(_row(what, c["doc_then_spans_s"], "s", f"peer not run: {ls.get('note', '')}", None,
                        rss=c["doc_then_spans_peak_rss_mb"]))
        out.append(_row("  two cold processes: import, then import-labels", c["doc_then_spans_s"], "s",
                        c["floor_what"], c["floor_s"], rss=c["doc_then_spans_peak_rss_mb"]))
    return out


def _outline_real(r: dict) -> list[dict[str, Any]]:
    from annotator.bench.outline_real import rows as real_rows  # noqa: PLC0415

    return real_rows(r, _row)


def _pg_speed(r: dict) -> list[dict[str, Any]]:
    from annotator.bench.pg_speed import rows as pg_rows  # noqa: PLC0415

    return pg_rows(r, _row)


def _team(r: dict) -> list[dict[str, Any]]:
    from annotator.bench.team import rows as team_rows  # noqa: PLC0415

    return team_rows(r, _row)


ROOM_PARTS = (("text", "clean text (and the other document columns)"), ("raw", "raw text (zlib)"),
              ("trigram_index", "trigram index"), ("word_index", "word index"), ("outline", "outline"),
              ("spans", "spans"), ("other", "other"))


def _room_rows(figures: dict) -> list[dict[str, Any]]:
    """What takes the room, each part as a multiple of the UTF-8 size of the clean texts."""
    return [_row(f"  of which {what}", None, "", "× UTF-8 of the clean texts", None, ratio=figures[f"room_{part}"])
            for part, what in ROOM_PARTS if figures.get(f"room_{part}")]


def _outline_hostile(r: dict) -> list[dict[str, Any]]:
    from annotator.bench import outline_hostile  # noqa: PLC0415 - its rows in its module

    return outline_hostile.rows(r, _row)


def _linear(r: dict) -> list[dict[str, Any]]:
    o, i = r["outline_linear"], r["integrity_linear"]
    out = []
    for shape, what, minimum in (("one_line", "one line", 1e6), ("ordinary", "ordinary lines", 2e6)):
        row = _row(f"outline, {o[shape + '_chars'] / 1e6:.1f} M chars on {what}, {o[shape + '_markers']} markers "
                   f"({o[shape + '_chars_per_s'] / 1e6:.2f} M chars/s)", o[shape + "_seconds"], "s",
                   "one regex pass for markers", o[shape + "_floor_s"],
                   target_text=f"≥ {minimum / 1e6:g} M chars/s abs", rss=o["peak_rss_mb"])
        row["met"] = o[shape + "_chars_per_s"] >= minimum
        out.append(row)
        out.append(_row("  time per char, 8× larger ÷ smaller (1 = linear)", None, "", "same text, 1/8 size", None,
                        ratio=o[shape + "_linearity"], target=2))
    out.append(_row(f"integrity check, {i['chars'] / 1e6:.1f} M chars, {i['spans']} spans", i["seconds"], "s",
                    "read the text once", i["floor_s"], rss=i["peak_rss_mb"]))
    out.append(_row("  time per char, 8× larger ÷ smaller (1 = linear)", None, "", "same project, 1/8 size", None,
                    ratio=i["linearity"], target=2))
    return out


def _gui(r: dict) -> list[dict[str, Any]]:
    g, q = r["gui"], r["gui_floor"]
    grss = g.get("children_peak_rss_mb")
    out = [
        _row(f"GUI first paint {tag}, 100 k chars, 2 000 spans", g[f"{tag}_first_paint_ms"], "ms",
             "bare setPlainText, same size, same process", g[f"{tag}_bare_paint_ms"], target=3, rss=grss)
        for tag in ("1366x768", "1920x1080") if f"{tag}_first_paint_ms" in g
    ]
    out += [
        _row("GUI first paint 100 k chars, 2 000 spans", g["first_paint_ms"], "ms", "bare QPlainTextEdit, new process",
             q["first_paint_ms"], rss=grss),
        _row("  open until events settled", g["open_settled_ms"], "ms", "same", q["first_paint_ms"]),
        _row(f"tag keystroke → committed, median ({g.get('keystrokes', '?')})", g["commit_median_ms"], "ms",
             "bare INSERT+COMMIT (WAL, FULL)", g["floor_insert_median_ms"]),
        _row("  committed, p99", g["commit_p99_ms"], "ms", "same, p99", g["floor_insert_p99_ms"]),
        *([_row("  committed → on disk (syncer thread), median", g["durable_median_ms"], "ms",
                "bare INSERT+COMMIT (WAL, FULL)", g["floor_insert_median_ms"])] if "durable_median_ms" in g else []),
        _row("  whole keystroke handler, median", g["keystroke_median_ms"], "ms", "one 60 Hz frame", 1000 / 60),
        _row("  whole keystroke handler, p99", g["keystroke_p99_ms"], "ms", "one 60 Hz frame", 1000 / 60),
        *([_row("  keystroke handler CPU, median", g["keystroke_cpu_median_ms"], "ms", "one 60 Hz frame", 1000 / 60),
           _row("  key → text drawn (frame), p95", g["keystroke_frame_p95_ms"], "ms", "one 60 Hz frame", 1000 / 60),
           _row("  key → text drawn, CPU median", g["keystroke_frame_cpu_median_ms"], "ms", "one 60 Hz frame", 1000 / 60)]
          if "keystroke_frame_p95_ms" in g else []),
        _row("GUI cold start → document painted (wall)", g["cold_wall_ms"], "ms", "bare Qt window, same text",
             q["cold_wall_ms"], target_text="≤ 1000 ms abs"),
        _row("  in-process", g["cold_in_process_ms"], "ms", "same, in-process", q["cold_in_process_ms"]),
    ]
    out[-2]["met"] = g["cold_wall_ms"] <= 1000
    return out


def _scale(r: dict) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    b = r["scale_build"]
    out.append(_row(f"scale: {b['docs']} generated docs, search index built in one batch", b["index_s"], "s",
                    "generating the project (bulk INSERTs)", b["build_s"]))
    if "project_ratio_to_text" in b:
        out.append(_row(f"  project file ({b['file_mb']:.0f} MB) ÷ UTF-8 of its clean texts", None, "",
                        "the texts themselves", None, ratio=b["project_ratio_to_text"], target=4))
        out += _room_rows(b)
    for name, what in (("open", "open"), ("list", "list every row"), ("list_lazy", "lazy list: ids + one screen"),
                       ("search_3+", "search, 3+ chars"), ("search_2", "search, 2 chars"),
                       ("search_1", "search, 1 char"), ("export", "export all (native)"),
                       ("agreement", "agreement, 3 annotators")):
        f = r.get(f"scale_{name}")
        if name == "open" and f and "first_s" in f:
            out.append(_row("  open, first time for this file state (full quick_check + JSON scan)", f["first_s"],
                            "s", f["floor_what"], f["floor_s"]))
            what = "open again, same state (structure only" + ("" if f.get("verdict_remembered") else
                                                              ": verdict NOT remembered, scanned again") + ")"
        if f and "error" not in f:
            limit = 100 if name == "open" else None
            row = _row(f"  {what}", f["seconds"], "s", f["floor_what"], f["floor_s"], rss=f["peak_rss_mb"],
                       target_text="≤ 100 MB" if limit else "")
            if limit:
                row["met"] = f["peak_rss_mb"] <= limit
            out.append(row)
    small = r.get("scale_small_build")
    if small and "error" not in small:
        for name, what in (("open", "open"), ("list_lazy", "lazy list"), ("export", "export"),
                           ("agreement", "agreement")):
            big, little = r.get(f"scale_{name}"), r.get(f"scale_small_{name}")
            if big and little and "error" not in big and "error" not in little:
                out.append(_row(f"  {what}: peak RSS at {b['docs']} ÷ at {small['docs']} docs "
                                f"({big['peak_rss_mb']:.0f} / {little['peak_rss_mb']:.0f} MB)", None, "",
                                f"{b['docs'] / small['docs']:g}× the documents", None,
                                ratio=big["peak_rss_mb"] / little["peak_rss_mb"],
                                target=2))
    return out


def _num(value: float | None, width: int) -> str:
    if value is None:
        return " " * width
    text = f"{value:.3g}" if abs(value) < 1000 else f"{value:.0f}"
    return f"{text:>{width}}"


def render(report: dict) -> str:
    m = report["machine"]
    lines = [f"{m['date']}  {m['cores']} cores  {m['cpu']}  Python {m['python']}  Qt {m['qt']}  SQLite {m['sqlite']}"
             f"  load {m['load_at_start']:.1f}→{m.get('load_at_end', 0):.1f}"
             f"{'  (QUICK: not comparable)' if report['quick'] else ''}",
             "ratio = ours ÷ floor (or peer), both measured in this run; absolute figures depend on the machine.", ""]
    lines.append(f"{'ratio':>7} {'target':<13} {'ok':<6} {'measurement':<56} {'ours':>8} {'unit':<12} "
                 f"{'floor/peer':>10}  {'what the floor is':<40} {'peak RSS':>8}")
    for row in report["table"]:
        ok = "" if row["met"] is None else ("yes" if row["met"] else "MISSED")
        rss = "" if row["peak_rss_mb"] is None else f"{row['peak_rss_mb']:.0f} MB"
        lines.append(f"{_num(row['ratio'], 7)} {row['target']:<13} {ok:<6} {row['what']:<56} {_num(row['ours'], 8)} "
                     f"{row['unit']:<12} {_num(row['floor'], 10)}  {row['vs']:<40} {rss:>8}")
    return "\n".join(lines)
