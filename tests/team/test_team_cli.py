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
