"""CoNLL-style BIO tags per character (export only).

Layout: one line per character, ``char<TAB>tag<TAB>tag…``, one tag column per label (in the project's
label order), so a directive and a statistic that overlap are both kept, each in its own column.
Whitespace (line ends, spaces, the ideographic space) is not written. A blank line ends a sentence
(after 。！？ and any closing quotes or brackets that follow), a line of text, and comes before each
section heading. Each document starts with comment lines ``# document_id = …`` and ``# title = …``, and
the file starts with ``# columns = char …``.

One file holds one layer: several annotators' spans of the same label cannot share a column, so a
selection with more than one annotator needs one file per annotator (``per_annotator``). Within a
column, spans of the same label that overlap (nested) keep the earlier-starting (then longer) span and
drop the other; the report counts what was dropped. A span cut by a sentence break starts again with B-.
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.exchange.exporting import ExportReport, export_layers
from annotator.exchange.safe_write import atomic_open
from annotator.exchange.selection import DocumentBundle, Selection, iter_bundles, layers
from annotator.storage.labels import get_labels
from annotator.storage.project import Project

SENTENCE_END = set("。！？!?")
# A tab or line break in a label or annotator name (a project may hold one from before names were
# checked, or from another tool) would add a column or a line to every row naming it: one space instead.
_BREAKS_LAYOUT = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def one_line(name: str) -> str:
    return _BREAKS_LAYOUT.sub(" ", name)
CLOSERS = set("”’」』）)】》\"'")


def _owners(length: int, bundle: DocumentBundle, label: str) -> tuple[list[int], int]:
    """For each character, the index of the span of ``label`` covering it (-1: none); and how many
    overlapping spans of that label were dropped."""
    owner = [-1] * length
    dropped = 0
    chosen = sorted((s for s in bundle.spans if s.label == label), key=lambda s: (s.start, -s.end))
    for k, span in enumerate(chosen):
        if any(o != -1 for o in owner[span.start:span.end]):
            dropped += 1
            continue
        owner[span.start:span.end] = [k] * (span.end - span.start)
    return owner, dropped


def _breaks(text: str, bundle: DocumentBundle) -> set[int]:
    """Positions before which a sentence ends."""
    breaks = {s.start for s in bundle.sections}
    for i, ch in enumerate(text):
        if ch == "\n":
            breaks.add(i)
        elif ch in SENTENCE_END:
            j = i + 1
            while j < len(text) and (text[j] in CLOSERS or text[j] in SENTENCE_END):
                j += 1
            breaks.add(j)
    return breaks


def document_block(bundle: DocumentBundle, labels: list[str]) -> tuple[list[str], int]:
    text = bundle.document.text
    columns = [_owners(len(text), bundle, label) for label in labels]
    shown = [one_line(label) for label in labels]
    dropped = sum(d for _, d in columns)
    breaks = _breaks(text, bundle)
    title = " ".join(bundle.document.title.split())
    out = [f"# document_id = {bundle.document.id}", f"# title = {title}"]
    previous = [-1] * len(labels)
    in_sentence = False
    for i, ch in enumerate(text):
        if i in breaks and in_sentence:
            out.append("")
            in_sentence = False
            previous = [-1] * len(labels)
        if ch.isspace():
            continue
        tags = []
        for c, (owner, _) in enumerate(columns):
            k = owner[i]
            tags.append("O" if k == -1 else ("I-" if previous[c] == k else "B-") + shown[c])
            previous[c] = k
        out.append(ch + "\t" + "\t".join(tags))
        in_sentence = True
    out.append("")
    return out, dropped


def _write(project: Project, target: Path, selection: Selection) -> ExportReport:
    names = layers(project, selection)
    if len(names) > 1:
        raise ValueError(f"a CoNLL file holds one annotator's tags, and the selection has {len(names)} "
                         f"({', '.join(names)}): choose one annotator, gold only, or one file per annotator")
    labels = [label.name for label in get_labels(project)]
    report = ExportReport(files=[target])
    dropped = 0
    with atomic_open(target, "w", newline="\n") as out:
        out.write("# columns = char\t" + "\t".join(map(one_line, labels)) + "\n")
        if names:
            out.write(f"# annotator = {one_line(names[0])}\n")
        for bundle in iter_bundles(project, selection):
            lines, lost = document_block(bundle, labels)
            out.write("\n".join(lines) + "\n")
            report.documents += 1
            report.spans += len(bundle.spans) - lost
            dropped += lost
    if dropped:
        report.notes.append(f"{target.name}: {dropped} spans overlapping a span of the same label were left out")
    return report


def export_conll(project: Project, path: str | Path, selection: Selection = Selection(), *,
                 per_annotator: bool = False) -> ExportReport:
    return export_layers(project, path, selection, _write, per_annotator=per_annotator)
