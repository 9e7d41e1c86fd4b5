"""What the cold `annotator import DOC --labels SPANS` process loads (issue 19, the Label Studio row):
not jieba (the word index is built by a detached process, or by `--index now`), not the GUI, not the
spreadsheet or numeric libraries — and it still imports the document and every span. Behaviour, not timing."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("jieba", "jieba.posseg", "PySide6", "openpyxl", "numpy", "pandas", "rich", "annotator.gui",
         "annotator.suggest", "annotator.agreement", "charset_normalizer", "docx", "bs4", "lxml")

RUN = r'''
import json, runpy, sys
sys.argv = ["annotator", *sys.argv[1:]]
code = 0
try:
    runpy.run_module("annotator", run_name="__main__")
except SystemExit as exc:
    code = exc.code or 0
heavy = json.loads(HEAVY)
print(json.dumps({"code": code, "loaded": sorted(m for m in heavy if m in sys.modules)}))
'''


def test_import_with_labels_loads_no_jieba_nor_heavy_modules(tmp_path):
    speech = tmp_path / "speech.txt"
    speech.write_text("一、总体要求\n坚持稳中求进，全年增长5%。\n二、主要任务\n要加快建设𠮷林。\n", encoding="utf-8")
    text = speech.read_text(encoding="utf-8").strip()
    spans = tmp_path / "spans.jsonl"
    spans.write_text(json.dumps({"text": text, "label": [[0, 2, "directive"], [len(text) - 6, len(text) - 1, "statistic"]]},
                                ensure_ascii=False) + "\n", encoding="utf-8")
    project = tmp_path / "p.db"
    code = RUN.replace("json.loads(HEAVY)", repr(list(HEAVY)))
    done = subprocess.run([sys.executable, "-c", code, "import", str(project), str(speech), "--labels", str(spans),
                           "--labels-format", "doccano", "--annotator", "张三", "--index", "none"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=180,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0, done.stdout + done.stderr
    assert result["loaded"] == []
    assert "spans added: 2" in done.stdout
    from annotator.storage import open_project

    opened = open_project(project, readonly=True)
    try:
        assert opened.scalar("SELECT count(*) FROM spans WHERE annotator = '张三'") == 2
        assert opened.scalar("SELECT count(*) FROM documents") == 1  # the spans tagged the imported document
    finally:
        opened.close()
