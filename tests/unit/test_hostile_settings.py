"""Settings files given by name (the cleaning rules of ``clean --rules`` and $ANNOTATOR_CLEANING_RULES):
a pipe, a folder or a huge file is a message naming it, never a hang (a FIFO blocked every import)."""

from __future__ import annotations

import os

import pytest

from annotator.structure import clean_rules
from annotator.structure.clean_rules import RulesError, load_rules

from tests.hang_guard import call_guarded


def _guarded(call, seconds: float = 60):
    return call_guarded(call, seconds, f"loading the rules did not return within {seconds} s (blocked on the file?)")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_pipe_as_rules_file_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "rules.toml"
    os.mkfifo(fifo)
    with pytest.raises(RulesError, match="not a regular file") as err:
        _guarded(lambda: load_rules(fifo))
    assert str(fifo) in str(err.value)


def test_a_folder_or_an_oversized_rules_file_is_refused(tmp_path, monkeypatch):
    folder = tmp_path / "rules.toml"
    folder.mkdir()
    with pytest.raises(RulesError, match="not a regular file"):
        load_rules(folder)
    monkeypatch.setattr(clean_rules, "MAX_RULES_BYTES", 100)
    big = tmp_path / "big.toml"
    big.write_text("# padding\n" * 20, "utf-8")
    with pytest.raises(RulesError, match="a rules file is at most 100"):
        load_rules(big)
