"""The numbers Word draws in front of auto-numbered paragraphs ("一、", "（一）", "1.").

They are not in the document text: Word computes them from numbering.xml while laying out. A
speech typed with automatic numbering would otherwise lose every outline marker, so we replay
Word's counters: one counter set per list instance (numId), lower levels restart when a higher
level advances (unless lvlRestart says otherwise), start values and startOverride honoured, and a
paragraph style may carry the numbering (Heading 1 linked to a list).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from annotator.io.limits import MAX_LEVEL_TEXT, MAX_MARKER_CHARS, clamp_number

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVELS = 9
_MAX_STYLE_DEPTH = 32  # basedOn chains are short; the bound also stops cycles in damaged files


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: 1-based level whose use restarts this one; 0 = never
    legal: bool = False  # isLgl: show every referenced level as decimal ("1.1" under "一、")
    suffix: str = "tab"
    style: str | None = None  # pStyle: the paragraph style this level belongs to


_DEFAULT_LEVEL = Level()
# %1–%9 refer to levels; "%²" is a digit to str.isdigit() but not to int(), so it stays text.
_TEMPLATE_REF = re.compile(r"%([0-9])")


@functools.lru_cache(maxsize=256)
def _template_refs(text: str) -> tuple[str, ...]:
    return tuple(sorted(set(_TEMPLATE_REF.findall(text))))


def _val(el, name: str, default=None):
    child = el.find(W + name) if el is not None else None
    if child is None:
        return default
    return child.get(W + "val", default)


def _int(value, default: int | None = None) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _parse_level(el, notes: set[str]) -> Level:
    restart = _int(_val(el, "lvlRestart"))
    legal = el.find(W + "isLgl")
    text = _val(el, "lvlText", "")
    if len(text) > MAX_LEVEL_TEXT:
        # Only a damaged or hand-made file has this; each paragraph would repeat it (a 3 KB file
        # carried a megabyte of "%1" per paragraph), so keep what Word itself could have written.
        notes.add(f"a list's number template was longer than {MAX_LEVEL_TEXT} characters and was cut")
        text = text[:MAX_LEVEL_TEXT]
    refs = list(_TEMPLATE_REF.finditer(text))
    if len(refs) > _LEVELS:
        # Word writes each level's number at most once ("%1.%2.%3"); more is a hand-made file
        # making every paragraph's marker as long as the template allows.
        notes.add(f"a list's number template repeated level numbers more than {_LEVELS} times and was cut")
        text = text[: refs[_LEVELS].start()]
    return Level(
        start=clamp_number(_int(_val(el, "start"), 1)),
        fmt=_val(el, "numFmt", "decimal"),
        text=text,
        restart=restart,
        legal=legal is not None and legal.get(W + "val", "1") not in ("0", "false", "off"),
        suffix=_val(el, "suff", "tab"),
        style=_val(el, "pStyle"),
    )


class Numbering:
    """Replays list counters over the paragraphs in document order; call ``label`` for each."""

    def __init__(self, numbering_el=None, styles_el=None):
        self._abstract: dict[str, dict[int, Level]] = {}
        # Definitions are parsed when a paragraph uses them: Word writes tens, a hostile 265 KB file
        # 20 000 (180 000 levels, 19 s and 400 MB to parse them all while no paragraph used most).
        self._abstract_el: dict[str, object] = {}
        self._abstract_style_link: dict[str, str] = {}
        self._nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._style_numpr: dict[str, tuple[str | None, int | None]] = {}
        self._style_parent: dict[str, str] = {}
        self._style_numid_by_name: dict[str, str] = {}
        self._default_style: str | None = None
        self._levels_cache: dict[str, dict[int, Level]] = {}
        self.notes: set[str] = set()  # warnings for the annotator (a cut template, …)
        if styles_el is not None:
            self._read_styles(styles_el)
        if numbering_el is not None:
            self._read_numbering(numbering_el)

    def _read_styles(self, styles_el) -> None:
        for style in styles_el.iter(W + "style"):
            style_id = style.get(W + "styleId")
            if not style_id or style.get(W + "type", "paragraph") not in ("paragraph", "numbering"):
                continue
            if style.get(W + "default") in ("1", "true", "on") and style.get(W + "type") == "paragraph":
                self._default_style = style_id
            parent = _val(style, "basedOn")
            if parent:
                self._style_parent[style_id] = parent
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                self._style_numpr[style_id] = (_val(num_pr, "numId"), _int(_val(num_pr, "ilvl")))

    def _read_numbering(self, numbering_el) -> None:
        for abstract in numbering_el.iter(W + "abstractNum"):
            abstract_id = abstract.get(W + "abstractNumId")
            self._abstract_el[abstract_id] = abstract
            link = _val(abstract, "numStyleLink")
            if link:
                self._abstract_style_link[abstract_id] = link
        for num in numbering_el.iter(W + "num"):
            num_id = num.get(W + "numId")
            overrides: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for override in num.iter(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"), 0)
                start = _int(_val(override, "startOverride"))
                if start is not None:
                    starts[ilvl] = clamp_number(start)
                lvl = override.find(W + "lvl")
                if lvl is not None:
                    overrides[ilvl] = _parse_level(lvl, self.notes)
            self._nums[num_id] = (_val(num, "abstractNumId"), overrides, starts)

    def _abstract_levels(self, abstract_id) -> dict[int, Level]:
        if abstract_id not in self._abstract:
            abstract = self._abstract_el.get(abstract_id)
            self._abstract[abstract_id] = {} if abstract is None else {
                _int(lvl.get(W + "ilvl"), 0): _parse_level(lvl, self.notes) for lvl in abstract.iter(W + "lvl")
            }
        return self._abstract[abstract_id]

    # -- per paragraph --
    def label(self, paragraph_el) -> str:
        """The number Word shows for this paragraph ("" if none), advancing the counters."""
        num_id, ilvl, style = self._num_pr(paragraph_el)
        if not num_id or num_id == "0" or num_id not in self._nums:
            return ""  # numId 0 is Word's way of switching numbering off for one paragraph
        levels = self._levels(num_id)
        if ilvl is None:
            # Headings linked to a multilevel list name only the list; the level is the one whose
            # pStyle is the paragraph's style.
            ilvl = next((i for i, lvl in levels.items() if style and lvl.style == style), 0)
        ilvl = min(max(ilvl, 0), _LEVELS - 1)
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(num_id, [None] * _LEVELS)
        start = self._start(num_id, ilvl, level)
        counters[ilvl] = start if counters[ilvl] is None else clamp_number(counters[ilvl] + 1)
        for deeper in range(ilvl + 1, _LEVELS):
            deeper_level = levels.get(deeper)
            restart_after = deeper if deeper_level is None or deeper_level.restart is None else deeper_level.restart
            if ilvl < restart_after:
                counters[deeper] = None
        if level.fmt in ("bullet",):
            return ""  # bullet glyphs (often Symbol-font private-use characters) are not text
        return self._render(num_id, ilvl, level, levels, counters)

    def _render(self, num_id, ilvl, level, levels, counters) -> str:
        # Each level the template names is formatted once, then substituted by the regex engine:
        # a template of 32 × "%1" costs one format call, not 32.
        formatted: dict[str, str] = {}
        for digit in _template_refs(level.text):
            ref = int(digit) - 1
            ref_level = levels.get(ref) or _DEFAULT_LEVEL
            value = counters[ref] if 0 <= ref < _LEVELS and counters[ref] is not None else \
                self._start(num_id, ref, ref_level)
            fmt = "decimal" if level.legal and ref != ilvl else ref_level.fmt
            formatted[digit] = format_number(value, fmt)
        label = _TEMPLATE_REF.sub(lambda match: formatted[match.group(1)], level.text)
        label = label[:MAX_MARKER_CHARS]
        if label and level.suffix in ("tab", "space"):
            # Word draws a tab after "1." but the gap after "一、" or "（一）" is visual only; Chinese
            # text never has a space there and the outline parser expects none.
            if ord(label[-1]) < 0x2E80:
                label += " "
        return label

    def _start(self, num_id: str, ilvl: int, level: Level) -> int:
        starts = self._nums[num_id][2]
        return starts.get(ilvl, level.start)

    def _levels(self, num_id: str) -> dict[int, Level]:
        # Called for every numbered paragraph; the definitions never change while reading.
        cached = self._levels_cache.get(num_id)
        if cached is None:
            cached = self._levels_cache[num_id] = self._resolve_levels(num_id)
        return cached

    def _resolve_levels(self, num_id: str) -> dict[int, Level]:
        abstract_id, overrides, _ = self._nums[num_id]
        levels = dict(self._abstract_levels(abstract_id))
        if not levels and abstract_id in self._abstract_style_link:
            # A list defined through a numbering style: the style points at another num instance.
            linked = self._style_numpr.get(self._abstract_style_link[abstract_id], (None, None))[0]
            if linked and linked in self._nums and linked != num_id:
                levels = dict(self._abstract_levels(self._nums[linked][0]))
        levels.update(overrides)
        return levels

    def _num_pr(self, paragraph_el) -> tuple[str | None, int | None, str | None]:
        """(numId, ilvl, paragraph style): direct numPr first, then up the style's basedOn chain."""
        ppr = paragraph_el.find(W + "pPr")
        num_id = ilvl = None
        own_style = None
        if ppr is not None:
            num_pr = ppr.find(W + "numPr")
            if num_pr is not None:
                num_id, ilvl = _val(num_pr, "numId"), _int(_val(num_pr, "ilvl"))
            own_style = _val(ppr, "pStyle")
        own_style = own_style or self._default_style
        style = own_style
        for _ in range(_MAX_STYLE_DEPTH):
            if style is None or (num_id is not None and ilvl is not None):
                break
            style_num, style_ilvl = self._style_numpr.get(style, (None, None))
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_ilvl
            style = self._style_parent.get(style)
        return num_id, ilvl, own_style


