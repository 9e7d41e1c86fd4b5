"""The one exception every reader raises for input it cannot turn into text."""

from __future__ import annotations

from pathlib import Path

from annotator.paths import display_path


class ReadError(Exception):
    """A file could not be imported; ``reason`` is plain English shown to the annotator as is.

    Callers (CLI, import dialog, batch import) catch only this type, so readers wrap every
    unexpected failure into it rather than letting a library's exception escape.
    """

    def __init__(self, path: str | Path, reason: str):
        # Printable whatever the name's bytes: the message is shown, logged and stored.
        self.path = display_path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"

    def __reduce__(self):
        # Keeps the two-argument constructor working when the error crosses a process boundary.
        return (type(self), (self.path, self.reason))
