"""What a lead hit adjudicating THREE annotators at a real display (Xvfb 1920×1080, Chinese UI, keyboard
only; the seeds imported by each annotator, tagged by each in their own way, merged), session 8. One
test per defect; each failed before its fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication

from annotator.domain.model import Section, Span
from annotator.storage import documents as docs
from annotator.storage import open_project
from annotator.storage import spans as span_store
from annotator.storage.labels import GOLD

TEXT = ("一、总体要求\n各级党委要切实加强领导。全县地区生产总值实现60.6亿元，增长5.2%。\n"
        "二、重点任务\n要坚决打好污染防治攻坚战。粮食产量达到120万吨。要扎实推进乡村振兴。\n")


# The same speech after a long preamble: the disputed spans are far below the first screen.
LONG = "".join(f"第{n}段开场白，回顾过去一年的工作。\n" for n in range(120)) + TEXT


def build_three(path, text: str = TEXT):
    """li, wang and zhao: all agree on one span; elsewhere two of them, or one, or all three differ."""
    def _at(fragment: str, label: str, who: str, doc: int, trim: int = 0) -> Span:
        start = text.index(fragment)
        return Span(start + trim, start + len(fragment), label, who, document_id=doc)

    project = open_project(path)
    sections = []
    for marker, nxt in (("一、", "二、"), ("二、", None)):
        start = text.index(marker)
        title_end = text.index("\n", start)
        sections.append(Section(level=1, marker=marker, title=text[start + 2:title_end], start=start,
                                end=text.index(nxt) if nxt else len(text), title_start=start + 2, title_end=title_end))
    doc, _ = docs.add_document(project, clean_text=text, raw_text=text, title="县委全会讲话", sections=sections)
    spans = [
        *(_at("各级党委要切实加强领导", "directive", who, doc) for who in ("li", "wang", "zhao")),  # agreed
        _at("全县地区生产总值实现60.6亿元", "statistic", "li", doc),  # boundaries: three versions
        _at("全县地区生产总值实现60.6亿元，增长5.2%", "statistic", "wang", doc),
        _at("全县地区生产总值实现60.6亿元", "statistic", "zhao", doc, trim=2),
        _at("粮食产量达到120万吨", "statistic", "wang", doc),  # only wang and zhao, li has nothing
        _at("粮食产量达到120万吨", "statistic", "zhao", doc),
        _at("要扎实推进乡村振兴", "directive", "zhao", doc),  # zhao alone
    ]
    for span in spans:
        span_store.add_span(project, span)
    return project, doc


@pytest.fixture
def review(qtbot, tmp_path, request):
    from annotator.gui.review import ReviewWindow

    project, doc = build_three(tmp_path / "three.db", getattr(request, "param", TEXT))
    window = ReviewWindow(project, "陈组长")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.view.setFocus()
    yield window
    window.close()
    project.close()


def _cells(window, row):
    model = window.model
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_each_annotator_has_a_column_and_no_span_is_shown_under_another_name(review):
    """Three annotators: the list had two columns headed "A: li" and "B: wang", filled with a
    disagreement's first two spans whoever made them — zhao's span sat under "A: li" where li had none."""
    model = review.model
    assert review.annotators == ["li", "wang", "zhao"]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Kind", "1: li", "2: wang", "3: zhao", "Text", "Decision"]
    assert len(model.items) == 3
    for row, item in enumerate(model.items):
        cells = _cells(review, row)
        for column, name in enumerate(review.annotators, start=1):
            mine = [s for s in item.disagreement.spans if s.annotator == name]
            if not mine:
                assert cells[column] == "—", (name, cells)
            for span in mine:
                words = TEXT[span.start:span.end]
                assert (words if len(words) <= 18 else words[:8]) in cells[column]
    alone = next(r for r, item in enumerate(model.items) if len(item.disagreement.spans) == 1)
    assert _cells(review, alone)[1:3] == ["—", "—"] and "乡村振兴" in _cells(review, alone)[3]


def test_a_and_b_take_the_first_and_second_annotator_with_three(review, qtbot):
    """With three, A took a disagreement's first span, whoever made it: on zhao's lone span, A (the key
    of column "A: li") put zhao's span into gold."""
    alone = next(r for r, item in enumerate(review.model.items) if len(item.disagreement.spans) == 1)
    review.select_row(alone)
    qtbot.keyClick(review.view, Qt.Key.Key_A)
    assert span_store.list_spans(review.project, review.doc_id, annotators=[GOLD]) == []
    assert "li" in review.statusBar().currentMessage()
    qtbot.keyClick(review.view, Qt.Key.Key_3)  # zhao's, by the digit of zhao's column
    (gold,) = span_store.list_spans(review.project, review.doc_id, annotators=[GOLD])
    assert gold.provenance["chosen"] == "zhao" and TEXT[gold.start:gold.end] == "要扎实推进乡村振兴"


