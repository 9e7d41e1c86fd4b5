"""The learning-curve simulation: splits kept apart, every suggestion answered, ranking measured."""

from annotator.suggest.curve import (FRACTIONS, _auc, by_documents, diagnose, prepare_documents,
                                    rejected_cue_contexts, run)
from annotator.suggest.gold import load_gold


def _small_split():
    dev = load_gold(part="dev")
    held = load_gold(part="heldout")
    return [d for d in dev if d["id"].startswith(("09", "13", "15"))], [d for d in held if d["id"].startswith("16")]


def test_documents_split_answers_every_training_suggestion_and_scores_only_the_other_part():
    train_docs, test_docs = _small_split()
    train, test = prepare_documents(train_docs, test_docs)
    assert train and {ex.text for ex in train} <= {d["text"] for d in train_docs}
    assert [doc["id"] for doc, _, _ in test] == [d["id"] for d in test_docs]
    assert any(not ex.accepted for ex in train) and any(ex.accepted for ex in train)
    rows = run(train, test)
    assert [r[0] for r in rows] == list(FRACTIONS) and rows[0][1] == 0 and rows[-1][1] == len(train)


def test_diagnosis_counts_and_auc():
    train_docs, test_docs = _small_split()
    train, test = prepare_documents(train_docs, test_docs)
    diag = diagnose(train, test)
    assert set(diag) == {"statistic", "directive", "directive/implicit"}
    for d in diag.values():
        assert d.auc is None or 0.0 <= d.auc <= 1.0
        assert d.kept_accepts_at_half <= d.test_accepts and d.kept_rejects_at_half <= d.test_rejects
    assert sum(d.decisions_seen for d in diag.values()) == len(train)


def test_auc_is_the_share_of_right_over_wrong_pairs():
    assert _auc([0.9, 0.8], [0.1]) == 1.0 and _auc([0.1], [0.9]) == 0.0 and _auc([0.5], [0.5]) == 0.5
    assert _auc([], [0.3]) is None


def test_curve_by_adjudicated_documents_starts_from_the_rules_and_grows_one_document_at_a_time():
    train_docs, test_docs = _small_split()
    rows = by_documents(train_docs, test_docs)
    assert [k for k, _, _ in rows] == list(range(len(train_docs) + 1))
    assert rows[0][1] == 0 and [n for _, n, _ in rows] == sorted(n for _, n, _ in rows)
    # Scored on the test documents only, whatever was seen.
    assert all(sc.d_gold == rows[0][2].d_gold for _, _, sc in rows)
    assert [k for k, _, _ in by_documents(train_docs, test_docs, steps=2)] == [0, 2, 3]  # 3 documents, 2 steps


def test_rejected_cue_contexts_counts_decisions_and_recurrence():
    train_docs, _ = _small_split()
    accepted, rejected, contexts, recurring = rejected_cue_contexts(train_docs)
    assert accepted > rejected >= 1
    assert 1 <= contexts <= rejected and 0 <= recurring <= contexts
