"""Bytes → text for an HTML page: its BOM, its declared charset (``<meta charset>``, ``<?xml encoding>``)
weighed against what the bytes are (encoding.decode), for html_reader.py."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from annotator.io.encoding import Decoded, check_text, decode
from annotator.io.errors import ReadError
from annotator.io.legacy import ACCEPT, common_share

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")
# The WHATWG Encoding Standard's encodings (what browsers decode) as Python names, less UTF-16 and the
# Western single-byte ones that detection handles better (see _declared_charset).
_BROWSER_ENCODINGS = frozenset({
    "utf-8", "gb18030", "gbk", "big5", "big5hkscs", "cp950", "euc_jp", "iso2022_jp", "shift_jis", "cp932",
    "euc_kr", "cp949", "cp866", "koi8-r", "koi8-u", "mac-roman", "cp874",
    *(f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)),
    *(f"cp125{n}" for n in (0, 1, 3, 4, 5, 6, 7, 8)),
})
# Labels browsers treat as GBK; gb18030 is its superset, so it decodes all of them.
_GB_LABELS = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "gb_2312", "csgb2312", "chinese", "iso-ir-58",
              "euc-cn", "gb18030", "cp936", "ms936", "windows-936"}



def decode_html(path: Path, data: bytes) -> tuple[str, str, str, list[str]]:
    """(text, encoding, where the encoding came from, warnings).

    A page's ``<meta charset>`` is a claim, the bytes are the evidence: pages saved by browsers or
    re-saved by editors keep a declaration that no longer matches (gb2312 over UTF-8 bytes, utf-8 over
    GBK). The bytes are read as any file is (encoding.decode) and the declaration is believed only where
    it decodes and the evidence does not contradict it; when they disagree the warning names the
    declaration and the reading used (the import report shows it beside the file)."""
    declared = _declared_charset(data)
    boms = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    if not declared or data.startswith(boms):
        decoded = decode(data, path=path)
        source = "bom" if data.startswith(boms) else "detected"
        return decoded.text, decoded.encoding, source, list(decoded.warnings)
    try:
        as_declared: str | None = data.decode(declared)
    except UnicodeDecodeError:
        as_declared = None
    try:
        evidence: Decoded | None = decode(data, path=path)
    except ReadError:
        if as_declared is None:
            raise
        evidence = None
    if evidence is None or (as_declared is not None and _declaration_stands(declared, as_declared, evidence)):
        # The same test for binary data as any other reading: a declaration does not make bytes text.
        check_text(Decoded(as_declared, declared), path)
        return as_declared, declared, "meta", []
    label = _declared_label(data)
    why = "the bytes are not valid " + declared.upper() if as_declared is None else \
        f"read as {declared.upper()} the text is garbled"
    note = (f"the page declares charset {label!r} but {why}; read as {evidence.encoding.upper()} "
            "(what the bytes are)")
    return evidence.text, evidence.encoding, "detected", [note, *evidence.warnings]


def _family(encoding: str) -> str:
    """One name per group of encodings that read the same bytes alike (legacy.py's names)."""
    name = encoding.replace("-", "_").lower()
    if name in {"gb18030", "gbk", "gb2312", "cp936"}:
        return "gb18030"
    if name in {"big5", "big5hkscs", "cp950"}:
        return "cp950"
    if name in {"shift_jis", "cp932", "euc_jp", "iso2022_jp"}:
        return "cp932"
    return "utf-8" if name in {"utf_8", "utf_8_sig", "utf8"} else name


def _declaration_stands(declared: str, as_declared: str, evidence: Decoded) -> bool:
    """Whether the declared reading (it decoded without an error) is kept over the bytes' own reading."""
    if _family(evidence.encoding) == _family(declared):
        return True
    if evidence.warnings:
        return True  # the evidence had to replace bytes or guess: a clean declared reading is better
    if _family(evidence.encoding) == "utf-8":
        # Valid UTF-8 with characters of three bytes (every hanzi) does not happen by chance; text of
        # two-byte characters only (Ⱥ…) may be GBK bytes that happen to be valid UTF-8: then the
        # declared reading stands unless it is garbled.
        if _THREE_BYTE.search(evidence.text):
            return False
        share = common_share(as_declared, _family(declared)) if _family(declared) in _LEGACY else None
        return share is None or share >= ACCEPT
    if _family(declared) == "utf-8":
        # Valid UTF-8 that decode() still read as a legacy encoding: its characters said so (GBK pairs
        # that form UTF-8 scatter over unrelated alphabets, encoding._prefer_gb18030).
        return False
    if _family(declared) in _LEGACY:
        share = common_share(as_declared, _family(declared))
        return share is None or share >= ACCEPT
    return True  # a single-byte declaration that decodes: the page's word against a guess


_LEGACY = {"gb18030", "cp950", "cp932"}
_THREE_BYTE = re.compile("[^\x00-\u07ff]")


def _declared_label(data: bytes) -> str:
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else ""


def _declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _GB_LABELS:
        return "gb18030"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # Only what a browser would honour: Python's codec registry also answers to "base64", "zlib" and
    # "rot13" (not text encodings at all: decoding raised LookupError and the page failed) and to
    # "unicode_escape" or "cp037" (EBCDIC), which turn any page into garbage without an error.
    # A declared UTF-16 without a BOM is ignored by browsers too (the meta tag itself is ASCII), and
    # single-byte Western labels on Chinese pages are usually wrong: detection decides for all these.
    return name if name in _BROWSER_ENCODINGS else None
