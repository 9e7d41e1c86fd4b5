"""Helpers shared by the packaging tests: running built artefacts outside the checkout, and timing.

No __init__.py in this folder on purpose: pytest puts tests/ on sys.path, and a regular package named
``packaging`` there would shadow the PyPI ``packaging`` library (used by build, pip and PyInstaller).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def clean_env(home: Path) -> dict[str, str]:
    """Environment for running an installed/frozen copy: nothing that points back at the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(QT_QPA_PLATFORM="offscreen", ANNOTATOR_HOME=str(home), PYTHONIOENCODING="utf-8")
    return env


def run(cmd: list[str], *, cwd: Path, env: dict[str, str], timeout: float = 600) -> tuple[subprocess.CompletedProcess, float]:
    t0 = time.perf_counter()
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=timeout)
    return done, time.perf_counter() - t0


def explain(done: subprocess.CompletedProcess) -> str:
    return f"exit {done.returncode}\n--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}"


def folder_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def evict_from_page_cache(folder: Path) -> bool:
    """Ask the kernel to drop ``folder``'s files from the page cache, for a cold-start measurement.

    posix_fadvise(DONTNEED) per file needs no privileges and touches nothing else on the machine
    (unlike writing to /proc/sys/vm/drop_caches). Returns False where it is unavailable.
    """
    if not hasattr(os, "posix_fadvise") or not sys.platform.startswith("linux"):
        return False
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)  # dirty pages (a fresh build) cannot be dropped
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            except OSError:
                pass
            finally:
                os.close(fd)
    return True
