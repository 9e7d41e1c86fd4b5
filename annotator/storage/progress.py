"""Progress of the team, per annotator and per document, for the lead (issue 13): two grouped reads.

Counts only, never texts or spans: the progress window of a 10 000-document project reads a few
thousand rows. Backend-neutral (base.StoreBase's surface).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.storage.project import reads
from annotator.storage.store import StoreBackend

STATUSES = ("not_started", "in_progress", "done")


@dataclass
class DocumentProgress:
    id: int
    title: str
    status: dict[str, str] = field(default_factory=dict)  # annotator → status (missing: not started)
    spans: dict[str, int] = field(default_factory=dict)  # annotator → accepted spans


@dataclass
class AnnotatorProgress:
    name: str
    done: int = 0
    in_progress: int = 0
    not_started: int = 0
    spans: int = 0
    documents_with_spans: int = 0
    last_change: str = ""


@reads
def team_progress(project: StoreBackend) -> tuple[list[AnnotatorProgress], list[DocumentProgress]]:
    """Every human annotator (names starting with "@" are the suggester and gold) with how many
    documents they finished, have in progress, have not started, and their accepted spans; and per
    document each annotator's status and span count."""
    documents = [DocumentProgress(int(r[0]), str(r[1] or "")) for r in
                 project.fetchall("SELECT id, title FROM documents ORDER BY id")]
    by_id = {d.id: d for d in documents}
    names = [r[0] for r in project.fetchall("SELECT name FROM annotators ORDER BY name")
             if not str(r[0]).startswith("@")]
    people = {n: AnnotatorProgress(n) for n in names}
    for doc_id, name, status, updated in project.fetchall(
            "SELECT document_id, annotator, status, updated FROM doc_status"):
        if doc_id in by_id and name in people:
            by_id[doc_id].status[name] = status
            person = people[name]
            person.last_change = max(person.last_change, str(updated or ""))
    for doc_id, name, count, updated in project.fetchall(
            "SELECT document_id, annotator, count(*), max(updated) FROM spans WHERE status = 'accepted'"
            " GROUP BY document_id, annotator"):
        if doc_id in by_id and name in people:
            by_id[doc_id].spans[name] = int(count)
            person = people[name]
            person.spans += int(count)
            person.documents_with_spans += 1
            person.last_change = max(person.last_change, str(updated or ""))
    for person in people.values():
        for document in documents:
            # Spans without a mark (imported labels, a merged project, tags through the services): the
            # work has begun. "not started · 33" beside 33 spans misled the lead (session 8).
            status = document.status.get(person.name) or ("in_progress" if document.spans.get(person.name)
                                                           else "not_started")
            setattr(person, status, getattr(person, status) + 1)
    # someone with no mark and no span anywhere (a name typed once) is not part of the team's table
    team = [p for p in people.values() if p.done or p.in_progress or p.spans]
    return team, documents
