"""Generates the corpus of hostile and broken input files into a directory, quickly.

Nothing here is committed as a binary: a 50 MB text is a sparse file, a 3 GB zip bomb is built
from one 16 KB deflate block repeated (each block ends in a full flush, so copies concatenate into
one valid stream). ``CASES`` says what ``read_file`` must do with each file: ``None`` means it must
import, a string is a fragment of the ReadError reason the annotator must see.
"""

from __future__ import annotations

import io
import os
import struct
import sys
import zipfile
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "readers"))
import docx_fixtures  # noqa: E402

SAMPLE = "同志们：\n一是要加强基层建设，二是要提高服务效率。\n全年增长5.2%，𠮷祥如意。\n"

CASES: dict[str, str | None] = {
    "empty.txt": "empty file",
    "whitespace.txt": "empty file",
    "binary.txt": "not a text file",
    "nul_bytes.txt": "not a text file",
    "truncated_utf8.txt": None,
    "mixed_gbk.txt": None,
    "utf16le_no_bom.txt": None,
    "utf16be_no_bom.txt": None,
    "huge.txt": "file is 50.0 MB; the limit is 20 MB",
    "long_line.txt": None,
    "rtl_marks.txt": None,
    "zero_width.txt": None,
    "unknown.bin": "unsupported file type",
    "exe_renamed.docx": "corrupt .docx (not a valid zip archive)",
    "truncated_zip.docx": "corrupt .docx (not a valid zip archive)",
    "bad_crc.docx": "corrupt .docx",
    "encrypted.docx": "encrypted or password-protected .docx",
    "not_word.docx": "not a Word document",
    "zip_bomb.docx": "possible zip bomb",
    "ratio_bomb.docx": "possible zip bomb",
    "many_entries.docx": "unsafe .docx",
    "huge_xml.docx": "of XML; the limit is 50 MB",
    "billion_laughs.docx": "declares XML entities",
    "xxe.docx": "declares XML entities",
    "deep_nesting.docx": "corrupt .docx",
    "hostile.html": None,
    "empty.docx": "empty file",
    # Output bombs: tiny files whose list numbers or markers used to expand to hundreds of MB.
    "ol_letters.html": None,
    "li_values.html": None,
    "nested_lists.html": None,
    "numbering_letters.docx": None,
    "numbering_superscript.docx": None,
    "numbering_flood.docx": None,
    # html.parser re-scanned to the end for each unclosed construct: quadratic, hours for 1 MB.
    "unclosed_tags.html": None,
    "unclosed_endtags.html": None,
    "unclosed_comments.html": None,
    "unclosed_cdata.html": None,
    "bad_marked_section.html": None,
    # Nothing visible: refused as empty, whatever the invisible characters are.
    "invisible_only.txt": "only invisible characters",
    "invisible_only.html": "empty file",
    "long_line_50mb.txt": "file is 50.0 MB; the limit is 20 MB",
    # Legacy encodings: decoded right (ENCODED says to what), never silently as GB18030.
    "big5.txt": None,
    "shift_jis.txt": None,
    "latin1.txt": None,
    "stray_fffe_utf8.txt": None,
    # One tag with 200 000 attributes: html.parser spent ~800 bytes of regex state on each (1.6 GB for 8 MB).
    "many_attributes.html": None,
    # A million one-character lines (4 MB): cleaning and outlining spend ~80 µs and ~1 KB per line.
    "one_char_lines.txt": "the text has 1,000,000 lines; the limit is 100,000",
    # Session 8 (details in tests/unit/test_hostile_imports.py): a charset no browser knows, binary data
    # behind one, lone "<" by the million, UTF-32 without a mark, .docx that are not or are damaged.
    "meta_base64.html": None,
    "binary_meta.html": "not a text file",
    "lt_flood.html": None,
    "utf32_no_bom.txt": None,
    "odt_renamed.docx": "OpenDocument .odt file renamed to .docx",
    "damaged_part.docx": "corrupt .docx",
    "entities_dat_part.docx": "declares XML entities",
}

