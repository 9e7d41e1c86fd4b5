"""Regenerate every window's screenshot at 1024×700 and 1920×1080, in Chinese and English.

    python packaging/screenshots.py [--out packaging/screenshots]

Runs the real app (annotator.app.create_window) on a project built from the bundled sample speeches,
with spans by three annotators (so the review and compare windows have something to show), under an X display: the
one in $DISPLAY, else its own Xvfb (apt-get install xvfb fonts-wqy-microhei — without a CJK font every
Chinese character is a box). One child process per language (Qt's translators are per process).
Files: <window>_<lang>_<width>x<height>.png; the README shows workspace_zh_1920x1080.png.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = ((1024, 700), (1920, 1080))


def _display() -> tuple[str, subprocess.Popen | None]:
    if os.environ.get("DISPLAY"):
        return os.environ["DISPLAY"], None
    if not shutil.which("Xvfb"):
        sys.exit("no DISPLAY and no Xvfb: apt-get install xvfb fonts-wqy-microhei")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "2000x1200x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        number = pipe.readline().decode().strip()
    return f":{number}", server


def build_project(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from annotator.domain.model import Span  # noqa: PLC0415
    from annotator.ingest import import_paths  # noqa: PLC0415
    from annotator.resources import resource_path  # noqa: PLC0415
    from annotator.storage import open_project  # noqa: PLC0415
    from annotator.storage import spans as span_store  # noqa: PLC0415
    from annotator.storage.documents import clean_text, document_ids  # noqa: PLC0415
    from annotator.storage.labels import ensure_annotator  # noqa: PLC0415

    path = folder / "screens.db"
    samples = sorted(p for p in resource_path("samples").iterdir() if p.suffix in (".txt", ".html"))
    with open_project(path) as project:
        import_paths(project, [str(p) for p in samples])
        doc = document_ids(project)[0]
        text = clean_text(project, doc)
        for name in ("张三", "李四", "王五"):
            ensure_annotator(project, name)
        # Two annotators who mostly agree: the review window shows agreement and a few disagreements.
        import re  # noqa: PLC0415

        stats = [m.span() for m in re.finditer(r"\d+(?:\.\d+)?(?:%|亿元|万人)", text)][:12]
        clauses = [m.span() for m in re.finditer(r"[^，。；\n]{6,30}要[^，。；\n]{2,30}", text)][:10]
        for i, (s, e) in enumerate(stats):
            for who in ("张三", "李四") if i % 4 else ("张三",):
                span_store.add_span(project, Span(document_id=doc, start=s, end=e, label="statistic", annotator=who))
        for i, (s, e) in enumerate(clauses):
            span_store.add_span(project, Span(document_id=doc, start=s, end=e, label="directive", annotator="张三"))
            span_store.add_span(project, Span(document_id=doc, start=s + (i % 3 == 0), end=e, label="directive"
                                              if i % 5 else "statistic", annotator="李四"))
        # A third annotator (the review window lists one column per annotator): half the statistics, some
        # of them to the end of their clause.
        for i, (s, e) in enumerate(stats[::2]):
            end = e + (text[e:].find("，") if i % 2 and 0 < text[e:].find("，") < 20 else 0)
            span_store.add_span(project, Span(document_id=doc, start=s, end=end, label="statistic", annotator="王五"))
        # Notes the adjudicator reads in the review window (storage/comments.py).
        from annotator.storage.comments import add_comment  # noqa: PLC0415

        first = span_store.list_spans(project, doc, annotators=["张三"])
        if first:
            add_comment(project, doc, "这一句是部署还是表态？边界请裁定。", "张三", first[0].id)
        add_comment(project, doc, "第三部分的统计口径与去年不同。", "李四")
    # The project guidelines (loaded in the child, as a person would) and a folder to preview an import of.
    (folder / "guidelines.md").write_text(
        "# 标注规范 Guidelines\n\n## 部署 directive\n要求下级去做的事：**要**、**必须**、**确保**……\n\n"
        "## 统计 statistic\n带单位的数值，单位与符号属于数值：`5.2%`、`约17.8万吨`。\n", encoding="utf-8")
    drop = folder / "incoming"
    drop.mkdir()
    for sample in samples[:3]:
        shutil.copyfile(sample, drop / sample.name)
    (drop / "README.md").write_text("# Speeches\nCollected from public sites.\n", encoding="utf-8")
    (drop / "SOURCES.md").write_text("- https://example.org\n", encoding="utf-8")
    return path


CHILD = r'''
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
sys.path.insert(0, sys.argv[4])
app = QApplication(sys.argv[:1])
from annotator.app import create_window
from annotator.gui.settings import Settings

project, out, lang = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
settings_file = out / f".settings_{lang}.ini"
settings = Settings(settings_file)
settings.annotator = "张三"
settings.language = lang
settings.sync()
window, handle = create_window(project, settings_file=settings_file, first_run=False)
window.show()

def settle(seconds=0.6):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()

while window.session.doc_id is None or window.busy():
    settle(0.1)

def shoot(widget, name, size):
    widget.resize(*size)
    settle()
    widget.grab().save(str(out / f"{name}_{lang}_{size[0]}x{size[1]}.png"))

for size in SIZES:
    window.resize(*size)
    settle()
    # the place a person works: a section with tags and suggestions, the cursor on a tagged span
    spans = window.session.spans
    if spans:
        window.view.move_to(spans[len(spans) // 2].start + 1)
    settle()
    shoot(window, "workspace", size)
    window.find_bar.open_bar(window.session.text[spans[0].start:spans[0].start + 2] if spans else "")
    shoot(window, "find", size)
    window.find_bar.close_bar()
    window.set_focus_mode(True)
    shoot(window, "focus_mode", size)
    window.set_focus_mode(False)
    window.open_review()
    review = window._review
    settle(1.0)
    shoot(review, "review", size)
    review.close()
    window.load_guidelines(str(Path(project).parent / "guidelines.md"))
    shoot(window, "guidelines", size)
    window.docks["guidelines"].hide()
    # Ctrl+Shift+C: the two annotators of the open document side by side, on the first difference
    compare = window.team.open_compare(annotators=("张三", "李四"))
    settle(1.0)
    compare.step(1)
    shoot(compare, "compare", size)
    compare.close()

from annotator.gui.dialogs.first_run import FirstRunDialog
from annotator.gui.dialogs.import_report import ImportReportDialog
from annotator.gui.dialogs.preferences import PreferencesDialog
from annotator.gui.dialogs.import_preview import ImportPreviewDialog
from annotator.gui.dialogs.notes import NotesDialog
from annotator.gui.dialogs.progress import ProgressDialog
from annotator.gui.team_open import TeamOpenDialog
from annotator.gui.team_status import ConflictsDialog
from annotator.services.importing import preview_import
from annotator.storage import documents as docs
from PySide6.QtWidgets import QMessageBox
row = max((docs.get_document(handle, i) for i in docs.document_ids(handle)), key=lambda r: len(r["import_report"]))


class StandInWriter:
    """The conflicts the team server refused, as TeamStatus's writer lists them: no server is needed to
    see the dialog (team_status.ConflictsDialog reads only conflicts() and dismiss())."""

    def conflicts(self):
        # kind and detail as the outbox stores them (storage/team_ops.py: op kinds, the server's words)
        return [{"op_id": 1, "recorded": "2026-11-30T10:41:07", "kind": "span.update", "outcome": "conflict",
                 "code": "span.changed",
                 "detail": "Conflict: span 42 was changed by someone else (version 3, you edited version 2)"
                           " (the last change you can see: 李四 at 2026-11-30T10:40:58)"},
                {"op_id": 2, "recorded": "2026-11-30T10:43:52", "kind": "span.remove", "outcome": "conflict",
                 "code": "span.deleted",
                 "detail": "Conflict: span 57 was deleted by someone else (or is not yours)"}]

    def dismiss(self, op_id):
        pass


trash = window.team.trash
current = docs.get_document(handle, window.session.doc_id)
# File → Delete document: the question it asks (a modal QMessageBox.question, rebuilt here unblocked)
confirm = QMessageBox(QMessageBox.Icon.Question, trash.tr("Delete document"),
                      trash.confirm_text(window.session.doc_id, current["title"]),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
team_open = TeamOpenDialog(window)
team_open.url.setText("postgresql://zhangsan@team.example.org/speeches2026")
for name, dialog in (("first_run", FirstRunDialog()),
                     ("import_report", ImportReportDialog(row["title"], row["import_report"], row["encoding"],
                                                          row["source_path"], window)),
                     ("preferences", PreferencesDialog("张三", lang, "trim", window)),
                     ("import_preview", ImportPreviewDialog(preview_import([Path(project).parent / "incoming"]),
                                                            window)),
                     ("notes", NotesDialog(window.session, window.controller.push, window)),
                     ("progress", ProgressDialog(handle, window)),
                     ("delete_document", confirm),
                     ("team_open", team_open),
                     ("team_conflicts", ConflictsDialog(StandInWriter(), window))):
    dialog.show()
    settle()
    dialog.grab().save(str(out / f"{name}_{lang}.png"))
    dialog.hide()  # close() on the welcome dialog asks "Quit?" (as Escape does)
window.close()
handle.close()
settings_file.unlink()
'''.replace("SIZES", repr(SIZES))


def main() -> int:
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else ROOT / "packaging" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    display, server = _display()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            project = build_project(Path(tmp))
            for lang in ("zh_CN", "en"):
                env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "ANNOTATOR_HOME": tmp,
                       "PYTHONPATH": str(ROOT)}
                subprocess.run([sys.executable, "-c", CHILD, str(project), str(out), lang, str(ROOT)], env=env,
                               check=True, timeout=600)
                time.sleep(0.2)
    finally:
        if server is not None:
            server.terminate()
    print("\n".join(sorted(p.name for p in out.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
