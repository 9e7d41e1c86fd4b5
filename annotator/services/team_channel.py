"""The transport under the desktop app's team edits: the server directly (bounded) or the outbox.

``TeamChannel`` decides, per operation, whether it goes to the server now (within a bound, with its id
recorded in the same transaction) or waits in the durable outbox, and answers what the status bar asks
(pending, conflicts). ``team_edits.DesktopWriter`` adds the edit verbs the undo commands call. Split out
of team_edits.py so that each reads in one sitting: how an edit travels here, what an edit is there.
"""

from __future__ import annotations

from annotator.storage.outbox import TeamLink
from annotator.storage.team_ops import Op


BOUND_S = 3.0  # the longest an online edit may keep the window waiting before it goes to the outbox
UI_ANSWER_S, UI_PROBE_S, UI_LIMIT_S = 1.5, 1.5, 15.0  # the window's reads (pg/deadline.py)
UI_HOLD_S = 60.0
BACKGROUND_ANSWER_S = 1.0  # the sender's and the feed's connections: probe a server silent this long  # after no answer, the window's reads fail at once until the worker reaches the server


class TeamRefused(ValueError):
    """An edit the server would refuse (not a lead) or refused (a conflict): nothing was changed or queued.
    A ValueError, so the undo commands show it and drop the step like any refusal of the store."""


class TeamChannel:
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
        from annotator.storage.outbox import Outbox  # noqa: PLC0415
        from annotator.storage.pg.deadline import ProbedConnector  # noqa: PLC0415
        from annotator.storage.pg.passwords import connect_password  # noqa: PLC0415

        url = project.path  # the URL as given (the password, if any, is the driver's to read, never shown)
        # The keyring's password, if it has one; else libpq reads the pgpass file. The sender's and the live
        # feed's connections: a silent server is given up after a probe, as the window's open does.
        connect = ProbedConnector(url, connect_password(url), answer_s=BACKGROUND_ANSWER_S, probe_s=UI_PROBE_S)

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
        # Listed in one transaction, never queued first: a queued edit is the worker's to send (see Outbox.settle).
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
                    self.link.outbox.settle(self.link.project, op, outcome)  # listed, never queued (_note)
                    raise TeamRefused(outcome.detail)
                return "server"
        self._queue(op)
        return "outbox"

    # -- deleting and importing documents: only while the server answers --------------------------------------
    def documents_refusal(self) -> str:
        """"" when documents may be deleted or imported now, else why not: "lead" (this member is an
        annotator: the server would refuse — asked before the window's confirmation, not after), "waiting"
        (edits of this member still wait in the outbox) or "offline" (the server does not answer within
        ``bound_s``).

        Unlike tags and notes these are never queued. A deletion takes every member's layers of the
        document: sent later from the outbox it would also remove what others tagged meanwhile, unseen by
        the lead who decided it. An import needs the server to number the documents and to find the ones it
        already has (same text), and edits of a document the server has not numbered could not be sent.
        Both are rare, deliberate acts of a lead; waiting for the server costs less than either surprise.
        With edits still waiting, a deletion would overtake them (they would arrive as conflicts)."""
        from annotator.storage.pg.backend import ServerUnavailable  # noqa: PLC0415

        if self.member.ready and not self.member.lead:
            return "lead"
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
