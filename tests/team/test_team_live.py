"""Live: what others did appears without restarting, within what each role may see, and the cursor
never skips a change that commits late."""

from __future__ import annotations

import pytest

psycopg = pytest.importorskip("psycopg")

from annotator.domain.model import Span  # noqa: E402
from annotator.services import team_edits  # noqa: E402
from annotator.services.live import LiveFeed, wait_for  # noqa: E402
from annotator.storage.outbox import Outbox, TeamLink  # noqa: E402


def _link(team, user, tmp_path):
    return TeamLink(f"{user}@{team.dbname}", lambda: team.connect(user, autocommit=True),
                    Outbox(tmp_path / f"{user}.sqlite3"))


def _feed(team, user, **kw):
    return LiveFeed(lambda: team.connect(user), **kw)


def test_lead_sees_an_annotators_new_span_and_progress(team, tmp_path):
    lead = _feed(team, "lena", poll_s=5.0)
    alice = _link(team, "alice", tmp_path)
    span, _ = team_edits.add_span(alice, Span(start=0, end=2, label="directive", annotator="alice",
                                              document_id=team.doc_id))
    team_edits.set_status(alice, team.doc_id, "alice", "done")
    assert lead.wait(10.0)  # the NOTIFY woke the lead up (no 5 s poll needed)
    seen = wait_for(lead, lambda c: c.action == "document.status", 10.0)
    assert seen is not None and seen.db_role == "alice"
    assert lead.poll() == []  # nothing twice
    assert dict((d, (done, started)) for d, done, started in lead.progress())[team.doc_id] == (1, 1)
    lead.close()


def test_blind_annotator_sees_counts_and_suggestions_but_not_a_colleagues_work(team, tmp_path):
    bob = _feed(team, "bob", poll_s=0.5)
    alice = _link(team, "alice", tmp_path)
    team_edits.add_span(alice, Span(start=0, end=2, label="directive", annotator="alice", document_id=team.doc_id))
    team_edits.set_status(alice, team.doc_id, "alice", "done")
    with team.connect("lena", autocommit=True) as conn:  # the lead runs the suggester
        conn.execute("INSERT INTO events (ts, annotator, action, document_id) VALUES ('now', '@suggester',"
                     " 'suggest.run', %s)", [team.doc_id])
    seen = wait_for(bob, lambda c: c.action == "suggest.run", 10.0)
    assert seen is not None
    assert all(c.annotator != "alice" for c in bob.poll())
    with team.admin() as conn:
        alice_events = conn.execute("SELECT count(*) FROM events WHERE annotator = 'alice'").fetchone()[0]
    assert alice_events == 2  # they exist; bob's feed just may not show them
    progress = {d: (done, started) for d, done, started in bob.progress()}
    assert progress[team.doc_id] == (1, 1)  # …but the team's progress is visible as counts
    bob.close()


def test_a_change_that_commits_late_is_not_skipped(team):
    """Transaction A takes an event id, B takes a later one and commits first: the feed must deliver
    both, each once, whatever the order of commits."""
    feed = _feed(team, "lena", from_now=False)
    feed.poll()
    a = team.connect("lena")
    b = team.connect("lena", autocommit=True)
    a.execute("INSERT INTO events (ts, annotator, action) VALUES ('now', 'lena', 'first-id')")
    b.execute("INSERT INTO events (ts, annotator, action) VALUES ('now', 'lena', 'second-id')")
    early = [c.action for c in feed.poll()]
    assert "first-id" not in early
    a.commit()
    late = [c.action for c in feed.poll()] + [c.action for c in feed.poll()]
    delivered = early + late
    assert sorted(delivered) == ["first-id", "second-id"], delivered
    a.close(), b.close(), feed.close()


def test_feed_is_bounded_per_read(team):
    with team.admin(autocommit=True) as conn:
        conn.execute("INSERT INTO events (ts, annotator, action) SELECT 'now', 'lena', 'bulk' FROM generate_series(1, 25)")
    feed = _feed(team, "lena", from_now=False, limit=10)
    sizes = [len(feed.poll()) for _ in range(4)]
    assert sizes == [10, 10, 5, 0]
    feed.close()


def test_agreement_heat_is_the_pooled_pairwise_f1(team):
    """Three annotators on one document, checked against the pairwise definition by hand."""
    from annotator.storage.team_ops import agreement_heat, section_heat  # noqa: PLC0415

    layers = {"alice": [(0, 2, "directive"), (5, 9, "statistic"), (10, 12, "directive")],
              "bob": [(0, 2, "directive"), (5, 9, "statistic")],
              "lena": [(0, 2, "directive"), (5, 8, "statistic")]}
    with team.admin(autocommit=True) as conn:
        for who, spans in layers.items():
            for i, (s, e, label) in enumerate(spans):
                conn.execute('INSERT INTO spans (id, document_id, start, "end", label, annotator, status, created,'
                             " updated) VALUES (%s, %s, %s, %s, %s, %s, 'accepted', 't', 't')",
                             [f"{who}{i}", team.doc_id, s, e, label, who])
    pairs = [("alice", "bob"), ("alice", "lena"), ("bob", "lena")]
    matches = sum(len(set(layers[a]) & set(layers[b])) for a, b in pairs)
    sizes = sum(len(layers[a]) + len(layers[b]) for a, b in pairs)
    with team.connect("lena") as conn:
        heat = agreement_heat(conn)
    assert heat == [(team.doc_id, 3, 7, pytest.approx(2 * matches / sizes))]
    with team.connect("alice") as conn:  # a blind annotator sees only their own layer: no pairs
        assert agreement_heat(conn) == [(team.doc_id, 1, 3, None)]
    # On the outline: section 0 = [0, 5), section 1 = [5, 20) with a subsection 2 = [9, 20).
    with team.admin(autocommit=True) as conn:
        for ord_, level, start, end in ((0, 1, 0, 5), (1, 1, 5, 20), (2, 2, 9, 20)):
            conn.execute('INSERT INTO sections (document_id, ord, level, marker, title, start, "end", title_start,'
                         " title_end) VALUES (%s, %s, %s, '一、', 't', %s, %s, %s, %s)",
                         [team.doc_id, ord_, level, start, end, start, start + 1])
    with team.connect("lena") as conn:
        heat = {sec: (coders, n, f1) for sec, coders, n, f1 in section_heat(conn, team.doc_id)}
    assert heat[0] == (3, 3, 1.0)  # (0, 2, directive) by all three
    assert heat[1] == (3, 3, pytest.approx(2 * 1 / (2 * 3)))  # [5, 9) by alice and bob; [5, 8) by lena
    assert heat[2] == (1, 1, None)  # alice's (10, 12) alone, in the subsection
