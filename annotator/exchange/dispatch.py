"""One entry point per direction, shared by the CLI verbs and the workspace's File menu.

Which function runs comes from the format registry (formats.py); this module only maps the verbs'
option names onto the options each format declares, and refuses options a format does not take.
"""

from __future__ import annotations

from pathlib import Path

from annotator.exchange import formats
from annotator.exchange.selection import Selection
from annotator.storage.project import Project

EXPORT_FORMATS = formats.export_names()
IMPORT_FORMATS = formats.import_names()


def run_export(project: Project, output: str | Path, fmt: str, selection: Selection, *,
               per_annotator: bool = False, doccano_form: str = "label", offsets: str = "codepoint",
               users: dict | None = None):
    """Write the selected layers of ``project`` to ``output`` in ``fmt``; returns the format's report."""
    spec = formats.get(fmt)
    given = {"form": doccano_form, "offsets": offsets, "users": users}
    options = {k: v for k, v in given.items() if k in spec.export_options}
    return spec.export_function()(project, Path(output), selection, per_annotator=per_annotator, **options)


def run_import(project: Project, file: str | Path, fmt: str, *, annotator: str | None = None,
               as_suggestions: bool = False, offsets: str = "codepoint", users: dict | None = None):
    """Import spans (and documents not yet in the project) from ``file``; returns an ImportReport."""
    spec = formats.get(fmt)
    given = {"annotator": annotator, "as_suggestions": as_suggestions, "offsets": offsets, "users": users}
    options = {k: v for k, v in given.items() if k in spec.import_options}
    if fmt != "doccano" and offsets != "codepoint":
        raise ValueError(f"--offsets applies to doccano files only ({fmt} defines its own unit)")
    return spec.import_function()(project, file, **options)
