"""The one exception every reader raises for input it cannot turn into text.

Each ReadError carries a stable machine ``code`` (one of READ_ERROR_CODES) and the figures in its
sentence (``params``) beside the English ``reason``: the CLI prints the reason as is, the GUI turns
(code, params) into the annotator's language (gui/read_reasons.py), so a Chinese window never shows
an English sentence the import code wrote. tests/unit/test_read_error_codes.py fails on a
``ReadError(`` call without ``code=`` and on a code missing here or from the Chinese catalogue.
"""

from __future__ import annotations

from pathlib import Path

from annotator.paths import display_path

# The one registry of reasons: code -> the parameters its sentence names (the GUI's templates use them).
READ_ERROR_CODES: dict[str, tuple[str, ...]] = {
    # reading the bytes (readers.read_limited)
    "file-not-found": (),
    "permission-denied": (),
    "cannot-open": ("error",),
    "cannot-read": ("error",),
    "is-folder": (),
    "not-regular-file": (),
    "file-too-large": ("size_mb", "limit_mb"),
    # what the bytes are
    "unsupported-format": ("format",),  # .doc/.wps/.pdf/.rtf by their extension
    "old-office-file": (),
    "binary-file": (),
    "binary-nul-bytes": ("line",),
    "binary-nul-chars": (),
    "binary-control-chars": (),
    "unknown-encoding": (),
    "bad-utf8-bom": (),
    "empty-file": (),
    "empty-invisible": (),  # only spaces, zero-width or control characters
    # limits on the text
    "text-too-long": ("limit_mchars", "limit_mb"),
    "too-many-lines": ("lines", "limit"),
    "too-many-tags": ("limit", "size_mb"),
    "out-of-memory": (),
    "nested-too-deep": (),
    "read-failed": ("error",),
    # .docx packages
    "docx-not-package": (),
    "docx-not-zip": (),
    "docx-part-missing": ("part",),
    "docx-bad-zip": ("error",),
    "docx-bad-xml": ("error",),
    "docx-wrong-root": ("root",),
    "docx-encrypted": (),
    "docx-encrypted-or-doc": (),
    "docx-is-excel": (),
    "docx-is-powerpoint": (),
    "docx-is-opendocument": ("format",),  # an .odt/.ods/.odp renamed to .docx
    "docx-no-word-document": (),
    "docx-too-many-entries": ("entries", "limit"),
    "docx-unpacked-too-large": ("size", "limit"),
    "docx-zip-bomb-ratio": ("part", "ratio"),
    "docx-xml-too-large": ("part", "size", "limit"),
    "docx-unpack-failed": ("part", "error"),
    "docx-dtd": ("part",),
    # after reading (ingest.py)
    "clean-failed": ("error",),
    "no-text-after-cleaning": (),
    "outline-failed": ("error",),
    # Not ReadErrors but the same kind of thing: why ingest.py reports a file or folder as failed or
    # skipped (FileOutcome.code), shown beside the readers' reasons in the same summary.
    "symlink-loop": (),
    "folder-unreadable": ("error",),
    "broken-symlink": (),
    "symlink-outside-folder": ("target",),
    "symlink-outside-file": ("target",),
    "open-project-file": (),
    "not-saved": ("error",),
    "not-saved-disk-full": (),
    "not-saved-read-only": (),
    "not-saved-io-error": (),
}


class ReadError(Exception):
    """A file could not be imported; ``reason`` is plain English shown as is by the CLI, ``code`` and
    ``params`` let the GUI say the same in the annotator's language.

    Callers (CLI, import dialog, batch import) catch only this type, so readers wrap every
    unexpected failure into it rather than letting a library's exception escape.
    """

    def __init__(self, path: str | Path, reason: str, *, code: str = "", params: dict | None = None):
        # Printable whatever the name's bytes: the message is shown, logged and stored.
        self.path = display_path(path)
        self.reason = reason
        self.code = code
        self.params = dict(params or {})
        super().__init__(f"{self.path}: {reason}")

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"

    def __reduce__(self):
        # Keeps code and params when the error crosses a process boundary (keyword-only arguments).
        return (_rebuild, (type(self), self.path, self.reason, self.code, self.params))


def _rebuild(cls, path, reason, code, params):
    return cls(path, reason, code=code, params=params)
