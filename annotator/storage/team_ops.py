"""The server side of a team member's edits: each edit is an operation applied exactly once.

An operation (``Op``) has an id made on the member's machine when the edit happens. ``apply_op`` runs it
in ONE server transaction that also records the id in ``team_ops`` (primary key): sending the same
operation again — after a lost connection, a crash between the server's commit and the outbox's
delete, or two senders racing — finds the id and changes nothing. That is what makes the outbox's
"send until acknowledged" exactly once.

Edits of an existing span carry the version the member saw (``expect_version``; the server bumps
its version in ``team_span_versions`` on every change, see pg/security.py). If the span changed or vanished meanwhile,
nothing is overwritten: the operation is recorded with outcome ``conflict`` and the server's current
row, and the member is told (outbox.conflicts). A refusal by row-level security or a constraint is
recorded as ``refused`` the same way. Only a lost connection raises (``psycopg.OperationalError``): the
operation then stays in the outbox and is sent again.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg import errors

from annotator.storage.project import now
from annotator.storage.urls import redact_text

KINDS = ("span.add", "span.update", "span.remove", "doc.status", "comment.add", "comment.edit", "comment.remove",
         "doc.title", "guidelines.set", "outline.edit", "outline.undo")
# Edits of shared material: row-level security lets only a lead make them (pg/security.py), so an
# annotator's attempt is refused before it is queued (team_edits.DesktopWriter) and, if one reaches the
# server anyway, recorded as ``refused`` — never retried.
LEAD_ONLY = ("doc.title", "guidelines.set", "outline.edit", "outline.undo")
_SPAN_COLUMNS = ("id", "document_id", "start", "end", "label", "annotator", "status", "attributes", "source",
                 "provenance", "created", "updated")
_SPAN_SELECT = ('SELECT s.id, s.document_id, s.start, s."end", s.label, s.annotator, s.status, s.attributes,'
                " s.source, s.provenance, s.created, s.updated, v.version FROM spans s"
                " JOIN team_span_versions v ON v.span_id = s.id")


@dataclass(frozen=True)
class Op:
    kind: str
    annotator: str
    payload: dict[str, Any]
    op_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created: str = field(default_factory=now)

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown operation {self.kind!r}")


@dataclass(frozen=True)
class Outcome:
    op_id: str
    outcome: str  # applied | duplicate (applied before) | conflict | refused
    detail: str = ""  # the server's own words (English, technical): shown behind "details"
    server_row: dict[str, Any] | None = None
    code: str = ""  # what happened, for a sentence in the member's language: a CONFLICTS key or a SQLSTATE


# Why an edit became a conflict (Conflict.code); the GUI turns each into a sentence (gui/team_status.py).
CONFLICTS = ("span.deleted", "span.changed", "span.exists", "note.deleted", "note.changed", "doc.deleted",
             "doc.renamed", "guidelines.changed", "outline.changed", "outline.gone", "no_team", "invalid")


class Conflict(Exception):
    def __init__(self, detail: str, row: dict[str, Any] | None = None, *, code: str = ""):
        super().__init__(detail)
        self.detail, self.row, self.code = detail, row, code


def _span_row(conn, span_id: str, *, lock: bool = False) -> dict[str, Any] | None:
    row = conn.execute(_SPAN_SELECT + " WHERE s.id = %s" + (" FOR UPDATE OF s" if lock else ""), [span_id]).fetchone()
    if row is None:
        return None
    return dict(zip((*_SPAN_COLUMNS, "version"), row))


def _last_change(conn, span_id: str) -> str:
    """Who changed the span last, as far as this member may see (RLS may hide a lead's event)."""
    row = conn.execute("SELECT coalesce(e.annotator, a.db_role), e.action, e.ts FROM events e LEFT JOIN"
                       " team_event_audit a ON a.event_id = e.id WHERE e.entity = 'span' AND e.entity_id = %s"
                       " ORDER BY e.id DESC LIMIT 1", [span_id]).fetchone()
    return f" (the last change you can see: {row[1]} by {row[0]} at {row[2]})" if row else ""


def _event(conn, action: str, annotator: str, document_id: Any, entity: str, entity_id: Any,
           before: Any = None, after: Any = None) -> None:
    conn.execute(
        "INSERT INTO events (ts, annotator, action, document_id, entity, entity_id, before, after)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
        [now(), annotator, action, document_id, entity, None if entity_id is None else str(entity_id),
         None if before is None else json.dumps(before, ensure_ascii=False, default=str),
         None if after is None else json.dumps(after, ensure_ascii=False, default=str)])


def _checked(conn, payload: dict[str, Any]) -> dict[str, Any]:
    """The span as it is now, locked, if it is the version the member edited; else Conflict."""
    current = _span_row(conn, payload["id"], lock=True)
    if current is None:
        raise Conflict(f"span {payload['id']} was deleted by someone else (or is not yours)"
                       + _last_change(conn, payload["id"]), code="span.deleted")
    if "expect_version" not in payload:  # an edit queued by the desktop app names the stamp it saw
        if str(current["updated"]) != str(payload.get("expect_updated")):
            raise Conflict(f"span {payload['id']} was changed by someone else (at {current['updated']}, you "
                           f"edited the one of {payload.get('expect_updated')})" + _last_change(conn, payload["id"]),
                           current, code="span.changed")
        return current
    if current["version"] != payload["expect_version"]:
        raise Conflict(f"span {payload['id']} was changed by someone else (version {current['version']}, you "
                       f"edited version {payload['expect_version']})" + _last_change(conn, payload["id"]), current,
                       code="span.changed")
    return current


def _span_add(conn, op: Op) -> None:
    s = dict(op.payload)
    same = conn.execute('SELECT id FROM spans WHERE document_id = %s AND annotator = %s AND start = %s AND "end" = %s'
                        " AND label = %s", [s["document_id"], s["annotator"], s["start"], s["end"], s["label"]]).fetchone()
    if same:
        raise Conflict(f"{s['annotator']} already has a {s['label']} span at [{s['start']}, {s['end']})",
                       _span_row(conn, same[0]), code="span.exists")
    values = [json.dumps(s[c], ensure_ascii=False) if c in ("attributes", "provenance") else s[c] for c in _SPAN_COLUMNS]
    conn.execute('INSERT INTO spans (id, document_id, start, "end", label, annotator, status, attributes, source,'
                 " provenance, created, updated) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", values)
    _event(conn, op.payload.get("action", "span.add"), op.annotator, s["document_id"], "span", s["id"], after=s)


def _span_update(conn, op: Op) -> None:
    before = _checked(conn, op.payload)
    changes = op.payload["changes"]
    unknown = set(changes) - {"label", "attributes", "start", "end", "status", "provenance"}
    if unknown:
        raise ValueError(f"cannot change {', '.join(sorted(unknown))}")
    # A queued edit carries the stamp its editor gave it, so the next queued edit of the span (which names
    # that stamp as the one it saw) finds it.
    after = {**before, **changes, "updated": op.payload.get("updated") or now()}
    conn.execute('UPDATE spans SET start = %s, "end" = %s, label = %s, status = %s, attributes = %s, provenance = %s,'
                 " updated = %s WHERE id = %s",
                 [after["start"], after["end"], after["label"], after["status"],
                  _json_text(after["attributes"]), _json_text(after["provenance"]), after["updated"], before["id"]])
    _event(conn, "span.update", op.annotator, before["document_id"], "span", before["id"], before=before, after=after)


def _json_text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _span_remove(conn, op: Op) -> None:
    before = _checked(conn, op.payload)
    conn.execute("DELETE FROM spans WHERE id = %s", [before["id"]])
    _event(conn, "span.remove", op.annotator, before["document_id"], "span", before["id"], before=before)


def _doc_status(conn, op: Op) -> None:
    p = op.payload
    conn.execute("INSERT INTO doc_status (document_id, annotator, status, updated) VALUES (%s, %s, %s, %s)"
                 " ON CONFLICT (document_id, annotator) DO UPDATE SET status = excluded.status, updated = excluded.updated",
                 [p["document_id"], op.annotator, p["status"], now()])
    _event(conn, "document.status", op.annotator, p["document_id"], "document", p["document_id"], after=p["status"])


_APPLY = {"span.add": _span_add, "span.update": _span_update, "span.remove": _span_remove,
          "doc.status": _doc_status}


def _applier(kind: str):
    """The function that applies ``kind``: spans and statuses here, notes and shared material in
    team_ops_shared.py (imported when first needed: it imports this module)."""
    if kind not in _APPLY:
        from annotator.storage.team_ops_shared import APPLY  # noqa: PLC0415

        _APPLY.update(APPLY)
    return _APPLY[kind]


def _recorded(conn, op_id: str) -> Outcome | None:
    row = conn.execute("SELECT outcome, detail FROM team_ops WHERE op_id = %s", [op_id]).fetchone()
    return Outcome(op_id, "duplicate", f"already {row[0]}" + (f": {row[1]}" if row[1] else "")) if row else None


def apply_op(conn: psycopg.Connection, op: Op) -> Outcome:
    """Apply ``op`` once. ``conn`` is the member's own connection (their role; RLS applies).

    Raises only ``psycopg.OperationalError``/``InterfaceError`` (the connection is gone: keep the op).
    """
    try:
        with conn.transaction():
            seen = _recorded(conn, op.op_id)
            if seen:
                return seen
            outcome, detail, row, code = "applied", "", None, ""
            try:
                with conn.transaction():  # a savepoint: a conflict undoes the edit, not the record of it
                    _applier(op.kind)(conn, op)
            except Conflict as exc:
                outcome, detail, row, code = "conflict", exc.detail, exc.row, exc.code
            except (errors.InsufficientPrivilege, errors.IntegrityError, errors.DataError, ValueError, KeyError) as exc:
                outcome, detail = "refused", f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
                code = getattr(exc, "sqlstate", None) or "invalid"  # a SQLSTATE, or a malformed edit
            # Recorded under the member the server knows (not the name the op claims: a refused op may
            # claim someone else's).
            conn.execute("INSERT INTO team_ops (op_id, annotator, kind, outcome, detail)"
                         " VALUES (%s, coalesce(team_me(), %s), %s, %s, %s)",
                         [op.op_id, op.annotator, op.kind, outcome, detail or None])
            return Outcome(op.op_id, outcome, detail, _plain(row), code)
    except errors.UniqueViolation:
        # Another sender committed the same op id between our check and our insert: ours rolled back.
        with conn.transaction():
            return _recorded(conn, op.op_id) or Outcome(op.op_id, "duplicate")


def _plain(row: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if row is None else {k: (v if isinstance(v, (int, float, str, type(None))) else str(v))
                                     for k, v in row.items()}


# -- live: what changed since a cursor --------------------------------------------------------------

@dataclass(frozen=True)
class Change:
    event_id: int
    ts: str
    annotator: str | None
    db_role: str | None
    action: str
    document_id: int | None
    entity: str | None
    entity_id: str | None


START = ("0", 0)


def changes_since(conn, cursor: tuple[str, int] = START, limit: int = 500) -> tuple[tuple[str, int], list[Change]]:
    """Events this member may see, committed after ``cursor``; returns (new cursor, changes).

    A sequence number alone would miss rows: a transaction that took id 100 can commit after one that
    took 101. So each event's transaction id is recorded by the server (team_event_audit) and only rows of
    transactions older than every transaction still running (the snapshot's xmin) are returned; a
    later commit then always has a larger xid than anything already returned.
    """
    rows = conn.execute(
        "SELECT e.id, a.xid::text, e.ts, e.annotator, a.db_role, e.action, e.document_id, e.entity, e.entity_id"
        " FROM team_event_audit a JOIN events e ON e.id = a.event_id"
        " WHERE (a.xid, a.event_id) > (%s::xid8, %s) AND a.xid < pg_snapshot_xmin(pg_current_snapshot())"
        " ORDER BY a.xid, a.event_id LIMIT %s", [cursor[0], cursor[1], limit]).fetchall()
    if not rows:
        return cursor, []
    changes = [Change(r[0], str(r[2]), r[3], r[4], r[5], r[6], r[7], r[8]) for r in rows]
    return (rows[-1][1], rows[-1][0]), changes


def listen(conn) -> None:
    """Ask for the server's wake-ups (the trigger in pg/security.py notifies this channel)."""
    conn.execute("LISTEN annotator_changes")


def current_cursor(conn) -> tuple[str, int]:
    """A cursor at "now": everything already committed counts as seen."""
    row = conn.execute("SELECT a.xid::text, a.event_id FROM team_event_audit a JOIN events e ON e.id = a.event_id"
                       " WHERE a.xid < pg_snapshot_xmin(pg_current_snapshot())"
                       " ORDER BY a.xid DESC, a.event_id DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else START


def progress(conn) -> list[tuple[int, int, int]]:
    """(document id, members done, members started) for every document: counts, never names or spans,
    so every member may see the team's progress even in a blind project (pg/security.py)."""
    return [tuple(r) for r in conn.execute("SELECT document_id, done, started FROM team_progress()").fetchall()]


# -- secrets in messages: one redactor for the whole product (storage/urls.py) ------------------------

def redact(text: str) -> str:
    """``text`` with every password of a URL or a conninfo replaced by ``***``."""
    return redact_text(str(text))


# -- the lead's view ------------------------------------------------------------------------------

def accepted_layers(conn, doc_ids: list[int] | None = None) -> dict[str, list]:
    """Every accepted span this role may read, by annotator (a lead: everyone's), for agreement."""
    from annotator.domain.model import Span  # noqa: PLC0415 - keeps this module's import light

    sql = 'SELECT id, document_id, start, "end", label, annotator, attributes FROM spans WHERE status = %s'
    params: list[Any] = ["accepted"]
    if doc_ids is not None:
        sql += " AND document_id = ANY(%s)"
        params.append(list(doc_ids))
    out: dict[str, list] = {}
    with conn.cursor() as cur:
        for sid, doc, start, end, label, who, attrs in cur.execute(sql, params):
            out.setdefault(who, []).append(Span(start=start, end=end, label=label, annotator=who, id=sid,
                                                document_id=doc, attributes=json.loads(attrs) if attrs else {}))
    return out


def agreement_heat(conn) -> list[tuple[int, int, int, float | None]]:
    """Per document: (id, annotators, their accepted spans, pooled pairwise strict F1), on the server.

    Pooled over all pairs of annotators who tagged the document: 2·Σ agreeing pairs / Σ (|A| + |B|),
    where a span (start, end, label) tagged by k annotators is k(k−1)/2 agreeing pairs and Σ (|A| + |B|)
    over pairs is (n − 1)·Σ|A|. One GROUP BY instead of 190 pairwise alignments per document: the lead's
    live overview; the full report (relaxed matches, κ, sections) is annotator.agreement's.
    """
    rows = conn.execute(
        """WITH s AS (SELECT document_id, start, "end", label, annotator FROM spans
                      WHERE status = 'accepted' AND annotator NOT LIKE '@%%'),
                k AS (SELECT document_id, count(*) AS n FROM s GROUP BY document_id, start, "end", label),
                p AS (SELECT document_id, sum(n * (n - 1) / 2) AS pairs FROM k GROUP BY document_id),
                a AS (SELECT document_id, count(DISTINCT annotator) AS coders, count(*) AS spans FROM s
                      GROUP BY document_id)
           SELECT a.document_id, a.coders, a.spans, p.pairs FROM a JOIN p USING (document_id)
           ORDER BY a.document_id""").fetchall()
    return [(doc, coders, spans, (2 * float(pairs) / ((coders - 1) * spans)) if coders > 1 else None)
            for doc, coders, spans, pairs in rows]


def section_heat(conn, document_id: int) -> list[tuple[int, int, int, float | None]]:
    """The same pooled pairwise F1 per section of one document's reference outline (the stored one,
    never an annotator's): (section ord, annotators, spans, F1). A span belongs to the innermost
    section containing its start, as in annotator.agreement."""
    rows = conn.execute(
        """WITH s AS (SELECT sp.start, sp."end", sp.label, sp.annotator,
                             (SELECT se.ord FROM sections se WHERE se.document_id = sp.document_id
                                AND se.start <= sp.start AND sp.start < se."end"
                              ORDER BY se.level DESC, se.start DESC LIMIT 1) AS section
                      FROM spans sp WHERE sp.document_id = %s AND sp.status = 'accepted'
                        AND sp.annotator NOT LIKE '@%%'),
                k AS (SELECT section, count(*) AS n FROM s GROUP BY section, start, "end", label),
                p AS (SELECT section, sum(n * (n - 1) / 2) AS pairs FROM k GROUP BY section),
                a AS (SELECT section, count(DISTINCT annotator) AS coders, count(*) AS spans FROM s GROUP BY section)
           SELECT a.section, a.coders, a.spans, p.pairs FROM a JOIN p ON p.section IS NOT DISTINCT FROM a.section
           ORDER BY a.section NULLS FIRST""", [document_id]).fetchall()
    return [(sec, coders, spans, (2 * float(pairs) / ((coders - 1) * spans)) if coders > 1 else None)
            for sec, coders, spans, pairs in rows]


# -- what the desktop app asks of the project it opened ----------------------------------------------

NO_TEAM = ("this server project has no team roles: run `annotator team init URL` as its owner (and "
           "`annotator team add-member` for each person) so that edits can wait offline and be sent once")


@dataclass(frozen=True)
class Membership:
    ready: bool  # the team tables and functions of security.apply are there (else: no outbox, no feed)
    name: str | None  # the annotator name the server knows this login by (team_members)
    lead: bool  # a lead, the database's owner or a superuser: may edit shared material


def membership(project) -> Membership:
    """Read once when a team project opens (online): whether ``team init`` set it up, and who we are."""
    ready = bool(project.scalar("SELECT to_regclass('team_ops') IS NOT NULL AND"
                                " to_regprocedure('team_me()') IS NOT NULL"))
    owner = bool(project.scalar(
        "SELECT r.rolsuper OR pg_has_role(session_user, d.datdba, 'MEMBER') FROM pg_roles r, pg_database d"
        " WHERE r.rolname = session_user AND d.datname = current_database()"))
    if not ready:
        return Membership(False, None, owner)
    row = project.execute("SELECT team_me(), team_is_lead()").fetchone()
    return Membership(True, row[0], bool(row[1]) or owner)


def team_ready(conn) -> bool:
    """The same check on a psycopg connection (the outbox's sender)."""
    return bool(conn.execute("SELECT to_regclass('team_ops') IS NOT NULL AND"
                             " to_regprocedure('team_me()') IS NOT NULL").fetchone()[0])


def record_direct(project, op: Op) -> None:
    """Inside the transaction of an edit made straight through the project (the desktop app online): its
    operation id, so that the same edit, queued because the answer never came (a hung server), is a
    duplicate when the outbox sends it."""
    project.execute("INSERT INTO team_ops (op_id, annotator, kind, outcome) VALUES (?, coalesce(team_me(), ?), ?, ?)",
                    [op.op_id, op.annotator, op.kind, "applied"])
