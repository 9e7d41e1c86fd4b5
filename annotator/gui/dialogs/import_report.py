"""What the cleaner removed from a document, and why (nothing is lost: the raw text is kept too).

The cleaner records a rule id per removed region (``footer:icp``, ``editor:intro``); a person reads the
reason in words, with the id kept in a tooltip for whoever edits resources/cleaning_rules.toml.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from annotator.domain.model import RemovedRegion


translate = QCoreApplication.translate


def _reasons() -> dict[str, str]:
    return {
        "header:file-title": translate("ImportReasons", "file name shown as a title"), "header:title-line": translate("ImportReasons", "page title line"),
        "header:thumbnail": translate("ImportReasons", "thumbnail caption"), "header:share-bar": translate("ImportReasons", "share buttons"),
        "header:upload-meta": translate("ImportReasons", "upload details"), "header:source": translate("ImportReasons", "source and date line"),
        "header:download-prompt": translate("ImportReasons", "download prompt"), "header:resource-desc": translate("ImportReasons", "document site description"),
        "header:notice": translate("ImportReasons", "site notice"), "header:customer-service": translate("ImportReasons", "customer service text"),
        "header:nav": translate("ImportReasons", "navigation menu"), "header:breadcrumb": translate("ImportReasons", "breadcrumb trail"),
        "header:tips": translate("ImportReasons", "tips box"), "header:meta": translate("ImportReasons", "page metadata"),
        "chrome:article-list": translate("ImportReasons", "list of other articles"), "chrome:prev-next": translate("ImportReasons", "previous/next article links"),
        "chrome:font-size": translate("ImportReasons", "font size switcher"), "chrome:more-link": translate("ImportReasons", "\"more\" link"),
        "chrome:keyword-tags": translate("ImportReasons", "keyword tags"),
        "footer:expand": translate("ImportReasons", "\"read more\" prompt"), "footer:related": translate("ImportReasons", "related articles"),
        "footer:revenue": translate("ImportReasons", "download or payment prompt"), "footer:copyright": translate("ImportReasons", "copyright notice"),
        "footer:icp": translate("ImportReasons", "website licence number (ICP)"), "footer:disclaimer": translate("ImportReasons", "disclaimer"),
        "footer:powered": translate("ImportReasons", "\"powered by\" line"), "footer:site-links": translate("ImportReasons", "site links"),
        "footer:link": translate("ImportReasons", "link line"), "footer:url": translate("ImportReasons", "web address"), "footer:email": translate("ImportReasons", "e-mail address"),
        "footer:flattened": translate("ImportReasons", "page footer run into the text"),
        "editor": translate("ImportReasons", "editor's note"), "editor:for-reference": translate("ImportReasons", "editor's note (\"for reference\")"),
        "editor:intro": translate("ImportReasons", "editor's introduction"), "editor:lead-label": translate("ImportReasons", "editor's lead-in label"),
        "editor:outro": translate("ImportReasons", "editor's closing note"),
        "file-title": translate("ImportReasons", "file name shown as a title"), "title-line": translate("ImportReasons", "title line"),
        "whitespace": translate("ImportReasons", "extra blank space and empty lines"),
        "title:duplicate": translate("ImportReasons", "title repeated at the top"),
        "editor:intro-paragraph": translate("ImportReasons", "editor's introduction"),
        "page-chunk-number": translate("ImportReasons", "page number between pages"),
        "page-chunk-join": translate("ImportReasons", "line break where a page was split"),
        "page-counter": translate("ImportReasons", "page counter"), "page-number": translate("ImportReasons", "page number"), "source-line": translate("ImportReasons", "source line"),
    }


def _families() -> dict[str, str]:
    return {"title": translate("ImportReasons", "title line"), "page": translate("ImportReasons", "page furniture"),
            "header": translate("ImportReasons", "page header"), "footer": translate("ImportReasons", "page footer"), "chrome": translate("ImportReasons", "website navigation"),
            "editor": translate("ImportReasons", "editor's note")}


def reason_text(rule_id: str) -> str:
    """A rule id in words; an id added to the rules later still gets its family's words."""
    words = _reasons().get(rule_id)
    if words:
        return words
    family = _families().get(rule_id.split(":", 1)[0])
    return f"{family} ({rule_id})" if family else rule_id


class ImportReportDialog(QDialog):
    def __init__(self, title: str, removed: list[RemovedRegion], encoding: str, source: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import report: {0}").format(title))
        self.resize(760, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Source: {0}\nEncoding: {1}\nRemoved regions: {2}")
                                .format(source or "—", encoding or "—", len(removed))))
        table = self.table = QTableWidget(len(removed), 3)
        table.setObjectName("removedTable")
        table.setHorizontalHeaderLabels([self.tr("Reason"), self.tr("Position"), self.tr("Removed text")])
        for row, region in enumerate(removed):
            reason = QTableWidgetItem(reason_text(region.reason))
            reason.setToolTip(region.reason)
            table.setItem(row, 0, reason)
            table.setItem(row, 1, QTableWidgetItem(f"{region.start}–{region.end}"))
            text = region.text.replace("\n", "⏎")
            item = QTableWidgetItem(text if len(text) <= 120 else text[:119] + "…")
            item.setToolTip(region.text)
            table.setItem(row, 2, item)
        table.horizontalHeader().setStretchLastSection(True)
        table.setColumnWidth(0, 200)
        table.setColumnWidth(1, 90)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
