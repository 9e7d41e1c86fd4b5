"""The outline parser: candidate markers → validated sequences → a tree of Sections.

Nesting follows the document rather than a fixed marker→level table: every marker occurrence the
scanner finds (markers.scan, with where it stands and how plausible that is) is arranged into nested
runs by the stack reading of outline_arrange.  This module decides which runs are structure: runs that
never continue (a lone 一是, a lone 首先) are dropped and the stack replayed without them, so the outline
kept is the consistent reading of all candidates; each pass is linear in the candidates.  An unnumbered
section title on a line of its own ("关于极端民主化") closes every open list.
Text flattened without spaces hides where paragraphs open, so both readings of a full stop are tried
and the one that keeps more markers wins.  Each heading gets a confidence: the weaker of its marker's
(position, run length, a missing first item) and its title boundary's.
"""

from __future__ import annotations

import json
import re
from typing import Iterator

from annotator.domain.model import Section
from annotator.structure.gc_pause import gc_paused
from annotator.structure.marker_grammar import DIVISIONS
from annotator.structure.markers import COMMA_FAMILIES, FAMILIES, Candidate, ends_sentence, match_marker, scan
from annotator.structure.outline_addresses import addresses, closed_by
from annotator.structure.outline_contents import contents_entries
from annotator.structure.outline_glued import glued_articles, opens_glued_article, split_numerals
from annotator.structure.outline_arrange import Node, Runs, set_apart, arrange, heading_line_between
from annotator.structure.outline_levels import heading_confidence, true_levels
from annotator.structure.outline_tables import table_rows
from annotator.structure.titles import assign_titles

_MAX_PASSES = 25
# Each pass places every candidate again, so the passes are also bounded by the placements they make in
# all: 25 passes of 8 000 candidates, or three passes of a larger text (no text we have seen needs more
# than three; "第一章第一条" or "（一）（一）" glued together half a million times drops one lone run a pass,
# and 25 passes of a million candidates took a minute).
_MAX_PLACEMENTS = 200_000
_LARGE_PASSES = 3
_FULL_STOP = re.compile("[。！？!?]")


# A short line standing alone between blank lines, with no end punctuation and no marker: the title of
# an unnumbered section ("关于单纯军事观点"), which closes whatever lists were open before it.
# The blank line after it is looked at, not consumed: two such lines in a row ("附件2" then "名词解释")
# are each seen — a title after a line that is not one (a date, a number) closes the lists as well.
_TITLE_LINE = re.compile(r"(?:^|\n[ \t\u3000]*\n)[ \t\u3000]*([^\s。！？；：，,.;:!?、][^\n。！？；：，,;:!?]{1,24})[ \t\u3000]*\n[ \t\u3000]*\n")


# The same pattern from its "\n" branch on: a literal first character lets the regex engine jump from line
# break to line break (the "^" branch, tried at every position, made the pass twice a marker scan's cost).
_TITLE_LINE_AFTER_BREAK = re.compile(_TITLE_LINE.pattern.replace(r"(?:^|\n", r"(?:\n", 1))


def _title_line_matches(text: str) -> Iterator[re.Match]:
    """``_TITLE_LINE.finditer(text)``: "^" matches only at 0, so after a first try there the rest is the
    line-break branch's, searched from where that match ended (as finditer goes on)."""
    first = _TITLE_LINE.match(text)
    if first is not None:
        yield first
    yield from _TITLE_LINE_AFTER_BREAK.finditer(text, first.end() if first is not None else 0)


# "类别 行员级别 考核分值 准入标准": three words or more parted by spaces are a table's header row read one row a
# line (a PDF copy of a table), not the title of an unnumbered section ("关于单纯军事观点"); a title spaced out
# character by character ("结 束 语", "总　则") has one-character pieces and stays one.
_CELL_ROW = re.compile(r"\S{2,}[ \t\u3000]+\S{2,}[ \t\u3000]+\S{2,}")


def _title_lines(text: str) -> list[int]:
    out = []
    for m in _title_line_matches(text):
        line = m.group(1)
        if match_marker(line) is None and not any(ch.isdigit() for ch in line) and not _CELL_ROW.search(line):
            out.append(m.start(1))
    annexes = _annex_lines(text)
    return sorted(out + annexes) if annexes else out


