"""Chinese full-text search over a project's documents.

Matching is by substring, case-insensitive for ASCII letters only (SQLite's LIKE/lower()):
- 3+ characters: candidates from the trigram index (``documents_fts``, ``detail=none``: it stores which
  documents hold a trigram, not where, ~0.1× the text), each verified against the text;
- 2 characters: documents where jieba found it as a whole word come first (``documents_words``), then
  every other document that contains it (a scan);
- 1 character: a scan (instr) — SQLite scans ~1 GB/s of text.
Documents not indexed yet (listed in ``search_backlog``, see schema migration 0002) are scanned, so a
result is never missing while the index catches up. Importing only queues a document; ``update_index``
indexes the queue in batches after an import (~10× faster than one trigger per document, which was half
of ingest). The word index is filled by ``index_words`` (jieba, ~400 k chars/s: slower than the whole
rest of ingest) outside the import transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.storage.project import Project

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
INDEX_BATCH_CHARS = 5_000_000  # per write transaction: long enough to batch, short enough not to starve the GUI


@dataclass
class Hit:
    document_id: int
    title: str
    position: int  # code point offset of the first match in the clean text (-1 if only the title matches)
    snippet: str


def _snippet(text: str, pos: int, length: int, width: int = 24) -> str:
    if pos < 0:
        return text[: width * 2]
    start = max(0, pos - width)
    end = min(len(text), pos + length + width)
    return ("…" if start else "") + text[start:end].replace("\n", " ") + ("…" if end < len(text) else "")


def _like_pattern(query: str) -> str:
    # LIKE wildcards in the query match any character (a superset); the exact check follows.
    return "%" + query.replace("%", "_") + "%"


def backlog(project: Project) -> int:
    """How many documents wait to be indexed."""
    return project.conn.execute("SELECT count(*) FROM search_backlog").fetchone()[0]


def update_index(project: Project, *, max_chars: int = INDEX_BATCH_CHARS) -> int:
    """Index every document in the backlog, in transactions of about ``max_chars`` characters.

    Returns how many were indexed (0 on a read-only project: search still finds them by scanning).
    """
    if project.readonly:
        return 0
    done = 0
    while True:
        with project.write():
            rows = project.conn.execute(
                "SELECT b.document_id, d.char_count FROM search_backlog b JOIN documents d ON d.id = b.document_id"
                " ORDER BY b.document_id LIMIT 10000"
            ).fetchall()
            if not rows:
                return done
            chars, last = 0, rows[-1][0]
            for doc_id, count in rows:
                chars += count
                if chars >= max_chars:
                    last = doc_id
                    break
            project.conn.execute(
                "INSERT INTO documents_fts (rowid, title, clean_text) SELECT d.id, d.title, d.clean_text"
                " FROM search_backlog b JOIN documents d ON d.id = b.document_id WHERE b.document_id <= ?",
                [last],
            )
            done += project.conn.execute("DELETE FROM search_backlog WHERE document_id <= ?", [last]).rowcount


def index_words(project: Project, *, limit: int | None = None) -> int:
    """Segment documents missing from the word index (jieba). Returns how many were indexed."""
    from annotator.nlp import segment  # noqa: PLC0415 - jieba only on this path, never for a search

    sql = "SELECT id FROM documents WHERE id NOT IN (SELECT rowid FROM documents_words) ORDER BY id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    todo = [row[0] for row in project.conn.execute(sql).fetchall()]
    done = 0
    for doc_id in todo:  # one text in memory at a time, however large the backlog
        row = project.conn.execute("SELECT clean_text FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            continue  # deleted meanwhile (the GUI may run beside a background indexer)
        words = segment.segmented(row[0])
        with project.write():
            project.conn.execute("INSERT OR REPLACE INTO documents_words(rowid, words) VALUES (?, ?)", [doc_id, words])
        done += 1
    return done


def _has_ascii_letters(query: str) -> bool:
    return any(c.isascii() and c.isalpha() for c in query)


def _contains(column: str, query: str) -> str:
    """SQL testing that ``column`` contains the query (bound as :q), ASCII-case-insensitively."""
    if not _has_ascii_letters(query):
        return f"instr({column}, :q) > 0"  # nothing to fold (Chinese, digits): no lower() copy of the text
    return f"instr(lower({column}), lower(:q)) > 0"


def search(project: Project, query: str, *, limit: int = 200) -> list[Hit]:
    query = " ".join(query.split())
    if not query:
        return []
    found = f"({_contains('d.clean_text', query)} OR {_contains('d.title', query)})"
    params = {"q": query, "p": _like_pattern(query), "limit": limit}
    if len(query) >= 3:
        # Candidates: the index plus whatever it does not cover yet; then the exact check. Documents whose
        # title matches first, then the rest in import order: both stop at the limit (ranking by how often
        # the text matches made a common query read every matching text, 47× an instr scan at 10 000
        # documents; detail=none has no positions for bm25).
        backlog_sql = " UNION SELECT document_id FROM search_backlog"
        ids = [r[0] for r in project.conn.execute(
            "SELECT d.id FROM documents d WHERE d.id IN (SELECT rowid FROM documents_fts WHERE title LIKE :p"
            f"{backlog_sql}) AND {_contains('d.title', query)} ORDER BY d.id LIMIT :limit", params)]
        seen = set(ids)
        ids += [r[0] for r in project.conn.execute(
            "SELECT d.id FROM documents d WHERE d.id IN (SELECT rowid FROM documents_fts WHERE clean_text LIKE :p"
            f"{backlog_sql}) AND {_contains('d.clean_text', query)} ORDER BY d.id LIMIT :limit", params)
            if r[0] not in seen]
        ids = ids[:limit]
    else:
        ids = []
        if len(query) == 2 and " " not in query:
            phrase = '"' + query.replace('"', '""') + '"'
            ids = [r[0] for r in project.conn.execute(
                "SELECT w.rowid FROM documents_words w JOIN documents d ON d.id = w.rowid"
                f" WHERE documents_words MATCH :m AND {found} ORDER BY rank LIMIT :limit",
                {**params, "m": phrase},
            )]  # verified: a stale word row (text edited since) must not produce a hit
        seen = set(ids)
        more = [r[0] for r in project.conn.execute(
            f"SELECT d.id FROM documents d WHERE {found} ORDER BY d.id LIMIT :limit", params) if r[0] not in seen]
        ids = (ids + more)[:limit]
    hits = []
    fold = _has_ascii_letters(query)
    for doc_id in ids:
        title, text = project.conn.execute("SELECT title, clean_text FROM documents WHERE id = ?", [doc_id]).fetchone()
        pos = text.translate(_ASCII_LOWER).find(query.translate(_ASCII_LOWER)) if fold else text.find(query)
        hits.append(Hit(doc_id, title, pos, _snippet(text, pos, len(query))))
    return hits
