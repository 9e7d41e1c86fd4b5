"""Failure categories fixed in round 19 (issue #18: levels first, then recall, then titles), one test or more
per category, on short hand-made texts shaped like the real documents that showed them
(tests/data/outline_corpus, tests/data/suggest_gold/probes).  Each test but the guards fails on the parser
before the round-19 change it names; the guards pin what must not change with it."""

from __future__ import annotations

from annotator.structure.outline import parse_outline

from tests.unit.test_outline import _check_invariants, stripped_shape as _shape


# --- A: an address to the audience ends the run-in items before it ----------------------------------------
# baogao_shaanxi_2026 (fresh16: "（六）防范化解风险…。…" then "各位代表！…五年来…一是…五是…"), the zhejiang 2026
# report probe of the suggestion gold (the same shape after its （十）), speech_hongse_ziyuan_2021_oneline (fresh12:
# five run-in 第N， points, then "同志们！…一是要…四是要…" on one flattened line).

_REPORT = (
    "一、2025年工作回顾\n"
    "过去一年，我们坚持稳中求进工作总基调，全年经济运行总体平稳。\n"
    "（一）聚焦扩大内需，确保经济平稳运行。紧抓政策机遇，用好新型政策性金融工具，投资增长较快。\n"
    "（二）强化科技创新，建设现代化产业体系。技术合同成交额增长较快，新增高新技术企业多家。\n"
    "（三）防范化解风险，维护社会和谐稳定。稳妥化解地方政府债务，刑事、治安案件分别下降。\n"
    "民族、宗教、侨务等工作取得新成绩。\n"
    "各位代表！五年来，我们牢记嘱托、感恩奋进，各项事业取得重大成就。一是综合实力再上台阶。地区生产总值"
    "年均增长较快。二是创新引领成势见效。研发投入强度持续提高。三是民生福祉持续改善。城乡居民收入稳步增长。\n"
    "二、2026年重点工作\n"
    "今年要着力抓好以下工作。\n"
    "（一）着力扩大有效需求\n"
    "要深入实施扩大内需战略，推动消费和投资协同发力。\n"
    "（二）提升创新体系效能\n"
    "要加快建设科技创新高地，推动产业链和创新链深度融合。\n"
)


def test_an_address_to_the_audience_closes_the_run_in_items_before_it():
    outline = parse_outline(_REPORT)
    _check_invariants(_REPORT, outline)
    assert [(level, marker) for level, marker, _t in _shape(outline)] == [
        (1, "一、"), (2, "（一）"), (2, "（二）"), (2, "（三）"),
        (2, "一是"), (2, "二是"), (2, "三是"),  # the review's second list, under 一、 — not under （三）
        (1, "二、"), (2, "（一）"), (2, "（二）"),
    ]


def test_an_address_closes_inline_points_on_a_flattened_page():
    text = ("第一，教育引导全党始终坚持科学理论指导。理论是行动的先导，思想是前进的旗帜。"
            "第二，教育引导全党始终坚持理想信念。理想信念是共产党人的精神之钙。"
            "第三，教育引导全党始终坚持推进自我革命。勇于自我革命是我们党最鲜明的品格。"
            "这是在革命旧址考察。 新华社记者 某某/摄同志们！红色资源是最宝贵的精神财富，一定要保护好、管理好、运用好。"
            "一是要加强科学保护。红色资源是不可再生的珍贵资源。二是要开展系统研究。要深入研究红色资源的历史价值。"
            "三是要强化教育功能。要用好红色资源开展党史学习教育。") * 1
    outline = parse_outline(text)
    _check_invariants(text, outline)
    assert [(level, marker) for level, marker, _t in _shape(outline)] == [
        (1, "第一，"), (1, "第二，"), (1, "第三，"), (1, "一是"), (1, "二是"), (1, "三是"),
    ]


