"""Floors for the GUI rows: a bare Qt window showing the same 100 000-character text, no app code.

- cold start floor: a new process that imports Qt, creates the application and shows a read-only
  QPlainTextEdit holding the text, until the window is exposed and painted (wall clock, like the app's
  cold start row);
- first paint floor: inside that process, from setPlainText to the first painted frame.
Qt is imported only in that child (``python -c``), so ``annotator.bench`` stays Qt-free. The window is
1366×768, a common laptop screen.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from annotator.bench import corpus

_CHILD = """
import json, sys, time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
app = QApplication(sys.argv[:1])
text = open(sys.argv[1], encoding="utf-8").read()
t1 = time.perf_counter()
window = QMainWindow()
view = QPlainTextEdit()
view.setReadOnly(True)
view.setPlainText(text)
window.setCentralWidget(view)
window.resize(1366, 768)
window.show()
while not (window.windowHandle() and window.windowHandle().isExposed()):
    app.processEvents()
view.viewport().repaint()
t2 = time.perf_counter()
print(json.dumps({"paint_ms": (t2 - t1) * 1000, "in_process_ms": (t2 - t0) * 1000}), flush=True)
"""


def measure(folder: Path, runs: int) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    text_path = folder / "floor100k.txt"
    text_path.write_text(corpus.make_document(corpus.load_pool(), random.Random(5), 100_000, 0), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    walls, paints, inner = [], [], []
    for i in range(runs + 1):
        started = time.perf_counter()  # wall until the painted line arrives, as gui.bench's cold start
        proc = subprocess.Popen([sys.executable, "-c", _CHILD, str(text_path)], env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        line = proc.stdout.readline()
        wall = time.perf_counter() - started
        _, err = proc.communicate(timeout=120)
        if proc.returncode != 0 or not line.strip():
            raise RuntimeError(f"Qt floor failed: {err[-2000:]}")
        got = json.loads(line)
        if i == 0:
            continue  # warm-up (page cache, font cache)
        walls.append(wall * 1000)
        paints.append(got["paint_ms"])
        inner.append(got["in_process_ms"])
    return {"cold_wall_ms": statistics.median(walls), "cold_in_process_ms": statistics.median(inner),
            "first_paint_ms": statistics.median(paints)}
