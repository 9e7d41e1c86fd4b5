"""The raw text (as read, before cleaning) is kept zlib-compressed (schema step 0004) and always reads back
exactly: through get_document, the merge copy (stored_documents) and the text replacement's event log;
a row written the old way (raw_text only) still reads back."""

import sqlite3
import zlib
from pathlib import Path

import pytest

from annotator.storage import documents as docs
from annotator.storage import open_project
from annotator.storage.reanchor import replace_document_text

SEEDS = sorted(Path("/work/shared/seeds").glob("*.txt"))
# Astral characters, emoji, CRLF and a lone CR: the raw text is what the file held, byte for byte in meaning.
RAW = "来源：县政府网\r\n一、总体要求\r\n𠮷祥物😀销售额达到1200万元。\r老文本\n"
CLEAN = "一、总体要求\n𠮷祥物😀销售额达到1200万元。\n"


def _columns(path: Path, doc_id: int):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT raw_text, raw_zlib FROM documents WHERE id = ?", [doc_id]).fetchone()
    finally:
        conn.close()


def test_raw_text_is_stored_compressed_and_reads_back(tmp_path):
    path = tmp_path / "p.annotator.db"
    with open_project(path) as project:
        doc_id, created = docs.add_document(project, clean_text=CLEAN, raw_text=RAW, title="t")
        assert created
        assert docs.get_document(project, doc_id)["raw_text"] == RAW
        assert "raw_zlib" not in docs.get_document(project, doc_id)
        assert [row["raw_text"] for row in docs.stored_documents(project)] == [RAW]
    stored, packed = _columns(path, doc_id)
    assert stored == "" and zlib.decompress(packed).decode("utf-8") == RAW


def test_real_speeches_take_less_room_than_their_utf8(tmp_path):
    assert SEEDS, "the real speeches in /work/shared/seeds are missing"
    with open_project(tmp_path / "p.annotator.db") as project:
        for seed in SEEDS:
            text = seed.read_text(encoding="utf-8")
            doc_id, _ = docs.add_document(project, clean_text=text, raw_text=text, title=seed.stem)
            _, packed = _columns(tmp_path / "p.annotator.db", doc_id)
            assert len(packed) < 0.6 * len(text.encode("utf-8")), seed.name


def test_a_row_with_only_raw_text_still_reads_back(tmp_path):
    # What a writer that predates step 0004 (or knows only raw_text) leaves: raw_zlib NULL.
    path = tmp_path / "p.annotator.db"
    with open_project(path) as project:
        doc_id, _ = docs.add_document(project, clean_text=CLEAN, raw_text="placeholder", title="t")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE documents SET raw_text = ?, raw_zlib = NULL WHERE id = ?", [RAW, doc_id])
    conn.close()
    with open_project(path) as project:
        assert docs.get_document(project, doc_id)["raw_text"] == RAW


def test_replacing_the_text_keeps_it_compressed_and_logs_the_old_raw(tmp_path):
    path = tmp_path / "p.annotator.db"
    new_raw = "来源：新网站\n" + CLEAN + "二、补充\n"
    with open_project(path) as project:
        doc_id, _ = docs.add_document(project, clean_text=CLEAN, raw_text=RAW, title="t")
        replace_document_text(project, doc_id, CLEAN + "二、补充\n", new_raw, [], "张三")
        assert docs.get_document(project, doc_id)["raw_text"] == new_raw
        before = project.conn.execute(
            "SELECT before FROM events WHERE action = 'document.replace_text'").fetchone()[0]
    assert RAW in __import__("json").loads(before)["raw_text"]
    stored, packed = _columns(path, doc_id)
    assert stored == "" and zlib.decompress(packed).decode("utf-8") == new_raw


@pytest.mark.parametrize("raw", ["", "x", "😀" * 10_000])
def test_pack_and_unpack_are_inverse(raw):
    assert docs.unpack_raw(*docs.pack_raw(raw)) == raw
