"""Hostile documents of kinds test_bad_input.py and test_hostile_reads.py do not cover (session 8's
checker): a page whose <meta charset> names a codec no browser knows, binary data behind a charset
declaration, a flood of "<" that opens nothing. Each imports right or fails with a message naming the
file and the problem; time is bounded by the tests' timeouts, never asserted.
"""

from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path

import pytest

from annotator.io.errors import ReadError
from annotator.io.readers import read_file

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "readers"))
import bad_inputs  # noqa: E402
import docx_fixtures  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from hang_guard import run_guarded  # noqa: E402

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
    calls = _count_data_calls(monkeypatch)
    path = tmp_path / "lt.html"
    path.write_bytes(("<p>一是</p>" + "<" * 200_000 + ">").encode())
    result = read_file(path)
    assert result.text == "一是\n" + "<" * 200_000 + ">"
    assert len(calls) < 100


def _count_data_calls(monkeypatch) -> list[int]:
    from annotator.io import html_reader

    calls: list[int] = []
    handle_data = html_reader._TextExtractor.handle_data
    monkeypatch.setattr(html_reader._TextExtractor, "handle_data",
                        lambda self, data: calls.append(len(data)) or handle_data(self, data))
    return calls


def test_unclosed_openers_escaped_as_text_come_in_a_few_pieces(tmp_path, monkeypatch):
    # "<![" and "<!--" that never close were escaped as "&lt;", one Python call each in html.unescape
    # (1 MB of "<![" took 3 s); the stand-in character joins the text around it.
    import html.parser

    entities = []
    unescape = html.parser.unescape
    monkeypatch.setattr(html.parser, "unescape", lambda text: entities.append(text.count("&")) or unescape(text))
    path = tmp_path / "open.html"
    path.write_bytes(("<p>一是</p>" + "<![" * 100_000 + "<!--" * 100_000 + "<p>尾</p>").encode())
    assert read_file(path).text == "一是\n" + "<![" * 100_000 + "<!--" * 100_000 + "\n尾"
    assert sum(entities) < 100


def test_the_stand_in_for_lt_reads_every_page_as_the_entity_does(monkeypatch):
    # The stand-in is only faster: random pages of the constructs it touches read the same with "&lt;".
    import random

    from annotator.io import html_reader

    atoms = ["<", ">", "</>", "<![", "<![if", "<![endif]>", "<!--", "-->", "<![CDATA[", "]]>", "<?", "<!x", "</",
             "<p>", "</p>", "<a href='x<y'>", "</a>", "<script>", "</script>", "<title>", "</title>", "<b>",
             "</b>", "<br>", "<li>", "<ol start=3>", "<pre>", "</pre>", "<div hidden>", "</div>", "一", "二是",
             " ", "\n", "&lt;", "&amp;", "<1", "< ", "<<", '"', "'", "=", "x", "\ufdd0"]
    rnd = random.Random(8)
    pages = ["".join(rnd.choice(atoms) for _ in range(rnd.randint(1, 40))).encode() for _ in range(2_000)]

    def read_all():
        out = []
        for page in pages:
            try:
                result = html_reader.read_html(Path("p.html"), page)
                out.append((result.text, result.title))
            except ReadError as exc:
                out.append(exc.reason)
        return out

    with_stand_in = read_all()
    monkeypatch.setattr(html_reader, "stand_in_for_lt", lambda text: None)
    assert read_all() == with_stand_in


def test_nameless_end_tags_count_as_markup(tmp_path, monkeypatch):
    # html.parser skips "</>" without a callback, so 20 MB of them (a minute) escaped MAX_MARKUP.
    from annotator.io import html_reader

    monkeypatch.setattr(html_reader, "MAX_MARKUP", 1_000)
    path = tmp_path / "ends.html"
    path.write_bytes(("<p>一是</p>" + "</>" * 1_001).encode())
    with pytest.raises(ReadError, match="over 1,000 HTML tags"):
        read_file(path)
    path.write_bytes(("<p>一是</p>" + "</>" * 900).encode())
    assert read_file(path).text == "一是"


