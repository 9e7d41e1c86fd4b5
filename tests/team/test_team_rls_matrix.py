"""Row-level security, cell by cell: role × table × whose row × operation, from one table of expectations.

Each case connects as a real member (alice: annotator, lena: lead, and alice again after the lead has
opened the project to mutual viewing), runs one SELECT / INSERT / UPDATE / DELETE in a transaction that
is rolled back, and classifies the outcome:
- allowed: the row is visible (SELECT) or exactly one row changed / was inserted;
- refused: PostgreSQL said "permission denied" or "violates row-level security policy" (42501), or the
  statement saw no row (RLS hides it: a hidden row cannot be updated or deleted either).
Any other error fails the test: a refusal must come from the security rules, not from bad test data.
"""

from __future__ import annotations

import uuid

import pytest

psycopg = pytest.importorskip("psycopg")

from annotator.storage.pg import security  # noqa: E402

A, O, L = "annotator", "open", "lead"  # alice; alice in an open project; lena
ALL = {A, O, L}
SHARED_TABLES = ("documents", "sections", "section_edits", "labels", "project_meta", "documents_words",
                 "annotator_migrations")

# (table, whose row, operation) -> who may.  whose: own | other (another annotator's; for the lead, an
# annotator's) | @gold | @suggester | shared | new (a row nobody has yet).
EXPECT: dict[tuple[str, str, str], set[str]] = {}
for _t in ("spans", "doc_status", "comments"):
    EXPECT |= {(_t, "own", op): ALL for op in ("select", "insert", "update", "delete")}
    EXPECT |= {(_t, "other", "select"): {O, L}} | {(_t, "other", op): {L} for op in ("insert", "update", "delete")}
EXPECT |= {("spans", "@gold", op): {L} for op in ("select", "insert", "update", "delete")}
EXPECT |= {("spans", "@suggester", "select"): ALL}
EXPECT |= {("spans", "@suggester", op): {L} for op in ("insert", "update", "delete")}
EXPECT |= {("spans", "own", "reassign"): {L}, ("spans", "own", "mark_gold"): {L}}
for _t in ("events", "team_ops"):  # append-only: nobody updates or deletes, not even a lead
    EXPECT |= {(_t, "own", "select"): ALL, (_t, "own", "insert"): ALL,
               (_t, "other", "select"): {O, L}, (_t, "other", "insert"): {L}}
    EXPECT |= {(_t, whose, op): set() for whose in ("own", "other") for op in ("update", "delete")}
EXPECT |= {("events", "@suggester", "select"): ALL, ("events", "@suggester", "insert"): {L}}
for _t in SHARED_TABLES:
    EXPECT |= {(_t, "shared", "select"): ALL} | {(_t, "shared", op): {L} for op in ("insert", "update", "delete")}
# The trash (deleted documents, schema step 0006): a lead's alone, even to read.
EXPECT |= {("trash", "shared", op): {L} for op in ("select", "insert", "update", "delete")}
EXPECT |= {("annotators", "shared", "select"): ALL, ("annotators", "new", "insert"): {L},
           ("annotators", "shared", "update"): {L}, ("annotators", "shared", "delete"): {L}}
EXPECT |= {("team_members", "own", "select"): ALL, ("team_members", "other", "select"): {L}}
EXPECT |= {("team_members", whose, op): set() for whose in ("own", "other") for op in ("update", "delete")}
EXPECT |= {("team_members", "new", "insert"): set()}
# Server-side facts (written by triggers only): readable where the row they describe is readable.
EXPECT |= {("team_span_versions", w, "select"): EXPECT[("spans", w, "select")]
           for w in ("own", "other", "@gold", "@suggester")}
EXPECT |= {("team_event_audit", w, "select"): EXPECT[("events", w, "select")] for w in ("own", "other", "@suggester")}
EXPECT |= {(t, w, op): set() for t in ("team_span_versions", "team_event_audit") for w in ("own", "other")
           for op in ("update", "delete")}
EXPECT |= {(t, "new", "insert"): set() for t in ("team_span_versions", "team_event_audit")}

ME = {A: "alice", O: "alice", L: "lena"}
OTHER = {A: "bob", O: "bob", L: "alice"}
UPDATE = {"spans": "attributes = '{\"x\": 1}'", "doc_status": "status = 'done'", "comments": "body = 'edited'",
          "events": "action = 'edited'", "team_ops": "outcome = 'edited'", "documents": "title = 'edited'",
          "sections": "title = 'edited'", "section_edits": "payload = '{}'", "labels": "colour = '#000000'",
          "project_meta": "value = 'edited'", "documents_words": "words = '{edited}'",
          "annotator_migrations": "applied = 'edited'",
          "annotators": "created = 'edited'", "team_members": "role = role", "team_span_versions": "version = 9",
          "team_event_audit": "db_role = 'edited'", "trash": "title = 'edited'"}


