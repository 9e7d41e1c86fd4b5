"""The one place that talks to jieba.

jieba is unmaintained and slow to start (~0.5 s dictionary load, more on first run when it builds its
cache), so: nothing imports it at module import time; ``warm_up()`` loads it on a background thread;
callers on a GUI thread use ``is_ready()`` and fall back to cheaper heuristics instead of blocking.
``cut``/``posseg`` are ~400 k and ~50–100 k chars/s: call posseg only on short pieces.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from typing import Iterator

_lock = threading.Lock()
_ready = threading.Event()
_tokenizer = None  # jieba.Tokenizer
_posseg = None  # jieba.posseg.POSTokenizer


def _cache_file() -> str:
    base = os.environ.get("ANNOTATOR_CACHE") or os.path.join(tempfile.gettempdir(), "annotator-cache")
    os.makedirs(base, exist_ok=True)
    return os.path.join(base, "jieba.cache")


def _load():
    global _tokenizer, _posseg
    with _lock:
        if _tokenizer is not None:
            return _tokenizer
        import jieba  # noqa: PLC0415 - deliberately lazy
        import jieba.posseg  # noqa: PLC0415

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        tokenizer.cache_file = _cache_file()
        tokenizer.initialize()
        _posseg = jieba.posseg.POSTokenizer(tokenizer)
        _tokenizer = tokenizer
        _ready.set()
        return tokenizer


def warm_up(background: bool = True) -> None:
    """Start loading the dictionary; returns at once when ``background`` is true."""
    if _ready.is_set():
        return
    if background:
        threading.Thread(target=_load, name="jieba-warm-up", daemon=True).start()
    else:
        _load()


def is_ready() -> bool:
    return _ready.is_set()


def cut(text: str) -> list[str]:
    """Words of ``text`` (precise mode, HMM on). Blocks until jieba is loaded."""
    return list(_load().cut(text, HMM=True))


def cut_with_offsets(text: str) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) in code points of ``text``."""
    pos = 0
    for word in _load().cut(text, HMM=True):
        yield word, pos, pos + len(word)
        pos += len(word)


def posseg(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech flag) pairs. About 10× slower than ``cut``: use on clauses, not documents."""
    _load()
    return [(pair.word, pair.flag) for pair in _posseg.cut(text, HMM=True)]


def segmented(text: str) -> str:
    """Words joined by spaces, for the full-text index's word column."""
    return " ".join(w for w in cut(text) if not w.isspace())
