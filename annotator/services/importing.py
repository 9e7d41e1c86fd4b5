"""Importing speeches: what an import of files and folders will bring in, before anything is written,
and the import itself (the one entry point of the CLI's ``import``/``clean``/``outline`` and the GUI's
import worker; the pipeline is annotator/ingest.py).

A folder of speeches collected from the web usually also holds its own notes: README.md, SOURCES.md,
a LICENSE, a changelog. They are readable files of a supported type, so the walker finds them, but they
are not speeches. They are recognised here, by name, in this one place (``NOT_SPEECH_NAMES``), and
offered unticked in the preview; the person can still tick any of them. The walk itself is ingest's
(``walk_paths``): the symbolic-link rule and unreadable folders are reported exactly as on the CLI.
"""

from __future__ import annotations

import fnmatch
import re
from collections import Counter
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from annotator.ingest import (FileOutcome, ImportSummary, Prepared, import_paths, index_words_in_background,
                              prepare, read_and_clean, storage_cause, walk_paths)
from annotator.paths import display_path

# File names (case-insensitive, without folders) that describe a collection rather than belong to it.
NOT_SPEECH_NAMES: tuple[str, ...] = (
    "readme", "readme.*", "sources", "sources.*", "source.*", "license", "license.*", "licence.*",
    "copying", "copying.*", "changelog*", "changes.*", "history.*", "contributing*", "authors*",
    "notice*", "index.htm", "index.html", "manifest*", "todo*", "citation*",
)


def not_a_speech(path: str | os.PathLike) -> str | None:
    """Why a file found in a folder is probably not a speech (its name), or None."""
    name = Path(path).name.lower()
    for pattern in NOT_SPEECH_NAMES:
        if fnmatch.fnmatchcase(name, pattern):
            return f"its name ({Path(path).name}) marks a note about the collection, not a speech"
    return None


@dataclass
class Candidate:
    path: Path
    selected: bool  # ticked by default
    reason: str = ""  # why it is not ticked
    warning: ContentWarning | None = None  # its content does not look like a speech (see content_warning)


@dataclass
class ImportPreview:
    candidates: list[Candidate] = field(default_factory=list)
    problems: list[FileOutcome] = field(default_factory=list)  # links not followed, unreadable folders

    def warnings(self) -> list[Candidate]:
        """Files whose content does not look like a speech (ticked or not)."""
        return [c for c in self.candidates if c.warning is not None]

    def chosen(self) -> list[Path]:
        return [c.path for c in self.candidates if c.selected]

    def left_out(self) -> list[FileOutcome]:
        """The candidates not chosen, as "skipped" outcomes for the import summary."""
        return [FileOutcome(display_path(c.path), "skipped", reason=c.reason or "not selected in the preview")
                for c in self.candidates if not c.selected]


def preview_import(paths: Iterable[str | os.PathLike], *, follow_symlinks: bool = False,
                   read_content: bool = True) -> ImportPreview:
    """Files the import would read, each ticked unless its name marks a note or its content is not a
    speech (``content_warning``); a file named explicitly (not found in a folder) is always ticked — the
    person chose it — but keeps its warning, so the preview still says what it looks like."""
    paths = list(paths)
    given = {os.path.abspath(p) for p in paths}
    files, problems = walk_paths(paths, follow_symlinks=follow_symlinks)
    preview = ImportPreview(problems=list(problems))
    for path in files:
        chosen = os.path.abspath(path) in given
        reason = None if chosen else not_a_speech(path)
        warning = file_warning(path) if read_content and reason is None else None
        if warning is not None and not chosen:
            reason = f"its content is not a speech: {warning}"
        preview.candidates.append(Candidate(path, reason is None, reason or "", warning))
    return preview


# -- the import itself ------------------------------------------------------------------------------


def clean_file(path: str | os.PathLike, *, rules_path: str | None = None):  # -> (ReadResult, CleanResult)
    """Read and clean one file without a project or an outline (``annotator clean``); ReadError as below."""
    return read_and_clean(path, rules_path=rules_path)


def prepare_file(path: str | os.PathLike, *, rules_path: str | None = None) -> Prepared:
    """Read, clean and outline one file without a project (``annotator clean`` / ``outline``); ReadError
    (annotator.io.errors) names the file and the problem."""
    return prepare(path, rules_path=rules_path)


