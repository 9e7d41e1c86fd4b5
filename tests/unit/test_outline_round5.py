"""Failure categories fixed in round 5, one test (or more) per category, on short hand-made texts shaped
like the real documents that showed them (tests/data/outline_corpus: the fresh5 group's first score, and
the dev documents added as second witnesses)."""

from __future__ import annotations

from annotator.structure.markers import match_marker, scan
from annotator.structure.outline import parse_outline

from tests.unit.test_outline import _check_invariants, stripped_shape as _shape


# --- "1 、": a space between the numeral and 、 (text from a PDF or an HTML table) ----------------------

SPACED_DUN = (
    "学生宿舍违纪处罚细则\n"
    "一、在宿舍楼内进行下列活动者，将在宿舍个人文明表现考核中扣分（ 1-2分）。\n"
    "  1 、不按时熄灯就寝或熄灯后洗漱、走动、说话的。（1分）\n"
    "  2、在寝室洗漱、洗衣服的。（1分）\n"
    "  3 、其它违反宿舍管理条例的行为。\n"
    "二、对有下列行为之一的，在宿舍个人文明考核中扣分（ 3-5 分）。\n"
    "  1 、故意损坏公用设施或挪公归私。（3分）\n"
    "  2、在寝室内酗酒引发事端的。（2分）\n"
)


def test_a_space_before_the_dun_comma_keeps_the_marker_one_family():
    outline = parse_outline(SPACED_DUN)
    assert [(lvl, m) for lvl, m, _t in _shape(outline)] == [
        (1, "一、"), (2, "1 、"), (2, "2、"), (2, "3 、"), (1, "二、"), (2, "1 、"), (2, "2、")]
    assert outline[1].title == "不按时熄灯就寝或熄灯后洗漱、走动、说话的"
    assert {s.kind for s in outline if s.level == 2} == {"digit-dun"}
    _check_invariants(SPACED_DUN, outline)


def test_spaced_dun_markers_are_recognised_by_the_add_heading_tool():
    assert match_marker("1 、不按时熄灯").family == "digit-dun"
    assert match_marker("A 、从毕业当年的9月1日开始").family == "latin-dot"
    # A number followed by a space and a word is still the bare "1 " family, not 、.
    assert match_marker("1 总则").family == "digit-space"


def test_a_spaced_dun_after_a_year_or_a_count_is_no_marker():
    # "2014 、2015年" lists years; three digits and more than 100 are no item numbers.
    assert not [c for c in scan("在2014 、2015两年里，工作取得进展。") if c.family == "digit-dun"]


# --- a title never ends on an opening bracket or quote ---------------------------------------------------

def test_a_space_after_an_opening_bracket_does_not_end_the_title():
    outline = parse_outline(SPACED_DUN)
    assert outline[0].title == "在宿舍楼内进行下列活动者，将在宿舍个人文明表现考核中扣分（ 1-2分）"
    text = "一、 提前准备 1 、 提前登录服务网 （ https ：//x.cn ） 核实信息。 2 、 发放提醒卡。 二、 流程说明 正文。"
    assert parse_outline(text)[0].title == "提前准备"  # a space after a word still ends a flattened title


# --- 实践证明 opens a body only as a sentence opener ------------------------------------------------------

def test_shijian_zhengming_inside_a_title_does_not_cut_it():
    text = ("修改工作把握以下几点：一是维护行政诉讼制度的权威性；二是坚持基本原则；"
            "三是总结行政审判实践的经验，把经实践证明的有益经验上升为法律。经反复研究，形成了草案。")
    outline = parse_outline(text)
    assert outline[-1].title == "总结行政审判实践的经验，把经实践证明的有益经验上升为法律"


def test_shijian_zhengming_with_a_comma_is_still_a_body_cue():
    from annotator.structure.title_ends import _strong_cue_in
    opener = "坚持党的全面领导实践证明，党的领导是根本保证"
    assert _strong_cue_in(opener, 0, len(opener))
    inside = "总结行政审判实践的经验，把经实践证明的有益经验上升为法律"
    assert not _strong_cue_in(inside, 0, len(inside))


# --- 首先 after a line announcing a list is an adverb as often as a marker ----------------------------------

def test_a_lone_shouxian_after_an_announcing_line_is_not_kept():
    text = ("现在我来讲一讲宗派主义的问题。\n"
            "什么是党内宗派主义的残余呢？主要的有下面几种：\n"
            "首先就是闹独立性。一部分同志，只看见局部利益，不看见全体利益。\n"
            "外来干部和本地干部必须团结，必须反对宗派主义倾向。\n")
    assert parse_outline(text) == []


def test_a_lone_yishi_after_an_announcing_line_is_still_kept():
    text = "一年来，主要做了以下工作：\n一是深入落实首都城市战略定位。进一步优化提升首都功能。\n其他正文。\n"
    assert [s.marker for s in parse_outline(text)] == ["一是"]


# --- an inline list whose next item lies beyond a line break ------------------------------------------------

def test_a_comma_list_wrapped_by_a_copied_pdf_is_kept():
    text = ("（十）对待帝国主义亦然。我们则应加以区别，第一是苏联和资本主义各国\n"
            "的区别，第二是英美和德意的区别，第三是英美的人民和英美的帝国主义政府\n"
            "的区别，第四是英美政策在远东慕尼黑时期和在目前时期的区别。在这些区别\n"
            "上建立我们的政策。\n")
    outline = parse_outline(text)
    assert [s.marker for s in outline if s.kind == "di-shi"] == ["第一是", "第二是", "第三是", "第四是"]
    _check_invariants(text, outline)


def test_an_inline_list_going_on_in_the_next_paragraph_is_kept():
    text = ("要了解情况，唯一的方法是向社会作调查。要做这件事，第一是眼睛向下，不要只是昂首望天。没有眼睛向下的决心，"
            "是不会真正懂得中国的事情的。\n"
            "第二是开调查会。东张西望，道听途说，决然得不到什么完全的知识。\n")
    assert _shape(parse_outline(text)) == [(1, "第一是", "眼睛向下，不要只是昂首望天"), (1, "第二是", "开调查会")]


def test_an_inline_item_two_paragraphs_before_a_stray_next_number_is_still_dropped():
    text = ("我们要做好这件事，一是加强领导。\n"
            "这是一段别的正文。\n"
            "二是群众的意见很重要，这是一句普通的话。\n")
    assert [s.marker for s in parse_outline(text)] == []


# --- a lone section title on a page flattened onto one line ------------------------------------------------

def test_a_lone_section_title_ended_by_a_space_on_a_flattened_line_is_kept():
    text = ("你好。我是一名设计师，来信是为给官网提一些建议。 和你之前在采访中见过，因此印象挺好。 一、免责声明 "
            "设计师的强迫症导致我要求比较完美。下面的意见可能对于大多数人来说这并不是问题。")
    outline = parse_outline(text)
    assert _shape(outline) == [(1, "一、", "免责声明")]
    _check_invariants(text, outline)


def test_a_lone_marker_in_prose_on_one_line_is_still_dropped():
    for text in ("今年经济平稳。 一、二季度增长较快，三季度有所回落，这是正常的波动现象，不必过分担心。",
                 "我们做了很多工作。 一、我们认为，这件事情很重要 所以要认真对待，不能有任何马虎，必须一抓到底。"):
        assert [s.marker for s in parse_outline(text)] == [], text
