"""Score the suggesters against the gold set (annotator.suggest.gold), per part and per document.

    python -m annotator.suggest.evaluate                  # dev and held-out tables, per document
    python -m annotator.suggest.evaluate --errors         # + misses and false proposals by error class
    python -m annotator.suggest.evaluate --dev-only       # dev documents only (while changing rules)
    python -m annotator.suggest.evaluate --heldout-total-only  # held-out part as its sum rows only
    python -m annotator.suggest.evaluate --implicit       # also propose implicit directives
    python -m annotator.suggest.evaluate --learning-curve # the per-project learner, simulated (~4 min)
    python -m annotator.suggest.evaluate --bench          # ms for a ~30 000-character speech
    python -m annotator.suggest.evaluate --build          # rebuild gold.jsonl from the marked-up sources
    python -m annotator.suggest.prior_cv                  # a gold-trained model against the rules, leave one
                                                          # held-out batch out (design and figures: its docstring)

Matching rules (tests/unit/test_suggest_eval.py asserts the targets with them):
  * statistic value recall: a gold statistic is found when one proposed statistic covers its value
    (``value_text`` inside the gold span); *exact value*: the found value's text equals the gold one, bound
    words (约, 以上…) aside; *false numerals*: proposed statistics overlapping no gold statistic, as a
    share of the numerals in the text that are not gold statistic values;
  * explicit directive recall: a gold ``D`` directive is found when one proposed explicit directive
    overlaps ≥ 50 % of it; precision: a proposed explicit directive is right when it overlaps a gold
    directive (explicit or implicit) by ≥ 50 % of the shorter of the two. Implicit directives (``I``)
    are scored apart, against the implicit suggestions.
Documents are parsed into an outline first, as the application does, so headings are judged as titles.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from annotator.suggest import errors
from annotator.suggest.gold import (GOLD_FILE, build_gold, doc_kind, held_out_batch, is_dev13, is_held_out, is_implicit, is_plan,
                                    load_gold, parse_markup, write_gold)

__all__ = ["GOLD_FILE", "Score", "bench", "build_gold", "load_gold", "parse_markup", "score", "main"]

_BOUND = re.compile(r"^(?:约有|约|近|超过|逾|不足|不到|将近|接近|大约|高达|多达|突破|超|不少于|不低于|不超过|不高于|至少|最多|高于|低于|达)"
                    r"|(?:左右|以上|以下|以内|上下|之多|有余|多一点)$")
# Numerals a reader would count: Arabic numbers, and Chinese counting numerals other than a lone 一.
_NUMERAL = re.compile(r"\d+(?:[.,]\d+)*|[零〇一二两三四五六七八九十百千万亿]*[二两三四五六七八九十百千万亿][零〇一二两三四五六七八九十百千万亿]*")


def value_core(text: str) -> str:
    return _BOUND.sub("", _BOUND.sub("", text.strip()))


@dataclass
class Score:
    """Counts for one document (or a sum of documents)."""

    st_gold: int = 0
    st_found: int = 0
    st_exact: int = 0
    st_proposed: int = 0
    st_false: int = 0
    numerals: int = 0  # numerals of the text that are not gold statistic values
    d_gold: int = 0
    d_found: int = 0
    d_proposed: int = 0
    d_right: int = 0
    i_gold: int = 0
    i_found: int = 0
    i_proposed: int = 0
    i_right: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, class, "doc: text")

    def add(self, other: "Score") -> "Score":
        for name in self.__dataclass_fields__:
            if name != "errors":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors += other.errors
        return self

    @staticmethod
    def ratio(num: int, den: int) -> float:
        return num / den if den else 1.0

    @property
    def st_recall(self) -> float:
        return self.ratio(self.st_found, self.st_gold)

    @property
    def st_exact_rate(self) -> float:
        return self.ratio(self.st_exact, self.st_gold)

    @property
    def false_numerals(self) -> float:
        return self.st_false / self.numerals if self.numerals else 0.0

    @property
    def d_recall(self) -> float:
        return self.ratio(self.d_found, self.d_gold)

    @property
    def d_precision(self) -> float:
        return self.ratio(self.d_right, self.d_proposed)

    @property
    def i_recall(self) -> float:
        return self.ratio(self.i_found, self.i_gold)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _value_range(text: str, span: dict) -> tuple[int, int]:
    value = span["attributes"].get("value_text", "")
    at = text.rfind(value, span["start"], span["end"]) if value else -1
    return (at, at + len(value)) if at >= 0 else (span["start"], span["end"])


def _headings(sections) -> set[tuple[int, int]]:
    return {(s.title_start, s.title_end) for s in sections or ()}


def score_document(doc: dict, proposed: list, sections=()) -> Score:
    """Compare one document's suggestions with its gold spans."""
    text, name = doc["text"], doc.get("id", "")
    sc = Score()
    gold_st = [s for s in doc["spans"] if s["label"] == "statistic"]
    mine_st = [p for p in proposed if p.label == "statistic"]
    values = [_value_range(text, g) for g in gold_st]
    sc.st_gold, sc.st_proposed = len(gold_st), len(mine_st)
    sc.numerals = sum(1 for m in _NUMERAL.finditer(text) if not any(_overlap(m.span(), v) for v in values))
    for g, v in zip(gold_st, values):
        cover = [p for p in mine_st if p.start <= v[0] and v[1] <= p.end]
        if not cover:
            sc.errors.append(("statistic miss", errors.statistic_miss(text[v[0]:v[1]]),
                              f"{name}: {text[g['start']:g['end']]}"))
            continue
        sc.st_found += 1
        gold_value = text[v[0]:v[1]]
        got = min(cover, key=lambda p: p.end - p.start).attributes.get("value_text", "")
        if value_core(got) == value_core(gold_value):
            sc.st_exact += 1
        else:
            sc.errors.append(("statistic boundary", errors.boundary(gold_value, got), f"{name}: {gold_value} → {got}"))
    for p in mine_st:
        if not any(_overlap((p.start, p.end), (g["start"], g["end"])) for g in gold_st):
            sc.st_false += 1
            sc.errors.append(("statistic false", errors.statistic_false(text[p.start:p.end]),
                              f"{name}: {text[p.start:p.end]}"))
    heads = _headings(sections)
    gold_d = [g for g in doc["spans"] if g["label"] == "directive"]
    for kind in ("explicit", "implicit"):
        gold = [g for g in gold_d if is_implicit(g) == (kind == "implicit")]
        mine = [p for p in proposed if p.label == "directive"
                and (p.attributes.get("cue") == "implicit") == (kind == "implicit")]
        found = 0
        for g in gold:
            hit = any(_overlap((p.start, p.end), (g["start"], g["end"])) * 2 >= g["end"] - g["start"] for p in mine)
            found += hit
            if not hit and kind == "explicit":
                heading = any(_overlap((g["start"], g["end"]), h) for h in heads)
                sc.errors.append(("directive miss", errors.directive_miss(text[g["start"]:g["end"]], heading),
                                  f"{name}: {text[g['start']:g['end']]}"))
        right = 0
        for p in mine:
            ok = any(_overlap((p.start, p.end), (g["start"], g["end"])) * 2
                     >= min(p.end - p.start, g["end"] - g["start"]) for g in gold_d)
            right += ok
            if not ok:
                sc.errors.append((f"{kind} directive false", errors.directive_false(text[p.start:p.end], p.rule),
                                  f"{name}: {text[p.start:p.end]}"))
        if kind == "explicit":
            sc.d_gold, sc.d_found, sc.d_proposed, sc.d_right = len(gold), found, len(mine), right
        else:
            sc.i_gold, sc.i_found, sc.i_proposed, sc.i_right = len(gold), found, len(mine), right
    return sc


