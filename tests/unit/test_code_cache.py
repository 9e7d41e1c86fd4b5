"""annotator/code_cache.py: the methods ``@dataclass`` generates, run from stored bytecode, must behave
exactly as the ones ``dataclasses`` compiles itself.

Each case runs fresh interpreters (the cache is process-wide): one with the cache off, one that fills it,
one that runs from it; what the probe's classes do must be equal in all three. No timing is asserted.
"""

import os
import subprocess
import sys
from pathlib import Path

from tests.cache_probe import run_probe

PROBE = r'''
import json, sys
from annotator import code_cache
installed = code_cache.install()
from dataclasses import dataclass, field, FrozenInstanceError, asdict, replace

@dataclass
class Plain:
    a: int
    b: str = "𠮷"
    c: list = field(default_factory=list)

@dataclass(frozen=True, order=True)
class Frozen:
    x: int
    y: tuple = ()

@dataclass(eq=False)
class NoEq:
    v: float = 1.5

out = []
p = Plain(1, c=[2])
out.append([repr(p), p == Plain(1, "𠮷", [2]), p == Plain(2), asdict(p), repr(replace(p, a=5))])
f = Frozen(3, (1,))
try:
    f.x = 4
    out.append("mutable")
except FrozenInstanceError as exc:
    out.append(["frozen", type(exc).__name__])
out.append([hash(f) == hash(Frozen(3, (1,))), Frozen(1) < Frozen(2), sorted([Frozen(2), Frozen(1)])[0].x, repr(f)])
n = NoEq()
out.append([n == NoEq(), n == n, repr(n)])
try:
    Plain()
except TypeError as exc:
    out.append(str(exc))
state = code_cache._state
print(json.dumps({"installed": installed, "stored": len(state.get("stored", {})), "new": len(state.get("new", {})),
                  "out": out}, ensure_ascii=False))
'''


def _run(env_extra: dict, cwd: Path) -> dict:
    return run_probe(PROBE, env_extra, cwd)


def test_dataclasses_from_the_cache_behave_as_dataclasses_compiles_them(tmp_path):
    env = {"ANNOTATOR_CACHE": str(tmp_path / "cache")}
    plain = _run({**env, "ANNOTATOR_CODE_CACHE": "0"}, tmp_path)
    first = _run(env, tmp_path)
    second = _run(env, tmp_path)
    assert plain["installed"] is False
    assert first["installed"] and first["new"] >= 8  # compiled as usual, then stored at exit
    assert second["stored"] >= 8 and second["new"] == 0  # every method text came from the file
    assert plain["out"] == first["out"] == second["out"]
    assert plain["out"][1] == ["frozen", "FrozenInstanceError"]
    files = list((tmp_path / "cache").glob("dataclass-code-*"))
    assert len(files) == 1  # in the user's cache folder, nowhere else


def test_a_damaged_cache_file_is_ignored_and_replaced(tmp_path):
    env = {"ANNOTATOR_CACHE": str(tmp_path / "cache")}
    expected = _run({**env, "ANNOTATOR_CODE_CACHE": "0"}, tmp_path)["out"]
    _run(env, tmp_path)
    (stored,) = (tmp_path / "cache").glob("dataclass-code-*")
    data = bytearray(stored.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte: the checksum no longer matches
    stored.write_bytes(bytes(data))
    damaged = _run(env, tmp_path)
    assert damaged["out"] == expected and damaged["stored"] == 0 and damaged["new"] >= 8
    assert _run(env, tmp_path)["stored"] >= 8  # written whole again
    stored.write_bytes(b"not a cache")
    assert _run(env, tmp_path)["out"] == expected


def test_an_unwritable_cache_folder_changes_nothing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")  # the cache folder would have to be inside a file
    env = {"ANNOTATOR_CACHE": str(blocker / "cache")}
    expected = _run({**env, "ANNOTATOR_CODE_CACHE": "0"}, tmp_path)["out"]
    assert _run(env, tmp_path)["out"] == expected
    assert _run(env, tmp_path)["out"] == expected


def test_the_command_line_installs_it_before_any_dataclass_is_defined(tmp_path):
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(root), ANNOTATOR_CACHE=str(tmp_path / "cache"))
    for _ in range(2):
        done = subprocess.run([sys.executable, "-m", "annotator", "outline", str(tmp_path / "missing.txt")],
                              env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert "missing.txt" in done.stderr and done.returncode != 0  # the verb ran and said what was wrong
    assert list((tmp_path / "cache").glob("dataclass-code-*"))
