"""A file holding one JSON array of tasks (Label Studio's export), read one task at a time.

Why not ``json.load``: a Label Studio export of a large project is one array of hundreds of MB. Read
whole it cost three times its size (the bytes, the decoded text, the parsed tasks: 1.5 GB at the peak
for a 500 MB file) before the first task was stored. Here the file is decoded in chunks into a text
buffer that holds at most the task being read plus one chunk; each task is parsed by the C decoder
(``raw_decode`` at the task's start), and a task the buffer does not yet hold whole is parsed again once
more text is read (the amount read doubles, so a large task costs at most about twice its parse).

What the reader guarantees, as every label reader does (see jsonread.py):

- the file is checked to be UTF-8 in a first streaming pass, so a file with a bad byte is refused
  whole, with the line, before anything is imported (the tasks before the byte are not half imported);
- a bad task (NaN, NUL, a nesting bomb, a wrong type) refuses only itself, by its position;
- a task larger than ``MAX_TASK_CHARS`` is refused and skipped without being held in memory;
- text that is not JSON at all ends the reading there (nothing after it can be located reliably):
  that position is reported and the tasks before it are kept.
"""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from annotator.exchange.jsonread import (
    _DECODER, InputFileError, LineRefused, _refuse_project, _refuse_wide_encoding, check_tree, open_regular,
)

CHUNK_BYTES = 1 << 20
# One task holds one document (20 MB of UTF-8 at most, io.readers' limit) and its regions, which repeat
# the text they cover; past this many characters a task is refused and skipped (~130 MB of memory).
MAX_TASK_CHARS = 64 * 2**20
_WHITESPACE = re.compile(r"[ \t\r\n]*")
_STRUCTURE = re.compile(r'["\[\]{}]')  # outside strings: what changes the nesting
_IN_STRING = re.compile(r'["\\]')  # inside a string: its end or an escape
_SCALAR_END = re.compile(r"[,\]\s]")


class _TaskTooLarge(Exception):
    pass


def json_array(path: str | Path) -> Iterator[tuple[int, Any]]:
    """(position, parsed element) per element of a file holding one JSON array (or one object); a bad
    element yields a LineRefused in place of its value, so ``run_lines`` reports it and goes on."""
    path = Path(path)
    _refuse_project(path)
    with open_regular(path) as handle:
        _check_utf8(path, handle)
        handle.seek(0)
        buffer = _Buffer(path, handle)
        index = buffer.skip(0)
        first = buffer.char(index)
        if first == "":
            raise InputFileError(path, "empty file: expected a JSON array of tasks")
        if first == "{":
            yield from _elements(buffer, index, single=True)
        elif first == "[":
            yield from _elements(buffer, index + 1, single=False)
        else:
            raise InputFileError(path, "expected a JSON array of tasks")


