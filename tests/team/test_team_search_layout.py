"""PostgreSQL's 3+ character search through the index of each text's trigram set (pg/schema._search_grams,
pg/search._text_candidates), beside the ``pg_trgm`` LIKE index it replaced (issue 16 point 5).

- The trigrams a query requires stop at its two ends: a text holding the query inside longer words (the
  query's first word going on to the left, its last to the right, one-character words there, separators
  inside it, ASCII in either case) is still found — on both backends, against a brute-force scan.
- A project laid out the old way (the LIKE index, GIN pending lists on) answers the same; ``team init``
  lays it out (the trigram-set index in, the LIKE index out, no pending list) and it still answers the same.
"""

from __future__ import annotations

import pytest

pytest.importorskip("psycopg")

from annotator.storage import documents as docs  # noqa: E402
from annotator.storage import open_project, search  # noqa: E402

pytestmark = pytest.mark.team

# Texts where a query sits inside longer words, next to punctuation, digits, Latin and astral characters.
EDGES = [
    ("长词", "我们要坚持数据安全生产线的建设，推进安全生产标准化。"),
    ("分隔", "一是抓好abcdef，ghijkl两项工作；二是GDP增长5.6%以上。"),
    ("单字词", "甲，乙丙丁戊，己 庚辛壬癸"),
    ("大小写", "Safety First：落实SafetyFirst原则，safety-first行动"),
    ("astral", "𠮷野家😀的职工们要坚持𠮷野家的做法"),
    ("空白", "第一段\n第二段\r\n第三段 第四段\u3000第五段"),
]
QUERIES = ["安全生产", "数据安全", "生产线的", "产线的建设，推", "def，ghi", "f，g", "cdef，gh", "P增长5", "增长5.6%",
           "长5.6", "甲，乙", "，乙丙", "丁戊，己", "戊，己 庚", "己 庚辛", "safety first", "SAFETYFIRST", "ty-fi",
           "𠮷野家", "家😀的", "段 第四", "三段 第", "标准化。", "，推进安全", "量子纠缠态"]


def _fold(text: str) -> str:
    return text.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"))


def _answers(project) -> dict[str, list[tuple]]:
    return {q: [(h.document_id, h.title, h.position, h.snippet) for h in search.search(project, q, limit=1000)]
            for q in QUERIES}


def _fill(project, corpus) -> None:
    for title, text in corpus:
        docs.add_document(project, clean_text=text, raw_text=text, title=title)


def _corpus(seeds_dir) -> list[tuple[str, str]]:
    out = list(EDGES)
    for path in sorted(seeds_dir.glob("*.txt"))[:2]:
        text = path.read_text(encoding="utf-8")
        out += [(f"{path.stem} {i}", text[i:i + 800]) for i in range(0, min(len(text), 8000), 800)]
    return out


def test_a_query_inside_longer_words_is_found_on_both_backends(tmp_path, pg_project, seeds_dir):
    corpus = _corpus(seeds_dir)
    with open_project(tmp_path / "edges.db") as lite, open_project(pg_project) as pg:
        for project in (lite, pg):
            _fill(project, corpus)
        search.update_index(lite)
        expected = _answers(lite)
        assert _answers(pg) == expected
        assert pg.search_grams, "the text's trigram-set index was not used"
    found = 0
    for query, hits in expected.items():
        folded = _fold(" ".join(query.split()))
        truth = {i for i, (title, text) in enumerate(corpus, start=1) if folded in _fold(text) or folded in _fold(title)}
        assert {h[0] for h in hits} == truth, query
        found += bool(truth)
    assert found >= len(QUERIES) - 1  # every query but the one found nowhere has hits


def _index_layout(project) -> dict[str, str]:
    rows = project.fetchall("SELECT c.relname, coalesce(array_to_string(c.reloptions, ','), '') FROM pg_index i"
                            " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam"
                            " WHERE a.amname = 'gin'")
    return dict(rows)


def test_an_old_layout_answers_the_same_and_team_init_lays_it_out(pg_url, seeds_dir):
    from annotator.storage.pg.backend import PgProject, init_team_project

    corpus = _corpus(seeds_dir)
    with PgProject(pg_url, create=True) as project:
        assert _index_layout(project) == {"documents_title_trgm": "fastupdate=off",
                                          "documents_text_grams": "fastupdate=on,gin_pending_list_limit=2048",
                                          "documents_words_gin": "fastupdate=off"}
        _fill(project, corpus)
        search.index_words(project)
        new = _answers(project)
        # the layout of a project made before it (test-only SQL: the layout, not the data)
        project.execute("DROP INDEX documents_text_grams")
        project.execute("CREATE INDEX documents_text_trgm ON documents USING gin (clean_text gin_trgm_ops)")
        for index in ("documents_title_trgm", "documents_words_gin"):
            project.execute(f"ALTER INDEX {index} RESET (fastupdate)")
    with PgProject(pg_url, create=False) as project:  # as a member who may not change it would open it
        assert project.search_grams is None
        assert _answers(project) == new
        assert project.search_grams is False  # asked once, answered through the LIKE index
    with init_team_project(pg_url) as project:
        assert _index_layout(project) == {"documents_title_trgm": "fastupdate=off",
                                          "documents_text_grams": "fastupdate=on,gin_pending_list_limit=2048",
                                          "documents_words_gin": "fastupdate=off"}
        assert _answers(project) == new
        assert project.search_grams is True
    assert any(new[q] for q in QUERIES)
