"""Plain dataclasses shared by every layer (no Qt, no SQL).

Offsets are code points of a document's clean text, half-open [start, end).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class SpanStatus:
    SUGGESTED = "suggested"  # proposed by a suggester, not yet seen by the annotator
    ACCEPTED = "accepted"  # the annotator's own span (made by hand or an accepted suggestion)
    REJECTED = "rejected"  # a suggestion the annotator turned down; kept so it is not proposed again
    GOLD = "gold"  # the adjudicated layer

    ALL = (SUGGESTED, ACCEPTED, REJECTED, GOLD)


@dataclass(frozen=True)
class RemovedRegion:
    """A piece of the received text the cleaner dropped, with the rule that dropped it.

    Offsets refer to the normalised source text (after decoding and CRLF/CR → LF), i.e. the
    ``raw_text`` stored with the document.
    """

    start: int
    end: int
    text: str
    reason: str  # the rule's id, e.g. "header:upload-meta", "page-counter", "page-chunk-number"


@dataclass
class ReadResult:
    """What a reader returns: decoded text with LF line ends, and what it learnt about the file."""

    text: str
    encoding: str  # "utf-8", "utf-8-sig", "gb18030", "utf-16-le", "docx", ...
    format: str  # "txt", "md", "docx", "html"
    title: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass
class CleanResult:
    """The cleaner's output: the clean text plus every region removed from the raw text."""

    text: str
    removed: list[RemovedRegion] = field(default_factory=list)
    # For every code point of ``text``, where it came from in the raw text is recoverable through
    # ``kept``: ordered (raw_start, raw_end, clean_start) runs of text copied unchanged.
    kept: list[tuple[int, int, int]] = field(default_factory=list)
    title: str | None = None  # a title found in the chrome (e.g. the download page's heading)


@dataclass
class Section:
    """One node of a document's outline.

    ``start``/``end`` cover the heading and the whole body up to the next sibling or ancestor sibling;
    ``title_start``/``title_end`` cover the title text after the marker. ``parent`` is an index into
    the same outline list (document order), or None for a top-level section.
    """

    level: int  # 1-based depth in this document's tree
    marker: str  # as written: "一、", "（三）", "2．", "一是", "第一，", "首先，"
    title: str
    start: int
    end: int
    title_start: int = 0
    title_end: int = 0
    kind: str = ""  # marker family, see annotator.structure.markers.FAMILIES
    ordinal: int = 0  # the number the marker carries (一 → 1); 0 where it has none
    confidence: float = 1.0  # how sure the parser is of the title boundary (1.0 = punctuation/line end)
    parent: int | None = None
    source: str = "auto"  # "auto" (parser) or "manual" (a correction by hand)

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "marker": self.marker,
            "title": self.title,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Span:
    start: int
    end: int
    label: str
    annotator: str
    status: str = SpanStatus.ACCEPTED
    attributes: dict[str, Any] = field(default_factory=dict)
    id: str | None = None
    document_id: int | None = None
    source: str = "manual"  # "manual", "suggester:statistic", "import:doccano", ...
    provenance: dict[str, Any] = field(default_factory=dict)  # gold: who agreed, who adjudicated
    created: str | None = None
    updated: str | None = None

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)


@dataclass
class Suggestion:
    """A span proposed by a suggester, with the attributes it could fill in."""

    start: int
    end: int
    label: str
    attributes: dict[str, Any] = field(default_factory=dict)
    score: float = 1.0
    rule: str = ""  # which cue or pattern fired, for debugging and for the review list
