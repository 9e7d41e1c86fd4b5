"""Roles and row-level security of a team project: blind annotation enforced by the server.

``apply(conn)`` runs once from ``annotator team init`` (as the database owner, after the schema) and
again after every migration (it is idempotent). It creates two group roles per database and the
policies every table gets; ``add_member`` makes one login role per person, mapped to an annotator name.

Who may do what (the test matrix in tests/team/test_rls_matrix.py checks every cell):

- everyone reads the shared material: documents, sections, outline corrections, labels, project
  settings, the search tables, the list of annotator names; only a lead writes it (import, delete,
  outline, labels, settings). Outline corrections are lead-only because agreement needs ONE reference
  outline: an annotator who re-cut a section would move every colleague's spans between sections.
- per-person rows (spans, doc_status, comments, events, sent operations) carry an ``annotator`` column:
  an annotator reads and writes only rows with their own name and cannot put another name on a row;
  a lead reads and writes every layer, including ``@gold``.
- suggestions (``@suggester``) are readable by every member — they are shown to all of them as the
  machine's proposal and are nobody's judgement — but only a lead replaces them: a new run deletes the
  old rows, and an annotator's accept/reject rows point to their ids (provenance).
- ``@gold`` is never readable by annotators, even in an open project: it is the adjudicated answer.
- project setting ``team.annotators_see_each_other`` (``project_meta``, so lead-only) lets annotators
  read each other's spans, statuses, comments and events (still not gold, still not write them).
- the trash (deleted documents, schema step 0006) is a lead's alone: an annotator neither reads a
  deleted text nor restores or empties it.
- events are append-only for everyone (no UPDATE/DELETE privilege; the SQLite triggers' rule), and the
  server stamps each one (``team_event_audit``) with the PostgreSQL role that inserted it and its
  transaction id (the cursor of annotator.services.live): the audit trail never trusts the client.

Group roles are cluster-wide in PostgreSQL while privileges are per database, so the groups are named
after the database (``<db>:annotator``, ``<db>:lead``): a lead of one project is nobody in another.
Identity is ``session_user`` (the login role), which a member cannot change (``SET ROLE`` changes
``current_user`` only), mapped to an annotator name by ``team_members``.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from psycopg import sql

OPEN_SETTING = "team.annotators_see_each_other"
ROLES = ("annotator", "lead")
SUGGESTER, GOLD = "@suggester", "@gold"

# Tables whose rows belong to one annotator (the column that names them). Every other table of the
# schema is shared material: read by members, written by leads.
PERSONAL = {"spans": "annotator", "doc_status": "annotator", "comments": "annotator", "events": "annotator",
            "team_ops": "annotator"}
# Privileges an annotator has besides SELECT (RLS then narrows them to their own rows).
ANNOTATOR_WRITES = {"spans": "INSERT, UPDATE, DELETE", "doc_status": "INSERT, UPDATE, DELETE",
                    "comments": "INSERT, UPDATE, DELETE", "events": "INSERT", "team_ops": "INSERT",
                    "annotators": "INSERT"}
APPEND_ONLY = {"events", "team_ops"}
# Tables only a lead reads or writes: the trash holds deleted documents (deleting, restoring and emptying
# are a lead's, as deleting and importing documents are).
LEAD_ONLY = {"trash"}
# Tables of server-side facts about another table's rows: (that table, its key, our column).
SIDE = {"team_span_versions": ("spans", "id", "span_id"), "team_event_audit": ("events", "id", "event_id")}


def group_names(dbname: str) -> dict[str, str]:
    """The two group roles of this database (role names are at most 63 bytes: long names are hashed)."""
    base = dbname if len(dbname.encode()) <= 40 else dbname[:20] + "~" + hashlib.sha1(dbname.encode()).hexdigest()[:12]
    return {role: f"{base}:{role}" for role in ROLES}


_DEFINER = "SECURITY DEFINER SET search_path = public, pg_temp"
_TEAM_DDL = [
    # Who is who: the login role → the annotator name its spans carry. Written only by the owner
    # (add_member); a member reads their own row, a lead every row.
    """CREATE TABLE IF NOT EXISTS team_members (
        role_name TEXT PRIMARY KEY, annotator TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('annotator', 'lead')), created TIMESTAMPTZ NOT NULL DEFAULT now())""",
    # Operations already applied (annotator.storage.team_ops): the key that makes a resend a no-op.
    """CREATE TABLE IF NOT EXISTS team_ops (
        op_id TEXT PRIMARY KEY, annotator TEXT NOT NULL, kind TEXT NOT NULL, outcome TEXT NOT NULL,
        detail TEXT, db_role TEXT NOT NULL DEFAULT session_user, applied TIMESTAMPTZ NOT NULL DEFAULT now())""",
    # Server-side facts live in tables of their own, so the project's tables keep exactly the columns
    # they have on SQLite (team push/pull and every storage query read the same rows on both backends).
    # - span versions for optimistic concurrency: bumped by the server on every change, whoever sends
    #   it; kept after a delete (a span re-created by undo continues the count, so an edit made
    #   against the old span can never pass as an edit of the new one);
    "CREATE TABLE IF NOT EXISTS team_span_versions (span_id TEXT PRIMARY KEY, version INTEGER NOT NULL)",
    "INSERT INTO team_span_versions SELECT id, 1 FROM spans ON CONFLICT DO NOTHING",
    f"""CREATE OR REPLACE FUNCTION team_span_version() RETURNS trigger LANGUAGE plpgsql {_DEFINER} AS $$
       BEGIN
         INSERT INTO team_span_versions VALUES (NEW.id, 1)
           ON CONFLICT (span_id) DO UPDATE SET version = team_span_versions.version + 1;
         RETURN NULL;
       END $$""",
    "DROP TRIGGER IF EXISTS team_span_version ON spans",
    "CREATE TRIGGER team_span_version AFTER INSERT OR UPDATE ON spans FOR EACH ROW EXECUTE FUNCTION team_span_version()",
    # - the audit stamp of every event: the PostgreSQL role that inserted it, its transaction id (the
    #   cursor of annotator.services.live) and the server's clock, whatever the client sent.
    """CREATE TABLE IF NOT EXISTS team_event_audit (event_id BIGINT PRIMARY KEY, xid xid8 NOT NULL,
        db_role TEXT NOT NULL, server_ts TIMESTAMPTZ NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS team_event_audit_xid ON team_event_audit (xid, event_id)",
    f"""CREATE OR REPLACE FUNCTION team_event_stamp() RETURNS trigger LANGUAGE plpgsql {_DEFINER} AS $$
       BEGIN
         INSERT INTO team_event_audit VALUES (NEW.id, pg_current_xact_id(), session_user, now());
         RETURN NULL;
       END $$""",
    "DROP TRIGGER IF EXISTS team_event_stamp ON events",
    "CREATE TRIGGER team_event_stamp AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION team_event_stamp()",
    # Live updates: a wake-up per committed statement; the payload is empty so a notification never
    # tells anyone what RLS would hide (listeners then read what they may, see services/live.py).
    """CREATE OR REPLACE FUNCTION team_notify() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN PERFORM pg_notify('annotator_changes', ''); RETURN NULL; END $$""",
    "DROP TRIGGER IF EXISTS team_notify ON events",
    "CREATE TRIGGER team_notify AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION team_notify()",
]


