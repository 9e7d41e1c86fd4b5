"""Manual outline corrections, stored as edits and replayed over the parser's output.

Storing edits (not the corrected tree) is what lets corrections survive a re-parse with a better
parser: each edit is anchored at the heading's start offset in the clean text, which does not change
unless the text does.

Ops (``payload`` fields):
- "add": a heading at ``anchor``; {"marker_end": int, "title_end": int, "level": int, "marker": str}
- "remove": drop the heading that starts at ``anchor``
- "shift": promote/demote the heading at ``anchor`` and its subtree; {"delta": -1 | +1}
- "title_end": move where the title of the heading at ``anchor`` ends; {"title_end": int}
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterable

from annotator.domain.model import Section
from annotator.structure.outline_levels import _INVISIBLE_PARENT_DOUBT


_MAX_GAP = 2  # levels of headings that were not found between a section and its parent


def rebuild_tree(sections: list[Section], text_length: int) -> list[Section]:
    """Recompute parent and end for sections in document order.

    A section's parent is the nearest earlier section at a shallower level.  A level may sit more than
    one below its parent's where the heading between them was never found (the parser places 1． under
    二、 at level 3 when the document nests 一、 → （一） → 1．), but not more than ``_MAX_GAP`` below, and
    only where the parser put it (a section moved by hand sits right under its parent, a top section at
    level 1 unless the parser put it deeper); ends run to the next heading at the same or a shallower level.
    """
    ordered = sorted(sections, key=lambda s: (s.start, s.level))
    out: list[Section] = []
    stack: list[int] = []  # indexes into out
    for sec in ordered:
        level = max(1, sec.level)
        while stack and out[stack[-1]].level >= level:
            stack.pop()
        # A parsed section may sit below headings that were not found; one placed by hand sits right
        # under its parent (demoting the first heading changes nothing), and a top section is level 1 —
        # unless the parser put it at the top that deep itself and marked it doubtful (before the first part
        # of an excerpt that opens past 1, outline_levels): a section whose parent was removed moves up.
        gap = _MAX_GAP if sec.source == "auto" else 0
        if stack:
            level = min(level, out[stack[-1]].level + 1 + gap)
        elif sec.parent is None and sec.confidence <= 1.0 - _INVISIBLE_PARENT_DOUBT + 1e-9:
            level = min(level, 1 + gap)  # the parser's doubtful place under an invisible part (outline_levels)
        else:
            level = 1
        parent = stack[-1] if stack else None
        out.append(replace(sec, level=level, parent=parent))
        stack.append(len(out) - 1)
    for i, sec in enumerate(out):
        end = text_length
        for later in out[i + 1:]:
            if later.level <= sec.level:
                end = later.start
                break
        out[i] = replace(sec, end=end)
    return out


def _subtree(sections: list[Section], index: int) -> range:
    level = sections[index].level
    stop = index + 1
    while stop < len(sections) and sections[stop].level > level:
        stop += 1
    return range(index, stop)


def apply_edits(text: str, sections: list[Section], edits: Iterable[dict[str, Any]]) -> list[Section]:
    secs = rebuild_tree(list(sections), len(text))
    for edit in edits:
        op, anchor, payload = edit["op"], edit["anchor"], edit.get("payload", {})
        at = next((i for i, s in enumerate(secs) if s.start == anchor), None)
        if op == "add":
            if at is not None or not (0 <= anchor < len(text)):
                continue
            marker_end = min(max(anchor, int(payload.get("marker_end", anchor))), len(text))
            title_end = min(max(marker_end, int(payload.get("title_end", marker_end))), len(text))
            secs.append(Section(
                level=int(payload.get("level", 1)), marker=text[anchor:marker_end], title=text[marker_end:title_end],
                start=anchor, end=len(text), title_start=marker_end, title_end=title_end, kind="manual",
                confidence=1.0, source="manual",
            ))
        elif at is None:
            continue  # the heading this edit was about is gone (text changed): nothing to correct
        elif op == "remove":
            del secs[at]
        elif op == "shift":
            delta = int(payload.get("delta", 0))
            for i in _subtree(secs, at):
                secs[i] = replace(secs[i], level=max(1, secs[i].level + delta), source="manual")
        elif op == "title_end":
            sec = secs[at]
            title_end = min(max(sec.title_start, int(payload["title_end"])), len(text))
            secs[at] = replace(sec, title_end=title_end, title=text[sec.title_start:title_end],
                               confidence=1.0, source="manual")
        secs = rebuild_tree(secs, len(text))
    return secs


def section_path(sections: list[Section], index: int | None) -> list[str]:
    """["一、总体要求", "（一）加强领导", …] from the root down to ``index``."""
    path: list[str] = []
    while index is not None:
        sec = sections[index]
        path.append(f"{sec.marker}{sec.title}")
        index = sec.parent
    return list(reversed(path))


def innermost_at(sections: list[Section], pos: int) -> int | None:
    """Index of the deepest section containing ``pos`` (sections in document order)."""
    best = None
    for i, sec in enumerate(sections):
        if sec.start > pos:
            break
        if sec.start <= pos < sec.end:
            best = i
    return best
