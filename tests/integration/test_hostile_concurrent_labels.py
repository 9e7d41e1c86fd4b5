"""`annotator import-labels` and `annotator export` from a terminal while someone tags in the app.

The tagger is the reliability tests' child that saves the way the GUI does (tests/reliability); the
label import and the export are the real CLI verbs in processes of their own. Nothing acknowledged
may be lost, no "database is locked" may reach anyone, every task of the label file is imported once,
the export is a whole file, and the project passes its integrity check.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from annotator.storage import documents, integrity, open_project

from tests.data.bad_label_files import task, write_tasks

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "reliability"))
from tagger_log import Child, Ledger  # noqa: E402

TASKS = 150
REGIONS = 6


def _cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "annotator", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})


def test_label_import_and_export_beside_a_tagger_lose_nothing(tmp_path):
    path = tmp_path / "shared.db"
    with open_project(path) as project:
        first = "一、开篇\n今年要抓好安全生产工作，全年事故起数下降10%。\n"
        documents.add_document(project, clean_text=first, raw_text=first, title="开篇")
    labels = tmp_path / "tasks.json"
    write_tasks(labels, (task(n, chars=800, regions=REGIONS) for n in range(1, TASKS + 1)))
    tagger = Child(path, "张三", 5, "--wait-go", "--seconds", "6", stderr_dir=tmp_path)
    assert tagger.ready.wait(30), tagger.stderr_text()
    tagger.go()
    importer = _cli("import-labels", str(path), str(labels), "--format", "labelstudio", "--annotator", "李四")
    exporter = _cli("export", str(path), "--format", "native", "-o", str(tmp_path / "out.jsonl"))
    imported_out, imported_err = importer.communicate(timeout=300)
    exported_out, exported_err = exporter.communicate(timeout=300)
    assert tagger.finish(timeout=120) == 0 and tagger.lines[-1] == "done", tagger.stderr_text()[-3000:]

    assert importer.returncode == 0, imported_err[-3000:]
    assert f"{TASKS} lines imported, 0 skipped, 0 failed" in imported_out
    assert f"spans added: {TASKS * REGIONS}, already present: 0" in imported_out
    assert exporter.returncode == 0, exported_err[-3000:]
    for err in (imported_err, exported_err, tagger.stderr_text()):
        assert "locked" not in err and "Traceback" not in err
    exported = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert exported and all("text" in record and "spans" in record for record in exported)

    ledger = Ledger()
    ledger.read(tagger.lines)
    assert ledger.uncertain == 0 and len(ledger.confirmed) > 20, "the tagger barely saved: nothing overlapped"
    with open_project(path) as project:
        ledger.check(project, ["张三"])
        assert len(documents.document_ids(project)) == 1 + TASKS
        assert integrity.check(project) == []