def _functions(lead_group: str) -> list[sql.Composable]:
    """Identity helpers. SECURITY DEFINER so that policies can read team_members and project_meta
    without granting (or recursing into) them; search_path pinned so a member cannot shadow a table."""
    lead = sql.Literal(lead_group)
    return [
        sql.SQL("""CREATE OR REPLACE FUNCTION team_me() RETURNS TEXT LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public, pg_temp AS $$ SELECT annotator FROM team_members WHERE role_name = session_user $$"""),
        sql.SQL("""CREATE OR REPLACE FUNCTION team_is_lead() RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public, pg_temp AS $$ SELECT pg_has_role(session_user, {lead}, 'MEMBER') $$""").format(lead=lead),
        sql.SQL("""CREATE OR REPLACE FUNCTION team_open() RETURNS BOOLEAN LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public, pg_temp AS $$
            SELECT coalesce((SELECT value = 'true' FROM project_meta WHERE key = {key}), false) $$""").format(
            key=sql.Literal(OPEN_SETTING)),
        # Progress as counts (never names or spans), so even a blind project shows how far the team is.
        sql.SQL("""CREATE OR REPLACE FUNCTION team_progress() RETURNS TABLE (document_id BIGINT, done BIGINT,
            started BIGINT) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
            SELECT d.id::bigint, count(*) FILTER (WHERE s.status = 'done'), count(s.annotator)
            FROM documents d LEFT JOIN doc_status s ON s.document_id = d.id GROUP BY d.id ORDER BY d.id $$"""),
    ]


