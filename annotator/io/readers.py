"""``read_file``: any supported file → ``ReadResult`` with LF line ends, or a ``ReadError``.

This is the only entry point the CLI and GUI use to import a file. It owns everything the
format readers share: the size limit, choosing a reader, line-end and invisible-character
normalisation (done here, once, before any offset exists) and turning every failure into a
``ReadError`` an annotator can act on.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from annotator.domain.model import ReadResult
from annotator.io.encoding import decode
from annotator.io.errors import ReadError
from annotator.io import limits
from annotator.io.limits import MAX_TEXT_CHARS, READ_LIMIT_BYTES, TextLimitExceeded
from annotator.paths import display_path

__all__ = ["READ_LIMIT_BYTES", "MAX_TEXT_CHARS", "read_file", "normalize_text", "read_limited"]

TEXT_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
DOCX_EXTENSIONS = {".docx"}
# Formats people will try that we cannot read: say what to do instead of "binary data".
_KNOWN_UNSUPPORTED = {
    ".doc": "old Word .doc files are not supported; open it in Word or WPS and save it as .docx",
    ".wps": "WPS .wps files are not supported; open it in WPS and save it as .docx",
    ".pdf": "PDF files are not supported; copy the text into a .txt file or save it as .docx",
    ".rtf": "RTF files are not supported; open it in Word or WPS and save it as .docx",
}
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_SIGNATURE = b"PK\x03\x04"

_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# Removed everywhere: they are invisible in Chinese text yet split words for search and break the
# outline parser's marker patterns ("一\u200b、"). Bidi controls go too: an override (U+202E) makes
# the view show characters in a different order than the offsets count them, so a selection would
# not be what the annotator sees ("Trojan Source"); Chinese text never needs them.
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_LINE_BREAK_CHARS = "\r\x0b\x0c\x85\u2028\u2029"
_INVISIBLE_CHARS = "\u200b\u2060\ufeff\u200e\u200f\u061c" + "".join(map(chr, range(0x202A, 0x202F))) + "".join(
    map(chr, range(0x2066, 0x206A)))
# ZWNJ/ZWJ carry meaning between emoji (👩‍🔬) and in Indic/Persian words, so they are kept there and
# removed only where a neighbour is CJK, ASCII, whitespace or the text's edge.
_SLICE = 1 << 18
_NOT_JOINABLE_CLASS = r"\x00-\x7f\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u200c\u200d"
# A joiner goes when the character before or after it (or the text's edge) is not joinable: one
# regex, no Python call per joiner (a file of 7 M joiners took 9 s through a callback).
_STRAY_JOINER = rf"(?<![^{_NOT_JOINABLE_CLASS}])[\u200c\u200d]|[\u200c\u200d](?![^{_NOT_JOINABLE_CLASS}])"

# What "empty" means: no character that draws anything. Whitespace of every kind (NBSP, U+3000),
# C0/C1 controls, format characters (soft hyphen, joiners, bidi marks, BOMs, tags), variation
# selectors and the "blank" letters fonts draw as nothing (Hangul fillers, braille blank) do not count.
_VISIBLE = re.compile(
    r"[^\s\x00-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    r"\u2028-\u202e\u205f-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"
    r"\U000e0000-\U000e0fff]")


def read_file(path: str | Path) -> ReadResult:
    """Read a .txt/.md/.docx/.html file (or sniff an unknown one) into normalised text."""
    path = Path(path)
    try:
        result = _read(path)
    except ReadError:
        raise
    except TextLimitExceeded as exc:
        raise ReadError(path, _too_long(exc.produced), code="text-too-long", params=_TOO_LONG) from exc
    except MemoryError as exc:
        raise ReadError(path, "not enough memory to read this file", code="out-of-memory") from exc
    except RecursionError as exc:
        raise ReadError(path, "the file is nested too deeply to read (damaged or hostile file)",
                        code="nested-too-deep") from exc
    except Exception as exc:  # noqa: BLE001 - the contract is "only ReadError escapes"
        raise ReadError(path, f"could not be read ({type(exc).__name__}: {exc})", code="read-failed",
                        params={"error": f"{type(exc).__name__}: {exc}"}) from exc
    if len(result.text) > MAX_TEXT_CHARS:
        raise ReadError(path, _too_long(len(result.text)), code="text-too-long", params=_TOO_LONG)
    text, notes = normalize_text(result.text)
    if not has_visible_text(text):
        plain = result.format in ("txt", "md")
        reason = "empty file" if plain else "empty file (no text found)"
        # A text file of any characters is not "empty" to whoever sees its size (megabytes of U+3000
        # ideographic spaces, which str.strip() removes); a page's layout whitespace is nothing.
        invisible = bool(result.text) if plain else bool(result.text.strip())
        if invisible:
            reason += ": only invisible characters (spaces, zero-width or control characters, byte-order marks)"
        raise ReadError(path, reason, code="empty-invisible" if invisible else "empty-file")
    lines = text.count("\n") + (not text.endswith("\n"))
    if lines > limits.MAX_LINES:
        raise ReadError(path, f"the text has {lines:,} lines; the limit is {limits.MAX_LINES:,} (a long report has a "
                              "few thousand): a list or data dump rather than a speech — split it into smaller files",
                        code="too-many-lines", params={"lines": lines, "limit": limits.MAX_LINES})
    result.text = text
    result.warnings.extend(notes)
    if result.title is not None:
        result.title = normalize_text(result.title)[0].strip() or None
    result.metadata.setdefault("source_path", display_path(path))
    return result


def normalize_text(text: str) -> tuple[str, list[str]]:
    """LF line ends and no invisible formatting characters; returns (text, warnings).

    Every other character is kept as received (full-width punctuation, NBSP, ideographic
    spaces): the cleaner and outline parser decide what they mean, and offsets stay faithful.
    """
    # Vertical tab, form feed, NEL and U+2028/2029 are line breaks to str.splitlines() and Qt but
    # not to split("\n"); one convention keeps every consumer counting the same lines.
    # str.replace and `in` find a character at memchr speed; the regexes walk every character through
    # their class (30× slower on a clean file, which is nearly every file). The regexes still do the work
    # when there is any to do, so the result is the same.
    if any(ch in text for ch in _LINE_BREAK_CHARS):
        text = _LINE_BREAKS.sub("\n", text)
    before = len(text)
    if any(ch in text for ch in _INVISIBLE_CHARS) and _INVISIBLE.search(text):
        # In slices: on a file made of millions of them, one re.sub builds a list of millions of
        # pieces (260 MB for 20 MB of zero-width spaces); str.translate is 20× slower.
        text = "".join(_INVISIBLE.sub("", text[i:i + _SLICE]) for i in range(0, len(text), _SLICE))
    if "\u200c" in text or "\u200d" in text:  # rare; compiling the pattern costs ~5 ms per process
        text = re.sub(_STRAY_JOINER, "", text)
    removed = before - len(text)
    notes = []
    if removed:
        notes.append(f"removed {removed} invisible formatting character(s) "
                     "(zero-width spaces, byte-order marks, text-direction marks)")
    return text, notes


def read_limited(path: Path) -> bytes:
    """The file's bytes, refusing non-files and anything over READ_LIMIT_BYTES before reading."""
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise ReadError(path, "file not found", code="file-not-found") from exc
    except PermissionError as exc:
        raise ReadError(path, "permission denied", code="permission-denied") from exc
    except OSError as exc:
        raise ReadError(path, f"cannot be opened ({exc.strerror or exc})", code="cannot-open",
                        params={"error": str(exc.strerror or exc)}) from exc
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(path, "is a folder, not a file", code="is-folder")
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or device would block or never end.
        raise ReadError(path, "not a regular file", code="not-regular-file")
    _check_size(path, info.st_size)
    try:
        # Non-blocking open, then the checks again on what was opened: the name may have been replaced
        # by a FIFO since stat() (a file that changes between listing and reading), and a plain open()
        # of a FIFO waits forever for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as handle:
            opened = os.fstat(handle.fileno())
            if stat.S_ISDIR(opened.st_mode):
                raise ReadError(path, "is a folder, not a file", code="is-folder")
            if not stat.S_ISREG(opened.st_mode):
                raise ReadError(path, "not a regular file", code="not-regular-file")
            _check_size(path, opened.st_size)
            data = handle.read(READ_LIMIT_BYTES + 1)
    except FileNotFoundError as exc:  # removed since stat()
        raise ReadError(path, "file not found", code="file-not-found") from exc
    except PermissionError as exc:
        raise ReadError(path, "permission denied", code="permission-denied") from exc
    except OSError as exc:
        raise ReadError(path, f"cannot be read ({exc.strerror or exc})", code="cannot-read",
                        params={"error": str(exc.strerror or exc)}) from exc
    _check_size(path, len(data))  # the file may have grown since stat()
    return data


