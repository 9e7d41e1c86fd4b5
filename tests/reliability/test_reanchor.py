"""Re-import of a changed text: spans move with their text or are flagged, never silently shifted."""

from __future__ import annotations

import random
import time

import pytest

from annotator.domain.model import Section, Span, SpanStatus, Suggestion
from annotator.storage import ProjectError, integrity, open_project, search
from annotator.storage import documents as docs
from annotator.storage import events
from annotator.storage import spans as span_store
from annotator.storage.reanchor import clear_review, needs_review, reanchor, replace_document_text
from annotator.storage.sections import add_edit, get_edits, get_sections

A = "各级党委和政府要切实加强组织领导。"
B = "全年地区生产总值增长5.5%左右。"
C = "城镇新增就业1.2万人。"
D = "坚决守住不发生规模性返贫底线。"
S = "要坚持稳中求进工作总基调。"  # the sentence that repeats


def on(text: str, needle: str, nth: int = 0, label: str = "directive", annotator: str = "张三") -> Span:
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    return Span(start=at, end=at + len(needle), label=label, annotator=annotator, id=f"{needle}#{nth}")


def placed(old: str, new: str, spans: list[Span]) -> tuple[dict[str, int], dict[str, str]]:
    moved, flagged = reanchor(old, new, spans)
    assert len(moved) + len(flagged) == len(spans)
    for span in moved:  # the one promise that matters: a moved span covers the same text
        original = next(s for s in spans if s.id == span.id)
        assert new[span.start:span.end] == old[original.start:original.end]
    return {s.id: s.start for s in moved}, {s.id: reason for s, reason in flagged}


def test_insertions_before_and_after_move_spans_with_their_text():
    old = A + B + C
    spans = [on(old, "切实加强组织领导"), on(old, "增长5.5%", label="statistic"), on(old, "1.2万人")]
    new = D + A + B + "新增一句。" + C + D
    moved, flagged = placed(old, new, spans)
    assert not flagged
    assert moved == {"切实加强组织领导#0": new.index("切实加强组织领导"), "增长5.5%#0": new.index("增长5.5%"),
                     "1.2万人#0": new.index("1.2万人")}


def test_insertion_inside_a_span_flags_it_and_at_its_edge_does_not():
    old = A + B
    spans = [on(old, "切实加强组织领导"), on(old, "地区生产总值增长")]
    new = A.replace("加强组织", "加强党的组织") + "今年，" + B
    moved, flagged = placed(old, new, spans)
    assert flagged == {"切实加强组织领导#0": "its text was changed"}
    assert moved == {"地区生产总值增长#0": new.index("地区生产总值增长")}


def test_a_deleted_sentence_flags_its_spans_and_moves_the_rest():
    old = A + B + C
    spans = [on(old, "增长5.5%左右"), on(old, "城镇新增就业"), on(old, "各级党委")]
    new = A + C
    moved, flagged = placed(old, new, spans)
    assert flagged == {"增长5.5%左右#0": "its text was deleted"}
    assert moved == {"城镇新增就业#0": len(A), "各级党委#0": 0}


def test_a_replaced_sentence_flags_spans_whose_text_changed():
    old = A + B + C
    spans = [on(old, "增长5.5%左右", label="statistic"), on(old, "5.5%", label="statistic"), on(old, "全年")]
    new = A + "全年地区生产总值增长6.1%左右。" + C
    moved, flagged = placed(old, new, spans)
    assert set(flagged) == {"增长5.5%左右#0", "5.5%#0"} and all("changed" in r for r in flagged.values())
    assert moved == {"全年#0": len(A)}  # same words, still unique: it moves


def test_repeated_sentences_move_when_the_edit_is_elsewhere():
    old = S + A + S + B
    spans = [on(old, "稳中求进", 0), on(old, "稳中求进", 1)]
    new = D + S + A + C + S + B
    moved, flagged = placed(old, new, spans)
    assert not flagged
    assert moved == {"稳中求进#0": new.index("稳中求进"), "稳中求进#1": new.index("稳中求进", len(D + S + A))}


