"""Ctrl+C (SIGINT) and SIGTERM in the middle of `annotator import` and `annotator import-labels`.

The first signal stops the verb between two files (two label lines): what was saved is reported, the
exit status is 128 + the signal (130, 143), and the message says to run the command again. A second
signal stops it at once: the batch (label line) being saved is rolled back. Either way the project
passes its integrity check, holds no half-written document, and the same command run again brings in
exactly the rest (what is already there is skipped).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.storage import documents, integrity, open_project

from tests.data.bad_label_files import task, write_tasks

REPO = Path(__file__).resolve().parents[2]
WAIT_S = 120  # only a hang gets near it

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGINT/SIGTERM to a child are POSIX here")


def _speech(n: int) -> str:
    parts = [f"第{n}号讲话\n"]
    for i, marker in enumerate("一二三四"):
        parts.append(f"{marker}、任务{i + 1}\n")
        parts.append(f"各级党委要切实加强领导，全年增长{n}.{i}%。" * (30 + 20 * (n % 4)) + "\n")
    return "".join(parts)


def _start(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    # A child started from a script may inherit SIGINT ignored; a terminal's Ctrl+C finds it at its default.
    return subprocess.Popen([sys.executable, "-m", "annotator", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _documents(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        with open_project(path, readonly=True) as project:
            return len(documents.document_ids(project))
    except Exception:  # noqa: BLE001 - not created yet, or between its first transactions
        return 0


def _signal_once_saving(child: subprocess.Popen, project: Path, signals: list[int]) -> tuple[str, str]:
    """Wait until the child has saved something, send ``signals``, return its output."""
    deadline = time.monotonic() + WAIT_S
    while _documents(project) == 0 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert child.poll() is None, "the child finished before it could be interrupted: " + child.communicate()[1]
    for number in signals:
        child.send_signal(number)
        time.sleep(0.001)
    return child.communicate(timeout=WAIT_S)


def _healthy(project: Path) -> int:
    with open_project(project, readonly=True) as opened:
        assert integrity.check(opened) == []
        return len(documents.document_ids(opened))


@pytest.mark.parametrize("signals", [[signal.SIGINT], [signal.SIGTERM], [signal.SIGTERM, signal.SIGTERM]],
                         ids=["sigint", "sigterm", "sigterm-twice"])
def test_an_interrupted_folder_import_is_whole_and_resumable(tmp_path, signals):
    folder = tmp_path / "speeches"
    folder.mkdir()
    total = 400
    for n in range(total):
        (folder / f"{n:03d}.txt").write_text(_speech(n), encoding="utf-8")
    project = tmp_path / "p.db"
    child = _start("import", str(project), str(folder), "--index", "none")
    out, err = _signal_once_saving(child, project, signals)
    assert child.returncode == 128 + signals[0], err
    name = signal.Signals(signals[0]).name
    assert f"interrupted by {name}" in err and "run the same command again" in err
    assert "Traceback" not in err
    saved = _healthy(project)
    assert 0 < saved < total
    if len(signals) == 1:  # stopped between files: the summary counts exactly what was saved
        assert f"imported {saved}," in out
    again = _start("import", str(project), str(folder), "--index", "none")
    out, err = again.communicate(timeout=WAIT_S)
    assert again.returncode == 0, err
    assert f"imported {total - saved}, updated 0, skipped as duplicate {saved}, failed 0" in out
    assert _healthy(project) == total


@pytest.mark.parametrize("signals", [[signal.SIGINT], [signal.SIGTERM], [signal.SIGINT, signal.SIGINT]],
                         ids=["sigint", "sigterm", "sigint-twice"])
def test_an_interrupted_label_import_is_whole_and_resumable(tmp_path, signals):
    labels = tmp_path / "tasks.json"
    total = 600
    write_tasks(labels, (task(n, chars=1500, regions=8) for n in range(1, total + 1)))
    project = tmp_path / "p.db"
    args = ("import-labels", str(project), str(labels), "--format", "labelstudio", "--annotator", "甲")
    child = _start(*args)
    out, err = _signal_once_saving(child, project, signals)
    assert child.returncode == 128 + signals[0], err
    assert f"{labels}: interrupted by {signal.Signals(signals[0]).name}" in err and "Traceback" not in err
    assert "stopped: the tasks before are imported" in out and "import the file again" in out
    saved = _healthy(project)
    assert 0 < saved < total
    if len(signals) == 1:
        assert f"{saved} lines imported" in out and f"task {saved + 1} and the rest were not read" in out
    again = _start(*args)
    out, err = again.communicate(timeout=WAIT_S)
    assert again.returncode == 0, err
    assert f"{total - saved} lines imported, {saved} skipped, 0 failed" in out
    assert f"spans added: {(total - saved) * 8}, already present: {saved * 8}" in out
    assert _healthy(project) == total


SLOW_EXPORT = """
import sys, time
from annotator.exchange import selection
real = selection.iter_bundles
def slow(*args, **kwargs):  # a big project's export, in a small one: time to be interrupted midway
    for bundle in real(*args, **kwargs):
        time.sleep(0.02)
        yield bundle
selection.iter_bundles = slow
from annotator.exchange import labelstudio
labelstudio.iter_bundles = slow
from annotator.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["sigint", "sigterm"])
@pytest.mark.parametrize("per_annotator", [False, True], ids=["one-file", "per-annotator"])
def test_an_interrupted_export_leaves_no_temporary_and_the_old_file(tmp_path, signum, per_annotator):
    labels = tmp_path / "tasks.json"
    write_tasks(labels, (task(n, chars=300, regions=2) for n in range(1, 201)))
    project = tmp_path / "p.db"
    with open_project(project) as opened:
        from annotator.services.exchange import import_labels  # noqa: PLC0415

        import_labels(opened, labels, "labelstudio", annotator="甲")
        import_labels(opened, labels, "labelstudio", annotator="乙")
    out = tmp_path / "out"
    out.mkdir()
    (out / "tasks.json").write_text("previous export\n", encoding="utf-8")
    args = ["export", str(project), "--format", "labelstudio", "-o", str(out / "tasks.json")]
    child = subprocess.Popen([sys.executable, "-c", SLOW_EXPORT, *args, *(["--per-annotator"] if per_annotator else [])],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(REPO)},
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + WAIT_S
    while not any(p.name.endswith(".part") for p in out.iterdir()) and time.monotonic() < deadline:
        assert child.poll() is None, child.communicate()[1]
        time.sleep(0.01)
    child.send_signal(signum)
    _, err = child.communicate(timeout=WAIT_S)
    assert child.returncode == 128 + signum, err
    assert f"interrupted by {signal.Signals(signum).name}: the export was not written" in err and "Traceback" not in err
    assert [p.name for p in out.iterdir()] == ["tasks.json"]
    assert (out / "tasks.json").read_text(encoding="utf-8") == "previous export\n"
