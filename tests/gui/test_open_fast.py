"""Opening a long document paints with the spans of its first screens and reads the rest right after
(session.py, storage/span_window.py); panels fill after the first paint (main_window.py). What is shown
once settled is exactly what is stored."""

from __future__ import annotations

import random

from annotator.domain.model import Span
from annotator.gui.session import FIRST_READ
from annotator.storage import documents, open_project
from annotator.storage import spans as span_store
from annotator.storage.labels import ensure_annotator
from annotator.storage.sections import get_sections
from annotator.storage.span_window import spans_touching
from annotator.structure.outline import parse_outline

PARAGRAPH = "各级党委要切实加强领导，确保𠮷各项任务落到实处，增长5.2%。😀工会要服务职工。\n"


def _long_project(path, rng):
    text = "".join(f"{i}、第{i}部分\n" + PARAGRAPH * 4 for i in range(1, 180))
    assert len(text) > 2 * FIRST_READ
    with open_project(path) as project:
        short, _ = documents.add_document(project, clean_text=PARAGRAPH * 3, raw_text=PARAGRAPH * 3, title="短")
        long_id, _ = documents.add_document(project, clean_text=text, raw_text=text, title="长",
                                            sections=parse_outline(text))
        ensure_annotator(project, "张三")
        starts = sorted(rng.sample(range(0, len(text) - 20), 300))
        for i, start in enumerate(starts):
            span = Span(document_id=long_id, start=start, end=start + rng.randint(2, 15),
                        label="directive" if i % 2 else "statistic", annotator="张三")
            try:
                span_store.add_span(project, span)
            except ValueError:
                pass  # an identical one already drawn
        suggestions = [s for s in starts[::7]]
        from annotator.domain.model import Suggestion
        span_store.replace_suggestions(project, long_id, [Suggestion(s + 1, s + 6, "directive") for s in suggestions])
    return path, short, long_id, text


def test_spans_touching_is_list_spans_cut_to_the_range(tmp_path):
    rng = random.Random(5)
    path, _short, long_id, text = _long_project(tmp_path / "p.db", rng)
    with open_project(path) as project:
        every = span_store.list_spans(project, long_id, annotators=["张三"], statuses=["accepted"])
        open_ones = span_store.open_suggestions(project, long_id, "张三")
        for _ in range(30):
            lo = rng.randrange(0, len(text))
            hi = lo + rng.randrange(0, 8000)
            accepted, suggested = spans_touching(project, long_id, "张三", lo, hi)
            assert accepted == [s for s in every if s.start < hi and s.end > lo]
            assert suggested == [s for s in open_ones if s.start < hi and s.end > lo]


def test_long_document_settles_to_exactly_what_is_stored(make_window, tmp_path, qtbot):
    path, short, long_id, text = _long_project(tmp_path / "p.db", random.Random(9))
    window = make_window(path)
    session = window.session
    session.open_document(short)
    qtbot.waitUntil(lambda: not session.partial)
    session.open_document(long_id)
    # first paint: the spans of the first screens only
    assert session.partial and all(s.start < FIRST_READ for s in session.spans + session.suggestions)
    first_sections = list(session.sections)
    qtbot.waitUntil(lambda: not session.partial)
    with open_project(path, readonly=True) as peek:
        stored = span_store.list_spans(peek, long_id, annotators=["张三"], statuses=["accepted"])
        open_ones = span_store.open_suggestions(peek, long_id, "张三")
        outline = get_sections(peek, long_id)
    # the outline first painted is a prefix of the stored one (parents valid), then all of it
    assert first_sections == outline[:len(first_sections)] and 0 < len(first_sections) < len(outline)
    assert all(s.parent is None or s.parent < len(first_sections) for s in first_sections)
    assert session.sections == outline
    assert session.spans == stored and session.suggestions == open_ones
    assert any(s.start > FIRST_READ for s in stored)
    qtbot.waitUntil(lambda: window.span_model.rowCount() == len(stored) + len(open_ones))
    assert window.outline_model.rowCount() > 0
    # the last section's tag count is the stored one (counts refreshed after the full read)
    last = len(session.sections) - 1
    expected = sum(1 for s in stored if session.sections[last].start <= s.start < session.sections[last].end)
    item = window.navigation.outline_items[last]
    parent = item.parent() or window.outline_model.invisibleRootItem()
    assert parent.child(item.row(), 1).text() == (str(expected) if expected else "")


def test_a_late_full_read_of_an_earlier_document_is_dropped(make_window, tmp_path, qtbot):
    path, short, long_id, _text = _long_project(tmp_path / "p.db", random.Random(3))
    window = make_window(path)
    session = window.session
    session.open_document(long_id)
    session.open_document(short)  # before the event loop turns: the long one's full read must not land
    qtbot.wait(50)
    assert session.doc_id == short and not session.partial
    assert all(s.document_id == short for s in session.spans + session.suggestions)
    assert window.session.title == "短"


def test_tagging_far_down_a_long_document_right_after_opening(make_window, tmp_path, qtbot):
    path, _short, long_id, text = _long_project(tmp_path / "p.db", random.Random(4))
    window = make_window(path)
    window.session.open_document(long_id)
    qtbot.waitUntil(lambda: not window.session.partial)
    start = text.index("工会要服务职工", 3 * FIRST_READ)
    window.view.select_range(start, start + 7)
    window.view.setFocus()
    window.controller.tag("directive")
    with open_project(path, readonly=True) as peek:
        assert any(s.start == start and s.end == start + 7 for s in span_store.list_spans(peek, long_id))
    assert window.session.find_span(window.controller.current.id) is not None


def test_utf16_map_finds_astral_characters_as_before():
    """The UTF-16 map's astral positions (found in C now) are those a character-by-character scan finds."""
    from annotator.domain.offsets import Utf16Map

    rng = random.Random(11)
    alphabet = ["a", "中", "𠮷", "😀", "\r", "\n", "，", "\U0010FFFF", "\uffff", "\ud7ff"]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60)))
        mapping = Utf16Map(text)
        assert mapping._astral == [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        assert mapping.utf16_length == len(text.encode("utf-16-le")) // 2
        for cp in range(len(text) + 1):
            assert mapping.to_codepoint(mapping.to_utf16(cp)) == cp
