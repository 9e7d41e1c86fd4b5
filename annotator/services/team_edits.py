"""A team member's edits as operations: the one way the CLI, the GUI and the load test write to a team
project through the outbox (annotator.storage.outbox.TeamLink).

Each function makes one ``Op`` with a fresh id and submits it; the returned ``Saved`` says whether the
edit is on the server or waiting in the outbox (both durable), and carries the server's answer
(applied / conflict / refused) when it was sent at once. Edits of an existing span name the version the
member saw, so nobody's change is overwritten silently (storage/team_ops.py).
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, is_dataclass, replace
from types import SimpleNamespace
from typing import Any

from annotator.domain.ids import ordered_id
from annotator.domain.model import Span, SpanStatus
from annotator.storage.outbox import Saved, TeamLink
from annotator.storage.project import now
from annotator.storage.team_ops import Op
from annotator.services.team_channel import BOUND_S, TeamChannel, TeamRefused  # noqa: F401 - re-exported

STATUSES = ("not_started", "in_progress", "done")


def add_span(link: TeamLink, span: Span) -> tuple[Span, Saved]:
    """Tag: the span gets its id here (so a resend is the same span) and version 1 on the server."""
    span, op = _add_op(span)
    return span, link.submit(op)


def _add_op(span: Span) -> tuple[Span, Op]:
    if span.status not in SpanStatus.ALL or span.end <= span.start or span.start < 0:
        raise ValueError(f"not a span: [{span.start}, {span.end}) {span.status!r}")
    stamp = now()
    span = replace(span, id=span.id or uuid.uuid4().hex, created=span.created or stamp, updated=span.updated or stamp)
    payload = {"id": span.id, "document_id": span.document_id, "start": span.start, "end": span.end,
               "label": span.label, "annotator": span.annotator, "status": span.status,
               "attributes": span.attributes, "source": span.source, "provenance": span.provenance,
               "created": span.created, "updated": span.updated}
    return span, Op("span.add", span.annotator, payload)


def update_span(link: TeamLink, span_id: str, expect_version: int, by: str, **changes: Any) -> Saved:
    """Change a span the member saw at ``expect_version`` (after this edit it is ``expect_version + 1``)."""
    return link.submit(Op("span.update", by, {"id": span_id, "expect_version": expect_version, "changes": changes}))


def remove_span(link: TeamLink, span_id: str, expect_version: int, by: str) -> Saved:
    return link.submit(Op("span.remove", by, {"id": span_id, "expect_version": expect_version}))


def set_status(link: TeamLink, document_id: int, annotator: str, status: str) -> Saved:
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}")
    return link.submit(Op("doc.status", annotator, {"document_id": document_id, "status": status}))


def add_comment(link: TeamLink, document_id: int, body: str, annotator: str, span_id: str | None = None) -> Saved:
    body = (body or "").strip()
    if not body:
        raise ValueError("a comment needs some text")
    return link.submit(Op("comment.add", annotator, {"id": ordered_id(), "document_id": document_id,
                                                    "span_id": span_id, "body": body}))


# -- the desktop app's writing path (the transport: team_channel.py) ---------------------------------------

class DesktopWriter(TeamChannel):
    """The edits the GUI's undo commands make on a team project, each one operation through TeamChannel
    (see its docstring for how an edit travels: the server within a bound, or the outbox)."""

    # -- spans and statuses ---------------------------------------------------------------------------------
    def add_span(self, span: Span, *, action: str = "span.add") -> tuple[Span, str]:
        """Store a new span; returns (the span, "server" or "outbox")."""
        from annotator.storage import spans as span_store  # noqa: PLC0415

        stored, op = _add_op(span)
        op.payload["action"] = action  # the event the server writes says what it was (undo, accept…)
        done, result = self._direct(op, lambda: span_store.add_span(self.project, stored, action=action))
        if done:
            return result, "server"
        self._queue(op)
        return stored, "outbox"

    def remove_span(self, span: Span, by: str, seen: Span | None) -> str:
        from annotator.storage import spans as span_store  # noqa: PLC0415

        known = seen or span
        op = Op("span.remove", by, {"id": span.id, "expect_updated": known.updated})
        try:
            done, _ = self._direct(op, lambda: span_store.remove_span(self.project, span.id, by=by, expect=seen))
        except span_store.SpanConflict as exc:
            self._note("span.remove", by, {"id": span.id}, exc)
            raise
        if done:
            return "server"
        self._queue(op)
        return "outbox"

    def update_span(self, span_id: str, by: str, seen: Span | None, **changes: Any) -> tuple[Span, Span, str]:
        """Returns (before, after, where). Offline, ``seen`` is what the change is made to."""
        from annotator.storage import spans as span_store  # noqa: PLC0415
        from annotator.storage.pg.backend import ServerUnavailable  # noqa: PLC0415

        after = replace(seen, **changes, updated=now()) if seen is not None else None
        op = Op("span.update", by, {"id": span_id, "expect_updated": seen.updated if seen else None,
                                    "changes": changes, "updated": after.updated if after else None})
        try:
            done, result = self._direct(op, lambda: span_store.update_span(self.project, span_id, by=by, expect=seen,
                                                                           **changes))
        except span_store.SpanConflict as exc:
            self._note("span.update", by, {"id": span_id, "changes": changes}, exc)
            raise
        if done:
            return (*result, "server")
        if seen is None:
            raise ServerUnavailable(self.project.path, "the server is unreachable and this span is not in view: "
                                    "the change was not made")
        self._queue(op)
        return seen, after, "outbox"

    def set_status(self, document_id: int, annotator: str, status: str) -> str:
        from annotator.storage import documents as doc_store  # noqa: PLC0415

        op = Op("doc.status", annotator, {"document_id": document_id, "status": status})
        done, _ = self._direct(op, lambda: doc_store.set_status(self.project, document_id, annotator, status))
        if done:
            return "server"
        self._queue(op)
        return "outbox"

    # -- notes, titles, guidelines, outline corrections -------------------------------------------------------
    @staticmethod
    def new_comment(document_id: int, body: str, annotator: str, span_id: str | None = None):
        """The note as comments.add_comment makes it (id and stamps made here, so a resend is the same note)."""
        from annotator.storage.comments import Comment, _clean  # noqa: PLC0415

        stamp = now()
        return Comment(ordered_id(), document_id, span_id, annotator, _clean(body), stamp, stamp)

    def add_comment(self, comment, *, action: str = "comment.add") -> str:
        """A note (storage/comments.Comment, its id made by the app) or one put back by undo."""
        from annotator.storage import comments  # noqa: PLC0415

        return self._op(Op("comment.add", comment.annotator, {**asdict(comment), "action": action}),
                        lambda: comments.restore(self.project, comment, action=action))

    def remove_comment(self, comment, by: str) -> str:
        from annotator.storage import comments  # noqa: PLC0415

        return self._op(Op("comment.remove", by, {"id": comment.id, "expect_updated": comment.updated}),
                        lambda: comments.remove_comment(self.project, comment.id, by=by))

    def edit_comment(self, comment, body: str, by: str):
        """Returns (the note as edited, where); ``comment`` is the note as its editor saw it."""
        from annotator.storage.comment_edits import update_comment  # noqa: PLC0415
        from annotator.storage.comments import _clean  # noqa: PLC0415

        # A note edit rebuilt from the log after a restart (gui/history.py) knows the note's id and text,
        # not its stamp: the edit then applies over whatever the note says by now (no conflict check) —
        # before, replace() raised TypeError here and Ctrl+Z after a restart did nothing (issue 16).
        if is_dataclass(comment):
            after = replace(comment, body=_clean(body), updated=now())
        else:
            after = SimpleNamespace(**{**vars(comment), "body": _clean(body), "updated": now()})
        op = Op("comment.edit", by, {"id": comment.id, "body": after.body,
                                     "expect_updated": getattr(comment, "updated", None), "updated": after.updated})
        box: list = []
        where = self._op(op, lambda: box.extend(update_comment(self.project, comment.id, body, by=by)))
        return (box[1] if box else after), where

    def rename_document(self, document_id: int, title: str, before: str, by: str) -> str:
        from annotator.storage.gui_queries import rename_document  # noqa: PLC0415

        title = " ".join((title or "").split())
        if not title:
            raise ValueError("a document title cannot be empty")
        return self._op(Op("doc.title", by, {"document_id": document_id, "title": title, "expect": before}),
                        lambda: rename_document(self.project, document_id, title, annotator=by))

    def set_guidelines(self, markdown: str, before: str, by: str) -> str:
        from annotator.storage import comments  # noqa: PLC0415

        if len(markdown) > 2_000_000:
            raise ValueError("guidelines may hold at most 2 000 000 characters")
        return self._op(Op("guidelines.set", by, {"markdown": markdown, "expect": before}),
                        lambda: comments.set_guidelines(self.project, markdown, by=by))

    def outline_edit(self, document_id: int, edit: dict, text: str, shown: list, by: str) -> tuple[dict, list, str]:
        """A structure correction ``edit`` ({op, anchor, payload}); ``shown`` is the outline on screen.
        Returns (the queued edit with its stamp, the outline it gives, where). The outline is computed
        here (storage runs no parser): online from the server's corrections, offline from ``shown``."""
        from annotator.storage import sections as section_store  # noqa: PLC0415
        from annotator.storage.team_ops_shared import outline_fingerprint  # noqa: PLC0415
        from annotator.structure.corrections import apply_edits  # noqa: PLC0415
        from annotator.structure.outline import parse_outline  # noqa: PLC0415

        edit = {**edit, "created": now()}
        payload = {"document_id": document_id, **edit}
        try:
            if self.link.pending_count():
                raise ConnectionError("edits wait: the outline on screen is the one to correct")
            with self.project.deadline(self.bound_s):
                known = section_store.get_edits(self.project, document_id)
            payload["expect_edits"] = len(known)
            sections = apply_edits(text, parse_outline(text), [*known, edit])
        except (ConnectionError, *_offline_errors()):
            # Offline the correction is made to the outline on screen, so it names that outline: if another
            # lead corrected this document meanwhile, it arrives as a conflict instead of replacing theirs.
            payload["expect_outline"] = outline_fingerprint(shown)
            sections = apply_edits(text, shown, [edit])
        payload["sections"] = [asdict(s) for s in sections]
        edit["result_outline"] = outline_fingerprint(sections)  # what an undo of it expects to find

        def plain():
            edit["edit_id"] = section_store.add_edit(self.project, document_id, edit["op"], edit["anchor"],
                                                     edit.get("payload") or {}, by)
            section_store.save_sections(self.project, document_id, sections, annotator=by)
        return edit, sections, self._op(Op("outline.edit", by, payload), plain)

    def outline_undo(self, document_id: int, edit: dict, restored: list, by: str) -> str:
        """Take back ``edit`` (as outline_edit returned it); ``restored`` is the outline before it."""
        from annotator.storage import sections as section_store  # noqa: PLC0415

        def plain():
            if edit.get("edit_id") is not None:
                section_store.remove_edit(self.project, edit["edit_id"], by)
            section_store.save_sections(self.project, document_id, restored, annotator=by)
        payload = {"document_id": document_id, "op": edit["op"], "anchor": edit["anchor"], "created": edit["created"],
                   "edit_id": edit.get("edit_id"), "sections": [asdict(s) for s in restored]}
        if edit.get("result_outline"):  # another lead's correction after this one makes the undo a conflict
            payload["expect_outline"] = edit["result_outline"]
        return self._op(Op("outline.undo", by, payload), plain)

def _offline_errors() -> tuple:
    from annotator.storage.outbox import OFFLINE  # noqa: PLC0415
    from annotator.storage.pg.backend import ServerUnavailable  # noqa: PLC0415

    return (ServerUnavailable, *OFFLINE)


def answer(writer: DesktopWriter, suggestion: Span, annotator: str, status: str, action: str) -> Span:
    """Accept or reject a suggestion on a team project: the annotator's own row, as spans._answer makes it."""
    span = Span(document_id=suggestion.document_id, start=suggestion.start, end=suggestion.end,
                label=suggestion.label, annotator=annotator, status=status, attributes=dict(suggestion.attributes),
                source=suggestion.source, provenance={"suggestion": suggestion.id})
    return writer.add_span(span, action=action)[0]
