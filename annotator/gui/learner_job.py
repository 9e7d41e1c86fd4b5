"""The retraining job the workspace starts in a process of its own (gui/learning.py); Qt-free.

``python -m annotator.gui.learner_job TARGET EVERY [DOC_ID]``: when ``EVERY`` answers came in since the
stored model, retrain the project's model, then suggest DOC_ID again under it (services/suggesting.py, the
same path as the CLI). Prints one JSON line: {"trained": false} or {"trained": true, "summary": {...}}.

A process, not a thread: training and suggesting are pure Python, and a thread doing them holds the
interpreter lock in the GUI's own process — every keystroke handler then waits its turn for it (the
keystroke benchmark's p95 went from 14 to 110 ms while a thread trained). A process competes for a core
only, like any other program on the machine.
"""

from __future__ import annotations

import json
import sys


def run(target: str, every: int, doc_id: int | None) -> dict:
    from annotator.services.suggesting import suggest_document  # noqa: PLC0415
    from annotator.storage import open_project  # noqa: PLC0415
    from annotator.suggest import training  # noqa: PLC0415

    with open_project(target, create=False) as project:
        if project.readonly or not training.should_retrain(project, max(1, every)):
            return {"trained": False}
        summary = training.train(project)
        if doc_id is not None:
            try:
                suggest_document(project, doc_id)
            except KeyError:
                pass  # the document was deleted meanwhile: the model is trained all the same
    return {"trained": True, "summary": summary}


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print("usage: python -m annotator.gui.learner_job TARGET EVERY [DOC_ID]", file=sys.stderr)
        return 2
    try:
        result = run(argv[0], int(argv[1]), int(argv[2]) if len(argv) == 3 else None)
    except Exception as exc:  # noqa: BLE001 - the window shows it; nothing else is at stake
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}, ensure_ascii=False))
        return 1
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
