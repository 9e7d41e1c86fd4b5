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
