"""Failure categories fixed in round 20 (issue #18: fresh17's errors), one test or more per category, on short
hand-made texts shaped like the real documents that showed them (tests/data/outline_corpus).  Each test but
the guards fails on the parser before the round-20 change it names; the guards pin what must not change."""

from __future__ import annotations

from pathlib import Path

from annotator.io.readers import read_file
from annotator.structure.clean import clean
from annotator.structure.outline import parse_outline

from tests.unit.test_outline import _check_invariants, stripped_shape as _shape


# --- A: a table of contents (目录) before the body of a regulation --------------------------------------------
# reg_sh_gonglu_flk (fresh17: 目录 of seven chapters, the body excerpt keeps three); law_fan_dianxin_zhapian and
# reg_lifafa_2015_crlf came from law databases with the same 目录 (cut out of the stored text by earlier helpers).

def _regulation(contents_chapters: int) -> str:
    titles = ["总　　则", "规划和建设管理", "养护管理", "路政管理", "法律责任", "附　　则"]
    numerals = "一二三四五六"
    contents = "".join(f"第{numerals[i]}章　{titles[i]}\n\n" for i in range(contents_chapters))
    body = (
        "第一章　总　　则\n\n第一条\n\n为了加强本市公路的建设和管理，制定本条例。\n\n"
        "第二条\n\n本条例适用于本市行政区域内公路的规划、建设、养护和管理。\n\n"
        "第二章　规划和建设管理\n\n第三条\n\n公路规划应当符合国民经济和社会发展规划。\n\n"
        "第四条\n\n公路建设应当按照国家规定的基本建设程序进行。\n\n"
        "第三章　养护管理\n\n第五条\n\n公路养护应当保证公路经常处于良好的技术状态。\n"
    )
    return "上海市公路管理条例\n\n（1999年11月26日通过）\n\n目　　录\n\n" + contents + body


def test_contents_lines_repeated_by_the_body_are_no_headings():
    outline = parse_outline(_regulation(6))
    _check_invariants(_regulation(6), outline)
    chapters = [s for s in outline if s.marker.startswith("第") and s.marker.endswith("章")]
    assert [c.marker for c in chapters] == ["第一章", "第二章", "第三章"]
    assert all(c.start > _regulation(6).index("第一章　总　　则\n\n第一条") - 1 for c in chapters)
    assert [s.level for s in outline] == [1, 2, 2, 1, 2, 2, 1, 2]


def test_contents_text_is_kept_in_the_sections():
    text = _regulation(3)
    outline = parse_outline(text)
    assert text.count("第三章　养护管理") == 2  # the text is not cut; only its markers are no headings
    assert [s.marker for s in outline if s.level == 1] == ["第一章", "第二章", "第三章"]


def test_guard_a_run_of_short_chapters_not_repeated_stays():
    text = ("第一章　总则\n\n第二章　规划\n\n第三章　附则\n\n"
            "第一条　为了加强管理，制定本办法。\n\n第二条　本办法自发布之日起施行。\n")
    outline = parse_outline(text)
    assert [s.marker for s in outline if s.marker.endswith("章")] == ["第一章", "第二章", "第三章"]


# --- B: the list of attachments after a "附件：" line of its own ---------------------------------------------
# fangan_sh_lingtan_md (fresh17: "附件：\n\n1.上海市零碳园区建设基本条件\n\n2.…指标体系" closing the plan); the same
# closing list in fangan_baoshan_laji_md (its 1. on the 附件： line) and the 2018 Shanghai education notice of the
# suggestion gold (one name).  Guard: an annex opened by its number (附件1 … 1.…6. glossary) keeps its items.

_PLAN = (
    "一、总体要求\n\n围绕碳达峰碳中和目标，推动园区绿色低碳转型。\n\n"
    "二、保障措施\n\n（一）加强组织领导。市发展改革委会同有关部门统筹推进。\n\n"
    "（二）评价验收。园区完成建设任务后，由市发展改革委组织验收。\n\n"
)


def test_attachment_names_after_an_annex_line_are_no_headings():
    text = _PLAN + "附件：\n\n1.上海市零碳园区建设基本条件\n\n2.上海市零碳园区建设指标体系\n"
    outline = parse_outline(text)
    _check_invariants(text, outline)
    assert [s.marker.strip() for s in outline] == ["一、", "二、", "（一）", "（二）"]


def test_guard_a_numbered_annex_keeps_its_list():
    text = (_PLAN + "附件1\n\n名词解释\n\n1.“四上”企业：对达到一定规模的法人单位的一种习惯称谓。\n\n"
            "2.“双高计划”：中国特色高水平高职学校和专业建设计划的简称。\n")
    outline = parse_outline(text)
    assert [s.marker.strip() for s in outline][-2:] == ["1.", "2."]


# --- C: 又一方面 as the second of a 一方面 pair -------------------------------------------------------------------
# mao_md_029_zhanlue (fresh17: "这里有两方面的任务。一方面，要反对…。…又一方面，则要反对…"); mao_md_044_touxiang writes
# "一方面，坚决反抗…；又一方面，积极发展…" inside one sentence — the guard: a contrast, no items.

def test_you_yi_fangmian_closes_an_aspect_pair():
    text = ("二、由国内战争到抗日战争\n\n三个转变中，第一个转变曾经遇到很大的困难。这里有两方面的任务。一方面，要反对沉溺于"
            "游击性的倾向，这是由于干部对敌情估计不足而发生的。又一方面，则要反对过分地重视正规化的倾向，这是由于"
            "一部分领导干部对敌情估计过分而发生的。\n")
    outline = parse_outline(text)
    _check_invariants(text, outline)
    assert [(s.level, s.marker.strip()) for s in outline] == [(1, "二、"), (2, "一方面，"), (2, "又一方面，")]


def test_guard_you_yi_fangmian_inside_one_sentence_is_no_item():
    text = ("一、时局\n\n党的任务就在于：一方面，坚决反抗投降派顽固派的进攻；又一方面，积极发展统一战线。\n"
            "二、转变\n\n这时可能发生的，一方面是轻敌倾向，又一方面是恐日病。\n")
    assert [s.marker.strip() for s in parse_outline(text)] == ["一、", "二、"]


# --- D: a guessed title end never falls inside an open 《…》 or “…” ----------------------------------------------
# fangan_baoshan_laji_md and its one-line twin (fresh17: 一是依据《上海市再生资源回收|管理办法》…), banfa_jiading_shengtai_md
# and its GB18030 twin (第一条 为贯彻落实市委、市政府“推动…高品质|生活”的要求…), duty_zhidui_shuji_oneline (牢固树立“抓好党风廉政|建设…”).

_CORPUS = Path(__file__).resolve().parents[1] / "data" / "outline_corpus"


def _open_bracket(title: str) -> bool:
    return title.count("《") > title.count("》") or title.count("“") > title.count("”")


def test_no_title_ends_inside_a_book_title_or_quotation():
    # The guessed cut (confidence 0.3) of these long run-in titles fell inside the brackets; the texts as stored.
    for name in ("fangan_baoshan_laji_md.md", "banfa_jiading_shengtai_md.md", "duty_zhidui_shuji_oneline.txt"):
        text = clean(read_file(_CORPUS / name).text).text
        outline = parse_outline(text)
        _check_invariants(text, outline)
        assert not [s.title for s in outline if _open_bracket(s.title)], name
