"""Search is never wrong while the index catches up: documents in the backlog are scanned, indexed ones
come from the trigram index, and both give what a brute-force substring check gives.

Queries are drawn from the real speeches in /work/shared/seeds (required) and from hostile text.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from annotator.ingest import import_paths
from annotator.storage import documents as docs
from annotator.storage import open_project, search

SEEDS = Path("/work/shared/seeds")
FIXTURES = Path(__file__).resolve().parents[1] / "data" / "projects"
HOSTILE = [
    ("astral", "𠮷野家😀的职工们\r\n要坚持ABC１２３，增长5.6%，100%完成。\u3000Safety First 工会"),
    ("wildcards", "完成率100%_以上，a_b%c 工会组织要维护职工权益"),
]


def _seed_texts() -> list[tuple[str, str]]:
    paths = sorted(SEEDS.glob("*.txt"))
    assert paths, f"no seed speeches in {SEEDS}"
    return [(p.stem, p.read_text(encoding="utf-8")) for p in paths]


def _fold(text: str) -> str:
    return text.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"))


def _truth(project, query: str) -> set[int]:
    query = _fold(" ".join(query.split()))
    return {r[0] for r in project.conn.execute("SELECT id, title, clean_text FROM documents")
            if query in _fold(r[2]) or query in _fold(r[1])}


def _queries(texts: list[str], rng: random.Random, n: int = 60) -> list[str]:
    out = ["工会", "工", "要", "safety first", "SAFETY", "100%", "a_b%c", "%_", "不存在的短语组合", "𠮷野", "😀的职"]
    for _ in range(n):
        text = rng.choice(texts)
        start = rng.randrange(len(text) - 8)
        out.append(text[start:start + rng.choice((1, 2, 3, 4, 6, 9))])
    return [q for q in out if q.strip()]


@pytest.fixture
def project(tmp_path):
    with open_project(tmp_path / "search.annotator.db") as proj:
        for title, text in _seed_texts() + HOSTILE:
            docs.add_document(proj, clean_text=text, raw_text=text, title=title)
        yield proj


def _check_all(project, queries: list[str]) -> None:
    for query in queries:
        hits = search.search(project, query, limit=10_000)
        assert {h.document_id for h in hits} == _truth(project, query), query
        for hit in hits:
            text = docs.clean_text(project, hit.document_id)
            if hit.position >= 0:
                assert _fold(text[hit.position:hit.position + len(" ".join(query.split()))]) == _fold(
                    " ".join(query.split())), query


def test_same_results_before_and_after_indexing(project):
    texts = [docs.clean_text(project, i) for i in docs.document_ids(project)]
    queries = _queries(texts, random.Random(19))
    assert search.backlog(project) == len(texts)  # adding a document only queues it
    _check_all(project, queries)  # nothing indexed: every answer from the scan
    half = docs.document_ids(project)[len(texts) // 2]
    # Index part of the queue: the mixed state answers right too.
    with project.write():
        project.conn.execute(
            "INSERT INTO documents_fts (rowid, title, clean_text) SELECT id, title, clean_text FROM documents"
            " WHERE id <= ?", [half])
        project.conn.execute("DELETE FROM search_backlog WHERE document_id <= ?", [half])
    _check_all(project, queries)
    assert search.update_index(project, max_chars=1) == len(texts) - len(
        [i for i in docs.document_ids(project) if i <= half])  # one document per transaction still works
    assert search.backlog(project) == 0
    _check_all(project, queries)
    assert search.index_words(project) == len(texts)
    _check_all(project, queries)  # the word index reorders 2-character results, never changes the set


def test_edits_and_deletes_keep_the_index_consistent(project):
    search.update_index(project)
    first, second = docs.document_ids(project)[:2]
    search.index_words(project)
    with project.write():  # as reanchor/rename do: the triggers re-index an indexed document
        project.conn.execute("UPDATE documents SET title = ?, clean_text = ? WHERE id = ?",
                             ["改名的讲话", "全新的文本：乡村振兴战略", first])
    docs.add_document(project, clean_text="新来的一篇：乡村振兴战略", raw_text="x", title="新")
    docs.delete_document(project, second)
    assert {h.document_id for h in search.search(project, "乡村振兴")} == _truth(project, "乡村振兴")
    assert {h.document_id for h in search.search(project, "改名的")} == {first}
    # The stale word row of the edited document must not produce a hit for a word it lost.
    lost = next(q for q in ("工作", "发展", "我们", "同志") if q not in "全新的文本：乡村振兴战略")
    assert first not in {h.document_id for h in search.search(project, lost)}
    # rank 0: the index's own structure (documents still queued are legitimately absent from it).
    project.conn.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 0)")
    search.update_index(project)
    # rank 1: the index also matches every document's current title and text.
    project.conn.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
    assert search.backlog(project) == 0


def test_read_only_project_with_a_backlog_still_finds_everything(tmp_path):
    path = tmp_path / "ro.annotator.db"
    with open_project(path) as proj:
        for title, text in HOSTILE:
            docs.add_document(proj, clean_text=text, raw_text=text, title=title)
    with open_project(path, readonly=True) as proj:
        assert search.update_index(proj) == 0
        assert search.backlog(proj) == 2
        assert {h.document_id for h in search.search(proj, "工会组织")} == _truth(proj, "工会组织")


def test_an_import_leaves_nothing_queued(tmp_path):
    files = []
    for stem, text in _seed_texts()[:2]:
        files.append(tmp_path / f"{stem}.txt")
        files[-1].write_text(text, encoding="utf-8")
    with open_project(tmp_path / "imp.annotator.db") as proj:
        summary = import_paths(proj, files + [tmp_path / "missing.txt"])
        assert summary.imported == 2
        assert search.backlog(proj) == 0
        word = _seed_texts()[0][1][200:206]
        assert {h.document_id for h in search.search(proj, word)} == _truth(proj, word)


def test_an_old_project_migrates_into_the_backlog(tmp_path):
    copy = tmp_path / "v0001.annotator.db"
    shutil.copyfile(FIXTURES / "v0001.annotator.db", copy)
    with open_project(copy) as proj:
        count = len(docs.document_ids(proj))
        assert search.backlog(proj) == count
        assert {h.document_id for h in search.search(proj, "安全生产")} == _truth(proj, "安全生产")
        # The word index was carried over, not dropped: nothing to re-segment.
        assert search.index_words(proj) == 0
        assert search.update_index(proj) == count
        assert {h.document_id for h in search.search(proj, "安全生产")} == _truth(proj, "安全生产")
