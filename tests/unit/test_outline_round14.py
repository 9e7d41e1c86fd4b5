"""Failure categories fixed in round 14 (the fresh14 group's first score), one test or more per category,
on short hand-made texts shaped like the real documents that showed them (tests/data/outline_corpus).
Each test but the guards fails on the parser before the round-14 change it names; the guards pin what
must not change with it."""

from __future__ import annotations

from annotator.structure.outline import parse_outline

from tests.unit.test_outline import _check_invariants, stripped_shape as _shape


# --- K1: one list written two ways (marker kin) ------------------------------------------------------
# news_shuizhen_anquan ("一要…；二要…；三要…；四是…"), news_jiuye_huiyi_2020 ("一是要…；二要…；三要…"),
# news_shaanxi_jijian (fresh13, the same mixed 一要 list), rules_gudongmai_pingfen ("1、…" "2.…" "3、…").

def test_a_yao_list_goes_on_with_a_shi_item():
    text = ("会议要求：一要高度重视，周密部署，认真制定工作方案；二要各部门协调配合，联合开展执法检查；"
            "三要广泛开展、全面检查，消除安全隐患；四是严格执法、严肃惩处，突出专项行动效果。")
    outline = parse_outline(text)
    assert [m for _l, m, _t in _shape(outline)] == ["一要", "二要", "三要", "四是"]
    assert {lvl for lvl, _m, _t in _shape(outline)} == {1}
    assert outline[3].title == "严格执法、严肃惩处，突出专项行动效果"
    _check_invariants(text, outline)


def test_a_shi_yao_list_in_a_later_sentence_is_the_next_list():
    text = ("处长提出了具体要求，一要做好疫情防控；二要服务学生充分就业；三要创新举措、积极作为。"
            "随后，老师强调要以课堂为平台指导学生。最后，处长做总体布置，一是要做好招聘组织领导工作；"
            "二要做好毕业学生思想动员工作；三要做好学科专业对外宣传工作；四要做好招聘单位的联络工作。")
    outline = parse_outline(text)
    assert [m for _l, m, _t in _shape(outline)] == ["一要", "二要", "三要", "一是", "二要", "三要", "四要"]
    assert {lvl for lvl, _m, _t in _shape(outline)} == {1}
    assert outline[4].title == "做好毕业学生思想动员工作"
    _check_invariants(text, outline)


def test_a_yao_list_inside_a_shi_item_of_the_same_sentence_stays_nested():
    # Guard: no sentence end between 一是 and 一要, so the 一要 list is a list within the item.
    text = ("一是加强组织领导，一要明确责任，二要压实任务；二是强化督促检查，确保各项工作落到实处。")
    outline = parse_outline(text)
    assert _shape(outline)[:3] == [(1, "一是", "加强组织领导"), (2, "一要", "明确责任"), (2, "二要", "压实任务")]
    assert outline[3].marker == "二是" and outline[3].level == 1
    _check_invariants(text, outline)


def test_a_table_list_of_dun_items_goes_on_with_a_dot_item():
    text = ("适应症（6 分）\t1、需采集动脉血液标本或某些特殊检查\t2\t漏一项扣 1 分\n"
            "2.急救时需加压输血输液\t2\t漏一项扣 1 分\n"
            "3、用于区域性化疗\t2\t漏一项扣 1 分\n")
    outline = parse_outline(text)
    assert [m for _l, m, _t in _shape(outline)] == ["1、", "2.", "3、"]
    assert outline[1].title == "急救时需加压输血输液"
    _check_invariants(text, outline)


def test_a_dot_list_under_a_dun_item_still_nests():
    # Guard: the kin only continues a run; "1." under "1、" opens a level as before.
    text = ("1、工作目标\n到年底完成全部改造任务，群众满意度明显提升。\n"
            "1.完成老旧小区改造\n2.完成管网更新\n"
            "2、保障措施\n各部门要加强协调配合，确保任务落实。\n")
    outline = parse_outline(text)
    assert [(lvl, m) for lvl, m, _t in _shape(outline)] == [(1, "1、"), (2, "1."), (2, "2."), (1, "2、")]
    _check_invariants(text, outline)


# --- K2: a numbered list none of whose items has a word is page furniture ---------------------------
# news_jiuye_huiyi_2020: a carousel's <ol> of empty <li> rendered "1.\n2.\n3." above the article.

def test_empty_numbered_items_of_a_carousel_are_no_headings():
    text = ("1.\n2.\n3.\nPrevious Next\n就业指南\n"
            "会议提出具体要求，一要做好疫情防控；二要服务学生充分就业；三要创新举措。\n")
    outline = parse_outline(text)
    assert [(lvl, m) for lvl, m, _t in _shape(outline)] == [(1, "一要"), (1, "二要"), (1, "三要")]
    _check_invariants(text, outline)


def test_a_bare_numeral_heading_among_titled_ones_stays():
    # Guard: "## 三" over an untitled part (notice_gongzi_zhesuan) and "## 一"…"## 四" in a speech stay.
    text = ("## 一\n\n我们先说研究现状。这是第一个问题。\n\n## 二\n\n再说研究历史。这是第二个问题。\n\n"
            "## 三\n\n最后说学习理论。这是第三个问题。\n")
    outline = parse_outline(text)
    assert [m for _l, m, _t in _shape(outline)] == ["一", "二", "三"]
    _check_invariants(text, outline)


# --- K3: a law flattened onto one line, excerpted from its 19th article -----------------------------
# reg_xianfa_xiuzhengan_2004_flat (the 2004 amendment: "…公布施行）第十九条　宪法…。”第二十条　…"); the
# round-13 report's "fully glued regulations" gap.

