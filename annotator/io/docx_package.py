"""Odd .docx packages python-docx refuses or explains badly, met by docx_reader before and after it.

A .docm/.dotx/.dotm saved as .docx holds the same XML as a .docx; two numbering or styles parts (a
hand-made package) make python-docx raise "multiple relationships"; a damaged XML part is reported by
lxml without saying which of the package's files it is. Each becomes text read with a note, or a
message that names the part.
"""

from __future__ import annotations

import io
import zipfile
import zlib


def first_related(document, kind: str, notes: list[str]):
    """The first of several parts of one kind (Word writes one): read with a note, not refused."""
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/" + kind) and not rel.is_external:
            element = getattr(rel.target_part, "element", None)
            if element is not None:
                notes.append(f"the document names more than one {kind} part; the first ({rel.target_ref}) was used")
                return element
    return None


# Word documents that are not plain .docx but hold the same XML: macro-enabled (.docm) and templates
# (.dotx/.dotm), often renamed to .docx. python-docx refuses them by content type only; their text is read
# (macros are never run: nothing here executes anything) once the main part's type is the .docx one.
_OTHER_WORD_MAINS = {
    b"application/vnd.ms-word.document.macroEnabled.main+xml": "a macro-enabled Word document (.docm)",
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "a Word template (.dotx)",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "a macro-enabled Word template (.dotm)",
}
_DOCX_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def as_document(data: bytes, notes: list[str]) -> bytes:
    """``data``, or for a .docm/.dotx/.dotm the same package with the main part typed as a .docx's."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            types = archive.read("[Content_Types].xml")
            found = next((t for t in _OTHER_WORD_MAINS if t in types), None)
            if found is None:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
                for entry in archive.infolist():  # sizes were checked by check_archive
                    body = archive.read(entry)
                    copy.writestr(entry, body.replace(found, _DOCX_MAIN) if entry.filename == "[Content_Types].xml"
                                  else body)
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        return data  # python-docx says what is wrong with it
    notes.append(f"{_OTHER_WORD_MAINS[found]} saved as .docx: its text was read (macros are never run)")
    return out.getvalue()


def damaged_part(data: bytes, max_part_bytes: int) -> str | None:
    """The name of the first XML part that does not parse (asked only after python-docx failed)."""
    from lxml import etree  # noqa: PLC0415 - python-docx's own dependency, loaded with it

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for entry in archive.infolist():
                if entry.filename.endswith((".xml", ".rels")) and entry.file_size <= max_part_bytes:
                    try:
                        etree.fromstring(archive.read(entry), parser)
                    except etree.XMLSyntaxError:
                        return entry.filename
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        return None
    return None
