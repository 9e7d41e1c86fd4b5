"""Failure categories fixed in round 23 (issue #18: fresh18's errors), one test or more per category, on short
hand-made texts shaped like the real documents that showed them (tests/data/outline_corpus).  Each test but
the guards fails on the parser before the round-23 change it names; the guards pin what must not change."""

from __future__ import annotations

from pathlib import Path

from annotator.io.readers import read_file
from annotator.structure.outline import parse_outline

from tests.unit.test_outline import _check_invariants, stripped_shape as _shape


_CORPUS = Path(__file__).resolve().parents[1] / "data" / "outline_corpus"


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


# --- 3: a conjunction before an ordinal (maoxuan_md_chijiuzhan: "…基础之上。然而第二，由于…", "还不止此，第三，",
# "最后，第四，"; mao_md_038_xingshi: "…准备反攻阶段。但是第一，我们说…") ---------------------------------------------

def test_conjunction_before_an_ordinal_keeps_the_run():
    text = ("（一○）日本方面\n\n第一，它是一个强的帝国主义国家。这是一个方面。然而第二，由于它的社会经济的帝国主义性，"
            "就产生了它的战争的退步性。还不止此，第三，它的战争是在先天不足的基础之上进行的。最后，第四，它虽能得到援助，"
            "却又不能不遇到一个反对力量。\n")
    outline = parse_outline(text)
    _check_invariants(text, outline)
    assert [(level, marker) for level, marker, _t in _shape(outline)] == [
        (1, "（一○）"), (2, "第一，"), (2, "第二，"), (2, "第三，"), (2, "第四，")]
    assert _shape(outline)[2][2] == "由于它的社会经济的帝国主义性，就产生了它的战争的退步性"


def test_conjunction_before_the_first_ordinal():
    text = ("这个阶段，即是准备反攻阶段。但是第一，我们说相持局面已经到来。第二，敌人将加重其“扫荡”战争。"
            "第三，我们要准备反攻。\n")
    assert [marker for _l, marker, _t in _shape(parse_outline(text))] == ["第一，", "第二，", "第三，"]


def test_guard_a_conjunction_before_a_counted_noun_is_no_item():
    text = "然而第二次会议没有开成。但是第三天他们又来了。\n"
    assert parse_outline(text) == []


# --- 4: ordinal variants (maoxuan_md_chijiuzhan: 其一，…又其一，…又其一，; maoxuan_md_zhanlue_wenti: 第一个特点，…
# 第二个特点是…; maoxuan_md_yanan_wenyi: …工作者首先应该…。其次，…。再其次，…) -------------------------------------------

def test_you_qi_yi_counts_on():
    text = ("中国抗战的因素有三个：其一，共产党，这是领导人民抗日的可靠力量。又其一，国民党，它也就不会投降。"
            "又其一，别的党派，大多数是拥护抗战的。\n")
    outline = parse_outline(text)
    _check_invariants(text, outline)
    assert [(s.marker, s.ordinal) for s in outline] == [("其一，", 1), ("又其一，", 2), ("又其一，", 3)]


def test_ordinal_noun_shi_goes_on_a_list_opened_with_a_comma():
    text = ("第二节　中国革命战争的特点是什么\n\n第一个特点，中国是一个政治经济发展不平衡的大国。这个特点规定了…。\n\n"
            "第二个特点是敌人的强大。这个特点使红军的作战不能不和别的战争不同。\n\n第三个特点是红军的弱小。\n\n"
            "第四个特点是共产党的领导和土地革命。\n")
    shape = _shape(parse_outline(text))
    assert [(level, marker) for level, marker, _t in shape] == [
        (1, "第二节"), (2, "第一个特点，"), (2, "第二个特点是"), (2, "第三个特点是"), (2, "第四个特点是")]
    assert shape[2][2] == "敌人的强大"


