"""The outline on real documents, where title guessing (and jieba) does its work, and ``annotator outline``
on a real speech from a new process.

The generated corpus of the other rows (annotator/bench/corpus.py) is made of the sample speeches, whose
titles all end cleanly: title guessing never runs on it. Real documents are the outline corpus of the
tests (tests/data/outline_corpus: hand-checked public documents, flattened scrapes among them), or the
bundled sample speeches when the tests are not installed. Reported, each beside a floor measured in the
same process on the same texts (one regex pass for markers, ``python -c pass``):

- the first parse of every document in a new process (jieba and its dictionary shards loaded on the way,
  as the command line and a first import pay them), and a later one (the words of doubtful titles
  cached, as a re-parse pays), with the share of the latter spent finding titles;
- ``annotator outline FILE`` on a ~20 000-character text joined from those documents: median wall
  clock and median CPU time (user + system, steadier than wall on a loaded machine) of new processes.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

_CORPUS = Path(__file__).resolve().parents[2] / "tests" / "data" / "outline_corpus"
# The least an outline parser does: one pass finding the lines that open with a numbering marker.
_FLOOR = re.compile(r"(?m)^[ \t\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])")


def documents() -> tuple[str, list[str]]:
    """(where they come from, the clean texts)."""
    from annotator.io.readers import read_file  # noqa: PLC0415
    from annotator.resources import resource_path  # noqa: PLC0415
    from annotator.structure.clean import clean  # noqa: PLC0415

    if _CORPUS.is_dir():
        source, paths = "tests/data/outline_corpus", sorted(p for p in _CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html"))
    else:
        source, paths = "resources/samples", sorted(resource_path("samples").glob("*.txt"))
    return source, [clean(read_file(p).text).text for p in paths]


def parse_figures(runs: int) -> dict:
    """Run in a new process (bench child): the first parse pays for loading jieba."""
    source, texts = documents()
    from annotator.structure import outline as outline_module  # noqa: PLC0415

    chars = sum(map(len, texts))
    start = time.process_time()
    for text in texts:
        outline_module.parse_outline(text)
    first = time.process_time() - start
    spent = [0.0]
    real_titles = outline_module.assign_titles

    def timed_titles(text, sections):  # noqa: ANN001, ANN202
        started = time.process_time()
        real_titles(text, sections)
        spent[0] += time.process_time() - started

    later, titles = [], []
    outline_module.assign_titles = timed_titles
    try:
        for _ in range(max(runs, 1)):
            spent[0] = 0.0
            start = time.process_time()
            for text in texts:
                outline_module.parse_outline(text)
            later.append(time.process_time() - start)
            titles.append(spent[0])
    finally:
        outline_module.assign_titles = real_titles
    floors = []
    for _ in range(max(runs, 5)):
        start = time.process_time()
        for text in texts:
            _FLOOR.findall(text)
        floors.append(time.process_time() - start)
    warm = statistics.median(later)
    return {"source": source, "docs": len(texts), "chars": chars, "first_s": first, "warm_s": warm,
            "titles_share": statistics.median(titles) / warm if warm else 0.0, "floor_s": min(floors),
            "jieba_loaded": "jieba" in sys.modules}


def _cpu_wall(args: list[str], env: dict) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS MB) of one run of ``args``; NaN where the OS does not say."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode, cpu = os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime
        rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    else:
        proc.wait()
        cpu = rss = float("nan")
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args[1:])} failed: {proc.stderr.read().decode(errors='replace')[-2000:]}")
    proc.stderr.close()
    return wall, cpu, rss


def cli_figures(folder: Path, runs: int, chars: int = 20_000) -> dict:
    """``annotator outline`` on ~``chars`` characters of real documents, cold (a new interpreter each
    time; bytecode and jieba's shard file already made by a warm-up run, as after the first use)."""
    _source, texts = documents()
    joined, size = [], 0
    for text in texts:
        if size >= chars:
            break
        joined.append(text)
        size += len(text) + 1
    folder.mkdir(parents=True, exist_ok=True)
    speech = folder / "real_speech.txt"
    speech.write_text("\n".join(joined), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    figures: dict[str, list[tuple[float, float, float]]] = {"floor": [], "outline": []}
    commands = {"floor": [sys.executable, "-c", "pass"], "outline": [sys.executable, "-m", "annotator", "outline", str(speech)]}
    for name, args in commands.items():
        _cpu_wall(args, env)  # warm-up: bytecode, jieba's shards, the page cache
    for _ in range(max(runs, 1)):
        for name, args in commands.items():  # interleaved, so both see the same load
            figures[name].append(_cpu_wall(args, env))
    out: dict[str, Any] = {"chars": len(speech.read_text(encoding="utf-8"))}
    for name, values in figures.items():
        out[f"{name}_wall_s"] = statistics.median(v[0] for v in values)
        out[f"{name}_cpu_s"] = statistics.median(v[1] for v in values)
        out[f"{name}_peak_rss_mb"] = max(v[2] for v in values)
    return out


def measure(folder: Path, runs: int, cli_runs: int) -> dict:
    """Both figures (the bench child ``outline_real``); parse_figures first, while jieba is not loaded."""
    figures = parse_figures(runs)
    figures["cli"] = cli_figures(folder, cli_runs)
    return figures


def rows(r: dict, row) -> list[dict[str, Any]]:  # noqa: ANN001 - rows._row
    o = r["outline_real"]
    out = [row(f"outline, {o['docs']} real documents ({o['chars'] / 1e3:.0f} k chars, {o['source']}), first parse "
               f"in a new process ({o['chars'] / o['first_s'] / 1e6:.2f} M chars/s)", o["first_s"], "s",
               "one regex pass for markers", o["floor_s"], rss=o.get("peak_rss_mb")),
           row(f"  parsed again ({o['chars'] / o['warm_s'] / 1e6:.2f} M chars/s; finding titles "
               f"{o['titles_share']:.0%} of it)", o["warm_s"], "s", "same floor", o["floor_s"])]
    c = o["cli"]
    cli = row(f"CLI annotator outline, {c['chars'] / 1e3:.0f} k chars of real documents, cold (CPU "
              f"{c['outline_cpu_s']:.2f} s; floor's {c['floor_cpu_s']:.2f} s)", c["outline_wall_s"], "s",
              "python -c pass (interpreter start)", c["floor_wall_s"], target_text="≤ 0.3 s abs",
              rss=c["outline_peak_rss_mb"])
    cli["met"] = c["outline_wall_s"] <= 0.3
    return out + [cli]
