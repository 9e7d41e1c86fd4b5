"""Failure categories fixed in round 4, one test (or more) per category, on short hand-made texts shaped
like the real documents that showed them (tests/data/outline_corpus, dev split)."""

from __future__ import annotations

from pathlib import Path

from annotator.io.readers import read_file
from annotator.structure.clean import clean
from annotator.structure.markers import scan
from annotator.structure.outline import parse_outline

from tests.unit.test_outline import _check_invariants


def _shape(outline):
    return [(s.level, s.marker, s.title) for s in outline]


# --- sentence-titled headings: a paragraph whose marker is followed by a whole first sentence ----------

LONG_FIRST_SENTENCE = (
    "会议纪要如下：\n"
    "　　一、会议指出，2018年5月18日至19日，全国生态环境保护大会在北京胜利召开，总书记出席会议并发表重要讲话，"
    "着眼人民福祉和民族未来，从党和国家事业发展全局出发，全面总结党的十八大以来我国生态文明建设和生态环境保护工作"
    "取得的历史性成就、发生的历史性变革，对打好污染防治攻坚战作出了全面部署。这次大会确立了生态文明思想。\n"
    "　　二、会议要求，各部门要正确理解和准确适用刑法的规定，统一执法司法尺度，加大惩治力度。\n"
)


def test_a_first_sentence_longer_than_the_title_window_is_the_whole_title():
    outline = parse_outline(LONG_FIRST_SENTENCE)
    assert [s.marker for s in outline] == ["一、", "二、"]
    assert outline[0].title.startswith("会议指出，2018年") and outline[0].title.endswith("作出了全面部署")
    assert outline[0].confidence == 1.0
    _check_invariants(LONG_FIRST_SENTENCE, outline)


def test_a_long_run_without_a_comma_is_still_cut():
    # No clause structure at all: a title run into its body, not a sentence.
    body = "狠抓落实工作要求各级领导干部带头深入基层调查研究解决群众反映强烈的突出问题" * 4
    text = f"一、加强作风建设{body}。\n二、完善制度体系{body}。\n"
    assert all(len(s.title) <= 50 and s.confidence < 1.0 for s in parse_outline(text))


SIMILAR_SENTENCES = (
    "　　一、对实行审批制管理的政府投资项目，已经取得建设项目审批文件的，可以根据与该建设项目所处进度相应的审批文件确定总投资额。\n"
    "　　二、对实行核准制管理的企业投资项目，已经取得建设项目核准文件的，可以根据该建设项目核准文件确定总投资额。\n"
    "　　三、对实行备案制管理的企业投资项目，已经取得建设项目备案文件的，可以根据该建设项目备案文件确定总投资额。\n"
)


def test_sibling_sentences_that_start_alike_are_not_cut_to_a_parallel_shape():
    # On a page that kept its line breaks the first sentence is the title; siblings that share their
    # openings only look parallel (opinion_zongtouzi, opinion_weipi_xianjian).
    outline = parse_outline(SIMILAR_SENTENCES)
    assert [s.marker for s in outline] == ["一、", "二、", "三、"]
    assert all(s.title.startswith("对实行") and s.title.endswith("确定总投资额") for s in outline)
    assert all(s.confidence == 1.0 for s in outline)


def test_a_clause_ending_in_a_semicolon_is_the_title_of_a_paragraph_heading():
    text = ("　　（一）敌军分布，到今年八月底止，连被歼灭和受歼灭性打击者都算在内，敌人在各战场上的正规军兵力已经大为减少；"
            "其余部分分布在各个战场。\n　　（二）我军的任务是继续歼灭敌人的有生力量。\n")
    outline = parse_outline(text)
    assert outline[0].title.endswith("已经大为减少")
    assert outline[0].confidence == 1.0


