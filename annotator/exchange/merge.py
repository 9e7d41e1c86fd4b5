"""Team exchange: bring annotators' own projects into one.

Rules: documents match by the SHA-256 of their clean text (a document the target lacks is copied with
its outline and import report; the target's outline of a known document is kept); labels the target
lacks are added and existing labels are never changed; every span keeps its id, annotator, times and
provenance; nothing in the target is overwritten or deleted — a span id already present is skipped,
as is a span identical (same document, annotator, start, end, label) to one the target has. So merging
the same source twice changes nothing. Suggestions (@suggester) are not merged: they are regenerated
by running the suggester; gold and annotators' rejections of suggestions are merged, and so are the
annotators' comments (by id: a comment removed in the target is not brought back).

Each source is merged in one transaction: a source that fails midway leaves the target as it was.
A source may add at most ``max_new_labels`` labels the target lacks (200, as one label file may: a
hostile or mistaken project cannot flood the target's label set); past that it is refused whole.
``should_cancel`` (Ctrl+C, SIGTERM: cli/exchange.py) stops the merge between two sources; an exception
inside one (a second signal) rolls that source back and carries the report of those before it
(``MergeInterrupted``); one landing just after the source's COMMIT reports that source as merged (a
witness token written in its transaction says so). Either way merging again brings in exactly the rest.
Deletions and edits travel through the event logs (merge_log.py): a span deleted in a source after an
earlier merge is deleted in the target, a span deleted in the target is not brought back, an edit made
only in the source fast-forwards the target's copy, and edits on both sides are reported as conflicts,
the target's copy kept.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

from typing import Callable

from annotator.domain.model import RemovedRegion
from annotator.exchange.importing import MAX_NEW_LABELS
from annotator.exchange.merge_log import MergeLog
from annotator.storage import comments, documents, spans
from annotator.storage.labels import SUGGESTER, get_labels, save_label
from annotator.storage.errors import StoreError
from annotator.storage.project import Project, ProjectError, open_project
from annotator.storage.urls import is_url, redact
from annotator.storage.sections import get_sections


@dataclass
class SourceReport:
    path: str
    documents_added: int = 0
    documents_matched: int = 0
    labels_added: list[str] = field(default_factory=list)
    spans_added: int = 0
    spans_skipped: int = 0  # already in the target (same id, or an identical span of the same annotator)
    spans_changed_in_source: int = 0  # edited in the source and in the target: a conflict, target kept
    spans_updated: int = 0  # edited only in the source since the last merge: the target's copy follows
    spans_deleted: int = 0  # deleted in the source since the last merge: deleted in the target
    spans_not_restored: int = 0  # deleted in the target: the merge does not bring them back
    conflicts: list[str] = field(default_factory=list)
    statuses_updated: int = 0
    comments_added: int = 0  # annotators' notes on documents and spans, for the adjudicator
    notes: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass
class MergeReport:
    sources: list[SourceReport] = field(default_factory=list)
    not_merged: list[str] = field(default_factory=list)  # stopped before these (a signal): merge them again
    rolled_back: str | None = None  # the source being merged when it was stopped at once: not merged

    @property
    def ok(self) -> bool:
        return all(s.error is None for s in self.sources) and not self.not_merged and self.rolled_back is None

    def summary(self) -> str:
        lines = self._merged()
        if self.rolled_back is not None:
            lines.append(f"{self.rolled_back}: stopped while merging it — undone, nothing of it is in the target")
        lines.extend(f"{path}: not merged — stopped before it" for path in self.not_merged)
        return "\n".join(lines)

    def _merged(self) -> list[str]:
        lines = []
        for s in self.sources:
            if s.error:
                lines.append(f"{s.path}: not merged — {s.error}")
                continue
            lines.append(
                f"{s.path}: {s.documents_added} documents added, {s.documents_matched} already present; "
                f"{s.spans_added} spans added, {s.spans_skipped} already present"
            )
            if s.labels_added:
                lines.append(f"  labels added: {', '.join(s.labels_added)}")
            if s.spans_updated or s.spans_deleted:
                lines.append(f"  {s.spans_updated} spans updated and {s.spans_deleted} deleted as in the source")
            if s.spans_not_restored:
                lines.append(f"  {s.spans_not_restored} spans deleted in the target were not brought back")
            if s.conflicts:
                lines.append(f"  {len(s.conflicts)} conflicts (the target's version was kept):")
                lines.extend(f"    {c}" for c in s.conflicts[:50])
                if len(s.conflicts) > 50:
                    lines.append(f"    … and {len(s.conflicts) - 50} more")
            if s.statuses_updated:
                lines.append(f"  document statuses updated: {s.statuses_updated}")
            if s.comments_added:
                lines.append(f"  comments added: {s.comments_added}")
            lines.extend(f"  note: {n}" for n in s.notes)
        return lines


class MergeInterrupted(KeyboardInterrupt):
    """A signal stopped the merge inside a source (rolled back); ``report`` says what was merged before."""

    def __init__(self, report: MergeReport, cause: KeyboardInterrupt) -> None:
        super().__init__(*cause.args)
        self.report, self.cause = report, cause


class TooManyLabels(ValueError):
    """A source would add more new labels than a merge may."""


def _labels(target: Project, source: Project, report: SourceReport, max_new: int) -> None:
    mine = {label.name: label for label in get_labels(target)}
    theirs = get_labels(source)
    new = [label.name for label in theirs if label.name not in mine]
    if len(new) > max_new:
        raise TooManyLabels(
            f"it would add {len(new)} labels the target lacks (first {new[0]!r}), past the {max_new} one source "
            f"may add; if that is right, merge again with --max-new-labels {len(new)}")
    for label in theirs:
        if label.name not in mine:
            save_label(target, label)
            report.labels_added.append(label.name)
        elif mine[label.name] != label:
            report.notes.append(f"label {label.name!r} differs in the source; the target's definition was kept")


def _documents(target: Project, source: Project, report: SourceReport) -> dict[int, int]:
    """Source document id → target document id."""
    mapping = {}
    for row in documents.stored_documents(source):
        doc_id, sha = row["id"], row["sha256"]
        existing = documents.find_by_sha(target, sha)
        if existing is not None:
            mapping[doc_id] = existing
            report.documents_matched += 1
            continue
        mapping[doc_id], _ = documents.add_document(
            target, clean_text=row["clean_text"], raw_text=row["raw_text"], title=row["title"],
            source_path=row["source_path"], fmt=row["format"], encoding=row["encoding"],
            metadata=json.loads(row["metadata"]),
            removed=[RemovedRegion(**r) for r in json.loads(row["import_report"])],
            sections=get_sections(source, doc_id), annotator=row["imported_by"], document_id=doc_id,
        )
        report.documents_added += 1
    return mapping


def _statuses(target: Project, source: Project, mapping: dict[int, int], report: SourceReport) -> None:
    # An annotator's progress comes from their own project: take it where it is newer than the target's.
    for doc_id, annotator, status, updated in documents.all_statuses(source):
        row = documents.status_mark(target, mapping[doc_id], annotator)
        if row is None or (row[0] != status and row[1] < updated):
            documents.set_status(target, mapping[doc_id], annotator, status)
            report.statuses_updated += 1


def _spans(target: Project, source: Project, mapping: dict[int, int], report: SourceReport) -> None:
    log = MergeLog(target, source, Path(report.path).name)
    present = {s.id: s for s in spans.list_spans(target)}
    incoming = []
    for span in spans.list_spans(source):
        if span.annotator == SUGGESTER:
            continue
        span.document_id = mapping[span.document_id]
        mine = present.get(span.id)
        if mine is not None:
            report.spans_skipped += 1
            log.reconcile(mine, span)
            continue
        if log.deleted_in_target(span):
            continue
        incoming.append(span)
    if incoming:
        added, skipped = spans.add_spans(target, incoming, action="merge")
        report.spans_added += added
        report.spans_skipped += skipped
    log.apply_deletions()
    outcome = log.outcome
    report.spans_updated, report.spans_deleted = outcome.fast_forwarded, outcome.deleted
    report.spans_not_restored, report.conflicts = outcome.not_restored, outcome.conflicts
    report.spans_changed_in_source = outcome.source_changed_conflicts


def _comments(target: Project, source: Project, mapping: dict[int, int], report: SourceReport) -> None:
    # The notes an annotator leaves are for the adjudicator, who works in the merged project.
    incoming = [replace(c, document_id=mapping[c.document_id]) for c in comments.all_comments(source)
                if c.document_id in mapping]
    report.comments_added = comments.merge_comments(target, incoming, source=Path(report.path).name)


def _source(p) -> Path | str:
    """A source as open_project takes it: a path, or a team project's URL (Path() would fold its "//")."""
    return str(p) if is_url(str(p)) else Path(p)