# Policy expressions. ``(SELECT f())`` is evaluated once per statement (an InitPlan), not per row: the
# lead's agreement view reads every span of the project.
LEAD = "(SELECT team_is_lead())"
ME = "(SELECT team_me())"
OPEN = "(SELECT team_open())"


def _read_rule(table: str, column: str) -> str:
    own = f"{column} = {ME}"
    others = f"({OPEN} AND {column} NOT LIKE '@%')"
    if table in ("spans", "events"):  # the suggester's layer and its runs are everyone's to see
        return f"{LEAD} OR {own} OR {column} = '{SUGGESTER}' OR {others}"
    return f"{LEAD} OR {own} OR {others}"


def _write_rule(table: str, column: str) -> str:
    own = f"{column} = {ME}"
    if table == "spans":  # gold is a lead's verdict even when written in someone's own layer
        own += " AND status <> 'gold'"
    return f"{LEAD} OR ({own})"


def _policies(table: str, groups: dict[str, str]) -> list[sql.Composable]:
    members = sql.SQL(", ").join(sql.Identifier(g) for g in groups.values())
    t = sql.Identifier(table)
    out: list[sql.Composable] = []

    def policy(name: str, command: str, using: str | None, check: str | None) -> None:
        text = f"CREATE POLICY {{name}} ON {{t}} FOR {command} TO {{members}}"
        text += f" USING ({using})" if using else ""
        text += f" WITH CHECK ({check})" if check else ""
        out.append(sql.SQL(text).format(name=sql.Identifier(f"team_{name}"), t=t, members=members))

    if table in PERSONAL:
        col = PERSONAL[table]
        policy("read", "SELECT", _read_rule(table, col), None)
        policy("insert", "INSERT", None, _write_rule(table, col))
        if table not in APPEND_ONLY:
            policy("update", "UPDATE", _write_rule(table, col), _write_rule(table, col))
            policy("delete", "DELETE", _write_rule(table, col), None)
    elif table in SIDE:  # readable exactly where the row it describes is readable; written by triggers
        parent, key, column = SIDE[table]
        policy("read", "SELECT", f"EXISTS (SELECT 1 FROM {parent} p WHERE p.{key} = {column})", None)
    elif table == "team_members":
        policy("read", "SELECT", f"{LEAD} OR role_name = session_user", None)
    elif table in LEAD_ONLY:  # deleted documents (schema 0006): their text is not the members' to read
        for command in ("SELECT", "INSERT", "UPDATE", "DELETE"):
            policy(command.lower(), command, None if command == "INSERT" else LEAD,
                   None if command in ("SELECT", "DELETE") else LEAD)
    elif table == "annotators":  # names are not work: readable by all; a member may register only their own
        policy("read", "SELECT", "true", None)
        policy("insert", "INSERT", None, f"{LEAD} OR name = {ME}")
        policy("update", "UPDATE", LEAD, LEAD)
        policy("delete", "DELETE", LEAD, None)
    else:
        policy("read", "SELECT", "true", None)
        for command in ("INSERT", "UPDATE", "DELETE"):
            policy(command.lower(), command, None if command == "INSERT" else LEAD,
                   None if command == "DELETE" else LEAD)
    return out


def _tables(conn) -> list[str]:
    rows = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    return [r[0] for r in rows]


