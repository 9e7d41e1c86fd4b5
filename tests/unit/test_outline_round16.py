"""Failure categories fixed in round 16 (gaps left by the fresh14 and fresh15 groups), one test or more per
category, on short hand-made texts shaped like the real documents that showed them
(tests/data/outline_corpus).  Each test but the guards fails on the parser before the round-16 change it
names; the guards pin what must not change with it."""

from __future__ import annotations

from annotator.structure.outline import parse_outline

from tests.unit.test_outline import _check_invariants, stripped_shape as _shape


def _wrap(text: str, width: int = 28) -> str:
    """A PDF page flattened onto one line: a space wherever a printed line of ``width`` characters ended."""
    return " ".join(text[i:i + width] for i in range(0, len(text), width))


# --- W: a flattened PDF page's wraps are spaces, not title ends ---------------------------------------------
# plan_zhongjian_sheji_oneline and plan_zhongjian_erju_oneline (fresh15, "一是要推进大 师工作室建设，…" cut at
# "要推进大"), notice_daikuan_queren (dev, "对学生进行诚信教育…及生源地助学贷款 还款操作流程培训").

_PAGE = ("为更好落实集团决策部署和各项工作安排，设计与技术系统秉持以项目为中心，紧扣完善体系、建强能力、"
         "强化赋能三大核心主线，聚焦激发系统内生动力、推广优质创新成果、筑牢人才梯队根基，以中台能力全面提升"
         "为抓手，持续强化设计技术服务支撑效能，谋划全年工作安排。城市规划与产业研究院要打造策划规划能力集成"
         "平台，并加强与营销平台的联动，强化策划规划在造项目中的引领作用。一是要推进大师工作室建设，建立城市"
         "更新等领域的大师工作室，完善大师工作室运行机制，确保高效运行。二是要加强专项领域研究，完成专题研究"
         "报告及策划规划方案示范文本。三是要深化重大项目营销赋能，深度参与重大项目综合营销，总结提炼可复制推广"
         "的合作模式。四是要强化高层次人才支撑，积极探索高层次人才引进工作，打造策划规划品牌。")


def test_a_title_goes_on_past_a_wrap_space_on_a_flattened_pdf_page():
    text = _wrap(_PAGE)
    outline = parse_outline(text)
    assert [m for _l, m, _t in _shape(outline)] == ["一是", "二是", "三是", "四是"]
    for s, want in zip(outline, ["要推进大师工作室建设，建立城市更新等领域的大师工作室，完善大师工作室运行机制，确保高效运行",
                                 "要加强专项领域研究，完成专题研究报告及策划规划方案示范文本",
                                 "要深化重大项目营销赋能，深度参与重大项目综合营销，总结提炼可复制推广的合作模式",
                                 "要强化高层次人才支撑，积极探索高层次人才引进工作，打造策划规划品牌"]):
        assert s.title.replace(" ", "") == want
    _check_invariants(text, outline)


def test_guard_a_one_line_scrape_still_ends_its_titles_at_the_space():
    # No print width: the space after a heading is where the title ends ("一、总体要求 为深入贯彻…").
    text = ("一、总体要求 为深入贯彻落实党中央决策部署，进一步做好今年的各项工作，现提出如下意见。"
            "二、重点任务 各地区各部门要结合实际，抓好重点任务的落实，确保取得实效。"
            "三、保障措施 加强组织领导，压实工作责任，强化督促检查，形成工作合力。")
    outline = parse_outline(text)
    assert [t for _l, _m, t in _shape(outline)] == ["总体要求", "重点任务", "保障措施"]
    _check_invariants(text, outline)


# --- P: an excerpt opening inside part 二、 keeps that part as the parent of its lists ---------------------
# plan_zhongjian_erju_oneline (fresh15: page 4 of a plan, "二、设计协同… （一）完善… 一是…；二是…", no 一、 in the text):
# the lone 二、 was dropped as a list opened at 2 and its （一） and 一是 items went one level up — the issue's
# "invisible parents" category.

def test_an_excerpt_opening_at_er_keeps_it_over_its_lists():
    text = ("二、设计协同，提升服务效能 （一）完善设计管理体系 一是夯实中心组织建设，公司继续加强设计支持中心建设，"
            "扎实推动中心建强建优；二是健全设计联动机制，一季度发布公司设计管理体系建设评价指南，为体系优化提供依据。")
    outline = parse_outline(text)
    assert [(lvl, m) for lvl, m, _t in _shape(outline)] == [(1, "二、"), (2, "（一）"), (3, "一是"), (3, "二是")]
    _check_invariants(text, outline)


