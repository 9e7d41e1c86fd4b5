"""Where the speech is: header and footer zones around it, and the evidence that finds them.

A page is read as units: lines, or, in a line too long to be chrome (a flattened page whose breaks
became spaces), its space-separated pieces. A unit is chrome (a rule says so), prose (long, or
with sentence punctuation, or a salutation ending in a colon) or unknown (a short line: a title, a
site name, a menu word no rule knows). The header zone runs to the last chrome unit before the first
prose; the footer zone starts at the first chrome unit after the last prose. Unknown units inside a
zone are chrome too, except the page heading, which is kept as the speech's title line.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterator

from annotator.structure.markers import FAMILIES, match_marker
from annotator.structure.clean_rules import Rules

SPACES = " \t\u3000\xa0\r"
_SEGMENT = re.compile(r"[^ \t\u3000\xa0\r\n]+")
SENTENCE_TERMINALS = re.compile(r"[。！？!?]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
PROSE_CHARS = 50  # a unit this long is speech even without punctuation
# A clause mark between Chinese characters ("建设，各主业公司") is speech too: site chrome is made of
# labels, names, dates and links, not clauses.  This matters on a flattened PDF page, where every
# wrapped line is a short piece with its sentence's 。 far away.
_CLAUSE = re.compile(r"[\u4e00-\u9fff][，；][\u4e00-\u9fff]")
_RUN_KEPT = 10_000  # units of a run of short pieces held as units (Scanner._tag_runs)
_PIECES_KEPT = 50_000  # verdicts on a flattened line's pieces remembered (Scanner._classify)
_MAY_END_PROSE = re.compile(r"[。！？!?:：]")  # SENTENCE_TERMINALS and the colon that ends a salutation
_LONG_SEGMENT = re.compile(r"[^ \t\u3000\xa0\r\n]{%d}" % (PROSE_CHARS + 1))


@dataclass(slots=True)  # a flattened page is walked as millions of units: slots halve their memory
class _Unit:
    start: int
    end: int
    text: str  # what is left after inline chrome, spaces trimmed
    kind: str  # "chrome", "prose" or "unknown"
    reason: str = ""


def _opens_with_heading_marker(text: str) -> bool:
    """"第一章　总　则", "一、总　体": weak zone evidence (a short line of spaced words) never outweighs a
    heading marker; the outline can explain such a line, so it is speech, not a keyword tag line."""
    found = match_marker(text)
    return found is not None and not FAMILIES[found.family].inline


class Scanner:
    """The raw text's lines, the chrome rules found in them, and the two zones."""

    def __init__(self, raw: str, rules: Rules):
        self.raw, self.rules = raw, rules
        self.regions: list[tuple[int, int, str]] = []
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", raw)]
        self.inline = self._inline_regions()
        self.inline_starts = [r[0] for r in self.inline]
        self.chrome_lines = self._chrome_lines()
        self.title_candidates: list[tuple[int, int, str]] = []  # (priority, position, title)
        self._pieces: dict[str, tuple[str, str]] = {}  # a flattened line's piece → (kind, reason)

    # -- evidence -------------------------------------------------------------------------------
    def _line_span(self, i: int) -> tuple[int, int]:
        start = self.line_starts[i]
        end = self.line_starts[i + 1] - 1 if i + 1 < len(self.line_starts) else len(self.raw)
        return start, end

    def _inline_regions(self) -> list[tuple[int, int, str]]:
        raw, out = self.raw, []
        for start, end, reason in self.rules.inline.finditer(raw):
            if start > 0 and raw[start - 1] in SPACES and (end == len(raw) or raw[end] in SPACES + "\n"):
                # take one side's spaces along: "甲 第5页 共5页 乙" → "甲 乙", not "甲  乙"
                while start > 0 and raw[start - 1] in SPACES:
                    start -= 1
            out.append((start, end, reason))
        self.regions.extend(out)
        return out

    def _chrome_lines(self) -> dict[int, str]:
        """Lines that [[line]] and [[block]] rules drop wherever they are."""
        raw, rules, found = self.raw, self.rules, {}
        # "contains" rules run once over the whole text (one pass, fast), then map to their lines
        holds: dict[int, str] = {}
        for start, _, reason in rules.line_contains.finditer(raw):
            holds.setdefault(bisect.bisect_right(self.line_starts, start) - 1, reason)
        block = None  # the block whose items may follow
        # Once per line of every imported text: the loop is kept tight (line ends computed in one go,
        # the line rules' alternation called directly, no inline check when the text has no inline chrome).
        line_regex, line_ids = rules.line.regex, rules.line.ids
        ends = [s - 1 for s in self.line_starts[1:]]
        ends.append(len(raw))
        blocks, longest, inline = rules.blocks, rules.max_chrome_line, bool(self.inline)
        for i, (start, end) in enumerate(zip(self.line_starts, ends)):
            text = raw[start:end].strip(SPACES)
            if not text:
                continue  # blank lines do not end a block
            reason = None
            if len(text) <= longest:
                if block is not None and block.item.fullmatch(text):
                    reason = block.id
                else:
                    block = None
                    for candidate in blocks:
                        if candidate.start.fullmatch(text):
                            block = candidate
                            break
                    if block:
                        reason = block.id
                    else:
                        reason = self._contains(holds.get(i), text) if holds else None
                        if not reason and line_regex is not None:
                            m = line_regex.fullmatch(text)
                            reason = line_ids[int(m.lastgroup[1:])] if m else None
                    if not reason and inline and self._holds_inline(start, end):
                        # Judge the line as it reads once its inline chrome is gone ("…来源：… 发布时间：…"
                        # without the time is a source line): else a second cleaning finds what the
                        # first one left, and cleaning is not idempotent.
                        rest = self._residual(start, end)
                        hit = rules.line_contains.search(rest)
                        reason = rest and (self._contains(hit and hit[2], rest) or rules.line.fullmatch(rest))
            else:
                block = None
            if reason:
                found[i] = reason
                self.regions.append((start, end + 1, reason))  # with its line break
        return found

    def _contains(self, reason: str | None, text: str) -> str | None:
        return reason if reason and len(text) <= self.rules.line_max.get(reason, 0) else None

    def _holds_inline(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.inline_starts, start)
        return (i < len(self.inline) and self.inline[i][0] < end) or (
            i > 0 and self.inline[i - 1][1] > start)

    def _residual(self, start: int, end: int) -> str:
        """The unit's text without the inline chrome inside it."""
        if not self.inline:  # most texts: once per unit, so the walk below is skipped when it finds nothing
            return self.raw[start:end].strip(SPACES)
        pieces, pos = [], start
        i = max(bisect.bisect_right(self.inline_starts, start) - 1, 0)
        while i < len(self.inline) and self.inline[i][0] < end:
            r_start, r_end, _ = self.inline[i]
            if r_end > pos:
                pieces.append(self.raw[pos:max(pos, r_start)])
                pos = max(pos, r_end)
            i += 1
        pieces.append(self.raw[pos:end] if pos < end else "")
        return "".join(pieces).strip(SPACES)

    def _classify(self, start: int, end: int, line: int | None, in_zone: bool = True) -> _Unit:
        text = self._residual(start, end)
        if not text:
            return _Unit(start, end, text, "chrome", "inline")
        if line is not None and line in self.chrome_lines:
            return _Unit(start, end, text, "chrome", self.chrome_lines[line])
        if line is None and in_zone:
            # A piece of a flattened line is judged by its text alone: the same word again (a long line
            # repeats its words) gets the verdict already reached, not five regex runs again.
            known = self._pieces.get(text)
            if known is None:
                if len(self._pieces) >= _PIECES_KEPT:  # bounded: a text of distinct pieces gains nothing
                    self._pieces.clear()
                known = self._pieces[text] = self._judge(text, line, in_zone)
            return _Unit(start, end, text, *known)
        return _Unit(start, end, text, *self._judge(text, line, in_zone))

    def _judge(self, text: str, line: int | None, in_zone: bool) -> tuple[str, str]:
        """(kind, reason) of a unit that is neither empty nor a chrome line."""
        if line is None and len(text) <= self.rules.max_chrome_line:
            hit = self.rules.line_contains.search(text)
            reason = self._contains(hit and hit[2], text) or self.rules.line.fullmatch(text)
            if reason:
                return "chrome", reason
        if in_zone and len(text) <= self.rules.max_chrome_line and not _opens_with_heading_marker(text):
            reason = self.rules.zone.fullmatch(text)
            if reason:
                return "chrome", reason
        if len(text) > PROSE_CHARS or SENTENCE_TERMINALS.search(text) or text[-1] in ":：" or (
            _CLAUSE.search(text)
        ):
            return "prose", ""
        return "unknown", ""

    def _units(self, lines: range) -> Iterator[_Unit]:
        """Lines in the given order; a long line is walked piece by piece (a flattened page)."""
        backwards = lines.step < 0
        for i in lines:
            start, end = self._line_span(i)
            if not self.raw[start:end].strip(SPACES):
                continue
            if end - start <= self.rules.max_chrome_line:
                yield self._classify(start, end, i)
                continue
            yield from self._tag_runs(self._pieces_between(start, end, backwards), backwards)

    def _pieces_between(self, start: int, end: int, backwards: bool) -> Iterator[_Unit]:
        spans = _segments_backwards(self.raw, start, end) if backwards else (
            m.span() for m in _SEGMENT.finditer(self.raw, start, end)
        )
        return (self._classify(s, e, None) for s, e in spans)

    def _tag_runs(self, units: Iterator[_Unit], backwards: bool) -> Iterator[_Unit]:
        """In a flattened page a keyword tag line is a run of short unknown pieces: test it whole.

        A run is held as its bounds, and as its units only while it is short: a 20 MB line of short words
        is one run, millions of units (gigabytes held). A longer run's units are made again from its
        bounds once it ends (the same pieces, judged alike: the verdicts are remembered)."""
        run: list[_Unit] = []
        count, lo, hi = 0, 0, 0
        for unit in units:
            if unit.kind == "unknown" and len(unit.text) <= 8:
                if count < _RUN_KEPT:
                    run.append(unit)
                lo, hi = (min(lo, unit.start), max(hi, unit.end)) if count else (unit.start, unit.end)
                count += 1
                continue
            yield from self._flush_tags(run, count, lo, hi, backwards)
            run, count, lo, hi = [], 0, 0, 0
            yield unit
        yield from self._flush_tags(run, count, lo, hi, backwards)

    def _flush_tags(self, run: list[_Unit], count: int, lo: int, hi: int, backwards: bool) -> Iterator[_Unit]:
        reason = self.rules.zone.fullmatch(self.raw[lo:hi].strip(SPACES)) if count >= 3 else None
        if count > len(run):  # made again from its bounds: every piece in them was judged unknown
            spans = _segments_backwards(self.raw, lo, hi) if backwards else (
                m.span() for m in _SEGMENT.finditer(self.raw, lo, hi))
            kind = "chrome" if reason else "unknown"
            yield from (_Unit(s, e, self._residual(s, e), kind, reason or "") for s, e in spans)
            return
        for unit in run:
            if reason:
                unit.kind, unit.reason = "chrome", reason
            yield unit

    # -- zones ----------------------------------------------------------------------------------
    def _scan(self, lines: range) -> tuple[list[_Unit], str | None, _Unit | None]:
        """(the zone: units up to the last chrome one before the first prose one, the text of the unit
        after the zone if one comes before the prose, the prose unit).

        Walked twice, never holding more than the zone: the first walk only finds where the prose and
        the zone's last chrome unit are; the second collects the zone. Holding every unit up to the first
        prose, as before, kept millions of them on a long flattened text with no prose near its start
        (a 20 MB line: gigabytes); the second walk is short whenever the zone is (always, on real pages).
        """
        last_chrome, after, prose = -1, None, None
        for k, unit in enumerate(self._units(lines)):
            if unit.kind == "prose":
                prose = unit
                break
            if unit.kind == "chrome":
                last_chrome, after = k, None
            elif after is None:
                after = unit.text
        if prose is None or last_chrome < 0:
            return [], None, prose
        zone = []
        for unit in self._units(lines):
            zone.append(unit)
            if len(zone) > last_chrome:
                break
        return zone, after, prose

    def header(self) -> tuple[int, _Unit | None]:
        if not _may_hold_prose(self):
            return 0, None
        zone, after, prose = self._scan(range(len(self.line_starts)))
        if prose is None:
            return 0, None  # no speech found: trust only the rules that apply anywhere
        if not zone:
            return 0, prose
        for unit in zone:
            if unit.kind == "chrome":
                self.regions.append((unit.start, unit.end, unit.reason))
        unknown = [u for u in zone if u.kind == "unknown"]
        body_first = prose.text if after is None else after
        front = _front_matter(unknown)
        for unit in unknown:
            if title_like(unit.text):
                self.title_candidates.append((2, unit.start, unit.text))
            if unit.text == body_first or prose.text.startswith(unit.text):
                self.regions.append((unit.start, unit.end, "title:duplicate"))
            elif unit.start in front:
                continue  # the speech's own title and occasion line, with the page's chrome after them
            elif unit is unknown[-1] and title_like(unit.text) and after is None:
                continue  # the page's heading is the speech's title: keep it in place
            else:
                self.regions.append((unit.start, unit.end, "header:misc"))
        return zone[-1].end, prose

    def footer(self, floor: int) -> tuple[int, _Unit | None]:
        zone, _, prose = self._scan(range(len(self.line_starts) - 1, -1, -1))
        if prose is None or prose.start < floor:
            return len(self.raw), prose
        if not zone:
            return len(self.raw), prose
        # walked backwards: the zone ends at the earliest chrome
        for unit in zone:
            reason = unit.reason if unit.kind == "chrome" else "footer:misc"
            self.regions.append((unit.start, unit.end, reason))
        return zone[-1].start, prose

    def flattened_tail(self, prose: _Unit | None, body_end: int) -> int:
        """In a flattened text, cut from a strong footer word to the end when little follows it."""
        if prose is None:
            return body_end
        line = bisect.bisect_right(self.line_starts, prose.start) - 1
        start, end = self._line_span(line)
        if end - start <= self.rules.max_chrome_line:
            return body_end
        floor = max(start, min(body_end, end) - self.rules.cut_max_chars)
        # The word must open a piece of its own ("。 版权所有"), never sit inside a sentence
        # ("保护版权所有者的权益").
        hit = next(
            (h for h in self.rules.cut.finditer(self.raw, floor, min(body_end, end))
             if h[0] == start or self.raw[h[0] - 1] in SPACES),
            None,
        )
        if hit is None:
            return body_end
        self.regions.append((hit[0], body_end, hit[2]))
        return hit[0]

    # -- body -----------------------------------------------------------------------------------
