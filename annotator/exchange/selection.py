"""Which spans an export takes; the documents with their outline and those spans come from
storage/bundles.py (one bulk read path, no SQL here).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterator

from annotator.domain.model import Section, SpanStatus
from annotator.storage.labels import GOLD, SUGGESTER
from annotator.storage.bundles import DocumentRow, SpanFilter, SpanRow, iter_documents, span_layers
from annotator.storage.project import Project

__all__ = ["DocumentBundle", "DocumentRow", "Selection", "SpanRow", "iter_bundles", "layers", "loads"]


@dataclass(frozen=True)
class Selection:
    """The layers to export.

    ``annotators=None`` means every human annotator and gold; naming annotators takes only those (plus
    gold with ``gold=True``); ``gold=True`` alone takes only gold. Suggestions (the @suggester layer)
    and an annotator's rejected suggestions are left out unless asked for.
    """

    annotators: tuple[str, ...] | None = None
    gold: bool = False
    include_suggestions: bool = False
    include_rejected: bool = False

    def span_filter(self) -> SpanFilter:
        statuses = [SpanStatus.ACCEPTED, SpanStatus.GOLD]
        if self.include_rejected:
            statuses.append(SpanStatus.REJECTED)
        if self.include_suggestions:
            statuses.append(SpanStatus.SUGGESTED)
        if self.annotators is not None:
            names = list(self.annotators) + ([GOLD] if self.gold else [])
            if self.include_suggestions:
                names.append(SUGGESTER)
            return SpanFilter(tuple(statuses), annotators=tuple(names))
        if self.gold:
            return SpanFilter(tuple(statuses), annotators=(GOLD,) + ((SUGGESTER,) if self.include_suggestions else ()))
        if not self.include_suggestions:
            return SpanFilter(tuple(statuses), excluded=(SUGGESTER,))
        return SpanFilter(tuple(statuses))


@dataclass
class DocumentBundle:
    document: DocumentRow
    sections: list[Section]
    spans: list[SpanRow]


def layers(project: Project, selection: Selection) -> list[str]:
    """The annotator names that have selected spans, sorted (the files of a per-annotator export)."""
    return span_layers(project, selection.span_filter())


def iter_bundles(project: Project, selection: Selection) -> Iterator[DocumentBundle]:
    """Every document (id order) with its stored outline and its selected spans (sorted by start)."""
    for doc, sections, spans in iter_documents(project, selection.span_filter()):
        yield DocumentBundle(doc, sections, spans)


def loads(text: str) -> Any:
    return json.loads(text) if text else {}
