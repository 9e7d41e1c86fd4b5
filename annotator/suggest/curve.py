"""The learner, measured honestly: a simulated annotator decides on one part, another part is scored.

The simulated annotator answers *every* suggestion of the training part as the gold set says (accept
when it matches a gold span, reject otherwise; implicit directives included, since they are where the
rules are weakest), in reading order. After the first k % of those decisions the learner is trained and
the suggestions of the scored part — never seen in training — are re-ranked and filtered, then scored
against the gold spans there. k = 0 is the rules alone. Two splits:

* ``halves``: each document is cut at the sentence end nearest its middle; decisions on the first halves,
  scores on the second halves (a team that has annotated half of every document);
* ``documents``: decisions on every dev document, scores on the held-out documents (a team that has
  annotated a corpus and opens new documents of other kinds and decades).

Besides precision and recall as shipped (the learner filters only at a threshold its own 3-fold check
says costs no accepted suggestions), the report says whether the confidence *ranks* well: the AUC of
the confidence between the scored suggestions the gold accepts and those it rejects, and what a plain
threshold of 0.5 would keep and lose. A flat curve with a good AUC means the model knows but the safety
check will not let it filter; a flat curve with an AUC near 0.5 means the decisions teach it nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.suggest.evaluate import Score, _overlap, score_document, suggest_for
from annotator.suggest.gold import doc_kind, held_out_batch, is_held_out
from annotator.suggest.learner import DEFAULT_THRESHOLD, Example, Learner, kind

FRACTIONS = (0.0, 0.25, 0.5, 0.75, 1.0)
KINDS = ("statistic", "directive", "directive/implicit")


def _cut(text: str) -> int:
    middle = len(text) // 2
    ends = [i + 1 for i, ch in enumerate(text) if ch in "。！？\n"]
    return min(ends, key=lambda i: abs(i - middle)) if ends else middle


def _accepted(s, gold: list[dict]) -> bool:
    """What an annotator following the gold set does with a suggestion."""
    for g in gold:
        if g["label"] != s.label:
            continue
        o = _overlap((s.start, s.end), (g["start"], g["end"]))
        if s.label == "statistic" and o:
            return True
        if s.label != "statistic" and o * 2 >= min(s.end - s.start, g["end"] - g["start"]):
            return True
    return False


def prepare(docs: list[dict]) -> tuple[list[Example], list[tuple[dict, list, object]]]:
    """(decisions on the first halves in reading order, [(second-half doc, its suggestions, sections)])."""
    train: list[Example] = []
    test = []
    for doc in docs:
        text = doc["text"]
        cut = _cut(text)
        proposed, sections = suggest_for(text, implicit=True)
        first = [s for s in proposed if s.end <= cut]
        train += [Example(text, s, _accepted(s, doc["spans"])) for s in first]
        second_doc = {"id": doc.get("id", ""), "text": text, "spans": [g for g in doc["spans"] if g["start"] >= cut]}
        test.append((second_doc, [s for s in proposed if s.start >= cut], sections))
    return train, test


def prepare_documents(train_docs: list[dict], test_docs: list[dict]):
    """(decisions on every suggestion of train_docs in reading order, [(test doc, suggestions, sections)])."""
    train: list[Example] = []
    for doc in train_docs:
        proposed, _ = suggest_for(doc["text"], implicit=True)
        train += [Example(doc["text"], s, _accepted(s, doc["spans"])) for s in proposed]
    test = []
    for doc in test_docs:
        proposed, sections = suggest_for(doc["text"], implicit=True)
        test.append((doc, proposed, sections))
    return train, test


@dataclass
class Diagnosis:
    """How well the confidence of a fully trained learner separates the scored suggestions, per kind."""

    rejects_seen: int  # in training
    decisions_seen: int
    test_accepts: int
    test_rejects: int
    auc: float | None  # None: no model (too few decisions) or one outcome only in the scored part
    kept_accepts_at_half: int  # with a plain threshold of 0.5
    kept_rejects_at_half: int


def _auc(pos: list[float], neg: list[float]) -> float | None:
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def diagnose(train: list[Example], test, feature_set: str = "both", limit_rule: str = "crossdoc") -> dict[str, Diagnosis]:
    learner = Learner(feature_set=feature_set, limit_rule=limit_rule).fit(train)
    out = {}
    for k in KINDS:
        seen = [ex for ex in train if kind(ex.suggestion) == k]
        pos, neg = [], []
        for doc, proposed, _ in test:
            for s in proposed:
                if kind(s) != k:
                    continue
                p = learner.confidence(doc["text"], s)
                (pos if _accepted(s, doc["spans"]) else neg).append(-1.0 if p is None else p)
        trained = learner.trained_for(k)
        out[k] = Diagnosis(sum(1 for ex in seen if not ex.accepted), len(seen), len(pos), len(neg),
                           _auc(pos, neg) if trained else None,
                           sum(p >= 0.5 for p in pos) if trained else len(pos),
                           sum(p >= 0.5 for p in neg) if trained else len(neg))
    return out


def run(train: list[Example], test, threshold: float = DEFAULT_THRESHOLD,
        confident: bool = False) -> list[tuple[float, int, Score]]:
    """Scores as shipped; with ``confident`` only the suggestions not marked ``low_confidence`` (what the GUI
    shows in full at ``threshold``) are scored — the learner's ranking, measured."""
    rows = []
    for fraction in FRACTIONS:
        seen = train[: int(round(fraction * len(train)))]
        learner = Learner(threshold).fit(seen) if seen else None
        total = Score()
        for doc, proposed, sections in test:
            kept = learner.rerank(doc["text"], proposed) if learner else proposed
            if confident:
                kept = [s for s in kept if not s.attributes.get("low_confidence")]
            total.add(score_document(doc, kept, sections))
        rows.append((fraction, len(seen), total))
    return rows


