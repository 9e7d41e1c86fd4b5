"""A gold-trained prior for explicit directives: a clause classifier that may filter and add suggestions.

Why: rule rounds tuned on the dev documents stopped moving unseen ones (issue 17, session 9), and the
per-project learner (annotator.suggest.learner) learns only from a team's answers on the rules' proposals.
This model is trained on the *gold* instead, on two kinds of candidate clause:

* ``rule``: every explicit directive the rules propose; the model may drop it (precision);
* ``stat``: every statistic the rules propose; the model may drop it (false numerals), right when it overlaps
  a gold statistic (the evaluation's false-numeral rule);
* ``cue``: a segment (cut at ；。！？ and line ends) that carries a loose cue (要, 应, 必须, 请, 不能, 希望…)
  and that no rule proposal overlaps — the span runs from the clause with the cue to the segment's end, as
  the unit rule says (annotator.suggest.directives); the model may add it (recall).

A candidate is *right* when it overlaps a gold directive by ≥ 50 % of the shorter of the two (the
evaluation's precision rule). Features: the per-project learner's own (``featurize("both")``: rule, cue
context, section, subject, markers) plus character 1–3-grams of the clause's opening, of its left context
in the sentence (the subject, 将/愿/能 before the cue), the characters around the cue, and reported-speech,
quotation and past-narrative cues of the sentence. Logistic regression, L2, full-batch gradient descent in
numpy: deterministic, no new dependency.

Whether it is used at all is decided by leave-one-batch-out cross-validation (annotator.suggest.prior_cv, whose
docstring holds the figures). It did not pay (session 9), so nothing here is wired into suggest() and no
artefact is shipped: this module is the experiment, kept so the check can be re-run when the gold grows.
"""

from __future__ import annotations

import json
import math
import re
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from annotator.domain.model import Suggestion
from annotator.suggest.learner import bounds as _bounds

ARTEFACT = Path(__file__).resolve().parents[2] / "resources" / "suggest_prior.json"
SOURCES = ("rule", "cue", "stat")
# Decided before any cross-validated figure was seen: drop a rule proposal below 0.5, add a cue candidate at
# or above 0.5 (the model's own even odds; no threshold is tuned, so nothing of a left-out batch sets one).
DROP_BELOW = 0.5
ADD_AT = 0.5
MIN_COUNT = 2  # a feature must occur in ≥ 2 training candidates (keeps the artefact small, one-offs out)
L2 = 1e-3
ITERATIONS = 400
_SENTENCE_END = "。！？!?\n"
_SEGMENT_END = "。！？!?；;\n"
# Loose on purpose: the model, not this pattern, decides. Covers the cue words of the gold's marking rules.
CUE_RE = re.compile(r"必须|务必|一定|决不|绝不|不得|不准|不许|禁止|严禁|不要|不能|不可|不用|不应|应当|应该|应|须|"
                    r"要|得|请|希望|望|劝|确保|坚决|切实|力争|让我们|需要|只能|鼓励|倡导|号召|提倡")
_REPORTED = re.compile(r"说|讲|指出|强调|认为|提出|表示|主张|宣布|告诉|问|答")
_QUOTE_OPEN = re.compile(r"[“「『\"]")
_PAST = re.compile(r"了|已经|已|曾|过去|去年|当时|那时|年来|取得")
_INTENT = re.compile(r"将|愿|能|会|可以|可能|就|才|想|打算|决心|准备")


def _grams(prefix: str, s: str, n_max: int = 3) -> dict[str, float]:
    f = {}
    for n in range(1, n_max + 1):
        for i in range(len(s) - n + 1):
            f[f"{prefix}{n}={s[i:i + n]}"] = 1.0
    return f


