"""Word .docx → text in reading order: paragraphs and tables interleaved, list numbers included.

A .docx is a zip of XML parts, so before python-docx unpacks anything the archive is checked
from its central directory alone (sizes, ratios, entry count, encryption) and every XML part's
prologue is checked for DTDs. python-docx's own parser is also configured not to resolve
entities (lxml: resolve_entities=False; no_network and no DTD loading are lxml defaults);
tests/unit/test_bad_input.py proves both layers.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from annotator.domain.model import ReadResult
from annotator.io.docx_numbering import W, Numbering
from annotator.io.docx_package import as_document, damaged_part, first_related
from annotator.io.errors import ReadError
from annotator.io.limits import TextBudget

# Real documents unpack to a few MB (images included, rarely above 100 MB); past this the archive
# is a zip bomb or not a document anyone annotates.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
# Word XML compresses ~10–30×; bombs compress 1000×. Only entries big enough to matter are judged.
MAX_RATIO = 100
RATIO_MIN_BYTES = 4 * 1024 * 1024
# lxml needs several times an XML part's size in memory; real document.xml files are 0.1–10 MB.
MAX_XML_PART_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 5000  # a docx has 10–50 parts, a few hundred with many images
PROLOGUE_BYTES = 65536

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DTD_MARKERS = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be"))
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Subtrees whose text is not part of the reading order: deleted revisions, moved-away text,
# drawings/text boxes (their text would be spliced into the middle of the anchoring paragraph),
# embedded objects and the paragraph/run property blocks.
_SKIP_IN_PARAGRAPH = {W + "del", W + "moveFrom", W + "drawing", W + "pict", W + "object",
                      _MC + "AlternateContent", W + "pPr", W + "rPr", W + "instrText", W + "delText"}


def read_docx(path: Path, data: bytes) -> ReadResult:
    check_archive(path, data)
    import docx  # noqa: PLC0415 - python-docx costs ~0.2 s to import; only .docx imports pay it
    from docx.opc.exceptions import PackageNotFoundError  # noqa: PLC0415

    notes: list[str] = []
    try:
        document = docx.Document(io.BytesIO(as_document(data, notes)))
    except PackageNotFoundError as exc:
        raise ReadError(path, "corrupt .docx (not a Word document package)", code="docx-not-package") from exc
    except KeyError as exc:
        if "no item named" in str(exc):  # zipfile: a relationship points at a part that is absent
            missing = str(exc).split("'")[1] if "'" in str(exc) else str(exc)
            raise ReadError(path, f"corrupt .docx (the part {missing} is missing)", code="docx-part-missing",
                            params={"part": missing}) from exc
        reason, code = _not_word(data)
        raise ReadError(path, reason, code=code) from exc  # no main-document relationship
    except ValueError as exc:
        # "… is not a Word file, content type is …": another Office format renamed to .docx.
        reason, code = _not_word(data)
        raise ReadError(path, reason, code=code) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:  # zlib: a damaged compressed part
        raise ReadError(path, f"corrupt .docx (damaged zip archive: {exc})", code="docx-bad-zip",
                        params={"error": str(exc)}) from exc
    except Exception as exc:  # lxml XMLSyntaxError and friends
        detail = " ".join(str(exc).split(", line ")[0].split())  # one line: libxml2 ends some with "\n"
        # libxml2's advice ("use XML_PARSE_HUGE", "see xmlCtxtSetMaxAmplification") is for programmers.
        if "Excessive depth" in detail:
            detail = "its elements are nested deeper than Word ever writes (damaged or hostile file)"
        elif "amplification" in detail or "entity reference loop" in detail:
            detail = "it declares XML entities, which Word never writes (damaged or hostile file)"
        part = damaged_part(data, MAX_XML_PART_BYTES)
        detail = f"{part}: {detail}" if part else detail  # which part: "the XML inside" is many files
        raise ReadError(path, f"corrupt .docx (the XML inside is damaged: {detail})", code="docx-bad-xml",
                        params={"error": detail}) from exc
    if getattr(document.element, "body", None) is None:
        # Parsed, but the main part is some other XML (python-docx would fail on .body later).
        root = document.element.tag.rsplit("}", 1)[-1]
        raise ReadError(path, f"corrupt .docx (the main document part is <{root}>, not a Word document body)",
                        code="docx-wrong-root", params={"root": root})
    numbering = Numbering(_numbering_element(document, notes), _styles_element(document, notes))
    stats = {"paragraphs": 0, "tables": 0, "numbered_paragraphs": 0}
    lines = _Lines()
    _blocks(document.element.body, numbering, lines, stats)
    metadata = {"size_bytes": len(data), **stats, **_core_properties(document)}
    title = metadata.get("title") or None
    return ReadResult(text="\n".join(lines), encoding="docx", format="docx", title=title, metadata=metadata,
                      warnings=notes + sorted(numbering.notes))


class _Lines(list):
    """The output lines, refusing to grow past MAX_TEXT_CHARS (a small archive can hold many
    numbered paragraphs, each producing a marker), so memory stays bounded before the refusal."""

    def __init__(self):
        super().__init__()
        self._budget = TextBudget()

    def append(self, line: str) -> None:
        self._budget.spend(len(line) + 1)
        super().append(line)

    def extend(self, lines) -> None:
        for line in lines:
            self.append(line)


def check_archive(path: Path, data: bytes) -> None:
    """Refuse encrypted, corrupt or hostile archives using the central directory only."""
    if data.startswith(_OLE_SIGNATURE):
        # Word saves password-protected .docx as an OLE container holding the encrypted package;
        # a .doc renamed to .docx looks the same from outside.
        raise ReadError(path, "encrypted or password-protected .docx (or an old .doc file); "
                              "remove the password or save it as .docx in Word", code="docx-encrypted-or-doc")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise ReadError(path, "corrupt .docx (not a valid zip archive)", code="docx-not-zip") from exc
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise ReadError(path, f"unsafe .docx ({len(entries)} files inside; the limit is {MAX_ENTRIES})",
                            code="docx-too-many-entries", params={"entries": len(entries), "limit": MAX_ENTRIES})
        total = sum(entry.file_size for entry in entries)
        if total > MAX_UNPACKED_BYTES:
            raise ReadError(path, f"unsafe .docx: it would unpack to {_size(total)}; the limit is "
                                  f"{_size(MAX_UNPACKED_BYTES)} (possible zip bomb)", code="docx-unpacked-too-large",
                            params={"size": _size(total), "limit": _size(MAX_UNPACKED_BYTES)})
        names = {entry.filename for entry in entries}
        named_xml = {name for name in names if name.endswith((".xml", ".rels"))}
        for entry in entries:  # from the central directory alone: nothing is unpacked before these pass
            if entry.flag_bits & 0x1:
                raise ReadError(path, "encrypted or password-protected .docx", code="docx-encrypted")
            if entry.file_size > RATIO_MIN_BYTES and entry.file_size > MAX_RATIO * max(1, entry.compress_size):
                raise ReadError(path, f"unsafe .docx: {entry.filename} expands "
                                      f"{entry.file_size // max(1, entry.compress_size)}× (possible zip bomb)",
                                code="docx-zip-bomb-ratio",
                                params={"part": entry.filename,
                                        "ratio": entry.file_size // max(1, entry.compress_size)})
            if entry.filename in named_xml:
                _check_xml_size(path, entry)
        if "[Content_Types].xml" not in names:
            if "mimetype" in names:
                _refuse_opendocument(path, archive)
            raise ReadError(path, "corrupt .docx (not a Word document package)", code="docx-not-package")
        typed_xml = _typed_xml_parts(archive, entries) - named_xml
        for entry in entries:
            if entry.filename in typed_xml:
                _check_xml_size(path, entry)
        for entry in entries:
            if entry.filename in named_xml or entry.filename in typed_xml:
                _check_prologue(path, archive, entry)


def _check_xml_size(path: Path, entry: zipfile.ZipInfo) -> None:
    if entry.file_size > MAX_XML_PART_BYTES:
        raise ReadError(path, f"unsafe .docx: {entry.filename} is {_size(entry.file_size)} of XML; "
                              f"the limit is {_size(MAX_XML_PART_BYTES)}", code="docx-xml-too-large",
                        params={"part": entry.filename, "size": _size(entry.file_size),
                                "limit": _size(MAX_XML_PART_BYTES)})


# A part is XML to python-docx by its content type, not its name: a main document stored as
# "word/doc.dat" (declared by an Override) escaped the size limit and the DTD check when they went by
# ".xml"; 150 MB of it took 70 s and 1 GB before the text limit stopped it.
_CT_ENTRY = re.compile(rb"<(?:\w+:)?(Default|Override)\b[^>]*>")
_CT_ATTR = re.compile(rb"""\b(PartName|Extension|ContentType)\s*=\s*["']([^"']*)["']""")


def _typed_xml_parts(archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo]) -> set[str]:
    """Names of the entries [Content_Types].xml declares as XML (by an Override or their extension's
    Default), which python-docx may parse whatever their name; images (SVG too) are never parsed.
    Called once the content types part passed the size limit, so reading it is bounded."""
    try:
        types = archive.read("[Content_Types].xml")
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        return set()  # its prologue check names the damage
    defaults, overrides = {}, {}
    for match in _CT_ENTRY.finditer(types):
        attrs = {key.decode(): value.decode("utf-8", "replace") for key, value in _CT_ATTR.findall(match.group())}
        content_type = attrs.get("ContentType", "").lower()
        if match.group(1) == b"Default":
            defaults[attrs.get("Extension", "").lower()] = content_type
        else:
            overrides[attrs.get("PartName", "").lstrip("/").lower()] = content_type
    typed = set()
    for entry in entries:
        name = entry.filename
        extension = name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
        content_type = overrides.get(name.lower()) or defaults.get(extension, "")
        if content_type.endswith("xml") and not content_type.startswith("image/"):
            typed.add(name)
    return typed


def _refuse_opendocument(path: Path, archive: zipfile.ZipFile) -> None:
    """An OpenDocument file (.odt from WPS, LibreOffice) renamed to .docx: say so, not "corrupt"."""
    try:
        with archive.open("mimetype") as handle:
            mimetype = handle.read(100)
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        return
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        kind = mimetype.rsplit(b".", 1)[-1].decode("ascii", "replace")
        extension = {"text": ".odt", "spreadsheet": ".ods", "presentation": ".odp"}.get(kind, ".od?")
        raise ReadError(path, f"not a Word document (it is an OpenDocument {extension} file renamed to .docx); "
                              "open it in WPS, LibreOffice or Word and save it as .docx",
                        code="docx-is-opendocument", params={"format": extension})


def _check_prologue(path: Path, archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    # Word never writes a DTD, so one means a hand-made file (billion laughs, XXE): refuse it
    # outright rather than trusting every XML parser that may ever touch the part.
    try:
        with archive.open(entry) as handle:
            head = handle.read(PROLOGUE_BYTES)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise ReadError(path, f"corrupt .docx (cannot unpack {entry.filename}: {exc})",
                        code="docx-unpack-failed", params={"part": entry.filename, "error": str(exc)}) from exc
    if any(marker in head for marker in _DTD_MARKERS):
        raise ReadError(path, f"unsafe .docx: {entry.filename} declares XML entities or a DTD, "
                              "which Word never writes", code="docx-dtd", params={"part": entry.filename})


def _not_word(data: bytes) -> tuple[str, str]:
    """(English reason, code) for a zip that holds no Word document."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
    if any(name.startswith("xl/") for name in names):
        return "not a Word document (it is an Excel workbook renamed to .docx)", "docx-is-excel"
    if any(name.startswith("ppt/") for name in names):
        return "not a Word document (it is a PowerPoint file renamed to .docx)", "docx-is-powerpoint"
    return "not a Word document (a zip archive without a Word document inside)", "docx-no-word-document"