def curve(docs: list[dict], threshold: float = DEFAULT_THRESHOLD) -> list[tuple[float, int, Score]]:
    """The ``halves`` split over ``docs``: (fraction of decisions, decisions seen, score on second halves)."""
    return run(*prepare(docs), threshold)


def by_documents(train_docs: list[dict], test_docs: list[dict], threshold: float = DEFAULT_THRESHOLD,
                 steps: int | None = None, feature_set: str = "both",
                 limit_rule: str = "crossdoc") -> list[tuple[int, int, Score]]:
    """The learning curve in documents: (documents adjudicated, decisions seen, score on ``test_docs``).

    A team adjudicates ``train_docs`` one after the other (every suggestion answered as the gold says);
    after each document the learner is refitted and the suggestions of the unseen ``test_docs`` are
    re-ranked and filtered. 0 documents is the rules alone.
    """
    per_doc = []
    for doc in train_docs:
        proposed, _ = suggest_for(doc["text"], implicit=True)
        per_doc.append([Example(doc["text"], s, _accepted(s, doc["spans"])) for s in proposed])
    test = [(doc, *suggest_for(doc["text"], implicit=True)) for doc in test_docs]
    rows = []
    counts = range(len(train_docs) + 1) if steps is None else sorted({round(i * len(train_docs) / steps)
                                                                       for i in range(steps + 1)})
    for k in counts:
        seen = [ex for examples in per_doc[:k] for ex in examples]
        learner = Learner(threshold, feature_set, limit_rule).fit(seen) if seen else None
        total = Score()
        for doc, proposed, sections in test:
            kept = learner.rerank(doc["text"], proposed) if learner else proposed
            total.add(score_document(doc, kept, sections))
        rows.append((k, len(seen), total))
    return rows


def rejected_cue_contexts(docs: list[dict]) -> tuple[int, int, int, int]:
    """(explicit directive decisions accepted, rejected, distinct rejected cue contexts, of those seen in two
    or more documents) when every suggestion of ``docs`` is answered as the gold says.

    A cue context is the cue with one character either side (又要抬, 总要过). It measures what a learner could
    carry from one document to the next: a rejected context that never comes back teaches nothing."""
    accepted = rejected = 0
    where: dict[str, set[str]] = {}
    for doc in docs:
        proposed, _ = suggest_for(doc["text"], implicit=False)
        for s in proposed:
            if kind(s) != "directive":
                continue
            if _accepted(s, doc["spans"]):
                accepted += 1
                continue
            rejected += 1
            word = s.rule.rsplit(":", 1)[-1] if ":" in s.rule else ""
            at = doc["text"].find(word, s.start, s.end) if word else -1
            if at >= 0:
                key = doc["text"][max(0, at - 1):at + len(word) + 1]
                where.setdefault(key, set()).add(doc.get("id", ""))
    return accepted, rejected, len(where), sum(1 for ids in where.values() if len(ids) >= 2)