def _may_hold_prose(scanner: Scanner) -> bool:
    """False only when no unit can be prose: none holds a sentence terminal, a colon or a clause mark
    between Chinese characters (_CLAUSE) and none is longer than PROSE_CHARS (a unit's text is a part
    of its raw text). Then both zone walks are
    skipped: on a long text of short pieces without punctuation (a 20 MB line of words) they
    classified every piece twice to find nothing."""
    raw = scanner.raw
    if _MAY_END_PROSE.search(raw) or _CLAUSE.search(raw):
        return True
    longest = scanner.rules.max_chrome_line
    for i in range(len(scanner.line_starts)):
        start, end = scanner._line_span(i)
        if end - start <= longest:
            if end - start > PROSE_CHARS and len(raw[start:end].strip(SPACES)) > PROSE_CHARS:
                return True
        elif _LONG_SEGMENT.search(raw, start, end):
            return True
    return False


def _segments_backwards(raw: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    # Lazily, from the end: the footer scan usually stops after a few pieces of a huge line. Found a
    # window at a time by the same regex as forwards (a character loop here was a sixth of the cleaning
    # of a 20 MB line); a piece cut by the window's start is left to the next, larger if need be, window.
    pos, size = end, 4096
    while pos > start:
        lo = max(start, pos - size)
        spans = [m.span() for m in _SEGMENT.finditer(raw, lo, pos)]
        if lo > start and spans and spans[0][0] == lo and raw[lo - 1] not in SPACES:
            if len(spans) == 1:
                size *= 2  # one piece longer than the window: look further back
                continue
            pos = spans.pop(0)[1]
        else:
            pos = lo
        yield from reversed(spans)


# "——2026年1月28日在重庆市第六届人民代表大会第四次会议上", "在全市工作会议上的讲话": the occasion line under a speech's
# title.  A portal may set its 来源/时间 chrome after it (baogao_chongqing/hebei/liaoning/shanxi_2026): inside the header
# zone then, it is still the speech's own first lines, never the page's.
_OCCASION = re.compile(r"^(?:[—－\-]{1,2}|\d{4}年\d{1,2}月\d{1,2}日在).{0,60}(?:会议|大会|会|典礼|仪式|论坛)上")


def _front_matter(unknown: list[_Unit]) -> set[int]:
    """Starts of the last occasion line among the header zone's unknown units and of the title-like unit
    just before it (the speech's title).  A page that shows them twice (its banner, then the article:
    baogao_shaanxi_2026) keeps the copy nearest the speech."""
    for k in range(len(unknown) - 1, -1, -1):
        if _OCCASION.match(unknown[k].text):
            keep = {unknown[k].start}
            if k and title_like(unknown[k - 1].text):
                keep.add(unknown[k - 1].start)
            return keep
    return set()


def title_like(text: str) -> bool:
    return 4 <= len(text) <= 60 and bool(_CJK.search(text)) and not SENTENCE_TERMINALS.search(text)