# "附件1" / "附件：" alone on its line (GB/T 9704 §7.3.7: an annex opens on its own page with that line): the
# document proper has ended, and its lists with it — a 1.…6. glossary in 附件2 is not the 十一 of 附件1's
# 一、…十、 list, whether blank lines set the line apart (a markdown copy) or not (a PDF copy).
_ANNEX_LINE = re.compile(r"[ \t\u3000]*附件[ \t\u3000]*\d{0,2}[ \t\u3000]*[：:]?[ \t\u3000]*(?=\r?\n|$)")


# "附件：1．…审批表 / 2．…登记表" (GB/T 9704 §7.3.7 附件说明): the closing list of a notice's attachments names
# documents, it opens no section (xize_cq_jubao_jiangli, fangan_baoshan_laji_md, fangan_fengxian_tijian_md).
_ANNEX_LIST = re.compile(r"(?:^|\n)[ \t\u3000]*附件[ \t\u3000]*[：:][ \t\u3000]*$")


def _annex_lines(text: str) -> list[int]:
    """Where such lines start; each hit looks back over its indentation only (a page flattened onto one
    line may hold "附件" thousands of times: no hit may scan the line)."""
    out = []
    i = text.find("附件")
    while i >= 0:
        k = i
        while k > 0 and text[k - 1] in " \t\u3000":
            k -= 1
        if (k == 0 or text[k - 1] == "\n") and _ANNEX_LINE.match(text, k):
            out.append(i)
        i = text.find("附件", i + 2)
    return out


_PARAGRAPH_BREAK = re.compile(r"\n|[。！？；!?;][”’」』]?[ \t\u3000\xa0]")


def _same_paragraph(text: str, a: int, b: int) -> bool:
    """No paragraph break between ``a`` and ``b``.  A line break after a line cut mid-sentence is a wrap
    of a copied PDF ("…第一是苏联和资本主义各国\n的区别，第二是…"), not a paragraph end."""
    for m in _PARAGRAPH_BREAK.finditer(text, a, b):
        if m.group() != "\n" or ends_sentence(text, m.start()):
            return False
    return True


def _list_goes_on(text: str, cand: Candidate, after: Candidate) -> bool:
    """Does an inline enumeration closing one paragraph ("要做这件事，第一是眼睛向下。…") go on in the next,
    whose first words are its next item ("第二是开调查会。")?  One paragraph break between them, no more."""
    return (FAMILIES[cand.family].inline and after.position == "line" and after.start > cand.start
            and text.count("\n", cand.start, after.start) == 1)


_TITLE_LINE_MAX = 40  # a line this short without end punctuation is a heading, not a cut sentence


def _after_boundary(text: str, cand: Candidate) -> bool:
    """Does ``cand`` stand after a sentence end or after a short heading line ("五、深化改革\n（十四）")?
    A page-chunk number stands inside a sentence cut in two."""
    if ends_sentence(text, cand.start):
        return True
    if cand.position != "line":
        return False
    if _after_markdown_prefix(text, cand.start):
        return True  # "## 八、对称加密": a markdown heading, whatever the list item before it ended with
    line_end = text.rfind("\n", 0, cand.start)
    # Blank lines between ("## 第四章  通行管理\n\n第二十九条 …": markdown sets every paragraph apart) do
    # not make the heading line before them any less the line before.
    while line_end > 0 and text[line_end - 1] in "\n\r \t\u3000\xa0":
        line_end -= 1
    line_start = text.rfind("\n", 0, max(0, line_end)) + 1
    return 0 <= line_end and 0 < len(text[line_start:line_end].strip()) <= _TITLE_LINE_MAX


def _after_markdown_prefix(text: str, pos: int) -> bool:
    """Is ``pos`` right after a line-opening markdown heading prefix ("## ")?  Looks back over that prefix
    only, so a page flattened onto one line is not scanned back to its start for every marker."""
    k = pos
    while k > 0 and text[k - 1] in " \t\u3000":
        k -= 1
    hashes = k
    while k > 0 and text[k - 1] == "#" and hashes - k < 6:
        k -= 1
    return k < hashes and (k == 0 or text[k - 1] == "\n")


