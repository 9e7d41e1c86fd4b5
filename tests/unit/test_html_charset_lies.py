"""A page whose <meta charset> lies (browsers and editors re-save pages without fixing it) is read by what
its bytes are, with a note naming the declaration, printed in the import report beside the file; a
declaration the bytes bear out is still believed — also where the bytes are valid in both encodings."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from annotator.io.readers import read_file

SPEECH = "一是要切实加强职工权益维护，全县地区生产总值实现60.6亿元，增长5.2%。"
# Common hanzi whose GBK bytes (lead C2–DF, trail A1–BF) also form valid two-byte UTF-8: "职权" in GBK
# reads as UTF-8 "ְȨ". Short GBK titles like these are where a UTF-8-first reader garbled pages.
BOTH_VALID = "要实强职权维全值元群展效态"


def _page(body: str, charset: str, title: str = "标题") -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    return f"<html><head>{meta}<title>{title}</title></head><body><p>{body}</p></body></html>"


def _read(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return read_file(path)


def test_the_strings_really_are_valid_in_both():
    gbk = BOTH_VALID.encode("gbk")
    assert gbk.decode("utf-8") != BOTH_VALID  # valid UTF-8, but garbage
    utf8 = "全面推进".encode("utf-8")
    assert utf8.decode("gb18030") != "全面推进"  # UTF-8 hanzi that GB18030 also decodes, as garbage


@pytest.mark.parametrize("label", ["gb2312", "GBK", "gb18030"])
def test_gb_declaration_over_utf8_bytes(tmp_path, label):
    for text in (SPEECH, "全面推进"):  # the second decodes as GB18030 too: only the evidence tells
        result = _read(tmp_path, "saved.html", _page(text, label).encode("utf-8"))
        assert (result.text, result.encoding) == (text, "utf-8")
        assert any(label in w and "UTF-8" in w for w in result.warnings), result.warnings


def test_utf8_declaration_over_gbk_bytes(tmp_path):
    result = _read(tmp_path, "saved.html", _page(SPEECH, "utf-8").encode("gbk"))
    assert (result.text, result.encoding) == (SPEECH, "gb18030")
    assert any("'utf-8'" in w and "GB18030" in w for w in result.warnings), result.warnings


def test_utf8_declaration_over_gbk_bytes_that_are_valid_utf8(tmp_path):
    result = _read(tmp_path, "saved.html", _page(BOTH_VALID, "utf-8", title="职权").encode("gbk"))
    assert (result.text, result.encoding) == (BOTH_VALID, "gb18030")
    assert any("garbled" in w for w in result.warnings), result.warnings


@pytest.mark.parametrize(("text", "charset", "codec", "expected"), [
    (BOTH_VALID, "gb2312", "gbk", "gb18030"),  # true declaration (the page's title "T" is ASCII), bytes valid as UTF-8 too: GBK (was garbled)
    (SPEECH, "gbk", "gbk", "gb18030"),
    (SPEECH, "utf-8", "utf-8", "utf-8"),
    ("全面推进", "utf-8", "utf-8", "utf-8"),  # valid GB18030 as well
    ("Привет, мир", "windows-1251", "cp1251", "cp1251"),
])
def test_a_true_declaration_is_believed_without_a_note(tmp_path, text, charset, codec, expected):
    result = _read(tmp_path, "page.html", _page(text, charset, title="T").encode(codec))
    assert (result.text, result.encoding) == (text, expected)
    assert result.metadata["charset_source"] == "meta"
    assert not result.warnings


def test_the_import_report_names_the_file(tmp_path):
    lying = tmp_path / "lying.html"
    lying.write_bytes(_page(SPEECH, "gb2312").encode("utf-8"))
    honest = tmp_path / "honest.html"
    honest.write_bytes(_page("二是要压实责任。", "utf-8").encode("utf-8"))
    env = {**os.environ, "ANNOTATOR_CACHE": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-m", "annotator", "import", str(tmp_path / "p.annotator.db"),
                           str(lying), str(honest), "--index", "none"],
                          capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    notes = [line for line in done.stderr.splitlines() if line.startswith("note ")]
    assert len(notes) == 1 and "lying.html" in notes[0] and "gb2312" in notes[0], done.stderr
