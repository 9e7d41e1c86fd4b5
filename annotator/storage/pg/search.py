"""Chinese full-text search on PostgreSQL: the hits storage/search.py turns into snippets.

The rules are SQLite's (storage/search.py), so both backends return the same hits in the same order:
- 3+ characters: documents whose title, then whose text, contains the query, each group in id order.
  Candidates come from GIN indexes: the title's ``pg_trgm`` index (``LIKE``, or ``ILIKE`` when the
  query has ASCII letters: a superset) and the index of each text's trigram set (``show_trgm``: the
  texts holding every trigram of the query, read from the index alone; _text_candidates), verified by
  ``strpos`` on the text folded like SQLite's ``lower()`` (ASCII only: PostgreSQL's ``lower()`` and
  ``ILIKE`` also fold other scripts, which SQLite does not).
  Always the indexes first (``_trigram_ids``: the planner, left alone, read every text of a small
  project for a query found nowhere, and sorted every match of a common one in a large project).
- 2 characters: documents where jieba found the query as a word first, then every other one containing
  it (a scan), both in id order. ``documents_words.words`` holds each document's words tokenised the way
  FTS5's ``unicode61`` tokeniser splits them on SQLite (letters, digits and private-use characters form
  tokens; case folded; Latin diacritics removed), so the same documents count as "word" hits.
- 1 character: a scan.
Nothing waits in a backlog here: the text's trigrams are filed into the index when the transaction
that added the text commits (pg/schema._search_settle); until then the index's pending list holds them,
which every search reads too, so no search misses a document at any moment.
The statements that run behind planner settings (_index_only) are prepared once per connection with one
generic plan (pg/prepared.py): planning was most of a search found nowhere.
"""

from __future__ import annotations

import re
import unicodedata

from annotator.storage.base import StoreBase

_UPPER, _LOWER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"
_ASCII_LOWER = str.maketrans(_UPPER, _LOWER)


# A token is a run of letters, digits (Python's alphanumerics: Unicode categories L* and N*) and
# private-use characters (Co), as unicode61 decides; one regular expression instead of a per-character
# category lookup (10× faster on a long document).
_TOKEN = re.compile(r"(?:[^\W_]|[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd])+")


def _fold_token(token: str) -> str:
    out = []
    for ch in token:
        # Simple case mapping, one character for one (İ → i), as SQLite's; Python's lower() is the full one.
        ch = ch.lower()[0]
        base = unicodedata.normalize("NFD", ch)
        # unicode61's remove_diacritics: a Latin letter with combining marks becomes its base letter.
        out.append(base[0] if len(base) > 1 and base[0].isascii() and base[0].isalpha() else ch)
    return "".join(out)


def tokens(text: str) -> list[str]:
    """FTS5 unicode61's tokens of ``text`` (default options), in order."""
    return [_fold_token(t) for t in _TOKEN.findall(text)]


def index_words(project: StoreBase, *, limit: int | None = None) -> int:
    """Segment the documents missing from the word index (jieba). Returns how many were indexed."""
    from annotator.nlp import segment  # noqa: PLC0415 - jieba only on this path

    sql = ("SELECT id, clean_text FROM documents d WHERE NOT EXISTS"
           " (SELECT 1 FROM documents_words w WHERE w.document_id = d.id) ORDER BY id")
    if limit:
        sql += f" LIMIT {int(limit)}"
    todo = project.fetchall(sql)
    for doc_id, text in todo:
        words = sorted(set(tokens(segment.segmented(text))))
        with project.write():
            project.execute("INSERT INTO documents_words (document_id, words) VALUES (?, ?)"
                            " ON CONFLICT (document_id) DO UPDATE SET words = excluded.words", [doc_id, words])
    return len(todo)


def _has_ascii_letters(query: str) -> bool:
    return any(c.isascii() and c.isalpha() for c in query)


def _contains(column: str, query: str) -> str:
    """SQL: ``column`` contains :q, folding ASCII letters only (as SQLite's lower() does).

    ``strpos``, not LIKE, where nothing can use an index (the 1- and 2-character scans): PostgreSQL 15's
    strpos skips through the bytes (Boyer-Moore-Horspool) where LIKE steps one byte at a time; on 300
    uncompressed 9 kB texts 5–10 ms against 13–30 ms (EXPLAIN ANALYZE, 3 runs, issue 16). An earlier
    measurement the other way timed strpos on compressed texts, where decompression dominated both."""
    if not _has_ascii_letters(query):
        return f"strpos({column}, :q) > 0"
    return f"strpos(translate({column}, '{_UPPER}', '{_LOWER}'), :qf) > 0"


