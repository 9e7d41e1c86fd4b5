"""A report whose heading lines are many and of one length is not a PDF wrapped at that length.

Headings end without punctuation, as the lines of a wrapped PDF page do; the page-width detection
(structure/title_ends._wrap_width) once took their common length for a page width and ran every such
title on into the first line of its body. Found on the benchmark's reports (82 of 100 changed), which
no corpus document had shown: the PDF copies there have 0–8 % of their lines longer than the width, a
report with a paragraph a line ~80 %.
"""

from __future__ import annotations

from annotator.structure.outline import parse_outline

NUMERALS = "一二三四五六七八九十"
# Real heading phrasing (from work reports), all 14–15 characters with the marker.
TITLES = ["加强组织领导创造良好条件", "深刻认识新形势新任务要求", "聚焦主责主业做好重点工作", "发展质量效益稳步有效提升",
          "持续深化改革激发发展活力", "坚持人民至上办好民生实事", "统筹发展安全守牢风险底线", "全面从严治党锻造过硬队伍",
          "强化科技创新培育新质生产", "推进城乡融合促进区域协调"]
BODY = ("做好新时代工会工作，离不开各级党委、政府的重视和支持，全县各级工会要主动向党委汇报工作，"
        "积极争取政府和有关部门的理解支持，形成齐抓共管的工作格局。")


def _report() -> str:
    parts = []
    for n, title in zip(NUMERALS, TITLES):
        parts.append(f"{n}、{title}\n{BODY}\n{BODY}\n")
    return "".join(parts)


def test_many_heading_lines_of_one_length_keep_their_titles():
    text = _report()
    sections = parse_outline(text)
    assert [s.title for s in sections] == TITLES


def test_a_pdf_copy_wrapped_at_a_fixed_width_still_runs_a_wrapped_title_on():
    # The same body hard-wrapped at 24 characters (a PDF copy): a title wrapped at that width goes on.
    width = 24
    lines = []
    for n, title in zip(NUMERALS, TITLES):
        long_title = f"{n}、{title}并且进一步完善体制机制和工作制度"
        lines.append(long_title[:width])
        lines.append(long_title[width:] + "。")
        body = BODY * 2
        lines.extend(body[i:i + width] for i in range(0, len(body), width))
    text = "\n".join(lines) + "\n"
    titles = [s.title for s in parse_outline(text)]
    assert all(t.endswith("工作制度") for t in titles), titles
