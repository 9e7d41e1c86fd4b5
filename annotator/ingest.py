"""Import pipeline: file → read → clean → outline → one transaction in the project.

Qt-free; the CLI calls ``import_paths`` directly and the GUI runs it in a worker thread. A bad file is
reported (with the file and the reason) and the batch goes on; a document is stored whole or not at all.
"""

from __future__ import annotations

import errno
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from annotator.domain.model import CleanResult, ReadResult, Section
from annotator.io.errors import ReadError
from annotator.io.readers import read_file
from annotator.paths import display_path
from annotator.structure.clean import clean, load_rules

if TYPE_CHECKING:  # storage (sqlite-utils, ~0.2 s to import) loads in store(): `annotator outline` never needs it
    from concurrent.futures import Future  # imports logging (~40 ms): only a many-file import needs it

    from annotator.storage.documents import SourceIndex
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
    # (sha256 of the clean text, packed raw text) or a future of it: hashing and compressing release
    # the interpreter lock, so import_paths has them done in a thread while the next file is cleaned.
    digest: "tuple[str, tuple[str, bytes]] | Future | None" = None

    def sha_and_raw(self) -> tuple[str, tuple[str, bytes]]:
        if self.digest is None:
            self.digest = _digest(self.cleaned.text, self.read.text)
        elif not isinstance(self.digest, tuple):  # a Future
            self.digest = self.digest.result()
        return self.digest


def _digest(clean_text: str, raw_text: str) -> tuple[str, tuple[str, bytes]]:
    from annotator.storage import documents  # noqa: PLC0415 - see TYPE_CHECKING above

    return documents.sha256_text(clean_text), documents.pack_raw(raw_text)


@dataclass
class FileOutcome:
    path: str
    # "imported", "updated" (same file, changed text), "duplicate", "failed", or "skipped" (not
    # imported on purpose and said so: a symbolic link leaving the folder, a link loop)
    status: str
    document_id: int | None = None
    title: str = ""
    chars: int = 0
    reason: str = ""  # English, as the CLI prints it
    # For a file the readers refused: ReadError's code and params, so the GUI can say it in its language.
    code: str = ""
    params: dict = field(default_factory=dict)
    # What the reader noticed about a file it did read (a lying <meta charset>, mixed encodings, bytes
    # replaced): also kept in the document's metadata; the import report prints them beside the file.
    notes: list[str] = field(default_factory=list)


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

    @property
    def skipped(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "skipped"]


def _guess_title(read: ReadResult, cleaned: CleanResult, path: Path) -> str:
    for candidate in (read.title, cleaned.title):
        if candidate and candidate.strip():
            return candidate.strip()[:120]
    first = _first_line(cleaned.text)
    if 0 < len(first) <= 60:
        return first
    return display_path(path.stem)


def _first_line(text: str) -> str:
    """``text.strip().split("\n", 1)[0].strip()`` without copying the whole text three times (once per
    imported file): the first line of the stripped text is the first line after the leading whitespace,
    a line break inside trailing whitespace only adds whitespace that the last strip takes off."""
    body = text.lstrip()
    cut = body.find("\n")
    return (body if cut < 0 else body[:cut]).strip()


def read_and_clean(path: str | os.PathLike, *, rules_path: str | None = None) -> tuple[ReadResult, CleanResult]:
    """Read and clean one file (``annotator clean`` needs no more: no outline, hence no outline modules
    and no jieba in its process). Raises ReadError for anything unreadable or left empty."""
    read = read_file(path)
    try:
        cleaned = clean(read.text, load_rules(rules_path) if rules_path else None)
    except Exception as exc:  # a cleaner bug must not stop the batch; say which file tripped it
        raise ReadError(str(path), f"could not be cleaned ({type(exc).__name__}: {exc})",
                        code="clean-failed", params={"error": f"{type(exc).__name__}: {exc}"}) from exc
    if not cleaned.text.strip():
        raise ReadError(str(path), "no speech text left after removing the download-site chrome",
                        code="no-text-after-cleaning")
    return read, cleaned


