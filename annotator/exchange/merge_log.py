"""The event-log side of merging: deletions travel, edits fast-forward, conflicts are reported.

Every project keeps an append-only event log (storage/events.py) with each span's removal and update,
who made it and the row before. Merging reads it on both sides:

- **A span deleted in the source** (a ``span.remove`` event, and the id no longer in the source) is
  deleted in the target — when the target's copy is still the row the source deleted. The deletion is
  logged in the target as ``merge.delete`` with its provenance (source file, who deleted it, when). If
  the target's copy was edited since, the deletion is a conflict: reported, the target's copy kept.
- **A span deleted in the target** is not brought back by the next merge; if the source edited it after
  that deletion, the two disagree: a conflict, reported, the span stays deleted.
- **A span edited in the source** (its content differs, its ``updated`` is newer) replaces the target's
  copy when nobody edited that copy in the target (no ``span.update`` there except by merges): a fast
  forward, logged as an update by ``merge:<source>``. When both sides edited it: a conflict, reported
  with both versions, the target's copy kept — never silently overwritten.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from annotator.domain.model import Span
from annotator.storage import events
from annotator.storage import spans as span_store
from annotator.storage.exchange_queries import span_events, span_ids
from annotator.storage.project import Project

MERGE_PREFIX = "merge:"


def _content(span: Span | dict[str, Any]) -> tuple:
    get = span.get if isinstance(span, dict) else lambda k: getattr(span, k)
    return (get("start"), get("end"), get("label"), get("status"),
            json.dumps(get("attributes") or {}, sort_keys=True, ensure_ascii=False))


@dataclass
class LogOutcome:
    deleted: int = 0
    fast_forwarded: int = 0
    not_restored: int = 0  # deleted in the target, unchanged in the source: stays deleted
    conflicts: list[str] = field(default_factory=list)
    source_changed_conflicts: int = 0


class MergeLog:
    """What the two logs say, read once per source."""

    def __init__(self, target: Project, source: Project, source_name: str) -> None:
        self.target, self.source, self.name = target, source, source_name
        self.by = MERGE_PREFIX + source_name
        self.target_log = span_events(target, ("span.remove", "span.update"))
        self.outcome = LogOutcome()

    def _local_edits(self, span_id: str) -> list[tuple]:
        return [e for e in self.target_log.get(span_id, ()) if e[1] == "span.update"
                and not (e[2] or "").startswith(MERGE_PREFIX)]

    def deleted_in_target(self, incoming: Span) -> bool:
        """True when the target deleted this span (the merge must not bring it back)."""
        removals = [e for e in self.target_log.get(incoming.id, ()) if e[1] == "span.remove"]
        if not removals:
            return False
        when, _, who, _ = removals[-1]
        if incoming.updated and incoming.updated > when:
            self.outcome.conflicts.append(
                f"span {incoming.id} ({incoming.annotator}, {incoming.label} [{incoming.start}, {incoming.end})): "
                f"deleted in the target by {who or 'someone'} at {when}, edited in the source at "
                f"{incoming.updated}; it stays deleted")
        else:
            self.outcome.not_restored += 1
        return True

    def reconcile(self, mine: Span, incoming: Span) -> None:
        """The same span id on both sides with different content."""
        if _content(mine) == _content(incoming):
            return
        if self._local_edits(mine.id):
            self.outcome.source_changed_conflicts += 1
            self.outcome.conflicts.append(
                f"span {mine.id} ({mine.annotator}): edited in the target {_describe(mine)} and in the source "
                f"{_describe(incoming)}; the target's version was kept")
            return
        if (incoming.updated or "") > (mine.updated or ""):
            span_store.update_span(self.target, mine.id, by=self.by, start=incoming.start, end=incoming.end,
                                   label=incoming.label, status=incoming.status, attributes=incoming.attributes,
                                   provenance=incoming.provenance)
            self.outcome.fast_forwarded += 1

    def apply_deletions(self) -> None:
        """Deletions made in the source since the spans were merged."""
        present_in_source = span_ids(self.source)
        for span_id, log in span_events(self.source, ("span.remove",)).items():
            if span_id in present_in_source:
                continue  # removed, then restored (undo) in the source
            when, _, who, before = log[-1]
            mine = span_store.get_span(self.target, span_id)
            if mine is None or before is None:
                continue
            deleted = json.loads(before)
            if _content(mine) != _content(deleted) or self._local_edits(span_id):
                self.outcome.conflicts.append(
                    f"span {span_id} ({mine.annotator}): deleted in the source by {who or 'someone'} at {when}, "
                    f"but the target's copy {_describe(mine)} was edited; it was kept")
                continue
            span_store.remove_span(self.target, span_id, by=self.by)
            events.record(self.target, "merge.delete", annotator=self.by, document_id=mine.document_id,
                          entity="span", entity_id=span_id,
                          after={"source": self.name, "deleted_by": who, "deleted_at": when})
            self.outcome.deleted += 1


def _describe(span: Span) -> str:
    attrs = json.dumps(span.attributes, ensure_ascii=False) if span.attributes else ""
    return f"{span.label} [{span.start}, {span.end}) {span.status} {attrs}".rstrip()
