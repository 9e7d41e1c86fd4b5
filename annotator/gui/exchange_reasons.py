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
             (re.compile(r"span \[(-?\d+), (-?\d+)\)"), "span [{0}, {1})"), (re.compile(r"span"), "span"),
             (re.compile(r"the text"), "the text"), (re.compile(r"the title"), "the title"),
             (re.compile(r"the annotator"), "the annotator"))

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
    # rarer reasons, met in files of other tools (session 8); {T} groups are JSON type words (_TYPES)
    (r"(.+) has label id (\d+), not a label name: export from doccano with label names \(JSONL, \"label\" form\) "
     r"to import it", "{0} has label id {1}, not a label name: export from doccano with label names to import it"),
    (r"(.+) must be an array of objects with start_offset, end_offset, label",
     "{0} must be an array of objects with start_offset, end_offset, label"),
    (r"label must be an array of \[start, end, label\], not (a string|an object|an array|a number|a boolean|null)", "label must be an array of [start, end, label], not {0}"),
    (r"label holds categories \(a classification project\), not \[start, end, label\] spans",
     "label holds categories (a classification project), not [start, end, label] spans"),
    (r"label (\d+) must be \[start, end, label\], not (a string|an object|an array|a number|a boolean|null) of (\d+) items",
     "label {0} must be [start, end, label], not {1} of {2} items"),
    (r"label (\d+) must be \[start, end, label\], not (a string|an object|an array|a number|a boolean|null)", "label {0} must be [start, end, label], not {1}"),
    (r"a line must be a JSON object, not (a string|an object|an array|a number|a boolean|null)", "a line must be a JSON object, not {0}"),
    (r"(.+) offsets must be integers, not (a string|an object|an array|a number|a boolean|null) and (a string|an object|an array|a number|a boolean|null)", "{0} offsets must be integers, not {1} and {2}"),
    (r"(.+): the label must be a non-empty string, not (a string|an object|an array|a number|a boolean|null)", "{0}: the label must be a non-empty string, not {1}"),
    (r"(.+): a label name longer than (\d+) characters", "{0}: a label name longer than {1} characters"),
    (r"(.+): attributes must be an object, not (a string|an object|an array|a number|a boolean|null)", "{0}: attributes must be an object, not {1}"),
    (r"unknown status (.+) \(known: (.+)\)", "unknown status {0} (known: {1})"),
    (r"(.+) is a reserved layer name", "{0} is a reserved layer name"),
    (r"gold cannot hold rejected suggestions", "gold cannot hold rejected suggestions"),
    (r"the text is larger than the (\d+) MB document limit", "the text is larger than the {0} MB document limit"),
    (r"span \[(-?\d+), (-?\d+)\) covers only a line break", "span [{0}, {1}) covers only a line break"),
    (r"it would add the label (.+?) and (\d+) more, past the (\d+) new labels one file may add \(are the label "
     r"names right\? to import them, add the labels to the project first\)",
     "it would add the label {0} and {1} more, past the {2} new labels one file may add (are the label names "
     "right? to import them, add the labels to the project first)"),
    (r"it would add the label (.+?), past the (\d+) new labels one file may add \(are the label "
     r"names right\? to import them, add the labels to the project first\)",
     "it would add the label {0}, past the {1} new labels one file may add (are the label names "
     "right? to import them, add the labels to the project first)"),
    (r"region (\d+) has no (.+)", "region {0} has no {1}"),
    (r"region (\d+): (.+) must be an integer, not (a string|an object|an array|a number|a boolean|null)", "region {0}: {1} must be an integer, not {2}"),
    (r"region (\d+) \[(-?\d+), (-?\d+)\) does not fit the text \((\d+) UTF-16 units\)",
     "region {0} [{1}, {2}) does not fit the text ({3} UTF-16 units)"),
    (r"region (\d+) \[(-?\d+), (-?\d+)\) text (.+) is not the text there \(read as UTF-16 units or as code points\)",
     "region {0} [{1}, {2}) text {3} is not the text there (read as UTF-16 units or as code points)"),
    (r"region (\d+) \[(-?\d+), (-?\d+)\) splits a character outside the BMP",
     "region {0} [{1}, {2}) splits a character outside the BMP"),
    (r"region (\d+): labels must be an array of strings", "region {0}: labels must be an array of strings"),
    (r"no text to import: data has (.+) but no 'text' \(an image, audio or title-only task\?\)",
     "no text to import: data has {0} but no 'text' (an image, audio or title-only task?)"),
    (r"(.+) is not a number JSON allows \(NaN and Infinity are refused\)",
     "{0} is not a number JSON allows (NaN and Infinity are refused)"),
    (r"integer (.+) is too large \(64-bit at most\)", "integer {0} is too large (64-bit at most)"),
    (r"number (.+) is out of range", "number {0} is out of range"),
    (r"nested more than (\d+) levels deep", "nested more than {0} levels deep"),
    (r"nested too deeply to read.*", "nested too deeply to read"),
    (r"(.+) must be (a string|an object|an array|a number|a boolean|null), not (a string|an object|an array|a number|a boolean|null)", "{0} must be {1}, not {2}"),
))

