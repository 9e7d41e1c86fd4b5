"""The character counts the readers decide by, against their definitions spelled out character by character.

The readers count in C (an ASCII encode, a byte delete, a character-class sub: issue 19, the read stage);
these tests say what is counted, on texts with astral characters, lone surrogates, Latin-1 and controls.
"""

from __future__ import annotations

import random

import pytest

from annotator.ingest import _first_line
from annotator.io import encoding, legacy

_SAMPLES = ["", "abc", "中文，讲话。", "𠮷😀\ud800x\x80\xff中", "第一章　总则\n\t\x07\x1b\x7f", "繁體字與简体字", "カタカナと漢字"]


def _reference_share(text: str, enc: str) -> float | None:
    sample = text[:legacy.SCORE_CHARS]
    rare = [ch for ch in sample if ch > "\x7f"]
    if not rare:
        return None
    common = legacy.common_characters(enc)
    return sum(1 for ch in rare if ch in common or ch > "\uffff") / len(rare)


def _random_texts(count: int) -> list[str]:
    rng = random.Random(19)
    ranges = [(0, 0x80), (0x80, 0x3000), (0x3000, 0xA000), (0xD800, 0xE000), (0xE000, 0x110000)]
    return ["".join(chr(rng.randrange(*rng.choice(ranges))) for _ in range(rng.randrange(0, 200)))
            for _ in range(count)]


@pytest.mark.parametrize("enc", ["gb18030", "cp950", "cp932"])
def test_common_share_is_common_non_ascii_over_non_ascii(enc):
    for text in _SAMPLES + _random_texts(200):
        assert legacy.common_share(text, enc) == _reference_share(text, enc), repr(text[:40])


def test_control_characters_are_counted_as_the_pattern_matches():
    for text in _SAMPLES + _random_texts(300):
        ascii_part = text.encode("ascii", "ignore")
        counted = len(ascii_part) - len(ascii_part.translate(None, encoding._CONTROL_BYTES))
        assert counted == len(encoding._CONTROL.findall(text)), repr(text[:40])


def test_first_line_is_the_first_line_of_the_stripped_text():
    rng = random.Random(20)
    pieces = [" ", "\n", "\t", "\r", "\u3000", "\xa0", "\x0b", "\x1c", "\u2028", "\x85", "a", "中"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 10)))
        expected = text.strip().split("\n", 1)[0].strip() if text.strip() else ""
        assert _first_line(text) == expected, repr(text)
