"""Heading-marker families and the single-pass scanner that finds candidate markers.

The scanner is deliberately permissive about *what* it matches and strict about *where*: every candidate
carries the kind of position it sits at (line start, sentence start, after a space or a comma), and the
outline builder decides from ordinals and nesting which candidates are real structure.  One compiled
alternation over the whole text keeps the common path at several million characters per second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.nlp.numerals import cn_to_int, fold_digits


@dataclass(frozen=True)
class Family:
    id: str
    rank: int  # GB/T 9704 §7.3.3 order (1 = 一、); breaks ties only, the document decides nesting
    inline: bool  # an enumeration inside running text (一是, 第一，, 首先) rather than a heading line
    example: str


FAMILIES: dict[str, Family] = {f.id: f for f in (
    Family("cn-dun", 1, False, "一、"),
    Family("cn-space", 1, False, "一 "),
    Family("cn-paren", 2, False, "（一）"),
    Family("digit-dot", 3, False, "1."),
    Family("digit-dun", 3, False, "1、"),
    Family("digit-paren", 4, False, "（1）"),
    Family("digit-rparen", 4, False, "1）"),
    Family("circled", 5, True, "①"),
    Family("di-cn", 5, True, "第一，"),
    Family("qi-cn", 5, True, "其一，"),
    Family("cn-shi", 5, True, "一是"),
    Family("cn-yao", 5, True, "一要"),
    Family("sequence", 5, True, "首先，"),
    Family("aspect", 5, True, "一方面，"),
)}

# Families whose members may follow a comma inside a paragraph ("…三件事，一是…，二是…").
COMMA_FAMILIES = frozenset({"cn-shi", "cn-yao", "di-cn", "qi-cn"})

LAST = -1  # ordinal of 最后: "one more than whatever came before"

SENTENCE_END = frozenset("。！？；：!?;:")
_FULL_STOPS = frozenset("。！？!?")
CLOSERS = frozenset("”’」』》\"'")  # a quote closing a sentence: 。” then the marker
HSPACE = " \t\u3000\xa0"
# A line break after this many characters without end punctuation is a page-chunk or wrap join in the
# middle of a sentence, not a paragraph end; real headings are far shorter.
BROKEN_LINE_MIN = 80

_CN = "[一二三四五六七八九十]{1,3}"
_SEQUENCE_ORDINALS = {"首先": 1, "其次": 2, "再次": 3, "最后": LAST}

# The lookahead on the first character lets the regex engine skip ordinary text ten times faster than
# trying every alternative at every position.
_PATTERN = re.compile(
    r"(?=[（(第另一二三四五六七八九十其首再最\d\u2460-\u2473])(?:" + "|".join((
        rf"(?P<cnparen>[（(](?P<n_cnparen>{_CN})[）)])",
        r"(?P<dparen>[（(](?P<n_dparen>\d{1,2})[）)])",
        rf"(?P<di>第(?P<n_di>{_CN})点?[，,、：:])",
        r"(?P<aspect>(?:另)?一方面[，,]?)",
        rf"(?P<qi>其(?P<n_qi>[一二三四五六七八九十])[，,、：:])",
        rf"(?P<shi>(?P<n_shi>{_CN})是)",
        rf"(?P<yao>(?P<n_yao>{_CN})要)",
        rf"(?P<cndun>(?P<n_cndun>{_CN})(?:、|[.．](?!\d)))",
        rf"(?P<cnspace>(?P<n_cnspace>{_CN})[ \u3000]+)(?=[^\s\d])",
        r"(?P<ddot>(?P<n_ddot>\d{1,2})\.(?!\d))",
        r"(?P<ddun>(?P<n_ddun>\d{1,2})、)",
        r"(?P<drparen>(?P<n_drparen>\d{1,2})[）)])",
        r"(?P<seq>(?:首先|其次|再次|最后)[，,]?)",
        r"(?P<circ>[\u2460-\u2473])",
    )) + ")"
)

_GROUP_FAMILY = {
    "cnparen": "cn-paren", "dparen": "digit-paren", "di": "di-cn", "aspect": "aspect", "qi": "qi-cn",
    "shi": "cn-shi", "yao": "cn-yao", "cndun": "cn-dun", "cnspace": "cn-space", "ddot": "digit-dot",
    "ddun": "digit-dun", "drparen": "digit-rparen", "seq": "sequence", "circ": "circled",
}
_NEXT_NUMERAL = re.compile(rf"{_CN}|\d{{1,2}}")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int  # end of the marker (title begins after any spaces)
    marker: str  # as written in the original text
    family: str
    ordinal: int  # LAST for 最后
    position: str  # "line", "break" (sentence end + space), "sentence", "space" or "comma"
    after_full_stop: bool = False  # right after 。！？ (not ；：), where flattened text may hide a paragraph

    @property
    def opens_paragraph(self) -> bool:
        return self.position in ("line", "break", "space")


def _ordinal(group: str, match: re.Match, folded: str) -> int | None:
    if group == "seq":
        return _SEQUENCE_ORDINALS[match.group(group).rstrip("，,")]
    if group == "aspect":
        return 2 if match.group(group).startswith("另") else 1
    if group == "circ":
        return ord(match.group(group)) - 0x2460 + 1
    raw = match.group("n_" + group)
    value = int(raw) if raw.isdigit() else cn_to_int(raw)
    return value if value and 0 < value < 100 else None


def _position(text: str, i: int) -> str | None:
    """What precedes a candidate at ``i``: the places where a heading or enumeration can begin."""
    j = i - 1
    while j >= 0 and text[j] in HSPACE:
        j -= 1
    spaced = j < i - 1
    if j < 0:
        return "line"
    ch = text[j]
    if ch == "\n":
        return None if _broken_line_before(text, j) else "line"
    if ch in SENTENCE_END or (ch in CLOSERS and j > 0 and text[j - 1] in SENTENCE_END):
        # In flattened text a space after the sentence end is where a paragraph break used to be.
        return "break" if spaced else "sentence"
    if ch in "，,":
        return "comma"
    if spaced and not (ch.isascii() and ch.isalnum()):
        return "space"
    return None


def _previous_char(text: str, i: int) -> str:
    j = i - 1
    while j > 0 and text[j] in CLOSERS:
        j -= 1
    return text[j] if j >= 0 else ""


def _broken_line_before(text: str, newline: int) -> bool:
    """True when the line before ``newline`` is a long run of prose cut mid-sentence (page chunks)."""
    k = newline
    while k >= 0 and text[k] in "\n" + HSPACE:
        k -= 1
    if k < 0 or text[k] in SENTENCE_END or text[k] in CLOSERS or text[k] in "）)】]":
        return False
    line_start = text.rfind("\n", 0, k) + 1
    return k - line_start + 1 >= BROKEN_LINE_MIN


def _runs_into_next_numeral(folded: str, end: int, ordinal: int, group: str) -> bool:
    """"一、二季度", "抓好一、二、三产业": a numeral one higher right after the marker is a list of numbers."""
    m = _NEXT_NUMERAL.match(folded, end)
    if not m:
        return False
    raw = m.group()
    value = int(raw) if raw.isdigit() else cn_to_int(raw)
    return value == ordinal + 1 and group not in ("seq", "aspect")


def scan(text: str) -> list[Candidate]:
    """Every marker-shaped string at a plausible position, in document order."""
    folded = fold_digits(text)
    found: list[Candidate] = []
    for m in _PATTERN.finditer(folded):
        group = m.lastgroup
        if group is None:
            continue
        ordinal = _ordinal(group, m, folded)
        if ordinal is None:
            continue
        start, end = m.span()
        position = _position(folded, start)
        if position is None:
            continue
        family = _GROUP_FAMILY[group]
        if position == "comma" and family not in COMMA_FAMILIES:
            continue
        if family == "cn-space" and position != "line":
            continue  # the bare-numeral style only exists on its own line
        if family == "sequence" and m.group().startswith("再次") and end == start + 2:
            continue  # "再次强调" is an adverb; as a marker 再次 takes a comma
        if ordinal != LAST and _runs_into_next_numeral(folded, end, ordinal, group):
            continue
        full_stop = position == "sentence" and _previous_char(folded, start) in _FULL_STOPS
        found.append(Candidate(start, end, text[start:end], family, ordinal, position, full_stop))
    return found
