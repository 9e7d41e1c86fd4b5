"""The lean jieba wrapper (annotator/nlp/segment.py) cuts exactly like a fully loaded jieba, loads only
what a caller uses, and keeps its cache in the app's cache folder.

The equivalence check runs on the real speeches in /work/shared/seeds (required: a missing seed folder
fails the test) and on hostile text (astral characters, CRLF, mixed scripts).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path("/work/shared/seeds")
HOSTILE = "𠮷野家😀的\r\n职工们：要坚持ABC１２３，2024年增长5.6%。\u3000一、（一）第一条 工会组织"


def _seed_texts() -> list[str]:
    paths = sorted(SEEDS.glob("*.txt"))
    assert paths, f"no seed speeches in {SEEDS}"
    return [p.read_text(encoding="utf-8") for p in paths]


def _run(code: str, cache: Path, tmp: Path) -> dict:
    env = {**os.environ, "ANNOTATOR_CACHE": str(cache), "TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """A fully loaded jieba (its own whole-dictionary path), for comparison."""
    import jieba  # noqa: PLC0415
    import jieba.posseg  # noqa: PLC0415

    tokenizer = jieba.Tokenizer()
    tokenizer.cache_file = str(tmp_path_factory.mktemp("jieba-ref") / "jieba.cache")
    tokenizer.initialize()
    return tokenizer, jieba.posseg.POSTokenizer(tokenizer)


def test_cut_matches_fully_loaded_jieba(reference):
    from annotator.nlp import segment  # noqa: PLC0415

    full, full_pos = reference
    texts = _seed_texts() + [HOSTILE]
    for text in texts:
        # Short windows first (what the outline asks for), then the whole text: loading shards lazily
        # in any order must not change a single word.
        for window in (text[:120], text[len(text) // 2: len(text) // 2 + 80], text):
            assert segment.cut(window) == list(full.cut(window, HMM=True))
        head = text[:300]
        assert segment.posseg(head) == [(p.word, p.flag) for p in full_pos.cut(head, HMM=True)]


def test_offsets_are_code_points():
    from annotator.nlp import segment  # noqa: PLC0415

    words = list(segment.cut_with_offsets(HOSTILE))
    assert "".join(w for w, _, _ in words) == HOSTILE
    for word, start, end in words:
        assert HOSTILE[start:end] == word
    assert "\r\n" not in segment.segmented(HOSTILE).split(" ")


def test_cut_loads_no_pos_tables_and_writes_only_the_cache_folder(tmp_path):
    cache, tmp = tmp_path / "cache", tmp_path / "tmp"
    tmp.mkdir()
    code = (
        "import json, sys\n"
        "from annotator.nlp import segment\n"
        f"words = segment.cut({HOSTILE!r})\n"
        "print(json.dumps({'posseg': 'jieba.posseg' in sys.modules, 'words': len(words),"
        " 'cache': str(segment.cache_dir())}))\n"
    )
    out = _run(code, cache, tmp)
    assert out["words"] > 5
    assert out["posseg"] is False  # the second dictionary stays unloaded
    assert Path(out["cache"]) == cache
    assert [p.name for p in cache.iterdir() if p.suffix == ".shards"]
    assert list(tmp.iterdir()) == []  # nothing in the system temp folder (jieba's own default)
    # A second process reuses the file rather than rebuilding it.
    before = {p: p.stat().st_mtime_ns for p in cache.iterdir()}
    _run(code, cache, tmp)
    assert {p: p.stat().st_mtime_ns for p in cache.iterdir()} == before


def test_damaged_or_unwritable_cache_still_cuts(tmp_path):
    code = (
        "import json\n"
        "from annotator.nlp import segment\n"
        "print(json.dumps({'words': segment.cut('职工代表大会要坚持民主集中制')}))\n"
    )
    cache, tmp = tmp_path / "cache", tmp_path / "tmp"
    tmp.mkdir()
    good = _run(code, cache, tmp)["words"]
    (shard_file,) = cache.glob("*.shards")
    shard_file.write_bytes(shard_file.read_bytes()[:1000])  # truncated by a crash or a full disk
    assert _run(code, cache, tmp)["words"] == good
    assert shard_file.stat().st_size > 1000  # rebuilt
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    assert _run(code, blocker / "cache", tmp)["words"] == good  # cache folder cannot be created
