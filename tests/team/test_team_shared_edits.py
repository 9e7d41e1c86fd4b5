"""Every kind of edit the desktop app makes goes through the outbox (issue 16 point 4, beyond spans).

Notes (add, edit, remove, restore) by an annotator; document titles, guidelines and outline corrections
by a lead. The server is stopped, each kind of edit is made, it comes back: every edit is applied exactly
once, and sending them all again (a lost acknowledgement) changes nothing. A lead's change meanwhile
makes the annotator's note edit a conflict that is listed; an annotator's title, guideline or outline
edit is refused at once, never queued. Qt-free: services/team_edits.DesktopWriter on a PgProject.
"""

from __future__ import annotations

import pytest

pytest.importorskip("psycopg")

from annotator.domain.model import Span  # noqa: E402

pytestmark = pytest.mark.team


def _writer(team, who, tmp_path):
    from annotator.services.team_edits import DesktopWriter
    from annotator.storage.outbox import Outbox
    from annotator.storage.pg.backend import PgProject

    url = team.cluster.url(who, team.dbname) + f"?passfile={team.passfile}&connect_timeout=3"
    project = PgProject(url, create=False)
    return DesktopWriter.for_project(project, Outbox(tmp_path / f"{who}.outbox"))


def _count(team, sql, params=()):
    with team.admin() as conn:
        return conn.execute(sql, params).fetchone()[0]


def _restart(team):
    team.cluster.start()
    team.cluster.wait_ready()


def test_each_kind_of_edit_made_offline_arrives_exactly_once(team, tmp_path):
    from annotator.domain.model import Section
    from annotator.storage.team_ops import apply_op

    alice, lena = _writer(team, "alice", tmp_path), _writer(team, "lena", tmp_path)
    try:
        assert alice.member.ready and not alice.member.lead and lena.member.lead
        kept = alice.new_comment(team.doc_id, "这里要核对：𠮷 😀", "alice")
        assert alice.add_comment(kept) == "server"  # online: on the server when the call returns
        gone = alice.new_comment(team.doc_id, "稍后删除", "alice")
        assert alice.add_comment(gone) == "server"
        old_title = "doc 0"

        team.cluster.stop()
        made = {}
        note = alice.new_comment(team.doc_id, "离线时写的批注", "alice")
        made["comment.add"] = alice.add_comment(note)
        _edited, made["comment.edit"] = alice.edit_comment(kept, "核对过了\r\n第二行", "alice")
        made["comment.remove"] = alice.remove_comment(gone, "alice")
        made["span.add"] = alice.add_span(Span(document_id=team.doc_id, start=0, end=4, label="directive",
                                               annotator="alice"))[1]
        made["doc.title"] = lena.rename_document(team.doc_id, "  新 标题  ", old_title, "lena")
        made["guidelines.set"] = lena.set_guidelines("# 标注规范\n\n要坚持……", "", "lena")
        doc_text = "第0篇。一、要坚持稳中求进。二、全年增长百分之五。" * 3
        shown = [Section(level=1, marker="一、", title="要坚持稳中求进", start=4, end=len(doc_text),
                         title_start=6, title_end=13)]
        edit, sections, made["outline.edit"] = lena.outline_edit(
            team.doc_id, {"op": "add", "anchor": 14, "payload": {"level": 1, "marker_end": 16, "title_end": 24}},
            doc_text, shown, "lena")
        assert [s.start for s in sections] == [4, 14]  # the outline the lead sees at once, offline
        assert set(made.values()) == {"outbox"}, made
        assert alice.pending() == 4 and lena.pending() == 3

        _restart(team)
        assert alice.flush() == 4 and lena.flush() == 3
        assert alice.pending() == lena.pending() == 0 and not alice.conflicts() and not lena.conflicts()

        def state():
            return {
                "comments": _count(team, "SELECT count(*) FROM comments"),
                "offline note": _count(team, "SELECT count(*) FROM comments WHERE id = %s AND body = %s",
                                       [note.id, "离线时写的批注"]),
                "edited note": _count(team, "SELECT body FROM comments WHERE id = %s", [kept.id]),
                "removed note": _count(team, "SELECT count(*) FROM comments WHERE id = %s", [gone.id]),
                "spans": _count(team, "SELECT count(*) FROM spans"),
                "title": _count(team, "SELECT title FROM documents WHERE id = %s", [team.doc_id]),
                "guidelines": _count(team, "SELECT value FROM project_meta WHERE key = 'guidelines_md'"),
                "corrections": _count(team, "SELECT count(*) FROM section_edits"),
                "sections": _count(team, "SELECT count(*) FROM sections WHERE document_id = %s", [team.doc_id]),
                "events": _count(team, "SELECT count(*) FROM events"),
                "ops": _count(team, "SELECT count(*) FROM team_ops"),
            }

        first = state()
        assert first["comments"] == 2 and first["offline note"] == 1 and first["removed note"] == 0
        assert first["edited note"] == "核对过了\r\n第二行" and first["spans"] == 1
        assert first["title"] == "新 标题" and first["guidelines"].startswith("# 标注规范")
        assert first["corrections"] == 1 and first["sections"] == 2
        queued = [op.op_id for op in _queued_ops(alice, lena)]
        per_kind = dict(_rows(team, "SELECT kind, count(*) FROM team_ops WHERE outcome = 'applied'"
                                    " AND op_id = ANY(%s) GROUP BY kind", [queued]))
        for kind in made:
            assert per_kind.get(kind) == 1, (kind, per_kind)
        print("applied once per kind:", per_kind)

        # the acknowledgements were lost: every operation is sent again, and the server changes nothing
        with team.connect("lena") as conn:
            conn.autocommit = True
            ops = _queued_ops(alice, lena)
            assert len(ops) == 7
            assert all(apply_op(conn, op).outcome == "duplicate" for op in ops)
        assert state() == first
    finally:
        alice.close(), lena.close()
        alice.project.close(), lena.project.close()
        if not team.cluster.running():
            _restart(team)


