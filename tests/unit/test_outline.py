"""The outline parser on hand-written speeches: nesting, false markers, titles, offsets, edge inputs."""

from __future__ import annotations

import json
import random

import pytest

from annotator.structure.outline import outline_jsonl, outline_tree, parse_outline

GBT_SPEECH = """同志们：
今天我们召开全区教育工作会议。去年全区教育经费增长1.5倍，新建学校12所，投资3.3亿元。下面，我讲三点意见。
一、坚定信心，准确把握教育发展新形势
（一）充分肯定成绩。过去一年，全区教育系统攻坚克难，各项工作取得明显成效。
（二）清醒认识问题。城乡之间、校际之间发展不平衡的问题依然存在。
二、突出重点，全面提升教育质量
（一）抓好基础教育。
1.扩大学位供给。今年新增学位2000个，其中公办学位不低于1500个。
2.推进集团化办学。每个集团明确一所牵头学校（区教育局牵头）。
（二）办好职业教育。
1．深化产教融合。
（1）建设实训基地。
（2）引进行业导师。
2．完善招生制度。
三、加强领导，确保各项任务落地见效
各级党委要把教育工作摆上重要议事日程，统一思想，形成合力。
"""

FLAT_SPEECH = (
    "下面，我就做好今年工作讲几点意见。 一、认清新形势，明确新任务 全会全面分析了当前形势，审议通过了规划建议。"
    "第一，要深刻认识上级提出的新要求。 全会对今后五年作出了全面部署，为一线职工指明了方向。"
    "第二，要深刻认识转型发展的新趋势。 这是第一位的任务，我们要增强四个意识。 "
    "二、发扬创新精神，推进工作新发展 做好今年工作，必须攻坚克难。 (一)发挥主力军作用，团结职工建功立业。 "
    "工会要大力弘扬劳模精神。 一要广泛开展宣传教育。运用各种形式深入宣传。 二要深化劳动竞赛。总结推广成功经验。 "
    "(二)维护职工权益，共享发展成果。 一要加大源头参与力度。研究确定工作重点。 二要推进集体协商。形成利益共享机制。"
)

INLINE_TOP_SPEECH = """各位委员，同志们：
最后，为做好下步工作，我再强调三个方面的问题。
一是加强思想政治引领，坚定战胜困难的信心。要广泛凝聚共识，切实增强“四个意识”、做到“两个维护”；
大力宣传先进典型，形成克难奋进的良好氛围。
二是推动产业工人队伍建设改革，发挥主力军作用。要聚焦技能提升，推进“一网通办”。
三是抓好稳就业工作，推动援企稳岗政策落地。就业是民生之本，一线职工最关心。
各位委员、同志们！让我们扎实工作，作出新的更大贡献。
"""


def _shape(outline):
    return [(s.level, s.marker, s.title) for s in outline]


def stripped_shape(outline):
    """(level, marker without its spaces, title) per heading: the round tests' view of an outline."""
    return [(s.level, s.marker.strip(), s.title) for s in outline]


def _check_invariants(text, outline):
    for i, s in enumerate(outline):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:].startswith(s.marker)
        assert s.start + len(s.marker) <= s.title_start <= s.title_end <= s.end
        assert text[s.title_start:s.title_end] == s.title
        assert 0 < s.confidence <= 1.0
        if s.parent is None:
            # Deeper only before the first part of an excerpt opening past 1 (outline_levels), marked doubtful.
            assert s.level == 1 or (s.level <= 3 and s.confidence <= 0.7 + 1e-9)
        else:
            parent = outline[s.parent]
            # A child sits below its parent; more than one level below only where a heading between
            # them was not found (the document's own hierarchy says how deep it belongs).
            assert s.parent < i and parent.level < s.level <= parent.level + 3
            assert parent.start < s.start and s.end <= parent.end
        if i:
            assert outline[i - 1].start < s.start


def test_gbt_four_levels_full_and_half_width():
    outline = parse_outline(GBT_SPEECH)
    assert _shape(outline) == [
        (1, "一、", "坚定信心，准确把握教育发展新形势"),
        (2, "（一）", "充分肯定成绩"),
        (2, "（二）", "清醒认识问题"),
        (1, "二、", "突出重点，全面提升教育质量"),
        (2, "（一）", "抓好基础教育"),
        (3, "1.", "扩大学位供给"),
        (3, "2.", "推进集团化办学"),
        (2, "（二）", "办好职业教育"),
        (3, "1．", "深化产教融合"),
        (4, "（1）", "建设实训基地"),
        (4, "（2）", "引进行业导师"),
        (3, "2．", "完善招生制度"),
        (1, "三、", "加强领导，确保各项任务落地见效"),
    ]
    assert all(s.confidence == 1.0 for s in outline)
    assert outline[-1].end == len(GBT_SPEECH)
    assert outline[1].end == outline[2].start and outline[2].end == outline[3].start
    _check_invariants(GBT_SPEECH, outline)


def test_flattened_speech_with_inline_levels():
    outline = parse_outline(FLAT_SPEECH)
    assert [(s.level, s.marker) for s in outline] == [
        (1, "一、"), (2, "第一，"), (2, "第二，"),
        (1, "二、"), (2, "(一)"), (3, "一要"), (3, "二要"), (2, "(二)"), (3, "一要"), (3, "二要"),
    ]
    assert outline[0].title == "认清新形势，明确新任务"
    assert outline[0].confidence < 1.0  # ended at a space, not punctuation
    assert outline[1].title == "要深刻认识上级提出的新要求"
    assert outline[4].title == "发挥主力军作用，团结职工建功立业"
    assert outline[5].title == "广泛开展宣传教育"
    _check_invariants(FLAT_SPEECH, outline)


