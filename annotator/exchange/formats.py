"""The one registry of exchange formats: name, suffixes, file-dialog filter, exporter, importer, options.

The CLI (choices of --format), the workspace's File menu (dialog filters) and services/exchange.py
(which function runs) all read this table, so a format is added in one place. It imports nothing heavy:
exporters and importers are named as "module:function" and loaded when used, so ``annotator --help``
and the GUI's menus do not load the storage layer or openpyxl.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Callable


@dataclass(frozen=True)
class Format:
    name: str  # the --format value
    title: str  # shown in file dialogs
    suffixes: tuple[str, ...]  # the first one is the default for a new file
    exporter: str  # "module:function"
    importer: str | None = None  # None: export only
    export_options: tuple[str, ...] = ()  # keyword options the exporter takes beyond the selection
    import_options: tuple[str, ...] = ()

    @property
    def dialog_filter(self) -> str:
        """A Qt file-dialog filter, e.g. "Label Studio JSON (*.json)"."""
        return f"{self.title} ({' '.join('*' + s for s in self.suffixes)})"

    def export_function(self) -> Callable:
        return _load(self.exporter)

    def import_function(self) -> Callable:
        if self.importer is None:
            raise ValueError(f"{self.name} files cannot be imported (export only)")
        return _load(self.importer)


def _load(target: str) -> Callable:
    module, _, function = target.partition(":")
    return getattr(import_module(module), function)


_LAYER = ("annotator", "as_suggestions")
FORMATS: tuple[Format, ...] = (
    Format("native", "Native JSONL", (".jsonl",), "annotator.exchange.native:export_native",
           "annotator.exchange.native:import_native", import_options=_LAYER),
    Format("doccano", "doccano JSONL", (".jsonl",), "annotator.exchange.doccano:export_doccano",
           "annotator.exchange.doccano:import_doccano", export_options=("form", "offsets"),
           import_options=(*_LAYER, "offsets")),
    Format("prodigy", "Prodigy JSONL", (".jsonl",), "annotator.exchange.prodigy:export_prodigy",
           "annotator.exchange.prodigy:import_prodigy", import_options=_LAYER),
    Format("labelstudio", "Label Studio JSON", (".json",), "annotator.exchange.labelstudio:export_labelstudio",
           "annotator.exchange.labelstudio:import_labelstudio", export_options=("users",),
           import_options=(*_LAYER, "users")),
    Format("conll", "CoNLL / BIO", (".conll", ".txt"), "annotator.exchange.conll:export_conll"),
    Format("csv", "Statistics table CSV", (".csv",), "annotator.exchange.table:export_csv"),
    Format("xlsx", "Statistics table Excel", (".xlsx",), "annotator.exchange.table:export_xlsx"),
)
_BY_NAME = {f.name: f for f in FORMATS}


def get(name: str) -> Format:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; one of {', '.join(_BY_NAME)}") from None


def export_names() -> tuple[str, ...]:
    return tuple(f.name for f in FORMATS)


def import_names() -> tuple[str, ...]:
    return tuple(f.name for f in FORMATS if f.importer is not None)


def dialog_filters(direction: str) -> list[tuple[str, str]]:
    """(format name, dialog filter) for "export" or "import", in registry order."""
    if direction not in ("export", "import"):
        raise ValueError(f"direction must be export or import, not {direction!r}")
    return [(f.name, f.dialog_filter) for f in FORMATS if direction == "export" or f.importer is not None]


def format_for_filter(direction: str, chosen: str, default: str = "native") -> str:
    """The format name of a dialog filter the user picked (the default when none was)."""
    return next((name for name, text in dialog_filters(direction) if text == chosen), default)
