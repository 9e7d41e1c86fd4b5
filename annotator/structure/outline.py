"""The outline parser: candidate markers → validated sequences → a tree of Sections.

Nesting follows the document rather than a fixed marker→level table.  Every marker occurrence the
scanner finds (markers.scan, with where it stands and how plausible that is) is read in order against
a stack of open enumerations: a family already on the stack continues (and closes everything opened
under it) when its ordinal is the next one, or starts a new list in the same place when it is 1 again
(a second 一是…五是 list, 1． restarting under the next （N）); a family not on the stack opens a new
level under the current one when it starts at 1, runs on from where it stopped (（一）…（五） 二、 （六）…;
articles of a law through chapters), or starts at 2 when its first item was lost (kept only if 3
follows and no "number" cuts a sentence, which is what page-chunk numbers do).  Two priors from GB/T
9704 settle what the order alone cannot: a heading that opens a paragraph closes inline enumerations
(一是, 首先…) instead of nesting under them, and a higher-ranked heading family (一、) closes lower ones
((1)).  An unnumbered section title on a line of its own ("关于极端民主化") closes every open list.
Runs that never continue (a lone 一是, a lone 首先) are dropped and the stack replayed without them, so
the outline kept is the consistent reading of all candidates; each pass is linear in the candidates.
Text flattened without spaces hides where paragraphs open, so both readings of a full stop are tried
and the one that keeps more markers wins.  Each heading gets a confidence: the weaker of its marker's
(position, run length, a missing first item) and its title boundary's.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from typing import Iterator

from annotator.domain.model import Section
from annotator.structure.gc_pause import gc_paused
from annotator.structure.markers import COMMA_FAMILIES, FAMILIES, LAST, Candidate, ends_sentence, match_marker, scan
from annotator.structure.outline_levels import heading_confidence, true_levels
from annotator.structure.titles import assign_titles

_MAX_PASSES = 25


@dataclass
class _Frame:
    family: str
    last: int
    node: int  # index of the run's latest accepted node
    run: int
    closed: bool = False  # after 最后 nothing can follow


@dataclass
class _Node:
    cand: Candidate
    depth: int
    parent: int | None
    run: int
    ordinal: int  # resolved (最后 → previous + 1)
    lost_first: bool = False  # opens a run at 2: its first item was not found


@dataclass
class _Runs:
    members: dict[int, list[int]] = field(default_factory=dict)  # run id → node indexes
    family: dict[int, str] = field(default_factory=dict)
    provisional: set[int] = field(default_factory=set)  # runs opened at 2, kept only if they reach 3


def _continues(cand: Candidate, frame: _Frame) -> bool:
    if frame.closed:
        return False
    if cand.ordinal == LAST:
        return frame.family == "sequence" and frame.last >= 2  # 首先…最后 alone is politeness
    if frame.family == "sequence" and cand.ordinal > 1 and frame.last >= cand.ordinal:
        return True  # 首先…其次…其次…再次: speakers repeat "next"; each one is the next item
    return cand.ordinal == frame.last + 1


def _opening_depth(stack: list[_Frame], cand: Candidate, loose: bool, continues_later=None) -> int:
    """How many open frames stay open when ``cand``'s family starts a new level."""
    fam = FAMILIES[cand.family]
    depth = len(stack)
    # Only a heading that opens a paragraph closes enumerations; "…三项：（1）…；（2）…" inside an
    # 一是 paragraph is a list within that item.  In ``loose`` mode a full stop also opens one, which
    # is what text flattened without spaces needs.
    opens = cand.opens_paragraph or (loose and cand.after_full_stop)
    if not fam.inline and opens:
        while depth and (FAMILIES[stack[depth - 1].family].inline
                         or FAMILIES[stack[depth - 1].family].rank > fam.rank):
            frame = stack[depth - 1]
            if (fam.id in _UNRANKED and not FAMILIES[frame.family].inline and continues_later is not None
                    and continues_later(frame)):
                break  # "（三）…如下的变化：甲、…戊、" then "（四）": the 甲 list sits inside （三）
            depth -= 1
    return depth


# Families GB/T 9704 gives no place: 甲乙丙 head the parts of an old resolution ("甲　少数不服从多数"
# over （一）（二）) as often as they list the points of one （三）.  Their rank is only a guess, so the
# document decides: an open heading run that goes on after the list ((三) … 戊、 then (四)) holds it.
_UNRANKED = frozenset({"stem"})


