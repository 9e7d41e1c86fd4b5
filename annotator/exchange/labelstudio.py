"""Label Studio JSON tasks (a JSON array), for a labelling config like

    <View><Labels name="label" toName="text">…</Labels><Text name="text" value="$text"/></View>

Offsets: Label Studio's text regions count JavaScript string offsets, i.e. UTF-16 code units (an
emoji or 𠮷 counts two; see label-studio issues #1347 and #4988). Export converts code points → UTF-16
with Utf16Map; import converts back. Because some Label Studio versions and third-party converters
wrote code points instead, import checks each region's ``value.text``: when the UTF-16 reading does
not give that text but the code-point reading does, the region is taken as code points (counted in a
note); when neither does, the task is refused.

One annotation per annotator (``completed_by`` holds the annotator's name; Label Studio's own exports
hold a user id or an object with an email, both understood on import). Suggestions go to
``predictions`` with ``model_version`` "@suggester" and are imported back as suggestions.
Attributes are not carried (Label Studio keeps them as per-region controls that depend on the config).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from annotator.domain.offsets import Utf16Map
from annotator.exchange.exporting import ExportReport, by_annotator, export_layers
from annotator.exchange.importing import ImportReport, LineRefused, layer_for, run_lines, store_line
from annotator.exchange.safe_write import atomic_open
from annotator.exchange.selection import Selection, SpanRow, iter_bundles
from annotator.storage.labels import GOLD, SUGGESTER
from annotator.storage.project import Project

FROM_NAME, TO_NAME = "label", "text"


def _results(text: str, u16: Utf16Map, spans: list[SpanRow]) -> list[dict[str, Any]]:
    return [
        {"id": s.id, "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels", "origin": "manual",
         "value": {"start": u16.to_utf16(s.start), "end": u16.to_utf16(s.end), "text": text[s.start:s.end],
                   "labels": [s.label]}}
        for s in spans
    ]


def _tasks(project: Project, selection: Selection, report: ExportReport) -> Iterator[dict[str, Any]]:
    for bundle in iter_bundles(project, selection):
        doc = bundle.document
        u16 = Utf16Map(doc.text)
        annotations, predictions = [], []
        for annotator, spans in by_annotator(bundle.spans):
            results = _results(doc.text, u16, spans)
            if annotator == SUGGESTER:
                predictions.append({"model_version": SUGGESTER, "result": results})
            else:
                annotations.append({"completed_by": annotator, "result": results, "was_cancelled": False,
                                    "ground_truth": annotator == GOLD})
        report.documents += 1
        report.spans += len(bundle.spans)
        yield {"id": doc.id, "data": {"text": doc.text, "title": doc.title, "document_id": doc.id,
                                      "text_sha256": doc.sha256},
               "annotations": annotations, "predictions": predictions}


def _write(project: Project, target: Path, selection: Selection) -> ExportReport:
    report = ExportReport(files=[target])
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    # A JSON array written task by task, so a large project is never one string in memory.
    with atomic_open(target, "w", newline="\n") as out:
        out.write("[")
        for n, task in enumerate(_tasks(project, selection, report)):
            out.write(",\n" if n else "\n")
            out.write(dumps(task))
        out.write("\n]\n")
    return report


def export_labelstudio(project: Project, path: str | Path, selection: Selection = Selection(), *,
                       per_annotator: bool = False) -> ExportReport:
    return export_layers(project, path, selection, _write, per_annotator=per_annotator)


def _annotator(completed_by: Any) -> str | None:
    if isinstance(completed_by, str):
        return completed_by
    if isinstance(completed_by, dict):
        return completed_by.get("email") or (f"labelstudio-user-{completed_by['id']}" if "id" in completed_by else None)
    if isinstance(completed_by, int) and not isinstance(completed_by, bool):
        return f"labelstudio-user-{completed_by}"
    return None


def _regions(text: str, u16: Utf16Map, results: Any, notes: list[int]) -> list[tuple[int, int, str]]:
    if not isinstance(results, list):
        raise LineRefused("result must be a list")
    found = []
    for r in results:
        value = r.get("value") if isinstance(r, dict) else None
        if not isinstance(value, dict) or "start" not in value or not value.get("labels"):
            continue  # other controls (choices, text areas) carry no span
        start, end = value["start"], value["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= u16.utf16_length):
            raise LineRefused(f"region [{start}, {end}) does not fit the text ({u16.utf16_length} UTF-16 units)")
        cp = (u16.to_codepoint(start), u16.to_codepoint(end))
        exact = (u16.to_utf16(cp[0]), u16.to_utf16(cp[1])) == (start, end)
        wanted = value.get("text")
        if wanted is not None and not (exact and text[cp[0]:cp[1]] == wanted):
            if end <= len(text) and text[start:end] == wanted:
                cp, exact = (start, end), True
                notes.append(1)
            else:
                raise LineRefused(f"region [{start}, {end}) text {wanted!r} is not the text there "
                                  "(read as UTF-16 units or as code points)")
        if not exact:
            raise LineRefused(f"region [{start}, {end}) splits a character outside the BMP")
        found.extend((cp[0], cp[1], label) for label in value["labels"])
    return found


def _import_task(project: Project, report: ImportReport, task: Any, *, annotator: str | None,
                 as_suggestions: bool, notes: list[int]) -> bool:
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise LineRefused("a task must be an object with data")
    data = task["data"]
    text = data.get("text")
    if not isinstance(text, str):
        text = next((v for v in data.values() if isinstance(v, str)), None)
        if text is None:
            raise LineRefused("no text in data")
    u16 = Utf16Map(text)
    layers = []
    for annotation in task.get("annotations") or []:
        if not isinstance(annotation, dict) or annotation.get("was_cancelled"):
            continue
        name, status = layer_for(annotator or _annotator(annotation.get("completed_by")), as_suggestions)
        layers.append((name, status, _regions(text, u16, annotation.get("result"), notes)))
    for prediction in task.get("predictions") or []:
        if isinstance(prediction, dict):
            layers.append((*layer_for(None, True), _regions(text, u16, prediction.get("result"), notes)))
    return store_line(project, report, text=text, layers=layers, fmt="labelstudio",
                      title=data.get("title") or "")


def import_labelstudio(project: Project, path: str | Path, *, annotator: str | None = None,
                       as_suggestions: bool = False) -> ImportReport:
    report = ImportReport(file=str(path))
    try:
        tasks = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not a JSON file ({exc.msg} at line {exc.lineno})") from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise ValueError(f"{path}: expected a list of Label Studio tasks")
    notes: list[int] = []
    run_lines(report, enumerate(tasks, start=1), lambda _n, task: _import_task(
        project, report, task, annotator=annotator, as_suggestions=as_suggestions, notes=notes), unit="task")
    if notes:
        report.notes.append(f"{len(notes)} regions had code-point offsets (not UTF-16); read as code points")
    return report
