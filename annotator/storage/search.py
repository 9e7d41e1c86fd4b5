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

On PostgreSQL the same rules give the same hits in the same order (tests/unit/test_search_parity.py):
pg/search.py finds the candidates (pg_trgm for 3+ characters, a jieba word array for 2); the ordering,
verification, positions and snippets below are shared. Word hits come in document order on both (FTS5's
rank with ``detail=none`` only reflected document length, which PostgreSQL's array index cannot mimic).
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.storage.store import StoreBackend

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_FETCH_BATCH = 100  # hits whose texts are read in one query
INDEX_BATCH_CHARS = 5_000_000  # per write transaction: long enough to batch, short enough not to starve the GUI


@dataclass
class Hit:
    document_id: int
    title: str
    position: int  # code point offset of the first match in the clean text (-1 if only the title matches)
    snippet: str


_SNIPPET_WIDTH = 24  # characters shown on each side of the match


def _snippet(text: str, pos: int, length: int, width: int = _SNIPPET_WIDTH) -> str:
    if pos < 0:
        return text[: width * 2]
    start = max(0, pos - width)
    end = min(len(text), pos + length + width)
    return ("…" if start else "") + text[start:end].replace("\n", " ") + ("…" if end < len(text) else "")


def _trigram_terms(query: str) -> str:
    """An FTS5 query: every distinct trigram of ``query`` as a quoted term, all required."""
    grams = sorted({query[i:i + 3] for i in range(len(query) - 2)})
    return " AND ".join('"' + gram.replace('"', '""') + '"' for gram in grams)


def backlog(project: StoreBackend) -> int:
    """How many documents wait to be indexed (PostgreSQL's trigram index is kept up to date at once: 0)."""
    if not project.dialect.sqlite:
        return 0
    return project.execute("SELECT count(*) FROM search_backlog").fetchone()[0]


def update_index(project: StoreBackend, *, max_chars: int = INDEX_BATCH_CHARS) -> int:
    """Index every document in the backlog, in transactions of about ``max_chars`` characters.

    Returns how many were indexed (0 on a read-only project: search still finds them by scanning).
    """
    if project.readonly or not project.dialect.sqlite:
        return 0
    done = 0
    while True:
        with project.write():
            rows = project.execute(
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
            project.execute(
                "INSERT INTO documents_fts (rowid, title, clean_text) SELECT d.id, d.title, d.clean_text"
                " FROM search_backlog b JOIN documents d ON d.id = b.document_id WHERE b.document_id <= ?",
                [last],
            )
            done += project.execute("DELETE FROM search_backlog WHERE document_id <= ?", [last]).rowcount


def index_words(project: StoreBackend, *, limit: int | None = None) -> int:
    """Segment documents missing from the word index (jieba). Returns how many were indexed."""
    from annotator.nlp import segment  # noqa: PLC0415 - jieba only on this path, never for a search

    if not project.dialect.sqlite:
        from annotator.storage.pg import search as pg_search  # noqa: PLC0415

        return pg_search.index_words(project, limit=limit)
    sql = "SELECT id FROM documents WHERE id NOT IN (SELECT rowid FROM documents_words) ORDER BY id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    todo = [row[0] for row in project.execute(sql).fetchall()]
    done = 0
    for doc_id in todo:  # one text in memory at a time, however large the backlog
        row = project.execute("SELECT clean_text FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            continue  # deleted meanwhile (the GUI may run beside a background indexer)
        words = segment.segmented(row[0])
        with project.write():
            project.execute("INSERT OR REPLACE INTO documents_words(rowid, words) VALUES (?, ?)", [doc_id, words])
        done += 1
    return done


def forget_words(project: StoreBackend, doc_id: int) -> None:
    """Drop a document's row of the word index (its text changed or it is deleted)."""
    if project.dialect.sqlite:  # an FTS5 table has no foreign key to cascade from
        project.execute("DELETE FROM documents_words WHERE rowid = ?", [doc_id])
    else:
        project.execute("DELETE FROM documents_words WHERE document_id = ?", [doc_id])


def _has_ascii_letters(query: str) -> bool:
    return any(c.isascii() and c.isalpha() for c in query)


def _contains(column: str, query: str) -> str:
    """SQL testing that ``column`` contains the query (bound as :q), ASCII-case-insensitively."""
    if not _has_ascii_letters(query):
        return f"instr({column}, :q) > 0"  # nothing to fold (Chinese, digits): no lower() copy of the text
    return f"instr(lower({column}), lower(:q)) > 0"


def search(project: StoreBackend, query: str, *, limit: int = 200) -> list[Hit]:
    query = " ".join(query.split())
    if not query:
        return []
    if project.dialect.sqlite:
        return _hits(project, _sqlite_ids(project, query, limit), query)
    # The server finds each position and cuts the snippet's window (pg/search.found): only ~60 characters
    # per hit travel, not the whole text; a 3+ character search cuts them as it finds the matches.
    from annotator.storage.pg import search as pg_search  # noqa: PLC0415

    ids, rows = pg_search.found(project, query, limit, _SNIPPET_WIDTH)
    hits = []
    for doc_id in ids:
        if doc_id in rows:  # else deleted by another session since the candidates were found
            title, pos, window, before, after = rows[doc_id]
            # as _snippet: the start of the text as it is when only the title matched
            snippet = window if pos < 0 else \
                ("…" if before else "") + window.replace("\n", " ") + ("…" if after else "")
            hits.append(Hit(doc_id, title, pos, snippet))
    return hits


def _sqlite_ids(project: StoreBackend, query: str, limit: int) -> list[int]:
    found = f"({_contains('d.clean_text', query)} OR {_contains('d.title', query)})"
    params = {"q": query, "limit": limit}
    if len(query) >= 3:
        # Candidates: the index plus whatever it does not cover yet; then the exact check. Documents whose
        # title matches first, then the rest in import order: both stop at the limit (ranking by how often
        # the text matches made a common query read every matching text, 47× an instr scan at 10 000
        # documents; detail=none has no positions for bm25).
        # The index is asked for the documents holding every trigram of the query, each as a term of its
        # own: answered from the index alone. A LIKE (or a phrase) cannot be, with detail=none: FTS5 then
        # read and re-tokenised every candidate's text (3 s for a common query at 100 000 documents).
        # Any document holding the query holds its trigrams (the tokenizer folds case on both sides), so
        # the candidates are a superset and the exact check below decides, as before.
        params["m"] = _trigram_terms(query)
        indexed = ("d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH :m"
                   " UNION SELECT document_id FROM search_backlog) AND ")
        ids = [r[0] for r in project.execute(
            f"SELECT d.id FROM documents d WHERE {indexed}{_contains('d.title', query)}"
            " ORDER BY d.id LIMIT :limit", params)]
        seen = set(ids)
        ids += [r[0] for r in project.execute(
            f"SELECT d.id FROM documents d WHERE {indexed}{_contains('d.clean_text', query)}"
            " ORDER BY d.id LIMIT :limit", params) if r[0] not in seen]
        ids = ids[:limit]
    else:
        ids = []
        if len(query) == 2 and " " not in query:
            phrase = '"' + query.replace('"', '""') + '"'
            ids = [r[0] for r in project.execute(
                "SELECT w.rowid FROM documents_words w JOIN documents d ON d.id = w.rowid"
                f" WHERE documents_words MATCH :m AND {found} ORDER BY w.rowid LIMIT :limit",
                {**params, "m": phrase},
            )]  # verified: a stale word row (text edited since) must not produce a hit
        seen = set(ids)
        more = [r[0] for r in project.execute(
            f"SELECT d.id FROM documents d WHERE {found} ORDER BY d.id LIMIT :limit", params) if r[0] not in seen]
        ids = (ids + more)[:limit]
    return ids


def _hits(project: StoreBackend, ids: list[int], query: str) -> list[Hit]:
    hits = []
    fold = _has_ascii_letters(query)
    # The hits' texts in batches, not one query per hit.
    for first in range(0, len(ids), _FETCH_BATCH):
        chunk = ids[first:first + _FETCH_BATCH]
        rows = {r[0]: r[1:] for r in project.fetchall(
            f"SELECT id, title, clean_text FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk)}
        for doc_id in chunk:
            if doc_id not in rows:
                continue  # deleted by another session since the candidates were found
            title, text = rows[doc_id]
            pos = text.translate(_ASCII_LOWER).find(query.translate(_ASCII_LOWER)) if fold else text.find(query)
            hits.append(Hit(doc_id, title, pos, _snippet(text, pos, len(query))))
    return hits