def suggest_for(text: str, unit: str = "clause", implicit: bool = False):
    """(suggestions, sections) for a document, with the outline parsed as the application does."""
    from annotator.structure.outline import parse_outline  # noqa: PLC0415 - keep --build light
    from annotator.suggest.engine import suggest  # noqa: PLC0415

    sections = parse_outline(text)
    return suggest(text, sections, unit=unit, implicit=implicit), sections


def score(docs: list[dict], unit: str = "clause", implicit: bool = False) -> dict[str, Score]:
    """Per-document scores keyed by document id, plus "dev", "heldout" (with its parts "heldout-1" …
    "heldout-5", "heldout-6", "heldout-7", "heldout-8", "heldout-10", "heldout-11", "heldout-12", "heldout-14"), "dev-13" (batch 13,
    dev since session 10; "dev-old" is the rest of dev) and "all" sums."""
    out: dict[str, Score] = {name: Score() for name in _SUMS}
    for doc in docs:
        proposed, sections = suggest_for(doc["text"], unit, implicit)
        sc = score_document(doc, proposed, sections)
        out[doc.get("id", "")] = sc
        part = "heldout" if is_held_out(doc.get("id", "")) else "dev"
        out[part].add(sc)
        if part == "dev":
            out["dev-13" if is_dev13(doc.get("id", "")) else "dev-old"].add(sc)
        out.setdefault(f"{part}:{doc_kind(doc.get('id', ''))}", Score()).add(sc)
        if is_plan(doc.get("id", "")):
            out.setdefault(f"{part}:plan", Score()).add(sc)
        batch = held_out_batch(doc.get("id", ""))
        if batch:
            out[batch].add(sc)
            out.setdefault(f"{batch}:{doc_kind(doc.get('id', ''))}", Score()).add(sc)
            if is_plan(doc.get("id", "")):
                out.setdefault(f"{batch}:plan", Score()).add(sc)
        out["all"].add(sc)
    return out