def test_lone_less_than_signs_read_exactly_as_before(tmp_path):
    # Text, title and attributes keep their "<"; the page's own noncharacters are not mistaken for it.
    path = tmp_path / "lt.html"
    path.write_bytes('<title>t < u</title><p>a < b <1 <一 <<>></p><p title="x<y" hidden>不</p>'
                     '<!-- <c --><script>if(a<b)</script><p>\ufdd0 < \ufdd1</p><p>尾 < '.encode())
    result = read_file(path)
    assert result.text == "a < b <1 <一 <<>>\n\ufdd0 < \ufdd1\n尾 <"
    assert result.title == "t < u"


# -- text files -------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
def test_utf32_without_a_byte_order_mark_is_text_not_binary(tmp_path, encoding):
    # Every character four bytes, two or three of them NUL: it was refused as "binary data".
    text = bad_inputs.SAMPLE * 3 + "😀 ok\n"
    path = tmp_path / "utf32.txt"
    path.write_bytes(text.encode(encoding))
    result = read_file(path)
    assert (result.text, result.encoding) == (text, encoding)


def test_a_stray_nul_byte_is_refused_with_the_line_it_is_on(tmp_path):
    # A speech with one NUL (a bad copy) is refused as binary data: the line lets a person mend it.
    path = tmp_path / "stray.txt"
    path.write_bytes("第一行\r\n第二行\n第三".encode() + b"\x00" + "行\n".encode())
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert info.value.code == "binary-nul-bytes" and info.value.params == {"line": 3}
    assert str(info.value) == f"{path}: not a text file (binary data: contains NUL bytes, the first on line 3)"


