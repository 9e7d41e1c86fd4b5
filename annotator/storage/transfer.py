"""Copying a whole project between backends: ``annotator team push`` (file → server) and ``team pull``.

Everything a project holds goes across with its ids: metadata (guidelines, suggestion model, settings),
labels, annotators, documents (raw and clean text, import report), outlines and the manual outline
corrections, every span layer (annotators', suggestions, rejections, gold), progress marks, comments and
the whole event log, the trash (deleted documents not yet emptied), plus the jieba word index
(re-tokenised for the target's search, see pg/search.py). Ids stay the same, so the copy's event log still points at the right rows; each
identity on PostgreSQL is then moved past the largest id (pg/schema.sync_identities).

The copy is one transaction on the target: an error leaves the target as it was. The target must hold
no documents and no events yet (a fresh ``team init`` or a new file): merging two projects is
``annotator merge``'s job, with its own rules for conflicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.storage.base import StoreBase
from annotator.storage.errors import ProjectError

# Parents before children (foreign keys), each with the key it is read in order of.
TABLES = [
    ("project_meta", "key"), ("labels", "name"), ("annotators", "name"), ("documents", "id"),
    ("sections", "id"), ("section_edits", "id"), ("spans", "id"), ("doc_status", "document_id, annotator"),
    ("comments", "id"), ("events", "id"), ("trash", "id"),
]
# Rows a freshly opened project already has: the copy replaces them with the source's.
_UPSERT_KEYS = {"project_meta": "key", "annotators": "name"}
_BATCH = 2000


@dataclass
class CopyReport:
    rows: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        return ", ".join(f"{n} {t}" for t, n in self.rows.items() if n)


def _columns(source: StoreBase, table: str) -> list[str]:
    cursor = source.execute(f"SELECT * FROM {table} LIMIT 0")
    return [d[0] for d in cursor.description]


def _insert_sql(table: str, columns: list[str]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
    key = _UPSERT_KEYS.get(table)
    if key:
        updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != key)
        sql += f" ON CONFLICT ({key}) DO UPDATE SET {updates}"
    return sql


def _check_empty(target: StoreBase) -> None:
    held = {t: target.scalar(f"SELECT count(*) FROM {t}") for t in ("documents", "events", "spans")}
    if any(held.values()):
        what = ", ".join(f"{n} {t}" for t, n in held.items() if n)
        raise ProjectError(target.location, f"already holds data ({what}); a project is copied only into an "
                           "empty one (use `annotator merge` to combine projects)")


def _word_rows(source: StoreBase) -> list[tuple[int, list[str]]]:
    """Each document's indexed words as a list of tokens, whichever backend they come from."""
    from annotator.storage.pg.search import tokens  # noqa: PLC0415 - pure Python, no driver

    if source.dialect.sqlite:
        return [(doc_id, sorted(set(tokens(words or "")))) for doc_id, words in
                source.fetchall("SELECT rowid, words FROM documents_words ORDER BY rowid")]
    return [(doc_id, list(words)) for doc_id, words in
            source.fetchall("SELECT document_id, words FROM documents_words ORDER BY document_id")]


def copy_project(source: StoreBase, target: StoreBase) -> CopyReport:
    """Copy every row of ``source`` into the empty project ``target`` (one transaction on the target)."""
    from annotator.storage import search  # noqa: PLC0415

    report = CopyReport()
    with target.write():
        _check_empty(target)
        target.execute("DELETE FROM labels")  # the new project's default schema gives way to the source's
        for table, key in TABLES:
            columns = _columns(source, table)
            sql = _insert_sql(table, columns)
            count, batch = 0, []
            # Documents one at a time (texts can be megabytes); the rest in batches.
            size = 1 if table == "documents" else _BATCH
            for row in source.stream(f"SELECT {', '.join(chr(34) + c + chr(34) for c in columns)} FROM {table}"
                                     f" ORDER BY {key}"):
                batch.append(tuple(row))
                if len(batch) >= size:
                    target.executemany(sql, batch)
                    count += len(batch)
                    batch = []
            if batch:
                target.executemany(sql, batch)
                count += len(batch)
            report.rows[table] = count
        words = _word_rows(source)
        if target.dialect.sqlite:
            target.executemany("INSERT INTO documents_words (rowid, words) VALUES (?, ?)",
                               [(doc_id, " ".join(tokens)) for doc_id, tokens in words])
        else:
            from annotator.storage.pg.schema import sync_identities  # noqa: PLC0415

            target.executemany("INSERT INTO documents_words (document_id, words) VALUES (?, ?)", words)
            sync_identities(target)
        report.rows["indexed words of documents"] = len(words)
    search.update_index(target)  # SQLite: the copied documents wait in the search backlog until now
    return report