def cue_candidates(text: str, proposals: list[Suggestion]) -> list[Suggestion]:
    """Segments with a loose cue that no explicit rule proposal overlaps (implicit ones do not count)."""
    taken = sorted((p.start, p.end) for p in proposals if p.label == "directive")
    out = []
    i = 0
    n = len(text)
    while i < n:
        s, e = _bounds(text, i, i, _SEGMENT_END)
        e = min(n, e + 1)
        seg = text[s:e]
        m = CUE_RE.search(seg)
        if m and seg.strip() and not any(a < e and s < b for a, b in taken):
            # the span opens at the clause with the cue (a ，/： before it closes the previous clause)
            start = s + max(seg.rfind("，", 0, m.start()), seg.rfind("：", 0, m.start()), seg.rfind(",", 0, m.start())) + 1
            while start < e and text[start].isspace():
                start += 1
            end = e
            while end > start and text[end - 1].isspace():
                end -= 1
            if end - start >= 4:
                out.append(Suggestion(start=start, end=end, label="directive", score=0.5,
                                      attributes={"strength": "normal"}, rule=f"prior:cue:{m.group(0)}"))
        i = e if e > i else i + 1
    return out


def candidate_features(text: str, s: Suggestion, source: str) -> dict[str, float]:
    """The learner's features plus character n-grams of the clause and its context (module docstring)."""
    from annotator.suggest.learner import featurize  # noqa: PLC0415

    f = {f"{source}:{k}": v for k, v in featurize("both", text, s).items()}
    f[f"src={source}"] = 1.0
    s_start, s_end = _bounds(text, s.start, s.end, _SENTENCE_END)
    sentence = text[s_start:s_end]
    left = text[s_start:s.start][-8:]
    f.update(_grams("c", text[s.start:s.start + 10]))
    f.update(_grams("l", left, 2))
    word = s.rule.rsplit(":", 1)[-1] if ":" in s.rule else ""
    at = text.find(word, s.start, s.end) if word else -1
    if at < 0:
        m = CUE_RE.search(text, s.start, s.end)
        at, word = (m.start(), m.group(0)) if m else (s.start, "")
    f[f"cue={word}"] = 1.0
    f.update(_grams("wl", text[max(s_start, at - 3):at], 2))
    f.update(_grams("wr", text[at + len(word):at + len(word) + 3], 2))
    before_cue = text[s_start:at]
    for name, pattern in (("reported", _REPORTED), ("past", _PAST), ("intent", _INTENT)):
        if pattern.search(before_cue):
            f[f"pre_{name}"] = 1.0
    if _QUOTE_OPEN.search(before_cue):
        f["in_quote"] = 1.0
    if _PAST.search(sentence):
        f["sent_past"] = 1.0
    f[f"span_len={min(6, (s.end - s.start) // 10)}"] = 1.0
    return f


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def fit(rows: list[tuple[dict[str, float], bool]]) -> dict[str, float]:
    """L2 logistic regression by full-batch gradient descent with momentum: weights by feature name.

    The vocabulary is made of these rows only (features in ≥ MIN_COUNT rows), so a caller that passes
    training rows only cannot leak anything of other documents into the model.
    """
    counts: dict[str, int] = {}
    for x, _ in rows:
        for k in x:
            counts[k] = counts.get(k, 0) + 1
    vocab = sorted(k for k, c in counts.items() if c >= MIN_COUNT or k == "bias")
    index = {k: i for i, k in enumerate(vocab)}
    row_of, cols, vals = [], [], []
    for r, (x, _) in enumerate(rows):
        for k in sorted(x):
            if k in index:
                row_of.append(r)
                cols.append(index[k])
                vals.append(x[k])
    row_of_a, cols_a, vals_a = np.array(row_of), np.array(cols), np.array(vals, dtype=np.float64)
    y = np.array([1.0 if y else 0.0 for _, y in rows])
    n, d = len(rows), len(vocab)
    w = np.zeros(d)
    velocity = np.zeros(d)
    rate = 1.0
    for _ in range(ITERATIONS):
        z = np.bincount(row_of_a, weights=vals_a * w[cols_a], minlength=n)
        err = (_sigmoid(z) - y) / n
        grad = np.bincount(cols_a, weights=vals_a * err[row_of_a], minlength=d) + L2 * w
        velocity = 0.9 * velocity - rate * grad
        w = w + velocity
    return {k: round(float(v), 5) for k, v in zip(vocab, w) if abs(v) >= 1e-5}


