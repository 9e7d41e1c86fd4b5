"""The outline of each real seed speech, read by hand: level, marker, first characters of the title."""

from __future__ import annotations

import re

import pytest

from annotator.structure.outline import parse_outline

pytestmark = pytest.mark.seeds

EXPECTED = {
    "000": [
        (1, "一、", "认清十二五时"), (2, "第一,", "要深刻认识中"), (2, "第二,", "要深刻认识上"),
        (2, "第三,", "要深刻认识十"), (1, "二、", "发扬改革创新"), (2, "(一)", "充分发挥工人"),
        (3, "一要", "广泛开展十二"), (3, "二要", "不断深化群众"), (3, "三要", "深入推进职工"),
        (2, "(二)", "维护和开展职"), (3, "一要", "加大源头参与"), (3, "二要", "依法普遍开展"),
    ],
    "001": [
        (1, "一、", "提高政治站位"), (2, "一是", "紧跟核心讲政"), (2, "二是", "引导职工跟党"),
        (2, "三是", "凝聚力量强根"), (1, "二、", "聚焦主业主线"), (2, "一是", "坚持围绕中心"),
        (2, "二是", "坚持高效效劳"), (2, "三是", "坚持深化改革"), (1, "三、", "狠抓自身建设"),
        (2, "一是", "创新体制机制"), (2, "二是", "增强本领能力"), (2, "三是", "深化作风建设"),
    ],
    "002": [
        (1, "一是", "进一步加强党"), (1, "二是", "合力推动产业"), (1, "三是", "突出抓好稳就"),
        (1, "四是", "着力完善维权"), (1, "五是", "大力推进服务"), (1, "六是", "不断深化工会"),
        (1, "七是", "切实加强自身"),
    ],
    "003": [
        (1, "一、", "肯定成绩、着"), (1, "二、", "围绕中心、找"), (2, "一是", "要积极推进职"),
        (2, "二是", "要创造条件最"), (3, "一方面,", "要搞好职工文"), (3, "另一方面", "要围绕产业项"),
        (2, "三是", "要加大对下岗"), (1, "三、", "把握重点、履"), (2, "一是", "要全面加强基"),
        (2, "二是", "要着力解决困"), (2, "三是", "要切实保障职"), (2, "四是", "要积极做好职"),
        (2, "五是", "要全力开展对"), (1, "四、", "夯实基础、真"),
    ],
    "004": [
        (1, "一、", "以更高的政治"), (2, "一是", "建设“重要窗"), (2, "二是", "推进高质量发"),
        (2, "三是", "促进工人队伍"), (1, "二、", "以更实的工作"), (2, "一要", "以“政治上保"),
        (2, "二要", "以“素质上提"), (2, "三要", "以“权益上维"), (1, "三、", "以更强的使命"),
        (2, "一要", "强化统筹协调"), (2, "二要", "切实督促检查"), (2, "三要", "强化试点先行"),
    ],
}

# Seed 001's three headings run straight into their bodies with no punctuation; each title is 18 chars.
RUN_ON_TITLE_LENGTHS = {"001": {0: 18, 4: 18, 8: 18}}


def _read(seeds_dir, key: str) -> str:
    path = next(seeds_dir.glob(f"{key}_*.txt"))
    return path.read_text(encoding="utf-8")


def _shape(outline):
    return [(s.level, s.marker, s.title[:6]) for s in outline]


def _check_spans(text, outline):
    for s in outline:
        assert text[s.start:].startswith(s.marker)
        assert text[s.title_start:s.title_end] == s.title
        if s.parent is not None:
            parent = outline[s.parent]
            assert parent.start < s.start and s.end <= parent.end


def _from_salutation(text: str) -> str:
    """A crude stand-in for the cleaner: a speech starts at its opening salutation when it has one."""
    match = re.search("同志们[:：]", text)
    return text if match is None else text[text.rfind("\n", 0, match.start()) + 1:]


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_seed_outline_from_the_salutation(seeds_dir, key):
    text = _from_salutation(_read(seeds_dir, key))
    outline = parse_outline(text)
    assert _shape(outline) == EXPECTED[key]
    _check_spans(text, outline)


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_seed_outline_after_cleaning(seeds_dir, key):
    clean = pytest.importorskip("annotator.structure.clean").clean
    text = clean(_read(seeds_dir, key)).text
    outline = parse_outline(text)
    assert _shape(outline) == EXPECTED[key]
    _check_spans(text, outline)
    for index, length in RUN_ON_TITLE_LENGTHS.get(key, {}).items():
        assert len(outline[index].title) == length
        assert outline[index].confidence < 1.0


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_seed_outline_survives_uncleaned_chrome(seeds_dir, key):
    """Page-chunk numbers (seed 000) are resisted; a chrome list (seed 001's tips) may add sections before."""
    text = _read(seeds_dir, key)
    shape = _shape(parse_outline(text))
    expected = EXPECTED[key]
    assert shape[len(shape) - len(expected):] == expected
    assert len(shape) - len(expected) <= 4
