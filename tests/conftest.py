"""Shared test setup: headless Qt, an isolated settings/data folder, the seed corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Must be set before anything imports Qt; pytest-qt creates the QApplication lazily.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    # Nothing a test does may touch the real user's settings or default project.
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ANNOTATOR_HOME", str(home))
    yield


def missing_shared_data(what: str) -> None:
    """Shared data a test needs is absent: skip on a developer's machine, fail under CI.

    CI runs on a clean clone beside ../shared; if the folder vanished there, a skip would turn every
    seed test green without running it, so CI fails instead.
    """
    message = f"{what} not present (expected beside the repository, in ../shared)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message + " — CI must run with the shared data", pytrace=False)
    pytest.skip(message)


@pytest.fixture
def require_shared():
    """The skip-or-fail rule above, for tests that read other files of ../shared."""
    return missing_shared_data


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        missing_shared_data("../shared/seeds")
    return SEEDS


@pytest.fixture
def data_dir() -> Path:
    return DATA
