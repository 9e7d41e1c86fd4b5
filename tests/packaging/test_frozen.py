"""The PyInstaller one-folder build starts, finds its resources and passes the self-check headless.

Builds packaging/annotator.spec into a temporary folder (~30–60 s on 2 cores), then runs
`annotator --version` and `annotator selfcheck` with QT_QPA_PLATFORM=offscreen from outside the
repository, and checks that what the spec excludes stayed out. Prints the folder size and cold-start
times (page cache dropped for the folder first, on Linux). Marked slow. By hand:

    .venv/bin/python packaging/build.py --frozen-only
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from packaging_helpers import REPO, clean_env, evict_from_page_cache, explain, folder_size, run

pytestmark = pytest.mark.slow

# Regression guards: generous, but a broken exclude list (Qt WebEngine, numpy, jieba's paddle model…)
# blows far past them.
MAX_FOLDER_MB = 250
MAX_COLD_VERSION_S = 15


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    pytest.importorskip("PyInstaller", reason="pip install pyinstaller (the [package] extra)")
    work = tmp_path_factory.mktemp("frozen")
    done, took = run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                      "--distpath", work / "dist", "--workpath", work / "build",
                      REPO / "packaging" / "annotator.spec"], cwd=REPO, env=clean_env(work), timeout=1800)
    assert done.returncode == 0, explain(done)
    print(f"PyInstaller build: {took:.0f} s")
    return work / "dist" / "annotator"


def _exe(app: Path) -> Path:
    # On Windows annotator.exe is windowed (prints nothing); annotator-cli.exe is its console twin.
    return app / ("annotator-cli.exe" if sys.platform == "win32" else "annotator")


def _data_root(app: Path) -> Path:
    return app / "_internal" if (app / "_internal").is_dir() else app


def test_version(app: Path, tmp_path: Path) -> None:
    cold = evict_from_page_cache(app)
    done, took = run([_exe(app), "--version"], cwd=tmp_path, env=clean_env(tmp_path))
    assert done.returncode == 0, explain(done)
    from annotator import __version__

    assert __version__ in done.stdout
    print(f"frozen --version: {took:.2f} s ({'cold' if cold else 'warm'} page cache)")
    assert took < MAX_COLD_VERSION_S
    done, took = run([_exe(app), "--version"], cwd=tmp_path, env=clean_env(tmp_path))
    print(f"frozen --version: {took:.2f} s (warm)")


def test_selfcheck(app: Path, tmp_path: Path) -> None:
    cold = evict_from_page_cache(app)
    env = clean_env(tmp_path)
    env["ANNOTATOR_CACHE"] = str(tmp_path / "cache")  # no jieba cache yet: the first-run path
    done, took = run([_exe(app), "selfcheck"], cwd=tmp_path, env=env)
    assert done.returncode == 0, explain(done)
    assert "selfcheck ok" in done.stdout, explain(done)
    resources_line = next(line for line in done.stdout.splitlines() if line.startswith("resources"))
    assert str(app) in resources_line, resources_line  # found inside the bundle, not in the checkout
    print(done.stdout)
    print(f"frozen selfcheck: {took:.2f} s ({'cold' if cold else 'warm'} page cache, no jieba cache)")


def test_bundle_contents(app: Path) -> None:
    root = _data_root(app)
    size_mb = folder_size(app) / 2**20
    print(f"frozen folder: {size_mb:.1f} MB")
    assert size_mb < MAX_FOLDER_MB
    assert (root / "annotator" / "_resources" / "labels.json").is_file()
    assert (root / "jieba" / "dict.txt").is_file()
    assert (root / "docx" / "templates" / "default.docx").is_file()
    names = {p.relative_to(root).as_posix() for p in root.rglob("*")}
    assert not any(n.startswith("jieba/lac_small") or n.endswith(".p") for n in names if n.startswith("jieba/"))
    unwanted = ("QtNetwork", "QtQml", "QtQuick", "QtWebEngine", "QtPdf", "QtSql", "Qt3D", "QtMultimedia",
                "tkinter", "_tkinter", "numpy", "PIL/")
    offenders = sorted(n for n in names if any(u in n for u in unwanted))
    assert not offenders, offenders
    translations = [n for n in names if "/translations/" in n and n.endswith(".qm")]
    assert all("zh_CN" in n for n in translations), translations


def test_gui_starts_headless(app: Path, tmp_path: Path) -> None:
    """The desktop app stays up (offscreen): Qt plugins load and every GUI module imports in the bundle.

    Without a saved annotator name the welcome dialog opens and waits, so a process still running after
    a few seconds has passed the imports, the QApplication and the first window.
    """
    import subprocess
    import time

    exe = app / ("annotator.exe" if sys.platform == "win32" else "annotator")
    env = clean_env(tmp_path / "home")
    log = tmp_path / "gui.log"
    with open(log, "w", encoding="utf-8") as out:
        proc = subprocess.Popen([str(exe), str(tmp_path / "gui.annotator")], cwd=tmp_path, env=env,
                                stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 8
            while time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.2)
            code = proc.poll()
        finally:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
    text = log.read_text(encoding="utf-8", errors="replace")
    assert code is None, f"the app exited with {code} within 8 s:\n{text}"
    assert "Traceback" not in text and "could not load the Qt platform plugin" not in text.lower(), text