# Heading families that title a part of a document (一、 （一） 一　 第一章…), as opposed to items of a list.
_PART_TITLES = frozenset({"cn-dun", "cn-paren", "cn-space"}) | DIVISIONS
_LONE_TITLE_MAX = 30


def _title_line(text: str, cand: Candidate) -> bool:
    """Is ``cand`` a heading by its shape alone, even as the only one of its family in sight (an excerpt
    of one part: "三、深化改革开放" then its paragraphs)?  It opens a line, is of a family that titles
    parts, its title fills the rest of the line — short, without sentence punctuation — and a body line
    follows.  A run of one is otherwise dropped: "一、" in prose is often not a heading at all."""
    if cand.family not in _PART_TITLES:
        return False
    if cand.position == "break":
        return _spaced_title(text, cand)
    if cand.position != "line":
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


# On a page flattened onto one line a paragraph break became a space: "…使命无上光荣。 一、过去五年的工作 十九大以来…".
_SPACED_TITLE = re.compile(r"[ \t\u3000\xa0]*([^\s。！？；：!?;:，,、]{2,%d})[ \t\u3000\xa0]+(?=\S)" % _LONE_TITLE_MAX)


def _spaced_title(text: str, cand: Candidate) -> bool:
    """The flattened twin of a title line: after a sentence end and a space, a short unpunctuated title
    that a space ends, then a sentence of body text (not another marker) on the same line."""
    m = _SPACED_TITLE.match(text, cand.end)
    if m is None:
        return False
    body = text[m.end():m.end() + 2 * _LONE_TITLE_MAX].split("\n", 1)[0]
    return len(body) > _LONE_TITLE_MAX and match_marker(body) is None


_ANNOUNCING = re.compile("以下|如下")


def _announced(text: str, cand: Candidate) -> bool:
    """Is ``cand`` a first item opening its own line right after a line that announces a list ("着力做好
    以下十一个方面工作：", "主要做了以下工作。")?  An excerpt may keep only that first item; a stray 一是
    in prose does not stand there."""
    if cand.position != "line" or cand.ordinal != 1 or FAMILIES[cand.family].numeral == "word":
        return False  # "主要的有下面几种：\n首先就是闹独立性。": 首先 is an adverb as often as a marker
    line_end = text.find("\n", cand.end)
    if len(text[cand.end:line_end if line_end >= 0 else len(text)].strip(" \t\u3000\xa0\r")) < 2:
        return False  # "我们要做到：\n一、\n二、三季度…": a bare marker is no item
    end = text.rfind("\n", 0, cand.start)
    while end > 0 and text[end - 1] in "\n\r \t\u3000\xa0":
        end -= 1
    if end <= 0:
        return False
    start = text.rfind("\n", 0, end) + 1
    line = text[start:end]
    return line.endswith(("：", ":")) or (line.endswith("。") and len(line) <= _LONE_TITLE_MAX
                                          and _ANNOUNCING.search(line) is not None)


def _bare(text: str, cand: Candidate) -> bool:
    """Does nothing but spaces follow the marker on its line ("1." alone: an empty list item)?  Looks at
    those spaces only, never at the rest of a long line."""
    k = cand.end
    while k < len(text) and text[k] in " \t\u3000\xa0\r":
        k += 1
    return k == len(text) or text[k] == "\n"


def _glued_section(cand: Candidate) -> bool:
    # A section number glued to a sentence cut off by a page end, its title set off by a space ("…重新建立链
    # 1．2 文件…"; markers.scan admits a glued decimal only so): no page-chunk number looks like that.
    return cand.family == "decimal" and cand.position == "glued"


def _one_sentence(text: str, starts: list[int]) -> bool:
    """Do the members of a 一方面/另一方面 pair stand in one sentence ("一方面，需求日益强烈；另一方面，…要求…提高。",
    sh_xueqian_jihua_2011; "应懂得，一方面，…；另一方面，…", mao_md_052_fazhan)?  Then they weigh two sides of one
    statement; as items each is a sentence or paragraph of its own ("这是因为：\n一方面，…。\n另一方面，…。",
    mao_md_023_guodu)."""
    return all(_FULL_STOP.search(text, a, b) is None for a, b in zip(starts, starts[1:]))