@pytest.fixture(scope="module")
def world(cluster, tmp_path_factory, team_maker):
    """One project with a row of every kind for alice, bob, lena, @gold and @suggester (doc 1); doc 2
    is free for inserts. Returns the team and each row's key."""
    team = team_maker(cluster, tmp_path_factory.mktemp("rls"), docs=2)
    keys: dict[tuple[str, str], str] = {}
    with team.admin(autocommit=True) as conn:
        doc1, doc2 = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]
        for n, who in enumerate(("alice", "bob", "lena", "@gold", "@suggester")):
            sid = f"span-{who}"
            status = {"@gold": "gold", "@suggester": "suggested"}.get(who, "accepted")
            conn.execute('INSERT INTO spans (id, document_id, start, "end", label, annotator, status, created, updated)'
                         " VALUES (%s, %s, %s, %s, 'directive', %s, %s, 'now', 'now')", [sid, doc1, n, n + 2, who, status])
            keys[("spans", who)] = f"id = '{sid}'"
            keys[("team_span_versions", who)] = f"span_id = '{sid}'"
            if who == "@suggester":  # a suggestion run is logged under the suggester's name
                eid = conn.execute("INSERT INTO events (ts, annotator, action) VALUES ('now', %s, 'suggest.run')"
                                   " RETURNING id", [who]).fetchone()[0]
                keys[("events", who)] = f"id = {eid}"
                keys[("team_event_audit", who)] = f"event_id = {eid}"
            if who.startswith("@"):
                continue
            conn.execute("INSERT INTO doc_status VALUES (%s, %s, 'in_progress', 'now')", [doc1, who])
            keys[("doc_status", who)] = f"document_id = {doc1} AND annotator = '{who}'"
            conn.execute("INSERT INTO comments VALUES (%s, %s, NULL, %s, 'note', 'now', 'now')", [f"c-{who}", doc1, who])
            keys[("comments", who)] = f"id = 'c-{who}'"
            eid = conn.execute("INSERT INTO events (ts, annotator, action) VALUES ('now', %s, 'x') RETURNING id",
                               [who]).fetchone()[0]
            keys[("events", who)] = f"id = {eid}"
            keys[("team_event_audit", who)] = f"event_id = {eid}"
            conn.execute("INSERT INTO team_ops (op_id, annotator, kind, outcome) VALUES (%s, %s, 'x', 'applied')",
                         [f"op-{who}", who])
            keys[("team_ops", who)] = f"op_id = 'op-{who}'"
            keys[("team_members", who)] = f"role_name = '{who}'"
        conn.execute("INSERT INTO sections (document_id, ord, level, marker, title, start, \"end\", title_start,"
                     " title_end) VALUES (%s, 0, 1, '一、', 't', 0, 5, 0, 2)", [doc1])
        conn.execute("INSERT INTO section_edits (document_id, op, anchor, created) VALUES (%s, 'x', 0, 'now')", [doc1])
        conn.execute("INSERT INTO project_meta VALUES ('some.setting', 'v')")
        conn.execute("INSERT INTO documents_words VALUES (%s, '{一是}')", [doc1])
        conn.execute("INSERT INTO annotators VALUES ('carol', 'now')")  # a name with no rows to cascade
        trash_id = conn.execute("INSERT INTO trash (document_id, title, sha256, deleted_at, content)"
                                " VALUES (99, 'deleted', 'x', 'now', '\\x00') RETURNING id").fetchone()[0]
    shared = {"documents": f"id = {doc1}", "sections": f"document_id = {doc1}", "section_edits": f"document_id = {doc1}",
              "labels": "name = 'statistic'", "project_meta": "key = 'some.setting'",
              "documents_words": f"document_id = {doc1}", "annotator_migrations": "name = '0001_initial'",
              "annotators": "name = 'carol'", "trash": f"id = {trash_id}"}
    return team, keys, shared, doc2


