"""The statistics table: one row per statistic span, as CSV (UTF-8 with BOM) or XLSX.

Spreadsheet formula injection (CWE-1236): a cell starting with = + - @, a tab, a carriage return (or
NUL, or their full-width forms ＝＋－＠, which some East Asian spreadsheet setups also accept) may be run
as a formula when the file is opened. OWASP's guidance is to prefix such cells with a single quote.
The quote is visible in some tools, so it is spent only where it is needed:

- CSV: a cell that is a plain number as written ("-3.2%", "+1", "-12.5") cannot hide a formula and is
  left alone, so it still reads -3.2%; any other cell starting with one of those characters gets a
  leading ' (and csv quoting for commas, quotes and line breaks).
- XLSX: nothing is prefixed. Numbers are written as numbers; every text cell is written with data type
  "s" (a string), which Excel, LibreOffice and openpyxl never evaluate, so "=HYPERLINK(…)" reads as
  typed. Control characters XML cannot hold are replaced by U+FFFD.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any, Iterator

from annotator.exchange.exporting import ExportReport, export_layers
from annotator.domain.section_paths import innermost, section_paths
from annotator.exchange.safe_write import atomic_open
from annotator.exchange.selection import Selection, iter_bundles
from annotator.storage.documents import document_count
from annotator.storage.labels import get_labels
from annotator.storage.project import Project

STATISTIC = "statistic"
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0", "＝", "＋", "－", "＠")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?")
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
FIXED = ["document_id", "document_title", "section_path", "annotator", "status", "start", "end", "text"]


def neutralise(value: str) -> str:
    """The CSV cell for ``value``: formula-looking text gets a leading ', plain numbers stay as written."""
    if value.startswith(TRIGGERS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def columns(project: Project, label: str = STATISTIC) -> list[str]:
    fields = next((list(l.attributes) for l in get_labels(project) if l.name == label), [])
    return FIXED + [f.name for f in fields]


def rows(project: Project, selection: Selection, label: str = STATISTIC) -> Iterator[list[Any]]:
    """Table rows (after the header ``columns()``), attributes in the label's field order; attribute
    keys the label does not define are appended as "name=value" in a last column."""
    known = columns(project, label)[len(FIXED):]
    for bundle in iter_bundles(project, selection):
        doc = bundle.document
        chosen = [s for s in bundle.spans if s.label == label]
        paths = section_paths(bundle.sections)
        where = innermost(bundle.sections, [s.start for s in chosen])
        for span, i in zip(chosen, where):
            attributes = json.loads(span.attributes)
            extra = {k: v for k, v in attributes.items() if k not in known}
            row = [doc.id, doc.title, " > ".join(paths[i]) if i is not None else "", span.annotator, span.status,
                   span.start, span.end, doc.text[span.start:span.end]]
            row += [attributes.get(name) for name in known]
            if extra:
                row.append("; ".join(f"{k}={v}" for k, v in extra.items()))
            yield row


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _write_csv(project: Project, target: Path, selection: Selection, label: str) -> ExportReport:
    report = ExportReport(files=[target])
    # utf-8-sig writes the BOM Excel needs to read the file as UTF-8 rather than the local code page.
    with atomic_open(target, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        # Header cells are attribute names from the project file: as untrusted as any body cell.
        writer.writerow([neutralise(name) for name in columns(project, label) + ["other_attributes"]])
        for row in rows(project, selection, label):
            writer.writerow([_text(v) if _is_number(v) else neutralise(_text(v)) for v in row])
            report.spans += 1
    return report


def _text_cell(sheet, value: str):
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415

    cell = WriteOnlyCell(sheet, value=_XML_ILLEGAL.sub("\ufffd", value))
    cell.data_type = "s"  # openpyxl would otherwise store "=…" as a formula
    return cell


# Excel's limit on one cell, in UTF-16 units (what it counts): a longer cell makes Excel call the whole
# file damaged ("We found a problem with some content") and cut it itself. A span over a whole long
# section, or a flood of attributes, passes it.
EXCEL_CELL_LIMIT = 32767


def _fit_excel(value: str) -> tuple[str, bool]:
    """``value`` cut to Excel's cell limit (ending in "…") and whether it was cut."""
    if len(value) <= EXCEL_CELL_LIMIT // 2 or len(value.encode("utf-16-le")) // 2 <= EXCEL_CELL_LIMIT:
        return value, False
    cut = value[:EXCEL_CELL_LIMIT - 1]
    while (excess := len(cut.encode("utf-16-le")) // 2 - (EXCEL_CELL_LIMIT - 1)) > 0:
        cut = cut[:-excess]  # each character is one or two units: this converges in a step or two
    return cut + "…", True


def _sheet_title(label: str) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of []:*?/\\, not starting with '."""
    title = re.sub(r"[\[\]:*?/\\]", "_", _XML_ILLEGAL.sub("_", label)).strip("'")[:31]
    return title or "sheet"


def _write_xlsx(project: Project, target: Path, selection: Selection, label: str) -> ExportReport:
    from openpyxl import Workbook  # noqa: PLC0415 - only this export needs it

    report = ExportReport(files=[target])
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_sheet_title(label))
    sheet.append([_text_cell(sheet, name) for name in columns(project, label) + ["other_attributes"]])

    cut = 0
    for row in rows(project, selection, label):
        cells = []
        for value in row:
            if _is_number(value):
                cells.append(value)
                continue
            text, was_cut = _fit_excel(_text(value))
            cut += was_cut
            cells.append(_text_cell(sheet, text))
        sheet.append(cells)
        report.spans += 1
    if cut:
        report.notes.append(f"{target.name}: {cut} cells were longer than Excel's {EXCEL_CELL_LIMIT:,}-character "
                            "limit and were cut (ending in …); the CSV and JSON exports keep them whole")
    # Zipped in memory (a fraction of the rows' size), then written: openpyxl writing to the file itself
    # left half-closed zip and XML writers behind on a full disk, which printed tracebacks when collected.
    packed = io.BytesIO()
    book.save(packed)
    with atomic_open(target, "wb") as out:
        out.write(packed.getbuffer())
    return report


def export_table(project: Project, path: str | Path, selection: Selection = Selection(), *,
                 fmt: str = "csv", label: str = STATISTIC, per_annotator: bool = False) -> ExportReport:
    if fmt not in ("csv", "xlsx"):
        raise ValueError(f"table format must be csv or xlsx, not {fmt!r}")
    writer = _write_csv if fmt == "csv" else _write_xlsx

    def write(project: Project, target: Path, chosen: Selection) -> ExportReport:
        report = writer(project, target, chosen, label)
        report.documents = document_count(project)
        return report

    return export_layers(project, path, selection, write, per_annotator=per_annotator)


def export_csv(project: Project, path: str | Path, selection: Selection = Selection(), *,
               per_annotator: bool = False) -> ExportReport:
    return export_table(project, path, selection, fmt="csv", per_annotator=per_annotator)


def export_xlsx(project: Project, path: str | Path, selection: Selection = Selection(), *,
                per_annotator: bool = False) -> ExportReport:
    return export_table(project, path, selection, fmt="xlsx", per_annotator=per_annotator)
