"""Suggest a document: the one path the CLI (`annotator suggest`) and the GUI (workers.py) both take.

Rules propose (suggest.engine, with the project's directive unit and its "implicit directives" setting);
the project's learned model re-ranks and filters them at the project's threshold (suggest.training);
the result replaces the document's open suggestions (storage). After enough new answers the model is
retrained: ``retrain_if_due`` (after a document was suggested, already off the GUI thread); the workspace also
counts accepts and rejects and retrains every N of them in a process of its own (gui/learning.py,
gui/learner_job.py). Settings live in project_meta, so both front ends see the same ones.
"""

from __future__ import annotations

import threading
from typing import Callable, Iterable

from annotator.suggest import training

DIRECTIVE_UNIT_KEY = "directive_unit"


def statistic_attributes(text: str, start: int, end: int) -> dict:
    """What a statistic tagged by hand over ``text[start:end]`` carries without being typed: the same
    normalised number, unit, scale, bound, period, comparison, direction and indicator a statistic
    suggestion carries ({} when the span holds no quantity)."""
    from annotator.suggest.statistics import attributes_for  # noqa: PLC0415 - only when a statistic is tagged

    return attributes_for(text, start, end)


def suggestion_settings(project) -> dict:
    """{"unit": "clause" | "sentence", "implicit": bool, "threshold": float} for this project."""
    options = training.settings(project)
    options["unit"] = project.meta(DIRECTIVE_UNIT_KEY) or "clause"
    return options


def save_settings(project, *, unit: str | None = None, implicit: bool | None = None,
                  threshold: float | None = None, by: str | None = None) -> None:
    """Store the settings given (None leaves one as it is): checked first, then in one transaction with
    a ``settings.set`` event saying who changed what (storage/settings.py)."""
    from annotator.storage.settings import set_settings  # noqa: PLC0415

    values: dict[str, str] = {}
    if unit is not None:
        if unit not in ("clause", "sentence"):
            raise ValueError(f"directive unit must be clause or sentence, not {unit!r}")
        values[DIRECTIVE_UNIT_KEY] = unit
    if implicit is not None:
        values[training.IMPLICIT_KEY] = "1" if implicit else "0"
    if threshold is not None:
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must lie between 0 and 1, not {threshold}")
        values[training.THRESHOLD_KEY] = f"{threshold:.2f}"
    if values:
        set_settings(project, values, by=by)


def suggest_document(project, doc_id: int, *, unit: str | None = None) -> int:
    """Store fresh suggestions for one document; returns how many. ``unit`` overrides the setting.

    Raises KeyError for a document that does not exist."""
    from annotator.storage import documents, sections, spans  # noqa: PLC0415
    from annotator.suggest.engine import suggest  # noqa: PLC0415 - rules load only when used

    options = suggestion_settings(project)
    text = documents.clean_text(project, doc_id)
    found = suggest(text, sections.get_sections(project, doc_id), unit=unit or options["unit"],
                    implicit=options["implicit"])
    found = training.rerank_with_project_model(project, text, found, options["threshold"])
    return spans.replace_suggestions(project, doc_id, found)


def suggest_documents(project, doc_ids: Iterable[int], *, unit: str | None = None) -> int:
    return sum(suggest_document(project, doc_id, unit=unit) for doc_id in doc_ids)


def retrain_if_due(project, *, background: bool = True, on_done: Callable[[dict], None] | None = None,
                   on_error: Callable[[str], None] | None = None) -> threading.Thread | dict | None:
    """Retrain the project's model when enough answers came in since the last training.

    ``background``: on a thread with its own connection (the callbacks run on that thread); otherwise
    here, returning the training summary (the CLI, or a caller already off the GUI thread)."""
    if project.readonly or not training.should_retrain(project):
        return None
    if background:
        return training.train_in_background(project.path, on_done, on_error)
    return training.train(project)
