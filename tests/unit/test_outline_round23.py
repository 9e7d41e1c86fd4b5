"""Failure categories fixed in round 23 (issue #18: fresh18's errors), one test or more per category, on short
hand-made texts shaped like the real documents that showed them (tests/data/outline_corpus).  Each test but
the guards fails on the parser before the round-23 change it names; the guards pin what must not change."""

from __future__ import annotations

from annotator.structure.outline import parse_outline

from tests.unit.test_outline import _check_invariants


def _shape(outline):
    return [(s.level, s.marker.strip(), s.title) for s in outline]


# --- 1: an excerpt of a markdown law opening mid-way (reg_sh_daolu_jiaotong_md: ## 第四章, then 第二十九条) ----------
# The first article of the excerpt stands after the chapter heading and a blank line; the short heading line
# before it was not seen across the blank line, so the run of articles (opened at 29) was taken for page-chunk
# numbers and dropped, and every （一） rose a level.  The same excerpt without blank lines was found already.

def _law_excerpt(gap: str) -> str:
    return (f"## 第四章  通行管理{gap}"
            f"第二十九条 下列车辆，可以上本市道路行驶：{gap}（一）经注册登记的机动车；{gap}（二）自行车。{gap}"
            f"第三十条 市公安机关可以采取交通管理措施。{gap}"
            f"第三十一条 禁止货运机动车在城市快速路行驶：{gap}（一）摩托车；{gap}（二）专项作业车。\n")


def test_law_excerpt_after_a_blank_line_keeps_its_articles():
    text = _law_excerpt("\n\n")
    outline = parse_outline(text)
    _check_invariants(text, outline)
    assert [(level, marker) for level, marker, _t in _shape(outline)] == [
        (1, "第四章"), (2, "第二十九条"), (3, "（一）"), (3, "（二）"), (2, "第三十条"),
        (2, "第三十一条"), (3, "（一）"), (3, "（二）")]


def test_guard_law_excerpt_without_blank_lines_unchanged():
    text = _law_excerpt("\n")
    assert [s.level for s in parse_outline(text)] == [1, 2, 3, 3, 2, 2, 3, 3]


def test_guard_page_chunk_numbers_after_a_blank_line_still_dropped():
    # Numbers that cut long sentences in two (download-site page chunks) stay no list with blank lines around
    # them: only a short heading line before the blank lines counts as a boundary.
    a = "各地区要切实加强组织领导，把各项任务落到实处，形成工作合力，推动高质量发展取得新成效，进一步压实"
    b = "责任，确保各项措施落地见效，为全年目标任务完成提供有力保障，坚持问题导向和目标导向相结合，统筹"
    text = a + "\n\n2、" + b + "\n\n3、" + a + "。\n"
    assert parse_outline(text) == []


# --- 2: the divisions of a plan, a code or a book: 卷 > 编 = 篇 > 分编 > 部分 > 章 > 节 > 条 (one table: marker_grammar) --
# guihua_shiwuwu_gangyao (a 规划纲要: 篇/章/节, 章 numbered on through the 篇) put every heading one level too high,
# 第N篇 being unknown; mao_md_064_dangbagu's 第一篇，…第三篇， (the readings of a speech) were missed.

def test_plan_parts_pieces_chapters_sections():
    text = ("第一篇 奋力开创现代化建设新局面\n\n第一章 发展环境\n\n第一节 发展取得重大成就\n\n正文。\n\n"
            "第二节 发展环境面临深刻变化\n\n正文。\n\n第二章 主要目标\n\n正文。\n\n"
            "第二篇 建设现代化产业体系\n\n第三章 优化提升传统产业\n\n第一节 推动重点产业提质升级\n\n正文。\n")
    outline = parse_outline(text)
    _check_invariants(text, outline)
    assert [(level, marker) for level, marker, _t in _shape(outline)] == [
        (1, "第一篇"), (2, "第一章"), (3, "第一节"), (3, "第二节"), (2, "第二章"),
        (1, "第二篇"), (2, "第三章"), (3, "第一节")]


