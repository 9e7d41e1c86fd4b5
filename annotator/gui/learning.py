"""The project's suggestion model learns while the annotator works (issue 17): after every N answers
(accepts and rejects, a project setting) it is retrained on a worker thread, and when the new model lands
the open suggestions of the document on screen are re-ranked — new confidences, the ones it now filters
out gone — and the status bar says so.

Nothing of this runs on the GUI thread but counting and one in-memory swap: the training, the fresh
suggestions and the read of the open ones all happen on the worker, with its own connection from the
window's store factory (a file or a team server alike). Answers given while it trains are kept: the swap
only replaces suggestions that are still open on screen, so nothing just answered comes back.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, Signal

from annotator.suggest.training import RETRAIN_EVERY

RETRAIN_KEY = "learner_retrain_every"  # project_meta: answers between two trainings ("0" turns it off)

translate = QCoreApplication.translate


def retrain_every(project) -> int:
    """The project's setting, RETRAIN_EVERY when unset or unreadable; 0 means never retrain by itself."""
    try:
        value = int(project.meta(RETRAIN_KEY) or RETRAIN_EVERY)
    except ValueError:
        return RETRAIN_EVERY
    return max(0, value)


class LearnerWorker(QObject):
    """Retrain (when enough answers came in since the stored model), then suggest the document again
    under the new model and read back what is open for this annotator."""

    finished = Signal(object)  # dict: summary, doc_id, suggestions (None when nothing was trained)
    failed = Signal(str)

    def __init__(self, open_store, doc_id: int | None, annotator: str, every: int):
        super().__init__()
        self.open_store, self.doc_id, self.annotator, self.every = open_store, doc_id, annotator, every

    def run(self) -> None:
        from annotator.services.suggesting import suggest_document  # noqa: PLC0415
        from annotator.storage import spans as span_store  # noqa: PLC0415
        from annotator.suggest import training  # noqa: PLC0415

        try:
            with self.open_store() as project:
                if project.readonly or not training.should_retrain(project, self.every):
                    self.finished.emit(None)
                    return
                summary = training.train(project)
                open_now = None
                if self.doc_id is not None:
                    suggest_document(project, self.doc_id)
                    open_now = span_store.open_suggestions(project, self.doc_id, self.annotator)
        except Exception as exc:  # noqa: BLE001 - a failed training only loses the retraining
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.finished.emit({"summary": summary, "doc_id": self.doc_id, "suggestions": open_now})


class Learning(QObject):
    """Counts the answers of this window and starts a training every ``every`` of them."""

    retrained = Signal(dict)  # the training summary, once the open suggestions were re-ranked

    def __init__(self, window):
        super().__init__(window)
        self.window, self.session = window, window.session
        self.every = retrain_every(self.session.project)
        self.answers = 0  # since the last training started
        self.running: tuple[LearnerWorker, threading.Thread] | None = None
        self._swapping = False
        self.session.spansEdited.connect(self._on_edited)

    def _on_edited(self, _added: list, removed: list) -> None:
        if self._swapping:
            return
        # A suggestion leaving the open list is an answer (accepted, relabelled or rejected); an undo puts it back.
        self.answers += sum(1 for s in removed if s.status == "suggested")
        if self.every and self.answers >= self.every and self.running is None:
            self.start()

    def start(self) -> bool:
        """Start a training now (also the menu's "Retrain now"); False when one is running or nothing can."""
        if self.running is not None or self.session.project.readonly or self.window.closed:
            return False
        self.answers = 0
        worker = LearnerWorker(self.window.open_store, self.session.doc_id, self.session.annotator,
                               self.every or 1)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        thread = threading.Thread(target=worker.run, name="LearnerWorker", daemon=True)
        self.running = (worker, thread)
        self.window.jobs.jobs.append(self.running)  # the window waits for it at close; tests see busy()
        self.window.statusBar().showMessage(translate("Learning", "Retraining the suggestion model in the background…"), 4000)
        thread.start()
        return True

    def _done(self) -> bool:
        if self.running is not None:
            self.window.jobs.jobs = [job for job in self.window.jobs.jobs if job[0] is not self.running[0]]
        self.running = None
        return not self.window.closed

    def _on_failed(self, reason: str) -> None:
        if self._done():
            self.window.statusBar().showMessage(
                translate("Learning", "Retraining the suggestion model failed: {0}").format(reason), 8000)

    def _on_finished(self, result) -> None:
        if not self._done() or result is None:
            return
        summary = result["summary"]
        changed = 0
        if result["doc_id"] is not None and result["doc_id"] == self.session.doc_id and result["suggestions"] is not None:
            changed = self._rerank(result["suggestions"])
        self.window.statusBar().showMessage(
            translate("Learning", "Suggestion model retrained on {0} answers; {1} open suggestions re-ranked")
            .format(summary["decisions"], changed), 6000)
        self.retrained.emit(summary)
        if self.every and self.answers >= self.every:
            self.start()  # answers kept coming while it trained

    def _rerank(self, fresh: list) -> int:
        """Swap the shown open suggestions for their re-ranked versions: only keys still open on screen
        (an answer given meanwhile stays answered), and those the model now leaves out disappear."""
        shown = list(self.session.suggestions)
        open_keys = {s.key for s in shown}
        kept = [s for s in fresh if s.key in open_keys]
        self._swapping = True
        try:
            self.session.apply(added=kept, removed=shown)
        finally:
            self._swapping = False
        return len(kept)

    def set_every(self, every: int, by: str | None = None) -> None:
        """The project's setting (everyone's, event-logged), effective at once in this window."""
        from annotator.storage.settings import set_settings  # noqa: PLC0415

        set_settings(self.session.project, {RETRAIN_KEY: str(max(0, every))}, by=by)
        self.every = max(0, every)
