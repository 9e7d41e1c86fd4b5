"""The core must stay Qt-free: only annotator/gui may import PySide6 (guide §2)."""

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "annotator"


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_no_qt_outside_gui():
    offenders = []
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG)
        if rel.parts[0] in ("gui",) or rel.name in ("app.py",):
            continue
        for name in _imports(path):
            if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
                offenders.append(f"{rel}: {name}")
    assert not offenders, "Qt imported outside annotator/gui: " + ", ".join(offenders)


def test_every_subpackage_is_listed_for_the_wheel():
    import tomllib

    listed = set(tomllib.loads((PKG.parent / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(("annotator",) + p.parent.relative_to(PKG).parts).rstrip(".")
        for p in PKG.rglob("__init__.py")
    }
    found = {f if f != "annotator." else "annotator" for f in found}
    missing = found - listed
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"
