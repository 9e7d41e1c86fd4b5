"""The one place that talks to jieba, loading only what a caller uses.

jieba's own start-up is the slowest thing a headless verb can do: ``jieba.Tokenizer.initialize`` unmarshals
its whole prefix dictionary (~500 000 entries, 0.5 s on an idle core, 3 s measured on a busy one) and
``jieba.posseg`` loads a second dictionary of part-of-speech tags plus its HMM tables (another 2–3 s).
Most callers need neither in full: the outline asks for word boundaries in a few 120-character heading
windows, the search index for one document's words.

So this module keeps jieba's prefix dictionary in the user's cache folder split into one shard per first
character (one file, an index at its head, the shards memory-mapped), and gives the tokenizer a ``FREQ``
mapping that loads what a lookup needs the first time it is asked. jieba only ever looks up substrings of
the text being cut (``get_DAG``, ``calc`` and the HMM path), so the words found are exactly those of a
fully loaded jieba. Short texts (the outline's heading windows) are answered by *pair* shards: the words
that start with a word's first two characters, a few entries each; a common first character's whole shard
holds thousands, and loading ~240 of those was most of a cold `annotator outline` of a real speech (~50
ms of its ~250). Long texts (the word index) merge whole per-character shards into a plain dict (see
_tokenizer_for). The shard file is built once from jieba's ``dict.txt`` (~1–2 s, the same one-off cost
as jieba's own cache) and rebuilt when jieba changes.

``posseg`` (part-of-speech) is loaded on its own, only by a caller that asks for it. Nothing here imports
jieba at module import time. ``cut``/``posseg`` run at ~400 k and ~50–100 k chars/s.
"""

from __future__ import annotations

import marshal
import mmap
import os
import sys
import threading
from pathlib import Path
from typing import Iterator

_SHARD_FORMAT = 3  # bump when the file layout below changes
_MAGIC = b"ANNJIEBA"

_lock = threading.RLock()
_ready = threading.Event()
_tokenizer = None  # jieba.Tokenizer whose FREQ holds the shards loaded so far
_posseg = None  # jieba.posseg.POSTokenizer, only when asked for
_bulk = None  # a second tokenizer with a plain FREQ dict, for long texts (see _tokenizer_for)
_bulk_chars: set[str] = set()
BULK_CHARS = 2_000  # from this length the lazy mapping's per-lookup call costs more than merging shards


def cache_dir() -> Path:
    """The user's cache folder for this app (ANNOTATOR_CACHE overrides it; tests point it elsewhere)."""
    from annotator.paths import APP_DIR_NAME  # noqa: PLC0415 - tiny module, kept out of import time

    override = os.environ.get("ANNOTATOR_CACHE")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / APP_DIR_NAME / "Cache"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches" / APP_DIR_NAME
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP_DIR_NAME
    return base


