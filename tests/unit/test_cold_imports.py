"""What a cold process loads (issue 19): sqlite-utils' date parser is loaded lazily, on first use only,
and still works when used; nothing else about sqlite-utils changes. Behaviour, not timing."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_opening_storage_does_not_load_the_date_parser_until_it_is_used():
    out = _python(
        "import sys, annotator.storage\n"
        "print('dateutil.parser._parser' in sys.modules, 'dateutil.tz' in sys.modules)\n"
        "from sqlite_utils.recipes import parsedate, parsedatetime\n"
        "print(parsedate('2024-03-04'), parsedatetime('2024年3月4日 10:00'.replace('年', '-').replace('月', '-')"
        ".replace('日', '')))\n"
        "from dateutil import parser\n"
        "print(parser.parse('2024-01-02T03:04:05+08:00').utcoffset())\n")
    lines = out.splitlines()
    assert lines[0] == "False False"
    assert lines[1] == "2024-03-04 2024-03-04T10:00:00"
    assert lines[2] == "8:00:00"


def test_a_project_still_opens_and_stores_with_the_lazy_parser(tmp_path):
    out = _python(
        "from annotator.storage import open_project\n"
        f"p = open_project({str(tmp_path / 'p.db')!r}, create=True)\n"
        "print(type(p).__name__)\n"
        "p.close()\n")
    assert out == "Project"


def test_the_desktop_start_up_before_qt_loads_no_qt_and_names_existing_modules():
    out = _python(
        "import importlib.util, sys\n"
        "from annotator.app import QT_FREE_FIRST, before_qt\n"
        "before_qt()\n"
        "print(any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules))\n"
        "print([n for n in QT_FREE_FIRST if n not in sys.modules])\n")
    assert out.splitlines() == ["False", "[]"]
