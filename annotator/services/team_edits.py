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
    if span.status not in SpanStatus.ALL or span.end <= span.start or span.start < 0:
        raise ValueError(f"not a span: [{span.start}, {span.end}) {span.status!r}")
    stamp = now()
    span = replace(span, id=span.id or uuid.uuid4().hex, created=span.created or stamp, updated=span.updated or stamp)
    payload = {"id": span.id, "document_id": span.document_id, "start": span.start, "end": span.end,
               "label": span.label, "annotator": span.annotator, "status": span.status,
               "attributes": span.attributes, "source": span.source, "provenance": span.provenance,
               "created": span.created, "updated": span.updated}
    return span, link.submit(Op("span.add", span.annotator, payload))


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
