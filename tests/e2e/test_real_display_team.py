"""The annotator's day at a real X display on a TEAM project (PostgreSQL), keyboard only (xdotool):

a throwaway server; ``annotator team init`` / ``add-member`` / ``login`` as a team sets one up (the
password goes to a pgpass file, never into a URL or the settings) → first run of ``annotator URL`` as the
lead, name typed in the welcome dialog → import a speech from the File menu → tag a statistic with "%"
(find it, press 2), a directive (Shift+1) and accept a suggestion (Tab, Enter) → another process, logged
in as annotator alice, tags the same document at the same time → kill -9 → restart with no argument (the
team project is the one remembered) → the same document and place (cursor and top line), every span the
app acknowledged still on the server with its exact text, alice's span there exactly once → Ctrl+Z undoes
the edits made before the restart (rebuilt from the server's event log), newest first.

The SQLite twin is test_real_display.py; this one shares its ``App`` driver.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time

import pytest

psycopg = pytest.importorskip("psycopg")

from annotator.bench.team_cluster import Cluster, server_bin  # noqa: E402
from .test_real_display import OTHER, REPO, SPEECH, VALUE, App  # noqa: E402

PASSWORDS = {"lena": "lena-e2e-Pw-5521", "alice": "alice-e2e-Pw-9034"}
DB = "e2eteam"

# The other process: alice opens the team project by URL (password from the pgpass file) and tags the
# first document through the storage functions the GUI's commands call; prints the span it saved.
ALICE = textwrap.dedent("""
    import json, sys
    from annotator.domain.model import Span
    from annotator.storage import documents, open_project, spans
    with open_project(sys.argv[1]) as project:
        doc = documents.document_ids(project)[0]
        span = spans.add_span(project, Span(document_id=doc, start=2, end=9, label="directive", annotator="alice"))
        print(json.dumps({"id": span.id, "doc": doc}))