def test_a_repeated_sentence_losing_a_copy_is_ambiguous():
    # Which of the three copies went away? Deleting S+A at the start or A+S at the end gives the same text.
    old = S + A + S + A + S
    spans = [on(old, "稳中求进", n) for n in range(3)]
    new = S + A + S
    moved, flagged = placed(old, new, spans)
    assert not moved
    assert sum("ambiguous" in reason for reason in flagged.values()) == 2
    assert "occur 2 times in the old text and 1 in the new one" in flagged["稳中求进#0"]


def test_a_repeated_sentence_keeps_its_order_when_the_text_between_goes():
    old = S + A + S
    spans = [on(old, "稳中求进", 0), on(old, "稳中求进", 1)]
    moved, flagged = placed(old, S + S, spans)
    at = S.index("稳中求进")
    assert not flagged and moved == {"稳中求进#0": at, "稳中求进#1": len(S) + at}


def test_astral_characters_count_as_one_code_point():
    old = "𠮷安村😀：" + A + "𠮷" + B
    spans = [on(old, "切实加强"), on(old, "𠮷", 1), on(old, "增长5.5%")]
    new = "😀😀𠮷𠮷" + old.replace("😀：", "😀😀：")
    moved, flagged = placed(old, new, spans)
    assert not flagged
    assert new[moved["𠮷#1"]] == "𠮷" and moved["切实加强#0"] == new.index("切实加强")
    assert moved["增长5.5%#0"] - moved["切实加强#0"] == old.index("增长5.5%") - old.index("切实加强")


def test_out_of_range_spans_are_flagged_not_dropped():
    moved, flagged = reanchor(A, A + B, [Span(start=5, end=len(A) + 3, label="directive", annotator="x", id="bad")])
    assert not moved and "do not fit" in flagged[0][1]


def test_random_edits_never_shift_a_span_onto_other_text():
    rng = random.Random(7)
    pieces = [A, B, C, D, S, "一、总体要求\n", "（一）抓好项目建设。\n", "𠮷😀。"]
    outcomes = {"moved": 0, "flagged": 0}
    for _ in range(150):
        old = "".join(rng.choice(pieces) for _ in range(rng.randint(3, 12)))
        new = list(old)
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(new) + 1)
            roll = rng.random()
            if roll < 0.4:
                new[at:at] = rng.choice(pieces)
            elif roll < 0.7:
                del new[at:at + rng.randint(1, 12)]
            else:
                new[at:at + 2] = rng.choice(pieces)[:3]
        new = "".join(new) or "。"
        spans = []
        for n in range(rng.randint(1, 8)):
            start = rng.randrange(len(old) - 1)
            spans.append(Span(start=start, end=min(len(old), start + rng.randint(1, 15)), label="directive",
                              annotator="x", id=str(n)))
        moved, flagged = placed(old, new, spans)  # asserts every moved span covers the same text
        outcomes["moved"] += len(moved)
        outcomes["flagged"] += len(flagged)
    assert outcomes["moved"] > outcomes["flagged"] > 0


def test_a_long_text_is_reanchored_quickly():
    rng = random.Random(3)
    sentences = [f"第{i}项工作要{rng.choice('抓实抓细抓好抓牢')}，完成投资{i * 7 % 97}亿元。" for i in range(400)]
    lines = ["".join(rng.choice(sentences) for _ in range(rng.randint(3, 12))) + "\n" for _ in range(800)]
    old = "".join(lines)
    assert len(old) > 100_000
    new_lines = list(lines)
    new_lines.insert(10, "新增加的一段话。\n")
    new_lines[300] = new_lines[300].replace("工作要", "工作必须", 1)
    del new_lines[500]
    new = "".join(new_lines)
    spans = []
    for n in range(2000):
        start = rng.randrange(len(old) - 30)
        spans.append(Span(start=start, end=start + rng.randint(2, 30), label="statistic", annotator="x", id=str(n)))
    began = time.perf_counter()
    moved, flagged = placed(old, new, spans)
    elapsed = time.perf_counter() - began
    assert len(moved) > 1800, len(moved)
    print(f"\nreanchor: {len(old)} → {len(new)} characters, {len(spans)} spans, {len(moved)} moved, "
          f"{len(flagged)} flagged in {elapsed:.2f} s")


