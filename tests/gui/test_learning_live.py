"""The suggestion model learns while the annotator works (gui/learning.py, issue 17): after N answers given
by key it retrains on a worker thread, the GUI keeps handling keys meanwhile, and when the model lands the
open suggestions on screen are re-ranked (confidences, the same open set as the store's) and the status bar
says so."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer

from annotator.gui.learning import RETRAIN_KEY, retrain_every
from annotator.storage import decisions, open_project
from annotator.storage import spans as span_store


HOLD = """import os, runpy, sys, time
hold = sys.argv[1]
open(hold + ".entered", "w").close()
while not os.path.exists(hold):
    time.sleep(0.02)
sys.argv = [sys.argv[0], *sys.argv[4:]]
runpy.run_module("annotator.gui.learner_job", run_name="__main__")
"""


def _answer_by_key(qtbot, window, suggestion, accept: bool) -> None:
    window.view.move_to(suggestion.start)
    window.controller.set_current(window.session.find_span(suggestion.id))
    qtbot.keyClick(window.view, Qt.Key.Key_Return if accept else Qt.Key.Key_X)


def test_retrains_after_n_answers_without_blocking_and_reranks(make_window, project_path, qtbot, monkeypatch,
                                                                tmp_path):
    window = make_window(project_path)
    qtbot.waitUntil(lambda: len(window.session.suggestions) > 30, timeout=20_000)
    window.view.setFocus()
    assert not any("confidence" in s.provenance for s in window.session.suggestions if s.label == "statistic")
    every = 22
    window.learning.set_every(every, by="张三")
    assert retrain_every(window.session.project) == every

    # The job waits for a file before it trains, so the test can type while it is under way.
    hold = tmp_path / "go"
    entered = tmp_path / "go.entered"
    real_command = window.learning.command
    monkeypatch.setattr(window.learning, "command",
                        lambda: [sys.executable, "-c", HOLD, str(hold), *real_command()[1:]])
    statistics = [s for s in window.session.suggestions if s.label == "statistic"][:every]
    assert len(statistics) == every
    for i, suggestion in enumerate(statistics):
        assert window.learning.running is None  # nothing starts before the N-th answer
        _answer_by_key(qtbot, window, suggestion, accept=i % 3 != 0)
    qtbot.waitUntil(entered.exists, timeout=30_000)
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

    hold.touch()
    qtbot.waitUntil(lambda: not window.learning.busy(), timeout=60_000)
    assert "retrained" in window.statusBar().currentMessage()
    with open_project(project_path) as project:
        assert decisions.load_model(project) is not None
        stored_open = {s.key for s in span_store.open_suggestions(project, 1, "张三")}
        stored_ids = {s.id for s in span_store.open_suggestions(project, 1, "张三")}
    shown = window.session.suggestions
    # Re-ranked in place: the open set is the store's (the answer given while training stays answered) …
    assert {s.key for s in shown} == stored_open and directive.key not in stored_open
    # … the same rows (re-ranked in memory, the store's rows untouched: no write lock held against typing) …
    assert {s.id for s in shown} == stored_ids
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
    assert not window.learning.busy() and window.learning.answers == 3
    dialog = PreferencesDialog("张三", "en", "trim", suggest={"implicit": False, "threshold": 0.3, "retrain_every": 7})
    qtbot.addWidget(dialog)
    assert dialog.retrain_value() == 7


def test_the_job_trains_only_when_due_and_names_a_bad_project(project_path, tmp_path, capsys):
    from annotator.gui import learner_job
    from annotator.services.suggesting import suggest_document

    with open_project(project_path) as project:
        suggest_document(project, 1)
    assert learner_job.run(str(project_path), 5, 1, "张三") == {"trained": False}  # no answers yet
    with open_project(project_path) as project:
        for i, s in enumerate(span_store.open_suggestions(project, 1, "张三")[:5]):
            (span_store.accept_suggestion if i % 2 else span_store.reject_suggestion)(project, s, "张三")
    done = learner_job.run(str(project_path), 5, 1, "张三")
    assert done["trained"] is True and done["summary"]["decisions"] == 5
    assert learner_job.run(str(project_path), 5, 1, "张三") == {"trained": False}  # nothing new since
    with open_project(project_path) as project:
        assert decisions.load_model(project) is not None
        still_open = {s.id for s in span_store.open_suggestions(project, 1, "张三")}
    # every open suggestion is re-ranked or left out, none of those answered
    assert {row[0] for row in done["reranked"]} | set(done["dropped"]) == still_open
    missing = tmp_path / "nowhere.db"
    assert learner_job.main([str(missing), "5"]) == 1
    said = capsys.readouterr().out
    assert "nowhere.db" in said and "error" in said and not missing.exists()


def test_the_project_reaches_the_job_by_standard_input_never_its_command_line(make_window, project_path,
                                                                             monkeypatch, capsys):
    """A team project's URL may hold a password; a command line is readable by every user of the machine."""
    import io

    from annotator.gui import learner_job

    window = make_window(project_path)
    assert str(project_path) not in " ".join(window.learning.command())
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{project_path}\n"))
    assert learner_job.main(["-", "5"]) == 0
    assert '"trained": false' in capsys.readouterr().out


