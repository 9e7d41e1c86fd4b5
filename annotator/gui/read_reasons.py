"""Why a file could not be imported, in the annotator's language.

The readers raise ReadError with an English ``reason`` (what the CLI prints) plus a stable ``code`` and
its ``params`` (annotator/io/errors.py, READ_ERROR_CODES). ingest.py's own outcomes (links not followed, unreadable
folders, a failed save) carry codes from the same registry. Every place the GUI shows such a reason —
the import summary, the preview's "not imported" list and its unreadable files, the import worker's
failure — goes through ``read_reason_text`` so a Chinese window never shows an English sentence.
An unknown code (or a translation that names a parameter the error lacks) falls back to the English
reason: a message in the wrong language is better than none.
"""

from __future__ import annotations

import errno
import os
import re

from PySide6.QtCore import QCoreApplication, QLocale


# The source texts of the catalogue (context "ReadReason"); translated at each call, since the
# language can change while the window is open. Where the UI language has no translation the GUI
# shows the reader's own English reason instead, word for word what the CLI prints.
_SOURCES = {
    "file-not-found": "file not found",
    "permission-denied": "permission denied",
    "cannot-open": "cannot be opened ({error})",
    "cannot-read": "cannot be read ({error})",
    "is-folder": "is a folder, not a file",
    "not-regular-file": "not a regular file",
    "file-too-large": "file is {size_mb} MB; the limit is {limit_mb} MB",
    "unsupported-format": "{format} files are not supported; save it as .docx or .txt",
    "old-office-file": "an old Office file such as .doc; save it as .docx",
    "binary-file": "unsupported file type (binary data, not text)",
    "binary-nul-bytes": "not a text file (binary data: contains NUL bytes, the first on line {line})",
    "binary-nul-chars": "not a text file (binary data: contains NUL characters)",
    "binary-control-chars": "not a text file (binary data: mostly control characters)",
    "unknown-encoding": "not a text file (binary data or an unknown text encoding)",
    "bad-utf8-bom": "not a text file (says UTF-8 but most bytes are not UTF-8)",
    "empty-file": "empty file",
    "empty-invisible": "empty file: only invisible characters (spaces, zero-width or "
        "control characters, byte-order marks)",
    "text-too-long": "the text is over {limit_mchars} M characters (the limit); the file "
        "expands far beyond its size (damaged or hostile file?)",
    "too-many-lines": "the text has {lines} lines; the limit is {limit}: a list or data "
        "dump rather than a speech — split it into smaller files",
    "too-many-tags": "over {limit} HTML tags ({size_mb} MB); not a saved page "
        "(damaged or generated file?)",
    "out-of-memory": "not enough memory to read this file",
    "nested-too-deep": "the file is nested too deeply to read (damaged or hostile file)",
    "read-failed": "could not be read ({error})",
    "docx-not-package": "corrupt .docx (not a Word document package)",
    "docx-not-zip": "corrupt .docx (not a valid zip archive)",
    "docx-part-missing": "corrupt .docx (the part {part} is missing)",
    "docx-bad-zip": "corrupt .docx (damaged zip archive: {error})",
    "docx-bad-xml": "corrupt .docx (the XML inside is damaged: {error})",
    "docx-wrong-root": "corrupt .docx (the main document part is <{root}>, not a Word "
        "document body)",
    "docx-encrypted": "encrypted or password-protected .docx",
    "docx-encrypted-or-doc": "encrypted or password-protected .docx (or an old .doc file); "
        "remove the password or save it as .docx in Word",
    "docx-is-excel": "not a Word document (it is an Excel workbook renamed to .docx)",
    "docx-is-powerpoint": "not a Word document (it is a PowerPoint file renamed to .docx)",
    "docx-is-opendocument": "not a Word document (it is an OpenDocument {format} file renamed to .docx); "
        "open it in WPS, LibreOffice or Word and save it as .docx",
    "docx-no-word-document": "not a Word document (a zip archive without a Word document "
        "inside)",
    "docx-too-many-entries": "unsafe .docx ({entries} files inside; the limit is {limit})",
    "docx-unpacked-too-large": "unsafe .docx: it would unpack to {size}; the limit is {limit} "
        "(possible zip bomb)",
    "docx-zip-bomb-ratio": "unsafe .docx: {part} expands {ratio}× (possible zip bomb)",
    "docx-xml-too-large": "unsafe .docx: {part} is {size} of XML; the limit is {limit}",
    "docx-unpack-failed": "corrupt .docx (cannot unpack {part}: {error})",
    "docx-dtd": "unsafe .docx: {part} declares XML entities or a DTD, which Word never "
        "writes",
    "clean-failed": "could not be cleaned ({error})",
    "no-text-after-cleaning": "no speech text left after removing the download-site chrome",
    "outline-failed": "outline could not be parsed ({error})",
    "symlink-loop": "symbolic link loop: this folder was already imported",
    "folder-unreadable": "folder could not be read ({error}); none of its files were imported",
    "broken-symlink": "broken symbolic link (its target does not exist)",
    "symlink-outside-folder": "symbolic link to a folder outside the imported folder ({target}); not followed",
    "symlink-outside-file": "symbolic link to a file outside the imported folder ({target}); not followed",
    "open-project-file": "this is an open project (or one of its SQLite files), not a document to import",
    "not-saved": "not saved ({error}); nothing of this file was saved",
    "not-saved-disk-full": "not saved: the disk is full; free some space and import it again",
    "not-saved-read-only": "not saved: the project cannot be written (read-only file, folder or disk)",
    "not-saved-io-error": "not saved: the disk reported an input/output error (is it full, removed or failing?)",
}