def test_yishi_as_the_top_level_and_lone_zuihou_is_not_a_marker():
    outline = parse_outline(INLINE_TOP_SPEECH)
    assert _shape(outline) == [
        (1, "一是", "加强思想政治引领，坚定战胜困难的信心"),
        (1, "二是", "推动产业工人队伍建设改革，发挥主力军作用"),
        (1, "三是", "抓好稳就业工作，推动援企稳岗政策落地"),
    ]
    _check_invariants(INLINE_TOP_SPEECH, outline)


def test_run_on_numbering_across_parents():
    text = "一、关于发展\n（一）稳增长。\n（二）促转型。\n二、关于民生\n（三）保就业。\n（四）兜底线。\n"
    outline = parse_outline(text)
    assert [(s.level, s.marker, s.ordinal, s.parent) for s in outline] == [
        (1, "一、", 1, None), (2, "（一）", 1, 0), (2, "（二）", 2, 0),
        (1, "二、", 2, None), (2, "（三）", 3, 3), (2, "（四）", 4, 3),
    ]


def test_numbering_restarts_under_each_parent():
    text = "一、关于发展\n一是稳增长。二是促转型。\n二、关于民生\n一是保就业。二是兜底线。三是办实事。\n"
    outline = parse_outline(text)
    assert [(s.level, s.marker, s.parent) for s in outline] == [
        (1, "一、", None), (2, "一是", 0), (2, "二是", 0),
        (1, "二、", None), (2, "一是", 3), (2, "二是", 3), (2, "三是", 3),
    ]


def test_a_skipped_ordinal_is_not_a_continuation():
    outline = parse_outline("一、甲方面\n一是抓学习。三是抓落实。\n二、乙方面\n一是抓监督。二是抓考核。\n")
    assert [s.marker for s in outline] == ["一、", "二、", "一是", "二是"]


def test_inline_enumeration_after_commas_in_one_paragraph():
    text = "一、抓好三件事\n要抓好三件事，一是抓学习，二是抓落实，三是抓监督。\n二、其他工作\n按计划推进。\n"
    outline = parse_outline(text)
    assert _shape(outline) == [
        (1, "一、", "抓好三件事"), (2, "一是", "抓学习"), (2, "二是", "抓落实"), (2, "三是", "抓监督"),
        (1, "二、", "其他工作"),
    ]


def test_comma_enumeration_split_across_paragraphs_is_rejected():
    text = "要做好这项工作，一是统筹安排。\n这是另一件事，二是要说明情况。\n"
    assert parse_outline(text) == []


def test_sequence_words_need_a_sequence():
    text = "首先，要提高认识。这是前提。其次，要完善制度。再次，要加强督查。最后，要严肃问责。"
    outline = parse_outline(text)
    assert [(s.marker, s.ordinal) for s in outline] == [("首先，", 1), ("其次，", 2), ("再次，", 3), ("最后，", 4)]
    assert parse_outline("首先，我代表市委表示感谢。大家辛苦了。最后，祝大家新年快乐。") == []
    assert parse_outline("其次，要完善制度。最后，要严肃问责。") == []
    assert parse_outline("我们首先要学习，其次要落实。") == []


def test_aspect_pair_nests_under_yishi():
    text = ("一是提升素质。一方面，要搞好技能培训。另一方面要开展劳动竞赛，提高就业率。"
            "二是维护权益。要依法办事。")
    outline = parse_outline(text)
    assert [(s.level, s.marker, s.title) for s in outline] == [
        (1, "一是", "提升素质"), (2, "一方面，", "要搞好技能培训"),
        (2, "另一方面", "要开展劳动竞赛，提高就业率"), (1, "二是", "维护权益"),
    ]


def test_heading_family_is_not_nested_under_a_preamble_enumeration():
    text = ("首先，感谢大家。其次，说明议程。\n一、总结工作\n一是成绩。二是问题。\n二、部署任务\n"
            "一是目标。二是措施。\n")
    outline = parse_outline(text)
    assert [(s.level, s.marker) for s in outline] == [
        (1, "首先，"), (1, "其次，"), (1, "一、"), (2, "一是"), (2, "二是"), (1, "二、"), (2, "一是"), (2, "二是")]


def test_higher_heading_family_closes_a_lower_one():
    text = "1.学习议程\n2.讨论议程\n一、总体要求\n（一）目标。\n（二）原则。\n二、主要任务\n"
    outline = parse_outline(text)
    assert [(s.level, s.marker) for s in outline] == [
        (1, "1."), (1, "2."), (1, "一、"), (2, "（一）"), (2, "（二）"), (1, "二、")]


def test_lone_heading_with_an_enumeration_under_it_is_kept():
    outline = parse_outline("一、总体要求\n（一）坚持稳中求进。\n（二）坚持系统观念。\n")
    assert [s.marker for s in outline] == ["一、", "（一）", "（二）"]


