"""Which legacy (non-Unicode) encoding a file is in: GB18030/GBK, Big5, Shift-JIS or Western.

Almost any byte string decodes without error as GB18030, Big5 *and* Shift-JIS, so "it decoded" proves
nothing: a Big5 speech read as GB18030 came out with 9 % of its characters right and no warning.
What does discriminate is *which characters* a reading produces. Real text is made almost entirely
of each standard's "common" block — GB2312 level 1 (3 755 hanzi, B0A1–D7F9), Big5's frequently used
characters (5 401, A440–C67E), JIS level 1 kanji (889F–9872) plus kana — while a wrong reading
lands on rare characters, kana rows, Greek or private use.

Measured on the whole texts and first 40 sentences of resources/samples 01–05 and the five seed
speeches, re-encoded with Python's codecs (share of common characters; tests/unit/test_encoding.py
repeats the check on every run, plus held-out traditional text):
  right reading   GB18030 min 0.98 · Big5 min 0.75, p10 0.93 · Shift-JIS min 0.50, p10 0.91
  wrong reading   Big5→GB18030 max 0.50 · Shift-JIS→GB18030 max 0.60 · GB18030→Big5 max 0.90
GB18030 is therefore tried first and kept at ≥ 0.6 unless a rival reaches 0.8 *and* beats it by
0.2; the GB18030 set includes the common traditional characters, since traditional text saved as
GBK is real too.
"""

from __future__ import annotations

import functools
import re

# Share of non-ASCII characters that must be common for a reading to be believed.
ACCEPT = 0.8
# GB18030 is the expected encoding of a Chinese file: it needs less, unless a rival is clearly better.
GB_FLOOR = 0.6
MARGIN = 0.2
# Scoring a prefix is enough: encodings do not change in the middle of a file.
SCORE_CHARS = 200_000

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NAMES = {"gb18030": "GB18030/GBK", "cp950": "Big5 (traditional Chinese)", "cp932": "Shift-JIS (Japanese)"}
# Punctuation and symbols every CJK encoding has and real text uses: CJK symbols (、。「」《》), full
# width forms (，：（）０-９), general punctuation (“”…—), ·×‰℃№, circled and Roman numerals.
_PUNCT = frozenset(
    [chr(c) for c in range(0x3000, 0x3040)] + [chr(c) for c in range(0xFF01, 0xFF5F)]
    + [chr(c) for c in range(0x2010, 0x2027)] + [chr(c) for c in range(0x2460, 0x2474)]
    + [chr(c) for c in range(0x2160, 0x216C)] + ["\u00b7", "\u00d7", "\u2030", "\u2103", "\u2116", "\uffe5"]
)
_KANA = frozenset(chr(c) for c in range(0x3041, 0x30FF))


def _block(encoding: str, leads: range, trails) -> frozenset[str]:
    chars = set()
    for lead in leads:
        for trail in trails:
            try:
                chars.add(bytes([lead, trail]).decode(encoding))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


@functools.cache
def common_characters(encoding: str) -> frozenset[str]:
    """The characters real text in ``encoding`` is made of (built once, a few milliseconds)."""
    if encoding == "gb18030":
        # Traditional text saved as GBK is real too (its characters sit in GBK's extension rows):
        # the common traditional characters count as well as GB2312's common simplified ones.
        return _block("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)) | common_characters("cp950")
    if encoding == "cp950":
        return _block("cp950", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)]) | _PUNCT
    if encoding == "cp932":
        return _block("cp932", range(0x88, 0x99), [*range(0x40, 0x7F), *range(0x80, 0xFD)]) | _KANA | _PUNCT
    raise ValueError(encoding)


@functools.cache
def _common_runs(encoding: str) -> re.Pattern:
    """Runs of ``encoding``'s common characters or of astral ones, as one character class (ranges of
    consecutive code points; none of them ASCII, so none needs escaping inside the class)."""
    ranges: list[list[int]] = []
    for code in sorted(map(ord, common_characters(encoding))):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    body = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)
    # Emoji and astral hanzi (𠮷) come only from GB18030's four-byte form [81-FE][30-39][81-FE][30-39],
    # which other data almost never matches by accident: evidence for that reading, not against it.
    return re.compile(f"[{body}\U00010000-\U0010ffff]+")


