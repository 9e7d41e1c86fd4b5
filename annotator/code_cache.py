"""The methods ``@dataclass`` generates, compiled once and kept between processes (issue 19).

Why: for every dataclass, ``dataclasses`` writes ``__init__``, ``__repr__``, ``__eq__`` (and for a frozen
one ``__setattr__``, ``__delattr__``, ``__hash__``) as source text and ``exec``s it. Compiling that text is
~85% of defining a dataclass (~0.6 ms each); a cold ``annotator import … --labels`` defines ~50 of them
(this app's and sqlite-utils'), ~30 ms of CPU before any work, and every cold start of the app pays the
same. The text is identical from one run to the next, so its bytecode can be kept like a ``.pyc``.

How: ``install()`` gives the ``dataclasses`` module an ``exec`` of its own (a module global shadows the
builtin; ``dataclasses`` calls ``exec(text, globals, namespace)`` on 3.11–3.13). Text seen before runs
from its stored code object; new text is compiled exactly as the builtin would compile it
(``compile(text, "<string>", "exec")`` with no inherited ``__future__`` flags: ``dataclasses`` has none),
run, and stored. Only what runs changes is *when* it is compiled: the globals, the namespace and the
result are the builtin's.

The file lives in the user's cache folder beside the compiled regular expressions (regex_cache.py), one
per interpreter build (cache tag and bytecode magic number: a code object is only valid for the
interpreter that made it), written atomically at exit when the process met new text, with a CRC-32 of
its contents so a damaged file is ignored (and replaced) instead of loaded. It is trusted as Python's own
bytecode cache is: someone who can write the user's cache folder can change what the user's programs run
anyway. ``ANNOTATOR_CODE_CACHE=0`` turns it off. Anything unexpected leaves ``dataclasses`` as it was.
"""

from __future__ import annotations

import marshal
import os
import sys

MAX_ENTRIES = 2_000  # each class contributes a few texts; the app defines a few hundred classes
_FORMAT = 1
_state: dict = {}  # "stored": {text: code}, "new": {text: code}, "path": Path


def _cache_file():
    from importlib.util import MAGIC_NUMBER  # noqa: PLC0415 - loaded by the interpreter's start-up

    from annotator.nlp.segment import cache_dir  # noqa: PLC0415 - the one cache folder of the app

    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{MAGIC_NUMBER.hex()}-{_FORMAT}"
    return cache_dir() / f"dataclass-code-{tag}.marshal"


def _read(path) -> dict:
    import zlib  # noqa: PLC0415

    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return {}
    if len(data) < 4 or zlib.crc32(data[4:]).to_bytes(4, "little") != data[:4]:
        return {}
    try:
        stored = marshal.loads(data[4:])
    except (EOFError, ValueError, TypeError):
        return {}
    code_type = type(_read.__code__)
    if not isinstance(stored, dict) or not all(type(k) is str and type(v) is code_type for k, v in stored.items()):
        return {}
    return stored


def install() -> bool:
    """Give ``dataclasses`` the cached ``exec``; True when installed (once per process)."""
    if _state or os.environ.get("ANNOTATOR_CODE_CACHE", "1") == "0" or sys.implementation.name != "cpython":
        return bool(_state)
    try:
        import atexit  # noqa: PLC0415
        import builtins  # noqa: PLC0415
        import dataclasses  # noqa: PLC0415

        if "exec" in vars(dataclasses):  # someone else's wrapper: leave it alone
            return False
        path = _cache_file()
    except (ImportError, AttributeError, OSError, ValueError):
        return False
    stored, new = _read(path), {}
    builtin_exec = builtins.exec
    _state.update(stored=stored, new=new, path=path, module=dataclasses)

    def cached_exec(source, globals=None, locals=None, /, **kwargs):  # noqa: A002, ANN001, ANN202 - exec's own
        if globals is None:  # the builtin's default: the caller's namespaces, not this function's
            caller = sys._getframe(1)  # noqa: SLF001
            globals, locals = caller.f_globals, caller.f_locals if locals is None else locals  # noqa: A001
        if type(source) is not str or kwargs:
            return builtin_exec(source, globals, locals, **kwargs)
        code = stored.get(source) or new.get(source)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            if len(new) < MAX_ENTRIES:
                new[source] = code
        return builtin_exec(code, globals, locals)

    dataclasses.exec = cached_exec
    atexit.register(save)
    return True


def save() -> None:
    """Write the file again when this process compiled new text (atomically; another process writing it
    at the same moment is harmless: each write is a whole, valid file)."""
    if not _state or not _state["new"]:
        return
    import zlib  # noqa: PLC0415

    try:  # copies first: a daemon thread may still define a dataclass during exit
        stored, new = dict(_state["stored"]), dict(_state["new"])
    except RuntimeError:
        return
    merged = {**stored, **new}
    if len(merged) > MAX_ENTRIES:  # keep this process's own texts first
        merged = dict(list(new.items()) + list(stored.items())[:max(0, MAX_ENTRIES - len(new))])
    from annotator.regex_cache import write_cache_file  # noqa: PLC0415 - loaded at start anyway

    try:
        payload = marshal.dumps(merged)
    except ValueError:
        return
    if write_cache_file(_state["path"], zlib.crc32(payload).to_bytes(4, "little") + payload):
        _state["stored"].update(new)
        for text in new:
            _state["new"].pop(text, None)


def uninstall() -> None:
    """Give ``dataclasses`` the builtin ``exec`` back (tests)."""
    if _state:
        vars(_state["module"]).pop("exec", None)
        _state.clear()