def test_page_chunk_numbers_are_resisted():
    filler = "各级工会要坚持共建共享原则，突出维权服务基本职责，为职工争取更多的权益，推动形成更加公平合理的利益共享机制"
    text = (f"一、总结工作 {filler}，不断改善职工生产生活条\n\n2、件，充分调动积极性。 {filler}，全面深\n\n"
            f"3、化改革。 二、部署任务 {filler}。\n\n4、随着经济社会发展进入新阶段，愿望更加强烈。")
    outline = parse_outline(text)
    assert [s.marker for s in outline] == ["一、", "二、"]
    _check_invariants(text, outline)


def test_title_boundary_inferred_from_body_cues():
    text = ("下面讲三点意见： 一、提高站位,在把握方向上展现新作为习近平总书记强调,政治性是群团工作的灵魂,是第一位的。"
            "各级组织要保持清醒头脑。二、聚焦主业,在履职尽责中创造新业绩党的十八大以来,群团工作取得了历史性成就,"
            "积累了宝贵经验,为做好新形势下的工作提供了有力指导。三、加强自身建设,在建强队伍中树立新形象全市各级工会要认真"
            "贯彻中央部署,紧密结合实际,以更大力度把改革推向深入,努力把工会打造成为职工之家。")
    outline = parse_outline(text)
    assert [s.title for s in outline] == [
        "提高站位,在把握方向上展现新作为", "聚焦主业,在履职尽责中创造新业绩", "加强自身建设,在建强队伍中树立新形象"]
    assert all(s.confidence < 1.0 for s in outline)
    _check_invariants(text, outline)


def test_title_boundary_inferred_from_parallel_siblings():
    text = ("下面讲三点意见。一、强化理论武装,在学懂弄通上取得新成效理论学习是党员干部的必修课,必须常抓不懈。"
            "二、坚持问题导向,在破解难题上实现新突破发展中的矛盾要靠发展来解决,不能回避。"
            "三、锤炼过硬作风,在真抓实干中展现新担当作风建设永远在路上,只有进行时。")
    outline = parse_outline(text)
    assert [s.title for s in outline] == [
        "强化理论武装,在学懂弄通上取得新成效", "坚持问题导向,在破解难题上实现新突破", "锤炼过硬作风,在真抓实干中展现新担当"]
    assert all(s.confidence < 1.0 for s in outline)


def test_long_punctuated_titles_are_kept_whole():
    text = ("一、总体要求\n（一）坚持党建引领，推动基层治理体系和治理能力现代化不断取得新进展。我们要加强领导。\n"
            "（二）坚持人民至上，推动公共服务体系和社会保障能力建设持续取得新成效。各单位要抓好落实。\n")
    outline = parse_outline(text)
    assert outline[1].title == "坚持党建引领，推动基层治理体系和治理能力现代化不断取得新进展"
    assert outline[1].confidence == 1.0


def test_title_without_any_end_is_cut_and_flagged():
    body = "狠抓落实工作要求各级领导干部带头深入基层调查研究解决群众反映强烈的突出问题" * 4
    text = f"一、加强作风建设{body}。二、完善制度体系{body}。"
    outline = parse_outline(text)
    assert len(outline) == 2
    assert all(len(s.title) <= 50 and s.confidence < 1.0 for s in outline)
    _check_invariants(text, outline)


@pytest.mark.parametrize(
    "text",
    ["", "一", "一、", "（", "\n\n\n", "一、二、三、", "一是二是三是", "一是。二是。三是。", "1.\n2.\n3.",
     "（一）（二）（三）", "首先其次最后", "第一，第二，第三，", "一、\n二、\n三、", "①②③", " 一 二 三 "],
)
def test_tiny_inputs_never_crash(text):
    outline = parse_outline(text)
    _check_invariants(text, outline)


def test_only_markers_on_lines():
    text = "一、\n二、\n三、\n"
    outline = parse_outline(text)
    assert [(s.marker, s.title) for s in outline] == [("一、", ""), ("二、", ""), ("三、", "")]
    _check_invariants(text, outline)


def test_random_text_never_crashes():
    alphabet = "一二三四五十是要第点，,、。；：（）()1234567890.． \n首先其次最后另方面的工作要求①②"
    rng = random.Random(20240501)
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        _check_invariants(text, parse_outline(text))


def test_jsonl_and_tree():
    outline = parse_outline(GBT_SPEECH)
    rows = [json.loads(line) for line in outline_jsonl(outline)]
    assert rows[0] == {"level": 1, "marker": "一、", "title": "坚定信心，准确把握教育发展新形势",
                       "start": outline[0].start, "end": outline[0].end, "kind": "cn-dun", "ordinal": 1,
                       "confidence": 1.0}
    assert all(0.0 < row["confidence"] <= 1.0 for row in rows)
    assert "一、" in next(outline_jsonl(outline))  # not \\u-escaped
    tree = outline_tree(outline).splitlines()
    assert len(tree) == len(outline)
    assert tree[0].startswith("一、坚定信心") and tree[1].startswith("  （一）充分肯定成绩")
    assert tree[10].startswith("      （2）引进行业导师")
    assert outline_tree([]) == ""


def test_heading_list_inside_an_inline_item_stays_inside_it():
    text = ("一、深化改革\n一是推进国企改革。具体有三项：（1）完善治理；（2）优化布局；（3）强化监管。\n"
            "二是优化营商环境。\n二、扩大开放\n")
    outline = parse_outline(text)
    assert [(s.level, s.marker) for s in outline] == [
        (1, "一、"), (2, "一是"), (3, "（1）"), (3, "（2）"), (3, "（3）"), (2, "二是"), (1, "二、")]
    flat = "一是推进国企改革。（1）完善治理。（2）优化布局。二是优化营商环境。三是扩大开放。"
    assert [(s.level, s.marker) for s in parse_outline(flat)] == [
        (1, "一是"), (2, "（1）"), (2, "（2）"), (1, "二是"), (1, "三是")]