def import_files(project, paths: Iterable[str | os.PathLike], *, annotator: str | None = None,
                 progress: Callable[[int, int, FileOutcome], None] | None = None,
                 should_cancel: Callable[[], bool] | None = None, follow_symlinks: bool = False,
                 suggest: bool = False, index: bool = True) -> ImportSummary:
    """Import files and folders, stored in batches (ingest.py: one transaction per batch, a savepoint per
    file, each file reported once its batch is committed); a bad file is an outcome, never the end of
    the batch. One ``import.batch`` event names the new documents: the GUI takes the whole import back
    as one step (into the trash; services/history.py rebuilds that step after a restart). Documents
    whose text an import replaced ("updated") are not taken back.

    ``index``: build the search index now; False leaves the new documents in the search backlog (still
    found by search, which scans it) for the detached indexer (``index_words_in_background``).

    ``suggest``: also propose suggestions for each document that came in (services/suggesting.py), so
    they are ready when it is opened; a failure there fails no import (the document suggests again
    when opened).
    """
    summary = import_paths(project, paths, annotator=annotator, progress=progress, should_cancel=should_cancel,
                           follow_symlinks=follow_symlinks, index=index)
    if not project.readonly:  # which documents this import brought in: "take the import back" reads it
        from annotator.storage.document_trash import record_import  # noqa: PLC0415

        record_import(project, [o.document_id for o in summary.outcomes
                                if o.status == "imported" and o.document_id is not None], by=annotator)
    if suggest:
        from annotator.services.suggesting import suggest_document  # noqa: PLC0415

        for outcome in summary.outcomes:
            if outcome.status in ("imported", "updated") and not (should_cancel and should_cancel()):
                try:
                    suggest_document(project, outcome.document_id)
                except Exception:  # noqa: BLE001 - the document opens and suggests again later
                    pass
    return summary


__all__ = ["Candidate", "ContentWarning", "FileOutcome", "ImportPreview", "ImportSummary", "Prepared",
           "content_warning", "file_warning", "import_files", "index_words_in_background", "not_a_speech",
           "prepare_file", "preview_import", "storage_cause"]


# -- content: is the text a Chinese speech or report at all? -----------------------------------------
# Measured on the 5 seeds, the outline corpus (tests/data/outline_corpus), the suggestion gold documents
# and the samples (none fires; the figures of each rule on them are in tests/gui/test_not_a_speech.py)
# and on real files that are not speeches (tests/data/not_speech, with their sources): a README in
# English, a CSV table, a word list, Python and JavaScript source with Chinese comments, a PNG renamed
# .txt, an empty and a near-empty file. Each rule names what it saw, so a person can judge.
MIN_HAN = 20  # fewer Chinese characters than this is a title or a fragment, not a speech
MIN_HAN_SHARE = 0.5  # Chinese characters among all letters (Han + Latin): speeches are > 0.9
MAX_CONTROL_SHARE = 0.01  # control / replacement characters: binary data decoded as text
MIN_SENTENCES_PER_1000 = 4  # 。！？；… per 1 000 Chinese characters: running text, not a list or table
MAX_CODE_LINES = 0.25  # lines that look like program code
MAX_TABLE_LINES = 0.5  # lines cut into 3+ fields by tabs, ASCII commas or |
MIN_TABLE_LINES = 5  # rows needed to call it a table
MAX_DIGIT_SHARE = 0.35  # digits among non-space characters

_CODE_LINE = re.compile(
    r"^\s*(?:(?:def|class|import|from|return|if|elif|else|for|while|try|except|function|var|let|const|public|"
    r"private|static|void|int|package|#include|#define|using|namespace)\b.*|.*[;{}]\s*$|.*\)\s*:\s*$|"
    r"\s*(?://|#|/\*|\*)\s.*|.*=>.*|\s*<\?php.*|\s*[A-Za-z_][\w.]*\s*=\s*[^=].*)")
_TABLE_SEPARATORS = re.compile(r"[\t,|]")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\U00020000" <= ch <= "\U0003134f"


def _han_share(line: str) -> float:
    visible = [ch for ch in line if not ch.isspace()]
    return sum(1 for ch in visible if _is_han(ch)) / len(visible) if visible else 0.0


@dataclass(frozen=True)
class ContentWarning:
    """Why a text is probably not a speech: a kind (for a translated message) and the figures seen."""

    kind: str  # one of WARNING_TEXTS
    values: tuple = ()

    def __str__(self) -> str:
        return WARNING_TEXTS[self.kind].format(*self.values)


