"""The fast native writer gives exactly the bytes json.dumps gives for the record, and refuses stored
JSON that would make the export invalid."""

from __future__ import annotations

import json
import random

import pytest
from test_exchange_fixtures import build

from annotator.domain.model import Span
from annotator.exchange.native import _sections_json, export_native, record
from annotator.exchange.native_lines import StoredJsonError, line
from annotator.domain.section_paths import section_paths
from annotator.exchange.selection import Selection, iter_bundles
from annotator.storage import open_project, spans
from annotator.storage.documents import add_document

ENCODE = json.JSONEncoder(ensure_ascii=False).encode
EVERYTHING = Selection(include_suggestions=True, include_rejected=True)


def _assert_identical(project):
    for bundle in iter_bundles(project, EVERYTHING):
        fast, count = line(bundle, _sections_json(bundle.sections, section_paths(bundle.sections)))
        assert fast == ENCODE(record(bundle)) and count == len(bundle.spans)


def test_sample_project_lines_are_identical(tmp_path):
    project, _, _ = build(tmp_path / "p.db")
    _assert_identical(project)
    project.close()


def test_random_documents_with_astral_characters_and_odd_strings(tmp_path, project_at):
    rng = random.Random(5)
    alphabet = list("要加强领导，。\n\"\\\t") + ["𠮷", "😀", "\u2028", "\x7f", "é"]
    with open_project(project_at("p.db")) as project:
        for n in range(20):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(5, 80))) + str(n)
            doc, _ = add_document(project, clean_text=text, raw_text=text, title=rng.choice(["", "标\"题", None]) or "")
            for _ in range(rng.randint(0, 15)):
                start = rng.randrange(len(text) - 1)
                end = rng.randint(start + 1, len(text))
                try:
                    spans.add_span(project, Span(document_id=doc, start=start, end=end, label=rng.choice(["directive", "statistic"]),
                                                 annotator=rng.choice(["甲", "乙\"", "丙"]),
                                                 attributes=rng.choice([{}, {"v": rng.random(), "s": "x\"y\n"}, {"n": [1, {"k": None}]}])))
                except Exception:  # noqa: BLE001 - a duplicate random span; not what this test is about
                    pass
        _assert_identical(project)


def test_stored_json_in_another_spelling_is_respelled(tmp_path, project_at):
    with open_project(project_at("p.db")) as project:
        doc, _ = add_document(project, clean_text="增长5.2%", raw_text="增长5.2%")
        spans.add_span(project, Span(document_id=doc, start=0, end=2, label="statistic", annotator="甲"))
        with project.write():
            project.execute("UPDATE spans SET attributes = ?", ['{"a":1,"b":"\\u4e2d"}'])
        (bundle,) = iter_bundles(project, Selection())
        fast, _ = line(bundle, [])
        assert '"attributes": {"a": 1, "b": "中"}' in fast
        assert fast == ENCODE(record(bundle))


@pytest.mark.parametrize("stored", [
    '{"a": [1,2]}', '{"a":  1}', '{"a": 1.50}', '{"a": 1e2}', '{"a": "\\/"}', '{"a": 1, "a": 2}', ' {"a": 1}',
    '{"a": 1} ', '{"a": 1 }', '{ "a": 1}', '{"a" : 1}', '{"a": 1,\n "b": 2}', '{"a": {"b":[]}}', '{"a": -0}',
    '{"a": "\\u00e9"}', '{"a": 10000000000000000000000.0}', '{"a": [ ]}', '{"a": true,  "b": null}',
])
def test_stored_json_that_looks_like_json_dumps_but_is_not_is_respelled(stored, project_at):
    # Every spelling json.loads accepts but json.dumps would not write: the line must still be the
    # bytes json.dumps gives for the record, for the odd span and for the canonical ones beside it.
    with open_project(project_at("p.db")) as project:
        doc, _ = add_document(project, clean_text="全县增长5.2%，要加强领导", raw_text="全县增长5.2%，要加强领导")
        for start in (0, 2, 4):
            spans.add_span(project, Span(document_id=doc, start=start, end=start + 2, label="statistic",
                                         annotator="甲", attributes={"v": start / 3, "s": "x"}))
        with project.write():
            project.execute("UPDATE spans SET attributes = ? WHERE start = 2", [stored])
            project.execute("UPDATE documents SET metadata = ?", [stored])
        (bundle,) = iter_bundles(project, Selection())
        fast, _ = line(bundle, [])
        assert fast == ENCODE(record(bundle))
        assert json.loads(fast)["spans"][1]["attributes"] == json.loads(stored)


@pytest.mark.parametrize("stored, reason", [('{"v": NaN}', "NaN"), ("[1]", "not one JSON object"),
                                            ('{"a": 1}, {"b": 2}', "not one JSON object"), ("{", "not valid JSON")])
def test_damaged_stored_json_is_refused_not_written(tmp_path, stored, reason, project_at):
    with open_project(project_at("p.db")) as project:
        doc, _ = add_document(project, clean_text="增长5.2%", raw_text="增长5.2%")
        spans.add_span(project, Span(document_id=doc, start=0, end=2, label="statistic", annotator="甲"))
        with project.write():
            project.execute("UPDATE spans SET attributes = ?", [stored])
        out = tmp_path / "out.jsonl"
        with pytest.raises(StoredJsonError, match=reason):
            export_native(project, out)
        assert not out.exists()
