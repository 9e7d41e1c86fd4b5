"""A realistic benchmark corpus made from the project's own sample speeches (resources/samples).

Why not random text: the cleaner and the outline parser do work in proportion to headings, markers
and chrome-like lines, so timings only mean something on text shaped like the real input. Each
generated document is a sample's opening (title, date, salutation, lead-in) followed by level-1
sections drawn from all samples and reshuffled, with every heading renumbered so the outline stays
consistent (一、二、… then （一）（二）… then 1. 2. … restarting under each parent). Sizes are
log-uniform between 3 000 and 100 000 characters (short speeches are common, a few reports are
long); one file in ten is written in GB18030 like 07_gbk_report.txt so encoding detection is paid.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass
from pathlib import Path

from annotator.domain.model import Span
from annotator.io.readers import read_file
from annotator.resources import resource_path
from annotator.structure.clean import clean

MIN_CHARS, MAX_CHARS = 3_000, 100_000
ANNOTATORS = ("张三", "李四", "王五")
_DIGITS = "零一二三四五六七八九"
_H1 = re.compile(r"^[一二三四五六七八九十百]+、")
_H2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_H3 = re.compile(r"^\d+[.．]")
# Clauses a human would tag: directives carry an obligation word, statistics a number with a unit.
_CLAUSE = re.compile(r"[^，。；！？：\n]{4,80}")
_DIRECTIVE = re.compile(r"要|必须|确保|严禁|坚决|力争|务必")
_STATISTIC = re.compile(r"\d+(?:\.\d+)?(?:%|万|亿|个|家|人|元|公里|亩|所|场次)")


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 100 → 一百 (enough for 999 headings)."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    middle = "" if rest == 0 else ("零" + _DIGITS[rest] if rest < 10 else chinese_number(rest) if rest >= 20
                                   else "一" + chinese_number(rest))
    return _DIGITS[n // 100] + "百" + middle


@dataclass
class Pool:
    """What documents are assembled from: openings, and level-1 sections as (kind, body) lines."""

    openings: list[list[str]]
    sections: list[list[tuple[str, str]]]


def _kind(line: str) -> tuple[str, str]:
    for kind, pattern in (("h1", _H1), ("h2", _H2), ("h3", _H3)):
        match = pattern.match(line)
        # "一、二季度历来是…。" in sample 03 is prose that opens with a marker-like "一、二季度"; a
        # heading is short and has no full stop (a 1. item may run on into its paragraph).
        if match and (kind == "h3" or (len(line) <= 40 and "。" not in line)):
            return kind, line[match.end():]
    return "p", line


def load_pool(folder: Path | None = None) -> Pool:
    folder = folder or resource_path("samples")
    openings, sections = [], []
    for path in sorted(folder.glob("*.txt")):
        # The cleaned text, so page debris in a sample is not multiplied a hundredfold.
        lines = [line for line in clean(read_file(path).text).text.split("\n") if line.strip()]
        current: list[tuple[str, str]] | None = None
        opening: list[str] = []
        for line in lines:
            kind, body = _kind(line)
            if kind == "h1":
                current = [("h1", body)]
                sections.append(current)
            elif current is None:
                opening.append(line)
            else:
                current.append((kind, body))
        if opening and current is not None:
            openings.append(opening)
    if not openings or not sections:
        raise RuntimeError(f"no usable sample speeches in {folder}")
    return Pool(openings, sections)


def make_document(pool: Pool, rng: random.Random, target: int, serial: int) -> str:
    """One speech of about ``target`` characters (never below MIN_CHARS, at most ~2 % above target)."""
    opening = list(rng.choice(pool.openings))
    # A distinct first line: documents are deduplicated by the SHA-256 of their clean text.
    opening[0] = f"{opening[0]}（第{serial + 1}稿）"
    out = opening[:]
    size = sum(len(line) + 1 for line in out)
    h1 = 0
    while size < target:
        h1 += 1
        h2 = h3 = 0
        for kind, body in rng.choice(pool.sections):
            if kind == "h1":
                line = f"{chinese_number(h1)}、{body}"
            elif kind == "h2":
                h2, h3 = h2 + 1, 0
                line = f"（{chinese_number(h2)}）{body}"
            elif kind == "h3":
                h3 += 1
                line = f"{h3}.{body}"
            else:
                line = body
            out.append(line)
            size += len(line) + 1
            if size >= target and kind == "p":
                break
    return "\n".join(out) + "\n"


def sizes(n: int, rng: random.Random) -> list[int]:
    """Log-uniform sizes; with 2+ documents the extremes are always present."""
    values = [round(math.exp(rng.uniform(math.log(MIN_CHARS), math.log(MAX_CHARS)))) for _ in range(n)]
    if n >= 2:
        values[0], values[1] = MAX_CHARS, MIN_CHARS
    return values


def make_corpus(n: int, seed: int = 1, pool: Pool | None = None) -> list[str]:
    pool = pool or load_pool()
    rng = random.Random(seed)
    return [make_document(pool, rng, size, i) for i, size in enumerate(sizes(n, rng))]


def write_corpus(folder: Path, texts: list[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"speech_{i:05d}.txt"
        path.write_bytes(text.encode("gb18030" if i % 10 == 9 else "utf-8"))
        paths.append(path)
    return paths


def make_spans(text: str, doc_id: int, rng: random.Random, per_kchar: float = 1.0) -> dict[str, list[Span]]:
    """Three annotators' spans on one document: a shared reading, each annotator deviating from it.

    About ``per_kchar`` spans per 1 000 characters; each annotator misses ~10 %, moves a boundary on
    ~15 %, relabels ~5 % and adds ~8 % of their own — the disagreement mix agreement has to align.
    """
    candidates = []
    for match in _CLAUSE.finditer(text):
        clause = match.group()
        if _STATISTIC.search(clause):
            candidates.append((match.start(), match.end(), "statistic"))
        elif _DIRECTIVE.search(clause):
            candidates.append((match.start(), match.end(), "directive"))
    want = max(1, round(len(text) / 1000 * per_kchar))
    base = sorted(rng.sample(candidates, min(want, len(candidates))))
    result = {}
    for name in ANNOTATORS:
        mine: set[tuple[int, int, str]] = set()
        for start, end, label in base:
            roll = rng.random()
            if roll < 0.10:
                continue
            if roll < 0.25:
                start = min(end - 1, max(0, start + rng.randint(-3, 3)))
                end = max(start + 1, min(len(text), end + rng.randint(-3, 3)))
            elif roll < 0.30:
                label = "directive" if label == "statistic" else "statistic"
            mine.add((start, end, label))
        for _ in range(round(len(base) * 0.08)):
            start, end, label = rng.choice(candidates)
            mine.add((start, end, label))
        result[name] = [Span(start=s, end=e, label=lab, annotator=name, document_id=doc_id)
                        for s, e, lab in sorted(mine)]
    return result