def bench_text(min_chars: int = 30_000) -> str:
    """A long speech made of the gold documents, repeated: realistic density of cues and numbers."""
    parts, n = [], 0
    docs = load_gold()
    while n < min_chars:
        for doc in docs:
            parts.append(doc["text"])
            n += len(doc["text"])
    return "\n".join(parts)


def bench(repeat: int = 5) -> tuple[int, float]:
    from annotator.suggest.engine import suggest  # noqa: PLC0415

    text = bench_text()
    suggest(text)  # compile regexes once, as a running app would have
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        suggest(text)
        best = min(best, time.perf_counter() - t0)
    return len(text), best * 1000


_HEADER = (f"{'document':<44} {'st.gold':>7} {'recall':>6} {'exact':>6} {'false%':>6} "
           f"{'dir.gold':>8} {'recall':>6} {'prec':>6} {'impl.gold':>9} {'recall':>6} {'prec':>6}")


def _row(name: str, sc: Score) -> str:
    return (f"{name[:44]:<44} {sc.st_gold:>7} {sc.st_recall:>6.3f} {sc.st_exact_rate:>6.3f} "
            f"{100 * sc.false_numerals:>6.1f} {sc.d_gold:>8} {sc.d_recall:>6.3f} {sc.d_precision:>6.3f} "
            f"{sc.i_gold:>9} {sc.i_recall:>6.3f} {sc.ratio(sc.i_right, sc.i_proposed):>6.3f}")


_BATCHES = ("heldout-1", "heldout-2", "heldout-3", "heldout-4", "heldout-5", "heldout-6", "heldout-7", "heldout-8", "heldout-10",
            "heldout-11", "heldout-12", "heldout-14")
_SUMS = ("dev", "dev-old", "dev-13", "heldout", *_BATCHES, "all")


def _kind_rows(scores: dict[str, Score], part: str, docs: list[str]) -> list[str]:
    """The part's sums for speeches and for reports apart (examiners found speeches much worse)."""
    rows = []
    for kind, plural in (("speech", "speeches"), ("report", "reports")):
        if f"{part}:{kind}" in scores:
            n = sum(1 for k in docs if doc_kind(k) == kind)
            rows.append(_row(f"   {part} {plural} ({n})", scores[f"{part}:{kind}"]))
    if f"{part}:plan" in scores:  # a subset of the reports (gold.is_plan)
        n = sum(1 for k in docs if is_plan(k))
        rows.append(_row(f"     of which plans ({n})", scores[f"{part}:plan"]))
    return rows