def common_share(text: str, encoding: str) -> float | None:
    """Share of ``text``'s non-ASCII characters that are common in ``encoding`` (None: none at all)."""
    # Both counts in C: the non-ASCII characters are those an ASCII encoding drops, the common (or astral)
    # ones those the class removes. (Counting every character into a Counter first was a third of the read
    # stage on GB18030 files: a new str object and a hash per CJK character.)
    sample = text[:SCORE_CHARS]
    rare = len(sample) - len(sample.encode("ascii", "ignore"))
    if not rare:
        return None
    return (len(sample) - len(_common_runs(encoding).sub("", sample))) / rare


def legacy_cjk(data: bytes) -> tuple[str, str, list[str]] | None:
    """(text, encoding, warnings) for GB18030, Big5 or Shift-JIS data, or None if no reading is believable."""
    readings = {}
    for encoding in ("gb18030", "cp950", "cp932"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = common_share(text, encoding)
        if share is None:
            return None  # pure ASCII: not a legacy-encoding question at all
        readings[encoding] = (share, text)
        if encoding == "gb18030" and share >= 0.9:
            return text, encoding, []  # the usual case, decided without trying the rivals
    gb_share = readings["gb18030"][0] if "gb18030" in readings else 0.0
    rivals = [(share, enc) for enc, (share, _) in readings.items()
              if enc != "gb18030" and share >= ACCEPT and share >= gb_share + MARGIN]
    if rivals:
        share, encoding = max(rivals)
        return readings[encoding][1], encoding, [f"text decoded as {_NAMES[encoding]}"]
    if gb_share >= GB_FLOOR:
        return readings["gb18030"][1], "gb18030", []
    return None


def plausible_gb18030(text: str) -> bool:
    """For a lenient (a few bytes replaced) GB18030 reading: is it Chinese at all?"""
    share = common_share(text.replace("\ufffd", ""), "gb18030")
    return share is None or share >= GB_FLOOR


# Western European letters and the punctuation Windows-1252 adds (“”‘’–—…€•«»°§©®¿¡).
_WESTERN_SYMBOLS = frozenset("“”‘’–—…€•«»°±§©®™¿¡ºª£¥¢¦¨¯´¸¹²³µ¶·¼½¾ \u00a0")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def western(data: bytes) -> tuple[str, str, list[str]] | None:
    """Latin-1 / Windows-1252 text (French, German, Spanish…), or None.

    Believed only if every non-ASCII character is a Latin letter or Western punctuation, and at
    most 10 % of the accented letters sit in a run of non-ASCII characters with no ASCII letter
    beside them. Western words mix the two ("Größe", "niño", a lone "à"); Chinese bytes read this
    way give nothing but such runs ("ÎÒÃÇ¡¢").
    """
    encoding = "cp1252" if re.search(rb"[\x80-\x9f]", data) else "latin-1"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None  # one of the five bytes Windows-1252 leaves undefined
    sample = text[:SCORE_CHARS]
    letters = in_runs = 0
    for match in _NON_ASCII.finditer(sample):
        ch, i = match.group(), match.start()
        if ch in _WESTERN_SYMBOLS:
            continue
        if not ch.isalpha() or ch in "×÷":
            return None
        letters += 1
        before, after = sample[i - 1:i], sample[i + 1:i + 2]
        if _ASCII_LETTER.match(before) or _ASCII_LETTER.match(after):
            continue
        in_runs += (before > "\x7f") or (after > "\x7f")
    if not letters or in_runs > 0.1 * letters:
        return None
    return text, encoding, [f"text decoded as Western European ({'Windows-1252' if encoding == 'cp1252' else 'Latin-1'})"]
