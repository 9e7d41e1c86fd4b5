"""Reports: text table, JSON, self-contained well-formed HTML with everything escaped."""

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from annotator.agreement import render_html, render_json, render_table, span_agreement
from annotator.domain.model import Span

TEXT = "要<script>alert(1)</script>坚持稳中求进 & 增长5.2%"


def _result():
    a = [Span(0, 27, "directive", "A<b>", document_id="d&1"), Span(28, 32, "statistic", "A<b>", document_id="d&1")]
    b = [Span(1, 27, "directive", "B", document_id="d&1"), Span(28, 32, "directive", "B", document_id="d&1")]
    outline = [(0, len(TEXT), "一、<i>总体</i>要求")]
    return span_agreement({"A<b>": a, "B": b}, texts={"d&1": TEXT}, sections={"d&1": outline})


class _Balance(HTMLParser):
    VOID = {"meta", "br", "img", "hr", "input", "link"}

    def __init__(self):
        super().__init__()
        self.stack, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}> after {self.stack[-3:]}"
        self.stack.pop()


def test_html_well_formed_escaped_self_contained():
    html = render_html(_result())
    parser = _Balance()
    parser.feed(html)
    assert parser.stack == []
    ET.fromstring(html.split("\n", 1)[1])  # XHTML-compatible: parses as XML after the doctype
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "<i>" not in html and "&lt;i&gt;" in html and "A&lt;b&gt;" in html
    assert "http" not in html.lower() and "src=" not in html and "@import" not in html
    assert "svg" in parser.tags and "rect" in parser.tags
    assert "directive" in html and "label_mismatch" in html and "boundary_mismatch" in html


def test_json_and_table():
    res = _result()
    data = json.loads(render_json(res))
    assert data["overall"]["strict"]["f1"] == 0.0
    assert data["overall"]["relaxed"]["f1"] == 0.5
    assert data["by_section"][0]["section"] == "一、<i>总体</i>要求"
    assert {d["kind"] for d in data["disagreements"]} == {"boundary_mismatch", "label_mismatch"}
    table = render_table(res)
    assert "relaxed" in table and "0.500" in table and "label_mismatch=1" in table
    assert "caveat" in table