def test_preamble_enumeration_in_text_flattened_without_spaces():
    text = "首先，感谢大家。其次，说明议程。一、总结工作。一是成绩。二是问题。二、部署任务。一是目标。二是措施。"
    outline = parse_outline(text)
    assert [(s.level, s.marker) for s in outline] == [
        (1, "首先，"), (1, "其次，"), (1, "一、"), (2, "一是"), (2, "二是"), (1, "二、"), (2, "一是"), (2, "二是")]


def test_old_bare_numeral_style_with_nested_parentheses():
    text = "一 总体要求\n坚持稳中求进。\n二 主要任务\n（一）扩大有效投资。\n（二）促进消费升级。\n三 保障措施\n"
    outline = parse_outline(text)
    assert _shape(outline) == [
        (1, "一 ", "总体要求"), (1, "二 ", "主要任务"), (2, "（一）", "扩大有效投资"), (2, "（二）", "促进消费升级"),
        (1, "三 ", "保障措施")]
    assert outline_tree(outline).startswith("一 总体要求")


def test_di_cn_as_top_level_with_comma_enumeration_inside():
    text = "同志们：\n第一，要提高认识。今年新增就业1.2万人。\n第二，要突出重点。一是抓项目，二是抓招商，三是抓服务。\n第三，要强化保障。\n"
    outline = parse_outline(text)
    assert _shape(outline) == [
        (1, "第一，", "要提高认识"), (1, "第二，", "要突出重点"), (2, "一是", "抓项目"), (2, "二是", "抓招商"),
        (2, "三是", "抓服务"), (1, "第三，", "要强化保障")]


# -- failure categories of real documents never seen before (issue 18) ------------------------------

_FILLER = "各地区各部门要统一思想认识，压实工作责任，细化工作措施，确保各项任务落到实处、见到实效。"


def test_flattened_page_markers_after_a_closing_bracket_and_glued_to_the_parent_title():
    text = ("一、总体要求（一）指导思想。" + _FILLER * 3 + "（二）工作目标。" + _FILLER * 3
            + "二、重点任务（一）深化改革。" + _FILLER + "1．简化审批（市审批服务局按职责分工负责）2．优化服务。"
            + _FILLER * 2 + "（二）扩大开放。" + _FILLER * 3 + "1．稳定外贸。" + _FILLER + "2．扩大外资。" + _FILLER)
    assert "\n" not in text and len(text) > 400
    outline = parse_outline(text)
    assert [(s.marker, s.level) for s in outline] == [
        ("一、", 1), ("（一）", 2), ("（二）", 2), ("二、", 1), ("（一）", 2), ("1．", 3), ("2．", 3),
        ("（二）", 2), ("1．", 3), ("2．", 3)]
    assert [s.title for s in outline[:3]] == ["总体要求", "指导思想", "工作目标"]


def test_marker_after_a_photo_caption_in_a_flattened_report():
    text = ("过去一年，我们主要做了以下工作。" + _FILLER * 4 + "新华社记者 王某/摄第一，创造了经济发展新成绩。"
            + _FILLER * 2 + "第二，实现了民生事业新进步。" + _FILLER * 2 + "第三，开创了改革开放新局面。" + _FILLER)
    outline = parse_outline(text)
    assert [s.marker for s in outline] == ["第一，", "第二，", "第三，"]


def test_a_second_yishi_list_under_the_same_parent():
    text = ("一、抓好三件事\n我们要做到：一是统一思想。二是明确责任。三是狠抓落实。\n"
            "同时还要做到：一是加强学习。二是改进作风。\n二、加强领导\n要落实责任。\n")
    outline = parse_outline(text)
    assert [(s.marker, s.level, s.parent) for s in outline] == [
        ("一、", 1, None), ("一是", 2, 0), ("二是", 2, 0), ("三是", 2, 0), ("一是", 2, 0), ("二是", 2, 0),
        ("二、", 1, None)]


def test_inline_numbered_list_after_a_comma():
    text = "苏联和我们不同，一、沙皇俄国是帝国主义，二、后来又有了十月革命，三、苏联已经建成社会主义。我们的情况不同。"
    outline = parse_outline(text)
    assert [s.marker for s in outline] == ["一、", "二、", "三、"]
    assert [s.title for s in outline][0] == "沙皇俄国是帝国主义"


def test_unnumbered_section_titles_close_the_lists_before_them():
    text = ("关于组织问题\n\n纠正的方法：\n\n（一）加强教育。\n\n（二）严格纪律。\n\n"
            "关于思想问题\n\n其表现是：一，不愿艰苦工作。二，不愿深入群众。\n\n纠正的方法：\n\n（一）加紧教育。\n\n（二）改进作风。\n")
    outline = parse_outline(text)
    assert [(s.marker, s.level) for s in outline] == [
        ("（一）", 1), ("（二）", 1), ("一，", 1), ("二，", 1), ("（一）", 1), ("（二）", 1)]