def _line_break_between(newlines: list[int] | tuple, a: int, b: int) -> bool:
    k = bisect.bisect_right(newlines, a)
    return k < len(newlines) and newlines[k] < b


def _may_open_late(cand: Candidate, run_on: dict[tuple[str, str | None], int], nests: bool) -> bool:
    """May ``cand`` open its family's first run at an ordinal above 1?  At 2 anywhere (one lost item);
    higher only for a heading that opens a line, is the first of its family in the whole text and closes
    nothing that is open (``nests``) — an excerpt ("五、…（十四）…") — never for an inline enumeration or
    首先/最后.  A citation paragraph ("第九十九条规定：…" under 一、) would otherwise close real headings."""
    family = FAMILIES[cand.family]
    if family.numeral == "word" or cand.ordinal == LAST:
        return False
    if cand.ordinal == 2:
        return True
    return (cand.ordinal > 2 and nests and not family.inline and cand.position == "line"
            and (cand.family, "*") not in run_on)


def _arrange(cands: list[Candidate], loose: bool, breaks: list[int],
             newlines: list[int] = ()) -> tuple[list[_Node], _Runs]:
    nodes: list[_Node] = []
    runs = _Runs()
    stack: list[_Frame] = []
    run_on: dict[tuple[str, str | None], int] = {}  # (family, parent family) → last ordinal used

    def accept(cand: Candidate, depth: int, frame_run: int, ordinal: int) -> int:
        parent = stack[depth - 1].node if depth else None
        nodes.append(_Node(cand, depth, parent, frame_run, ordinal))
        runs.members.setdefault(frame_run, []).append(len(nodes) - 1)
        runs.family[frame_run] = cand.family
        parent_family = stack[depth - 1].family if depth else None
        run_on[(cand.family, parent_family)] = ordinal
        run_on[(cand.family, "*")] = ordinal
        return len(nodes) - 1

    by_family: dict[str, tuple[list[int], list[int]]] = {}  # family → (starts, ordinals) in order
    for c in cands:
        starts, ordinals = by_family.setdefault(c.family, ([], []))
        starts.append(c.start)
        ordinals.append(c.ordinal)
    position = 0  # start of the candidate being placed

    def continues_later(frame: _Frame) -> bool:
        """Is the next marker of ``frame``'s family, after the one being placed, its next number?"""
        starts, ordinals = by_family.get(frame.family, ((), ()))
        k = bisect.bisect_right(starts, position)
        return k < len(starts) and ordinals[k] == frame.last + 1

    next_break = 0
    for cand in cands:
        position = cand.start
        if next_break < len(breaks) and breaks[next_break] < cand.start:
            # An unnumbered section title ("关于极端民主化") since the last marker: its lists are over —
            # unless this very marker continues one of them: then the short line was a label inside
            # the item (a bold "支持的区块链网络" under "（一）链上网络…" before "（二）"), not a section.
            next_break = bisect.bisect_left(breaks, cand.start, next_break)
            if not any(f.family == cand.family and _continues(cand, f) for f in stack):
                del stack[:]
        on_stack = next((d for d in range(len(stack) - 1, -1, -1) if stack[d].family == cand.family), None)
        if on_stack is not None:
            frame = stack[on_stack]
            if _continues(cand, frame):
                ordinal = frame.last + 1
                del stack[on_stack + 1:]
                frame.node = accept(cand, on_stack, frame.run, ordinal)
                frame.last = ordinal
                frame.closed = cand.ordinal == LAST
                continue
            if cand.ordinal != 1 or cand.position == "glued":
                continue
            # The same kind of list starting again at 1 where the old one stood: a new list under the
            # same parent (a second 一是…五是 list, a new part of the document at the top).  Not for a
            # marker glued into a flattened line: "统一、规范" must not restart anything.
            del stack[on_stack:]
            depth = on_stack
        else:
            if FAMILIES[cand.family].inline:
                # An enumeration lives inside its paragraph: a new inline list (一是…) in a later
                # paragraph than the open inline item (一要…) is the next list under the same parent.
                while stack and FAMILIES[stack[-1].family].inline and _line_break_between(
                        newlines, nodes[stack[-1].node].cand.start, cand.start):
                    stack.pop()
            depth = _opening_depth(stack, cand, loose, continues_later)
        parent_family = stack[depth - 1].family if depth else None
        previous = run_on.get((cand.family, parent_family))
        if previous is None and FAMILIES[cand.family].rank <= 0:
            previous = run_on.get((cand.family, "*"))  # articles of a law number on through chapters and sections
        if cand.ordinal == 1:
            ordinal = 1
        elif previous is not None and cand.ordinal == previous + 1 and on_stack is None:
            ordinal = cand.ordinal  # numbering runs on across parents: (一)…(五) 二、 (六)…
        elif previous is None and on_stack is None and _may_open_late(cand, run_on, depth == len(stack)):
            # The first items were lost (cut by a scrape, unrecognisable) or lie outside an excerpt that
            # starts at 五、（十四）: kept only if the next number follows (see _rejected).
            ordinal = cand.ordinal
            runs.provisional.add(len(runs.members))
        else:
            continue
        del stack[depth:]
        run = len(runs.members)
        runs.members[run] = []
        node = accept(cand, depth, run, ordinal)
        nodes[node].lost_first = run in runs.provisional
        stack.append(_Frame(cand.family, ordinal, node, run))
    return nodes, runs


