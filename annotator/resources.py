"""Find the files in resources/ the same way from a checkout, an installed wheel and a frozen app.

- source checkout: <repo>/resources (annotator/ sits beside it)
- wheel / sdist install: the folder is installed as the package data folder annotator/_resources
- PyInstaller one-folder build: the spec copies it to <bundle>/annotator/_resources
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    here = Path(__file__).resolve().parent
    candidates = [here / "_resources", here.parent / "resources"]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / "annotator" / "_resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "resources folder not found; looked in: " + ", ".join(str(c) for c in candidates)
    )


def resource_path(*parts: str) -> Path:
    """Path of a file under resources/, e.g. resource_path("labels.json")."""
    return resources_dir().joinpath(*parts)