def _holders(nodes: list[Node], parents: set[int | None]) -> set[int]:
    """Every node with a proper enumeration (a run of two or more) somewhere below it."""
    holders: set[int] = set()
    for p in parents:
        while p is not None and p not in holders:
            holders.add(p)
            p = nodes[p].parent
    return holders


def _excerpt_part(nodes: list[Node], index: int, holders: set[int]) -> bool:
    """Is the lone heading ``nodes[index]``, opened past 1 ("二、" with no 一、 in the text), the part an
    excerpt starts inside of?  It opens a line (or the text), titles parts (一、 （一） 第一章…) and a proper
    enumeration hangs below it ("二、设计协同… （一）完善… 一是…；二是…", plan_zhongjian_erju_oneline).  Dropping
    it put its children a level too high (the issue's "invisible parents")."""
    cand = nodes[index].cand
    return cand.family in _PART_TITLES and cand.position == "line" and index in holders


def _rejected(text: str, nodes: list[Node], runs: Runs) -> set[int]:
    """Candidate starts to drop: runs that never continue, comma enumerations that leave their paragraph."""
    long_runs = {runs.family[r] for r, members in runs.members.items() if len(members) >= 2}
    # A lone heading still counts when a proper enumeration hangs under it ("一、总体要求" then (一)(二)).
    parents = {nodes[m[0]].parent for m in runs.members.values() if len(m) >= 2}
    holders = _holders(nodes, parents)
    drop: set[int] = set()
    for run, members in runs.members.items():
        family = runs.family[run]
        if (len(members) >= 2 and FAMILIES[family].numeral == "digit"
                and all(nodes[m].cand.position == "line" and _bare(text, nodes[m].cand) for m in members)):
            # "1.\n2.\n3.": a list of Arabic numbers none of whose items has a word is page furniture (the
            # empty <li> of a carousel's indicators, a pager), not an outline.  Untitled parts of a speech
            # are numbered in words ("## 一" … "## 四", "第一条" over its 款), and stay.
            drop.update(nodes[m].cand.start for m in members)
            continue
        if (len(members) >= 2 and FAMILIES[family].numeral == "digit"
                and (table_rows(text, [nodes[m].cand.start for m in members])
                     or _ANNEX_LIST.search(text, max(0, nodes[members[0]].cand.start - 8), nodes[members[0]].cand.start))):
            drop.update(nodes[m].cand.start for m in members)  # a data table's row numbers (outline_tables)
            continue
        if family == "aspect" and len(members) >= 2 and _one_sentence(text, [nodes[m].cand.start for m in members]):
            drop.update(nodes[m].cand.start for m in members)  # "一方面，…；另一方面，…。": a contrast, not a list
            continue
        if run in runs.provisional and ((len(members) < 2 and not _title_line(text, nodes[members[0]].cand)
                                         and not _excerpt_part(nodes, members[0], holders))
                                        or not all(_after_boundary(text, nodes[m].cand) or set_apart(nodes[m].cand)
                                                   or _glued_section(nodes[m].cand) for m in members)):
            # Opened at 2 with nothing lost before it in sight, or each "number" cuts a sentence in
            # two (download-site page chunks): not a list.
            drop.add(nodes[members[0]].cand.start)
            continue
        if len(members) == 1:
            node = nodes[members[0]]
            if node.ordinal > 1:
                continue  # runs on from an earlier, already validated run
            if _announced(text, node.cand):
                continue  # "主要做了以下工作。" then "一是…": an excerpt kept the first item of the list
            if FAMILIES[family].inline or node.cand.position == "glued":
                following = nodes[members[0] + 1] if members[0] + 1 < len(nodes) else None
                if following is not None and following.parent == members[0] and opens_glued_article(
                        text, node.cand, following.cand):
                    continue  # "…办法第一章总则第一条为…": a chapter running into its first article
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
            neighbours = [nodes[members[j]].cand for j in (k - 1, k + 1) if 0 <= j < len(members)]
            if not any(_same_paragraph(text, min(cand.start, n.start), max(cand.start, n.start))
                       or _list_goes_on(text, cand, n) for n in neighbours):
                drop.add(cand.start)
    return drop


