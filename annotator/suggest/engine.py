"""One entry point for all suggesters: statistics and directives over a document's clean text."""

from __future__ import annotations

from typing import Iterable

from annotator.domain.model import Section, Suggestion
from annotator.suggest.directives import suggest_directives
from annotator.suggest.statistics import suggest_statistics


def suggest(text: str, sections: Iterable[Section] | None = None, unit: str = "clause",
            implicit: bool = False) -> list[Suggestion]:
    """Statistic and directive suggestions for ``text``, in document order, without duplicates.

    ``sections`` (the outline, if parsed) lets headings be judged as titles; ``unit`` is "clause" or
    "sentence" for directives (see annotator.suggest.directives); ``implicit`` adds the lower-confidence
    implicit directives (verb-initial task sentences, attribute ``cue: implicit``).
    """
    found = suggest_statistics(text) + suggest_directives(text, sections=sections, unit=unit, implicit=implicit)
    best: dict[tuple[int, int, str], Suggestion] = {}
    for s in found:
        key = (s.start, s.end, s.label)
        if key not in best or s.score > best[key].score:
            best[key] = s
    return sorted(best.values(), key=lambda s: (s.start, -s.end, s.label))
