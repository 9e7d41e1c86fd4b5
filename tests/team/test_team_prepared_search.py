"""PostgreSQL's search runs its planner-bound statements as prepared statements with one generic plan
(storage/pg/prepared.py): one query string per search, no planning once prepared, the same hits — also
when the server lost the statements (a pooler's DISCARD ALL, a DEALLOCATE), when a search fails half
way, inside a caller's transaction, and for a member whose row-level security differs from the owner's.
"""

from __future__ import annotations

import sqlite3

import pytest

from annotator.storage import documents as docs
from annotator.storage import open_project, search
from annotator.storage.pg import prepared

TEXTS = [("工会工作报告", "要坚持工会组织的群众路线，维护职工权益。GDP增长5.6%。"),
         ("安全生产", "各地要压实安全生产责任，工会组织要参与监督。"),
         ("经济", "全年经济运行稳中有进，𠮷野家😀的职工们Safety First。")] * 4
QUERIES = ["工会组织", "量子纠缠态", "GDP增长", "safety first", "安全生产责任", "工会", "要", "'坚持'"]


@pytest.fixture
def pair(tmp_path, pg_project):
    with open_project(tmp_path / "p.db") as lite, open_project(pg_project) as pg:
        for title, text in TEXTS:
            for project in (lite, pg):
                docs.add_document(project, clean_text=text, raw_text=text, title=title)
        search.update_index(lite)
        yield lite, pg


def _answers(project) -> dict:
    return {q: [(h.document_id, h.position, h.snippet) for h in search.search(project, q)] for q in QUERIES}


def _ours(pg) -> dict[str, tuple[int, int]]:
    rows = pg.execute("SELECT name, generic_plans, custom_plans FROM pg_prepared_statements"
                      " WHERE starts_with(name, ?)", [prepared.PREFIX]).fetchall()
    return {name: (generic, custom) for name, generic, custom in rows}


def test_one_query_string_per_search_and_one_generic_plan_per_statement(pair, monkeypatch):
    lite, pg = pair
    expected = _answers(lite)
    assert _answers(pg) == expected and expected["工会组织"] and expected["量子纠缠态"] == []
    before = _ours(pg)
    assert before and all(custom == 0 for _generic, custom in before.values())
    sent = []
    import psycopg

    real = psycopg.Cursor.execute
    monkeypatch.setattr(psycopg.Cursor, "execute",
                        lambda self, query, *a, **k: sent.append(str(query)) or real(self, query, *a, **k))
    assert search.search(pg, "量子纠缠态") == []
    monkeypatch.undo()
    # a search found nowhere: one string, only EXECUTEs of statements already prepared (nothing planned anew)
    assert len(sent) == 1 and "PREPARE" not in sent[0] and sent[0].count("EXECUTE") == 2
    after = _ours(pg)
    assert set(after) == set(before)
    assert sum(g for g, _ in after.values()) == sum(g for g, _ in before.values()) + 2


def test_statements_the_server_lost_are_prepared_again(pair):
    lite, pg = pair
    expected = _answers(lite)
    assert _answers(pg) == expected
    pg.execute("DEALLOCATE ALL")  # what a pooler's DISCARD ALL does between two clients
    assert _answers(pg) == expected
    assert _ours(pg)


def test_a_search_failing_after_its_prepares_leaves_the_names_in_step(pair, monkeypatch):
    """The string's PREPAREs ran, then it failed: whether the server kept them is the server's to say;
    the next search reads the names back and answers the same."""
    lite, pg = pair
    expected = _answers(lite)
    assert pg.search_prepared == set()  # nothing prepared on this connection yet
    monkeypatch.setattr(prepared, "GENERIC", prepared.GENERIC + "; SELECT 1 / 0")
    with pytest.raises(sqlite3.DatabaseError, match="division by zero"):
        search.search(pg, "工会组织")
    assert pg.search_prepared is None
    monkeypatch.undo()
    assert _answers(pg) == expected
    assert pg.search_prepared == set(_ours(pg)) and pg.search_prepared  # the names kept are the server's


def test_inside_a_transaction_the_planner_is_given_back(pair):
    lite, pg = pair
    expected = _answers(lite)
    settings = ("enable_seqscan", "enable_indexscan", "enable_sort", "plan_cache_mode")
    before = [pg.execute(f"SHOW {name}").fetchone()[0] for name in settings]
    with pg.write():
        assert _answers(pg) == expected
        assert [pg.execute(f"SHOW {name}").fetchone()[0] for name in settings] == before
    assert [pg.execute(f"SHOW {name}").fetchone()[0] for name in settings] == before
    assert before[-1] == "force_custom_plan"  # the session's own (backend._session_options) stays


def test_a_reconnect_starts_from_no_statements(pair):
    lite, pg = pair
    expected = _answers(lite)
    assert _answers(pg) == expected and pg.search_prepared
    pg.raw_connection().close()  # the connection is gone (the server restarted, a network cut)
    assert _answers(pg) == expected
    assert pg.search_prepared == set(_ours(pg))


def test_members_under_row_level_security_find_what_the_owner_finds(team):
    """A generic plan is made per role (row-level security): an annotator and a lead, each on a
    connection of their own, get the owner's answers, and each search still runs as one string."""
    from annotator.storage.pg.backend import PgProject

    owner = PgProject(f"postgresql://postgres@/{team.dbname}?host={team.cluster.root}&port={team.cluster.port}",
                      create=False)
    queries = ["稳中求进", "百分之五", "量子纠缠态", "要坚", "要"]
    try:
        expected = {q: [(h.document_id, h.position, h.snippet) for h in search.search(owner, q)] for q in queries}
    finally:
        owner.close()
    assert expected["稳中求进"] and expected["量子纠缠态"] == []
    for name in ("alice", "lena"):
        member = PgProject(team.cluster.url(name, team.dbname) + f"?passfile={team.passfile}", create=False)
        try:
            for _ in range(2):  # prepared on the first, executed from the plan on the second
                assert {q: [(h.document_id, h.position, h.snippet) for h in search.search(member, q)]
                        for q in queries} == expected
            assert member.search_prepared == set(_ours(member))
        finally:
            member.close()


def test_statements_are_per_shape_not_per_query(pair):
    """Values travel as EXECUTE's arguments, never in a statement's text: new queries of the kinds
    already asked prepare nothing new (a server would otherwise collect one statement per query)."""
    lite, pg = pair
    text = TEXTS[0][1] + TEXTS[1][1] + TEXTS[2][1]

    def ask(offset: int) -> set[str]:
        queries = {text[i:i + n] for n in (1, 2, 3, 4, 6) for i in range(offset, 60, 4)}
        queries |= {"Safety"[offset:offset + 3], "GDP增长"[offset % 2:], "ety F"}
        for query in sorted(queries):
            assert ([(h.document_id, h.position, h.snippet) for h in search.search(pg, query)]
                    == [(h.document_id, h.position, h.snippet) for h in search.search(lite, query)]), query
        return set(_ours(pg))
    shapes = ask(0)
    assert ask(1) == shapes and ask(2) == shapes and len(shapes) <= 12
