"""A team member's edits as operations: the one way the CLI, the GUI and the load test write to a team
project through the outbox (annotator.storage.outbox.TeamLink).

Each function makes one ``Op`` with a fresh id and submits it; the returned ``Saved`` says whether the
edit is on the server or waiting in the outbox (both durable), and carries the server's answer
(applied / conflict / refused) when it was sent at once. Edits of an existing span name the version the
member saw, so nobody's change is overwritten silently (storage/team_ops.py).
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from annotator.domain.model import Span, SpanStatus
from annotator.storage.outbox import Saved, TeamLink
from annotator.storage.project import now
from annotator.storage.team_ops import Op

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
    return link.submit(Op("comment.add", annotator, {"id": uuid.uuid4().hex, "document_id": document_id,
                                                    "span_id": span_id, "body": body}))


# -- the desktop app's writing path ----------------------------------------------------------------------

class DesktopWriter:
    """How the GUI's undo commands write to a team project (issue 16 point 4), Qt-free.

    Online and with nothing waiting, an edit is the ordinary storage call (validation, duplicates, the
    event, the check of what the editor saw: spans.SpanConflict). When the server is unreachable
    (``ServerUnavailable``), or older edits still wait, the edit becomes an operation in the outbox
    (TeamLink): durable on this machine when the call returns, sent in order exactly once when the server
    is back (``flush``, from the window's background worker). A queued edit of a span names the
    ``updated`` stamp its editor saw and carries its own, so a chain of offline edits applies in order
    while a lead's change meanwhile becomes a conflict in the outbox, listed for the member. A conflict
    met on the direct path is recorded there as well, so the member sees every conflict in one list.
    """

    def __init__(self, project, link: TeamLink, connect=None):
        self.project, self.link = project, link
        self.connect = connect  # a new connection as this member (the live feed's, on its own thread)

    @classmethod
    def for_project(cls, project, outbox=None) -> "DesktopWriter":
        import psycopg  # noqa: PLC0415 - only team projects need the driver

        from annotator.storage.outbox import Outbox  # noqa: PLC0415

        url = project.path  # the URL as given (the password, if any, is the driver's to read, never shown)
        def connect():
            return psycopg.connect(url, connect_timeout=5)

        return cls(project, TeamLink(url, connect, outbox or Outbox()), connect)

    # -- the edits ------------------------------------------------------------------------------------------
    def _direct(self, call):
        """(True, result) when the server took the edit; (False, None) when it must be queued."""
        from annotator.storage.pg.backend import ServerUnavailable  # noqa: PLC0415

        if self.link.pending_count():
            return False, None  # never overtake an edit that waits: the server applies them in order
        try:
            return True, call()
        except ServerUnavailable:
            return False, None

    def _queue(self, op: Op) -> None:
        """Durable in the outbox when this returns. No network here: the window's worker sends it (flush),
        so an edit made offline never waits for a connection attempt on the UI thread."""
        self.link.outbox.put(self.link.project, op)

    def _note(self, kind: str, annotator: str, payload: dict, exc: Exception) -> None:
        from annotator.storage.team_ops import Outcome  # noqa: PLC0415

        op = Op(kind, annotator, payload)
        self.link.outbox.put(self.link.project, op)
        self.link.outbox.settle(self.link.project, op, Outcome(op.op_id, "conflict", str(exc)))

    def add_span(self, span: Span, *, action: str = "span.add") -> tuple[Span, str]:
        """Store a new span; returns (the span, "server" or "outbox")."""
        from annotator.storage import spans as span_store  # noqa: PLC0415

        done, stored = self._direct(lambda: span_store.add_span(self.project, span, action=action))
        if done:
            return stored, "server"
        stored, op = _add_op(span)
        op.payload["action"] = action  # the event the server writes says what it was (undo, accept…)
        self._queue(op)
        return stored, "outbox"

    def remove_span(self, span: Span, by: str, seen: Span | None) -> str:
        from annotator.storage import spans as span_store  # noqa: PLC0415

        try:
            done, _ = self._direct(lambda: span_store.remove_span(self.project, span.id, by=by, expect=seen))
        except span_store.SpanConflict as exc:
            self._note("span.remove", by, {"id": span.id}, exc)
            raise
        if done:
            return "server"
        known = seen or span
        self._queue(Op("span.remove", by, {"id": span.id, "expect_updated": known.updated}))
        return "outbox"

    def update_span(self, span_id: str, by: str, seen: Span | None, **changes: Any) -> tuple[Span, Span, str]:
        """Returns (before, after, where). Offline, ``seen`` is what the change is made to."""
        from annotator.storage import spans as span_store  # noqa: PLC0415
        from annotator.storage.pg.backend import ServerUnavailable  # noqa: PLC0415

        try:
            done, result = self._direct(lambda: span_store.update_span(self.project, span_id, by=by, expect=seen,
                                                                       **changes))
        except span_store.SpanConflict as exc:
            self._note("span.update", by, {"id": span_id, "changes": changes}, exc)
            raise
        if done:
            return (*result, "server")
        if seen is None:
            raise ServerUnavailable(self.project.path, "the server is unreachable and this span is not in view: "
                                    "the change was not made")
        after = replace(seen, **changes, updated=now())
        self._queue(Op("span.update", by, {"id": span_id, "expect_updated": seen.updated,
                                                "changes": changes, "updated": after.updated}))
        return seen, after, "outbox"

    def set_status(self, document_id: int, annotator: str, status: str) -> str:
        from annotator.storage import documents as doc_store  # noqa: PLC0415

        done, _ = self._direct(lambda: doc_store.set_status(self.project, document_id, annotator, status))
        if done:
            return "server"
        self._queue(Op("doc.status", annotator, {"document_id": document_id, "status": status}))
        return "outbox"

    # -- what the status bar shows, and the background worker's part ----------------------------------------
    def pending(self) -> int:
        return self.link.pending_count()

    def conflicts(self) -> list[dict]:
        return self.link.conflicts()

    def dismiss(self, op_id: str) -> None:
        self.link.outbox.dismiss(op_id)

    def flush(self) -> int:
        """Send what waits (call from a worker thread: it talks to the network)."""
        return self.link.flush(force=True)

    def close(self) -> None:
        self.link.close()


def answer(writer: DesktopWriter, suggestion: Span, annotator: str, status: str, action: str) -> Span:
    """Accept or reject a suggestion on a team project: the annotator's own row, as spans._answer makes it."""
    span = Span(document_id=suggestion.document_id, start=suggestion.start, end=suggestion.end,
                label=suggestion.label, annotator=annotator, status=status, attributes=dict(suggestion.attributes),
                source=suggestion.source, provenance={"suggestion": suggestion.id})
    return writer.add_span(span, action=action)[0]
