"""Failure categories fixed in round 13 (the fresh12 group's first score), one test or more per category,
on short hand-made texts shaped like the real documents that showed them (tests/data/outline_corpus).
Each test fails on the parser before the round-13 change it names."""

from __future__ import annotations

from annotator.structure.outline import parse_outline

from tests.unit.test_outline import _check_invariants, stripped_shape as _shape

# A sentence long enough (≥ 80 characters without end punctuation) to read as prose cut by a page-chunk
# join when nothing marks the line's end.
_LONG = "调度台每少一种应具备的安全法规文件扣零点五分，调度日志记录不完整每处扣零点二分，交接班记录缺少签字每次扣零点三分，报表数据不准确每次扣零点五分"


# --- M1: a line that ends in a table cell or a photo credit is not prose cut in two -------------------
# rules_diaodu_pingfen (a scoring table: "…扣2分\t4" then "3.原煤生产…") and speech_hongse_ziyuan_2021
# ("…故居。 新华社记者 李学仁/摄" then "第三，…").

def test_a_row_ending_in_a_score_cell_does_not_hide_the_next_rows_item():
    text = (
        "三、调度管理(36)\n"
        f"调度管理制度\t1.各类人员岗位责任制\t{_LONG}\t2\n"
        f"协调指挥生产\t2.组织完成生产作业计划\t{_LONG}\t4\n"
        f"3.原煤生产百万吨死亡率\t{_LONG}\t4\n"
        f"4.及时有效解决安全生产中出现的问题\t{_LONG}\t2\n"
    )
    outline = parse_outline(text)
    assert [(lvl, m) for lvl, m, _t in _shape(outline)] == [(1, "三、"), (2, "1."), (2, "2."), (2, "3."), (2, "4.")]
    assert outline[3].title == "原煤生产百万吨死亡率"
    _check_invariants(text, outline)


def test_a_paragraph_ending_in_a_photo_credit_does_not_hide_the_next_point():
    caption = "这是习近平、李克强等在中南海丰泽园参观毛泽东同志故居。 新华社记者 李学仁/摄"
    text = (
        "各级党组织要充分用好红色资源，教育引导广大党员、干部赓续红色血脉。\n"
        "第一，教育引导全党始终坚持科学理论指导。我们刚才参观的北大红楼留下了传播马克思主义的事迹。\n"
        "第二，教育引导全党始终坚持理想信念。共产主义是我们党的远大理想。\n"
        f"2021年6月25日，中共中央政治局就用好红色资源、赓续红色血脉举行第三十一次集体学习。{caption}\n"
        "第三，教育引导全党始终坚持初心使命。江山就是人民，人民就是江山。\n"
        "第四，教育引导全党始终坚持光荣革命传统。前进道路不可能是一片坦途。\n"
    )
    outline = parse_outline(text)
    assert [m for _l, m, _t in _shape(outline)] == ["第一，", "第二，", "第三，", "第四，"]
    assert outline[2].title == "教育引导全党始终坚持初心使命"
    _check_invariants(text, outline)


def test_prose_cut_in_two_still_hides_a_number_at_the_next_line_start():
    # The page-chunk reading stays: a long line cut mid-sentence, then "2、…" continuing the sentence.
    text = (
        "一、总体要求\n"
        f"{_LONG}，各地区要结合实际\n"
        "2、制定具体措施并抓好落实\n"
        "二、工作安排\n"
        "（一）加强组织领导。\n"
        "（二）强化督促检查。\n"
    )
    assert "2、" not in [s.marker for s in parse_outline(text)]


# --- M3: a marker right after a quote mark that opens a paragraph or a table cell ---------------------
# rules_diaodu_pingfen (an Excel cell quoted on export: "记录薄\t\"14.记录薄 …") and mao_md_018_fangzhen
# (a list quoted as its own paragraph: "\n“（一）…；（二）…”").

