"""No password of a project URL in any message (issue 16, point 6), for every CLI verb that takes a project.

Each verb is given a URL with a password, once for a server that is not there and once for one that
refuses the login, and must fail with a message (no traceback) naming the URL with the
password replaced by ***, and a non-zero exit code; nothing logged meanwhile (any logger, any level) holds the password either.
test_team_transfer.py checks three verbs; this is all of them, so a new verb cannot forget.
"""

from __future__ import annotations

import logging
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

pytest.importorskip("psycopg")

from annotator.cli import cli  # noqa: E402

SECRET = "s3cr3t-Pw%21x"  # percent-encoded in the URL: the decoded form must not appear either
DECODED = "s3cr3t-Pw!x"


def _verbs(url: str, tmp_path) -> dict[str, list[str]]:
    """The command lines (the files they name are written by the test: nothing is written here)."""
    text, labels, local = tmp_path / "讲话.txt", tmp_path / "labels.jsonl", tmp_path / "local.annotator.db"
    return {
        "list": ["list", url], "search": ["search", url, "工会"], "index-words": ["index-words", url],
        "import": ["import", url, str(text)], "suggest": ["suggest", url], "agreement": ["agreement", url],
        "export": ["export", url, "--format", "native", "-o", str(tmp_path / "out.jsonl")],
        "merge (source)": ["merge", str(local), url], "merge (target)": ["merge", url, str(local)],
        "import-labels": ["import-labels", url, str(labels), "--format", "native"],
        "trash list": ["trash", "list", url], "trash empty": ["trash", "empty", url],
        "trash restore": ["trash", "restore", url, "1"],
        "team init": ["team", "init", url], "team pull": ["team", "pull", url, str(tmp_path / "copy.annotator.db")],
        "team push": ["team", "push", str(local), url],
        "team visibility": ["team", "visibility", url, "open"],
    }


def _commands(group: click.Group, prefix: str = "") -> set[str]:
    # Through list_commands/get_command, not .commands: verb groups are loaded on use (team, trash).
    ctx = click.Context(group)
    out = set()
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            out |= _commands(command, f"{prefix}{name} ")
        else:
            out.add(prefix + name)
    return out


def test_every_verb_that_takes_a_project_is_checked(tmp_path):
    """The verbs without a project (clean, outline, selfcheck) and the two that ask for a password
    (team add-member, team login: test_team_cli.py / test_team_keyring.py) aside, each verb is here."""
    checked = {v.split(" (")[0] for v in _verbs("postgresql://x", tmp_path)}
    aside = {"clean", "outline", "selfcheck", "team add-member", "team login"}
    assert _commands(cli) - aside == checked


@pytest.fixture(params=["unreachable", "refused"])
def secret_url(request, cluster):
    if request.param == "unreachable":
        return f"postgresql://someone:{SECRET}@127.0.0.1:1/nowhere?connect_timeout=2"
    return f"postgresql://someone:{SECRET}@127.0.0.1:{cluster.port}/postgres?connect_timeout=5"


@pytest.mark.parametrize("verb", sorted(_verbs("postgresql://x", Path("."))))
def test_no_password_in_any_message_or_log(verb, secret_url, tmp_path, caplog):
    from annotator.storage import open_project

    with open_project(tmp_path / "local.annotator.db"):
        pass
    (tmp_path / "讲话.txt").write_text("一、要坚持稳中求进。\n", encoding="utf-8")
    (tmp_path / "labels.jsonl").write_text('{"text": "一、要坚持", "spans": []}\n', encoding="utf-8")
    args = _verbs(secret_url, tmp_path)[verb]
    caplog.set_level(logging.DEBUG)
    out = CliRunner().invoke(cli, args)
    shown = out.output + (repr(out.exception) if out.exception and not isinstance(out.exception, SystemExit) else "")
    assert out.exit_code in (1, 2), shown  # a failure, said as one (some verbs say 1 for "not done")
    assert "Traceback" not in shown
    for secret in (SECRET, DECODED):
        assert secret not in shown, shown
        assert not [r.getMessage() for r in caplog.records if secret in r.getMessage()]
    assert "someone:***@" in out.output, out.output
