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


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    return SEEDS


@pytest.fixture
def data_dir() -> Path:
    return DATA