# -- the stored replacement ------------------------------------------------------------------------

OLD = "一、总体要求\n" + A + B + "\n二、重点任务\n" + C + D + "\n"
NEW = "一、总体要求\n" + "会议指出，" + A + "\n二、重点任务\n" + C + "新增一句。" + D + "\n"


def outline(text: str) -> list[Section]:
    second = text.index("二、")
    return [Section(level=1, marker="一、", title="总体要求", start=0, end=second, title_start=2, title_end=6),
            Section(level=1, marker="二、", title="重点任务", start=second, end=len(text), title_start=second + 2,
                    title_end=second + 6)]


@pytest.fixture
def project(store):
    """On SQLite and on PostgreSQL (tests/conftest.py)."""
    return store


def _stored(project, doc_id):
    return {s.id: s for s in span_store.list_spans(project, doc_id)}


def test_replace_document_text_moves_flags_and_logs(project):
    doc_id, _ = docs.add_document(project, clean_text=OLD, raw_text="来源\n" + OLD, title="讲话", sections=outline(OLD))
    put = lambda span, **kw: span_store.add_span(project, Span(**{**span.__dict__, "document_id": doc_id, **kw}))  # noqa: E731
    kept = put(on(OLD, "切实加强组织领导"))
    gone = put(on(OLD, "增长5.5%", label="statistic"), attributes={"value": 5.5})
    li = put(on(OLD, "城镇新增就业1.2万人", annotator="李四"))
    gold = put(on(OLD, "规模性返贫"), annotator="@gold", status=SpanStatus.GOLD, provenance={"agreed": ["张三"]})
    span_store.replace_suggestions(project, doc_id, [Suggestion(start=OLD.index("5.5%"), end=OLD.index("5.5%") + 4,
                                                                label="statistic")])
    edit = add_edit(project, doc_id, "shift", OLD.index("二、"), {"delta": 1}, annotator="张三")
    search.index_words(project)

    result = replace_document_text(project, doc_id, NEW, "来源\n" + NEW, outline(NEW), "张三")

    row = docs.get_document(project, doc_id)
    assert row["clean_text"] == NEW and row["sha256"] == docs.sha256_text(NEW) and row["char_count"] == len(NEW)
    assert [s.start for s in get_sections(project, doc_id)] == [0, NEW.index("二、")]
    stored = _stored(project, doc_id)
    for span in (kept, li, gold):
        assert NEW[stored[span.id].start:stored[span.id].end] == OLD[span.start:span.end]
        assert "needs_review" not in stored[span.id].provenance
    assert stored[gold.id].provenance["agreed"] == ["张三"] and stored[gold.id].status == SpanStatus.GOLD
    flagged = stored[gone.id]
    assert flagged.provenance["needs_review"] == "its text was deleted"
    assert flagged.provenance["reanchor"]["old_text"] == "增长5.5%" and flagged.attributes == {"value": 5.5}
    assert (flagged.start, flagged.end) == (gone.start, gone.end)  # old offsets, still inside the text
    assert {s.id for s in needs_review(project, doc_id)} == {gone.id} | {s.id for s, _ in result.flagged}
    assert len(result.flagged) == 2  # 张三's statistic and the suggestion on the same text
    (moved_edit,) = get_edits(project, doc_id)
    assert (moved_edit["id"], moved_edit["anchor"], result.edits_moved) == (edit, NEW.index("二、"), 1)
    log = events.history(project, document_id=doc_id, limit=20)
    replaced = next(e for e in log if e["action"] == "document.replace_text")
    assert replaced["before"]["clean_text"] == OLD and replaced["after"]["flagged"] == 2
    assert {e["entity_id"] for e in log if e["action"] == "span.reanchor"} >= {li.id, gold.id}
    assert [h.document_id for h in search.search(project, "会议指出")] == [doc_id]
    assert search.index_words(project) == 1  # the stale word index was dropped
    assert integrity.check(project) == []
    cleared = clear_review(project, gone.id, by="张三")
    assert "needs_review" not in cleared.provenance and cleared.provenance["reanchor"]["old_text"] == "增长5.5%"


