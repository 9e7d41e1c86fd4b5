"""A huge one-line text (a flattened page: newlines lost, millions of short pieces) imports whole.

Behaviour only (its time and memory are in ``python -m annotator.bench --only ingest``): the file is
imported, no character of the speech is lost, search finds a word from its end, and the cleaner's
memory-saving path for a very long run of short pieces (held as its bounds, its pieces made again when
it ends) decides exactly what holding every piece decided.
"""

from __future__ import annotations

from annotator.bench.ingest_extra import one_line_text
from annotator.ingest import import_paths
from annotator.storage import open_project
from annotator.storage.documents import clean_text
from annotator.storage.search import search
from annotator.structure import clean_zones
from annotator.structure.clean import clean


def test_a_long_line_of_short_words_imports_with_every_character(tmp_path):
    # 1.5 MB: ~300 000 pieces, far past the run the cleaner holds as units; one "Why?" midway is the only
    # sentence terminal, so the header and footer walks each cross half of the line.
    text = one_line_text("words", 1_500_000) + " zyxwvut"
    path = tmp_path / "flattened.txt"
    path.write_text(text, encoding="utf-8")
    with open_project(tmp_path / "p.db") as project:
        summary = import_paths(project, [path], index=False)
        [outcome] = summary.outcomes
        assert outcome.status == "imported", outcome.reason
        assert clean_text(project, outcome.document_id) == text
        assert [hit.document_id for hit in search(project, "zyxwvut")] == [outcome.document_id]


def test_a_long_one_line_chinese_text_with_inline_markers_imports_whole(tmp_path):
    text = one_line_text("markers", 3_000_000)
    path = tmp_path / "flattened.txt"
    path.write_text(text, encoding="utf-8")
    with open_project(tmp_path / "p.db") as project:
        [outcome] = import_paths(project, [path], index=False).outcomes
        assert outcome.status == "imported", outcome.reason
        assert clean_text(project, outcome.document_id) == text


def test_a_run_too_long_to_hold_is_judged_as_if_it_were_held(monkeypatch):
    tags = "首页 新闻 公告 通知 视频 图片 专题 " * 400  # a keyword-tag run of 2 800 pieces: chrome in a header
    words = "The quick brown fox jumps over the lazy dog. " * 300  # a run of unknown pieces, no tag line
    pages = [tags + "各地区各部门要统一思想认识，压实工作责任。 " + words + "Why? " + tags.strip(),
             words + "各地区各部门要统一思想认识。 " + tags + " 版权所有 返回顶部",
             tags + words + tags]
    held = [clean(page) for page in pages]
    monkeypatch.setattr(clean_zones, "_RUN_KEPT", 5)
    remade = [clean(page) for page in pages]
    for page, a, b in zip(pages, held, remade):
        assert (a.text, a.title, a.removed) == (b.text, b.title, b.removed)
        assert a.text != page or page is pages[2]  # the tag runs really were chrome where they stood


def test_pieces_found_backwards_are_the_pieces_found_forwards_in_reverse():
    import random

    rng = random.Random(7)
    for _ in range(400):
        alphabet = rng.choice(["ab ", "a    ", "甲\u3000乙\t", "abcdefgh ", "x" * 60 + " ", "x"])
        raw = "".join(rng.choice(alphabet) for _ in range(rng.choice([0, 3, 80, 9000, 30000])))
        start = rng.randint(0, len(raw))
        end = rng.randint(start, len(raw))
        forwards = [m.span() for m in clean_zones._SEGMENT.finditer(raw, start, end)]
        assert list(clean_zones._segments_backwards(raw, start, end)) == forwards[::-1]