def apply(conn) -> dict[str, str]:
    """Create (or bring up to date) the groups, team tables, triggers, privileges and policies.

    Runs in one transaction on ``conn`` (the database owner's connection). Returns the group names.
    """
    groups = group_names(conn.info.dbname)
    with conn.transaction():
        for name in groups.values():
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
        for statement in _TEAM_DDL:
            conn.execute(statement)
        for statement in _functions(groups["lead"]):
            conn.execute(statement)
        db = sql.Identifier(conn.info.dbname)
        both = sql.SQL(", ").join(sql.Identifier(g) for g in groups.values())
        conn.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(db))
        conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(db, both))
        conn.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC")
        conn.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(both))
        for fn in ("team_me()", "team_is_lead()", "team_open()", "team_progress()"):
            conn.execute(sql.SQL(f"REVOKE ALL ON FUNCTION {fn} FROM PUBLIC"))
            conn.execute(sql.SQL(f"GRANT EXECUTE ON FUNCTION {fn} TO {{}}").format(both))
        lead, annotator = sql.Identifier(groups["lead"]), sql.Identifier(groups["annotator"])
        for table in _tables(conn):
            t = sql.Identifier(table)
            conn.execute(sql.SQL("REVOKE ALL ON {} FROM PUBLIC, {}").format(t, both))
            conn.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(t, both))
            lead_writes = ("" if table == "team_members" or table in SIDE else
                           "INSERT" if table in APPEND_ONLY else "INSERT, UPDATE, DELETE")
            if lead_writes:
                conn.execute(sql.SQL(f"GRANT {lead_writes} ON {{}} TO {{}}").format(t, lead))
            if table in ANNOTATOR_WRITES:
                conn.execute(sql.SQL(f"GRANT {ANNOTATOR_WRITES[table]} ON {{}} TO {{}}").format(t, annotator))
            conn.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(t))
            for (name,) in conn.execute("SELECT policyname FROM pg_policies WHERE schemaname = 'public' "
                                        "AND tablename = %s AND policyname LIKE 'team\\_%%'", [table]).fetchall():
                conn.execute(sql.SQL("DROP POLICY {} ON {}").format(sql.Identifier(name), t))
            for statement in _policies(table, groups):
                conn.execute(statement)
        # Serial columns (events.id, documents.id…): inserting needs the sequence.
        conn.execute(sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {}").format(both))
        # A lead's merge keeps a new document's id where it is free and then moves the identity past it
        # (schema.sync_identities: setval, which needs UPDATE, and reading last_value, SELECT).
        conn.execute(sql.SQL("GRANT SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {}").format(lead))
    return groups


_NAME = re.compile(r"^[^\x00-\x1f@][^\x00-\x1f]{0,62}$")


def add_member(conn, name: str, role: str, password: str) -> str:
    """A login role for ``name`` (the annotator name their spans carry) in group ``role``.

    The password is hashed (SCRAM) on this side: only the verifier reaches the server, so it appears
    in no server log, no ``pg_stat_activity`` and no event. Returns the login role's name (= ``name``).
    """
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    if not _NAME.match(name) or name.lower().startswith("pg_") or len(name.encode()) > 63:
        raise ValueError(f"{name!r} cannot be a member name (1–63 bytes, not starting with @ or pg_)")
    if not password:
        raise ValueError("a member needs a password")
    groups = group_names(conn.info.dbname)
    verifier = conn.pgconn.encrypt_password(password.encode(), name.encode(), b"scram-sha-256").decode()
    ident = sql.Identifier(name)
    with conn.transaction():
        if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchone():
            conn.execute(sql.SQL("ALTER ROLE {} LOGIN PASSWORD {}").format(ident, sql.Literal(verifier)))
        else:
            conn.execute(sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(ident, sql.Literal(verifier)))
        for other, group in groups.items():
            if other != role:
                conn.execute(sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group), ident))
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(groups[role]), ident))
        conn.execute("INSERT INTO team_members (role_name, annotator, role) VALUES (%s, %s, %s) "
                     "ON CONFLICT (role_name) DO UPDATE SET annotator = excluded.annotator, role = excluded.role",
                     [name, name, role])
        conn.execute("INSERT INTO annotators (name, created) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                     [name, _now()])
    return name


def write_pgpass(host: str, port: int | str, dbname: str, user: str, password: str, path=None) -> str:
    """Keep a member's password where libpq looks for it (PGPASSFILE, else ~/.pgpass; 0600), never in
    the app's settings: URLs and settings then carry no secret. Replaces that member's earlier line."""
    def esc(value) -> str:
        return str(value).replace("\\", "\\\\").replace(":", "\\:")

    target = Path(path or os.environ.get("PGPASSFILE") or Path.home() / ".pgpass")
    key = ":".join(esc(v) for v in (host, port, dbname, user)) + ":"
    lines = target.read_text(encoding="utf-8").splitlines() if target.exists() else []
    lines = [line for line in lines if not line.startswith(key)] + [key + esc(password)]
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    os.chmod(target, 0o600)
    return str(target)


def set_open(conn, see_each_other: bool) -> None:
    """The lead-only setting (a member's attempt is refused by the policy on project_meta)."""
    with conn.transaction():
        conn.execute("INSERT INTO project_meta (key, value) VALUES (%s, %s) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                     [OPEN_SETTING, "true" if see_each_other else "false"])


def visibility_at(url: str, see_each_other: bool | None = None) -> bool:
    """``annotator team visibility``: set (a lead's; a member's attempt is refused, PermissionRefused)
    and/or read whether annotators see each other's work on the team project at URL."""
    from annotator.storage.pg.backend import PgProject  # noqa: PLC0415

    with PgProject(url, create=False) as project:
        conn = project.raw_connection()

        def run() -> bool:
            conn.commit()  # set_open runs its own transaction block
            if see_each_other is not None:
                set_open(conn, see_each_other)
            return bool(conn.execute("SELECT team_open()").fetchone()[0])
        with project._watched(conn):  # a server that stops answering is named, never waited for
            return project._guard(run)


def _now() -> str:
    from annotator.storage.project import now  # noqa: PLC0415 - one clock for every stored row

    return now()


def add_member_at(url: str, name: str, role: str, password: str) -> str:
    """``annotator team add-member``: connect to URL as its owner (a role that may create roles; the
    password comes from pgpass or the keyring) and add the member. Errors name the URL redacted."""
    from annotator.storage.errors import ProjectError  # noqa: PLC0415
    from annotator.storage.pg.backend import PgProject  # noqa: PLC0415

    with PgProject(url, create=False) as project:
        conn = project.raw_connection()

        def run() -> str:
            conn.commit()  # add_member runs its own transaction block
            if not conn.execute("SELECT to_regclass('team_members')").fetchone()[0]:
                raise ProjectError(url, "is not set up for a team yet: run `annotator team init` first")
            return add_member(conn, name, role, password)
        try:
            with project._watched(conn):  # a server that stops answering is named, never waited for
                return project._guard(run)
        except ProjectError:
            raise
        except Exception as exc:  # psycopg's: permission denied to create role, etc.
            raise ProjectError(url, f"cannot add {name}: {str(exc).strip().splitlines()[0]}") from None


def login(url: str, password: str, path=None, *, use_keyring: bool = True) -> str:
    """``annotator team login``: check the password against the server, then keep it in the OS keyring
    (when the optional keyring package has a backend) or the member's pgpass file — never in the app's
    settings (pg/passwords.py). A wrong password changes nothing. Returns where it was kept."""
    from urllib.parse import urlsplit  # noqa: PLC0415

    import psycopg  # noqa: PLC0415

    from annotator.storage.errors import ProjectError  # noqa: PLC0415
    from annotator.storage.pg.passwords import keep  # noqa: PLC0415

    parts = urlsplit(url)
    if not parts.username:
        raise ProjectError(url, "names no user: use postgresql://NAME@host/database")
    try:
        psycopg.connect(url, password=password, connect_timeout=10).close()
    except psycopg.Error as exc:
        raise ProjectError(url, f"cannot log in: {str(exc).strip().splitlines()[-1]}") from None
    return keep(url, password, pgpass_path=path, use_keyring=use_keyring)
