"""The project's annotation guidelines (Markdown, stored in the project: storage/comments.py), shown in
a panel beside the text (View → Guidelines). Loading a file is an undo command (commands.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QTextBrowser, QVBoxLayout, QWidget


class GuidelinesPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("guidelinesPanel")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guidelinesText")
        self.browser.setOpenExternalLinks(True)
        self.load_button = QPushButton(self.tr("Load from a Markdown file…"))
        self.load_button.setObjectName("loadGuidelines")
        box.addWidget(self.browser, 1)
        box.addWidget(self.load_button)

    def show_markdown(self, markdown: str) -> None:
        if markdown.strip():
            self.browser.setMarkdown(markdown)
        else:
            self.browser.setPlainText(self.tr("This project has no guidelines yet. Load a Markdown file "
                                              "(every annotator of the project then sees it here)."))
