"""The status bar says whether the work is on disk (gui/save_state.py, storage/durability.py; issue 13).

The window's commits no longer wait for the disk on the GUI thread; in exchange the status bar must
read "Saving…" from the first change not yet durable and "Saved" only once everything is, say so when
the disk refuses, and closing the window must wait for the last sync.
"""

from __future__ import annotations

import sqlite3
import threading

from PySide6.QtCore import Qt

from annotator.storage import durability


def _tag(window, qtbot, at: int) -> None:
    view = window.view
    view.setFocus()
    view.select_range(at, at + 6)
    qtbot.keyClick(view, Qt.Key.Key_1)


def test_saving_until_durable_then_saved(make_window, project_path, qtbot):
    window = make_window(project_path)
    indicator, syncer = window.save_state, window.save_state.syncer
    label = window.statusBar().findChild(type(indicator.label), "saveState")
    assert label is indicator.label and label.isVisible()
    assert window.session.project.conn.execute("PRAGMA synchronous").fetchone()[0] == 1
    syncer.delay = 3600  # hold the sync back: the label must not claim "Saved" meanwhile
    spans_before = len(window.session.spans)
    _tag(window, qtbot, 40)
    assert len(window.session.spans) == spans_before + 1
    qtbot.waitUntil(lambda: indicator.state_name == "saving")
    assert label.text() == "Saving…" and not syncer.state.saved
    window.statusBar().showMessage("a long temporary message that takes the status bar", 5000)
    assert label.isVisible()  # never steps aside: whether a tag is safe stays in sight
    syncer.delay = durability.DELAY_S
    assert syncer.wait(60)
    qtbot.waitUntil(lambda: label.text() == "Saved")
    assert syncer.state.saved


def test_a_disk_failure_is_shown_in_the_status_bar(make_window, project_path, qtbot, monkeypatch):
    from annotator.gui import save_state

    warned = []  # a test that fails before the disk is back must not hang on the quit warning
    monkeypatch.setattr(save_state.QMessageBox, "warning", lambda *args: warned.append(args))
    window = make_window(project_path)
    indicator = window.save_state
    broken = threading.Event()
    broken.set()
    real = durability.Syncer._sync

    def sync(self, *args, **kwargs):
        if broken.is_set():
            raise sqlite3.OperationalError("disk I/O error")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(durability.Syncer, "_sync", sync)
    _tag(window, qtbot, 60)
    qtbot.waitUntil(lambda: indicator.state_name == "failed", timeout=20_000)
    assert indicator.label.text().startswith("Not saved to disk:") and "input/output" in indicator.label.text()
    broken.clear()
    qtbot.waitUntil(lambda: indicator.state_name == "saved", timeout=20_000)
    assert indicator.label.text() == "Saved"
    window.close()
    assert warned == []  # saved by the time of closing: no warning


def test_closing_the_window_waits_for_the_last_sync(make_window, project_path, qtbot):
    window = make_window(project_path)
    syncer = window.save_state.syncer
    syncer.delay = 3600  # only the close can make it sync now
    _tag(window, qtbot, 80)
    _tag(window, qtbot, 120)
    assert not syncer.state.saved
    window.close()
    assert syncer.state.saved and syncer.state.durable == syncer.state.committed


def test_position_writes_off_the_gui_thread_keep_the_newest(qapp, tmp_path):
    """The position is written (and fsynced) by a thread of its own: many quick saves end with the
    newest values in the file, never an older write landing last."""
    from PySide6.QtCore import QSettings

    from annotator.gui.position import _Writer

    path = str(tmp_path / "settings.ini")
    writer = _Writer(path)
    for i in range(50):
        writer.put({"position/x": [str(i), str(i * 2)], "layout/state": f"s{i}"})
    writer.join()
    stored = QSettings(path, QSettings.Format.IniFormat)
    assert stored.value("position/x") == ["49", "98"] and stored.value("layout/state") == "s49"