def test_guard_an_address_does_not_close_a_part_or_a_run_that_goes_on():
    # A part's title stands alone on its line: the address opens a movement inside the part (baogao_guangdong_2026,
    # baogao_liaoning_2026: "一、2025年和“十四五”工作回顾" … "各位代表！…五年来…一是…").  And an item whose run goes on after
    # the address ("（二）…各位代表！…（三）…") still holds the list in between.
    text = ("一、2025年工作回顾\n"
            "过去一年，全省经济运行稳中有进，发展质量持续提升。\n"
            "各位代表！五年来，我们经受住了各种风险挑战的考验。一是经济实力跃上新台阶。二是改革开放取得新突破。\n"
            "二、2026年重点工作\n"
            "（一）扩大有效需求。要推动消费和投资协同发力，持续扩大内需。\n"
            "（二）建设现代化产业体系。要推动传统产业转型升级。\n"
            "各位代表！发展实体经济是立省之本。要下大力气培育新兴产业。一是壮大集成电路产业。二是发展生物医药产业。\n"
            "（三）深化改革开放。要持续优化营商环境。\n")
    outline = parse_outline(text)
    _check_invariants(text, outline)
    assert [(level, marker) for level, marker, _t in _shape(outline)] == [
        (1, "一、"), (2, "一是"), (2, "二是"),
        (1, "二、"), (2, "（一）"), (2, "（二）"), (3, "一是"), (3, "二是"), (2, "（三）"),
    ]


def test_guard_an_address_inside_a_run_in_items_paragraph_keeps_the_list_in_the_item():
    # The speaker turns to the audience inside the last item's own paragraph: the list that follows is still the item's.
    text = ("一、加强作风建设\n"
            "（一）坚持严的基调。要把严的要求贯穿始终，持续纠治形式主义、官僚主义。\n"
            "（二）锤炼过硬作风。作风建设永远在路上。同志们！作风问题关系人心向背。一是要带头转变作风。二是要带头狠抓落实。\n"
            "二、强化组织保障\n要加强组织领导，压实工作责任。\n")
    outline = parse_outline(text)
    _check_invariants(text, outline)
    assert [(level, marker) for level, marker, _t in _shape(outline)] == [
        (1, "一、"), (2, "（一）"), (2, "（二）"), (3, "一是"), (3, "二是"), (1, "二、")]


# --- B: a line-only family on a page flattened onto one line ----------------------------------------------
# mao_005_cuozhengsixiang_oneline (dev: "…其表现如下：甲　少数不服从多数。…乙　非组织的批评：（一）…"), mao_md_018_fangzhen_oneline
# (fresh2: its "一　两种方针" parts, found already, now as sure as a marker after a sentence end and a space).

_BODY = "上级机关要明了下级机关的情况和群众生活的情况，成为正确指导的客观基础。"


def test_a_line_only_marker_after_a_colon_of_a_flattened_page_opens_its_paragraph():
    text = ("（一）从理论上铲除极端民主化的根苗。" + _BODY * 2 + "（二）在组织上，厉行集中指导下的民主生活。其方法是：1 党的领导机关要有"
            "正确的指导路线。" + _BODY + "2 上级机关要明了下级机关的情况。" + _BODY + "3 党的各级机关解决问题，不要太随便。" + _BODY
            + "关于非组织观点四军党内存在着的非组织的观点，其表现如下：甲\u3000少数不服从多数。" + _BODY + "纠正的方法：（一）开会时要使到会的人"
            "尽量发表意见。" + _BODY + "（二）党的纪律之一是少数服从多数。" + _BODY + "乙\u3000非组织的批评：（一）党内批评是坚强党的组织的武器。"
            + _BODY + "（二）许多党员不在党内批评而在党外去批评。" + _BODY)
    assert "\n" not in text and len(text) > 400
    outline = parse_outline(text)
    _check_invariants(text, outline)
    assert [(level, marker) for level, marker, _t in _shape(outline)] == [
        (1, "（一）"), (1, "（二）"), (2, "1"), (2, "2"), (2, "3"),
        (1, "甲"), (2, "（一）"), (2, "（二）"), (1, "乙"), (2, "（一）"), (2, "（二）"),
    ]


