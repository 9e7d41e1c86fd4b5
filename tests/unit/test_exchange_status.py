"""Statuses, annotators and attributes across round trips through doccano, Prodigy and Label Studio;
legacy and foreign files imported or refused with a reason; the Label Studio export in the shape a
Label Studio server accepts (and, when the package is installed, accepted by a real server)."""

from __future__ import annotations

import json

import pytest
from test_exchange_fixtures import build

from annotator.services.exchange import export_labels as run_export, import_labels as run_import
from annotator.exchange.labelstudio import export_labelstudio, import_labelstudio, label_config
from annotator.exchange.selection import Selection
from annotator.storage import open_project
from annotator.storage.documents import clean_text
from annotator.storage.spans import list_spans

EVERYTHING = Selection(include_suggestions=True, include_rejected=True)


@pytest.fixture
def sample(tmp_path):
    project, _, _ = build(tmp_path / "sample.db")
    yield project
    project.close()


def _content(project, *, attributes=False):
    return {
        (clean_text(project, s.document_id)[s.start:s.end], s.annotator, s.start, s.end, s.label, s.status)
        + ((json.dumps(s.attributes, sort_keys=True, ensure_ascii=False),) if attributes else ())
        for s in list_spans(project)
    }


@pytest.mark.parametrize("fmt", ["doccano", "prodigy", "labelstudio"])
def test_suggestions_and_rejections_keep_their_status(sample, tmp_path, fmt, project_at):
    out = tmp_path / f"out.{fmt}"
    run_export(sample, out, fmt, EVERYTHING)
    with open_project(project_at("copy.db")) as copy:
        report = run_import(copy, out, fmt)
        assert report.failed == [], report.summary()
        assert _content(copy) == _content(sample)
        statuses = {c[5] for c in _content(copy)}
        assert {"suggested", "rejected", "accepted", "gold"} <= statuses


@pytest.mark.parametrize("fmt", ["prodigy", "labelstudio"])
def test_attributes_survive(sample, tmp_path, fmt, project_at):
    out = tmp_path / f"out.{fmt}"
    run_export(sample, out, fmt, EVERYTHING)
    with open_project(project_at("copy.db")) as copy:
        run_import(copy, out, fmt)
        assert _content(copy, attributes=True) == _content(sample, attributes=True)


def test_labelstudio_export_has_the_shape_its_importer_accepts(sample, tmp_path):
    """The rules of label_studio/tasks/serializers.py (_insert_valid_completed_by) and the Labels
    control: completed_by absent, a member's id or {"email"}; regions of type labels on from/to names
    the config declares; offsets that slice the text as JavaScript does."""
    out = tmp_path / "ls.json"
    export_labelstudio(sample, out, EVERYTHING, users={"张三": 1, "@gold": "lead@example.org"})
    tasks = json.loads(out.read_text("utf-8"))
    config = label_config(["directive", "statistic"])
    assert 'name="label" toName="text"' in config and 'value="$text"' in config
    seen_users = []
    for task in tasks:
        assert isinstance(task["data"]["text"], str)
        for annotation in task["annotations"]:
            user = annotation.get("completed_by")
            assert user is None or isinstance(user, int) or (isinstance(user, dict) and "@" in user["email"])
            seen_users.append(user)
            assert isinstance(annotation["ground_truth"], bool) and annotation["was_cancelled"] is False
        for item in task["annotations"] + task["predictions"]:
            for region in item["result"]:
                assert (region["from_name"], region["to_name"], region["type"]) == ("label", "text", "labels")
                value = region["value"]
                utf16 = task["data"]["text"].encode("utf-16-le")
                assert utf16[2 * value["start"]:2 * value["end"]].decode("utf-16-le") == value["text"]
                assert isinstance(region["meta"]["text"], list) and region["meta"]["annotator"]
    assert 1 in seen_users and {"email": "lead@example.org"} in seen_users and None in seen_users  # 李四: unmapped


def test_labelstudio_user_mapping_round_trips(sample, tmp_path, project_at):
    out = tmp_path / "ls.json"
    users = {"张三": 1, "李四": 2, "@gold": 3}
    export_labelstudio(sample, out, EVERYTHING, users=users)
    tasks = json.loads(out.read_text("utf-8"))
    for task in tasks:  # as a server exports: region meta kept, but say it lost our extra keys
        for a in task["annotations"]:
            for r in a["result"]:
                r["meta"] = {"text": r["meta"]["text"]}
    out.write_text(json.dumps(tasks, ensure_ascii=False), "utf-8")
    with open_project(project_at("copy.db")) as copy:
        report = import_labelstudio(copy, out, users=users)
        assert report.failed == []
        accepted = {c for c in _content(sample) if c[5] in ("accepted", "gold")}
        assert accepted <= _content(copy)


@pytest.fixture(scope="module")
def labelstudio_server():
    from labelstudio_server import interpreter, running_server  # noqa: PLC0415

    if interpreter() is None:
        pytest.skip("label_studio is not installed (nor LABEL_STUDIO_PYTHON set): the real-server import test "
                    "is skipped; the format check above always runs")
    with running_server() as server:
        yield server


def test_a_real_label_studio_server_accepts_the_export(sample, tmp_path, labelstudio_server):
    out = tmp_path / "ls.json"
    export_labelstudio(sample, out, EVERYTHING)
    created = labelstudio_server.import_tasks(label_config(["directive", "statistic"]), out)
    assert created["task_count"] == 2 and created["annotation_count"] == 5 and created["prediction_count"] == 2


# -- legacy and foreign files -----------------------------------------------------------------------

def _write(path, obj):
    path.write_text(obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False), "utf-8")
    return path