def _import_jieba():
    """Import jieba without pkg_resources: jieba._compat imports it only to locate dict.txt (which we read
    by path), and importing it costs ~0.2 s — half of jieba's import time."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment] - makes `import pkg_resources` fail
    try:
        import logging  # noqa: PLC0415 - ~5 ms, only paid with jieba

        import jieba  # noqa: PLC0415 - deliberately lazy
    finally:
        if blocked and sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)
    return jieba


class _ShardFile:
    """jieba's prefix dictionary, read on demand: per first character a marshalled dict of every entry
    (``shard``), and a pair index (the entry of the character alone, the second characters that follow
    it, where each pair's dict starts) with one small marshalled dict per pair (``pair``)."""

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as handle:
            if handle.read(len(_MAGIC)) != _MAGIC:
                raise ValueError(f"{path}: not a shard file")
            size = int.from_bytes(handle.read(8), "little")
            # The index as two flat objects (the characters, and 16 bytes per character: its shard's and
            # its pair index's offsets and lengths): a dict of 11 772 tuples took ~10 ms to unmarshal.
            self.total, chars, self._table, data_size = marshal.loads(handle.read(size))
            self._base = len(_MAGIC) + 8 + size
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        if len(self._table) != 16 * len(chars) or self._base + data_size > len(self._map):
            raise ValueError(f"{path}: truncated")
        self._at = dict(zip(chars, range(len(chars))))

    def _entry(self, char: str, field: int) -> tuple[int, int] | None:
        at = self._at.get(char)
        if at is None:
            return None
        i = 16 * at + 8 * field
        return int.from_bytes(self._table[i:i + 4], "little"), int.from_bytes(self._table[i + 4:i + 8], "little")

    def shard(self, char: str) -> dict[str, int] | None:
        entry = self._entry(char, 0)
        if entry is None:
            return None
        start = self._base + entry[0]
        return marshal.loads(self._map[start:start + entry[1]])

    def pairs(self, char: str) -> tuple | None:
        """(the count of ``char`` alone, the characters that follow it in some entry, their dicts' starts
        as 4-byte integers relative to the first, one more than there are pairs) or None."""
        entry = self._entry(char, 1)
        if entry is None:
            return None
        start = self._base + entry[0]
        count, seconds, starts = marshal.loads(self._map[start:start + entry[1]])
        return count, seconds, starts, start + entry[1]

    def pair(self, pairs: tuple, second: str) -> dict[str, int]:
        _, seconds, starts, base = pairs
        i = seconds.find(second)
        if i < 0:
            return {}
        begin = int.from_bytes(starts[4 * i:4 * i + 4], "little")
        end = int.from_bytes(starts[4 * i + 4:4 * i + 8], "little")
        return marshal.loads(self._map[base + begin:base + end])


def _dict_file(jieba) -> Path:
    return Path(jieba.__file__).with_name("dict.txt")


def _shard_path(jieba) -> Path:
    stat = _dict_file(jieba).stat()
    return cache_dir() / f"jieba-{jieba.__version__}-{stat.st_size}-{_SHARD_FORMAT}.shards"


def _build_shards(jieba, path: Path) -> None:
    """Split jieba's prefix dictionary by first character and write it atomically to ``path``."""
    import tempfile  # noqa: PLC0415 - only the one-off build needs it

    from annotator.nlp import shard_temps  # noqa: PLC0415 - only with jieba (code_cache imports this module)

    with open(_dict_file(jieba), "rb") as handle:
        freq, total = jieba.Tokenizer.gen_pfdict(handle)
    shards: dict[str, dict[str, int]] = {}
    for word, count in freq.items():
        shards.setdefault(word[0], {})[word] = count
    blobs, table, offset = [], bytearray(), 0
    for char, shard in shards.items():
        blob = marshal.dumps(shard)
        by_pair: dict[str, dict[str, int]] = {}
        for word, count in shard.items():
            if len(word) > 1:
                by_pair.setdefault(word[1], {})[word] = count
        pair_blobs = [marshal.dumps(words) for words in by_pair.values()]
        starts, at = bytearray(), 0
        for pair_blob in pair_blobs:
            starts += at.to_bytes(4, "little")
            at += len(pair_blob)
        starts += at.to_bytes(4, "little")
        pair_index = marshal.dumps((shard.get(char), "".join(by_pair), bytes(starts)))
        for number in (offset, len(blob), offset + len(blob), len(pair_index)):
            table += number.to_bytes(4, "little")
        offset += len(blob) + len(pair_index) + at
        blobs += [blob, pair_index, *pair_blobs]
    head = marshal.dumps((total, "".join(shards), bytes(table), offset))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=shard_temps.PREFIX, suffix=shard_temps.SUFFIX)
    try:
        with os.fdopen(fd, "wb") as out:
            shard_temps.hold(fd)  # until renamed: a killed build's file is then known stale by its free lock
            out.write(_MAGIC + len(head).to_bytes(8, "little") + head)
            out.writelines(blobs)
            if os.name != "nt":  # renamed while still locked (Windows cannot rename an open file)
                out.flush()
                os.replace(temp, path)  # another process building the same file at once is harmless
        if os.name == "nt":
            os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def _open_shards(jieba) -> _ShardFile:
    from annotator.nlp import shard_temps  # noqa: PLC0415 - only with jieba (code_cache imports this module)

    path = _shard_path(jieba)
    shard_temps.remove_stale(path.parent)  # what killed builds left behind (never a running build's file)
    try:
        return _ShardFile(path)
    except (OSError, ValueError, EOFError, TypeError):
        pass  # missing (first run), truncated or from another layout: rebuild
    try:
        _build_shards(jieba, path)
        _remove_older_layouts(path)
        return _ShardFile(path)
    except OSError:
        # An unwritable cache folder must not stop segmentation: build in a private temporary file.
        import tempfile  # noqa: PLC0415

        folder = Path(tempfile.mkdtemp(prefix="annotator-jieba-"))
        _build_shards(jieba, folder / path.name)
        return _ShardFile(folder / path.name)


def _remove_older_layouts(path: Path) -> None:
    """The same dictionary's shard files in earlier layouts (``…-<format>.shards``): dead weight in the
    user's cache folder (9–20 MB each) once this one is built. Errors are ignored (a file in use)."""
    stem = path.name[:path.name.rfind("-") + 1]
    for old in path.parent.glob(stem + "*.shards"):
        number = old.name[len(stem):-len(".shards")]
        if number.isdigit() and int(number) < _SHARD_FORMAT:
            try:
                old.unlink()
            except OSError:
                pass