def _like_pattern(query: str) -> str:
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def found(project: StoreBase, query: str, limit: int, width: int) -> tuple[list[int], dict[int, tuple]]:
    """The matching ids in storage/search.py's order and hit_windows' row for each (the snippets)."""
    ids, windows = _candidates(project, query, limit, width)
    windows.update(hit_windows(project, [i for i in ids if i not in windows], query, width))
    return ids, windows


def candidate_ids(project: StoreBase, query: str, limit: int) -> list[int]:
    """Matching document ids in storage/search.py's order."""
    return _candidates(project, query, limit, 0)[0]


def _candidates(project: StoreBase, query: str, limit: int, width: int) -> tuple[list[int], dict[int, tuple]]:
    """(ids, the windows of those whose text a 3+ character search already read: see _trigram_ids)."""
    params = {"p": _like_pattern(query), "q": query, "qf": query.translate(_ASCII_LOWER), "limit": limit}
    # The short title first. Wrapped in CASE for the planner: it estimates LIKE on long texts at one row,
    # so it chose to scan and sort every match (265 ms for "工会" in 1 000 documents); at its default
    # estimate for an opaque condition it reads in id order and stops at the limit (30 ms), as SQLite does.
    found = f"CASE WHEN {_contains('d.title', query)} OR {_contains('d.clean_text', query)} THEN true ELSE false END"
    if len(query) >= 3:
        return _trigram_ids(project, query, params, limit, width)
    # The scans cut each hit's snippet window as they find it (_window_select): each text is read once.
    needle, haystack = _needle(query, "d.clean_text")
    params.update(needle=needle, width=width, qlen=len(query))
    columns = f"d.title, d.clean_text AS t, strpos({haystack}, :needle) AS p"

    def scan(source: str, extra: dict | None = None) -> dict[int, tuple]:
        rows = project.execute(_window_select(source, query), {**params, **(extra or {})}).fetchall()
        return {row[0]: _window(row, len(query), width) for row in sorted(rows)}  # in id order, as asked
    windows: dict[int, tuple] = {}
    words = tokens(query)
    if len(query) == 2 and " " not in query and words:
        # Up to two pages of word hits: from the word index, sorted, not a read of every document's word
        # array (TOASTed, ~1 000 words each: 10 of 20 ms for "工会" in 300 documents, where the planner
        # chose that scan; EXPLAIN ANALYZE, issue 16). More (a common word): the planner's id-order read,
        # which stops at the page (sorting every hit the index finds took 300 ms at 10 000 documents). At
        # two pages both read about as much (the id-order read: a page of texts and at least a page of
        # arrays). One round trip: the count comes first; the second query runs only when it is small.
        word_rows = (f"SELECT w.document_id AS id, {columns} FROM documents_words w JOIN documents d"
                     f" ON d.id = w.document_id WHERE w.words @> :w AND {found}")
        few = "(SELECT count(*) FROM (SELECT 1 FROM documents_words WHERE words @> :w LIMIT 2 * :limit + 1) AS c)"
        page = f"{word_rows} AND {few} <= 2 * :limit ORDER BY w.document_id LIMIT :limit"
        counted, rows = project._guard(lambda: _index_only(project, [f"SELECT {few}", _window_select(page, query)],
                                                           {**params, "w": words}))
        if counted[0][0] <= 2 * limit:
            windows = {row[0]: _window(row, len(query), width) for row in sorted(rows)}
        else:
            windows = scan(f"{word_rows} ORDER BY w.document_id LIMIT :limit", {"w": words})
    ids = list(windows)
    if len(ids) >= limit:  # word hits fill the page: the other hits would all come after the limit
        return ids[:limit], windows
    [rows] = project._guard(lambda: _index_only(project, [_window_select(_scan(query), query)], params, _ID_ORDER))
    more = {row[0]: _window(row, len(query), width) for row in sorted(rows)}
    ids += [i for i in more if i not in windows]
    return ids[:limit], {**more, **windows}


def _scan(query: str) -> str:
    """SQL: the documents whose title or text contains :q, in id order, up to :limit, each text read once.

    The text is copied out of TOAST once per document (``|| ''`` in a LATERAL kept apart by OFFSET 0),
    and the one strpos on the copy both decides the match and gives the position; the window is cut from
    the same copy. Written plainly (strpos in WHERE, again for the position, substr on the stored text),
    a hit's text was read three times: a common character ("税", 200 hits in 300 documents) cost 20.5
    against 12.3 ms of server CPU (60 runs each, /proc's counters: the wall clock on this shared machine
    varied ±50 %). Run with sorting off (_ID_ORDER): read in id order through the primary key and stop at
    the limit, at any size (the planner, free, sorted every document's copy first on a small project)."""
    return (f"SELECT d.id, d.title, x.t, x.p FROM documents d {_read_once(query)}"
            f" WHERE CASE WHEN {_contains('d.title', query)} OR x.p > 0 THEN true ELSE false END"
            " ORDER BY d.id LIMIT :limit")