def _check_utf8(path: Path, handle: BinaryIO) -> None:
    """Refuse the file, naming the line, if any byte of it is not UTF-8 (read in chunks, kept nowhere)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines = 0
    first = True
    while True:
        try:
            chunk = handle.read(CHUNK_BYTES)
        except OSError as exc:
            raise InputFileError(path, exc.strerror or str(exc)) from None
        if first:
            _refuse_wide_encoding(path, chunk[:4])
            first = False
        try:
            decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            # exc.object is the decoder's pending bytes (part of one character, never a newline) + chunk.
            line = lines + exc.object.count(b"\n", 0, exc.start) + 1
            raise InputFileError(path, f"not UTF-8 (byte 0x{exc.object[exc.start]:02x} on line {line})") from None
        if not chunk:
            return
        lines += chunk.count(b"\n")


class _Buffer:
    """The file's text from the element being read on: ``text`` with ``lines_before`` newlines dropped."""

    def __init__(self, path: Path, handle: BinaryIO) -> None:
        self.path, self.handle = path, handle
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.text = ""
        self.eof = False
        self.lines_before = 0
        self.started = False
        self.start = 0  # where the value decode() last tried begins

    def more(self, keep: int, want: int = CHUNK_BYTES) -> int:
        """Drop the text before ``keep`` and read at least ``want`` more characters (or to the end);
        returns ``keep``'s index in the new text (0)."""
        self.lines_before += self.text.count("\n", 0, keep)
        pieces, got = [self.text[keep:]], 0
        while got < want and not self.eof:
            try:
                raw = self.handle.read(max(CHUNK_BYTES, want - got))
            except OSError as exc:
                raise InputFileError(self.path, exc.strerror or str(exc)) from None
            if not self.started:
                self.started = True
                raw = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
            self.eof = not raw
            try:
                piece = self.decoder.decode(raw, final=self.eof)
            except UnicodeDecodeError:
                raise InputFileError(self.path, "changed while it was being read (it is no longer UTF-8); "
                                                "import it again once it is complete") from None
            pieces.append(piece)
            got += len(piece)
        self.text = "".join(pieces)
        return 0

    def skip(self, index: int) -> int:
        """The index of the next character that is not whitespace (reading more as needed)."""
        while True:
            index = _WHITESPACE.match(self.text, index).end()
            if index < len(self.text) or self.eof:
                return index
            index = self.more(index)

    def char(self, index: int) -> str:
        return self.text[index] if index < len(self.text) else ""

    def line(self, index: int) -> int:
        return self.lines_before + self.text.count("\n", 0, index) + 1

    def decode(self, index: int) -> tuple[Any, int, int]:
        """(value, its start, its end) of the JSON value at ``index``, reading more until it is whole.
        Raises JSONDecodeError (positions in ``text``), LineRefused, RecursionError or _TaskTooLarge."""
        while True:
            self.start = index
            try:
                value, end = _DECODER.raw_decode(self.text, index)
                if end < len(self.text) or self.eof:  # a number at the very end might go on
                    return value, index, end
            except json.JSONDecodeError:
                if self.eof:
                    raise
            held = len(self.text) - index
            if held > MAX_TASK_CHARS:
                raise _TaskTooLarge
            # Double what is held, but never read past the cap by more than a chunk.
            index = self.more(index, max(1, min(max(CHUNK_BYTES, held), MAX_TASK_CHARS + 1 - held)))

    def skip_value(self, index: int) -> int:
        """The index just past the value starting at ``index`` (brackets matched, strings skipped), or -1
        at the end of the file; what is skipped is dropped as it is passed (never held whole)."""
        depth, in_string = 0, False
        if self.char(index) not in '[{"':  # a bare number or word: it ends at the next , or ]
            while (found := _SCALAR_END.search(self.text, index)) is None and not self.eof:
                index = self.more(len(self.text))
            return found.start() if found else -1
        while True:
            text = self.text
            while True:
                found = (_IN_STRING if in_string else _STRUCTURE).search(text, index)
                if found is None:
                    index = len(text)
                    break
                mark = found.group()
                if mark == "\\":
                    if found.end() >= len(text):  # the escaped character is in the next chunk
                        index = found.start()
                        break
                    index = found.end() + 1
                elif mark == '"':
                    in_string, index = not in_string, found.end()
                elif mark in "[{":
                    depth, index = depth + 1, found.end()
                else:
                    depth, index = depth - 1, found.end()
                    if depth == 0:
                        return index
            if self.eof:
                return -1
            index = self.more(index)


def _elements(buffer: _Buffer, index: int, *, single: bool) -> Iterator[tuple[int, Any]]:
    position = 0
    while True:
        index = buffer.skip(index)
        if not single and buffer.char(index) == "]":
            return
        position += 1
        try:
            value, index, end = buffer.decode(index)
        except json.JSONDecodeError as exc:
            yield position, LineRefused(f"not valid JSON ({exc.msg} at line {buffer.line(exc.pos)}); "
                                        "the rest of the file was not read")
            return
        except RecursionError:
            yield position, LineRefused("nested too deeply to read; the rest of the file was not read")
            return
        except (LineRefused, _TaskTooLarge) as exc:
            # A bad number ends the decoding midway, a huge task is not decoded at all: find its end to go on.
            if isinstance(exc, _TaskTooLarge):
                exc = _too_large()
            line = buffer.line(buffer.start)
            yield position, exc
            end = buffer.skip_value(buffer.start)
            if end < 0:
                yield position + 1, LineRefused(f"the task starting on line {line} never ends; "
                                                "the rest of the file was not read")
                return
        else:
            try:
                if end - index > MAX_TASK_CHARS:  # whole in the buffer already, but still over the cap
                    raise _too_large()
                check_tree(value)
                yield position, value
            except LineRefused as exc:
                yield position, exc
            del value
        if single:
            yield from _trailing(buffer, end, position, "the first task")
            return
        index = buffer.skip(end)
        mark = buffer.char(index)
        if mark == ",":
            index += 1
        elif mark == "]":
            yield from _trailing(buffer, index + 1, position, "the array of tasks")
            return
        else:
            yield position + 1, LineRefused("expected , or ] between tasks; the rest of the file was not read")
            return


def _too_large() -> LineRefused:
    return LineRefused(f"a task larger than {MAX_TASK_CHARS / 2**20:g} M characters (one document is at most "
                       "20 MB): skipped")


def _trailing(buffer: _Buffer, index: int, position: int, what: str) -> Iterator[tuple[int, Any]]:
    """A refusal for anything but whitespace after the file's one JSON value: ``json`` would stop at
    the value's end and silently drop the rest (a JSON Lines file given as Label Studio JSON lost
    every task after the first)."""
    index = buffer.skip(index)
    if index < len(buffer.text):
        hint = "; it looks like JSON Lines (one task per line): choose a JSONL format" if buffer.char(index) == "{" else ""
        yield position + 1, LineRefused(f"more text after the end of {what} on line {buffer.line(index)} "
                                        f"was not read{hint}")