# Notes of a label import or an export (the report's notes, exchange/*.py), matched whole like reasons.
_NOTES = tuple((re.compile(pattern, re.DOTALL), source) for pattern, source in (
    (r"(\d+) lines had no label, labels, entities or annotations key: their texts were imported without spans",
     "{0} lines had no label, labels, entities or annotations key: their texts were imported without spans"),
    (r"some regions had code-point offsets \(not UTF-16\); read as code points",
     "some regions had code-point offsets (not UTF-16); read as code points"),
    (r"(\d+) predictions were listed by id only \(Label Studio's quick export\): .*",
     "{0} predictions were listed by id only (Label Studio's quick export): suggestions and rejected suggestions "
     "are not in this file; export a snapshot with full predictions to keep them"),
    (r"(\d+) tasks had 'completions' \(Label Studio before 1\.0\): read as annotations",
     "{0} tasks had 'completions' (Label Studio before 1.0): read as annotations"),
    (r"(\d+) results of (.+) carry no text span and were not imported",
     "{0} results of {1} carry no text span and were not imported"),
    (r"document (\d+): already in the project, its outline was kept",
     "document {0}: already in the project, its outline was kept"),
    (r"no spans match the selection: no file written", "no spans match the selection: no file written"),
    (r"(.+): (\d+) spans overlapping a span of the same label were left out",
     "{0}: {1} spans overlapping a span of the same label were left out"),
    (r"no Label Studio user given for (.+): their annotations have no completed_by .*",
     "no Label Studio user given for {0}: their annotations have no completed_by (the server assigns them to the "
     "importing user; the name stays in each region's meta)"),
))
# An import the project stopped (busy, disk full): its middle is the project's own reason.
_STOPPED = (re.compile(r"stopped at (line|task) (\d+): (.+); the (?:line|task)s before it are imported, it and the "
                       r"rest are not \(import the file again once this is solved\)", re.DOTALL),
            "stopped at {0} {1}: {2}; the ones before it are imported, it and the rest are not (import the file "
            "again once this is solved)")
_TYPES = {"a string": "a string", "an object": "an object", "an array": "an array", "a number": "a number",
          "a boolean": "a boolean"}


def _tr(source: str) -> str:
    return QCoreApplication.translate("ExchangeReason", source)


def _subject(text: str) -> str:
    for pattern, source in _SUBJECTS:
        match = pattern.fullmatch(text)
        if match:
            return _tr(source).format(*match.groups())
    return text


def _word(group: str | None) -> str:
    """A JSON type word or a unit ("line", "task") in the UI language; anything else as written."""
    if group is None:
        return ""
    if group in _TYPES or group in ("line", "task"):
        return _tr(group)
    return group


def _render(shapes, text: str) -> str | None:
    for pattern, source in shapes:
        match = pattern.fullmatch(text)
        if match:
            groups = [_word(g) for g in match.groups()]
            if source.startswith("{0} ") or source.startswith("{0}: "):  # the subject of the sentence
                groups[0] = _subject(groups[0])
            return _tr(source).format(*groups)
    return None


def exchange_reason_text(reason: str) -> str:
    """A reader's reason in the UI language (see the module docstring); as written when unknown."""
    reason = str(reason)
    said = _render(_SHAPES, reason)
    return said if said is not None else os_error_text(reason)  # an OS error's words (open/read failed), by errno


def exchange_note_text(note: str) -> str:
    """A report's note (an import's "12 lines had no label…", an export's "no spans match…") in the UI
    language; as written when of another shape. The notes stayed English in the Chinese UI (session 8)."""
    note = str(note)
    match = _STOPPED[0].fullmatch(note)
    if match:  # the project's own reason in the middle is said too
        unit, number, why = match.groups()
        return _tr(_STOPPED[1]).format(_tr(unit), number, exchange_reason_text(why))
    said = _render(_NOTES, note)
    return said if said is not None else note


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
