"""The wheel and the sdist carry resources/, and an installed wheel finds them outside the checkout.

Builds the sdist and, from it, the wheel with `python -m build` (isolated: fetches setuptools), installs the wheel with its real
dependencies into a fresh venv (downloads PySide6-Essentials unless pip's cache has it) and runs the
self-check and `annotator --version` from a folder outside the repository. About 1–3 minutes, mostly
network; marked slow.
"""

from __future__ import annotations

import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from packaging_helpers import REPO, clean_env, explain, run

pytestmark = pytest.mark.slow

RESOURCE_FILES = ("labels.json", "cleaning_rules.toml", "native_jsonl.schema.json", "samples/")


@pytest.fixture(scope="module")
def dists(tmp_path_factory) -> Path:
    pytest.importorskip("build", reason="pip install build (the [package] extra)")
    out = tmp_path_factory.mktemp("dists")
    # No --sdist/--wheel flags: build makes the sdist, then the wheel *from the unpacked sdist*, so a
    # file missing from the sdist also goes missing from the wheel and fails below.
    done, took = run([sys.executable, "-m", "build", "--outdir", out], cwd=REPO, env=clean_env(out))
    assert done.returncode == 0, explain(done)
    print(f"python -m build (sdist, then wheel from it): {took:.0f} s")
    return out


def _one(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    assert len(found) == 1, f"expected one {pattern} in {folder}: {found}"
    return found[0]


def test_sdist_contains_resources(dists: Path) -> None:
    with tarfile.open(_one(dists, "*.tar.gz")) as sdist:
        names = sdist.getnames()
    top = names[0].split("/")[0]
    for item in RESOURCE_FILES:
        assert any(n.startswith(f"{top}/resources/{item}") for n in names), f"sdist lacks resources/{item}"
    assert any(n.startswith(f"{top}/resources/samples/") and n.endswith(".txt") for n in names)


def test_wheel_contains_resources_as_package_data(dists: Path) -> None:
    with zipfile.ZipFile(_one(dists, "*.whl")) as wheel:
        names = wheel.namelist()
    for item in RESOURCE_FILES:
        assert any(n.startswith(f"annotator/_resources/{item}") for n in names), f"wheel lacks {item}"
    assert "annotator/selfcheck.py" in names
    assert not any(n.startswith(("resources/", "tests/", "packaging/")) for n in names)


def test_installed_wheel_runs_outside_the_checkout(dists: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    done, _ = run([sys.executable, "-m", "venv", venv], cwd=tmp_path, env=clean_env(tmp_path))
    assert done.returncode == 0, explain(done)
    bindir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    python = bindir / ("python.exe" if sys.platform == "win32" else "python")
    env = clean_env(tmp_path / "home")
    done, took = run([python, "-m", "pip", "install", "--disable-pip-version-check", "-q",
                      _one(dists, "*.whl")], cwd=tmp_path, env=env, timeout=900)
    assert done.returncode == 0, explain(done)
    print(f"pip install of the wheel with its dependencies: {took:.0f} s")

    outside = tmp_path / "elsewhere"
    outside.mkdir()
    done, took = run([python, "-m", "annotator.selfcheck"], cwd=outside, env=env)
    assert done.returncode == 0, explain(done)
    assert "selfcheck ok" in done.stdout
    # The resources came from the installed package data, not from the checkout.
    resources_line = next(line for line in done.stdout.splitlines() if line.startswith("resources"))
    assert str(venv) in resources_line or "site-packages" in resources_line, resources_line
    assert str(REPO / "resources") not in resources_line
    print(f"selfcheck from the installed wheel: {took:.2f} s")

    annotator = bindir / ("annotator.exe" if sys.platform == "win32" else "annotator")
    done, took = run([annotator, "--version"], cwd=outside, env=env)
    assert done.returncode == 0, explain(done)
    from annotator import __version__

    assert __version__ in done.stdout
    print(f"annotator --version from the installed wheel: {took:.2f} s")
