"""annotator/regex_cache.py: compiled patterns kept between processes must match exactly as ``re``'s own.

Each case runs in fresh interpreters (the cache wraps ``re`` process-wide): one that fills the cache,
one that builds the same patterns from it, one with the cache turned off; the match results of all
three must be equal, on Chinese text with astral characters and CRLF. No timing is asserted.
"""

from pathlib import Path

from tests.cache_probe import run_probe

PROBE = r'''
import json, re, sys
from annotator import regex_cache
installed = regex_cache.install()
patterns = [
    (r"(?P<num>[一二三四五六七八九十]+)、(?P<title>[^。\n]{1,40})", 0),
    (r"^[ \t\u3000]*（[一二三四五六七八九十]+）", re.MULTILINE),
    (r"(?<=增长)\d+(?:\.\d+)?%", 0),
    (r"[\U00020000-\U0002A6DF😀]+", 0),
    (r"第\s*\d{1,4}\s*页|共\s*\d+\s*页", re.IGNORECASE),
    (r"(?:要|必须)(?=坚持|加快)", 0),
    (r"\r\n|\r|\n", 0),
    (r"(a)|(?P<b>b)", re.DEBUG * 0),
]
text = "各位代表：\r\n一、𠮷祥的开局😀\r\n（二）今年地区生产总值增长5.5%，第 3 页 共 12 页。要坚持稳中求进，必须加快建设𠮷林。\r\nab"
out = []
for pattern, flags in patterns:
    rx = re.compile(pattern, flags)
    out.append([[m.span(), m.group(0), m.groupdict(), m.lastgroup] for m in rx.finditer(text)])
state = regex_cache._state
print(json.dumps({"installed": installed, "used": len(state.get("used", ())), "new": len(state.get("new", {})),
                  "out": out}, ensure_ascii=False))
'''


def _run(env_extra: dict, cwd: Path) -> dict:
    return run_probe(PROBE, env_extra, cwd)


def test_patterns_from_the_cache_match_as_re_compiles_them(tmp_path):
    env = {"ANNOTATOR_CACHE": str(tmp_path / "cache")}
    plain = _run({**env, "ANNOTATOR_REGEX_CACHE": "0"}, tmp_path)
    first = _run(env, tmp_path)
    second = _run(env, tmp_path)
    assert plain["installed"] is False
    assert first["installed"] and first["new"] >= 8  # compiled as usual, then stored
    assert second["used"] >= 8 and second["new"] == 0  # built from the stored parts
    assert plain["out"] == first["out"] == second["out"]
    assert any(group for group in plain["out"])  # the probe really matched something
    files = list((tmp_path / "cache").glob("regex-*"))
    assert len(files) == 1  # in the user's cache folder, nowhere else


def test_a_damaged_cache_file_costs_a_recompile_not_a_wrong_match(tmp_path):
    env = {"ANNOTATOR_CACHE": str(tmp_path / "cache")}
    expected = _run({**env, "ANNOTATOR_REGEX_CACHE": "0"}, tmp_path)["out"]
    _run(env, tmp_path)
    (path,) = (tmp_path / "cache").glob("regex-*")
    raw = path.read_bytes()
    for damaged in (raw[: len(raw) // 2], b"\x00garbage" * 50, b""):
        path.write_bytes(damaged)
        assert _run(env, tmp_path)["out"] == expected
    # A well-formed file whose code arrays are wrong: _sre refuses them and the pattern is compiled anew.
    import marshal

    _run(env, tmp_path)
    generation, entries = marshal.loads(path.read_bytes())
    broken = {key: (gen, (parts[0], [0xFFFF] * len(parts[1]), *parts[2:])) for key, (gen, parts) in entries.items()}
    path.write_bytes(marshal.dumps((generation, broken)))
    assert _run(env, tmp_path)["out"] == expected


def test_an_unwritable_cache_folder_leaves_re_working(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    env = {"ANNOTATOR_CACHE": str(blocker / "cache")}
    expected = _run({**env, "ANNOTATOR_REGEX_CACHE": "0"}, tmp_path)["out"]
    assert _run(env, tmp_path)["out"] == expected
    assert _run(env, tmp_path)["out"] == expected
