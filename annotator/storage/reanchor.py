"""Re-importing a document whose text changed: move spans by diff, or flag them — never shift silently.

``reanchor`` aligns the old and new clean texts with difflib (lines first, then sentences inside changed
lines, then characters inside changed sentences: character diffs of whole 100 k-character texts would
take minutes; where every line changed, say in punctuation, lines are matched again ignoring punctuation
and width first) and sorts spans into two groups:

- moved: the span's own text lies in one unchanged stretch and its place is certain — the smallest
  window of unchanged context around it (8, 16, 32… characters each side) occurs exactly once in the
  old text and once in the new one, or, where the stretch is too short for that, its text occurs the
  same number of times in both and this is the same occurrence in order;
- flagged, with a reason: the span's text was deleted or edited, or its place is ambiguous (a repeated
  sentence of which one copy went away).

``replace_document_text`` stores a new text in one transaction. Flagged spans are not dropped: they
stay at their old offsets clamped into the new text (nudged by the fewest characters if an identical
span already sits there), and their provenance gets ``"needs_review": reason`` and ``"reanchor":
{"old_start", "old_end", "old_text", "old_sha256"}`` so the review list can show what they covered.
Clearing the flag is ``clear_review``. The old texts go into the event log, so the replacement itself
can be undone.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field, replace
from difflib import SequenceMatcher
from typing import Iterable

from annotator.domain.model import RemovedRegion, Section, Span
from annotator.storage import events, search
from annotator.storage import spans as span_store
from annotator.storage.documents import find_by_sha, pack_raw, sha256_text, unpack_raw
from annotator.storage.project import json_column, now
from annotator.storage.store import StoreBackend
from annotator.storage.sections import save_sections

CONTEXT = 8  # characters of context each side to start with; doubled until the place is unique
# Above this many character pairs a changed region is not aligned character by character (difflib is
# quadratic there); spans inside it are flagged instead of waiting minutes.
CHAR_DIFF_LIMIT = 4_000_000
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;…])")
_NOT_WORD = re.compile(r"[\W_]+")


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _sentences(text: str) -> list[str]:
    return [piece for piece in _SENTENCE_END.split(text) if piece]


_LEVELS = (_lines, _sentences)


def matching_blocks(old: str, new: str) -> list[tuple[int, int, int]]:
    """(old_start, new_start, length) of the unchanged stretches, in order, adjacent ones merged."""
    out: list[tuple[int, int, int]] = []
    _align(old, new, 0, 0, 0, out)
    merged: list[tuple[int, int, int]] = []
    for a, b, n in sorted(out):
        if merged and merged[-1][0] + merged[-1][2] == a and merged[-1][1] + merged[-1][2] == b:
            merged[-1] = (merged[-1][0], merged[-1][1], merged[-1][2] + n)
        elif n:
            merged.append((a, b, n))
    return merged


def _align(old: str, new: str, a0: int, b0: int, level: int, out: list) -> None:
    if not old or not new:
        return
    if level == len(_LEVELS):
        if len(old) * len(new) <= CHAR_DIFF_LIMIT:
            matcher = SequenceMatcher(None, old, new, autojunk=False)
            out.extend((a0 + i, b0 + j, n) for i, j, n in matcher.get_matching_blocks() if n)
        return
    units_old, units_new = _LEVELS[level](old), _LEVELS[level](new)
    if len(units_old) == 1 and len(units_new) == 1:
        _align(old, new, a0, b0, level + 1, out)
        return
    _align_units(units_old, units_new, a0, b0, level, out, lambda unit: unit)


def _align_units(units_old: list[str], units_new: list[str], a0: int, b0: int, level: int, out: list,
                 key) -> None:
    at_old, at_new = _offsets(units_old), _offsets(units_new)
    matcher = SequenceMatcher(None, [key(u) for u in units_old], [key(u) for u in units_new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" and key is not _loose:
            out.append((a0 + at_old[i1], b0 + at_new[j1], at_old[i2] - at_old[i1]))
        elif tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            # Units that correspond one to one (as many changed as replaced them, or equal but for
            # punctuation): diff each pair, which keeps every character diff small. A wrong pairing
            # cannot misplace a span, since a span only moves where its surroundings are unique.
            for i, j in zip(range(i1, i2), range(j1, j2)):
                _align(units_old[i], units_new[j], a0 + at_old[i], b0 + at_new[j], level + 1, out)
        elif tag == "replace":
            old, new = "".join(units_old[i1:i2]), "".join(units_new[j1:j2])
            if key is not _loose and len(old) * len(new) > CHAR_DIFF_LIMIT:
                # Too big to diff by character: a text re-imported with, say, other punctuation in
                # every line. Match the units again ignoring punctuation, spacing and width.
                _align_units(units_old[i1:i2], units_new[j1:j2], a0 + at_old[i1], b0 + at_new[j1], level, out,
                             _loose)
            else:
                _align(old, new, a0 + at_old[i1], b0 + at_new[j1], level + 1, out)


def _loose(unit: str) -> str:
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", unit))


def _offsets(units: list[str]) -> list[int]:
    offsets = [0]
    for unit in units:
        offsets.append(offsets[-1] + len(unit))
    return offsets


def _occurrences(text: str, needle: str, limit: int | None = None) -> list[int]:
    """Start of every occurrence, overlapping ones included (str.count skips those)."""
    found, at = [], text.find(needle)
    while at >= 0 and (limit is None or len(found) < limit):
        found.append(at)
        at = text.find(needle, at + 1)
    return found


class _Aligner:
    def __init__(self, old: str, new: str):
        self.old, self.new = old, new
        self.blocks = matching_blocks(old, new)
        self.starts = [b[0] for b in self.blocks]

    def locate(self, start: int, end: int) -> tuple[int, int] | str:
        """New (start, end) for old [start, end), or why it cannot be placed."""
        if not 0 <= start < end <= len(self.old):
            return f"its offsets [{start}, {end}) do not fit the old text"
        i = bisect.bisect_right(self.starts, start) - 1
        if i < 0 or self.blocks[i][0] + self.blocks[i][2] < end:
            kept = sum(max(0, min(end, a + n) - max(start, a)) for a, _, n in self.blocks)
            return "its text was changed" if kept else "its text was deleted"
        a, b, n = self.blocks[i]
        delta = b - a
        context = CONTEXT
        while True:
            lo, hi = max(a, start - context), min(a + n, end + context)
            window = self.old[lo:hi]
            if len(_occurrences(self.old, window, 2)) == 1 and len(_occurrences(self.new, window, 2)) == 1:
                return start + delta, end + delta
            if lo == a and hi == a + n:
                break
            context *= 2
        # The unchanged stretch is too short to single the span out; trust the order only if no copy of
        # it appeared or disappeared.
        in_old, in_new = _occurrences(self.old, window), _occurrences(self.new, window)
        if len(in_old) == len(in_new) and in_old.index(lo) == in_new.index(lo + delta):
            return start + delta, end + delta
        return (f"ambiguous: “{_clip(self.old[start:end])}” and its surroundings occur {len(in_old)} times in "
                f"the old text and {len(in_new)} in the new one")


def _clip(text: str, width: int = 20) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def reanchor(old_text: str, new_text: str, spans: Iterable[Span]) -> tuple[list[Span], list[tuple[Span, str]]]:
    """Spans moved to their offsets in ``new_text``, and the spans that cannot be moved, with why."""
    aligner = _Aligner(old_text, new_text)
    moved: list[Span] = []
    flagged: list[tuple[Span, str]] = []
    for span in spans:
        place = aligner.locate(span.start, span.end)
        if isinstance(place, str):
            flagged.append((span, place))
        else:
            moved.append(replace(span, start=place[0], end=place[1]))
    return moved, flagged


# -- storing a new text ---------------------------------------------------------------------------

@dataclass
class Replacement:
    moved: list[Span] = field(default_factory=list)  # as stored, new offsets
    flagged: list[tuple[Span, str]] = field(default_factory=list)  # as stored (needs_review), reason
    edits_moved: int = 0  # manual outline corrections carried over to the new text
    edits_dropped: int = 0  # corrections whose heading is gone or changed (kept in the event log)


def replace_document_text(project: StoreBackend, doc_id: int, new_clean_text: str, new_raw_text: str,
                          sections: Iterable[Section], annotator: str | None,
                          removed: Iterable[RemovedRegion] = ()) -> Replacement:
    """Give a document a new text in one transaction, carrying every layer's spans over.

    ``sections`` is the outline of the new text; ``removed`` the cleaner's report for the new raw text
    (the old report described the old raw text, so it is replaced, not kept).
    """
    if not new_clean_text:
        raise ValueError("the new text is empty: no span could be kept")
    new_sha = sha256_text(new_clean_text)
    with project.write():
        row = project.execute(
            "SELECT clean_text, raw_text, raw_zlib, sha256 FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise KeyError(f"no document {doc_id}")
        old_text, old_raw, old_sha = row[0], unpack_raw(row[1], row[2]), row[3]
        other = find_by_sha(project, new_sha)
        if other is not None and other != doc_id:
            raise ValueError(f"the new text is already in the project as document {other}")
        aligner = _Aligner(old_text, new_clean_text)
        project.execute(
            "UPDATE documents SET clean_text = ?, raw_text = ?, raw_zlib = ?, sha256 = ?, char_count = ?,"
            " import_report = ? WHERE id = ?",
            [new_clean_text, *pack_raw(new_raw_text), new_sha, len(new_clean_text),
             json.dumps([asdict(r) for r in removed], ensure_ascii=False), doc_id])
        # The jieba word index is filled outside import transactions (search.index_words); drop the
        # stale row so it is redone. The trigram index follows the documents row by trigger.
        search.forget_words(project, doc_id)
        save_sections(project, doc_id, list(sections), log=False)
        result = Replacement()
        _move_spans(project, doc_id, aligner, old_sha, annotator, result)
        _move_edits(project, doc_id, aligner, annotator, result)
        events.record(project, "document.replace_text", annotator=annotator, document_id=doc_id,
                      entity="document", entity_id=doc_id,
                      before={"sha256": old_sha, "chars": len(old_text), "clean_text": old_text,
                              "raw_text": old_raw},
                      after={"sha256": new_sha, "chars": len(new_clean_text), "moved": len(result.moved),
                             "flagged": len(result.flagged), "edits_moved": result.edits_moved,
                             "edits_dropped": result.edits_dropped})
    return result


def _move_spans(project: StoreBackend, doc_id: int, aligner: _Aligner, old_sha: str, annotator: str | None,
                result: Replacement) -> None:
    old_spans = span_store.list_spans(project, doc_id)
    # Park every span beyond both texts first: moving them one by one would trip the unique index
    # (annotator, start, end, label) whenever a span moves onto a place another has not left yet.
    park = len(aligner.old) + len(aligner.new) + 1
    project.execute('UPDATE spans SET start = start + ?, "end" = "end" + ? WHERE document_id = ?',
                         [park, park, doc_id])
    taken: set[tuple[str, str, int, int]] = set()
    placed: list[tuple[Span, Span, str | None]] = []
    pending_review: list[tuple[Span, str]] = []
    for span in old_spans:
        place = aligner.locate(span.start, span.end)
        if isinstance(place, str):
            pending_review.append((span, place))
        else:
            taken.add((span.annotator, span.label, *place))
            placed.append((span, replace(span, start=place[0], end=place[1]), None))
    length, stamp = len(aligner.new), now()
    for span, reason in pending_review:
        start, end = _free_place(span, length, taken)
        taken.add((span.annotator, span.label, start, end))
        provenance = {**span.provenance, "needs_review": reason,
                      "reanchor": {"old_start": span.start, "old_end": span.end,
                                   "old_text": aligner.old[span.start:span.end], "old_sha256": old_sha}}
        placed.append((span, replace(span, start=start, end=end, provenance=provenance, updated=stamp), reason))
    for before, after, reason in placed:
        changed = (before.start, before.end, before.provenance) != (after.start, after.end, after.provenance)
        if changed and reason is None:
            after = replace(after, updated=stamp)
        project.execute('UPDATE spans SET start = ?, "end" = ?, provenance = ?, updated = ? WHERE id = ?',
                             [after.start, after.end, json.dumps(after.provenance, ensure_ascii=False),
                              after.updated, after.id])
        if not changed:
            continue
        events.record(project, "span.needs_review" if reason else "span.reanchor", annotator=annotator,
                      document_id=doc_id, entity="span", entity_id=after.id,
                      before=span_store.span_to_json(before), after=span_store.span_to_json(after))
        if reason:
            result.flagged.append((after, reason))
        else:
            result.moved.append(after)


def _free_place(span: Span, length: int, taken: set) -> tuple[int, int]:
    """The old offsets clamped into the text; if that is taken, the nearest free end, then start."""
    start = min(max(span.start, 0), length - 1)
    end = max(start + 1, min(span.end, length))
    for step in range(length + 1):
        for candidate in ((start, end + step), (start, end - step), (start - step, end), (start + step, end)):
            s, e = candidate
            if 0 <= s < e <= length and (span.annotator, span.label, s, e) not in taken:
                return s, e
    raise ValueError(f"no free place for span {span.id} in a text of {length} characters")


def _move_edits(project: StoreBackend, doc_id: int, aligner: _Aligner, annotator: str | None,
                result: Replacement) -> None:
    """Carry manual outline corrections over: their anchor and payload offsets move with the heading."""
    rows = project.execute(
        "SELECT id, op, anchor, payload, annotator, created FROM section_edits WHERE document_id = ?", [doc_id]
    ).fetchall()
    for edit_id, op, anchor, payload_json, who, created in rows:
        payload = json_column(project, payload_json, f"outline edit {edit_id}")
        offsets = {k: payload[k] for k in ("marker_end", "title_end") if isinstance(payload.get(k), int)}
        place = aligner.locate(anchor, max([anchor + 1, *offsets.values()]))
        entry = {"id": edit_id, "op": op, "anchor": anchor, "payload": payload, "annotator": who,
                 "created": created}
        if isinstance(place, str):
            # A stale "add" would put a heading in the wrong place; the event keeps the correction.
            project.execute("DELETE FROM section_edits WHERE id = ?", [edit_id])
            events.record(project, "outline.edit_dropped", annotator=annotator, document_id=doc_id,
                          entity="section_edit", entity_id=edit_id, before={**entry, "reason": place})
            result.edits_dropped += 1
            continue
        delta = place[0] - anchor
        if not delta:
            continue
        moved = {**payload, **{k: v + delta for k, v in offsets.items()}}
        project.execute("UPDATE section_edits SET anchor = ?, payload = ? WHERE id = ?",
                             [anchor + delta, json.dumps(moved, ensure_ascii=False), edit_id])
        events.record(project, "outline.edit_reanchor", annotator=annotator, document_id=doc_id,
                      entity="section_edit", entity_id=edit_id, before=entry,
                      after={**entry, "anchor": anchor + delta, "payload": moved})
        result.edits_moved += 1


def needs_review(project: StoreBackend, doc_id: int | None = None) -> list[Span]:
    """Spans a text replacement could not place, for the review list."""
    return [s for s in span_store.list_spans(project, doc_id) if "needs_review" in s.provenance]


def clear_review(project: StoreBackend, span_id: str, *, by: str) -> Span:
    """A person checked (and perhaps corrected) a flagged span: drop the flag, keep the history."""
    span = span_store.get_span(project, span_id)
    if span is None:
        raise KeyError(f"no span {span_id}")
    provenance = {k: v for k, v in span.provenance.items() if k != "needs_review"}
    return span_store.update_span(project, span_id, by=by, provenance=provenance)[1]