def _insert(table: str, who: str, doc2: int) -> tuple[str, list]:
    u = uuid.uuid4().hex
    status = {"@gold": "gold", "@suggester": "suggested"}.get(who, "accepted")
    return {
        "spans": ('INSERT INTO spans (id, document_id, start, "end", label, annotator, status, created, updated)'
                  " VALUES (%s, %s, 1, 3, 'statistic', %s, %s, 'now', 'now')", [u, doc2, who, status]),
        "doc_status": ("INSERT INTO doc_status VALUES (%s, %s, 'done', 'now')", [doc2, who]),
        "comments": ("INSERT INTO comments VALUES (%s, %s, NULL, %s, 'hi', 'now', 'now')", [u, doc2, who]),
        "events": ("INSERT INTO events (ts, annotator, action) VALUES ('now', %s, 'x')", [who]),
        "team_ops": ("INSERT INTO team_ops (op_id, annotator, kind, outcome) VALUES (%s, %s, 'x', 'applied')", [u, who]),
        "documents": ("INSERT INTO documents (raw_text, clean_text, sha256, char_count, imported_at)"
                      " VALUES ('t', 't', %s, 1, 'now')", [u]),
        "sections": ("INSERT INTO sections (document_id, ord, level, marker, title, start, \"end\", title_start,"
                     " title_end) VALUES (%s, 9, 1, '一、', 't', 0, 5, 0, 2)", [doc2]),
        "section_edits": ("INSERT INTO section_edits (document_id, op, anchor, created) VALUES (%s, 'x', 0, 'now')", [doc2]),
        "labels": ("INSERT INTO labels (name, colour) VALUES (%s, '#111111')", [u]),
        "project_meta": ("INSERT INTO project_meta VALUES (%s, 'v')", [u]),
        "documents_words": ("INSERT INTO documents_words VALUES (%s, '{二是}')", [doc2]),
        "annotator_migrations": ("INSERT INTO annotator_migrations VALUES (%s, 'now')", [u]),
        "annotators": ("INSERT INTO annotators VALUES (%s, 'now')", [u]),
        "team_members": ("INSERT INTO team_members (role_name, annotator, role) VALUES (%s, %s, 'lead')", [u, u]),
        "team_span_versions": ("INSERT INTO team_span_versions VALUES (%s, 1)", [u]),
        "team_event_audit": ("INSERT INTO team_event_audit VALUES (424242, '1', 'x', now())", []),
        "trash": ("INSERT INTO trash (document_id, title, sha256, deleted_at, content)"
                  " VALUES (98, 't', %s, 'now', '\\x00')", [u]),
    }[table]


def _statement(case, world, role):
    table, whose, op = case
    team, keys, shared, doc2 = world
    owner = {"own": ME[role], "other": OTHER[role]}.get(whose, whose)
    where = shared.get(table) if whose == "shared" else keys.get((table, owner))
    if op == "select":
        return f"SELECT count(*) FROM {table} WHERE {where}", []
    if op == "insert":
        return _insert(table, owner if whose not in ("shared", "new") else "", doc2)
    if op == "update":
        return f"UPDATE {table} SET {UPDATE[table]} WHERE {where}", []
    if op == "delete":
        return f"DELETE FROM {table} WHERE {where}", []
    if op == "reassign":
        return f"UPDATE spans SET annotator = '{OTHER[role]}' WHERE {where}", []
    if op == "mark_gold":
        return f"UPDATE spans SET status = 'gold' WHERE {where}", []
    raise AssertionError(op)


CASES = [(role, *cell) for cell in EXPECT for role in (A, O, L)]


@pytest.fixture(scope="module")
def connections(world):
    team = world[0]
    conns = {A: team.connect("alice"), L: team.connect("lena")}
    yield conns
    for c in conns.values():
        c.close()


def _set_open(world, value: bool) -> None:
    with world[0].connect("lena", autocommit=True) as lead:
        security.set_open(lead, value)


@pytest.mark.parametrize("role,table,whose,op", CASES, ids=["-".join(c) for c in CASES])
def test_rls_cell(world, connections, role, table, whose, op):
    conn = connections[L if role == L else A]
    _set_open(world, role == O)
    sql, params = _statement((table, whose, op), world, role)
    try:
        cur = conn.execute(sql, params)
        allowed = cur.fetchone()[0] > 0 if op == "select" else cur.rowcount == 1
    except psycopg.errors.InsufficientPrivilege:
        allowed = False
    except psycopg.errors.RaiseException as exc:  # the append-only trigger: a refusal of its own kind
        assert "append-only" in str(exc)
        allowed = False
    finally:
        conn.rollback()
    expected = role in EXPECT[(table, whose, op)]
    assert allowed == expected, f"{role} {op} on {whose} row of {table}: {'allowed' if allowed else 'refused'}"


def test_matrix_covers_every_table(world):
    """Every table of the project has cells (a new table without rules would otherwise pass unseen)."""
    with world[0].admin() as conn:
        tables = {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        unprotected = [r[0] for r in conn.execute(
            "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'"
            " AND NOT relrowsecurity")]
    assert not unprotected
    assert tables <= {t for t, _, _ in EXPECT}, tables - {t for t, _, _ in EXPECT}


def test_outsider_cannot_connect(world):
    """A login role of the cluster that is no member of this project cannot even connect."""
    team = world[0]
    with team.admin(autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS mallory")
        conn.execute("CREATE ROLE mallory LOGIN PASSWORD 'mallory-pw'")
    with pytest.raises(psycopg.OperationalError, match="permission denied|not have CONNECT"):
        psycopg.connect(team.conninfo("mallory", password="mallory-pw"))


def test_setting_is_lead_only_and_identity_cannot_be_switched(world):
    team = world[0]
    with team.connect("alice") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            security.set_open(conn, True)
        conn.rollback()
        # SET ROLE to the group changes current_user, not the identity the policies read.
        group = security.group_names(team.dbname)["annotator"]
        conn.execute(f'SET ROLE "{group}"')
        assert conn.execute("SELECT count(*) FROM spans WHERE annotator = 'bob'").fetchone()[0] == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(f'SET ROLE "{security.group_names(team.dbname)["lead"]}"')
