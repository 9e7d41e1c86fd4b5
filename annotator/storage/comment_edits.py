"""Editing a note's text (storage/comments.py adds, removes and restores notes; this changes one).

Backend-neutral (base.StoreBase's surface). One transaction with a ``comment.edit`` event holding the
text before and after, so audit and undo both see the change (services/history.py rebuilds the step
after a restart from it).
"""

from __future__ import annotations

from dataclasses import replace

from annotator.storage import events
from annotator.storage.comments import _COLUMNS, Comment, _clean, _row
from annotator.storage.project import now
from annotator.storage.store import StoreBackend


def update_comment(project: StoreBackend, comment_id: str, body: str, *, by: str) -> tuple[Comment, Comment]:
    """Replace a note's text; returns (before, after). KeyError when the note is gone, ValueError for an
    empty or over-long text (nothing written then)."""
    body = _clean(body)
    with project.write():
        row = project.fetchone(f"SELECT {_COLUMNS} FROM comments WHERE id = ?", [comment_id])
        if row is None:
            raise KeyError(f"no note {comment_id}")
        before = _row(project, row)
        after = replace(before, body=body, updated=now())
        project.execute("UPDATE comments SET body = ?, updated = ? WHERE id = ?",
                        [after.body, after.updated, comment_id])
        events.record(project, "comment.edit", annotator=by, document_id=before.document_id, entity="comment",
                      entity_id=comment_id, before={"body": before.body}, after={"body": after.body})
    return before, after
