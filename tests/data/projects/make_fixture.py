"""Build the fixture project for the current schema step, and the snapshot it must keep.

Run once per schema version, by the version that introduces it:

    .venv/bin/python tests/data/projects/make_fixture.py

It writes ``vNNNN.annotator.db`` (NNNN = how many schema steps this version has) and
``vNNNN.expected.json``, what a later version must still read out of it after migrating. Both are
committed and never regenerated: the point is a file made by *that* version's code. The script refuses
to overwrite an existing fixture.

``SNAPSHOT_SQL`` reads the columns the v0001 schema has, by name, so the comparison still works when
later migrations add columns or tables.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

SNAPSHOT_SQL = {
    "documents": "SELECT id, title, source_path, format, encoding, raw_text, clean_text, sha256, char_count,"
    " metadata, import_report, imported_at, imported_by FROM documents ORDER BY id",
    "sections": 'SELECT document_id, ord, parent_ord, level, marker, title, start, "end", title_start, title_end,'
    " kind, ordinal, confidence, source FROM sections ORDER BY document_id, ord",
    "section_edits": "SELECT id, document_id, op, anchor, payload, annotator, created FROM section_edits ORDER BY id",
    "labels": "SELECT name, colour, hotkey, display, attributes, ord FROM labels ORDER BY name",
    "annotators": "SELECT name FROM annotators ORDER BY name",
    "spans": 'SELECT id, document_id, start, "end", label, annotator, status, attributes, source, provenance,'
    " created, updated FROM spans ORDER BY id",
    "doc_status": "SELECT document_id, annotator, status, updated FROM doc_status ORDER BY document_id, annotator",
    "events": "SELECT id, ts, annotator, action, document_id, entity, entity_id, before, after FROM events ORDER BY id",
}

TEXTS = [
    (
        "在全县经济工作会议上的讲话",
        "一、2023年工作回顾\n全县地区生产总值实现60.6亿元，增长5.2%。𠮷祥物销售额达到1200万元😀。\n"
        "二、2024年重点任务\n（一）抓好项目建设。各乡镇要切实加强项目谋划，确保全年完成投资30亿元。\n"
        "（二）抓好安全生产。各部门要压实责任，坚决遏制重特大事故发生。\n",
    ),
    (
        "工会工作报告",
        "同志们：\n一是加强职工权益维护。各级工会要依法维权。\n二是做好困难职工帮扶，全年帮扶1500人次。\n",
    ),
    ("空白纪要", "会议决定：下周再议。\n"),
]


# Tables a later schema step added, read when the file has them (an older fixture, once migrated, has them
# empty: the comparison then expects no rows).
LATER_SQL = {
    "trash": "SELECT id, document_id, title, sha256, deleted_by FROM trash ORDER BY id",  # step 0006
}


def snapshot(conn) -> dict[str, list[list]]:
    out = {name: [list(row) for row in conn.execute(sql)] for name, sql in SNAPSHOT_SQL.items()}
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    out.update({name: [list(row) for row in conn.execute(sql)] for name, sql in LATER_SQL.items() if name in tables})
    if "raw_zlib" in {row[1] for row in conn.execute("PRAGMA table_info(documents)")}:
        # Schema step 0004 keeps the raw text zlib-compressed in raw_zlib (raw_text is then ''): what must
        # survive is the text itself.
        import zlib

        packed = dict(conn.execute("SELECT id, raw_zlib FROM documents WHERE raw_zlib IS NOT NULL"))
        for row in out["documents"]:
            if row[0] in packed:
                row[5] = zlib.decompress(packed[row[0]]).decode("utf-8")
    return out


def _sections(text: str):
    from annotator.domain.model import Section

    out = []
    for marker in ("一、", "二、", "一是", "二是"):
        at = text.find(marker)
        if at < 0:
            continue
        line_end = text.find("\n", at)
        out.append(Section(level=1, marker=marker, title=text[at + len(marker):line_end], start=at, end=len(text),
                           title_start=at + len(marker), title_end=line_end, kind="fixture", ordinal=len(out) + 1))
    for i in range(len(out) - 1):
        out[i].end = out[i + 1].start
    return out


def build(path: Path) -> None:
    from annotator.domain.model import RemovedRegion, Span, SpanStatus, Suggestion
    from annotator.storage import documents, open_project, search, sections, spans
    from annotator.storage.labels import GOLD

    with open_project(path) as project:
        ids = []
        for title, text in TEXTS:
            raw = "来源：县政府网\n" + text
            removed = [RemovedRegion(0, 8, "来源：县政府网\n", "header:fixture")]
            doc_id, _ = documents.add_document(
                project, clean_text=text, raw_text=raw, title=title, source_path=f"/corpus/{title}.txt", fmt="txt",
                encoding="utf-8", metadata={"date": "2024-01-15"}, removed=removed, sections=_sections(text),
                annotator="张三")
            ids.append(doc_id)
        doc, text = ids[0], TEXTS[0][1]

        def at(needle: str) -> tuple[int, int]:
            start = text.index(needle)
            return start, start + len(needle)

        stamp = "2024-01-16T08:00:00.000Z"
        mine = [
            ("s-zhang-1", "张三", "directive", "各乡镇要切实加强项目谋划", {"strength": "strong"}),
            ("s-zhang-2", "张三", "statistic", "60.6亿元", {"value": 60.6, "unit": "亿元"}),
            ("s-zhang-3", "张三", "statistic", "1200万元", {"value": 1200, "unit": "万元"}),
            ("s-li-1", "李四", "directive", "各乡镇要切实加强项目谋划，确保全年完成投资30亿元", {}),
            ("s-li-2", "李四", "statistic", "60.6亿元", {"value": 60.6}),
        ]
        for span_id, who, label, needle, attrs in mine:
            start, end = at(needle)
            spans.add_span(project, Span(id=span_id, document_id=doc, start=start, end=end, label=label,
                                         annotator=who, attributes=attrs, created=stamp, updated=stamp))
        spans.update_span(project, "s-zhang-3", attributes={"value": 1200, "unit": "万元", "note": "𠮷"}, by="张三")
        spans.remove_span(project, "s-li-2", by="李四")

        suggestions = [Suggestion(*at("5.2%"), label="statistic", attributes={"value": 5.2}, rule="percent"),
                       Suggestion(*at("各部门要压实责任"), label="directive", rule="cue:要"),
                       Suggestion(*at("30亿元"), label="statistic", rule="amount")]
        spans.replace_suggestions(project, doc, suggestions)
        open_ = {s.label + str(s.start): s for s in spans.open_suggestions(project, doc, "李四")}
        spans.reject_suggestion(project, open_["directive" + str(at("各部门要压实责任")[0])], "李四")
        spans.accept_suggestion(project, open_["statistic" + str(at("30亿元")[0])], "李四")

        start, end = at("60.6亿元")
        spans.add_span(project, Span(id="s-gold-1", document_id=doc, start=start, end=end, label="statistic",
                                     annotator=GOLD, status=SpanStatus.GOLD, attributes={"value": 60.6},
                                     source="adjudication", provenance={"agreed": ["张三", "李四"]},
                                     created=stamp, updated=stamp))
        sections.add_edit(project, doc, "shift", at("（一）")[0], {"delta": 1}, annotator="张三")
        documents.set_status(project, doc, "张三", "done")
        documents.set_status(project, ids[1], "李四", "in_progress")
        search.index_words(project)
        from annotator.storage.schema import known_migrations

        if "0006_document_trash" in known_migrations():  # a document deleted into the trash, kept there
            from annotator.storage import document_trash

            gone, _ = documents.add_document(project, clean_text="误导入的一篇：不应留在项目里。\n", raw_text="x",
                                             title="误导入", annotator="张三")
            document_trash.trash_document(project, gone, by="张三")
    # A compact file with no -wal beside it: the shape a user copies or mails.
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("VACUUM")
    conn.close()


def main() -> None:
    from annotator.storage.schema import known_migrations

    name = f"v{known_migrations()[-1][:4]}"  # the newest step's number (steps may come from two branches)
    db, expected = HERE / f"{name}.annotator.db", HERE / f"{name}.expected.json"
    if db.exists() or expected.exists():
        sys.exit(f"{db.name} already exists; fixtures are made once, by the version that introduces them")
    build(db)
    import sqlite3

    # Not mode=ro: a read-only connection to a WAL file cannot remove the -wal/-shm files it creates.
    conn = sqlite3.connect(db)
    try:
        data = {"schema_steps": known_migrations(), **snapshot(conn)}
    finally:
        conn.close()
    expected.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {db} and {expected.name}")


if __name__ == "__main__":
    main()
