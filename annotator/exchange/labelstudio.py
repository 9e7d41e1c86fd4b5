"""Label Studio JSON tasks (a JSON array), for a labelling config like

    <View><Labels name="label" toName="text">…</Labels><Text name="text" value="$text"/></View>

Offsets: Label Studio's text regions count JavaScript string offsets, i.e. UTF-16 code units (an
emoji or 𠮷 counts two; see label-studio issues #1347 and #4988). Export converts code points → UTF-16
with Utf16Map; import converts back. Because some Label Studio versions and third-party converters
wrote code points instead, import checks each region's ``value.text``: when the UTF-16 reading does
not give that text but the code-point reading does, the region is taken as code points (counted in a
note); when neither does, the task is refused.

Who and what status, in a form a Label Studio server accepts (its importer resolves ``completed_by``
against its own users and refuses anything else — "completed_by=… is not a valid annotator's email or
ID", label_studio/tasks/serializers.py):

- ``completed_by`` is written only from a mapping the user gives (annotator → Label Studio user id or
  email); without one it is omitted and the server assigns the annotation to the importing user.
- Every region carries ``meta`` (which Label Studio stores with the region): ``text`` (the region note
  its editor shows: annotator, status and attributes in words) and, for our import, ``annotator``,
  ``status`` and ``attributes``. So names, statuses and attributes survive the round trip through a
  server even without a user mapping.
- Gold is an annotation with ``ground_truth: true``. Suggestions are a prediction (``model_version``
  "@suggester"); an annotator's rejected suggestions are a prediction of their own ("rejected by NAME",
  regions with status "rejected"), so Label Studio never shows them as someone's accepted labels.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator, Mapping

from annotator.domain.model import SpanStatus
from annotator.domain.offsets import Utf16Map
from annotator.exchange.exporting import ExportReport, by_annotator, by_status, export_layers
from annotator.exchange.importing import (
    ImportReport, LineRefused, json_type, layer_for, misfit, object_field, offset_kind, run_lines, store_line,
    text_field,
)
from annotator.exchange.jsonarray import json_array
from annotator.exchange.safe_write import atomic_open
from annotator.exchange.selection import Selection, SpanRow, iter_bundles
from annotator.storage.labels import GOLD, SUGGESTER
from annotator.storage.project import Project

FROM_NAME, TO_NAME = "label", "text"
REJECTED_BY = "rejected by "
# The labelling config the export is written for (printed by the export's report, and used by tests).
LABEL_CONFIG = ('<View><Labels name="label" toName="text">{labels}</Labels>'
                '<Text name="text" value="$text"/></View>')


def label_config(labels: list[str]) -> str:
    from xml.sax.saxutils import quoteattr

    return LABEL_CONFIG.format(labels="".join(f"<Label value={quoteattr(name)}/>" for name in labels))


def _note(annotator: str, status: str, attributes: dict[str, Any]) -> str:
    words = [annotator, status] + [f"{k}={v}" for k, v in attributes.items()]
    return " · ".join(str(w) for w in words)


def _results(text: str, u16: Utf16Map, spans: list[SpanRow]) -> list[dict[str, Any]]:
    results = []
    for s in spans:
        attributes = json.loads(s.attributes) if s.attributes not in ("", "{}") else {}
        results.append(
            {"id": s.id, "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels", "origin": "manual",
             "value": {"start": u16.to_utf16(s.start), "end": u16.to_utf16(s.end), "text": text[s.start:s.end],
                       "labels": [s.label]},
             "meta": {"text": [_note(s.annotator, s.status, attributes)], "annotator": s.annotator,
                      "status": s.status, "attributes": attributes}})
    return results


def _tasks(project: Project, selection: Selection, report: ExportReport,
           users: Mapping[str, int | str]) -> Iterator[dict[str, Any]]:
    unmapped: set[str] = set()
    for bundle in iter_bundles(project, selection):
        doc = bundle.document
        u16 = Utf16Map(doc.text)
        annotations, predictions = [], []
        for annotator, status, spans in by_status(by_annotator(bundle.spans)):
            results = _results(doc.text, u16, spans)
            if annotator == SUGGESTER:
                predictions.append({"model_version": SUGGESTER, "result": results})
            elif status == SpanStatus.REJECTED:
                predictions.append({"model_version": REJECTED_BY + annotator, "result": results})
            else:
                annotation: dict[str, Any] = {"result": results, "was_cancelled": False,
                                              "ground_truth": annotator == GOLD}
                if annotator in users:
                    user = users[annotator]
                    annotation["completed_by"] = {"email": user} if isinstance(user, str) else user
                elif users:
                    unmapped.add(annotator)
                annotations.append(annotation)
        report.documents += 1
        report.spans += len(bundle.spans)
        yield {"id": doc.id, "data": {"text": doc.text, "title": doc.title, "document_id": doc.id, "text_sha256": doc.sha256},
               "annotations": annotations, "predictions": predictions}
    if unmapped:
        report.notes.append(f"no Label Studio user given for {', '.join(sorted(unmapped))}: their annotations "
                            "have no completed_by (the server assigns them to the importing user; the name "
                            "stays in each region's meta)")


def export_labelstudio(project: Project, path: str | Path, selection: Selection = Selection(), *,
                       per_annotator: bool = False, users: Mapping[str, int | str] | None = None) -> ExportReport:
    """``users`` maps annotator names to Label Studio user ids (int) or emails (str)."""
    users = dict(users or {})
    for name, user in users.items():
        if not (isinstance(user, str) and "@" in user) and not (isinstance(user, int) and not isinstance(user, bool)):
            raise ValueError(f"Label Studio user for {name!r} must be a user id (a number) or an email, not {user!r}")

    def write(project: Project, target: Path, chosen: Selection) -> ExportReport:
        report = ExportReport(files=[target])
        dumps = json.JSONEncoder(ensure_ascii=False).encode
        # A JSON array written task by task, so a large project is never one string in memory.
        with atomic_open(target, "w", newline="\n") as out:
            out.write("[")
            for n, task in enumerate(_tasks(project, chosen, report, users)):
                out.write(",\n" if n else "\n")
                out.write(dumps(task))
            out.write("\n]\n")
        return report

    return export_layers(project, path, selection, write, per_annotator=per_annotator)


def parse_users(spec: str | None) -> dict[str, int | str]:
    """``张三=3,李四=li@example.org`` → {"张三": 3, "李四": "li@example.org"} (the CLI's --labelstudio-users)."""
    users: dict[str, int | str] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        name, sep, user = part.partition("=")
        if not sep or not name.strip() or not user.strip():
            raise ValueError(f"--labelstudio-users: {part!r} is not NAME=ID or NAME=EMAIL")
        user = user.strip()
        users[name.strip()] = int(user) if user.isdigit() else user
    return users


# -- import ----------------------------------------------------------------------------------------

def _annotator(completed_by: Any, users: Mapping[int | str, str]) -> str | None:
    if completed_by is None:
        return None
    if isinstance(completed_by, dict):
        email, user_id = completed_by.get("email"), completed_by.get("id")
        if email is not None and not isinstance(email, str):
            raise LineRefused(f"completed_by.email must be a string, not {json_type(email)}")
        if email:
            return users.get(email, email)
        completed_by = user_id
    if isinstance(completed_by, str):
        return users.get(completed_by, completed_by)
    if isinstance(completed_by, int) and not isinstance(completed_by, bool):
        return users.get(completed_by, f"labelstudio-user-{completed_by}")
    raise LineRefused(f"completed_by must be a user id, an email or an object, not {json_type(completed_by)}")


def _region(text: str, u16: Utf16Map, n: int, value: dict, notes: dict[str, int]) -> tuple[int, int]:
    start, end = value.get("start"), value.get("end")
    for key, offset in (("start", start), ("end", end)):
        if offset is None:
            raise LineRefused(f"region {n} has no {key}")
        if not isinstance(offset, int) or isinstance(offset, bool):
            raise LineRefused(f"region {n}: {key} must be an integer, not {offset_kind(offset)}")
    if not 0 <= start < end <= u16.utf16_length:
        raise LineRefused(f"region {n} [{start}, {end}) {misfit(start, end, u16.utf16_length, 'UTF-16 units')}")
    cp = (u16.to_codepoint(start), u16.to_codepoint(end))
    exact = (u16.to_utf16(cp[0]), u16.to_utf16(cp[1])) == (start, end)
    wanted = value.get("text")
    if wanted is not None and not (exact and text[cp[0]:cp[1]] == wanted):
        if end <= len(text) and text[start:end] == wanted:
            notes["codepoints"] = notes.get("codepoints", 0) + 1
            return start, end
        raise LineRefused(f"region {n} [{start}, {end}) text {str(wanted)[:40]!r} is not the text there "
                          "(read as UTF-16 units or as code points)")
    if not exact:
        raise LineRefused(f"region {n} [{start}, {end}) splits a character outside the BMP")
    return cp


def _regions(text: str, u16: Utf16Map, results: Any, notes: dict[str, int]) -> list[tuple]:
    """(start, end, label, attributes, meta) per labelled text region of one annotation or prediction."""
    if results is None:
        return []
    if not isinstance(results, list):
        raise LineRefused(f"result must be an array, not {json_type(results)}")
    found = []
    for n, r in enumerate(results, start=1):
        if not isinstance(r, dict):
            raise LineRefused(f"region {n} must be an object, not {json_type(r)}")
        value = r.get("value")
        if value is not None and not isinstance(value, dict):
            raise LineRefused(f"region {n}: value must be an object, not {json_type(value)}")
        labels = value.get("labels") if value else None
        if labels is None:
            kind = r.get("type") if isinstance(r.get("type"), str) else "unknown"
            notes[f"type {kind}"] = notes.get(f"type {kind}", 0) + 1  # choices, text areas…: no span
            continue
        if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
            raise LineRefused(f"region {n}: labels must be an array of strings")
        start, end = _region(text, u16, n, value, notes)
        if not labels:  # a region whose labels were all removed: nothing to tag it with, but said
            notes["unlabelled"] = notes.get("unlabelled", 0) + 1
            continue
        meta = r.get("meta") if isinstance(r.get("meta"), dict) else {}
        attributes = meta.get("attributes", {})
        if not isinstance(attributes, dict):
            raise LineRefused(f"region {n}: meta.attributes must be an object, not {json_type(attributes)}")
        found.extend((start, end, label, attributes, meta) for label in labels)
    return found


def _task_text(data: dict, annotations: list) -> str:
    """The task's text: ``data.text``; or, for a config with another ``$name``, the one string in data
    that the regions' own ``value.text`` confirms. Image or audio tasks, or tasks holding only a
    title, are refused rather than turned into a document made of a URL or a title."""
    text = data.get("text")
    if isinstance(text, str) and text:
        return text
    if text is not None and not isinstance(text, str):
        raise LineRefused(f"data.text must be a string, not {json_type(text)}")
    samples = [r["value"] for a in annotations if isinstance(a, dict) and isinstance(a.get("result"), list)
               for r in a["result"] if isinstance(r, dict) and isinstance(r.get("value"), dict)
               and isinstance(r["value"].get("text"), str)]
    candidates = [key for key, value in data.items() if isinstance(value, str) and samples
                  and all(s["text"] in value for s in samples)]
    if len(candidates) == 1:
        return data[candidates[0]]
    keys = ", ".join(sorted(map(str, data))) or "nothing"
    raise LineRefused(f"no text to import: data has {keys} but no 'text' (an image, audio or title-only task?)")


def _import_task(project: Project, report: ImportReport, task: Any, *, annotator: str | None,
                 as_suggestions: bool, users: Mapping, notes: dict[str, int]) -> bool:
    if not isinstance(task, dict):
        raise LineRefused(f"a task must be an object, not {json_type(task)}")
    if "data" not in task:  # {"tasks": […]} or some other JSON: not a task, whatever else it holds
        keys = ", ".join(sorted(map(str, task))[:8]) or "none"
        raise LineRefused(f"a task needs a 'data' object with the text; this one has no 'data' (its keys: {keys})")
    data = object_field(task, "data")
    annotations = task.get("annotations")
    if annotations is None and "completions" in task:
        annotations = task["completions"]  # Label Studio before 1.0 called them completions
        notes["completions"] = notes.get("completions", 0) + 1
    predictions = task.get("predictions")
    if isinstance(predictions, list) and predictions and all(isinstance(p, int) and not isinstance(p, bool)
                                                             for p in predictions):
        # Label Studio's quick JSON export lists predictions by id only: they are not in the file.
        notes["prediction ids"] = notes.get("prediction ids", 0) + len(predictions)
        predictions = []
    for key, value in (("annotations", annotations), ("predictions", predictions)):
        if value is not None and not (isinstance(value, list) and all(isinstance(a, dict) for a in value)):
            raise LineRefused(f"{key} must be an array of objects, not {json_type(value)}")
    annotations = annotations or []
    text = _task_text(data, annotations)
    title = text_field(data, "title")
    u16 = Utf16Map(text)
    groups: dict[tuple[str, str], list] = {}

    def add(regions: list[tuple], default_name: str | None, default_status: str | None) -> None:
        for start, end, label, attributes, meta in regions:
            # The region's own meta (written by our export) says who and what status; a plain Label
            # Studio file says it through completed_by and annotation-vs-prediction.
            who = meta.get("annotator") if isinstance(meta.get("annotator"), str) else default_name
            status = meta.get("status") if meta.get("status") in SpanStatus.ALL else default_status
            key = layer_for(annotator or who, as_suggestions, status, named=bool(annotator))
            groups.setdefault(key, []).append((start, end, label, attributes))

    for annotation in annotations:
        if annotation.get("was_cancelled") is True:
            continue
        name = _annotator(annotation.get("completed_by"), users)
        if annotation.get("ground_truth") is True and name is None:
            name = GOLD
        add(_regions(text, u16, annotation.get("result"), notes), name, None)
    for prediction in predictions or []:
        version = prediction.get("model_version")
        if isinstance(version, str) and version.startswith(REJECTED_BY):
            add(_regions(text, u16, prediction.get("result"), notes), version[len(REJECTED_BY):], SpanStatus.REJECTED)
        else:
            add(_regions(text, u16, prediction.get("result"), notes), SUGGESTER, SpanStatus.SUGGESTED)
    layers = [(name, status, found) for (name, status), found in groups.items()]
    return store_line(project, report, text=text, layers=layers, fmt="labelstudio", title=title)


def import_labelstudio(project: Project, path: str | Path, *, annotator: str | None = None,
                       as_suggestions: bool = False, users: Mapping[str, int | str] | None = None) -> ImportReport:
    """``users`` is the export's mapping (name → user id or email); it is reversed to name annotations."""
    report = ImportReport(file=str(path))
    reverse = {user: name for name, user in (users or {}).items()}
    notes: dict[str, int] = {}
    run_lines(report, json_array(Path(path)), lambda _n, task: _import_task(
        project, report, task, annotator=annotator, as_suggestions=as_suggestions, users=reverse, notes=notes),
        unit="task")
    if notes.pop("codepoints", 0):
        report.notes.append("some regions had code-point offsets (not UTF-16); read as code points")
    if (by_id := notes.pop("prediction ids", 0)):
        report.notes.append(f"{by_id} predictions were listed by id only (Label Studio's quick export): suggestions "
                            "and rejected suggestions are not in this file; export a snapshot with full "
                            "predictions (serialization option predictions.only_id = false) to keep them")
    if (legacy := notes.pop("completions", 0)):
        report.notes.append(f"{legacy} tasks had 'completions' (Label Studio before 1.0): read as annotations")
    if (unlabelled := notes.pop("unlabelled", 0)):
        report.notes.append(f"{unlabelled} regions had an empty list of labels and were not imported")
    for kind, count in sorted(notes.items()):
        report.notes.append(f"{count} results of {kind} carry no text span and were not imported")
    return report
