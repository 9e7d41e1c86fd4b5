"""One "suggest a document" for the CLI and the GUI (services/suggesting.py), with the project's settings,
its learned model and retraining; confidence shown per suggestion; settings in Preferences."""

from __future__ import annotations

from click.testing import CliRunner
from PySide6.QtCore import Qt

from annotator.cli import cli
from annotator.gui import workers
from annotator.services import suggesting
from annotator.services.stores import store_factory
from annotator.storage import open_project
from annotator.storage import spans as span_store
from annotator.storage.spans import SUGGESTER
from annotator.suggest import training


def _suggested(path):
    with open_project(path) as project:
        doc_id = 1
        rows = span_store.list_spans(project, doc_id, annotators=[SUGGESTER])
        return sorted((s.start, s.end, s.label) for s in rows)


def test_cli_and_gui_store_the_same_suggestions(project_path):
    with open_project(project_path) as project:
        suggesting.save_settings(project, implicit=True)
        workers.suggest_document(project, 1)
    gui = _suggested(project_path)
    result = CliRunner().invoke(cli, ["suggest", str(project_path), "--doc", "1"])
    assert result.exit_code == 0, result.output
    assert _suggested(project_path) == gui and gui


def test_settings_and_model_reach_the_engine(project_path, monkeypatch):
    seen = {}
    real = training.rerank_with_project_model

    def spy(project, text, found, threshold=None):
        seen["threshold"] = threshold
        found = list(found)
        seen["implicit"] = any(s.attributes.get("cue") == "implicit" for s in found)
        return real(project, text, found, threshold)

    monkeypatch.setattr(training, "rerank_with_project_model", spy)
    with open_project(project_path) as project:
        suggesting.save_settings(project, implicit=False, threshold=0.65)
        suggesting.suggest_document(project, 1)
        assert seen == {"threshold": 0.65, "implicit": False}
        suggesting.save_settings(project, implicit=True)
        suggesting.suggest_document(project, 1)
        assert seen["implicit"] is True


def test_worker_retrains_when_due(project_path, monkeypatch):
    trained = []
    monkeypatch.setattr(training, "should_retrain", lambda project, every=20: True)
    monkeypatch.setattr(training, "train", lambda project, threshold=None: trained.append(1) or {"decisions": 0})
    results = []
    worker = workers.SuggestWorker(store_factory(project_path), 1)
    worker.finished.connect(lambda doc, count: results.append(count))
    worker.run()
    assert trained == [1] and results and results[0] > 0


def test_bad_threshold_is_refused(project_path):
    import pytest

    with open_project(project_path) as project, pytest.raises(ValueError):
        suggesting.save_settings(project, threshold=1.5)


def test_confidence_in_the_span_panel(make_window, project_path, qtbot):
    from annotator.gui.models.span_table import SpanTableModel

    window = make_window(project_path)
    qtbot.waitUntil(lambda: bool(window.session.suggestions), timeout=20_000)
    model = window.findChildren(SpanTableModel)[0]
    row = next(i for i, s in enumerate(model.rows) if s.status == "suggested")
    status = model.data(model.index(row, 3))
    tip = model.data(model.index(row, 1), Qt.ItemDataRole.ToolTipRole)
    assert "%" in status and "confidence" in tip


def test_preferences_show_and_return_the_project_settings(qtbot):
    from annotator.gui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog("张三", "en", "trim", suggest={"implicit": True, "threshold": 0.45})
    qtbot.addWidget(dialog)
    assert dialog.suggestion_values() == {"implicit": True, "threshold": 0.45}
    dialog.threshold.setValue(0.7)
    dialog.implicit.setChecked(False)
    assert dialog.suggestion_values() == {"implicit": False, "threshold": 0.7}
