"""What an import of files and folders will bring in, before anything is written.

A folder of speeches collected from the web usually also holds its own notes: README.md, SOURCES.md,
a LICENSE, a changelog. They are readable files of a supported type, so the walker finds them, but they
are not speeches. They are recognised here, by name, in this one place (``NOT_SPEECH_NAMES``), and
offered unticked in the preview; the person can still tick any of them. The walk itself is ingest's
(``walk_paths``): the symbolic-link rule and unreadable folders are reported exactly as on the CLI.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from annotator.ingest import FileOutcome, walk_paths
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


@dataclass
class ImportPreview:
    candidates: list[Candidate] = field(default_factory=list)
    problems: list[FileOutcome] = field(default_factory=list)  # links not followed, unreadable folders

    def chosen(self) -> list[Path]:
        return [c.path for c in self.candidates if c.selected]

    def left_out(self) -> list[FileOutcome]:
        """The candidates not chosen, as "skipped" outcomes for the import summary."""
        return [FileOutcome(display_path(c.path), "skipped", reason=c.reason or "not selected in the preview")
                for c in self.candidates if not c.selected]


def preview_import(paths: Iterable[str | os.PathLike], *, follow_symlinks: bool = False) -> ImportPreview:
    """Files the import would read, each ticked unless it looks like a note; a file named explicitly
    (not found in a folder) is always ticked: the person chose it."""
    paths = list(paths)
    given = {os.path.abspath(p) for p in paths}
    files, problems = walk_paths(paths, follow_symlinks=follow_symlinks)
    preview = ImportPreview(problems=list(problems))
    for path in files:
        reason = None if os.path.abspath(path) in given else not_a_speech(path)
        preview.candidates.append(Candidate(path, reason is None, reason or ""))
    return preview
