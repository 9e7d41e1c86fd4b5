"""What every exporter shares: the report and the "one file per annotator" split."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterator

from annotator.exchange.safe_write import all_or_nothing, atomic_open, unique_siblings
from annotator.exchange.selection import Selection, SpanRow, layers
from annotator.storage.project import Project


@dataclass
class ExportReport:
    files: list[Path] = field(default_factory=list)
    documents: int = 0
    spans: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: "ExportReport") -> None:
        self.files.extend(other.files)
        self.documents += other.documents
        self.spans += other.spans
        self.notes.extend(other.notes)

    def summary(self) -> str:
        lines = [f"{self.spans} spans from {self.documents} documents written to:"]
        lines.extend(f"  {path}" for path in self.files)
        lines.extend(f"  note: {n}" for n in self.notes)
        return "\n".join(lines)


# An exporter writes one selection to one file and reports what it wrote.
Writer = Callable[[Project, Path, Selection], ExportReport]


def export_layers(project: Project, path: str | Path, selection: Selection, writer: Writer, *,
                  per_annotator: bool) -> ExportReport:
    """Run ``writer`` once, or once per annotator into sibling files (``out.张三.jsonl``, ``out.@gold.jsonl``)."""
    path = Path(path)
    if not per_annotator:
        return writer(project, path, selection)
    report = ExportReport()
    names = layers(project, selection)
    if not names:
        report.notes.append("no spans match the selection: no file written")
        return report
    with all_or_nothing():  # every annotator's file, or none (a full disk at the third left two)
        for name, target in unique_siblings(path, names).items():
            report.add(writer(project, target, replace(selection, annotators=(name,), gold=False)))
    return report


def by_annotator(spans: list[SpanRow]) -> list[tuple[str, list[SpanRow]]]:
    """A document's spans split into layers, annotators in name order, spans keeping their order."""
    groups: dict[str, list[SpanRow]] = {}
    for span in spans:
        groups.setdefault(span.annotator, []).append(span)
    return sorted(groups.items())


def by_status(layers: list[tuple[str, list[SpanRow]]]) -> list[tuple[str, str, list[SpanRow]]]:
    """Each layer split by status (accepted/gold first, then suggested, then rejected) for formats that
    carry one status per line or task."""
    order = {"accepted": 0, "gold": 0, "suggested": 1, "rejected": 2}
    result = []
    for annotator, spans in layers:
        groups: dict[int, list[SpanRow]] = {}
        for span in spans:
            groups.setdefault(order.get(span.status, 0), []).append(span)
        for key in sorted(groups):
            result.append((annotator, groups[key][0].status, groups[key]))
    return result


def write_jsonl(path: Path, lines: Iterator[dict[str, Any]]) -> None:
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    with atomic_open(path, "w", newline="\n") as out:
        for line in lines:
            out.write(dumps(line))
            out.write("\n")
