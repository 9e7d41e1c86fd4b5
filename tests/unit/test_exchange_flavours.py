"""doccano, Prodigy and Label Studio: offsets counted the way each tool counts, export → import."""

from __future__ import annotations

import json

import pytest
from test_exchange_fixtures import TEXT, TEXT2, at, build

from annotator.exchange.doccano import export_doccano, import_doccano
from annotator.exchange.labelstudio import export_labelstudio, import_labelstudio
from annotator.exchange.prodigy import export_prodigy, import_prodigy
from annotator.exchange.selection import Selection
from annotator.storage import open_project
from annotator.storage.documents import clean_text, find_by_sha, sha256_text
from annotator.storage.spans import list_spans


@pytest.fixture
def sample(tmp_path):
    project, d1, d2 = build(tmp_path / "sample.db")
    yield project
    project.close()


def _js_slice(text: str, start: int, end: int) -> str:
    """What JavaScript's text.slice(start, end) returns."""
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


def _content(project, annotators=None):
    """Spans as (text, annotator, start, end, label, status), independent of ids and document ids."""
    return {
        (clean_text(project, s.document_id)[s.start:s.end], s.annotator, s.start, s.end, s.label, s.status)
        for s in list_spans(project, annotators=annotators)
    }


def _jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# -- doccano --------------------------------------------------------------------------------------

def test_doccano_export_counts_code_points(sample, tmp_path):
    out = tmp_path / "d.jsonl"
    export_doccano(sample, out, Selection(annotators=("张三",)))
    lines = _jsonl(out)
    assert [(line["id"], line.get("annotator")) for line in lines] == [(1, "张三"), (2, "张三")]
    for line in lines:
        assert all(line["text"][s:e] for s, e, _ in line["label"])
    texts = {line["text"][s:e] for line in lines for s, e, _ in line["label"]}
    assert "各级工会要切实加强𠮷职工😀权益维护" in texts and "全年事故下降12%" in texts


def test_doccano_utf16_and_entities_forms(sample, tmp_path, project_at):
    out = tmp_path / "d.jsonl"
    export_doccano(sample, out, Selection(annotators=("张三",)), form="entities", offsets="utf16")
    line = _jsonl(out)[0]
    assert line["relations"] == [] and [e["id"] for e in line["entities"]] == [1, 2, 3]
    assert _js_slice(line["text"], line["entities"][2]["start_offset"], line["entities"][2]["end_offset"]) == "要坚持👨‍👩‍👧问题导向"
    with open_project(project_at("t.db")) as target:
        report = import_doccano(target, out, offsets="utf16")
        assert report.failed == [] and _content(target) == _content(sample, ["张三"]) - {
            c for c in _content(sample, ["张三"]) if c[5] == "rejected"}


def test_doccano_round_trip_keeps_overlaps_and_layers(sample, tmp_path, project_at):
    out = tmp_path / "d.jsonl"
    export_doccano(sample, out)
    with open_project(project_at("t.db")) as target:
        report = import_doccano(target, out)
        assert (report.failed, report.documents_created) == ([], 2)
        assert _content(target) == _content(sample, ["张三", "李四", "@gold"]) - {
            c for c in _content(sample) if c[5] == "rejected"}
        again = import_doccano(target, out)
        assert (again.imported, again.spans_added) == (0, 0)


def test_doccano_import_as_suggestions_creates_the_document_by_its_text(tmp_path, project_at):
    text = "要加强𠮷安全生产。"
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": text, "label": [[0, 7, "directive"]]}, ensure_ascii=False) + "\n", "utf-8")
    with open_project(project_at("t.db")) as target:
        report = import_doccano(target, src, as_suggestions=True)
        (span,) = list_spans(target)
        assert (span.annotator, span.status, span.source) == ("@suggester", "suggested", "import:doccano")
        assert clean_text(target, span.document_id)[span.start:span.end] == "要加强𠮷安全生"
        assert report.documents_created == 1 and find_by_sha(target, sha256_text(text)) == span.document_id


def test_doccano_crlf_text_is_normalised_and_offsets_follow(tmp_path, project_at):
    text = "一、总体要求\r\n各级要加强😀领导。\r\n增长5.2%。"
    s = text.index("增长5.2%")
    src = tmp_path / "in.jsonl"
    lines = [{"text": text, "label": [[s, s + 6, "statistic"], [0, 6, "directive"]]},
             {"text": "只有\r\n", "label": [[2, 3, "directive"]]}]
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", "utf-8")
    with open_project(project_at("t.db")) as target:
        report = import_doccano(target, src, annotator="王五")
        assert report.crlf_lines == 1 and [(p.line, "only a line break" in p.reason) for p in report.failed] == [(2, True)]
        spans = list_spans(target)
        stored = clean_text(target, spans[0].document_id)
        assert "\r" not in stored and [stored[x.start:x.end] for x in spans] == ["一、总体要求", "增长5.2%"]


@pytest.mark.parametrize("line, reason", [
    ({"text": "文本", "label": ["positive"]}, "categories"),
    ({"text": "文本", "label": [[0, 9, "directive"]]}, "does not fit"),
    ({"text": "文本", "label": [[0, 1, ""]]}, "no label"),
    ({"label": [[0, 1, "directive"]]}, "no text"),
])
def test_doccano_bad_lines_are_named(tmp_path, line, reason, project_at):
    src = tmp_path / "in.jsonl"
    good = {"text": "好的文本", "label": [[0, 2, "directive"]]}
    src.write_text(json.dumps(line, ensure_ascii=False) + "\n" + json.dumps(good, ensure_ascii=False) + "\n", "utf-8")
    with open_project(project_at("t.db")) as target:
        report = import_doccano(target, src, annotator="王五")
        assert [p.line for p in report.failed] == [1] and reason in report.failed[0].reason
        assert report.imported == 1