def prepare(path: str | os.PathLike, *, rules_path: str | None = None) -> Prepared:
    """Read, clean and outline one file. Raises ReadError for anything unreadable."""
    from annotator.structure.outline import parse_outline  # noqa: PLC0415 - `annotator clean` never needs it

    path = Path(path)
    read, cleaned = read_and_clean(path, rules_path=rules_path)
    try:
        sections = parse_outline(cleaned.text)
    except Exception as exc:
        raise ReadError(str(path), f"outline could not be parsed ({type(exc).__name__}: {exc})",
                        code="outline-failed", params={"error": f"{type(exc).__name__}: {exc}"}) from exc
    return Prepared(path, read, cleaned, sections, _guess_title(read, cleaned, path))


def _same_source(project: Project, prepared: Prepared, sha: str, sources: SourceIndex | None) -> int | None:
    """A document imported earlier from the same file whose text has since changed."""
    from annotator.storage import documents  # noqa: PLC0415 - see TYPE_CHECKING above
    if sources is not None:
        return sources.changed(project, display_path(prepared.path), sha)
    return documents.changed_source(project, display_path(prepared.path), sha)


def store(project: Project, prepared: Prepared, *, annotator: str | None = None,
          sources: SourceIndex | None = None) -> FileOutcome:
    from annotator.storage import documents  # noqa: PLC0415 - see TYPE_CHECKING above

    read, cleaned = prepared.read, prepared.cleaned
    sha, packed_raw = prepared.sha_and_raw()
    changed = _same_source(project, prepared, sha, sources)
    if changed is not None and documents.find_by_sha(project, sha) is None:
        from annotator.storage.reanchor import replace_document_text  # noqa: PLC0415 - difflib: this case only

        # The same file again with an edited text: carry the spans over by a text diff (moved where
        # their text and context are unchanged, flagged for review otherwise), never a second copy.
        result = replace_document_text(project, changed, cleaned.text, read.text, prepared.sections,
                                       annotator, removed=cleaned.removed)
        return FileOutcome(path=display_path(prepared.path), status="updated", document_id=changed,
                           title=prepared.title,
                           chars=len(cleaned.text),
                           reason=f"text changed: {len(result.moved)} spans moved, {len(result.flagged)} flagged for review",
                           notes=list(read.warnings))
    doc_id, created = documents.add_document(
        project,
        clean_text=cleaned.text,
        raw_text=read.text,
        title=prepared.title,
        source_path=display_path(prepared.path),
        fmt=read.format,
        encoding=read.encoding,
        metadata={**read.metadata, **({"warnings": read.warnings} if read.warnings else {})},
        removed=cleaned.removed,
        sections=prepared.sections,
        annotator=annotator,
        sha256=sha,
        packed_raw=packed_raw,
    )
    if sources is not None and created:
        sources.add(display_path(prepared.path), doc_id)
    return FileOutcome(
        path=display_path(prepared.path),
        status="imported" if created else "duplicate",
        document_id=doc_id,
        title=prepared.title,
        chars=len(cleaned.text),
        notes=list(read.warnings),
    )


def ingest_file(project: Project, path: str | os.PathLike, *, annotator: str | None = None) -> FileOutcome:
    """Read and store one file; every failure comes back as a "failed" outcome with its reason."""
    prepared = _prepare_outcome(Path(path))
    if isinstance(prepared, FileOutcome):
        return prepared
    try:
        return store(project, prepared, annotator=annotator)
    except Exception as exc:  # noqa: BLE001 - the write is rolled back; the batch goes on
        return FileOutcome(path=display_path(path), status="failed", reason=save_failure(exc),
                           **save_failure_code(exc))


def save_failure(exc: BaseException) -> str:
    """Why the project did not take a document, in words; the transaction was rolled back."""
    return f"not saved ({storage_cause(exc)}); nothing of this file was saved"


