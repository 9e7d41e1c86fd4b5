"""The append-only event log: who did what, when, with the row before and after.

Written in the same transaction as the change it describes, so the log and the data never disagree.
"""

from __future__ import annotations

import json
from typing import Any

from annotator.storage.project import json_column, now, reads
from annotator.storage.store import StoreBackend


def record(
    project: StoreBackend,
    action: str,
    *,
    annotator: str | None = None,
    document_id: int | None = None,
    entity: str | None = None,
    entity_id: Any = None,
    before: Any = None,
    after: Any = None,
) -> None:
    project.execute(
        "INSERT INTO events (ts, annotator, action, document_id, entity, entity_id, before, after) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            now(),
            annotator,
            action,
            document_id,
            entity,
            None if entity_id is None else str(entity_id),
            None if before is None else json.dumps(before, ensure_ascii=False),
            None if after is None else json.dumps(after, ensure_ascii=False),
        ],
    )


@reads
def history(project: StoreBackend, *, document_id: int | None = None, limit: int = 1000,
            project_level: bool = False, action: str | None = None) -> list[dict]:
    """The newest ``limit`` events, newest first: of one document, or (``project_level``) those of no
    document (guidelines, bulk imports), optionally of one ``action``. Both filters use the index
    events (document_id, id), so neither scans the whole log."""
    sql = "SELECT * FROM events"
    params: list[Any] = []
    where = []
    if document_id is not None:
        where.append("document_id = ?")
        params.append(document_id)
    elif project_level:
        where.append("document_id IS NULL")
    if action is not None:
        where.append("action = ?")
        params.append(action)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC LIMIT ?"
    params.append(limit)
    rows = []
    for row in project.query(sql, params):
        for key in ("before", "after"):
            if row[key] is not None:
                row[key] = json_column(project, row[key], f"event {row['id']} {key}")
        rows.append(row)
    return rows
