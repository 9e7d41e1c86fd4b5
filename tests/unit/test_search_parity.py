"""Chinese full-text search gives the same hits, in the same order, on SQLite and PostgreSQL.

Issue 16 point 5. One corpus (the real speeches of ../shared/seeds, each also cut into paragraphs of a
few hundred characters so that a query matches some documents and not others, plus hostile text) goes
into a SQLite file and a PostgreSQL database in the same order; every query — 1, 2 and 3+ characters,
Latin in both cases, digits, LIKE wildcards, astral characters, substrings drawn at random from the
texts, words that occur nowhere — must give the identical list of (document, title, position, snippet),
before and after the jieba word index is built. Each answer is also checked against a brute-force
substring scan, so "identical" cannot mean "identically wrong".
"""

from __future__ import annotations

import random

import pytest

from annotator.storage import documents as docs
from annotator.storage import open_project, search

HOSTILE = [
    ("astral", "𠮷野家😀的职工们\r\n要坚持ABC１２３，增长5.6%，100%完成。\u3000Safety First 工会"),
    ("wildcards", "完成率100%_以上，a_b%c 工会组织要维护职工权益 back\\slash"),
    ("latin", "GDP增长 gdp Gdp ÉCOLE école İstanbul STRASSE straße"),
    # snippet edges (the server cuts PostgreSQL's window): a match at the very start and the very end, a
    # line break and astral characters inside the window, a title that alone matches
    ("标题独有词", "开头就是\n匹配𠮷的文字，中间没有标题里的词，\r\n结尾是匹配"),
    ("短", "开头"),
    # quotes and backslashes inside a 3+ character query: PostgreSQL quotes it into its one query string
    ("引号", "它叫'坚持'，O'Brien说：GDP's share，路径C:\\data\\新"),
]
FIXED = ["工会", "工", "要", "的", "发展", "人民", "经济", "safety first", "SAFETY", "gdp", "GDP增长", "école",
         "ÉCOLE", "straße", "100%", "a_b%c", "%_", "_", "\\", "5.6", "2023", "１２３", "𠮷野", "😀的职",
         "不存在的短语组合", "xyzzy", "，", "。要",
         "0%_以", "标题独有", "有词", "开头就是", "开头", "结尾是匹配", "匹配", "头", "配",  # no three literal characters in a row: FTS5's trigram LIKE found nothing (now a scan)
         "k\\sl", "'坚持'", "O'B", "P's", ":\\data\\", ":q"]


def _corpus(seeds_dir) -> list[tuple[str, str]]:
    files = sorted(seeds_dir.glob("*.txt"))
    assert files, "no seed speeches"
    out = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        out.append((path.stem, text))
        for i in range(0, len(text), 600):
            out.append((f"{path.stem} 第{i // 600 + 1}段", text[i:i + 600]))
    return out + HOSTILE


def _queries(texts: list[str], rng: random.Random, n: int = 80) -> list[str]:
    out = list(FIXED)
    for _ in range(n):
        text = rng.choice(texts)
        start = rng.randrange(max(1, len(text) - 10))
        out.append(text[start:start + rng.choice((1, 2, 2, 3, 4, 6, 9))])
    return [q for q in out if q.strip()]


def _fold(text: str) -> str:
    return text.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"))


def _answers(project, queries):
    return {q: [(h.document_id, h.title, h.position, h.snippet) for h in search.search(project, q, limit=10_000)]
            for q in queries}


@pytest.fixture
def both(tmp_path, pg_project, seeds_dir):
    corpus = _corpus(seeds_dir)
    projects = [open_project(tmp_path / "parity.db"), open_project(pg_project)]
    for project in projects:
        for title, text in corpus:
            docs.add_document(project, clean_text=text, raw_text=text, title=title)
    yield projects, corpus
    for project in projects:
        project.close()


def test_same_hits_in_the_same_order_on_both_backends(both):
    (lite, pg), corpus = both
    queries = _queries([text for _, text in corpus], random.Random(16))
    assert {len(" ".join(q.split())) for q in queries} >= {1, 2, 3, 4}
    unindexed = _answers(lite, queries)  # SQLite answers from its backlog scan first
    search.update_index(lite)
    for project in (lite, pg):
        assert search.index_words(project) == len(corpus)
    expected = _answers(lite, queries)
    assert _answers(pg, queries) == expected
    for query, hits in expected.items():
        folded = _fold(" ".join(query.split()))
        truth = {i for i, (title, text) in enumerate(corpus, start=1) if folded in _fold(text) or folded in _fold(title)}
        assert {h[0] for h in hits} == truth, query
        assert sorted(unindexed[query]) == sorted(hits), query  # the word index reorders, never changes the set
    # The 2-character word index does its work on both: a word jieba finds comes before a mere substring.
    reordered = [q for q in expected if len(q) == 2 and [h[0] for h in expected[q]] != sorted(h[0] for h in expected[q])]
    assert reordered, "no 2-character query was answered from the word index first"


def test_edits_and_deletes_answer_the_same(both):
    (lite, pg), corpus = both
    for project in (lite, pg):
        search.update_index(project)
        search.index_words(project)
        ids = docs.document_ids(project)
        docs.delete_document(project, ids[1])
        docs.add_document(project, clean_text="新来的一篇：乡村振兴战略，GDP 增长。", raw_text="x", title="新")
    for query in ("乡村振兴", "振兴", "gdp", "新", "工会"):
        got = [[(h.document_id, h.position) for h in search.search(p, query)] for p in (lite, pg)]
        assert got[0] == got[1], query


def test_a_page_shorter_than_the_hits_is_the_same_first_page(both):
    """A limit below the number of hits: PostgreSQL's common-query path (the trigram index found a full
    page, so the first page in id order is read in id order; pg/search._trigram_ids) against SQLite's.
    Some rows are rewritten first, so the table's physical order is no longer the id order (a bitmap scan
    returns rows in physical order: a full page from it is not the first page)."""
    (lite, pg), corpus = both
    for project in (lite, pg):
        search.update_index(project)
        search.index_words(project)
    ids = docs.document_ids(pg)
    with pg.write():  # new row versions go to the end of the heap (test-only SQL: the layout, not the data)
        pg.execute("UPDATE documents SET clean_text = clean_text || '' WHERE id = ANY(?)", [ids[:len(ids) // 3]])
    queries = _queries([text for _, text in corpus], random.Random(5), n=40)
    compared = 0
    for limit in (1, 3, 7, 40):
        for query in queries:
            got = [[(h.document_id, h.position, h.snippet) for h in search.search(p, query, limit=limit)]
                   for p in (lite, pg)]
            assert got[0] == got[1], (query, limit)
            compared += len(got[0]) == limit and len(" ".join(query.split())) >= 3
    assert compared, "no 3+ character query filled a page: the common-query path was not compared"


def test_a_search_leaves_the_planner_settings_as_they_were(both):
    """PostgreSQL's 3+ character search turns the planner's sequential and index scans off for its own
    queries only: afterwards, inside a caller's transaction as outside one, both are on again."""
    (_lite, pg), _corpus = both
    expected = [h.document_id for h in search.search(pg, "工会组织")]
    assert expected
    assert pg.execute("SHOW enable_seqscan").fetchone()[0] == "on"
    with pg.write():
        assert [h.document_id for h in search.search(pg, "工会组织")] == expected
        assert [pg.execute(f"SHOW {name}").fetchone()[0] for name in ("enable_seqscan", "enable_indexscan")] == ["on", "on"]
    assert [pg.execute(f"SHOW {name}").fetchone()[0] for name in ("enable_seqscan", "enable_indexscan")] == ["on", "on"]
