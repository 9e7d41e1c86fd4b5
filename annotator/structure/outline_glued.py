"""Markers a scrape glued to the text before them or split from their own punctuation: articles glued to
the title of the chapter they open ("第一章总则第一条为了…"), and numerals whose 、 went to the next line.

A scrape that drops the break between a chapter heading and its first article (a <strong> title with no
<br> after it, a Word table cell, a page copied without line ends) leaves the article right after the
chapter's short title, often with no space after it either.  The scanner passes over it: glued to a word
and followed by none of the spaces that set an article off from a citation ("依照第一条规定"), it looks
like a reference.  Standing right after a 第N章/第N节 and a short unpunctuated title on the same line, it is
the article that chapter opens — a citation stands inside a sentence, never directly after a heading's
title.  The outline still keeps it only where the articles run on (outline_arrange, outline._rejected).
"""

from __future__ import annotations

import re

from annotator.structure.markers import Candidate, numeral_value

_DIVISIONS = frozenset({"chapter", "section"})
_TITLE_MAX = 20  # a chapter's title ("总则", "法律责任", "调查与规划"): longer is a sentence
_ARTICLE = re.compile("第([一二三四五六七八九十百零○〇]{1,6})条")
# The title between the division and the article: words and spaces only — punctuation means a sentence,
# and a cited article inside it ("…依照第五条") has words of a sentence before it that this rejects too.
_TITLE = re.compile(r"[ \t\u3000\xa0]*[\u4e00-\u9fff][\u4e00-\u9fff \u3000\xa0]{0,%d}" % (_TITLE_MAX - 1))
_CITING_NEXT = re.compile(r"[《“的所和及与、至或中,，]|规定|之")  # as markers._CITING_NEXT
# What introduces a cited article inside a title ("第二节关于第三条修改的说明", "第四章适用第十条的情形").
_CITING_BEFORE = ("关于", "依照", "依据", "根据", "按照", "参照", "违反", "适用", "对", "见", "本法", "本办法", "本条例")


def glued_articles(text: str, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` with the article glued after each division's title added (see the module docstring)."""
    added: list[Candidate] = []
    known = None
    for cand in cands:
        if cand.family not in _DIVISIONS:
            continue
        title = _TITLE.match(text, cand.end)
        if title is None:
            continue
        # The article is the first 第N条 inside that title's reach, the title's words before it.
        article = _ARTICLE.search(text, cand.end, title.end() + 8)
        if article is None or article.start() - cand.end < 1 or not text[cand.end:article.start()].strip(" \t\u3000\xa0"):
            continue
        if (article.start() > title.end() or _CITING_NEXT.match(text, article.end())
                or text[cand.end:article.start()].rstrip(" \t\u3000\xa0").endswith(_CITING_BEFORE)):
            continue
        if known is None:
            known = {c.start for c in cands}
        if article.start() in known:
            continue
        ordinal = numeral_value(article.group(1))
        if not ordinal or ordinal >= 1000:
            continue
        end = article.end()
        spaced = end < len(text) and text[end] in " \t\u3000\xa0"
        added.append(Candidate(article.start(), end, article.group(), "article", ordinal, "glued", True, True,
                               spaced, False))
    if not added:
        return cands
    return sorted(cands + added, key=lambda c: c.start)


def opens_glued_article(text: str, division: Candidate, following: Candidate | None) -> bool:
    """Does the glued division ``division`` run straight into its first article ("…办法第一章总则第一条为…")?
    The pair vouches for itself: a glued 第一章 alone needs a sibling to count (outline._rejected), but a
    chapter title followed at once by an article is no citation — citations do not have titles."""
    return (division.family in _DIVISIONS and following is not None and following.family == "article"
            and 1 <= following.start - division.end <= _TITLE_MAX
            and _TITLE.match(text, division.end) is not None
            and _TITLE.match(text, division.end).end() >= following.start)


def split_numerals(text: str, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` without the bare numerals whose 、 was pushed onto the next line ("一\\n、加强组织领导", a copied
    PDF or a numbering field cut from its text): read as an untitled part ("## 一"), such a numeral took every
    later 二、三、 as its children.  Without it the list opens at 二、 and is kept once 三、 follows."""
    out = None
    for k, cand in enumerate(cands):
        if cand.family != "cn-space":
            continue
        j = cand.end
        while j < len(text) and text[j] in " \t\u3000\xa0\r":
            j += 1
        if j < len(text) and text[j] == "\n":
            j += 1
            while j < len(text) and text[j] in " \t\u3000\xa0":
                j += 1
            if text.startswith(("、", "．", "."), j):
                out = (out if out is not None else set()) | {k}
    return cands if out is None else [c for k, c in enumerate(cands) if k not in out]
