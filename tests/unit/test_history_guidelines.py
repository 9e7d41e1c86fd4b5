"""Guidelines steps rebuilt from the event log (services/history.py): loading guidelines can be undone
after a restart, in order, and never over someone else's later text."""

from __future__ import annotations

from annotator.services.history import project_history, rebuild_guidelines
from annotator.storage import comments, open_project

ME, OTHER = "张三", "李四"


def _log(*sets):
    """guidelines.set events as storage writes them: (annotator, text before, text after, text stored?)."""
    events = []
    for i, (who, before, after, *stored) in enumerate(sets, 1):
        after_row = {"chars": len(after)}
        if not stored or stored[0]:
            after_row["text"] = after
        events.append({"id": i, "action": "guidelines.set", "annotator": who, "document_id": None,
                       "before": {"chars": len(before)}, "after": after_row})
    return events


def _texts(steps):
    return [(s.before, s.after) for s in steps]


def test_each_load_is_a_step_with_the_text_before_and_after():
    steps = rebuild_guidelines(_log((ME, "", "# 规范一"), (ME, "# 规范一", "# 规范二")), ME)
    assert _texts(steps) == [("", "# 规范一"), ("# 规范一", "# 规范二")]
    assert all(s.kind == "guidelines" for s in steps)


def test_an_undo_in_the_log_takes_its_step_off_and_a_redo_puts_it_back():
    log = _log((ME, "", "A"), (ME, "A", "B"), (ME, "B", "A"))  # the third is the undo of the second
    assert _texts(rebuild_guidelines(log, ME)) == [("", "A")]
    log = _log((ME, "", "A"), (ME, "A", "B"), (ME, "B", "A"), (ME, "A", "B"))  # and its redo
    assert _texts(rebuild_guidelines(log, ME)) == [("", "A"), ("A", "B")]


def test_someone_elses_later_text_ends_my_history():
    log = _log((ME, "", "A"), (OTHER, "A", "B"))
    assert rebuild_guidelines(log, ME) == []  # undoing mine now would replace their text
    assert _texts(rebuild_guidelines(log, OTHER)) == [("A", "B")]
    log = _log((OTHER, "", "X"), (ME, "X", "Y"))
    assert _texts(rebuild_guidelines(log, ME)) == [("X", "Y")]  # their text is what my undo puts back


def test_texts_the_log_does_not_hold_are_not_undoable_nor_anything_before_them():
    # An event from before the log held the text (only its length): its step and older ones are lost;
    # the next step's "before" is unknown too, so it goes as well. Later ones are whole.
    log = _log((ME, "", "A"), (ME, "A", "B", False), (ME, "B", "C"), (ME, "C", "D"))
    assert _texts(rebuild_guidelines(log, ME)) == [("C", "D")]
    # The oldest event read is not the project's first and had a text before it: unknown.
    assert rebuild_guidelines(_log((ME, "something", "A"))[0:1], ME) == []


def test_project_history_reads_what_storage_writes(project_target):
    with open_project(project_target) as project:  # a SQLite file, then a PostgreSQL database
        comments.set_guidelines(project, "# 标注规范\n\n- 部署😀", by=ME)
        comments.set_guidelines(project, "# 标注规范 第二版", by=ME)
        comments.set_guidelines(project, "# 标注规范\n\n- 部署😀", by=ME)  # the undo of the second
        comments.set_guidelines(project, "# 他的版本", by=OTHER)
        assert _texts(project_history(project, OTHER)) == [("# 标注规范\n\n- 部署😀", "# 他的版本")]
        assert project_history(project, ME) == []
        comments.set_guidelines(project, "# 我的版本", by=ME)
        assert _texts(project_history(project, ME)) == [("# 他的版本", "# 我的版本")]
