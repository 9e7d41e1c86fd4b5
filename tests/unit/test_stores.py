"""Project targets (services/stores.py): a worker gets a factory; a URL is never folded into a path."""

from __future__ import annotations

from pathlib import Path

from annotator.services import stores


def test_a_url_stays_a_url_and_a_path_a_path(tmp_path):
    url = "postgresql://ann@db.example.org:5433/speeches"
    assert stores.target_of(url) == url and str(Path(url)) != url  # what Path would have done to it
    assert stores.target_of(tmp_path / "p.db") == tmp_path / "p.db"
    assert stores.is_url(url) and not stores.is_url(tmp_path / "p.db")


def test_remembered_targets_keep_no_password(tmp_path):
    assert stores.remembered("postgresql://ann:s3cret@db.example.org:5433/speeches?sslmode=require") == \
        "postgresql://ann@db.example.org:5433/speeches?sslmode=require"
    assert stores.remembered("postgresql://db.example.org/speeches") == "postgresql://db.example.org/speeches"
    relative = Path("p.db")
    assert stores.remembered(relative) == str(relative.resolve())
    assert stores.same_target(tmp_path / "a" / ".." / "p.db", tmp_path / "p.db")


def test_still_there(tmp_path):
    assert not stores.still_there(tmp_path / "gone.db")
    (tmp_path / "here.db").write_bytes(b"")
    assert stores.still_there(tmp_path / "here.db") and stores.still_there("postgresql://h/db")


def test_the_factory_opens_the_same_project_each_call(tmp_path):
    from annotator.storage import documents, open_project

    path = tmp_path / "p.db"
    with open_project(path) as project:
        factory = stores.factory_for(project)
        with factory() as other:
            assert other is not project and documents.document_count(other) == 0
