"""The outbox: edits made while the server is unreachable are kept, sent once, and conflicts are shown."""

from __future__ import annotations

import pytest

psycopg = pytest.importorskip("psycopg")

from annotator.domain.model import Span  # noqa: E402
from annotator.services import team_edits  # noqa: E402
from annotator.storage.outbox import Outbox, TeamLink  # noqa: E402
from annotator.storage.team_ops import Op, apply_op  # noqa: E402


class Switch:
    """A connect function whose server can be 'unplugged' (connection refused, as for a stopped server)."""

    def __init__(self, team, user):
        self.team, self.user, self.up = team, user, True

    def __call__(self):
        if not self.up:
            raise psycopg.OperationalError("connection refused (test: server unplugged)")
        return self.team.connect(self.user, autocommit=True)


def _link(team, user, tmp_path, name="outbox.sqlite3"):
    switch = Switch(team, user)
    link = TeamLink(f"postgresql://{user}@127.0.0.1/{team.dbname}", switch, Outbox(tmp_path / name))
    return link, switch


def _rows(team, sql, params=()):
    with team.admin() as conn:
        return conn.execute(sql, list(params)).fetchall()


def _span(team, start, who="alice", label="directive"):
    return Span(start=start, end=start + 2, label=label, annotator=who, document_id=team.doc_id)


def test_online_edit_is_on_the_server_and_a_resend_changes_nothing(team, tmp_path):
    link, _ = _link(team, "alice", tmp_path)
    span, saved = team_edits.add_span(link, _span(team, 0))
    assert saved.where == "server" and saved.outcome.outcome == "applied"
    op = Op("span.add", "alice", {"id": "x" * 32, "document_id": team.doc_id, "start": 5, "end": 7,
                                  "label": "statistic", "annotator": "alice", "status": "accepted", "attributes": {},
                                  "source": "manual", "provenance": {}, "created": "t", "updated": "t"})
    with team.connect("alice", autocommit=True) as conn:
        assert apply_op(conn, op).outcome == "applied"
        assert apply_op(conn, op).outcome == "duplicate"  # the acknowledgement was lost: sent again
    assert _rows(team, "SELECT count(*) FROM spans WHERE annotator = 'alice'") == [(2,)]
    assert _rows(team, "SELECT count(*) FROM events WHERE action = 'span.add'") == [(2,)]


def test_offline_edits_wait_durably_and_arrive_once_in_order(team, tmp_path):
    link, switch = _link(team, "alice", tmp_path)
    switch.up = False
    span, saved = team_edits.add_span(link, _span(team, 3))
    assert saved.where == "outbox" and link.pending_count() == 1
    assert "unreachable" in link.status()["last_error"]
    # Offline: update then remove the span that exists only in the outbox (its version will be 1, then 2).
    assert team_edits.update_span(link, span.id, 1, "alice", label="statistic").where == "outbox"
    team_edits.set_status(link, team.doc_id, "alice", "done")
    assert team_edits.remove_span(link, span.id, 2, "alice").where == "outbox"
    link.close()
    # Another process (the app restarted) finds the queue in the file.
    again = Outbox(tmp_path / "outbox.sqlite3")
    assert again.pending_count() == 4
    assert _rows(team, "SELECT count(*) FROM spans") == [(0,)]
    switch.up = True
    link2 = TeamLink(link.project, switch, again)
    assert link2.flush(force=True) == 4 and link2.pending_count() == 0
    assert link2.flush(force=True) == 0
    assert _rows(team, "SELECT action FROM events WHERE annotator = 'alice' ORDER BY id") == [
        ("span.add",), ("span.update",), ("document.status",), ("span.remove",)]
    assert _rows(team, "SELECT count(*), min(outcome) FROM team_ops") == [(4, "applied")]
    assert link2.conflicts() == []


def test_a_change_by_the_lead_meanwhile_is_a_conflict_not_an_overwrite(team, tmp_path):
    alice, switch = _link(team, "alice", tmp_path)
    lead, _ = _link(team, "lena", tmp_path, "lead.sqlite3")
    span, _ = team_edits.add_span(alice, _span(team, 10))
    other, _ = team_edits.add_span(alice, _span(team, 20))
    switch.up = False  # alice goes offline and edits both spans, seen at version 1
    alice.close()
    assert team_edits.update_span(alice, span.id, 1, "alice", label="statistic").where == "outbox"
    assert team_edits.remove_span(alice, other.id, 1, "alice").where == "outbox"
    # Meanwhile the lead fixes the first span's attributes and deletes the second.
    assert team_edits.update_span(lead, span.id, 1, "lena", attributes={"checked": True}).outcome.outcome == "applied"
    assert team_edits.remove_span(lead, other.id, 1, "lena").outcome.outcome == "applied"
    switch.up = True
    assert alice.flush(force=True) == 2 and alice.pending_count() == 0
    conflicts = {c["op_id"]: c for c in alice.conflicts()}
    assert len(conflicts) == 2 and {c["outcome"] for c in conflicts.values()} == {"conflict"}
    kinds = {c["kind"]: c["detail"] for c in conflicts.values()}
    assert "deleted" in kinds["span.remove"] and "changed by someone else (version 2" in kinds["span.update"]
    # The lead's change stands; alice's label did not overwrite it.
    assert _rows(team, "SELECT label, attributes, version FROM spans JOIN team_span_versions ON span_id = id"
                 " WHERE id = %s", [span.id]) == [
        ("directive", '{"checked": true}', 2)]
    alice.outbox.dismiss(next(iter(conflicts)))
    assert len(alice.conflicts()) == 1


def test_two_people_editing_the_same_span_at_once(team, tmp_path):
    alice, _ = _link(team, "alice", tmp_path)
    lead, _ = _link(team, "lena", tmp_path, "lead.sqlite3")
    span, _ = team_edits.add_span(alice, _span(team, 30))
    first = team_edits.update_span(lead, span.id, 1, "lena", status="accepted", attributes={"by": "lead"})
    second = team_edits.update_span(alice, span.id, 1, "alice", attributes={"by": "alice"})
    assert (first.outcome.outcome, second.outcome.outcome) == ("applied", "conflict")
    assert [c["kind"] for c in alice.conflicts()] == ["span.update"]
    assert _rows(team, "SELECT attributes FROM spans WHERE id = %s", [span.id]) == [('{"by": "lead"}',)]


def test_a_refused_edit_is_reported_not_retried(team, tmp_path):
    """alice tries to write into bob's layer: RLS refuses; the outbox records it and moves on."""
    alice, _ = _link(team, "alice", tmp_path)
    _, saved = team_edits.add_span(alice, _span(team, 40, who="bob"))
    assert saved.outcome.outcome == "refused" and "InsufficientPrivilege" in saved.outcome.detail
    assert alice.pending_count() == 0 and [c["outcome"] for c in alice.conflicts()] == ["refused"]
    assert _rows(team, "SELECT count(*) FROM spans") == [(0,)]


def test_a_save_that_cannot_be_made_durable_raises(team, tmp_path):
    link, switch = _link(team, "alice", tmp_path)
    switch.up = False
    link.outbox.close()  # the outbox cannot be written (standing in for a full disk)
    with pytest.raises(Exception):
        team_edits.add_span(link, _span(team, 50))
