"""The HTML reader keeps a bold heading line that a page sets inside one block (notice_sichuan_ducha:
"…如下。\n<b>一、各地自查</b>\n各市…" in one <div>), and joins every other bold run as before."""

from __future__ import annotations

from pathlib import Path

from annotator.io.html_reader import read_html


def _read(html: str) -> str:
    return read_html(Path("page.html"), html.encode("utf-8")).text


def test_a_bold_run_on_its_own_source_line_inside_a_block_is_a_line():
    html = ("<html><body><div>现就有关工作通知如下。\n<b>一、各地自查</b>\n各市（州）要开展逐项自查。\n"
            "<strong>二、部门自查</strong>\n省级部门要深入自查。</div></body></html>")
    assert _read(html).split("\n") == ["现就有关工作通知如下。", "一、各地自查", "各市（州）要开展逐项自查。",
                                       "二、部门自查", "省级部门要深入自查。"]


def test_bold_inside_running_text_is_joined_as_before():
    html = "<p>　　<strong>第一条</strong>　为了加强管理，制定本条例。</p><p>这是<b>重点</b>\n工作。</p>"
    assert _read(html) == "\u3000\u3000第一条\u3000为了加强管理，制定本条例。\n这是重点工作。"


def test_a_bold_run_opening_a_line_but_running_on_is_joined_as_before():
    html = "<div>\n<b>一、各地自查</b>各市（州）要开展逐项自查，\n对落实较好的要总结。</div>"
    assert _read(html) == "一、各地自查各市（州）要开展逐项自查，对落实较好的要总结。"
