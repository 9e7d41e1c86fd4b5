"""``annotator team init / push / pull``: a whole project goes to a PostgreSQL server and comes back equal.

The project is built from the real speeches in ../shared/seeds through the same paths the app uses
(import with outlines, an outline correction, spans of two annotators, suggestions accepted and rejected,
gold, status marks, comments, guidelines, the word index, a deleted document in the trash), pushed to a fresh team project, pulled into a
new file and compared with the original table by table, every column, ids included.
"""

from __future__ import annotations

import psycopg
import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.domain.model import Span, Suggestion
from annotator.ingest import import_paths
from annotator.storage import comments, document_trash, open_project, search
from annotator.storage import documents as docs
from annotator.storage import sections as section_store
from annotator.storage import spans as span_store
from annotator.storage.transfer import TABLES


def _build(path, seeds_dir) -> None:
    files = sorted(seeds_dir.glob("*.txt"))
    assert files, "no seed speeches"
    with open_project(path) as project:
        import_paths(project, [str(f) for f in files], annotator="lead")
        ids = docs.document_ids(project)
        first = ids[0]
        text = docs.clean_text(project, first)
        section_store.add_edit(project, first, "add", 0, {"marker_end": 0, "title_end": 5, "level": 1, "marker": ""},
                               annotator="lead")
        for doc_id in ids:
            length = len(docs.clean_text(project, doc_id))
            for who, start in (("张三", 0), ("李四", 3)):
                span_store.add_span(project, Span(document_id=doc_id, start=start, end=min(start + 9, length),
                                                  label="directive", annotator=who, attributes={"强度": "高"}))
            span_store.replace_suggestions(project, doc_id, [
                Suggestion(start=10, end=20, label="statistic", rule="quantity:元", score=0.8, attributes={}),
                Suggestion(start=30, end=35, label="directive", rule="modal:要", score=0.6, attributes={})])
            opened = span_store.open_suggestions(project, doc_id, "张三")
            span_store.accept_suggestion(project, opened[0], "张三")
            span_store.reject_suggestion(project, opened[1], "张三")
            span_store.add_span(project, Span(document_id=doc_id, start=0, end=9, label="directive",
                                              annotator="@gold", status="gold", provenance={"method": "premerge"}))
            docs.set_status(project, doc_id, "张三", "done")
        comments.add_comment(project, first, "这里的“要”是否算指令？", "李四")
        comments.set_guidelines(project, "# 标注规范\n指令：要、必须", by="lead")
        search.index_words(project)
        # A document imported by mistake and deleted: it waits in the trash (and goes across with it).
        mistake, _ = docs.add_document(project, clean_text="误导入的一篇：不应留在项目里。\n", raw_text="x", title="误导入")
        document_trash.trash_document(project, mistake, by="lead")


def _tables(project) -> dict[str, list[tuple]]:
    return {table: project.fetchall(f"SELECT * FROM {table} ORDER BY {key}") for table, key in TABLES}


def test_push_then_pull_gives_an_equal_project(tmp_path, pg_url, seeds_dir):
    original, copy = tmp_path / "local.db", tmp_path / "copy.db"
    _build(original, seeds_dir)
    runner = CliRunner()
    assert runner.invoke(cli, ["team", "init", pg_url]).exit_code == 0
    pushed = runner.invoke(cli, ["team", "push", str(original), pg_url])
    assert pushed.exit_code == 0, pushed.output
    assert "5 documents" in pushed.output
    pulled = runner.invoke(cli, ["team", "pull", pg_url, str(copy)])
    assert pulled.exit_code == 0, pulled.output
    with open_project(original, readonly=True) as a, open_project(pg_url, readonly=True) as team, \
            open_project(copy, readonly=True) as b:
        before, on_server, after = _tables(a), _tables(team), _tables(b)
        for table, _ in TABLES:
            assert before[table], table  # the fixture fills every table
            assert on_server[table] == before[table], table
            assert after[table] == before[table], table
        # Search answers the same from all three (the word index went across, re-tokenised).
        for query in ("发展", "工作", "要", "人民群众", "2023"):
            expect = [(h.document_id, h.position) for h in search.search(a, query)]
            assert [(h.document_id, h.position) for h in search.search(team, query)] == expect, query
            assert [(h.document_id, h.position) for h in search.search(b, query)] == expect, query
    # New rows on the server get fresh ids after the copied ones (identities moved past them).
    with open_project(pg_url) as team:
        doc_id, created = docs.add_document(team, clean_text="新的一篇讲话。", raw_text="x", title="新")
        assert created and doc_id == max(r[0] for r in before["documents"]) + 1


def test_push_refuses_a_team_project_that_holds_data(tmp_path, pg_project):
    pg_url = pg_project  # made a project first: push never creates one (that is `team init`)
    local = tmp_path / "a.db"
    with open_project(local) as project:
        docs.add_document(project, clean_text="一篇。", raw_text="一篇。")
    runner = CliRunner()
    assert runner.invoke(cli, ["team", "push", str(local), pg_url]).exit_code == 0
    again = runner.invoke(cli, ["team", "push", str(local), pg_url])
    assert again.exit_code == 2 and "already holds data" in again.output
    with open_project(pg_url, readonly=True) as team:  # nothing half-written by the refused copy
        assert docs.document_count(team) == 1


def test_pull_refuses_an_existing_file(tmp_path, pg_url):
    existing = tmp_path / "there.db"
    open_project(existing).close()
    runner = CliRunner()
    runner.invoke(cli, ["team", "init", pg_url])
    out = runner.invoke(cli, ["team", "pull", pg_url, str(existing)])
    assert out.exit_code == 2 and "already exists" in out.output


@pytest.mark.parametrize("verb", [["list"], ["search", "{url}", "工会"], ["team", "init"]])
def test_bad_or_unreachable_urls_give_a_message_without_the_password(pg_cluster, verb):
    secret = "s3cr3t-pw"
    unreachable = f"postgresql://someone:{secret}@127.0.0.1:1/nowhere?connect_timeout=2"
    bad = f"postgresql://someone:{secret}@[::1/x"
    for url in (unreachable, bad):
        args = [a.replace("{url}", url) for a in verb]
        if "{url}" not in " ".join(verb):
            args.append(url)
        out = CliRunner().invoke(cli, args)
        assert out.exit_code == 2, out.output
        assert secret not in out.output and "Traceback" not in out.output
        assert "someone:***@" in out.output or "not a valid" in out.output, out.output


def test_wrong_password_is_refused_cleanly(pg_cluster):
    if pg_cluster.external:
        pytest.skip("a server named by ANNOTATOR_TEST_PG_URL: its password rules are not ours to know")
    name = pg_cluster.new_database()
    try:
        url = pg_cluster.tcp_url(name, password="not-the-password")
        out = CliRunner().invoke(cli, ["list", url])
        assert out.exit_code == 2 and "not-the-password" not in out.output
        assert "cannot connect" in out.output
    finally:
        pg_cluster.drop_database(name)


def test_a_database_of_another_application_is_refused(pg_url):
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
    out = CliRunner().invoke(cli, ["team", "init", pg_url])
    assert out.exit_code == 2 and "not an annotator project" in out.output
    out = CliRunner().invoke(cli, ["list", pg_url])
    assert out.exit_code == 2 and "not an annotator project" in out.output
