"""The headless measurements: ingest (whole and per stage), outline, suggestions, export, agreement,
memory. Each returns {metric: number}; __main__ turns them into the table and the JSON.

Every timing is single-threaded, so "per second" is per core. Floors are what any implementation
must pay for the same work on this machine (reading the bytes, one regex pass, one json.dumps, one
durable INSERT), so a ratio says how much our code adds rather than how fast the machine is.
"""

from __future__ import annotations

import json
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from annotator.bench import corpus

_FLOOR_PATTERN = re.compile(r"\r\n?")  # what readers.normalize_text does first: one pass, no change


def median_time(fn: Callable[[], object], runs: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times


def _encoding(path: Path) -> str:
    return "gb18030" if int(path.stem.rsplit("_", 1)[1]) % 10 == 9 else "utf-8"  # see corpus.write_corpus


# -- ingest -----------------------------------------------------------------------------------------
def floor_read(paths: list[Path]) -> int:
    """Bare read + decode + one regex pass: the least an importer does with the same bytes."""
    chars = 0
    for path in paths:
        with open(path, "rb") as handle:
            text = handle.read().decode(_encoding(path))
        chars += len(_FLOOR_PATTERN.sub("\n", text))
    return chars


def ingest_once(paths: list[Path], folder: Path) -> tuple[float, float, float]:
    """(seconds to import every file into a fresh project, seconds to build its search index after, CPU
    seconds of the import: this process's threads).

    The import is ``import_paths`` as the CLI runs it (documents stored in batches, left in the search
    backlog, which search scans: every document is findable when it returns); the index is
    ``update_index`` as the CLI's background indexer (or the GUI's import worker) then runs it.
    Creating the project (schema migrations, ~tens of ms) is left out: it is paid once per project,
    not per character, and would dominate the 10-document tier.
    """
    from annotator.ingest import import_paths  # noqa: PLC0415 - imported here so it is timed warm
    from annotator.storage import open_project  # noqa: PLC0415
    from annotator.storage.search import update_index  # noqa: PLC0415

    project = open_project(folder / f"ingest-{time.monotonic_ns()}.db")
    try:
        started, cpu = time.perf_counter(), time.process_time()
        summary = import_paths(project, paths, index=False)
        imported, cpu = time.perf_counter(), time.process_time() - cpu
        if summary.imported != len(paths):  # a duplicate would skip the store cost
            raise RuntimeError(f"{len(paths) - summary.imported} files not imported: "
                               f"{[(o.path, o.status, o.reason) for o in summary.outcomes if o.status != 'imported']}")
        update_index(project)
        return imported - started, time.perf_counter() - imported, cpu
    finally:
        project.close()


def ingest(paths: list[Path], folder: Path, runs: int) -> dict:
    chars = floor_read(paths)  # also warms the page cache, so every run reads from memory
    ingest_once(paths[:1], folder)  # imports and regex compilation, outside the timing
    # The floor is timed between the runs, not after all of them: the machine's load moves by the minute
    # and both sides of a ratio must see the same. CPU seconds (the import's helper thread included) too.
    timed, floors, floor_cpus = [], [], []
    for _ in range(runs):
        for _ in range(3):  # the floor is short: three of it beside each run
            floor_cpu, floor_wall = time.process_time(), time.perf_counter()
            floor_read(paths)
            floors.append(time.perf_counter() - floor_wall)
            floor_cpus.append(time.process_time() - floor_cpu)
        timed.append(ingest_once(paths, folder))
    floor_cpu = statistics.median(floor_cpus)
    seconds = statistics.median(t[0] for t in timed)
    index_s = statistics.median(t[1] for t in timed)
    floor = statistics.median(floors)
    cpu_ratio = statistics.median(t[2] for t in timed) / floor_cpu
    last = max(folder.glob("ingest-*.db"), key=lambda p: p.stat().st_mtime)
    room = project_room(last)
    words = {}
    if len(paths) <= WORD_INDEX_DOCS:  # the CLI's import also builds the jieba word index: its room too
        from annotator.storage import open_project  # noqa: PLC0415
        from annotator.storage.search import index_words  # noqa: PLC0415

        with open_project(last) as project:
            index_words(project)
        with_words = project_room(last)
        words = {"project_ratio_with_word_index": with_words["file_bytes"] / with_words["text_bytes"],
                 "room_word_index_built": with_words["shares"].get("word_index", 0.0)}
    for leftover in folder.glob("ingest-*.db*"):
        leftover.unlink()
    return {"docs": len(paths), "chars": chars, "runs": runs, "seconds": seconds,
            "chars_per_s": chars / seconds, "floor_chars_per_s": chars / floor, "floor_s": floor,
            "ratio_to_floor": seconds / floor, "cpu_ratio_to_floor": cpu_ratio, "index_s": index_s, "index_ratio_to_floor": index_s / floor,
            "with_index_ratio_to_floor": (seconds + index_s) / floor,
            "project_mb_per_1000_docs": room["file_bytes"] / 2**20 * 1000 / len(paths),
            "project_ratio_to_text": room["file_bytes"] / room["text_bytes"],
            **{f"room_{k}": v for k, v in room["shares"].items()}, **words}


WORD_INDEX_DOCS = 100  # jieba runs at ~200–400 k chars/s: the 1 000-document tier would add minutes


# What takes the room in a project file, as multiples of the UTF-8 size of its clean texts.
def _room_group(name: str) -> str:
    for group, prefixes in (("trigram_index", ("documents_fts",)), ("word_index", ("documents_words",)),
                            ("text", ("documents", "sqlite_autoindex_documents")),
                            ("outline", ("section", "sqlite_autoindex_section")),
                            ("spans", ("spans", "sqlite_autoindex_spans"))):
        if name.startswith(prefixes):
            return group
    return "other"


def project_room(path: Path) -> dict:
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        text_bytes = conn.execute("SELECT coalesce(sum(length(CAST(clean_text AS BLOB))), 0) FROM documents"
                                  ).fetchone()[0] or 1
        shares = dict.fromkeys(("text", "raw", "trigram_index", "word_index", "outline", "spans", "other"), 0.0)
        try:
            for name, size in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
                shares[_room_group(name)] += size / text_bytes
        except sqlite3.OperationalError:  # an SQLite built without dbstat: the total still holds
            pass
        # The raw text (compressed since schema step 0004) lives in the documents table beside the clean
        # text: its stored bytes are split out of that table's pages.
        columns = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
        raw_sql = "sum(length(CAST(raw_text AS BLOB)))" + (" + coalesce(sum(length(raw_zlib)), 0)"
                                                              if "raw_zlib" in columns else "")
        raw = (conn.execute(f"SELECT coalesce({raw_sql}, 0) FROM documents").fetchone()[0] or 0) / text_bytes
        shares["raw"] = min(raw, shares["text"]) if shares["text"] else raw
        shares["text"] -= shares["raw"] if shares["text"] else 0.0
    finally:
        conn.close()
    return {"file_bytes": path.stat().st_size, "text_bytes": text_bytes, "shares": shares}


IMPORT_STAGES = ("read", "clean", "outline", "title", "digest", "store")  # what import_paths does, in order


def ingest_stages(paths: list[Path], folder: Path, runs: int) -> dict:
    """read, clean, outline, store and index timed separately, so the bottleneck is visible.

    Store is timed as import_paths stores: the prepared files in batches (ingest.BATCH_FILES /
    BATCH_CHARS), one transaction each; index is the search index built after the import."""
    from annotator import ingest as pipeline  # noqa: PLC0415
    from annotator.io.readers import read_file  # noqa: PLC0415
    from annotator.storage import open_project  # noqa: PLC0415
    from annotator.storage.search import update_index  # noqa: PLC0415
    from annotator.structure.clean import clean  # noqa: PLC0415
    from annotator.structure.outline import parse_outline  # noqa: PLC0415

    # digest: the clean text's SHA-256 and the raw text compressed, which import_paths has done on a helper
    # thread (CPU all the same) and which store would otherwise do inline; title: the title guess, ~2 µs,
    # and with it the collector's first run after clean and outline paused it (gc_pause: the collections
    # those deferred land on the first allocation after, ~0.4 ms a document at 1 000 documents).
    per_run: dict[str, list[float]] = {"read": [], "clean": [], "outline": [], "title": [], "digest": [], "store": [],
                                       "index": []}
    cpu_run: dict[str, list[float]] = {key: [] for key in per_run}
    wholes: list[tuple[float, float, float]] = []  # ingest_once on these very documents, beside each run
    floors, floor_cpus = [], []
    chars = 0
    for run in range(runs):
        # The floor beside each run (wall and CPU), as in ingest(): the load moves by the minute. CPU ratios
        # are the ones to compare between runs on a shared machine; wall ratios also count waiting for a core.
        for _ in range(3):
            floor_cpu, floor_wall = time.process_time(), time.perf_counter()
            floor_read(paths)
            floors.append(time.perf_counter() - floor_wall)
            floor_cpus.append(time.process_time() - floor_cpu)
        if run == 0:
            ingest_once(paths[:1], folder)  # warm, as ingest() is
        wholes.append(ingest_once(paths, folder))
        spent = dict.fromkeys(per_run, 0.0)
        cpu = dict.fromkeys(per_run, 0.0)
        project = open_project(folder / f"stages-{run}.db")
        chars = 0
        batch: list = []
        batch_chars, batch_s = 0, 0.0
        for number, path in enumerate(paths):
            c0, t0 = time.process_time(), time.perf_counter()
            read = read_file(path)
            c1, t1 = time.process_time(), time.perf_counter()
            cleaned = clean(read.text)
            c2, t2 = time.process_time(), time.perf_counter()
            sections = parse_outline(cleaned.text)
            c3, t3 = time.process_time(), time.perf_counter()
            prepared = pipeline.Prepared(path, read, cleaned, sections, pipeline._guess_title(read, cleaned, path))
            c6, t6 = time.process_time(), time.perf_counter()
            prepared.sha_and_raw()
            c7, t7 = time.process_time(), time.perf_counter()
            for key, value, used in zip(per_run, (t1 - t0, t2 - t1, t3 - t2, t6 - t3, t7 - t6),
                                        (c1 - c0, c2 - c1, c3 - c2, c6 - c3, c7 - c6)):
                spent[key] += value
                cpu[key] += used
            batch.append((path, prepared))
            batch_chars += len(read.text)
            batch_s += t7 - t0
            chars += len(read.text)
            if (batch_chars >= pipeline.BATCH_CHARS or len(batch) >= pipeline.BATCH_FILES
                    or batch_s >= pipeline.BATCH_SECONDS or number == len(paths) - 1):
                c4, t4 = time.process_time(), time.perf_counter()
                pipeline._store_batch(project, batch, None)
                spent["store"] += time.perf_counter() - t4
                cpu["store"] += time.process_time() - c4
                batch, batch_chars, batch_s = [], 0, 0.0
        c5, t5 = time.process_time(), time.perf_counter()
        update_index(project)
        spent["index"] = time.perf_counter() - t5
        cpu["index"] = time.process_time() - c5
        project.close()
        for key in per_run:
            per_run[key].append(spent[key])
            cpu_run[key].append(cpu[key])
    for leftover in folder.glob("ingest-*.db*"):
        leftover.unlink()
    total = sum(statistics.median(v) for v in per_run.values())
    floor, floor_cpu = statistics.median(floors), statistics.median(floor_cpus) or 1e-9
    # The whole import (index left out, as in ingest()) against the stages that make it up: same documents,
    # same process, same floor. What no stage holds is walking the paths, the project-file check, outcome
    # bookkeeping, the collector (paused only inside clean and outline) and, in wall time only, waiting for a core.
    whole, whole_cpu = statistics.median(w[0] for w in wholes), statistics.median(w[2] for w in wholes)
    parts = sum(statistics.median(per_run[k]) for k in IMPORT_STAGES)
    parts_cpu = sum(statistics.median(cpu_run[k]) for k in IMPORT_STAGES)
    result = {"floor_s": floor, "floor_cpu_s": floor_cpu, "docs": len(paths), "whole_s": whole,
              "whole_ratio_to_floor": whole / floor, "whole_cpu_ratio_to_floor": whole_cpu / floor_cpu,
              "stages_ratio_to_floor": parts / floor, "stages_cpu_ratio_to_floor": parts_cpu / floor_cpu}
    # (whole − Σ stages is printed by ingest_extra.rows, not kept as a figure: on a few documents it is within
    # the noise, and negative.)
    for key, values in per_run.items():
        seconds = statistics.median(values)
        result[f"{key}_chars_per_s"] = chars / seconds
        result[f"{key}_share"] = seconds / total
        result[f"{key}_ratio_to_floor"] = seconds / floor  # the stage's part of ingest's ratio
        result[f"{key}_cpu_ratio_to_floor"] = statistics.median(cpu_run[key]) / floor_cpu
    return result


def outline_speed(texts: list[str], runs: int) -> dict:
    from annotator.structure.clean import clean  # noqa: PLC0415
    from annotator.structure.outline import parse_outline  # noqa: PLC0415

    cleaned = [clean(t).text for t in texts]
    chars = sum(map(len, cleaned))
    seconds, _ = median_time(lambda: [parse_outline(t) for t in cleaned], runs)
    floor, _ = median_time(lambda: [_OUTLINE_FLOOR.findall(t) for t in cleaned], max(runs, 5))
    return {"chars": chars, "chars_per_s": chars / seconds, "floor_s": floor, "ratio_to_floor": seconds / floor}


# The least an outline parser does: one pass finding the lines that open with a numbering marker.
_OUTLINE_FLOOR = re.compile(r"(?m)^[ \t\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])")
# The least a suggester does: one pass finding cue words and numbers with units.
_SUGGEST_FLOOR = re.compile(r"要|必须|确保|严禁|坚决|力争|务必|\d+(?:\.\d+)?(?:%|万|亿|个|人|元)")


# -- suggestions ------------------------------------------------------------------------------------
def suggestions(pool: corpus.Pool, count: int, runs: int, size: int = 30_000) -> dict:
    """ms per 30 000-character speech, with its outline (as the GUI's worker passes it)."""
    from annotator.structure.outline import parse_outline  # noqa: PLC0415
    from annotator.suggest.engine import suggest  # noqa: PLC0415

    rng = random.Random(3)
    docs = []
    for i in range(count):
        text = corpus.make_document(pool, rng, size, i)
        docs.append((text, parse_outline(text)))
    started = time.perf_counter()
    suggest(*docs[0])  # the first call loads jieba's dictionary: reported apart, not in the median
    first = time.perf_counter() - started
    times = []
    for text, sections in docs:
        for _ in range(runs):
            started = time.perf_counter()
            found = suggest(text, sections)
            times.append((time.perf_counter() - started) * 1000 * size / len(text))
    floor = statistics.median(median_time(lambda t=text: _SUGGEST_FLOOR.findall(t), max(runs, 5))[0] * 1000 * size
                              / len(text) for text, _ in docs)
    ms = statistics.median(times)
    return {"ms_per_30k": ms, "first_call_ms": first * 1000, "suggestions_per_doc": len(found), "docs": count,
            "floor_ms_per_30k": floor, "ratio_to_floor": ms / floor}


# -- export and agreement ---------------------------------------------------------------------------
def export(n_spans: int, runs: int) -> dict:
    from annotator.exchange.bench import bench_export  # noqa: PLC0415 - reused, not re-implemented

    # One project, 2 × runs + 1 measured pairs of export and floor (exchange/bench.py: the median of each
    # pair's own ratio); building the 100 000-span project again per run only cost time.
    r = bench_export(n_spans, runs=2 * runs + 1)
    return {"spans": r["spans"], "seconds": r["seconds"], "ratio_to_json_dumps": r["ratio_to_json_dumps"],
            "cpu_ratio_to_json_dumps": r["cpu_ratio_to_json_dumps"], "pair_ratios": r["pair_ratios"],
            "pair_cpu_ratios": r["pair_cpu_ratios"]}


def agreement(texts: list[str], runs: int) -> dict:
    from annotator.agreement import span_agreement  # noqa: PLC0415

    rng = random.Random(5)
    by_annotator: dict[str, list] = {name: [] for name in corpus.ANNOTATORS}
    for doc_id, text in enumerate(texts, 1):
        for name, spans in corpus.make_spans(text, doc_id, rng).items():
            by_annotator[name].extend(spans)
    lengths = {doc_id: len(text) for doc_id, text in enumerate(texts, 1)}
    seconds, _ = median_time(lambda: span_agreement(by_annotator, lengths=lengths), runs)
    # Floor: put every annotator's spans in document order, the least an alignment does.
    floor, _ = median_time(lambda: [sorted(v, key=lambda s: (s.document_id, s.start, s.end))
                                    for v in by_annotator.values()], max(runs, 5))
    return {"docs": len(texts), "spans": sum(map(len, by_annotator.values())), "seconds": seconds,
            "floor_s": floor, "ratio_to_floor": seconds / floor}


# -- memory -----------------------------------------------------------------------------------------
_DOC_SQL = ("INSERT INTO documents (id, title, source_path, format, encoding, raw_text, raw_zlib, clean_text, sha256,"
            " char_count, metadata, import_report, imported_at, imported_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
SPAN_SQL = ('INSERT INTO spans (id, document_id, start, "end", label, annotator, status, attributes, source,'
             " provenance, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
BULK_ROWS = 2_000  # documents per executemany: the generator never holds more than this many texts


def build_big_project(path: Path, n_docs: int, pool: corpus.Pool, spans_per_doc: int = 10, *,
                      index: bool = True) -> None:
    """n_docs documents of ~3 000 characters and a few spans each, inserted in bulk, BULK_ROWS at a time
    (real schema, raw text compressed as add_document stores it; import validation would take an hour
    for 100 000 documents), in one transaction; memory stays flat whatever n_docs is."""
    from annotator.storage import open_project  # noqa: PLC0415
    from annotator.storage.documents import pack_raw, sha256_text  # noqa: PLC0415
    from annotator.storage.project import now  # noqa: PLC0415

    rng = random.Random(11)
    stamp = now()
    templates = [corpus.make_document(pool, rng, corpus.MIN_CHARS, i) for i in range(50)]
    project = open_project(path)
    try:
        with project.write():
            project.conn.execute("INSERT OR IGNORE INTO annotators (name, created) VALUES (?, ?)", ["张三", stamp])
            for first in range(1, n_docs + 1, BULK_ROWS):
                docs, spans = [], []
                for doc_id in range(first, min(n_docs, first + BULK_ROWS - 1) + 1):
                    # A distinct first line per document (the sha256 column is unique).
                    text = f"第{doc_id}号讲话\n" + templates[doc_id % len(templates)]
                    docs.append((doc_id, f"讲话{doc_id}", None, "txt", "utf-8", *pack_raw(text), text,
                                 sha256_text(text), len(text), "{}", "[]", stamp, None))
                    for k in range(spans_per_doc):
                        start = k * 200 + 10
                        spans.append((f"{doc_id}-{k}", doc_id, start, start + 20, "directive", "张三", "accepted",
                                      "{}", "manual", "{}", stamp, stamp))
                project.conn.executemany(_DOC_SQL, docs)
                project.conn.executemany(SPAN_SQL, spans)
        if index:
            from annotator.storage.search import update_index  # noqa: PLC0415

            update_index(project)
    finally:
        project.close()


# ru_maxrss is what the brief asks for, but on Linux a child started by fork+exec inherits the
# parent's high-water mark (the bench parent holds the whole corpus), so VmHWM from /proc — reset at
# exec — is the number reported; ru_maxrss is kept beside it.
_MEMORY_CHILD = """
import json, resource, sys, time

def status(key):
    try:
        for line in open("/proc/self/status"):
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

from annotator.storage import open_project
from annotator.storage.documents import list_documents
imported = status("VmRSS")
opened = time.perf_counter()
project = open_project(sys.argv[1])
ready = time.perf_counter()
after_open = status("VmRSS")
rows = list_documents(project, annotator="张三")
listed = time.perf_counter()
project.conn.execute("SELECT id, title, source_path, char_count, imported_at, sha256 FROM documents ORDER BY id").fetchall()
floor_list = time.perf_counter() - listed
print(json.dumps({"rows": len(rows), "hwm_kb": status("VmHWM"), "import_kb": imported, "open_kb": after_open,
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "open_ms": (ready - opened) * 1000, "list_ms": (listed - ready) * 1000,
                  "floor_list_ms": floor_list * 1000}))
"""


def memory(folder: Path, n_docs: int, pool: corpus.Pool, runs: int) -> dict:
    path = folder / "big.db"
    started = time.perf_counter()
    build_big_project(path, n_docs, pool)
    build_s = time.perf_counter() - started
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _MEMORY_CHILD, str(path)], capture_output=True, text=True,
                             check=True)
        results.append(json.loads(out.stdout))
    size = path.stat().st_size + sum(p.stat().st_size for p in folder.glob("big.db-wal"))
    return {
        "docs": n_docs,
        "peak_rss_mb": statistics.median(r["hwm_kb"] for r in results) / 1024,  # KiB on Linux
        "rss_after_imports_mb": statistics.median(r["import_kb"] for r in results) / 1024,
        "rss_after_open_mb": statistics.median(r["open_kb"] for r in results) / 1024,
        "ru_maxrss_mb": statistics.median(r["maxrss_kb"] for r in results) / 1024,
        "open_ms": statistics.median(r["open_ms"] for r in results),
        "list_ms": statistics.median(r["list_ms"] for r in results),
        "floor_list_ms": statistics.median(r["floor_list_ms"] for r in results),
        "file_mb_per_1000_docs": size / 2**20 * 1000 / n_docs,
        "project_ratio_to_text": project_room(path)["file_bytes"] / project_room(path)["text_bytes"],
        "build_s": build_s,
    }


def durable_insert_floor(folder: Path, count: int) -> list[float]:
    """A bare INSERT + COMMIT per row, WAL and synchronous=FULL like Project: the keystroke's floor."""
    conn = sqlite3.connect(str(folder / "floor.db"), isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("CREATE TABLE IF NOT EXISTS t (id TEXT PRIMARY KEY, start INTEGER, stop INTEGER, label TEXT)")
        times = []
        for i in range(count):
            started = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO t VALUES (?, ?, ?, ?)", [f"{i}-{time.monotonic_ns()}", i, i + 5, "directive"])
            conn.execute("COMMIT")
            times.append(time.perf_counter() - started)
        return times
    finally:
        conn.close()


def new_folder(parent: Path | None = None) -> Path:
    return Path(tempfile.mkdtemp(prefix="annotator-bench-", dir=parent))
