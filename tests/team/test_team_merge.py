"""`annotator merge postgresql://… a.db b.db` INTO a team project, by a lead and by an annotator (issue 16).

A lead merges anyone's work and new documents (a new document keeps its id where it is free, which moves
the server's identity: the lead's role needs the sequences for that — it lacked them, and every merge
bringing a document the project lacked was refused). An annotator merges their own offline work — their
spans, statuses and notes on documents the project has — and nothing else: a source bringing a new
document, a label, or someone else's rows is refused whole, with a sentence saying why, and leaves the
project as it was. The merge's commit witness (exchange/merge.py) was a project_meta row, which only a
lead may write: every annotator's merge was refused by it; on a server it is the transaction's id now.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("psycopg")

from annotator.cli import cli  # noqa: E402
from annotator.domain.model import Span  # noqa: E402
from annotator.ingest import import_paths  # noqa: E402
from annotator.storage import documents, open_project, spans  # noqa: E402

sys.path.append(str(Path(__file__).resolve().parent.parent / "unit"))  # its modules import each other bare
from tests.unit.test_exchange_merge import _interrupt_once  # noqa: E402

SPEECH = "一、总体要求\n各级党委要切实加强领导，确保全年增长5.2%。𠮷\n二、重点任务\n要坚持稳中求进。😀\n"
NEW = "第一章 总则\n第一条 为了规范工作，制定本办法。\n"


def _url(team, name: str) -> str:
    return team.cluster.url(name, team.dbname) + f"?passfile={team.passfile}"


def _source(tmp_path, name: str, who: str, files) -> str:
    """A member's own SQLite project: the given files imported, two spans and a status of ``who``."""
    path = tmp_path / name
    with open_project(path) as project:
        import_paths(project, files)
        doc = documents.document_ids(project)[0]
        for start in (0, 8):
            spans.add_span(project, Span(start=start, end=start + 4, label="directive", annotator=who,
                                         document_id=doc))
        documents.set_status(project, doc, who, "done")
    return str(path)


@pytest.fixture
def merging(team, tmp_path):
    speech = tmp_path / "speech.txt"
    speech.write_text(SPEECH, encoding="utf-8")
    with open_project(_url(team, "lena")) as lead:  # the lead imported the speech for the team
        assert import_paths(lead, [speech]).imported == 1
    sources = {"alice": _source(tmp_path, "a.db", "alice", [speech]), "bob": _source(tmp_path, "b.db", "bob", [speech])}
    with open_project(sources["bob"]) as project:  # an id free in the team project: kept by the merge
        documents.add_document(project, clean_text=NEW, raw_text=NEW, title="新办法", document_id=40)
    return sources


def _state(team):
    with open_project(_url(team, "lena")) as lead:
        return (lead.fetchall("SELECT title FROM documents ORDER BY id"),
                lead.fetchall("SELECT annotator, start, \"end\" FROM spans WHERE annotator NOT LIKE '@%' "
                              "ORDER BY 1, 2"),
                lead.fetchall("SELECT annotator, status FROM doc_status ORDER BY 1"))


def test_an_annotator_merges_their_own_work_and_is_refused_anything_else(team, merging):
    runner = CliRunner()
    out = runner.invoke(cli, ["merge", _url(team, "alice"), merging["alice"]])
    assert out.exit_code == 0, out.output
    assert "2 spans added" in out.output
    titles, rows, statuses = _state(team)
    assert [r[0] for r in rows] == ["alice", "alice"] and statuses == [("alice", "done")]
    before = _state(team)

    # bob's file holds a document the project lacks: documents are a lead's to add
    out = runner.invoke(cli, ["merge", _url(team, "alice"), merging["bob"]])
    assert out.exit_code == 1
    assert "b.db: not merged" in out.output and "refused: your role in this team project may not do this" in out.output
    assert "a lead's to add" in out.output and "Traceback" not in out.output
    # alice's file merged by bob: another member's rows
    out = runner.invoke(cli, ["merge", _url(team, "bob"), merging["alice"]])
    assert out.exit_code == 1
    assert "a.db: not merged" in out.output and "only their own work" in out.output
    assert _state(team) == before  # each refused source left nothing behind


def test_a_lead_merges_everyones_work_and_new_documents_once(team, merging):
    runner = CliRunner()
    out = runner.invoke(cli, ["merge", _url(team, "lena"), merging["alice"], merging["bob"]])
    assert out.exit_code == 0, out.output
    titles, rows, statuses = _state(team)
    assert len(titles) == 3 and "新办法" in {t[0] for t in titles} and sorted({r[0] for r in rows}) == ["alice", "bob"] and len(rows) == 4
    assert statuses == [("alice", "done"), ("bob", "done")]
    again = runner.invoke(cli, ["merge", _url(team, "lena"), merging["alice"], merging["bob"]])
    assert again.exit_code == 0 and "0 spans added" in again.output
    assert _state(team) == (titles, rows, statuses)
    with open_project(_url(team, "lena")) as lead:  # the identity moved past the merged document's id
        assert lead.scalar("SELECT id FROM documents WHERE title = '新办法'") == 40
        assert documents.add_document(lead, clean_text="三、新文件。", raw_text="x", annotator="lena")[0] == 41


def test_a_signal_just_after_an_annotators_commit_reports_the_source_merged(team, merging, monkeypatch):
    # The witness of a committed source, for a member who may not write project_meta.
    import annotator.exchange.merge as merge_module

    _interrupt_once(monkeypatch, merge_module, "open_project")
    with open_project(_url(team, "alice")) as target:
        with pytest.raises(merge_module.MergeInterrupted) as caught:
            merge_module.merge(target, [merging["alice"], merging["bob"]])
    report = caught.value.report
    assert report.rolled_back is None and [s.path for s in report.sources] == [merging["alice"]]
    assert report.not_merged == [merging["bob"]] and len(_state(team)[1]) == 2


def test_a_signal_inside_an_annotators_transaction_reports_it_undone(team, merging, monkeypatch):
    import annotator.exchange.merge as merge_module

    _interrupt_once(monkeypatch, merge_module, "_comments")  # the last step before the COMMIT
    with open_project(_url(team, "alice")) as target:
        with pytest.raises(merge_module.MergeInterrupted) as caught:
            merge_module.merge(target, [merging["alice"]])
    assert caught.value.report.rolled_back == merging["alice"] and _state(team)[1] == []