def test_undo_goes_back_to_the_disagreement_it_took_back(review, qtbot):
    """After a decision the list moves on to the next open disagreement; Ctrl+Z reopened the decided one
    but left the adjudicator on the next, the undone row somewhere above."""
    review.select_row(0)
    first = review.model.items[0].key
    qtbot.keyClick(review.view, Qt.Key.Key_2)  # wang's version of the statistic
    assert review.current_item().key != first
    qtbot.keyClick(review.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert review.current_item().key == first and review.current_item().is_open


def test_review_and_compare_windows_are_placed_inside_the_screen(review, qtbot):
    """At 1920×1080 the window manager put the 860-pixel review window at y=235: its status bar (where
    every decision's message goes) and the last rows of the list were below the bottom edge."""
    from annotator.gui.review import review_layout

    area = review.screen().availableGeometry()
    review.move(area.right() - 50, area.bottom() - 50)
    review_layout.fit_screen(review)
    assert area.contains(QRect(review.pos(), review.size()))
    compare = review.open_compare()
    qtbot.addWidget(compare)
    qtbot.waitExposed(compare)
    assert area.contains(QRect(compare.pos(), compare.size()))


@pytest.mark.parametrize("fragment, pair", [("粮食产量达到120万吨", ("wang", "li")),
                                            ("要扎实推进乡村振兴", ("zhao", "li")),
                                            ("全县地区生产总值", ("li", "wang"))])
@pytest.mark.parametrize("review", [LONG], indirect=True)
def test_side_by_side_opens_on_the_current_disagreement_and_shows_it(review, qtbot, fragment, pair):
    """V opened the first two annotators (li and wang) at the top of the text, the first difference
    selected in the list but out of sight (scrolled before the window was laid out), whatever
    disagreement was current — for one that wang and zhao agree on and li lacks, two who agree there."""
    review.resize(1000, 600)
    text = review.text
    row = next(r for r, item in enumerate(review.model.items) if text[item.disagreement.start:].startswith(fragment)
               or fragment in text[item.disagreement.start:item.disagreement.end])
    review.select_row(row)
    qtbot.keyClick(review.view, Qt.Key.Key_V)
    compare = review.compare_window
    qtbot.addWidget(compare)
    qtbot.waitExposed(compare)
    assert compare.comparison.names == pair
    d = compare.comparison.differences[compare.table.currentRow()]
    assert fragment in text[d.start:d.end] or text[d.start:d.end] in fragment
    for pane in (compare.left, compare.right):
        view = pane.view
        qtbot.waitUntil(lambda v=view: v.viewport().rect().contains(v.cursorRect()))


def test_the_lead_exports_gold_only_from_the_review_window(make_window, tmp_path, qtbot, monkeypatch):
    """File → Export wrote every annotator's layer and gold: the gold the lead had just adjudicated could
    be written alone only from the command line (export --gold). Ctrl+E in the review window (and File →
    Export gold…) writes the gold layer only, and the review window says where."""
    import json

    from PySide6.QtWidgets import QFileDialog

    project, _doc = build_three(tmp_path / "three.db")
    project.close()
    window = make_window(tmp_path / "three.db")
    window.open_review()
    review = window._review
    qtbot.waitExposed(review)
    review.activateWindow()
    qtbot.waitUntil(review.isActiveWindow)
    review.view.setFocus()
    qtbot.keyClick(review.view, Qt.Key.Key_M)  # the agreed directive
    assert len(span_store.list_spans(review.project, review.doc_id, annotators=[GOLD])) == 1
    review.select_row(0)
    qtbot.keyClick(review.view, Qt.Key.Key_2)  # wang's statistic
    out = tmp_path / "gold.jsonl"
    asked = {}

    def save_name(parent, title, _folder, filters):
        asked.update(parent=parent, title=title, filters=filters.split(";;"))
        return str(out), asked["filters"][0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    qtbot.keyClick(review.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.busy() and out.exists(), timeout=20_000)
    assert asked["parent"] is review and asked["title"] == "Export gold"
    spans = [s for line in out.read_text(encoding="utf-8").splitlines() for s in json.loads(line)["spans"]]
    assert {s["annotator"] for s in spans} == {GOLD}
    assert sorted(s["text"] for s in spans) == ["全县地区生产总值实现60.6亿元，增长5.2%", "各级党委要切实加强领导"]
    assert str(out) in review.statusBar().currentMessage()


def test_export_format_names_in_the_chinese_file_dialog(chinese):
    """The export dialog's file types read "Native JSONL", "Statistics table CSV" in the Chinese UI."""
    from annotator.gui.exchange_reasons import dialog_filters

    shown = dict(dialog_filters("export"))
    assert shown["native"] == "原生 JSONL (*.jsonl)"
    assert shown["csv"] == "统计数据表 CSV (*.csv)" and shown["xlsx"] == "统计数据表 Excel (*.xlsx)"
    assert shown["labelstudio"] == "Label Studio JSON (*.json)"  # a product's name stays as it is
    assert dict(dialog_filters("import"))["native"] == "原生 JSONL (*.jsonl)"


def test_progress_counts_a_document_with_spans_but_no_mark_as_in_progress(make_window, tmp_path, qtbot):
    """Three annotators' projects merged (or labels imported): every document read "not started · 33",
    the per-annotator table 0 in progress and 5 not started beside 5 documents with spans."""
    project, _doc = build_three(tmp_path / "three.db")
    project.close()
    window = make_window(tmp_path / "three.db")
    window.team.show_progress()
    dialog = window.team.progress_dialog
    qtbot.waitExposed(dialog)
    people = dialog.people
    rows = {people.item(r, 0).text(): [people.item(r, c).text() for c in range(1, 6)] for r in range(people.rowCount())}
    assert rows["li"] == ["0", "1", "0", "2", "1"]  # done, in progress, not started, spans, documents with spans
    header = [dialog.documents.horizontalHeaderItem(c).text() for c in range(dialog.documents.columnCount())]
    assert dialog.documents.item(0, header.index("zhao")).text() == "in progress · 4"
    dialog.close()


_ENGLISH = __import__("re").compile(r"[A-Za-z]{3,} [a-z]{2,} [a-z]{2,}")  # three English words in a row


def test_label_import_notes_and_rarer_reasons_in_chinese(chinese, tmp_path):
    """Files of other tools, imported in the Chinese UI: the rarer refusals (label ids, categories, a
    [start, end] pair, a list for a line, offsets of the wrong type, a region without text) and every
    note (lines without labels, Label Studio's 'completions', results that are not text spans) were
    shown in English. Imported for real, so a reworded message in annotator/exchange shows up here."""
    import json

    from annotator.gui.window_io import exchange_summary
    from annotator.services.exchange import import_labels

    text = "各级党委要切实加强领导。粮食产量达到120万吨。"
    doccano = tmp_path / "doccano.jsonl"
    doccano.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in (
        {"text": text, "label": [[0, 11, "directive"]]},
        {"text": text, "label": [[0, 11, 3]]},  # doccano 1.x label ids
        {"text": text, "label": ["positive"]},  # a classification project
        {"text": text, "label": [[0, 11]]},
        {"text": text, "label": "directive"},
        ["not", "an", "object"],
        {"text": text, "label": [["0", "11", "directive"]]},
        {"text": text, "label": [[0, 11, "directive", {"a": 1}]]},
        {"text": text + "另一篇。"},  # no label key at all: a note
    )) + "\n", encoding="utf-8")
    studio = tmp_path / "studio.json"
    studio.write_text(json.dumps([
        {"data": {"text": text}, "completions": [{"result": [
            {"type": "labels", "value": {"start": 0, "end": 11, "text": text[:11], "labels": ["directive"]}},
            {"type": "choices", "value": {"choices": ["好"]}}]}]},
        {"data": {"text": text}, "annotations": [{"result": [
            {"type": "labels", "value": {"start": "0", "end": 11, "labels": ["directive"]}}]}]},
        {"data": {"image": "a.png"}, "annotations": []},
    ], ensure_ascii=False), encoding="utf-8")
    with open_project(tmp_path / "labels.db") as project:
        reports = [import_labels(project, str(doccano), "doccano", annotator="张三"),
                   import_labels(project, str(studio), "labelstudio", annotator="李四")]
    for report in reports:
        summary = exchange_summary(report)
        assert report.failed and report.notes, summary
        for line in summary.splitlines()[1:]:
            assert not _ENGLISH.search(line), line
    assert "只导入了文本" in exchange_summary(reports[0]) and "已按标注读取" in exchange_summary(reports[1])


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_status_of_every_suggestion_fits_its_column(qtbot, tmp_path, language):
    """The span table's status column read "建议 …" for a doubtful suggestion ("建议 80%，存疑" in 72
    pixels): the words that say how sure a suggestion is were cut. In English "suggested 80%" read
    "suggest…" at 1024×700 (session 9): English says "likely 80%" / "unsure 41%", and the column fits them."""
    from PySide6.QtWidgets import QApplication

    from annotator.app import create_window
    from annotator.gui import i18n
    from annotator.gui.settings import Settings
    from test_doubtful_suggestions import _project

    _project(tmp_path / "p.db")
    settings = Settings(tmp_path / "s.ini")
    settings.annotator, settings.language = "王五", language
    settings.sync()
    try:
        window, project = create_window(tmp_path / "p.db", settings_file=tmp_path / "s.ini", first_run=False)
        qtbot.addWidget(window)
        window.resize(1024, 700)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.span_model.rowCount() == 2)
        table = window.span_table
        metrics = table.fontMetrics()
        texts = [window.span_model.index(r, 3).data() for r in range(2)]
        assert any("%" in t for t in texts)
        for text in texts:
            assert metrics.horizontalAdvance(text) + 8 <= table.columnWidth(3), (text, table.columnWidth(3))
        assert table.columnWidth(1) >= table.columnWidth(3), [table.columnWidth(c) for c in range(4)]
        window.close()
        project.close()
    finally:
        i18n.install(QApplication.instance(), "en")


