"""The export / import-labels / merge verbs, driven through click as a user would."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner
from test_exchange_fixtures import build

from annotator.cli.exchange import register


@pytest.fixture
def cli():
    @click.group()
    def group():
        pass

    register(group)
    return group


@pytest.fixture
def sample_path(project_at):
    """The sample project on each backend: a ``.db`` path or a ``postgresql://`` URL (the verbs take both)."""
    project, _, _ = build(project_at("sample.db"))
    project.close()
    return project_at("sample.db")


@pytest.fixture
def sample_file(tmp_path):
    """The sample as a SQLite file, for what only a file has (its bytes, open() on it)."""
    project, _, _ = build(tmp_path / "sample.db")
    project.close()
    return tmp_path / "sample.db"


def _run(cli, *args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_export_then_import_round_trip(cli, sample_path, tmp_path, project_at):
    out = tmp_path / "all.jsonl"
    result = _run(cli, "export", sample_path, "--format", "native", "-o", out, "--include-suggestions",
                  "--include-rejected")
    assert result.exit_code == 0 and "spans from 2 documents" in result.output
    result = _run(cli, "import-labels", project_at("copy.db"), out, "--format", "native")
    assert result.exit_code == 0 and "2 lines imported, 0 skipped, 0 failed" in result.output
    again = tmp_path / "again.jsonl"
    _run(cli, "export", project_at("copy.db"), "--format", "native", "-o", again, "--include-suggestions",
         "--include-rejected")
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["doccano", "prodigy", "labelstudio", "csv", "xlsx"])
def test_every_format_exports(cli, sample_path, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = _run(cli, "export", sample_path, "--format", fmt, "-o", out, "--annotators", "张三,李四")
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 0


def test_per_annotator_and_conll(cli, sample_path, tmp_path):
    result = _run(cli, "export", sample_path, "--format", "conll", "-o", tmp_path / "t.conll")
    assert result.exit_code == 1 and "one annotator" in result.output and str(sample_path) in result.output
    result = _run(cli, "export", sample_path, "--format", "conll", "-o", tmp_path / "t.conll", "--per-annotator")
    assert result.exit_code == 0 and sorted(p.name for p in tmp_path.glob("t.*.conll")) == [
        "t.@gold.conll", "t.张三.conll", "t.李四.conll"]


def test_import_lists_failed_lines_and_exits_non_zero(cli, sample_path, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": "要加强领导", "label": [[0, 5, "directive"]]}, ensure_ascii=False) + "\n"
                   + json.dumps({"text": "短", "label": [[0, 9, "directive"]]}, ensure_ascii=False) + "\n", "utf-8")
    result = _run(cli, "import-labels", sample_path, src, "--format", "doccano", "--annotator", "王五")
    assert result.exit_code == 1
    assert "1 lines imported, 0 skipped, 1 failed" in result.output and "line 2: span [0, 9) does not fit" in result.output


def test_native_import_takes_an_annotator(cli, sample_path, tmp_path):
    out = tmp_path / "zs.jsonl"
    _run(cli, "export", sample_path, "--format", "native", "-o", out, "--annotators", "张三")
    result = _run(cli, "import-labels", sample_path, out, "--format", "native", "--annotator", "王五")
    assert result.exit_code == 0 and "spans added: 4" in result.output, result.output
    result = _run(cli, "import-labels", sample_path, out, "--format", "native", "--annotator", "@x")
    assert result.exit_code == 1 and "reserved layer name" in result.output


def test_merge_summary(cli, sample_path, project_at):
    result = _run(cli, "merge", project_at("team.db"), sample_path)
    assert result.exit_code == 0 and "2 documents added" in result.output, result.output
    result = _run(cli, "merge", project_at("team.db"), sample_path)
    assert "0 documents added, 2 already present; 0 spans added" in result.output


def test_errors_name_the_file(cli, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"hello")
    result = _run(cli, "export", bad, "--format", "native", "-o", tmp_path / "o.jsonl")
    assert result.exit_code == 1 and str(bad) in result.output and "not an SQLite database" in result.output
    result = _run(cli, "export", tmp_path / "none.db", "--format", "csv", "-o", tmp_path / "o.csv")
    assert result.exit_code == 1 and "no such project file" in result.output
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("fmt", ["native", "csv", "labelstudio"])
def test_export_never_overwrites_a_project(cli, sample_file, tmp_path, fmt):
    sample_path = sample_file
    # Onto the project itself (open in this process while exporting) and onto another project file.
    other = tmp_path / "other.db"
    build(other)[0].close()
    for target in (sample_path, other):
        before = target.read_bytes()
        result = _run(cli, "export", sample_path, "--format", fmt, "-o", target)
        assert result.exit_code != 0 and str(target) in result.output, result.output
        assert "never overwrites" in result.output
        assert target.read_bytes() == before
    assert _run(cli, "export", sample_path, "--format", "native", "-o", tmp_path / "ok.jsonl").exit_code == 0


@pytest.mark.parametrize("fmt", ["native", "labelstudio"])
def test_import_labels_never_reads_the_open_project(cli, sample_file, monkeypatch, fmt):
    sample_path = sample_file
    # Reading the open project with open() would drop this process's SQLite locks on it (POSIX).
    import builtins

    real_open = builtins.open

    def guarded(file, *args, **kwargs):
        assert str(file) != str(sample_path), "the project file was opened with open()"
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded)
    result = _run(cli, "import-labels", sample_path, sample_path, "--format", fmt)
    assert result.exit_code != 0 and "open project" in result.output, result.output
