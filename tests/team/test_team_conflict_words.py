"""The conflicts dialog says why in the person's language (issue 16, point 4): a sentence per conflict
code and per SQLSTATE (exact code, then its class), the server's own English words only under "Details".

The dialog reads its rows from the writer (services/team_edits.DesktopWriter.conflicts); here a plain
list stands in for a writer, with the rows the outbox keeps (storage/outbox.Outbox.conflicts).
"""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

ROWS = [
    ("span.update", "conflict", "span.changed", "span abc was changed by someone else (version 3, you edited 2)"),
    ("doc.title", "refused", "42501", "InsufficientPrivilege: permission denied for table documents"),
    ("span.add", "refused", "23503", 'ForeignKeyViolation: insert or update on table "spans" violates foreign key'),
    ("span.add", "refused", "23514", 'CheckViolation: new row for relation "spans" violates check constraint'),
    ("outline.edit", "conflict", "outline.changed", "the outline of document 4 was corrected by someone else"),
    ("doc.status", "refused", "", "an outbox of an older version: no code"),
]


class Rows:
    """What the dialog asks of a writer: its conflicts, and to dismiss one."""

    def __init__(self):
        self.rows = [{"op_id": f"op{i}", "project": "p", "kind": kind, "annotator": "alice", "payload": {},
                      "outcome": outcome, "detail": detail, "server_row": {"label": "statistic"} if i == 0 else None,
                      "recorded": f"2026-11-30T12:0{i}:00Z", "code": code}
                     for i, (kind, outcome, code, detail) in enumerate(ROWS)]

    def conflicts(self):
        return list(self.rows)

    def dismiss(self, op_id):
        self.rows = [r for r in self.rows if r["op_id"] != op_id]


@pytest.fixture
def chinese(qapp):
    from PySide6.QtCore import QCoreApplication

    from annotator.gui import i18n

    assert i18n.install(QCoreApplication.instance(), "zh_CN") == "zh_CN"
    yield
    i18n.install(QCoreApplication.instance(), "en")


def _why(dialog) -> list[str]:
    return [dialog.table.item(i, 2).text() for i in range(dialog.table.rowCount())]


def test_english_sentences_with_the_servers_words_behind_details(qtbot):
    from annotator.gui.team_conflicts import ConflictsDialog

    dialog = ConflictsDialog(Rows())
    qtbot.addWidget(dialog)
    why = _why(dialog)
    assert why[0].startswith("Someone else changed this span")
    assert why[1] == "Your role in this team does not allow this change."
    assert why[2].startswith("What this edit refers to")
    assert why[3] == "The server's rules do not accept a value of this edit."  # 23514: by its class, 23
    assert why[4].startswith("Another lead corrected this document's outline first")
    assert why[5] == "Refused by the server"  # no code: the verdict, never a guess
    assert not any("permission denied" in w or "violates" in w for w in why)  # the server's words stay out
    dialog.show()
    dialog.details_button.click()
    dialog.table.selectRow(1)
    assert "permission denied for table documents" in dialog.details.toPlainText()
    dialog.table.selectRow(0)
    assert "changed by someone else" in dialog.details.toPlainText() and "statistic" in dialog.details.toPlainText()


def test_chinese_sentences(qtbot, chinese):
    from annotator.gui.team_conflicts import ConflictsDialog

    dialog = ConflictsDialog(Rows())
    qtbot.addWidget(dialog)
    why = _why(dialog)
    for text in why:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), text  # every reason in Chinese
    assert not any("someone" in w.lower() or "server" in w.lower() for w in why)
    dialog.details_button.click()
    dialog.table.selectRow(1)
    assert "permission denied" in dialog.details.toPlainText()  # the raw detail, unchanged
