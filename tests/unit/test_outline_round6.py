"""Failure categories fixed in session 5 (the fresh7 group's first score), one test or more per category,
on short hand-made texts shaped like the real documents that showed them (tests/data/outline_corpus)."""

from __future__ import annotations

from annotator.structure.clean import clean
from annotator.structure.outline import parse_outline

from tests.unit.test_outline import _check_invariants, stripped_shape as _shape


# --- markdown with raw HTML: <b>第一条</b>&emsp;, ## 第一章&emsp;总则{align="center"} -------------------
# (reg_gd_zhifa_gongshi, reg_paiwu_xuke, jieshi_xingzheng_zhengju: three law-collection pages)

RAW_HTML_MD = (
    '## 第一章&emsp;总则{align="center"}\n\n'
    '<p id="t1">&emsp;&emsp;<b>第一条</b>&emsp;为了规范行政执法公示行为，制定本办法。</p>\n'
    '<p id="t2">&emsp;&emsp;<b>第二条</b>&emsp;本办法适用于本省。<br>\n'
    '&emsp;&emsp;（一）主体信息：执法主体名称等。<br>\n'
    '&emsp;&emsp;（二）职责信息：单位职能等。</p>\n\n'
    '## 第二章&emsp;附则{align="center"}\n\n'
    '<p id="t9">&emsp;&emsp;<b>第九条</b>&emsp;本办法自发布之日起施行。</p>\n'
)


def test_the_cleaner_takes_inline_html_out_of_markdown():
    result = clean(RAW_HTML_MD)
    assert "<" not in result.text and "&emsp;" not in result.text and "{align" not in result.text
    assert "第一条为了规范行政执法公示行为" in result.text
    assert {r.reason for r in result.removed} >= {"markdown:html"}


def test_the_cleaner_keeps_text_that_only_looks_like_markup():
    text = "我们读了<<论持久战>>和《矛盾论》，a<b 且 A&amp;B 不变。\n第二段说{重要}的事。\n"
    assert clean(text).text.rstrip("\n") == text.rstrip("\n")


def test_articles_run_straight_into_their_words_once_the_markup_is_gone():
    text = clean(RAW_HTML_MD).text
    outline = parse_outline(text)
    assert _shape(outline) == [
        (1, "第一章", "总则"), (2, "第一条", "为了规范行政执法公示行为，制定本办法"),
        (2, "第二条", "本办法适用于本省"), (3, "（一）", "主体信息"), (3, "（二）", "职责信息"),
        (1, "第二章", "附则"), (2, "第九条", "本办法自发布之日起施行"),  # 第二条 → 第九条: an excerpt
    ]
    _check_invariants(text, outline)


def test_an_article_opening_a_paragraph_is_still_cited_when_its_words_say_so():
    text = ("第一章 总则\n第一条 为了加强管理，制定本条例。\n第二条 本条例适用于本省。\n"
            "第十五条规定的情形，依照本条例处理。\n第八条至第十条的规定，同样适用。\n第三条 本条例自公布之日起施行。\n")
    markers = [s.marker.strip() for s in parse_outline(text)]
    assert markers == ["第一章", "第一条", "第二条", "第三条"]


# --- em spaces (a rendered &emsp;) separate a marker from its title (reg_gd_zhifa_gongshi_oneline,
# jieshi_xingzheng_zhengju_pdfwrap) --------------------------------------------------------------------

def test_an_em_space_separates_like_an_ideographic_space():
    text = ("第一章\u2003总则\n第一条\u2003为了规范行政执法公示行为，制定本办法。\n第二条\u2003本办法适用于本省。\n"
            "第八条\u2003行政执法事前环节应当公开下列信息：\n（一）主体信息：名称等。\n（二）职责信息：职能等。\n")
    outline = parse_outline(text)
    assert [(lvl, m) for lvl, m, _t in _shape(outline)] == [
        (1, "第一章"), (2, "第一条"), (2, "第二条"), (2, "第八条"), (3, "（一）"), (3, "（二）")]
    assert outline[0].title == "总则" and outline[3].title == "行政执法事前环节应当公开下列信息"
    assert outline[1].title == "为了规范行政执法公示行为，制定本办法"
    assert outline[1].marker == "第一条"  # the marker and the title are cut from the text as it was
    _check_invariants(text, outline)
    spaced = "一\u2003总则\n说明一些事情，写得很长很长很长很长很长很长很长很长。\n二\u2003附则\n说明另一些事情，写得很长很长很长很长很长很长。\n"
    outline = parse_outline(spaced)
    assert [s.marker for s in outline] == ["一\u2003", "二\u2003"]
    _check_invariants(spaced, outline)


