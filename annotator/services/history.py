"""An annotator's undo history of one document, rebuilt from the project's event log (issue 15).

Every change is stored with an event in the same transaction (storage/events.py), so the log already
holds what the undo stack held before a restart. This module reads it back as ``Step``s, oldest first:
what the GUI's undo stack would contain had the program never stopped — the GUI turns each step into
the same undo command the key made (gui/history.py). Qt-free, so it is tested on its own.

How the log is read:
- only this annotator's events of this document, and only changes a main-window command makes (a span
  of this annotator's own added, removed or edited; a suggestion answered; the document's status or
  title; an outline correction; a note added or its text edited). Everything else (imports, suggestion runs, gold, renames) is not on the
  stack, as it was not before the restart.
- an event that exactly reverses the newest step (the span removed again, the update back, the status
  back, ``outline.undo`` of that edit, the note removed, the note's text edited back) is that step's undo: the step leaves the
  stack. A later redo is an ordinary event and comes back as a step. Consequence: a span added and then
  deleted by hand leaves no step (its net effect is nothing), where the live stack would hold both; the
  project's data is the same either way and Ctrl+Z goes on to the change before.
- "not started → in progress" right after the first tag belongs to that tag's command (commands.py
  moves the status with it), so it is folded into that step, and its reversal into that step's undo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.domain.model import Span

# The events a main-window command writes, by what they do to the stack.
_ADDS = ("span.add", "span.restore", "suggestion.accept", "suggestion.reject")
_OUTLINE_OPS = ("add", "remove", "shift", "title_end")
# How far back the log is read: the newest events of the document (every annotator's), enough for any
# session's stack; older steps cannot be undone after a restart.
HISTORY_EVENTS = 2000
_SPAN_FIELDS = ("label", "attributes", "start", "end", "status", "provenance")


@dataclass
class Step:
    """One undoable change as the log recorded it. ``kind``: add, remove, update, status, rename, outline,
    note, note_edit, guidelines."""

    kind: str  # delete (payload: trash_id, document_id; before: title), import (payload: documents; after: count)
    event_id: int
    action: str
    span: Span | None = None  # add/remove: the span; update: the span before
    changes: dict[str, Any] = field(default_factory=dict)  # update: field → value after
    before: Any = None  # status: the status before (None: never marked); rename/note_edit/guidelines: the text before
    after: Any = None  # status: the status after; rename: the title after; note_edit/guidelines: the text after
    edit_id: int | None = None  # outline: the correction's id in section_edits
    op: str = ""  # outline: add/remove/shift/title_end
    anchor: int = 0
    payload: dict[str, Any] = field(default_factory=dict)
    comment: dict[str, Any] | None = None  # note: the comment's fields
    started: bool = False  # this tag moved the document from "not started" to "in progress"


def span_from_json(data: dict[str, Any]) -> Span:
    return Span(id=data["id"], document_id=data["document_id"], start=data["start"], end=data["end"],
                label=data["label"], annotator=data["annotator"], status=data["status"],
                attributes=data.get("attributes") or {}, source=data.get("source", "manual"),
                provenance=data.get("provenance") or {}, created=data.get("created"), updated=data.get("updated"))


def _step(event: dict[str, Any], annotator: str) -> Step | None:
    """The step an event records, or None when it is not something the main window's stack holds."""
    action, before, after = event["action"], event["before"], event["after"]
    if action in _ADDS and isinstance(after, dict) and after.get("annotator") == annotator:
        return Step("add", event["id"], action, span=span_from_json(after))
    if action == "span.remove" and isinstance(before, dict) and before.get("annotator") == annotator:
        return Step("remove", event["id"], action, span=span_from_json(before))
    if action == "span.update" and isinstance(before, dict) and isinstance(after, dict) \
            and before.get("annotator") == annotator:
        changes = {k: after.get(k) for k in _SPAN_FIELDS if after.get(k) != before.get(k)}
        return Step("update", event["id"], action, span=span_from_json(before), changes=changes) if changes else None
    if action == "document.status":
        return Step("status", event["id"], action, before=before, after=after)
    if action == "document.rename" and isinstance(before, dict) and isinstance(after, dict):
        return Step("rename", event["id"], action, before=before.get("title"), after=after.get("title"))
    if action.startswith("outline.") and action[len("outline."):] in _OUTLINE_OPS and isinstance(after, dict):
        payload = {k: v for k, v in after.items() if k != "anchor"}
        return Step("outline", event["id"], action, edit_id=int(event["entity_id"]), op=action[len("outline."):],
                    anchor=after.get("anchor", 0), payload=payload)
    if action == "outline.undo":
        return Step("outline_undo", event["id"], action, edit_id=int(event["entity_id"]))
    if action in ("comment.add", "comment.restore") and isinstance(after, dict):
        return Step("note", event["id"], action, comment=after)
    if action == "comment.remove" and isinstance(before, dict):
        return Step("note_remove", event["id"], action, comment=before)
    if action == "comment.edit" and isinstance(before, dict) and isinstance(after, dict):
        # storage/comment_edits.py: the note's text before and after (the notes dialog's F2)
        return Step("note_edit", event["id"], action, comment={"id": event["entity_id"],
                    "document_id": event["document_id"]}, before=before["body"], after=after["body"])
    return None


