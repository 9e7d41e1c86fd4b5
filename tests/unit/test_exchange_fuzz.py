"""Random damage to valid label files: whatever a field holds, import reports the line and goes on —
no exception escapes, the good lines import, the project stays sound."""

from __future__ import annotations

import copy
import hashlib
import json
import random

import pytest

from annotator.services.exchange import import_labels as run_import
from annotator.storage import open_project

TEXT = "要加强党的领导😀，全年增长5.2%。"
HOSTILE = [None, 0, -1, 2**62, 1.5, True, "", "x", "\ud800", "@suggester", "@gold", [], {}, [[0, 1, "x"]],
           {"start": 0}, [None], "a" * 300, "\u0000x"]


def _valid(fmt: str) -> object:
    if fmt == "doccano":
        return {"text": TEXT, "label": [[0, 3, "directive"], [13, 17, "statistic"]], "annotator": "甲", "title": "t"}
    if fmt == "prodigy":
        return {"text": TEXT, "spans": [{"start": 0, "end": 3, "label": "directive", "attributes": {"s": 1}}],
                "_annotator_id": "甲", "answer": "accept", "meta": {"title": "t"}}
    if fmt == "native":
        return {"schema_version": 1, "id": 3, "title": "t", "source": "s", "text": TEXT,
                "text_sha256": hashlib.sha256(TEXT.encode()).hexdigest(), "metadata": {},
                "sections": [{"level": 1, "marker": "一、", "title": "x", "start": 0, "end": 5, "parent": None}],
                "spans": [{"id": "a1", "start": 0, "end": 3, "label": "directive", "annotator": "甲",
                           "status": "accepted", "attributes": {}, "provenance": {}}]}
    return {"data": {"text": TEXT, "title": "t"}, "annotations": [{"completed_by": 1, "result": [
        {"from_name": "label", "to_name": "text", "type": "labels", "meta": {"annotator": "甲", "status": "accepted"},
         "value": {"start": 0, "end": 3, "text": TEXT[:3], "labels": ["directive"]}}]}],
        "predictions": [{"model_version": "m", "result": []}]}


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


def _damage(value, rng: random.Random):
    value = copy.deepcopy(value)
    path = rng.choice([p for p in _paths(value) if p])
    parent = value
    for key in path[:-1]:
        parent = parent[key]
    if rng.random() < 0.15 and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = copy.deepcopy(rng.choice(HOSTILE))
    return value


@pytest.mark.parametrize("fmt", ["doccano", "prodigy", "native", "labelstudio"])
def test_random_damage_never_escapes(tmp_path, fmt, project_at):
    rng = random.Random(fmt)
    good = _valid(fmt)
    with open_project(project_at("p.db")) as project:
        for trial in range(60):
            damaged = [_damage(good, rng) for _ in range(3)]
            src = tmp_path / f"in{trial}"
            # ASCII escapes: a lone surrogate arrives as "\ud800", valid JSON that no UTF-8 text can hold.
            if fmt == "labelstudio":
                src.write_text(json.dumps(damaged), "ascii")
            else:
                src.write_text("\n".join(json.dumps(d) for d in damaged), "ascii")
            report = run_import(project, src, fmt)  # must not raise
            assert report.imported + report.skipped + len(report.failed) == 3, report.summary()
            assert all(p.reason for p in report.failed)
        assert project.integrity_ok()
