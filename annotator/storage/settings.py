"""Project settings a person changes (``project_meta``): stored with an event, in one transaction.

``StoreBase.set_meta`` writes a key and nothing else; it is for the program's own bookkeeping (version,
creation time, the learned model). A setting a person chooses — the directive unit, the suggestion
threshold — changes what everyone's suggestions look like, so who changed it, from what, is in the log.
"""

from __future__ import annotations

from annotator.storage import events
from annotator.storage.store import StoreBackend


def set_settings(project: StoreBackend, values: dict[str, str], *, by: str | None = None) -> dict[str, str | None]:
    """Store ``values`` (key → text) and one ``settings.set`` event with the values before and after;
    returns the values before. Keys whose value does not change are left out; nothing to change writes
    nothing."""
    with project.write():
        before = {key: project.meta(key) for key in values}
        changed = {key: value for key, value in values.items() if before[key] != value}
        for key, value in changed.items():
            project.set_meta(key, value)
        if changed:
            events.record(project, "settings.set", annotator=by, entity="project_meta",
                          before={key: before[key] for key in changed}, after=changed)
    return before
