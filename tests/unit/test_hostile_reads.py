"""Hostile speech files test_bad_input.py does not cover: a byte-order mark that contradicts the text,
a file joined from UTF-8 and GB18030 parts, a tag with a flood of attributes, a .docx whose main part
is other XML or nested past libxml2's depth limit. Each imports right (with a warning saying what was
done) or fails with a message a person can act on, naming the file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from annotator.io import html_reader
from annotator.io.errors import ReadError
from annotator.io.readers import read_file

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "readers"))
import bad_inputs  # noqa: E402
import docx_fixtures  # noqa: E402

SAMPLE = bad_inputs.SAMPLE  # has 𠮷 (four bytes in UTF-8 and GB18030, a surrogate pair in UTF-16)
GBK_SAMPLE = SAMPLE.replace("𠮷", "吉")  # GBK proper has no 𠮷


@pytest.mark.parametrize("bom, body_encoding", [(b"\xfe\xff", "utf-16-le"), (b"\xff\xfe", "utf-16-be")])
def test_a_utf16_mark_of_the_wrong_byte_order_is_overruled(tmp_path, bom, body_encoding):
    path = tmp_path / "swapped.txt"
    path.write_bytes(bom + (SAMPLE * 3).encode(body_encoding))
    result = read_file(path)
    assert result.text == SAMPLE * 3 and result.encoding == body_encoding
    assert any("byte-order mark says UTF-16" in w for w in result.warnings)


def test_a_right_utf16_mark_is_still_trusted(tmp_path):
    path = tmp_path / "right.txt"
    path.write_bytes((SAMPLE * 3).encode("utf-16"))
    result = read_file(path)
    assert result.text == SAMPLE * 3 and not any("byte-order" in w for w in result.warnings)


@pytest.mark.parametrize("first", ["utf-8", "gbk"])
def test_a_file_joined_from_utf8_and_gbk_reads_each_part_right(tmp_path, first):
    second = "gbk" if first == "utf-8" else "utf-8"
    path = tmp_path / "joined.txt"
    path.write_bytes((GBK_SAMPLE * 20).encode(first) + ("附件：" + GBK_SAMPLE * 5).encode(second))
    result = read_file(path)
    assert result.text == GBK_SAMPLE * 20 + "附件：" + GBK_SAMPLE * 5
    assert "\ufffd" not in result.text
    gb_lines = "lines 61–75" if first == "utf-8" else "lines 1–60"
    assert any("mixes two encodings" in w and gb_lines in w for w in result.warnings), result.warnings


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_files_in_one_encoding_are_not_called_mixed(tmp_path, encoding):
    path = tmp_path / "one.txt"
    path.write_bytes((SAMPLE * 20).encode(encoding))
    result = read_file(path)
    assert result.text == SAMPLE * 20 and result.encoding == encoding
    assert not any("mixes" in w for w in result.warnings)


def test_gbk_with_a_few_broken_bytes_is_not_taken_for_mixed(tmp_path):
    # Lines that are neither UTF-8 nor GB18030: the per-line reading does not apply (mixed_gbk.txt).
    path = tmp_path / "broken.txt"
    path.write_bytes(bad_inputs._mixed_gbk())
    result = read_file(path)
    assert result.encoding == "gb18030" and not any("mixes" in w for w in result.warnings)


def test_a_tag_with_a_flood_of_attributes_reaches_the_parser_cut(tmp_path, monkeypatch):
    seen = []
    original = html_reader._TextExtractor.handle_starttag

    def spy(self, tag, attrs):
        seen.append(len(attrs))
        return original(self, tag, attrs)

    monkeypatch.setattr(html_reader._TextExtractor, "handle_starttag", spy)
    path = tmp_path / "attrs.html"
    path.write_bytes(("<p " + 'a=1 b="x > y" ' * 20_000 + "c>一是要加强</p><p>二是</p>").encode())
    result = read_file(path)
    assert result.text == "一是要加强\n二是"
    assert max(seen) == html_reader.MAX_ATTRIBUTES
    assert any("39,001 attributes past the first 1,000" in w for w in result.warnings), result.warnings


def test_tags_with_few_attributes_or_one_long_value_are_untouched():
    page = ('<img src="data:image/png;base64,' + "A" * 200_000 + '"><p class=x ' + "d=1 " * 999 + ">一</p>")
    assert html_reader.cap_attributes(page) == (page, 0)


def test_a_docx_whose_main_part_is_other_xml_says_so(tmp_path):
    path = tmp_path / "other.docx"
    path.write_bytes(docx_fixtures.rezip(bad_inputs._good_docx(),
                                         replace={"word/document.xml": b'<?xml version="1.0"?><foo/>'}))
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert err.value.reason == "corrupt .docx (the main document part is <foo>, not a Word document body)"
    assert str(err.value).startswith(str(path))


@pytest.mark.parametrize("opening, closing", [("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>"),
                                              ("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>")])
def test_a_docx_nested_past_the_parser_limit_is_explained_not_given_libxml2_advice(tmp_path, opening, closing):
    path = tmp_path / "deep.docx"
    body = opening * 3000 + "<w:p><w:r><w:t>深</w:t></w:r></w:p>" + closing * 3000
    path.write_bytes(docx_fixtures.rezip(bad_inputs._good_docx(),
                                         replace={"word/document.xml": bad_inputs.document_xml(body)}))
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert "nested deeper than Word ever writes" in err.value.reason
    assert "XML_PARSE_HUGE" not in err.value.reason


@pytest.mark.parametrize("encoding, name", [("gbk", "GB18030"), ("big5", "CP950")])
def test_a_utf8_mark_before_legacy_text_is_overruled_and_said(tmp_path, encoding, name):
    text = (GBK_SAMPLE if encoding == "gbk" else bad_inputs.TRADITIONAL) * 3
    path = tmp_path / "marked.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode(encoding))
    result = read_file(path)
    assert result.text == text
    assert result.warnings[0] == f"the file starts with a UTF-8 byte-order mark but the text is {name}; read as {name}"


def test_a_utf8_mark_before_binary_data_is_still_refused(tmp_path):
    import random

    path = tmp_path / "noise.txt"
    rng = random.Random(7)
    path.write_bytes(b"\xef\xbb\xbf" + bytes(rng.randrange(0x80, 0x100) for _ in range(65536)))
    with pytest.raises(ReadError, match="says UTF-8 but most bytes are not UTF-8"):
        read_file(path)


@pytest.mark.parametrize("name, make", [
    ("lines.txt", lambda n: ("一是\n" * n).encode("gb18030")),
    ("lines.html", lambda n: ("<p>一是</p>" * n).encode()),
])
def test_the_line_limit_counts_the_text_in_every_format(tmp_path, monkeypatch, name, make):
    from annotator.io import limits

    monkeypatch.setattr(limits, "MAX_LINES", 50)
    path = tmp_path / name
    path.write_bytes(make(50))
    assert read_file(path).text.rstrip("\n").count("\n") == 49  # at the limit: imported
    path.write_bytes(make(51))
    with pytest.raises(ReadError) as err:
        read_file(path)
    assert "the text has 51 lines; the limit is 50" in err.value.reason and str(err.value).startswith(str(path))


def test_a_folder_import_goes_on_past_a_file_over_the_line_limit(tmp_path, monkeypatch, project_at):
    from annotator.io import limits
    from annotator.services.importing import import_files
    from annotator.storage import open_project

    monkeypatch.setattr(limits, "MAX_LINES", 50)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a_list.txt").write_bytes("一\n".encode() * 60)
    (tmp_path / "in" / "b_speech.txt").write_text("同志们：一是要加强基层建设，二是要提高服务效率。\n", "utf-8")
    with open_project(project_at("p.db")) as project:
        summary = import_files(project, [tmp_path / "in"], index=False)
    assert summary.imported == 1
    assert [(o.path.endswith("a_list.txt"), "60 lines" in o.reason) for o in summary.failed] == [(True, True)]
