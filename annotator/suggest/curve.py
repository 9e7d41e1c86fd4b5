"""The learner, measured honestly: a simulated annotator decides on the first part, the rest is scored.

For each document of a part (dev or held-out) the text is cut at the sentence end nearest its middle.
A simulated annotator accepts every suggestion of the first halves that the gold set confirms and
rejects the others, in reading order; after the first k % of those decisions the learner is trained and
the suggestions of the *second* halves (never seen in training) are re-ranked and filtered, then scored
against the gold spans there. k = 0 is the rules alone. Precision must rise and recall must not fall.
"""

from __future__ import annotations

from annotator.suggest.evaluate import Score, _overlap, score_document, suggest_for
from annotator.suggest.gold import is_held_out
from annotator.suggest.learner import DEFAULT_THRESHOLD, Example, Learner

FRACTIONS = (0.0, 0.1, 0.25, 0.5, 0.75, 1.0)


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


def _implicit_precision(sc: Score) -> float:
    return sc.ratio(sc.i_right, sc.i_proposed)


def curve(docs: list[dict], threshold: float = DEFAULT_THRESHOLD) -> list[tuple[float, int, Score]]:
    train, test = prepare(docs)
    rows = []
    for fraction in FRACTIONS:
        seen = train[: int(round(fraction * len(train)))]
        learner = Learner(threshold).fit(seen) if seen else None
        total = Score()
        for doc, proposed, sections in test:
            kept = learner.rerank(doc["text"], proposed) if learner else proposed
            total.add(score_document(doc, kept, sections))
        rows.append((fraction, len(seen), total))
    return rows


def learning_curve_report(docs: list[dict], implicit: bool = True, threshold: float = DEFAULT_THRESHOLD) -> str:
    lines = [f"learning curve (threshold {threshold}): decisions on the first half of each document, "
             "scores on the second halves"]
    header = (f"{'part':<8} {'seen':>5} {'decisions':>9} {'stat P':>7} {'stat R':>7} {'dir P':>7} {'dir R':>7}"
              f" {'impl P':>7} {'impl R':>7}")
    lines.append(header)
    for part in ("dev", "heldout", "all"):
        chosen = [d for d in docs if part == "all" or is_held_out(d.get("id", "")) == (part == "heldout")]
        for fraction, n, sc in curve(chosen, threshold):
            st_p = sc.ratio(sc.st_proposed - sc.st_false, sc.st_proposed)
            lines.append(f"{part:<8} {fraction:>5.0%} {n:>9} {st_p:>7.3f} {sc.st_recall:>7.3f} {sc.d_precision:>7.3f}"
                         f" {sc.d_recall:>7.3f} {_implicit_precision(sc):>7.3f} {sc.i_recall:>7.3f}")
    if not implicit:
        lines.append("(implicit directives are proposed in this simulation either way: the learner is what "
                     "makes them usable)")
    return "\n".join(lines)