def _read_once(query: str) -> str:
    """SQL: ``x.t``, a copy of ``d.clean_text`` taken out of TOAST once, and ``x.p``, the 1-based position
    of the (folded) query in it (0: none), for each row of ``documents d`` that reaches it (see _scan)."""
    _, haystack = _needle(query, "a.t")
    return ("CROSS JOIN LATERAL (SELECT a.t, strpos({haystack}, :needle) AS p FROM"
            " (SELECT d.clean_text || '' AS t OFFSET 0) AS a OFFSET 0) AS x").replace("{haystack}", haystack)


def _trigram_where(column: str, query: str) -> str:
    """SQL: ``column`` contains :q, as a condition the ``pg_trgm`` index serves (the title; the text of a
    project laid out before ``documents_text_grams``: see _text_candidates).

    Without ASCII letters the index's LIKE is the whole check (one read of each candidate's text, not
    two); with them ILIKE finds a superset (it folds other scripts too) and the exact check follows.
    LIKE, not the faster strpos: only LIKE/ILIKE can use the trigram index."""
    if not _has_ascii_letters(query):
        return f"{column} LIKE :p"
    return f"{column} ILIKE :p AND {_contains(column, query)}"


# The trigrams every text holding :qf holds, as show_trgm writes them (pg/schema._search_grams): the
# query's own, less those of its first two and its last two characters. pg_trgm pads each word (a run of
# letters and digits) with blanks; a word inside the query is a whole word of the text too, but the
# query's first word may go on to the left in the text and its last to the right: their padded trigrams
# at the query's two ends are exactly those that two characters there also give. A hash shared by two
# trigrams (pg_trgm hashes those with non-ASCII characters into 3 bytes) can only remove one from the
# set: fewer required, more candidates, never a document missed; strpos decides.
_REQUIRED_GRAMS = ("(SELECT coalesce(array_agg(g), '{}') FROM (SELECT unnest(show_trgm(:qf)) EXCEPT"
                   " SELECT unnest(show_trgm(left(:qf, 2))) EXCEPT SELECT unnest(show_trgm(right(:qf, 2)))) AS grams(g))")
_GRAMS_INDEX = "documents_text_grams"


def _text_candidates(project: StoreBase) -> str:
    """SQL: the texts that may hold :qf, answered by the index alone, to be checked by strpos (``x.p``).

    ``documents_text_grams`` indexes each text's trigram set (an array: ``@>`` is exact on it, so the
    bitmap scan reads no text to recheck it). The ``pg_trgm`` LIKE index it replaced rechecked every
    candidate with LIKE, which steps through a Chinese text byte by byte: 16 of the 19 ms of "安全生产"
    (150 hits in 300 documents of ~3 000 characters), where this lookup takes 0.2 ms and the strpos
    that follows ~2 ms (EXPLAIN ANALYZE, issue 16). A project whose owner has not laid it out yet (a
    member opened it first: pg/schema._search_grams) keeps the LIKE index, asked the old way."""
    if getattr(project, "search_grams", None) is None:  # once per connection (PgProject._connect resets it)
        project.search_grams = bool(project.scalar(f"SELECT to_regclass('{_GRAMS_INDEX}') IS NOT NULL"))
    if project.search_grams:
        return f'(show_trgm(d.clean_text) COLLATE "C") @> {_REQUIRED_GRAMS} AND x.p > 0'
    return ""


# Phase one of a 3+ character search: only the trigram indexes may serve it (a bitmap scan). The planner
# prices reading a text at one heap tuple, but clean_text lives in TOAST (out of line, uncompressed: see
# pg/schema.py), so on a small project it chose to read every text ("GDP" in 300 documents: 60 ms, the
# index answers in 0.7 ms; EXPLAIN ANALYZE, issue 16). SET LOCAL lasts to the end of the transaction: the
# implicit one of this single query string, or a caller's own, which gets the planner's defaults back
# at the end of the string.
_INDEX_ONLY = "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off"
_ID_ORDER = "SET LOCAL enable_sort = off"  # _scan: the primary key's order, never a sort of every text
_PLANNER_DEFAULT = ("SET LOCAL enable_seqscan TO DEFAULT; SET LOCAL enable_indexscan TO DEFAULT;"
                    " SET LOCAL enable_sort TO DEFAULT; SET LOCAL plan_cache_mode TO DEFAULT")