def test_code_books_subbooks_chapters_articles():
    text = ("第一编　总则\n\n第一章　基本规定\n\n第一条　为了保护民事主体的合法权益，制定本法。\n\n"
            "第二条　民法调整平等主体之间的关系。\n\n第二编　物权\n\n第一分编　通则\n\n第二章　一般规定\n\n"
            "第三条　本编调整因物的归属产生的民事关系。\n\n第二分编　所有权\n\n第三章　所有权\n\n第四条　所有权人依法享有权利。\n")
    assert [(level, marker) for level, marker, _t in _shape(parse_outline(text))] == [
        (1, "第一编"), (2, "第一章"), (3, "第一条"), (3, "第二条"), (1, "第二编"), (2, "第一分编"),
        (3, "第二章"), (4, "第三条"), (2, "第二分编"), (3, "第三章"), (4, "第四条")]


def test_volumes_hold_parts():
    text = "第一卷　上编\n\n第一部分　总论\n\n正文。\n\n第二部分　分论\n\n正文。\n\n第二卷　下编\n\n第三部分　结论\n\n正文。\n"
    assert [(level, marker) for level, marker, _t in _shape(parse_outline(text))] == [
        (1, "第一卷"), (2, "第一部分"), (2, "第二部分"), (1, "第二卷"), (2, "第三部分")]


def test_pieces_read_out_in_a_speech_take_their_comma():
    text = ("这里有三篇文章。\n\n第一篇，是从列宁的书上摘下来的，讲的是怎样做宣传。\n\n"
            "第二篇，是从一个报告中摘下来的。\n\n第三篇，是鲁迅讨论怎样写文章的一封信。\n\n"
            "第一条：“留心各样的事情，多看看。”\n\n第二条：“写不出的时候不硬写。”\n")
    shape = _shape(parse_outline(text))
    assert shape[:3] == [(1, "第一篇，", "是从列宁的书上摘下来的，讲的是怎样做宣传"),
                         (1, "第二篇，", "是从一个报告中摘下来的"), (1, "第三篇，", "是鲁迅讨论怎样写文章的一封信")]
    # The colon after 第一条 is no title end (it was: every such title came out empty).
    assert shape[3:] == [(2, "第一条", "“留心各样的事情，多看看"), (2, "第二条", "“写不出的时候不硬写")]


def test_guard_a_first_piece_in_prose_is_no_heading():
    assert parse_outline("这是我读的第一篇文章。第一篇文章写得很好，第二篇文章写得也好。\n") == []


# --- 5: 第N条， counting in running speech (maoxuan_md_neibu_maodun: "…态度一样，第一条，反对；第二条，不怕。";
# maoxuan_md_shida_guanxi: "这是第一条。第二条，可以杀错人。" read as an article titled "，可以杀错人") -------------

def test_tiao_with_a_comma_in_speech_is_an_inline_item():
    text = ("十、坏事能否变成好事\n\n我们对待乱子的态度，应当同对待一切“乱子”的态度一样，第一条，反对；第二条，不怕。"
            "第一条，我们要反对官僚主义。\n")
    shape = _shape(parse_outline(text))
    assert shape[:3] == [(1, "十、", "坏事能否变成好事"), (2, "第一条，", "反对"), (2, "第二条，", "不怕")]


def test_tiao_with_a_comma_after_a_full_stop_takes_the_comma_in_its_marker():
    text = ("八、革命和反革命的关系\n\n许多人头就要落地。这是第一条。第二条，可以杀错人。一颗脑袋落地，是接不起来的。"
            "第三条，消灭证据。镇压反革命要有证据。第四条，杀了他们，不能增加生产。\n")
    shape = _shape(parse_outline(text))
    assert [(marker, title) for _l, marker, title in shape[1:]] == [
        ("第二条，", "可以杀错人"), ("第三条，", "消灭证据"), ("第四条，", "杀了他们，不能增加生产")]


def test_guard_articles_of_a_law_and_citations_unchanged():
    text = ("第一条　为了加强管理，制定本办法。\n\n第二条　本办法适用于全市。依照本办法第十一条、第十二条，认定奖励等级。\n\n"
            "第三条　本办法自发布之日起施行。\n")
    assert [(s.level, s.marker.strip(), s.kind) for s in parse_outline(text)] == [
        (1, "第一条", "article"), (1, "第二条", "article"), (1, "第三条", "article")]
