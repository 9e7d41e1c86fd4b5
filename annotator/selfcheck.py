"""`annotator selfcheck` / `python -m annotator.selfcheck`: the headless smoke test of an installation.

It walks the path a user's first session takes — new project, import a bundled sample, outline,
suggestions, export — in a throw-away folder, so a wheel install or a frozen build can be checked
on a machine without a display. Each step touches packaged data that is easy to lose when packaging
(resources/ for labels, cleaning rules and samples; jieba's dict.txt and HMM tables; python-docx's
default template; charset_normalizer's compiled module), so a missing file fails here, by name,
rather than in front of a user. Qt-free on purpose: it must run where no Qt platform plugin loads.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any, Callable

# The sample chosen is the first in name order; it is a full government work report with a numbered
# outline, statistics and directives, so every step below has something to find.
_MIN_SPANS = 1


class CheckFailed(Exception):
    """A step ran but its result is wrong (as opposed to an exception from the code under test)."""


def _first_sample() -> Path:
    from annotator.resources import resource_path

    samples = sorted(p for p in resource_path("samples").iterdir() if p.suffix in (".txt", ".docx", ".md"))
    if not samples:
        raise CheckFailed(f"no samples in {resource_path('samples')}")
    return samples[0]


def run_selfcheck(out: Callable[[str], Any] | None = None) -> int:
    """Run every step; print one line per step with its time; 0 when all pass, 1 at the first failure."""
    say = out or (lambda line: print(line, flush=True))
    state: dict[str, Any] = {}
    started = time.perf_counter()

    with tempfile.TemporaryDirectory(prefix="annotator-selfcheck-") as tmp:
        folder = Path(tmp)

        def step_resources() -> str:
            from annotator.resources import resources_dir

            sample = _first_sample()
            state["sample"] = sample
            return f"{resources_dir()} ({sample.name})"

        def step_project() -> str:
            from annotator.storage import open_project
            from annotator.storage.labels import label_count

            state["project"] = open_project(folder / "selfcheck.annotator", create=True)
            labels = label_count(state["project"])
            if not labels:
                raise CheckFailed("the new project has no labels (resources/labels.json not loaded?)")
            return f"{labels} labels"

        def step_import() -> str:
            from annotator.ingest import import_paths

            summary = import_paths(state["project"], [state["sample"]], annotator="selfcheck")
            if summary.imported != 1:
                reasons = "; ".join(f"{o.path}: {o.reason}" for o in summary.failed) or "nothing imported"
                raise CheckFailed(reasons)
            outcome = summary.outcomes[0]
            state["doc_id"] = outcome.document_id
            return f"document {outcome.document_id}, {outcome.chars} chars"

        def step_outline() -> str:
            from annotator.storage.sections import get_sections

            sections = get_sections(state["project"], state["doc_id"])
            if not sections:
                raise CheckFailed("the sample's outline has no sections")
            state["sections"] = sections
            return f"{len(sections)} sections"

        def step_segment() -> str:
            # jieba's dictionary and its HMM (finalseg) and part-of-speech (posseg) tables: the files
            # a frozen build drops most easily.
            from annotator.nlp import segment
            from annotator.storage.documents import clean_text

            text = clean_text(state["project"], state["doc_id"])
            state["text"] = text
            words = segment.cut(text[:2000])
            tags = segment.posseg(text[:200])
            if len(words) < 10 or not tags:
                raise CheckFailed(f"jieba returned {len(words)} words and {len(tags)} tagged words")
            return f"{len(words)} words, {len(tags)} tagged"

        def step_suggest() -> str:
            from annotator.storage.spans import replace_suggestions
            from annotator.suggest.engine import suggest

            found = suggest(state["text"], state["sections"])
            stored = replace_suggestions(state["project"], state["doc_id"], found)
            if stored < _MIN_SPANS:
                raise CheckFailed("no suggestions for the sample")
            return f"{stored} suggestions"

        def step_docx() -> str:
            # Document() with no file uses python-docx's bundled default template; reading it back goes
            # through the .docx reader. Same text as the sample → the project reports a duplicate.
            import docx

            from annotator.ingest import import_paths

            document = docx.Document()
            for line in state["sample"].read_text(encoding="utf-8").splitlines():
                document.add_paragraph(line)
            path = folder / "sample.docx"
            document.save(str(path))
            summary = import_paths(state["project"], [path], annotator="selfcheck")
            if summary.failed:
                raise CheckFailed(f"{path.name}: {summary.failed[0].reason}")
            return f"{summary.outcomes[0].status}, {summary.outcomes[0].chars} chars"

        def step_encoding() -> str:
            # A GB18030 copy exercises encoding detection (charset_normalizer); decoded correctly it has
            # the same clean text as the UTF-8 original, so it is recognised as a duplicate.
            from annotator.ingest import import_paths

            path = folder / "sample-gb18030.txt"
            path.write_bytes(state["sample"].read_text(encoding="utf-8").encode("gb18030"))
            summary = import_paths(state["project"], [path], annotator="selfcheck")
            outcome = summary.outcomes[0]
            if outcome.status != "duplicate":
                raise CheckFailed(f"GB18030 copy was {outcome.status} {outcome.reason}".strip())
            return "GB18030 copy recognised as duplicate"

        def step_export() -> str:
            from annotator.exchange.native import export_native
            from annotator.exchange.selection import Selection
            from annotator.storage.documents import document_ids

            path = folder / "export.jsonl"
            export_native(state["project"], path, Selection(include_suggestions=True))
            lines = path.read_text(encoding="utf-8").splitlines()
            expected = len(document_ids(state["project"]))
            if len(lines) != expected:
                raise CheckFailed(f"{len(lines)} lines for {expected} documents in {path.name}")
            records = [json.loads(line) for line in lines]
            ours = [r for r in records if r["id"] == state["doc_id"]]
            if not ours or not ours[0]["spans"]:
                raise CheckFailed("the exported sample has no spans")
            return f"{len(lines)} lines, {sum(len(r['spans']) for r in records)} spans"

        def step_integrity() -> str:
            # The project's own health check: SQLite's integrity_check, JSON functions and a worker's
            # second handle (which must neither re-check nor disturb the first one's locks).
            import threading

            from annotator.storage import integrity, is_project_file, open_project

            project = state["project"]
            problems = integrity.check(project)
            if problems:
                raise CheckFailed("; ".join(problems[:3]))
            counts: list[int] = []

            def worker() -> None:
                with open_project(project.path) as second:
                    counts.append(len(integrity.check(second)))

            thread = threading.Thread(target=worker)
            thread.start()
            thread.join()
            if counts != [0] or not is_project_file(project.path):
                raise CheckFailed(f"a worker's handle saw {counts}")
            return "healthy, worker handle ok"

        steps: list[tuple[str, Callable[[], str]]] = [
            ("resources", step_resources),
            ("project", step_project),
            ("import", step_import),
            ("outline", step_outline),
            ("segment", step_segment),
            ("suggest", step_suggest),
            ("docx", step_docx),
            ("encoding", step_encoding),
            ("export", step_export),
            ("integrity", step_integrity),
        ]
        try:
            for name, step in steps:
                t0 = time.perf_counter()
                try:
                    detail = step()
                except CheckFailed as exc:
                    say(f"FAIL {name}: {exc}")
                    return 1
                except Exception:  # noqa: BLE001 - report any failure with the step that hit it
                    say(f"FAIL {name}: unexpected error")
                    say(traceback.format_exc().rstrip())
                    return 1
                say(f"{name:<10} {1000 * (time.perf_counter() - t0):8.0f} ms  {detail}")
        finally:
            project = state.get("project")
            if project is not None:
                project.close()  # before the folder is removed (Windows cannot delete an open file)
    say(f"selfcheck ok ({time.perf_counter() - started:.2f} s, Python {sys.version.split()[0]}"
        f"{', frozen' if getattr(sys, 'frozen', False) else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(run_selfcheck())