def _reverses(step: Step, top: Step) -> bool:
    """True when ``step`` undoes ``top`` exactly."""
    if top.kind == "add":
        return step.kind == "remove" and step.span.id == top.span.id
    if top.kind == "remove":
        return step.kind == "add" and step.span.id == top.span.id
    if top.kind == "update":
        if step.kind != "update" or step.span.id != top.span.id or set(step.changes) != set(top.changes):
            return False
        return all(step.changes[k] == getattr(top.span, k) for k in step.changes)
    if top.kind == "status":
        return step.kind == "status" and (step.before or "not_started") == top.after \
            and step.after == (top.before or "not_started")
    if top.kind == "rename":
        return step.kind == "rename" and step.before == top.after and step.after == top.before
    if top.kind == "outline":
        return step.kind == "outline_undo" and step.edit_id == top.edit_id
    if top.kind == "note":
        return step.kind == "note_remove" and step.comment.get("id") == top.comment.get("id")
    if top.kind == "note_edit":
        return step.kind == "note_edit" and step.comment.get("id") == top.comment.get("id") \
            and step.before == top.after and step.after == top.before
    return False


def rebuild(events: list[dict[str, Any]], annotator: str) -> list[Step]:
    """The stack (oldest first) that ``events`` (one document's, oldest first) leave for ``annotator``."""
    stack: list[Step] = []
    unstart_due = False  # the next status event may be the reversal of an undone tag's "in progress"
    previous_id = None  # this annotator's event before the current one
    for event in events:
        if event.get("annotator") != annotator:
            continue
        try:
            step = _step(event, annotator)
        except (KeyError, TypeError, ValueError, AttributeError):
            step = None  # a damaged event row: that change is not undoable, the rest of the history is
        previous_id, just_before = event["id"], previous_id
        if step is None:
            continue
        if step.kind == "status" and unstart_due and step.before == "in_progress" and step.after == "not_started":
            unstart_due = False
            continue
        unstart_due = False
        if step.kind == "status" and (step.before or "not_started") == "not_started" \
                and step.after == "in_progress" and stack and stack[-1].kind == "add" and not stack[-1].started \
                and stack[-1].span.status == "accepted" and stack[-1].event_id == just_before:
            stack[-1].started = True  # the first tag's status change is part of that tag's command
            continue
        if stack and _reverses(step, stack[-1]):
            unstart_due = stack.pop().started
            continue
        if step.kind in ("outline_undo", "note_remove"):
            continue  # the undo of a step older than the log read: nothing to put on the stack
        stack.append(step)
    return stack


def document_history(project, doc_id: int, annotator: str, *, limit: int = HISTORY_EVENTS) -> list[Step]:
    """``rebuild`` over the newest ``limit`` events of the document in the project's log."""
    from annotator.storage.events import history  # noqa: PLC0415

    return rebuild(list(reversed(history(project, document_id=doc_id, limit=limit))), annotator)


# --- project-level steps: the guidelines -----------------------------------------------------------
# Loading guidelines is a step of the project, not of a document; the GUI puts the rebuilt steps on the
# stack of the first document opened after the restart, in their place in time among its own steps
# (gui/history.py). Deleted documents are steps of their own: see the end of this module.