def _build(text: str) -> list[Node]:
    """Arrange the candidates under both readings of a full stop; the one keeping more markers wins."""
    # "第一章总则第一条…": the article a chapter title runs into; "一\n、…": a numeral cut from its 、
    cands = split_numerals(text, glued_articles(text, scan(text)))
    contents = contents_entries(text, cands)  # a 目录's lines, repeated by the body's headings
    if contents:
        cands = [c for c in cands if c.start not in contents]
    breaks = _title_lines(text)
    newlines = [m.start() for m in re.finditer("\n", text)]
    turns = addresses(text)
    strict = _settle(text, cands, False, breaks, newlines, turns)
    if not any(c.after_full_stop and not FAMILIES[c.family].inline for c in cands):
        return strict
    loose = _settle(text, cands, True, breaks, newlines, turns)
    # On a tie the GB/T prior decides: a heading does not belong under an inline enumeration.
    return loose if len(loose) >= len(strict) else strict


def _settle(text: str, cands: list[Candidate], loose: bool, breaks: list[int],
            newlines: list[int], turns: list[int] = ()) -> list[Node]:
    """Arrange, drop runs that never continue, and arrange again until nothing more is dropped."""
    nodes: list[Node] = []

    def full_stop_between(a: int, b: int) -> bool:
        return _FULL_STOP.search(text, a, b) is not None

    budget = max(_MAX_PLACEMENTS, _LARGE_PASSES * len(cands))
    for _ in range(_MAX_PASSES):
        nodes, runs = arrange(cands, loose, breaks, newlines, full_stop_between, turns,
                              lambda cand, at: closed_by(text, cand.start, cand.end, at),
                              lambda a, b: heading_line_between(text, newlines, a, b))
        budget -= len(cands)
        drop = _rejected(text, nodes, runs)
        if not drop:
            break
        cands = [c for c in cands if c.start not in drop]
        if len(cands) > budget:
            break  # as after the last pass: the nodes of this one, its lone runs still in
    return nodes


# Em and en spaces (a rendered "&emsp;": "第一条\u2003为了…", "## 第一章\u2003总则") and thin spaces separate a
# marker from its title like any space; the grammar and the title rules know the usual ones, so the rare
# ones are read as those (same length, so offsets hold) and titles are cut from the original text.
_WIDE_SPACES = str.maketrans({"\u2002": "\u3000", "\u2003": "\u3000", "\u2009": " ", "\u200a": " ", "\u202f": "\xa0"})
_WIDE_SPACE_HINT = re.compile("[\u2002\u2003\u2009\u200a\u202f]")


@gc_paused
def parse_outline(text: str) -> list[Section]:
    """The document's headings in document order, each with its span, title and parent index."""
    if not text:
        return []
    original = text
    if _WIDE_SPACE_HINT.search(text):
        text = text.translate(_WIDE_SPACES)  # same length: every offset holds
    nodes = _build(text)
    levels = true_levels(nodes, text)
    # A section ends where the next node at its level or shallower begins: one pass with a stack.
    ends = [len(text)] * len(nodes)
    open_nodes: list[int] = []
    for i, node in enumerate(nodes):
        while open_nodes and levels[open_nodes[-1]] >= levels[i]:
            ends[open_nodes.pop()] = node.cand.start
        open_nodes.append(i)
    sections: list[Section] = []
    for node, level, end in zip(nodes, levels, ends):
        cand = node.cand  # (positional: keyword parsing was a tenth of this loop, made once per heading)
        # level, marker, title, start, end, title_start, title_end, kind, ordinal, confidence, parent
        sections.append(Section(level, cand.marker, "", cand.start, end, cand.end, cand.end, cand.family,
                                node.ordinal, 1.0, node.parent))
    assign_titles(text, sections)
    if text is not original:
        for section in sections:
            section.marker = original[section.start:section.start + len(section.marker)]
            section.title = original[section.title_start:section.title_end]
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
