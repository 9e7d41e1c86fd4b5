"""Failure categories fixed in round 27 (issue #18: fresh20's errors, each class justified by more than the one
document, named at its test), on short hand-made texts shaped like the real documents.  Each test but the
guards fails on the parser before the round-27 change it names; the guards pin what must not change."""

from __future__ import annotations

from annotator.structure.outline import parse_outline

from tests.unit.test_outline import _check_invariants


def _shape(outline):
    return [(s.level, s.marker.strip(), s.title) for s in outline]


# --- 1: decimal numbering closed by 、 ("1.1、", "2.2.1、") ---------------------------------------------------------
# xieyi_thbtc_fuwu_pdfwrap (fresh20): 一、 / 1.1、 / 2.2.1、, 73 of 82 headings missed.  The same shape is common
# in public Chinese writing at a line start: technical notes ("2.1、从节点过滤："), markdown ("#### 2.1、插入语句"),
# numbered comments ("2.1、这个事件触发时…").  The grammar knew "1.1 " and "1.1用户" only.

def test_decimal_numbers_closed_by_dun_are_headings_at_three_levels():
    text = ("一、总则\n1.1、用户在使用服务前，应当仔细阅读本协议。\n1.2、 本协议的所有权归本公司所有。\n"
            "二、用户义务\n2.1、用户应为具有完全民事行为能力的人。\n2.2、用户应当自行配备下列设备：\n"
            "2.2.1、自行配备上网的所需设备；\n2.2.2、自行负担上网所支付的费用。\n2.3、用户应妥善保管账号。\n")
    outline = parse_outline(text)
    assert [(lvl, m) for lvl, m, _t in _shape(outline)] == [
        (1, "一、"), (2, "1.1、"), (2, "1.2、"), (1, "二、"), (2, "2.1、"), (2, "2.2、"), (3, "2.2.1、"),
        (3, "2.2.2、"), (2, "2.3、")]
    _check_invariants(text, outline)


def test_guard_decimal_with_dun_inside_a_sentence_or_before_a_unit_stays_text():
    text = ("一、工作目标\n全年增长3.5、4.2和5.1个百分点，框架使用 Vitest 4.1、esbuild 两项。\n"
            "二、保障措施\n3.5、亿元以上项目要加强调度。\n")
    outline = parse_outline(text)
    assert [m for _l, m, _t in _shape(outline)] == ["一、", "二、"]


# --- 1b: a numbered line citing a web address in brackets is not footer chrome ----------------------------------
# The same document's "1.2、 土豪时代网（http://thbtc.com）所提供的各项服务…" (a PDF line wrapped at a fixed width, so
# no 。 at its end) was cut as a site-address line.  A URL in brackets followed straight by prose is cited by the
# text (notices write "登录国家政务服务平台（www.gov.cn）进行申报"); address lines of a page footer stay removed.

def test_a_url_cited_in_brackets_inside_a_wrapped_sentence_is_kept():
    from annotator.structure.clean import clean

    body = "".join(f"{n}、本协议第{n}项内容适用于全体用户，用户应当仔细阅读并遵守本协议。\n" for n in range(1, 4))
    wrapped = "4、 本网站（http://www.example.com）所提供的各项服务的所有权和运作权均归\n本公司所有。\n"
    footer = "网址：http://www.example.com 备案号：京ICP备12345678号\n"
    result = clean(body + wrapped + footer)
    assert "（http://www.example.com）所提供的各项服务" in result.text
    assert "备案号" not in result.text


# --- 2: the numbered rows of a data table read one cell a line are not sections ---------------------------------
# guihua_xinxihua_2016_cms (fresh20): a Word/CMS page puts each <td> in a <p> of its own, so the reader gives one
# cell a line and the indicator table's "1.信息化发展指数 / >79 / — / 72.45 / —" … "17." read as 17 sections.
# The shape (a numbered line, then lines holding only a figure) is that of any indicator table of a 规划 or
# 统计公报 flattened so; the 13 HTML documents of the corpus with tables (scoring rules among them) do not change.

def test_numbered_rows_of_a_flattened_indicator_table_are_not_headings():
    text = ("一、发展现状\n（一）发展成就\n我国信息化取得显著进步。\n“十二五”发展基本情况\n指标\n规划目标\n实现情况\n"
            "1.信息化发展指数\n>79\n—\n72.45\n—\n2.集成电路芯片规模生产工艺（纳米）\n3.信息产业收入规模（万亿元）\n"
            "16\n10\n17.1\n13\n4.网民数量（亿）\n8.5\n13.2\n6.88\n8.5\n"
            "（二）发展形势\n全球信息化进入新阶段。\n")
    outline = parse_outline(text)
    assert [m for _l, m, _t in _shape(outline)] == ["一、", "（一）", "（二）"]
    _check_invariants(text, outline)


def test_guard_scored_items_and_sections_with_figures_in_prose_stay():
    scoring = ("一、组织领导（20分）\n1．成立领导小组\n8\n未成立的不得分。\n2．制定工作方案\n6\n未制定的扣3分。\n"
               "3．召开专题会议\n6\n每少一次扣2分。\n")
    outline = parse_outline(scoring)
    assert [m for _l, m, _t in _shape(outline)] == ["一、", "1．", "2．", "3．"]
    prose = "1．主要指标\n全年增长6.5%。\n2．重点任务\n完成投资120亿元。\n"
    assert [m for _l, m, _t in _shape(parse_outline(prose))] == ["1．", "2．"]
