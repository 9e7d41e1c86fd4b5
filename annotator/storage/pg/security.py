"""Roles and row-level security of a team project (issue 16 point 2) — filled in by the team work.

``apply(conn)`` is called by ``annotator team init URL`` right after the schema is created or brought
up to date (storage/pg/backend.py ``init_team_project``), inside no transaction of ours, on a psycopg
connection of the role running ``team init`` (the database owner or a superuser). It must be idempotent
(``team init`` may run again on an existing project, e.g. after an upgrade added tables) and may create
roles, grants and policies for every table of storage/pg/schema.py. Until the team work lands it does
nothing: every role that can connect may read and write everything.
"""

from __future__ import annotations


def apply(conn) -> None:
    """Create the least-privilege roles, grants and row-level-security policies (idempotent)."""
    return None
