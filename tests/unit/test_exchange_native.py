"""Native JSONL: lossless round trip, selection options, refusal of damaged lines, the schema."""

from __future__ import annotations

import json

import pytest
from test_exchange_fixtures import TEXT, TEXT2, at, build

from annotator.domain.offsets import Utf16Map
from annotator.exchange.native import export_native, import_native
from annotator.exchange.selection import Selection
from annotator.resources import resource_path
from annotator.storage import open_project
from annotator.storage.sections import get_sections

EVERYTHING = Selection(include_suggestions=True, include_rejected=True)


@pytest.fixture
def sample(project_at):
    """The sample project on each backend (SQLite file, PostgreSQL database)."""
    project, d1, d2 = build(project_at("sample.db"))
    yield project, d1, d2
    project.close()


def _lines(path):
    return path.read_text(encoding="utf-8").splitlines()


def test_round_trip_is_lossless(sample, tmp_path, project_at):
    project, _, _ = sample
    first = tmp_path / "first.jsonl"
    export_native(project, first, EVERYTHING)
    with open_project(project_at("empty.db")) as empty:
        report = import_native(empty, first)
        assert (report.imported, report.failed, report.documents_created) == (2, [], 2)
        second = tmp_path / "second.jsonl"
        export_native(empty, second, EVERYTHING)
        assert _lines(first) == _lines(second)
        # Importing the same file again adds nothing.
        again = import_native(empty, first)
        assert (again.imported, again.skipped, again.spans_added) == (0, 2, 0)


def test_record_content_offsets_and_section_paths(sample, tmp_path):
    project, d1, _ = sample
    out = tmp_path / "o.jsonl"
    export_native(project, out)
    first = json.loads(_lines(out)[0])
    assert first["id"] == d1 and first["text"] == TEXT and first["source"] == "speeches/2024-县委.docx"
    assert [s["path"] for s in first["sections"]][2] == ["一、加强党的领导", "（一）抓好落实", "一要抓好春耕生产"]
    assert first["sections"][2]["parent"] == 1 and first["sections"][2]["source"] == "manual"
    u16 = Utf16Map(TEXT)
    for item in first["spans"]:
        assert item["text"] == TEXT[item["start"]:item["end"]]
        assert item["text"] == TEXT.encode("utf-16-le")[2 * item["utf16_start"]:2 * item["utf16_end"]].decode("utf-16-le")
        assert (item["utf16_start"], item["utf16_end"]) == (u16.to_utf16(item["start"]), u16.to_utf16(item["end"]))
    by_text = {s["text"]: s for s in first["spans"]}
    assert by_text["粮食产量下降-3.2%"]["section_path"] == ["一、加强党的领导", "（一）抓好落实", "一要抓好春耕生产"]
    assert by_text["要坚持👨‍👩‍👧问题导向"]["section_path"] == ["二、其他工作"]
    # Default selection: people and gold, no suggestions, no rejections.
    assert {s["status"] for s in first["spans"]} == {"accepted", "gold"}


@pytest.mark.parametrize("selection, annotators", [
    (Selection(annotators=("李四",)), {"李四"}),
    (Selection(gold=True), {"@gold"}),
    (Selection(annotators=("张三",), gold=True), {"张三", "@gold"}),
    (Selection(include_suggestions=True), {"张三", "李四", "@gold", "@suggester"}),
])
def test_selection(sample, tmp_path, selection, annotators):
    project, _, _ = sample
    out = tmp_path / "o.jsonl"
    export_native(project, out, selection)
    found = {s["annotator"] for line in _lines(out) for s in json.loads(line)["spans"]}
    assert found == annotators


def test_rejected_spans_only_on_request(sample, tmp_path):
    project, _, _ = sample
    out = tmp_path / "o.jsonl"
    export_native(project, out, Selection(annotators=("张三",), include_rejected=True))
    statuses = [s["status"] for line in _lines(out) for s in json.loads(line)["spans"]]
    assert statuses.count("rejected") == 1


def test_one_file_per_annotator_beside_the_chosen_file(sample, tmp_path):
    project, _, _ = sample
    report = export_native(project, tmp_path / "out.jsonl", per_annotator=True)
    assert sorted(p.name for p in report.files) == ["out.@gold.jsonl", "out.张三.jsonl", "out.李四.jsonl"]
    for path in report.files:
        names = {s["annotator"] for line in _lines(path) for s in json.loads(line)["spans"]}
        assert names == {path.name.split(".")[1]}
        assert len(_lines(path)) == 2  # every document, so each file stands on its own


def _damaged(tmp_path, sample, change, project_at):
    project, _, _ = sample
    out = tmp_path / "o.jsonl"
    export_native(project, out)
    lines = [json.loads(line) for line in _lines(out)]
    change(lines[0])
    out.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    with open_project(project_at("target.db")) as target:
        return import_native(target, out), [json.loads(x)["id"] for x in _lines(out)], target


