"""read_file: each format, line ends, normalisation, docx numbering and tables, html text, seeds."""

from __future__ import annotations

import codecs
import io
import os
import sys
from pathlib import Path

import docx
import pytest

from annotator.io.errors import ReadError
from annotator.io.readers import READ_LIMIT_BYTES, normalize_text, read_file

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "readers"))
import docx_fixtures  # noqa: E402

SAMPLE = "𠮷一是要加强基层组织建设，二是要提高服务群众的能力。\n（一）全年增长5.2%。\n"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- plain text --
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
def test_text_in_every_encoding_keeps_offsets(tmp_path, encoding):
    result = read_file(write(tmp_path, "speech.txt", SAMPLE.encode(encoding)))
    assert result.text == SAMPLE
    assert result.format == "txt"
    assert result.text.index("加强") == 4  # 𠮷 counts as one code point
    assert result.encoding.replace("-sig", "") in (encoding.replace("-sig", ""), "utf-16-le")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_become_lf(tmp_path, newline):
    result = read_file(write(tmp_path, "speech.txt", SAMPLE.replace("\n", newline).encode("gb18030")))
    assert result.text == SAMPLE
    assert "\r" not in result.text


def test_mixed_line_ends_and_unicode_separators(tmp_path):
    raw = "甲\r\n乙\r丙\n丁\u2028戊\u2029己\x0c庚"
    result = read_file(write(tmp_path, "a.txt", raw.encode("utf-8")))
    assert result.text == "甲\n乙\n丙\n丁\n戊\n己\n庚"
    assert result.text.split("\n") == result.text.splitlines()


def test_markdown_is_kept_verbatim(tmp_path):
    md = "# 在全市会议上的讲话\n\n## 一、总体要求\n\n**加强**建设。\n"
    result = read_file(write(tmp_path, "speech.md", md.encode("utf-8")))
    assert (result.text, result.format) == (md, "md")


def test_str_path_and_text_extension(tmp_path):
    path = write(tmp_path, "speech.TEXT", SAMPLE.encode("utf-8"))
    result = read_file(str(path))
    assert result.text == SAMPLE
    assert result.metadata["source_path"] == str(path)


def test_unknown_extension_is_sniffed_as_text(tmp_path):
    result = read_file(write(tmp_path, "speech.log", SAMPLE.encode("gb18030")))
    assert result.text == SAMPLE
    assert any("unknown file extension" in w for w in result.warnings)


def test_unknown_extension_with_html_content_uses_the_html_reader(tmp_path):
    html = "<!DOCTYPE html><html><head><title>题目</title></head><body><p>一是</p><p>二是</p></body></html>"
    result = read_file(write(tmp_path, "page.asp", html.encode("utf-8")))
    assert (result.format, result.title, result.text) == ("html", "题目", "一是\n二是")


def test_invisible_characters_removed_but_emoji_joiners_kept():
    text, notes = normalize_text("一\u200b、加\u200d强\ufeff建\u202e设\u2066。👩\u200d🔬")
    assert text == "一、加强建设。👩\u200d🔬"
    assert "removed 5" in notes[0]


def test_full_width_punctuation_nbsp_and_ideographic_space_are_untouched():
    raw = "\u3000\u3000（一）加强：“１２３”，\xa0完成！"
    assert normalize_text(raw) == (raw, [])


def test_read_limit_is_20_mb():
    assert READ_LIMIT_BYTES == 20 * 1024 * 1024


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p / "missing.txt", "file not found"),
        (lambda p: p, "is a folder, not a file"),
        (lambda p: (p / "old.doc").write_bytes(b"x") and p / "old.doc", "save it as .docx"),
        (lambda p: (p / "scan.pdf").write_bytes(b"%PDF-1.7") and p / "scan.pdf", "PDF files are not supported"),
    ],
    ids=["missing", "folder", "doc", "pdf"],
)
def test_unreadable_paths_give_plain_reasons(tmp_path, make, reason):
    with pytest.raises(ReadError) as info:
        read_file(make(tmp_path))
    assert reason in info.value.reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")
