"""Failure categories fixed in session 7 (the fresh9 group's first score), one test or more per category,
on short hand-made texts shaped like the real documents that showed them (tests/data/outline_corpus)."""

from __future__ import annotations

from annotator.structure.clean import clean
from annotator.structure.markers import scan
from annotator.structure.outline import parse_outline

from tests.unit.test_outline import _check_invariants, stripped_shape as _shape


# --- a notice extracted from a PDF onto one line, paragraphs set off by two spaces: an OCR-lost closing
# quote (“补偿成本、适当获利*的原则) hid every marker after it (notice_hubei_shuju_oneline) ------------------

_FILL = "各地区要结合本地工作基础，认真组织实施，确保各项任务落到实处。"
PDF_LINE = (
    "现就相关工作通知如下。  一、试点目标  " + _FILL + "  二、工作任务  " + _FILL
    + "  (一) 试点任务。  1.建立数据资源体系。" + _FILL
    + "  2.探索数据定价机制。鼓励以“补偿成本、适当获利*的原则将使用费纳入管理。" + _FILL
    + "  3.开展数据流通交易。" + _FILL + "  (二) 试点领域。" + _FILL
    + "  三、有关要求  " + _FILL + "附件: 申报表  口数据资源体系 ”口数据融合开发"
)


def test_an_unclosed_quote_on_a_flattened_page_ends_at_the_next_paragraph_break():
    outline = parse_outline(PDF_LINE)
    _check_invariants(PDF_LINE, outline)
    assert [(level, marker) for level, marker, _t in _shape(outline)] == [
        (1, "一、"), (1, "二、"), (2, "(一)"), (3, "1."), (3, "2."), (3, "3."), (2, "(二)"), (1, "三、")]


def test_a_quotation_closed_in_its_paragraph_still_hides_the_list_it_cites():
    text = ("一、总体要求\n" + _FILL + "\n二、主要任务\n条例规定：“有下列情形之一的，不予批准：(一)不符合总量控制；"
            "(二)不符合用水定额。”" + _FILL + "\n三、保障措施\n" + _FILL + "\n")
    assert [s.marker for s in parse_outline(text)] == ["一、", "二、", "三、"]


# --- PDF-extracted text sets a space before half-width punctuation: "(二 )", "1 ." --------------------------

def test_a_space_before_the_closing_paren_or_the_dot_keeps_the_marker():
    families = {c.marker: c.family for c in scan("。  (二 ) 试点领域。  1 .建立数据资源体系。  6 .推进入表。")}
    assert families == {"(二 )": "cn-paren", "1 .": "digit-dot", "6 .": "digit-dot"}
    assert not [c for c in scan("增长了 3 . 5个百分点，达到 12 .") if c.family == "digit-dot"]


# --- typed lines with hard wraps and periods lost: the cleaner took "1.…3." items restarting under each
# 一、 part for download-site page-chunk numbers (notice_youeryuan_zhili) ---------------------------------

TYPED = (
    " 一、总体要求：\n"
    " 以习近平新时代中国特色社会主义思想为指导，着力构建以普惠性资源为主体的学前教育公共服务体系。\n"
    " 二、工作任务：\n"
    " 1.城镇小区严格依标配建幼儿园，严格遵循有关规划法和居住区规划设计标准，\n"
    " 老城区棚户区改造新城开发和居住区建设应将配套建设幼儿园纳入公共服务设施建设规划，在整改到位之前不得办理竣工验收.\n"
    " 2.确保小区配套幼儿园如期移交\n"
    " 已建成的小区配套幼儿园应按照规定及时移交当地教育行政部门，对已挪作他用的要采取有效措施予以收回\n"
    " 3.规范小区配套幼儿园使用\n"
    " 小区配套幼儿园移交当地教育行政部门后，应当由教育行政部门办成公办园或委托办成普惠性民办园\n"
    " 三、工作措施\n"
    " 1.摸底排查\n"
    " 各地以县市区为单位，对城镇小区配套幼儿园情况进行全面摸底排查，分别列出清单建立台账\n"
    " 2.全面整改\n"
    " 针对摸底排查出的问题，从实际出发，认真制定有针对性的整改措施，原则上于年底前完成\n"
    " 3.监督评估\n"
    " 对各地自查摸排整改等环节加强督导监督和评估，并针对关键环节适时进行抽查\n"
)


def test_numbered_title_lines_are_the_documents_list_not_page_chunks():
    result = clean(TYPED)
    assert not [r for r in result.removed if r.reason.startswith("page-chunk")]
    outline = parse_outline(result.text)
    _check_invariants(result.text, outline)
    assert [(level, marker) for level, marker, _t in _shape(outline)] == [
        (1, "一、"), (1, "二、"), (2, "1."), (2, "2."), (2, "3."), (1, "三、"), (2, "1."), (2, "2."), (2, "3.")]


# --- levels: items of a 条 the scanner did not find (its marker lost in a scrape, run into a flattened
# line) hung directly under the 章, one level too high (first scores of reg_dixiashui_oneline 0.33 and
# reg_gd_zhifa_gongshi_oneline 0.28-0.31 on levels) ------------------------------------------------------

LAW = (
    "第一章\u3000总则\n"
    "第一条\u3000为了加强排污许可管理，制定本条例。\n"
    "第二条\u3000有下列情形之一的，不予批准：\n（一）不符合总量控制要求；\n（二）不符合行业用水定额。\n"
    "第二章\u3000申请与审批\n"
    "申请取得排污许可证，应当向审批部门提交下列材料：\n（一）排污单位名称、住所；\n（二）环境影响报告书批准文件。\n"
    "第四条\u3000本条例自公布之日起施行。\n"
)


def test_items_of_a_lost_article_keep_the_level_of_an_articles_items():
    outline = parse_outline(LAW)
    _check_invariants(LAW, outline)
    assert [(level, marker) for level, marker, _t in _shape(outline)] == [
        (1, "第一章"), (2, "第一条"), (2, "第二条"), (3, "（一）"), (3, "（二）"),
        (1, "第二章"), (3, "（一）"), (3, "（二）"), (2, "第四条")]


def test_a_books_chapter_announcing_its_parts_keeps_them_one_level_down():
    book = ("第一章\u3000中国社会\n本章分三节来说明：\n（一）中华民族\n" + _FILL + "\n（二）古代的封建社会\n" + _FILL
            + "\n第二章\u3000中国革命\n" + _FILL + "\n")
    assert [(level, marker) for level, marker, _t in _shape(parse_outline(book))] == [
        (1, "第一章"), (2, "（一）"), (2, "（二）"), (1, "第二章")]
