"""Hostile files of round 11 (generated here, never real text): what the checks of earlier rounds let
through. Each case is a message that named the wrong problem ("not a number and a number" for 2.5,
"does not fit the text" for a span that ends before it starts), a silent loss (a Label Studio region
with an empty list of labels), a name that breaks the files it is written to (a label holding a line
break split the CoNLL header), or a good line refused for what a tool put before it (a byte-order mark
on a later line of two files joined end to end). Tests assert messages and data, never speed.
"""

from __future__ import annotations

import json

import pytest

from annotator.domain.labels import Label
from annotator.domain.model import Span, SpanStatus
from annotator.services.exchange import export_labels, import_labels as run_import, make_selection
from annotator.storage import documents, open_project, spans
from annotator.storage.labels import get_labels, save_label

GOOD = "要加强党的领导，抓好春耕生产。"
TEXT = "一、加强𠮷领导😀\n要切实抓好春耕生产，全年增长5.2%。"


def _line(text: str = TEXT, label=None, **extra) -> str:
    label = [[2, 6, "directive"]] if label is None else label
    return json.dumps({"text": text, "label": label, "annotator": "甲", **extra}, ensure_ascii=False)


def _import(project_at, tmp_path, lines: list[str], fmt: str = "doccano", **options):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    project = open_project(project_at("p.db"))
    return project, run_import(project, source, fmt, **options)


@pytest.mark.parametrize("label, reason", [
    ([[2.5, 6, "directive"]], "not 2.5 (a number with a decimal point) and an integer"),
    ([[2.0, 6.0, "directive"]], "not 2.0 (a number with a decimal point) and 6.0 (a number with a decimal point)"),
    ([[2, 1e300, "directive"]], "not an integer and 1e+300 (a number in exponent form)"),
    ([[6, 2, "directive"]], "span [6, 2) ends before it starts"),
    ([[3, 3, "directive"]], "span [3, 3) is empty (it starts where it ends)"),
    ([[-1, 5, "directive"]], "span [-1, 5) has a negative offset"),
    ([[2, 99, "directive"]], "span [2, 99) does not fit the text's 28 characters"),
    ([[2, 6, "   "]], "span [2, 6): the label is blank"),
])
def test_a_bad_offset_or_label_is_refused_for_what_it_is(tmp_path, project_at, label, reason):
    project, report = _import(project_at, tmp_path, [_line(label=label), _line(GOOD, [[0, 3, "directive"]])])
    assert [f.line for f in report.failed] == [1], report.summary()
    assert reason in report.failed[0].reason, report.failed[0].reason
    assert report.spans_added == 1  # the good line still imports
    project.close()


