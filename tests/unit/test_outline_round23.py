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