class _Shards(dict):
    """first character → its whole shard, read from the file on first access (``__missing__``); the bulk
    tokenizer merges these."""

    def __init__(self, file: _ShardFile) -> None:
        super().__init__()
        self.file = file

    def __missing__(self, char: str) -> dict[str, int]:
        shard = self.file.shard(char) or {}
        self[char] = shard  # two threads may both read it: same content, harmless
        return shard


class _PairShards(dict):
    """A word's first two characters (its one character for a one-character word) → the entries that start
    with them, read on first access; two threads may both read one: same content, harmless."""

    def __init__(self, file: _ShardFile) -> None:
        super().__init__()
        self.file = file
        self._pairs: dict[str, tuple | None] = {}

    def __missing__(self, key: str) -> dict[str, int]:
        first = key[0]
        pairs = self._pairs.get(first, False)
        if pairs is False:
            pairs = self._pairs[first] = self.file.pairs(first)
        if pairs is None:
            words = {}
        elif len(key) == 1:
            words = {} if pairs[0] is None else {key: pairs[0]}
        else:
            words = self.file.pair(pairs, key[1])
        self[key] = words
        return words


class _LazyFreq(dict):
    """jieba's ``FREQ`` (word or word prefix → count) answered pair shard by pair shard. Only the three
    lookups jieba's cutting makes are served; the dict itself stays empty (so never mutate it through
    jieba's add_word/suggest_freq: this app does not)."""

    def __init__(self, shards: _Shards) -> None:
        super().__init__()
        self._shards = shards  # whole per-character shards, for the bulk tokenizer
        self._pairs = _PairShards(shards.file)

    def __contains__(self, word: object) -> bool:
        return word in self._pairs[word[:2]]

    def __getitem__(self, word: str) -> int:
        return self._pairs[word[:2]][word]

    def get(self, word: str, default=None):  # noqa: ANN001 - dict's signature
        return self._pairs[word[:2]].get(word, default) if word else default


def _load():
    """The tokenizer, its dictionary answered from the shards."""
    global _tokenizer
    if _tokenizer is not None:
        return _tokenizer
    with _lock:
        if _tokenizer is None:
            jieba = _import_jieba()
            shards = _open_shards(jieba)
            tokenizer = jieba.Tokenizer(str(_dict_file(jieba)))
            tokenizer.FREQ, tokenizer.total = _LazyFreq(_Shards(shards)), shards.total
            tokenizer.initialized = True  # never let jieba load its own whole dictionary (or write /tmp)
            _tokenizer = tokenizer
            _ready.set()
    return _tokenizer


def _tokenizer_for(text: str):
    """The lazy tokenizer for short texts; for long ones (the word index cuts whole documents) a tokenizer
    whose FREQ is a plain dict holding the shards of the characters seen so far: the lazy mapping's Python
    method call per lookup made bulk cutting ~1.4× slower (measured on 300 000 characters)."""
    global _bulk
    lazy = _load()
    if len(text) < BULK_CHARS:
        return lazy
    missing = set(text) - _bulk_chars
    if missing or _bulk is None:
        with _lock:
            if _bulk is None:
                bulk = type(lazy)(lazy.dictionary)
                bulk.FREQ, bulk.total, bulk.initialized = {}, lazy.total, True
                _bulk = bulk
            shards = lazy.FREQ._shards  # noqa: SLF001 - same module
            for char in missing - _bulk_chars:
                _bulk.FREQ.update(shards[char])
                _bulk_chars.add(char)
    return _bulk


def warm_up(background: bool = True) -> None:
    """Load jieba and the shard index (~0.1 s: no dictionary entries); returns at once when ``background``."""
    if _ready.is_set():
        return
    if background:
        threading.Thread(target=_load, name="jieba-warm-up", daemon=True).start()
    else:
        _load()


def is_ready() -> bool:
    return _ready.is_set()


def cut(text: str) -> list[str]:
    """Words of ``text`` (precise mode, HMM on)."""
    return list(_tokenizer_for(text).cut(text, HMM=True))


def cut_with_offsets(text: str) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) in code points of ``text``."""
    pos = 0
    for word in _tokenizer_for(text).cut(text, HMM=True):
        yield word, pos, pos + len(word)
        pos += len(word)


def posseg(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech flag) pairs. Loads jieba's POS tables on first use (seconds) and runs ~10×
    slower than ``cut``: use on clauses, not documents."""
    global _posseg
    tokenizer = _load()
    if _posseg is None:
        with _lock:
            if _posseg is None:
                import jieba.posseg  # noqa: PLC0415 - only the callers that tag parts of speech pay for it

                _posseg = jieba.posseg.POSTokenizer(tokenizer)
    return [(pair.word, pair.flag) for pair in _posseg.cut(text, HMM=True)]


def segmented(text: str) -> str:
    """Words joined by spaces, for the full-text index's word column."""
    return " ".join(w for w in cut(text) if not w.isspace())