def rebuild_guidelines(events: list[dict[str, Any]], annotator: str) -> list[Step]:
    """The guidelines steps (oldest first) that ``events`` — every ``guidelines.set`` of the project,
    oldest first, whoever wrote them — leave for ``annotator``.

    Each step is a whole-text replacement, ``before`` → ``after``. The text set is in each event (since
    issue 15); the text before is the previous event's text, or empty for the project's first. A step
    whose texts are unknown (an event written before the log held them, or older than the events read)
    cannot be undone, and neither can anything before it. A change by someone else ends this annotator's
    history: undoing their own older step would silently replace the other person's text. A step that
    exactly reverses the newest one is that step's undo, as for documents.
    """
    stack: list[Step] = []
    known: str | None = None  # the text after the previous event (None: not known)
    for index, event in enumerate(events):
        after = event["after"].get("text") if isinstance(event.get("after"), dict) else None
        before = known
        if index == 0 and isinstance(event.get("before"), dict) and event["before"].get("chars") == 0:
            before = ""  # nothing before it: the project's first guidelines (or they were empty)
        known = after if isinstance(after, str) else None
        if event.get("annotator") != annotator or not isinstance(after, str) or before is None:
            stack.clear()
            continue
        step = Step("guidelines", event["id"], event["action"], before=before, after=after)
        if stack and stack[-1].before == after and stack[-1].after == before:
            stack.pop()
            continue
        stack.append(step)
    return stack


def project_history(project, annotator: str, *, limit: int = HISTORY_EVENTS) -> list[Step]:
    """``rebuild_guidelines`` over the newest ``limit`` guidelines events of the project."""
    from annotator.storage.events import history  # noqa: PLC0415

    events = history(project, project_level=True, action="guidelines.set", limit=limit)
    return rebuild_guidelines(list(reversed(events)), annotator)


# --- project-level steps: deleted documents and imports ------------------------------------------
# Deleting a document, and importing a batch of them, are steps of the project (File → Undo delete/import,
# its own stack in the GUI). A deleted document waits in the trash table (storage/document_trash.py)
# until it is restored or the trash is emptied; the trash row is written in the deletion's transaction
# with its ``document.delete`` event (which names the row) and leaves in the restore's, with
# ``document.restore``. So the rows in the trash that this annotator deleted are exactly the deletions
# the log leaves undone — read from the small trash table, not by scanning the whole log for two actions
# (there is no index on ``action``). An import is one ``import.batch`` event (project-level: read through
# the events (document_id, id) index) naming the documents it brought in; the step is still there while
# every one of them is (taking it back moves them to the trash, reason "import.undo": no deletion step).


def rebuild_deletions(entries, annotator: str) -> list[Step]:
    """The deletion steps (oldest first) for ``annotator`` from the trash's entries (``list_trash``):
    one per document they deleted that is still in the trash. Deletions of different documents are
    independent, so a row restored by someone else, or emptied, leaves the others undoable."""
    return [Step("delete", entry.id, "document.delete", before=entry.title,
                 payload={"trash_id": entry.id, "document_id": entry.document_id, "at": entry.deleted_at})
            for entry in sorted(entries, key=lambda e: e.id)
            if entry.deleted_by == annotator and getattr(entry, "reason", "delete") == "delete"]


def rebuild_imports(events: list[dict[str, Any]], annotator: str, present: set[int]) -> list[Step]:
    """The import steps (oldest first) for ``annotator``: each ``import.batch`` of theirs whose documents
    are all still in the project (``present``). One gone (deleted, or the import taken back) ends it."""
    steps = []
    for event in sorted(events, key=lambda e: e["id"]):
        ids = event["after"].get("documents") if isinstance(event.get("after"), dict) else None
        if event.get("annotator") != annotator or not isinstance(ids, list) or not ids:
            continue
        if all(isinstance(i, int) and i in present for i in ids):
            steps.append(Step("import", event["id"], event["action"], after=len(ids),
                              payload={"documents": ids, "at": event.get("ts") or ""}))
    return steps


def trash_history(project, annotator: str, *, limit: int = 200) -> list[Step]:
    """The project-level stack after a restart: ``rebuild_deletions`` over the trash and
    ``rebuild_imports`` over the newest ``limit`` imports, in the order they were made."""
    from annotator.storage.document_trash import list_trash  # noqa: PLC0415
    from annotator.storage.documents import document_ids  # noqa: PLC0415
    from annotator.storage.events import history  # noqa: PLC0415

    steps = rebuild_deletions(list_trash(project), annotator)
    imports = history(project, project_level=True, action="import.batch", limit=limit)
    if imports:
        steps += rebuild_imports(imports, annotator, set(document_ids(project)))
    return sorted(steps, key=lambda step: step.payload["at"])
