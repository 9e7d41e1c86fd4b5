"""Does a gold-trained prior (annotator.suggest.prior) generalise better than the rules? Leave one batch out.

    python -m annotator.suggest.prior_cv          # pooled left-out figures: rules alone against rules + prior

Design (fixed before the first run, issue 17 session 9):
  * folds are the held-out batches of SOURCES.md (gold.held_out_batch: heldout-1 … heldout-13, batch 9 being
    dev); the dev documents are never left out, they always train;
  * for each batch B a model is trained on dev + every other held-out batch and scores the documents of B
    only; the left-out scores of all batches are pooled (summed counts, as evaluate.Score does);
  * nothing of B reaches B's model: candidate features are computed per document from its own text, the
    vocabulary and the weights come from the training rows alone (prior.fit), and the thresholds are fixed
    in advance (prior.DROP_BELOW, prior.ADD_AT), not tuned; tests/unit/test_suggest_prior.py checks it;
  * the baseline is the rules alone on exactly the same documents (the 58 held-out ones), scored with the
    same matching rules (evaluate.score_document); three variants are reported: filter only, add only, both.
The decision rule: ship only a variant whose pooled precision rises and recall does not fall (or both rise);
for the statistics filter (variant ``stat``, added in the same session before its first run): false numerals
fall and statistic value recall does not.

Second design (``--nested``, added after the first one did not pay, so it is a second look at the same left-out
documents and is reported as such): the two thresholds are no longer fixed but chosen *inside* each training
set, by an inner leave-one-batch-out over its own held-out batches (the outer left-out batch never takes part):
``add_at`` is the lowest grid value whose inner-left-out cue candidates are right at ≥ ADD_PRECISION (at least
MIN_ADDED of them), else nothing is added; ``drop_below`` (``stat_below`` for statistics) the highest grid value
under which no inner-left-out right proposal falls and at least one wrong one does, else nothing is dropped.

Results (session 9, gold of 81 documents, 58 held out in 12 batches; explicit directives of the 58 left-out
documents, statistics likewise):
                              directive recall  precision   statistic recall  false numerals
  rules alone                      0.900          0.901          0.961            2.74 %
  fixed thresholds  filter         0.891          0.904          —                —
                    add            0.903          0.890          —                —
                    both           0.894          0.893          —                —
                    stat           —              —              0.953            2.10 %
  nested thresholds filter/add/both: exactly the rules (0.900 / 0.901): the inner folds set cuts no left-out
                    candidate crosses; stat: 0.960 / 2.74 % (one true statistic lost, no false one dropped).
  Ranking (``--ranking``, no threshold): left-out AUC 0.754 for rule proposals (690 right, 76 wrong), 0.720 for
  cue clauses (103 right, 602 wrong), 0.872 for statistics (855 right, 51 wrong).
Verdict: no variant pays by the decision rule; nothing is shipped. The model ranks unseen clauses better than
chance but not well enough to move a threshold without losing as many right suggestions as it removes wrong ones.
"""

from __future__ import annotations

import argparse
import bisect
import sys
from typing import Callable

from annotator.suggest.evaluate import Score, score_document, suggest_for
from annotator.suggest.gold import doc_kind, held_out_batch, load_gold
from annotator.suggest.prior import SOURCES, Prior, probability, training_rows

THRESHOLDS: list[tuple[str, float, float, float]] = []  # (left-out batch, drop_below, add_at, stat_below) of each fold's model, for the report
VARIANTS = {"rules": None, "filter": (True, False, False), "add": (False, True, False), "both": (True, True, False),
            "stat": (False, False, True)}


def folds(docs: list[dict]) -> dict[str, list[int]]:
    """Held-out batch → indices of its documents (dev documents belong to no fold)."""
    out: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        batch = held_out_batch(doc.get("id", ""))
        if batch:
            out.setdefault(batch, []).append(i)
    return out


