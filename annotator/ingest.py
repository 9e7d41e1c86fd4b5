"""Import pipeline: file → read → clean → outline → one transaction in the project.

Qt-free; the CLI calls ``import_paths`` directly and the GUI runs it in a worker thread. A bad file is
reported (with the file and the reason) and the batch goes on; a document is stored whole or not at all.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from annotator.domain.model import CleanResult, ReadResult, Section
from annotator.io.errors import ReadError
from annotator.io.readers import read_file
from annotator.structure.clean import clean, load_rules
from annotator.structure.outline import parse_outline

if TYPE_CHECKING:  # storage (sqlite-utils, ~0.2 s to import) loads in store(): `annotator outline` never needs it
    from annotator.storage.project import Project

SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".docx", ".html", ".htm")


@dataclass
class Prepared:
    """Everything about one file that can be computed without the project."""

    path: Path
    read: ReadResult
    cleaned: CleanResult
    sections: list[Section]
    title: str


@dataclass
class FileOutcome:
    path: str
    status: str  # "imported", "updated" (same file, changed text), "duplicate", "failed"
    document_id: int | None = None
    title: str = ""
    chars: int = 0
    reason: str = ""


@dataclass
class ImportSummary:
    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def imported(self) -> int:
        return self.count("imported")

    @property
    def updated(self) -> int:
        return self.count("updated")

    @property
    def duplicates(self) -> int:
        return self.count("duplicate")

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def _guess_title(read: ReadResult, cleaned: CleanResult, path: Path) -> str:
    for candidate in (read.title, cleaned.title):
        if candidate and candidate.strip():
            return candidate.strip()[:120]
    first = cleaned.text.strip().split("\n", 1)[0].strip() if cleaned.text.strip() else ""
    if 0 < len(first) <= 60:
        return first
    return path.stem


def prepare(path: str | os.PathLike, *, rules_path: str | None = None) -> Prepared:
    """Read, clean and outline one file. Raises ReadError for anything unreadable."""
    path = Path(path)
    read = read_file(path)
    try:
        cleaned = clean(read.text, load_rules(rules_path) if rules_path else None)
    except Exception as exc:  # a cleaner bug must not stop the batch; say which file tripped it
        raise ReadError(str(path), f"could not be cleaned ({type(exc).__name__}: {exc})") from exc
    if not cleaned.text.strip():
        raise ReadError(str(path), "no speech text left after removing the download-site chrome")
    try:
        sections = parse_outline(cleaned.text)
    except Exception as exc:
        raise ReadError(str(path), f"outline could not be parsed ({type(exc).__name__}: {exc})") from exc
    return Prepared(path, read, cleaned, sections, _guess_title(read, cleaned, path))


def _same_source(project: Project, prepared: Prepared) -> int | None:
    """A document imported earlier from the same file whose text has since changed."""
    from annotator.storage import documents  # noqa: PLC0415 - see TYPE_CHECKING above
    row = project.conn.execute(
        "SELECT id FROM documents WHERE source_path = ? AND sha256 != ? ORDER BY id DESC LIMIT 1",
        [str(prepared.path), documents.sha256_text(prepared.cleaned.text)],
    ).fetchone()
    return row[0] if row else None


def store(project: Project, prepared: Prepared, *, annotator: str | None = None) -> FileOutcome:
    from annotator.storage import documents  # noqa: PLC0415 - see TYPE_CHECKING above
    from annotator.storage.reanchor import replace_document_text  # noqa: PLC0415

    read, cleaned = prepared.read, prepared.cleaned
    changed = _same_source(project, prepared)
    if changed is not None and documents.find_by_sha(project, documents.sha256_text(cleaned.text)) is None:
        # The same file again with an edited text: carry the spans over by a text diff (moved where
        # their text and context are unchanged, flagged for review otherwise), never a second copy.
        result = replace_document_text(project, changed, cleaned.text, read.text, prepared.sections,
                                       annotator, removed=cleaned.removed)
        return FileOutcome(path=str(prepared.path), status="updated", document_id=changed, title=prepared.title,
                           chars=len(cleaned.text),
                           reason=f"text changed: {len(result.moved)} spans moved, {len(result.flagged)} flagged for review")
    doc_id, created = documents.add_document(
        project,
        clean_text=cleaned.text,
        raw_text=read.text,
        title=prepared.title,
        source_path=str(prepared.path),
        fmt=read.format,
        encoding=read.encoding,
        metadata={**read.metadata, **({"warnings": read.warnings} if read.warnings else {})},
        removed=cleaned.removed,
        sections=prepared.sections,
        annotator=annotator,
    )
    return FileOutcome(
        path=str(prepared.path),
        status="imported" if created else "duplicate",
        document_id=doc_id,
        title=prepared.title,
        chars=len(cleaned.text),
    )


def ingest_file(project: Project, path: str | os.PathLike, *, annotator: str | None = None) -> FileOutcome:
    try:
        return store(project, prepare(path), annotator=annotator)
    except ReadError as exc:
        return FileOutcome(path=str(path), status="failed", reason=exc.reason)


def iter_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files to import: the files given, and supported files found in folders (recursively)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    Path(root) / name
                    for name in sorted(files)
                    if not name.startswith((".", "~$")) and name.lower().endswith(SUPPORTED_SUFFIXES)
                )
        else:
            found.append(path)  # given explicitly: try it whatever its suffix, and say why if it fails
    return found


def import_paths(
    project: Project,
    paths: Iterable[str | os.PathLike],
    *,
    annotator: str | None = None,
    progress: Callable[[int, int, FileOutcome], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportSummary:
    files = iter_files(paths)
    summary = ImportSummary()
    for index, path in enumerate(files):
        if should_cancel and should_cancel():
            summary.cancelled = True
            break
        if not path.exists():
            outcome = FileOutcome(path=str(path), status="failed", reason="no such file or folder")
        else:
            outcome = ingest_file(project, path, annotator=annotator)
        summary.outcomes.append(outcome)
        if progress:
            progress(index + 1, len(files), outcome)
    if summary.imported or summary.updated:
        from annotator.storage.search import update_index  # noqa: PLC0415

        update_index(project)  # one batch for the whole import; search scans the queue until then
    return summary
