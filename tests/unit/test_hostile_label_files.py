"""Hostile label FILES (not lines; test_exchange_hostile.py covers bad lines): a pipe, a folder, UTF-16, an
empty file, JSON Lines given as Label Studio JSON, text after the array, a million failed lines. Each is
a message naming the file and the problem, never a hang, a silent loss or an unbounded report.
"""

from __future__ import annotations

import json
import os

import pytest

from annotator.exchange import importing
from annotator.exchange.jsonread import InputFileError
from annotator.services.exchange import import_labels as run_import
from annotator.storage import documents, open_project

from tests.hang_guard import call_guarded

TEXT = "要加强党的领导，抓好春耕生产。"
HANG_GUARD_S = 60  # generous: only a hang (a blocked open or read) gets near it


def _doccano(text: str) -> str:
    return json.dumps({"text": text, "label": [[0, 3, "directive"]], "annotator": "甲"}, ensure_ascii=False)


def _task(text: str) -> str:
    return json.dumps({"data": {"text": text}, "annotations": [{"completed_by": 1, "result": [
        {"from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 0, "end": 3, "labels": ["directive"]}}]}]}, ensure_ascii=False)


def _guarded(call):
    """``call()``, failing clearly (not hanging the suite) if it does not return."""
    return call_guarded(call, HANG_GUARD_S, f"the import did not return within {HANG_GUARD_S} s (blocked on the file?)")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
@pytest.mark.parametrize("fmt", ["doccano", "labelstudio"])
def test_a_pipe_is_refused_without_blocking(tmp_path, project_at, fmt):
    fifo = tmp_path / "labels.jsonl"
    os.mkfifo(fifo)  # nobody ever writes to it: opening or reading it would block forever
    with open_project(project_at("p.db")) as project:
        with pytest.raises(InputFileError, match="not a regular file") as err:
            _guarded(lambda: run_import(project, fifo, fmt))
        assert err.value.filename == str(fifo)
        assert documents.document_ids(project) == []


@pytest.mark.parametrize("fmt", ["native", "labelstudio"])
def test_a_folder_is_refused_by_name(tmp_path, project_at, fmt):
    folder = tmp_path / "labels.jsonl"
    folder.mkdir()
    with open_project(project_at("p.db")) as project:
        with pytest.raises(InputFileError, match="is a folder, not a file") as err:
            run_import(project, folder, fmt)
        assert err.value.filename == str(folder)


@pytest.mark.parametrize("encoding, bom", [("utf-16", "FF FE"), ("utf-16-be", None), ("utf-32", "FF FE 00 00")])
@pytest.mark.parametrize("fmt", ["doccano", "labelstudio"])
def test_utf16_and_utf32_files_are_named_as_such(tmp_path, project_at, fmt, encoding, bom):
    source = tmp_path / "labels.json"
    body = _doccano(TEXT) + "\n" if fmt == "doccano" else "[" + _task(TEXT) + "]"
    data = body.encode(encoding)
    if bom is None:  # utf-16-be writes no BOM: add the big-endian one Windows tools write
        data, bom = b"\xfe\xff" + data, "FE FF"
    source.write_bytes(data)
    with open_project(project_at("p.db")) as project:
        with pytest.raises(InputFileError) as err:
            run_import(project, source, fmt)
        assert f"byte-order mark {bom}" in str(err.value) and "must be UTF-8" in str(err.value)
        assert err.value.filename == str(source)
        assert documents.document_ids(project) == []


@pytest.mark.parametrize("content", [b"", b"\n \n\t\r\n", b"\xef\xbb\xbf\n"])
@pytest.mark.parametrize("fmt", ["doccano", "prodigy", "native", "labelstudio"])
def test_an_empty_file_is_said_to_be_empty(tmp_path, project_at, fmt, content):
    source = tmp_path / "labels.jsonl"
    source.write_bytes(content)
    with open_project(project_at("p.db")) as project:
        with pytest.raises(InputFileError, match="empty file"):
            run_import(project, source, fmt)


def test_json_lines_given_as_label_studio_is_not_silently_cut_to_one_task(tmp_path, project_at):
    source = tmp_path / "tasks.json"
    source.write_text(_task(TEXT) + "\n" + _task(TEXT + "二") + "\n", "utf-8")
    with open_project(project_at("p.db")) as project:
        report = run_import(project, source, "labelstudio")
    assert report.imported == 1
    assert [p.line for p in report.failed] == [2]
    assert "line 2 was not read" in report.failed[0].reason and "JSON Lines" in report.failed[0].reason


def test_text_after_the_array_is_reported(tmp_path, project_at):
    source = tmp_path / "tasks.json"
    source.write_text("[" + _task(TEXT) + "]\n\n garbage", "utf-8")
    with open_project(project_at("p.db")) as project:
        report = run_import(project, source, "labelstudio")
    assert report.imported == 1 and report.spans_added == 1
    assert [p.line for p in report.failed] == [2]
    assert "after the end of the array of tasks on line 3" in report.failed[0].reason
    # Whitespace after the array is no problem.
    source.write_text("[" + _task(TEXT + "三") + "]\n\n \t\n", "utf-8")
    with open_project(project_at("p2.db")) as project:
        assert run_import(project, source, "labelstudio").failed == []


@pytest.mark.parametrize("fmt", ["doccano", "labelstudio"])
def test_a_flood_of_bad_lines_is_counted_not_listed_one_by_one(tmp_path, project_at, monkeypatch, fmt):
    monkeypatch.setattr(importing, "MAX_LISTED_FAILURES", 10)
    source = tmp_path / "labels.jsonl"
    if fmt == "doccano":
        source.write_text(_doccano(TEXT) + "\n" + "{}\n" * 500 + _doccano(TEXT + "二") + "\n", "utf-8")
    else:
        source.write_text("[" + _task(TEXT) + "," + ",".join(["{}"] * 500) + "," + _task(TEXT + "二") + "]", "utf-8")
    with open_project(project_at("p.db")) as project:
        report = run_import(project, source, fmt)
        assert report.imported == 2 and report.spans_added == 2  # the good lines around the flood went in
        assert len(documents.document_ids(project)) == 2
    assert len(report.failed) == 10 and report.failed_count == 500
    assert [p.line for p in report.failed] == list(range(2, 12))
    summary = report.summary()
    assert "500 failed" in summary and "490 more failed lines, not listed" in summary
    assert len(summary.splitlines()) < 20