def report(scores: dict[str, Score], show_errors: bool = False, heldout_examples: bool = False,
           heldout_total_only: bool = False) -> str:
    """The tables; with ``show_errors`` every dev error with its example, held-out ones only as counts unless
    ``heldout_examples`` (reading held-out examples is tuning on them: the CLI asks for it explicitly). With
    ``heldout_total_only`` the held-out part shows its sum rows only (no document, batch or error class): how a
    round measures whether its rules moved the unseen documents without learning which ones."""
    lines = [_HEADER]
    for part in ("dev", "heldout"):
        docs = [k for k in scores if k not in _SUMS and ":" not in k and is_held_out(k) == (part == "heldout")]
        batches = ("",) if part == "dev" else () if heldout_total_only else _BATCHES
        for batch in batches:
            mine = [k for k in docs if held_out_batch(k) == batch]
            lines += [_row(k, scores[k]) for k in mine]
            if batch and mine:
                lines.append(_row(f"== {batch.upper()} ({len(mine)} documents)", scores[batch]))
                lines += _kind_rows(scores, batch, mine)
        if part == "dev":  # batch 13 was held out until its first scoring: its figures stay apart from the older dev
            n13 = sum(1 for k in docs if is_dev13(k))
            lines.append(_row(f"== DEV-OLD ({len(docs) - n13} documents)", scores["dev-old"]))
            lines.append(_row(f"== DEV-13 ({n13} documents, batch 13)", scores["dev-13"]))
        lines.append(_row(f"== {part.upper()} ({len(docs)} documents)", scores[part]))
        lines += _kind_rows(scores, part, docs)
    lines.append(_row("== ALL", scores["all"]))
    lines.append("targets (held-out): statistic recall ≥ 0.97, exact ≥ 0.95, false numerals ≤ 3 %; "
                 "explicit directive recall ≥ 0.95, precision ≥ 0.95 overall and ≥ 0.90 per document")
    for part in ("dev",) if heldout_total_only else ("dev", "heldout"):
        counts = Counter((kind, cls) for kind, cls, _ in scores[part].errors)
        lines.append(f"-- error classes, {part}:")
        for (kind, cls), n in sorted(counts.items()):
            lines.append(f"   {kind:<28} {cls:<40} {n:>4}")
    if show_errors:
        for part in ("dev", "heldout") if heldout_examples else ("dev",):
            for kind, cls, example in scores[part].errors:
                lines.append(f"{part:<7} {kind:<26} [{cls}] {example[:110]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m annotator.suggest.evaluate", description=__doc__.split("\n")[0])
    ap.add_argument("--bench", action="store_true", help="time suggest() on a ~30 000-character speech")
    ap.add_argument("--build", action="store_true", help="rebuild gold.jsonl from the marked-up sources")
    ap.add_argument("--unit", default="clause", choices=("clause", "sentence"))
    ap.add_argument("--implicit", action="store_true", help="also propose implicit directives")
    ap.add_argument("--errors", action="store_true", help="list every dev miss and false proposal with its class")
    ap.add_argument("--heldout-examples", action="store_true",
                    help="with --errors, list held-out examples too (do not tune on them)")
    ap.add_argument("--heldout-total-only", action="store_true",
                    help="show the held-out part as sum rows only (no document, batch or error class)")
    ap.add_argument("--dev-only", action="store_true",
                    help="score the dev documents only: what to look at while changing rules")
    ap.add_argument("--learning-curve", action="store_true",
                    help="simulate an annotator on the first part of each document, score the rest")
    args = ap.parse_args(argv)
    if args.build:
        docs = build_gold()
        write_gold(docs)
        print(f"wrote {len(docs)} documents to {GOLD_FILE}")
        return 0
    if args.bench:
        chars, ms = bench()
        print(f"suggest() on {chars} characters: {ms:.0f} ms (best of 5)")
        return 0
    if args.learning_curve:
        from annotator.suggest.curve import learning_curve_report  # noqa: PLC0415

        print(learning_curve_report(load_gold(), implicit=args.implicit))
        return 0
    docs = load_gold(part="dev") if args.dev_only else load_gold()
    print(report(score(docs, unit=args.unit, implicit=args.implicit), show_errors=args.errors,
                 heldout_examples=args.heldout_examples, heldout_total_only=args.heldout_total_only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
