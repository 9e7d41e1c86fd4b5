"""Applying a team member's notes and a lead's edits of shared material (issue 16 point 4).

The operations of team_ops.py beyond spans and statuses: notes (add, restore, edit, remove: a note is
its author's, so only a lead's change meanwhile can conflict), document titles, the guidelines and
outline corrections (a lead's only: row-level security refuses an annotator's, recorded as ``refused``
by apply_op). Each edit names what its editor saw — the note's ``updated`` stamp, the old title, the
old guidelines, the number of outline corrections — and anything else found is a ``Conflict``, so
nobody's change is overwritten silently. An outline correction carries the outline its editor's app
computed (parse and corrections replayed there): storage runs no parser.
"""

from __future__ import annotations

import json
from typing import Any

from annotator.storage.project import now
from annotator.storage.team_ops import Conflict, Op, _event

def _comment_add(conn, op: Op) -> None:
    """A new note, or one put back by undo/redo (``action`` comment.restore, its own id and author)."""
    p = op.payload
    who = p.get("annotator") or op.annotator
    created = p.get("created") or op.created
    row = {"id": p["id"], "document_id": p["document_id"], "span_id": p.get("span_id"), "annotator": who,
           "body": p["body"], "created": created, "updated": p.get("updated") or created}
    conn.execute("INSERT INTO comments (id, document_id, span_id, annotator, body, created, updated)"
                 " VALUES (%s, %s, %s, %s, %s, %s, %s)", list(row.values()))
    _event(conn, p.get("action", "comment.add"), who, p["document_id"], "comment", p["id"], after=row)


def _comment_checked(conn, p: dict[str, Any]) -> dict[str, Any]:
    """The note as it is now, locked, if it is the one its editor saw (notes are their author's; only a
    lead may change someone else's, so a conflict is with a lead)."""
    keys = ("id", "document_id", "span_id", "annotator", "body", "created", "updated")
    row = conn.execute("SELECT id, document_id, span_id, annotator, body, created, updated FROM comments"
                       " WHERE id = %s FOR UPDATE", [p["id"]]).fetchone()
    if row is None:
        raise Conflict(f"note {p['id']} was deleted by someone else (or is not yours)", code="note.deleted")
    current = dict(zip(keys, row))
    if p.get("expect_updated") is not None and str(current["updated"]) != str(p["expect_updated"]):
        raise Conflict(f"note {p['id']} was changed by someone else (at {current['updated']}, you edited the one "
                       f"of {p['expect_updated']})", current, code="note.changed")
    return current


def _comment_edit(conn, op: Op) -> None:
    p = op.payload
    before = _comment_checked(conn, p)
    body = (p.get("body") or "").strip()
    if not body:
        raise ValueError("a comment needs some text")
    conn.execute("UPDATE comments SET body = %s, updated = %s WHERE id = %s", [body, p.get("updated") or now(), p["id"]])
    _event(conn, "comment.edit", op.annotator, before["document_id"], "comment", p["id"],
           before={"body": before["body"]}, after={"body": body})


def _comment_remove(conn, op: Op) -> None:
    before = _comment_checked(conn, op.payload)
    conn.execute("DELETE FROM comments WHERE id = %s", [before["id"]])
    _event(conn, "comment.remove", op.annotator, before["document_id"], "comment", before["id"], before=before)


def _doc_title(conn, op: Op) -> None:
    """A title the lead saw as ``expect``: someone else's rename meanwhile is a conflict."""
    p = op.payload
    row = conn.execute("SELECT title FROM documents WHERE id = %s FOR UPDATE", [p["document_id"]]).fetchone()
    if row is None:
        raise Conflict(f"document {p['document_id']} was deleted meanwhile", code="doc.deleted")
    if "expect" in p and row[0] != p["expect"]:
        raise Conflict(f"document {p['document_id']} was renamed by someone else (to “{row[0]}”, you renamed "
                       f"“{p['expect']}”)", {"title": row[0]}, code="doc.renamed")
    title = " ".join(str(p["title"]).split())
    if not title:
        raise ValueError("a document title cannot be empty")
    conn.execute("UPDATE documents SET title = %s WHERE id = %s", [title, p["document_id"]])
    _event(conn, "document.rename", op.annotator, p["document_id"], "document", p["document_id"],
           before={"title": row[0]}, after={"title": title})


GUIDELINES_KEY = "guidelines_md"  # storage/comments.py's key


def _guidelines(conn, op: Op) -> None:
    p = op.payload
    row = conn.execute("SELECT value FROM project_meta WHERE key = %s FOR UPDATE", [GUIDELINES_KEY]).fetchone()
    current = row[0] if row and row[0] else ""
    if "expect" in p and current != p["expect"]:
        raise Conflict(f"the guidelines were changed by someone else meanwhile ({len(current)} characters now)",
                       code="guidelines.changed")
    conn.execute("INSERT INTO project_meta (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET"
                 " value = excluded.value", [GUIDELINES_KEY, p["markdown"]])
    _event(conn, "guidelines.set", op.annotator, None, "project", GUIDELINES_KEY,
           before={"chars": len(current)}, after={"chars": len(p["markdown"]), "text": p["markdown"]})


