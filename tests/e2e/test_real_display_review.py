"""Adjudication of THREE annotators at a real X display, keyboard only (xdotool key events), on a real
speech (a seed): the lead opens the project → Ctrl+Shift+R opens the review → M pre-merges what all three
agree on → the digit of an annotator's column takes that version into gold (the list moves on to the next
open disagreement) → R rejects one → N/P walk → Ctrl+E exports the gold layer through the save dialog.
Asserted on the project file and the exported file: exactly the chosen versions, with their exact text.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.domain.model import Span
from tests.e2e.test_real_display import App, _query, _wait

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
GOLD = "@gold"


def _seed() -> Path:
    """The first seed with enough of both kinds to disagree about (the seeds are read, never copied)."""
    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds, f"the real speeches are missing: {SEEDS} (tests need /work/shared/seeds)"
    for seed in seeds:
        try:
            _fragments(seed.read_text(encoding="utf-8"))
            return seed
        except AssertionError:
            continue
    raise AssertionError("no seed has two statistics and three directives")


def _fragments(text: str) -> dict[str, tuple[int, int]]:
    """Where the three annotators tag, found in the real text (never hard-coded offsets)."""
    stats = [m for m in re.finditer(r"[^，。；：,;:\s\d]{2,12}\d+(?:\.\d+)?(?:%|％|万|亿|个|人|家|元|项)", text)]
    directives = [m for m in re.finditer(r"要[^，。；：,;:\s]{4,40}", text)]
    assert len(stats) >= 2 and len(directives) >= 3, "the seed has too few statistics or directives"
    pick = lambda m: (m.start(), m.end())  # noqa: E731
    return {"agreed": pick(directives[0]), "stat": pick(stats[0]), "stat2": pick(stats[1]),
            "alone": pick(directives[2])}


def _build(path: Path) -> tuple[str, dict]:
    from annotator.ingest import import_paths
    from annotator.storage import open_project
    from annotator.storage import spans as span_store

    with open_project(path) as project:
        assert import_paths(project, [_seed()]).imported == 1
        (doc,) = [r[0] for r in project.execute("SELECT id FROM documents")]
        text = project.execute("SELECT clean_text FROM documents WHERE id = ?", [doc]).fetchone()[0]
        where = _fragments(text)
        (a0, a1), (s0, s1), (t0, t1), (z0, z1) = (where[k] for k in ("agreed", "stat", "stat2", "alone"))
        spans = [*(Span(a0, a1, "directive", who, document_id=doc) for who in ("li", "wang", "zhao")),
                 Span(s0, s1, "statistic", "li", document_id=doc),          # three boundaries
                 Span(s0 + 1, s1, "statistic", "wang", document_id=doc),
                 Span(s0, s1 - 1, "statistic", "zhao", document_id=doc),
                 Span(t0, t1, "statistic", "wang", document_id=doc),         # wang and zhao; li has none
                 Span(t0, t1, "statistic", "zhao", document_id=doc),
                 Span(z0, z1, "directive", "zhao", document_id=doc)]         # zhao alone
        for span in spans:
            span_store.add_span(project, span)
    return text, where


def _gold(project: Path) -> list[tuple]:
    return sorted(_query(project, 'SELECT start, "end", label, status FROM spans WHERE annotator = ?', [GOLD]))


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_adjudicating_three_annotators_at_a_real_display(x_display, tmp_path, language):
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.ini").write_text(f"[user]\nannotator=lead\nlanguage={language}\n", encoding="utf-8")
    project = tmp_path / "three.db"
    text, where = _build(project)
    out = tmp_path / "gold.jsonl"
    app = App(x_display, home, tmp_path / "state.json")
    app.proc = subprocess.Popen([sys.executable, "-m", "annotator", str(project)], env=app.env,
                                stdout=open(app.log, "ab"), stderr=subprocess.STDOUT)
    try:
        app.window("Speech Structure Annotator" if language == "en" else "讲话结构标注")
        app.key("ctrl+shift+r")
        app.window("Review —" if language == "en" else "审核 —")
        (s0, s1), (t0, t1), (z0, z1), (a0, a1) = (where[k] for k in ("stat", "stat2", "alone", "agreed"))

        app.key("m")  # what all three agree on goes into gold
        _wait("the agreed directive in gold", lambda: _gold(project) == [(a0, a1, "directive", "gold")], app=app)

        # The walk: first open disagreement is the statistic with three boundaries. N and P step and come back.
        app.key("n", "p")
        app.key("2")  # wang's version (column 2), then the list moves on to wang's and zhao's statistic
        _wait("wang's statistic in gold", lambda: (s0 + 1, s1, "statistic", "gold") in _gold(project), app=app)
        app.key("3")  # zhao's version of the second statistic (li has none there)
        _wait("the second statistic in gold", lambda: (t0, t1, "statistic", "gold") in _gold(project), app=app)
        app.key("r")  # zhao's lone directive: rejected (nothing goes into gold)
        _wait("the lone directive rejected", lambda: any(g[:2] == (z0, z1) and g[3] != "gold"
                                                         for g in _gold(project)), app=app)
        accepted = [g for g in _gold(project) if g[3] == "gold"]
        assert sorted(accepted) == sorted([(a0, a1, "directive", "gold"), (s0 + 1, s1, "statistic", "gold"),
                                           (t0, t1, "statistic", "gold")])
        assert not any(g[0] == z0 and g[3] == "gold" for g in _gold(project)), "the rejected span reached gold"

        # Ctrl+E: the gold layer through the save dialog (a typed path), in the default format (native JSONL).
        app.key("ctrl+e")
        app.window("Export gold" if language == "en" else "导出金标准", timeout=20)
        app.type(str(out))
        app.key("Return")
        _wait("the gold export written", lambda: out.exists() and out.stat().st_size > 0, app=app)
        _wait("the export complete", lambda: _complete(out), app=app)
    finally:
        if app.proc and app.proc.poll() is None:
            app.proc.kill()
            app.proc.wait(20)

    (s0, s1), (t0, t1) = where["stat"], where["stat2"]
    records = _complete(out)
    spans = [s for record in records for s in _spans_of(record)]
    exported = sorted((s["start"], s["end"], s["label"]) for s in spans)
    assert exported == sorted((g[0], g[1], g[2]) for g in accepted), exported
    for s in spans:
        assert s["text"] == text[s["start"]:s["end"]] and s["annotator"] == GOLD and s["status"] == "gold"
    chosen = {(s["start"], s["end"]): s["provenance"].get("chosen") for s in spans}
    assert chosen[(s0 + 1, s1)] == "wang" and chosen[(t0, t1)] == "zhao"


def _complete(path: Path) -> list[dict] | None:
    try:
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError):
        return None
    return lines or None


def _spans_of(record: dict) -> list[dict]:
    for key in ("spans", "labels", "annotations"):
        if isinstance(record.get(key), list):
            return record[key]
    return [record] if {"start", "end", "label"} <= set(record) else []


if not sys.platform.startswith("linux"):
    pytestmark = pytest.mark.skip(reason="Xvfb end-to-end test runs on Linux")
