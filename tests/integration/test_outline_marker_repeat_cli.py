"""`annotator outline` on the issue's hostile text: "第一章第一条" glued together 500 000 times (3 M characters)
took minutes (each re-arranging pass of the outline dropped one lone run; 25 passes of a million
candidates).  It ends, within a generous timeout, with a bounded outline.  Behaviour only: its time is
the benchmark's business (annotator/bench/outline_hostile.py); the placement bound is tested in
tests/unit/test_outline_marker_repeat.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

UNIT = "第一章第一条"


def test_the_cli_outlines_half_a_million_repeats(tmp_path: Path):
    path = tmp_path / "repeat.txt"
    path.write_text(UNIT * 500_000, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[2]),
                                                        os.environ.get("PYTHONPATH", "")])}
    # Generous: it takes seconds on an idle core; it took minutes before the placement budget.
    done = subprocess.run([sys.executable, "-m", "annotator", "outline", str(path), "--format", "jsonl"],
                          capture_output=True, text=True, timeout=900, env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert 0 < len(lines) <= 2  # one heading, not a million
    assert all(json.loads(line)["kind"] in ("chapter", "article") for line in lines)
