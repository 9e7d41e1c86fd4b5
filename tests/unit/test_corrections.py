from dataclasses import replace

from annotator.domain.model import Section
from annotator.structure.corrections import apply_edits, innermost_at, rebuild_tree, section_path

TEXT = "一、总体要求\n正文。\n（一）加强领导\n要加强。\n（二）狠抓落实\n要落实。\n二、保障措施\n完。"


def _sec(marker, level):
    start = TEXT.index(marker)
    title_start = start + len(marker)
    title_end = TEXT.index("\n", title_start)
    return Section(level=level, marker=marker, title=TEXT[title_start:title_end], start=start, end=0,
                   title_start=title_start, title_end=title_end)


def parsed():
    return rebuild_tree([_sec("一、", 1), _sec("（一）", 2), _sec("（二）", 2), _sec("二、", 1)], len(TEXT))


def test_rebuild_tree_sets_parents_and_ends():
    secs = parsed()
    assert [s.parent for s in secs] == [None, 0, 0, None]
    assert secs[0].end == TEXT.index("二、") and secs[1].end == TEXT.index("（二）") and secs[3].end == len(TEXT)
    assert section_path(secs, 2) == ["一、总体要求", "（二）狠抓落实"]
    assert innermost_at(secs, TEXT.index("要落实")) == 2


def test_levels_skip_at_most_two_missing_headings():
    # A child may sit below headings that were not found (the parser's true level), but not further.
    secs = rebuild_tree([_sec("一、", 1), _sec("（一）", 3), _sec("（二）", 3)], len(TEXT))
    assert [(s.level, s.parent) for s in secs] == [(1, None), (3, 0), (3, 0)]
    secs = rebuild_tree([_sec("一、", 1), _sec("（一）", 7)], len(TEXT))
    assert [(s.level, s.parent) for s in secs] == [(1, None), (4, 0)]
    # By hand a section goes right under its parent, and a top section is level 1.
    secs = rebuild_tree([_sec("一、", 2), replace(_sec("（一）", 4), source="manual")], len(TEXT))
    assert [(s.level, s.parent) for s in secs] == [(1, None), (2, 0)]


def test_edits_replay_over_a_fresh_parse():
    a = TEXT.index("（二）")
    edits = [
        {"op": "shift", "anchor": a, "payload": {"delta": -1}},
        {"op": "title_end", "anchor": TEXT.index("二、"), "payload": {"title_end": TEXT.index("措施")}},
        {"op": "remove", "anchor": TEXT.index("（一）")},
        {"op": "add", "anchor": TEXT.index("要加强"), "payload": {"marker_end": TEXT.index("要加强"),
                                                                   "title_end": TEXT.index("要加强") + 3, "level": 2}},
    ]
    secs = apply_edits(TEXT, parsed(), edits)
    assert [(s.marker, s.level, s.source) for s in secs] == [
        ("一、", 1, "auto"), ("", 2, "manual"), ("（二）", 1, "manual"), ("二、", 1, "manual")]
    assert secs[3].title == "保障"
    # an edit whose heading vanished is ignored, not an error
    assert apply_edits(TEXT, parsed(), [{"op": "remove", "anchor": 3}]) == parsed()
