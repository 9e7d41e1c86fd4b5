"""The cleaner on the real download-site scrapes in ../shared/seeds (the seeds_dir fixture fails when absent).

The oracle is deliberately cruder than the cleaner: it drops only what is certainly chrome (short
lines holding a site word, lines with the editor's 小编, page counters, the ambiguous "N、" at paragraph
starts, keyword tag lines) and keeps every other line between the first and the last line with a 。. Every sentence of
that must survive cleaning, and none of a list of chrome words may.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.structure.clean import clean

pytestmark = pytest.mark.seeds

SITE_WORDS = re.compile(
    "上传|文档编号|版权|免责|ICP|Copyright|Powered|点击查看|温馨提示|客服|资源描述|docx|链接|猜你喜欢|导航|"
    "经典文章|当前位置|http|@|出自|扩展阅读|预览|本站|本文档"
)
MENU_WORDS = re.compile("相关|推荐|展开|收起|下载|分享|收藏|来源")  # also speech words: only in menus
CHROME_IN_CLEAN = [
    "上传人", "文档编号", "ICP备", "版权所有", "免责声明", "第1页 / 共", "小编", "仅供参考", "温馨提示", "网站客服",
    "资源描述", "展开阅读全文", "此文档下载收益", "你可能关注", "Copyright", "Powered", "http", ".docx",
    "点击查看更多", "出自", "链接地址", "当前位置", "猜你喜欢", "部分包含数学公式", "共5页", "共20页",
]
TAG_LINE = re.compile(r"(?:[^\s，。,:：]{1,8}[ \t]+){2,}[^\s，。,:：]{1,8}")  # "2023 总工会 会议 致辞"
PAGE_COUNTER = re.compile(r"第\s*\d+\s*页\s*[/／]?\s*共\s*\d+\s*页")


def seed_files(seeds_dir: Path) -> list[Path]:
    files = sorted(seeds_dir.glob("*.txt"))
    assert files, f"no seed files in {seeds_dir}"
    return files


def squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


def speech_sentences(raw: str) -> list[str]:
    """Sentences of the speech body, found by removing only regions that are certainly chrome."""
    lines = raw.split("\n")
    prose = [i for i, line in enumerate(lines) if "。" in line]
    body = []
    for line in lines[prose[0] : prose[-1] + 1]:
        text = line.strip()
        short = len(text) <= 120
        menu = short and MENU_WORDS.search(text) and not re.search("[，,。;；]", text)
        if "小编" in text or (short and SITE_WORDS.search(text)) or menu or TAG_LINE.fullmatch(text):
            continue
        text = PAGE_COUNTER.sub("", text)
        body.append(re.sub(r"^\d{1,3}、", "", text))  # a chunk number or a list number: not compared
    joined = squeeze("".join(body))
    return [s for s in re.split(r"(?<=[。！？!?])", joined) if len(s) >= 2]


def check_offsets(raw: str, result) -> None:
    pos = 0
    for start, end in sorted([(r.start, r.end) for r in result.removed] + [k[:2] for k in result.kept]):
        assert start == pos
        pos = end
    assert pos == len(raw)
    for raw_start, raw_end, clean_start in result.kept:
        assert result.text[clean_start : clean_start + raw_end - raw_start] == raw[raw_start:raw_end]


def test_every_speech_sentence_survives_and_no_chrome_does(seeds_dir):
    for path in seed_files(seeds_dir):
        raw = path.read_text(encoding="utf-8")
        result = clean(raw)
        check_offsets(raw, result)
        clean_text = squeeze(result.text)
        sentences = speech_sentences(raw)
        assert len(sentences) >= 10, f"{path.name}: the oracle found almost no speech"
        missing = [s for s in sentences if s not in clean_text]
        assert not missing, f"{path.name}: lost {len(missing)} sentences, e.g. {missing[:2]}"
        left = [w for w in CHROME_IN_CLEAN if w in result.text]
        assert not left, f"{path.name}: chrome left {left}"
        assert not re.search(r"(?m)^\s*\d+\s*[.．]\s", result.text), f"{path.name}: a 温馨提示 item survived"
        assert result.title and ".docx" not in result.title, path.name
        assert not re.search(r"\n\s*\n\s*\n", result.text) and result.text == result.text.strip()


def test_page_chunks_are_rejoined(seeds_dir):
    for path in seed_files(seeds_dir):
        raw = path.read_text(encoding="utf-8")
        if not re.search(r"(?m)^2、", raw):
            continue
        result = clean(raw)
        assert not re.search(r"(?m)^\s*\d{1,3}、", result.text), path.name
        if "为成功举\n\n2、办世博会" in raw:
            assert "为成功举办世博会" in result.text
        reasons = {r.reason for r in result.removed}
        assert "page-chunk-join" in reasons


def test_titles_and_duplicates(seeds_dir):
    for path in seed_files(seeds_dir):
        raw = path.read_text(encoding="utf-8")
        result = clean(raw)
        first_line = result.text.split("\n", 1)[0]
        docx = re.search(r"(?m)^(.+)\.docx$", raw)
        if docx:
            assert result.title == docx.group(1).strip()
        # a title line repeated on the page is kept once, at the head of the speech
        raw_lines = [line.strip() for line in raw.split("\n")]
        if result.title and raw_lines.count(result.title) >= 2:
            assert [line.strip() for line in result.text.split("\n")].count(result.title) == 1
            assert first_line.strip() == result.title
        assert not first_line.startswith(("收藏", "分享", "下载", "上传"))


def test_cleaning_twice_removes_nothing_more(seeds_dir):
    # Several real speeches joined into one file, as users paste them: a second pass must find
    # nothing the first one left (no "page-chunk number" or chrome line appears only after a first cut).
    texts = [path.read_text(encoding="utf-8") for path in seed_files(seeds_dir)]
    for joined in ("\n\n".join(texts), "\n\n".join(reversed(texts)), "\n".join(texts[1:] + texts[:1])):
        once = clean(joined).text
        assert clean(once).text == once
    for text in texts:
        once = clean(text).text
        assert clean(once).text == once
