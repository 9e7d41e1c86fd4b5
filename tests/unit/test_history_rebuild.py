"""The undo history rebuilt from the event log (services/history.py): what is on the stack after a
restart, from synthetic logs shaped as storage writes them."""

from __future__ import annotations

from annotator.services.history import rebuild

ME, OTHER = "张三", "李四"


def _span(span_id, annotator=ME, label="directive", status="accepted", start=0, end=4):
    return {"id": span_id, "document_id": 1, "start": start, "end": end, "label": label, "annotator": annotator,
            "status": status, "attributes": {}, "source": "manual", "provenance": {}, "created": "t", "updated": "t"}


class Log:
    def __init__(self):
        self.events = []

    def add(self, action, annotator=ME, before=None, after=None, entity_id=None):
        self.events.append({"id": len(self.events) + 1, "action": action, "annotator": annotator, "document_id": 1,
                            "entity_id": entity_id, "before": before, "after": after})
        return self


def _kinds(steps):
    return [(s.kind, s.span.id if s.span else s.edit_id or s.after) for s in steps]


def test_adds_updates_and_status_in_order_with_the_first_tag_starting_the_document():
    log = Log().add("span.add", after=_span("a")).add("document.status", before=None, after="in_progress")
    log.add("span.add", after=_span("b", start=5, end=9))
    log.add("span.update", before=_span("b", start=5, end=9), after=_span("b", label="statistic", start=5, end=9))
    log.add("document.status", before="in_progress", after="done")
    steps = rebuild(log.events, ME)
    assert _kinds(steps) == [("add", "a"), ("add", "b"), ("update", "b"), ("status", "done")]
    assert steps[0].started and not steps[1].started
    assert steps[2].changes == {"label": "statistic"}


def test_undone_steps_leave_the_stack_and_their_status_goes_with_them():
    log = Log().add("span.add", after=_span("a")).add("document.status", before="not_started", after="in_progress")
    log.add("span.remove", before=_span("a")).add("document.status", before="in_progress", after="not_started")
    assert rebuild(log.events, ME) == []
    log.add("span.add", after=_span("a")).add("document.status", before="not_started", after="in_progress")
    steps = rebuild(log.events, ME)  # a redo is an ordinary step again
    assert _kinds(steps) == [("add", "a")] and steps[0].started


def test_updates_back_and_forth_cancel_and_a_removal_restored_cancels():
    log = Log().add("span.add", after=_span("a"))
    log.add("span.update", before=_span("a"), after=_span("a", label="statistic"))
    log.add("span.update", before=_span("a", label="statistic"), after=_span("a"))  # its undo
    log.add("span.remove", before=_span("x", start=10, end=12))
    log.add("span.restore", after=_span("x", start=10, end=12))  # undo of that removal
    assert _kinds(rebuild(log.events, ME)) == [("add", "a")]


def test_other_annotators_and_other_peoples_spans_are_not_on_my_stack():
    log = Log().add("span.add", annotator=OTHER, after=_span("o", annotator=OTHER))
    log.add("span.remove", before=_span("g", annotator="@gold"))  # the adjudicator removing a gold span
    log.add("suggest.run", annotator="@suggester")
    log.add("document.rename", annotator=OTHER, before={"title": "a"}, after={"title": "b"})
    log.add("document.delete", before={"title": "b"})
    log.add("suggestion.reject", after=_span("r", status="rejected"))
    assert _kinds(rebuild(log.events, ME)) == [("add", "r")]


def test_outline_corrections_and_notes():
    log = Log().add("outline.remove", after={"anchor": 7}, entity_id="3")
    log.add("outline.shift", after={"anchor": 9, "delta": 1}, entity_id="4")
    log.add("outline.undo", before={"op": "shift", "anchor": 9, "delta": 1}, entity_id="4")
    note = {"id": "n1", "document_id": 1, "span_id": None, "annotator": ME, "body": "?", "created": "t", "updated": "t"}
    log.add("comment.add", after=note).add("comment.remove", before=note).add("comment.restore", after=note)
    steps = rebuild(log.events, ME)
    assert [(s.kind, s.edit_id or s.comment["id"]) for s in steps] == [("outline", 3), ("note", "n1")]
    assert steps[0].op == "remove" and steps[0].anchor == 7 and steps[0].payload == {}


def test_an_undo_older_than_the_log_read_is_skipped():
    log = Log().add("outline.undo", before={"op": "add", "anchor": 1}, entity_id="1")
    log.add("comment.remove", before={"id": "old"})
    assert rebuild(log.events, ME) == []


def test_renames_and_their_undo():
    log = Log().add("document.rename", before={"title": "a"}, after={"title": "b"})
    log.add("document.rename", before={"title": "b"}, after={"title": "c"})
    log.add("document.rename", before={"title": "c"}, after={"title": "b"})  # the undo of the second
    steps = rebuild(log.events, ME)
    assert [(s.kind, s.before, s.after) for s in steps] == [("rename", "a", "b")]


def test_a_damaged_event_costs_only_its_own_step():
    log = Log().add("span.add", after=_span("a"))
    log.add("span.add", after={"annotator": ME, "id": "broken"})  # no offsets, no label
    log.add("outline.add", after={"anchor": 3}, entity_id=None)
    log.add("span.update", before=_span("a"), after=_span("a", label="statistic"))
    assert _kinds(rebuild(log.events, ME)) == [("add", "a"), ("update", "a")]
