"""Compiled regular expressions kept between processes, like bytecode in .pyc files.

Why: every cold command compiles the same few hundred patterns — the cleaning rules' combined
alternations, the outline's marker grammar, the title rules — and CPython's ``re`` keeps compiled
patterns only in memory. Measured on ``annotator outline`` of a 20 000-character speech: 85–90 ms of its
~230 ms CPU was ``re`` parsing and compiling patterns (issue 19: ``outline`` ≤ 0.3 s cold).

How: ``re._compiler.compile`` turns a pattern into (flags, an int code array, group count, group names)
and hands them to ``_sre.compile``, which builds the Pattern object. ``install()`` wraps that function:
a pattern seen before is built from its stored parts (``_sre.compile`` alone: microseconds), a new one is
compiled as usual and its parts stored. A stored entry is only ever written after ``_sre.compile`` built
a Pattern *equal* to the one ``re`` compiled (CPython's Pattern equality compares pattern, flags and the
whole code array), and ``_sre.compile`` validates any code array it is given, so a damaged or foreign
cache costs a recompile. (The folder is trusted as Python's own bytecode cache is: someone who can write
it can change what the app runs anyway.)

The file lives in the user's cache folder (the same one as jieba's shards), one per interpreter build
(version, ``_sre.MAGIC``, code size), written atomically at exit when the process met new patterns, and
capped: patterns built from user input (search queries, user cleaning rules) age out (``save``). ANNOTATOR_REGEX_CACHE=0 turns it off. Anything unexpected — another Python whose
``re`` internals differ, an unwritable folder — leaves ``re`` exactly as it was.
"""

from __future__ import annotations

import marshal
import os
import sys

MAX_ENTRIES = 3_000
KEEP_GENERATIONS = 50
_FORMAT = 2
_state: dict = {}  # "stored": {key: parts}, "new": {key: parts}, "used": set of keys, "path": Path


def _cache_file():
    from annotator.nlp.segment import cache_dir  # noqa: PLC0415 - the one cache folder of the app

    import _sre  # noqa: PLC0415

    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}-{_FORMAT}"
    return cache_dir() / f"regex-{tag}.marshal"


def _parts(parser, code_of, pattern: str, flags: int) -> tuple:
    """What re._compiler.compile hands to _sre.compile for ``pattern`` (CPython 3.11–3.13)."""
    tree = parser.parse(pattern, flags)
    code = code_of(tree, flags)
    groupindex = tree.state.groupdict
    indexgroup = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # The code holds _NamedIntConstant opcodes (int subclasses marshal refuses): plain ints are the same code.
    return (int(flags | tree.state.flags), [int(c) for c in code], int(tree.state.groups - 1), dict(groupindex),
            tuple(indexgroup))


def install() -> bool:
    """Wrap ``re``'s compiler with the stored patterns; True when installed (once per process)."""
    if _state or os.environ.get("ANNOTATOR_REGEX_CACHE", "1") == "0" or sys.implementation.name != "cpython":
        return bool(_state)
    try:
        import _sre  # noqa: PLC0415
        import atexit  # noqa: PLC0415
        import re  # noqa: PLC0415

        compiler, parser = re._compiler, re._parser  # noqa: SLF001 - see the module docstring
        original, code_of, debug = compiler.compile, compiler._code, re.DEBUG  # noqa: SLF001
        path = _cache_file()
    except (ImportError, AttributeError, OSError, ValueError):
        return False
    generation, stored = 0, {}
    try:
        with open(path, "rb") as handle:  # loads(read()): marshal.load reads a file object piecemeal (slow)
            generation, stored = marshal.loads(handle.read())
        if not isinstance(generation, int) or not isinstance(stored, dict):
            generation, stored = 0, {}
    except (OSError, EOFError, ValueError, TypeError):
        pass  # none yet, or unreadable: start afresh
    new: dict = {}
    used: set = set()
    _state.update(stored=stored, new=new, used=used, path=path, original=original, generation=generation)

    def cached_compile(p, flags=0):  # noqa: ANN001, ANN202 - re._compiler.compile's signature
        if type(p) is not str or flags & debug:
            return original(p, flags)
        key = (p, flags)
        entry = stored.get(key)
        if entry is not None:
            try:
                compiled = _sre.compile(p, *entry[1])
                used.add(key)
                return compiled
            except Exception:  # noqa: BLE001 - a damaged entry: compile as usual and store it again
                stored.pop(key, None)
        compiled = original(p, flags)
        if key not in new and len(new) < MAX_ENTRIES:
            try:
                parts = _parts(parser, code_of, p, flags)
                if _sre.compile(p, *parts) == compiled:
                    new[key] = parts
            except Exception:  # noqa: BLE001 - not storable: still compiled, just not kept
                pass
        return compiled

    compiler.compile = cached_compile
    atexit.register(save)
    return True


def save() -> None:
    """Write the file again when this process met new patterns (atomically). Each entry carries the
    generation (the count of writes) that last used it; one unused for ``KEEP_GENERATIONS`` writes is
    dropped, so patterns built from input (a search query) or a rarely used command's age out, and the
    file stays the size of what the app compiles (~90 patterns, ~170 KB)."""
    if not _state or not _state["new"]:
        return
    # Copies first: a daemon thread (a worker, jieba's loader) may still compile a pattern during exit.
    stored, new, used = dict(_state["stored"]), dict(_state["new"]), set(_state["used"])
    generation = _state["generation"] + 1
    merged = {key: (generation, parts) for key, parts in new.items()}
    merged.update((key, (generation, stored[key][1])) for key in used if key in stored)
    for key, entry in stored.items():
        if len(merged) >= MAX_ENTRIES:
            break
        if key not in merged and entry[0] > generation - KEEP_GENERATIONS:
            merged[key] = entry
    try:
        payload = marshal.dumps((generation, merged))
    except ValueError:
        return
    if write_cache_file(_state["path"], payload):
        _state["stored"].update(merged)
        for key in new:
            _state["new"].pop(key, None)
        _state["generation"] = generation


def write_cache_file(path, payload: bytes) -> bool:
    """Replace a cache file atomically (a temporary file per process, then a rename): another process
    writing the same file at the same moment is harmless, each write being a whole, valid file. False
    (and no temporary file left) when the folder cannot be written. Shared with code_cache."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temp, "wb") as handle:
            handle.write(payload)
        os.replace(temp, path)
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass
        return False
    return True


def uninstall() -> None:
    """Give ``re`` its own compiler back (tests)."""
    if _state:
        import re  # noqa: PLC0415

        re._compiler.compile = _state["original"]  # noqa: SLF001
        _state.clear()