def _check_size(path: Path, size: int) -> None:
    if size > READ_LIMIT_BYTES:
        raise ReadError(path, f"file is {size / 2**20:.1f} MB; the limit is {READ_LIMIT_BYTES // 2**20} MB",
                        code="file-too-large", params={"size_mb": size / 2**20, "limit_mb": READ_LIMIT_BYTES // 2**20})


def has_visible_text(text: str) -> bool:
    """True if ``text`` has at least one character that draws something on screen."""
    return _VISIBLE.search(text) is not None


_TOO_LONG = {"limit_mchars": MAX_TEXT_CHARS // 2**20, "limit_mb": READ_LIMIT_BYTES // 2**20}


def _too_long(produced: int) -> str:
    return (f"the text in this file is over {MAX_TEXT_CHARS // 2**20} M characters (the limit, like the "
            f"{READ_LIMIT_BYTES // 2**20} MB file limit); it expands far beyond its size (damaged or hostile file?)")


def _read(path: Path) -> ReadResult:
    ext = path.suffix.lower()
    if ext in _KNOWN_UNSUPPORTED:
        raise ReadError(path, _KNOWN_UNSUPPORTED[ext], code="unsupported-format", params={"format": ext})
    data = read_limited(path)
    if ext in TEXT_FORMATS:
        return _read_text(path, data, TEXT_FORMATS[ext])
    if ext in HTML_EXTENSIONS:
        from annotator.io.html_reader import read_html  # noqa: PLC0415 - loaded on demand

        return read_html(path, data)
    if ext in DOCX_EXTENSIONS:
        from annotator.io.docx_reader import read_docx  # noqa: PLC0415 - python-docx is slow to import

        return read_docx(path, data)
    return _sniff(path, data)


def _read_text(path: Path, data: bytes, fmt: str) -> ReadResult:
    if not data.strip():
        if data:  # a megabyte of line breaks is not "empty" to the person who sees its size
            raise ReadError(path, "empty file: only invisible characters (spaces, zero-width or control characters, "
                                  "byte-order marks)", code="empty-invisible")
        raise ReadError(path, "empty file", code="empty-file")
    decoded = decode(data, path=path)
    # Markdown is kept verbatim ("# " heading marks and all): stripping syntax would make the text
    # differ from the file the annotator has open elsewhere, and the outline parser can use "#".
    return ReadResult(text=decoded.text, encoding=decoded.encoding, format=fmt,
                      metadata={"size_bytes": len(data)}, warnings=list(decoded.warnings))


def _sniff(path: Path, data: bytes) -> ReadResult:
    if data.startswith(_ZIP_SIGNATURE) and b"word/document.xml" in data:
        from annotator.io.docx_reader import read_docx  # noqa: PLC0415

        return read_docx(path, data)
    if data.startswith(_OLE_SIGNATURE):
        raise ReadError(path, "unsupported file type (an old Office file such as .doc; save it as .docx)",
                        code="old-office-file")
    if not data.strip():
        raise ReadError(path, "empty file", code="empty-file")
    try:
        decoded = decode(data, path=path)
    except ReadError as exc:
        raise ReadError(path, "unsupported file type (binary data, not text)", code="binary-file") from exc
    head = decoded.text[:1024].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        from annotator.io.html_reader import read_html  # noqa: PLC0415

        return read_html(path, data)
    result = ReadResult(text=decoded.text, encoding=decoded.encoding, format="txt",
                        metadata={"size_bytes": len(data)}, warnings=list(decoded.warnings))
    result.warnings.append(f"unknown file extension {path.suffix or '(none)'!r}; read as plain text")
    return result