def _trigram_ids(project: StoreBase, query: str, params: dict, limit: int,
                 width: int) -> tuple[list[int], dict[int, tuple]]:
    """Documents whose title, then whose text, contains ``query`` (3+ characters), each group in id order.

    Phase one asks the trigram indexes for the matches, the texts without an order and stopping at
    ``limit``: fewer than ``limit`` is every match (a rare query, or none: read from the index and the
    few candidates' texts, as FTS5 does on SQLite), put in id order here. ``limit`` of them means a
    common query, whose first ``limit`` in id order phase two finds by reading the documents in id order
    until it has them — what the planner did before for every query — without reading again the texts
    phase one already matched (CASE: known matches are true at once). So a common query reads about
    the same texts as before, and a rare one only its candidates.

    Phase one is one query string (the settings, both queries; see _index_only): one round trip, not
    six — a server across a network costs a round trip each. A query string with several statements
    takes no parameters, so the values are quoted by psycopg (sql.Literal), never pasted raw. Its text
    query also cuts each match's snippet window (hit_windows' row): the texts it matched are not looked up
    and read again for their snippets."""
    title, text = _trigram_where("d.title", query), _text_candidates(project) or _trigram_where("d.clean_text", query)
    needle, _haystack = _needle(query, "d.clean_text")
    # A match's text is read by the index's recheck, then once more for its position and window (_read_once;
    # three times before: 12.7 against 11.5 ms of server CPU for "安全生产", 150 hits in 300 documents).
    matches = f"SELECT d.id, d.title, x.t, x.p FROM documents d {_read_once(query)} WHERE {text} LIMIT :limit"

    def indexed() -> tuple[list[int], list[tuple]]:
        titles, rows = _index_only(project, [
            f"SELECT d.id FROM documents d WHERE {title} ORDER BY d.id LIMIT :limit",
            _window_select(matches, query)], {**params, "needle": needle, "width": width, "qlen": len(query)})
        return [r[0] for r in titles], rows
    titles, rows = project._guard(indexed)
    if len(titles) >= limit:  # the titles fill the page: the texts would all come after the limit
        return titles[:limit], {}
    windows = {row[0]: _window(row, len(query), width) for row in rows}
    texts = list(windows)
    if len(texts) >= limit:  # a common query: the first ``limit`` in id order (see above)
        # strpos, exact alone: the index conditions are for the index (show_trgm on every text read in id
        # order would rebuild each one's trigram set; LIKE is slower than strpos).
        known = f"CASE WHEN d.id = ANY(:known) THEN true WHEN {_contains('d.clean_text', query)} THEN true ELSE false END"
        texts = [r[0] for r in project.execute(
            f"SELECT d.id FROM documents d WHERE {known} ORDER BY d.id LIMIT :limit", {**params, "known": texts})]
    seen = set(titles)
    return (titles + [i for i in sorted(texts) if i not in seen])[:limit], windows


def _index_only(project: StoreBase, statements: list[str], params: dict,
                settings: str = _INDEX_ONLY) -> list[list[tuple]]:
    """The rows of each SELECT in ``statements``, planned with ``settings`` (the indexes only, or no
    sorting: _ID_ORDER), in one query string: one round trip. Each SELECT runs as a prepared statement
    with one generic plan (pg/prepared.py: planning was most of a search found nowhere); the values are
    quoted by psycopg (sql.Literal), never pasted raw."""
    from psycopg.pq import TransactionStatus  # noqa: PLC0415 - only PostgreSQL projects get here

    from annotator.storage.pg import prepared  # noqa: PLC0415

    conn = project.raw_connection()
    # The settings back only inside a caller's transaction: outside one, the string's own implicit
    # transaction ends with it and takes them along (statements fewer to parse and run).
    tail = f"; {_PLANNER_DEFAULT}" if conn.info.transaction_status != TransactionStatus.IDLE else ""
    with project._watched(conn):
        return prepared.run(project, conn, statements, params, settings, tail)


def _pg(sql: str) -> str:
    """The :name placeholders of this module's SQL as psycopg's (a raw cursor, not project.execute)."""
    from annotator.storage.pg.backend import _translate  # noqa: PLC0415

    return _translate(sql)


