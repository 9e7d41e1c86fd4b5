"""An annotator's window on a team project asks the server only for what their role may do (issue 16
point 2 from the seat). Found by walking the window as alice: every document she opened without
suggestions started a suggestion run — a write of the suggester's layer, which is a lead's — and the
status bar said "Suggestions failed: PermissionRefused: postgresql://…"; "Delete document" asked her to
confirm and then said the server refused. Now the window says at once what only a lead does."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from annotator.storage import documents  # noqa: E402


def _suggestions(team) -> int:
    with team.admin() as conn:
        return conn.execute("SELECT count(*) FROM spans WHERE annotator = '@suggester'").fetchone()[0]


def test_an_annotator_is_not_made_to_run_suggestions_and_a_lead_is(team, member_window, qtbot):
    window, _ = member_window("alice")
    started = []
    window.jobs._start = lambda worker: started.append(worker)  # nothing may even be started for her
    window.actions_["run_suggestions"].trigger()
    assert started == [] and "a lead makes them" in window.statusBar().currentMessage()
    lead, _ = member_window("lena")
    qtbot.waitUntil(lambda: _suggestions(team) > 0, timeout=30_000)  # the lead's window made them on open
    assert "failed" not in lead.statusBar().currentMessage()


def test_deleting_or_importing_is_refused_before_any_confirmation(team, member_window, tmp_path, qtbot,
                                                                  monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    window, _ = member_window("alice")
    window.navigation.delete_document(team.doc_id)
    assert asked == [] and "not deleted" in window.team_refusal and "Only a lead" in window.team_refusal
    speech = tmp_path / "speech.txt"
    speech.write_text("一、总体要求\n要坚持稳中求进。\n", encoding="utf-8")
    window.team_refusal = ""
    window.jobs.import_paths([str(speech)])
    assert "Nothing was imported" in window.team_refusal and "Only a lead" in window.team_refusal
    with team.admin() as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert documents.document_ids(window.session.project) == [team.doc_id]
