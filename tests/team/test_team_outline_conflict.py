"""Two leads correct the same document's outline while the server is away (issue 16, point 3).

Each correction is made to the outline on that lead's screen and carries it (a fingerprint). The first to
arrive is applied; the second was made to an outline that no longer exists on the server, so it becomes
a conflict listed in that lead's conflicts (code ``outline.changed``) — the first lead's outline is kept
whole, never overwritten by an outline computed without it. An undo that would drop a later correction
of someone else is a conflict as well. Qt-free: services/team_edits.DesktopWriter on a PgProject.
"""

from __future__ import annotations

import pytest

pytest.importorskip("psycopg")

pytestmark = pytest.mark.team
TEXT = "第0篇。\n一、要坚持稳中求进。\n二、全年增长百分之五。\n三、深化改革。\n"
LEADS = {"alice": "annotator", "lena": "lead", "lars": "lead"}


def _writer(team, who, tmp_path):
    from annotator.services.team_edits import DesktopWriter
    from annotator.storage.outbox import Outbox
    from annotator.storage.pg.backend import PgProject

    url = team.cluster.url(who, team.dbname) + f"?passfile={team.passfile}&connect_timeout=3"
    return DesktopWriter.for_project(PgProject(url, create=False), Outbox(tmp_path / f"{who}.outbox"))


def _server_outline(team):
    with team.admin() as conn:
        return conn.execute('SELECT marker, start, level FROM sections WHERE document_id = %s ORDER BY ord',
                            [team.doc_id]).fetchall()


@pytest.fixture
def leads(cluster, tmp_path, team_maker):
    from annotator.storage import sections as section_store
    from annotator.structure.outline import parse_outline

    team = team_maker(cluster, tmp_path, LEADS)
    with team.admin(autocommit=True) as conn:
        conn.execute("UPDATE documents SET clean_text = %s, raw_text = %s, char_count = %s WHERE id = %s",
                     [TEXT, TEXT, len(TEXT), team.doc_id])
    lena, lars = _writer(team, "lena", tmp_path), _writer(team, "lars", tmp_path)
    section_store.save_sections(lena.project, team.doc_id, parse_outline(TEXT), annotator="lena")
    yield team, lena, lars
    for w in (lena, lars):
        w.close()
        w.project.close()
    if not team.cluster.running():
        team.cluster.start()
        team.cluster.wait_ready()


def test_the_second_offline_correction_is_a_conflict_not_an_overwrite(leads):
    from annotator.storage import sections as section_store

    team, lena, lars = leads
    shown_lena = section_store.get_sections(lena.project, team.doc_id)  # what each window shows
    shown_lars = section_store.get_sections(lars.project, team.doc_id)
    assert [s.marker for s in shown_lena] == ["一、", "二、", "三、"]

    team.cluster.stop()
    _e, mine, where_lena = lena.outline_edit(team.doc_id, {"op": "remove", "anchor": shown_lena[1].start,
                                                           "payload": {}}, TEXT, shown_lena, "lena")
    _e, theirs, where_lars = lars.outline_edit(team.doc_id, {"op": "shift", "anchor": shown_lars[2].start,
                                                             "payload": {"delta": 1}}, TEXT, shown_lars, "lars")
    assert (where_lena, where_lars) == ("outbox", "outbox")
    assert [s.marker for s in mine] == ["一、", "三、"] and [s.level for s in theirs] == [1, 1, 2]
    team.cluster.start()
    team.cluster.wait_ready()

    assert lena.flush() == 1 and lars.flush() == 1
    assert lena.pending() == lars.pending() == 0
    assert not lena.conflicts()
    conflicts = lars.conflicts()
    assert [(c["kind"], c["outcome"], c["code"]) for c in conflicts] == [("outline.edit", "conflict",
                                                                          "outline.changed")]
    assert "corrected by someone else" in conflicts[0]["detail"]
    # lena's outline, whole: lars's shift (computed without her removal) did not replace it
    assert _server_outline(team) == [("一、", 5, 1), ("三、", 28, 1)]
    with team.admin() as conn:
        edits = conn.execute("SELECT annotator, op FROM section_edits WHERE document_id = %s",
                             [team.doc_id]).fetchall()
        ops = dict(conn.execute("SELECT annotator, outcome FROM team_ops WHERE kind = 'outline.edit'").fetchall())
    assert edits == [("lena", "remove")]
    assert ops == {"lena": "applied", "lars": "conflict"}  # recorded once each: a resend changes nothing


def test_undoing_a_correction_that_another_lead_built_on_is_a_conflict(leads):
    from annotator.services.team_edits import TeamRefused
    from annotator.storage import sections as section_store

    team, lena, lars = leads
    shown = section_store.get_sections(lena.project, team.doc_id)
    edit, after_lena, where = lena.outline_edit(team.doc_id, {"op": "remove", "anchor": shown[1].start, "payload": {}},
                                                TEXT, shown, "lena")
    assert where == "server"
    seen_by_lars = section_store.get_sections(lars.project, team.doc_id)
    _e, after_lars, where = lars.outline_edit(team.doc_id, {"op": "shift", "anchor": seen_by_lars[1].start,
                                                            "payload": {"delta": 1}}, TEXT, seen_by_lars, "lars")
    assert where == "server" and [s.level for s in after_lars] == [1, 2]
    # lena takes hers back, offline: the outline it would restore has no place for lars's correction
    team.cluster.stop()
    assert lena.outline_undo(team.doc_id, edit, shown, "lena") == "outbox"
    team.cluster.start()
    team.cluster.wait_ready()
    assert lena.flush() == 1
    assert [c["code"] for c in lena.conflicts()] == ["outline.changed"]
    assert _server_outline(team) == [("一、", 5, 1), ("三、", 28, 2)]  # lars's outline stands
    # online, the same undo is refused at once and listed
    with pytest.raises(TeamRefused, match="corrected by someone else"):
        lena.outline_undo(team.doc_id, edit, shown, "lena")
    assert _server_outline(team) == [("一、", 5, 1), ("三、", 28, 2)]


def test_one_leads_chain_of_offline_corrections_all_arrive(leads):
    """Each correction names the outline the one before it gave: none of them is taken for another
    lead's change (the fingerprint is of the outline as the server stores it)."""
    from annotator.storage import sections as section_store

    team, lena, _lars = leads
    shown = section_store.get_sections(lena.project, team.doc_id)
    team.cluster.stop()
    _e, first, where1 = lena.outline_edit(team.doc_id, {"op": "shift", "anchor": shown[2].start,
                                                        "payload": {"delta": 1}}, TEXT, shown, "lena")
    _e, second, where2 = lena.outline_edit(team.doc_id, {"op": "remove", "anchor": first[0].start, "payload": {}},
                                           TEXT, first, "lena")
    assert (where1, where2) == ("outbox", "outbox")
    team.cluster.start()
    team.cluster.wait_ready()
    assert lena.flush() == 2 and not lena.conflicts()
    assert _server_outline(team) == [(s.marker, s.start, s.level) for s in second]
