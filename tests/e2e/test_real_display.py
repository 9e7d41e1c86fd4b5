"""The whole day of an annotator at a real X display, keyboard only (xdotool key events):

first run with a name → import a speech from the File menu → tag a directive (Shift+1, the clause at the
cursor) and a statistic with "%" (find it, press 2) → accept a suggestion (Tab, Enter) → another
process imports into the same project → kill -9 → restart → the same document and place (cursor and
top line), every span the app acknowledged still there with its exact text → Ctrl+Z undoes the edits
made before the restart, newest first.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.resources import resource_path

REPO = Path(__file__).resolve().parents[2]
SPEECH = resource_path("samples", "04_青川市经济工作会议讲话.txt")
OTHER = resource_path("samples", "05_云岭县乡村振兴工作推进会讲话.txt")
VALUE = "41.3%"


class App:
    """The annotator as a separate process on the X display, driven by xdotool."""

    def __init__(self, display: str, home: Path, state: Path):
        self.env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "ANNOTATOR_HOME": str(home),
                    "ANNOTATOR_STATE_FILE": str(state), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                    "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        self.env.pop("QT_QPA_PLATFORMTHEME", None)
        self.proc: subprocess.Popen | None = None
        self.log = home / "app.log"

    def start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "annotator"], env=self.env, cwd=str(REPO),
                                     stdout=open(self.log, "ab"), stderr=subprocess.STDOUT)

    def xdo(self, *args: str, check: bool = True) -> str:
        out = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=60)
        if check and out.returncode != 0:
            raise AssertionError(f"xdotool {' '.join(args)} failed: {out.stderr}\n{self.tail()}")
        return out.stdout.strip()

    def window(self, name: str, timeout: float = 40) -> str:
        """Wait for a visible window whose title contains ``name``; focus it; return its id."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"the app exited ({self.proc.returncode})\n{self.tail()}"
            ids = self.xdo("search", "--onlyvisible", "--name", name, check=False).split()
            if ids:
                wid = ids[-1]
                self.xdo("windowactivate", "--sync", wid, check=False)
                self.xdo("windowfocus", "--sync", wid, check=False)
                time.sleep(0.3)
                return wid
            time.sleep(0.2)
        raise AssertionError(f"no window named {name!r}\n{self.tail()}")

    def key(self, *keys: str) -> None:
        for key in keys:
            self.xdo("key", "--clearmodifiers", key)
            time.sleep(0.15)

    def type(self, text: str) -> None:
        self.xdo("type", "--delay", "30", text)
        time.sleep(0.2)

    def kill9(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(20)

    def tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:] if self.log.exists() else ""


def _query(path: Path, sql: str, params=()):
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return conn.execute(sql, params).fetchall()


