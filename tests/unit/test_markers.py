"""The marker scanner: every family in both widths, and the positions where a marker may begin."""

from __future__ import annotations

import pytest

from annotator.structure.markers import FAMILIES, LAST, scan
from annotator.structure.outline import parse_outline


def _found(text: str) -> list[tuple[str, str, int]]:
    return [(c.marker, c.family, c.ordinal) for c in scan(text)]


@pytest.mark.parametrize(
    ("first", "second", "family"),
    [
        ("一、", "二、", "cn-dun"),
        ("（一）", "（二）", "cn-paren"),
        ("(一)", "(二)", "cn-paren"),
        ("1.", "2.", "digit-dot"),
        ("1．", "2．", "digit-dot"),
        ("１．", "２．", "digit-dot"),
        ("1、", "2、", "digit-dun"),
        ("（1）", "（2）", "digit-paren"),
        ("(1)", "(2)", "digit-paren"),
        ("1）", "2）", "digit-rparen"),
        ("一是", "二是", "cn-shi"),
        ("一要", "二要", "cn-yao"),
        ("第一，", "第二，", "di-cn"),
        ("第一点，", "第二点，", "di-cn"),
        ("其一，", "其二，", "qi-cn"),
        ("首先，", "其次，", "sequence"),
        ("一方面，", "另一方面，", "aspect"),
        ("①", "②", "circled"),
        ("一 ", "二 ", "cn-space"),
    ],
)
def test_every_family_as_a_two_item_outline(first, second, family):
    text = f"会议部署如下。\n{first}加强组织领导。各单位要落实责任。\n{second}强化督促检查。定期通报进展情况。\n"
    outline = parse_outline(text)
    assert [(s.marker, s.kind, s.ordinal, s.level) for s in outline] == [
        (first, family, 1, 1), (second, family, 2, 1)]
    assert [s.title for s in outline] == ["加强组织领导", "强化督促检查"]
    assert family in FAMILIES


def test_marker_is_kept_as_written_with_its_comma():
    found = _found("。首先，要学习。其次要落实。最后，要总结。")
    assert found == [("首先，", "sequence", 1), ("其次", "sequence", 2), ("最后，", "sequence", LAST)]


def test_positions_line_sentence_space_and_comma():
    kinds = [c.position for c in scan("一、甲\n目标明确。二、乙 三、丙，一是丁。 二是戊")]
    assert kinds == ["line", "sentence", "space", "comma", "break"]


def test_position_after_a_closing_quote():
    assert [c.position for c in scan("他说：“要抓落实。”一是抓学习。")] == ["sentence"]


@pytest.mark.parametrize(
    "text",
    [
        "统一思想，统一行动。",  # 一 inside a word
        "一线职工和一网通办都要抓好。",
        "这是第一位的，也是第一个五年计划的经验。",
        "十二五时期，要增强四个意识、做到两个维护，抓好三农工作，参与一带一路建设。",
        "抓好一、二、三产业融合发展。",
        "。一、二季度经济运行平稳。",
        "各部门（财政部牵头）要抓好落实。",
        "根据第五条(一)项规定办理。",
        "分管领导讲话(一):",
        "2023年增长1.5倍，达到3.3亿元。",
        "这是第一，也是唯一。",
        "我们再次强调，要抓好落实。",
    ],
)
def test_false_markers_are_not_candidates_or_not_sections(text):
    assert parse_outline(text) == []


def test_decimal_numbers_are_not_digit_markers():
    assert _found("增长\n1.5倍\n") == []
    assert [c.marker for c in scan("\n1.5倍\n2.目标")] == ["2."]


def test_numbers_in_the_middle_of_prose_are_not_markers():
    assert scan("今年完成12、13号工程，产值20、30亿元。") == []


def test_bare_numeral_style_only_at_a_line_start():
    assert _found("\n一 总体要求\n") == [("一 ", "cn-space", 1)]
    assert scan("要求。一 总体") == []


def test_ordinals_above_ninety_nine_are_not_markers():
    assert scan("\n100、项目\n") == []


# -- the registry: every family the issue names, as a heading line, with its level in the tree --------

@pytest.mark.parametrize(
    ("first", "second", "family"),
    [
        ("第一章　", "第二章　", "chapter"),
        ("第一节　", "第二节　", "section"),
        ("第一条　", "第二条　", "article"),
        ("第一部分　", "第二部分　", "part"),
        ("第一个问题：", "第二个问题：", "question"),
        ("第一是", "第二是", "di-shi"),
        ("第一个，", "第二个，", "di-cn"),
        ("其一，", "其二，", "qi-cn"),
        ("①", "②", "circled"),
        ("A.", "B.", "latin-dot"),
        ("(a)", "(b)", "latin-paren"),
        ("甲　", "乙　", "stem"),
        ("1　", "2　", "digit-space"),
        ("一，", "二，", "cn-comma"),
        ("第一方面，", "第二方面，", "di-noun"),
        ("第一个方向，", "第二个方向，", "di-noun"),
        ("第一种：", "第二种：", "di-noun"),
        ("一曰", "二曰", "cn-yue"),
    ],
)
def test_new_families_as_a_two_item_outline(first, second, family):
    text = f"会议部署如下。\n{first}加强组织领导。各单位要落实责任。\n{second}强化督促检查。定期通报进展情况。\n"
    outline = parse_outline(text)
    assert [(s.kind, s.ordinal, s.level) for s in outline] == [(family, 1, 1), (family, 2, 1)]
    assert [s.title for s in outline] == ["加强组织领导", "强化督促检查"]


