"""Levels and confidence of the headings the outline kept.

Levels follow the document's own hierarchy: where one section shows 一、 → （一） → 1． and another has
1． directly under 二、, the （N） there was not found, and 1． still sits two levels below 二、 (its parent
stays 二、, the nearest heading that exists); such headings get a lower confidence so the GUI marks them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.structure.markers import FAMILIES

if TYPE_CHECKING:
    from annotator.structure.outline_arrange import Node


def heading_confidence(nodes: list[Node], levels: list[int]) -> list[float]:
    """How sure the parser is that each node is a heading: where its marker stands (a line start is
    certain, a marker glued into a flattened line much less so), firmed up by the length of its run
    (five siblings in sequence are rarely an accident) and lowered for a run whose first item is missing."""
    sizes: dict[int, int] = {}
    for node in nodes:
        sizes[node.run] = sizes.get(node.run, 0) + 1
    skipping = _skips_a_level(nodes, levels)
    out = []
    for i, node in enumerate(nodes):
        doubt = (1.0 - node.cand.plausibility) / (sizes[node.run] ** 0.5)
        if node.lost_first:
            doubt = max(doubt, 0.2)  # a list that starts at 2: is its first item really lost?
        if i in skipping:
            doubt = max(doubt, _INVISIBLE_PARENT_DOUBT)
        out.append(1.0 - doubt)
    return out


_INVISIBLE_PARENT_DOUBT = 0.3
_MAX_MISSING = 2  # levels a heading may be moved down to make room for parents that were not found


def _family_chains(nodes: list[Node]) -> dict[str, dict[str, int]]:
    """For each heading family, how many levels down each other heading family sits below it in this
    document: the longest chain of observed parent → child nesting whose GB/T ranks increase (一、 →
    （一） → 1． gives 一、 → 1． two levels).  Inline enumerations (一是, 首先) are left out: they sit
    wherever the sentence puts them, so they say nothing about the heading hierarchy, and so are the
    divisions of laws (rank ≤ 0)."""
    edges: dict[str, set[str]] = {}
    for n in nodes:
        if n.parent is None:
            continue
        parent, child = FAMILIES[nodes[n.parent].cand.family], FAMILIES[n.cand.family]
        # 章/节/条 are left out too: a law's 节 is optional by drafting rule, so 第一条 directly under
        # 第一章 is complete, not a lost level (GB/T 9704's 一、（一）1.（1） has no optional level).
        if (not parent.inline and not child.inline and 0 < parent.rank < child.rank
                and child.rank > 0):
            edges.setdefault(parent.id, set()).add(child.id)
    chains: dict[str, dict[str, int]] = {}
    for top in edges:
        reach = {top: 0}
        frontier = [top]
        for step in range(1, _MAX_MISSING + 2):
            frontier = [c for f in frontier for c in edges.get(f, ())]
            for c in frontier:
                reach[c] = step  # the last (longest) step at which c is reached
        chains[top] = reach
    return chains


def true_levels(nodes: list[Node], text: str = "") -> list[int]:
    """1-based levels, with children of a missing heading placed where the document's own hierarchy
    puts them.  Where a section shows 一、 → （一） → 1． and another has 1．2． directly under 二、, its
    （N） was not found (never written, or lost in a scrape): 1． still belongs two levels below 二、,
    and its parent stays 二、 (the nearest heading that exists).  The move carries the subtree along —
    only where this section itself shows the lost level (``_lost_levels``): 1．…4． directly under 三、
    with nothing else there is a section written one level shallower, not a scrape (two unseen
    documents of fresh19, yijian_sxyz_xianfeng and yijian_gz_rencai_jiju, write parts so; no document of the corpus needed the move
    without such a sign)."""
    chains = _family_chains(nodes)
    lost = _lost_levels(nodes, chains)
    in_article = _announced_in_a_division(nodes, text)
    opening = _under_a_lost_first_item(nodes, chains)
    levels: list[int] = []
    for i, n in enumerate(nodes):
        if n.parent is None:
            levels.append(1 + opening.get(i, 0))
            continue
        step = chains.get(nodes[n.parent].cand.family, {}).get(n.cand.family, 1)
        if step > 1 and (n.parent, n.cand.family) not in lost:
            step = 1  # no sign of a lost level in this section: the document nests it directly
        if n.run in in_article:
            step = 2  # the items of a 条 that was not found sit a level below it all the same
        levels.append(levels[n.parent] + max(1, step))
    return levels


def _lost_levels(nodes: list[Node], chains: dict[str, dict[str, int]]) -> set[tuple[int, str]]:
    """(parent node, child family) pairs where the section itself shows that a level between them was
    not found: the child's list starts again at 1 under the same parent ("二、 1．2． 1．2．": something
    separated the two lists — the （N） heading of each), or a family that sits between them in the
    document's chain hangs under that parent too ("二、 1．2． （二）…": the 1． before （二） belong to its
    lost （一）).  Without such a sign a heading is where the document put it."""
    runs: dict[tuple[int, str], set[int]] = {}
    for n in nodes:
        if n.parent is not None:
            runs.setdefault((n.parent, n.cand.family), set()).add(n.run)
    families: dict[int, set[str]] = {}
    for parent, family in runs:
        families.setdefault(parent, set()).add(family)
    lost: set[tuple[int, str]] = set()
    for (parent, family), members in runs.items():
        below = chains.get(nodes[parent].cand.family, {})
        step = below.get(family, 1)
        if step < 2:
            continue
        if len(members) >= 2 or any(0 < below.get(g, 0) < step for g in families[parent]):
            lost.add((parent, family))
    return lost


def _under_a_lost_first_item(nodes: list[Node], chains: dict[str, dict[str, int]]) -> dict[int, int]:
    """Top-level headings that open a text before its first part, where that part opens past 1: an excerpt
    that starts inside a part whose heading it left out ("（1）集成性…（7）…" and only then "1．2 文件…
    1．3 …（1）文本").  What precedes the first part found is the body of the parts before it, so its lists
    sit where the document's own hierarchy puts them under such a part (1．N → （N): one level down), not
    at the top.  Only when every top-level heading before that part has such a place (a chain observed in
    this document, see _family_chains); the moved headings are marked doubtful like any invisible parent.
    Node index → levels moved down."""
    first_of: dict[str, int] = {}
    for i, n in enumerate(nodes):
        first_of.setdefault(n.cand.family, i)
    late = [i for i in first_of.values() if nodes[i].parent is None and nodes[i].ordinal > 1
            and not FAMILIES[nodes[i].cand.family].inline and nodes[i].cand.family in chains]
    if not late:
        return {}
    part = min(late)
    below = chains[nodes[part].cand.family]
    roots = [i for i in range(part) if nodes[i].parent is None]
    if not roots or any(below.get(nodes[i].cand.family, 0) < 1 for i in roots):
        return {}
    return {i: min(below[nodes[i].cand.family], _MAX_MISSING) for i in roots}


_ANNOUNCING_END = "：:"


def _announced_in_a_division(nodes: list[Node], text: str) -> set[int]:
    """Runs of items hanging directly under a 章 or 节 (a division of a law, rank < 0) whose first item
    follows a colon: a list announced inside a paragraph ("…应当提交下列材料：（一）…").  The text of a
    章 is made of 条 and nothing else, so that paragraph is a 条 the scanner did not find (cut from an
    excerpt, run into a flattened line, its marker dropped by a scrape), and its items sit two levels
    below the 章, where the items of every other 条 sit — not one level, as if they were its parts.
    Only in a text where 条 were found at all: that is what makes it a law."""
    if not text or not any(n.cand.family == "article" for n in nodes):
        return set()  # a book's 章 holds 节 or 一、 parts, which may well follow a colon: only a law is sure
    first: dict[int, Node] = {}
    for n in nodes:
        first.setdefault(n.run, n)
    out = set()
    for run, n in first.items():
        if n.parent is None or FAMILIES[nodes[n.parent].cand.family].rank >= 0:
            continue
        if FAMILIES[n.cand.family].inline or FAMILIES[n.cand.family].rank <= 0:
            continue
        k = n.cand.start
        while k > 0 and text[k - 1] in " \t\u3000\xa0\r\n":
            k -= 1
        if k > 0 and text[k - 1] in _ANNOUNCING_END:
            out.add(run)
    return out


def _skips_a_level(nodes: list[Node], levels: list[int]) -> set[int]:
    """Nodes placed below a heading that was not found (see true_levels): their level is inferred from
    the rest of the document, so their confidence drops and the GUI marks them for a look."""
    return {i for i, n in enumerate(nodes)
            if (levels[i] > levels[n.parent] + 1 if n.parent is not None else levels[i] > 1)}
