"""The application services the CLI and the GUI both call (issue 15, point 2): importing, exchange and
agreement. The front ends' own tests drive them through click and Qt; these pin the services' contract
on its own: what each call does to the project, and what it refuses, with the project or file named."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_exchange_fixtures import build

from annotator.services import agreement, exchange, importing
from annotator.storage import open_project
from annotator.storage import spans as span_store
from annotator.storage.labels import GOLD

SEEDS = sorted(Path("/work/shared/seeds").glob("*.txt"))


@pytest.fixture
def sample(project_at):
    project, d1, d2 = build(project_at("sample.db"))
    yield project, d1, d2
    project.close()


# --- exchange ------------------------------------------------------------------------------------


def test_make_selection_takes_typed_names_and_lists():
    assert exchange.make_selection(" 张三, ,李四 ").annotators == ("张三", "李四")
    assert exchange.make_selection(["张三"], gold=True).gold
    assert exchange.make_selection("").annotators is None  # nothing named: everyone and gold
    assert exchange.make_selection(None).annotators is None


def test_export_without_a_selection_takes_every_annotator_and_gold(sample, tmp_path):
    project, _, _ = sample
    out = tmp_path / "all.jsonl"
    report = exchange.export_labels(project, out, "native")
    names = {s["annotator"] for line in out.read_text(encoding="utf-8").splitlines()
             for s in json.loads(line)["spans"]}
    assert names == {"张三", "李四", GOLD}
    assert report.spans == 8 and report.files == [out]
    only = exchange.export_labels(project, tmp_path / "li.jsonl", "native", exchange.make_selection("李四"))
    assert only.spans == 3


def test_import_round_trip_through_the_service(sample, tmp_path, project_at):
    project, _, _ = sample
    out = tmp_path / "d.jsonl"
    exchange.export_labels(project, out, "doccano", offsets="utf16")
    with open_project(project_at("fresh.db")) as fresh:
        report = exchange.import_labels(fresh, out, "doccano", offsets="utf16")
        assert not report.failed and report.documents_created == 2
        # the export leaves out what 张三 rejected (a suggestion): compare the accepted spans
        def mine(p):
            return sorted((s.start, s.end, s.label) for s in span_store.list_spans(p, annotators=["张三"],
                                                                                 statuses=["accepted"]))
        assert mine(fresh) == mine(project) and len(mine(project)) == 4


def test_import_refuses_what_a_format_does_not_take(sample, tmp_path):
    project, _, _ = sample
    out = tmp_path / "p.jsonl"
    exchange.export_labels(project, out, "prodigy")
    with pytest.raises(ValueError, match="doccano files only"):
        exchange.import_labels(project, out, "prodigy", offsets="utf16")
    with pytest.raises(ValueError, match="exclude each other"):
        exchange.import_labels(project, out, "prodigy", annotator="王五", as_suggestions=True)
    with pytest.raises(ValueError, match="unknown format"):
        exchange.export_labels(project, out, "brat")
    with pytest.raises(ValueError, match="export only"):
        exchange.import_labels(project, out, "csv")


def test_dialog_filters_and_cli_choices_are_the_registry():
    assert [name for name, _ in exchange.dialog_filters("export")] == list(exchange.EXPORT_FORMATS)
    assert [name for name, _ in exchange.dialog_filters("import")] == list(exchange.IMPORT_FORMATS)
    _, doccano = next(f for f in exchange.dialog_filters("import") if f[0] == "doccano")
    assert exchange.format_for_filter("import", doccano) == "doccano"
    assert exchange.format_for_filter("import", "nothing chosen") == "native"


def test_merge_projects_is_repeatable(sample, tmp_path, project_at):
    project, _, _ = sample
    project.close()
    with open_project(project_at("target.db")) as target:
        first = exchange.merge_projects(target, [project_at("sample.db")])
        again = exchange.merge_projects(target, [str(project_at("sample.db"))])
        missing = exchange.merge_projects(target, [tmp_path / "nowhere.db"])
    assert first.ok and first.sources[0].spans_added > 0
    assert again.ok and again.sources[0].spans_added == 0
    assert not missing.ok and "nowhere.db" in missing.summary()


def test_the_exchange_service_loads_no_storage_when_imported():
    # The CLI builds --format choices from it at start-up: `annotator --help` must stay light.
    code = ("import sys, annotator.services.exchange; "
            "assert not any(m.startswith(('annotator.storage', 'sqlite_utils', 'openpyxl')) for m in sys.modules), "
            "sorted(m for m in sys.modules if m.startswith('annotator'))")
    subprocess.run([sys.executable, "-c", code], check=True)


# --- agreement -----------------------------------------------------------------------------------


def test_agreement_report_checks_what_was_asked_and_names_the_project(sample):
    project, _, _ = sample
    with pytest.raises(ValueError, match="no label 'nothing'") as err:
        agreement.agreement_report(project, label="nothing")
    assert str(project.location) in str(err.value)
    with pytest.raises(ValueError, match="no annotator 王五"):
        agreement.agreement_report(project, ["张三", "王五"])
    with pytest.raises(ValueError, match="at least two"):
        agreement.agreement_report(project, ["张三"])
    result = agreement.agreement_report(project, ["张三", "李四"])
    assert result.annotators == ["张三", "李四"]
    assert json.loads(agreement.render_report(result, "json"))["annotators"] == ["张三", "李四"]
    assert agreement.render_report(result, "html").startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError, match="unknown report format"):
        agreement.render_report(result, "pdf")


def test_write_report_replaces_the_file_whole(tmp_path):
    target = tmp_path / "r.txt"
    target.write_text("old", encoding="utf-8")
    agreement.write_report("新的报告\n", str(target))
    assert target.read_text(encoding="utf-8") == "新的报告\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]  # no temporary file left beside it


def test_premerge_returns_exactly_the_rows_it_added(sample):
    project, d1, _ = sample
    before = {s.id for s in agreement.gold_layer(project, d1)}
    added = agreement.premerge(project, d1, ["张三", "李四"], "赵六")
    # 张三 and 李四 agree on nothing identically in the sample except what gold already holds
    assert {s.id for s in agreement.gold_layer(project, d1)} == before | {s.id for s in added}
    assert agreement.premerge(project, d1, ["张三", "李四"], "赵六") == []  # idempotent: nothing new
    agreement.remove_gold(project, added, by="赵六")
    assert {s.id for s in agreement.gold_layer(project, d1)} == before


def test_premerge_adds_agreed_spans_and_undo_removes_only_those(project_at):
    with open_project(project_at("p.db")) as project:
        from annotator.domain.model import Span
        from annotator.storage import documents as docs

        text = "要加强安全生产。全年事故下降12%。要坚持问题导向。"
        doc, _ = docs.add_document(project, clean_text=text, raw_text=text, title="t")
        for who in ("甲", "乙"):
            span_store.add_span(project, Span(0, 7, "directive", who, document_id=doc))
        span_store.add_span(project, Span(8, 17, "statistic", "甲", document_id=doc))
        added = agreement.premerge(project, doc, ["甲", "乙"], "丙")
        assert [(s.start, s.end, s.label, s.annotator) for s in added] == [(0, 7, "directive", GOLD)]
        open_items = [i for i in agreement.review_items(project, doc, ["甲", "乙"]) if i.is_open]
        assert len(open_items) == 1 and open_items[0].disagreement.kind == agreement.MISSING_IN_B
        agreement.remove_gold(project, added, by="丙")
        assert agreement.gold_layer(project, doc) == []


# --- importing -----------------------------------------------------------------------------------


def test_import_files_with_suggestions_as_the_gui_does(tmp_path, project_at):
    assert SEEDS, "the real speeches in /work/shared/seeds are missing"
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip file")
    with open_project(project_at("p.db")) as project:
        summary = importing.import_files(project, [SEEDS[0], bad], suggest=True)
        assert summary.imported == 1 and [Path(o.path).name for o in summary.failed] == ["bad.docx"]
        (doc,) = [o.document_id for o in summary.outcomes if o.status == "imported"]
        assert span_store.list_spans(project, doc, annotators=["@suggester"])  # suggestions are ready
    with open_project(project_at("q.db")) as project:
        plain = importing.import_files(project, [SEEDS[0]])
        (doc,) = [o.document_id for o in plain.outcomes if o.status == "imported"]
        assert span_store.list_spans(project, doc, annotators=["@suggester"]) == []  # the CLI's import


def test_prepare_file_names_the_file_it_cannot_read(tmp_path):
    from annotator.io.errors import ReadError

    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(ReadError, match="坏.docx"):
        importing.prepare_file(bad)
    prepared = importing.prepare_file(SEEDS[0])
    assert prepared.cleaned.text and prepared.title


def test_the_service_table_in_architecture_md_names_real_functions():
    """ARCHITECTURE.md lists one service per thing a person asks for; every name it gives exists."""
    import importlib
    import re

    doc = (Path(__file__).resolve().parents[2] / "ARCHITECTURE.md").read_text(encoding="utf-8")
    table = doc.split("## The service layer")[1].split("\n## ")[0]
    named = 0
    for row in table.splitlines():
        cells = row.split("|")
        if len(cells) < 3 or not cells[2].strip().startswith("`"):
            continue
        module = None
        for name in re.findall(r"`([\w.]+)`", cells[2]):
            if "." in name:
                module, name = name.split(".", 1)
            assert module, row
            assert hasattr(importlib.import_module(f"annotator.services.{module}"), name), f"{module}.{name}"
            named += 1
    assert named >= 20