def cross_validate(docs: list[dict], proposals: list[list], train: Callable[[list[int]], Prior]
                   ) -> dict[str, dict[str, Score]]:
    """Left-out scores per variant, pooled ("all", "speech", "report") and per batch.

    ``train`` gets the indices of the training documents only and returns a model; it is the one place a
    model is made, so a test can check that no left-out index ever reaches it."""
    out: dict[str, dict[str, Score]] = {v: {} for v in VARIANTS}
    for batch, test in sorted(folds(docs).items()):
        left_out = set(test)
        model = train([i for i in range(len(docs)) if i not in left_out])
        THRESHOLDS.append((batch, model.drop_below, model.add_at, model.stat_below))
        for i in test:
            doc, (props, sections) = docs[i], proposals[i]
            for variant, how in VARIANTS.items():
                mine = props if how is None else model.apply(doc["text"], props, *how)
                sc = score_document(doc, mine, sections)
                for key in ("all", doc_kind(doc.get("id", "")), batch):
                    out[variant].setdefault(key, Score()).add(sc)
    return out


def trainer(docs: list[dict], proposals: list[list]) -> Callable[[list[int]], Prior]:
    """A ``train`` for cross_validate: labelled candidates of the given documents, one model per source."""
    cache: dict[int, dict] = {}

    def rows_of(i: int) -> dict:
        if i not in cache:
            cache[i] = training_rows(docs[i], proposals[i][0])
        return cache[i]

    def train(indices: list[int]) -> Prior:
        rows: dict[str, list] = {src: [] for src in SOURCES}
        for i in indices:
            for src in SOURCES:
                rows[src] += rows_of(i)[src]
        return Prior.train(rows)

    train.rows = rows_of  # type: ignore[attr-defined]
    return train


ADD_PRECISION = 0.9  # about the rules' own precision on unseen documents: an addition must not lower it
MIN_ADDED = 3
_ADD_GRID = tuple(round(0.3 + 0.05 * k, 2) for k in range(14))  # 0.3 … 0.95
_DROP_GRID = tuple(round(0.05 * k, 2) for k in range(1, 11))  # 0.05 … 0.5


def nested_trainer(docs: list[dict], proposals: list[list]) -> Callable[[list[int]], Prior]:
    """A ``train`` whose thresholds come from an inner leave-one-batch-out on the training documents only."""
    base = trainer(docs, proposals)

    def train(indices: list[int]) -> Prior:
        inner = folds([docs[i] for i in indices])
        scored: dict[str, list[tuple[float, bool]]] = {src: [] for src in SOURCES}
        for test in inner.values():
            test_ids = {indices[j] for j in test}
            model = base([i for i in indices if i not in test_ids])
            for i in sorted(test_ids):
                rows = base.rows(i)
                for src in SOURCES:
                    if src in model.weights:
                        scored[src] += [(probability(model.weights[src], x), y) for x, y in rows[src]]
        add_at = next((t for t in _ADD_GRID
                       if sum(1 for p, _ in scored["cue"] if p >= t) >= MIN_ADDED
                       and sum(1 for p, y in scored["cue"] if p >= t and y)
                       >= ADD_PRECISION * sum(1 for p, _ in scored["cue"] if p >= t)), 1.01)
        drop_below, stat_below = (next((t for t in reversed(_DROP_GRID)
                                        if not any(p < t and y for p, y in scored[src])
                                        and any(p < t and not y for p, y in scored[src])), 0.0)
                                  for src in ("rule", "stat"))
        model = base(indices)
        model.add_at, model.drop_below, model.stat_below = add_at, drop_below, stat_below
        return model

    return train