# --- C: an item number glued to the last figure of a flattened table -------------------------------------------
# sh_xueqian_jihua_2011_oneline (fresh14: "…占常住人口比例(%)33.4139.4939.541.9643.942.742．师资队伍数量有缺口…", 1．…4． all
# lost: the glued 2． was read as 742．, and 1．, 3．, 4． then made no list).

def test_an_item_number_glued_to_a_table_figure_continues_its_list():
    text = ("（二）学前教育面临的新挑战1．全市面临新一轮人口出生高峰受本市第三次人口出生高峰的影响，全市出生人口持续增加。"
            "表1 常住人口出生情况年份200820092010常住人口出生数12.3913.6414.24其中：本市户籍人口8.258.1210.08占常住人口比例(%)"
            "66.5960.5160.5其中：外来常住人口4.175.326.58占常住人口比例(%)33.4139.4939.542.742．师资队伍数量有缺口，优秀专业教师"
            "需求矛盾突出根据幼儿园的生师比要求预测，未来三年约需新增专任教师八千名。3．园舍建设任务重为应对未来三年的入园高峰，"
            "需要新增园舍面积九十万平方米。4．内涵建设要求更高人民群众对学前教育的多样化需求日益强烈，对保教质量的要求不断提高。"
            "要扩大优质资源覆盖面，加强保教研究，积极推进幼儿园课程改革，提升每一园所的保教质量和办园水平，缩小城郊、园际差异。" * 2)
    assert "\n" not in text and len(text) > 400
    outline = parse_outline(text)
    _check_invariants(text, outline)
    assert [(level, marker) for level, marker, _t in _shape(outline)] == [
        (1, "（二）"), (2, "1．"), (2, "2．"), (2, "3．"), (2, "4．")]


def test_guard_figures_glued_to_a_number_that_does_not_continue_the_list_stay_figures():
    text = ("1．全市面临新一轮人口出生高峰受本市第三次人口出生高峰的影响，全市出生人口持续增加。" * 3
            + "占常住人口比例(%)33.4139.4939.542.795．师资队伍数量有缺口，需求矛盾突出。" * 4)
    assert [s.marker for s in parse_outline(text)] == []


# --- D: a portal's chrome one element a line, around the speech's own first lines --------------------------------
# baogao_chongqing/hebei/liaoning/shanxi_2026 (fresh16: 【字号： 加大 还原 减小 】 a line each, then the title, the occasion line
# and the page's 来源/时间 lines), baogao_yunnan_2026 (【字体： 大 中 小 】), baogao_shaanxi_2026 (分享: lines around a breadcrumb
# and the title and occasion shown twice).  The title and the occasion line stay: they are the report's, not the page's.

_PORTAL = ("下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年某某省政府工作报告\n"
           "——2026年1月28日在某某省第十四届人民代表大会第四次会议上\n来源：某某日报\n时间：2026-02-03\n"
           "某某省人民政府省长 某某\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议，并请省政协委员提出意见。\n"
           "一、2025年工作回顾\n刚刚过去的一年，我们坚持稳中求进工作总基调，全省经济运行总体平稳、稳中有进。\n")


def test_a_font_size_switch_one_element_a_line_goes_and_the_reports_first_lines_stay():
    from annotator.structure.clean import clean

    result = clean(_PORTAL)
    assert result.text.startswith("2026年某某省政府工作报告\n——2026年1月28日在某某省第十四届人民代表大会第四次会议上\n某某省人民政府省长 某某\n各位代表：")
    for chrome in ("字号", "加大", "还原", "减小", "】", "来源", "时间"):
        assert chrome not in result.text
    assert result.title == "2026年某某省政府工作报告"
    assert clean(result.text).text == result.text  # idempotent
    assert [s.marker for s in parse_outline(result.text)] == ["一、"]


