"""The cleaner: drop download-site chrome and page debris from a scraped speech, losing no speech.

Evidence is weighed by where it sits (clean_zones.py). Around the speech there is a header zone
(before the first prose) and a footer zone (after the last prose); there even weak signs — a keyword
tag line, an unknown short line between two chrome lines — are enough. Inside the speech only rules
that can never match speech apply ([[line]] rules on short lines, [[inline]] rules, page-chunk runs
backed by several kinds of evidence, clean_chunks.py). A flattened page (newlines turned into
spaces) is scanned the same way, its space-separated pieces standing in for lines.

Editor sentences ("下面是小编为大家整理的…，供大家参考。") are dropped as sentences, not lines, because a
flattened text can have the speech on the same line. One exception, decided on seed 003: when the
editor sentence ENDS one of the first two paragraphs and that paragraph is short, the whole paragraph
is the editor's lead-in (a summary of the topic written by the site) and goes too — unless it holds a
salutation (同志们…), which only a speech has.
"""

from __future__ import annotations

import bisect
import re

from annotator.domain.model import CleanResult
from annotator.structure.clean_assemble import WHITESPACE, assemble, normalise
from annotator.structure.clean_chunks import chunk_regions
from annotator.structure.clean_markup import blank_out, emphasis_regions, html_regions
from annotator.structure.clean_pages import page_furniture
from annotator.structure.clean_rules import Rules, default_rules, load_rules
from annotator.structure.clean_zones import SPACES as _SPACES
from annotator.structure.clean_zones import Scanner, title_like
from annotator.structure.gc_pause import gc_paused

__all__ = ["clean", "clean_report", "load_rules", "Rules"]

_SENTENCE_END = re.compile(r"[。！？!?：:\n]")
_CLOSERS = "”’」』）)\"'"
_SALUTATION = re.compile(r"同志们|各位|朋友们|女士们|先生们|代表们|老师们|同学们")
_TITLE_SUFFIX = re.compile(r"\s*[(（](?:全文|精选|完整版|范文|通用版?|最新|\d+篇|[一二三四五六七八九十]+篇|合集)[)）]\s*$")


class _Cleaner(Scanner):
    """The scanner plus what is decided inside the body: editor sentences, titles."""

    def duplicate_title(self, body_start: int, body_end: int) -> None:
        """The title repeated as the next line (often with an editor line, now gone, between)."""
        dropped = normalise(self.regions, len(self.raw))
        drop_starts = [r[0] for r in dropped]
        texts: list[tuple[int, int, str]] = []
        for i in range(bisect.bisect_left(self.line_starts, body_start), len(self.line_starts)):
            start, end = self._line_span(i)
            if start >= body_end or len(texts) == 2:
                break
            text = self.raw[start:end].strip(_SPACES)
            if text and not _covered(dropped, drop_starts, self.raw, start, end):
                texts.append((start, end, text))
        if len(texts) == 2 and texts[0][2] == texts[1][2] and title_like(texts[0][2]):
            self.regions.append((texts[1][0], texts[1][1], "title:duplicate"))
            self.title_candidates.append((2, texts[0][0], texts[0][2]))

    def editor(self, body_start: int, body_end: int) -> None:
        raw, rules = self.raw, self.rules
        head_lines = self._first_lines(body_start, body_end, 2)
        for hit_start, hit_end, scoped in rules.editor.finditer(raw, body_start, body_end):
            scope, reason = scoped.split("|", 1)
            s, e = _sentence(raw, hit_start, hit_end, body_start, body_end)
            sentence = raw[s:e]
            if scope == "edges":
                near = s - body_start <= rules.edge_chars or body_end - e <= rules.edge_chars
                if not near or "我" in sentence:
                    continue
            line = bisect.bisect_right(self.line_starts, s) - 1
            l_start, l_end = self._line_span(line)
            closes_line = not raw[e:l_end].strip(_SPACES)
            if (
                line in head_lines
                and closes_line
                and l_end - l_start <= rules.intro_paragraph_max
                and not _SALUTATION.search(raw, l_start, s)
            ):
                reason = "editor:intro-paragraph" if raw[l_start:s].strip(_SPACES) else reason
                s = l_start
            self.regions.append((s, e, reason))

    def _first_lines(self, start: int, end: int, count: int) -> set[int]:
        out, i = set(), bisect.bisect_right(self.line_starts, start) - 1
        while i < len(self.line_starts) and len(out) < count:
            l_start, l_end = self._line_span(i)
            if l_start >= end:
                break
            if self.raw[max(l_start, start) : l_end].strip(_SPACES) and i not in self.chrome_lines:
                out.add(i)
            i += 1
        return out

    def paragraph_starts(self, start: int, end: int) -> list[int]:
        lo = bisect.bisect_left(self.line_starts, start)
        hi = bisect.bisect_left(self.line_starts, end)
        return [self.line_starts[i] for i in range(lo, hi) if i not in self.chrome_lines]

    def title(self, removed_texts: list[tuple[int, str]]) -> str | None:
        candidates = list(self.title_candidates)
        for position, text in removed_texts:
            for rank, (_, pattern, trusted) in enumerate(self.rules.titles):
                m = pattern.search(text.strip(_SPACES + "\n"))
                if m and m.group("title").strip():
                    # a trusted rule (a file name, a 标题 line) outranks the page heading (priority
                    # 2); an editor's sentence or a source line does not
                    candidates.append((0 if trusted else 3, rank, m.group("title")))
        best = None
        for _, _, text in sorted(candidates, key=lambda c: c[:2]):
            best = _TITLE_SUFFIX.sub("", text.strip(_SPACES)).strip() or None
            if best:
                break
        return best