TRADITIONAL = "我們要堅持以人民為中心的發展思想，全面推進鄉村振興。\n全年經濟增長百分之五點二。\n"
JAPANESE = "本日の会議では、地域の安全について話し合いました。\n来年も引き続き努力します。\n"
WESTERN = "Le conseil a décidé: la réunion aura lieu à Genève, près du lac.\n"
# case → (text read_file must return, encoding it must report)
ENCODED = {
    "big5.txt": (TRADITIONAL * 3, "cp950"),
    "shift_jis.txt": (JAPANESE * 3, "cp932"),
    "latin1.txt": (WESTERN * 3, "latin-1"),
    "stray_fffe_utf8.txt": (SAMPLE * 3, "utf-8"),
}

# Cases whose text must stay small: (case, at most this many characters of text).
BOUNDED_OUTPUT = {
    "ol_letters.html": 200,
    "li_values.html": 20 * 1000 + 200,
    "nested_lists.html": 50_000,
    "numbering_letters.docx": 50 * 250,
    # 50 000 bare <w:p/> in a few KB of archive, each numbered by the default style: nine references
    # of at most 5 digits each, plus a space (the template is cut after nine references).
    "numbering_flood.docx": 50_000 * (9 * 5 + 2),
    "unclosed_tags.html": 2 * 400_000,
    "unclosed_endtags.html": 2 * 400_000,
    "unclosed_comments.html": 2 * 600_000,
    "unclosed_cdata.html": 2 * 600_000,
}


