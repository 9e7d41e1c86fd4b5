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


def test_oral_speech_probes_keep_their_statements_out():
    """Session 7: the 1943 and 1945 probe speeches — statements that the rules of modality.not_ordered keep out."""
    text, spans = _directives("1945_cadre_speech_after_victory.txt")
    for statement in ("要“下山”了", "不要打内战的只是", "我不准你们摘", "两方面都不要打", "一定要强迫中国人民接受内战",
                      "我们是不要内战的", "最有权利摘的应该是我们", "绝不相同", "就得放开手"):
        assert not [s for s in spans if statement in s], statement
    assert [s for s in spans if "我们要有准备" in s]  # the speech's own orders stay
    text, spans = _directives("1943_speech_get_organised.txt")
    assert not [s for s in spans if "还要经过若干发展阶段" in s]
    assert [s for s in spans if "每一个共产党员，必须学会组织群众的劳动" in s or s == "必须学会组织群众的劳动"]
