"""The gold-trained prior and its leave-one-batch-out check: behaviour only, never a score."""

from __future__ import annotations

from annotator.domain.model import Suggestion
from annotator.suggest import prior_cv
from annotator.suggest.gold import held_out_batch
from annotator.suggest.prior import Prior, candidate_features, cue_candidates, fit, training_rows

_TEXT = "我们要加强学习。他说要去北京。大家必须遵守纪律；去年已经完成了任务。"


def _doc(doc_id: str, text: str, directive: tuple[int, int] | None = None) -> dict:
    spans = [] if directive is None else [{"start": directive[0], "end": directive[1], "label": "directive",
                                           "attributes": {}}]
    return {"id": doc_id, "text": text, "spans": spans}


def _proposal(text: str, word: str) -> Suggestion:
    at = text.index(word)
    end = text.index("。", at) + 1
    return Suggestion(start=at, end=end, label="directive", score=0.85, attributes={"strength": "normal"},
                      rule=f"modal:{word}")


def test_cue_candidates_skip_segments_a_rule_already_covers():
    proposals = [_proposal(_TEXT, "要加强")]
    spans = [(c.start, c.end) for c in cue_candidates(_TEXT, proposals)]
    covered = (proposals[0].start, proposals[0].end)
    assert all(not (a < covered[1] and covered[0] < b) for a, b in spans)
    assert any("必须" in _TEXT[a:b] for a, b in spans)
    assert not any("去年" in _TEXT[a:b] for a, b in spans)  # no cue in that segment


def test_fit_is_deterministic_and_serialises_byte_identically():
    rows = []
    for i in range(30):
        text = f"第{i}条，我们要做第{i}件事。他说要{i}。"
        rows.append((candidate_features(text, _proposal(text, "要做"), "rule"), True))
        rows.append((candidate_features(text, _proposal(text, f"要{i}"), "rule"), False))
    a = Prior({"rule": fit(rows)}).to_json()
    b = Prior({"rule": fit(list(rows))}).to_json()
    assert a == b
    again = Prior.from_json(a)
    assert again.to_json() == a
    assert again.weights["rule"], "a model trained on both outcomes has weights"


def test_a_rule_proposal_the_model_rejects_is_dropped_and_an_accepted_cue_is_added():
    model = Prior({"rule": {"bias": -5.0}, "cue": {"bias": 5.0}})
    proposals = [_proposal(_TEXT, "要加强")]
    out = model.apply(_TEXT, proposals)
    assert proposals[0] not in out
    assert any(s.rule.startswith("prior:cue:") and s.attributes.get("low_confidence") for s in out)
    kept = model.apply(_TEXT, proposals, filter_rules=False, add_cues=False)
    assert [(s.start, s.end) for s in kept] == [(proposals[0].start, proposals[0].end)]


def test_training_rows_label_candidates_by_overlap_with_gold():
    at = _TEXT.index("大家必须")
    doc = _doc("01_x", _TEXT, (at, _TEXT.index("；") + 1))
    rows = training_rows(doc, [_proposal(_TEXT, "要加强")])
    assert [y for _, y in rows["rule"]] == [False]
    assert True in [y for _, y in rows["cue"]]


def test_cross_validation_never_lets_a_left_out_document_reach_its_own_model():
    """A marker word put only in one held-out document must not be a feature of the model that scores it,
    and ``train`` never receives that document's index."""
    docs = [_doc("01_dev", "各级干部要认真学习。他说要走。"),
            _doc("03_dev", "大家必须遵守纪律。有人说不能去。"),
            _doc("23_a", "我们要推进改革。据说要下雨。"),
            _doc("29_b", "你们要保护环境。我要去北京了。"),
            _doc("34_c", "大家要锐意鸂鶒进取。他说鸂鶒要来。"),
            _doc("36_d", "干部要鸂鶒奋斗。人们说鸂鶒要走。")]  # 鸂鶒: in batch 5 only
    assert {held_out_batch(d["id"]) for d in docs[2:]} == {"heldout-3", "heldout-4", "heldout-5"}
    proposals = [([_proposal(d["text"], "必须" if "必须" in d["text"] else "要")], ()) for d in docs]
    for i, d in enumerate(docs):  # every other proposal right, so every source has both outcomes
        if i % 2 == 0:
            p = proposals[i][0][0]
            d["spans"].append({"start": p.start, "end": p.end, "label": "directive", "attributes": {}})
    seen: list[tuple[list[int], Prior]] = []
    base = prior_cv.trainer(docs, proposals)

    def spy(indices: list[int]) -> Prior:
        model = base(indices)
        seen.append((indices, model))
        return model

    prior_cv.cross_validate(docs, proposals, spy)
    folds = prior_cv.folds(docs)
    assert len(seen) == len(folds) == 3
    for (indices, model), (batch, test) in zip(seen, sorted(folds.items())):
        assert not set(indices) & set(test), batch
        assert {0, 1} <= set(indices), "dev documents always train"
        features = [k for w in model.weights.values() for k in w]
        if 4 in test or 5 in test:
            assert not any("鸂" in k or "鶒" in k for k in features)
    # and the marker does reach a model when its document trains (the test can fail)
    full = base([0, 1, 2, 3, 4, 5])
    assert any("鸂" in k for w in full.weights.values() for k in w)


def test_folds_are_the_held_out_batches_and_leave_dev_out():
    docs = [_doc(i, "") for i in ("01_a", "09_b", "08_c", "16_d", "57_e", "61_f", "77_g", "82_h")]
    assert prior_cv.folds(docs) == {"heldout-1": [2], "heldout-2": [3], "heldout-10": [5], "heldout-14": [7]}


def test_nested_thresholds_are_chosen_without_the_outer_left_out_batch(monkeypatch):
    """Every model the nested trainer fits for a fold (inner ones included) sees none of the fold's documents."""
    docs = [_doc(f"{n:02d}_x", f"各级干部要认真学习第{n}条。他说要走第{n}步。") for n in (1, 3, 8, 10, 16, 18, 23, 24)]
    for d in docs[::2]:
        d["spans"].append({"start": 0, "end": d["text"].index("。") + 1, "label": "directive", "attributes": {}})
    proposals = [([_proposal(d["text"], "要认真")], ()) for d in docs]
    calls: list[list[int]] = []
    real = prior_cv.trainer

    def recording(docs_, proposals_):
        inner = real(docs_, proposals_)

        def train(indices):
            calls.append(list(indices))
            return inner(indices)

        train.rows = inner.rows
        return train

    monkeypatch.setattr(prior_cv, "trainer", recording)
    outer = prior_cv.nested_trainer(docs, proposals)
    for batch, test in sorted(prior_cv.folds(docs).items()):
        calls.clear()
        model = outer([i for i in range(len(docs)) if i not in test])
        assert len(calls) > 1, "inner folds were fitted"
        assert all(not set(c) & set(test) for c in calls), batch
        assert 0.0 <= model.drop_below <= 0.5 and 0.3 <= model.add_at <= 1.01
