"""Chinese full-text search over a project's documents.

- 3+ characters: FTS5 trigram index (every substring of 3+ characters is findable, ranked by bm25);
- 2 characters: the jieba word index (whole words such as 工会, 职工), plus a substring scan for
  documents whose words are not indexed yet;
- 1 character: a substring scan (instr) — still fast enough: SQLite scans ~1 GB/s of text.
The word index is filled by ``index_words`` outside the import transaction (jieba runs at ~400 k chars/s,
slower than the whole rest of ingest), in the background in the GUI and after a batch in the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.nlp import segment
from annotator.storage.project import Project


@dataclass
class Hit:
    document_id: int
    title: str
    position: int  # code point offset of the first match in the clean text (-1 if unknown)
    snippet: str


def _snippet(text: str, pos: int, length: int, width: int = 24) -> str:
    if pos < 0:
        return text[: width * 2]
    start = max(0, pos - width)
    end = min(len(text), pos + length + width)
    return ("…" if start else "") + text[start:end].replace("\n", " ") + ("…" if end < len(text) else "")


def index_words(project: Project, *, limit: int | None = None) -> int:
    """Segment documents missing from the word index. Returns how many were indexed."""
    sql = "SELECT id, clean_text FROM documents WHERE id NOT IN (SELECT rowid FROM documents_words) ORDER BY id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    todo = project.conn.execute(sql).fetchall()
    for doc_id, text in todo:
        words = segment.segmented(text)
        with project.write():
            project.conn.execute("INSERT OR REPLACE INTO documents_words(rowid, words) VALUES (?, ?)", [doc_id, words])
    return len(todo)


def search(project: Project, query: str, *, limit: int = 200) -> list[Hit]:
    query = " ".join(query.split())
    if not query:
        return []
    if len(query) >= 3:
        phrase = '"' + query.replace('"', '""') + '"'
        rows = project.conn.execute(
            "SELECT d.id, d.title, d.clean_text FROM documents_fts f JOIN documents d ON d.id = f.rowid"
            " WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?",
            [phrase, limit],
        ).fetchall()
    else:
        ids: list[int] = []
        if len(query) == 2 and " " not in query:
            phrase = '"' + query.replace('"', '""') + '"'
            ids = [r[0] for r in project.conn.execute(
                "SELECT rowid FROM documents_words WHERE documents_words MATCH ? ORDER BY rank LIMIT ?",
                [phrase, limit],
            )]
        # Substring scan for what the word index cannot answer (1 char, unindexed documents, words
        # jieba segments differently, e.g. a 2-character string inside a longer word).
        seen = set(ids)
        more = [r[0] for r in project.conn.execute(
            "SELECT id FROM documents WHERE (instr(clean_text, ?) > 0 OR instr(title, ?) > 0) ORDER BY id LIMIT ?",
            [query, query, limit],
        ) if r[0] not in seen]
        ids = (ids + more)[:limit]
        rows = []
        for doc_id in ids:
            rows.append(project.conn.execute(
                "SELECT id, title, clean_text FROM documents WHERE id = ?", [doc_id]).fetchone())
    hits = []
    for doc_id, title, text in rows:
        pos = text.find(query)
        hits.append(Hit(doc_id, title, pos, _snippet(text, pos, len(query))))
    return hits
