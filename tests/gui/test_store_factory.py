"""Workers receive a store factory, never a file path (issue 15): the window hands each worker the
callable the composition root built (services/stores.py); the worker opens the project with it on its
own thread, so a backend that is not a file works the same."""

from __future__ import annotations

import threading

import pytest

from annotator.gui import workers
from annotator.services.stores import store_factory


def test_a_path_is_refused_with_a_clear_message(project_path):
    for make in (lambda target: workers.SuggestWorker(target, 1),
                 lambda target: workers.ImportWorker(target, [], "张三"),
                 lambda target: workers.ExchangeWorker(target, "export", "out.jsonl", "native")):
        with pytest.raises(TypeError, match="store factory"):
            make(project_path)
        with pytest.raises(TypeError, match="store factory"):
            make(str(project_path))


def test_the_window_workers_open_the_project_through_its_factory(make_window, project_path, qtbot):
    window = make_window(project_path)
    opened = []
    real = store_factory(project_path)

    def counting():
        opened.append(threading.current_thread().name)
        return real()

    window.open_store = counting
    window.jobs.run_suggestions()
    qtbot.waitUntil(lambda: not window.busy(), timeout=20_000)
    out = project_path.parent / "labels.jsonl"
    window.run_exchange("export", str(out), "native")
    qtbot.waitUntil(lambda: window.last_exchange is not None and not window.busy(), timeout=20_000)
    assert opened == ["SuggestWorker", "ExchangeWorker"]  # each on its own thread, never the GUI's
    assert out.exists() and "written" in window.last_exchange