def test_label_studio_offsets_that_are_not_integers_say_what_they_are(tmp_path, project_at):
    task = {"data": {"text": TEXT}, "annotations": [{"completed_by": 1, "result": [
        {"from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 6, "end": 2, "labels": ["directive"]}},
    ]}]}
    floats = json.loads(json.dumps(task))
    floats["annotations"][0]["result"][0]["value"].update(start=2.5, end=6)
    source = tmp_path / "ls.json"
    source.write_text(json.dumps([task, floats], ensure_ascii=False), encoding="utf-8")
    with open_project(project_at("p.db")) as project:
        report = run_import(project, source, "labelstudio")
    reasons = [f.reason for f in report.failed]
    assert reasons == ["region 1 [6, 2) ends before it starts",
                       "region 1: start must be an integer, not 2.5 (a number with a decimal point)"], reasons


@pytest.mark.parametrize("where", ["label", "annotator"])
@pytest.mark.parametrize("name", ["a\nb", "x\x1b[31my", "\u202edirective", "tab\tinside"])
def test_a_name_with_a_line_break_escape_or_direction_mark_is_refused(tmp_path, project_at, where, name):
    bad = _line(label=[[2, 6, name]]) if where == "label" else _line(label=[[2, 6, "directive"]]).replace(
        '"annotator": "甲"', '"annotator": ' + json.dumps(name))
    project, report = _import(project_at, tmp_path, [bad, _line(GOOD, [[0, 3, "directive"]])])
    assert [f.line for f in report.failed] == [1], report.summary()
    assert "holds the invisible character U+" in report.failed[0].reason, report.failed[0].reason
    assert {label.name for label in get_labels(project)} >= {"directive"}
    assert not any(name in label.name for label in get_labels(project))
    assert report.spans_added == 1
    project.close()


def test_names_with_spaces_around_them_or_inside_still_import(tmp_path, project_at):
    project, report = _import(project_at, tmp_path, [
        _line(label=[[2, 6, " 重点 任务 "]]), _line(GOOD, [[0, 3, "directive"]], annotator=" 张 三 ")])
    assert report.failed == [], report.summary()
    assert "重点 任务" in {label.name for label in get_labels(project)}
    project.close()


def test_a_byte_order_mark_on_a_later_line_does_not_refuse_it(tmp_path, project_at):
    """Two Windows-made exports joined with `cat`: the second file's BOM lands at the start of a line."""
    source = tmp_path / "joined.jsonl"
    source.write_bytes(b"\xef\xbb\xbf" + _line().encode() + b"\r\n"
                       + b"\xef\xbb\xbf" + _line(GOOD, [[0, 3, "directive"]]).encode() + b"\r\n")
    with open_project(project_at("p.db")) as project:
        report = run_import(project, source, "doccano")
        assert report.failed == [], report.summary()
        assert report.spans_added == 2 and len(documents.document_ids(project)) == 2


def test_a_label_studio_region_with_no_labels_is_counted_not_silently_dropped(tmp_path, project_at):
    region = {"from_name": "label", "to_name": "text", "type": "labels",
              "value": {"start": 0, "end": 3, "labels": []}}
    tagged = dict(region, value={"start": 3, "end": 5, "labels": ["directive"]})
    source = tmp_path / "ls.json"
    source.write_text(json.dumps([{"data": {"text": GOOD}, "annotations": [
        {"completed_by": 1, "result": [region, tagged]}]}], ensure_ascii=False), encoding="utf-8")
    with open_project(project_at("p.db")) as project:
        report = run_import(project, source, "labelstudio")
    assert report.spans_added == 1
    assert "1 regions had an empty list of labels and were not imported" in report.notes, report.notes


def test_a_native_id_below_one_is_named_by_its_value(tmp_path, project_at):
    import hashlib

    line = json.dumps({"schema_version": 1, "id": -5, "text": GOOD, "title": "t", "spans": [],
                       "text_sha256": hashlib.sha256(GOOD.encode()).hexdigest()}, ensure_ascii=False)
    project, report = _import(project_at, tmp_path, [line], fmt="native")
    assert [f.reason for f in report.failed] == ["'id' must be an integer ≥ 1, not -5"]
    project.close()


def test_a_label_with_a_line_break_already_in_a_project_keeps_the_conll_layout(tmp_path, project_at):
    """Projects made before names were checked (or labels typed elsewhere) may hold such a name:
    the export writes it on one line instead of splitting the header and every tagged row."""
    with open_project(project_at("p.db")) as project:
        save_label(project, Label(name="重点\n任务", colour="#888888"))
        save_label(project, Label(name="列\t二", colour="#888888"))
        doc_id, _ = documents.add_document(project, clean_text=GOOD, raw_text=GOOD, title="t", fmt="txt")
        spans.add_spans(project, [Span(0, 3, "重点\n任务", "甲", SpanStatus.ACCEPTED, {}, document_id=doc_id),
                                  Span(3, 5, "列\t二", "甲", SpanStatus.ACCEPTED, {}, document_id=doc_id)])
        out = tmp_path / "out.conll"
        export_labels(project, out, "conll", make_selection(["甲"]))
    lines = out.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert header[0] == "# columns = char" and "重点 任务" in header and "列 二" in header
    rows = [line for line in lines if line and not line.startswith("#")]
    assert len(rows) == len(GOOD)  # one row per character (GOOD has no whitespace), no extra lines
    assert all(len(row.split("\t")) == len(header) for row in rows), rows[:3]
    assert rows[0].split("\t")[header.index("重点 任务")] == "B-重点 任务"
    assert rows[3].split("\t")[header.index("列 二")] == "B-列 二"


# -- .docx packages with odd parts --------------------------------------------------------------------

def _docx_parts(lines: list[str]) -> dict[str, bytes]:
    import io
    import zipfile

    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _write_docx(path, parts: dict[str, bytes]) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)


