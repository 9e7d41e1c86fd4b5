"""A member's password in the OS keyring (issue 16, point 6), with the pgpass file as the fallback.

The keyring is keyring's own API with an in-memory backend installed for the test (``keyring.set_keyring``),
so nothing touches the machine's real keyring. The pgpass file is an empty one of the test's
(PGPASSFILE), so a connection that works got its password from the keyring. Checked as well: a wrong
password is kept nowhere; the password never appears in the settings, the outbox, messages or logs;
without a usable keyring, ``team login`` writes the pgpass file as before.
"""

from __future__ import annotations

import logging
import os

import pytest

psycopg = pytest.importorskip("psycopg")
if os.environ.get("CI"):
    import keyring  # noqa: F401 - under CI the keyring extra is installed: a missing one fails here
else:
    keyring = pytest.importorskip("keyring")

from click.testing import CliRunner  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402
from keyring.backends import fail  # noqa: E402

pytestmark = pytest.mark.team


class MemoryKeyring(KeyringBackend):
    """keyring's backend interface, kept in a dict. Below the "fail" backend's priority, so keyring never
    picks it by itself (other tests keep the machine's choice): only set_keyring installs it."""

    priority = -1

    def __init__(self):
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        self.entries.pop((service, username), None)


@pytest.fixture
def memory_keyring(monkeypatch, tmp_path):
    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    empty = tmp_path / "empty.pgpass"
    empty.touch(mode=0o600)
    monkeypatch.setenv("PGPASSFILE", str(empty))  # libpq finds no password there
    monkeypatch.setenv("ANNOTATOR_HOME", str(tmp_path / "home"))
    yield store, empty
    keyring.set_keyring(previous)


def _url(team, who):
    return f"postgresql://{who}@127.0.0.1:{team.cluster.port}/{team.dbname}"


def test_login_keeps_the_password_in_the_keyring_and_every_connection_uses_it(team, memory_keyring, tmp_path,
                                                                               caplog):
    from annotator.cli import cli
    from annotator.services.team_edits import DesktopWriter
    from annotator.storage import documents
    from annotator.storage.outbox import Outbox
    from annotator.storage.pg.passwords import SERVICE, account
    from annotator.storage.project import ProjectError, open_project

    store, empty = memory_keyring
    secret = team.passwords["alice"]
    url = _url(team, "alice")
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ProjectError):  # no password anywhere yet: refused, and the message says so
        open_project(url)

    runner = CliRunner()
    bad = runner.invoke(cli, ["team", "login", url, "--password-stdin"], input="wrong-one\n")
    assert bad.exit_code != 0 and not store.entries  # a wrong password is kept nowhere
    out = runner.invoke(cli, ["team", "login", url, "--password-stdin"], input=secret + "\n")
    assert out.exit_code == 0, out.output
    assert "keyring" in out.output and secret not in out.output
    assert store.entries == {(SERVICE, account(url)): secret}
    assert empty.read_text() == ""  # not written to the pgpass file

    # the project, the outbox's sender and the live feed all connect with it
    with open_project(url + "?connect_timeout=5") as project:
        assert documents.document_count(project) == 1
        writer = DesktopWriter.for_project(project, Outbox(tmp_path / "alice.outbox"))
        try:
            with writer.connect() as conn:
                assert conn.execute("SELECT current_user").fetchone()[0] == "alice"
        finally:
            writer.close()
    # a password typed into the URL still wins over the keyring's
    store.entries[(SERVICE, account(url))] = "stale"
    with pytest.raises(ProjectError) as refused:
        open_project(url)
    assert "stale" not in str(refused.value)
    with open_project(_url(team, "alice").replace("alice@", f"alice:{secret}@")) as project:
        assert documents.document_count(project) == 1

    # nowhere on disk or in the log: settings, outbox, home folder (the fixture's own pgpass file aside)
    assert secret not in caplog.text and "stale" not in caplog.text
    for path in tmp_path.rglob("*"):
        if path.is_file() and path != team.passfile:
            assert secret.encode() not in path.read_bytes(), path


def test_without_a_usable_keyring_login_writes_the_pgpass_file(team, memory_keyring):
    from annotator.storage import documents
    from annotator.storage.pg import security
    from annotator.storage.project import open_project

    _store, empty = memory_keyring
    keyring.set_keyring(fail.Keyring())
    url = _url(team, "bob")
    where = security.login(url, team.passwords["bob"])
    assert where == str(empty) and team.passwords["bob"] in empty.read_text()
    with open_project(url) as project:
        assert documents.document_count(project) == 1


def test_pgpass_flag_keeps_it_in_the_file_even_with_a_keyring(team, memory_keyring):
    from annotator.cli import cli

    store, empty = memory_keyring
    out = CliRunner().invoke(cli, ["team", "login", _url(team, "lena"), "--pgpass", "--password-stdin"],
                             input=team.passwords["lena"] + "\n")
    assert out.exit_code == 0, out.output
    assert not store.entries and team.passwords["lena"] in empty.read_text()
