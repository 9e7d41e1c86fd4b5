"""The suggestion model learns while the annotator works (gui/learning.py, issue 17): after N answers given
by key it retrains on a worker thread, the GUI keeps handling keys meanwhile, and when the model lands the
open suggestions on screen are re-ranked (confidences, the same open set as the store's) and the status bar
says so."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, QTimer

from annotator.gui.learning import RETRAIN_KEY, retrain_every
from annotator.storage import decisions, open_project
from annotator.storage import spans as span_store
from annotator.suggest import training


def _answer_by_key(qtbot, window, suggestion, accept: bool) -> None:
    window.view.move_to(suggestion.start)
    window.controller.set_current(window.session.find_span(suggestion.id))
    qtbot.keyClick(window.view, Qt.Key.Key_Return if accept else Qt.Key.Key_X)


def test_retrains_after_n_answers_without_blocking_and_reranks(make_window, project_path, qtbot, monkeypatch):
    window = make_window(project_path)
    qtbot.waitUntil(lambda: len(window.session.suggestions) > 30, timeout=20_000)
    window.view.setFocus()
    assert not any("confidence" in s.provenance for s in window.session.suggestions if s.label == "statistic")
    every = 22
    window.learning.set_every(every, by="张三")
    assert retrain_every(window.session.project) == every

    gate, entered = threading.Event(), threading.Event()
    real_train = training.train

    def held_train(project, threshold=None):  # the training waits until the test has typed meanwhile
        entered.set()
        assert gate.wait(30), "the test never let the training go"
        return real_train(project, threshold)

    monkeypatch.setattr(training, "train", held_train)
    statistics = [s for s in window.session.suggestions if s.label == "statistic"][:every]
    assert len(statistics) == every
    for i, suggestion in enumerate(statistics):
        assert window.learning.running is None  # nothing starts before the N-th answer
        _answer_by_key(qtbot, window, suggestion, accept=i % 3 != 0)
    qtbot.waitUntil(entered.is_set, timeout=20_000)
    assert window.learning.running is not None and window.busy()

    # The GUI thread goes on: timers fire and a key tags while the worker trains.
    ticks = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    directive = next(s for s in window.session.suggestions if s.label == "directive")
    _answer_by_key(qtbot, window, directive, accept=True)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=10_000)
    timer.stop()
    assert window.learning.running is not None  # still training: the key was handled meanwhile
    assert directive.key not in {s.key for s in window.session.suggestions}

    gate.set()
    qtbot.waitUntil(lambda: window.learning.running is None, timeout=60_000)
    assert "retrained" in window.statusBar().currentMessage()
    with open_project(project_path) as project:
        assert decisions.load_model(project) is not None
        stored_open = {s.key for s in span_store.open_suggestions(project, 1, "张三")}
    shown = window.session.suggestions
    # Re-ranked in place: the open set is the store's (the answer given while training stays answered) …
    assert {s.key for s in shown} == stored_open and directive.key not in stored_open
    # … and the statistics carry the new model's confidence.
    assert all("confidence" in s.provenance for s in shown if s.label == "statistic")
    assert window.learning.answers <= 1  # counting starts again after the training


def test_setting_zero_never_retrains_and_preferences_show_it(make_window, project_path, qtbot):
    from annotator.gui.dialogs.preferences import PreferencesDialog

    window = make_window(project_path)
    window.learning.set_every(0, by="张三")
    with open_project(project_path) as project:
        assert project.meta(RETRAIN_KEY) == "0"
    qtbot.waitUntil(lambda: bool(window.session.suggestions), timeout=20_000)
    for suggestion in list(window.session.suggestions)[:3]:
        _answer_by_key(qtbot, window, suggestion, accept=False)
    assert window.learning.running is None and window.learning.answers == 3
    dialog = PreferencesDialog("张三", "en", "trim", suggest={"implicit": False, "threshold": 0.3, "retrain_every": 7})
    qtbot.addWidget(dialog)
    assert dialog.retrain_value() == 7
