"""Hostile documents of kinds test_bad_input.py and test_hostile_reads.py do not cover (session 8's
checker): a page whose <meta charset> names a codec no browser knows, binary data behind a charset
declaration, a flood of "<" that opens nothing. Each imports right or fails with a message naming the
file and the problem; time is bounded by the tests' timeouts, never asserted.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from annotator.io.errors import ReadError
from annotator.io.readers import read_file

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data"))
import bad_inputs  # noqa: E402

SAMPLE = bad_inputs.SAMPLE.replace("𠮷", "吉")  # GBK proper has no 𠮷
GBK_PAGE_TEXT = SAMPLE.strip().replace("\n", "")


def _page(charset: str, body: bytes) -> bytes:
    return f'<html><head><meta charset="{charset}"></head><body><p>'.encode() + body + b"</p></body></html>"


@pytest.mark.parametrize("charset", ["base64", "zlib", "rot13", "hex", "unicode_escape", "cp037", "utf-7",
                                     "punycode", "palmos"])
def test_a_charset_no_browser_knows_is_ignored_and_the_page_detected(tmp_path, charset):
    # Python's codec registry answers to these names: "base64" failed the page with a LookupError,
    # "unicode_escape" and EBCDIC "cp037" turned it into garbage without a word.
    path = tmp_path / "page.html"
    path.write_bytes(_page(charset, SAMPLE.encode("gbk")))
    result = read_file(path)
    assert result.text == GBK_PAGE_TEXT and result.encoding == "gb18030"


@pytest.mark.parametrize("charset, encoding", [("gbk", "gbk"), ("big5", "big5"), ("shift_jis", "shift_jis"),
                                               ("windows-1251", "cp1251")])
def test_browser_charsets_are_still_honoured(tmp_path, charset, encoding):
    text = {"gbk": SAMPLE, "big5": bad_inputs.TRADITIONAL, "shift_jis": bad_inputs.JAPANESE,
            "windows-1251": "Уважаемые коллеги, заседание открыто.\n"}[charset]
    path = tmp_path / "page.html"
    path.write_bytes(_page(charset, text.encode(encoding)))
    assert read_file(path).text == text.strip().replace("\n", "")


@pytest.mark.parametrize("body", [bytes(range(128)) * 100, "一是要加强".encode() + b"\x00\x00" + "二是".encode()])
def test_binary_data_behind_a_charset_declaration_is_refused(tmp_path, body):
    # Without a <meta charset> these bytes were refused as binary; with one, they were imported as a
    # page of control characters (NULs and all).
    path = tmp_path / "page.html"
    path.write_bytes(b'<meta charset="utf-8">' + body)
    with pytest.raises(ReadError, match="not a text file") as info:
        read_file(path)
    assert str(info.value).startswith(str(path))


def test_a_flood_of_lone_less_than_signs_is_handed_over_in_a_few_pieces(tmp_path, monkeypatch):
    # html.parser hands each "<" that opens nothing to the handler alone (~17 µs a call): 3 MB of
    # them took 50 s. Counted in calls, not seconds: the text must come in a few pieces.
    from annotator.io import html_reader

    calls = []
    handle_data = html_reader._TextExtractor.handle_data
    monkeypatch.setattr(html_reader._TextExtractor, "handle_data",
                        lambda self, data: calls.append(len(data)) or handle_data(self, data))
    path = tmp_path / "lt.html"
    path.write_bytes(("<p>一是</p>" + "<" * 200_000 + ">").encode())
    result = read_file(path)
    assert result.text == "一是\n" + "<" * 200_000 + ">"
    assert len(calls) < 100


def test_lone_less_than_signs_read_exactly_as_before(tmp_path):
    # Text, title and attributes keep their "<"; the page's own noncharacters are not mistaken for it.
    path = tmp_path / "lt.html"
    path.write_bytes('<title>t < u</title><p>a < b <1 <一 <<>></p><p title="x<y" hidden>不</p>'
                     '<!-- <c --><script>if(a<b)</script><p>\ufdd0 < \ufdd1</p><p>尾 < '.encode())
    result = read_file(path)
    assert result.text == "a < b <1 <一 <<>>\n\ufdd0 < \ufdd1\n尾 <"
    assert result.title == "t < u"