def _size(count: int) -> str:
    return f"{count / 2**30:.1f} GB" if count >= 2**30 else f"{count / 2**20:.0f} MB"


def _numbering_element(document, notes: list[str]):
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return None  # no numbering.xml: nothing is auto-numbered
    except ValueError:  # python-docx: "multiple relationships of type …" (a hand-made or damaged package)
        return first_related(document, "numbering", notes)


def _styles_element(document, notes: list[str]):
    try:
        return document.part.styles.element
    except (KeyError, NotImplementedError, AttributeError):
        return None
    except ValueError:
        return first_related(document, "styles", notes)


def _core_properties(document) -> dict:
    props = document.core_properties
    out = {}
    for name in ("title", "author", "subject", "keywords", "last_modified_by", "created", "modified"):
        try:
            value = getattr(props, name)
        except Exception:  # noqa: BLE001 - a malformed date in docProps must not lose the document
            continue
        if value:
            out[name] = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
    return out


# -- body walk --
def _blocks(container, numbering: Numbering, lines: list[str], stats: dict) -> None:
    for child in container:
        tag = child.tag
        if tag == W + "p":
            lines.append(_paragraph(child, numbering, stats))
        elif tag == W + "tbl":
            stats["tables"] += 1
            _table(child, numbering, lines, stats)
        elif tag == W + "sdt":  # a content control wraps ordinary paragraphs and tables
            for content in child.iterfind(W + "sdtContent"):
                _blocks(content, numbering, lines, stats)
        elif tag in (W + "customXml", W + "ins", W + "moveTo"):
            _blocks(child, numbering, lines, stats)


