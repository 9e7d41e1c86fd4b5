"""Bytes → text for the Chinese files annotators actually receive.

Order of evidence, strongest first: a byte-order mark; NUL bytes (only UTF-16/32 text has them, so
otherwise the file is binary); strict UTF-8 (a valid multi-byte UTF-8 sequence almost never happens
by chance, so success is conclusive); UTF-16 without a BOM; GB18030 (the superset of GB2312 and GBK,
so a file labelled either decodes identically and a stray GBK-only character never fails), Big5 or
Shift-JIS, chosen by which characters each reading produces (legacy.py); then UTF-8 and GB18030 with
a few broken bytes replaced; Western European (Latin-1/Windows-1252) when the accented letters sit
inside words; last, charset-normalizer for anything else. A UTF-16 byte-order mark in front of
text that is really UTF-8 is ignored rather than trusted.

Offsets depend on the exact characters returned here, so a leading BOM is always removed and
charset-normalizer's answer is taken as ``str(match)``: decoding with the name it reports (e.g.
"utf_8" for a "utf-8-sig" file) would keep the BOM as a character and shift every offset by one.
"""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from annotator.io.errors import ReadError
from annotator.io.legacy import ACCEPT, common_share, legacy_cjk, plausible_gb18030, western

# A few broken bytes (a bad copy-paste, a truncated download joined to another) should not stop an
# import: accept a lenient decode when at most this share of the non-ASCII bytes had to be replaced.
MAX_BAD_SHARE = 0.02
# Above this share of control characters the "text" is really binary data.
MAX_CONTROL_SHARE = 0.05
# Byte windows inspected by the heuristics; whole-file scans would cost seconds on a 20 MB file.
SNIFF_BYTES = 1 << 20

_BOMS = (  # longest first: the UTF-32 LE BOM begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])  # what _CONTROL matches, as bytes

# Characters real text is made of (besides hanzi, checked separately against GB2312's common set).
# Compiled on first use (only the legacy-encoding paths score text): wide character classes cost
# milliseconds each to compile, paid by every process that reads a file, UTF-8 ones included.
_SCORE_PATTERNS = {"plain": r"[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\uff00-\uffef\U00010000-\U0010ffff]",
                   "hanzi": r"[\u4e00-\u9fff]", "kana": r"[\u3041-\u30ff]"}


@functools.cache
def _score_pattern(name: str) -> re.Pattern:
    return re.compile(_SCORE_PATTERNS[name])

_ASCII_BYTES = bytes(range(128))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_THREE_BYTE = re.compile("[^\x00-\u07ff]")  # a character of three or four bytes in UTF-8
SCORE_SAMPLE = 65536


def _decode_replacing(data: bytes, encoding: str) -> tuple[str, int]:
    """(text, how many replacement characters decoding added), at C speed.

    A Python error handler would be called once per bad byte: millions of calls, seconds, when a
    20 MB GBK file is tried as UTF-8. Counting U+FFFD afterwards costs nothing; the file's own
    U+FFFD characters (encoded ones) are subtracted.
    """
    text = data.decode(encoding, errors="replace")
    return text, max(0, text.count("\ufffd") - data.count("\ufffd".encode(encoding)))


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes, *, path: str | Path = "<bytes>") -> tuple[str, str]:
    """(text, encoding name) of ``data``; raises ReadError (naming ``path``) for binary data."""
    result = decode(data, path=path)
    return result.text, result.encoding


