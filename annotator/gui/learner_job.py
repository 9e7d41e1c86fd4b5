"""The retraining job the workspace starts in a process of its own (gui/learning.py); Qt-free.

``python -m annotator.gui.learner_job TARGET EVERY [DOC_ID ANNOTATOR]`` (TARGET ``-``: the first line of
standard input — how the window passes it, since a team project's URL may hold a password that a command
line would show to every user of the machine): when ``EVERY`` answers came in since
the stored model, retrain the project's model (suggest/training.py) and re-rank ANNOTATOR's open suggestions
of DOC_ID with it. Prints one JSON line: {"trained": false}, or {"trained": true, "summary": {...},
"reranked": [[span id, score, confidence, low_confidence], ...], "dropped": [span ids the model leaves out]}.

A process, not a thread: training and re-ranking are pure Python, and a thread doing them holds the
interpreter lock in the GUI's own process — every keystroke handler then waits its turn for it (the
keystroke benchmark's p95 went from 14 to 110 ms while a thread trained). A process competes for a core
only, like any other program on the machine.

The re-ranking is read-only: storing fresh suggestions (replace_suggestions) rewrites every suggestion row of
the document in one transaction — 0.55 s for the 2 900 rows of the benchmark's 100 000-character report —
and the annotator's next tag would wait for that write lock. The window shows the new ranking at once;
the stored rows get it with the next suggestion run of the document (Suggest again, an import).
"""

from __future__ import annotations

import json
import os
import sys

SURENESS = ("confidence", "low_confidence")  # kept in a suggestion's provenance (storage/spans.SUGGESTION_ONLY)
# project_meta: how many answers the project had when its model was last trained. The window's count of
# answers since then is derived from it (answers_since_training), so N answers spread over two sittings
# retrain like N in one: an in-memory counter started at 0 at every start and never reached N (session 10).
TRAINED_ON_KEY = "learner_trained_on_answers"


def answers_since_training(project) -> int:
    """The answers saved in the project since its model was last trained (by this job, or by anything
    else that stored a model: then the model's own count of decisions). 0 when it cannot be read."""
    from annotator.storage import decisions  # noqa: PLC0415

    try:
        marks = [int(project.meta(TRAINED_ON_KEY) or 0)]
        stored = decisions.load_model(project)
        if stored:
            marks.append(int(json.loads(stored).get("decisions", 0)))
        return max(0, decisions.count_decisions(project) - max(marks))
    except Exception:  # noqa: BLE001 - a count that cannot be read (an old or remote store) starts at 0
        return 0


def rerank_open(project, learner, doc_id: int, annotator: str, threshold: float) -> dict:
    """The open suggestions under ``learner``: new scores by span id, and the ids it leaves out."""
    from annotator.domain.model import Suggestion  # noqa: PLC0415
    from annotator.storage import documents  # noqa: PLC0415
    from annotator.storage import spans as span_store  # noqa: PLC0415

    text = documents.clean_text(project, doc_id)
    shown = span_store.open_suggestions(project, doc_id, annotator)
    as_found = []
    for span in shown:
        provenance = span.provenance or {}
        attributes = {**span.attributes, **{k: provenance[k] for k in SURENESS if k in provenance}}
        rule = span.source.split(":", 1)[1] if ":" in (span.source or "") else ""
        score = provenance.get("score")
        as_found.append(Suggestion(span.start, span.end, span.label, attributes,
                                   float(score) if isinstance(score, (int, float)) else 0.8, rule))
    kept = {(s.start, s.end, s.label): s for s in learner.rerank(text, as_found, threshold)}
    reranked, dropped = [], []
    for span in shown:
        s = kept.get((span.start, span.end, span.label))
        if s is None:
            dropped.append(span.id)
        else:
            reranked.append([span.id, s.score, s.attributes.get("confidence"), bool(s.attributes.get("low_confidence"))])
    return {"reranked": reranked, "dropped": dropped}


def run(target: str, every: int, doc_id: int | None = None, annotator: str | None = None) -> dict:
    from annotator.storage import decisions, open_project  # noqa: PLC0415
    from annotator.suggest import training  # noqa: PLC0415

    with open_project(target, create=False) as project:
        if project.readonly or not training.should_retrain(project, max(1, every)):
            return {"trained": False}
        answered = decisions.count_decisions(project)  # before: an answer saved while it trains counts next time
        summary = training.train(project)
        project.set_meta(TRAINED_ON_KEY, str(answered))
        result = {"trained": True, "summary": summary}
        if doc_id is not None and annotator:
            learner = training.load_learner(project)
            if learner is not None:
                try:
                    result.update(rerank_open(project, learner, doc_id, annotator, training.settings(project)["threshold"]))
                except KeyError:
                    pass  # the document was deleted meanwhile: the model is trained all the same
    return result


def _step_back() -> None:
    """Lowest CPU priority but one: on a machine whose cores are busy, the training (seconds of Python) must
    take its share from the other programs, not from the window the annotator types in (the keystroke
    benchmark with both cores busy: frame p95 wall 190 → 290 ms while a job at normal priority ran)."""
    if hasattr(os, "nice"):
        try:
            os.nice(15)
        except OSError:
            pass  # not allowed here: train at normal priority all the same


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 4):
        print("usage: python -m annotator.gui.learner_job TARGET EVERY [DOC_ID ANNOTATOR]", file=sys.stderr)
        return 2
    target = sys.stdin.readline().rstrip("\n") if argv[0] == "-" else argv[0]
    try:
        result = run(target, int(argv[1]), *((int(argv[2]), argv[3]) if len(argv) == 4 else ()))
    except Exception as exc:  # noqa: BLE001 - the window shows it; nothing else is at stake
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}, ensure_ascii=False))
        return 1
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    _step_back()  # the job's own process only (tests call main() in theirs)
    sys.exit(main(sys.argv[1:]))
