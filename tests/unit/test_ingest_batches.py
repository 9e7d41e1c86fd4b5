"""Imports store their documents in batches (one transaction each): what a user and the GUI can rely on.

- each file gets one outcome and one progress call, in the order given, and a document reported
  imported is already committed (another connection sees it) when its progress call comes;
- a file the project refuses inside a batch fails alone, with its reason; the others are saved;
- cancelling stores what was read before the cancel and nothing after;
- with ``index=False`` the documents wait in the search backlog and search still finds them;
  ``index_words`` (the CLI's background indexer) empties the backlog.
"""

from __future__ import annotations

import sqlite3

from annotator import ingest
from annotator.ingest import import_paths
from annotator.storage import open_project
from annotator.storage.documents import list_documents
from annotator.storage.search import backlog, search, update_index
from annotator.storage.sections import get_sections


def _speeches(tmp_path, count: int) -> list:
    paths = []
    for n in range(count):
        path = tmp_path / f"s{n:02d}.txt"
        text = f"第{n}号讲话\n一、加强领导\n各级党委要切实加强领导{n}。\n二、狠抓落实\n全县增长{n}.5%。\n"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_every_file_is_reported_once_in_order_and_only_after_it_is_committed(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "BATCH_FILES", 3)
    paths = _speeches(tmp_path, 8)
    db = tmp_path / "p.db"
    seen = []

    def progress(done, total, outcome):
        other = sqlite3.connect(db)  # another connection sees only committed rows
        try:
            row = other.execute("SELECT count(*) FROM sections WHERE document_id = ?", [outcome.document_id]).fetchone()
        finally:
            other.close()
        seen.append((done, total, outcome.path, outcome.status, row[0]))

    with open_project(db) as project:
        summary = import_paths(project, paths, progress=progress)
        assert [o.status for o in summary.outcomes] == ["imported"] * 8
        assert [s[:3] for s in seen] == [(i + 1, 8, str(p)) for i, p in enumerate(paths)]
        assert all(count == 2 for *_, count in seen), "a document was reported before its batch was committed"
        ids = [o.document_id for o in summary.outcomes]
        assert ids == sorted(ids) and len(set(ids)) == 8
        assert all(len(get_sections(project, doc_id)) == 2 for doc_id in ids)


def test_a_file_refused_inside_a_batch_fails_alone(tmp_path, monkeypatch):
    from annotator.storage import documents

    monkeypatch.setattr(ingest, "BATCH_FILES", 10)
    paths = _speeches(tmp_path, 5)
    real = documents.add_document

    def add_document(project, **kwargs):
        if kwargs["source_path"].endswith("s02.txt"):
            raise sqlite3.IntegrityError("refused by a constraint")
        return real(project, **kwargs)

    monkeypatch.setattr(documents, "add_document", add_document)
    with open_project(tmp_path / "p.db") as project:
        summary = import_paths(project, paths)
        assert [o.status for o in summary.outcomes] == ["imported", "imported", "failed", "imported", "imported"]
        assert "refused by a constraint" in summary.outcomes[2].reason
        assert "nothing of this file was saved" in summary.outcomes[2].reason
        assert len(list_documents(project)) == 4


def test_cancel_stores_what_was_read_before_it(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "BATCH_FILES", 100)
    paths = _speeches(tmp_path, 6)
    calls = []

    def should_cancel():
        calls.append(1)
        return len(calls) > 4

    with open_project(tmp_path / "p.db") as project:
        summary = import_paths(project, paths, should_cancel=should_cancel)
        assert summary.cancelled
        assert [o.status for o in summary.outcomes] == ["imported"] * 4
        assert len(list_documents(project)) == 4


