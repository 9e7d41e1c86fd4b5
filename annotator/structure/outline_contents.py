"""A table of contents (目录) before the body: its lines are no headings.

Regulations and laws copied from law databases open with a 目录 listing 第一章 总则 … 第七章 附则 (and often
their 节) one per line, with nothing between them, and the body then restarts at 第一章 with the same
titles (reg_sh_gonglu_flk; law_fan_dianxin_zhapian and reg_lifafa_2015_crlf had theirs cut out of the
stored text).  Read as headings, the contents came out as a second run of chapters.  A run of heading
lines with no body between them whose opening lines the document later repeats in order — same markers,
same titles — is a contents list: its markers are dropped from the candidates (the text stays as it is).  A run of
real short chapters is never repeated by the same markers, so it stays.

The same holds for the list of attachments closing a notice or plan (GB/T 9704 §7.3.5 附件说明): "附件：" alone
on its line, then "1.上海市零碳园区建设基本条件", "2.…指标体系", one name a line with nothing between them
(fangan_sh_lingtan_md; the Baoshan plan writes its 1. on the 附件： line, the Shanghai 2018 education notice of
the suggestion gold a single name).  Those are names of documents attached, not parts of this one.  An annex
opened by its number ("附件1" then "名词解释" and a 1.…6. glossary, baogao_guangdong_2026) is content and stays.
"""

from __future__ import annotations

import bisect
import re

from annotator.structure.markers import Candidate

_ENTRY_MAX = 40  # a contents line: marker and a short title (and perhaps a page number)
_GAP_MAX = 24  # between two contents lines: blank lines, indentation, a markdown prefix
# Spaces, leader dots and a page number at the end are how a contents line differs from its heading.
_NOISE = re.compile(r"[\s\u3000.…·•\-—_]+|\d+$")
_SENTENCE = frozenset("。！？；，,;!?")
_SENTENCE_STOP = re.compile("[。！？；，,;!?]")


def _title_of(text: str, cand: Candidate, most: int = _ENTRY_MAX) -> tuple[int, str] | None:
    """Where ``cand``'s line ends and its title as a contents line would show it; None unless the marker
    opens a short line with a title and no sentence punctuation."""
    if cand.position != "line":
        return None
    end = text.find("\n", cand.end, cand.end + most + 1)
    if end < 0:
        if len(text) - cand.end > most:
            return None
        end = len(text)
    title = _NOISE.sub("", text[cand.end:end].strip())
    title = _NOISE.sub("", title)
    if not title or _SENTENCE_STOP.search(title):  # (one C call, not a generator per character)
        return None
    return end, title


def contents_entries(text: str, cands: list[Candidate]) -> set[int]:
    """Starts of the candidates that are lines of a table of contents or a list of attachments (see the
    module's doc)."""
    drop = _attachment_names(text, cands)
    if len(cands) < 4:
        return drop
    # Only a line marker followed closely by another can open a contents run: the titles of the rest are
    # read only where a run's keys could repeat (linear, and cheap on a long ordinary text).
    near = _ENTRY_MAX + _GAP_MAX
    info: list = [None] * len(cands)
    find, stop = text.find, _SENTENCE_STOP.search
    for i, (cand, after) in enumerate(zip(cands, cands[1:])):
        if after.start - cand.end > near or cand.position != "line" or after.position != "line":
            continue
        nl = find("\n", cand.end, after.start)
        if nl < 0 or stop(text, cand.end, nl) or text[nl:after.start].strip(" \t\u3000\r\n#"):
            continue
        info[i] = info[i] or _title_of(text, cand)
        info[i + 1] = _title_of(text, after)
    runs = []
    i = 0
    while i < len(cands):
        if info[i] is None:
            i += 1
            continue
        j = i  # the run of contents-like lines i..j, nothing but spacing between them
        last = {cands[i].family: cands[i].ordinal}
        while (j + 1 < len(cands) and info[j + 1] is not None and cands[j + 1].start - info[j][0] <= _GAP_MAX
               and not text[info[j][0]:cands[j + 1].start].strip(" \t\u3000\r\n#")
               and cands[j + 1].ordinal > last.get(cands[j + 1].family, 0)):  # a restart is the body's
            j += 1
            last[cands[j].family] = cands[j].ordinal
        if j > i:
            runs.append((i, j))
        i = j + 1
    if not runs:
        return drop
    wanted = {(cands[k].family, cands[k].ordinal) for i, j in runs for k in range(i, j + 1)}
    keys: dict[tuple[str, int, str], list[int]] = {}
    for k, cand in enumerate(cands):
        if (cand.family, cand.ordinal) in wanted:
            entry = info[k] = info[k] or _title_of(text, cand)
            if entry is not None:
                keys.setdefault((cand.family, cand.ordinal, entry[1]), []).append(k)
    for i, j in runs:
        if _repeated(cands, info, keys, i, j):
            drop.update(cands[k].start for k in range(i, j + 1))
    return drop


def _repeated(cands: list[Candidate], info: list, keys: dict, i: int, j: int) -> bool:
    """Do the run i..j's lines come again, in order, after it, by the same markers and titles?  Its first two
    are enough: an excerpt's body may stop before the contents' last chapters (reg_sh_gonglu_flk keeps 3 of 7)."""
    at = j
    for k in range(i, j + 1):
        later = keys[(cands[k].family, cands[k].ordinal, info[k][1])]
        n = bisect.bisect_right(later, at)
        if n == len(later):
            return k - i >= 2
        at = later[n]
    return True


_ATTACHMENTS = re.compile(r"(?:^|\n)[ \t\u3000]*附[ \t\u3000]*件[ \t\u3000]*[：:][ \t\u3000]*\r?\n")
_NAME_MAX = 60  # an attachment's full name ("2019年宝山区生活垃圾分类减量推进工作联席会议成员单位工作任务清单")


def _attachment_names(text: str, cands: list[Candidate]) -> set[int]:
    """The numbered names right after a "附件：" line of its own, one a line with nothing between them."""
    drop: set[int] = set()
    if "附" not in text:
        return drop
    for m in _ATTACHMENTS.finditer(text):
        k = bisect.bisect_left(cands, m.end(), key=lambda c: c.start)
        at = m.end()
        expected = 1
        while k < len(cands):
            cand = cands[k]
            entry = _title_of(text, cand, _NAME_MAX)
            if (entry is None or cand.ordinal != expected or cand.start - at > _GAP_MAX
                    or text[at:cand.start].strip(" \t\u3000\r\n")):
                break
            drop.add(cand.start)
            at, expected, k = entry[0], expected + 1, k + 1
    return drop