@pytest.mark.parametrize("change, reason", [
    (lambda rec: rec.update(text=rec["text"].replace("同志们", "同志")), "text_sha256 does not match"),
    (lambda rec: rec["spans"][0].update(end=10_000), "does not fit"),
    (lambda rec: rec["spans"][-1].update(utf16_end=rec["spans"][-1]["end"]), "utf16 offsets"),
    (lambda rec: rec["spans"][0].update(text="别的"), "is not the text at"),
    (lambda rec: rec.update(schema_version=2), "schema_version 2"),
    (lambda rec: rec["sections"][1].update(parent=5), "not an earlier section"),
])
def test_damaged_line_is_refused_and_the_others_import(sample, tmp_path, change, reason, project_at):
    report, _, _ = _damaged(tmp_path, sample, change, project_at)
    assert [p.line for p in report.failed] == [1]
    assert reason in report.failed[0].reason
    assert report.imported == 1 and report.documents_created == 1  # the second line still imports


def test_refused_line_leaves_nothing_behind(sample, tmp_path, project_at):
    project, _, _ = sample
    out = tmp_path / "o.jsonl"
    export_native(project, out)
    out.write_text(out.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    with open_project(project_at("t.db")) as target:
        report = import_native(target, out)
        assert [(p.line, "not valid JSON" in p.reason) for p in report.failed] == [(3, True)]
        assert target.execute("SELECT count(*) FROM documents").fetchone()[0] == 2


def test_import_keeps_an_existing_outline(sample, tmp_path, project_at):
    project, d1, _ = sample
    out = tmp_path / "o.jsonl"
    export_native(project, out)
    with open_project(project_at("t.db")) as target:
        from annotator.storage.documents import add_document

        doc, _ = add_document(target, clean_text=TEXT, raw_text=TEXT, title="mine")
        report = import_native(target, out)
        assert get_sections(target, doc) == [] and any("outline was kept" in n for n in report.notes)
        assert report.spans_added > 0


def test_document_id_kept_where_free(sample, tmp_path, project_at):
    project, d1, d2 = sample
    out = tmp_path / "o.jsonl"
    export_native(project, out)
    with open_project(project_at("t.db")) as target:
        from annotator.storage.documents import add_document, find_by_sha, sha256_text

        add_document(target, clean_text="占位文本", raw_text="占位文本", document_id=d2)
        report = import_native(target, out)
        assert report.failed == [] and find_by_sha(target, sha256_text(TEXT)) == d1
        moved = find_by_sha(target, sha256_text(TEXT2))
        assert moved not in (None, d2)
        # The spans follow their document to its new id.
        assert target.execute("SELECT count(*) FROM spans WHERE document_id = ?", [moved]).fetchone()[0] == 2


# -- the published JSON Schema matches what is written ------------------------------------------------

def _check(value, schema, where="$"):
    """The subset of JSON Schema the native schema uses (jsonschema is not a dependency)."""
    types = schema.get("type")
    if types:
        names = types if isinstance(types, list) else [types]
        py = {"object": dict, "array": list, "string": str, "integer": int, "number": (int, float),
              "null": type(None)}
        assert any(isinstance(value, py[n]) and not (n in ("integer", "number") and isinstance(value, bool))
                   for n in names), f"{where}: {value!r} is not {names}"
    if "const" in schema:
        assert value == schema["const"], where
    if "enum" in schema:
        assert value in schema["enum"], f"{where}: {value!r}"
    if "minimum" in schema and isinstance(value, (int, float)):
        assert value >= schema["minimum"], where
    if isinstance(value, dict):
        assert set(schema.get("required", [])) <= set(value), f"{where}: missing {set(schema['required']) - set(value)}"
        if schema.get("additionalProperties") is False:
            assert set(value) <= set(schema["properties"]), f"{where}: extra {set(value) - set(schema['properties'])}"
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                _check(value[key], sub, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            _check(item, schema["items"], f"{where}[{i}]")


def test_exported_lines_follow_the_published_schema(sample, tmp_path):
    project, _, _ = sample
    schema = json.loads(resource_path("native_jsonl.schema.json").read_text(encoding="utf-8"))
    out = tmp_path / "o.jsonl"
    export_native(project, out, EVERYTHING)
    for line in _lines(out):
        _check(json.loads(line), schema)
    bad = json.loads(_lines(out)[0])
    bad["spans"][0]["status"] = "maybe"
    with pytest.raises(AssertionError):
        _check(bad, schema)


def test_at_helper_finds_pieces():
    assert TEXT[slice(*at(TEXT, "60.6亿元"))] == "60.6亿元"


@pytest.mark.parametrize("change, reason", [
    (lambda rec: rec["spans"][0].update(id=5), "id must be a string"),
    (lambda rec: rec.update(metadata=[1]), "'metadata' must be an object"),
    (lambda rec: rec["spans"][0].update(status="maybe"), "unknown status"),
])
def test_malformed_fields_are_refused(sample, tmp_path, change, reason, project_at):
    report, _, _ = _damaged(tmp_path, sample, change, project_at)
    assert [p.line for p in report.failed] == [1] and reason in report.failed[0].reason
