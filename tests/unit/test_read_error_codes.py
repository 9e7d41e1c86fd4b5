"""Every ReadError carries a stable code from the one registry (annotator/io/errors.py), so the GUI
can say the reason in the annotator's language; the English reason the CLI prints is unchanged."""

import ast
import pickle
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from annotator.ingest import _prepare_outcome
from annotator.io import limits
from annotator.io.errors import READ_ERROR_CODES, ReadError
from annotator.io.readers import read_file

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "annotator"
TS = ROOT / "resources" / "i18n" / "annotator_zh_CN.ts"


def _read_error_calls():
    for path in sorted(PKG.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if name == "ReadError":
                    yield path.relative_to(ROOT), node


def _strings(node):
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def test_every_read_error_call_has_a_registered_code():
    calls = list(_read_error_calls())
    assert len(calls) >= 46, "the scan must find the readers' call sites"  # 46 when written
    missing, unknown, wrong_params = [], [], []
    for path, call in calls:
        keywords = {k.arg: k.value for k in call.keywords}
        if "code" not in keywords:
            missing.append(f"{path}:{call.lineno}")
            continue
        for code in _strings(keywords["code"]):  # a literal, or both arms of a conditional
            if code not in READ_ERROR_CODES:
                unknown.append(f"{path}:{call.lineno}: {code}")
            elif isinstance(keywords.get("params"), ast.Dict):
                keys = {k.value for k in keywords["params"].keys}
                if keys != set(READ_ERROR_CODES[code]):
                    wrong_params.append(f"{path}:{call.lineno}: {code} {sorted(keys)}")
    assert not missing, f"ReadError without code=: {missing}"
    assert not unknown, f"codes not in READ_ERROR_CODES: {unknown}"
    assert not wrong_params, f"params differ from the registry: {wrong_params}"


def test_every_registered_code_is_raised_somewhere():
    source = "\n".join(p.read_text(encoding="utf-8") for p in PKG.rglob("*.py") if p.name != "errors.py"
                       and "gui" not in p.parts)
    unused = [code for code in READ_ERROR_CODES if f'"{code}"' not in source]
    assert not unused


def _gui_sources() -> dict[str, str]:
    # Read by AST: the unit tests stay Qt-free.
    tree = ast.parse((PKG / "gui" / "read_reasons.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "_SOURCES":
            return ast.literal_eval(node.value)
    raise AssertionError("_SOURCES not found in annotator/gui/read_reasons.py")


def test_gui_has_a_sentence_for_every_code_naming_its_params():
    sources = _gui_sources()
    assert set(sources) == set(READ_ERROR_CODES)
    for code, text in sources.items():
        named = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        assert named <= set(READ_ERROR_CODES[code]), code  # a sentence may leave a figure out


def test_every_code_has_a_chinese_translation_in_the_catalogue():
    translations = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") == "ReadReason":
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and translation.get("type") not in ("unfinished", "obsolete", "vanished"):
                    translations[message.findtext("source")] = translation.text or ""
    formatter = string.Formatter()
    for code, source in _gui_sources().items():
        chinese = translations.get(source)
        assert chinese, f"{code}: no finished Chinese translation of {source!r}"
        assert any("\u4e00" <= ch <= "\u9fff" for ch in chinese), code
        named = {name for _, name, _, _ in formatter.parse(chinese) if name}
        assert named == {name for _, name, _, _ in formatter.parse(source) if name}, f"{code}: names {named}"


def test_codes_and_params_of_real_refusals(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    invisible = tmp_path / "invisible.txt"
    invisible.write_text("\u200b\u200b\ufeff  \n", encoding="utf-8")
    lines = tmp_path / "lines.txt"
    lines.write_text("一\n" * (limits.MAX_LINES + 5), encoding="utf-8")
    found = {}
    for path in (empty, binary, invisible, lines, tmp_path / "absent.txt", tmp_path):
        with pytest.raises(ReadError) as info:
            read_file(path)
        found[path.name] = info.value
    assert found["empty.txt"].code == "empty-file" and found["empty.txt"].reason == "empty file"
    assert found["blob.txt"].code in {"binary-nul-bytes", "binary-nul-chars", "binary-control-chars",
                                      "unknown-encoding"}
    assert found["invisible.txt"].code == "empty-invisible"
    assert found["lines.txt"].code == "too-many-lines"
    assert found["lines.txt"].params == {"lines": limits.MAX_LINES + 5, "limit": limits.MAX_LINES}
    assert found["lines.txt"].reason.startswith(f"the text has {limits.MAX_LINES + 5:,} lines")
    assert found["absent.txt"].code == "file-not-found"
    assert found[tmp_path.name].code == "is-folder"


def test_code_and_params_survive_pickling_and_reach_the_outcome(tmp_path):
    error = ReadError("a.txt", "the text has 9 lines", code="too-many-lines", params={"lines": 9, "limit": 5})
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.reason, copy.code, copy.params) == ("a.txt", "the text has 9 lines", "too-many-lines",
                                                                {"lines": 9, "limit": 5})
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    outcome = _prepare_outcome(empty)
    assert (outcome.status, outcome.reason, outcome.code, outcome.params) == ("failed", "empty file", "empty-file", {})


def test_ingest_outcomes_that_fail_or_skip_carry_a_code():
    """ingest.py's own reasons (links, folders, saves) are shown in the same summary: coded too."""
    tree = ast.parse((PKG / "ingest.py").read_text(encoding="utf-8"))
    missing, seen = [], 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "FileOutcome":
            statuses = _strings(node.args[1]) if len(node.args) > 1 else \
                _strings(next((k.value for k in node.keywords if k.arg == "status"), ast.Constant(None)))
            if set(statuses) & {"failed", "skipped"}:
                seen += 1
                keywords = {k.arg for k in node.keywords}
                if "code" not in keywords and None not in keywords:  # None: **save_failure_code(exc)
                    missing.append(node.lineno)
                for k in node.keywords:
                    if k.arg == "code":
                        assert set(_strings(k.value)) <= set(READ_ERROR_CODES), node.lineno
    assert seen >= 8 and not missing, (seen, missing)


def test_links_and_failed_saves_have_codes(tmp_path):
    from annotator.ingest import save_failure, save_failure_code, walk_paths

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "gone.txt").symlink_to(tmp_path / "absent.txt")
    outside = tmp_path / "outside.txt"
    outside.write_text("一、总体要求\n", encoding="utf-8")
    (folder / "out.txt").symlink_to(outside)
    _, problems = walk_paths([folder])
    codes = {Path(p.path).name: (p.code, p.params) for p in problems}
    assert codes["gone.txt"] == ("broken-symlink", {})
    assert codes["out.txt"][0] == "symlink-outside-file" and "outside.txt" in codes["out.txt"][1]["target"]
    full = OSError(28, "No space left on device")
    assert save_failure_code(full) == {"code": "not-saved-disk-full", "params": {}}
    assert save_failure(full) == "not saved (the disk is full: free some space and import it again); " \
                                 "nothing of this file was saved"
    other = save_failure_code(ValueError("odd"))
    assert other == {"code": "not-saved", "params": {"error": "ValueError: odd"}}
