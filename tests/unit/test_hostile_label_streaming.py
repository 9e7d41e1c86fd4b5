"""Label Studio files are read one task at a time with bounded memory (jsonarray.py).

Memory is asserted through what the reader holds, not through RSS (which moves with load and the
allocator): the file position when each task comes out, and the largest text buffer ever held, are
bounded by the task itself plus a chunk, on files many times larger than the chunk.
"""

from __future__ import annotations

import json
import random

import pytest

from annotator.exchange import jsonarray
from annotator.exchange.jsonread import InputFileError, LineRefused
from annotator.services.exchange import import_labels
from annotator.storage import documents, open_project

from tests.data.bad_label_files import task, write_tasks

CHUNK = 4096


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of 4 KB, and a record of every text buffer the reader builds and every handle it opens."""
    monkeypatch.setattr(jsonarray, "CHUNK_BYTES", CHUNK)
    seen = {"buffer": 0, "handles": []}
    more = jsonarray._Buffer.more

    def recording_more(self, keep, want=CHUNK):
        result = more(self, keep, want)
        seen["buffer"] = max(seen["buffer"], len(self.text))
        return result

    opened = jsonarray.open_regular

    def recording_open(path):
        handle = opened(path)
        seen["handles"].append(handle)
        return handle

    monkeypatch.setattr(jsonarray._Buffer, "more", recording_more)
    monkeypatch.setattr(jsonarray, "open_regular", recording_open)
    return seen


def _reference(path) -> list:
    return json.loads(path.read_text(encoding="utf-8-sig"))


def test_tasks_come_out_while_the_file_is_still_being_read(tmp_path, small_chunks):
    path = tmp_path / "big.json"
    count = write_tasks(path, (task(n, chars=300, regions=3) for n in range(1, 801)))
    size = path.stat().st_size
    assert size > 200 * CHUNK
    largest = max(len(json.dumps(t, ensure_ascii=False)) for t in _reference(path))
    got = []
    for position, value in jsonarray.json_array(path):
        handle = small_chunks["handles"][0]
        if position == 1:
            # The first task is out after a chunk or two, not after the whole file.
            assert handle.tell() <= 4 * CHUNK, "the reader read far ahead of the first task"
        got.append(value)
    assert len(got) == count and got == _reference(path)
    assert small_chunks["buffer"] <= 2 * largest + 2 * CHUNK, "the text buffer grew beyond one task and a chunk"


def test_a_task_larger_than_the_cap_is_refused_and_skipped_without_holding_it(tmp_path, small_chunks, monkeypatch):
    monkeypatch.setattr(jsonarray, "MAX_TASK_CHARS", 50_000)
    path = tmp_path / "one_huge.json"
    tasks = [task(1, chars=200), task(2, chars=400_000, regions=40), task(3, chars=200)]
    tasks[1]["data"]["note"] = 'brackets ] } [ { and quotes \\" inside strings ' * 50  # must not end the skip
    write_tasks(path, iter(tasks))
    results = list(jsonarray.json_array(path))
    assert [p for p, _ in results] == [1, 2, 3]
    assert isinstance(results[1][1], LineRefused) and "larger than" in str(results[1][1])
    assert results[0][1] == tasks[0] and results[2][1] == tasks[2]
    assert small_chunks["buffer"] <= 50_000 + 3 * CHUNK, "the huge task was held whole"


def test_the_huge_task_is_named_by_the_import_and_the_others_are_stored(tmp_path, project_at, monkeypatch):
    monkeypatch.setattr(jsonarray, "MAX_TASK_CHARS", 50_000)
    path = tmp_path / "tasks.json"
    write_tasks(path, iter([task(1, chars=200), task(2, chars=100_000), task(3, chars=200)]))
    with open_project(project_at("p.db")) as project:
        report = import_labels(project, path, "labelstudio", annotator="甲")
        assert report.imported == 2 and [p.line for p in report.failed] == [2]
        assert "task 2: a task larger than" in report.summary()
        assert len(documents.document_ids(project)) == 2


TRICKY = [
    {"data": {"text": "引号\"与反斜杠\\\\，括号]}[{"}, "annotations": []},
    {"data": {"text": "𠮷😀跨块的多字节字符" * 30}, "annotations": [[[[1]]], {"x": [{}]}]},
    [],
    "a string element ] ,",
    12345,
    None,
    {"k": "\\u0041 escaped \\n", "deep": [[[[[[["x"]]]]]]]},
]


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 7, 64, 4096])
def test_any_chunk_boundary_reads_the_same_values(tmp_path, monkeypatch, chunk):
    """Chunk borders fall inside multi-byte characters, escapes, numbers and literals: same values."""
    monkeypatch.setattr(jsonarray, "CHUNK_BYTES", chunk)
    rng = random.Random(chunk)
    values = [rng.choice(TRICKY) for _ in range(40)]
    path = tmp_path / "tricky.json"
    spaced = ",\r\n  ".join(json.dumps(v, ensure_ascii=rng.random() < 0.5) for v in values)
    path.write_bytes(b"\xef\xbb\xbf" + f" [\n{spaced}\n]\n".encode())
    assert [v for _, v in jsonarray.json_array(path)] == values


@pytest.mark.parametrize("chunk", [3, 64, 4096])
def test_a_refused_number_resynchronises_across_chunks(tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(jsonarray, "CHUNK_BYTES", chunk)
    good = {"data": {"text": "好" * 500 + "\"]}"}}
    path = tmp_path / "nan.json"
    bad = '{"data": {"text": "' + "坏]}" * 300 + '", "x": NaN, "y": [1, {"z": "}]"}]}}'
    path.write_text("[" + json.dumps(good) + ",\n" + bad + ",\n  1e999,\n" + json.dumps(good) + "]", encoding="utf-8")
    results = list(jsonarray.json_array(path))
    assert [p for p, _ in results] == [1, 2, 3, 4]
    assert results[0][1] == good and results[3][1] == good
    assert isinstance(results[1][1], LineRefused) and "NaN" in str(results[1][1])
    assert isinstance(results[2][1], LineRefused) and "out of range" in str(results[2][1])


def test_a_bad_byte_deep_in_the_file_refuses_it_whole_before_any_task(tmp_path, project_at, monkeypatch):
    monkeypatch.setattr(jsonarray, "CHUNK_BYTES", 1000)
    path = tmp_path / "late_gbk.json"
    tasks = [task(n, chars=100) for n in range(1, 301)]
    write_tasks(path, iter(tasks))
    data = path.read_bytes()
    at = data.index(b'"\xe7\xac\xac250') + 1  # the first byte of 第 in task 250: the byte 0xe7
    data = data[:at] + b"\xb9\xfa" + data[at + 3:]  # GBK bytes in place of a UTF-8 character
    path.write_bytes(data)
    line = data.count(b"\n", 0, at) + 1
    with open_project(project_at("p.db")) as project:
        with pytest.raises(InputFileError, match=rf"not UTF-8 \(byte 0xb9 on line {line}\)") as err:
            import_labels(project, path, "labelstudio", annotator="甲")
        assert err.value.filename == str(path)
        assert documents.document_ids(project) == []  # nothing half imported


def test_a_syntax_error_names_its_line_in_the_whole_file(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonarray, "CHUNK_BYTES", 512)
    path = tmp_path / "broken.json"
    tasks = [task(n, chars=60, regions=1) for n in range(1, 201)]
    write_tasks(path, iter(tasks))
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[150] = lines[150].replace('"data":', '"data" ', 1)  # task 150 (line 151) loses its colon
    path.write_text("\n".join(lines), encoding="utf-8")
    results = list(jsonarray.json_array(path))
    assert len(results) == 150 and all(isinstance(v, dict) for _, v in results[:149])
    assert "at line 151" in str(results[-1][1]) and "the rest of the file was not read" in str(results[-1][1])


def test_a_task_that_never_ends_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(jsonarray, "CHUNK_BYTES", 64)
    path = tmp_path / "cut.json"
    path.write_text('[{"data": {"text": "一"}}, {"data": {"text": "' + "二" * 1000, encoding="utf-8")
    results = list(jsonarray.json_array(path))
    assert results[0] == (1, {"data": {"text": "一"}})
    assert isinstance(results[1][1], LineRefused) and "not valid JSON" in str(results[1][1])