def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ReadError, match="not a regular file"):
        read_file(fifo)


# -- docx --
def test_docx_numbering_tables_and_title(tmp_path):
    result = read_file(write(tmp_path, "speech.docx", docx_fixtures.numbered_speech_docx()))
    assert result.text.split("\n") == docx_fixtures.EXPECTED_NUMBERED_LINES
    assert (result.format, result.encoding) == ("docx", "docx")
    assert result.title == "在全市工作会议上的讲话"
    assert result.metadata["author"] == "测试作者"
    assert result.metadata["tables"] == 1
    assert result.metadata["numbered_paragraphs"] == 19


def _body_docx(body_xml: str) -> bytes:
    document = docx.Document()
    document.add_paragraph("占位")
    base = docx_fixtures.to_bytes(document)
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{docx_fixtures.W_NS}">'
           f"<w:body>{body_xml}</w:body></w:document>").encode("utf-8")
    return docx_fixtures.rezip(base, replace={"word/document.xml": xml})


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def test_docx_without_extension_is_sniffed(tmp_path):
    result = read_file(write(tmp_path, "speech", docx_fixtures.numbered_speech_docx()))
    assert result.format == "docx"
    assert "一、总结成绩" in result.text.split("\n")


def test_docx_numbering_without_numbering_part_is_ignored(tmp_path):
    import re
    import zipfile

    original = docx_fixtures.numbered_speech_docx()
    rels_name = "word/_rels/document.xml.rels"
    with zipfile.ZipFile(io.BytesIO(original)) as archive:
        rels = archive.read(rels_name).decode("utf-8")
    rels = re.sub(r"<Relationship [^>]*numbering[^>]*/>", "", rels)
    data = docx_fixtures.rezip(original, replace={rels_name: rels.encode()}, drop={"word/numbering.xml"})
    lines = read_file(write(tmp_path, "n.docx", data)).text.split("\n")
    assert "总结成绩" in lines and "加快审批" in lines


def test_docx_with_a_dangling_part_reference_is_corrupt(tmp_path):
    data = docx_fixtures.rezip(docx_fixtures.numbered_speech_docx(), drop={"word/numbering.xml"})
    with pytest.raises(ReadError, match=r"corrupt \.docx \(the part word/numbering.xml is missing\)"):
        read_file(write(tmp_path, "n.docx", data))


def test_docx_revisions_fields_breaks_and_content_controls(tmp_path):
    body = (
        "<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>插入</w:t></w:r></w:ins><w:r><w:tab/><w:t>甲</w:t><w:br/><w:t>乙</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        "<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>"
        f"<w:sdt><w:sdtPr/><w:sdtContent>{_p('控件内容')}</w:sdtContent></w:sdt>"
        + _p("结尾")
    )
    result = read_file(write(tmp_path, "rev.docx", _body_docx(body)))
    assert result.text == "保留插入\t甲\n乙3链接\n控件内容\n结尾"


def test_docx_layout_table_keeps_paragraphs_and_merged_rows(tmp_path):
    layout = f"<w:tbl><w:tr><w:tc>{_p('第一段')}{_p('第二段')}</w:tc><w:tc>{_p('')}</w:tc></w:tr></w:tbl>"
    data = ("<w:tbl><w:tr><w:tc>" + _p("地区") + "</w:tc><w:tc>" + _p("增长") + _p("（%）")
            + "</w:tc></w:tr></w:tbl>")
    result = read_file(write(tmp_path, "t.docx", _body_docx(_p("前") + layout + data + _p("后"))))
    assert result.text == "前\n第一段\n第二段\n地区\t增长 （%）\n后"