DOC_LINES = ["一、总体要求", "各地要切实加强领导，抓好春耕生产。", "二、重点任务", "全年粮食产量增长2.1%。"]


@pytest.mark.parametrize("main_type, said", [
    (b"application/vnd.ms-word.document.macroEnabled.main+xml", "a macro-enabled Word document (.docm)"),
    (b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml", "a Word template (.dotx)"),
])
def test_a_docm_or_dotx_saved_as_docx_is_read_not_called_not_word(tmp_path, main_type, said):
    from annotator.io.readers import read_file

    parts = _docx_parts(DOC_LINES)
    docx_main = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    assert docx_main in parts["[Content_Types].xml"]
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(docx_main, main_type)
    path = tmp_path / "会议.docx"
    _write_docx(path, parts)
    result = read_file(path)
    assert result.text.splitlines() == DOC_LINES
    assert any(said in note and "macros are never run" in note for note in result.warnings), result.warnings


def test_two_numbering_parts_are_read_with_a_note_not_a_python_error(tmp_path):
    from annotator.io.readers import read_file

    parts = _docx_parts(DOC_LINES)
    rels = "word/_rels/document.xml.rels"
    assert b"/numbering" in parts[rels]  # python-docx's template has one numbering part; name it twice
    parts[rels] = parts[rels].replace(b"</Relationships>", (
        b'<Relationship Id="rIdTwice" Target="numbering.xml" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/numbering"/></Relationships>'))
    path = tmp_path / "two.docx"
    _write_docx(path, parts)
    result = read_file(path)
    assert result.text.splitlines() == DOC_LINES
    assert any("more than one numbering part" in note for note in result.warnings), result.warnings


@pytest.mark.parametrize("part", ["docProps/core.xml", "word/styles.xml", "word/document.xml"])
def test_a_damaged_xml_part_is_named(tmp_path, part):
    from annotator.io.errors import ReadError
    from annotator.io.readers import read_file

    parts = _docx_parts(DOC_LINES)
    parts[part] = parts[part][: len(parts[part]) // 2]  # cut in the middle, as a broken download is
    path = tmp_path / "broken.docx"
    _write_docx(path, parts)
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert err.value.code == "docx-bad-xml"
    assert f"the XML inside is damaged: {part}: " in err.value.reason, err.value.reason
    assert err.value.params["error"].startswith(part + ": ")


def test_a_label_studio_object_without_data_says_so_not_data_has_nothing(tmp_path, project_at):
    """An export wrapped in an object ({"tasks": […]}) is read as one task: the message names what is missing."""
    source = tmp_path / "wrapped.json"
    source.write_text(json.dumps({"tasks": [{"data": {"text": GOOD}}]}, ensure_ascii=False), encoding="utf-8")
    with open_project(project_at("p.db")) as project:
        report = run_import(project, source, "labelstudio")
        assert documents.document_ids(project) == []
    assert [f.reason for f in report.failed] == [
        "a task needs a 'data' object with the text; this one has no 'data' (its keys: tasks)"], report.summary()


# -- HTML ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("page, shown", [
    ('<html><frameset cols="20%,80%"><frame src="menu.html"><frame src="content/讲话.html"></frameset></html>',
     "menu.html, content/讲话.html"),
    ('<html><body><script>var x = 1;</script><iframe src="speech\n.html"></iframe></body></html>', "speech.html"),
])
def test_a_page_of_frames_only_names_the_pages_that_hold_the_text(tmp_path, page, shown):
    from annotator.io.errors import ReadError
    from annotator.io.readers import read_file

    path = tmp_path / "index.html"
    path.write_text(page, encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert err.value.code == "empty-file"
    assert f"only shows other pages in frames ({shown}); import those files instead" in err.value.reason


def test_a_frameset_with_its_own_text_still_imports(tmp_path):
    from annotator.io.readers import read_file

    path = tmp_path / "index.html"
    path.write_text('<html><frameset><frame src="a.html"></frameset><noframes><p>各地要抓好春耕生产。</p>'
                    '</noframes></html>', encoding="utf-8")
    assert read_file(path).text.strip() == "各地要抓好春耕生产。"


@pytest.mark.parametrize("fmt", ["doccano", "prodigy", "native"])
def test_a_spreadsheet_picked_as_a_label_file_is_named_once_not_line_by_line(tmp_path, project_at, fmt):
    import openpyxl

    from annotator.exchange.jsonread import InputFileError

    book = openpyxl.Workbook()
    for row in range(200):
        book.active.append([f"第{row}行", "要加强领导", row])
    source = tmp_path / "labels.xlsx"
    book.save(source)
    with open_project(project_at("p.db")) as project:
        with pytest.raises(InputFileError) as err:
            run_import(project, source, fmt)
        assert documents.document_ids(project) == []
    assert err.value.filename == str(source)
    assert "is not a label file: it is a zip archive (an .xlsx, .docx or .zip file?)" in str(err.value)


def test_a_doccano_line_given_as_native_says_what_it_lacks(tmp_path, project_at):
    project, report = _import(project_at, tmp_path, [_line()], fmt="native")
    assert [f.reason for f in report.failed] == [
        "no schema_version: not a line of the annotator's own format (is the file doccano or Prodigy JSONL? "
        "choose that format)"]
    project.close()


def test_a_nul_byte_in_word_xml_is_reported_on_one_line(tmp_path):
    """libxml2 ends this message with a line break, which split the import summary's line in two."""
    from annotator.io.errors import ReadError
    from annotator.io.readers import read_file

    parts = _docx_parts(DOC_LINES)
    parts["word/document.xml"] = parts["word/document.xml"].replace("各地".encode(), "各\x00地".encode())
    path = tmp_path / "nul.docx"
    _write_docx(path, parts)
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert "word/document.xml: " in err.value.reason
    assert "\n" not in err.value.reason and "\n" not in err.value.params["error"], repr(err.value.reason)


def test_records_separated_by_cr_alone_are_explained(tmp_path, project_at):
    source = tmp_path / "mac.jsonl"
    source.write_bytes((_line() + "\r" + _line(GOOD, [[0, 3, "directive"]]) + "\r").encode())
    with open_project(project_at("p.db")) as project:
        report = run_import(project, source, "doccano")
    assert [f.line for f in report.failed] == [1]
    assert "separated by CR alone (classic Mac line ends)" in report.failed[0].reason, report.failed[0].reason


# -- text encodings ------------------------------------------------------------------------------------

def _speech_lines(count: int, offset: int = 0) -> list[str]:
    # Generated sentences, not real text: enough Chinese per line for the encoding checks to judge.
    topics = ["春耕生产", "安全生产", "乡村振兴", "基层治理", "民生保障", "生态环境", "项目建设", "营商环境"]
    return [f"{n + offset}、各地要切实抓好{topics[(n + offset) % len(topics)]}工作，全年投入资金{n * 7 + 3}亿元，"
            f"确保各项任务落到实处。" for n in range(1, count + 1)]


@pytest.mark.parametrize("first", ["utf-8", "gb18030"])
def test_a_utf8_mark_on_a_file_joined_from_utf8_and_gbk_reads_each_part(tmp_path, first):
    """A UTF-8 export (with its byte-order mark) and a GBK appendix joined end to end: read line by line
    as the same file without the mark is, not refused as 'most bytes are not UTF-8' (they are not)."""
    from annotator.io.readers import read_file

    head, tail = _speech_lines(30), _speech_lines(8, offset=30)
    second = "gb18030" if first == "utf-8" else "utf-8"
    path = tmp_path / "joined.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ("\n".join(head) + "\n").encode(first) + ("\n".join(tail) + "\n").encode(second))
    result = read_file(path)
    assert result.text.splitlines() == head + tail
    assert any("mixes two encodings" in note for note in result.warnings), result.warnings


# -- exports -------------------------------------------------------------------------------------------

def test_an_xlsx_cell_never_passes_excels_limit_and_the_cut_is_said(tmp_path, project_at):
    """A statistic over a 40 000-character passage (with astral characters, two UTF-16 units each):
    Excel calls a file with a longer cell damaged. The cell is cut with "…"; the CSV keeps it whole."""
    import openpyxl

    from annotator.exchange.table import EXCEL_CELL_LIMIT

    passage = ("各地要抓好春耕生产𠮷" * 4000) + "，全年增长5%。"
    with open_project(project_at("p.db")) as project:
        doc_id, _ = documents.add_document(project, clean_text=passage, raw_text=passage, title="t", fmt="txt")
        spans.add_spans(project, [Span(0, len(passage) - 1, "statistic", "甲", SpanStatus.ACCEPTED,
                                       {"value": 5}, document_id=doc_id)])
        report = export_labels(project, tmp_path / "out.xlsx", "xlsx", make_selection(["甲"]))
        export_labels(project, tmp_path / "out.csv", "csv", make_selection(["甲"]))
    cell = openpyxl.load_workbook(tmp_path / "out.xlsx").active.cell(row=2, column=8).value
    assert len(cell.encode("utf-16-le")) // 2 <= EXCEL_CELL_LIMIT and cell.endswith("…")
    assert passage.startswith(cell[:-1])
    assert any("longer than Excel's 32,767-character limit" in note for note in report.notes), report.notes
    assert passage[:-1] in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")


def test_list_definitions_no_paragraph_uses_are_not_parsed(tmp_path, monkeypatch):
    """A 265 KB .docx declared 20 000 list definitions (180 000 levels) and used one: all were parsed
    (19 s, 400 MB). Only the used ones are now; the numbers and notes are those of the used lists."""
    from annotator.io import docx_numbering
    from annotator.io.readers import read_file

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    level = '<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="{t}"/></w:lvl>'
    unused = "".join(f'<w:abstractNum w:abstractNumId="{n}">' + "".join(
        level.format(i=i, t="%1" * 40) for i in range(9)) + "</w:abstractNum>" for n in range(1, 500))
    used = '<w:abstractNum w:abstractNumId="0">' + level.format(i=0, t="%1、") + "</w:abstractNum>"
    nums = "".join(f'<w:num w:numId="{n + 1}"><w:abstractNumId w:val="{n}"/></w:num>' for n in range(500))
    numbering = f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {w}>{used}{unused}{nums}</w:numbering>'
    body = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                   f'<w:r><w:t>{title}</w:t></w:r></w:p>' for title in ("总体要求", "重点任务"))
    parts = _docx_parts([])
    parts["word/numbering.xml"] = numbering.encode()
    parts["word/document.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {w}><w:body>{body}'
                                  "</w:body></w:document>").encode()
    path = tmp_path / "lists.docx"
    _write_docx(path, parts)
    parsed = []
    real = docx_numbering._parse_level
    monkeypatch.setattr(docx_numbering, "_parse_level", lambda el, notes: parsed.append(1) or real(el, notes))
    result = read_file(path)
    assert result.text.splitlines() == ["一、总体要求", "二、重点任务"]
    assert len(parsed) == 1  # the one level of the one list the paragraphs use
    assert not any("template" in note for note in result.warnings), result.warnings  # the unused ones are not read


@pytest.mark.parametrize("body", ["\u3000" * 100_000, "\u3000\u00a0\u2003\n" * 1000])
def test_a_file_of_wide_spaces_says_it_holds_only_invisible_characters(tmp_path, body):
    """Ideographic and other Unicode spaces (not ASCII whitespace): a file of megabytes of them was
    called plainly 'empty file', as CRLF-only files were before."""
    from annotator.io.errors import ReadError
    from annotator.io.readers import read_file

    path = tmp_path / "spaces.txt"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert err.value.code == "empty-invisible"
    assert err.value.reason.startswith("empty file: only invisible characters")


def test_an_empty_page_is_still_no_text_found(tmp_path):
    from annotator.io.errors import ReadError
    from annotator.io.readers import read_file

    path = tmp_path / "blank.html"
    path.write_text("<html><body>\n  <div> </div>\n</body></html>", encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert (err.value.code, err.value.reason) == ("empty-file", "empty file (no text found)")