_SECTION_KEYS = ("parent", "level", "marker", "title", "start", "end", "title_start", "title_end", "kind",
                 "ordinal", "confidence", "source")


def _save_outline(conn, op: Op, doc_id: int, sections: list[dict[str, Any]]) -> None:
    """The outline the editor's app computed (parse + corrections; storage runs no parser)."""
    conn.execute("DELETE FROM sections WHERE document_id = %s", [doc_id])
    with conn.cursor() as cur:
        cur.executemany('INSERT INTO sections (document_id, ord, parent_ord, level, marker, title, start, "end",'
                        " title_start, title_end, kind, ordinal, confidence, source) VALUES"
                        " (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                        [(doc_id, i, *(s.get(k) for k in _SECTION_KEYS)) for i, s in enumerate(sections)])
    _event(conn, "outline.save", op.annotator, doc_id, "outline", doc_id, after={"sections": len(sections)})


def outline_fingerprint(sections) -> str:
    """What identifies an outline: each section's level and spans, in order (Section objects or dicts)."""
    import hashlib  # noqa: PLC0415

    def key(s):
        get = s.get if isinstance(s, dict) else lambda k: getattr(s, k)
        return f"{get('level')}:{get('start')}:{get('end')}:{get('title_start')}:{get('title_end')}"
    return hashlib.sha256("|".join(key(s) for s in sections).encode()).hexdigest()[:32]


def _check_outline(conn, doc: int, expect: str | None, why: str) -> None:
    """An outline correction queued offline names the outline its editor saw (``expect_outline``): if
    the server's stored outline is another one — a second lead corrected the same document meanwhile —
    the correction is a conflict, never a silent overwrite of the whole outline. An empty stored
    outline holds nobody's work, so a correction to it is applied."""
    if expect is None:
        return
    rows = conn.execute('SELECT level, start, "end", title_start, title_end FROM sections WHERE document_id = %s'
                        " ORDER BY ord", [doc]).fetchall()
    keys = ("level", "start", "end", "title_start", "title_end")
    if rows and outline_fingerprint([dict(zip(keys, r)) for r in rows]) != expect:
        raise Conflict(f"the outline of document {doc} was corrected by someone else meanwhile: {why}; nothing "
                       "was changed", code="outline.changed")


def _outline_edit(conn, op: Op) -> None:
    """One structure correction (sections.add_edit) and the outline it gives. The edit carries the
    number of corrections its editor saw: another lead's correction meanwhile is a conflict (the sent
    outline would drop it)."""
    p = op.payload
    doc = p["document_id"]
    seen = conn.execute("SELECT count(*) FROM section_edits WHERE document_id = %s", [doc]).fetchone()[0]
    if "expect_edits" in p and seen != p["expect_edits"]:
        raise Conflict(f"the outline of document {doc} was corrected by someone else meanwhile ({seen} "
                       f"corrections now, you saw {p['expect_edits']})", code="outline.changed")
    _check_outline(conn, doc, p.get("expect_outline"), "your correction was made to the outline as it was before")
    edit_id = conn.execute("INSERT INTO section_edits (document_id, op, anchor, payload, annotator, created)"
                           " VALUES (%s, %s, %s, %s, %s, %s) RETURNING id",
                           [doc, p["op"], p["anchor"], json.dumps(p.get("payload") or {}, ensure_ascii=False),
                            op.annotator, p.get("created") or op.created]).fetchone()[0]
    _event(conn, f"outline.{p['op']}", op.annotator, doc, "section_edit", edit_id,
           after={"anchor": p["anchor"], **(p.get("payload") or {})})
    _save_outline(conn, op, doc, p["sections"])


def _outline_undo(conn, op: Op) -> None:
    """Take back a correction: by its id (made online) or by the stamp and anchor it was queued with."""
    p = op.payload
    if p.get("edit_id") is not None:
        row = conn.execute("SELECT id, op, anchor, payload FROM section_edits WHERE id = %s", [p["edit_id"]]).fetchone()
    else:
        row = conn.execute("SELECT id, op, anchor, payload FROM section_edits WHERE document_id = %s AND created = %s"
                           " AND anchor = %s AND op = %s ORDER BY id DESC LIMIT 1",
                           [p["document_id"], p["created"], p["anchor"], p["op"]]).fetchone()
    if row is None:
        raise Conflict(f"the outline correction to take back in document {p['document_id']} is gone",
                       code="outline.gone")
    _check_outline(conn, p["document_id"], p.get("expect_outline"),
                   "taking your correction back would drop the corrections made after it")
    conn.execute("DELETE FROM section_edits WHERE id = %s", [row[0]])
    _event(conn, "outline.undo", op.annotator, p["document_id"], "section_edit", row[0],
           before={"op": row[1], "anchor": row[2], **json.loads(row[3] or "{}")})
    _save_outline(conn, op, p["document_id"], p["sections"])


APPLY = {"comment.add": _comment_add, "comment.edit": _comment_edit, "comment.remove": _comment_remove,
         "doc.title": _doc_title, "guidelines.set": _guidelines, "outline.edit": _outline_edit,
         "outline.undo": _outline_undo}
