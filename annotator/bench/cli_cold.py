"""Command-line verbs as a user runs them: a new process each time, wall clock to exit, peak RSS.

"Cold" means a new interpreter (imports, jieba, migrations all paid), with the OS file cache and the
app's caches warm (bytecode, jieba's dictionary shards): the state after the first use of an installed
app. The first run of each verb is a warm-up and is not counted. The floor is ``python -c pass`` — the
interpreter's own start-up — so the ratio says what our import chain and work add on this machine.

The app's own caches count as warm too: jieba's dictionary shards, the compiled regular expressions
(annotator/regex_cache.py) and the dataclass methods' bytecode (annotator/code_cache.py), all in the user's
cache folder, all filled by the warm-up run.

Bytecode: this sandbox sets PYTHONDONTWRITEBYTECODE, which would make every run recompile our sources
(~60 ms) where an installed app loads .pyc files; the children write theirs under a private
PYTHONPYCACHEPREFIX instead.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from annotator.bench import corpus


def _env(folder: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    return env


def run_timed(args: list[str], env: dict) -> tuple[float, float | None]:
    """(wall seconds, peak RSS MB of the child or None where the OS does not say)."""
    started = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    else:
        proc.wait()
        wall, rss = time.perf_counter() - started, None
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args[2:])} failed: {proc.stderr.read().decode(errors='replace')[-2000:]}")
    proc.stderr.close()
    return wall, rss


def _median(args_for_run, env: dict, runs: int) -> dict:
    run_timed(args_for_run(-1), env)  # warm-up: bytecode, jieba shards, page cache
    walls, peaks = [], []
    for i in range(runs):
        wall, rss = run_timed(args_for_run(i), env)
        walls.append(wall)
        if rss is not None:
            peaks.append(rss)
    return {"seconds": statistics.median(walls), "peak_rss_mb": max(peaks) if peaks else None}


def _speech(pool: corpus.Pool, chars: int, serial: int) -> str:
    return corpus.make_document(pool, random.Random(serial), chars, serial)


def _doccano_file(folder: Path, env: dict, speech: Path, n_spans: int) -> Path:
    """The spans a tagger would bring for ``speech``: doccano JSONL over its clean text."""
    # The clean text exactly as `import` stores it (the `clean` verb's output ends with a newline the text
    # may lack, and spans over a different text would create a second document instead of tagging this one).
    from annotator.ingest import prepare  # noqa: PLC0415

    clean = prepare(speech).cleaned.text
    rng = random.Random(7)
    step = max(1, len(clean) // n_spans)
    labels = [[i * step, i * step + max(1, min(step, 12)), rng.choice(["directive", "statistic"])]
              for i in range(n_spans) if i * step + 1 <= len(clean)]
    path = folder / "spans.doccano.jsonl"
    path.write_text(json.dumps({"text": clean, "label": labels}, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _wait_word_index(project: Path, patience: float = 300) -> float:
    """Poll until every document of ``project`` is in the word index (the detached indexer started by
    ``import`` finished); returns the perf_counter time it was seen complete."""
    import sqlite3  # noqa: PLC0415 - the harness reads the file it made (exempt from the storage rule)

    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        try:
            conn = sqlite3.connect(f"{project.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
            try:
                words, docs = conn.execute("SELECT (SELECT count(*) FROM documents_words),"
                                           " (SELECT count(*) FROM documents)").fetchone()
            finally:
                conn.close()
            if docs and words >= docs:
                return time.perf_counter()
        except sqlite3.OperationalError:
            pass
        time.sleep(0.02)
    raise RuntimeError(f"{project}: the background word index did not finish in {patience:.0f} s")


def measure(folder: Path, pool: corpus.Pool, runs: int, *, speech_chars: int = 20_000,
            big_chars: int = 100_000, big_spans: int = 2_000) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    env = _env(folder)
    py = sys.executable
    speech = folder / "speech20k.txt"
    speech.write_text(_speech(pool, speech_chars, 1), encoding="utf-8")
    big = folder / "speech100k.txt"
    big.write_text(_speech(pool, big_chars, 2), encoding="utf-8")
    spans = _doccano_file(folder, env, big, big_spans)

    def fresh(name: str, i: int) -> str:
        path = folder / f"{name}-{i + 1}.annotator.db"
        for leftover in folder.glob(path.name + "*"):
            leftover.unlink()
        return str(path)

    floor = _median(lambda i: [py, "-c", "pass"], env, max(runs, 5))
    result = {"floor_s": floor["seconds"], "floor_what": "python -c pass (interpreter start)",
              "speech_chars": len(speech.read_text(encoding="utf-8")), "big_chars": len(big.read_text(encoding="utf-8")),
              "big_spans": big_spans}
    rows = {
        "help": lambda i: [py, "-m", "annotator", "--help"],
        "outline": lambda i: [py, "-m", "annotator", "outline", str(speech)],
        "import_index_now": lambda i: [py, "-m", "annotator", "import", fresh("now", i), str(speech), "--index", "now"],
    }
    for name, args in rows.items():
        got = _median(args, env, runs)
        result[f"{name}_s"], result[f"{name}_peak_rss_mb"] = got["seconds"], got["peak_rss_mb"]
    # The default import: the word index is built by a detached process after the command returns. The
    # user waits for the command; the index's completion is reported beside it, and awaited before the
    # next run so it never competes with a timed one.
    walls, done, peaks = [], [], []
    for i in range(-1, runs):
        project = fresh("one", i)
        started = time.perf_counter()
        wall, rss = run_timed([py, "-m", "annotator", "import", project, str(speech)], env)
        finished = _wait_word_index(Path(project)) - started
        if i >= 0:
            walls.append(wall)
            done.append(finished)
            if rss is not None:
                peaks.append(rss)
    result["import_s"], result["import_peak_rss_mb"] = statistics.median(walls), max(peaks) if peaks else None
    result["import_index_done_s"] = statistics.median(done)
    # The Label Studio comparison's row: import the 100 k-character speech, then its 2 000 spans — as one
    # command (``import --labels``: one process, one project handle) and as two (import, then
    # import-labels), interleaved run by run so both see the same machine.
    doc_walls, label_walls, one_walls, peaks, one_peaks = [], [], [], [], []
    for i in range(-1, runs):
        project = fresh("big", i)
        wall_doc, rss_doc = run_timed([py, "-m", "annotator", "import", project, str(big)], env)
        wall_lab, rss_lab = run_timed([py, "-m", "annotator", "import-labels", project, str(spans), "--format",
                                       "doccano", "--annotator", "张三"], env)
        _wait_word_index(Path(project))  # the background index of this run must not slow the next one
        project = fresh("one", i)
        wall_one, rss_one = run_timed([py, "-m", "annotator", "import", project, str(big), "--labels", str(spans),
                                       "--labels-format", "doccano", "--annotator", "张三"], env)
        _wait_word_index(Path(project))
        if i >= 0:
            doc_walls.append(wall_doc)
            label_walls.append(wall_lab)
            one_walls.append(wall_one)
            peaks += [r for r in (rss_doc, rss_lab) if r is not None]
            one_peaks += [rss_one] if rss_one is not None else []
    result["doc_then_spans_s"] = statistics.median(d + s for d, s in zip(doc_walls, label_walls))
    result["doc_then_spans_import_s"] = statistics.median(doc_walls)
    result["doc_then_spans_labels_s"] = statistics.median(label_walls)
    result["doc_then_spans_peak_rss_mb"] = max(peaks) if peaks else None
    result["doc_with_spans_s"] = statistics.median(one_walls)
    result["doc_with_spans_peak_rss_mb"] = max(one_peaks) if one_peaks else None
    result.update(_warm_doc_with_spans(folder, big, spans, runs))
    result.update(_import_seconds(folder, env, [*label_args(big, spans)], runs, fresh))
    result["files"] = {"speech100k": str(big), "spans": str(spans)}
    return result


def label_args(big: Path, spans: Path) -> list[str]:
    return [str(big), "--labels", str(spans), "--labels-format", "doccano", "--annotator", "张三"]


def _importtime_s(args: list[str], env: dict) -> float:
    """Seconds the process spent importing modules (``-X importtime``: the sum of every module's own
    time, i.e. the top-level entries' cumulative times)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", *args], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=True)
    total = 0
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and not line.startswith("import time: self"):
            self_us = line.split("|")[0].split(":")[1].strip()
            total += int(self_us) if self_us.isdigit() else 0
    return total / 1e6


def _import_seconds(folder: Path, env: dict, tail: list[str], runs: int, fresh) -> dict:
    """What the cold ``import DOC --labels SPANS`` spends importing modules beyond what the bare
    interpreter imports (``python -c pass`` loads site, encodings…), best of ``runs``: the part of the
    cold command a new Python process pays before any work (the work itself is the warm figure)."""
    base = min(_importtime_s(["-c", "pass"], env) for _ in range(max(runs, 1)))
    ours = min(_importtime_s(["-m", "annotator", "import", fresh("imports", i), *tail], env)
               for i in range(max(runs, 1)))
    return {"doc_with_spans_imports_s": ours - base, "floor_imports_s": base}


def _warm_doc_with_spans(folder: Path, big: Path, spans: Path, runs: int) -> dict:
    """The same document and spans imported by an already running process (as the desktop app imports
    them: modules loaded, no interpreter start) — the like-for-like figure beside Label Studio's, whose
    server start is not counted either. A new project each run (its creation is counted); the word index
    is left to the background indexer, as the CLI's default does. The first run warms up."""
    from annotator.services.exchange import import_labels  # noqa: PLC0415 - this figure only
    from annotator.services.importing import import_files  # noqa: PLC0415
    from annotator.storage import open_project  # noqa: PLC0415

    walls, cpus = [], []
    for i in range(-1, runs):
        path = folder / f"warm-{i + 1}.annotator.db"
        for leftover in folder.glob(path.name + "*"):
            leftover.unlink()
        started, cpu = time.perf_counter(), time.process_time()
        project = open_project(path, create=True)
        try:
            import_files(project, [big], annotator="张三", index=False)
            import_labels(project, spans, "doccano", annotator="张三")
        finally:
            project.close()
        if i >= 0:
            walls.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)
    return {"doc_with_spans_warm_s": statistics.median(walls), "doc_with_spans_warm_cpu_s": statistics.median(cpus)}