def _whole_lines(raw: str, regions: list[tuple[int, int, str]], reach: int = 200) -> list[tuple[int, int, str]]:
    """A region that empties its line takes the line break along; else a blank line is left."""
    out = []
    for start, end, reason in regions:
        before = raw.rfind("\n", max(0, start - reach), start) + 1
        after = raw.find("\n", end, end + reach)
        if after < 0 and end + reach >= len(raw):
            after = len(raw)
        if (before > 0 or start <= reach) and after >= 0:
            if not raw[before:start].strip(_SPACES) and not raw[end:after].strip(_SPACES):
                start, end = before, min(after + 1, len(raw))
        out.append((start, end, reason))
    return out


def _covered(regions: list[tuple[int, int, str]], starts: list[int], raw: str, start: int, end: int) -> bool:
    """Is every non-space character of raw[start:end] inside one of the (normalised) regions?"""
    pos = start
    i = max(bisect.bisect_right(starts, start) - 1, 0)
    while pos < end:
        while i < len(regions) and regions[i][1] <= pos:
            i += 1
        if i < len(regions) and regions[i][0] <= pos:
            pos = regions[i][1]
            continue
        nxt = regions[i][0] if i < len(regions) else end
        if raw[pos:min(nxt, end)].strip(_SPACES):
            return False
        pos = min(nxt, end)
    return True


def _sentence(raw: str, hit_start: int, hit_end: int, floor: int, ceiling: int) -> tuple[int, int]:
    floor = max(floor, hit_start - 1000)  # a sentence is never that long; bounds the search
    start = max(max(raw.rfind(ch, floor, hit_start) for ch in "。！？!?\n") + 1, floor)
    while start < hit_start and raw[start] in _SPACES:
        start += 1
    m = _SENTENCE_END.search(raw, hit_end, ceiling)
    end = ceiling if m is None else (m.start() if m.group() == "\n" else m.end())
    while end < ceiling and raw[end] in _CLOSERS:
        end += 1
    return start, end


@gc_paused  # thousands of small objects that live until it returns, no cycles: see gc_pause (~8% of clean)
def clean(raw_text: str, rules: Rules | None = None) -> CleanResult:
    """Clean speech text from a scraped page; see the module docstring for what goes and why."""
    rules = rules or default_rules()
    # `**` around bold headings go (clean_markup.py).  The other rules judge the text with the marks
    # blanked out — same length, so every offset holds — or a source line set in bold would survive
    # the first pass and be dropped by the second (cleaning must be idempotent).
    # Raw HTML inside markdown (tags, space entities, attribute lists) goes the same way.
    emphasis = sorted(emphasis_regions(raw_text) + html_regions(raw_text))
    judged = blank_out(raw_text, emphasis) if emphasis else raw_text
    cleaner = _Cleaner(judged, rules)
    head_end, first_prose = cleaner.header()
    # No prose forwards means none backwards either (the same units, classified alike): the footer walk
    # would classify every unit of the text a second time to find nothing (a 20 MB line of words).
    tail_start, last_prose = cleaner.footer(head_end) if first_prose else (len(judged), None)
    tail_start = cleaner.flattened_tail(last_prose, tail_start)
    body_start = first_prose.start if first_prose else head_end
    body_start = min(body_start, tail_start)
    cleaner.editor(body_start, tail_start)
    cleaner.duplicate_title(head_end, tail_start)
    cleaner.regions.extend(
        chunk_regions(judged, cleaner.paragraph_starts(head_end, tail_start), rules.chunks)
    )
    cleaner.regions.extend(emphasis)
    cleaner.regions.extend(page_furniture(judged))  # a PDF's running head and page number, page by page
    result = assemble(raw_text, _whole_lines(judged, cleaner.regions))
    removed = [(r.start, r.text) for r in result.removed if r.reason != WHITESPACE]
    result.title = cleaner.title(removed)
    return result


def clean_report(result: CleanResult, width: int = 60) -> str:
    """One line per removed region (reason, raw offsets, excerpt); whitespace is only counted."""
    lines, spaces = [], 0
    for region in result.removed:
        if region.reason == WHITESPACE:
            spaces += region.end - region.start
            continue
        excerpt = region.text.replace("\n", "⏎")
        if len(excerpt) > width:
            excerpt = excerpt[: width - 1] + "…"
        lines.append(f"{region.reason:<28} [{region.start}:{region.end}]  {excerpt}")
    removed = sum(r.end - r.start for r in result.removed)
    summary = (
        f"removed {len(lines)} regions ({removed} characters, of which {spaces} whitespace); "
        f"clean text {len(result.text)} characters"
    )
    if result.title:
        summary += f"; title: {result.title}"
    return "\n".join([summary, *lines])
