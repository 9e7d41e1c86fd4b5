"""Failure categories fixed in session 6 (the fresh8 group's first score), one test or more per category,
on short hand-made texts shaped like the real documents that showed them (tests/data/outline_corpus)."""

from __future__ import annotations

from annotator.structure.outline import parse_outline

from tests.unit.test_outline import _check_invariants, stripped_shape as _shape


# --- an abridged law flattened onto one line: articles and chapters skip ahead after a full stop or
# glued to the chapter title (reg_dixiashui_oneline, reg_gd_zhifa_gongshi_oneline) -----------------------

_BODY = "县级以上人民政府应当加强监督管理，完善协作配合机制，建立统一的监测站网和信息共享机制，对本行政区域内的情况进行动态监测。"
FLAT_LAW = (
    "第一章\u3000总则第一条\u3000为了加强管理，制定本条例。" + _BODY
    + "第二条\u3000本条例适用于本省。" + _BODY
    + "第二章\u3000调查与规划第十条\u3000国家定期组织开展调查评价工作。" + _BODY
    + "第十一条\u3000有下列情形之一的，不予批准：（一）不符合总量控制要求；（二）不符合行业用水定额。" + _BODY
    + "第五章\u3000附则第六十三条\u3000本条例下列用语含义是：" + _BODY
    + "第六十四条\u3000本条例自2021年12月1日起施行。"
)


def test_a_flattened_law_keeps_articles_and_chapters_left_out_of_an_excerpt():
    outline = parse_outline(FLAT_LAW)
    _check_invariants(FLAT_LAW, outline)
    assert [(level, marker) for level, marker, _t in _shape(outline)] == [
        (1, "第一章"), (2, "第一条"), (2, "第二条"), (1, "第二章"), (2, "第十条"), (2, "第十一条"),
        (3, "（一）"), (3, "（二）"), (1, "第五章"), (2, "第六十三条"), (2, "第六十四条")]
    titles = {s.marker.strip(): s.title for s in outline}
    assert titles["第二章"] == "调查与规划" and titles["第五章"] == "附则"


def test_a_cited_article_after_a_full_stop_does_not_skip_ahead():
    text = ("第一条\u3000为了加强管理，制定本条例。" + _BODY + "第二条\u3000本条例适用于本省。" + _BODY
            + "第十条规定的情形，依照前款处理。" + _BODY + "依照第二十条\u3000处理。" + _BODY)
    markers = [s.marker.strip() for s in parse_outline(text)]
    assert markers == ["第一条", "第二条"]


# --- a flattened page keeps its colons and semicolons: an item of a list after a colon that ends on a
# semicolon is titled by that whole clause (reg_dixiashui_oneline; the same shape in
# reg_guangdong_cailiang_oneline and reg_hainan_zangwen_oneline) ---------------------------------------

def test_a_flattened_colon_list_item_is_titled_by_its_whole_clause():
    first = "兴建地下工程设施或者进行地下勘探、采矿等活动，依法编制的环境影响评价文件中，应当包括地下水污染防治的内容，并采取防护性措施"
    second = "化学品生产企业以及工业集聚区、矿山开采区、尾矿库、危险废物处置场、垃圾填埋场等的运营、管理单位，应当采取防渗漏等措施"
    text = ("第四十一条\u3000企业事业单位和其他生产经营者应当采取下列措施，防止地下水污染：（一）" + first + "；（二）"
            + second + "；（三）存放可溶性剧毒废渣的场所，应当采取防水措施。" + _BODY * 8)
    outline = parse_outline(text)
    _check_invariants(text, outline)
    titles = [s.title for s in outline if s.marker.startswith("（")]
    assert titles[:2] == [first, second]


def test_a_flattened_heading_after_a_full_stop_may_still_run_on():
    # After a full stop (not a colon or semicolon) the paragraphs of a flattened speech ran together:
    # the clause up to a semicolon is no proof of a title there.
    text = (_BODY + "一、关于前一段疫情防控工作新冠肺炎疫情发生后，党中央高度重视，迅速作出部署，各地各部门认真落实；"
            + _BODY + "二、关于下一步经济工作当前经济运行总体平稳，各项指标好于预期，发展韧性持续显现；" + _BODY * 2)
    outline = parse_outline(text)
    assert [s.marker for s in outline] == ["一、", "二、"]
    assert all(len(s.title) < 25 for s in outline)


# --- 第N个X， enumerations (mao_txt_021_hezuo 第一个证据，…第四个证据，; mao_md_023_guodu 第一个方向，):
# one convention — a run of them opening sentences or paragraphs is an enumeration; a lone one, or one
# inside a sentence ("这是第一个标准，", mao_080), is not; a long noun is a name, not a classifier ---------

def test_a_run_of_ordinal_classifier_nouns_is_an_enumeration():
    text = ("新的有利的证据已经表现出来了。第一个证据，是统一战线政策立即得到了全国人民的赞同。"
            "第二个证据，是两党实行停战以后，国内进入了团结状况。第三个证据，这是最为显著的，就是全国性抗日战争的发动。\n")
    outline = parse_outline(text)
    _check_invariants(text, outline)
    assert [s.marker for s in outline] == ["第一个证据，", "第二个证据，", "第三个证据，"]
    assert outline[0].title == "是统一战线政策立即得到了全国人民的赞同"


def test_a_lone_or_embedded_ordinal_noun_is_no_enumeration():
    text = ("许多部队全部自给。这是第一个标准，是在几年之内逐渐达到的。\n"
            "第三个标准，是在边沿区和游击区内实行的。\n"
            "第二个百年奋斗目标，是全面建成社会主义现代化强国。第三个百年，另说。\n")
    assert parse_outline(text) == []
