"""A label file cannot flood a project with labels: past MAX_NEW_LABELS new names, a line that would add
one more is refused with the reason (the file, the line), lines using known labels still import, and
nothing of a refused line is stored."""

from __future__ import annotations

import json

from annotator.exchange.importing import MAX_NEW_LABELS
from annotator.services.exchange import import_labels
from annotator.storage import documents, open_project
from annotator.storage.labels import get_labels

from tests.data.bad_label_files import label_flood, task, write_tasks


def test_a_label_studio_flood_of_new_labels_stops_at_the_cap(tmp_path, project_at):
    path = tmp_path / "flood.json"
    flood = list(label_flood(MAX_NEW_LABELS + 40))
    known = task(10_000, chars=200, regions=2, label=flood[0]["annotations"][0]["result"][0]["value"]["labels"][0])
    write_tasks(path, iter(flood + [known]))
    with open_project(project_at("p.db")) as project:
        before = {label.name for label in get_labels(project)}
        report = import_labels(project, path, "labelstudio", annotator="甲")
        labels = {label.name for label in get_labels(project)} - before
        assert len(labels) == MAX_NEW_LABELS == len(report.labels_added)
        assert report.failed_count == 40
        assert [p.line for p in report.failed] == list(range(MAX_NEW_LABELS + 1, MAX_NEW_LABELS + 41))
        assert f"past the {MAX_NEW_LABELS} new labels one file may add" in report.failed[0].reason
        assert report.imported == MAX_NEW_LABELS + 1  # the last task uses a label already added: imported
        # A refused task left nothing behind: no document, no label.
        assert len(documents.document_ids(project)) == MAX_NEW_LABELS + 1


def test_one_line_with_too_many_labels_is_refused_whole(tmp_path, project_at):
    text = "要" * 2000
    spans = [[i, i + 1, f"类{i}"] for i in range(MAX_NEW_LABELS + 1)]
    path = tmp_path / "wide.jsonl"
    path.write_text(json.dumps({"text": text, "label": spans, "annotator": "甲"}, ensure_ascii=False) + "\n"
                    + json.dumps({"text": "另一篇", "label": [[0, 2, "类0"]], "annotator": "甲"}, ensure_ascii=False)
                    + "\n", encoding="utf-8")
    with open_project(project_at("p.db")) as project:
        report = import_labels(project, path, "doccano")
        assert [p.line for p in report.failed] == [1]
        assert f"'类0' and {MAX_NEW_LABELS} more" in report.failed[0].reason
        assert report.labels_added == ["类0"] and report.imported == 1
        assert len(documents.document_ids(project)) == 1


def test_labels_the_project_already_has_are_not_counted(tmp_path, project_at):
    path = tmp_path / "known.json"
    flood = list(label_flood(MAX_NEW_LABELS))
    write_tasks(path, iter(flood))
    with open_project(project_at("p.db")) as project:
        assert import_labels(project, path, "labelstudio", annotator="甲").failed_count == 0
        # The same labels again (another annotator): nothing new, nothing refused.
        again = import_labels(project, path, "labelstudio", annotator="乙")
        assert again.failed_count == 0 and again.labels_added == [] and again.spans_added == MAX_NEW_LABELS
