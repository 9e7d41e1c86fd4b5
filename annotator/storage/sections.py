"""The stored outline of a document and the manual corrections replayed over every re-parse."""

from __future__ import annotations

import json
from operator import attrgetter
from typing import Any

from annotator.domain.model import Section
from annotator.storage import events
from annotator.storage.project import json_column, now, reads
from annotator.storage.store import StoreBackend

_SELECT = (
    'SELECT document_id, parent_ord, level, marker, title, start, "end", title_start, title_end, kind,'
    " ordinal, confidence, source FROM sections"
)


def _row_to_section(r) -> Section:
    """A row of ``_SELECT`` (keywords spelled out: bulk exports build one per stored section)."""
    return Section(parent=r[1], level=r[2], marker=r[3], title=r[4], start=r[5], end=r[6], title_start=r[7],
                   title_end=r[8], kind=r[9], ordinal=r[10], confidence=r[11], source=r[12])


# A section's stored fields in one C-level call (an import stores ~10 sections per 1 000 characters:
# reading fourteen attributes one by one in Python was a tenth of the store stage).
_FIELDS = attrgetter("parent", "level", "marker", "title", "start", "end", "title_start", "title_end", "kind",
                     "ordinal", "confidence", "source")


def save_sections(project: StoreBackend, doc_id: int, sections: list[Section], *, log: bool = True,
                  annotator: str | None = None) -> None:
    """Replace the document's outline (one transaction)."""
    with project.write():
        project.execute("DELETE FROM sections WHERE document_id = ?", [doc_id])
        project.executemany(
            'INSERT INTO sections (parent_ord, level, marker, title, start, "end", title_start, title_end, kind,'
            " ordinal, confidence, source, document_id, ord) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [_FIELDS(s) + (doc_id, i) for i, s in enumerate(sections)],
        )
        if log:
            events.record(project, "outline.save", annotator=annotator, document_id=doc_id,
                          entity="outline", entity_id=doc_id, after={"sections": len(sections)})


@reads
def get_sections(project: StoreBackend, doc_id: int) -> list[Section]:
    rows = project.execute(_SELECT + " WHERE document_id = ? ORDER BY ord", [doc_id]).fetchall()
    return [_row_to_section(r) for r in rows]


def add_edit(project: StoreBackend, doc_id: int, op: str, anchor: int, payload: dict[str, Any],
             annotator: str | None = None) -> int:
    with project.write():
        edit_id = project.insert_id(
            "INSERT INTO section_edits (document_id, op, anchor, payload, annotator, created) VALUES (?,?,?,?,?,?)",
            [doc_id, op, anchor, json.dumps(payload, ensure_ascii=False), annotator, now()], table="section_edits",
        )
        events.record(project, f"outline.{op}", annotator=annotator, document_id=doc_id, entity="section_edit",
                      entity_id=edit_id, after={"anchor": anchor, **payload})
        return edit_id


def remove_edit(project: StoreBackend, edit_id: int, annotator: str | None = None) -> None:
    """Undo of a correction: the edit disappears from the replay list (the event log keeps both)."""
    with project.write():
        row = project.execute(
            "SELECT document_id, op, anchor, payload FROM section_edits WHERE id = ?", [edit_id]
        ).fetchone()
        if row is None:
            return
        project.execute("DELETE FROM section_edits WHERE id = ?", [edit_id])
        events.record(project, "outline.undo", annotator=annotator, document_id=row[0], entity="section_edit",
                      entity_id=edit_id, before={"op": row[1], "anchor": row[2],
                                                 **json_column(project, row[3], f"outline edit {edit_id}")})


@reads
def get_edits(project: StoreBackend, doc_id: int) -> list[dict[str, Any]]:
    rows = project.execute(
        "SELECT id, op, anchor, payload, annotator, created FROM section_edits WHERE document_id = ? ORDER BY id",
        [doc_id],
    ).fetchall()
    return [
        {"id": r[0], "op": r[1], "anchor": r[2], "payload": json_column(project, r[3], f"outline edit {r[0]}"),
         "annotator": r[4], "created": r[5]}
        for r in rows
    ]