# A short line standing alone between blank lines, with no end punctuation and no marker: the title of
# an unnumbered section ("关于单纯军事观点"), which closes whatever lists were open before it.
_TITLE_LINE = re.compile(r"(?:^|\n[ \t\u3000]*\n)[ \t\u3000]*([^\s。！？；：，,.;:!?、][^\n。！？；：，,;:!?]{1,24})[ \t\u3000]*\n[ \t\u3000]*\n")


def _title_lines(text: str) -> list[int]:
    out = []
    for m in _TITLE_LINE.finditer(text):
        line = m.group(1)
        if match_marker(line) is None and not any(ch.isdigit() for ch in line):
            out.append(m.start(1))
    return out


_PARAGRAPH_BREAK = re.compile(r"\n|[。！？；!?;][”’」』]?[ \t\u3000\xa0]")


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return _PARAGRAPH_BREAK.search(text, a, b) is None


_TITLE_LINE_MAX = 40  # a line this short without end punctuation is a heading, not a cut sentence


def _after_boundary(text: str, cand: Candidate) -> bool:
    """Does ``cand`` stand after a sentence end or after a short heading line ("五、深化改革\n（十四）")?
    A page-chunk number stands inside a sentence cut in two."""
    if ends_sentence(text, cand.start):
        return True
    if cand.position != "line":
        return False
    line_end = text.rfind("\n", 0, cand.start)
    line_start = text.rfind("\n", 0, max(0, line_end)) + 1
    return 0 <= line_end and 0 < len(text[line_start:line_end].strip()) <= _TITLE_LINE_MAX


# Heading families that title a part of a document (一、 （一） 一　 第一章…), as opposed to items of a list.
_PART_TITLES = frozenset({"cn-dun", "cn-paren", "cn-space", "part", "chapter", "section"})
_LONE_TITLE_MAX = 30


def _title_line(text: str, cand: Candidate) -> bool:
    """Is ``cand`` a heading by its shape alone, even as the only one of its family in sight (an excerpt
    of one part: "三、深化改革开放" then its paragraphs)?  It opens a line, is of a family that titles
    parts, its title fills the rest of the line — short, without sentence punctuation — and a body line
    follows.  A run of one is otherwise dropped: "一、" in prose is often not a heading at all."""
    if cand.position != "line" or cand.family not in _PART_TITLES:
        return False
    end = text.find("\n", cand.end)
    if end < 0:
        return False
    title = text[cand.end:end].strip(" \t\u3000\xa0")
    if not 2 <= len(title) <= _LONE_TITLE_MAX or any(ch in "。！？；：!?;:，," for ch in title):
        return False
    # A paragraph follows (its first lines, however a copied PDF broke them), not another marker.
    body = 0
    for line in text[end + 1:end + 1 + 4 * _LONE_TITLE_MAX].split("\n")[:3]:
        line = line.strip(" \t\u3000\xa0")
        if not line or match_marker(line) is not None:
            break
        body += len(line)
    return body > _LONE_TITLE_MAX