# --- a tab ends a title: table cells and table-of-contents page numbers (rules_hezhang_kaohe,
# toc_xinguan_fangkong) ---------------------------------------------------------------------------------

def test_a_tab_ends_a_title_in_a_table_of_contents():
    text = ("目录\n\t一、总体要求\t\t\t2\n\t二、病原学和流行病学特征\t2\n\t三、疫情处置\t\t\t8\n"
            "\t\t（一）传染源控制。\t8\n\t\t（二）流调与风险区域（人员）划定管控。\t9\n\t四、组织保障\t\t22\n")
    outline = parse_outline(text)
    assert _shape(outline) == [
        (1, "一、", "总体要求"), (1, "二、", "病原学和流行病学特征"), (1, "三、", "疫情处置"),
        (2, "（一）", "传染源控制"), (2, "（二）", "流调与风险区域（人员）划定管控"), (1, "四、", "组织保障")]
    _check_invariants(text, outline)


def test_a_tab_ends_a_title_in_a_table_row():
    text = "考核细则\n一、\t巩固成果，提升河长制工作实效\t31\n内容\t县河长办\n二、\t加强宣传舆论、信息报送工作\t7\n内容\n"
    titles = [s.title for s in parse_outline(text)]
    assert titles == ["巩固成果，提升河长制工作实效", "加强宣传舆论、信息报送工作"]


# --- decimal sub-headings: 4.1 … under 四、, restarting under each part (blog_superpowers_md,
# blog_nixiang_anquan_md) -------------------------------------------------------------------------------

DECIMAL_MD = (
    "## 六、加壳与脱壳\n\n### 6.1 UPX（Ultimate Packer）\n\n脱壳标志：入口点。\n\n### 6.2 VMProtect\n\n"
    "- 每次加壳变异的随机指令集\n\n## 七、密码学应用\n\n### 7.1 TLS 1.3 握手（简化版）\n\n核心改进：握手更快。\n\n"
    "### 7.2 数字签名\n\n签名算法如下。\n\n7.2.1 RSA-PSS\n\n概率签名方案。\n\n7.2.2 ECDSA\n\n基于椭圆曲线。\n"
)


def test_decimal_sub_headings_nest_under_their_part_and_restart():
    outline = parse_outline(DECIMAL_MD)
    assert _shape(outline) == [
        (1, "六、", "加壳与脱壳"), (2, "6.1", "UPX（Ultimate Packer）"), (2, "6.2", "VMProtect"),
        (1, "七、", "密码学应用"), (2, "7.1", "TLS 1.3 握手（简化版）"), (2, "7.2", "数字签名"),
        (3, "7.2.1", "RSA-PSS"), (3, "7.2.2", "ECDSA")]
    _check_invariants(DECIMAL_MD, outline)


def test_an_amount_or_a_version_opening_a_line_is_no_decimal_heading():
    text = "一、投资情况\n3.5亿元投资已经到位，2.5 万人受益。\n1.2.3版本已经发布。\n二、下一步工作\n继续推进。\n"
    assert [s.marker for s in parse_outline(text)] == ["一、", "二、"]


def test_a_markdown_heading_is_a_boundary_whatever_the_list_before_it_ended_with():
    # An excerpt opening at 六、: its run is provisional (its first items are not in sight) and each member
    # must stand where a page-chunk number could not; "## " says so even after "- …" without a stop.
    text = ("## 六、加壳\n\n正文一段。\n\n- 列表项没有句号\n\n## 七、密码学\n\n正文。\n\n- 又一个列表项\n\n## 八、对称加密\n\n正文。\n")
    assert [s.marker for s in parse_outline(text)] == ["六、", "七、", "八、"]


# --- PDF-wrapped titles: a page wrapped at its own width, a line ending on a comma (jieshi_xingzheng_zhengju
# _pdfwrap, mao_md_054_lunzhengce_pdfwrap, rules_hezhang_kaohe) -----------------------------------------

def _wrapped(paragraphs, width):
    lines = []
    for p in paragraphs:
        lines += [p[i:i + width] for i in range(0, len(p), width)]
    return "\n".join(lines) + "\n"