def test_an_excerpt_opening_at_er_on_its_own_line_too():
    text = ("二、设计协同，提升服务效能\n（一）完善设计管理体系\n一是夯实中心组织建设，公司继续加强设计支持中心建设；"
            "二是健全设计联动机制，为体系优化提供依据。\n")
    outline = parse_outline(text)
    assert [(lvl, m) for lvl, m, _t in _shape(outline)] == [(1, "二、"), (2, "（一）"), (3, "一是"), (3, "二是")]
    _check_invariants(text, outline)


def test_guard_a_lone_er_with_no_list_below_is_no_heading():
    text = "二、三季度的工作由各部门分头负责，具体安排另行通知。各单位要认真抓好落实，确保各项工作取得实效。"
    assert parse_outline(text) == []


# --- G: a section number glued to a sentence a page end cut off -----------------------------------------------
# textbook_duomeiti_oneline (fresh15: "…重新建立链1．2 文件表示媒体…。1．3 多媒体信息的类型及特点（1）文本 …"): a
# flattened page glues the next section's number to the cut-off sentence before it — the issue's "markers
# glued to the text before them" on one-line text, for the 1.1 family (line-start only before).

_FILLER = "多媒体技术的发展改变了计算机的使用领域，使计算机由办公室、实验室中的专用品变成了信息社会的普通工具。" * 5


def test_a_glued_section_number_with_a_spaced_title_is_a_heading():
    text = (_FILLER + "用户可以按照自己的目的和认知特征重新组织信息，重新建立链1．2 文件格式 文件的命名遵循特定的规则。"
            + _FILLER + "1．3 多媒体信息的类型及特点（1）文本 文本是以文字表达的信息形式。（2）图像 图像是多媒体软件中最重要的信息。"
            + _FILLER)
    outline = parse_outline(text)
    assert [(lvl, m) for lvl, m, _t in _shape(outline)] == [(1, "1．2"), (1, "1．3"), (2, "（1）"), (2, "（2）")]
    assert outline[0].title == "文件格式"
    _check_invariants(text, outline)


def test_guard_a_glued_amount_is_no_section():
    # "增长1.2倍", "7.3级" glue a number to a word with no space; a lone glued "1．2 " has no sibling either.
    text = (_FILLER + "本年度生产总值增长1.2倍，发生了7.3级地震，软件的版本号为1．2 正式版本已经发布。" + _FILLER)
    assert parse_outline(text) == []


# --- A: 一方面/另一方面 weighing two sides of one sentence are no items ----------------------------------------
# sh_xueqian_jihua_2011 (fresh14: "4．内涵建设要求更高\n一方面，…日益强烈；另一方面，…不断提高。因此，…") and
# mao_md_052_fazhan ("应懂得，一方面，…；另一方面，…", not items either); mao_md_023_guodu, where each opens its own
# paragraph after "这是因为：", keeps them (the guard).

def test_a_contrast_in_one_sentence_is_no_list():
    text = ("3．园舍建设任务重\n为应对未来三年的入园高峰，需要新增园舍面积90万平方米。\n4．内涵建设要求更高\n一方面，人民群众对学前教育的多样化需求日益强烈；另一方面，城市的建设进程也要求学前教育"
            "质量和水平不断提高。因此，学前教育正面临着增加数量、提高质量的双重挑战。\n")
    outline = parse_outline(text)
    assert [m for _l, m, _t in _shape(outline)] == ["3．", "4．"]
    _check_invariants(text, outline)


def test_guard_a_contrast_over_two_paragraphs_stays_a_list():
    text = ("（二十）为什么要这样尖锐地提出问题呢？这是因为：\n一方面，中国资产阶级的妥协性，国民党实力上的优势，等等情况。\n"
            "另一方面，共产党内理论水平的不平衡，党内小资产阶级成分的大量存在，等等情况。\n由于上述两方面的严重的情况，"
            "必须尖锐地提出谁领导谁的问题。\n")
    outline = parse_outline(text)
    assert [m for _l, m, _t in _shape(outline)] == ["（二十）", "一方面，", "另一方面，"]
    _check_invariants(text, outline)
