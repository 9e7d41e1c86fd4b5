"""The trash on a team project (schema 0006 + row-level security): a lead deletes, restores and empties
through the app's own storage calls; an annotator sees no deleted text and can neither restore nor empty."""

from __future__ import annotations

import pytest

from annotator.services import trash as trash_service
from annotator.services.history import trash_history
from annotator.storage import document_trash, documents, open_project
from annotator.storage.errors import ProjectError


def _url(team, name: str) -> str:
    return team.cluster.url(name, team.dbname) + f"?passfile={team.passfile}&connect_timeout=5"


def test_lead_only_trash(team):
    with open_project(_url(team, "lena")) as lead:
        text = documents.clean_text(lead, team.doc_id)
        trashed = document_trash.trash_document(lead, team.doc_id, by="lena")
        assert [e.document_id for e in trash_service.list_trash(lead)] == [team.doc_id]
        assert [s.payload["trash_id"] for s in trash_history(lead, "lena")] == [trashed.trash_id]
    with open_project(_url(team, "alice")) as annotator:
        assert trash_service.list_trash(annotator) == []  # RLS: not even the titles
        with pytest.raises((ValueError, ProjectError)):
            trash_service.restore(annotator, trashed.trash_id, by="alice")
        assert trash_service.empty_trash(annotator, by="alice") == []  # sees nothing to remove
    with open_project(_url(team, "lena")) as lead:
        assert len(trash_service.list_trash(lead)) == 1  # the annotator removed nothing
        assert trash_service.restore(lead, trashed.trash_id, by="lena") == team.doc_id
        assert documents.clean_text(lead, team.doc_id) == text
        document_trash.trash_document(lead, team.doc_id, by="lena")
        assert [e.document_id for e in trash_service.empty_trash(lead, by="lena")] == [team.doc_id]
        assert trash_service.list_trash(lead) == [] and documents.get_document(lead, team.doc_id) is None
    with team.admin() as conn:  # the owner's view: nothing left in the table
        assert conn.execute("SELECT count(*) FROM trash").fetchone()[0] == 0


def test_a_team_project_migrated_to_0006_gets_the_trash_under_row_level_security(team):
    from annotator.storage.pg import schema as pg_schema

    with team.admin(autocommit=True) as conn:  # the project as a version before the trash left it
        conn.execute("DROP TABLE trash")
        conn.execute("DELETE FROM annotator_migrations WHERE name = '0006_document_trash'")
    with team.admin() as conn:  # the owner opens it with this version: the step runs
        assert pg_schema.migrate(conn) == ["0006_document_trash"]
        conn.commit()
        assert conn.execute("SELECT relrowsecurity FROM pg_class WHERE relname = 'trash'").fetchone()[0] is True
    with open_project(_url(team, "lena")) as lead:
        document_trash.trash_document(lead, team.doc_id, by="lena")
        assert len(trash_service.list_trash(lead)) == 1
    with open_project(_url(team, "alice")) as annotator:
        assert trash_service.list_trash(annotator) == []