""")


@pytest.fixture
def server():
    if server_bin() is None:
        message = "no PostgreSQL server binaries (install postgresql or set PG_BIN)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    cluster = Cluster()
    try:
        cluster.create_database(DB)
        yield cluster
    finally:
        cluster.stop(remove=True)


def _cli(env: dict, *args: str, stdin: str | None = None) -> str:
    done = subprocess.run([sys.executable, "-m", "annotator", *args], env=env, input=stdin, capture_output=True,
                          text=True, timeout=180)
    assert done.returncode == 0, f"annotator {' '.join(args[:2])}: {done.stdout}{done.stderr}"
    return done.stdout


def test_a_day_at_a_real_display_on_a_team_project(x_display, server, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    speech = tmp_path / "speech.txt"  # an ASCII path: typed into Qt's file dialog by xdotool
    shutil.copy(SPEECH, speech)
    state = tmp_path / "state.json"
    app = App(x_display, home, state)
    app.env["PGPASSFILE"] = str(tmp_path / "pgpass")
    app.env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # the pgpass path, on any machine

    # The team is set up the way the README tells a lead to: init, members, each member's login.
    admin = f"postgresql://postgres@/{DB}?host={server.root}&port={server.port}"
    _cli(app.env, "team", "init", admin)
    urls = {}
    for name, role in (("lena", "lead"), ("alice", "annotator")):
        _cli(app.env, "team", "add-member", admin, name, "--role", role, "--password-stdin", stdin=PASSWORDS[name] + "\n")
        urls[name] = server.url(name, DB)
        _cli(app.env, "team", "login", urls[name], "--password-stdin", "--pgpass", stdin=PASSWORDS[name] + "\n")
    assert all(p not in urls[n] for n, p in PASSWORDS.items())

    def query(sql: str, params=()):
        with psycopg.connect(server.admin_dsn(DB), connect_timeout=10) as conn:
            return conn.execute(sql, params).fetchall()

    def wait(what: str, check, timeout: float = 40):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = check()
            if value:
                return value
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for: {what}\n{app.tail()}")

    def spans(who: str = "lena") -> dict:
        rows = query('SELECT s.id, s.start, s."end", s.label, d.clean_text FROM spans s JOIN documents d '
                     "ON d.id = s.document_id WHERE s.annotator = %s AND s.status = 'accepted'", [who])
        return {r[0]: (r[1], r[2], r[3], r[4][r[1]:r[2]]) for r in rows}

    app.proc = subprocess.Popen([sys.executable, "-m", "annotator", urls["lena"]], env=app.env, cwd=str(REPO),
                                stdout=open(app.log, "ab"), stderr=subprocess.STDOUT)
    try:
        # First run: the proposed login name is selected, so typing replaces it.
        app.window("Welcome")
        app.type("lena")
        app.key("Tab", "Tab", "Tab", "space")  # "An empty project": the team project given on the command line
        app.window("Speech Structure Annotator")
        assert query("SELECT name FROM annotators WHERE name = 'lena'"), app.tail()

        # Import from the File menu (a lead may import): the file dialog takes a path.
        app.key("alt+f", "Down", "Down", "Down", "Return")  # Open project, Open team project, Recent, Import files
        app.window("Import speeches")
        app.type(str(speech))
        app.key("Return")
        wait("the speech imported", lambda: query("SELECT count(*) FROM documents")[0][0] == 1)
        app.window("Speech Structure Annotator")
        wait("suggestions for it", lambda: query("SELECT count(*) FROM spans WHERE annotator='@suggester'")[0][0] > 0)
        text = query("SELECT clean_text FROM documents")[0][0]

        app.key("ctrl+f")
        app.type(VALUE)
        app.key("Escape", "2")
        wait("the statistic", lambda: any(v[2] == "statistic" for v in spans().values()))

        app.key("ctrl+Home", "alt+Down", "alt+Down", "Right", "Down", "shift+1")
        wait("the directive", lambda: any(v[2] == "directive" for v in spans().values()))

        before = spans()
        app.key("Tab", "Return")
        wait("an accepted suggestion", lambda: len(spans()) == len(before) + 1)

        # Another process, another person: alice tags the same document while the lead's app has it open.
        other = subprocess.run([sys.executable, "-c", ALICE, urls["alice"]], env=app.env, capture_output=True,
                               text=True, timeout=120)
        assert other.returncode == 0, other.stderr
        alices = json.loads(other.stdout.strip().splitlines()[-1])
        # and the lead's CLI imports a second speech into the project the app has open
        _cli(app.env, "import", urls["lena"], str(OTHER))
        assert query("SELECT count(*) FROM documents")[0][0] == 2

        acknowledged = spans()
        wait("the place saved", lambda: state.exists() and json.loads(state.read_text())["spans"] == len(acknowledged))
        time.sleep(1.0)  # the position is saved a moment after the last change
        where = json.loads(state.read_text())
        app.kill9()

        state.unlink()
        app.start()  # no argument: the team project this person worked in last
        app.window("Speech Structure Annotator")
        restored = wait("the app's state after restart", lambda: state.exists() and json.loads(state.read_text()))
        for key in ("doc_id", "title", "cursor", "top"):
            assert restored[key] == where[key], (key, restored, where)
        assert restored["documents"] == 2

        after = spans()
        assert after == acknowledged
        assert {v[2] for v in after.values()} == {"statistic", "directive"}
        assert VALUE in [v[3] for v in after.values() if v[2] == "statistic"], "the % was cut off"
        for start, end, _label, words in after.values():
            assert words == text[start:end] and words.strip() == words and words
        assert list(spans("alice")) == [alices["id"]]  # the other person's edit: there, exactly once
        assert query("SELECT count(*) FROM spans WHERE id = %s", [alices["id"]])[0][0] == 1

        # The cursor really is where it was: Enter accepts the suggestion under it, the one Tab had reached.
        app.key("Return")
        wait("the suggestion at the restored cursor accepted", lambda: len(spans()) == len(after) + 1)
        (new,) = [v for k, v in spans().items() if k not in after]
        assert new[0] == where["cursor"]

        # Undo survives the kill -9 (rebuilt from the event log on the server), newest first; alice's
        # span is not the lead's to undo and stays.
        app.key("ctrl+z")
        wait("this session's accept undone", lambda: spans() == after)
        app.key("ctrl+z")
        wait("the accept before the restart undone", lambda: spans() == before)
        app.key("ctrl+z")
        wait("the directive undone", lambda: {v[2] for v in spans().values()} == {"statistic"})
        assert list(spans("alice")) == [alices["id"]]
        # every change the app made carries the lead's login in the server's audit trail
        roles = {r[0] for r in query("SELECT DISTINCT a.db_role FROM team_event_audit a JOIN events e "
                                     "ON e.id = a.event_id WHERE e.annotator = 'lena'")}
        assert roles == {"lena"}, roles
    finally:
        if app.proc and app.proc.poll() is None:
            app.proc.kill()
            app.proc.wait(20)


if not sys.platform.startswith("linux"):
    pytestmark = pytest.mark.skip(reason="Xvfb end-to-end test runs on Linux")
