"""content_warning counts characters over distinct characters (one C pass, then each predicate once per
distinct character): its figures must be those of testing every character, on every kind of character
that sits on a predicate's edge (spaces that are control codes, NEL, circled and superscript digits,
Han outside the BMP, replacement characters)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.services.importing import _is_han, content_warning

EDGES = list("\x00\x08\x1c\x1f\x7f\x85\x9f\xa0\u3000\ufffd①²٣𠮷𰀀\U0003134f\U00031350一龥㐀。！？；;!?,|\taZ9 \n") + ["一是"]


def _figures(text: str) -> dict:
    visible = [ch for ch in text if not ch.isspace()]
    return {"visible": len(visible),
            "control": sum(1 for ch in visible if ch == "\ufffd" or ord(ch) < 32 or 0x7f <= ord(ch) < 0xa0),
            "han": sum(1 for ch in visible if _is_han(ch)),
            "digits": sum(1 for ch in visible if ch.isdigit())}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(EDGES), max_size=400))
def test_the_figures_are_those_of_every_character(pieces):
    text = "".join(pieces)
    f = _figures(text)
    warning = content_warning(text)
    if not f["visible"]:
        assert warning.kind == "empty"
    elif warning.kind == "binary":
        assert warning.values == (f["control"], f["visible"])
    elif warning.kind == "little_chinese":
        assert warning.values == (f["han"], f["visible"])
    elif warning.kind == "numbers":
        assert warning.values == (100 * f["digits"] // f["visible"],)
    elif warning.kind == "no_sentences":
        assert warning.values[1] == f["han"]


def test_digits_beyond_ascii_and_han_beyond_the_bmp_count():
    speech = "各地区各部门要统一思想认识，压实工作责任。" * 3
    assert content_warning(speech + "①②③④⑤⑥⑦⑧⑨²³" * 2) is None  # 22 digits among 85: under 35 %
    assert content_warning(speech + "①②③④⑤⑥⑦⑧⑨²³" * 9).kind == "numbers"
    assert content_warning("𠮷" * 25 + "。") is None  # Han outside the BMP is Chinese