def generate(directory: Path, *, secret_path: Path | None = None, port: int = 9) -> dict[str, Path]:
    """Write every case into ``directory``; ``port`` is where remote references point."""
    directory.mkdir(parents=True, exist_ok=True)
    secret_url = (secret_path or directory / "secret.txt").as_uri()
    makers = {
        "empty.txt": lambda: b"",
        "whitespace.txt": lambda: " \r\n\t\n\u3000\n".encode("utf-8"),
        "binary.txt": lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40,
        "nul_bytes.txt": lambda: SAMPLE.encode("utf-8").replace("，".encode(), b"\x00", 1),
        "truncated_utf8.txt": lambda: SAMPLE.encode("utf-8") + "强".encode("utf-8")[:2],
        "mixed_gbk.txt": lambda: _mixed_gbk(),
        "utf16le_no_bom.txt": lambda: SAMPLE.encode("utf-16-le"),
        "utf16be_no_bom.txt": lambda: SAMPLE.encode("utf-16-be"),
        "long_line.txt": lambda: ("一是要加强" * 70_000 + "。\n第二行").encode("utf-8"),
        "rtl_marks.txt": lambda: "一是\u202e要加强\u200f基层\u2067建设\u2069。\n".encode("utf-8"),
        "zero_width.txt": lambda: ("一\u200b、加强\u200d建设\ufeff。"
                                   "👩\u200d🔬科学家\u200c。\n").encode("utf-8"),
        "unknown.bin": lambda: b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8,
        "exe_renamed.docx": lambda: b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(range(256)) * 16,
        "truncated_zip.docx": lambda: _good_docx()[:4000],
        "bad_crc.docx": lambda: _bad_crc(),
        "encrypted.docx": lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096),
        "not_word.docx": lambda: _not_word(),
        "zip_bomb.docx": lambda: _bomb(3 * 2**30 - 2**24),
        "ratio_bomb.docx": lambda: _bomb(150 * 2**20),
        "many_entries.docx": lambda: _many_entries(6000),
        "huge_xml.docx": lambda: _bomb(64 * 2**20, filler=_two_letter_noise(16 * 2**20)),
        "billion_laughs.docx": lambda: _with_document(_billion_laughs()),
        "xxe.docx": lambda: _with_document(_xxe(secret_url, port)),
        "deep_nesting.docx": lambda: _with_document(_deep_nesting(100_000)),
        "hostile.html": lambda: hostile_html(port).encode("utf-8"),
        "empty.docx": lambda: docx_fixtures.to_bytes(docx_fixtures.docx.Document()),
        "ol_letters.html": lambda: OL_LETTERS_HTML.encode(),
        "li_values.html": lambda: ("<ol type=A>" + "<li value=99999999999999999999>项" * 1000
                                   + "<li value=-7>负</ol>").encode(),
        "nested_lists.html": lambda: ("<ol type=a start=2147483647>" * 5000 + "<li>深</li>").encode(),
        "numbering_letters.docx": lambda: _numbered_docx("%1" * 100_000, "lowerLetter", 2_000_000_000, 50),
        "numbering_superscript.docx": lambda: _numbered_docx("%\u00b2、%1.", "decimal", 1, 3),
        "numbering_flood.docx": lambda: _numbered_docx("%1" * 32, "decimal", 32767, 50_000, by_style=True),
        "unclosed_tags.html": lambda: ("<p>一是要加强</p>" + "<a" * 200_000).encode(),
        "unclosed_endtags.html": lambda: ("<p>一是要加强</p>" + "</" * 200_000).encode(),
        "unclosed_comments.html": lambda: ("<p>一是要加强</p>" + "<!--x>" * 100_000).encode(),
        "unclosed_cdata.html": lambda: ("<p>一是要加强</p>" + "<![CDATA[>" * 60_000).encode(),
        "bad_marked_section.html": lambda: "<p>一是要加强</p><![foo[ 二是<![ <p>三是</p>".encode(),
        "invisible_only.txt": lambda: INVISIBLE_ONLY.encode("utf-8"),
        "big5.txt": lambda: (TRADITIONAL * 3).encode("big5"),
        "shift_jis.txt": lambda: (JAPANESE * 3).encode("shift_jis"),
        "latin1.txt": lambda: (WESTERN * 3).encode("latin-1"),
        "stray_fffe_utf8.txt": lambda: b"\xff\xfe" + (SAMPLE * 3).encode("utf-8"),
        "one_char_lines.txt": lambda: "一\n".encode() * 999_999 + "一".encode(),
        "many_attributes.html": lambda: ("<p " + "a=1 " * 200_000 + ">一是要加强</p>").encode(),
        "invisible_only.html": lambda: "<p>&#8203;&nbsp;\u3000</p><p>\ufeff&#x200d;&#1;</p>".encode(),
        "meta_base64.html": lambda: b'<meta charset="base64"><p>' + SAMPLE.replace("𠮷", "吉").encode("gbk") + b"</p>",
        "binary_meta.html": lambda: b'<meta charset="utf-8">' + bytes(range(128)) * 100,
        "lt_flood.html": lambda: ("<p>一是要加强</p>" + "<" * 1_000_000 + ">").encode(),
        "utf32_no_bom.txt": lambda: SAMPLE.encode("utf-32-le"),
        "odt_renamed.docx": lambda: _opendocument(),
        "damaged_part.docx": lambda: _damaged(_good_docx(), "word/styles.xml"),
        "entities_dat_part.docx": lambda: _main_part_renamed(_billion_laughs()),
    }
    paths = {}
    for name, make in makers.items():
        path = directory / name
        path.write_bytes(make())
        paths[name] = path
    huge = directory / "huge.txt"
    with open(huge, "wb") as handle:
        handle.write(SAMPLE.encode("utf-8"))
        handle.truncate(50 * 2**20)  # sparse: 50 MB on paper, a few bytes on disk
    paths["huge.txt"] = huge
    # A real 50 MB line (not sparse): refused by size like any other document over 20 MB.
    line = directory / "long_line_50mb.txt"
    with open(line, "wb") as handle:
        chunk = ("一是要加强基层建设" * 10_000).encode("utf-8")
        for _ in range(50 * 2**20 // len(chunk)):
            handle.write(chunk)
        handle.write(b"x" * (50 * 2**20 - handle.tell()))
    paths["long_line_50mb.txt"] = line
    return paths


# 97 bytes: three letter-numbered items starting at 2^31-1 were 2 × 82 M letters each.
OL_LETTERS_HTML = "<ol type=a start=2147483647><li>一<li>二<li>三</ol><ol start=-99999999999999999><li>四</ol>"
# Zero-width space, word joiner, BOMs, NBSP, ideographic space, bidi marks, soft hyphen, variation
# selector, Hangul filler and a few C0 controls (too few to look like binary data).
INVISIBLE_ONLY = ("\u200b\u2060\ufeff\xa0\u3000\u200e\u202e\xad\ufe0f\u3164\x01\n" * 20
                  + " \t\n" * 200)


def _numbered_docx(lvl_text: str, fmt: str, start: int, paragraphs: int, *, by_style: bool = False) -> bytes:
    """A docx whose one list has a hostile template/format/start; every paragraph is numbered.

    ``by_style`` numbers the default paragraph style, so each paragraph is a bare ``<w:p/>``
    (6 bytes) that still gets a marker: the most output per byte of archive.
    """
    numbering = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{docx_fixtures.W_NS}">'
                 f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
                 f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{lvl_text}"/></w:lvl></w:abstractNum>'
                 f'<w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
                 f'<w:startOverride w:val="{start}"/></w:lvlOverride></w:num></w:numbering>')
    document = docx_fixtures.docx.Document()
    document.add_paragraph("占位")
    if by_style:
        docx_fixtures.set_numbering(document.styles["Normal"].element.get_or_add_pPr(), 1, 0)
        body = "<w:p/>" * paragraphs
    else:
        body = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                "<w:r><w:t>条目</w:t></w:r></w:p>") * paragraphs
    base = docx_fixtures.to_bytes(document)
    return docx_fixtures.rezip(base, replace={"word/document.xml": document_xml(body),
                                              "word/numbering.xml": numbering.encode()})


