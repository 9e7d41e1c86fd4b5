"""Hostile label files: every field's type is checked per line, a bad line never stops the file, and
every refusal names the input file (or its line) and the problem.

Each case is one bad line between two good ones: the good lines must import whatever the bad one holds.
"""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from annotator.cli.exchange import register
from annotator.services.exchange import import_labels as run_import
from annotator.storage import open_project, spans

GOOD_A = "要加强党的领导，抓好春耕生产。"
GOOD_B = "全年事故下降12%，要坚持问题导向。"


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def doccano(text, **extra):
    return _dump({"text": text, "label": [[0, 3, "directive"]], "annotator": "甲", **extra})


def prodigy(text, **extra):
    return _dump({"text": text, "spans": [{"start": 0, "end": 3, "label": "directive"}], "_annotator_id": "甲",
                  **extra})


def native_line(text, **extra):
    import hashlib

    record = {"schema_version": 1, "text": text, "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
              "title": "t", "spans": [{"start": 0, "end": 3, "label": "directive", "annotator": "甲"}]}
    record.update(extra)
    return _dump(record)


NEST = "[" * 200_000 + "]" * 200_000
DEEP_OK_SYNTAX = "[" * 100 + "]" * 100  # parses, but deeper than any real label file

# (format, bad line as text, words the failure message must contain)
CASES = [
    ("doccano", doccano("坏行的正文", annotator=5), "annotator must be a string, not a number"),
    ("doccano", doccano("坏行的正文", title={"a": 1}), "'title' must be a string, not an object"),
    ("doccano", _dump({"text": {"x": 1}, "label": [], "annotator": "甲"}), "text must be a string, not an object"),
    ("doccano", _dump({"text": "坏行的正文", "label": [[0, 2**70, "directive"]], "annotator": "甲"}), "too large"),
    ("doccano", _dump({"text": "坏行的正文", "label": [[0, 3, 7]], "annotator": "甲"}), "label id 7"),
    ("doccano", _dump({"text": "坏行的正文", "label": [[0, 3]], "annotator": "甲"}), "must be [start, end, label]"),
    ("doccano", _dump({"text": "坏行的正文", "label": [[0, 3, "x"]], "n": 2**70, "annotator": "甲"}), "too large"),
    ("doccano", '{"text": "坏行的正文", "label": [[0, 3, "directive"]], "v": NaN, "annotator": "甲"}', "NaN"),
    ("doccano", '{"text": "坏行的正文", "label": [[0, 3, "directive"]], "v": -Infinity, "annotator": "甲"}', "Infinity"),
    ("doccano", '{"text": "坏行的正文", "label": [[0, 3, "directive"]], "v": 1e999, "annotator": "甲"}', "out of range"),
    ("doccano", doccano("坏行\u0000的正文"), "NUL"),
    ("doccano", doccano("坏行的正文", meta={"\u0000": 1}), "NUL"),
    ("doccano", '{"text": "坏行的正文", "annotator": "甲", "label": ' + NEST + "}", "nest"),
    ("doccano", '{"text": "坏行的正文", "label": [], "annotator": "甲", "x": ' + DEEP_OK_SYNTAX + "}", "nested more than"),
    ("doccano", doccano("坏行的正文", annotator="@suggester2"), "reserved"),
    ("doccano", _dump({"text": "坏行的正文", "label": [[0, 3, "x" * 500]], "annotator": "甲"}), "longer than 100"),
    ("prodigy", prodigy("坏行的正文", _annotator_id=["a"]), "annotator must be a string, not an array"),
    ("prodigy", prodigy("坏行的正文", meta={"title": 3}), "'title' must be a string, not a number"),
    ("prodigy", prodigy("坏行的正文", meta=[1]), "'meta' must be an object, not an array"),
    ("prodigy", _dump({"text": "坏行的正文", "spans": [{"start": "0", "end": 3, "label": "x"}],
                       "_annotator_id": "甲"}), "offsets must be integers, not a string"),
    ("prodigy", prodigy("坏行的正文", answer={"a": 1}), "answer"),
    ("native", native_line("坏行的正文", id=2**70), "too large"),
    ("native", native_line("坏行的正文", id="7"), "'id' must be an integer"),
    ("native", native_line("坏行的正文", title=["x"]), "title"),
    ("native", native_line("坏行的正文", spans=[{"start": 0, "end": 3, "label": "d", "annotator": 5}]),
     "annotator"),
    ("native", native_line("坏行的正文", spans=[{"start": 0, "end": 3, "label": "d", "annotator": "甲",
                                               "attributes": [1]}]), "attributes"),
    ("native", native_line("坏行的正文", sections=[{"start": 0, "end": 3, "level": "1", "marker": "一、",
                                                  "title": "x"}]), "level"),
    ("native", native_line("坏行的正文", metadata="x"), "metadata"),
]


