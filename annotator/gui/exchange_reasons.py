"""Why a label file, or a line of it, was refused, in the annotator's language.

The exchange readers (annotator/exchange) say why in English sentences, which the command line prints
as they are. The GUI recognises the shapes people meet most (invalid JSON, not UTF-8, offsets outside
the text, a text that does not match, no text, no label, an empty or wrong kind of file) and says them
in the UI language with their figures; the parts it cannot say (a JSON parser's own words, a value as
written) stay as written, as the detail. A sentence of another shape is shown as the reader wrote it:
better in English than not at all. Shapes are matched whole, so a reworded reader message falls back
instead of being mistranslated (tests/gui/test_walkthrough7.py imports real bad files to catch drift).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from annotator.gui.read_reasons import os_error_text

# What a reason is about ("span 3", "label 2", "region 1"): the first group of several shapes.
_SUBJECTS = ((re.compile(r"span (\d+)"), "span {0}"), (re.compile(r"label (\d+)"), "label {0}"),
             (re.compile(r"region (\d+)"), "region {0}"), (re.compile(r"section (\d+)"), "section {0}"),
             (re.compile(r"span \[(-?\d+), (-?\d+)\)"), "span [{0}, {1})"), (re.compile(r"span"), "span"))

_SHAPES = tuple((re.compile(pattern, re.DOTALL), source) for pattern, source in (
    (r"not valid JSON \((.+)\)", "not valid JSON ({0})"),
    (r"not UTF-8 \(byte (0x[0-9a-f]+) at byte (\d+) of the line\)", "not UTF-8 (byte {0} at byte {1} of the line)"),
    (r"not UTF-8 \(byte (0x[0-9a-f]+) on line (\d+)\)", "not UTF-8 (byte {0} on line {1})"),
    (r"(.+) \[(-?\d+), (-?\d+)\) does not fit the text's (\d+) characters",
     "{0} [{1}, {2}) does not fit the text's {3} characters"),
    (r"(.+) has no label", "{0} has no label"),
    (r"no text", "no text"),
    (r"span (\d+): its text (.+) is not the text at \[(\d+), (\d+)\)", "span {0}: its text {1} is not the text at [{2}, {3})"),
    (r"span \[(\d+), (\d+)\) text (.+) is not the text there", "span [{0}, {1}) text {2} is not the text there"),
    (r"malformed \((.+)\)", "malformed ({0})"),
    (r"no annotator: name one \(--annotator\) or import as suggestions",
     "no annotator: name one or import the labels as suggestions"),
    (r"text_sha256 does not match the text \(the text was changed after export\)",
     "text_sha256 does not match the text (the text was changed after export)"),
    (r"schema_version (.+) is not supported \(this version reads (\d+)\)",
     "schema_version {0} is not supported (this version reads {1})"),
    (r"empty file: there are no labels in it", "empty file: there are no labels in it"),
    (r"empty file: expected a JSON array of tasks", "empty file: expected a JSON array of tasks"),
    (r"expected a JSON array of tasks", "expected a JSON array of tasks"),
    (r"is a folder, not a file", "is a folder, not a file"),
    (r"not a regular file \(a pipe, socket or device\); save the labels to a file first",
     "not a regular file (a pipe, socket or device); save the labels to a file first"),
    (r"larger than (\d+) MB", "larger than {0} MB"),
    (r"longer than (\d+) MB \(the document limit\)", "longer than {0} MB (the document limit)"),
    (r"is (UTF-\d+\w*) text \(it starts with the byte-order mark ([0-9A-F ]+)\); label files must be UTF-8: "
     r"save it as UTF-8 and import it again",
     "is {0} text (it starts with the byte-order mark {1}); label files must be UTF-8: save it as UTF-8 and import it again"),
    (r"is the open project \(or one of its SQLite files\), not a label file",
     "is the open project (or one of its SQLite files), not a label file"),
))


def _tr(source: str) -> str:
    return QCoreApplication.translate("ExchangeReason", source)


def _subject(text: str) -> str:
    for pattern, source in _SUBJECTS:
        match = pattern.fullmatch(text)
        if match:
            return _tr(source).format(*match.groups())
    return text


def exchange_reason_text(reason: str) -> str:
    """A reader's reason in the UI language (see the module docstring); as written when unknown."""
    reason = str(reason)
    for pattern, source in _SHAPES:
        match = pattern.fullmatch(reason)
        if match:
            groups = list(match.groups())
            if source.startswith("{0} "):  # the subject of the sentence
                groups[0] = _subject(groups[0])
            return _tr(source).format(*groups)
    return os_error_text(reason)  # an OS error's words (open/read failed), by errno


def line_problem_text(problem) -> str:
    """"line 3: reason" (or "task 3: …" for a Label Studio array) in the UI language."""
    unit = _tr("task {0}") if getattr(problem, "unit", "line") == "task" else _tr("line {0}")
    return _tr("{0}: {1}").format(unit.format(problem.line), exchange_reason_text(problem.reason))


def dialog_filters(direction: str) -> list[tuple[str, str]]:
    """(format name, file-dialog filter) in the UI language: the registry's titles ("Native JSONL",
    "Statistics table CSV") were shown in English in the Chinese file dialog. Product names (doccano,
    Label Studio, CoNLL) stay as they are; the file patterns too."""
    from annotator.services import exchange as formats  # noqa: PLC0415 - loads only the format registry

    out = []
    for name, text in formats.dialog_filters(direction):
        cut = text.rfind(" (")
        title, patterns = (text[:cut], text[cut:]) if cut > 0 else (text, "")
        out.append((name, QCoreApplication.translate("ExchangeFormat", title) + patterns))
    return out