WITNESS_KEY = "merge.last"  # the token of the last source merged, left in its transaction (project.witness)


def merge_one(target: Project, path: Path | str, *, max_new_labels: int = MAX_NEW_LABELS,
              report: SourceReport | None = None, token: str | None = None) -> SourceReport:
    """Merge one source in one transaction, filling ``report``. With ``token`` the transaction also
    leaves it with the project (``witness``: project_meta on SQLite, the transaction's id on a team server,
    where an annotator may not write project_meta), so a caller interrupted after the commit can tell."""
    report = report or SourceReport(path=redact(path) if isinstance(path, str) else str(path))
    try:
        if target.is_at(path):
            raise ProjectError(path, "is the target project itself")
        source = open_project(path, readonly=True, create=False)
    except (ProjectError, OSError) as exc:
        report.error = getattr(exc, "reason", None) or str(exc)
        return report
    try:
        with target.write():
            _labels(target, source, report, max_new_labels)
            mapping = _documents(target, source, report)
            _statuses(target, source, mapping, report)
            _spans(target, source, mapping, report)
            _comments(target, source, mapping, report)
            if token is not None:
                target.witness(WITNESS_KEY, token)
    except (ValueError, StoreError) as exc:
        # The transaction was rolled back: nothing of this source is in the target.
        return SourceReport(path=report.path, error=f"merge failed and was undone ({exc})")
    finally:
        source.close()
    return report