def test_a_key_in_a_long_paragraph_repaints_its_lines_and_leaves_nothing_stale(make_window, tmp_path, qtbot):
    """A key now repaints the lines of the spans it touched, not their whole paragraphs (the keystroke
    frame at 1920×1080, session 8): in a paragraph of many lines, on a narrow window, what is on screen
    after a tag, an accept, a reject and an undo is what drawing the whole text afresh draws."""
    from test_deferred_views import assert_each_step_draws_as_afresh

    paragraph = "".join(f"第{n}项，各级党委要切实加强领导，全年增长{n}.5%，" for n in range(40)) + "。\n"
    text = "一、总体要求\n" + paragraph + "二、重点任务\n" + paragraph
    path = tmp_path / "long.db"
    with open_project(path) as project:
        docs.add_document(project, clean_text=text, raw_text=text, title="长段落", sections=[])
    window = make_window(path)
    window.resize(700, 600)
    view, session = window.view, window.session
    qtbot.waitUntil(lambda: not window.busy(), timeout=20_000)
    view.setFocus()
    view.highlight_pending()
    start = text.index("第12项") + 4
    view.select_range(start, start + 9)
    block = view.document().findBlock(view.utf16.to_utf16(start))
    assert block.layout().lineCount() > 6  # a paragraph of many lines on screen
    steps = [("tag", lambda: qtbot.keyClick(view, Qt.Key.Key_1))]
    if session.suggestions:
        steps += [("next", lambda: qtbot.keyClick(view, Qt.Key.Key_Tab)),
                  ("accept", lambda: qtbot.keyClick(view, Qt.Key.Key_Return)),
                  ("next", lambda: qtbot.keyClick(view, Qt.Key.Key_Tab)),
                  ("reject", lambda: qtbot.keyClick(view, Qt.Key.Key_X))]
    steps.append(("undo", window.controller.undo_group.undo))
    assert_each_step_draws_as_afresh(window, qtbot, steps)