def test_run_on_title_with_a_time_frame_opening_the_body():
    text = ("一、关于前一段疫情防控工作新冠肺炎疫情发生后，党中央高度重视，各地迅速行动，取得了阶段性成效。"
            "二、关于下一步工作今年以来，经济运行总体平稳，各项工作有序推进。")
    outline = parse_outline(text)
    assert [s.title for s in outline] == ["关于前一段疫情防控工作", "关于下一步工作"]


def test_numbering_runs_on_across_sections_and_the_next_section_keeps_it():
    text = ("一、关于社会保障\n（一）转制后参加社会保险。\n（二）离休人员医疗保障不变。\n"
            "二、关于人员安置\n（三）签订劳动合同。\n（四）保障合法权益。\n三、关于财政税收\n（五）落实优惠政策。\n")
    outline = parse_outline(text)
    assert [(s.marker, s.ordinal, s.level) for s in outline] == [
        ("一、", 1, 1), ("（一）", 1, 2), ("（二）", 2, 2), ("二、", 2, 1), ("（三）", 3, 2), ("（四）", 4, 2),
        ("三、", 3, 1), ("（五）", 5, 2)]


def test_confidence_is_lower_for_glued_markers_and_runs_missing_their_first_item():
    line_headings = parse_outline("一、总体要求\n要抓好落实。\n二、主要任务\n要加强领导。\n")
    assert [s.confidence for s in line_headings] == [1.0, 1.0]
    flattened = parse_outline("一、总体要求（一）指导思想。" + _FILLER * 8 + "（二）工作目标。" + _FILLER * 8)
    glued = [s for s in flattened if s.marker == "（一）"][0]
    assert glued.confidence < 0.8
    lost_first = parse_outline("前言。\n二、第二项工作。\n三、第三项工作。\n四、第四项工作。\n")
    assert [s.ordinal for s in lost_first] == [2, 3, 4] and lost_first[0].confidence <= 0.8


def test_items_run_on_after_a_closing_note_even_on_a_short_line():
    text = "一、考核内容\n1．优化营商环境（5分）2．简化审批流程（牵头单位：市审批服务局）3．推进一网通办（5分）\n二、考核方式\n年终考核。\n"
    outline = parse_outline(text)
    assert [(s.marker, s.level) for s in outline] == [("一、", 1), ("1．", 2), ("2．", 2), ("3．", 2), ("二、", 1)]
    assert [s.title for s in outline[1:4]] == ["优化营商环境（5分）", "简化审批流程（牵头单位：市审批服务局）", "推进一网通办（5分）"]


def test_a_word_ending_in_a_numeral_glued_into_a_flattened_line_is_not_a_heading():
    text = ("一、总体要求（一）指导思想。坚持统一、规范、高效的原则。" + _FILLER * 6 + "（二）工作目标。" + _FILLER * 6
            + "二、重点任务（一）深化改革。要做到统一、协调。" + _FILLER * 6 + "（二）扩大开放。" + _FILLER * 6)
    outline = parse_outline(text)
    assert [(s.marker, s.level) for s in outline] == [
        ("一、", 1), ("（一）", 2), ("（二）", 2), ("二、", 1), ("（一）", 2), ("（二）", 2)]


def test_a_list_inside_a_quotation_is_the_cited_text_not_the_outline():
    text = ("（二）新旧法律规范衔接适用基本规则\n《纪要》明确提出：“实体问题适用旧法规定，但下列情形除外：(一)法律另有规定的；"
            "(二)适用新法更为有利的；(三)应当适用新法的。”\n（三）其他规定\n从其规定。\n")
    assert [s.marker for s in parse_outline(text)] == ["（二）", "（三）"]


def test_an_excerpt_may_open_its_lists_past_the_first_items():
    # An excerpt of a long plan starting at 五、 with its sub-items numbered on from （十四）.
    text = ("五、深化改革开放\n（十四）推进要素市场化改革。要加快建设。\n（十五）扩大高水平开放。要稳步推进。\n"
            "六、加强组织领导\n（十六）压实责任。各地要落实。\n（十七）强化督查。要定期通报。\n")
    outline = parse_outline(text)
    assert [(s.marker, s.level, s.ordinal) for s in outline] == [
        ("五、", 1, 5), ("（十四）", 2, 14), ("（十五）", 2, 15), ("六、", 1, 6), ("（十六）", 2, 16), ("（十七）", 2, 17)]
    assert outline[0].confidence <= 0.8 and outline[1].confidence <= 0.8  # the lost items are doubted


def test_a_lone_late_number_or_a_late_inline_item_opens_nothing():
    assert parse_outline("前言。\n3．第三项工作。\n见表。\n") == []
    assert parse_outline("五、深化改革开放\n要加快建设。\n") == []
    # Inline enumerations never open late: "三是" alone in a paragraph is not a list.
    assert parse_outline("会议强调，三是要抓落实，四是要强督查。\n") == []
    # Nor inside a paragraph, where "3．" may be a page-chunk number cutting a sentence.
    assert parse_outline("我们要继续推进改革" + "开放" * 50 + "\n3．各项工作\n落实" + "到位" * 50 + "\n4．的要求。\n") == []


