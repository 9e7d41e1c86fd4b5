"""Read-only queries the exchange and agreement layers need (kept here: no SQL outside storage/)."""

from __future__ import annotations

from typing import Iterable

from annotator.storage.store import StoreBackend

WORKED_STATUSES = ("in_progress", "done")


def worked_documents(project: StoreBackend, annotators: Iterable[str]) -> dict[str, set[int]]:
    """Per annotator, the documents they worked on: marked in progress or done, or holding any span
    of theirs that is not an open suggestion (a rejection shows they looked)."""
    names = list(annotators)
    out: dict[str, set[int]] = {n: set() for n in names}
    if not names:
        return out
    marks = ",".join("?" * len(names))
    for doc, who in project.execute(
        f"SELECT document_id, annotator FROM doc_status WHERE annotator IN ({marks}) AND status IN (?, ?)",
        [*names, *WORKED_STATUSES],
    ):
        out[who].add(doc)
    for doc, who in project.execute(
        f"SELECT DISTINCT document_id, annotator FROM spans WHERE annotator IN ({marks}) AND status != 'suggested'",
        names,
    ):
        out[who].add(doc)
    return out


def document_titles(project: StoreBackend, doc_ids: Iterable[int]) -> dict[int, str]:
    wanted = set(doc_ids)
    return {d: t for d, t in project.execute("SELECT id, title FROM documents") if d in wanted and t}


def span_events(project: StoreBackend, actions: Iterable[str]) -> dict[str, list[tuple[str, str, str | None, str | None]]]:
    """Per span id, its events of these actions in log order: (ts, action, annotator, before JSON)."""
    wanted = list(actions)
    out: dict[str, list[tuple[str, str, str | None, str | None]]] = {}
    if not wanted:
        return out
    marks = ",".join("?" * len(wanted))
    for entity_id, ts, action, annotator, before in project.execute(
        f"SELECT entity_id, ts, action, annotator, before FROM events WHERE entity = 'span' AND action IN ({marks})"
        " ORDER BY id", wanted,
    ):
        out.setdefault(entity_id, []).append((ts, action, annotator, before))
    return out


def span_ids(project: StoreBackend) -> set[str]:
    return {row[0] for row in project.execute("SELECT id FROM spans")}