def test_tab_leaves_the_text_still_when_the_next_suggestion_is_on_screen(make_window, tmp_path, qtbot):
    """Tab centred every suggestion it went to: the text jumped under the reader's eyes at each key,
    and each jump repainted the view (most of a Tab's or an accept's frame at 1920×1080). The text now
    moves only for a suggestion off screen, which is then shown."""
    lines = [f"第{n}条，各级党委要切实加强领导，全年增长{n}.5%。\n" for n in range(300)]
    text = "".join(lines)
    path = tmp_path / "many.db"
    with open_project(path) as project:
        docs.add_document(project, clean_text=text, raw_text=text, title="很多建议", sections=[])
    window = make_window(path)
    window.resize(1000, 700)
    view, session = window.view, window.session
    qtbot.waitUntil(lambda: len(session.suggestions) > 100, timeout=20_000)
    view.setFocus()
    top = text.index("第20条")
    view.scroll_to_top(top)
    view.select_range(top, top, scroll=False)
    bar = view.verticalScrollBar()
    before = bar.value()
    assert before > 0
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # a suggestion on the top lines: centring it scrolled the text
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert bar.value() == before, "the next suggestion was on screen: the text must not move"
    assert view.viewport().rect().contains(view.cursorRect())
    far = next(s for s in session.suggestions if s.start > text.index("第200条"))
    view.select_range(far.start - 1, far.start - 1, scroll=False)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert bar.value() > 0 and view.viewport().rect().contains(view.cursorRect())
    assert window.controller.current is not None and window.controller.current.start >= far.start


def test_the_text_in_context_stays_in_sight_with_three_annotators_at_1024(review, qtbot):
    """At 1024×700 three annotator columns of 150 pixels pushed the disputed text in context (and the
    decision) past the right edge of the list."""
    review.resize(1000, 660)
    from annotator.gui.review import review_layout

    review._sized_columns = None
    review_layout.size_columns(review)
    qtbot.wait(50)
    table, header = review.table, review.table.horizontalHeader()
    text_column = review.model.columnCount() - 2
    assert header.sectionViewportPosition(text_column) + 100 <= table.viewport().width(), \
        [header.sectionSize(c) for c in range(review.model.columnCount())]