def probability(weights: dict[str, float], x: dict[str, float]) -> float:
    z = sum(weights.get(k, 0.0) * v for k, v in x.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def is_right(doc: dict, s: Suggestion) -> bool:
    """The evaluation's precision rule: overlap ≥ 50 % of the shorter with any gold directive."""
    return any(min(s.end, g["end"]) - max(s.start, g["start"]) > 0
               and 2 * (min(s.end, g["end"]) - max(s.start, g["start"])) >= min(s.end - s.start, g["end"] - g["start"])
               for g in doc["spans"] if g["label"] == "directive")


def training_rows(doc: dict, proposals: list[Suggestion]) -> dict[str, list[tuple[dict[str, float], bool]]]:
    """Labelled candidates of one gold document, by source."""
    text = doc["text"]
    rows: dict[str, list] = {src: [] for src in SOURCES}
    for p in proposals:
        if p.label == "directive" and p.attributes.get("cue") != "implicit":
            rows["rule"].append((candidate_features(text, p, "rule"), is_right(doc, p)))
    for c in cue_candidates(text, proposals):
        rows["cue"].append((candidate_features(text, c, "cue"), is_right(doc, c)))
    gold_st = [(g["start"], g["end"]) for g in doc["spans"] if g["label"] == "statistic"]
    for p in proposals:
        if p.label == "statistic":
            rows["stat"].append((candidate_features(text, p, "stat"),
                                 any(min(p.end, b) > max(p.start, a) for a, b in gold_st)))
    return rows


class Prior:
    """Weights per candidate source; ``apply`` filters rule proposals and adds cue candidates."""

    def __init__(self, weights: dict[str, dict[str, float]], drop_below: float = DROP_BELOW, add_at: float = ADD_AT,
                 stat_below: float = DROP_BELOW):
        self.weights = weights
        self.drop_below = drop_below
        self.add_at = add_at
        self.stat_below = stat_below

    @classmethod
    def train(cls, rows: dict[str, list[tuple[dict[str, float], bool]]], **kw) -> "Prior":
        return cls({src: fit(r) for src, r in rows.items() if r and any(y for _, y in r) and not all(y for _, y in r)}, **kw)

    def apply(self, text: str, proposals: list[Suggestion], filter_rules: bool = True,
              add_cues: bool = True, filter_stats: bool = False) -> list[Suggestion]:
        out = []
        for p in proposals:
            if filter_stats and p.label == "statistic" and "stat" in self.weights:
                if probability(self.weights["stat"], candidate_features(text, p, "stat")) < self.stat_below:
                    continue
            if p.label == "directive" and p.attributes.get("cue") != "implicit" and "rule" in self.weights:
                prob = probability(self.weights["rule"], candidate_features(text, p, "rule"))
                if filter_rules and prob < self.drop_below:
                    continue
                p = replace(p, attributes=dict(p.attributes, prior=round(prob, 3)))
            out.append(p)
        if add_cues and "cue" in self.weights:
            for c in cue_candidates(text, proposals):
                prob = probability(self.weights["cue"], candidate_features(text, c, "cue"))
                if prob >= self.add_at:
                    out.append(replace(c, score=round(prob, 4), attributes=dict(c.attributes, prior=round(prob, 3),
                                                                                   low_confidence=True)))
        return sorted(out, key=lambda s: (s.start, -s.end, s.label))

    def to_json(self) -> str:
        return json.dumps({"version": 1, "drop_below": self.drop_below, "add_at": self.add_at,
                           "stat_below": self.stat_below,
                           "weights": self.weights}, ensure_ascii=False, sort_keys=True, indent=0) + "\n"

    @classmethod
    def from_json(cls, data: str) -> "Prior":
        obj = json.loads(data)
        if obj.get("version") != 1:
            raise ValueError(f"unknown prior version {obj.get('version')!r}")
        return cls({str(k): {str(f): float(v) for f, v in w.items()} for k, w in obj["weights"].items()},
                   float(obj["drop_below"]), float(obj["add_at"]), float(obj.get("stat_below", DROP_BELOW)))
