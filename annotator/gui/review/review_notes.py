"""The annotators' notes in the review window (storage/comments.py), a controller of ReviewWindow:
it fills the side list (a double click or Enter goes to the noted span) and tells the detail line
which notes belong to a span. Read-only here: notes are written in the main window (Ctrl+M)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QListWidgetItem


class ReviewNotes(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.comments: list = []

    def fill(self) -> None:
        """Read this document's notes and list them, each with the start of the span it is about."""
        from annotator.storage.comments import list_comments  # noqa: PLC0415

        w = self.window
        try:
            self.comments = list_comments(w.project, w.doc_id) if w.doc_id is not None else []
        except Exception as exc:  # noqa: BLE001 - a damaged note must not keep the review closed
            self.comments = []
            w.show_message(str(exc))
        spans = {s.id: s for item in w.items for s in item.disagreement.spans}
        w.notes.clear()
        for comment in self.comments:
            span = spans.get(comment.span_id) if comment.span_id else None
            where = f"«{w.text[span.start:span.end][:30]}» " if span else ""
            item = QListWidgetItem(f"{comment.annotator}: {where}{comment.body}")
            item.setToolTip(comment.body)
            item.setData(Qt.ItemDataRole.UserRole, span.start if span else None)
            w.notes.addItem(item)

    def by_span(self) -> dict[str, list]:
        """Notes on spans, by span id (the detail line shows them under each span)."""
        out: dict[str, list] = {}
        for comment in self.comments:
            if comment.span_id:
                out.setdefault(comment.span_id, []).append(comment)
        return out
