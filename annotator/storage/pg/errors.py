"""How a team server fails, in the terms storage already catches (re-exported by backend.py).

``ServerUnavailable`` and its two kinds are ProjectErrors (a sentence naming the server, its URL
redacted): the desktop writer turns them into "queued in the outbox", the CLI into an exit with that
sentence. psycopg's own errors become subclasses of the matching DB-API class of ``sqlite3``, with the
``sqlstate``, so every ``except`` clause in storage holds for both backends without importing psycopg.
"""

from __future__ import annotations

import re
import sqlite3

from annotator.storage.errors import ProjectError


class ServerUnavailable(ProjectError):
    """The server could not be reached (or the connection broke): nothing of the failed call was saved."""


class ServerNotAnswering(ServerUnavailable):
    """The server took the connection but did not answer in time (hung, stopped, or packets dropped)."""


class ServerTooSlow(ServerUnavailable):
    """The server answered but one call ran past its limit (it was stopped there; nothing was saved)."""


class PgIntegrityError(sqlite3.IntegrityError):
    pass


class PgOperationalError(sqlite3.OperationalError):
    pass


class PgProgrammingError(sqlite3.ProgrammingError):
    pass


class PgDataError(sqlite3.DataError):
    pass


class PgInternalError(sqlite3.InternalError):
    pass


class PgNotSupportedError(sqlite3.NotSupportedError):
    pass


class PgDatabaseError(sqlite3.DatabaseError):
    pass


class PermissionRefused(ProjectError, PgProgrammingError):
    """The member's role may not do this (SQLSTATE 42501: a privilege or a row-level security policy).

    A ProjectError — a sentence naming the project, said by the CLI as it says a lost server, not a
    traceback (an annotator's ``annotator suggest URL`` crashed with one, issue 16) — and still the
    ProgrammingError it was, for the ``except`` clauses that roll back or report a refused write."""

    def __init__(self, url: str, detail: str):
        why = _why(detail)
        super().__init__(url, f"refused: your role in this team project may not do this{why} ({detail}); "
                              "nothing of it was saved")


# What a refusal means, by the table the server names (security.py: per-person tables and shared
# material): the server's sentence alone says "permission denied for table documents" to someone who
# only ran `annotator merge`.
_OWN_WORK = ("spans", "doc_status", "comments", "events", "team_ops")
_TABLE = re.compile(r'(?:table|relation|sequence) "?([A-Za-z_][A-Za-z0-9_]*)"?')


def _why(detail: str) -> str:
    found = _TABLE.search(detail)
    if found is None:
        return ""
    table = found.group(1)
    if table in _OWN_WORK:
        return ": a member writes only their own work (rows under their own name, never @gold)"
    if table == "project_meta":
        return ": project settings are a lead's"
    return ": documents, outlines, labels and the trash are a lead's to add, change or delete"


_CLASSES = [("IntegrityError", PgIntegrityError), ("OperationalError", PgOperationalError),
            ("ProgrammingError", PgProgrammingError), ("DataError", PgDataError),
            ("InternalError", PgInternalError), ("NotSupportedError", PgNotSupportedError)]