def _wait(what: str, check, timeout: float = 40, app: App | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = check()
        except sqlite3.OperationalError:  # the project is being created / written
            value = None
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for: {what}\n{app.tail() if app else ''}")


def _spans(project: Path) -> dict:
    rows = _query(project, 'SELECT s.id, s.start, s."end", s.label, d.clean_text FROM spans s JOIN documents d '
                           "ON d.id = s.document_id WHERE s.annotator = 'tester' AND s.status = 'accepted'")
    return {r[0]: (r[1], r[2], r[3], r[4][r[1]:r[2]]) for r in rows}


def test_a_day_at_a_real_display(x_display, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    speech = tmp_path / "speech.txt"  # an ASCII path: typed into Qt's file dialog by xdotool
    shutil.copy(SPEECH, speech)
    state = tmp_path / "state.json"
    project = home / "default.annotator.db"
    app = App(x_display, home, state)
    app.start()
    try:
        # First run: the proposed login name is selected, so typing replaces it.
        app.window("Welcome")
        app.type("tester")
        app.key("Tab", "Tab", "Tab", "space")  # "An empty project"
        app.window("Speech Structure Annotator")

        # Import from the File menu: Alt+F, down to "Import files…" (below Open project…, Open team
        # project… and Recent projects), the file dialog takes a path.
        app.key("alt+f", "Down", "Down", "Down", "Return")  # Open project, Open team project, Recent, Import files
        app.window("Import speeches")
        app.type(str(speech))
        app.key("Return")
        _wait("the speech imported", lambda: _query(project, "SELECT count(*) FROM documents")[0][0] == 1, app=app)
        app.window("Speech Structure Annotator")
        _wait("suggestions for it", lambda: _query(
            project, "SELECT count(*) FROM spans WHERE annotator='@suggester'")[0][0] > 0, app=app)
        text = _query(project, "SELECT clean_text FROM documents")[0][0]

        # A statistic with "%": find it (Ctrl+F), leave the find bar (the hit stays selected), press 2.
        app.key("ctrl+f")
        app.type(VALUE)
        app.key("Escape", "2")
        _wait("the statistic", lambda: any(v[2] == "statistic" for v in _spans(project).values()), app=app)

        # A directive: to the second heading (Alt+Down twice), one line down, Shift+1 tags that clause.
        app.key("ctrl+Home", "alt+Down", "alt+Down", "Right", "Down", "shift+1")
        _wait("the directive", lambda: any(v[2] == "directive" for v in _spans(project).values()), app=app)

        # Accept a suggestion: Tab to the next one, Enter.
        before = _spans(project)
        app.key("Tab", "Return")
        _wait("an accepted suggestion", lambda: len(_spans(project)) == len(before) + 1, app=app)

        # Another process imports into the same project while the app has it open.
        cli = subprocess.run([sys.executable, "-m", "annotator", "import", str(project), str(OTHER)],
                             env=app.env, capture_output=True, text=True, timeout=120)
        assert cli.returncode == 0, cli.stderr
        assert _query(project, "SELECT count(*) FROM documents")[0][0] == 2

        acknowledged = _spans(project)
        _wait("the place saved", lambda: state.exists() and json.loads(state.read_text())["spans"] == len(acknowledged),
              app=app)
        time.sleep(0.6)  # the position is saved 250 ms after the last change
        where = json.loads(state.read_text())
        app.kill9()

        state.unlink()
        app.start()
        app.window("Speech Structure Annotator")
        restored = _wait("the app's state after restart", lambda: state.exists() and json.loads(state.read_text()), app=app)
        for key in ("doc_id", "title", "cursor", "top"):
            assert restored[key] == where[key], (key, restored, where)
        assert restored["spans"] == len(acknowledged) and restored["documents"] == 2

        after = _spans(project)
        assert after == acknowledged
        labels = {v[2] for v in after.values()}
        assert labels == {"statistic", "directive"}
        assert VALUE in [v[3] for v in after.values() if v[2] == "statistic"], "the % was cut off"
        for start, end, _label, words in after.values():
            assert words == text[start:end] and words.strip() == words and words

        # The cursor really is where it was: Enter accepts the suggestion under it, the one Tab had reached.
        app.key("Return")
        _wait("the suggestion at the restored cursor accepted", lambda: len(_spans(project)) == len(after) + 1, app=app)
        (new,) = [v for k, v in _spans(project).items() if k not in after]
        assert new[0] == where["cursor"]

        # Undo survives the kill -9 (rebuilt from the event log): Ctrl+Z takes back this session's accept,
        # then the edits made before the restart, newest first.
        app.key("ctrl+z")
        _wait("this session's accept undone", lambda: _spans(project) == after, app=app)
        app.key("ctrl+z")
        _wait("the accept before the restart undone", lambda: _spans(project) == before, app=app)
        app.key("ctrl+z")
        _wait("the directive undone", lambda: {v[2] for v in _spans(project).values()} == {"statistic"}, app=app)
    finally:
        if app.proc and app.proc.poll() is None:
            app.proc.kill()
            app.proc.wait(20)


if not sys.platform.startswith("linux"):
    pytestmark = pytest.mark.skip(reason="Xvfb end-to-end test runs on Linux")