def merge(target: Project, sources: list[Path | str], *, max_new_labels: int = MAX_NEW_LABELS,
          should_cancel: Callable[[], bool] | None = None) -> MergeReport:
    """Merge each source project into ``target`` (see the module docstring for the rules)."""
    report = MergeReport()
    for n, path in enumerate(sources):
        if should_cancel is not None and should_cancel():
            report.not_merged = [str(p) for p in sources[n:]]
            break
        source_report = SourceReport(path=redact(path) if is_url(str(path)) else str(path))
        token = uuid.uuid4().hex
        try:
            report.sources.append(merge_one(target, _source(path), max_new_labels=max_new_labels,
                                            report=source_report, token=token))
        except KeyboardInterrupt as exc:
            # A second signal raises wherever Python is: inside the source's transaction (rolled back) or
            # in the few steps after its COMMIT (saved). Only the database can tell which: the witness.
            if _committed(target, token):
                report.sources.append(source_report)
                report.not_merged = [str(p) for p in sources[n + 1:]]
                raise MergeInterrupted(report, exc) from exc
            report.rolled_back = str(path)
            report.not_merged = [str(p) for p in sources[n + 1:]]
            raise MergeInterrupted(report, exc) from exc
    return report


def _committed(target: Project, token: str) -> bool:
    try:
        return target.witnessed(WITNESS_KEY, token)
    except (StoreError, ProjectError):  # the target cannot be read now: report the source as not merged;
        return False                    # merging again skips whatever of it is in fact there