# -- number formats --
_CN_DIGITS = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"


_MAX_LETTER_REPEAT = 4


def format_number(value: int, fmt: str) -> str:
    """``value`` written in Word's numFmt ``fmt``; unknown formats fall back to decimal like Word.

    The result's length is bounded whatever ``value`` is: callers clamp values to ±MAX_LIST_NUMBER
    and every format here either has a fixed width or falls back to decimal digits.
    """
    value = clamp_number(value)
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseCounting", "koreanCounting"):
        return _cn_counting(value, _CN_DIGITS, "十百千")
    if fmt == "chineseLegalSimplified":
        return _cn_counting(value, _CN_LEGAL, "拾佰仟", drop_leading_one=False)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(value))
    if fmt == "ideographTraditional" and 1 <= value <= len(_STEMS):
        return _STEMS[value - 1]
    if fmt == "ideographZodiac" and 1 <= value <= len(_BRANCHES):
        return _BRANCHES[value - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= value <= 20:
        return _CIRCLED[value - 1]
    if fmt == "decimalEnclosedParen" and 1 <= value <= 20:
        return _PAREN[value - 1]
    if fmt == "decimalEnclosedFullstop" and 1 <= value <= 20:
        return _FULLSTOP[value - 1]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("lowerLetter", "upperLetter") and 1 <= value <= 26 * _MAX_LETTER_REPEAT:
        # Word repeats the letter: a … z, aa … zz, aaa …; past "zzzz" (a list nobody letters) the
        # repetition would grow with the value, so the number is written in digits instead.
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman") and 1 <= value < 4000:
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "none":
        return ""
    return str(value)


def _cn_counting(value: int, digits: str, units: str, drop_leading_one: bool = True) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 105 → 一百零五, 1010 → 一千零一十; decimal from 10 000 on."""
    if not 0 < value < 10_000:
        return str(value)
    out = []
    zero_pending = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = value // power % 10
        if digit == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out.append(digits[0])
            zero_pending = False
        out.append(digits[digit] + unit)
    text = "".join(out)
    if drop_leading_one and 10 <= value < 20:
        text = text[1:]  # 十一, not 一十一
    return text


def _roman(value: int) -> str:
    out = []
    for number, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, value = divmod(value, number)
        out.append(letters * count)
    return "".join(out)
