"""Timestamps: one format for every time this program writes (issue 15) — UTC, milliseconds, a ``Z``:
``2026-11-30T09:03:56.123Z``.

Why one: spans, events, gold provenance and status marks are compared and sorted as text (SQLite and
PostgreSQL alike, and in exported files), and text sorts as time only when every writer uses the same
fixed-width format. UTC, because annotators of one project sit in different time zones; milliseconds,
because several events of one keystroke land within the same second and the log must keep their order
visible. Checked by tests/unit/test_timestamps.py: no other module formats the clock.
"""

from __future__ import annotations

from datetime import datetime, timezone


def format_utc(moment: datetime) -> str:
    """``moment`` in the one format; a naive datetime is taken to be UTC already."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def now() -> str:
    """The current time in the one format; sortable as text."""
    return format_utc(datetime.now(timezone.utc))