# The operating system's words for a failed open/read/write (strerror, English whatever the UI language)
# said in the UI's language for the errors people meet, by errno; the OS text stays beside it as the
# detail (context "OsError"). Other errors are shown as the OS wrote them.
_ERRNO_SOURCES = {
    errno.ENOENT: "no such file or folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.EIO: "input/output error (a failing disk, or a removed or disconnected drive?)",
    errno.ENOSPC: "no space left on the disk",
    errno.EROFS: "read-only file system",
    errno.ELOOP: "too many levels of symbolic links",
    errno.ENAMETOOLONG: "file name too long",
    errno.EISDIR: "is a folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EBUSY: "device or resource busy",
    errno.EMFILE: "too many open files",
    errno.ENFILE: "too many open files in the system",
    errno.ENXIO: "no such device or address",
    errno.ENODEV: "no such device",
    errno.ESTALE: "stale file handle (a network folder that went away?)",
    errno.ETIMEDOUT: "timed out (a network folder that does not answer?)",
    errno.EAGAIN: "resource temporarily unavailable; try again",
    errno.EINVAL: "invalid argument",
    errno.EFBIG: "file too large",
    errno.EDQUOT: "disk quota exceeded",
    errno.ENOMEM: "not enough memory",
    errno.EINTR: "interrupted",
    errno.ETXTBSY: "file busy",
}
_BY_STRERROR = {os.strerror(code).lower(): code for code in _ERRNO_SOURCES}
_ERRNO_IN_TEXT = re.compile(r"\[Errno (\d+)\]")


def os_error_text(detail: str) -> str:
    """An OS error's text in the UI language with the OS's own words kept as the detail:
    "设备上没有剩余空间（No space left on device）". Found by the errno in "[Errno 28] …" or by the
    strerror text (what the readers pass on), which come from the same C library as os.strerror here."""
    detail = str(detail)
    found = _ERRNO_IN_TEXT.search(detail)
    code = int(found.group(1)) if found else _BY_STRERROR.get(detail.strip().lower())
    source = _ERRNO_SOURCES.get(code)
    if source is None:
        return detail
    said = QCoreApplication.translate("OsError", source)
    if said == source:  # the English UI: the OS's own words, as the command line prints them
        return detail
    return QCoreApplication.translate("OsError", "{0} ({1})").format(said, detail)


_SIZE_IN_TEXT = re.compile(r"(\d+(?:\.\d+)?) (bytes|KB|MB|GB)")
_UNIT = {"bytes": 1, "KB": 2**10, "MB": 2**20, "GB": 2**30}


def data_size(count: int, decimals: int = 1) -> str:
    """A byte count as the UI's locale writes it ("1,5 GB" in German, "8 字节" in Chinese)."""
    return QLocale().formattedDataSize(int(count), decimals, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def _shown(value) -> str:
    """A figure as the UI language writes it (QLocale: grouping digits, one decimal for sizes; a size
    the reader wrote as "312 MB" or "1.5 GB" in the locale's way, decimal separator and unit word)."""
    locale = QLocale()
    if isinstance(value, str):
        size = _SIZE_IN_TEXT.fullmatch(value.strip())
        if size:
            return data_size(round(float(size.group(1)) * _UNIT[size.group(2)]), 1 if "." in size.group(1) else 0)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return locale.toString(value)
    if isinstance(value, float):
        return locale.toString(value, "f", 1)
    return str(value)


def read_reason_text(code: str, params: dict | None, fallback: str) -> str:
    """The reason for ``code`` in the UI language with ``params`` filled in; ``fallback`` (the English
    reason) for an unknown code or a template that cannot be filled."""
    source = _SOURCES.get(code or "")
    if source is None:
        return fallback
    template = QCoreApplication.translate("ReadReason", source)
    if template == source:  # no translation into the UI language: the reader's exact English
        return fallback
    try:
        return template.format_map({key: os_error_text(value) if key == "error" else _shown(value)
                                    for key, value in (params or {}).items()})
    except (KeyError, IndexError, ValueError):
        return fallback


def outcome_reason(outcome) -> str:
    """A FileOutcome's reason in the UI language (its code and params come from the ReadError)."""
    return read_reason_text(getattr(outcome, "code", ""), getattr(outcome, "params", None), outcome.reason)


def error_reason(exc) -> str:
    """A ReadError's reason in the UI language."""
    return read_reason_text(getattr(exc, "code", ""), getattr(exc, "params", None), exc.reason)


def known_codes() -> set[str]:
    return set(_SOURCES)