def test_a_share_label_and_a_breadcrumb_a_line_each_go_and_the_copy_nearest_the_speech_stays():
    from annotator.structure.clean import clean

    text = ("分享:\n某某省2026年政府工作报告\n2026年1月27日在某某省第十四届人民代表大会第四次会议上 某某省省长 某某\n首页\n>\n政府信息公开\n>\n"
            "政府工作报告\n某某省2026年政府工作报告\n2026年1月27日在某某省第十四届人民代表大会第四次会议上 某某省省长 某某\n某某省人民政府\n"
            "分享:\n省长某某作政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议，并请省政协委员提出意见。\n一、2025年工作回顾\n"
            "刚刚过去的一年，我们坚持稳中求进工作总基调，全省经济运行总体平稳、稳中有进。\n")
    result = clean(text)
    assert result.text.startswith("某某省2026年政府工作报告\n2026年1月27日在某某省第十四届人民代表大会第四次会议上 某某省省长 某某\n"
                                  "省长某某作政府工作报告\n各位代表：")
    assert "分享" not in result.text and "首页" not in result.text and "政府信息公开" not in result.text
    assert clean(result.text).text == result.text


# --- Properties: nesting and determinism over random documents made of these shapes ------------------------------

_PIECES = ("一、总体要求\n", "（一）加强领导。要压实责任，确保落实。", "（二）强化保障。", "各位代表！", "同志们！", "共青团员们、同志们！",
           "一是综合实力再上台阶。", "二是创新引领成势见效。", "三是民生福祉持续改善。", "第一，坚持科学理论指导。", "第二，坚持理想信念。",
           "甲\u3000少数不服从多数。", "乙\u3000非组织的批评：", "1．全市面临人口高峰", "42.742．师资队伍有缺口", "3．园舍建设任务重",
           "二、重点工作\n", "\n", "。", " 新华社记者 某某/摄", "要深入实施扩大内需战略，推动消费和投资协同发力。" * 3)


def test_random_documents_of_these_shapes_nest_properly_and_parse_the_same_twice():
    import random

    rng = random.Random(20261130)
    for _ in range(200):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40)))
        if rng.random() < 0.5:
            text = text.replace("\n", "")  # the flattened twin
        first = parse_outline(text)
        _check_invariants(text, first)
        assert parse_outline(text) == first


# --- E: a run-on title whose body opens with a plan period ------------------------------------------------------
# plan_zhongyiyao_2022_oneline (fresh: "一、规划背景“十三五”期间，中医药发展…"), sh_xueqian_jihua_2011_oneline (fresh14: "一、发展现状
# “十一五”期间，…"): on a page flattened without spaces the title runs straight into a body that opens with the period.

def test_a_title_stops_before_a_quoted_plan_period_opening_its_body():
    text = ("为贯彻落实党中央、国务院决策部署，制定本规划。一、规划背景“十三五”期间，中医药发展顶层设计加快完善，政策环境持续优化，"
            "支持力度不断加大。中医药服务体系进一步健全，截至2020年底，全国中医医院达到五千余家，每千人口公立中医类医院床位数持续增加。"
            "同时，中医药发展不平衡不充分问题仍然突出，符合中医药特点的政策体系需进一步健全。二、总体要求（一）指导思想。以新时代中国特色社会"
            "主义思想为指导，坚持中西医并重，传承精华、守正创新，推动中医药高质量发展和走向世界。（二）基本原则。坚持以人民为中心，坚持遵循"
            "发展规律，坚持深化改革创新，坚持统筹协调推进，不断满足人民群众多样化健康需求。（三）发展目标。到2025年，中医药健康服务能力明显"
            "增强，中医药高质量发展政策和体系进一步完善，中医药振兴发展取得积极成效。" + "中医药服务体系更加健全，人才队伍不断壮大。" * 4)
    assert "\n" not in text and len(text) > 400  # a page flattened onto one line
    outline = parse_outline(text)
    _check_invariants(text, outline)
    assert [(s.marker, s.title) for s in outline][0] == ("一、", "规划背景")


def test_guard_a_title_that_names_a_plan_period_keeps_it():
    text = "一、“十四五”时期工作回顾\n过去五年，我们坚持稳中求进。\n二、“十五五”时期主要目标\n今后五年要推动高质量发展。\n"
    assert [s.title for s in parse_outline(text)] == ["“十四五”时期工作回顾", "“十五五”时期主要目标"]
