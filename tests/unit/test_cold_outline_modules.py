"""What a cold `annotator outline FILE` loads (issue 19: ≤ 0.3 s cold on real text). Behaviour, not timing.

It reads and cleans the file and parses the outline: no project storage (sqlite3, sqlite-utils), no
encoding guesser for a UTF-8 file, no GUI, no exchange, suggestion or agreement code. On real speeches
title guessing asks jieba for word ends in a few heading windows: jieba's tokenizer loads, its POS
tables do not, and its dictionary is read pair shard by pair shard (the entries starting with the
window's character pairs), never a whole character's shard nor the bulk dictionary of the word index.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path(os.environ.get("ANNOTATOR_SEEDS", "/work/shared/seeds"))
NEVER = ("sqlite3", "sqlite_utils", "annotator.storage", "charset_normalizer", "jieba.posseg", "PySide6",
         "openpyxl", "numpy", "rich", "docx", "bs4", "lxml", "annotator.gui", "annotator.exchange",
         "annotator.suggest", "annotator.agreement", "annotator.services.exchange")

RUN = r'''
import json, runpy, sys
sys.argv = ["annotator", "outline", sys.argv[1]]
code = 0
try:
    runpy.run_module("annotator", run_name="__main__")
except SystemExit as exc:
    code = exc.code or 0
segment = sys.modules.get("annotator.nlp.segment")
tokenizer = segment and segment._tokenizer
print(json.dumps({
    "code": code,
    "loaded": sorted(m for m in NEVER if m in sys.modules),
    "jieba": "jieba" in sys.modules,
    "whole_shards": len(tokenizer.FREQ._shards) if tokenizer else 0,
    "pair_shards": len(tokenizer.FREQ._pairs) if tokenizer else 0,
    "bulk": bool(segment and segment._bulk is not None),
}))
'''


def _outline(path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", RUN.replace("NEVER", repr(NEVER)), str(path)], cwd=path.parent,
                          capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    *printed, last = done.stdout.strip().splitlines()
    result = json.loads(last)
    assert result["code"] == 0, done.stderr
    result["printed"] = printed
    return result


def test_outline_of_real_speeches_loads_only_the_tokenizer_and_pair_shards(tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))
    assert len(seeds) >= 5, f"the real speeches are missing from {SEEDS}"
    speech = tmp_path / "speeches.txt"  # joined in the test's folder, never copied into the repository
    speech.write_text("\n".join(p.read_text(encoding="utf-8") for p in seeds), encoding="utf-8")
    result = _outline(speech)
    assert result["loaded"] == []
    assert len(result["printed"]) > 10  # an outline was printed
    assert result["jieba"], "title guessing on real speeches asks jieba (else this test no longer covers it)"
    assert result["pair_shards"] > 0 and result["whole_shards"] == 0 and not result["bulk"]


def test_outline_without_doubtful_titles_loads_no_jieba(tmp_path):
    speech = tmp_path / "plain.txt"
    speech.write_text("一、总体要求\n坚持稳中求进，全年增长5%。\n二、主要任务\n（一）加快建设𠮷林。\n要抓好落实。\n",
                      encoding="utf-8")
    result = _outline(speech)
    assert result["loaded"] == [] and not result["jieba"]
    assert any("总体要求" in line for line in result["printed"])