def test_a_list_quoted_as_its_own_paragraph_is_the_documents_list():
    text = (
        "该谈话举出解决卢沟桥事件的四个条件：\n\n"
        "“（一）任何解决不得侵害中国主权与领土之完整；（二）冀察行政组织不容任何不合法之改变；"
        "（三）中央所派地方官吏不能任人要求撤换。”\n\n"
        "这些条件是正确的。\n"
    )
    outline = parse_outline(text)
    assert [m for _l, m, _t in _shape(outline)] == ["（一）", "（二）", "（三）"]
    assert outline[0].title == "任何解决不得侵害中国主权与领土之完整"
    _check_invariants(text, outline)


def test_a_list_quoted_inside_a_sentence_stays_a_citation():
    text = (
        "一、适用范围\n"
        "本条例第五条规定：“（一）未取得许可的；（二）超过期限的；（三）其他情形的”，应当依法处理。\n"
        "二、法律责任\n"
    )
    assert [s.marker for s in parse_outline(text)] == ["一、", "二、"]


def test_a_cell_quoted_on_export_opens_with_its_item():
    text = (
        "三、调度管理(36)\n"
        "台账\t1.调度室应备有矿井地质和水文地图\t查资料\t2\n"
        "记录薄\t\"2.记录薄 调度室应建立下列记录薄\"\t查资料\t2\n"
        "信息公示\t\"3.调度动态信息公示 内容包括原煤产量\"\t查资料\t1\n"
        "达标建设\t4.调度室要制定年度计划。\t查资料\t1\n"
    )
    outline = parse_outline(text)
    assert [m for _l, m, _t in _shape(outline)][1:] == ["1.", "2.", "3.", "4."]
    assert outline[2].title.startswith("记录薄")
    _check_invariants(text, outline)


# --- M6: a table's row number in its own cell, a TAB after it --------------------------------------
# rules_hezhang_zerendanwei (fresh12) and rules_hezhang_kaohe (fresh7): "1\t组织领导\t8", "2\t日常工作\t7".

ROW_NUMBERS = (
    "序号\t考核项目\t各项分值\t考核内容\n"
    "一、\t通用考核项目（全部责任单位）\t40\n"
    "1\t组织领导\t8\t组织领导\n"
    "积极配合各乡镇开展河长制工作（8分）。\n"
    "2\t日常工作\t7\n"
    "1.成立河长制工作领导小组（1分）；\n"
    "2.单位领导班子部署河长制相关工作（3分）。\n"
    "3\t宣传工作\t10\t河长制工作宣传\n"
    "结合本部门工作职责，认真开展好河长制相关工作的宣传（10分）。\n"
    "二、\t部门履职差异考核项目\t60\n"
    "1\t县委农工部\t60\t农村生活垃圾专项治理\n"
    "1.探索实行农村生活垃圾分类试点（15分)；\n"
    "2\t县农粮局\t30\t持续推进畜禽养殖污染控制\n"
    "1.加强监督管理（5分）；\n"
    "15\t持续推进农业化肥、农药减量化治理\n"
    "1.继续推进农作物病虫专业化统防统治（5分）；\n"
    "3\t县工信局\t60\t持续加强工矿企业水污染防治\n"
)


def test_a_row_number_before_a_tab_is_a_heading_of_its_table():
    outline = parse_outline(ROW_NUMBERS)
    shape = [(lvl, m) for lvl, m, _t in _shape(outline)]
    assert shape == [(1, "一、"), (2, "1"), (2, "2"), (3, "1."), (3, "2."), (2, "3"),
                     (1, "二、"), (2, "1"), (3, "1."), (2, "2"), (3, "1."), (3, "1."), (2, "3")]
    assert [s.title for s in outline if s.kind == "digit-space"][:3] == ["组织领导", "日常工作", "宣传工作"]
    _check_invariants(ROW_NUMBERS, outline)