def _needle(query: str, column: str) -> tuple[str, str]:
    """(what strpos looks for, in what): folded like SQLite's lower() when the query has ASCII letters."""
    if _has_ascii_letters(query):
        return query.translate(_ASCII_LOWER), f"translate({column}, '{_UPPER}', '{_LOWER}')"
    return query, column


def _window_select(source: str, query: str) -> str:
    """SQL: hit_windows' row for each row of ``source`` (id, title, t: the text, p: the 1-based position
    of the match in t, 0: none): id, title, the position (0-based, -1: none), and the bytes of t around
    the match (``textsend``: its UTF-8) with where the match starts in them — ``4 * :width`` bytes before
    it, the match, ``4 * (:width + 1)`` after it (a character is at most 4 bytes: the ``:width``
    characters each side, and one more to tell whether the text goes on, are in them), or the first
    ``8 * :width`` bytes when only the title matched. _window cuts the characters out.

    In bytes, because PostgreSQL finds a character offset by stepping through every character before
    it: ``substr`` from the match's position cost ~14 ns per character before the match (300 texts of
    ~3 000 characters, match ~2 000 in: 10 of the ~14 ms of a window query, server CPU). The match's byte
    offset is the length of the text before it (``split_part``: the same search as strpos, one copy)."""
    _, haystack = _needle(query, "t")
    start = "greatest(b - 4 * :width, 0)"
    return (f"SELECT id, title, p - 1, b - {start}, substring(textsend(t) FROM {start} + 1 FOR"
            f" CASE WHEN p > 0 THEN b - {start} + octet_length(:needle) + 4 * (:width + 1) ELSE 8 * :width END)"
            f" FROM (SELECT hit.*, CASE WHEN p > 0 THEN octet_length(split_part({haystack}, :needle, 1)) ELSE 0 END"
            f" AS b FROM ({source} OFFSET 0) AS hit OFFSET 0) AS w")


def _window(row: tuple, length: int, width: int) -> tuple[str, int, str, bool, bool]:
    """(title, position, window, cut_before, cut_after) from a row of _window_select: the ``width``
    characters before the match, the match and the ``width`` after it (as substr would give them: code
    points, as Python's indices). The byte slice may begin or end inside a character: those bytes are
    dropped (the text itself is valid UTF-8)."""
    _doc_id, title, pos, cut, raw = row
    raw = bytes(raw)
    if pos < 0:
        return title, -1, raw.decode("utf-8", "ignore")[:2 * width], False, False
    before = raw[:cut].decode("utf-8", "ignore")
    before = before[len(before) - min(width, len(before)):]
    rest = raw[cut:].decode("utf-8", "ignore")
    keep = length + width  # the match and what follows it in the snippet
    return title, pos, before + rest[:keep], pos > width, len(rest) > keep


def hit_windows(project: StoreBase, ids: list[int], query: str, width: int) -> dict[int, tuple[str, int, str, bool, bool]]:
    """{id: (title, position, window, cut_before, cut_after)} of the hits, in one query: the position
    of the first match in code points (-1: none, the title matched) and only the ``width`` characters
    around it that the snippet shows, plus whether the text goes on before and after it.

    The server finds the position (``strpos``, on the text folded like SQLite's ``lower()`` when the
    query has ASCII letters) and sends the bytes around it (_window_select), from which _window takes the
    characters (code points, as Python's indices — 𠮷 and 😀 count one on both sides). Moving every
    hit's whole text to the client to find the match there was a third of a search (150 hits × 9 kB:
    1.4 MB read, decoded and scanned again). One character past the window is fetched to know whether
    the text goes on (no ``length()``: it would count every character of every hit)."""
    if not ids:
        return {}
    needle, haystack = _needle(query, "t")
    conn = project.raw_connection()
    # Each text is read once: ``t`` (|| '' makes an in-memory copy of the stored text) and ``p`` (the
    # 1-based position, 0: none) come from subqueries kept as they are by OFFSET 0 — flattened, every
    # use of p below ran strpos again and every cut fetched its slice from TOAST anew (200 hits: 35
    # against 8 ms).
    texts = (f"SELECT id, title, t, strpos({haystack}, :needle) AS p FROM"
             f" (SELECT id, title, clean_text || '' AS t FROM documents WHERE id = ANY(:ids) OFFSET 0) AS d")
    params = {"ids": list(ids), "needle": needle, "width": width, "qlen": len(query)}

    def read():
        with project._watched(conn), conn.cursor(binary=True) as cur:
            cur.execute(_pg(_window_select(texts, query)), params)
            return {row[0]: _window(row, len(query), width) for row in cur.fetchall()}
    return project._guard(read)