def decode(data: bytes, *, path: str | Path = "<bytes>") -> Decoded:
    """Like ``decode_bytes`` but also returns warnings (bytes replaced, a cut last character)."""
    if not data:
        return Decoded("", "utf-8")
    for bom, name in _BOMS:
        if data.startswith(bom):
            decoded = _decode_unicode(data[len(bom):], name, path)
            if name.startswith("utf-16"):
                decoded = _stray_utf16_bom(data[len(bom):], bom, decoded)
                decoded = _swapped_utf16_bom(data[len(bom):], name, decoded)
            return check_text(decoded, path)
    if b"\x00" in data:
        guess = _utf16_by_nul_pattern(data)
        if guess is None:
            # The line of the first NUL: a text file with one stray NUL can then be mended by hand.
            line = data.count(b"\n", 0, data.index(b"\x00")) + 1
            raise ReadError(path, f"not a text file (binary data: contains NUL bytes, the first on line {line:,})",
                            code="binary-nul-bytes", params={"line": line})
        return check_text(_decode_unicode(data, guess, path), path)
    result = _utf8_strict(data)
    if result is not None and _only_two_byte_utf8(result.text):
        result = _prefer_gb18030(data, result)
    if result is None:
        result = _utf16_without_nul(data)
    if result is None and _starts_as_utf8(data):
        result = _mixed_lines(data)  # before GB18030 could take the UTF-8 part as (garbled) hanzi
    if result is None:
        legacy = legacy_cjk(data)  # GB18030, Big5 or Shift-JIS, by which characters each reading gives
        result = Decoded(*legacy) if legacy else None
    if result is None:
        result = _mixed_lines(data)
    if result is None:
        result = _lenient(data, "utf-8")
    if result is None:
        result = _lenient(data, "gb18030")
        if result is not None and not plausible_gb18030(result.text):
            result = None
    if result is None:
        latin = western(data)
        result = Decoded(*latin) if latin else None
    if result is None:
        result = _charset_normalizer(data)
    if result is None:
        raise ReadError(path, "not a text file (binary data or an unknown text encoding)", code="unknown-encoding")
    return check_text(result, path)


def _stray_utf16_bom(rest: bytes, bom: bytes, as_utf16: Decoded) -> Decoded:
    """A UTF-8 file that merely starts with FF FE (a bad concatenation, an editor's stray bytes)
    must not become UTF-16 garbage: keep the UTF-16 reading unless it is implausible and the rest
    is valid UTF-8 that reads as text."""
    if _text_score(as_utf16.text[:65536], kana=True) >= 0.5:
        return as_utf16
    utf8 = _utf8_strict(rest)
    if utf8 is None or _text_score(utf8.text[:65536]) < 0.9:
        return as_utf16
    utf8.warnings.insert(0, f"the file starts with the bytes {bom.hex(' ').upper()} (a UTF-16 byte-order mark) "
                            "but the rest is UTF-8; those two bytes were ignored")
    return utf8