def test_without_index_search_scans_the_backlog_until_it_is_built(tmp_path):
    paths = _speeches(tmp_path, 4)
    with open_project(tmp_path / "p.db") as project:
        import_paths(project, paths[:2])
        assert backlog(project) == 0
        import_paths(project, paths[2:], index=False)
        assert backlog(project) == 2
        queries = ("切实加强领导3", "加强领导", "狠抓落实", "增长2.5%", "领导")
        before = {q: [(h.document_id, h.position, h.snippet) for h in search(project, q)] for q in queries}
        assert [d for d, *_ in before["切实加强领导3"]] == [4]
        assert len(before["狠抓落实"]) == 4
        update_index(project)
        assert backlog(project) == 0
        after = {q: [(h.document_id, h.position, h.snippet) for h in search(project, q)] for q in queries}
        assert after == before


def test_the_cli_leaves_the_trigram_index_to_its_background_indexer(tmp_path):
    import subprocess
    import sys
    import time

    paths = _speeches(tmp_path, 3)
    project = tmp_path / "p.db"

    def cli(*args):
        return subprocess.run([sys.executable, "-m", "annotator", *args], cwd=tmp_path, capture_output=True,
                              text=True, timeout=300)

    done = cli("import", str(project), *map(str, paths), "--index", "none")
    assert done.returncode == 0, done.stderr
    with open_project(project) as opened:
        assert backlog(opened) == 0  # --index none: no background process, so the trigram index is built now
    more = []
    (tmp_path / "more").mkdir()
    for n in range(3, 6):
        path = tmp_path / "more" / f"m{n}.txt"
        path.write_text(f"第{n}号补充讲话\n各级党委要切实加强领导{n}。\n", encoding="utf-8")
        more.append(path)
    done = cli("import", str(project), *map(str, more))
    assert done.returncode == 0, done.stderr
    hits = cli("search", str(project), "补充讲话")  # found at once, indexed or not
    assert hits.returncode == 0 and len(hits.stdout.splitlines()) - 1 == 3, hits.stdout + hits.stderr
    deadline = time.monotonic() + 240  # a hang, not a slow machine, would miss this
    while time.monotonic() < deadline:
        with open_project(project, readonly=True) as opened:
            if backlog(opened) == 0:
                break
        time.sleep(0.2)
    with open_project(project, readonly=True) as opened:
        assert backlog(opened) == 0, "the background indexer did not index the import"
        assert {h.document_id for h in search(opened, "补充讲话")} == {4, 5, 6}


def test_edited_files_in_a_batch_are_updated_not_added_and_the_same_file_twice_is_a_duplicate(tmp_path):
    # The batch path finds "imported before from this file" from one map per transaction: it must give
    # what the per-file query gives (edited → updated in place, unchanged → duplicate, new → imported),
    # also for a file named twice in one batch and a file edited twice over two imports.
    paths = _speeches(tmp_path, 5)
    with open_project(tmp_path / "p.db") as project:
        first = import_paths(project, paths[:3])
        ids = {o.path: o.document_id for o in first.outcomes}
        paths[1].write_text("同志们：\n" + paths[1].read_text(encoding="utf-8"), encoding="utf-8")
        second = import_paths(project, [paths[0], paths[1], paths[3], paths[3], paths[4]])
        assert [o.status for o in second.outcomes] == ["duplicate", "updated", "imported", "duplicate", "imported"]
        assert second.outcomes[1].document_id == ids[str(paths[1])]
        assert second.outcomes[3].document_id == second.outcomes[2].document_id
        paths[1].write_text("各位代表：\n" + paths[1].read_text(encoding="utf-8"), encoding="utf-8")
        third = import_paths(project, [paths[2], paths[1]])
        assert [o.status for o in third.outcomes] == ["duplicate", "updated"]
        assert third.outcomes[1].document_id == ids[str(paths[1])]
        assert len(list_documents(project)) == 5
        text = project.execute("SELECT clean_text FROM documents WHERE id = ?", [ids[str(paths[1])]]).fetchone()[0]
        assert text.startswith("各位代表：\n同志们：\n第1号讲话")
