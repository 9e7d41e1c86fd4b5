"""title_wordless proves, without jieba, that a doubtful title keeps its natural end. The proof must be
exact: here every outline is parsed twice, once with the proof and once with every suspect segmented,
and the two must agree to the character (titles, spans, confidences) on real documents of the outline
corpus, the seeds and generated run-on documents of parallel headings."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from annotator.io.readers import read_file
from annotator.structure import title_guess
from annotator.structure.clean import clean
from annotator.structure.outline import parse_outline
from annotator.structure.title_ends import _SENTENCE_TITLED
from tests.unit.test_title_guess_alignment import _run_on_document  # parallel run-on headings

CORPUS = Path(__file__).resolve().parents[1] / "data" / "outline_corpus"
SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"




def _texts() -> list[str]:
    paths = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html"))
    seeds = sorted(SEEDS.glob("*.txt"))
    assert paths and seeds, f"the outline corpus ({CORPUS}) and the seeds ({SEEDS}) are needed"
    texts = []
    for path in paths + seeds:
        raw = read_file(path).text
        texts += [raw, clean(raw).text]
    rng = random.Random(1130)
    return texts + [_run_on_document(rng, flat=k % 2 == 0) for k in range(60)]


def _outline(text: str) -> list[tuple]:
    return [(s.level, s.marker, s.title, s.start, s.end, s.title_start, s.title_end, s.confidence)
            for s in parse_outline(text)]


def _only_articles(text, sections, naturals, siblings, suspects, cached=None):
    """The proof reduced to its trivial part: an article's first sentence is never cut."""
    return {i for i in suspects if sections[i].kind in _SENTENCE_TITLED and naturals[i].how in ("punct", "line")}


def test_titles_proven_without_words_are_those_jieba_would_give(monkeypatch):
    texts = _texts()
    monkeypatch.setattr(title_guess, "_WORDS", {})  # cached words would spare the proof its work
    requested = []
    real_segment = title_guess._segment_all
    monkeypatch.setattr(title_guess, "_segment_all", lambda pieces: requested.append(len(pieces)) or real_segment(pieces))
    with_proof = [_outline(t) for t in texts]
    proven = sum(requested)
    requested.clear()
    monkeypatch.setattr(title_guess, "wordless", _only_articles)
    segmented = [_outline(t) for t in texts]
    assert with_proof == segmented
    assert sum(requested) > proven  # the proof really spared some windows from jieba


_BODY = "各地区各部门要统一思想认识压实工作责任细化工作措施确保各项任务落到实处见到实效并且持续推进全面深化改革不断取得新成效"


def test_a_whole_line_sentence_is_its_title_with_or_without_the_proof(monkeypatch):
    """On a page with its line breaks, a numbered paragraph's first sentence is its title (the corpus's
    gold convention: up to the first 。；：！？ — outline round 4); the proof must not change that."""
    text = "\n".join(f"{n}、加强组织领导{_BODY}。" for n in "一二三")
    proven = [(s.marker, s.title) for s in parse_outline(text)]
    monkeypatch.setattr(title_guess, "wordless", _only_articles)
    assert [(s.marker, s.title) for s in parse_outline(text)] == proven
    assert proven == [(f"{n}、", "加强组织领导" + _BODY) for n in "一二三"]


def test_a_run_on_title_on_a_flattened_page_is_cut_alike_for_every_sibling():
    # Siblings sharing one line ran together: the first, at the line start, is not a paragraph of its own
    # any more than the others are (title_ends._shares_line).
    text = "".join(f"{n}、加强组织领导{_BODY}。" for n in "一二三")
    sections = parse_outline(text)
    assert [s.marker for s in sections] == ["一、", "二、", "三、"]
    assert len({s.title for s in sections}) == 1 and len(sections[0].title) < len("加强组织领导" + _BODY)