def _swapped_utf16_bom(rest: bytes, name: str, decoded: Decoded) -> Decoded:
    """A UTF-16 byte-order mark that contradicts the text (FE FF before little-endian code units: a
    tool that wrote the mark of one order and the text in the other) must not give a file of garbage
    with a "3 characters replaced" warning: read the other order when only it gives real text."""
    if decoded.encoding != name or _text_score(decoded.text[:65536], kana=True) >= 0.5:
        return decoded
    other = "utf-16-be" if name == "utf-16-le" else "utf-16-le"
    swapped = _decode_replacing(rest[: len(rest) // 2 * 2][:131072], other)[0]
    if _text_score(swapped, kana=True) < 0.9:
        return decoded
    order = {"utf-16-le": "little-endian", "utf-16-be": "big-endian"}
    result = _decode_unicode(rest, other, "<bytes>")
    result.warnings.insert(0, f"the byte-order mark says UTF-16 {order[name]} but the text is {order[other]}; "
                              f"read as {order[other]}")
    return result


def _starts_as_utf8(data: bytes) -> bool:
    """True if the bytes before the first invalid UTF-8 sequence hold real UTF-8 text (at least 16
    characters of three bytes: hanzi, CJK punctuation), as a UTF-8 file with GB18030 appended does."""
    try:
        data.decode("utf-8")
        return False
    except UnicodeDecodeError as exc:
        head = data[: exc.start].decode("utf-8", errors="ignore")
    return len(_THREE_BYTE.findall(head[-4096:])) >= 16


def _mixed_lines(data: bytes) -> Decoded | None:
    """Files joined from parts in two encodings (a UTF-8 speech with a GBK appendix pasted in, two
    downloads concatenated): each line decoded on its own, UTF-8 where it is valid UTF-8, GB18030
    otherwise. Believed only when every line is one or the other, both occur, and the GB18030 lines
    read as Chinese; the warning says which lines were GB18030."""
    out, gb_lines, utf8_lines = [], [], 0
    for number, line in enumerate(data.split(b"\n"), 1):
        if line.isascii():
            out.append(line.decode("ascii"))
            continue
        try:
            text = line.decode("utf-8")
            utf8_lines += 1
        except UnicodeDecodeError:
            try:
                text = line.decode("gb18030")
            except UnicodeDecodeError:
                return None
            gb_lines.append(number)
        out.append(text)
    if not utf8_lines or not gb_lines:
        return None
    if not plausible_gb18030("".join(out[n - 1] for n in gb_lines[:2000])):
        return None
    return Decoded("\n".join(out), "utf-8+gb18030", [
        f"the file mixes two encodings: {utf8_lines} line(s) are UTF-8 and {len(gb_lines)} GB18030 "
        f"({_line_ranges(gb_lines)}); each line was read in its own encoding"])


def _line_ranges(numbers: list[int], shown: int = 5) -> str:
    ranges: list[list[int]] = []
    for n in numbers:
        if ranges and ranges[-1][1] == n - 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    words = [f"line {a}" if a == b else f"lines {a}–{b}" for a, b in ranges[:shown]]
    return ", ".join(words) + (f" and {len(ranges) - shown} more stretches" if len(ranges) > shown else "")


def check_text(result: Decoded, path: str | Path) -> Decoded:
    """``result`` unless its text is binary data (NUL characters, mostly control characters): every
    reading of a file passes here, the HTML reader's reading by the page's declared charset too."""
    sample = result.text[:SNIFF_BYTES]
    if "\x00" in result.text:
        raise ReadError(path, "not a text file (binary data: contains NUL characters)", code="binary-nul-chars")
    # The control characters are ASCII: counted among the sample's ASCII characters alone (an encode that
    # drops the rest, then a byte delete, both in C), not by a regex walking every CJK character too.
    ascii_part = sample.encode("ascii", "ignore")
    if sample and len(ascii_part) - len(ascii_part.translate(None, _CONTROL_BYTES)) > MAX_CONTROL_SHARE * len(sample):
        raise ReadError(path, "not a text file (binary data: mostly control characters)",
                        code="binary-control-chars")
    return result


def _utf8_strict(data: bytes) -> Decoded | None:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        # A download cut mid-character leaves 1–3 bytes of an incomplete sequence at the very end;
        # everything before it is good text, so drop the fragment instead of rejecting the file.
        if exc.reason == "unexpected end of data" and exc.end == len(data) and len(data) - exc.start < 4:
            try:
                text = data[: exc.start].decode("utf-8")
            except UnicodeDecodeError:
                return None
            return Decoded(text, "utf-8", ["the file ends in the middle of a character; "
                                           "the incomplete last character was dropped"])
        return None


def _only_two_byte_utf8(text: str) -> bool:
    # Chinese UTF-8 always has 3-byte characters (U+0800 and up). Text with non-ASCII but none of
    # those may be a short GBK file whose byte pairs happen to be valid UTF-8 (群 → "Ⱥ").
    # A search stops at the first character from U+0800 (early in any Chinese text); max() read it all.
    return not text.isascii() and _THREE_BYTE.search(text) is None


def _prefer_gb18030(data: bytes, utf8: Decoded) -> Decoded:
    # Russian, Greek or accented Latin UTF-8 is also all two-byte and its byte pairs are valid
    # GB18030 (often common hanzi: "ж" D0 B6 is 卸): keep UTF-8 when its letters come from one
    # alphabet. GBK bytes read as UTF-8 scatter over a dozen unrelated blocks instead.
    gb = _strict(data, "gb18030")
    sample = utf8.text[:SCORE_SAMPLE]
    if gb is not None and len(_NON_ASCII.findall(sample)) < 4:
        # One to three characters are too few to see an alphabet; plain-text shape decides (群 → "Ⱥ").
        return gb if _text_score(gb.text) > _text_score(utf8.text) else utf8
    if _one_alphabet(sample):
        return utf8
    if gb is not None and (common_share(gb.text, "gb18030") or 0.0) >= 0.9:
        return gb
    return utf8


def _one_alphabet(text: str) -> bool:
    """True if ≥ 90 % of the non-ASCII characters fall in two 128-code-point blocks — and, where those
    are Latin accents (below U+0280), the text is mostly plain ASCII letters around them: "café",
    "Știință", "Zhōngguó" always are, whereas GBK hanzi read as UTF-8 may land wholly in Latin
    Extended-B with no plain letter at all (全群群群 → "ȫȺȺȺ")."""
    blocks: dict[int, int] = {}
    for ch in _NON_ASCII.findall(text):
        blocks[ord(ch) >> 7] = blocks.get(ord(ch) >> 7, 0) + 1
    total = sum(blocks.values())
    top = sorted(blocks, key=blocks.get)[-2:]
    if total == 0 or sum(blocks[b] for b in top) < 0.9 * total:
        return False
    if all(b < 5 for b in top):  # Latin-1 Supplement, Latin Extended-A/B
        return sum(ch.isascii() and ch.isalpha() for ch in text) >= total
    return True


def _strict(data: bytes, encoding: str) -> Decoded | None:
    try:
        return Decoded(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return None


def _lenient(data: bytes, encoding: str) -> Decoded | None:
    non_ascii = len(data.translate(None, _ASCII_BYTES))
    if not non_ascii:
        return None
    text, bad = _decode_replacing(data, encoding)
    if bad > MAX_BAD_SHARE * non_ascii:
        return None
    return Decoded(text, encoding, [f"{bad} character(s) could not be decoded as {encoding} "
                                    "and were replaced by U+FFFD (\ufffd)"])


def _decode_unicode(data: bytes, encoding: str, path: str | Path) -> Decoded:
    warnings = []
    unit = 4 if encoding.startswith("utf-32") else 2 if encoding.startswith("utf-16") else 1
    if unit > 1 and len(data) % unit:
        data = data[: len(data) - len(data) % unit]
        warnings.append("the file ends in the middle of a character; the incomplete last character "
                        "was dropped")
    if encoding == "utf-8-sig":
        # The BOM is already stripped; a cut last character is handled like plain UTF-8.
        result = _utf8_strict(data) or _lenient(data, "utf-8")
        if result is None:
            # An editor that prepended the mark to a GBK file it never re-encoded: the mark is wrong,
            # the text is not — read it as the legacy encoding its characters say, and say so.
            legacy = legacy_cjk(data)
            if legacy is None and (mixed := _mixed_lines(data)) is not None:
                # A UTF-8 file (mark and all) with a GBK part joined to it: each line in its own encoding,
                # as without the mark; "most bytes are not UTF-8" would be false and lose the file.
                return Decoded(mixed.text, mixed.encoding, warnings + mixed.warnings)
            if legacy is None:
                raise ReadError(path, "not a text file (says UTF-8 but most bytes are not UTF-8)",
                                code="bad-utf8-bom")
            text, encoding, notes = legacy
            return Decoded(text, encoding, [f"the file starts with a UTF-8 byte-order mark but the text is "
                                            f"{encoding.upper()}; read as {encoding.upper()}", *warnings, *notes])
        return Decoded(result.text, "utf-8-sig", warnings + result.warnings)
    text, bad = _decode_replacing(data, encoding)
    if bad:
        # Lone surrogates and the like: rare, and losing one character beats losing the file.
        warnings.append(f"{bad} character(s) could not be decoded as {encoding} "
                        "and were replaced by U+FFFD (\ufffd)")
    return Decoded(text, encoding, warnings)


def _utf16_by_nul_pattern(data: bytes) -> str | None:
    # Only UTF-16/32 text has NUL bytes: every ASCII character (newline, digit, space) carries one, and
    # so do hanzi like 一 (U+4E00). Binary formats have NULs too, so decide by what the decoded text
    # is made of rather than by where the NULs sit.
    if len(data) < 2:
        return None
    return _best_utf16(data, 0.9) or _utf32(data)


def _utf32(data: bytes) -> str | None:
    """UTF-32 without a byte-order mark (every character four bytes, two or three of them NUL) was
    refused as binary data. Random bytes almost never decode: most 4-byte units exceed U+10FFFF."""
    if len(data) % 4:
        return None
    sample = data[:65536]
    for encoding in ("utf-32-le", "utf-32-be"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _text_score(text) >= 0.9:
            return encoding
    return None


def _utf16_without_nul(data: bytes) -> Decoded | None:
    # Chinese UTF-16 with no ASCII at all (not even a newline) has no NUL byte. Its code units are
    # common hanzi and full-width punctuation, whereas GBK or UTF-8 bytes paired up land in Hangul,
    # surrogates and private use, and ASCII pairs land mostly on rare hanzi outside GB2312.
    if len(data) % 2 or len(data) < 8:
        return None
    encoding = _best_utf16(data, 0.95)
    return _strict(data, encoding) if encoding else None


def _best_utf16(data: bytes, threshold: float) -> str | None:
    sample = data[: min(len(data), 65536) // 2 * 2]
    scores = {enc: _text_score(sample.decode(enc, errors="replace")) for enc in ("utf-16-le", "utf-16-be")}
    best = max(scores, key=scores.get)
    return best if scores[best] >= threshold else None


def _text_score(text: str, kana: bool = False) -> float:
    """Share of ``text`` that looks like real writing: ASCII, punctuation and common hanzi (and kana)."""
    if not text:
        return 0.0
    good = len(_score_pattern("plain").findall(text)) + (len(_score_pattern("kana").findall(text)) if kana else 0)
    for ch in _score_pattern("hanzi").findall(text):
        try:
            ch.encode("gb2312")
            good += 1
        except UnicodeEncodeError:
            pass
    return good / len(text)


_CJK_FAMILIES = {name: "gb18030" for name in ("gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn")}
_CJK_FAMILIES.update({name: "cp950" for name in ("big5", "big5hkscs", "cp950")})
_CJK_FAMILIES.update({name: "cp932" for name in ("shift_jis", "cp932", "euc_jp", "iso2022_jp", "shift_jis_2004",
                                                  "shift_jisx0213", "euc_jis_2004", "euc_jisx0213")})


def _charset_normalizer(data: bytes) -> Decoded | None:
    try:
        from charset_normalizer import from_bytes  # noqa: PLC0415 - slow import, rarely needed
    except ImportError:  # pragma: no cover - declared dependency
        return None
    match = from_bytes(data).best()
    if match is None:
        return None
    text = str(match)
    if text.startswith("\ufeff"):
        text = text[1:]
    family = _CJK_FAMILIES.get(match.encoding.replace("-", "_").lower())
    if family and (common_share(text, family) or 0.0) < ACCEPT:
        # Its Chinese/Japanese guesses for data our own readings all rejected are random bytes
        # read as rare characters (20 MB of noise came out "big5"): refuse rather than garble.
        return None
    return Decoded(text, match.encoding, [f"text encoding guessed as {match.encoding}; "
                                          "check the text for garbled characters"])