def test_a_cited_article_at_a_line_start_does_not_close_the_headings_around_it():
    # A ministry reply quotes a law paragraph by paragraph: "第九十九条规定：…" opens a line under （一）
    # but is a citation, not the 99th article of this document; it must not displace 一、/（一）.
    text = ("一、相关法律规定\n（一）关于超标排放\n法律第十八条规定：“应当符合排放标准。”\n"
            "第九十九条规定：“违反本法规定的，责令改正。”\n（二）关于恶臭气体\n第一百一十七条规定：“处罚款。”\n"
            "（三）关于油烟\n第一百一十八条第一款规定：“责令改正。”\n二、法律适用意见\n依法处理。\n")
    outline = parse_outline(text)
    assert [(s.marker, s.level) for s in outline] == [
        ("一、", 1), ("（一）", 2), ("（二）", 2), ("（三）", 2), ("二、", 1)]


def test_a_new_inline_list_in_a_later_paragraph_is_a_sibling_not_a_child():
    # Two speakers' lists in consecutive paragraphs (一要…四要, then 一是…三是): the first list's last item
    # does not own the second list.
    text = ("副书记指出，一要强化思想教育；二要强化能力建设；三要强化基层基础。\n"
            "厅长提出要求。一是突出根本保证。要抓落实。二是落实两个责任。要抓常态。三是抓好三个建设。要抓问责。\n")
    outline = parse_outline(text)
    assert [(s.marker, s.level) for s in outline] == [
        ("一要", 1), ("二要", 1), ("三要", 1), ("一是", 1), ("二是", 1), ("三是", 1)]
    # Inside one paragraph a list under an item stays nested.
    nested = parse_outline("第一，抓组织。首先，要动员群众。其次，要推动团体。\n第二，抓方式。要深入群众。\n")
    assert [(s.marker, s.level) for s in nested] == [("第一，", 1), ("首先，", 2), ("其次，", 2), ("第二，", 1)]


def test_a_title_runs_on_across_a_fixed_width_wrap():
    # Text copied from a PDF or a web page wrapped at a fixed width: the break inside "能打硬仗的\n“审计铁军”"
    # is not where the title ends.
    line = "他向大家提出两点希望：一要牢牢盯住公共资金使用，当好人民利益的“守护神”。念好权力运行的紧箍咒，决不"
    text = (line + "\n允许资金趴在账上睡觉，更不允许资金跑冒滴漏和被挤占挪用，要瞪大火眼金睛，及时发现问题。二要打造一支素质高、业务精、作风优、能打硬仗的\n"
            "“审计铁军”。正人先正己。\n")
    outline = parse_outline(text)
    assert [s.marker for s in outline] == ["一要", "二要"]
    assert outline[1].title == "打造一支素质高、业务精、作风优、能打硬仗的\n“审计铁军”"
    # A short heading line still ends at its line break.
    short = parse_outline("一、总体要求\n各地要统一思想。\n二、主要任务\n各地要落实。\n")
    assert [s.title for s in short] == ["总体要求", "主要任务"]


def test_children_of_a_missing_heading_sit_at_their_true_level_and_are_marked_for_a_look():
    # 一、 → （一） → 1． in the first section shows the document's nesting; in the second section
    # 1．2． then 1．2． again hang directly under 二、: the restart shows the （N） headings that
    # separated them were not found.  They belong at level 3 all the same (their parent stays 二、, the
    # nearest heading that exists), and confidence says "look".  (Round 25: without such a sign in the
    # section itself they stay where the document put them — see test_outline_round25.)
    text = ("一、总体要求\n（一）指导思想。要加强。\n1．坚持导向。要坚持。\n2．坚持需求。要坚持。\n"
            "二、主要任务\n1．加强领导。要加强。\n2．强化督查。要督查。\n1．抓好生产。要抓好。\n2．搞活流通。要搞活。\n")
    outline = parse_outline(text)
    assert [(s.marker, s.level) for s in outline] == [
        ("一、", 1), ("（一）", 2), ("1．", 3), ("2．", 3), ("二、", 1), ("1．", 3), ("2．", 3), ("1．", 3), ("2．", 3)]
    assert [s.parent for s in outline] == [None, 0, 1, 1, None, 4, 4, 4, 4]
    assert all(s.confidence == 1.0 for s in outline[:5])
    assert all(s.confidence < 0.8 for s in outline[5:])
    _check_invariants(text, outline)
    # Without a deeper example elsewhere nothing moves: 1． directly under 一、 is a normal layout.
    plain = parse_outline("一、总体要求\n1．坚持导向。要坚持。\n2．坚持需求。要坚持。\n二、主要任务\n1．加强领导。要加强。\n")
    assert [s.level for s in plain] == [1, 2, 2, 1, 2]
    assert all(s.confidence == 1.0 for s in plain)


def test_two_missing_levels_and_the_subtree_moves_along():
    # 一、 → （一） → 1． → （1） is the document's hierarchy; under 二、 a （1） list stands directly and
    # starts again (both its （N） and its 1． were not found: the restart shows it) and under 三、 a 1．
    # carries its own （1） children, a （二） after them showing their lost （一）.
    text = ("一、总体要求\n（一）指导思想\n1．坚持导向。要坚持。\n（1）加强组织。要加强。\n（2）压实责任。要压实。\n"
            "2．坚持需求。要坚持。\n二、主要任务\n（1）抓生产。要抓。\n（2）抓流通。要抓。\n（1）抓建设。要抓。\n（2）抓服务。要抓。\n"
            "三、保障措施\n1．加强领导。要加强。\n（1）建机制。要建。\n（2）定责任。要定。\n2．强化督查。要督查。\n"
            "（二）强化考核。要考核。\n")
    outline = parse_outline(text)
    assert [(s.marker, s.level) for s in outline] == [
        ("一、", 1), ("（一）", 2), ("1．", 3), ("（1）", 4), ("（2）", 4), ("2．", 3),
        ("二、", 1), ("（1）", 4), ("（2）", 4), ("（1）", 4), ("（2）", 4),
        ("三、", 1), ("1．", 3), ("（1）", 4), ("（2）", 4), ("2．", 3), ("（二）", 2)]
    _check_invariants(text, outline)


