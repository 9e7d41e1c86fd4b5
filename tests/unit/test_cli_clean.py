"""`annotator clean` reads and cleans, nothing more (issue 19: its cold start): the same text as an import
stores, the same errors naming the file, and no outline modules or jieba loaded in its process."""

from __future__ import annotations

import subprocess
import sys

from annotator.ingest import prepare

_RUN = """
import sys
from annotator.cli import cli
try:
    cli(sys.argv[1:], standalone_mode=False)
finally:
    loaded = sorted(m for m in sys.modules if m == "jieba" or m.startswith("annotator.structure.outline"))
    print("LOADED", loaded, file=sys.stderr)
"""


def _clean(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _RUN, "clean", *args], capture_output=True, timeout=120)


def test_prints_what_an_import_stores_without_loading_the_outline(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt"))[:2]:
        out = _clean(str(path))
        assert out.returncode == 0, out.stderr
        text = out.stdout.decode("utf-8")
        stored = prepare(path).cleaned.text
        assert text == stored + ("" if stored.endswith("\n") else "\n")
        assert "LOADED []" in out.stderr.decode("utf-8")


def test_report_and_errors_name_the_file(tmp_path):
    speech = tmp_path / "讲话.txt"
    speech.write_text("各位代表：\n\n今年要做好三件事。\n第1页 共2页\n", encoding="utf-8")
    out = _clean(str(speech), "--report")
    assert out.returncode == 0 and out.stdout.decode("utf-8") == "各位代表：\n\n今年要做好三件事。\n"
    assert "page-counter" in out.stderr.decode("utf-8")
    chrome = tmp_path / "chrome.txt"
    chrome.write_text("第1页 共2页\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    for path, words in ((chrome, "no speech text left"), (missing, "file not found")):
        out = subprocess.run([sys.executable, "-m", "annotator", "clean", str(path)], capture_output=True, timeout=120)
        err = out.stderr.decode("utf-8")
        assert out.returncode == 1 and str(path) in err and words in err and "Traceback" not in err
