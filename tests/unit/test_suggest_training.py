"""Retraining after the team's answers, off the calling thread (issue 17: the learner never blocks the GUI).

``retrain_in_background_if_due`` is what a GUI calls after each accept or reject: the count of answers and the
training both run on a worker thread with their own connection, and a second call while one training of the same
project runs starts nothing (no pile-up of threads fitting the same model). No test here measures time."""

from __future__ import annotations

import threading

from annotator.storage import open_project
from annotator.storage.decisions import load_model
from annotator.suggest import training
from test_learner import TEXT
from test_learner import _answered as _answer_suggestions



def _answered(path):
    with open_project(path) as project:
        _answer_suggestions(project)  # TEXT answered as test_learner's annotator does


def test_due_answers_are_trained_on_a_worker_thread(tmp_path):
    path = tmp_path / "p.db"
    _answered(path)
    done, errors, names = [], [], []

    def on_done(summary):
        names.append(threading.current_thread().name)
        done.append(summary)

    thread = training.retrain_in_background_if_due(path, every=3, on_done=on_done, on_error=errors.append)
    assert thread is not None and thread is not threading.current_thread()
    thread.join(timeout=120)
    assert not thread.is_alive() and not errors
    assert names == ["suggest-learner"] and done[0]["decisions"] >= 3 and done[0]["rejects"] >= 1
    assert not training.training_running(path)
    with open_project(path) as project:
        assert load_model(project)


def test_nothing_is_trained_before_enough_answers(tmp_path):
    path = tmp_path / "p.db"
    _answered(path)
    done, errors = [], []
    thread = training.retrain_in_background_if_due(path, every=10_000, on_done=done.append, on_error=errors.append)
    thread.join(timeout=120)
    assert done == [] and errors == []
    with open_project(path) as project:
        assert load_model(project) is None


def test_a_second_request_while_training_starts_nothing(tmp_path, monkeypatch):
    path = tmp_path / "p.db"
    _answered(path)
    started, release = threading.Event(), threading.Event()

    def slow_train(project, threshold=None):
        started.set()
        release.wait(timeout=120)
        return {"decisions": 0, "trained": [], "kinds": [], "rejects": 0}

    monkeypatch.setattr(training, "train", slow_train)
    first = training.retrain_in_background_if_due(path, every=1)
    assert started.wait(timeout=120) and training.training_running(path)
    assert training.retrain_in_background_if_due(path, every=1) is None
    assert training.train_in_background(path) is None
    release.set()
    first.join(timeout=120)
    assert not first.is_alive() and not training.training_running(path)
    again = training.train_in_background(path)  # free again once the first one ended
    assert again is not None
    again.join(timeout=120)


def test_a_failed_training_frees_the_project_and_names_the_file(tmp_path):
    errors = []
    thread = training.retrain_in_background_if_due(tmp_path / "missing.db", on_error=errors.append)
    thread.join(timeout=120)
    assert errors and "missing.db" in errors[0]
    assert not training.training_running(tmp_path / "missing.db")


def test_readme_learning_curve_never_loses_recall():
    """The README's table: as shipped the learner re-ranks and removes nothing, so every row's recall equals the
    rules' (row 0); the ≥t columns are what is shown in full at the threshold."""
    from annotator.suggest.curve import readme_table
    from annotator.suggest.gold import is_held_out, load_gold

    docs = load_gold()
    dev = [d for d in docs if not is_held_out(d["id"])][:4]
    held = [d for d in docs if is_held_out(d["id"])][:3]
    rows = [line.split() for line in readme_table(dev + held, steps=2).splitlines()[2:]]
    assert [int(r[0]) for r in rows] == [0, 2, 4]
    assert int(rows[0][1]) == 0 and int(rows[-1][1]) > int(rows[1][1]) > 0
    recalls = [(r[4], r[6], r[8]) for r in rows]  # stat R, dir R, impl R as shipped
    assert all(rec == recalls[0] for rec in recalls)
