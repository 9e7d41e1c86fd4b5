"""Another process opens a project while its creator still has it open (CLI import beside the app).

The creator's identity transaction may still sit in the -wal (the file says identity 0 until a
checkpoint); the second process must recognise that log as the project's own, not refuse it as foreign.
"""

from __future__ import annotations

import subprocess
import sys

from annotator.domain.model import Span
from annotator.storage import documents, open_project
from annotator.storage import spans as span_store

OPEN_AND_WRITE = """
import sys
from annotator.storage import documents, open_project
with open_project(sys.argv[1]) as project:
    documents.add_document(project, clean_text="二、其他\\n要落实。", raw_text="x", title="B", sections=[])
    print(len(documents.list_documents(project)))
"""


def _span(doc_id, n):
    return Span(start=n % 4, end=n % 4 + 3, label="directive" if n < 4 else "statistic", annotator="甲", document_id=doc_id, attributes={"n": n})


def test_a_second_process_opens_a_project_its_creator_holds_open(tmp_path):
    path = tmp_path / "live.db"
    with open_project(path) as project:
        doc_id, _ = documents.add_document(project, clean_text="一、总体\\n要加强。", raw_text="x", title="A",
                                           sections=[])
        for n in range(5):
            span_store.add_span(project, _span(doc_id, n))
        assert (path.parent / "live.db-wal").stat().st_size > 0  # the live log the other process judges
        done = subprocess.run([sys.executable, "-c", OPEN_AND_WRITE, str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.strip() == "2"
        span_store.add_span(project, _span(doc_id, 5))
    with open_project(path) as project:
        assert len(documents.list_documents(project)) == 2


def test_identity_history_rule():
    from annotator.storage.siblings import _identity_problem

    assert _identity_problem([0, 0, 7, 7], 7) is None
    assert _identity_problem([0, 0, 7], 0) is None  # the file predates its identity
    assert _identity_problem([7, 7], 7) is None
    assert _identity_problem([8], 7) is not None
    assert _identity_problem([7, 0], 7) is not None
    assert _identity_problem([0, 7, 8], 0) is not None