def test_siblings_that_merely_open_alike_are_not_cut_to_a_parallel_stub():
    # Two long sentence titles opening "由于目前我国…" / "鉴于目前我国…": cutting both after "目前我国" makes
    # them share an ending, which is not the parallel shape of real run-on headings.
    text = ("六、关于增设交易品种问题。\n证监会提出了以下意见：\n"
            "（一）由于目前我国原油、成品油市场开放程度仍较低，近期增设主要石油期货品种的条件还不成熟。应先从个别品种开始。\n"
            "（二）鉴于目前我国已经全面开放粮食购销市场，玉米市场价格总体平稳，增设玉米期货品种的时机已经成熟。\n")
    titles = [s.title for s in parse_outline(text) if s.marker.startswith("（")]
    assert titles == ["由于目前我国原油、成品油市场开放程度仍较低，近期增设主要石油期货品种的条件还不成熟",
                      "鉴于目前我国已经全面开放粮食购销市场，玉米市场价格总体平稳，增设玉米期货品种的时机已经成熟"]


def test_a_numeral_alone_on_its_line_heads_an_untitled_part():
    # Speeches of the 1940s number their parts with a bare numeral ("## 一" in markdown editions, "一"
    # on its own line in plain ones); the parts hold their own lists.
    for head in ("## {}  \n\n", "{}\n"):
        text = "".join(head.format(n) + body for n, body in (
            ("一", "　　中国共产党的二十年，是结合的二十年。\n"),
            ("二", "　　首先来说研究现状。材料还是零碎的。\n　　其次来说研究历史。不曾有组织地进行过。\n"),
            ("三", "　　依据上述意见，我有下列提议：\n　　（一）向全党提出研究周围环境的任务。\n　　（二）对于近百年的中国史，应分工合作地去做。\n")))
        outline = parse_outline(text)
        assert [(s.marker.strip(), s.level, s.title) for s in outline] == [
            ("一", 1, ""), ("二", 1, ""), ("首先", 2, "来说研究现状"), ("其次", 2, "来说研究历史"),
            ("三", 1, ""), ("（一）", 2, "向全党提出研究周围环境的任务"), ("（二）", 2, "对于近百年的中国史，应分工合作地去做")]
        _check_invariants(text, outline)
    # A numeral alone inside running text is not a heading.
    assert parse_outline("他说一\n二人同行。\n") == []


def test_a_speaker_who_says_next_twice_keeps_one_sequence():
    # 首先…其次…其次… (and 再次 after them) is one enumeration: each "next" is the next item.
    text = ("第一，从组织上动员群众。首先是各级政府的同志，要把这些工作经常地放在议事日程上面。"
            "其次，要推动群众团体。其次，要经过群众大会去做宣传。再次，要检查。\n第二，动员群众的方式，不应该是官僚主义的。\n")
    outline = parse_outline(text)
    assert [(s.marker, s.level, s.ordinal) for s in outline] == [
        ("第一，", 1, 1), ("首先", 2, 1), ("其次，", 2, 2), ("其次，", 2, 3), ("再次，", 2, 4), ("第二，", 1, 2)]


def test_a_sibling_of_run_on_headings_is_cut_too_where_its_body_opens():
    # Two headings ran on into their bodies with a speaker's time frame ("…发生后，", "…以来，"); the
    # third is short enough to pass for a title, but its body opens with "当前": cut it there as well.
    # A sibling whose words hold no body opening keeps its whole title.
    for sep in ("\n", ""):
        text = sep.join([
            "一、关于前一段疫情防控工作新冠肺炎疫情发生后，党中央高度重视，作出一系列部署。",
            "二、关于下一步经济工作当前经济运行总体平稳，但下行压力加大。",
            "三、关于全面从严治党党的十八大以来，全面从严治党取得显著成效。",
            "四、关于做好岁末年初各项工作的几点要求。"]) + "\n"
        outline = parse_outline(text)
        assert [s.title for s in outline] == [
            "关于前一段疫情防控工作", "关于下一步经济工作", "关于全面从严治党", "关于做好岁末年初各项工作的几点要求"]
        assert outline[1].confidence < 0.8  # a guess: marked for a look


def test_a_space_around_a_latin_word_does_not_end_a_title():
    text = "内容总结如下：\n- 第一点，了解 `AnalyzerAdapter` 类的各个不同部分。\n- 第二点，不接 IAP 审核不让过。\n"
    assert [s.title for s in parse_outline(text)] == ["了解 `AnalyzerAdapter` 类的各个不同部分", "不接 IAP 审核不让过"]


def test_a_flattened_title_still_stops_at_a_space_before_a_digit():
    # "一、2023年工作回顾 2023年是…": the space before the body's digit is where the title stopped.
    text = "各位代表： 一、2023年工作回顾 2023年是全面贯彻的开局之年。 二、2024年工作安排 今年要稳中求进。"
    assert [s.title for s in parse_outline(text)] == ["2023年工作回顾", "2024年工作安排"]


