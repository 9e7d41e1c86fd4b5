"""Arranging marker candidates into nested runs: the stack reading of the outline.

Every candidate (markers.scan) is read in order against a stack of open enumerations: a family already
on the stack continues (and closes everything opened under it) when its ordinal is the next one, or
starts a new list in the same place when it is 1 again (a second 一是…五是 list, 1． restarting under the
next （N）); a family not on the stack opens a new level under the current one when it starts at 1, runs
on from where it stopped (（一）…（五） 二、 （六）…; articles of a law through chapters), or starts at 2
when its first item was lost (provisional: outline._rejected keeps it only if the list goes on).  Two
priors from GB/T 9704 settle what the order alone cannot: a heading that opens a paragraph closes inline
enumerations (一是, 首先…) instead of nesting under them, and a higher-ranked heading family (一、) closes
lower ones ((1)) — unless the lower run goes on after it (then it holds it: the document decides).  One pass, linear in the candidates; outline.py decides which runs to keep.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from annotator.structure.marker_grammar import DIVISIONS, NEXT
from annotator.structure.markers import FAMILIES, ITEM_FAMILIES, LAST, Candidate


@dataclass
class _Frame:
    family: str
    last: int
    node: int  # index of the run's latest accepted node
    run: int
    closed: bool = False  # after 最后 nothing can follow


@dataclass
class Node:
    cand: Candidate
    depth: int
    parent: int | None
    run: int
    ordinal: int  # resolved (最后 → previous + 1)
    lost_first: bool = False  # opens a run at 2: its first item was not found


@dataclass
class Runs:
    members: dict[int, list[int]] = field(default_factory=dict)  # run id → node indexes
    family: dict[int, str] = field(default_factory=dict)
    provisional: set[int] = field(default_factory=set)  # runs opened at 2, kept only if they reach 3


def _continues(cand: Candidate, frame: _Frame) -> bool:
    if frame.closed:
        return False
    if cand.ordinal == LAST:
        return frame.family == "sequence" and frame.last >= 2  # 首先…最后 alone is politeness
    if cand.ordinal == NEXT:
        return True  # 其一，…又其一，: the next item, whatever its number
    if frame.family == "sequence" and cand.ordinal > 1 and frame.last >= cand.ordinal:
        return True  # 首先…其次…其次…再次: speakers repeat "next"; each one is the next item
    return cand.ordinal == frame.last + 1


# Parts of a law or a book may be left out of an excerpt ("第三条…" then "第六条…", "第四章" then "第八章").
# Numbered on through the whole text and standing at a line start with a space, colon or 【label】
# after them, their markers are headings on their own; citations ("依照第九十九条规定") are neither.
_SKIPPING = DIVISIONS | {"article"}
_SKIP_MAX = 100


def _skips_ahead(cand: Candidate, last: int) -> bool:
    # A law flattened onto one line lost its line starts: there the article or chapter stands after a
    # full stop or glued to the chapter title before it ("…调查与规划第十条　国家…"), and the space after
    # it (a rendered &emsp;) is what still sets it off from a citation ("依照第十条规定").
    stands = cand.position in ("line", "break") or (cand.position in ("sentence", "glued") and cand.spaced)
    return cand.family in _SKIPPING and cand.separated and stands and last + 1 < cand.ordinal <= last + _SKIP_MAX


# A table's row numbers (a number alone in its cell, a TAB after it: "1\t组织领导\t8") keep their values when
# an excerpt leaves rows out (1, 2, 5, 7, 9 …).  A number that skips ahead is still a row number unless one
# of the next few in its column fills the gap: then it is a score cell opening a sub-row ("2\t县农粮局",
# "15\t持续推进…", "3\t县工信局").
_ROW_SKIP_MAX = 10
_ROW_LOOKAHEAD = 4


def _row_skips_ahead(cand: Candidate, last: int, following) -> bool:
    """``following(cand)``: the next few ordinals of its family, asked for only when the rest holds."""
    return (cand.family == "digit-space" and cand.marker.endswith("\t") and last + 1 < cand.ordinal <= last + _ROW_SKIP_MAX
            and not any(last < o < cand.ordinal for o in following(cand)))


# An excerpt of a law or a notice leaves items of a list out and keeps the numbers of the rest ("（二）…；"
# then "（九）…；（十）…"): an item that opens its line after a sibling that opened its own may skip
# ahead, on the same terms as a row number — when its line opens after the end of a sentence or an item,
# which a wrapped citation ("依照本条第（一）项、\n（九）项") does not.
def _item_skips_ahead(cand: Candidate, before: Candidate, last: int, following) -> bool:
    return (cand.family in ITEM_FAMILIES and cand.after_end and before.position == "line"
            and last + 1 < cand.ordinal <= last + _ROW_SKIP_MAX
            and not any(last < o < cand.ordinal for o in following(cand)))


# A source that numbers one item twice ("3.时间" then "3.课程内容", then "4.申请条件"; an article 第十五条 twice):
# the repeat is the next item, the list going on from the number as written.  Only a heading opening its line
# after a sibling that opened its own, and only when the family's next number continues from it.
def _repeats(cand: Candidate, before: Candidate, last: int, following) -> bool:
    return (cand.ordinal == last >= 2 and cand.position == "line" and before.position == "line"
            and not FAMILIES[cand.family].inline and following(cand)[:1] == [last + 1])


def _opening_depth(stack: list[_Frame], cand: Candidate, loose: bool, continues_later=None, held=None) -> int:
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
            if (not FAMILIES[frame.family].inline and continues_later is not None
                    and (continues_later(frame) or held(frame))):
                break  # "（三）…甲、…戊、" then "（四）"; "一、…第一条…第九条" then "二、": held inside
            depth -= 1
    return depth


# The rank is a prior only; the document decides.  An open heading run whose next number comes later
# holds what opens a paragraph in between, whatever its rank: "（三）…如下的变化：甲、…戊、" then "（四）" (甲乙丙
# have no GB/T place at all), and "一、举证责任分配…" over 第一条…第九条 then "二、提供证据的要求" in a judicial
# interpretation, whose parts outrank nothing in GB/T yet hold its articles.  A run that held that family
# before holds it again (the last part, 六、附则, has no next number to show it).


def _line_break_between(newlines: list[int] | tuple, a: int, b: int) -> bool:
    k = bisect.bisect_right(newlines, a)
    return k < len(newlines) and newlines[k] < b


_HOLD_LINES = 12  # lines between a paragraph-lead item and a list it holds; farther, the point has moved on
_HEADING_LINE_MAX = 40
_LINE_ENDS = frozenset("。！？；：!?;:…”’」』）)")


def heading_line_between(text: str, newlines, a: int, b: int) -> bool:
    """Is there, between offsets ``a`` and ``b``, a line that reads as a heading (short, ending without
    sentence punctuation: "五十、存在的主要问题", "关于…") or more than _HOLD_LINES lines?  Looks at those
    lines only (bounded), never back over the text."""
    k = bisect.bisect_right(newlines, a)
    end = bisect.bisect_left(newlines, b)
    if end - k > _HOLD_LINES:
        return True
    for j in range(k, end):
        stop = newlines[j + 1] if j + 1 < len(newlines) and newlines[j + 1] < b else b
        line = text[newlines[j] + 1:stop].strip(" \t\u3000\xa0\r")
        if line and len(line) <= _HEADING_LINE_MAX and line[-1] not in _LINE_ENDS and stop < b:
            return True
    return False


def _holds_a_later_list(item: Candidate, cand: Candidate, heading_between) -> bool:
    """Does the open inline ``item`` hold ``cand``'s new list, a paragraph or more later?  When the item leads
    its own paragraph ("其次是环境改变对孩子的影响。…以下的一些基本特征：\n一是…", speech_sxyz_kaifangri; "第四点，
    机关…清查反革命…。\n\n…这是第一条。第二条，…", maoxuan_md_shida_guanxi) it is a point of the speech like a
    heading, and the list of another family that follows before its next sibling unfolds it.  An item inside a
    paragraph ("…三件事，一要…") ends with its paragraph, as before; 首先/最后 are adverbs as often as markers."""
    return (item.position == "line" and item.family != cand.family
            and FAMILIES[cand.family].numeral != "word"
            and heading_between is not None and not heading_between(item.start, cand.start))


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
    return (cand.ordinal > 2 and nests and not family.inline and (cand.position == "line" or set_apart(cand))
            and (cand.family, "*") not in run_on)


def _continues_only(cand: Candidate) -> bool:
    """"第二个特点是敌人的强大": an ordinal and a noun run straight into the words by 是, no comma.  A speaker
    goes on so after "第一个特点，…"; as the first item in sight it is a sentence ("第一种是被我方…掌握着的
    根据地；第二种是…", "前方可以设立第二、第三两个标准。第二个标准是…"): it continues a list, never opens one."""
    return cand.family == "di-noun" and cand.marker.endswith("是")


def set_apart(cand: Candidate) -> bool:
    """An article or chapter of a law flattened onto one line, set off by the space after it
    ("…公布施行）第十九条　宪法…", "。”第二十条　"): an excerpt of a law may open mid-way there too."""
    return cand.family in _SKIPPING and cand.separated and cand.spaced and cand.position in ("sentence", "glued", "break")


def _kin_frame(stack: list[_Frame], cand: Candidate, stop_between) -> int | None:
    """The open run of ``cand``'s kin (marker_grammar: one list written two ways) that ``cand`` belongs
    to, when no run of its own family is open: it continues that run ("一要…；二要…；三要…；四是…", a
    scoring table's "1、…" "2.…" "3、…"), or — an inline enumeration only — starts the next list where it
    stood, a sentence or more later ("…三要…。…最后，…一是要…；二要…").  Inside the same sentence a 一要
    after 一是 is a list within the item, as before."""
    kin = FAMILIES[cand.family].kin
    if not kin:
        return None
    for d in range(len(stack) - 1, -1, -1):
        frame = stack[d]
        if FAMILIES[frame.family].kin != kin:
            continue
        if _continues(cand, frame):
            return d
        if (cand.ordinal == 1 and FAMILIES[cand.family].inline and cand.position != "glued"
                and stop_between is not None and stop_between(stack[d].node, cand.start)):
            return d
        return None
    return None


def arrange(cands: list[Candidate], loose: bool, breaks: list[int],
             newlines: list[int] = (), full_stop_between=None, addresses: list[int] = (),
             run_in=None, heading_between=None) -> tuple[list[Node], Runs]:
    """``full_stop_between(a, b)``: does a sentence end lie between offsets ``a`` and ``b``?  Asked only
    where a run of another family of the same kin is open (``_kin_frame``).  ``addresses``: where the
    speaker turns to the audience ("各位代表！"); ``run_in(cand, address)``: is that heading a run-in item
    whose paragraph ended before the address (outline_addresses.closed_by)?  ``heading_between(a, b)``: does
    a heading-like line stand between offsets ``a`` and ``b`` (``heading_line_between``)?"""
    nodes: list[Node] = []
    runs = Runs()
    stack: list[_Frame] = []
    run_on: dict[tuple[str, str | None], int] = {}  # (family, parent family) → last ordinal used
    members_of, family_of = runs.members, runs.family

    def accept(cand: Candidate, depth: int, frame_run: int, ordinal: int, family: str | None = None) -> int:
        """``family``: the run's (a member of its kin keeps the run's family: 四是 goes on 一要…三要)."""
        family = family or cand.family
        if depth:  # (the frame read once, the index computed once: this runs for every kept marker)
            above = stack[depth - 1]
            parent, parent_family = above.node, above.family
        else:
            parent = parent_family = None
        index = len(nodes)
        nodes.append(Node(cand, depth, parent, frame_run, ordinal))
        members_of.setdefault(frame_run, []).append(index)
        family_of[frame_run] = family
        run_on[(family, parent_family)] = ordinal
        run_on[(family, "*")] = ordinal
        return index

    def stop_between(node: int, at: int) -> bool:
        return full_stop_between is not None and full_stop_between(nodes[node].cand.start, at)

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

    def following(cand: Candidate) -> list[int]:
        """The ordinals of the next few markers of ``cand``'s family after it, up to a new list (a 1)."""
        starts, ordinals = by_family[cand.family]
        k = bisect.bisect_right(starts, cand.start)
        ahead = ordinals[k:k + _ROW_LOOKAHEAD]
        return ahead[:ahead.index(1)] if 1 in ahead else ahead

    next_break = 0
    next_address = 0
    for cand in cands:
        position = cand.start
        if next_address < len(addresses) and addresses[next_address] < cand.start:
            # "各位代表！…一是…" after the last run-in item ("（六）…。…"): a new movement of the speech; the
            # items and enumerations open before it are over, the parts (a title on its own line) are not.
            address = addresses[bisect.bisect_left(addresses, cand.start, next_address) - 1]
            next_address = bisect.bisect_left(addresses, cand.start, next_address)
            # An item whose run goes on after the address ("（二）…各位代表！…（三）") still holds what follows.
            while stack and not _continues(cand, stack[-1]) and (
                    FAMILIES[stack[-1].family].inline
                    or (run_in is not None and not continues_later(stack[-1])
                        and run_in(nodes[stack[-1].node].cand, address))):
                stack.pop()
        if next_break < len(breaks) and breaks[next_break] < cand.start:
            # An unnumbered section title ("关于极端民主化") since the last marker: its lists are over —
            # unless this very marker continues one of them: then the short line was a label inside
            # the item (a bold "支持的区块链网络" under "（一）链上网络…" before "（二）"), not a section.
            next_break = bisect.bisect_left(breaks, cand.start, next_break)
            if not any(f.family == cand.family and _continues(cand, f) for f in stack):
                del stack[:]
        on_stack = None
        for d in range(len(stack) - 1, -1, -1):  # a plain loop: a generator per candidate cost a tenth of arrange
            if stack[d].family == cand.family:
                on_stack = d
                break
        if on_stack is None:
            on_stack = _kin_frame(stack, cand, stop_between)
        if on_stack is not None:
            frame = stack[on_stack]
            if (_continues(cand, frame) or _skips_ahead(cand, frame.last)
                    or _row_skips_ahead(cand, frame.last, following)
                    or _item_skips_ahead(cand, nodes[frame.node].cand, frame.last, following)
                    or _repeats(cand, nodes[frame.node].cand, frame.last, following)):
                ordinal = frame.last + 1 if cand.ordinal == LAST else max(frame.last + 1, cand.ordinal)
                if cand.ordinal == frame.last and not _continues(cand, frame):
                    ordinal = cand.ordinal  # a number written twice: the list goes on from it (_repeats)
                del stack[on_stack + 1:]
                frame.node = accept(cand, on_stack, frame.run, ordinal, frame.family)
                frame.last = ordinal
                frame.closed = cand.ordinal == LAST
                continue
            if cand.ordinal != 1 or cand.position == "glued" or _continues_only(cand):
                continue
            # The same kind of list starting again at 1 where the old one stood: a new list under the
            # same parent (a second 一是…五是 list, a new part of the document at the top).  Not for a
            # marker glued into a flattened line: "统一、规范" must not restart anything.
            del stack[on_stack:]
            depth = on_stack
        else:
            if _continues_only(cand):
                continue
            if FAMILIES[cand.family].inline:
                # An enumeration lives inside its paragraph: a new inline list (一是…) in a later
                # paragraph than the open inline item (一要…) is the next list under the same parent.
                while stack and FAMILIES[stack[-1].family].inline and _line_break_between(
                        newlines, nodes[stack[-1].node].cand.start, cand.start) and not _holds_a_later_list(
                        nodes[stack[-1].node].cand, cand, heading_between):
                    stack.pop()
            depth = _opening_depth(stack, cand, loose, continues_later,
                                   lambda frame: (cand.family, frame.family) in run_on)
        parent_family = stack[depth - 1].family if depth else None
        previous = run_on.get((cand.family, parent_family))
        if previous is None and FAMILIES[cand.family].rank <= 0:
            previous = run_on.get((cand.family, "*"))  # articles of a law number on through chapters and sections
        elif (previous is not None and cand.position == "line" and not FAMILIES[cand.family].inline
              and run_on.get((cand.family, "*"), 0) == cand.ordinal - 1 > previous):
            # "1.目标" under 一、, 2.…39. under the （N） of 二、 and 三、, then "40." right under 四、: the document
            # numbers its items through, whatever their parent (yijian_gz_rencai_jiju, 1.…45.)
            previous = cand.ordinal - 1
        if cand.ordinal == 1:
            ordinal = 1
        elif previous is not None and on_stack is None and (cand.ordinal == previous + 1
                                                            or _skips_ahead(cand, previous)
                                                            or _row_skips_ahead(cand, previous, following)):
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
