"""Generalised learner features (section, position, subject, verb class, markers) and the cut set on
documents left out of training."""

import json

from annotator.domain.model import Suggestion
from annotator.suggest import suggest
from annotator.suggest.curve import out_of_document_auc
from annotator.suggest.features import general_features, section_kind
from annotator.suggest.gold import load_gold
from annotator.suggest.learner import Example, Learner


def _directive(text, part):
    (s,) = [x for x in suggest(text, implicit=True) if x.label == "directive" and part in text[x.start:x.end]]
    return s


def test_section_kind_from_heading_words():
    assert section_kind("一、2025年工作回顾") == "review"
    assert section_kind("二、2026年主要目标") == "goal"
    assert section_kind("三、存在的主要问题") == "problem"
    assert section_kind("（一）重点任务") == "task" and section_kind("") == "none"


def test_features_say_section_subject_markers_and_no_characters():
    text = ("一、2025年工作回顾\n一年来，我们完成了工业投资120亿元，增长8%。\n"
            "二、2026年重点任务\n各级党委要切实加强组织领导。他们要来进攻了吗？\n")
    review = general_features(text, Suggestion(text.index("完成"), text.index("。"), "directive", {}, 0.5, "lead"))
    assert review["sec=review"] == 1 and review["head=回顾"] == 1 and review["para=review_open"] == 1
    assert review["subj=self"] == 1 and review["mark=past"] == 1 and review["mark=result"] == 1
    task = general_features(text, _directive(text, "加强组织领导"))
    assert task["sec=task"] == 1 and task["subj=addressed"] == 1 and task["verb=policy"] == 1
    assert "mark=past" not in task and task["para=first"] == 1
    at = text.index("他们")
    other = general_features(text, Suggestion(at, at + 7, "directive", {}, 0.85, "modal:要"))
    assert other["subj=third"] == 1 and other["verb=will_like"] == 1 and other["mark=question"] == 1
    # classes only: apart from a fixed list of heading words, no feature names a character of the text
    assert not [k for f in (review, task, other) for k in f
                if not k.startswith("head=") and any(ch in k for ch in "工业投资组织领导进攻")]


def _convention(n_docs, rule):
    """n documents, each with 12 statistics in 次 and 个; the team decides by ``rule``."""
    out = []
    for d in range(n_docs):
        text = f"第{d}份材料。" + "".join(f"开展活动{i + 3}次，新建站点{i + 5}个。" for i in range(12))
        for s in suggest(text):
            if s.label == "statistic":
                out.append(Example(text, s, rule(d, s)))
    return out


def test_crossdoc_cut_filters_a_convention_that_holds_across_documents():
    learner = Learner(feature_set="both", limit_rule="crossdoc").fit(
        _convention(6, lambda d, s: s.attributes.get("unit") != "次"))
    assert learner.limits["statistic"] > 0
    new = _convention(1, lambda d, s: True)
    kept = learner.rerank(new[0].text, [e.suggestion for e in new])
    assert {s.attributes.get("unit") for s in kept} == {"个"}


def test_crossdoc_cut_filters_nothing_when_rejections_do_not_carry_over():
    # the team rejects a different, arbitrary suggestion in each document: nothing to learn
    learner = Learner(feature_set="both", limit_rule="crossdoc").fit(
        _convention(6, lambda d, s: s.start % 7 != d))
    assert learner.limits.get("statistic", 0.0) == 0.0


def test_model_keeps_its_feature_set_and_old_models_stay_lexical():
    learner = Learner().fit(_convention(4, lambda d, s: s.attributes.get("unit") != "次"))
    stored = json.loads(learner.to_json())
    assert stored["features"] == "both" and stored["limit_rule"] == "rank"
    again = Learner.from_json(learner.to_json())
    assert (again.feature_set, again.limit_rule, again.limits) == ("both", "rank", learner.limits)
    del stored["features"], stored["limit_rule"]
    old = Learner.from_json(json.dumps(stored))
    # A model stored before the limit rule was recorded ranks only: the learner never removes a suggestion
    # unless a cut rule was chosen explicitly.
    assert (old.feature_set, old.limit_rule) == ("lexical", "rank")


def test_out_of_document_auc_counts_every_decision_once():
    docs = [d for d in load_gold(part="dev") if d["id"].startswith(("09", "13", "15", "17", "21"))]
    result = out_of_document_auc(docs, "general")
    assert set(result) == {"statistic", "directive", "directive/implicit"}
    for accepted, rejected, auc in result.values():
        assert accepted >= 0 and rejected >= 0 and (auc is None or 0 <= auc <= 1)
    assert sum(a + r for a, r, _ in result.values()) > 100
