"""`annotator trash list|restore|empty` (cli/trash.py over services/trash.py): a deleted document listed,
brought back, and removed for good only after a confirmation (or --yes); errors name the project."""

from __future__ import annotations

from click.testing import CliRunner

from annotator.cli import cli
from annotator.storage import document_trash, documents, open_project

TEXT = "一、总体要求\n各级党委要切实加强领导，确保𠮷各项任务落到实处😀。\n"


def _project(tmp_path):
    path = tmp_path / "p.annotator.db"
    with open_project(path) as project:
        doc_id, _ = documents.add_document(project, clean_text=TEXT, raw_text=TEXT, title="误导入")
        trash_id = document_trash.trash_document(project, doc_id, by="张三").trash_id
    return path, doc_id, trash_id


def test_list_restore_and_empty(tmp_path):
    path, doc_id, trash_id = _project(tmp_path)
    runner = CliRunner()
    listed = runner.invoke(cli, ["trash", "list", str(path)])
    assert listed.exit_code == 0 and "误导入" in listed.output and "1 deleted documents" in listed.output
    restored = runner.invoke(cli, ["trash", "restore", str(path), str(trash_id), "--annotator", "张三"])
    assert restored.exit_code == 0 and f"document {doc_id}" in restored.output
    again = runner.invoke(cli, ["trash", "restore", str(path), str(trash_id)])
    assert again.exit_code == 1 and str(path) in again.output and "no longer in the trash" in again.output
    with open_project(path) as project:
        document_trash.trash_document(project, doc_id)
    declined = runner.invoke(cli, ["trash", "empty", str(path)], input="n\n")
    assert declined.exit_code == 1 and "cannot be undone" in declined.output
    with open_project(path, readonly=True) as project:
        assert len(document_trash.list_trash(project)) == 1  # nothing removed when declined
    unknown = runner.invoke(cli, ["trash", "empty", str(path), "--id", "999", "--yes"])
    assert unknown.exit_code == 1 and "not in the trash: 999" in unknown.output
    emptied = runner.invoke(cli, ["trash", "empty", str(path), "--yes", "--annotator", "李四"])
    assert emptied.exit_code == 0 and "removed 1 deleted documents for good" in emptied.output
    with open_project(path, readonly=True) as project:
        assert document_trash.list_trash(project) == [] and documents.get_document(project, doc_id) is None
        [event] = project.query("SELECT annotator, action FROM events WHERE action = 'trash.empty'")
        assert event["annotator"] == "李四"
    assert "the trash is empty" in runner.invoke(cli, ["trash", "empty", str(path), "--yes"]).output