def ranking(docs: list[dict], proposals: list[list]) -> dict[str, tuple[int, int, float]]:
    """Per source, over the left-out candidates of every fold: (right, wrong, AUC) — how well the model ranks
    clauses it has not seen, whatever the threshold."""
    train = trainer(docs, proposals)
    scored: dict[str, list[tuple[float, bool]]] = {src: [] for src in SOURCES}
    for test in folds(docs).values():
        model = train([i for i in range(len(docs)) if i not in set(test)])
        for i in test:
            for src in SOURCES:
                if src in model.weights:
                    scored[src] += [(probability(model.weights[src], x), y) for x, y in train.rows(i)[src]]
    out = {}
    for src, pairs in scored.items():
        pos = sorted(p for p, y in pairs if y)
        neg = [p for p, y in pairs if not y]
        # AUC by counting, for each wrong candidate, the right ones above it (ties count half)
        wins = sum(len(pos) - bisect.bisect_right(pos, q) + 0.5 * (bisect.bisect_right(pos, q) - bisect.bisect_left(pos, q))
                   for q in neg)
        out[src] = (len(pos), len(neg), wins / (len(pos) * len(neg)) if pos and neg else float("nan"))
    return out


def run(docs: list[dict] | None = None, nested: bool = False) -> dict[str, dict[str, Score]]:
    docs = load_gold() if docs is None else docs
    proposals = [suggest_for(d["text"]) for d in docs]
    make = nested_trainer if nested else trainer
    return cross_validate(docs, proposals, make(docs, proposals))


def report(result: dict[str, dict[str, Score]]) -> str:
    lines = [f"{'left-out documents':<24} {'variant':<8} {'dir.gold':>8} {'recall':>7} {'prec':>7} {'proposed':>8} "
             f"{'st.gold':>7} {'recall':>7} {'exact':>7} {'false%':>7}"]
    keys = ["all", "speech", "report"] + sorted(k for k in result["rules"] if k.startswith("heldout-"))
    for key in keys:
        for variant in VARIANTS:
            sc = result[variant].get(key)
            if sc is not None:
                lines.append(f"{key:<24} {variant:<8} {sc.d_gold:>8} {sc.d_recall:>7.3f} {sc.d_precision:>7.3f} "
                             f"{sc.d_proposed:>8} {sc.st_gold:>7} {sc.st_recall:>7.3f} {sc.st_exact_rate:>7.3f} "
                             f"{100 * sc.false_numerals:>7.2f}")
    lines += [f"fold {b}: drop below {d:.2f}, add at {a:.2f}, statistics below {t:.2f}" for b, d, a, t in THRESHOLDS]
    base = result["rules"]["all"]
    for variant in ("filter", "add", "both"):
        sc = result[variant]["all"]
        pays = (sc.d_precision > base.d_precision and sc.d_recall >= base.d_recall) or (
            sc.d_precision >= base.d_precision and sc.d_recall > base.d_recall)
        lines.append(f"verdict {variant}: {'PAYS' if pays else 'does not pay'} "
                     f"(recall {base.d_recall:.3f} → {sc.d_recall:.3f}, precision {base.d_precision:.3f} → "
                     f"{sc.d_precision:.3f})")
    sc = result["stat"]["all"]
    pays = sc.false_numerals < base.false_numerals and sc.st_recall >= base.st_recall
    lines.append(f"verdict stat: {'PAYS' if pays else 'does not pay'} (statistic recall {base.st_recall:.3f} → "
                 f"{sc.st_recall:.3f}, false numerals {100 * base.false_numerals:.2f} % → {100 * sc.false_numerals:.2f} %)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m annotator.suggest.prior_cv", description=__doc__.split("\n")[0])
    ap.add_argument("--nested", action="store_true", help="thresholds from an inner leave-one-batch-out (second design)")
    ap.add_argument("--ranking", action="store_true", help="left-out AUC of each source's model (no threshold)")
    args = ap.parse_args(argv)
    if args.ranking:
        docs = load_gold()
        proposals = [suggest_for(d["text"]) for d in docs]
        for src, (pos, neg, auc) in ranking(docs, proposals).items():
            print(f"{src:<5} left-out candidates: {pos} right, {neg} wrong, AUC {auc:.3f}")
        return 0
    print(report(run(nested=args.nested)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
