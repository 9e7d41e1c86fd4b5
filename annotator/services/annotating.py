"""What an annotator's session changes besides spans: joining a project, and the outline a structure
correction gives.

The GUI's Session is a read model (issue 15): it never writes. The writes it used to hide — registering
the annotator's name when a window opened, storing the re-parsed outline after a correction — are
here, called explicitly: ``login`` by the composition root (and Preferences when the name changes),
``reparse_with_corrections`` by the outline undo command. The CLI can call the same functions.
"""

from __future__ import annotations

from annotator.domain.model import Section


def login(project, annotator: str) -> None:
    """Make ``annotator`` known to the project (the annotators table every span refers to).

    A read-only project is left alone: the window opens to look, and nothing is written."""
    from annotator.storage.labels import ensure_annotator  # noqa: PLC0415

    if not project.readonly and annotator:
        ensure_annotator(project, annotator)


def corrected_outline(project, doc_id: int, text: str) -> list[Section]:
    """The parser's outline of ``text`` with this document's stored manual corrections replayed over it
    (structure/corrections.py). A read: nothing is stored."""
    from annotator.storage import sections as section_store  # noqa: PLC0415
    from annotator.structure.corrections import apply_edits  # noqa: PLC0415
    from annotator.structure.outline import parse_outline  # noqa: PLC0415 - keep start-up light

    return apply_edits(text, parse_outline(text), section_store.get_edits(project, doc_id))


def reparse_with_corrections(project, doc_id: int, text: str, annotator: str) -> list[Section]:
    """Store the corrected outline (one transaction, an ``outline.save`` event) and return it: what a
    structure correction, or its undo, changes."""
    from annotator.storage import sections as section_store  # noqa: PLC0415

    sections = corrected_outline(project, doc_id, text)
    section_store.save_sections(project, doc_id, sections, annotator=annotator)
    return sections