def test_guard_ordinal_noun_shi_opens_no_list():
    # As the first item in sight it is a sentence: "第一种是…；第二种是…" after a colon, "第二个标准是…".
    text = ("可以变为三种情况的地方：第一种是被我方掌握着的根据地；第二种是被敌人掌握着的占领地；第三种是双方争夺的中间地带。\n"
            "前方可以设立第二、第三两个标准。第二个标准是除粮食被服两项由政府供给之外，其他自给。\n")
    assert parse_outline(text) == []


def test_shouxian_inside_a_sentence_with_its_qici():
    text = ("三、统一战线问题\n\n今天中国政治的第一个根本问题是抗日，因此党的文艺工作者首先应该在抗日这一点上团结起来。"
            "其次，应该在民主一点上团结起来。再其次，应该在艺术方法一点上团结起来。\n")
    outline = parse_outline(text)
    _check_invariants(text, outline)
    assert _shape(outline) == [(1, "三、", "统一战线问题"), (2, "首先", "应该在抗日这一点上团结起来"),
                               (2, "其次，", "应该在民主一点上团结起来"), (2, "再其次，", "应该在艺术方法一点上团结起来")]


def test_guard_shouxian_inside_a_sentence_alone_is_an_adverb():
    text = ("三、干部问题\n\n第一，要相信干部。对干部监督，首先你们要相信干部是好的。\n不能首先设定这是坏人。\n"
            "第二，绝大多数人都是英雄。\n")
    assert [marker for _l, marker, _t in _shape(parse_outline(text))] == ["三、", "第一，", "第二，"]


# --- 6: titles.  A page flattened onto one line runs the heading into a first sentence whose subject the
# heading named (baogao_beijing_2026_oneline: "2025年工作回顾2025年是…", "…和“十五五”时期主要目标任务“十四五”时期
# 是…" cut at a closing quote; jueding_shenhua_gaige_2024_oneline: "构建高水平社会主义市场经济体制高水平社会主义市场
# 经济体制是…"); a run-in title was cut after a conjunction (maoxuan_md_neibu_maodun: "（二）如果由于") --------------

_FILLER = "各项工作扎实推进，经济社会发展取得新成效，人民群众获得感幸福感安全感持续增强，城市治理水平不断提升。" * 6


def test_flattened_heading_before_a_sentence_whose_subject_it_named():
    text = ("北京市人民政府工作报告 各位代表：现在，我代表市人民政府，向大会报告政府工作。" + _FILLER
            + "一、2025年工作回顾2025年是“十四五”规划收官之年。" + _FILLER
            + "二、“十四五”时期发展成就和“十五五”时期主要目标任务“十四五”时期是极不平凡的五年。" + _FILLER
            + "三、构建高水平社会主义市场经济体制高水平社会主义市场经济体制是中国式现代化的重要保障。" + _FILLER)
    outline = parse_outline(text)
    _check_invariants(text, outline)
    assert [s.title for s in outline] == ["2025年工作回顾", "“十四五”时期发展成就和“十五五”时期主要目标任务",
                                          "构建高水平社会主义市场经济体制"]


def test_guard_a_heading_whose_body_names_another_subject_is_not_cut_there():
    text = ("各位代表：" + _FILLER + "一、发展是第一要务必须坚持发展是第一要务，推动高质量发展。" + _FILLER
            + "二、改革是根本动力改革是根本动力，全面深化改革。" + _FILLER)
    titles = [s.title for s in parse_outline(text)]
    assert titles[0].startswith("发展是第一要务") and titles[1].startswith("改革是根本动力")


def test_no_run_in_title_ends_on_a_conjunction():
    # The part 九 of the 1957 speech as stored in the corpus (its (一)(二) run in one paragraph after "注意的是:").
    text = read_file(_CORPUS / "maoxuan_md_neibu_maodun.md").text
    part = text[text.index("九 关于少数人闹事问题"):text.index("坏事能否变成好事") - 3]
    titles = [s.title for s in parse_outline(part)]
    assert titles[2].startswith("如果由于我们的工作做得不好，闹了事")

