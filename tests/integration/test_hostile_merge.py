"""`annotator merge` under signals and hostile sources.

Ctrl+C (SIGINT) or SIGTERM stops it between two sources (as `import` stops between files): what was
merged is reported, the exit status is 128 + the signal, and the same command run again merges exactly
the rest. A second signal stops it at once: the source being merged is rolled back, the target passes
its integrity check. A source that would add more labels than one label file may (200) is refused
whole, and the others are still merged.
"""

from __future__ import annotations

import os
import re
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.domain.labels import Label
from annotator.domain.model import Span
from annotator.exchange.importing import MAX_NEW_LABELS
from annotator.exchange.merge import merge
from annotator.storage import documents, integrity, open_project
from annotator.storage.documents import add_document
from annotator.storage.labels import get_labels, save_label
from annotator.storage.spans import add_spans

from tests.integration.test_hostile_interrupts import _signal_once_saving, _start

WAIT_S = 120  # only a hang gets near it


def _source(path: Path, n: int, docs: int = 12) -> Path:
    """An annotator's project: ``docs`` documents of its own, two spans on each."""
    with open_project(path) as project:
        rows = []
        for d in range(docs):
            text = f"第{n}-{d}号讲话\n一、任务\n" + f"各级党委要切实加强领导，全年增长{n}.{d}%。" * 40 + "\n"
            doc, _ = add_document(project, clean_text=text, raw_text=text, title=f"{n}-{d}")
            rows += [Span(document_id=doc, start=0, end=4, label="directive", annotator=f"标注员{n}"),
                     Span(document_id=doc, start=10, end=16, label="statistic", annotator=f"标注员{n}")]
        add_spans(project, rows)
    return path


def _healthy(path: Path) -> tuple[int, int]:
    with open_project(path, readonly=True) as opened:
        assert integrity.check(opened) == []
        return len(documents.document_ids(opened)), opened.scalar("SELECT count(*) FROM spans")


@pytest.mark.skipif(os.name != "posix", reason="SIGINT/SIGTERM to a child are POSIX here")
@pytest.mark.parametrize("signals", [[signal.SIGINT], [signal.SIGTERM], [signal.SIGTERM, signal.SIGTERM]],
                         ids=["sigint", "sigterm", "sigterm-twice"])
def test_an_interrupted_merge_is_whole_and_resumable(tmp_path, signals):
    total = 40
    sources = [str(_source(tmp_path / f"s{n:02d}.db", n)) for n in range(total)]
    target = tmp_path / "team.db"
    child = _start("merge", str(target), *sources)
    out, err = _signal_once_saving(child, target, signals)  # once the first source is merged
    assert child.returncode == 128 + signals[0], err
    assert f"interrupted by {signal.Signals(signals[0]).name}" in err and "run the same command again" in err
    assert "Traceback" not in err
    docs, spans = _healthy(target)
    merged = len(re.findall(r"^\S+: 12 documents added", out, re.M))
    assert 0 < merged < total and docs == 12 * merged and spans == 24 * merged  # whole sources only
    stopped = len(re.findall(r"not merged — stopped before it", out)) + out.count("stopped while merging it")
    assert merged + stopped == total, out
    again = _start("merge", str(target), *sources)
    out, err = again.communicate(timeout=WAIT_S)
    assert again.returncode == 0, err
    assert len(re.findall(r"12 documents added, 0 already present; 24 spans added, 0 already present", out)) == total - merged
    assert len(re.findall(r"0 documents added, 12 already present; 0 spans added, 24 already present", out)) == merged
    assert _healthy(target) == (12 * total, 24 * total)


def _label_flood(path: Path, count: int) -> Path:
    _source(path, 99, docs=1)
    with open_project(path) as project:
        for i in range(count):
            save_label(project, Label(name=f"洪水{i:04d}", colour="#999999"))
    return path


def test_a_source_with_too_many_new_labels_is_refused_whole_and_the_others_merged(tmp_path):
    flood = _label_flood(tmp_path / "flood.db", MAX_NEW_LABELS + 50)
    fine = _source(tmp_path / "fine.db", 1, docs=2)
    with open_project(tmp_path / "team.db") as target:
        before = {label.name for label in get_labels(target)}
        report = merge(target, [flood, fine])
        assert not report.ok
        refused, merged = report.sources
        assert f"past the {MAX_NEW_LABELS} one source may add" in refused.error
        assert "--max-new-labels" in refused.error
        assert merged.error is None and merged.documents_added == 2
        assert {label.name for label in get_labels(target)} == before  # nothing of the flood
        assert len(documents.document_ids(target)) == 2
    result = CliRunner().invoke(cli, ["merge", str(tmp_path / "team.db"), str(flood)])
    assert result.exit_code == 1 and "not merged" in result.output and "past the 200" in result.output
    result = CliRunner().invoke(cli, ["merge", str(tmp_path / "team.db"), str(flood), "--max-new-labels", "300"])
    assert result.exit_code == 0, result.output
    assert f"labels added: 洪水0000" in result.output
    with open_project(tmp_path / "team.db", readonly=True) as target:
        assert len({label.name for label in get_labels(target)} - before) == MAX_NEW_LABELS + 50
