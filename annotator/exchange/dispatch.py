"""One entry point per direction, shared by the CLI verbs and the workspace's File menu."""

from __future__ import annotations

from pathlib import Path

from annotator.exchange.selection import Selection
from annotator.storage.project import Project

EXPORT_FORMATS = ("native", "doccano", "prodigy", "labelstudio", "conll", "csv", "xlsx")
IMPORT_FORMATS = ("native", "doccano", "prodigy", "labelstudio")


def run_export(project: Project, output: str | Path, fmt: str, selection: Selection, *,
               per_annotator: bool = False, doccano_form: str = "label", offsets: str = "codepoint",
               users: dict | None = None):
    """Write the selected layers of ``project`` to ``output`` in ``fmt``; returns the format's report."""
    output = Path(output)
    if fmt == "native":
        from annotator.exchange.native import export_native

        return export_native(project, output, selection, per_annotator=per_annotator)
    if fmt == "doccano":
        from annotator.exchange.doccano import export_doccano

        return export_doccano(project, output, selection, form=doccano_form, offsets=offsets,
                              per_annotator=per_annotator)
    if fmt == "prodigy":
        from annotator.exchange.prodigy import export_prodigy

        return export_prodigy(project, output, selection, per_annotator=per_annotator)
    if fmt == "labelstudio":
        from annotator.exchange.labelstudio import export_labelstudio

        return export_labelstudio(project, output, selection, per_annotator=per_annotator, users=users)
    if fmt == "conll":
        from annotator.exchange.conll import export_conll

        return export_conll(project, output, selection, per_annotator=per_annotator)
    if fmt in ("csv", "xlsx"):
        from annotator.exchange.table import export_table

        return export_table(project, output, selection, fmt=fmt, per_annotator=per_annotator)
    raise ValueError(f"unknown export format {fmt!r}")


def run_import(project: Project, file: str | Path, fmt: str, *, annotator: str | None = None,
               as_suggestions: bool = False, offsets: str = "codepoint", users: dict | None = None):
    """Import spans (and documents not yet in the project) from ``file``; returns an ImportReport."""
    if fmt == "native":
        from annotator.exchange.native import import_native

        return import_native(project, file, annotator=annotator, as_suggestions=as_suggestions)
    if fmt == "doccano":
        from annotator.exchange.doccano import import_doccano

        return import_doccano(project, file, annotator=annotator, as_suggestions=as_suggestions, offsets=offsets)
    if fmt == "prodigy":
        from annotator.exchange.prodigy import import_prodigy

        return import_prodigy(project, file, annotator=annotator, as_suggestions=as_suggestions)
    if fmt == "labelstudio":
        from annotator.exchange.labelstudio import import_labelstudio

        return import_labelstudio(project, file, annotator=annotator, as_suggestions=as_suggestions, users=users)
    raise ValueError(f"unknown import format {fmt!r}")
