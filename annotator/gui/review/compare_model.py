"""Two annotators' layers of one document, aligned for the side-by-side view (no Qt here).

The alignment is the agreement code's (agreement/align.py, through services/agreement.py: one-to-one pairs, same label first, then
overlap), so what the side-by-side view calls a difference is exactly what the agreement figures and
the review window count: a label mismatch, a boundary mismatch, both, a span only one of the two made,
or the same span with other attributes. Optionally limited to one section of the stored outline (a
span belongs to the section where it starts, the convention of the agreement reports).
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.services import agreement as review_store
from annotator.services.agreement import EXACT_MATCH, align_document
from annotator.domain.model import Section, Span
from annotator.storage import documents as doc_store
from annotator.storage import sections as section_store


@dataclass(frozen=True)
class Difference:
    kind: str
    a: Span | None
    b: Span | None

    @property
    def start(self) -> int:
        return min(s.start for s in (self.a, self.b) if s is not None)

    @property
    def end(self) -> int:
        return max(s.end for s in (self.a, self.b) if s is not None)


@dataclass
class Comparison:
    doc_id: int
    text: str
    sections: list[Section]
    names: tuple[str, str]
    layers: tuple[list[Span], list[Span]]  # each annotator's accepted spans in the range shown
    differences: list[Difference]
    matches: int
    bounds: tuple[int, int]  # the part of the text compared: the whole text or one section

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for d in self.differences:
            out[d.kind] = out.get(d.kind, 0) + 1
        return out

    def spans_of(self, side: int) -> list[Span]:
        return self.layers[side]

    def different_ids(self, side: int) -> set[str]:
        """Ids of this side's spans that take part in a difference (drawn as such)."""
        return {s.id for d in self.differences for s in ((d.a,) if side == 0 else (d.b,)) if s is not None}


def compare(project, doc_id: int, a: str, b: str, section: int | None = None) -> Comparison:
    text = doc_store.clean_text(project, doc_id)
    sections = section_store.get_sections(project, doc_id)
    lo, hi = (0, len(text)) if section is None or not 0 <= section < len(sections) else \
        (sections[section].start, sections[section].end)
    layers = review_store.load_layers(project, [a, b] if a != b else [a], doc_ids=[doc_id])
    left = sorted((s for s in layers.get(a, []) if lo <= s.start < hi), key=lambda s: (s.start, s.end, s.label))
    right = sorted((s for s in layers.get(b, []) if lo <= s.start < hi), key=lambda s: (s.start, s.end, s.label))
    differences, matches = [], 0
    for item in align_document(left, right):
        if item.kind == EXACT_MATCH:
            matches += 1
        else:
            differences.append(Difference(item.kind, item.a, item.b))
    differences.sort(key=lambda d: (d.start, d.end))
    return Comparison(doc_id, text, sections, (a, b), (left, right), differences, matches, (lo, hi))
