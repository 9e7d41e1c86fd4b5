"""Entity-evaluation conventions from NER, for comparing with published tool output.

* ``semeval_evaluate`` — the SemEval-2013 Task 9.1 scheme (strict / exact / partial / type with
  COR, INC, PAR, MIS, SPU), matching nervaluate: each candidate is compared with the first
  reference span it touches; a reference may be touched by several candidates.
* ``bio_to_spans`` / ``bio_f1`` — conlleval/seqeval chunking of BIO tag sequences and exact span F1.

These are reference-vs-candidate scores (e.g. an annotator against gold, a suggester against an
annotator). Undefined ratios are 0.0 here because that is what those tools print.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Sequence

SCHEMES = ("strict", "exact", "partial", "type")


@dataclass
class SchemeCounts:
    COR: int = 0
    INC: int = 0
    PAR: int = 0
    MIS: int = 0
    SPU: int = 0

    @property
    def possible(self) -> int:
        return self.COR + self.INC + self.PAR + self.MIS

    @property
    def actual(self) -> int:
        return self.COR + self.INC + self.PAR + self.SPU

    @property
    def precision(self) -> float:
        return (self.COR + 0.5 * self.PAR) / self.actual if self.actual else 0.0

    @property
    def recall(self) -> float:
        return (self.COR + 0.5 * self.PAR) / self.possible if self.possible else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict:
        return {"COR": self.COR, "INC": self.INC, "PAR": self.PAR, "MIS": self.MIS, "SPU": self.SPU,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


def semeval_evaluate(reference: Sequence[tuple[int, int, str]],
                     candidate: Sequence[tuple[int, int, str]]) -> dict[str, SchemeCounts]:
    """Counts per scheme for half-open (start, end, label) spans."""
    out = {s: SchemeCounts() for s in SCHEMES}
    ref = [tuple(r[:3]) for r in reference]
    ref_set = set(ref)
    touched: set = set()

    def bump(strict, exact, partial, typ):
        for scheme, kind in zip(SCHEMES, (strict, exact, partial, typ)):
            c = out[scheme]
            setattr(c, kind, getattr(c, kind) + 1)

    for cand in (tuple(c[:3]) for c in candidate):
        s, e, label = cand
        if cand in ref_set:
            touched.add(cand)
            bump("COR", "COR", "COR", "COR")
            continue
        for r in ref:
            if r[0] == s and r[1] == e:  # same offsets, different type
                touched.add(r)
                bump("INC", "COR", "COR", "INC")
                break
            if r[0] < e and s < r[1]:  # overlap with different offsets
                touched.add(r)
                bump("INC", "INC", "PAR", "COR" if r[2] == label else "INC")
                break
        else:
            bump("SPU", "SPU", "SPU", "SPU")
    for r in ref:
        if r not in touched:
            bump("MIS", "MIS", "MIS", "MIS")
    return out


def bio_to_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Chunks of a BIO(ES) tag sequence as half-open (start, end, type), conlleval style: an I-
    after O or after another type starts a new chunk rather than being dropped."""
    spans = []
    start, kind = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, typ = tag.partition("-")
        if tag == "O" or not typ:
            prefix, typ = "O", None
        begins = prefix in ("B", "S") or (prefix in ("I", "E") and typ != kind)
        if start is not None and (prefix == "O" or begins):
            spans.append((start, i, kind))
            start, kind = None, None
        if prefix != "O" and start is None:
            start, kind = i, typ
        if prefix in ("E", "S") and start is not None:
            spans.append((start, i + 1, kind))
            start, kind = None, None
    return spans


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float
    support: int


def _prf(tp: int, n_pred: int, n_true: int) -> PRF:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_true if n_true else 0.0
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0, n_true)


def bio_f1(y_true: Sequence[Sequence[str]], y_pred: Sequence[Sequence[str]]) -> tuple[PRF, dict[str, PRF]]:
    """Micro exact-span P/R/F1 over sentences of BIO tags, and the same per entity type."""
    true, pred = Counter(), Counter()
    for k, (t, p) in enumerate(zip(y_true, y_pred)):
        if len(t) != len(p):
            raise ValueError(f"sentence {k}: {len(t)} gold tags but {len(p)} predicted")
        true.update((k, *s) for s in bio_to_spans(t))
        pred.update((k, *s) for s in bio_to_spans(p))
    both = true & pred
    overall = _prf(sum(both.values()), sum(pred.values()), sum(true.values()))
    per_type = {}
    for typ in sorted({s[3] for s in true} | {s[3] for s in pred}):
        def n(c):
            return sum(v for s, v in c.items() if s[3] == typ)
        per_type[typ] = _prf(n(both), n(pred), n(true))
    return overall, per_type
