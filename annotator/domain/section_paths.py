"""Section paths: where in the outline a span sits, for every span of a document in one sweep.

Domain knowledge (a section's heading is its marker and title; a path runs from the root down), read by
the exports and by agreement alike, so neither pipeline imports the other for it.
"""

from __future__ import annotations

from typing import Sequence

from annotator.domain.model import Section


def heading(section: Section) -> str:
    # Marker and title as they read in the speech: "二、" + "加强党的领导" → "二、加强党的领导".
    return f"{section.marker}{section.title}"


def section_paths(sections: Sequence[Section]) -> list[list[str]]:
    """For each section, the headings from the root down to it (parents come before children)."""
    paths: list[list[str]] = []
    for i, section in enumerate(sections):
        parent = section.parent
        base = paths[parent] if parent is not None and 0 <= parent < i else []
        paths.append(base + [heading(section)])
    return paths


def innermost(sections: Sequence[Section], starts: Sequence[int]) -> list[int | None]:
    """Index of the innermost section containing each start (``starts`` sorted ascending).

    A sweep with a stack of open sections: O((sections + spans) log) instead of a search per span.
    """
    order = sorted(range(len(sections)), key=lambda i: (sections[i].start, sections[i].level, i))
    stack: list[int] = []
    result: list[int | None] = []
    k = 0
    for start in starts:
        while k < len(order) and sections[order[k]].start <= start:
            index = order[k]
            while stack and sections[stack[-1]].end <= sections[index].start:
                stack.pop()
            stack.append(index)
            k += 1
        while stack and sections[stack[-1]].end <= start:
            stack.pop()
        result.append(stack[-1] if stack else None)
    return result


def span_section_paths(sections: Sequence[Section], starts: Sequence[int]) -> list[list[str]]:
    """The section path of each start (``[]`` outside every section, e.g. in the preamble)."""
    paths = section_paths(sections)
    return [paths[i] if i is not None else [] for i in innermost(sections, starts)]
