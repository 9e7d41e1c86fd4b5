"""Comments: a note on a document or on one of its spans, by an annotator, for the adjudicator.

One transaction per call, with an event (like every other write), so the GUI's undo commands call
these directly. ``restore`` puts back a removed comment with its id (redo after undo).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from annotator.domain.ids import ordered_id
from annotator.storage import events
from annotator.storage.errors import ProjectError
from annotator.storage.project import now
from annotator.storage.store import StoreBackend

MAX_LENGTH = 10_000


@dataclass(frozen=True)
class Comment:
    id: str
    document_id: int
    span_id: str | None
    annotator: str
    body: str
    created: str
    updated: str


_COLUMNS = "id, document_id, span_id, annotator, body, created, updated"


def _row(project: StoreBackend, row) -> Comment:
    try:
        return Comment(str(row[0]), int(row[1]), row[2], str(row[3]), str(row[4]), str(row[5]), str(row[6]))
    except (TypeError, ValueError) as exc:
        raise ProjectError(project.path, f"comment {row[0]!r} cannot be read ({exc})") from exc


def _clean(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValueError("a comment needs some text")
    if len(body) > MAX_LENGTH:
        raise ValueError(f"a comment may hold at most {MAX_LENGTH} characters, not {len(body)}")
    return body


def add_comment(project: StoreBackend, document_id: int, body: str, annotator: str,
                span_id: str | None = None) -> Comment:
    stamp = now()
    comment = Comment(ordered_id(), document_id, span_id, annotator, _clean(body), stamp, stamp)
    return restore(project, comment, action="comment.add")


def restore(project: StoreBackend, comment: Comment, *, action: str = "comment.restore") -> Comment:
    with project.write():
        if project.execute("SELECT 1 FROM documents WHERE id = ?", [comment.document_id]).fetchone() is None:
            raise KeyError(f"no document {comment.document_id}")
        project.execute(f"INSERT INTO comments ({_COLUMNS}) VALUES (?,?,?,?,?,?,?)",
                             [comment.id, comment.document_id, comment.span_id, comment.annotator, comment.body,
                              comment.created, comment.updated])
        events.record(project, action, annotator=comment.annotator, document_id=comment.document_id,
                      entity="comment", entity_id=comment.id, after=asdict(comment))
    return comment


def remove_comment(project: StoreBackend, comment_id: str, *, by: str) -> Comment:
    with project.write():
        row = project.execute(f"SELECT {_COLUMNS} FROM comments WHERE id = ?", [comment_id]).fetchone()
        if row is None:
            raise KeyError(f"no comment {comment_id}")
        comment = _row(project, row)
        project.execute("DELETE FROM comments WHERE id = ?", [comment_id])
        events.record(project, "comment.remove", annotator=by, document_id=comment.document_id,
                      entity="comment", entity_id=comment_id, before=asdict(comment))
    return comment


def list_comments(project: StoreBackend, document_id: int) -> list[Comment]:
    """Every comment of a document (on it and on its spans), oldest first."""
    rows = project.execute(f"SELECT {_COLUMNS} FROM comments WHERE document_id = ? ORDER BY created, id",
                                [document_id]).fetchall()
    return [_row(project, row) for row in rows]


def all_comments(project: StoreBackend) -> list[Comment]:
    """Every comment of the project, oldest first (what a merge carries to the team's project)."""
    rows = project.execute(f"SELECT {_COLUMNS} FROM comments ORDER BY created, id").fetchall()
    return [_row(project, row) for row in rows]


def merge_comments(project: StoreBackend, incoming: list[Comment], *, source: str) -> int:
    """Copy ``incoming`` comments the project lacks; returns how many were added.

    Comments keep their ids, so merging the same source twice adds nothing; one the project has removed
    (its ``comment.remove`` event) is not brought back, as with spans. Runs inside the caller's
    transaction when there is one (a merge is one transaction per source).
    """
    if not incoming:
        return 0
    with project.write():
        present = {str(r[0]) for r in project.execute("SELECT id FROM comments").fetchall()}
        removed = {str(r[0]) for r in project.execute(
            "SELECT entity_id FROM events WHERE entity = 'comment' AND action = 'comment.remove'").fetchall()}
        added = 0
        for comment in incoming:
            if comment.id in present or comment.id in removed:
                continue
            project.execute(f"INSERT INTO comments ({_COLUMNS}) VALUES (?,?,?,?,?,?,?)",
                            [comment.id, comment.document_id, comment.span_id, comment.annotator, comment.body,
                             comment.created, comment.updated])
            events.record(project, "comment.merge", annotator=comment.annotator, document_id=comment.document_id,
                          entity="comment", entity_id=comment.id, after={**asdict(comment), "source": source})
            present.add(comment.id)
            added += 1
    return added


# -- the project's annotation guidelines: one Markdown text the whole team reads beside the text ------
GUIDELINES_KEY = "guidelines_md"


def get_guidelines(project: StoreBackend) -> str:
    return project.meta(GUIDELINES_KEY) or ""


def set_guidelines(project: StoreBackend, markdown: str, *, by: str) -> str:
    """Replace the guidelines (an empty text removes them); returns the previous text (for undo)."""
    if len(markdown) > 2_000_000:
        raise ValueError("guidelines may hold at most 2 000 000 characters")
    with project.write():
        before = get_guidelines(project)
        project.set_meta(GUIDELINES_KEY, markdown)
        # The text set goes into the log (the text before is the previous event's): undo after a restart
        # needs it (services/history.py); guidelines are set rarely, by loading a file.
        events.record(project, "guidelines.set", annotator=by, entity="project", entity_id=GUIDELINES_KEY,
                      before={"chars": len(before)}, after={"chars": len(markdown), "text": markdown})
    return before
