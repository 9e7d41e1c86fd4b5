"""A child process that tags like the GUI does, for the kill and two-process tests.

    python tagger_proc.py PROJECT ANNOTATOR SEED [--wait-go] [--ops N] [--seconds S]

It calls the same storage functions the GUI's undo commands call (add_span, update_span, remove_span,
and add_span(action="span.restore") for undoing a removal). Around every call it prints one line,
flushed, so the parent knows what was asked and what is on disk:

    ready                        the project is open
    begin {json}                 about to call; the state the span will have (or {"id", "gone": true})
    saved {json}                 the call returned, so by Project.write()'s promise it is durable
                                 (with --deferred: it survives a killed process; a power cut once synced)
    failed {json}                the call raised DuplicateSpan (only possible with several writers)

A SIGKILL can land between "begin" and "saved": the parent then accepts the span before or after.
Each line is one write() of well under PIPE_BUF bytes, so a kill never leaves half a line.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotator.domain.model import Span  # noqa: E402
from annotator.storage import documents, open_project  # noqa: E402
from annotator.storage import spans as store  # noqa: E402

LABELS = ("directive", "statistic")


def state(span: Span) -> dict:
    return {"id": span.id, "doc": span.document_id, "start": span.start, "end": span.end, "label": span.label,
            "status": span.status, "attributes": span.attributes}


def say(kind: str, payload: dict | None = None) -> None:
    line = kind if payload is None else f"{kind} {json.dumps(payload, ensure_ascii=False, sort_keys=True)}"
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class Tagger:
    def __init__(self, project, annotator: str, rng: random.Random):
        self.project, self.me, self.rng = project, annotator, rng
        # Read after "go", not at start-up: the previous tagger may still have been writing then.
        self.mine = {s.id: s for s in store.list_spans(project, annotators=[annotator])}
        self.removed: list[Span] = []
        self.lengths: dict[int, int] = {}
        self.counter = 0

    def _doc(self) -> tuple[int, int]:
        # Re-listed every time: in the two-process test an importer adds documents meanwhile.
        doc_id = self.rng.choice(documents.document_ids(self.project))
        if doc_id not in self.lengths:
            self.lengths[doc_id] = len(documents.clean_text(self.project, doc_id))
        return doc_id, self.lengths[doc_id]

    def _taken(self, doc_id, start, end, label, except_id=None) -> bool:
        return any(s.key == (start, end, label) and s.document_id == doc_id and s.id != except_id
                   for s in self.mine.values())

    def step(self) -> None:
        roll = self.rng.random()
        if roll < 0.08 and self.removed:
            self.restore()
        elif roll < 0.2 and self.mine:
            self.remove()
        elif roll < 0.5 and self.mine:
            self.update()
        else:
            self.add()

    def add(self) -> None:
        doc_id, length = self._doc()
        start = self.rng.randrange(0, length - 1)
        end = min(length, start + self.rng.randint(1, 30))
        label = self.rng.choice(LABELS)
        if self._taken(doc_id, start, end, label):
            return
        self.counter += 1
        span = Span(id=store.new_id(), document_id=doc_id, start=start, end=end, label=label, annotator=self.me,
                    attributes={"n": self.counter, "note": f"第{self.counter}处𠮷"})
        self._call(state(span), lambda: store.add_span(self.project, span))

    def update(self) -> None:
        span = self.mine[self.rng.choice(sorted(self.mine))]
        length = self.lengths.get(span.document_id) or len(documents.clean_text(self.project, span.document_id))
        choice = self.rng.randrange(3)
        if choice == 0:
            changes = {"label": LABELS[1 - LABELS.index(span.label)]}
        elif choice == 1:
            changes = {"attributes": {**span.attributes, "edited": self.rng.randrange(1000)}}
        else:
            start = max(0, min(length - 1, span.start + self.rng.randint(-3, 3)))
            changes = {"start": start, "end": max(start + 1, min(length, span.end + self.rng.randint(-3, 3)))}
        new = Span(**{**span.__dict__, **changes})
        if self._taken(new.document_id, new.start, new.end, new.label, except_id=span.id):
            return
        self._call(state(new), lambda: store.update_span(self.project, span.id, by=self.me, **changes)[1])

    def remove(self) -> None:
        span_id = self.rng.choice(sorted(self.mine))
        say("begin", {"id": span_id, "gone": True})
        gone = store.remove_span(self.project, span_id, by=self.me)
        del self.mine[span_id]
        self.removed.append(gone)
        say("saved", {"id": span_id, "gone": True})

    def restore(self) -> None:
        span = self.removed.pop(self.rng.randrange(len(self.removed)))
        if self._taken(span.document_id, span.start, span.end, span.label):
            return
        self._call(state(span), lambda: store.add_span(self.project, span, action="span.restore"))

    def _call(self, expected: dict, fn) -> None:
        say("begin", expected)
        try:
            stored = fn()
        except store.DuplicateSpan:
            say("failed", expected)
            return
        self.mine[stored.id] = stored
        say("saved", state(stored))


def worker_opens_and_closes(path: str) -> None:
    """What an import/suggest/export worker does: its own open_project in its own thread, then close."""
    def work() -> None:
        with open_project(path) as project:
            documents.document_ids(project)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    say("worker")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("project")
    parser.add_argument("annotator")
    parser.add_argument("seed", type=int)
    parser.add_argument("--wait-go", action="store_true", help="read a line from stdin before tagging")
    parser.add_argument("--ops", type=int, default=0, help="stop after this many calls (0: until killed)")
    parser.add_argument("--seconds", type=float, default=0, help="stop after this long (0: no limit)")
    parser.add_argument("--deferred", action="store_true",
                        help="commit as the GUI does: Project.defer_durability() (storage/durability.py)")
    parser.add_argument("--worker-every", type=int, default=0,
                        help="every N calls, open and close the project in a thread, as a GUI worker does")
    args = parser.parse_args()
    project = open_project(args.project)
    if args.deferred:
        project.defer_durability()
    say("ready")
    if args.wait_go and not sys.stdin.readline():
        return
    tagger = Tagger(project, args.annotator, random.Random(args.seed))
    deadline = time.monotonic() + args.seconds if args.seconds else None
    done = 0
    while (not args.ops or done < args.ops) and (deadline is None or time.monotonic() < deadline):
        tagger.step()
        done += 1
        if args.worker_every and done % args.worker_every == 0:
            worker_opens_and_closes(args.project)
    project.close()
    say("done")


if __name__ == "__main__":
    main()