def test_legacy_completions_are_read_as_annotations(tmp_path, project_at):
    src = _write(tmp_path / "old.json", [{"data": {"text": "要加强安全生产"}, "completions": [
        {"completed_by": 2, "result": [{"from_name": "label", "to_name": "text", "type": "labels",
                                        "value": {"start": 1, "end": 3, "text": "加强", "labels": ["directive"]}}]}]}])
    with open_project(project_at("p.db")) as project:
        report = import_labelstudio(project, src)
        assert report.spans_added == 1 and any("completions" in n for n in report.notes)


@pytest.mark.parametrize("data, reason", [
    ({"image": "https://example.org/a.jpg"}, "data has image but no 'text'"),
    ({"title": "只有标题"}, "data has title but no 'text'"),
])
def test_image_and_title_only_tasks_are_refused_with_a_reason(tmp_path, data, reason, project_at):
    src = _write(tmp_path / "t.json", [{"data": data, "annotations": []}])
    with open_project(project_at("p.db")) as project:
        report = import_labelstudio(project, src)
        assert report.documents_created == 0 and reason in report.failed[0].reason


def test_a_text_under_another_name_is_found_by_its_regions(tmp_path, project_at):
    src = _write(tmp_path / "t.json", [{"data": {"url": "x", "content": "要加强安全生产"}, "annotations": [
        {"result": [{"type": "labels", "value": {"start": 1, "end": 3, "text": "加强", "labels": ["d"]}}]}]}])
    with open_project(project_at("p.db")) as project:
        report = import_labelstudio(project, src, annotator="甲")
        assert report.failed == [] and report.spans_added == 1


def test_other_controls_are_counted_not_dropped_silently(tmp_path, project_at):
    src = _write(tmp_path / "t.json", [{"data": {"text": "要加强安全生产"}, "annotations": [
        {"result": [{"type": "choices", "value": {"choices": ["好"]}}]}]}])
    with open_project(project_at("p.db")) as project:
        report = import_labelstudio(project, src, annotator="甲")
        assert any("type choices" in n and "not imported" in n for n in report.notes)


def test_doccano_1x_annotations_with_names_import_and_with_ids_are_refused(tmp_path, project_at):
    lines = [{"text": "要加强安全生产", "annotations": [{"label": "directive", "start_offset": 1, "end_offset": 3}]},
             {"text": "全年事故下降", "annotations": [{"label": 4, "start_offset": 0, "end_offset": 2}]}]
    src = _write(tmp_path / "d.jsonl", "\n".join(json.dumps(x, ensure_ascii=False) for x in lines))
    with open_project(project_at("p.db")) as project:
        report = run_import(project, src, "doccano", annotator="甲")
        assert report.spans_added == 1 and [p.line for p in report.failed] == [2]
        assert "label id 4" in report.failed[0].reason


def test_lines_without_any_span_key_are_reported(tmp_path, project_at):
    src = _write(tmp_path / "d.jsonl", json.dumps({"text": "要加强安全生产", "meta": {"x": 1}}, ensure_ascii=False))
    with open_project(project_at("p.db")) as project:
        report = run_import(project, src, "doccano", annotator="甲")
        assert "1 lines had no label, labels, entities or annotations key" in report.summary()


def test_prodigy_relations_are_reported(tmp_path, project_at):
    src = _write(tmp_path / "p.jsonl", json.dumps({
        "text": "张三在北京", "answer": "accept", "_annotator_id": "甲",
        "spans": [{"start": 0, "end": 2, "label": "PER"}, {"start": 3, "end": 5, "label": "LOC"}],
        "relations": [{"head": 0, "child": 1, "label": "IN"}]}, ensure_ascii=False))
    with open_project(project_at("p.db")) as project:
        report = run_import(project, src, "prodigy")
        assert report.spans_added == 2 and any("1 relations in 1 lines were not imported" in n for n in report.notes)


# -- native --annotator: a file's layers into one person's --------------------------------------------

def test_native_annotator_reassigns_and_adopts_suggestions(sample, tmp_path):
    out = tmp_path / "sugg.jsonl"
    run_export(sample, out, "native", Selection(annotators=("@suggester",), include_suggestions=True))
    report = run_import(sample, out, "native", annotator="王五")
    assert report.failed == [] and report.spans_added == 1
    (adopted,) = list_spans(sample, annotators=["王五"])
    assert adopted.status == "accepted" and adopted.attributes == {"value": 5.2}
    again = run_import(sample, out, "native", annotator="王五")
    assert again.spans_added == 0  # importing twice adds nothing


def test_native_as_suggestions(sample, tmp_path, project_at):
    out = tmp_path / "all.jsonl"
    run_export(sample, out, "native", Selection(annotators=("张三",)))
    with open_project(project_at("copy.db")) as copy:
        report = run_import(copy, out, "native", as_suggestions=True)
        assert report.failed == [] and {s.annotator for s in list_spans(copy)} == {"@suggester"}
        assert {s.status for s in list_spans(copy)} == {"suggested"}


def test_a_file_written_by_a_real_label_studio_server_imports(tmp_path, sample, project_at):
    """tests/data/exchange/labelstudio-1.23.2-export.json: our export, imported into Label Studio
    1.23.2 and exported by it (see the README there)."""
    from pathlib import Path

    src = Path(__file__).parents[1] / "data" / "exchange" / "labelstudio-1.23.2-export.json"
    with open_project(project_at("back.db")) as back:
        report = import_labelstudio(back, src)
        assert report.failed == [], report.summary()
        assert any("listed by id only" in n for n in report.notes)
        # Annotators, statuses (accepted, gold) and attributes come back from the region meta.
        accepted = {c for c in _content(sample, attributes=True) if c[5] in ("accepted", "gold")}
        assert _content(back, attributes=True) == accepted
