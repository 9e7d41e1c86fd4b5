"""Reading label files defensively: every line checked on its own, so one bad line never stops a file.

A label file is input from anywhere (another tool, a colleague, an attacker). What the standard
``json`` module accepts is wider than what the project can store or export again:

- NaN, Infinity and numbers like 1e999 (json reads them; the export would then write invalid JSON);
- integers beyond 64 bits (SQLite cannot bind them: ``OverflowError`` deep in the store);
- NUL characters in strings (the project's own integrity check calls such a text broken);
- nesting deep enough to exhaust the interpreter's stack (a "JSON bomb" of ``[[[[…]]]]``);
- lines larger than any document the project accepts (20 MB, like ``io.readers``);
- bytes that are not UTF-8.

Each case refuses only its own line, naming the line and the problem. A file-level failure (missing
file, not JSON at all) raises ``InputFileError`` whose ``filename`` is the *input* file, so the CLI's
message names it and not the project.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from pathlib import Path
from typing import Any, Iterator

# A line holds at most one document; documents are capped at 20 MB (io.readers.READ_LIMIT_BYTES, not
# imported so reading a label file does not load the encoding detector).
MAX_LINE_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64  # real label files nest 5–7 deep; far below the interpreter's recursion limit
_INT_LIMIT = 2**63 - 1  # SQLite's INTEGER


class LineRefused(ValueError):
    """A line that cannot be imported; the message is the reason shown to the user."""


class InputFileError(ValueError):
    """The input file as a whole cannot be read; ``filename`` names it for the message."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(reason)
        self.filename = str(path)


def _refuse_project(path: Path) -> None:
    # Never open() a project this process has open: closing that descriptor would drop every SQLite lock
    # the process holds on it (POSIX), and another process could then delete the WAL under us.
    from annotator.storage.registry import is_project_file  # noqa: PLC0415 - light, no sqlite import

    if is_project_file(path):
        raise InputFileError(path, "is the open project (or one of its SQLite files), not a label file")


def open_regular(path: Path):
    """``path`` opened for reading in binary, refusing what is not a regular file before reading it.

    A FIFO would block the import forever and a device never ends, so the file is opened without
    blocking and checked on the descriptor itself (a name swapped between a stat and an open cannot
    slip through); only then does reading block as usual.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise InputFileError(path, "is a folder, not a file") from None
    except OSError as exc:
        raise InputFileError(path, exc.strerror or str(exc)) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputFileError(path, "is a folder, not a file")
        if not stat.S_ISREG(mode):
            raise InputFileError(path, "not a regular file (a pipe, socket or device); save the labels to a file first")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


# Byte-order marks of the encodings Windows tools write when asked for "Unicode" (PowerShell's ``>``,
# Notepad's "Unicode"): JSON files exchanged between tools must be UTF-8 (RFC 8259 §8.1), and reading
# such a file line by line would report every line as "not UTF-8" without saying why.
_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"),
              (b"\xfe\xff", "UTF-16"))


def _refuse_wide_encoding(path: Path, head: bytes) -> None:
    for bom, name in _WIDE_BOMS:
        if head.startswith(bom):
            raise InputFileError(path, f"is {name} text (it starts with the byte-order mark "
                                       f"{bom.hex(' ').upper()}); label files must be UTF-8: save it as UTF-8 "
                                       "and import it again")


# Files people pick by mistake in the import dialog: each would fail line by line with "not UTF-8", a
# thousand messages about bytes instead of one naming what the file is.
_NOT_JSON_SIGNATURES = (
    (b"PK\x03\x04", "a zip archive (an .xlsx, .docx or .zip file?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.xls or .doc?)"),
    (b"%PDF-", "a PDF file"),
    (b"SQLite format 3\x00", "an SQLite database (a project? merge it with 'annotator merge')"),
)


def _refuse_binary(path: Path, head: bytes) -> None:
    for signature, what in _NOT_JSON_SIGNATURES:
        if head.startswith(signature):
            raise InputFileError(path, f"is not a label file: it is {what}; label files are JSON or JSON Lines text")


def _bad_number(text: str) -> Any:
    raise LineRefused(f"{text} is not a number JSON allows (NaN and Infinity are refused)")


def _parse_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise LineRefused(f"number {text[:40]} is out of range")
    return value


def _parse_int(text: str) -> int:
    # Checked on the digits, before int() builds a huge number (CPython limits it at 4300 digits too).
    if len(text.lstrip("-")) > 19 or abs(int(text)) > _INT_LIMIT:
        raise LineRefused(f"integer {text[:40]}{'…' if len(text) > 40 else ''} is too large (64-bit at most)")
    return int(text)


_DECODER = json.JSONDecoder(parse_constant=_bad_number, parse_float=_parse_float, parse_int=_parse_int)


def json_type(value: Any) -> str:
    """The JSON name of a value's type, for messages ("an object", "a number")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