def _paragraph(p, numbering: Numbering, stats: dict) -> str:
    stats["paragraphs"] += 1
    label = numbering.label(p)
    if label:
        stats["numbered_paragraphs"] += 1
    out: list[str] = [label]
    _inline_text(p, out)
    return "".join(out)


def _inline_text(el, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag == W + "t":
            out.append(child.text or "")
        elif tag == W + "tab" or tag == W + "ptab":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag in _SKIP_IN_PARAGRAPH or not isinstance(tag, str):
            continue  # also comments and processing instructions, whose tag is not a string
        else:
            _inline_text(child, out)  # runs, hyperlinks, smart tags, fields, insertions


def _table(tbl, numbering: Numbering, lines: list[str], stats: dict) -> None:
    for row in _through_sdt(tbl, W + "tr"):
        cells = []
        for cell in _through_sdt(row, W + "tc"):
            cell_lines = _Lines()
            _blocks(cell, numbering, cell_lines, stats)
            cells.append(cell_lines)
        filled = [c for c in cells if any(line.strip() for line in c)]
        if len(filled) <= 1:
            # A one-cell row is page layout (a whole speech pasted into a frame): keep its lines.
            lines.extend(filled[0] if filled else [""])
        else:
            # A data row: one line, cells separated by tabs, so a statistic stays with its label.
            lines.append("\t".join(" ".join(line.strip() for line in c if line.strip()) for c in cells))


def _through_sdt(parent, tag: str):
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if content is not None:
                yield from _through_sdt(content, tag)
