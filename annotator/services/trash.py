"""The project's trash, as a person asks for it: what is in it, bring one back, empty it (issue 15).

Deleting a document moves it into the trash (storage/document_trash.py; in the GUI an undo command,
File → Delete document…). The CLI's ``annotator trash list/restore/empty`` and the GUI's File → "Empty
trash…" call these functions. Emptying is not undoable, so both front ends confirm it first (the CLI
asks unless ``--yes``; the GUI names the documents in a dialog) and it is logged (``trash.empty``).
"""

from __future__ import annotations


def list_trash(project):
    """The deleted documents waiting in the trash, oldest deletion first (``TrashEntry``: no text)."""
    from annotator.storage.document_trash import list_trash as entries  # noqa: PLC0415

    return entries(project)


def restore(project, trash_id: int, *, by: str | None = None) -> int:
    """Bring one deleted document back with everything it had; returns its id. ValueError naming the
    reason (not in the trash, imported again meanwhile, its labels gone)."""
    from annotator.storage.document_trash import restore_document  # noqa: PLC0415

    return restore_document(project, int(trash_id), by=by)


def empty_trash(project, trash_ids=None, *, by: str | None = None):
    """Remove deleted documents (all, or ``trash_ids``) for good; returns the entries removed. ValueError
    when an id asked for is not in the trash (nothing is removed then)."""
    from annotator.storage.document_trash import empty_trash as empty  # noqa: PLC0415

    if trash_ids is not None:
        known = {entry.id for entry in list_trash(project)}
        unknown = sorted(set(int(i) for i in trash_ids) - known)
        if unknown:
            raise ValueError(f"{project.location}: not in the trash: {', '.join(map(str, unknown))}")
    return empty(project, trash_ids, by=by)
