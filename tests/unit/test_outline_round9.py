"""Failure categories fixed in session 6 (helper outline9), one test or more per category, on short
hand-made texts shaped like the real documents that showed them (tests/data/outline_corpus)."""

from __future__ import annotations

from annotator.structure.markers import scan
from annotator.structure.outline import parse_outline

from tests.unit.test_outline import _check_invariants, stripped_shape as _shape


# --- items of an article left out of an excerpt: "（一）…（二）…" then "（九）…（十）…" inside one article
# (reg_paiwu_xuke, reg_guangdong_hesheshi, reg_gd_zhifa_gongshi: three regulations, two held-out groups) --

EXCERPT = (
    "第一章　总则\n"
    "第十三条　排污许可证应当记载下列信息：\n"
    "（一）排污单位名称、住所等；\n"
    "（二）排污许可证有效期限等；\n"
    "（九）排污单位环境信息公开要求；\n"
    "（十）无组织排放控制要求。\n"
    "第十四条　排污许可证有效期为5年。\n"
)


def test_items_of_an_article_may_skip_ahead_in_an_excerpt():
    outline = parse_outline(EXCERPT)
    _check_invariants(EXCERPT, outline)
    assert _shape(outline) == [
        (1, "第一章", "总则"), (2, "第十三条", "排污许可证应当记载下列信息"),
        (3, "（一）", "排污单位名称、住所等"), (3, "（二）", "排污许可证有效期限等"),
        (3, "（九）", "排污单位环境信息公开要求"), (3, "（十）", "无组织排放控制要求"),
        (2, "第十四条", "排污许可证有效期为5年")]


def test_the_last_item_alone_may_follow_the_gap():
    text = EXCERPT.replace("（十）无组织排放控制要求。\n", "").replace("公开要求；", "公开要求。")
    assert [s.marker for s in parse_outline(text)][-2:] == ["（九）", "第十四条"]


def test_a_wrapped_citation_of_an_item_is_not_an_item():
    # "依照本条第（一）项、\n（九）项": the line before does not end an item, so "（九）" continues a citation.
    text = ("第十三条　有下列情形之一的，不予批准：\n（一）不符合规划的；\n（二）不符合标准的。依照本条第（一）项、\n"
            "（九）项规定处理。\n第十四条　本条例自公布之日起施行。\n")
    assert [s.marker for s in parse_outline(text)] == ["第十三条", "（一）", "（二）", "第十四条"]


def test_the_scanner_records_whether_a_line_opens_after_an_item_end():
    cands = {c.marker: c.after_end for c in scan("（一）不符合规划的；\n（二）依照本条第（一）项、\n（九）项规定处理。")}
    assert cands == {"（一）": True, "（二）": True, "（九）": False}
