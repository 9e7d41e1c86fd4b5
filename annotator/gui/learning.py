"""The project's suggestion model learns while the annotator works (issue 17): after every N answers
(accepts and rejects, a project setting) it is retrained in a process of its own (gui/learner_job.py), and
when the new model lands the open suggestions of the document on screen are re-ranked — new confidences,
the ones it now filters out gone — and the status bar says so.

The GUI thread only counts, starts the process (QProcess: its end comes as a signal) and swaps the new
scores into the suggestions in memory; the training and the re-ranking never run on it and do not even
share its interpreter lock. Answers given while it trains are kept: only suggestions still open on screen
get new scores, so nothing just answered comes back.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Signal

from annotator.gui.learner_job import answers_since_training
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


class Learning(QObject):
    """Counts the answers of this window and starts a training every ``every`` of them."""

    retrained = Signal(dict)  # the training summary, once the open suggestions were re-ranked

    def __init__(self, window):
        super().__init__(window)
        self.window, self.session = window, window.session
        self.every = retrain_every(self.session.project)
        # Since the last training, as saved in the project: a restart does not start the count again
        self.answers = answers_since_training(self.session.project)
        self.running: QProcess | None = None
        self.summary: dict = {}
        self._swapping = False
        self._rescored: list = []  # open suggestions with new scores whose rows are not redrawn yet
        self.session.spansEdited.connect(self._on_edited)
        self.session.spansRescored.connect(self._on_rescored)
        self.session.documentOpened.connect(lambda _doc: self._rescored.clear())

    def _on_rescored(self, spans: list) -> None:
        """Their rows in the span panel, when the keys pause (the text looks the same: nothing to draw)."""
        self._rescored.extend(spans)
        self.window.deferred.schedule("rescored", self._show_rescored, idle=True)

    def _show_rescored(self) -> None:
        spans, self._rescored = self._rescored, []
        for span in spans:
            self.window.spans.model.replace_span(span)

    def _on_edited(self, _added: list, removed: list) -> None:
        if self._swapping:
            return
        # A suggestion leaving the open list is an answer (accepted, relabelled or rejected); an undo puts it back.
        self.answers += sum(1 for s in removed if s.status == "suggested")
        if self.every and self.answers >= self.every and self.running is None:
            self.start()

    def command(self) -> list[str]:
        """The job's command line (tests wrap it to hold the job while they type). The project goes through
        standard input: a team project's URL may hold a password, and a command line is public."""
        args = ["-m", "annotator.gui.learner_job", "-", str(self.every or 1)]
        if self.session.doc_id is not None:
            args += [str(self.session.doc_id), self.session.annotator]
        return [sys.executable, *args]

    def start(self) -> bool:
        """Start a training now; False when one is running or nothing can be trained."""
        if self.running is not None or self.session.project.readonly or self.window.closed:
            return False
        self.answers = 0
        process = QProcess(self)
        program, *args = self.command()
        process.finished.connect(lambda code, _status, p=process, d=self.session.doc_id: self._on_finished(p, code, d))
        self.running = process
        self.window.statusBar().showMessage(translate("Learning", "Retraining the suggestion model in the background…"), 4000)
        process.start(program, args)
        process.write((str(self.session.project.path) + "\n").encode("utf-8"))
        process.closeWriteChannel()
        return True

    def busy(self) -> bool:
        return self.running is not None

    def stop(self) -> None:
        """At close: end the job. Its writes are transactions (the model, the document's suggestions): a job
        ended half-way leaves the previous model and suggestions, and the next answers train again."""
        process, self.running = self.running, None
        if process is not None:
            process.kill()
            process.waitForFinished(5000)

    def _on_finished(self, process: QProcess, code: int, doc_id) -> None:
        if process is not self.running:
            return
        self.running = None
        out = bytes(process.readAllStandardOutput()).decode("utf-8", "replace").strip().splitlines()
        process.deleteLater()
        if self.window.closed:
            return
        try:
            result = json.loads(out[-1]) if out else {"error": f"exit code {code}"}
        except ValueError:
            result = {"error": out[-1]}
        if "error" in result:
            self.window.statusBar().showMessage(
                translate("Learning", "Retraining the suggestion model failed: {0}").format(result["error"]), 8000)
            return
        if result.get("trained"):
            self.summary = result["summary"]
            changed = 0
            if doc_id is not None and doc_id == self.session.doc_id and "reranked" in result:
                changed = self._rerank(result["reranked"], result.get("dropped", []))
            self._said(changed)
        if self.every and self.answers >= self.every:
            self.start()  # answers kept coming while it trained

    def _said(self, changed: int) -> None:
        self.window.statusBar().showMessage(
            translate("Learning", "Suggestion model retrained on {0} answers; {1} open suggestions re-ranked")
            .format(self.summary["decisions"], changed), 6000)
        self.retrained.emit(self.summary)

    def _rerank(self, reranked: list, dropped: list) -> int:
        """New scores into the suggestions still open on screen (one answered meanwhile is no longer in
        the session's lists and stays answered). Only those whose look changes (doubtful or not, or left
        out by the model) are re-drawn in the text; the others are swapped in place (Session.rescore)."""
        by_id = {s.id: s for s in self.session.suggestions}
        restyled_old, restyled_new, rescored = [], [], []
        for span_id, score, confidence, low in reranked:
            span = by_id.get(span_id)
            if span is None:
                continue
            provenance = {**(span.provenance or {}), "score": score}
            if confidence is not None:
                provenance["confidence"] = confidence
            if low:
                provenance["low_confidence"] = True
            else:
                provenance.pop("low_confidence", None)
            new = replace(span, provenance=provenance)
            if bool((span.provenance or {}).get("low_confidence")) == bool(low):
                rescored.append(new)
            else:
                restyled_old.append(span)
                restyled_new.append(new)
        restyled_old += [by_id[i] for i in dropped if i in by_id]
        self._swapping = True
        try:
            self.session.rescore(rescored)
            if restyled_old:
                self.session.apply(added=restyled_new, removed=restyled_old)
        finally:
            self._swapping = False
        return len(rescored) + len(restyled_new)

    def set_every(self, every: int, by: str | None = None) -> None:
        """The project's setting (everyone's, event-logged), effective at once in this window."""
        from annotator.storage.settings import set_settings  # noqa: PLC0415

        set_settings(self.session.project, {RETRAIN_KEY: str(max(0, every))}, by=by)
        self.every = max(0, every)
