"""Atomic export files, safe sibling names, and the section-path sweep."""

from __future__ import annotations

import pytest
from test_exchange_fixtures import TEXT, at, build, outline

from annotator.domain.model import Section, Span
from annotator.exchange import native
from annotator.domain.section_paths import innermost, span_section_paths
from annotator.exchange.safe_write import atomic_open, safe_part, sibling_path
from annotator.storage import spans


def test_failure_midway_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    project, _, _ = build(tmp_path / "p.db")
    target = tmp_path / "out.jsonl"
    target.write_text("previous export\n", encoding="utf-8")
    real = native.iter_bundles

    def broken(*args, **kwargs):
        for n, item in enumerate(real(*args, **kwargs)):
            if n == 1:
                raise OSError("disk full")
            yield item

    monkeypatch.setattr(native, "iter_bundles", broken)
    with pytest.raises(OSError, match="disk full"):
        native.export_native(project, target)
    assert target.read_text(encoding="utf-8") == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "p.db", "p.db-shm", "p.db-wal"]
    project.close()


def test_failure_before_the_first_write_creates_no_file(tmp_path):
    target = tmp_path / "new.csv"
    with pytest.raises(RuntimeError):
        with atomic_open(target) as handle:
            handle.write("half")
            raise RuntimeError("stop")
    assert list(tmp_path.iterdir()) == []


def test_success_replaces_the_file(tmp_path):
    target = tmp_path / "t.txt"
    target.write_text("old", encoding="utf-8")
    with atomic_open(target, "wb") as handle:
        handle.write("新".encode())
    assert target.read_text(encoding="utf-8") == "新"


@pytest.mark.parametrize("name", ["../../evil", "/etc/passwd", "..", "a/../../b", "C:\\x", "CON", "", "nul\x00x"])
def test_sibling_names_stay_in_the_chosen_folder(tmp_path, name):
    chosen = tmp_path / "out" / "export.jsonl"
    chosen.parent.mkdir()
    path = sibling_path(chosen, name)
    assert path.parent == chosen.parent and path.suffix == ".jsonl" and path.name.startswith("export.")
    assert "/" not in safe_part(name) and "\\" not in safe_part(name) and safe_part(name) not in ("", ".", "..")


def test_per_annotator_export_with_a_hostile_name_stays_beside_the_chosen_file(tmp_path):
    project, d1, _ = build(tmp_path / "p.db", suggestions=False)
    start, end = at(TEXT, "60.6亿元")
    spans.add_span(project, Span(document_id=d1, start=start, end=end, label="statistic", annotator="../../evil"))
    spans.add_span(project, Span(document_id=d1, start=start, end=end, label="statistic", annotator=".._.._evil"))
    out = tmp_path / "exports"
    out.mkdir()
    report = native.export_native(project, out / "all.jsonl", per_annotator=True)
    assert all(path.parent == out for path in report.files)
    assert len({path.name for path in report.files}) == len(report.files) == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports", "p.db", "p.db-shm", "p.db-wal"]
    project.close()


def test_section_paths_sweep():
    sections = outline()
    starts = sorted([0, at(TEXT, "各级")[0], at(TEXT, "粮食")[0], at(TEXT, "二、")[0], len(TEXT) - 1])
    assert span_section_paths(sections, starts) == [
        [],
        ["一、加强党的领导"],
        ["一、加强党的领导", "（一）抓好落实", "一要抓好春耕生产"],
        ["二、其他工作"],
        ["二、其他工作"],
    ]


def test_innermost_after_a_nested_section_closes():
    # 一、[0,100) contains （一）[10,20); a start at 50 is back in 一、 only.
    sections = [Section(level=1, marker="一、", title="a", start=0, end=100),
                Section(level=2, marker="（一）", title="b", start=10, end=20, parent=0),
                Section(level=1, marker="二、", title="c", start=100, end=120)]
    assert innermost(sections, [5, 15, 50, 100, 130]) == [0, 1, 0, 2, None]