def _write(path, lines: list[str | bytes]) -> None:
    with open(path, "wb") as out:
        for line in lines:
            out.write(line if isinstance(line, bytes) else line.encode("utf-8"))
            out.write(b"\n")


def _good(fmt: str, text: str) -> str:
    return {"doccano": doccano, "prodigy": prodigy, "native": native_line}[fmt](text)


@pytest.mark.parametrize("fmt, bad, reason", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_a_bad_line_is_refused_with_its_number_and_the_good_lines_import(tmp_path, fmt, bad, reason, project_at):
    src = tmp_path / "in.jsonl"
    _write(src, [_good(fmt, GOOD_A), bad, _good(fmt, GOOD_B)])
    project = open_project(project_at("p.db"))
    report = run_import(project, src, fmt)
    assert [p.line for p in report.failed] == [2], report.summary()
    assert reason in report.failed[0].reason, report.failed[0].reason
    assert report.imported == 2 and report.spans_added == 2
    assert project.integrity_ok()
    project.close()


def test_bytes_that_are_not_utf8_refuse_only_their_line(tmp_path, project_at):
    src = tmp_path / "in.jsonl"
    _write(src, [doccano(GOOD_A), '{"text": "坏'.encode() + b"\xff\xfe" + b'", "label": []}', doccano(GOOD_B)])
    project = open_project(project_at("p.db"))
    report = run_import(project, src, "doccano", annotator="甲")
    assert [p.line for p in report.failed] == [2] and "not UTF-8 (byte 0xff" in report.failed[0].reason
    assert report.spans_added == 2
    project.close()


def test_an_oversized_line_is_skipped_without_reading_it_whole(tmp_path, project_at):
    from annotator.exchange.jsonread import MAX_LINE_BYTES

    src = tmp_path / "in.jsonl"
    with open(src, "wb") as out:
        out.write(doccano(GOOD_A).encode() + b"\n")
        out.write(b'{"text": "' + b"a" * (MAX_LINE_BYTES + 10) + b'", "label": []}\n')
        out.write(doccano(GOOD_B).encode() + b"\n")
    project = open_project(project_at("p.db"))
    report = run_import(project, src, "doccano", annotator="甲")
    assert [p.line for p in report.failed] == [2] and "longer than 20 MB" in report.failed[0].reason
    assert report.spans_added == 2
    project.close()


# -- Label Studio: one JSON array; a task stands for a line -----------------------------------------

def ls_task(text, result=None, **annotation):
    result = result if result is not None else [
        {"from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 0, "end": 3, "text": text[:3], "labels": ["directive"]}}]
    return {"data": {"text": text}, "annotations": [{"completed_by": 1, "result": result, **annotation}]}


LS_CASES = [
    (ls_task("坏行的正文", [{"type": "labels", "value": {"start": 0, "text": "坏行的", "labels": ["d"]}}]),
     "region 1 has no end"),
    (ls_task("坏行的正文", [{"type": "labels", "value": {"start": 0, "end": 3, "labels": "d"}}]),
     "labels must be an array of strings"),
    (ls_task("坏行的正文", [{"type": "labels", "value": {"start": 0, "end": 3, "labels": [5]}}]),
     "labels must be an array of strings"),
    ({"data": {"text": "坏行的正文", "title": {"x": 1}}, "annotations": []}, "'title' must be a string"),
    ({"data": {"text": "坏行的正文"}, "annotations": {"x": 1}}, "annotations must be an array"),
    (ls_task("坏行的正文", completed_by=[1]), "completed_by"),
    (ls_task("坏行的正文", completed_by=2**70), "too large"),
    ({"data": {"text": "坏行\u0000的正文"}}, "NUL"),
]


@pytest.mark.parametrize("bad, reason", LS_CASES, ids=[str(i) for i in range(len(LS_CASES))])
def test_labelstudio_bad_task_is_refused_and_the_others_import(tmp_path, bad, reason, project_at):
    src = tmp_path / "in.json"
    src.write_text(_dump([ls_task(GOOD_A), bad, ls_task(GOOD_B)]), "utf-8")
    project = open_project(project_at("p.db"))
    report = run_import(project, src, "labelstudio")
    assert [p.line for p in report.failed] == [2], report.summary()
    assert reason in report.failed[0].reason, report.failed[0].reason
    assert report.spans_added == 2
    project.close()


def test_labelstudio_nan_in_one_task_does_not_stop_the_array(tmp_path, project_at):
    src = tmp_path / "in.json"
    bad = _dump(ls_task("坏行的正文"))[:-1] + ', "score": NaN, "x": [1, {"y": "]"}]}'
    src.write_text("[" + _dump(ls_task(GOOD_A)) + ",\n" + bad + ",\n" + _dump(ls_task(GOOD_B)) + "]", "utf-8")
    project = open_project(project_at("p.db"))
    report = run_import(project, src, "labelstudio")
    assert [p.line for p in report.failed] == [2] and "NaN" in report.failed[0].reason
    assert report.spans_added == 2
    project.close()


@pytest.fixture
def cli():
    @click.group()
    def group():
        pass

    register(group)
    return group


def test_a_label_studio_file_that_is_not_utf8_is_named_not_the_project(cli, tmp_path):
    src = tmp_path / "tasks.json"
    src.write_bytes(b'[{"data": {"text": "\xb9\xfa\xbc\xd2"}}]')  # GBK bytes
    result = CliRunner().invoke(cli, ["import-labels", str(tmp_path / "p.db"), str(src), "--format", "labelstudio"])
    assert result.exit_code == 1
    assert f"{src}: not UTF-8 (byte 0xb9 on line 1)" in result.output
    assert "p.db" not in result.output


def test_cli_lists_the_bad_line_and_imports_the_rest(cli, tmp_path, project_at):
    src = tmp_path / "in.jsonl"
    _write(src, [doccano(GOOD_A, annotator="甲"), doccano("坏", annotator=5), doccano(GOOD_B, annotator="乙")])
    result = CliRunner().invoke(cli, ["import-labels", str(project_at("p.db")), str(src), "--format", "doccano"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "2 lines imported, 0 skipped, 1 failed" in result.output
    assert "line 2: the annotator must be a string, not a number" in result.output
    project = open_project(project_at("p.db"))
    assert sorted(s.annotator for s in spans.list_spans(project, 1) + spans.list_spans(project, 2)) == ["乙", "甲"]
    project.close()


def test_a_lone_surrogate_is_refused_with_a_reason(tmp_path, project_at):
    src = tmp_path / "in.jsonl"
    _write(src, [doccano(GOOD_A), '{"text": "坏\\ud800行", "label": [], "annotator": "甲"}', doccano(GOOD_B)])
    project = open_project(project_at("p.db"))
    report = run_import(project, src, "doccano")
    assert [p.line for p in report.failed] == [2] and "lone surrogate" in report.failed[0].reason
    project.close()