def test_flattened_first_sentence_with_an_early_comma_is_kept_whole():
    # On a page flattened onto one line a sentence end is also where a run-on heading stops, but a
    # "title" that breaks into clauses early is the item's first sentence, as the same text with its
    # line breaks has it.
    body = "这一胜利，给了敌人以严重打击，在整个敌人营垒中引起了极端深刻的失败情绪，奠定了我军歼灭全部敌军的基础。"
    items = ["第一年作战，歼灭敌正规军九十七个半旅，七十八万人，伪军、保安队等杂部三十四万人，共计一百十二万人，这是一个伟大的胜利，给了敌人以严重打击。",
             "第一年作战，敌人以二百四十八个正规旅中的二百十八个旅一百六十多万人，近百万人进攻解放区，其中大部分进攻陕北和山东两个战场。",
             "敌军分布，到今年八月底止，连被歼灭和受歼灭性打击者都算在内，共有二百二十四个旅，其中在前线的有一百五十七个旅，在后方的有六十七个旅。"]
    assert all(len(item) > 60 for item in items)  # long enough that a flattened one would be cut somewhere
    lines = [f"（{n}）{item}{body}" for n, item in zip("一二三", items)]
    expected = [item.rstrip("。") for item in items]
    assert [s.title for s in parse_outline("\n".join(lines) + "\n")] == expected
    assert [s.title for s in parse_outline("".join(lines) * 3)][:3] == expected


def test_stem_list_inside_a_numbered_point_that_goes_on():
    # "（三）…如下的变化：甲、…乙、…" then "（四）": the 甲 list belongs to （三）, and （四） continues.
    text = ("（一）第一点的内容。\n（二）第二点的内容。\n（三）矛盾发生了如下的变化：\n"
            "甲、由一般的矛盾变为特别尖锐的矛盾。\n乙、国内的阶级关系变动了。\n丙、人民大众的情况变动了。\n"
            "（四）第四点的内容。\n（五）第五点的内容。\n")
    outline = parse_outline(text)
    assert [(s.marker, s.level) for s in outline] == [
        ("（一）", 1), ("（二）", 1), ("（三）", 1), ("甲、", 2), ("乙、", 2), ("丙、", 2), ("（四）", 1), ("（五）", 1)]


def test_stem_parts_above_a_numbered_list_that_restarts():
    # "甲　少数不服从多数" over its own （一）（二）, then "乙　…" over another （一）（二）: the stems head parts.
    text = ("（一）从理论上说明。\n（二）在组织上规定。\n其表现如下：\n"
            "甲　少数不服从多数。例如提议被否决。\n（一）开会时要尽量发表意见。\n（二）少数服从多数。\n"
            "乙　非组织的批评。\n（一）党内批评是武器。\n（二）不在党外去批评。\n")
    outline = parse_outline(text)
    assert [(s.marker.strip(), s.level) for s in outline] == [
        ("（一）", 1), ("（二）", 1), ("甲", 1), ("（一）", 2), ("（二）", 2), ("乙", 1), ("（一）", 2), ("（二）", 2)]


def test_lone_part_title_in_an_excerpt_is_a_heading():
    # An excerpt of one part: its title line, then its paragraphs (broken as a copied PDF breaks them).
    text = ("各位代表：\n现在，我代表市人民政府，向大会报告政府工作。\n三、深化改革开放\n"
            "过去一年，我们坚持以改革开放\n增动力，推动重点领域改革取得新突破，营商环境持续优化，外资外贸稳中提质。\n")
    outline = parse_outline(text)
    assert [(s.marker, s.title) for s in outline] == [("三、", "深化改革开放")]


@pytest.mark.parametrize("text", [
    "一、说明如下。今年的任务很重，各单位要抓紧落实，确保按期完成各项工作目标任务。\n",  # a sentence, not a title
    "注意事项\n一、携带身份证\n请提前半小时到场。\n",  # a short line follows: a notice, not a part
    "我们要做到：\n一、\n二、三季度的任务很重，各单位要抓紧落实，确保按期完成各项工作目标任务。\n",
])
def test_lone_marker_without_a_title_shape_is_dropped(text):
    assert parse_outline(text) == []


def test_a_short_label_line_inside_an_item_does_not_end_a_list_that_continues():
    # Markdown exports set labels in bold on their own line ("**支持的区块链网络**", here already cleaned):
    # such a line looks like an unnumbered section title, but "（二）" right after it continues "（一）".
    text = ("导语。\n\n## 一、企业概况\n\n正文。\n\n## 二、链上网络\n\n### （一）链上网络与资产支持\n\n"
            "支持的区块链网络\n\n正文。\n\n### （二）法币通道与区域覆盖\n\n正文。\n\n## 三、安全与托管\n\n正文。\n")
    got = [(s.level, s.marker) for s in parse_outline(text)]
    assert got == [(1, "一、"), (1, "二、"), (2, "（一）"), (2, "（二）"), (1, "三、")]


def test_an_unnumbered_section_title_still_closes_lists_that_do_not_continue():
    text = ("一、总体要求\n\n（一）指导思想。正文。\n\n（二）基本原则。正文。\n\n关于保障措施\n\n"
            "（一）加强领导。正文。\n\n（二）强化督查。正文。\n")
    got = [(s.level, s.marker) for s in parse_outline(text)]
    assert got[:3] == [(1, "一、"), (2, "（一）"), (2, "（二）")]
    assert [m for _l, m in got[3:]] == ["（一）", "（二）"] and got[3][0] == 1
