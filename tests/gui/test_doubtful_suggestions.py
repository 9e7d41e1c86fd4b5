"""A suggestion the suggester doubts (suggest/modality.py, the learner) is drawn apart — dashed, unfilled —
and says so in the span table; its sureness lives in provenance, so accepting it never exports it."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat

from annotator.domain.model import Suggestion
from annotator.storage import documents, open_project
from annotator.storage import spans as span_store
from annotator.storage.labels import ensure_annotator

# Clean text never holds CRLF (io/readers.py turns every line break into \n before cleaning).
TEXT = "𠮷😀各级党委要切实加强领导。\n他说要把工作做好。\n全年增长5.2%。\n"


def _project(path):
    sure = TEXT.index("各级")
    doubt = TEXT.index("他说")
    with open_project(path) as project:
        doc, _ = documents.add_document(project, clean_text=TEXT, raw_text=TEXT, title="甲")
        ensure_annotator(project, "张三")
        span_store.replace_suggestions(project, doc, [
            Suggestion(sure, sure + 12, "directive", {"strength": "strong", "confidence": 0.93}, 0.93, "modal"),
            Suggestion(doubt, doubt + 9, "directive", {"confidence": 0.41, "low_confidence": True}, 0.41, "modal"),
        ])
    return doc, sure, doubt


def test_sureness_is_kept_in_provenance_and_never_copied_to_an_accepted_span(tmp_path):
    doc, _sure, doubt = _project(tmp_path / "p.db")
    with open_project(tmp_path / "p.db") as project:
        stored = {s.start: s for s in span_store.open_suggestions(project, doc, "张三")}
        assert stored[doubt].provenance == {"score": 0.41, "confidence": 0.41, "low_confidence": True}
        assert stored[doubt].attributes == {}
        assert min(stored.values(), key=lambda s: s.start).attributes == {"strength": "strong"}
        accepted = span_store.accept_suggestion(project, stored[doubt], "张三")
        assert "low_confidence" not in accepted.attributes and "confidence" not in accepted.attributes
        assert "low_confidence" not in accepted.provenance


def test_a_doubtful_suggestion_is_dashed_and_says_so(make_window, tmp_path, qtbot):
    doc, sure, doubt = _project(tmp_path / "p.db")
    window = make_window(tmp_path / "p.db")
    if window.session.doc_id != doc:
        window.doc_table.selectRow(window.doc_model.row_of(doc))
        qtbot.waitUntil(lambda: window.session.doc_id == doc)
    view = window.view

    def underline_at(cp):
        pos = view.utf16.to_utf16(cp)  # after 𠮷/😀 the UTF-16 position differs from cp
        block = view.document().findBlock(pos)
        for rng in block.layout().formats():
            if rng.start <= pos - block.position() < rng.start + rng.length:
                return rng.format.underlineStyle(), rng.format.background().style()
        return None

    qtbot.waitUntil(lambda: underline_at(doubt + 1) is not None)
    style, fill = underline_at(doubt + 1)
    assert style == QTextCharFormat.UnderlineStyle.DashUnderline
    assert fill.name == "NoBrush"
    style, fill = underline_at(sure + 1)
    assert style == QTextCharFormat.UnderlineStyle.DotLine and fill.name != "NoBrush"
    qtbot.waitUntil(lambda: window.span_model.rowCount() == 2)
    texts = sorted(window.span_model.index(r, 3).data() for r in range(2))
    assert texts == ["likely 93%", "unsure 41%"]
