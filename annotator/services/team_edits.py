"""A team member's edits as operations: the one way the CLI, the GUI and the load test write to a team
project through the outbox (annotator.storage.outbox.TeamLink).

Each function makes one ``Op`` with a fresh id and submits it; the returned ``Saved`` says whether the
edit is on the server or waiting in the outbox (both durable), and carries the server's answer
(applied / conflict / refused) when it was sent at once. Edits of an existing span name the version the
member saw, so nobody's change is overwritten silently (storage/team_ops.py).
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, replace
from typing import Any

from annotator.domain.ids import ordered_id
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
    return link.submit(Op("comment.add", annotator, {"id": ordered_id(), "document_id": document_id,
                                                    "span_id": span_id, "body": body}))


# -- the desktop app's writing path ----------------------------------------------------------------------

BOUND_S = 3.0  # the longest an online edit may keep the window waiting before it goes to the outbox
UI_ANSWER_S, UI_PROBE_S, UI_LIMIT_S = 1.5, 1.5, 15.0  # the window's reads (pg/deadline.py)
UI_HOLD_S = 60.0  # after no answer, the window's reads fail at once until the worker reaches the server


class TeamRefused(ValueError):
    """An edit the server would refuse (not a lead) or refused (a conflict): nothing was changed or queued.
    A ValueError, so the undo commands show it and drop the step like any refusal of the store."""


class DesktopWriter:
    """How the GUI's undo commands write to a team project (issue 16 point 4), Qt-free.

    Online and with nothing waiting, an edit is the ordinary storage call (validation, duplicates, the
    event, the check of what the editor saw: spans.SpanConflict) with its operation id recorded in the
    same transaction, and bounded (``project.deadline(bound_s)``): a server that accepts the connection
    but never answers costs the window at most ``bound_s`` seconds. When the server is unreachable or too
    slow (``ServerUnavailable``), or older edits still wait, the edit becomes that operation in the
    outbox (TeamLink): durable on this machine when the call returns, sent in order exactly once when the
    server is back (``flush``, from the window's background worker) — a direct attempt whose COMMIT did
    reach the server is found by its id and not applied twice. A queued edit names what its editor saw
    (the span's or note's ``updated`` stamp, the old title, the old guidelines, the number of outline
    corrections), so someone else's change meanwhile becomes a conflict in the outbox, listed for the
    member. Notes, titles, guidelines and outline corrections are sent as operations online too
    (team_ops.apply_op: one code path online and offline). Titles, guidelines and outline corrections are
    a lead's (row-level security): an annotator's attempt is refused at once (``TeamRefused``), never
    queued. A database that ``team init`` never set up has no outbox: edits go straight to the server or
    fail with what to do (``problem``).
    """

    def __init__(self, project, link: TeamLink, connect=None, *, bound_s: float = BOUND_S):
        from annotator.storage import team_ops  # noqa: PLC0415

        self.project, self.link, self.bound_s = project, link, bound_s
        self.connect = connect  # a new connection as this member (the live feed's, on its own thread)
        self.member = team_ops.membership(project)

    @classmethod
    def for_project(cls, project, outbox=None, **kw) -> "DesktopWriter":
        import psycopg  # noqa: PLC0415 - only team projects need the driver

        from annotator.storage.outbox import Outbox  # noqa: PLC0415

        from annotator.storage.pg.deadline import connect_options  # noqa: PLC0415
        from annotator.storage.pg.passwords import connect_password  # noqa: PLC0415

        url = project.path  # the URL as given (the password, if any, is the driver's to read, never shown)
        password = connect_password(url)  # the keyring's, if it has one; else libpq reads the pgpass file

        def connect():
            return psycopg.connect(url, **connect_options(url, connect_timeout=5), **password)

        # The window's own reads run on its thread: a silent server costs it UI_ANSWER_S + UI_PROBE_S once,
        # then the project holds off (fails at once, "server not answering") until the window's worker
        # reaches the server again (TeamStatus calls reachable_again); a busy one at most UI_LIMIT_S.
        if hasattr(project, "bound_reads"):
            project.bound_reads(answer_s=UI_ANSWER_S, probe_s=UI_PROBE_S, limit_s=UI_LIMIT_S)
        writer = cls(project, TeamLink(url, connect, outbox or Outbox()), connect, **kw)
        if hasattr(project, "hold_s") and writer.member.ready:  # without team setup no worker ends the hold
            project.hold_s = UI_HOLD_S
        return writer

    @property
    def problem(self) -> str:
        """Why this project cannot keep edits offline ("" when it can): shown in the status bar."""
        from annotator.storage.team_ops import NO_TEAM  # noqa: PLC0415

        return "" if self.member.ready else NO_TEAM

    # -- the two paths --------------------------------------------------------------------------------------
    def _direct(self, op: Op, call):
        """(True, result) when the server took the edit; (False, None) when it must be queued."""
        from annotator.storage import team_ops  # noqa: PLC0415
        from annotator.storage.pg.backend import ServerUnavailable  # noqa: PLC0415

        if not self.member.ready:
            try:
                with self.project.deadline(self.bound_s):
                    return True, call()
            except ServerUnavailable as exc:
                raise ServerUnavailable(self.project.path, f"{exc.args[-1] if exc.args else exc}; {self.problem}") from None
        if self.link.pending_count():
            return False, None  # never overtake an edit that waits: the server applies them in order

        def run():
            with self.project.write():
                team_ops.record_direct(self.project, op)
                return call()
        try:
            return True, self._bounded(run)
        except ServerUnavailable:
            return False, None

    def _bounded(self, fn):
        """``fn()`` within ``bound_s``. A connection a past restart of the server broke fails at once: that
        first failure is tried once more on a new connection, if it came quickly (not from the deadline)."""
        import time  # noqa: PLC0415

        from annotator.storage.outbox import OFFLINE  # noqa: PLC0415
        from annotator.storage.pg.backend import ServerUnavailable  # noqa: PLC0415

        for attempt in (1, 2):
            began = time.monotonic()
            try:
                with self.project.deadline(self.bound_s):
                    return fn()
            except (ServerUnavailable, *OFFLINE) as exc:
                if attempt == 2 or time.monotonic() - began > self.bound_s / 2:
                    raise ServerUnavailable(self.project.path, str(exc.args[-1] if exc.args else exc)) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def _queue(self, op: Op) -> None:
        """Durable in the outbox when this returns. No network here: the window's worker sends it (flush),
        so an edit made offline never waits for a connection attempt on the UI thread."""
        self.link.outbox.put(self.link.project, op)

    def _note(self, kind: str, annotator: str, payload: dict, exc: Exception) -> None:
        """A conflict found by the ordinary storage call (spans.SpanConflict), listed like the outbox's."""
        from annotator.storage.team_ops import Outcome  # noqa: PLC0415

        op = Op(kind, annotator, payload)
        code = "span.deleted" if getattr(exc, "current", None) is None and "delet" in str(exc) else "span.changed"
        self.link.outbox.put(self.link.project, op)
        self.link.outbox.settle(self.link.project, op, Outcome(op.op_id, "conflict", str(exc), code=code))

    def _op(self, op: Op, plain) -> str:
        """Send ``op`` through apply_op on the project's own connection (bounded), or queue it. ``plain`` is
        the ordinary storage call, for a database without the team setup (no op ids there)."""
        from annotator.storage import team_ops  # noqa: PLC0415
        from annotator.storage.outbox import OFFLINE  # noqa: PLC0415
        from annotator.storage.pg.backend import ServerUnavailable  # noqa: PLC0415

        if op.kind in team_ops.LEAD_ONLY and not self.member.lead:
            raise TeamRefused("only a lead may change the titles, guidelines and outline of a team project; "
                              "nothing was changed")
        if not self.member.ready:
            self._direct(op, plain)
            return "server"
        if not self.link.pending_count():
            try:
                outcome = self._bounded(lambda: team_ops.apply_op(self.project.raw_connection(), op))
            except (ServerUnavailable, *OFFLINE):
                pass  # not answered in time or gone: queued below (a late COMMIT is found by the op id)
            else:
                if outcome.outcome in ("conflict", "refused"):
                    self.link.outbox.put(self.link.project, op)
                    self.link.outbox.settle(self.link.project, op, outcome)
                    raise TeamRefused(outcome.detail)
                return "server"
        self._queue(op)
        return "outbox"

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

        after = replace(comment, body=_clean(body), updated=now())
        op = Op("comment.edit", by, {"id": comment.id, "body": after.body, "expect_updated": comment.updated,
                                     "updated": after.updated})
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

    # -- deleting and importing documents: only while the server answers --------------------------------------
    def documents_refusal(self) -> str:
        """"" when documents may be deleted or imported now, else why not: "waiting" (edits of this member
        still wait in the outbox) or "offline" (the server does not answer within ``bound_s``).

        Unlike tags and notes these are never queued. A deletion takes every member's layers of the
        document: sent later from the outbox it would also remove what others tagged meanwhile, unseen by
        the lead who decided it. An import needs the server to number the documents and to find the ones it
        already has (same text), and edits of a document the server has not numbered could not be sent.
        Both are rare, deliberate acts of a lead; waiting for the server costs less than either surprise.
        With edits still waiting, a deletion would overtake them (they would arrive as conflicts)."""
        from annotator.storage.pg.backend import ServerUnavailable  # noqa: PLC0415

        if self.member.ready and self.link.pending_count():
            return "waiting"
        try:
            with self.project.deadline(self.bound_s):
                self.project.scalar("SELECT 1")
        except ServerUnavailable:
            return "offline"
        return ""

    # -- what the status bar shows, and the background worker's part ----------------------------------------
    def pending(self) -> int:
        return self.link.pending_count()

    def conflicts(self) -> list[dict]:
        return self.link.conflicts()

    def dismiss(self, op_id: str) -> None:
        self.link.outbox.dismiss(op_id)

    def flush(self) -> int:
        """Send what waits (call from a worker thread: it talks to the network)."""
        settled = self.link.flush(force=True)
        if self.link.online and hasattr(self.project, "reachable_again"):
            self.project.reachable_again()  # the window's own calls need not wait out the hold
        return settled

    def close(self) -> None:
        self.link.close()


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