def _rows(team, sql, params=()):
    with team.admin() as conn:
        return conn.execute(sql, params).fetchall()


def _queued_ops(*writers):
    """The operations each writer queued (kept by the test's spy below)."""
    return [op for w in writers for op in getattr(w, "_sent_log", [])]


@pytest.fixture(autouse=True)
def _spy_queue(monkeypatch):
    """Remember every operation put in an outbox, so a test can send them all a second time."""
    from annotator.services import team_edits

    original = team_edits.DesktopWriter._queue

    def queue(self, op):
        self.__dict__.setdefault("_sent_log", []).append(op)
        return original(self, op)
    monkeypatch.setattr(team_edits.DesktopWriter, "_queue", queue)


def test_a_leads_change_to_a_note_meanwhile_is_a_conflict_shown_not_overwritten(team, tmp_path):
    alice, lena = _writer(team, "alice", tmp_path), _writer(team, "lena", tmp_path)
    try:
        note = alice.new_comment(team.doc_id, "原文", "alice")
        alice.add_comment(note)
        team.cluster.stop()
        assert alice.edit_comment(note, "我的修改", "alice")[1] == "outbox"
        _restart(team)
        with team.connect("lena") as conn:  # the lead rewrites the note before alice's edit arrives
            conn.execute("UPDATE comments SET body = '组长的修改', updated = '2030-01-01T00:00:00.000Z' WHERE id = %s",
                         [note.id])
        alice.flush()
        assert alice.pending() == 0
        assert _count(team, "SELECT body FROM comments WHERE id = %s", [note.id]) == "组长的修改"
        conflicts = alice.conflicts()
        assert [c["kind"] for c in conflicts] == ["comment.edit"]
        assert "changed by someone else" in conflicts[0]["detail"]
        # online, a stale note edit is refused at once and listed as well
        from annotator.services.team_edits import TeamRefused

        with pytest.raises(TeamRefused, match="changed by someone else"):
            alice.edit_comment(note, "再改一次", "alice")
        assert len(alice.conflicts()) == 2
        # and another person's title rename meanwhile is a conflict for the lead
        with team.admin() as conn:
            conn.execute("UPDATE documents SET title = '别人改的' WHERE id = %s", [team.doc_id])
        with pytest.raises(TeamRefused, match="renamed by someone else"):
            lena.rename_document(team.doc_id, "我的标题", "doc 0", "lena")
        assert _count(team, "SELECT title FROM documents WHERE id = %s", [team.doc_id]) == "别人改的"
    finally:
        alice.close(), lena.close()
        alice.project.close(), lena.project.close()
        if not team.cluster.running():
            _restart(team)


def test_an_annotators_lead_only_edit_is_refused_at_once_online_and_offline(team, tmp_path):
    from annotator.domain.model import Section
    from annotator.services.team_edits import TeamRefused

    alice = _writer(team, "alice", tmp_path)
    try:
        for offline in (False, True):
            if offline:
                team.cluster.stop()
            with pytest.raises(TeamRefused, match="only a lead"):
                alice.rename_document(team.doc_id, "改名", "doc 0", "alice")
            with pytest.raises(TeamRefused, match="only a lead"):
                alice.set_guidelines("规范", "", "alice")
            with pytest.raises(TeamRefused, match="only a lead"):
                alice.outline_edit(team.doc_id, {"op": "remove", "anchor": 4, "payload": {}}, "x" * 60,
                                   [Section(level=1, marker="一、", title="t", start=4, end=60)], "alice")
            assert alice.pending() == 0  # nothing queued to be refused later, nothing waits forever
        _restart(team)
        assert _count(team, "SELECT title FROM documents WHERE id = %s", [team.doc_id]) == "doc 0"
        assert _count(team, "SELECT count(*) FROM section_edits") == 0
    finally:
        alice.close()
        alice.project.close()
        if not team.cluster.running():
            _restart(team)


def test_a_lead_only_op_that_reaches_the_server_from_an_annotator_is_refused_not_retried(team, tmp_path):
    """An outbox written by an older app (or a member demoted meanwhile): RLS refuses, the op is listed."""
    from annotator.storage.outbox import Outbox, TeamLink
    from annotator.storage.team_ops import Op

    link = TeamLink("alice", lambda: team.connect("alice"), Outbox(tmp_path / "old.outbox"))
    link.outbox.put(link.project, Op("doc.title", "alice", {"document_id": team.doc_id, "title": "偷改"}))
    link.outbox.put(link.project, Op("guidelines.set", "alice", {"markdown": "偷改"}))
    assert link.flush(force=True) == 2 and link.pending_count() == 0
    assert {c["outcome"] for c in link.conflicts()} == {"refused"}
    assert _count(team, "SELECT title FROM documents WHERE id = %s", [team.doc_id]) == "doc 0"
    link.close()
