"""A conflict found on the direct path is never a queued edit, not even for an instant (issue 16 point 4).

The flaky-once GUI test (test_team_gui.py::test_a_lead_change_makes_the_edit_a_conflict_that_is_shown:
after "Dismiss" the conflict was listed again) came from this: the direct path kept its conflict by
putting the edit in the outbox's queue and then settling it, two transactions. The window's worker —
woken by the lead's own NOTIFY at that very moment — could read the queue in between and send the edit
again; its late answer re-wrote the conflict row after the member had dismissed it (and the server
worked on an edit that was already refused). Here the worker is made to stand in that gap on purpose:
a flush thread that holds each answer until the member has dismissed the conflict.
"""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("psycopg")

pytestmark = pytest.mark.team


@pytest.fixture
def alice(team, tmp_path):
    from annotator.services.team_edits import DesktopWriter
    from annotator.storage.outbox import Outbox
    from annotator.storage.pg.backend import PgProject

    url = team.cluster.url("alice", team.dbname) + f"?passfile={team.passfile}&connect_timeout=3"
    project = PgProject(url, create=False)
    writer = DesktopWriter.for_project(project, Outbox(tmp_path / "alice.outbox"))
    yield writer
    writer.close()
    project.close()


def _worker_in_the_gap(writer, monkeypatch):
    """Every ``outbox.put`` lets a flush (the window's worker) read the queue before the caller goes on;
    the worker's answers are held until ``release`` is set. Returns (release, what the worker sent)."""
    from annotator.storage import outbox as outbox_module

    sent, release, picked = [], threading.Event(), threading.Event()
    real_apply, real_put = outbox_module.apply_op, writer.link.outbox.put

    def held_apply(conn, op):
        sent.append(op.kind)
        picked.set()
        outcome = real_apply(conn, op)
        release.wait(10)
        return outcome

    def put_then_worker(project, op):
        real_put(project, op)
        worker = threading.Thread(target=lambda: writer.link.flush(force=True), daemon=True)
        worker.start()
        picked.wait(2)  # the worker has read the queue (or found nothing to send)
        threads.append(worker)

    threads: list[threading.Thread] = []
    monkeypatch.setattr(outbox_module, "apply_op", held_apply)
    monkeypatch.setattr(writer.link.outbox, "put", put_then_worker)
    return release, sent, threads


@pytest.mark.parametrize("edit", ["update", "remove"])
def test_a_direct_conflict_is_never_sent_again_and_stays_dismissed(team, alice, monkeypatch, edit):
    from annotator.domain.model import Span
    from annotator.storage import spans as span_store

    span, saved = alice.add_span(Span(document_id=team.doc_id, start=0, end=4, label="directive", annotator="alice"))
    assert saved == "server"
    with team.connect("lena") as lead:
        lead.execute("UPDATE spans SET label = 'statistic', updated = '2030-01-01T00:00:00.000Z' WHERE id = %s",
                     [span.id])
    release, sent, threads = _worker_in_the_gap(alice, monkeypatch)
    with pytest.raises(span_store.SpanConflict):
        if edit == "update":
            alice.update_span(span.id, "alice", span, start=1)
        else:
            alice.remove_span(span, "alice", span)
    [conflict] = alice.conflicts()
    alice.dismiss(conflict["op_id"])
    release.set()
    for worker in threads:
        worker.join(10)
    assert alice.conflicts() == [] and alice.pending() == 0  # dismissed stays dismissed
    assert sent == []  # the refused edit never went out a second time
    with team.admin() as conn:
        assert conn.execute('SELECT label, start FROM spans WHERE id = %s', [span.id]).fetchone() == ("statistic", 0)


def test_a_refused_operation_on_the_direct_path_is_never_sent_again(team, alice, monkeypatch):
    """The same gap on the operations path (notes, titles…): a note edit over someone else's change."""
    from annotator.services.team_edits import TeamRefused

    note = alice.new_comment(team.doc_id, "第一稿", "alice")
    assert alice.add_comment(note) == "server"
    with team.admin() as conn:
        conn.execute("UPDATE comments SET body = '别人改过', updated = '2030-01-01T00:00:00.000Z' WHERE id = %s",
                     [note.id])
    release, sent, threads = _worker_in_the_gap(alice, monkeypatch)
    with pytest.raises(TeamRefused):
        alice.edit_comment(note, "第二稿", "alice")
    [conflict] = alice.conflicts()
    alice.dismiss(conflict["op_id"])
    release.set()
    for worker in threads:
        worker.join(10)
    assert alice.conflicts() == [] and alice.pending() == 0
    assert sent == []
    with team.admin() as conn:
        assert conn.execute("SELECT body FROM comments WHERE id = %s", [note.id]).fetchone()[0] == "别人改过"