def document_xml(body: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
            f'<w:document xmlns:w="{docx_fixtures.W_NS}"><w:body>{body}</w:body></w:document>').encode()


def _billion_laughs() -> bytes:
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10)
    ]
    prolog = "<!DOCTYPE w:document [\n" + "\n".join(entities) + "\n]>\n"
    return document_xml("<w:p><w:r><w:t>笑&lol9;</w:t></w:r></w:p>", prolog)


def _xxe(secret_url: str, port: int) -> bytes:
    prolog = (f'<!DOCTYPE w:document SYSTEM "http://127.0.0.1:{port}/ext.dtd" [\n'
              f'<!ENTITY secret SYSTEM "{secret_url}">\n'
              f'<!ENTITY remote SYSTEM "http://127.0.0.1:{port}/remote">\n]>\n')
    return document_xml("<w:p><w:r><w:t>开始&secret;&remote;结束</w:t></w:r></w:p>", prolog)


def _deep_nesting(depth: int) -> bytes:
    return document_xml("<w:customXml>" * depth + "<w:p/>" + "</w:customXml>" * depth)


def hostile_html(port: int) -> str:
    remote = f"http://127.0.0.1:{port}"
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>讲话 全文</title>
<link rel="stylesheet" href="{remote}/style.css"><script src="{remote}/a.js"></script>
<style>p {{ color: red }}</style></head>
<body><p>一是要加强<img src="{remote}/pixel.gif">基层建设。</p>
<script>document.write("脚本文字")</script><noscript>请启用脚本</noscript>
<iframe src="{remote}/frame.html">框架文字</iframe><template><p>模板文字</p></template>
<div hidden>隐藏文字</div><div style="display: none">不可见<div>嵌套不可见</div></div>
<p>二是要提高效率。</p><object data="{remote}/x.swf">对象文字</object></body></html>"""


def _good_docx() -> bytes:
    document = docx_fixtures.docx.Document()
    document.add_paragraph(SAMPLE)
    return docx_fixtures.to_bytes(document)


def _with_document(xml: bytes) -> bytes:
    return docx_fixtures.rezip(_good_docx(), replace={"word/document.xml": xml})


def _bad_crc() -> bytes:
    data = bytearray(docx_fixtures.rezip(_good_docx(), replace={"word/document.xml": document_xml(
        "<w:p><w:r><w:t>" + "一是要加强" * 200 + "</w:t></w:r></w:p>")}))
    # Flip a byte inside the (stored-last-but-compressed) document part's data, keeping the zip
    # directory intact so only the CRC check or inflate notices.
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    name_len = len(info.filename.encode())
    start = info.header_offset + 30 + name_len + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    return bytes(data)


def _not_word() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns='
                         '"http://schemas.openxmlformats.org/package/2006/content-types">'
                         '<Default Extension="xml" ContentType="application/xml"/></Types>')
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def _many_entries(count: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for i in range(count):
            archive.writestr(f"word/media/part{i}.bin", b"x")
    return out.getvalue()


def _two_letter_noise(size: int) -> bytes:
    # Random text over two letters deflates only ~6×: big, yet no suspicious ratio.
    return os.urandom(size).translate(bytes(b"at"[i % 2] for i in range(256)))


def _bomb(size: int, filler: bytes | None = None) -> bytes:
    """A docx whose word/document.xml inflates to ``size`` bytes of ``filler`` (spaces by default)."""
    block = filler or b" " * (16 * 2**20)
    chunk_size = len(block)
    compressor = zlib.compressobj(6 if filler else 9, zlib.DEFLATED, -15)
    chunk = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    copies = size // chunk_size
    stream = chunk * copies + zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    crc = 0
    for _ in range(copies):
        crc = zlib.crc32(block, crc)
    entries = []
    with zipfile.ZipFile(io.BytesIO(_good_docx())) as archive:
        for info in archive.infolist():
            if info.filename == "word/document.xml":
                entries.append((info.filename, stream, crc, copies * chunk_size))
            else:
                raw = archive.read(info.filename)
                packer = zlib.compressobj(6, zlib.DEFLATED, -15)
                entries.append((info.filename, packer.compress(raw) + packer.flush(), zlib.crc32(raw), len(raw)))
    return _raw_zip(entries)


def _raw_zip(entries) -> bytes:
    """A deflate zip from pre-compressed entries (zipfile would insist on inflating the bomb)."""
    out = io.BytesIO()
    central = io.BytesIO()
    for name, data, crc, size in entries:
        offset = out.tell()
        encoded = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size,
                              len(encoded), 0) + encoded + data)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc,
                                  len(data), size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
    directory = central.getvalue()
    start = out.tell()
    out.write(directory)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), start, 0))
    return out.getvalue()


def _opendocument() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


def _damaged(data: bytes, name: str) -> bytes:
    """``data`` with the compressed bytes of the part ``name`` scrambled, the zip directory intact."""
    data = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(name)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 10, start + info.compress_size - 2):
        data[k] ^= 0x5A
    return bytes(data)


def _main_part_renamed(xml: bytes, name: str = "word/doc.dat") -> bytes:
    """A .docx whose main document is ``name`` (an Override declares its type; python-docx follows)."""
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxml'
            'formats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
            f'.org/officeDocument/2006/relationships/officeDocument" Target="{name}"/></Relationships>')
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_good_docx())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(b"</Types>", f'<Override PartName="/{name}" ContentType="{main}"/></Types>'
                                          .encode())
            dst.writestr(info.filename, rels.encode() if info.filename == "_rels/.rels" else content)
        dst.writestr(name, xml)
    return out.getvalue()


def _mixed_gbk() -> bytes:
    data = bytearray((SAMPLE.replace("𠮷", "吉") * 30).encode("gbk"))
    for position in (40, 400, 1200):  # a few broken bytes, as from a bad splice
        data[position] = 0xFF
    return bytes(data)


if __name__ == "__main__":  # python tests/data/bad_inputs.py /tmp/bad → inspect the corpus by hand
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "bad_inputs")
    for case, path in generate(target).items():
        print(f"{case:24} {os.path.getsize(path):>12,} bytes")
