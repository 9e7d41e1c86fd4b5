"""One source of truth for timestamps (issue 15): domain/timestamps.py formats the clock, nothing else."""

from __future__ import annotations

import ast
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

from annotator.domain import timestamps

PKG = Path(__file__).resolve().parents[2] / "annotator"
FORMAT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
# Times that are not ours to format: a docx file's own metadata dates (kept as the file gives them),
# and the benchmark report's local date beside the machine it ran on (for a person, never stored).
NOT_OUR_CLOCK = {"io/docx_reader.py", "bench/__main__.py"}


def test_the_one_format_utc_milliseconds_z():
    stamp = timestamps.now()
    assert FORMAT.match(stamp), stamp
    moment = datetime(2026, 1, 2, 8, 30, 5, 123_999, tzinfo=timezone(timedelta(hours=8)))
    assert timestamps.format_utc(moment) == "2026-01-02T00:30:05.123Z"  # Beijing 08:30 is 00:30 UTC
    assert timestamps.format_utc(datetime(2026, 1, 2, 0, 0, 0)) == "2026-01-02T00:00:00.000Z"
    assert sorted([timestamps.format_utc(moment), stamp]) == [timestamps.format_utc(moment), stamp]


def test_every_writer_uses_it():
    from annotator.agreement import gold, project as agreement_project
    from annotator.storage import project

    assert FORMAT.match(project.now()) and FORMAT.match(gold._now(None)) and FORMAT.match(agreement_project._stamp())


def _clock_calls(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            if name in ("strftime", "isoformat", "utcnow", "gmtime", "ctime") or (
                    name in ("now", "today") and isinstance(node.func.value, ast.Name)
                    and node.func.value.id in ("datetime", "date")):
                found.append((node.lineno, name))
    return found


def test_no_other_module_formats_the_clock():
    offenders = []
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG).as_posix()
        if rel == "domain/timestamps.py" or rel in NOT_OUR_CLOCK:
            continue
        offenders.extend(f"{rel}:{line}: {name}()" for line, name in _clock_calls(path.read_text(encoding="utf-8")))
    assert not offenders, "use annotator.domain.timestamps:\n" + "\n".join(offenders)


def test_the_check_sees_the_usual_ways():
    source = "a = datetime.now(timezone.utc).isoformat()\nb = time.strftime('%Y')\nc = datetime.utcnow()\nd = x.now()\n"
    assert sorted(name for _, name in _clock_calls(source)) == ["isoformat", "now", "strftime", "utcnow"]