# -- html --
def test_html_blocks_entities_title_and_whitespace(tmp_path):
    html = """<html><head><title> 在全市
    会议上的讲话 </title><style>p{}</style></head><body>
    <h1>讲话</h1><div><p>一是要加强
    基层建设&mdash;&amp;&lt;提高&gt;&nbsp;效率。</p></div>
    <ul><li>第一项</li><li>second   item</li></ul>
    <table><tr><td>地区</td><td>增长</td></tr></table>
    <p>甲<br>乙<br/><br>丙</p><pre>  保留
    空格</pre></body></html>"""
    result = read_file(write(tmp_path, "page.html", html.encode("utf-8")))
    assert result.title == "在全市 会议上的讲话"
    assert result.text == ("讲话\n一是要加强基层建设—&<提高>\xa0效率。\n第一项\nsecond item\n地区\t增长\n"
                           "甲\n乙\n\n丙\n  保留\n    空格")


def test_html_ordered_lists_keep_the_numbers_a_browser_shows(tmp_path):
    html = """<ol>
      <li>加强领导</li><li>压实责任<ol type="a" start="3"><li>细化</li><li value="9">量化</li></ol></li>
      <li>强化考核</li></ol><ul><li>无序项</li></ul>"""
    result = read_file(write(tmp_path, "list.html", html.encode("utf-8")))
    assert result.text == "1. 加强领导\n2. 压实责任\nc. 细化\ni. 量化\n3. 强化考核\n无序项"


@pytest.mark.parametrize(
    ("declared", "encoding", "expected"),
    [
        ('<meta charset="gb2312">', "gbk", "gb18030"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=GBK">', "gbk", "gb18030"),
        ('<meta charset="gb2312">', "utf-8", "utf-8"),  # a stale declaration on a re-saved page
        ("", "gb18030", "gb18030"),
    ],
)
def test_html_charset(tmp_path, declared, encoding, expected):
    html = f"<html><head>{declared}<title>标题</title></head><body><p>一是要加强建设。</p></body></html>"
    result = read_file(write(tmp_path, "page.htm", html.encode(encoding)))
    assert (result.text, result.title, result.encoding) == ("一是要加强建设。", "标题", expected)


def test_html_with_bom_and_crlf(tmp_path):
    html = "<p>一是\r\n</p><p>二是</p>"
    result = read_file(write(tmp_path, "page.html", codecs.BOM_UTF16_LE + html.encode("utf-16-le")))
    assert result.text == "一是\n二是"
    assert result.metadata["charset_source"] == "bom"


def test_html_only_tags_is_empty(tmp_path):
    with pytest.raises(ReadError, match="empty file"):
        read_file(write(tmp_path, "blank.html", b"<html><body><script>x()</script></body></html>"))


# -- the real corpus --
@pytest.mark.seeds
def test_all_seeds_read_cleanly(seeds_dir):
    paths = sorted(seeds_dir.glob("*.txt"))
    assert len(paths) == 5
    for path in paths:
        result = read_file(path)
        assert result.encoding in ("utf-8", "utf-8-sig", "gb18030"), path.name
        assert "\ufffd" not in result.text, path.name
        assert "\r" not in result.text and not result.text.startswith("\ufeff")
        assert result.warnings == [], path.name
        assert len(result.text) > 1000
        assert sum("\u4e00" <= ch <= "\u9fff" for ch in result.text) > 0.5 * len(result.text)


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCountingThousand", "十一"),
        (20, "chineseCounting", "二十"), (105, "chineseCounting", "一百零五"), (110, "chineseCounting", "一百一十"),
        (1010, "chineseCountingThousand", "一千零一十"), (12, "chineseLegalSimplified", "壹拾贰"),
        (10, "ideographDigital", "一〇"), (3, "ideographTraditional", "丙"), (11, "ideographTraditional", "11"),
        (2, "ideographZodiac", "丑"), (4, "decimalEnclosedCircle", "④"), (12, "decimalFullWidth", "１２"),
        (28, "lowerLetter", "bb"), (14, "upperRoman", "XIV"), (7, "decimalZero", "07"), (5, "bogus", "5"),
    ],
)
def test_word_number_formats(value, fmt, expected):
    from annotator.io.docx_numbering import format_number

    assert format_number(value, fmt) == expected
