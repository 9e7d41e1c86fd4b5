"""Long work off the GUI thread: import and suggestions.

Each worker opens its own connection to the project (sqlite3 connections must not cross threads) with
the store factory it was given — a callable that opens the project (services/stores.py), never a file
path: the window does not know or care whether the project is a file or a PostgreSQL URL — and writes
through the same storage API. The worker QObject itself stays in the GUI thread and only its
``run`` executes on a plain Python thread: its signals are emitted from there and reach the window's
slots queued. (Moving QObjects into QThreads and deleting them later crashed under load: the C++
object could be deleted by the Python wrapper in one thread while a deleteLater was pending in another.)
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal

# A callable that opens the project for the calling thread, usable as a context manager (closes it).
StoreFactory = Callable[[], object]


def _factory(open_store) -> StoreFactory:
    if not callable(open_store):
        raise TypeError("a worker needs a store factory (services.stores.store_factory), "
                        f"not {type(open_store).__name__}")
    return open_store


def _said(exc: Exception) -> str:
    """A failure in the UI language when it is a ReadError (gui/read_reasons.py), else as raised."""
    from annotator.io.errors import ReadError  # noqa: PLC0415

    if isinstance(exc, ReadError):
        from annotator.gui.read_reasons import error_reason  # noqa: PLC0415

        return f"{exc.path}: {error_reason(exc)}"
    return str(exc)


class ImportWorker(QObject):
    progress = Signal(int, int, str)  # done, total, file name
    finished = Signal(object)  # ImportSummary
    failed = Signal(str)

    def __init__(self, open_store: StoreFactory, paths: list[str], annotator: str, reported: list | None = None):
        super().__init__()
        self.open_store, self.paths, self.annotator = _factory(open_store), paths, annotator
        self.reported = list(reported or [])  # outcomes of the preview (skipped, not followed)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        from annotator.services.importing import import_files  # noqa: PLC0415

        try:
            with self.open_store() as project:
                # The CLI's import (services/importing.py), plus suggestions for what came in (~40 ms per
                # 30 000 characters) so they are ready when the annotator opens a document.
                summary = import_files(
                    project, self.paths, annotator=self.annotator,
                    progress=lambda done, total, outcome: self.progress.emit(done, total, Path(outcome.path).name),
                    should_cancel=self._cancel.is_set, suggest=True,
                )
                summary.outcomes[:0] = self.reported
        except Exception as exc:  # noqa: BLE001 - reported to the user, never a crash
            self.failed.emit(_said(exc))
            return
        self.finished.emit(summary)


def suggest_document(project, doc_id: int) -> int:
    """Fresh suggestions for one document: the CLI's service (services/suggesting.py)."""
    from annotator.services.suggesting import suggest_document as run  # noqa: PLC0415

    return run(project, doc_id)


class SuggestWorker(QObject):
    finished = Signal(int, int)  # document id, number of suggestions
    failed = Signal(int, str)

    def __init__(self, open_store: StoreFactory, doc_id: int):
        super().__init__()
        self.open_store, self.doc_id = _factory(open_store), doc_id

    def run(self) -> None:
        try:
            with self.open_store() as project:
                count = suggest_document(project, self.doc_id)
                # Already off the GUI thread: retrain here when enough answers came in, so the next
                # document's suggestions use the model (a failure only loses the retraining).
                try:
                    from annotator.services.suggesting import retrain_if_due  # noqa: PLC0415

                    retrain_if_due(project, background=False)
                except Exception:  # noqa: BLE001
                    import logging  # noqa: PLC0415

                    logging.getLogger("annotator.gui").exception("retraining the suggestion model failed")
        except Exception as exc:  # noqa: BLE001
            self.failed.emit(self.doc_id, f"{type(exc).__name__}: {exc}")
            return
        self.finished.emit(self.doc_id, count)


def start(worker: QObject) -> threading.Thread:
    """Run ``worker.run`` on a new thread; the caller keeps ``worker`` alive until the thread ends."""
    thread = threading.Thread(target=worker.run, name=type(worker).__name__, daemon=True)
    thread.start()
    return thread


class ExchangeWorker(QObject):
    """Export to a file or import labels from one (services/exchange.py), off the GUI thread."""

    finished = Signal(object)  # ExportReport | ImportReport (the window words it in the UI's language)
    failed = Signal(str)

    def __init__(self, open_store: StoreFactory, direction: str, path: str, fmt: str, **options):
        super().__init__()
        self.open_store, self.direction, self.path, self.fmt, self.options = (_factory(open_store), direction, path,
                                                                              fmt, options)

    def run(self) -> None:
        from annotator.services.exchange import export_labels, import_labels  # noqa: PLC0415

        try:
            with self.open_store() as project:
                if self.direction == "export":
                    report = export_labels(project, self.path, self.fmt, **self.options)
                else:
                    report = import_labels(project, self.path, self.fmt, **self.options)
        except Exception as exc:  # noqa: BLE001 - shown to the user with the file's name
            from annotator.gui.exchange_reasons import exchange_reason_text  # noqa: PLC0415

            self.failed.emit(f"{self.path}: {exchange_reason_text(str(exc))}")  # in the UI's language
            return
        self.finished.emit(report)
