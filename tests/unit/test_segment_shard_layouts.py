"""The jieba shard file (nlp/segment.py): pair shards answer exactly what whole per-character shards
answer, and building the current layout removes the same dictionary's files in earlier layouts only."""

from __future__ import annotations

import random

import pytest

from annotator.nlp import segment


@pytest.fixture
def shard_file(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_CACHE", str(tmp_path))
    jieba = segment._import_jieba()
    path = segment._shard_path(jieba)
    stem = path.name[:path.name.rfind("-") + 1]
    old = [tmp_path / f"{stem}{n}.shards" for n in range(1, segment._SHARD_FORMAT)]
    kept = [tmp_path / f"{stem}{segment._SHARD_FORMAT + 1}.shards",  # a newer layout (another install)
            tmp_path / "jieba-0.0-1-1.shards", tmp_path / "notes.txt"]  # another dictionary; not ours
    for leftover in old + kept:
        leftover.write_bytes(b"x")
    opened = segment._open_shards(jieba)
    return opened, old, kept


def test_older_layouts_of_the_same_dictionary_are_removed_after_a_build(shard_file):
    _, old, kept = shard_file
    assert old and not any(p.exists() for p in old)
    assert all(p.exists() for p in kept)


def test_pair_shards_answer_as_whole_shards(shard_file):
    opened, _, _ = shard_file
    pairs = segment._PairShards(opened)
    rng = random.Random(5)
    chars = "各级工会要切实加强职工权益维护全县地区生产总值实现亿元增长𠮷😀abc，。1"
    for char in chars:
        whole = opened.shard(char) or {}
        for word, count in whole.items():
            assert pairs[word[:2]].get(word) == count
        probes = ["".join(rng.choice(chars) for _ in range(rng.randint(1, 4))) for _ in range(200)]
        for probe in [char + p for p in probes]:
            assert pairs[probe[:2]].get(probe) == whole.get(probe)