def out_of_document_auc(docs: list[dict], feature_set: str = "both", folds: int = 5) -> dict[str, tuple[int, int, float | None]]:
    """Per suggestion kind: (accepted, rejected, AUC) of the confidence on documents left out of training.

    Every suggestion of ``docs`` is answered as the gold says; the documents are cut into ``folds`` groups in
    order, and each group is scored by a learner fitted on the others. An AUC near 0.5 says the decisions on
    some documents teach nothing about the next one, whatever the threshold: the flat curve is then the
    data's, not the threshold's."""
    per_doc = []
    for doc in docs:
        proposed, _ = suggest_for(doc["text"], implicit=True)
        per_doc.append([Example(doc["text"], s, _accepted(s, doc["spans"])) for s in proposed])
    n = len(per_doc)
    scored: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in KINDS}
    for fold in range(min(folds, n)):
        test = [ex for i, exs in enumerate(per_doc) if i * min(folds, n) // n == fold for ex in exs]
        train = [ex for i, exs in enumerate(per_doc) if i * min(folds, n) // n != fold for ex in exs]
        learner = Learner(feature_set=feature_set).fit(train)
        for ex in test:
            p = learner.confidence(ex.text, ex.suggestion)
            if p is not None:
                scored[kind(ex.suggestion)][0 if ex.accepted else 1].append(p)
    return {k: (len(pos), len(neg), _auc(pos, neg)) for k, (pos, neg) in scored.items()}


def _rows(name: str, rows, docs: bool = False) -> list[str]:
    out = []
    for fraction, n, sc in rows:
        st_p = sc.ratio(sc.st_proposed - sc.st_false, sc.st_proposed)
        seen = f"{fraction:>5}" if docs else f"{fraction:>5.0%}"
        out.append(f"{name:<18} {seen} {n:>9} {st_p:>7.3f} {sc.st_recall:>7.3f} {sc.d_precision:>7.3f}"
                   f" {sc.d_recall:>7.3f} {sc.ratio(sc.i_right, sc.i_proposed):>7.3f} {sc.i_recall:>7.3f}")
    return out


def _diagnosis_lines(name: str, diag: dict[str, Diagnosis]) -> list[str]:
    out = []
    for k, d in diag.items():
        auc = "  none" if d.auc is None else f"{d.auc:6.3f}"
        out.append(f"  {name:<16} {k:<19} seen {d.decisions_seen:>4} ({d.rejects_seen:>3} rejected)   scored "
                   f"{d.test_accepts:>4} right / {d.test_rejects:>3} wrong   AUC {auc}   at 0.5 keeps "
                   f"{d.kept_accepts_at_half}/{d.test_accepts} right, {d.kept_rejects_at_half}/{d.test_rejects} wrong")
    return out


def learning_curve_report(docs: list[dict], implicit: bool = True, threshold: float = DEFAULT_THRESHOLD) -> str:
    header = (f"{'split':<18} {'seen':>5} {'decisions':>9} {'stat P':>7} {'stat R':>7} {'dir P':>7} {'dir R':>7}"
              f" {'impl P':>7} {'impl R':>7}")
    lines = [f"learning curve (threshold {threshold}; every suggestion of the training part answered as the gold "
             "says; FRACTIONS of those decisions seen; rows ≥t score only what is not marked low_confidence)", header]
    dev = [d for d in docs if not is_held_out(d.get("id", ""))]
    held = [d for d in docs if is_held_out(d.get("id", ""))]
    diags = []
    for name, chosen in (("halves: dev", dev), ("halves: heldout", held)):
        train, test = prepare(chosen)
        lines += _rows(name, run(train, test, threshold))
        lines += _rows(name[:12] + " ≥t", run(train, test, threshold, confident=True))
        diags.append((name, diagnose(train, test)))
    train, test = prepare_documents(dev, held)
    lines += _rows("dev → heldout", run(train, test, threshold))
    lines += _rows("dev → heldout ≥t", run(train, test, threshold, confident=True))
    diags.append(("dev → heldout", diagnose(train, test)))
    order = {"": 0, "heldout-1": 1, "heldout-2": 2, "heldout-3": 3, "heldout-4": 4, "heldout-5": 5, "heldout-6": 6, "heldout-7": 7, "heldout-8": 8,
             "heldout-10": 10, "heldout-11": 11, "heldout-12": 12, "heldout-13": 13,
             "heldout-14": 14}
    batch = {d.get("id", ""): order[held_out_batch(d.get("id", ""))] for d in docs}
    for test_batch in (3, 4, 5):
        lines.append(f"same kind, by adjudicated documents (dev and the held-out batches before it, in order) → "
                     f"held-out batch {test_batch}; features lexical (rule and characters around span and cue) or "
                     "general (section, position, subject, verb class, markers); cut safe (fixed threshold) or "
                     "crossdoc (set on documents left out):")
        lines.append(f"{'kind':<26} {'docs':>5} {'decisions':>9} {'stat P':>7} {'stat R':>7} {'dir P':>7} "
                     f"{'dir R':>7} {'impl P':>7} {'impl R':>7}")
        for k in ("speech", "report"):
            train_k = [d for d in docs if batch[d.get("id", "")] < test_batch and doc_kind(d.get("id", "")) == k]
            test_k = [d for d in docs if batch[d.get("id", "")] == test_batch and doc_kind(d.get("id", "")) == k]
            if not (train_k and test_k):
                continue
            for feature_set, limit_rule in (("lexical", "safe"), ("lexical", "crossdoc"), ("general", "crossdoc"),
                                            ("both", "crossdoc")):
                name = f"{ {'speech': 'speeches'}.get(k, k + 's')} {feature_set[:3]}/{limit_rule[:5]}"
                lines += _rows(name, by_documents(train_k, test_k, threshold, steps=4, feature_set=feature_set,
                                                  limit_rule=limit_rule), docs=True)
    lines.append("ranking on documents left out of training (5 groups in order; dev and held-out batches 1–3), "
                 "accepted / rejected / AUC:")
    for k in ("speech", "report"):
        seen_k = [d for d in docs if batch[d.get("id", "")] < 4 and doc_kind(d.get("id", "")) == k]
        for feature_set in ("lexical", "general", "both"):
            parts = [f"{kd} {a}/{r}/{'none' if auc is None else f'{auc:.2f}'}"
                     for kd, (a, r, auc) in out_of_document_auc(seen_k, feature_set).items()]
            lines.append(f"  {k:<7} {feature_set:<8} " + "   ".join(parts))
    acc, rej, contexts, recurring = rejected_cue_contexts([d for d in docs if batch[d.get("id", "")] < 4])
    lines.append(f"explicit directive decisions on dev and held-out batches 1–3: {acc} accepted, {rej} "
                 f"rejected; {contexts} distinct rejected cue contexts, {recurring} of them in two or more documents")
    lines.append("ranking of the scored suggestions by a learner trained on all the decisions of its split:")
    for name, diag in diags:
        lines += _diagnosis_lines(name, diag)
    if not implicit:
        lines.append("(implicit directives are proposed in this simulation either way: the learner is what "
                     "makes them usable)")
    return "\n".join(lines)


def readme_table(docs: list[dict], threshold: float = DEFAULT_THRESHOLD, steps: int = 4) -> str:
    """The learning curve for the README: the dev documents adjudicated one after the other (every suggestion
    answered as the gold says), the held-out documents scored after each step with the learner as shipped — all
    suggestions kept and re-ranked (recall cannot fall) — and, in the ≥t columns, only those shown in full at the
    GUI's threshold (not marked ``low_confidence``: what an annotator accepting with Enter sees)."""
    dev = [d for d in docs if not is_held_out(d.get("id", ""))]
    held = [d for d in docs if is_held_out(d.get("id", ""))]
    per_doc = []
    for doc in dev:
        proposed, _ = suggest_for(doc["text"], implicit=True)
        per_doc.append([Example(doc["text"], s, _accepted(s, doc["spans"])) for s in proposed])
    test = [(doc, *suggest_for(doc["text"], implicit=True)) for doc in held]
    lines = [f"dev documents adjudicated → {len(held)} held-out documents (threshold {threshold})",
             f"{'docs':>4} {'decisions':>9} | {'stat P':>6} {'stat R':>6} {'dir P':>6} {'dir R':>6} {'impl P':>6} "
             f"{'impl R':>6} | ≥t: {'dir P':>6} {'dir R':>6} {'impl P':>6} {'impl R':>6}"]
    for k in sorted({round(i * len(dev) / steps) for i in range(steps + 1)}):
        seen = [ex for examples in per_doc[:k] for ex in examples]
        learner = Learner(threshold).fit(seen) if seen else None
        shipped, shown = Score(), Score()
        for doc, proposed, sections in test:
            kept = learner.rerank(doc["text"], proposed) if learner else proposed
            shipped.add(score_document(doc, kept, sections))
            shown.add(score_document(doc, [s for s in kept if not s.attributes.get("low_confidence")], sections))
        st_p = shipped.ratio(shipped.st_proposed - shipped.st_false, shipped.st_proposed)
        lines.append(f"{k:>4} {len(seen):>9} | {st_p:>6.3f} {shipped.st_recall:>6.3f} {shipped.d_precision:>6.3f} "
                     f"{shipped.d_recall:>6.3f} {shipped.ratio(shipped.i_right, shipped.i_proposed):>6.3f} "
                     f"{shipped.i_recall:>6.3f} |     {shown.d_precision:>6.3f} {shown.d_recall:>6.3f} "
                     f"{shown.ratio(shown.i_right, shown.i_proposed):>6.3f} {shown.i_recall:>6.3f}")
    return "\n".join(lines)


if __name__ == "__main__":  # python -m annotator.suggest.curve: the README's table (~1 min)
    from annotator.suggest.gold import load_gold  # noqa: PLC0415

    print(readme_table(load_gold()))
