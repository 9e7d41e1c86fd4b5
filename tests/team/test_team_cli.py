"""The team verbs end to end: init (roles and RLS), add-member, login (password to pgpass), then the
product's own storage functions used as each member, with row-level security deciding."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

psycopg = pytest.importorskip("psycopg")

from annotator.cli import cli  # noqa: E402
from annotator.domain.model import Span  # noqa: E402
from annotator.storage import documents, spans  # noqa: E402
from annotator.storage.project import open_project  # noqa: E402

PASSWORDS = {"alice": "alice-Pw-7781", "lena": "lena-Pw-1187"}


def test_init_add_member_login_then_rls_on_the_storage_functions(cluster, tmp_path, monkeypatch):
    db = "clitest"
    cluster.create_database(db)
    admin = f"postgresql://postgres@/{db}?host={cluster.root}&port={cluster.port}"
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    runner = CliRunner()
    out = runner.invoke(cli, ["team", "init", admin])
    assert out.exit_code == 0, out.output
    for name, role in (("alice", "annotator"), ("lena", "lead")):
        out = runner.invoke(cli, ["team", "add-member", admin, name, "--role", role, "--password-stdin"],
                            input=PASSWORDS[name] + "\n")
        assert out.exit_code == 0, out.output
        url = f"postgresql://{name}@127.0.0.1:{cluster.port}/{db}"
        out = runner.invoke(cli, ["team", "login", url, "--password-stdin"], input=PASSWORDS[name] + "\n")
        assert out.exit_code == 0, out.output
        assert PASSWORDS[name] not in out.output
    bad = runner.invoke(cli, ["team", "login", f"postgresql://alice@127.0.0.1:{cluster.port}/{db}",
                              "--password-stdin"], input="wrong\n")
    assert bad.exit_code != 0 and "cannot log in" in bad.output and "wrong" not in bad.output
    kept = (tmp_path / "pgpass").read_text(encoding="utf-8")
    assert PASSWORDS["alice"] in kept and "wrong" not in kept  # a failed login changed nothing

    with open_project(f"postgresql://lena@127.0.0.1:{cluster.port}/{db}") as lead:
        doc, created = documents.add_document(lead, clean_text="一、要坚持稳中求进。", raw_text="x", annotator="lena")
        assert created
    with open_project(f"postgresql://alice@127.0.0.1:{cluster.port}/{db}") as project:
        mine = spans.add_span(project, Span(start=0, end=2, label="directive", annotator="alice", document_id=doc))
        with pytest.raises(Exception, match="row-level security|permission denied"):
            spans.add_span(project, Span(start=2, end=4, label="directive", annotator="lena", document_id=doc))
        with pytest.raises(Exception, match="row-level security|permission denied"):
            documents.add_document(project, clean_text="不该导入。", raw_text="x")
        assert [s.id for s in spans.list_spans(project, doc)] == [mine.id]
    with open_project(f"postgresql://lena@127.0.0.1:{cluster.port}/{db}") as lead:
        gold = spans.add_span(lead, Span(start=0, end=2, label="directive", annotator="@gold", status="gold",
                                         document_id=doc))
        assert {s.id for s in spans.list_spans(lead, doc)} == {mine.id, gold.id}


def test_an_annotator_is_told_what_the_role_may_not_do_never_a_traceback(cluster, tmp_path, monkeypatch):
    """`annotator suggest URL` as an annotator (suggestions are the suggester's layer: a lead's to write)
    ended in a traceback; each refused verb now says so in a sentence naming the project (its URL
    without the password), exits non-zero and leaves nothing half-saved."""
    db = "clirefused"
    cluster.create_database(db)
    admin = f"postgresql://postgres@/{db}?host={cluster.root}&port={cluster.port}"
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    runner = CliRunner()
    assert runner.invoke(cli, ["team", "init", admin]).exit_code == 0
    for name, role in (("alice", "annotator"), ("lena", "lead")):
        assert runner.invoke(cli, ["team", "add-member", admin, name, "--role", role, "--password-stdin"],
                             input=PASSWORDS[name] + "\n").exit_code == 0
    url = {name: f"postgresql://{name}:{PASSWORDS[name]}@127.0.0.1:{cluster.port}/{db}" for name in PASSWORDS}
    speech = tmp_path / "speech.txt"
    speech.write_text("一、总体要求\n各级党委要切实加强领导，全年增长5.2%。\n", encoding="utf-8")
    assert runner.invoke(cli, ["import", url["lena"], str(speech)]).exit_code == 0
    with open_project(url["lena"]) as lead:
        before = lead.fetchall("SELECT annotator, count(*) FROM spans GROUP BY annotator")
    out = runner.invoke(cli, ["suggest", url["alice"]])
    assert out.exit_code != 0 and isinstance(out.exception, SystemExit), out.output
    assert "refused: your role in this team project may not do this" in out.output
    assert f"alice:***@127.0.0.1:{cluster.port}/{db}" in out.output and PASSWORDS["alice"] not in out.output
    with open_project(url["lena"]) as lead:
        assert lead.fetchall("SELECT annotator, count(*) FROM spans GROUP BY annotator") == before
    other = tmp_path / "other.txt"
    other.write_text("二、工作安排\n必须狠抓落实。\n", encoding="utf-8")
    out = runner.invoke(cli, ["import", url["alice"], str(other)])  # a lead's to import: one file failed
    assert out.exit_code != 0 and "refused: your role" in out.output and "other.txt" in out.output
    assert runner.invoke(cli, ["suggest", url["lena"]]).exit_code == 0  # the lead's is stored


def _team_of_three(cluster, tmp_path, monkeypatch, db: str):
    """A team project made through the CLI: two annotators (alice, bob) and a lead (lena); their URLs."""
    cluster.create_database(db)
    admin = f"postgresql://postgres@/{db}?host={cluster.root}&port={cluster.port}"
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    runner = CliRunner()
    assert runner.invoke(cli, ["team", "init", admin]).exit_code == 0
    passwords = {**PASSWORDS, "bob": "bob-Pw-5150"}
    for name, role in (("alice", "annotator"), ("bob", "annotator"), ("lena", "lead")):
        assert runner.invoke(cli, ["team", "add-member", admin, name, "--role", role, "--password-stdin"],
                             input=passwords[name] + "\n").exit_code == 0
    return runner, {name: f"postgresql://{name}:{pw}@127.0.0.1:{cluster.port}/{db}" for name, pw in passwords.items()}


def test_an_annotator_imports_her_own_labels_and_only_hers(cluster, tmp_path, monkeypatch):
    """`annotator import-labels URL FILE --annotator alice` as alice: her layer is stored (the import's
    event is hers too — a member may write only events of her own; it was refused at line 1); as bob's
    layer it is refused in a sentence; the lead sees hers, bob does not (blind by default)."""
    import json

    db = "clilabels"
    runner, url = _team_of_three(cluster, tmp_path, monkeypatch, db)
    text = "一、总体要求\n各级党委要切实加强领导，全年增长5.2%。\n"
    speech = tmp_path / "speech.txt"
    speech.write_text(text, encoding="utf-8")
    assert runner.invoke(cli, ["import", url["lena"], str(speech)]).exit_code == 0
    with open_project(url["lena"]) as lead:
        clean = documents.clean_text(lead, documents.document_ids(lead)[0])
    start = clean.index("各级党委")
    labels = tmp_path / "alice.jsonl"
    labels.write_text(json.dumps({"text": clean, "label": [[start, start + 4, "directive"]]}, ensure_ascii=False)
                      + "\n", encoding="utf-8")
    as_alice = ["import-labels", url["alice"], str(labels), "--format", "doccano", "--annotator"]
    out = runner.invoke(cli, [*as_alice, "alice"])
    assert out.exit_code == 0 and "spans added: 1" in out.output, out.output
    out = runner.invoke(cli, [*as_alice, "bob"])
    assert out.exit_code != 0 and "refused: your role" in out.output, out.output
    with open_project(url["lena"]) as lead:
        assert [(s.annotator, clean[s.start:s.end]) for s in spans.list_spans(lead, annotators=["alice", "bob"])] \
            == [("alice", "各级党委")]
        assert lead.fetchall("SELECT annotator FROM events WHERE annotator IN ('alice', 'bob')") == [("alice",)]
    with open_project(url["bob"]) as bob:
        assert spans.list_spans(bob, annotators=["alice"]) == []


def test_a_lead_opens_and_closes_the_annotators_view_of_each_other(cluster, tmp_path, monkeypatch):
    """Issue 16 point 2: "whether annotators may see each other's work is a project setting a lead
    changes" — `annotator team visibility URL open|blind` (before: a Python function nothing called)."""
    db = "clivisible"
    runner, url = _team_of_three(cluster, tmp_path, monkeypatch, db)
    with open_project(url["lena"]) as lead:
        doc, _ = documents.add_document(lead, clean_text="一、要坚持稳中求进。", raw_text="x", annotator="lena")
    with open_project(url["bob"]) as bob:
        spans.add_span(bob, Span(start=2, end=5, label="directive", annotator="bob", document_id=doc))

    def alice_sees() -> list[str]:
        with open_project(url["alice"]) as alice:
            return [s.annotator for s in spans.list_spans(alice, doc)]
    out = runner.invoke(cli, ["team", "visibility", url["alice"]])
    assert out.exit_code == 0 and out.output.startswith("blind"), out.output
    assert alice_sees() == []
    out = runner.invoke(cli, ["team", "visibility", url["alice"], "open"])  # not hers to change
    assert out.exit_code != 0 and "refused: your role" in out.output and PASSWORDS["alice"] not in out.output
    assert alice_sees() == []
    out = runner.invoke(cli, ["team", "visibility", url["lena"], "open"])
    assert out.exit_code == 0 and out.output.startswith("open"), out.output
    assert alice_sees() == ["bob"]
    assert runner.invoke(cli, ["team", "visibility", url["lena"], "blind"]).exit_code == 0
    assert alice_sees() == []