def test_run_on_titles_in_merged_paragraphs_are_still_cut():
    # Paragraphs that ran together on one line ("…是第一位的。二、聚焦主业…党的十八大以来") keep the guess.
    text = ("下面讲三点意见： 一、提高站位,在把握方向上展现新作为习近平总书记强调,政治性是群团工作的灵魂。"
            "各级组织要保持清醒头脑。二、聚焦主业,在履职尽责中创造新业绩党的十八大以来,群团工作取得了历史性成就。")
    assert [s.title for s in parse_outline(text)] == ["提高站位,在把握方向上展现新作为", "聚焦主业,在履职尽责中创造新业绩"]


# --- quotations that nest ----------------------------------------------------------------------------

def test_a_list_inside_a_nested_quotation_is_not_outline():
    text = ("第十六条　“有毒有害物质”指解释第十五条“下列物质应当认定为刑法规定的“有毒物质”：（一）危险废物；"
            "（二）公约附件所列物质；（三）含重金属的污染物”所规定的物质。\n第十七条　行政处罚作出后，应当主动改正。\n")
    outline = parse_outline(text)
    assert [s.marker for s in outline] == ["第十六条", "第十七条"]
    assert [c.marker for c in scan(text) if c.family == "cn-paren"] == []


def test_an_unclosed_quote_does_not_hide_the_rest_of_the_paragraph():
    text = "他说“一是要快，二是要好。\n一、总体要求\n（一）坚持稳中求进。\n（二）坚持系统观念。\n"
    assert [s.marker for s in parse_outline(text)] == ["一、", "（一）", "（二）"]


# --- a part of a book cited in running text ----------------------------------------------------------

def test_a_chapter_cited_after_a_full_stop_is_not_a_heading():
    text = ("　　这是一个课本。第一章《中国社会》，是其他几个同志起草的。第二章《中国革命》，是他自己写的。\n\n"
            "## 第一章　中国社会\n\n### 第一节　中华民族\n\n　　正文。\n\n### 第二节　古代的封建社会\n\n　　正文。\n\n"
            "## 第二章　中国革命\n\n　　正文。\n")
    outline = parse_outline(text)
    assert _shape(outline) == [(1, "第一章", "中国社会"), (2, "第一节", "中华民族"), (2, "第二节", "古代的封建社会"),
                               (1, "第二章", "中国革命")]


# --- decoration before a marker --------------------------------------------------------------------

def test_an_emoji_or_bullet_before_a_marker_does_not_hide_it():
    text = "前言。\n\n🏦（一）托管模式\n\n采用非托管模式。\n\n🔐（二）数据加密与安全措施\n\n传输加密。\n\n■（三）漏洞管理\n\n审计。\n"
    outline = parse_outline(text)
    assert _shape(outline) == [(1, "（一）", "托管模式"), (1, "（二）", "数据加密与安全措施"), (1, "（三）", "漏洞管理")]
    _check_invariants(text, outline)


def test_an_emoji_inside_a_sentence_does_not_make_a_marker():
    assert parse_outline("今天很好😀一是甲。二是乙。") == []


# --- a bold heading split over two paragraphs ----------------------------------------------------------

def test_a_title_line_ending_on_a_leaning_word_goes_on_into_the_next_short_line():
    text = ("一、治理挑战\n\n正文。\n\n二、RASP技术在\n\nAPI及数据链路安全治理中的应用\n\n财信证券结合现状开展了实践探索。\n\n"
            "三、总结\n\n正文。\n")
    outline = parse_outline(text)
    assert "".join(outline[1].title.split()) == "RASP技术在API及数据链路安全治理中的应用"
    assert outline[2].title == "总结"
    _check_invariants(text, outline)


def test_a_complete_title_line_does_not_take_the_next_line():
    text = "一、总体要求\n\n坚持稳中求进\n\n二、主要任务\n\n正文。\n"
    assert [s.title for s in parse_outline(text)] == ["总体要求", "主要任务"]


# --- excerpts that leave articles or chapters out ----------------------------------------------------