def test_doccano_utf16_offsets_may_not_split_a_character(tmp_path, project_at):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": "𠮷野家", "label": [[1, 3, "directive"]]}, ensure_ascii=False) + "\n", "utf-8")
    with open_project(project_at("t.db")) as target:
        report = import_doccano(target, src, annotator="王五", offsets="utf16")
        assert "splits a character" in report.failed[0].reason


def test_doccano_import_needs_an_annotator(tmp_path, project_at):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": "文本", "label": [[0, 1, "directive"]]}) + "\n", "utf-8")
    with open_project(project_at("t.db")) as target:
        assert "no annotator" in import_doccano(target, src).failed[0].reason


# -- Prodigy ----------------------------------------------------------------------------------------

def test_prodigy_round_trip_with_rejections(sample, tmp_path, project_at):
    out = tmp_path / "p.jsonl"
    export_prodigy(sample, out, Selection(include_rejected=True))
    tasks = _jsonl(out)
    assert {t.get("answer") for t in tasks} == {"accept", "reject"}
    for task in tasks:
        for s in task["spans"]:
            assert task["text"][s["start"]:s["end"]] == s["text"]
        assert task["meta"]["text_sha256"] == sha256_text(task["text"])
    with open_project(project_at("t.db")) as target:
        report = import_prodigy(target, out)
        assert report.failed == [] and _content(target) == _content(sample, ["张三", "李四", "@gold"])


def test_prodigy_suggestions_and_ignore(tmp_path, project_at):
    src = tmp_path / "in.jsonl"
    tasks = [{"text": "全年增长😀5%", "spans": [{"start": 2, "end": 7, "label": "statistic"}]},
             {"text": "别的", "spans": [{"start": 0, "end": 2, "label": "directive"}], "answer": "ignore"}]
    src.write_text("\n".join(json.dumps(t, ensure_ascii=False) for t in tasks) + "\n", "utf-8")
    with open_project(project_at("t.db")) as target:
        report = import_prodigy(target, src, as_suggestions=True)
        assert (report.imported, report.skipped) == (1, 1)
        assert _content(target) == {("增长😀5%", "@suggester", 2, 7, "statistic", "suggested")}


# -- Label Studio -----------------------------------------------------------------------------------

def test_labelstudio_counts_utf16_and_round_trips(sample, tmp_path, project_at):
    out = tmp_path / "ls.json"
    export_labelstudio(sample, out, Selection(include_suggestions=True))
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert [t["id"] for t in tasks] == [1, 2]
    first = tasks[0]
    # No user mapping given: no completed_by (a Label Studio server refuses names), the names ride in meta.
    assert all("completed_by" not in a for a in first["annotations"])
    assert {r["meta"]["annotator"] for a in first["annotations"] for r in a["result"]} == {"张三", "李四", "@gold"}
    assert [p["model_version"] for p in first["predictions"]] == ["@suggester"]
    for annotation in first["annotations"]:
        for r in annotation["result"]:
            assert _js_slice(first["data"]["text"], r["value"]["start"], r["value"]["end"]) == r["value"]["text"]
    shifted = [r for a in first["annotations"] for r in a["result"] if r["value"]["text"] == "要坚持👨‍👩‍👧问题导向"]
    start, _ = at(TEXT, "要坚持")
    assert shifted[0]["value"]["start"] == start + 2  # 𠮷 and 😀 come before: two extra units
    with open_project(project_at("t.db")) as target:
        report = import_labelstudio(target, out)
        assert report.failed == [] and report.notes == []
        assert _content(target) == _content(sample, ["张三", "李四", "@gold", "@suggester"]) - {
            c for c in _content(sample) if c[5] == "rejected"}


def test_labelstudio_user_ids_code_point_fallback_and_bad_regions(tmp_path, project_at):
    text = "😀要加强安全生产"
    tasks = [
        {"data": {"text": text}, "annotations": [
            {"completed_by": 3, "result": [{"value": {"start": 3, "end": 5, "text": "加强", "labels": ["directive"]}}]},
            {"completed_by": {"id": 4, "email": "a@b.cn"},
             # Code points (as some converters write): 加强 is at [2, 4) in Python.
             "result": [{"value": {"start": 2, "end": 4, "text": "加强", "labels": ["directive"]}}]},
            {"completed_by": 5, "was_cancelled": True, "result": []}]},
        {"data": {"text": TEXT2}, "annotations": [
            {"completed_by": 3, "result": [{"value": {"start": 0, "end": 2, "text": "不对", "labels": ["directive"]}}]}]},
    ]
    src = tmp_path / "ls.json"
    src.write_text(json.dumps(tasks, ensure_ascii=False), "utf-8")
    with open_project(project_at("t.db")) as target:
        report = import_labelstudio(target, src)
        assert [(p.unit, p.line) for p in report.failed] == [("task", 2)] and "is not the text there" in report.failed[0].reason
        assert any("code-point offsets" in n for n in report.notes)
        assert _content(target) == {("加强", "labelstudio-user-3", 2, 4, "directive", "accepted"),
                                    ("加强", "a@b.cn", 2, 4, "directive", "accepted")}


def test_unknown_labels_are_added_not_refused(tmp_path, project_at):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": "张三在北京", "label": [[3, 5, "LOC"]]}, ensure_ascii=False) + "\n", "utf-8")
    with open_project(project_at("t.db")) as target:
        report = import_doccano(target, src, annotator="王五")
        assert report.labels_added == ["LOC"] and report.spans_added == 1
