"""Never let a Python exception escape into Qt.

An exception raised inside a Python override that Qt calls (QUndoCommand.redo/undo, a model's data(),
a highlighter's highlightBlock, an event filter) is not propagated by PySide6: shiboken stores or prints
it, and on some paths (``storePythonOverrideErrorOrPrint`` → ``PepException_GetArgs``) the process dies
with a segmentation fault. Storage raises ``ProjectError`` on a damaged row, so bad data must never
reach such an override unguarded. Two tools:

- ``SafeCommand``: a QUndoCommand base whose subclasses' ``redo``/``undo`` are wrapped automatically;
  on any exception the command is logged, made obsolete (QUndoStack drops it: the store's state is
  no longer what the command remembers) and ``recover`` shows a message and re-reads the store.
- ``qt_override(default)``: a decorator for other overrides; logs once per place and returns ``default``.
"""

from __future__ import annotations

import functools
import logging

from PySide6.QtGui import QUndoCommand

log = logging.getLogger("annotator.gui")
_reported: set[str] = set()


def describe(exc: BaseException) -> str:
    """A one-line reason for the status bar (the full traceback goes to the log)."""
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:300]


def _wrap_command(fn, phase: str):
    @functools.wraps(fn)
    def safe(self, *args):
        try:
            return fn(self, *args)
        except Exception as exc:  # noqa: BLE001 - anything escaping here would crash the process
            log.exception("%s of %r failed", phase, self.text())
            self.setObsolete(True)
            try:
                self.recover(exc, phase)
            except Exception:  # noqa: BLE001 - recovery itself met bad data: logged, never raised
                log.exception("recovery after a failed %s failed too", phase)
            return None
    safe._safe = True  # noqa: SLF001 - marks the method as already wrapped
    return safe


class SafeCommand(QUndoCommand):
    """Subclasses write ``redo``/``undo`` as usual; they are wrapped when the class is created."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for phase in ("redo", "undo"):
            fn = cls.__dict__.get(phase)
            if fn is not None and not getattr(fn, "_safe", False):
                setattr(cls, phase, _wrap_command(fn, phase))

    def recover(self, exc: BaseException, phase: str) -> None:  # pragma: no cover - overridden
        """Tell the user and re-read the store; subclasses know where their data is shown."""


def report_once(where: str) -> None:
    """Log the exception being handled, once per place (a paint asks the same thing many times)."""
    if where not in _reported:
        _reported.add(where)
        log.exception("%s failed (further failures here are not logged)", where)


def qt_override(default=None):
    """Wrap a Qt-called override: an exception is logged (once per override) and ``default`` returned."""
    def decorate(fn):
        where = f"{fn.__module__}.{fn.__qualname__}"

        @functools.wraps(fn)
        def safe(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except Exception:  # noqa: BLE001 - see the module docstring
                if where not in _reported:
                    _reported.add(where)
                    log.exception("%s failed (further failures here are not logged)", where)
                return default
        return safe
    return decorate