def test_ling_zero_numerals_of_older_texts():
    lines = [f"{n}、第{n}部分的内容。" for n in "一二三四五六七八九"] + ["一○、第十部分的内容。", "一一、第十一部分的内容。"]
    outline = parse_outline("\n".join(lines) + "\n")
    assert [s.ordinal for s in outline] == list(range(1, 12))


def test_markdown_heading_prefix():
    text = "# 新民主主义论\n\n## 一　中国向何处去\n\n抗战以来，全国人民有一种欣欣向荣的气象。\n\n## 二　我们要建立一个新中国\n\n我们要建立一个新中国。\n"
    outline = parse_outline(text)
    assert [(s.marker.strip(), s.title, s.level) for s in outline] == [
        ("一", "中国向何处去", 1), ("二", "我们要建立一个新中国", 1)]


def test_regulation_levels_chapter_section_article_item():
    text = ("第一章　总　则\n第一条　为了规范管理，制定本办法。\n第二条　本办法适用于全市。\n"
            "第二章　管理措施\n第一节　一般规定\n第三条　有下列情形之一的，予以处罚：\n（一）未经批准的；\n（二）逾期不改的。\n"
            "第二节　特别规定\n第四条　其他事项另行规定。\n")
    outline = parse_outline(text)
    assert [(s.marker.strip(), s.level) for s in outline] == [
        ("第一章", 1), ("第一条", 2), ("第二条", 2), ("第二章", 1), ("第一节", 2), ("第三条", 3),
        ("（一）", 4), ("（二）", 4), ("第二节", 2), ("第四条", 3)]
    assert outline[0].title == "总　则"
    assert outline[1].title == "为了规范管理，制定本办法"


def test_article_reference_inside_a_sentence_is_not_a_heading():
    assert parse_outline("根据大气污染防治法第十八条规定，应当处罚。依照第九十九条的规定执行。") == []


def test_match_marker_is_the_registry_for_hand_made_headings():
    from annotator.structure.markers import match_marker

    m = match_marker("## 第三章　监督管理")
    assert (m.family, m.ordinal, "## 第三章　监督管理"[m.title_start:]) == ("chapter", 3, "监督管理")
    assert match_marker("　　（二）加强督查").family == "cn-paren"
    assert match_marker("三是抓落实").family == "cn-shi"
    assert match_marker("一○、第十项").ordinal == 10
    assert match_marker("我们要抓落实") is None


def test_ends_sentence_treats_a_closing_note_as_an_item_end():
    from annotator.structure.markers import ends_sentence

    text = "1．优化营商环境（5分）\n2．简化审批流程（牵头考核单位：市审批服务局）\n3．为成功举\n"
    assert ends_sentence(text, text.index("2．"))
    assert ends_sentence(text, text.index("3．"))
    assert not ends_sentence(text + "4．办", len(text))


def test_articles_without_a_space_after_the_marker():
    text = "第一条为了规范管理，制定本办法。\n第二条本办法适用于全市。\n第三条本办法自公布之日起施行。\n"
    assert [(s.marker, s.title) for s in parse_outline(text)] == [
        ("第一条", "为了规范管理，制定本办法"), ("第二条", "本办法适用于全市"), ("第三条", "本办法自公布之日起施行")]
    flat = "为规范管理，制定本办法。" + "第一条为了规范管理，制定本办法。第二条本办法适用于全市。第三条本办法自公布之日起施行。" * 1
    assert [s.marker for s in parse_outline(flat)] == ["第一条", "第二条", "第三条"]


def test_yue_enumeration_inside_a_sentence():
    # A classical list after a colon and commas (quote collections, 道德經): each 曰 item is an item.
    outline = parse_outline("止忧之法有五：一曰谦以省过，二曰勤以砺身，三曰俭以储费。\n")
    assert [(s.marker, s.title) for s in outline] == [("一曰", "谦以省过"), ("二曰", "勤以砺身"), ("三曰", "俭以储费")]


def test_ordinal_with_a_noun_needs_its_punctuation():
    # "第一种情况" / "第一方面的工作" inside prose are not list items; only "第一种：" / "第一方面，" are.
    assert parse_outline("这是第一种情况下的做法。第二种情况下另行处理。\n") == []
    assert parse_outline("抓好第一方面的工作，再抓第二方面的工作。\n") == []