def _rejected(text: str, nodes: list[_Node], runs: _Runs) -> set[int]:
    """Candidate starts to drop: runs that never continue, comma enumerations that leave their paragraph."""
    long_runs = {runs.family[r] for r, members in runs.members.items() if len(members) >= 2}
    # A lone heading still counts when a proper enumeration hangs under it ("一、总体要求" then (一)(二)).
    parents = {nodes[m[0]].parent for m in runs.members.values() if len(m) >= 2}
    drop: set[int] = set()
    for run, members in runs.members.items():
        family = runs.family[run]
        if run in runs.provisional and ((len(members) < 2 and not _title_line(text, nodes[members[0]].cand))
                                        or not all(_after_boundary(text, nodes[m].cand) for m in members)):
            # Opened at 2 with nothing lost before it in sight, or each "number" cuts a sentence in
            # two (download-site page chunks): not a list.
            drop.add(nodes[members[0]].cand.start)
            continue
        if len(members) == 1:
            node = nodes[members[0]]
            if node.ordinal > 1:
                continue  # runs on from an earlier, already validated run
            if FAMILIES[family].inline or node.cand.position == "glued":
                drop.add(node.cand.start)  # a glued marker needs a sibling, children are not enough
            elif family not in long_runs and members[0] not in parents and not _title_line(text, node.cand):
                drop.add(node.cand.start)
            continue
        if family not in COMMA_FAMILIES and not any(nodes[m].cand.position == "comma" for m in members):
            continue
        for k, index in enumerate(members):
            cand = nodes[index].cand
            if cand.position != "comma":
                continue
            neighbours = [nodes[members[j]].cand.start for j in (k - 1, k + 1) if 0 <= j < len(members)]
            if not any(_same_paragraph(text, min(cand.start, n), max(cand.start, n)) for n in neighbours):
                drop.add(cand.start)
    return drop


def _build(text: str) -> list[_Node]:
    """Arrange the candidates under both readings of a full stop; the one keeping more markers wins."""
    cands = scan(text)
    breaks = _title_lines(text)
    newlines = [m.start() for m in re.finditer("\n", text)]
    strict = _settle(text, cands, False, breaks, newlines)
    if not any(c.after_full_stop and not FAMILIES[c.family].inline for c in cands):
        return strict
    loose = _settle(text, cands, True, breaks, newlines)
    # On a tie the GB/T prior decides: a heading does not belong under an inline enumeration.
    return loose if len(loose) >= len(strict) else strict


def _settle(text: str, cands: list[Candidate], loose: bool, breaks: list[int],
            newlines: list[int]) -> list[_Node]:
    """Arrange, drop runs that never continue, and arrange again until nothing more is dropped."""
    nodes: list[_Node] = []
    for _ in range(_MAX_PASSES):
        nodes, runs = _arrange(cands, loose, breaks, newlines)
        drop = _rejected(text, nodes, runs)
        if not drop:
            break
        cands = [c for c in cands if c.start not in drop]
    return nodes


@gc_paused
def parse_outline(text: str) -> list[Section]:
    """The document's headings in document order, each with its span, title and parent index."""
    if not text:
        return []
    nodes = _build(text)
    levels = true_levels(nodes)
    # A section ends where the next node at its level or shallower begins: one pass with a stack.
    ends = [len(text)] * len(nodes)
    open_nodes: list[int] = []
    for i, node in enumerate(nodes):
        while open_nodes and levels[open_nodes[-1]] >= levels[i]:
            ends[open_nodes.pop()] = node.cand.start
        open_nodes.append(i)
    sections: list[Section] = []
    for node, level, end in zip(nodes, levels, ends):
        sections.append(Section(
            level=level, marker=node.cand.marker, title="", start=node.cand.start, end=end,
            title_start=node.cand.end, title_end=node.cand.end, kind=node.cand.family,
            ordinal=node.ordinal, confidence=1.0, parent=node.parent,
        ))
    assign_titles(text, sections)
    for section, belief in zip(sections, heading_confidence(nodes, levels)):
        # One number for "is this right": the weaker of "is this a heading" and "is this its title".
        section.confidence = round(min(section.confidence, belief), 3)
    return sections


def outline_jsonl(sections: list[Section]) -> Iterator[str]:
    """One JSON object per heading: level, marker, title, start, end, family, ordinal and confidence
    (0–1: the weaker of the marker's and the title boundary's certainty; below 0.8 is worth a look)."""
    for section in sections:
        record = {**section.to_json(), "kind": section.kind, "ordinal": section.ordinal,
                  "confidence": section.confidence}
        yield json.dumps(record, ensure_ascii=False)


def outline_tree(sections: list[Section]) -> str:
    """An indented tree for people: marker, title, span, and a '?' where the title end was guessed."""
    lines = []
    for s in sections:
        guess = "" if s.confidence >= 1.0 else f"  ?{s.confidence:.2f}"
        lines.append(f"{'  ' * (s.level - 1)}{s.marker}{s.title}  [{s.start}, {s.end}){guess}")
    return "\n".join(lines) + ("\n" if lines else "")