def test_a_tab_after_a_number_is_no_heading_inside_a_row():
    # Only at a line start: a score cell in the middle of a row ("…\t8\t组织领导") is not a row number.
    assert [s.marker.strip() for s in parse_outline(ROW_NUMBERS)].count("8") == 0


# --- M2b: row numbers that skip the rows an excerpt left out ----------------------------------------
# rules_hezhang_kaohe (fresh7: 1, 2, 5, 7, 9, 10, 12 across its parts) and rules_hezhang_zerendanwei
# (fresh12: 5, 9, 14 under 二、, with score cells 15/10 opening sub-rows in between).

SKIPPED_ROWS = (
    "一、\t巩固成果，提升河长制工作实效\t31\n"
    "1\t完善四个到位\t5\n"
    "进一步健全河长制湖长制组织体系。\n"
    "2\t强化督查督办\t4\n"
    "严格执行已出台的河长制工作督查制度。\n"
    "5\t全面推进河长制信息平台建设\t11\n"
    "1.推进APP巡河信息平台建设，得2分。\n"
    "2.按制度要求开展APP巡河，得6分。\n"
    "二、\t对标中央、省、市，落实湖长制重点任务\t2\n"
    "7\t健全湖长制组织体系\t2\n"
    "落实属地管理责任，建立湖长体系。\n"
    "三、\t水岸联动，推进管治保措施\t15\n"
    "9\t继续推动畜禽养殖污染控制\t7\n"
    "10\t严格水功能区监管\t2\n"
)


def test_row_numbers_may_skip_the_rows_left_out():
    outline = parse_outline(SKIPPED_ROWS)
    assert [(lvl, m) for lvl, m, _t in _shape(outline)] == [
        (1, "一、"), (2, "1"), (2, "2"), (2, "5"), (3, "1."), (3, "2."), (1, "二、"), (2, "7"),
        (1, "三、"), (2, "9"), (2, "10")]
    _check_invariants(SKIPPED_ROWS, outline)


def test_a_score_cell_between_row_numbers_is_not_a_skipped_row():
    outline = parse_outline(ROW_NUMBERS)  # "2\t县农粮局", "15\t持续推进…" (a sub-row), "3\t县工信局"
    assert "15" not in [s.marker.strip() for s in outline]
    assert [s.marker.strip() for s in outline if s.level == 2][-2:] == ["2", "3"]


# --- Titles: a criterion wrapped over the <p> lines of one table cell -------------------------------
# rules_hezhang_zerendanwei (fresh12: "…推进农业\n废弃物综合利用…（10分）。") and rules_hezhang_kaohe
# (fresh7: "…公布排污\n种类、数量…，得1分" then the row's next cell "县水利局").

WRAPPED_CELL = (
    "2\t县农粮局\t30\t持续推进农业化肥、农药减量化治理\n"
    "1.继续推进农作物病虫专业化统防统治与绿色防控融合示范点（5分）;\n"
    "2.推广生物农药和高效低残留化学农药安全科学使用技术，推进农业\n"
    "废弃物综合利用，严禁农业废弃物入河、污染水体（10分）。\n"
    "3\t县水利局\t2\t严格水功能区监管\n"
    "1.监管水功能区入河排污口，得1分。\n"
    "2.建立水功能区入河排污口台帐，设立公示牌，公布排污\n"
    "种类、数量、责任部门和责任人等，得1分\n"
    "县水利局\n"
    "二、奖励办法\n"
    "根据终期评审中各组分数决出一、二、三等奖及优胜奖\n"
)


def test_a_criterion_wrapped_inside_its_table_cell_keeps_its_whole_title():
    titles = {(s.marker.strip(), s.start): s.title for s in parse_outline("一、\t部门考核\t60\n1\t县委农工部\t60\n" + WRAPPED_CELL)}
    by_text = sorted(titles.values())
    assert ("推广生物农药和高效低残留化学农药安全科学使用技术，推进农业\n废弃物综合利用，严禁农业废弃物入河、"
            "污染水体（10分）") in by_text
    assert "建立水功能区入河排污口台帐，设立公示牌，公布排污\n种类、数量、责任部门和责任人等，得1分" in by_text


