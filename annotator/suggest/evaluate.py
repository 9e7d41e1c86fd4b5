"""Score the suggesters against a gold set, and time them.

    python -m annotator.suggest.evaluate            # table of precision/recall per label
    python -m annotator.suggest.evaluate --bench    # ms for a ~30 000-character speech
    python -m annotator.suggest.evaluate --build    # rebuild gold.jsonl from the marked-up sources

Matching rules (the same ones tests/unit/test_suggest_eval.py asserts):
  * statistic recall: a gold statistic is found when one proposed statistic covers its value
    (``value_text`` located inside the gold span); the "non-statistic rate" is the share of proposed
    statistics that overlap no gold statistic at all;
  * directive recall: a gold directive is found when one proposed directive overlaps ≥ 50 % of it;
    directive precision: a proposed directive is right when it overlaps a gold directive by ≥ 50 % of
    the shorter of the two.

Gold sources (tests/data/suggest_gold/src/*.txt) are plain text with inline marks, nestable:
``[[S:全县地区生产总值实现<60.6亿元>]]`` a statistic whose value is in <…>; ``[[D:…]]`` a directive,
``[[D!:…]]`` strong, ``[[D~:…]]`` soft, with the actor in {…}.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "suggest_gold"
GOLD_FILE = GOLD_DIR / "gold.jsonl"
_OPEN = re.compile(r"\[\[(S|D!|D~|D):")


def parse_markup(source: str) -> dict:
    """Marked-up text → {"text", "spans"} with code-point offsets into the unmarked text."""
    out: list[str] = []
    spans: list[dict] = []
    stack: list[dict] = []
    pos = 0
    n = 0  # length of the text emitted so far
    while pos < len(source):
        m = _OPEN.match(source, pos)
        if m:
            kind = m.group(1)
            stack.append({"label": "statistic" if kind == "S" else "directive", "start": n, "kind": kind,
                          "attributes": {}})
            pos = m.end()
            continue
        ch = source[pos]
        if source.startswith("]]", pos) and stack:
            span = stack.pop()
            span["end"] = n
            kind = span.pop("kind")
            if kind.startswith("D"):
                span["attributes"]["strength"] = {"D!": "strong", "D~": "soft"}.get(kind, "normal")
            spans.append(span)
            pos += 2
            continue
        if ch in "<>{}" and stack:
            mark = {"<": "value_start", ">": "value_end", "{": "actor_start", "}": "actor_end"}[ch]
            owner = next(s for s in reversed(stack) if (s["label"] == "statistic") == (ch in "<>"))
            owner[mark] = n
            pos += 1
            continue
        out.append(ch)
        n += 1
        pos += 1
    if stack:
        raise ValueError(f"unclosed mark at offset {stack[-1]['start']}")
    text = "".join(out)
    for span in spans:
        for name in ("value", "actor"):
            if f"{name}_start" in span:
                s, e = span.pop(f"{name}_start"), span.pop(f"{name}_end")
                span["attributes"]["value_text" if name == "value" else name] = text[s:e]
    spans.sort(key=lambda s: (s["start"], s["end"], s["label"]))
    return {"text": text, "spans": [{k: s[k] for k in ("start", "end", "label", "attributes")} for s in spans]}


def build_gold(src_dir: Path = GOLD_DIR / "src") -> list[dict]:
    docs = []
    for path in sorted(src_dir.glob("*.txt")):
        doc = parse_markup(path.read_text(encoding="utf-8"))
        doc["id"] = path.stem
        docs.append(doc)
    return docs


def load_gold(path: Path = GOLD_FILE) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _value_range(text: str, span: dict) -> tuple[int, int]:
    value = span["attributes"].get("value_text", "")
    at = text.rfind(value, span["start"], span["end"]) if value else -1
    return (at, at + len(value)) if at >= 0 else (span["start"], span["end"])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass
class Score:
    gold: int = 0
    proposed: int = 0
    found: int = 0  # gold spans matched (recall numerator)
    right: int = 0  # proposed spans matched (precision numerator)
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.proposed if self.proposed else 1.0


def score(docs: list[dict], unit: str = "clause") -> dict[str, Score]:
    from annotator.suggest.engine import suggest  # noqa: PLC0415 - keep --build free of the suggesters

    scores = {"statistic": Score(), "directive": Score()}
    for doc in docs:
        text = doc["text"]
        proposed = suggest(text, unit=unit)
        for label, sc in scores.items():
            gold = [s for s in doc["spans"] if s["label"] == label]
            mine = [(p.start, p.end) for p in proposed if p.label == label]
            sc.gold += len(gold)
            sc.proposed += len(mine)
            for g in gold:
                if label == "statistic":
                    v = _value_range(text, g)
                    hit = any(p[0] <= v[0] and v[1] <= p[1] for p in mine)
                else:
                    hit = any(_overlap(p, (g["start"], g["end"])) * 2 >= g["end"] - g["start"] for p in mine)
                sc.found += hit
                if not hit:
                    sc.misses.append(f"{doc.get('id', '')}: {text[g['start']:g['end']]}")
            for p in mine:
                if label == "statistic":
                    ok = any(_overlap(p, (g["start"], g["end"])) for g in gold)
                else:
                    ok = any(_overlap(p, (g["start"], g["end"])) * 2 >= min(p[1] - p[0], g["end"] - g["start"])
                             for g in gold)
                sc.right += ok
                if not ok:
                    sc.false.append(f"{doc.get('id', '')}: {text[p[0]:p[1]]}")
    return scores


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m annotator.suggest.evaluate", description=__doc__.split("\n")[0])
    ap.add_argument("--bench", action="store_true", help="time suggest() on a ~30 000-character speech")
    ap.add_argument("--build", action="store_true", help="rebuild gold.jsonl from the marked-up sources")
    ap.add_argument("--unit", default="clause", choices=("clause", "sentence"))
    ap.add_argument("--errors", action="store_true", help="list misses and false proposals")
    args = ap.parse_args(argv)
    if args.build:
        docs = build_gold()
        with open(GOLD_FILE, "w", encoding="utf-8") as f:
            for doc in docs:
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
        print(f"wrote {len(docs)} documents to {GOLD_FILE}")
        return 0
    if args.bench:
        chars, ms = bench()
        print(f"suggest() on {chars} characters: {ms:.0f} ms (best of 5)")
        return 0
    scores = score(load_gold(), unit=args.unit)
    print(f"{'label':<10} {'gold':>5} {'proposed':>8} {'recall':>7} {'precision':>9}")
    for label, sc in scores.items():
        print(f"{label:<10} {sc.gold:>5} {sc.proposed:>8} {sc.recall:>7.3f} {sc.precision:>9.3f}")
    st = scores["statistic"]
    print(f"statistic value recall {st.recall:.3f} (target ≥ 0.95); "
          f"non-statistic rate {1 - st.precision:.3f} (target ≤ 0.05)")
    print(f"directive recall {scores['directive'].recall:.3f} (target ≥ 0.85)")
    if args.errors:
        for label, sc in scores.items():
            for line in sc.misses:
                print(f"MISS  {label}: {line}")
            for line in sc.false:
                print(f"FALSE {label}: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
