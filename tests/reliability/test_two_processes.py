"""Two people tagging one project at once while a third process imports into it.

Nothing may be lost and no "database is locked" may reach anyone: Project.write() takes the write lock
up front (BEGIN IMMEDIATE) and waits its turn.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from annotator.storage import integrity, open_project
from annotator.storage import documents as docs
from annotator.storage.sections import get_sections

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from tagger_log import Child, Ledger, check_event_log  # noqa: E402

TAGGING_SECONDS = 4.0
IMPORTS = 40
IMPORT_PAUSE = 0.15  # seconds, at most, between two imports: spreads them over the tagging
TAGGERS = ["张三", "李四"]


def test_two_taggers_and_an_importer_lose_nothing(tmp_path):
    path = tmp_path / "shared.annotator.db"
    with open_project(path) as project:
        first = "一、开篇\n今年要抓好安全生产工作，全年事故起数下降10%。\n"
        docs.add_document(project, clean_text=first, raw_text=first, title="开篇")
    taggers = [Child(path, name, seed, "--wait-go", "--seconds", str(TAGGING_SECONDS), stderr_dir=tmp_path)
               for seed, name in enumerate(TAGGERS, start=1)]
    importer = subprocess.Popen([sys.executable, str(HERE / "importer_proc.py"), str(path), str(IMPORTS), "7",
                                 str(IMPORT_PAUSE)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                encoding="utf-8")
    assert importer.stdout.readline() == "ready\n"
    for child in taggers:
        assert child.ready.wait(20)
    began = time.monotonic()
    importer.stdin.write("go\n")
    importer.stdin.flush()
    for child in taggers:
        child.go()
    imported_out, imported_err = importer.communicate(timeout=120)
    codes = [child.finish(timeout=120) for child in taggers]
    elapsed = time.monotonic() - began

    for child, code in zip(taggers, codes):
        assert code == 0 and child.lines[-1] == "done", child.stderr_text()[-3000:]
        assert "locked" not in child.stderr_text()
    assert importer.returncode == 0 and "locked" not in imported_err, imported_err[-3000:]
    imported = [json.loads(line[6:]) for line in imported_out.splitlines() if line.startswith("saved ")]
    assert len(imported) == IMPORTS and all(d["created"] for d in imported)

    ledgers = {}
    for child in taggers:
        ledgers[child] = Ledger()
        ledgers[child].read(child.lines)
        assert ledgers[child].uncertain == 0  # nobody was killed: every call it began, it finished
    with open_project(path) as project:
        for entry in imported:
            row = docs.get_document(project, entry["id"])
            assert row is not None and row["sha256"] == entry["sha256"]
            assert docs.sha256_text(row["clean_text"]) == entry["sha256"]
            assert len(get_sections(project, entry["id"])) == entry["sections"]
        import_events = project.conn.execute(
            "SELECT count(*) FROM events WHERE action = 'document.import' AND annotator = 'importer'").fetchone()[0]
        assert import_events == IMPORTS
        writes = spans_present = 0
        for child, name in zip(taggers, TAGGERS):
            spans_present += ledgers[child].check(project, [name])
            writes += check_event_log(project, ledgers[child], [name])
        assert integrity.check(project) == []
    # Both taggers must really have overlapped the importer, or this test proves nothing.
    on_imported = sum(1 for child in taggers for line in child.lines
                      if line.startswith("saved ") and json.loads(line[6:]).get("doc", 1) > 1)
    assert on_imported > 0 and min(len(ledgers[c].confirmed) for c in taggers) > 50
    print(f"\ntwo processes: {writes} tagging calls by {len(TAGGERS)} processes ({on_imported} on documents "
          f"imported meanwhile) and {IMPORTS} imports in {elapsed:.1f} s; {spans_present} spans verified, "
          f"no lock error, integrity ok")
