"""A second Ctrl+C/SIGTERM that lands just as a verb's work has ended (the few steps between the end of its
body and the signal handler being put back) must still end in the verb's summary and exit 128 + signal.

It once escaped as a bare KeyboardInterrupt: click printed "Aborted!" and exited 1 without saying what was
saved (seen under load in tests/integration/test_hostile_interrupts.py, sigint-twice). A real signal cannot
be timed into that window, so the window is simulated: the context manager raises the handler's
``Interrupted`` on its way out, as the handler would there.
"""

from __future__ import annotations

import contextlib
import signal

import click
import pytest
from click.testing import CliRunner

from annotator.cli import common
from annotator.cli.common import Interrupted

from tests.data.bad_label_files import task, write_tasks


@contextlib.contextmanager
def _late_second_signal(*, graceful: bool = False):
    received: list[int] = []
    yield lambda: received[0] if received else 0
    received.append(signal.SIGINT)  # two signals as the work ends: the first is recorded,
    raise Interrupted(signal.SIGINT)  # the second lands on the way out


@pytest.fixture
def exchange_cli(monkeypatch):
    from annotator.cli import exchange

    monkeypatch.setattr(exchange, "interruptible", _late_second_signal)

    @click.group()
    def group():
        pass

    exchange.register(group)
    return group


def test_import_labels_reports_what_it_saved(exchange_cli, tmp_path):
    labels = tmp_path / "tasks.json"
    write_tasks(labels, (task(n, chars=200, regions=2) for n in range(1, 4)))
    result = CliRunner().invoke(exchange_cli, ["import-labels", str(tmp_path / "p.db"), str(labels), "--format",
                                               "labelstudio", "--annotator", "甲"])
    assert result.exit_code == 130, result.output
    assert "Aborted" not in result.output
    assert "lines imported" in result.output and "interrupted by SIGINT" in result.output


def test_merge_reports_what_it_merged(exchange_cli, tmp_path):
    from annotator.storage import documents, open_project

    with open_project(tmp_path / "zhang.db") as source:
        documents.add_document(source, clean_text="一、总体要求\n各级工会要切实加强领导。", raw_text="x", title="讲话")
    result = CliRunner().invoke(exchange_cli, ["merge", str(tmp_path / "team.db"), str(tmp_path / "zhang.db")])
    assert result.exit_code == 130, result.output
    assert "Aborted" not in result.output
    assert "1 documents added" in result.output and "interrupted by SIGINT" in result.output


def test_import_reports_what_it_saved(monkeypatch, tmp_path):
    import annotator.cli as cli_module

    monkeypatch.setattr(cli_module, "interruptible", _late_second_signal)
    speech = tmp_path / "speech.txt"
    speech.write_text("一、总体要求\n各级工会要切实加强领导，全年增长5.2%。\n", encoding="utf-8")
    result = CliRunner().invoke(cli_module.cli, ["import", str(tmp_path / "p.db"), str(speech), "--index", "none"])
    assert result.exit_code == 130, result.output
    assert "Aborted" not in result.output
    assert "imported 1," in result.output and "interrupted by SIGINT" in result.output


def test_the_real_handler_only_counts_once_the_body_has_ended():
    """After the body, a signal is only recorded (graceful or not) until the old handler is back."""
    with common.interruptible(graceful=True) as stopped:
        signal.raise_signal(signal.SIGINT)  # the first: a flag the verb polls
        assert stopped() == signal.SIGINT
    # the handler is the previous one again (pytest's / Python's default)
    assert signal.getsignal(signal.SIGINT) is not None
