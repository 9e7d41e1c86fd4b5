"""Real unmarked documents (tests/data/suggest_gold/probes, PROBES.md): the forms the report and title rules
were written for stay handled on the documents they came from."""

from pathlib import Path

import pytest

from annotator.structure.outline import parse_outline
from annotator.suggest import suggest

PROBES = Path(__file__).resolve().parents[1] / "data" / "suggest_gold" / "probes"


def _directives(name, implicit=False):
    text = (PROBES / name).read_text(encoding="utf-8")
    return text, [text[s.start:s.end] for s in suggest(text, parse_outline(text), implicit=implicit)
                  if s.label == "directive"]


@pytest.mark.parametrize("name", sorted(p.name for p in PROBES.glob("*_report_*.txt")))
def test_no_explicit_directive_in_a_report_review_or_target_statement(name):
    text, spans = _directives(name)
    review_end = text.index("\n二、") if "\n二、" in text else text.index("\n三、")
    review = text[:review_end]
    assert not [s for s in spans if s in review and "我们要" not in s]
    assert not [s for s in spans if "努力争取更好结果" in s]


def test_titles_with_a_cue_order_nothing():
    for name in ("1934_speech_care_for_the_masses.txt", "1940_article_unity_and_progress.txt"):
        text, spans = _directives(name, implicit=True)
        title = text.split("\n", 1)[0]
        assert not [s for s in spans if s in title]


def test_probe_files_are_documented():
    listed = (PROBES / "PROBES.md").read_text(encoding="utf-8")
    assert all(p.name in listed for p in PROBES.glob("*.txt"))
