"""Train the per-project learner from a project's decisions, and use the stored model (Qt-free).

For the GUI (the GUI code calls these; nothing here touches Qt):

    options = settings(project)                                               # {"implicit": bool, "threshold": float}
    found = suggest(text, sections, unit=..., implicit=options["implicit"])
    found = rerank_with_project_model(project, text, found, options["threshold"])  # before replace_suggestions
    if should_retrain(project): train_in_background(project_path, on_done=..., on_error=...)  # never blocks
    retrain_in_background_if_due(project_path, on_done=..., on_error=...)  # after each accept/reject: the check
                                                                           # and the training both off the GUI thread

Project settings (project_meta): ``suggest_implicit`` "1" to propose implicit directives (off by default),
``suggest_threshold`` the learner's confidence threshold (default 0.3).

``on_done(summary)`` / ``on_error(message)`` are called on the worker thread: a Qt caller forwards them
with a signal. The worker opens its own connection to the project file (SQLite only, as everywhere).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Callable, Iterable

from annotator.domain.model import Suggestion
from annotator.suggest.learner import Example, Learner, kind

RETRAIN_EVERY = 20  # answers since the last training


IMPLICIT_KEY, THRESHOLD_KEY = "suggest_implicit", "suggest_threshold"


def settings(project) -> dict:
    """The project's suggestion settings, with defaults for anything unset or unreadable."""
    from annotator.suggest.learner import DEFAULT_THRESHOLD  # noqa: PLC0415

    try:
        threshold = float(project.meta(THRESHOLD_KEY) or DEFAULT_THRESHOLD)
    except ValueError:
        threshold = DEFAULT_THRESHOLD
    return {"implicit": (project.meta(IMPLICIT_KEY) or "") == "1", "threshold": min(1.0, max(0.0, threshold))}


def examples(project) -> list[Example]:
    """The project's decisions as learner examples (document texts read once each)."""
    from annotator.storage import decisions, documents  # noqa: PLC0415 - storage stays out of plain imports

    texts: dict[int, str] = {}
    out = []
    for d in decisions.suggestion_decisions(project):
        if d.document_id not in texts:
            texts[d.document_id] = documents.clean_text(project, d.document_id)
        text = texts[d.document_id]
        if not (0 <= d.start < d.end <= len(text)):
            continue  # the document changed since: the decision no longer points at its text
        out.append(Example(text, Suggestion(d.start, d.end, d.label, dict(d.attributes), d.score or 0.8, d.rule),
                           d.accepted))
    return out


def train(project, threshold: float | None = None) -> dict:
    """Fit the learner on every decision of the project and store it; returns a summary."""
    from annotator.storage import decisions  # noqa: PLC0415

    found = examples(project)
    learner = Learner(threshold) if threshold is not None else Learner()
    learner.fit(found)
    decisions.save_model(project, learner.to_json())
    kinds = sorted({kind(e.suggestion) for e in found})
    return {"decisions": len(found), "trained": sorted(learner.weights), "kinds": kinds,
            "rejects": sum(1 for e in found if not e.accepted)}


def load_learner(project) -> Learner | None:
    from annotator.storage import decisions  # noqa: PLC0415

    stored = decisions.load_model(project)
    return Learner.from_json(stored) if stored else None


def should_retrain(project, every: int = RETRAIN_EVERY) -> bool:
    """True when at least ``every`` answers came in since the stored model was trained."""
    from annotator.storage import decisions  # noqa: PLC0415

    stored = decisions.load_model(project)
    seen = json.loads(stored).get("decisions", 0) if stored else 0
    return decisions.count_decisions(project) - seen >= every


def rerank_with_project_model(project, text: str, found: Iterable[Suggestion],
                              threshold: float | None = None) -> list[Suggestion]:
    """The project's model applied to fresh suggestions; unchanged when there is no usable model."""
    found = list(found)
    try:
        learner = load_learner(project)
    except ValueError:
        return found  # an unreadable model never stops suggestions
    return learner.rerank(text, found, threshold) if learner else found


# One training at a time per project file: a GUI that asks after every answer must not pile up threads that all
# fit the same model (each holds a connection; on a busy project they would only wait for each other's writes).
_RUNNING: set[str] = set()
_RUNNING_LOCK = threading.Lock()


def _claim(project_path: str | Path) -> str | None:
    key = str(Path(project_path).resolve())
    with _RUNNING_LOCK:
        if key in _RUNNING:
            return None
        _RUNNING.add(key)
    return key


def _release(key: str) -> None:
    with _RUNNING_LOCK:
        _RUNNING.discard(key)


def training_running(project_path: str | Path) -> bool:
    """True while a background training of this project file runs."""
    with _RUNNING_LOCK:
        return str(Path(project_path).resolve()) in _RUNNING


def _background(project_path: str | Path, job: Callable, on_done, on_error) -> threading.Thread | None:
    key = _claim(project_path)
    if key is None:
        return None  # a training of this project is already under way: its model will include these answers or the next will

    def work() -> None:
        from annotator.storage.project import open_project  # noqa: PLC0415

        try:
            with open_project(project_path, create=False) as project:
                summary = job(project)
        except Exception as exc:  # noqa: BLE001 - reported to the caller, never raised into a thread
            if on_error:
                on_error(f"{Path(project_path).name}: training the suggestion model failed: {exc}")
            return
        finally:
            _release(key)
        if on_done and summary is not None:
            on_done(summary)

    thread = threading.Thread(target=work, name="suggest-learner", daemon=True)
    thread.start()
    return thread


def train_in_background(project_path: str | Path, on_done: Callable[[dict], None] | None = None,
                        on_error: Callable[[str], None] | None = None) -> threading.Thread | None:
    """Train on a worker thread with its own connection; the callbacks run on that thread. None (nothing
    started) when a training of the same project file is already running."""
    return _background(project_path, train, on_done, on_error)


def retrain_in_background_if_due(project_path: str | Path, every: int = RETRAIN_EVERY,
                                 on_done: Callable[[dict], None] | None = None,
                                 on_error: Callable[[str], None] | None = None) -> threading.Thread | None:
    """What a GUI calls after each accept or reject: on a worker thread, count the answers since the stored
    model and retrain when ``every`` came in. Nothing touches the project on the calling thread (even the count
    is a query on a busy file); ``on_done`` runs only when a model was trained. None when a training of the
    project is already running."""
    def job(project) -> dict | None:
        if project.readonly or not should_retrain(project, every):
            return None
        return train(project)

    return _background(project_path, job, on_done, on_error)
