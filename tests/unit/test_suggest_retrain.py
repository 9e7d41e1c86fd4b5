"""“A decision was recorded → maybe retrain” (annotator.suggest.retrain): what the GUI calls after every accept or
reject. The calling thread only counts; a check-and-train starts on a worker thread the first time a project is seen
and then every ``every`` answers, never two at once for one project. No test here measures time."""

from __future__ import annotations

import threading

import pytest

from annotator.services import suggesting
from annotator.storage import open_project
from annotator.storage.decisions import load_model
from annotator.suggest import retrain, training
from test_suggest_training import _answered


@pytest.fixture
def calls(monkeypatch):
    """Replace the worker start with a recorder: which projects a check was started for, and how."""
    started = []

    def fake(project_path, every, on_done=None, on_error=None):
        started.append((project_path, every))
        return threading.current_thread()  # a stand-in "thread": the scheduler only passes it back

    monkeypatch.setattr(training, "retrain_in_background_if_due", fake)
    return started


def test_first_answer_checks_then_every_nth(calls, tmp_path):
    sched = retrain.RetrainScheduler(every=3)
    path = tmp_path / "p.db"
    assert sched.decision_recorded(path) is not None  # first sight: earlier answers may be due
    assert [sched.decision_recorded(path) for _ in range(2)] == [None, None]
    assert sched.pending(path) == 2
    assert sched.decision_recorded(path) is not None  # the third answer since the check
    assert sched.pending(path) == 0
    assert sched.decision_recorded(path, count=5) is not None  # a bulk accept counts as many answers
    assert calls == [(path, 3)] * 3


def test_projects_are_counted_apart_and_forgotten(calls, tmp_path):
    sched = retrain.RetrainScheduler(every=2)
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    sched.decision_recorded(a)
    sched.decision_recorded(b)
    sched.decision_recorded(a)
    assert sched.pending(a) == 1 and sched.pending(b) == 0
    sched.forget(a)
    assert sched.pending(a) == 0
    assert sched.decision_recorded(a) is not None  # seen afresh after forget
    assert len(calls) == 3


def test_answers_during_a_training_are_kept_for_after_it(calls, tmp_path, monkeypatch):
    sched = retrain.RetrainScheduler(every=2)
    path = tmp_path / "p.db"
    sched.decision_recorded(path)
    running = {"now": True}
    monkeypatch.setattr(training, "training_running", lambda p: running["now"])
    assert [sched.decision_recorded(path) for _ in range(3)] == [None, None, None]
    assert sched.pending(path) == 3  # not lost while the model was being fitted
    running["now"] = False
    assert sched.decision_recorded(path) is not None  # the first answer after it starts the next check
    assert len(calls) == 2


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="every"):
        retrain.RetrainScheduler(every=0)
    with pytest.raises(ValueError, match="count"):
        retrain.RetrainScheduler().decision_recorded("x.db", count=-1)


def test_many_threads_answering_start_one_check_per_every_answers(calls, tmp_path):
    sched = retrain.RetrainScheduler(every=10)
    path = tmp_path / "p.db"
    sched.decision_recorded(path)
    barrier = threading.Barrier(8)

    def answer():
        barrier.wait(timeout=60)
        for _ in range(25):
            sched.decision_recorded(path)

    workers = [threading.Thread(target=answer) for _ in range(8)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    # 200 answers after the first check: exactly 20 more checks, none lost or doubled by a race.
    assert len(calls) == 1 + 20 and sched.pending(path) == 0


def test_a_real_project_is_trained_off_the_calling_thread(tmp_path, monkeypatch):
    monkeypatch.setattr(retrain, "_DEFAULT", retrain.RetrainScheduler(every=3))
    path = tmp_path / "p.db"
    _answered(path)  # more than 3 answers, no model yet
    done, errors, names = [], [], []

    def on_done(summary):
        names.append(threading.current_thread().name)
        done.append(summary)

    with open_project(path) as project:
        thread = suggesting.decision_recorded(project, on_done=on_done, on_error=errors.append)
    assert thread is not None and thread is not threading.current_thread()
    thread.join(timeout=120)
    assert not errors and names == ["suggest-learner"] and done[0]["decisions"] >= 3
    with open_project(path) as project:
        assert load_model(project) is not None
        assert suggesting.decision_recorded(project) is None  # counted only: 1 of 3 since the check


def test_a_read_only_project_is_never_trained(tmp_path):
    path = tmp_path / "p.db"
    _answered(path)
    with open_project(path, readonly=True) as project:
        assert suggesting.decision_recorded(project) is None


def test_a_missing_file_is_reported_by_name(tmp_path):
    errors = []
    sched = retrain.RetrainScheduler(every=1)
    thread = sched.decision_recorded(tmp_path / "gone.db", on_error=errors.append)
    thread.join(timeout=120)
    assert errors and "gone.db" in errors[0]


def test_a_store_without_a_project_file_is_never_trained():
    class Store:  # e.g. a server-backed store: no path to open on a worker thread
        readonly = False

    assert suggesting.decision_recorded(Store()) is None