def test_a_title_wrapped_at_the_page_width_goes_on_to_its_sentence_end():
    paragraphs = [
        "第十条 当事人向人民法院提供书证的，应当符合下列要求，这些要求在实践中一再被强调而且必须遵守：",
        "（一）提供书证的原件，原本、正本和副本均属于书证的原件。提供原件确有困难的，可以提供复印件；",
        "（二）提供由有关部门保管的书证原件的复制件、影印件或者抄录件的，应当注明出处，经核对无异后盖章；",
        "（三）提供报表、图纸、会计帐册、专业技术资料、科技文献等书证的，应当附有说明材料并且写明来源；",
        "第十一条 当事人向人民法院提供物证的，应当符合下列要求，这些要求在实践中同样一再被强调而且必须遵守：",
        "（一）提供原物。提供原物确有困难的，可以提供与原物核对无误的复制件或者证明该物证的照片、录像；",
        "（二）原物为数量较多的种类物的，提供其中的一部分，并说明其余部分的数量、存放地点和保管情况。",
    ]
    paragraphs.append("（三）原物是视听资料的，应当附有该视听资料内容的文字记录，并且注明制作方法、制作时间和制作人。")
    text = _wrapped(paragraphs, 30)
    titles = [s.title.replace("\n", "") for s in parse_outline(text)]
    assert titles[2] == "提供由有关部门保管的书证原件的复制件、影印件或者抄录件的，应当注明出处，经核对无异后盖章"
    assert titles[3] == "提供报表、图纸、会计帐册、专业技术资料、科技文献等书证的，应当附有说明材料并且写明来源"
    assert titles[6] == "原物为数量较多的种类物的，提供其中的一部分，并说明其余部分的数量、存放地点和保管情况"


def test_short_unpunctuated_lines_of_a_page_that_is_not_wrapped_still_end_their_titles():
    text = "一、总体要求\n坚持稳中求进，统筹发展和安全。\n二、主要任务\n加快建设现代化产业体系。\n三、保障措施\n加强组织领导。\n"
    assert [s.title for s in parse_outline(text)] == ["总体要求", "主要任务", "保障措施"]


def test_a_cell_line_ending_on_a_comma_goes_on_into_the_next_line():
    text = ("五、\t加强宣传舆论、信息报送工作\t7\n1.每个乡镇省级用稿1篇，市级用稿2篇，得5分\n，多投稿一篇按比例加分。\n"
            "2.被省、市明查暗访组查实工作落实不到位点名批评或曝光的，\n分别扣20、10分。\n")
    titles = [s.title.replace("\n", "") for s in parse_outline(text)]
    assert titles[-1] == "被省、市明查暗访组查实工作落实不到位点名批评或曝光的，分别扣20、10分"


# --- a part run that goes on holds the higher-ranked headings between its members (jieshi_xingzheng_zhengju
# and its PDF copy: 一、 parts over 第N条 articles; mao_md_038_xingshi: a run held across a 第一，list) ------

JUDICIAL = (
    "为准确认定案件事实，制定本规定。\n"
    "一、举证责任分配和举证期限\n第一条 被告对作出的具体行政行为负有举证责任。\n"
    "第二条 原告可以提供证据。\n（一）被告应当依职权主动履行法定职责的；\n（二）原告不能提供相关证据材料的。\n"
    "二、提供证据的要求\n第十条 当事人向人民法院提供书证的，应当符合下列要求：\n（一）提供书证的原件；\n（二）注明出处。\n"
    "三、调取和保全证据\n第二十二条 人民法院有权调取证据。\n"
)


def test_parts_numbered_on_hold_the_articles_between_them():
    outline = parse_outline(JUDICIAL)
    assert [(lvl, m) for lvl, m, _t in _shape(outline)] == [
        (1, "一、"), (2, "第一条"), (2, "第二条"), (3, "（一）"), (3, "（二）"),
        (1, "二、"), (2, "第十条"), (3, "（一）"), (3, "（二）"), (1, "三、"), (2, "第二十二条")]
    _check_invariants(JUDICIAL, outline)


def test_a_list_inside_an_article_is_still_closed_by_the_next_article():
    text = ("第一章 总则\n第五条 有下列情形之一的，不予受理：\n一、超过期限的；\n二、材料不全的。\n"
            "第六条 申请人可以补正：\n一、当场补正；\n二、限期补正。\n第七条 本条例自公布之日起施行。\n")
    shape = [(lvl, m) for lvl, m, _t in _shape(parse_outline(text))]
    assert shape == [(1, "第一章"), (2, "第五条"), (3, "一、"), (3, "二、"), (2, "第六条"), (3, "一、"), (3, "二、"),
                     (2, "第七条")]