# English wording; the GUI shows its own translation of each kind (dialogs/import_preview.py).
WARNING_TEXTS = {
    "unreadable": "cannot be read ({0})",
    "binary": "binary data, not text ({0} of {1} characters are control or undecodable bytes)",
    "empty": "empty",
    "latin": "mostly Latin-script text (only {0}% of the letters are Chinese)",
    "little_chinese": "almost no Chinese text ({0} Chinese characters, {1} characters in all)",
    "code": "program code ({0} of {1} lines look like code)",
    "table": "a table ({0} of {1} lines are cut into {2} fields by tabs, commas or |)",
    "numbers": "mostly numbers ({0}% of the characters are digits)",
    "no_sentences": "no running sentences ({0} sentence marks in {1} Chinese characters): a list, not a speech",
}


def content_warning(text: str) -> ContentWarning | None:
    """Why ``text`` is probably not a Chinese speech or report, or None. One reason, the first that
    holds, with the figures a person can check against the file."""
    # Each character's predicates once per distinct character, over counts made in one pass in C (the
    # preview of a folder import tested every character in Python, five times: ~40× a bare read).
    counts = [(ch, n) for ch, n in Counter(text).items() if not ch.isspace()]
    visible = sum(n for _, n in counts)  # characters that are not white space
    if not visible:
        return ContentWarning("empty")
    control = sum(n for ch, n in counts if ch == "\ufffd" or (ord(ch) < 32) or 0x7f <= ord(ch) < 0xa0)
    if control / visible > MAX_CONTROL_SHARE:
        return ContentWarning("binary", (control, visible))
    han = sum(n for ch, n in counts if _is_han(ch))
    latin = sum(n for ch, n in counts if ch.isascii() and ch.isalpha())
    lines = [line for line in text.splitlines() if line.strip()]
    # A line is code only when it is mostly not Chinese: speeches scraped with ASCII punctuation end
    # lines in ";" and ":" (two of the seeds), program code has Chinese only in comments and strings.
    code = sum(1 for line in lines if _CODE_LINE.match(line) and _han_share(line) < 0.2)
    if code / len(lines) > MAX_CODE_LINES and latin > han:
        return ContentWarning("code", (code, len(lines)))
    if han and han / (han + latin) < MIN_HAN_SHARE:
        return ContentWarning("latin", (100 * han // (han + latin),))
    if han < MIN_HAN:
        return ContentWarning("latin", (0,)) if latin > 5 * MIN_HAN else \
            ContentWarning("little_chinese", (han, visible))
    # A table: most lines cut into the same number (2+) of fields. Speeches with ASCII commas have them
    # too, but as many as their clauses, different from one paragraph to the next.
    fields = Counter(n for n in (len(_TABLE_SEPARATORS.findall(line)) for line in lines) if n >= 2)
    if fields and len(lines) >= MIN_TABLE_LINES:  # a text on one line (pasted, scraped) is no table
        separators, table = fields.most_common(1)[0]
        if table / len(lines) > MAX_TABLE_LINES:
            return ContentWarning("table", (table, len(lines), separators + 1))
    digits = sum(n for ch, n in counts if ch.isdigit())
    if digits / visible > MAX_DIGIT_SHARE:
        return ContentWarning("numbers", (100 * digits // visible,))
    sentences = sum(text.count(mark) for mark in "。！？；;!?")
    if sentences * 1000 / han < MIN_SENTENCES_PER_1000:
        return ContentWarning("no_sentences", (sentences, han))
    return None


def file_warning(path: str | os.PathLike) -> ContentWarning | None:
    """``content_warning`` of a file as the import would read it; a file the readers refuse is said so
    (the import then reports it as failed, with the same reason)."""
    from annotator.io.errors import ReadError  # noqa: PLC0415
    from annotator.io.readers import read_file  # noqa: PLC0415

    try:
        return content_warning(read_file(path).text)
    except ReadError as exc:
        # The code and params after the reason let the GUI say it in its language (gui/read_reasons.py).
        return ContentWarning("unreadable", (exc.reason, exc.code, tuple(sorted(exc.params.items()))))
    except (OSError, ValueError) as exc:
        return ContentWarning("unreadable", (str(exc),))
