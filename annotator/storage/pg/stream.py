"""Long reads from a team project in batches, through a server-side cursor.

A plain psycopg cursor receives the whole result set before the first row can be used: for the
agreement report that is every accepted span of the project (128 000 rows for 1 000 documents × 20
annotators) held by the client at once. ``server_rows`` declares a named cursor ``WITH HOLD`` and fetches
``itersize`` rows at a time, so the client holds one batch.

Why WITH HOLD: the connection runs in autocommit, and a cursor without it lives only inside a
transaction. Holding a transaction open across the caller's loop would put the caller's own writes
(and a second stream read side by side, e.g. the outline next to the spans) inside it. A held cursor is
materialised by the server when its statement ends — the sort had to read every row anyway — and then
read in batches; nothing stays open but the cursor, which is closed when the generator ends, is closed,
or fails.
"""

from __future__ import annotations

import itertools
from typing import Iterator, Sequence

from annotator.storage.pg.backend import _translate

ITERSIZE = 5000  # rows per FETCH: a few hundred kB per batch, and few round trips
_serial = itertools.count(1)


def server_rows(project, sql: str, params: Sequence = (), *, itersize: int = ITERSIZE) -> Iterator[tuple]:
    """The rows of ``sql`` (storage's ``?`` placeholders), fetched ``itersize`` at a time."""
    conn = project.raw_connection()
    name = f"annotator_stream_{next(_serial)}"
    cursor = conn.cursor(name=name, withhold=True)
    try:
        # Each round trip is bounded like every other call of the backend (pg/deadline.py): a server that
        # stops answering mid-stream fails the read with its message instead of hanging the report.
        with project._watched(conn):
            project._guard(lambda: cursor.execute(_translate(sql), list(params)))
        while True:
            with project._watched(conn):
                rows = project._guard(lambda: cursor.fetchmany(itersize))
            if not rows:
                return
            yield from rows
    finally:
        if not conn.closed and not conn.broken:
            try:
                with project._watched(conn):  # a reader that stops early, as the server stops answering
                    cursor.close()  # CLOSE on the server: a held cursor would otherwise last the session
            except Exception:  # noqa: BLE001 - the connection failed meanwhile; the server drops it with the session
                pass
