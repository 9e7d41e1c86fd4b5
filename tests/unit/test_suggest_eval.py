"""The suggesters meet their targets on the gold set (tests/data/suggest_gold), and fast."""

import json

import pytest

from annotator.suggest import suggest
from annotator.suggest.evaluate import GOLD_FILE, bench, build_gold, load_gold, parse_markup, score


@pytest.fixture(scope="module")
def scores():
    return score(load_gold())


def test_gold_file_is_built_from_the_sources():
    with open(GOLD_FILE, encoding="utf-8") as f:
        stored = [json.loads(line) for line in f]
    assert stored == build_gold(), "run: python -m annotator.suggest.evaluate --build"


def test_gold_set_size():
    docs = load_gold()
    labels = [s["label"] for d in docs for s in d["spans"]]
    assert len(docs) >= 6
    assert labels.count("statistic") >= 150 and labels.count("directive") >= 120


def test_statistic_value_recall(scores):
    assert scores["statistic"].recall >= 0.95, scores["statistic"].misses


def test_non_statistic_rate(scores):
    assert 1 - scores["statistic"].precision <= 0.05, scores["statistic"].false


def test_directive_recall(scores):
    assert scores["directive"].recall >= 0.85, scores["directive"].misses


def test_directive_precision_is_reported_and_sane(scores):
    assert scores["directive"].precision >= 0.8, scores["directive"].false


def test_markup_offsets():
    doc = parse_markup("甲，[[D!:{各级工会}必须确保[[S:会员<2万人>]]]]。")
    text = doc["text"]
    d, s = sorted(doc["spans"], key=lambda x: x["label"])
    assert text[d["start"]:d["end"]] == "各级工会必须确保会员2万人"
    assert d["attributes"] == {"strength": "strong", "actor": "各级工会"}
    assert text[s["start"]:s["end"]] == "会员2万人" and s["attributes"]["value_text"] == "2万人"


def test_engine_output_is_sorted_and_unique():
    text = load_gold()[0]["text"]
    found = suggest(text)
    keys = [(s.start, s.end, s.label) for s in found]
    assert len(keys) == len(set(keys))
    assert [k[0] for k in keys] == sorted(k[0] for k in keys)


def test_bench_runs_on_a_30000_character_speech():
    # The 300 ms budget lives in annotator.bench (ratios, same run); a test only checks it runs.
    chars, ms = bench(repeat=1)
    assert chars >= 30_000
    assert ms > 0