def test_spaced_articles_glued_into_one_line_open_mid_law():
    body = "宪法第十条第三款“国家为了公共利益的需要，可以依照法律规定对土地实行征用。”修改为：“国家可以征收。”"
    text = ("（2004年3月14日第十届全国人民代表大会第二次会议通过）"
            + "".join(f"第{n}条　{body}" for n in ("十九", "二十", "二十一", "二十二")) + "\n")
    outline = parse_outline(text)
    assert [(lvl, m) for lvl, m, _t in _shape(outline)] == [
        (1, "第十九条"), (1, "第二十条"), (1, "第二十一条"), (1, "第二十二条")]
    assert outline[0].title.startswith("宪法第十条第三款“国家为了公共利益的需要")
    _check_invariants(text, outline)


def test_cited_articles_in_one_line_are_no_headings():
    # Guard: no space after them — citations ("依照第十九条规定") stay body text.
    text = ("依照第十九条规定，有关部门应当及时处理；依照第二十条规定，应当依法追究责任；"
            "依照第二十一条规定，应当予以公告。" * 3 + "\n")
    assert parse_outline(text) == []


# --- K4: a table row ends at its line end, however long its last cell -------------------------------
# rules_gudongmai_pingfen: "5、…\t30\t定位欠佳，多次定位扣 5 分…据熟练程度适当扣分" (a deduction cell far
# longer than a score) then "6、抽血或输入完毕…".

def test_a_row_with_a_long_last_cell_does_not_hide_the_next_rows_item():
    cell = "定位欠佳，多次定位扣 5 分未戴手套或手消毒扣 10 分反复穿刺扣 5 分置管穿刺扣 5 分据熟练程度适当扣分" * 2
    text = (f"操作方法（80分）\t1、准备洗手、戴口罩帽子\t3\t未洗手扣 1 分\n"
            f"2、术者消毒左手中指和食指，按需要采集标本\t30\t{cell}\n"
            "3、抽血或输入完毕，迅速拔针\t10\t形成血肿扣 5 分\n"
            "4、消毒洗手\t2\t未消毒洗手扣 2 分\n")
    outline = parse_outline(text)
    assert [m for _l, m, _t in _shape(outline)] == ["1、", "2、", "3、", "4、"]
    _check_invariants(text, outline)


# --- K5: a 1．list that lost one item goes on after the gap -----------------------------------------
# sh_xueqian_jihua_2011: "2．师资队伍…" glued to a flattened table's last cell ("…42.742．师资…") was lost,
# and "3．园舍建设任务重" / "4．内涵建设要求更高", each opening its line after a sentence end, went with it.

def test_a_dot_item_after_a_lost_sibling_still_counts():
    text = ("（一）基本情况\n全市共有独立设置幼儿园1252所。\n（二）学前教育面临的新挑战\n"
            "1．全市面临新一轮人口出生高峰\n受人口出生高峰的影响，造成较大的入园压力。\n"
            "（单位：万人）常住人口12.3913.42占常住人口比例(%)43.942.742．师资队伍数量有缺口\n"
            "根据生师比要求预测，未来三年上海约需新增专任教师8000人。\n"
            "3．园舍建设任务重\n为应对入园高峰，需要新增园舍面积90万平方米。\n"
            "4．内涵建设要求更高\n人民群众对学前教育的多样化需求日益强烈。\n")
    outline = parse_outline(text)
    assert [(lvl, m) for lvl, m, _t in _shape(outline)] == [(1, "（一）"), (1, "（二）"), (2, "1．"), (2, "3．"), (2, "4．")]
    assert outline[3].title == "园舍建设任务重"
    _check_invariants(text, outline)


def test_a_dot_number_cutting_a_sentence_still_does_not_skip_ahead():
    # Guard: the skip needs the item to open its line after a sentence end, which a page-chunk number
    # cutting a sentence in two does not.
    long = "各地区各部门要切实加强组织领导，明确责任分工，细化工作措施，强化督促检查，确保各项任务按期完成并取得实效"
    text = ("一、工作要求\n1．加强组织领导\n各地要成立工作专班。\n2．细化工作措施\n各地要制定实施方案。\n"
            f"{long}\n5．全面落实相关责任制度要求\n二、保障措施\n各部门要密切配合。\n")
    assert [m for _l, m, _t in _shape(parse_outline(text))] == ["一、", "1．", "2．", "二、"]


# --- K6: an annex ends the document's lists ---------------------------------------------------------
# baogao_guangdong_2026 (+ its PDF copy): "附件2" then "名词解释" then a 1.…6. glossary, after 附件1's
# 一、…十、; sh_wanjiaoju_tongzhi_2018 has the same "附件" line before its plan.

def test_a_list_after_an_annex_line_is_not_a_child_of_the_annex_before():
    for sep in ("\n\n", "\n"):  # a markdown copy sets the lines apart, a PDF copy does not
        text = sep.join([
            "附件1", "2026年省十件民生实事", "一、提高低保和重点群体救助保障水平。农村低保标准提高到80%以上。",
            "二、加快建立长期护理保险制度。为重度失能人员提供基本生活照料。",
            "附件2", "名词解释", "1.“四上”企业：对达到一定规模的法人单位的一种习惯称谓。",
            "2.“双高计划”：中国特色高水平高职学校和专业建设计划的简称。"]) + "\n"
        outline = parse_outline(text)
        assert [(lvl, m) for lvl, m, _t in _shape(outline)] == [(1, "一、"), (1, "二、"), (1, "1."), (1, "2.")], sep
        _check_invariants(text, outline)
