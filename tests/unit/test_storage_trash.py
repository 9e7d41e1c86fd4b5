"""The trash (schema step 0006, issue 15): a deleted document survives a restart until the trash is
emptied, and emptying removes its text from the project for good — on SQLite and PostgreSQL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator.services import trash as trash_service
from annotator.services.history import rebuild_deletions, trash_history
from annotator.storage import document_trash, documents, open_project, search
from annotator.storage import spans as span_store
from annotator.storage.events import history

from test_storage_converted import TEXT, _dump, _fill

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "projects"
# Text only the deleted document holds (not in the other document _fill makes), as UTF-8 bytes.
MARK = "一、总体要求\n各级党委要切实加强领导"


def test_delete_restart_restore_gives_back_every_row(project_target):
    with open_project(project_target) as project:
        doc_id = _fill(project)
        before = _dump(project, doc_id)
        trashed = document_trash.trash_document(project, doc_id, by="张三")
        assert trashed.trash_id is not None
        event = history(project, document_id=doc_id, action="document.delete", limit=1)[0]
        assert event["before"]["trash_id"] == trashed.trash_id and event["before"]["spans"] == 3
    with open_project(project_target) as project:  # a restart: only the project holds the document now
        assert documents.get_document(project, doc_id) is None
        [entry] = trash_service.list_trash(project)
        assert (entry.id, entry.document_id, entry.title, entry.deleted_by) == (trashed.trash_id, doc_id, "甲", "张三")
        [step] = trash_history(project, "张三")
        assert (step.kind, step.payload["trash_id"], step.payload["document_id"]) == ("delete", entry.id, doc_id)
        assert trash_history(project, "李四") == []  # someone else's deletion is not on this name's stack
        assert trash_service.restore(project, entry.id, by="张三") == doc_id
        assert _dump(project, doc_id) == before
        assert trash_service.list_trash(project) == [] and trash_history(project, "张三") == []
        assert doc_id in {h.document_id for h in search.search(project, "安全生产")}
        with pytest.raises(ValueError, match="no longer in the trash"):
            trash_service.restore(project, entry.id)


def test_history_keeps_each_annotators_deletions_in_order_and_drops_what_left_the_trash(store):
    doc_id = _fill(store)
    other = documents.document_ids(store)[1]
    first = document_trash.trash_document(store, doc_id, by="张三")
    second = document_trash.trash_document(store, other, by="张三")
    assert [s.payload["document_id"] for s in trash_history(store, "张三")] == [doc_id, other]
    trash_service.empty_trash(store, [first.trash_id], by="张三")
    assert [s.payload["trash_id"] for s in trash_history(store, "张三")] == [second.trash_id]
    # the rebuild itself: the rows of the trash are the deletions not undone, oldest first
    entries = document_trash.list_trash(store)
    assert [s.before for s in rebuild_deletions(list(reversed(entries)), "张三")] == ["乙"]


def test_empty_trash_is_logged_refuses_unknown_ids_and_cannot_be_restored(store):
    doc_id = _fill(store)
    trashed = document_trash.trash_document(store, doc_id, by="张三")
    with pytest.raises(ValueError, match="not in the trash: 999"):
        trash_service.empty_trash(store, [999])
    assert len(trash_service.list_trash(store)) == 1  # nothing removed by the refused call
    removed = trash_service.empty_trash(store, by="李四")
    assert [e.document_id for e in removed] == [doc_id] and trash_service.list_trash(store) == []
    [event] = history(store, action="trash.empty", limit=5)
    assert event["annotator"] == "李四" and event["after"]["documents"][0]["title"] == "甲"
    assert MARK not in str(event)  # the log says which documents, never their text
    with pytest.raises(ValueError, match="no longer in the trash"):
        document_trash.restore_document(store, trashed.trash_id)
    assert trash_service.empty_trash(store) == []  # an empty trash: nothing to do, no event
    assert len(history(store, action="trash.empty", limit=5)) == 1
    # the same text may be imported again afterwards
    again, created = documents.add_document(store, clean_text=TEXT, raw_text=TEXT, title="甲")
    assert created and span_store.list_spans(store, again) == []


def _file_bytes(path: Path) -> bytes:
    # Read only after the project is closed (never open a project file but through SQLite while it is open).
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_emptied_text_is_gone_from_the_file_not_only_from_the_tables(tmp_path):
    path = tmp_path / "p.annotator.db"
    with open_project(path) as project:
        doc_id = _fill(project)
        search.update_index(project)  # the text is in the trigram index too
        trashed = document_trash.trash_document(project, doc_id, by="张三")
        blob = bytes(project.fetchone("SELECT content FROM trash WHERE id = ?", [trashed.trash_id])[0])
    assert blob in _file_bytes(path)  # the deleted text waits in the trash (compressed)
    with open_project(path) as project:
        trash_service.empty_trash(project, by="张三")
    data = _file_bytes(path)
    assert MARK.encode("utf-8") not in data and blob[:64] not in data
    with open_project(path) as project:  # the other document is whole and still found
        assert [h.title for h in search.search(project, "抓好安全生产")] == ["乙"]


def test_copy_of_a_project_carries_its_trash(tmp_path, project_at):
    from annotator.storage.transfer import copy_project

    with open_project(tmp_path / "src.db") as source:
        doc_id = _fill(source)
        trashed = document_trash.trash_document(source, doc_id, by="张三")
        with open_project(project_at("copy.db")) as target:
            copy_project(source, target)
            assert [e.id for e in document_trash.list_trash(target)] == [trashed.trash_id]
            assert document_trash.restore_document(target, trashed.trash_id, by="张三") == doc_id
            later = document_trash.trash_document(target, doc_id, by="张三")
            assert later.trash_id > trashed.trash_id  # ids after a copy are fresh ones


@pytest.mark.parametrize("version", sorted(p.name.split(".")[0] for p in FIXTURES.glob("v*.annotator.db")))
def test_every_earlier_fixture_migrates_to_a_working_trash(tmp_path, version):
    copy = tmp_path / f"{version}.annotator.db"
    shutil.copyfile(FIXTURES / f"{version}.annotator.db", copy)
    with open_project(copy) as project:
        held = len(document_trash.list_trash(project))
        doc_id = documents.document_ids(project)[0]
        text = documents.clean_text(project, doc_id)
        spans_before = sorted(s.id for s in span_store.list_spans(project, doc_id))
        trashed = document_trash.trash_document(project, doc_id, by="张三")
    with open_project(copy) as project:
        assert len(document_trash.list_trash(project)) == held + 1
        assert document_trash.restore_document(project, trashed.trash_id, by="张三") == doc_id
        assert documents.clean_text(project, doc_id) == text
        assert sorted(s.id for s in span_store.list_spans(project, doc_id)) == spans_before


def test_a_damaged_trash_entry_is_refused_with_a_message_and_nothing_written(store):
    doc_id = _fill(store)
    trashed = document_trash.trash_document(store, doc_id, by="张三")
    with store.write():
        store.execute("UPDATE trash SET content = ? WHERE id = ?", [b"not zlib at all", trashed.trash_id])
    count = store.scalar("SELECT count(*) FROM events")
    with pytest.raises(ValueError, match=f"trash entry {trashed.trash_id} is damaged"):
        document_trash.restore_document(store, trashed.trash_id, by="张三")
    assert store.scalar("SELECT count(*) FROM events") == count and documents.get_document(store, doc_id) is None
    assert [e.id for e in document_trash.list_trash(store)] == [trashed.trash_id]  # still there, can be emptied
    assert [e.id for e in trash_service.empty_trash(store)] == [trashed.trash_id]


def test_an_import_is_one_step_taken_back_into_the_trash_and_brought_back(project_target, tmp_path):
    from annotator.services.importing import import_files

    files = []
    for i, text in enumerate((TEXT, TEXT.replace("总体", "全面"), TEXT.replace("重点", "主要"))):
        path = tmp_path / f"{i}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    with open_project(project_target) as project:
        first = import_files(project, files[:1], annotator="张三")
        second = import_files(project, files, annotator="张三")  # one duplicate, two new
        assert (second.imported, second.duplicates) == (2, 1)
        new = sorted(o.document_id for o in second.outcomes if o.status == "imported")
        steps = trash_history(project, "张三")
        assert [(s.kind, sorted(s.payload["documents"])) for s in steps] == [
            ("import", [first.outcomes[0].document_id]), ("import", new)]
        assert trash_history(project, "李四") == []
        # taking the second import back: its documents go to the trash together, the first stays
        trash_ids = document_trash.trash_documents(project, new, by="张三")
        assert sorted(documents.document_ids(project)) == [first.outcomes[0].document_id]
        assert {e.reason for e in document_trash.list_trash(project)} == {"import.undo"}
        assert [s.kind for s in trash_history(project, "张三")] == ["import"]  # no deletion steps for them
        assert document_trash.restore_documents(project, trash_ids, by="张三") == new
        assert [len(s.payload["documents"]) for s in trash_history(project, "张三")] == [1, 2]
        with pytest.raises(KeyError):  # one document gone: nothing of the batch moves
            document_trash.trash_documents(project, [new[0], 999], by="张三")
        assert sorted(documents.document_ids(project)) == sorted([first.outcomes[0].document_id, *new])
        document_trash.trash_document(project, new[0], by="张三")  # deleted by hand: the import step ends
        assert [s.kind for s in trash_history(project, "张三")] == ["import", "delete"]
