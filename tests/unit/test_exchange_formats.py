"""One registry of formats, read by the CLI, the GUI's dialogs, dispatch and the docs."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from annotator.exchange import formats
from annotator.cli.exchange import export_command, import_labels_command

FORMAT_MD = Path(formats.__file__).with_name("FORMAT.md")


def _choices(command, name="fmt"):
    return tuple(next(p for p in command.params if p.name == name).type.choices)


def test_cli_choices_come_from_the_registry():
    assert _choices(export_command) == formats.export_names()
    assert _choices(import_labels_command) == formats.import_names()
    assert set(formats.import_names()) < set(formats.export_names())


def test_every_function_loads_and_takes_the_options_it_declares():
    for spec in formats.FORMATS:
        exporter = inspect.signature(spec.export_function()).parameters
        assert "per_annotator" in exporter and all(o in exporter for o in spec.export_options), spec.name
        if spec.importer:
            importer = inspect.signature(spec.import_function()).parameters
            assert all(o in importer for o in spec.import_options), spec.name


def test_dialog_filters_by_name_not_by_position():
    exports, imports = formats.dialog_filters("export"), formats.dialog_filters("import")
    assert [n for n, _ in imports] == list(formats.import_names())
    assert ("labelstudio", "Label Studio JSON (*.json)") in imports
    assert ("conll", "CoNLL / BIO (*.conll *.txt)") in exports and all(n != "conll" for n, _ in imports)
    for name, text in exports:
        assert formats.format_for_filter("export", text) == name
    assert formats.format_for_filter("import", "") == "native"


def test_the_docs_cover_every_format():
    text = FORMAT_MD.read_text("utf-8")
    headings = re.findall(r"^## (.+)$", text, re.M)
    for spec in formats.FORMATS:
        assert any(spec.title.split(" ")[0] in h for h in headings), spec.name
    usage = re.search(r"annotator export PROJECT --format (\S+)", text).group(1)
    assert tuple(usage.split("|")) == formats.export_names()
    usage = re.search(r"annotator import-labels PROJECT FILE --format (\S+)", text).group(1)
    assert tuple(usage.split("|")) == formats.import_names()
    assert "What survives a round trip" in text
