"""The one registry of condition openers (annotator.suggest.conditionals): each word once, with its kind and guards;
the suggesters' views differ only by the kinds they name."""

from __future__ import annotations

import re

import pytest

from annotator.suggest import conditionals as cond
from annotator.suggest import cues, features, modality, nonmeasure, nonstat


def test_each_word_is_registered_once_with_a_known_kind():
    seen = [o.word for o in cond.OPENERS]
    assert len(seen) == len(set(seen))
    assert cond.KINDS == {"if", "suppose", "contingency", "concession", "sufficient", "literary"}
    assert cond.SUPPOSING <= set(seen)
    with pytest.raises(ValueError, match="unknown"):
        cond.words("maybe")


@pytest.mark.parametrize("text, opens", [
    ("如果明年增长5%", True), ("要是他们来了", True), ("假定一百个人", True), ("万一出了事", True),
    ("主要是要加强", False),  # 要是 inside 主要是
    ("只要是群众自愿", False),  # 要是 inside 只要是
    ("一万一千人", False),  # 万一 inside a numeral
    ("三万一", False),
])
def test_guards_keep_openers_out_of_other_words(text, opens):
    assert bool(re.search(cond.alternation(*cond.SUPPOSITION), text)) == opens


def test_views_are_built_from_the_registry():
    # Every user's pattern is an alternation of registry words: the same words where the kinds are the same.
    assert modality._ANTECEDENT_OPEN_RE.pattern == cues.CONDITION_RE.pattern
    assert nonstat._HYPOTHESIS_OPEN.pattern.endswith(cond.alternation(*cond.SUPPOSITION))
    assert nonmeasure._OPENERS.startswith(cond.alternation(*cond.SUPPOSITION))
    assert features._CONDITION.search("只要坚持")  # the learner's feature includes 只要
    assert not modality._ANTECEDENT_OPEN_RE.search("只要坚持")  # …the antecedent rule does not
    assert modality._HYPOTHESIS_RE.match("即使有困难")  # a concession frames a hypothesis
    assert not nonmeasure._HYPOTHESIS_IN_CLAUSE.search("即使增长5%")  # …but supposes no figure


def test_volitive_reading_after_an_opener_only():
    assert modality.reading("如果要安排，名额就要增加", 2) == "volitive"
    assert modality.reading("主要是要加强领导", 3) != "volitive"  # 主要是 opens nothing