def test_a_flagged_span_never_lands_on_an_identical_span(project):
    old, new = A + "删掉这句。" + B, A + B
    doc_id, _ = docs.add_document(project, clean_text=old, raw_text=old)
    start = len(A)
    # Same annotator and label, back to back: after the deletion the kept one moves onto the other's place.
    doomed = span_store.add_span(project, Span(document_id=doc_id, start=start, end=start + 5, label="directive",
                                               annotator="张三"))
    mover = span_store.add_span(project, Span(document_id=doc_id, start=start + 5, end=start + 10,
                                              label="directive", annotator="张三"))
    replace_document_text(project, doc_id, new, new, [], "张三")
    stored = _stored(project, doc_id)
    assert (stored[mover.id].start, stored[mover.id].end) == (start, start + 5)
    assert stored[doomed.id].provenance["needs_review"] and stored[doomed.id].key != stored[mover.id].key
    assert integrity.check(project) == []


def test_replace_refuses_a_text_another_document_has_and_changes_nothing(project):
    first, _ = docs.add_document(project, clean_text=OLD, raw_text=OLD)
    docs.add_document(project, clean_text=NEW, raw_text=NEW)
    span_store.add_span(project, Span(document_id=first, start=0, end=3, label="directive", annotator="张三"))
    before = project.execute("SELECT count(*) FROM events").fetchone()[0]
    with pytest.raises(ValueError, match="already in the project as document 2"):
        replace_document_text(project, first, NEW, NEW, [], "张三")
    with pytest.raises(ValueError, match="empty"):
        replace_document_text(project, first, "", "", [], "张三")
    assert docs.clean_text(project, first) == OLD
    assert project.execute("SELECT count(*) FROM events").fetchone()[0] == before


def test_replace_in_a_read_only_project_is_refused(tmp_path):
    path = tmp_path / "ro.annotator.db"
    with open_project(path) as p:
        doc_id, _ = docs.add_document(p, clean_text=OLD, raw_text=OLD)
    with open_project(path, readonly=True) as p, pytest.raises(ProjectError, match="read-only"):
        replace_document_text(p, doc_id, NEW, NEW, [], "张三")


def test_punctuation_changed_in_every_line_plus_inserted_lines():
    # Too big to diff character by character in one piece: lines are matched again ignoring punctuation.
    rng = random.Random(11)
    lines = [f"第{i}项工作要抓实，完成投资{i * 7 % 97}亿元；{rng.choice([A, B, C, D])}\n" for i in range(300)]
    old = "".join(lines)
    changed = [line.replace("，", ",").replace("；", ";") for line in lines]
    new = "".join(["开头插入一行。\n"] + changed[:150] + ["中间插入一行。\n"] + changed[150:])
    spans = [on(old, f"第{i}项工作要抓实") for i in range(0, 300, 7)]
    spans += [on(old, f"第{i}项工作要抓实，完成") for i in range(3, 300, 7)]
    moved, flagged = placed(old, new, spans)
    assert set(moved) == {s.id for s in spans if "，" not in s.id}
    assert set(flagged) == {s.id for s in spans if "，" in s.id}
    assert set(flagged.values()) == {"its text was changed"}