def test_a_heading_line_in_a_table_document_is_not_a_wrapped_cell():
    outline = parse_outline("一、\t部门考核\t60\n1\t县委农工部\t60\n" + WRAPPED_CELL)
    assert [s.title for s in outline if s.marker == "二、"] == ["奖励办法"]


# --- Titles: a stray space before a bracket or a comma inside a sentence -----------------------------
# rules_diaodu_pingfen ("将本旬 （周）调度报表…"), notice_daikuan_queren (dev: "服务网张 （ https…）"),
# rules_sushe_kouf (fresh5: "“ 119” 、“ 110”"): a space a PDF copy or a table cell left before punctuation
# that goes on with the sentence does not end the title.

def test_a_space_before_a_bracketed_note_does_not_end_the_title():
    text = (
        "四、调度汇报(25)\n"
        "日汇报\t1.每日调度统计报表经审核后报上一级调度室。\t查资料\n"
        "旬(周)汇报\t2.按照规定时间和要求，将本旬 （周）调度报表、安全生产情况报上一级调度室\t查阅资料\n"
        "月汇报\t3.调度室将本月生产计划完成情况报上一级调度室。\t查资料\n"
    )
    outline = parse_outline(text)
    assert outline[2].title == "按照规定时间和要求，将本旬 （周）调度报表、安全生产情况报上一级调度室"


def test_a_space_before_a_marker_in_brackets_still_ends_the_title():
    text = "一、总体要求 （一）指导思想。坚持稳中求进。（二）基本原则。坚持问题导向。\n二、重点任务 （一）加快发展。\n"
    outline = parse_outline(text)
    assert [s.title for s in outline if s.level == 1] == ["总体要求", "重点任务"]


# --- M2: items an excerpt left out of a list, the rest keeping their numbers ------------------------
# reg_paiwu_xuke (fresh7: （一）（二） then （九）（十）（十一）), reg_guangdong_hesheshi (fresh6: （六） then （九）（十）),
# reg_gd_zhifa_gongshi (fresh7: （三） then （七）, then a new list from （一））.

SKIPPED_ITEMS = (
    "第十三条　排污许可证应当记载下列信息：\n"
    "（一）排污单位名称、住所、法定代表人或者主要负责人等；\n"
    "（二）排污许可证有效期限、发证机关、发证日期等；\n"
    "（九）排污单位环境信息公开要求；\n"
    "（十）法律法规规定的其他要求。\n"
    "第十四条　有下列情形之一的，不予公开：\n"
    "（一）当事人是未成年人的；\n"
    "（二）案件主要事实涉及国家秘密的；\n"
    "（三）公开后可能危及国家安全的。\n"
)


def test_an_item_list_may_skip_the_items_an_excerpt_left_out():
    outline = parse_outline(SKIPPED_ITEMS)
    assert [(lvl, m) for lvl, m, _t in _shape(outline)] == [
        (1, "第十三条"), (2, "（一）"), (2, "（二）"), (2, "（九）"), (2, "（十）"),
        (1, "第十四条"), (2, "（一）"), (2, "（二）"), (2, "（三）")]
    _check_invariants(SKIPPED_ITEMS, outline)


def test_an_item_that_a_later_one_would_fill_the_gap_before_does_not_skip():
    # "（五）" inside the list, with （三）（四） still to come: a cross-reference line, not the fifth item.
    text = (
        "第三条　本办法所称公示，包括下列方式：\n"
        "（一）发布公告；\n"
        "（二）办公场所设置的公示栏；\n"
        "（五）项所列方式另行规定；\n"
        "（三）办公场所放置的宣传册；\n"
        "（四）其他方便当事人的方式。\n"
    )
    outline = parse_outline(text)
    assert [m for _l, m, _t in _shape(outline)] == ["（一）", "（二）", "（三）", "（四）"]