EXCERPT = """## 第一章　总则

　　第一条【立法目的】为规范环境行政处罚的实施，制定本办法。
　　第三条【罚教结合】实施环境行政处罚，坚持教育与处罚相结合。
　　第六条【规范自由裁量权】行使行政处罚自由裁量权必须符合立法目的，并综合考虑以下情节：
　　（一）违法行为所造成的环境污染程度；
　　（二）当事人的过错程度。
　　依照第九条规定处理的，从其规定。

## 第二章　实施主体与管辖

　　第十四条【处罚主体】县级以上环境保护主管部门实施环境行政处罚。

## 第八章　附则

　　第七十七条　本办法自2010年3月1日起施行。
"""


def test_articles_and_chapters_left_out_of_an_excerpt_do_not_end_the_outline():
    outline = parse_outline(EXCERPT)
    assert [(s.level, s.marker) for s in outline] == [
        (1, "第一章"), (2, "第一条"), (2, "第三条"), (2, "第六条"), (3, "（一）"), (3, "（二）"),
        (1, "第二章"), (2, "第十四条"), (1, "第八章"), (2, "第七十七条")]
    _check_invariants(EXCERPT, outline)


def test_a_cited_article_is_not_taken_for_a_skipped_one():
    text = "第一条　为了规范管理，制定本规定。\n第二条　本规定适用于全市。\n依照第九条规定处理。\n第九十九条规定的情形除外。\n"
    assert [s.marker for s in parse_outline(text)] == ["第一条", "第二条"]


# --- run-on titles on a page flattened onto one line -------------------------------------------------
# Real pages from the dev corpus (tests/data/outline_corpus): a State Council opinion and a ministry report
# flattened onto one line, where headings run straight into their bodies.

CORPUS = Path(__file__).resolve().parents[1] / "data" / "outline_corpus"


def _corpus_outline(name: str):
    return parse_outline(clean(read_file(CORPUS / name).text).text)


def test_a_heading_run_into_a_definition_or_an_addressee_on_a_flattened_page_is_cut():
    titles = [s.title for s in _corpus_outline("gov_2018_123_xinmeiti_oneline.txt") if s.level == 1]
    assert titles[:5] == ["总体要求", "明确工作职责", "加强功能建设", "规范运维管理", "强化保障措施"]


def test_a_heading_run_into_a_time_frame_on_a_flattened_page_is_cut():
    outline = _corpus_outline("gov_1996_2_dizhen_oneline.txt")
    assert outline[0].title == "关于我国地震重点监视防御区的确定"
    assert outline[0].confidence < 1.0


# --- the first item of a list an excerpt cut short ---------------------------------------------------

def test_a_lone_first_item_right_after_an_announcing_line_is_kept():
    text = ("一、2023年工作回顾\n过去一年，经济回升向好。\n一年来，主要做了以下工作。\n"
            "一是深入落实首都城市战略定位。进一步优化提升首都功能，加快首都规划体系建设。\n"
            "二、2024年工作安排\n着力做好以下十一个方面工作：\n（一）持续提升首都功能，推动协同发展取得新的更大进展\n"
            "牢牢牵住疏解非首都功能这个“牛鼻子”，携手津冀共同打造先行区。\n")
    outline = parse_outline(text)
    assert _shape(outline) == [(1, "一、", "2023年工作回顾"), (2, "一是", "深入落实首都城市战略定位"),
                               (1, "二、", "2024年工作安排"), (2, "（一）", "持续提升首都功能，推动协同发展取得新的更大进展")]
    _check_invariants(text, outline)


def test_a_lone_enumeration_word_in_prose_is_still_dropped():
    text = "一、总体要求\n我们要统一思想。\n一是加强领导，这很重要。\n其他正文。\n二、主要任务\n正文。\n"
    assert [s.marker for s in parse_outline(text)] == ["一、", "二、"]
