"""decode_bytes: every encoding Chinese files arrive in, exact round trips, offsets unchanged."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.io.encoding import MAX_BAD_SHARE, decode, decode_bytes
from annotator.io.errors import ReadError

# Written for these tests: an astral hanzi first, so a decoder that counts UTF-16 units or keeps a
# BOM shifts every later offset.
SAMPLE = "𠮷一是要加强基层组织建设，二是要提高服务群众的能力。\n全年增长5.2%（同比）。\n"
MARK = "加强"
MARK_AT = SAMPLE.index(MARK)


@pytest.mark.parametrize(
    ("encoded", "expected_encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"), "utf-32-le"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "utf32le-bom"],
)
def test_exact_round_trip_and_offsets(encoded, expected_encoding):
    text, encoding = decode_bytes(encoded)
    assert text == SAMPLE
    assert encoding == expected_encoding
    assert text.index(MARK) == MARK_AT
    assert len("𠮷一是要加强") == 6 and text.startswith("𠮷一是要加强")


@pytest.mark.parametrize("legacy", ["gbk", "gb2312"])
def test_gbk_and_gb2312_decode_as_gb18030(legacy):
    plain = SAMPLE.replace("𠮷", "吉")  # not encodable in GBK/GB2312
    text, encoding = decode_bytes(plain.encode(legacy))
    assert (text, encoding) == (plain, "gb18030")


def test_bom_is_removed_not_kept_as_a_character():
    text, _ = decode_bytes(codecs.BOM_UTF8 + "一、总则".encode("utf-8"))
    assert text == "一、总则"
    assert not text.startswith("\ufeff")


def test_utf16_without_bom_or_any_ascii():
    # No newline, no digit: not a single NUL byte to find, only the shape of the code units.
    plain = "一是要加强基层组织建设二是要提高服务群众的能力"
    for encoding in ("utf-16-le", "utf-16-be"):
        assert decode_bytes(plain.encode(encoding)) == (plain, encoding)


def test_truncated_utf8_drops_the_cut_character_with_a_warning():
    data = SAMPLE.encode("utf-8") + "强".encode("utf-8")[:2]
    result = decode(data)
    assert result.text == SAMPLE
    assert result.encoding == "utf-8"
    assert any("middle of a character" in warning for warning in result.warnings)


def test_truncated_utf16_drops_the_odd_byte():
    result = decode(codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le") + b"\x2d")
    assert result.text == SAMPLE
    assert result.warnings


def test_mostly_gbk_with_broken_bytes_is_replaced_not_rejected():
    data = bytearray((SAMPLE.replace("𠮷", "吉") * 20).encode("gbk"))
    data[10] = data[300] = 0xFF
    result = decode(bytes(data))
    assert result.encoding == "gb18030"
    assert 1 <= result.text.count("\ufffd") <= 4
    assert "replaced" in result.warnings[0]
    assert result.text.endswith("全年增长5.2%（同比）。\n")


def test_mostly_utf8_with_broken_bytes_is_replaced_not_rejected():
    data = bytearray((SAMPLE * 20).encode("utf-8"))
    data[50] = 0xFF
    result = decode(bytes(data))
    assert result.encoding == "utf-8"
    # Python replaces the bad lead byte and each orphaned continuation byte separately.
    assert 1 <= result.text.count("\ufffd") <= 3
    assert result.text.endswith(SAMPLE * 19)


def test_too_many_broken_bytes_is_not_silently_accepted_as_gbk():
    # Half the bytes broken: far past MAX_BAD_SHARE, so either another encoding explains the data
    # (reported with a warning) or the file is refused; never a quiet gb18030 mess.
    good = (SAMPLE * 5).encode("gbk", errors="replace")
    broken = bytes(b if i % 2 else 0xFF for i, b in enumerate(good))
    assert MAX_BAD_SHARE < 0.5
    try:
        result = decode(broken)
    except ReadError as exc:
        assert "not a text file" in exc.reason
    else:
        assert result.warnings


def test_other_encodings_fall_back_to_charset_normalizer():
    russian = "Привет, как дела? Это проверка кодировки текста, ничего больше.\n" * 3
    result = decode(russian.encode("cp1251"))
    assert result.text == russian
    assert "guessed" in result.warnings[0]


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        "一是要加强".encode("utf-8") + b"\x00\x00" + "建设".encode("utf-8"),
        bytes(range(1, 32)) * 40,  # no NULs, but control characters only
    ],
    ids=["png", "nul-in-utf8", "controls"],
)
def test_binary_is_rejected_with_a_plain_reason(data):
    with pytest.raises(ReadError) as info:
        decode_bytes(data, path="x.txt")
    assert info.value.path == "x.txt"
    assert info.value.reason.startswith("not a text file")
    assert str(info.value) == f"x.txt: {info.value.reason}"


def test_full_width_punctuation_and_zero_width_are_left_to_the_reader():
    # decode_bytes only decodes; normalisation (zero-width removal) happens once, in read_file.
    text = "（一）加强\u200b建设：“１２３”！"
    assert decode_bytes(text.encode("utf-8"))[0] == text


def test_short_gbk_that_is_also_valid_utf8_reads_as_chinese():
    # 群 in GBK is C8 BA, which is also the UTF-8 for "Ⱥ"; hanzi is the plausible reading.
    assert decode_bytes("群众".encode("gbk")) == ("群众", "gb18030")
    assert decode_bytes("café crème".encode("utf-8")) == ("café crème", "utf-8")
    # Four or more such pairs: in UTF-8 they all land in Latin Extended-B (ȫȺȺȺ) with no plain letter
    # around them, which no Latin-script text looks like (found by the property test below).
    assert decode_bytes("全群群群".encode("gb18030")) == ("全群群群", "gb18030")
    for latin in ("Știință și tehnică", "Zhōngguó rénmín", "naïve résumé", "ăâîșț"):
        assert decode_bytes(latin.encode("utf-8")) == (latin, "utf-8")


def test_empty_input():
    assert decode_bytes(b"") == ("", "utf-8")


_ALPHABET = st.sampled_from(list("一二三是要加强建设全年增长服务群众，。：；“”（）！？、\n 0123456789abcXYZ%．") + ["𠮷", "😀"])


@settings(max_examples=150, deadline=None)
@given(st.text(_ALPHABET, min_size=1, max_size=60))
def test_round_trip_property(text):
    assert decode_bytes(text.encode("utf-8"))[0] == text
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))[0] == text
    assert decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))[0] == text
    assert decode_bytes(text.encode("gb18030"))[0] == text


def test_utf16_lone_surrogate_is_replaced_with_a_warning_and_real_fffd_is_not_counted():
    broken = codecs.BOM_UTF16_LE + "一二".encode("utf-16-le") + b"\x00\xd8" + "三".encode("utf-16-le")
    result = decode(broken)
    assert result.text == "一二\ufffd三"
    assert result.warnings and result.warnings[0].startswith("1 character")
    clean = decode(codecs.BOM_UTF16_LE + "一\ufffd二".encode("utf-16-le"))
    assert (clean.text, clean.warnings) == ("一\ufffd二", [])


# -- legacy encodings: decoded right, or refused; never silently garbled --
import re  # noqa: E402
from pathlib import Path  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
# Held out (not used to choose the thresholds in annotator/io/legacy.py): traditional Chinese, the
# Constitution of the Republic of China, articles 1–6 (public-domain statute text, Taiwan Copyright
# Act art. 9; https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=A0000001, as quoted in a public
# repository found through the search index).
CONSTITUTION = ("第 1 條\n中華民國基於三民主義，為民有民治民享之民主共和國。\n第 2 條\n中華民國之主權屬於國民全體。\n"
                "第 3 條\n具有中華民國國籍者為中華民國國民。\n第 4 條\n中華民國領土，依其固有之疆域，非經國民大會之決議，"
                "不得變更之。\n第 5 條\n中華民國各民族一律平等。\n第 6 條\n中華民國國旗定為紅地，左上角青天白日。\n")


def _sample_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("0[1-5]_*.txt"))]
    assert len(texts) == 5, "resources/samples is incomplete"
    return texts


def _units(encoding: str) -> list[str]:
    """Whole sample texts and their sentences, keeping only what ``encoding`` can represent."""
    units = []
    for text in _sample_texts():
        kept = text.encode(encoding, errors="ignore").decode(encoding)
        units.append(kept)
        units += [s for s in re.split(r"(?<=[。！？；\n])", kept) if len(s.strip()) >= 8][:25]
    return units


def _right_or_refused(data: bytes, original: str) -> str:
    try:
        result = decode(data, path="t.txt")
    except ReadError as exc:
        assert exc.reason.startswith("not a text file"), exc.reason
        return "refused"
    assert result.text == original, f"garbled as {result.encoding}: {result.text[:30]!r}"
    return result.encoding


@pytest.mark.parametrize(("encoding", "name"), [("cp950", "cp950"), ("big5", "cp950"),
                                                ("shift_jis", "cp932"), ("cp932", "cp932")])
def test_big5_and_shift_jis_are_decoded_right_never_as_gb18030(encoding, name):
    outcomes = [_right_or_refused(unit.encode(encoding), unit) for unit in _units(encoding)]
    assert len(outcomes) > 100
    # Every whole text is recognised, and nearly every single sentence (the rest are refused).
    assert outcomes.count(name) >= 0.95 * len(outcomes), outcomes
    result = decode(_units(encoding)[0].encode(encoding))
    assert any("Big5" in w or "Shift-JIS" in w for w in result.warnings)


def test_gb18030_samples_are_still_gb18030():
    outcomes = [_right_or_refused(unit.encode("gb18030"), unit) for unit in _units("gb18030")]
    assert set(outcomes) == {"gb18030"}


@pytest.mark.parametrize("encoding", ["cp950", "gb18030", "utf-8"])
def test_held_out_traditional_text(encoding):
    assert decode(CONSTITUTION.encode(encoding)).text == CONSTITUTION
    for line in CONSTITUTION.splitlines():
        if len(line) > 8:
            assert _right_or_refused(line.encode(encoding), line) != "refused"


WESTERN = ["Café crème brûlée, déjà vu à la française.\n", "Größe, übermäßig schön: die Straße.\n",
           "El niño comió piña en la montaña, señor.\n", "São Paulo é uma cidade, não é?\n",
           "Ångström, smørrebrød og blåbær.\n", "Il était une fois « un conte » à lire.\n"]


@pytest.mark.parametrize("text", WESTERN)
def test_latin1_and_windows_1252_are_decoded_right(text):
    assert _right_or_refused(text.encode("latin-1"), text) == "latin-1"
    quoted = text + "“Zitat” – 5 €\n"
    assert _right_or_refused(quoted.encode("cp1252"), quoted) == "cp1252"


def test_western_reading_never_takes_chinese_bytes():
    from annotator.io.legacy import western

    for encoding in ("gb18030", "cp950", "cp932"):
        for unit in _units(encoding)[:60]:
            assert western(unit.encode(encoding)) is None, unit


def test_stray_ff_fe_before_utf8_is_ignored_not_read_as_utf16():
    units = _units("utf-8")
    for unit in units[:40]:
        result = decode(b"\xff\xfe" + unit.encode("utf-8"))
        assert (result.text, result.encoding) == (unit, "utf-8")
        assert "FF FE" in result.warnings[0]
    # A real UTF-16 file keeps its byte-order mark's meaning, Japanese kana included.
    for text in (units[1], "これはテストです。ひらがなとカタカナ"):
        assert decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le")).text == text


def test_random_high_bytes_are_refused_not_guessed():
    import random

    rng = random.Random(7)
    refused = 0
    for _ in range(20):
        data = bytes(rng.randrange(0x80, 0x100) for _ in range(2000))
        try:
            result = decode(data)
        except ReadError:
            refused += 1
        else:
            assert result.warnings, result.encoding  # at least never silent
    assert refused >= 15


@pytest.mark.parametrize("text", ["Привет, мир! Жизнь и смерть — это тема.\n" * 3, "Καλημέρα κόσμε, τι κάνεις;\n",
                                  "Größe übermäßig schön, déjà vu.\n", "שלום עולם, מה שלומך?\n",
                                  "مرحبا بالعالم، كيف حالك؟\n"])
def test_two_byte_utf8_alphabets_stay_utf8_not_gb18030(text):
    # Their byte pairs are valid GB18030 (often common hanzi), so only the alphabet tells them apart.
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


def test_gbk_that_happens_to_be_valid_utf8_is_still_chinese():
    for word in ("群", "群体", "中华"):
        assert decode_bytes(word.encode("gbk")) == (word, "gb18030")