def save_failure_code(exc: BaseException) -> dict:
    """``code`` and ``params`` of save_failure's sentence, for the GUI's translation (gui/read_reasons.py)."""
    cause = storage_cause(exc)
    code = {"the disk is full: free some space and import it again": "not-saved-disk-full",
            "the project cannot be written: read-only file, folder or disk": "not-saved-read-only",
            "the disk reported an input/output error: is it full, removed or failing?": "not-saved-io-error"}.get(cause)
    return {"code": code, "params": {}} if code else {"code": "not-saved", "params": {"error": cause}}


def storage_cause(exc: BaseException) -> str:
    """A failed write in plain words: disk full, read-only, I/O error, or the error itself."""
    text = str(exc)
    code = getattr(exc, "errno", None)
    if code == errno.ENOSPC or "disk is full" in text or "No space left" in text:
        return "the disk is full: free some space and import it again"
    if code in (errno.EACCES, errno.EROFS) or "readonly database" in text or "read-only" in text:
        return "the project cannot be written: read-only file, folder or disk"
    if code in (errno.EIO, errno.EFBIG) or "disk I/O error" in text:
        return "the disk reported an input/output error: is it full, removed or failing?"
    reason = getattr(exc, "reason", None)
    if isinstance(reason, str) and getattr(exc, "path", None) is not None:
        return reason  # a ProjectError already says it in words ("busy: another program holds it …")
    return f"{type(exc).__name__}: {text}"


def iter_files(paths: Iterable[str | os.PathLike], *, follow_symlinks: bool = False) -> list[Path]:
    """Files to import: the files given, and supported files found in folders (recursively)."""
    return walk_paths(paths, follow_symlinks=follow_symlinks)[0]


def walk_paths(paths: Iterable[str | os.PathLike], *,
               follow_symlinks: bool = False) -> tuple[list[Path], list[FileOutcome]]:
    """(files to import, problems met on the way) for files and folders given by the user.

    A file given explicitly is always tried, whatever its suffix, so the reader can say why it
    fails. Inside folders: hidden entries and Word lock files (~$…) are passed over, and so are
    files of other types; a folder that cannot be listed is reported, never skipped silently; a
    symbolic link whose target lies outside the folder given is reported and not followed unless
    ``follow_symlinks`` (then a link back to a folder already walked is reported as a loop).
    """
    found: list[Path] = []
    problems: list[FileOutcome] = []
    for raw in paths:
        path = Path(raw)
        if _is_dir(path):  # a link given by the user is followed: they named it
            _walk(path, follow_symlinks, found, problems)
        else:
            found.append(path)
    return found, problems


def _walk(root: Path, follow: bool, found: list[Path], problems: list[FileOutcome]) -> None:
    real_root = os.path.realpath(root)
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:  # depth first, entries sorted by name: the order os.walk gave before
        folder = stack.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen:
                problems.append(FileOutcome(display_path(folder), "skipped",
                                            reason="symbolic link loop: this folder was already imported",
                                            code="symlink-loop"))
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            problems.append(FileOutcome(display_path(folder), "failed",
                                        reason=f"folder could not be read ({os_reason(exc)}); none of its files "
                                               "were imported", code="folder-unreadable",
                                        params={"error": os_reason(exc)}))
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith((".", "~$")):
                continue
            path = Path(entry.path)
            wanted = entry.name.lower().endswith(SUPPORTED_SUFFIXES)
            try:
                is_dir = entry.is_dir()  # follows a link
                is_link = entry.is_symlink()
            except OSError as exc:
                problems.append(FileOutcome(display_path(path), "failed", reason=f"cannot be read ({os_reason(exc)})",
                                            code="cannot-read", params={"error": os_reason(exc)}))
                continue
            if is_link:
                target = os.path.realpath(path)
                if not os.path.exists(target):
                    if wanted:
                        problems.append(FileOutcome(display_path(path), "failed",
                                                    reason="broken symbolic link (its target does not exist)",
                                                    code="broken-symlink"))
                    continue
                inside = os.path.commonpath([target, real_root]) == real_root
                if not follow and (is_dir or wanted):
                    if not inside:
                        kind = "folder" if is_dir else "file"
                        problems.append(FileOutcome(display_path(path), "skipped", reason=(
                            f"symbolic link to a {kind} outside the imported folder ({display_path(target)}); "
                            "not followed (use --follow-symlinks to import it)"),
                            code="symlink-outside-folder" if is_dir else "symlink-outside-file",
                            params={"target": display_path(target)}))
                        continue
                    if is_dir:
                        continue  # its files are imported from where they really are
            if is_dir:
                subfolders.append(path)
            elif wanted:
                found.append(path)
        stack.extend(reversed(subfolders))