_SURROGATE = re.compile("[\ud800-\udfff]")


def check_tree(value: Any) -> None:
    """Refuse NUL characters, lone surrogates ("\\ud800" escapes: no text can hold them) and nesting
    deeper than MAX_DEPTH anywhere in a parsed value (iteratively: the check itself must not recurse)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                raise LineRefused(f"a NUL character in the string {item[:30]!r}…")
            if not item.isascii() and _SURROGATE.search(item):
                raise LineRefused(f"a lone surrogate (not a character) in the string {item[:30]!r}…")
        elif isinstance(item, dict):
            if depth > MAX_DEPTH:
                raise LineRefused(f"nested more than {MAX_DEPTH} levels deep")
            for key, child in item.items():
                if "\x00" in key or (not key.isascii() and _SURROGATE.search(key)):
                    raise LineRefused(f"a NUL character or lone surrogate in the key {key[:30]!r}")
                if isinstance(child, (str, dict, list)):
                    stack.append((child, depth + 1))
        elif isinstance(item, list):
            if depth > MAX_DEPTH:
                raise LineRefused(f"nested more than {MAX_DEPTH} levels deep")
            stack.extend((child, depth + 1) for child in item if isinstance(child, (str, dict, list)))


def parse(text: str) -> Any:
    """One JSON value from ``text`` with every check above; raises LineRefused."""
    try:
        value = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise LineRefused(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise LineRefused("nested too deeply to read (a JSON nesting bomb?)") from None
    check_tree(value)
    return value


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LineRefused(f"not UTF-8 (byte 0x{raw[exc.start]:02x} at byte {exc.start + 1} of the line)") from None


def json_lines(path: str | Path) -> Iterator[tuple[int, Any]]:
    """(line number, parsed object) per non-blank line of a JSON Lines file; a bad line yields a
    LineRefused in place of the object, so ``run_lines`` reports it and goes on with the next line."""
    path = Path(path)
    _refuse_project(path)
    with open_regular(path) as handle:
        number = blank = 0
        while True:
            raw = handle.readline(MAX_LINE_BYTES + 1)
            if not raw:
                if number == blank:  # said, or the summary "0 lines imported" would look like success
                    raise InputFileError(path, "empty file: there are no labels in it")
                return
            if not number:
                _refuse_wide_encoding(path, raw)
                _refuse_binary(path, raw)
            number += 1
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                # Skip the rest of the oversized line without holding it in memory.
                while (chunk := handle.readline(1 << 20)) and not chunk.endswith(b"\n"):
                    pass
                yield number, LineRefused(f"longer than {MAX_LINE_BYTES // (1024 * 1024)} MB (the document limit)")
                continue
            # A byte-order mark opens the file, and also any later line of files joined end to end
            # (`cat a.jsonl b.jsonl` of two Windows-made exports): it is not part of the JSON.
            if raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                blank += 1
                continue
            try:
                yield number, parse(_decode(raw))
            except LineRefused as exc:
                if b"}\r{" in raw or b"}\r\r{" in raw:  # CR-only line ends: every record on one "line"
                    exc = LineRefused(f"{exc}: its records are separated by CR alone (classic Mac line ends), "
                                      "so they read as one line; save the file with LF or CRLF line ends")
                yield number, exc


def json_array(path: str | Path) -> Iterator[tuple[int, Any]]:
    """A file holding one JSON array, read one element at a time: see jsonarray.py."""
    from annotator.exchange.jsonarray import json_array as stream  # noqa: PLC0415 - it imports this module

    return stream(path)
