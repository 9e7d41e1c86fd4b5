"""The GUI's view of the open project: current annotator, document, outline and spans.

A QObject so views can listen; a read model: it never changes data itself (issue 15, checked by
tests/gui/test_read_model.py). Joining the project (the annotator's name) is ``services.annotating.login``,
called by the composition root; commands (commands.py) call the storage API and then tell the session
what they changed (``apply``, ``note_status``, ``show_outline``): one keystroke touches one or two spans, so
the session, the span table, the highlighter and the outline counts update just those (re-reading 2 000
spans and resetting the table after every key cost 50–100 ms a keystroke). ``reload_spans`` is for
changes made elsewhere (a background suggestion run, an import of labels).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.domain.labels import Label
from annotator.domain.model import Section, Span
from annotator.domain.offsets import Utf16Map
from annotator.gui.span_index import SpanIndex
from annotator.storage import documents as docs
from annotator.storage import sections as section_store
from annotator.storage import spans as span_store
from annotator.storage.labels import get_labels
from annotator.storage.project import Project


FIRST_READ = 10_000  # code points whose spans are read before a long document's first paint (at most)
MIN_FIRST_READ = 2_000


class Session(QObject):
    documentOpened = Signal(int)
    spansChanged = Signal(int)  # everything reloaded
    spansEdited = Signal(list, list)  # (added, removed) spans of the current document: an incremental change
    spansRescored = Signal(list)  # open suggestions with new scores only: the same places, labels and look
    outlineChanged = Signal(int)
    documentsChanged = Signal()
    statusChanged = Signal(int)
    commentsChanged = Signal(int)
    guidelinesChanged = Signal()
    message = Signal(str)

    def __init__(self, project: Project, annotator: str, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.annotator = annotator  # known to the project already: services.annotating.login (app.py)
        self.labels: list[Label] = get_labels(project)
        self.doc_id: int | None = None
        self.title = ""
        self.text = ""
        self.utf16 = Utf16Map("")
        self.sections: list[Section] = []
        self.spans: list[Span] = []  # this annotator's accepted spans
        self.suggestions: list[Span] = []  # open suggestions for this annotator
        self.index = SpanIndex()  # spans + suggestions, for the highlighter and "what is under the cursor"
        self._by_id: dict[str, Span] = {}
        self._status = "not_started"  # this annotator's status of the open document
        self.partial = False  # True between the first paint of a long document and its full span read
        self._opened = 0  # documents opened so far: a late full read of an earlier one is dropped
        # How many code points fill the text view (the window sets it): the first read covers a few
        # screens of them, not a fixed 10 000 (reading and decoding spans is a third of a first paint).
        self.screenful: Callable[[], int] | None = None

    # -- labels ----------------------------------------------------------------------------------
    def label(self, name: str) -> Label | None:
        return next((label for label in self.labels if label.name == name), None)

    def label_for_hotkey(self, key: str) -> Label | None:
        return next((label for label in self.labels if label.hotkey == key), None)

    # -- document --------------------------------------------------------------------------------
    def open_document(self, doc_id: int) -> None:
        from annotator.storage.gui_queries import title_and_text  # noqa: PLC0415

        row = title_and_text(self.project, doc_id)  # not get_document: no raw text to inflate
        if row is None:
            self.message.emit(self.tr("Document {0} no longer exists").format(doc_id))
            return
        self.doc_id = doc_id
        self.title, self.text = row
        self.utf16 = Utf16Map(self.text)
        self._opened += 1
        # A long document is painted with the outline and spans of its first screens, and all of them
        # are read right after (one event-loop turn): reading 900 sections and 2 000+ spans first
        # doubled the time to the first paint. Views get outlineChanged and spansChanged then.
        self.partial = len(self.text) > FIRST_READ
        if self.partial:
            from annotator.storage.span_window import sections_before  # noqa: PLC0415

            first = self._first_read()
            self.sections = sections_before(self.project, doc_id, first)
        else:
            self._load_outline()
        self._load_spans((0, first) if self.partial else None)
        # "in progress" is set by the first tag, not by looking.
        self.documentOpened.emit(doc_id)
        if self.partial:
            QTimer.singleShot(0, lambda d=doc_id, n=self._opened: self._finish_open(d, n))

    def _first_read(self) -> int:
        """Code points read before the first paint: three screens of the view, within [2 000, 10 000]."""
        try:
            shown = self.screenful() if self.screenful is not None else FIRST_READ
        except Exception:  # noqa: BLE001 - a guess about the screen must never stop a document opening
            shown = FIRST_READ
        return max(MIN_FIRST_READ, min(FIRST_READ, 3 * shown))

    def _finish_open(self, doc_id: int, opened: int) -> None:
        if self.doc_id != doc_id or self._opened != opened or not self.partial:
            return  # another document was opened meanwhile, or a reload already read everything
        try:
            self._load_outline()
            self._load_spans()
            self.outlineChanged.emit(doc_id)
            self.spansChanged.emit(doc_id)
        except Exception as exc:  # noqa: BLE001 - runs from the event loop: never let it escape into Qt
            from annotator.gui.safety import describe, log  # noqa: PLC0415

            log.exception("reading the spans of document %s failed", doc_id)
            self.message.emit(self.tr("The document could not be re-read: {0}").format(describe(exc)))

    def close_document(self) -> None:
        """The open document was deleted: show nothing until another one is opened."""
        self.doc_id, self.title, self.text, self.utf16 = None, "", "", Utf16Map("")
        self.sections, self.spans, self.suggestions = [], [], []
        self.partial, self._opened = False, self._opened + 1
        self._reindex()
        self.documentOpened.emit(-1)

    def _load_outline(self) -> None:
        stored = section_store.get_sections(self.project, self.doc_id)
        self.sections = stored

    def _load_spans(self, window: tuple[int, int] | None = None) -> None:
        """This annotator's spans and open suggestions: all of them, or those touching ``window``."""
        if window is not None:
            from annotator.storage.span_window import spans_touching  # noqa: PLC0415

            self.spans, self.suggestions = spans_touching(self.project, self.doc_id, self.annotator, *window)
        else:
            self.spans = span_store.list_spans(self.project, self.doc_id, annotators=[self.annotator],
                                               statuses=["accepted"])
            self.suggestions = span_store.open_suggestions(self.project, self.doc_id, self.annotator)
            self.partial = False
        self._reindex()
        self._status = docs.get_status(self.project, self.doc_id, self.annotator)

    def _reindex(self) -> None:
        self.index = SpanIndex(self.spans + self.suggestions)
        self._by_id = {s.id: s for s in self.spans}
        self._by_id.update((s.id, s) for s in self.suggestions)

    @staticmethod
    def _order(span: Span) -> tuple:
        return (span.start, span.end, span.label, span.id or "")

    def apply(self, added: list[Span] = (), removed: list[Span] = ()) -> None:
        """What one undo command changed (already stored): update the lists in place, tell the views.

        A row of this annotator with a suggestion's start, end and label answers it (accepted, relabelled
        onto it, rejected) and removing that row re-opens it: those few keys are asked of the store, so
        the open suggestions shown are always the ones ``open_suggestions`` would list."""
        from annotator.storage.gui_queries import open_suggestions_at  # noqa: PLC0415

        own = [s for s in [*added, *removed] if s.status != "suggested"]
        keys = [s.key for s in own]
        if keys and self.doc_id is not None and not self._offline_read(keys):
            now_open = {s.id: s for s in open_suggestions_at(self.project, self.doc_id, self.annotator, keys)}
            # the shown suggestions with those keys, from the interval index (not a scan of all of them)
            shown = {s.id for key in keys for s in self.index.starting_in(key[0], key[0] + 1)
                     if s.status == "suggested" and s.key == key}
            removed = [*removed, *(self._by_id[i] for i in shown - set(now_open))]
            added = [*added, *(s for i, s in now_open.items() if i not in shown)]
        removed_now, added_now = self._remove(removed), self._add(added)
        self.spansEdited.emit(added_now, removed_now)

    def rescore(self, spans: list[Span]) -> list[Span]:
        """Open suggestions whose scores changed (the learned model's), swapped in place: same id, place
        and label, so the same order and look — nothing to re-highlight (re-highlighting 400 suggestions
        took 150 ms of the GUI thread at 1920×1080). Returns the ones swapped."""
        out = []
        for new in spans:
            old = self._by_id.get(new.id)
            i = bisect_left(self.suggestions, self._order(old), key=self._order) if old is not None else -1
            if old is None or old.status != "suggested" or new.key != old.key or i >= len(self.suggestions) \
                    or self.suggestions[i].id != old.id:
                continue
            self.suggestions[i] = self._by_id[new.id] = new
            self.index.remove(old)
            self.index.add(new)
            out.append(new)
        if out:
            self.spansRescored.emit(out)
        return out

    def _offline_read(self, keys) -> bool:
        """True when a team server cannot be read right now (the edit went to the outbox): the shown
        suggestions stay as they are until the next re-read (team_status.py)."""
        from annotator.storage.errors import ProjectError  # noqa: PLC0415
        from annotator.storage.gui_queries import open_suggestions_at  # noqa: PLC0415

        if getattr(self, "team", None) is None:
            return False
        try:
            open_suggestions_at(self.project, self.doc_id, self.annotator, keys[:1])
            return False
        except ProjectError:
            return True

    def _remove(self, spans) -> list[Span]:
        out = []
        for span in spans:
            old = self._by_id.pop(span.id, None)
            if old is None:
                continue
            target = self.suggestions if old.status == "suggested" else self.spans
            i = bisect_left(target, self._order(old), key=self._order)
            if i < len(target) and target[i].id == old.id:
                del target[i]
            else:  # not where its order says (should not happen): remove by identity
                target[:] = [s for s in target if s.id != old.id]
            self.index.remove(old)
            out.append(old)
        return out

    def _add(self, spans) -> list[Span]:
        out = []
        for span in spans:
            if span.status not in ("accepted", "suggested") or span.id in self._by_id \
                    or span.document_id not in (None, self.doc_id):
                continue
            insort(self.suggestions if span.status == "suggested" else self.spans, span, key=self._order)
            self._by_id[span.id] = span
            self.index.add(span)
            out.append(span)
        return out

    def reload_spans(self) -> None:
        if self.doc_id is None:
            return
        self._load_spans()  # a read only: the status moves with the command that tags (commands.py)
        self.spansChanged.emit(self.doc_id)

    def resync(self) -> None:
        """After a failed command: a fresh read of this document's outline and spans from the store, so
        what is shown is what is stored. Never raises (it runs inside a Qt override)."""
        if self.doc_id is None:
            return
        try:
            self._load_outline()
            self._load_spans()
        except Exception as exc:  # noqa: BLE001 - a damaged row: show what could be read, say so
            from annotator.gui.safety import describe, log  # noqa: PLC0415

            log.exception("re-reading document %s failed", self.doc_id)
            self.message.emit(self.tr("The document could not be re-read: {0}").format(describe(exc)))
        self.outlineChanged.emit(self.doc_id)
        self.spansChanged.emit(self.doc_id)

    def reparse_outline(self) -> None:
        """Show what a fresh parse with this document's stored manual corrections gives (a read: the
        outline command stores it, services.annotating.reparse_with_corrections)."""
        from annotator.services.annotating import corrected_outline  # noqa: PLC0415

        self.show_outline(self.doc_id, corrected_outline(self.project, self.doc_id, self.text))

    def show_outline(self, doc_id: int, sections: list[Section]) -> None:
        """A command stored a new outline of ``doc_id``: show it (when that document is open)."""
        if doc_id != self.doc_id:
            return
        self.sections = sections
        self.outlineChanged.emit(doc_id)

    def comments(self) -> list:
        """Notes on the open document and its spans (read when asked: they are few and rarely shown)."""
        from annotator.storage.comments import list_comments  # noqa: PLC0415

        return list_comments(self.project, self.doc_id) if self.doc_id is not None else []

    def guidelines(self) -> str:
        from annotator.storage.comments import get_guidelines  # noqa: PLC0415

        return get_guidelines(self.project)

    def note_guidelines(self) -> None:
        self.guidelinesChanged.emit()

    def note_comments(self, doc_id: int) -> None:
        self.commentsChanged.emit(doc_id)

    def note_title(self, doc_id: int, title: str) -> None:
        """A command stored a new title (normalised as storage does: runs of spaces become one)."""
        if doc_id == self.doc_id:
            self.title = " ".join(title.split())
        self.documentsChanged.emit()

    @property
    def status(self) -> str:
        """This annotator's status of the open document, as last read or changed by a command."""
        return self._status

    def note_status(self, doc_id: int, status: str) -> None:
        """A command stored a new status (the session only records it and tells the views)."""
        if doc_id == self.doc_id:
            self._status = status
        self.statusChanged.emit(doc_id)

    # -- lookups used by views and the tagging controller ---------------------------------------
    def spans_at(self, pos: int) -> list[Span]:
        return [s for s in self.index.at(pos) if s.status == "accepted"]

    def suggestions_at(self, pos: int) -> list[Span]:
        return [s for s in self.index.at(pos) if s.status == "suggested"]

    def find_span(self, span_id: str) -> Span | None:
        return self._by_id.get(span_id)