def _is_dir(path: Path) -> bool:
    # Path.is_dir() raises PermissionError for a path inside an unreadable folder; the reader
    # then says "permission denied" for it, with its name.
    try:
        return path.is_dir()
    except OSError:
        return False


def os_reason(exc: OSError) -> str:
    """An OSError as a few plain words ("permission denied", "input/output error")."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror.lower() if exc.strerror else str(exc)


# A batch of documents is stored in one transaction (each document in its own savepoint inside it): one
# commit, hence one fsync of the log, per batch instead of per document (that sync was half of the store
# stage's wall time). The files are read, cleaned and outlined before the transaction opens, so the write
# lock is held only while rows are written (~0.1 s per million characters): the GUI's saves never wait
# long behind an import. A kill leaves the last batch out entirely, never half of a document, and no
# outcome is reported before its batch is committed.
# A batch also ends after BATCH_SECONDS of reading, so the GUI's progress bar still moves at least twice
# a second (progress is reported per file, once its batch is committed).
BATCH_CHARS = 2_000_000
BATCH_FILES = 100
BATCH_SECONDS = 0.5


def import_paths(
    project: Project,
    paths: Iterable[str | os.PathLike],
    *,
    annotator: str | None = None,
    progress: Callable[[int, int, FileOutcome], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    follow_symlinks: bool = False,
    index: bool = True,
) -> ImportSummary:
    """Import files and folders; one outcome per file (and per folder or link that was not walked).

    ``index``: build the search index of the new documents before returning (one batch for the whole
    import). With False they wait in the search backlog, which search scans, so no result is missing
    meanwhile; ``search.update_index`` (the CLI's background indexer, or the next import) catches up.
    """
    files, problems = walk_paths(paths, follow_symlinks=follow_symlinks)
    summary = ImportSummary(outcomes=list(problems))
    batch: list[tuple[Path, Prepared | FileOutcome]] = []
    chars, began = 0, time.monotonic()

    def flush() -> None:
        nonlocal chars, began
        for outcome in _store_batch(project, batch, annotator):
            if outcome.status == "failed" and outcome.reason == "file not found":
                outcome.reason = "no such file or folder"
            summary.outcomes.append(outcome)
            if progress:
                progress(len(summary.outcomes) - len(problems), len(files), outcome)
        batch.clear()
        chars, began = 0, time.monotonic()

    # One helper thread hashes and compresses each prepared file while this thread cleans the next one
    # (hashlib and zlib release the interpreter lock): a tenth of the store stage, off the critical path.
    if len(files) > 1:
        from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415 - see TYPE_CHECKING above

        helper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-digest")
    else:  # one file: nothing to overlap with (the CLI's one-speech import need not load the thread pool)
        import contextlib  # noqa: PLC0415

        helper = contextlib.nullcontext()
    with helper as digests:
        for path in files:
            if should_cancel and should_cancel():
                summary.cancelled = True
                break
            item = _prepare_outcome(path)
            if isinstance(item, Prepared) and len(files) > 1:
                item.digest = digests.submit(_digest, item.cleaned.text, item.read.text)
            batch.append((path, item))
            chars += len(item.read.text) if isinstance(item, Prepared) else 0
            if chars >= BATCH_CHARS or len(batch) >= BATCH_FILES or time.monotonic() - began >= BATCH_SECONDS:
                flush()
        flush()
    if index and (summary.imported or summary.updated):
        from annotator.storage.search import update_index  # noqa: PLC0415

        update_index(project)  # one batch for the whole import; search scans the queue until then
    return summary


def _prepare_outcome(path: Path) -> Prepared | FileOutcome:
    """``prepare`` of one file, or its "failed" outcome (ingest_file's checks, without the store)."""
    from annotator.storage.registry import is_project_file  # noqa: PLC0415 - light; storage loads lazily

    if is_project_file(path):
        # Reading it with open() and closing it would drop this process's SQLite locks on the project
        # (POSIX), so it is never opened, not even to find out that it is not a speech.
        return FileOutcome(path=display_path(path), status="failed",
                           reason="this is an open project (or one of its SQLite files), not a document to import",
                           code="open-project-file")
    try:
        return prepare(path)
    except ReadError as exc:
        return FileOutcome(path=display_path(path), status="failed", reason=exc.reason, code=exc.code,
                           params=exc.params)


def _store_batch(project: Project, batch: list[tuple[Path, Prepared | FileOutcome]],
                 annotator: str | None) -> list[FileOutcome]:
    """Store the prepared files of ``batch`` in one transaction; outcomes in the batch's order.

    If anything fails inside it (a file the project refuses, a full disk at commit), the whole batch is
    rolled back and stored again one transaction per file, as before batching: each file then gets its
    own outcome and reason, and the files that can be saved are.
    """
    todo = [item for _, item in batch if isinstance(item, Prepared)]
    if len(todo) > 1:
        try:
            stored: dict[int, FileOutcome] = {}
            from annotator.storage.documents import SourceIndex  # noqa: PLC0415 - see TYPE_CHECKING above

            with project.write():
                # read inside the transaction: exact while it lasts, for the paths of this batch
                sources = SourceIndex(project, [display_path(item.path) for item in todo])
                for item in todo:
                    stored[id(item)] = store(project, item, annotator=annotator, sources=sources)
            return [stored[id(item)] if isinstance(item, Prepared) else item for _, item in batch]
        except Exception:  # noqa: BLE001 - rolled back: the slow path below says which file and why
            pass
    outcomes = []
    for path, item in batch:
        if isinstance(item, FileOutcome):
            outcomes.append(item)
            continue
        try:
            outcomes.append(store(project, item, annotator=annotator))
        except Exception as exc:  # noqa: BLE001 - the write is rolled back; the batch goes on
            outcomes.append(FileOutcome(path=display_path(path), status="failed", reason=save_failure(exc),
                                        **save_failure_code(exc)))
    return outcomes


def index_words_in_background(project_path: str | os.PathLike) -> bool:
    """Start ``annotator index-words PROJECT`` as a detached process; True if it started.

    The child first builds the trigram index of what the import left in the search backlog
    (``import_paths(index=False)``: ~20× the read floor, a third of an import's time), then the word
    index. The word index (jieba: ~0.2 s to load what a speech uses, then ~400 k chars/s to cut) only ranks
    2-character search hits that are whole words first; search is complete without it (it scans what
    the index does not cover). So the importing command need not wait for it: the child fills the index
    after the command has returned, in short transactions of one document each (the project stays
    usable), and the next import catches up on whatever it did not finish.
    """
    import subprocess  # noqa: PLC0415 - only this path starts processes
    import sys  # noqa: PLC0415

    verb = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "annotator"]
    options: dict = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL,
                     "close_fds": True}
    if os.name == "nt":
        options["creationflags"] = subprocess.DETACHED_PROCESS | subprocess.CREATE_NEW_PROCESS_GROUP
    else:
        options["start_new_session"] = True  # not killed with the terminal's process group (Ctrl-C)
    try:
        subprocess.Popen([*verb, "index-words", os.fspath(project_path)], **options)  # noqa: S603
    except OSError:
        return False
    return True
