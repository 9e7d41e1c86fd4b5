"""Parent side of tagger_proc.py: run children, read what they say, check the project against it."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

from annotator.storage import spans as store

TAGGER = Path(__file__).resolve().parent / "tagger_proc.py"
_serial = itertools.count()


class Child:
    """A tagger process whose stdout lines are collected by a thread (so reading never blocks us)."""

    def __init__(self, project: Path, annotator: str, seed: int, *args: str, stderr_dir: Path):
        self.stderr_path = stderr_dir / f"tagger-{next(_serial)}.stderr"
        self.stderr = self.stderr_path.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, str(TAGGER), str(project), annotator, str(seed), *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, text=True, encoding="utf-8",
        )
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            if not line.endswith("\n"):
                break  # cut off by the kill: it was never fully said
            self.lines.append(line[:-1])
            if line == "ready\n":
                self.ready.set()
        self.ready.set()  # also on EOF, so a parent waiting for "ready" learns the child died

    def go(self) -> None:
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()

    def finish(self, timeout: float = 30) -> int:
        """Wait for exit and for every line to be read; returns the exit code."""
        code = self.proc.wait(timeout)
        self._reader.join(timeout)
        self.stderr.close()
        return code

    def stderr_text(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")


GONE = "gone"


def _key(state: dict) -> str:
    if state.get("gone"):
        return GONE
    return json.dumps({k: state[k] for k in ("doc", "start", "end", "label", "status", "attributes")},
                      ensure_ascii=False, sort_keys=True)


class Ledger:
    """What children said they saved, and the states each span may be in now."""

    def __init__(self) -> None:
        self.allowed: dict[str, set[str]] = {}  # span id -> acceptable state keys
        self.confirmed: list[tuple[str, str]] = []  # (span id, state key), one per returned call
        self.uncertain = 0  # calls cut off between "begin" and "saved"

    def read(self, lines: list[str]) -> None:
        pending: dict | None = None
        for line in lines:
            kind, _, payload = line.partition(" ")
            if kind == "begin":
                pending = json.loads(payload)
            elif kind == "saved":
                saved = json.loads(payload)
                assert pending is not None and pending["id"] == saved["id"], f"saved without begin: {line}"
                assert _key(saved) == _key(pending), f"stored something else than asked: {pending} vs {saved}"
                self.allowed[saved["id"]] = {_key(saved)}
                self.confirmed.append((saved["id"], _key(saved)))
                pending = None
            elif kind == "failed":
                pending = None
        if pending is not None:
            # Killed during the call: the transaction either committed or it did not.
            self.uncertain += 1
            before = self.allowed.get(pending["id"], {GONE})
            self.allowed[pending["id"]] = before | {_key(pending)}

    def check(self, project, annotators: list[str]) -> int:
        """Assert the project holds an allowed state for every span; returns how many spans are present."""
        present = {s.id: s for s in store.list_spans(project, annotators=annotators)}
        unknown = set(present) - set(self.allowed)
        assert not unknown, f"spans nobody asked for: {sorted(unknown)[:5]}"
        for span_id, allowed in self.allowed.items():
            span = present.get(span_id)
            got = GONE if span is None else _key({"doc": span.document_id, **span.__dict__})
            assert got in allowed, f"span {span_id} is {got}, expected one of {allowed}"
        return len(present)


def check_event_log(project, ledger: Ledger, annotators: list[str]) -> int:
    """Every confirmed call has its event, and each span's latest event describes its current state."""
    rows = project.conn.execute(
        "SELECT id, action, entity_id, before, after FROM events WHERE entity = 'span' ORDER BY id").fetchall()
    logged: Counter = Counter()
    latest: dict[str, str] = {}
    for _, action, span_id, _, after in rows:
        if action == "span.remove":
            key = GONE
        else:
            data = json.loads(after)
            key = _key({"doc": data["document_id"], **data})
        logged[(span_id, key)] += 1
        latest[span_id] = key
    missing = Counter(ledger.confirmed) - logged
    assert not missing, f"saved calls without an event: {list(missing)[:5]}"
    present = {s.id: s for s in store.list_spans(project, annotators=annotators)}
    for span_id in ledger.allowed:
        span = present.get(span_id)
        now = GONE if span is None else _key({"doc": span.document_id, **span.__dict__})
        assert latest.get(span_id, GONE) == now, f"the event log disagrees with span {span_id}"
    return len(ledger.confirmed)