def test_the_job_runs_at_a_low_priority(monkeypatch):
    """Seconds of pure-Python training on busy cores must not take the typing window's share."""
    import os

    from annotator.gui import learner_job

    asked = []
    monkeypatch.setattr(os, "nice", lambda n: asked.append(n) or n)
    learner_job._step_back()
    assert asked and asked[0] >= 10
    source = open(learner_job.__file__, encoding="utf-8").read()
    assert "_step_back()" in source.split('if __name__ == "__main__":')[1]  # the job's process steps back


def test_new_scores_redraw_rows_not_text_and_a_doubt_flip_redraws_its_text(make_window, project_path, qtbot):
    """Re-highlighting every re-ranked suggestion took 150 ms of the GUI thread (400 suggestions, 1920×1080).
    A score alone changes a row of the span panel; only doubtful ↔ not doubtful changes how the text looks."""
    window = make_window(project_path)
    qtbot.waitUntil(lambda: len(window.session.suggestions) > 3, timeout=20_000)
    shown = list(window.session.suggestions)
    edited = []
    window.session.spansEdited.connect(lambda added, removed: edited.append((added, removed)))
    flip = shown[0]
    rows = [[s.id, 0.42, 0.42, bool(s.provenance.get("low_confidence"))] for s in shown[1:]]
    rows.append([flip.id, 0.1, 0.1, not bool(flip.provenance.get("low_confidence"))])
    assert window.learning._rerank(rows, []) == len(shown)
    window.spans.flush()
    assert len(edited) == 1 and [s.id for s in edited[0][0]] == [flip.id]  # only the flipped one re-drawn
    assert {s.id for s in window.session.suggestions} == {s.id for s in shown}
    model = window.span_model
    texts = {model.rows[r].id: model.index(r, 3).data() for r in range(model.rowCount())}
    assert texts[shown[1].id] in ("likely 42%", "unsure 42%")
    assert window.session.find_span(shown[1].id).provenance["score"] == 0.42
    here = [s for s in window.session.suggestions_at(shown[1].start) if s.id == shown[1].id]
    assert here and here[0].provenance["score"] == 0.42  # the index holds the new object


def test_answers_given_in_two_sittings_retrain_like_answers_in_one(make_window, project_path, qtbot):
    """The count of answers was in memory only: it started at 0 at every start, so N answers spread over two
    sittings never retrained (session 10). It is now derived from the answers saved since the last training."""
    from annotator.gui import learner_job
    from annotator.services.suggesting import suggest_document

    every = 5
    with open_project(project_path) as project:
        suggest_document(project, 1)
        project.set_meta(RETRAIN_KEY, str(every))
        # the first sitting: three answers, then the app was closed
        for i, s in enumerate(span_store.open_suggestions(project, 1, "张三")[:3]):
            (span_store.accept_suggestion if i % 2 else span_store.reject_suggestion)(project, s, "张三")
    window = make_window(project_path)
    qtbot.waitUntil(lambda: bool(window.session.suggestions), timeout=20_000)
    window.view.setFocus()
    assert window.learning.answers == 3
    # the second sitting: two more answers by key make five, and the model is retrained
    for suggestion in list(window.session.suggestions)[:2]:
        assert window.learning.running is None
        _answer_by_key(qtbot, window, suggestion, accept=True)
    assert window.learning.running is not None
    qtbot.waitUntil(lambda: not window.learning.busy(), timeout=60_000)
    assert "retrained" in window.statusBar().currentMessage()
    with open_project(project_path) as project:
        assert project.meta(learner_job.TRAINED_ON_KEY) == "5"
        assert learner_job.answers_since_training(project) == 0
        # one more answer after the training, then a restart: the count goes on from 1, not from 0
        span_store.reject_suggestion(project, span_store.open_suggestions(project, 1, "张三")[0], "张三")
        assert learner_job.answers_since_training(project) == 1
    window.close()
    assert make_window(project_path).learning.answers == 1


def test_a_model_stored_by_another_path_counts_as_the_last_training(project_path):
    """A model trained elsewhere (the command line) carries its count of decisions: answers before it are
    not counted again; an unreadable store counts 0 rather than stopping the window."""
    from annotator.gui import learner_job
    from annotator.services.suggesting import suggest_document
    from annotator.suggest import training

    with open_project(project_path) as project:
        suggest_document(project, 1)
        for i, s in enumerate(span_store.open_suggestions(project, 1, "张三")[:6]):
            (span_store.accept_suggestion if i % 2 else span_store.reject_suggestion)(project, s, "张三")
        assert learner_job.answers_since_training(project) == 6
        training.train(project)
        assert learner_job.answers_since_training(project) == 0

    class Broken:
        def meta(self, key):
            raise RuntimeError("gone")

    assert learner_job.answers_since_training(Broken()) == 0
