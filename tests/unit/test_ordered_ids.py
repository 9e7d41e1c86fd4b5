"""Ids sort in the order they were made: notes written in one millisecond keep their order."""

from __future__ import annotations

import threading

from annotator.domain import ids
from annotator.storage import comments, open_project
from annotator.storage import documents as docs


def test_ids_made_in_a_burst_sort_in_the_order_made():
    made = [ids.ordered_id() for _ in range(5000)]  # many share a millisecond
    assert made == sorted(made) and len(set(made)) == len(made)
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in made)


def test_a_clock_that_steps_back_does_not_reorder(monkeypatch):
    first = ids.ordered_id()
    monkeypatch.setattr(ids.time, "time_ns", lambda: 0)
    assert ids.ordered_id() > first


def test_ids_from_threads_never_collide():
    out: list[str] = []
    lock = threading.Lock()

    def make():
        mine = [ids.ordered_id() for _ in range(2000)]
        with lock:
            out.extend(mine)

    threads = [threading.Thread(target=make) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(out)) == 8000


def test_notes_written_in_one_millisecond_list_in_the_order_written(tmp_path, monkeypatch):
    monkeypatch.setattr(comments, "now", lambda: "2026-11-30T12:00:00.000Z")
    with open_project(tmp_path / "p.db") as project:
        doc, _ = docs.add_document(project, clean_text="一、总体要求", raw_text="一、总体要求", title="甲")
        bodies = [f"第{i}条说明" for i in range(50)]
        for body in bodies:
            comments.add_comment(project, doc, body, "张三")
        assert [c.body for c in comments.list_comments(project, doc)] == bodies
