"""Exchange with other tools: the one entry point the CLI verbs and the GUI's File menu call.

Export a project's layers to a file, import labels from one, merge annotators' projects. Which
function runs comes from the format registry (exchange/formats.py); this module maps the front ends'
option names onto the options each format declares and refuses options a format does not take, so
the CLI and the GUI cannot drift apart in what a format accepts.

Importing this module loads only the registry (no storage, no openpyxl): the CLI builds its
``--format`` choices from it at start-up and the GUI its file-dialog filters.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from annotator.exchange import formats

if TYPE_CHECKING:  # for readers and type checkers only: importing them loads the storage layer
    from annotator.exchange.exporting import ExportReport
    from annotator.exchange.importing import ImportReport
    from annotator.exchange.merge import MergeReport
    from annotator.exchange.selection import Selection
    from annotator.storage.project import Project

EXPORT_FORMATS: tuple[str, ...] = formats.export_names()
IMPORT_FORMATS: tuple[str, ...] = formats.import_names()
OFFSET_UNITS = ("codepoint", "utf16")
DOCCANO_FORMS = ("label", "entities")


def dialog_filters(direction: str) -> list[tuple[str, str]]:
    """(format name, file-dialog filter) for "export" or "import", in the registry's order."""
    return formats.dialog_filters(direction)


def format_for_filter(direction: str, chosen: str, default: str = "native") -> str:
    """The format name of the dialog filter the person picked (``default`` when none was)."""
    return formats.format_for_filter(direction, chosen, default)


def import_formats_for(path: str | Path) -> tuple[str, ...]:
    """The importable formats whose suffixes ``path`` has (.json: Label Studio; .jsonl: three of them)."""
    suffix = Path(path).suffix.lower()
    return tuple(f.name for f in formats.FORMATS if f.importer is not None and suffix in f.suffixes)


def make_selection(annotators: Iterable[str] | str | None = None, *, gold: bool = False,
              include_suggestions: bool = False, include_rejected: bool = False) -> Selection:
    """Which layers an export takes. ``annotators``: names, or one text "A,B" as a person types them;
    None or empty: every human annotator and gold (see exchange/selection.py)."""
    from annotator.exchange.selection import Selection  # noqa: PLC0415 - loads the storage layer

    if isinstance(annotators, str):
        annotators = annotators.split(",")
    names = tuple(n.strip() for n in annotators or () if n.strip())
    return Selection(annotators=names or None, gold=gold, include_suggestions=include_suggestions,
                     include_rejected=include_rejected)


def parse_users(spec: str | None) -> dict[str, int | str]:
    """Label Studio's user per annotator, ``张三=3,李四=li@example.org``; ValueError names the bad part."""
    from annotator.exchange.labelstudio import parse_users as parse  # noqa: PLC0415

    return parse(spec)


def export_labels(project: Project, output: str | Path, fmt: str, selection: Selection | None = None, *,
                  per_annotator: bool = False, doccano_form: str = "label", offsets: str = "codepoint",
                  users: dict | None = None) -> ExportReport:
    """Write the selected layers of ``project`` to ``output`` in ``fmt`` (atomic: all or nothing);
    returns the format's report. ``selection`` None: every human annotator and gold."""
    spec = formats.get(fmt)
    chosen = selection if selection is not None else make_selection()
    given = {"form": doccano_form, "offsets": offsets, "users": users}
    options = {k: v for k, v in given.items() if k in spec.export_options}
    return spec.export_function()(project, Path(output), chosen, per_annotator=per_annotator, **options)


def import_labels(project: Project, file: str | Path, fmt: str, *, annotator: str | None = None,
                  as_suggestions: bool = False, offsets: str = "codepoint",
                  users: dict | None = None, should_cancel: Callable[[], bool] | None = None) -> ImportReport:
    """Import spans (and documents not yet in the project) from ``file``; returns an ImportReport whose
    ``failed`` lines each name the line and the problem. Not an undo step: the GUI asks first.
    ``should_cancel`` is asked before each line: True stops there (``report.interrupted_at``)."""
    spec = formats.get(fmt)
    if annotator and as_suggestions:
        raise ValueError("a named annotator and “as suggestions” exclude each other")
    given = {"annotator": annotator, "as_suggestions": as_suggestions, "offsets": offsets, "users": users}
    options = {k: v for k, v in given.items() if k in spec.import_options}
    if "offsets" not in spec.import_options and offsets != "codepoint":  # the registry says who takes it
        takers = ", ".join(f.name for f in formats.FORMATS if "offsets" in f.import_options)
        raise ValueError(f"--offsets applies to {takers} files only ({fmt} defines its own unit)")
    function = spec.import_function()
    if should_cancel is None:
        return function(project, file, **options)
    from annotator.exchange.importing import CANCEL, RUNNING, ImportInterrupted  # noqa: PLC0415 - loaded by the importer anyway

    token, running = CANCEL.set(should_cancel), RUNNING.set(None)
    try:
        return function(project, file, **options)
    except KeyboardInterrupt as exc:
        # A second signal after the first had already stopped the loop between two lines (the importer was
        # wrapping up): the lines before are saved and the report says so, as for one inside the loop.
        report = RUNNING.get()
        if isinstance(exc, ImportInterrupted) or report is None or report.interrupted_at is None:
            raise
        raise ImportInterrupted(report, exc) from exc
    finally:
        CANCEL.reset(token)
        RUNNING.reset(running)


def merge_projects(target: Project, sources: Sequence[str | Path], *, max_new_labels: int | None = None,
                   should_cancel: Callable[[], bool] | None = None) -> MergeReport:
    """Merge annotators' projects (files or team URLs) into ``target``; each source is one transaction
    (all of it or none), and repeating a merge adds nothing twice. ``should_cancel`` stops it between
    two sources; a source may add at most ``max_new_labels`` new labels (default: as a label file)."""
    from annotator.exchange.merge import MAX_NEW_LABELS, merge  # noqa: PLC0415

    return merge(target, list(sources), should_cancel=should_cancel,
                 max_new_labels=MAX_NEW_LABELS if max_new_labels is None else max_new_labels)


__all__ = ["DOCCANO_FORMS", "EXPORT_FORMATS", "IMPORT_FORMATS", "OFFSET_UNITS", "dialog_filters", "export_labels",
           "format_for_filter", "import_formats_for", "import_labels", "make_selection", "merge_projects", "parse_users"]
