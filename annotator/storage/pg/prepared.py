"""Search's planner-bound statements as server-side prepared statements, each with one generic plan.

Why: a search found nowhere ("量子纠缠态", 300 documents) took ~1.4 ms where a bare round trip takes
~0.1–0.5 ms; EXPLAIN ANALYZE showed the server spending 0.24 + 0.59 ms PLANNING its two SELECTs and
0.09 + 0.32 ms running them. Prepared once with a generic plan, the same round trip costs ~0.3 ms
(issue 16). psycopg's own prepared statements (``prepare_threshold``) cannot give that: pg/search.py
sends its SELECTs in one query string behind ``SET LOCAL`` planner settings (simple protocol, no
parameters), and the session forces custom plans (backend._session_options: a generic plan for
``clean_text LIKE $1`` scanned every text).

Here each statement is ``PREPARE``d once per connection — in the same query string as its first
``EXECUTE``, so no round trip is added — and run by ``EXECUTE name(values)`` (values quoted by psycopg's
``sql.Literal``, never pasted raw) under ``SET LOCAL plan_cache_mode = force_generic_plan``. Its plan is
made, and remade after an invalidation (ANALYZE, an index laid out), inside that same query string,
under the statement's own planner settings (the indexes only, or no sort): those settings, not the
values, choose the plan, which is why one generic plan serves every value. The settings are part of the
statement's name, so a statement is never run under other ones.

Prepared statements belong to the connection: they outlive a rolled-back transaction and vanish with the
connection or with a pooler's ``DISCARD ALL``. The names a connection holds are kept on the project
(``search_prepared``, emptied by each new connection); after a failed call they are read back from
``pg_prepared_statements``, and a statement the server no longer (or already) has is prepared again
once (``run``).
"""

from __future__ import annotations

import functools
import hashlib
import re

PREFIX = "annotator_q_"
GENERIC = "SET LOCAL plan_cache_mode = force_generic_plan"
_PARAM = re.compile(r":([a-z]+)\b")
# The server's answers that the names we keep are not the server's: a statement gone (26000), or one
# already there (42P05). Either way: read the names back, prepare what is missing, once.
_OUT_OF_STEP = ("26000", "42P05")


def _type(value) -> str:
    """The parameter type a PREPARE declares for a value pg/search.py binds."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):  # integer, as the literal would be: substring(bytea, int, int) takes no bigint
        return "integer" if -2**31 <= value < 2**31 else "bigint"
    if isinstance(value, float):
        return "float8"
    if isinstance(value, (list, tuple)):
        return (_type(value[0]) if value else "text") + "[]"
    return "text"


@functools.lru_cache(maxsize=256)
def _shape(statement: str, types: tuple[str, ...], settings: str) -> tuple[str, str]:
    """(the statement's name, its PREPARE): ``:name`` placeholders numbered in order of first use."""
    order: list[str] = []

    def number(match: re.Match) -> str:
        if match.group(1) not in order:
            order.append(match.group(1))
        return f"${order.index(match.group(1)) + 1}"
    body = _PARAM.sub(number, statement)
    digest = hashlib.sha1("\0".join((statement, *types, settings)).encode("utf-8")).hexdigest()[:24]
    name = PREFIX + digest
    declared = f" ({', '.join(types)})" if types else ""
    return name, f"PREPARE {name}{declared} AS {body}"


@functools.lru_cache(maxsize=256)
def _order(statement: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_PARAM.findall(statement)))


def _known(project, conn) -> set[str]:
    """The names prepared on this connection (read back from the server when not known)."""
    if getattr(project, "search_prepared", None) is None:
        rows = conn.execute("SELECT name FROM pg_prepared_statements WHERE starts_with(name, %s)",
                            [PREFIX]).fetchall()
        project.search_prepared = {row[0] for row in rows}
    return project.search_prepared


def script(project, conn, statements: list[str], params: dict, settings: str) -> tuple[str, set[str]]:
    """(the query string: the PREPAREs this connection lacks, ``settings``, GENERIC and one EXECUTE per
    statement; the names it prepares)."""
    from psycopg import sql  # noqa: PLC0415 - only PostgreSQL projects get here

    known = _known(project, conn)
    values: dict[str, str] = {}
    prepares, executes, new = [], [], set()
    for statement in statements:
        order = _order(statement)
        name, prepare = _shape(statement, tuple(_type(params[k]) for k in order), settings)
        if name not in known and name not in new:
            prepares.append(prepare)
            new.add(name)
        for key in order:
            if key not in values:
                values[key] = sql.Literal(params[key]).as_string(conn)
        executes.append(f"EXECUTE {name}({', '.join(values[k] for k in order)})" if order else f"EXECUTE {name}")
    return "; ".join([*prepares, settings, GENERIC, *executes]), new


def run(project, conn, statements: list[str], params: dict, settings: str, tail: str) -> list[list[tuple]]:
    """The rows of each statement, in one round trip (two when the server's prepared statements were
    not what the project kept: see the module docstring)."""
    from psycopg.pq import TransactionStatus  # noqa: PLC0415

    for attempt in (0, 1):
        text, new = script(project, conn, statements, params, settings)
        try:
            with conn.cursor() as cur:
                cur.execute(text + tail)
                out = []
                while True:  # the result of each statement in turn: the SELECTs' rows
                    if cur.description is not None:
                        out.append(cur.fetchall())
                    if not cur.nextset():
                        break
        except Exception as exc:
            project.search_prepared = None  # what this string prepared before it failed is not known
            idle = conn.info.transaction_status == TransactionStatus.IDLE  # nothing of a caller's to spoil
            if attempt or not idle or getattr(exc, "sqlstate", None) not in _OUT_OF_STEP:
                raise
            continue
        project.search_prepared |= new
        return out
    raise AssertionError("unreachable")  # pragma: no cover