def test_random_bytes_with_nuls_are_still_binary(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(ReadError, match="not a text file"):
        read_file(path)


# -- .docx ------------------------------------------------------------------------------------------

def _rezip(data: bytes, parts: dict[str, bytes]) -> bytes:
    """A copy of the archive ``data`` with ``parts`` replaced or added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename not in parts:
                dst.writestr(info.filename, src.read(info.filename))
        for name, content in parts.items():
            dst.writestr(name, content)
    return out.getvalue()


def test_a_main_part_under_another_name_is_still_read(tmp_path):
    path = tmp_path / "renamed_part.docx"
    path.write_bytes(bad_inputs._main_part_renamed(bad_inputs.document_xml(
        "<w:p><w:r><w:t>一是要加强基层建设𠮷😀</w:t></w:r></w:p>"), "word/main.dat"))
    assert read_file(path).text == "一是要加强基层建设𠮷😀"


def test_entities_in_a_main_part_under_another_name_are_refused_before_parsing(tmp_path):
    # The DTD check went by the ".xml" suffix: "word/doc.dat" reached the XML parser.
    path = tmp_path / "dat_entities.docx"
    path.write_bytes(bad_inputs._main_part_renamed(bad_inputs._billion_laughs()))
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert info.value.code == "docx-dtd" and "word/doc.dat declares XML entities" in info.value.reason


def test_xml_size_limit_holds_for_a_main_part_under_another_name(tmp_path, monkeypatch):
    # 150 MB of XML named word/doc.dat took 70 s and 1 GB before the text limit stopped it.
    from annotator.io import docx_reader

    monkeypatch.setattr(docx_reader, "MAX_XML_PART_BYTES", 500_000)  # the template's largest part is 440 KB
    body = "<w:p><w:r><w:t>一是要加强基层建设</w:t></w:r></w:p>" * 12_000
    path = tmp_path / "big_dat.docx"
    path.write_bytes(bad_inputs._main_part_renamed(bad_inputs.document_xml(body)))
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert info.value.code == "docx-xml-too-large" and "word/doc.dat" in info.value.reason


def test_svg_images_with_a_doctype_are_not_taken_for_xml_parts(tmp_path):
    # Illustrator writes <!DOCTYPE svg …>; python-docx never parses an image, so it must not refuse the file.
    base = bad_inputs._good_docx()
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        types = archive.read("[Content_Types].xml").decode()
    types = types.replace("</Types>", '<Default Extension="svg" ContentType="image/svg+xml"/></Types>')
    svg = b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg/>'
    path = tmp_path / "svg.docx"
    path.write_bytes(_rezip(base, {"[Content_Types].xml": types.encode(), "word/media/image1.svg": svg}))
    assert read_file(path).text == bad_inputs.SAMPLE


def test_entities_declared_past_the_checked_prologue_are_named_in_plain_words(tmp_path):
    # A DTD after 70 KB of comment passes the prologue check; libxml2 then refuses the expansion, and
    # its advice ("see xmlCtxtSetMaxAmplification") was the message.
    prolog = '<!--' + "x" * 70_000 + '-->\n'
    laughs = bad_inputs._billion_laughs().decode().split("\n", 1)[1]
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + prolog + laughs).encode()
    path = tmp_path / "late_dtd.docx"
    path.write_bytes(docx_fixtures.rezip(bad_inputs._good_docx(), replace={"word/document.xml": xml}))
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert "declares XML entities" in info.value.reason and "xmlCtxt" not in info.value.reason
    assert "lollol" not in info.value.reason


@pytest.mark.parametrize("part", ["word/styles.xml", "word/document.xml", "docProps/thumbnail.jpeg"])
def test_a_damaged_compressed_part_is_a_corrupt_docx(tmp_path, part):
    # zlib.error escaped the reader: "could not be read (error: Error -3 while decompressing data …)".
    base = bad_inputs._good_docx()
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        names = archive.namelist()
    if part not in names:
        base = _rezip(base, {part: bytes(range(256)) * 64})
    path = tmp_path / "damaged.docx"
    path.write_bytes(bad_inputs._damaged(base, part))
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert info.value.code in ("docx-unpack-failed", "docx-bad-zip"), info.value.reason
    assert info.value.reason.startswith("corrupt .docx")


@pytest.mark.parametrize("kind, extension", [("text", ".odt"), ("spreadsheet", ".ods")])
def test_an_opendocument_file_renamed_to_docx_is_named(tmp_path, kind, extension):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", f"application/vnd.oasis.opendocument.{kind}")
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
    path = tmp_path / "report.docx"
    path.write_bytes(out.getvalue())
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert info.value.code == "docx-is-opendocument" and info.value.params == {"format": extension}
    assert f"OpenDocument {extension} file renamed to .docx" in info.value.reason


# -- the file system ---------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_file_replaced_by_a_fifo_after_stat_is_refused_without_blocking(tmp_path, monkeypatch):
    # Between the walk (or stat) and the read a file can change: a plain open() of a FIFO waits forever
    # for a writer, so the reader opens without blocking and checks what it opened.
    from annotator.io import readers

    regular = tmp_path / "regular.txt"
    regular.write_text("一是要加强。", encoding="utf-8")
    fifo = tmp_path / "speech.txt"
    os.mkfifo(fifo)
    real_stat = os.stat
    monkeypatch.setattr(readers.os, "stat", lambda p, *a, **k: real_stat(regular if str(p) == str(fifo) else p,
                                                                          *a, **k))
    try:
        out = run_guarded(lambda: read_file(fifo), 60, "reading a FIFO blocked (the import would hang)")
    finally:
        try:  # a reader still blocked in open() is released by a writer appearing
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
    error = out.get("error")
    assert isinstance(error, ReadError), out
    assert error.code == "not-regular-file" and str(error) == f"{fifo}: not a regular file"


def test_a_file_removed_after_stat_is_not_found(tmp_path, monkeypatch):
    from annotator.io import readers

    kept = tmp_path / "kept.txt"
    kept.write_text("一是要加强。", encoding="utf-8")
    gone = tmp_path / "gone.txt"
    real_stat = os.stat
    monkeypatch.setattr(readers.os, "stat", lambda p, *a, **k: real_stat(kept if str(p) == str(gone) else p, *a, **k))
    with pytest.raises(ReadError) as info:
        read_file(gone)
    assert info.value.code == "file-not-found" and str(info.value) == f"{gone}: file not found"


# -- the real command line: every new hostile kind in one batch, between good files ----------------

BATCH_FAILS = {  # bad_inputs case → what the summary line of that file must say
    "binary_meta.html": "not a text file",
    "odt_renamed.docx": "OpenDocument .odt file renamed to .docx",
    "damaged_part.docx": "corrupt .docx (cannot unpack word/styles.xml",
    "entities_dat_part.docx": "unsafe .docx: word/doc.dat declares XML entities",
}
BATCH_IMPORTS = ["meta_base64.html", "lt_flood.html", "utf32_no_bom.txt"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return bad_inputs.generate(tmp_path_factory.mktemp("bad_inputs"))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_the_cli_imports_every_good_file_whole_and_names_each_bad_one(tmp_path, corpus):
    import subprocess

    from annotator.storage.documents import stored_documents
    from annotator.storage.project import open_project

    good_text = "同志们：\r\n一、加强基层建设𠮷😀\r\n（一）提高服务效率，全年增长5.2%。\r\n"
    good = tmp_path / "a_good.txt"
    good.write_bytes(good_text.encode("utf-8"))
    good_docx = tmp_path / "z_good.docx"
    good_docx.write_bytes(bad_inputs._numbered_docx("%1.", "decimal", 1, 3))
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    files = [good, *(corpus[name] for name in [*BATCH_FAILS, *BATCH_IMPORTS]), fifo, good_docx]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2]), "ANNOTATOR_HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-m", "annotator", "import", "--index", "none", str(tmp_path / "p.db"),
                          *map(str, files)], capture_output=True, text=True, timeout=600, env=env)
    output = run.stdout + run.stderr
    assert run.returncode == 1 and "Traceback" not in output, output
    failed = {line for line in output.splitlines() if line.startswith("failed ")}
    for name, reason in BATCH_FAILS.items():
        assert any(line.startswith(f"failed {corpus[name]}: ") and reason in line for line in failed), (name, output)
    assert f"failed {fifo}: not a regular file" in failed
    assert f"imported {2 + len(BATCH_IMPORTS)}, updated 0, skipped as duplicate 0, failed {len(BATCH_FAILS) + 1}" \
        in output
    project = open_project(tmp_path / "p.db", create=False, readonly=True)
    try:
        stored = {Path(row["source_path"]).name: row for row in stored_documents(project)}
    finally:
        project.close()
    assert stored["a_good.txt"]["raw_text"] == good_text.replace("\r\n", "\n")  # every character
    assert stored["z_good.docx"]["raw_text"] == "1. 条目\n2. 条目\n3. 条目"
    assert stored["utf32_no_bom.txt"]["raw_text"] == bad_inputs.SAMPLE
    assert set(stored) == {"a_good.txt", "z_good.docx", *BATCH_IMPORTS}  # nothing of a failed file


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_the_import_preview_reads_a_folder_of_them_without_blocking_and_says_why(tmp_path, corpus):
    # The GUI's import dialog reads every file of a folder first (services/importing.preview_import).
    from annotator.services.importing import preview_import

    folder = tmp_path / "in"
    folder.mkdir()
    for name in [*BATCH_FAILS, *BATCH_IMPORTS]:
        (folder / name).write_bytes(corpus[name].read_bytes())
    os.mkfifo(folder / "pipe.txt")
    out = run_guarded(lambda: preview_import([folder]), 300, "the preview blocked on a file")
    assert "error" not in out, out
    warnings = {candidate.path.name: candidate.warning for candidate in out["value"].candidates}
    assert set(warnings) == {*BATCH_FAILS, *BATCH_IMPORTS, "pipe.txt"}
    for name, reason in [*BATCH_FAILS.items(), ("pipe.txt", "not a regular file")]:
        assert warnings[name].kind == "unreadable" and reason in warnings[name].values[0], (name, warnings[name])
