"""Generalised features of a suggestion: what carries from one document to the next.

The learner's first feature set (annotator.suggest.learner.features) is mostly lexical: the rule, the
characters around the span and around the cue. Rejections of exact cue contexts rarely recur across
documents (issue 17, second session: 32 rejections in 31 distinct cue contexts), so a team's decisions on
one document taught almost nothing about the next. These features describe the *situation* of a
suggestion instead, in a few values each, so that a decision on one document speaks for many others:

* ``sec=`` the kind of section it stands in, from the words of the nearest heading above it (review,
  task, goal, problem, none) and those heading words themselves (``head=回顾``);
* ``para=`` whether its paragraph opens as a review (一年来, 过去五年…) and where its sentence stands in
  the paragraph (first, middle, last);
* ``subj=`` who the sentence speaks about before the span: the speaker's side (我们, 我省), the addressed
  (各级…, 同志们), a third party (他们, 有人, 敌人), or no one;
* ``verb=`` the class of the cue and of the verb after it (modal strength, policy verb, will-like verbs
  such as 来/变/发生, copula);
* ``mark=`` past and result markers in the sentence (了/已/完成/取得, a figure reached or grown),
  prediction and condition words, a question.

No character of the span or of its neighbourhood is a feature by itself: only these classes. Qt-free.
"""

from __future__ import annotations

import re

from annotator.domain.model import Suggestion
from annotator.suggest import conditionals, cues

_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[章部分])")
_SECTION_WORDS = {
    "review": re.compile(r"回顾|成效|成绩|成就|总结|过去|取得|进展|情况|做法"),
    "goal": re.compile(r"目标|指标"),
    "problem": re.compile(r"问题|不足|差距|挑战|短板"),
    "task": re.compile(r"任务|重点|安排|打算|措施|举措|要求|意见|部署|工作"),
}
_HEAD_WORDS = ("回顾", "成效", "成绩", "成就", "总结", "过去", "目标", "任务", "工作", "问题", "要求", "措施",
               "安排", "打算", "意见", "重点", "今年", "十五五", "关于", "讲话")
_SELF = re.compile(r"我们|我省|我市|我县|我区|我国|本届政府|我")
_ADDRESSED = re.compile(r"各级|各地|各部门|各单位|全市|全省|全县|全区|同志们|你们|大家|干部|党员")
_THIRD = re.compile(r"他们|他|她|有人|有些人|有的人|敌人|对方|帝国主义|反动派|国民党|人家")
_PAST = re.compile(r"了|已经|已|完成|取得|实现了|达到了|去年|过去")
_RESULT = re.compile(r"(?:增长|达到|达|完成|实现|突破|超过|提高|下降)[^，。；]{0,6}\d")
_PREDICT = re.compile(r"就能|一定能|才能|就会|将会|可能|必然|势必|将")
_CONDITION = conditionals.compile_(*conditionals.FEATURE)
_WILL_AFTER = re.compile(r"来|去|变|发生|出现|被|是|有|过|到")
_SENTENCE_END = "。！？!?"


def _heading_above(text: str, pos: int) -> str:
    """The nearest outline heading line before ``pos`` ("" if none): a line opening with a marker, or a
    short line without sentence punctuation."""
    end = text.rfind("\n", 0, pos)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line and (_HEADING.match(line) or (len(line) <= 40 and not any(c in line for c in _SENTENCE_END))):
            return line[:40]
        end = start - 1
    return ""


def section_kind(heading: str) -> str:
    for name, pattern in _SECTION_WORDS.items():
        if pattern.search(heading):
            return name
    return "none" if not heading else "other"


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    s = start
    while s > 0 and text[s - 1] not in _SENTENCE_END + "\n":
        s -= 1
    e = end
    while e < len(text) and text[e] not in _SENTENCE_END + "\n":
        e += 1
    return s, e


def general_features(text: str, s: Suggestion) -> dict[str, float]:
    """Class features of a suggestion in its text (names → 1.0); see the module docstring."""
    f: dict[str, float] = {"bias": 1.0, f"kind={s.rule.removeprefix('heading:').split(':')[0]}": 1.0}
    a = s.attributes
    for key in ("strength", "cue", "unit", "scale", "bound", "direction"):
        if a.get(key):
            f[f"{key}={a[key]}"] = 1.0
    for key in ("indicator", "period", "comparison", "actor"):
        if a.get(key):
            f[f"has_{key}"] = 1.0
    if isinstance(a.get("number"), (int, float)) and a["number"]:
        f[f"magnitude={min(6, len(str(int(abs(a['number'])))) // 2)}"] = 1.0
    if re.search(r"[一二两三四五六七八九十百千万亿几]", a.get("value_text", "")):
        f["chinese_numeral"] = 1.0
    if s.rule.startswith("heading"):
        f["is_heading"] = 1.0
    heading = _heading_above(text, s.start)
    f[f"sec={section_kind(heading)}"] = 1.0
    for word in _HEAD_WORDS:
        if word in heading:
            f[f"head={word}"] = 1.0
    p_start = text.rfind("\n", 0, s.start) + 1
    p_end = text.find("\n", s.end)
    p_end = len(text) if p_end < 0 else p_end
    if cues.RETRO_OPEN_RE.match(text, p_start, p_end):
        f["para=review_open"] = 1.0
    s_start, s_end = _sentence_bounds(text, s.start, s.end)
    f["para=first" if s_start <= p_start else "para=last" if s_end >= p_end - 1 else "para=middle"] = 1.0
    sentence = text[s_start:s_end]
    before = text[s_start:s.start] + text[s.start:s.start + 6]
    f["subj=self" if _SELF.search(before) else "subj=addressed" if _ADDRESSED.search(before)
      else "subj=third" if _THIRD.search(before) else "subj=none"] = 1.0
    f.update(_verb_class(text, s))
    for name, pattern in (("past", _PAST), ("result", _RESULT), ("predict", _PREDICT), ("condition", _CONDITION)):
        if pattern.search(sentence):
            f[f"mark={name}"] = 1.0
    if s_end < len(text) and text[s_end] in "？?":
        f["mark=question"] = 1.0
    if cues.STATEMENT_RE.search(sentence):
        f["mark=statement"] = 1.0
    return f


def _verb_class(text: str, s: Suggestion) -> dict[str, float]:
    """The cue's class and what follows it: a policy verb (推进, 加强…), a will-like verb (来, 变, 发生…)."""
    word = s.rule.rsplit(":", 1)[-1] if ":" in s.rule else ""
    at = text.find(word, s.start, s.end) if word else -1
    after = text[at + len(word):at + len(word) + 4] if at >= 0 else text[s.start:s.start + 4]
    f = {}
    if cues.LEAD_RE.match(after) or cues.VERB_RE.match(after):
        f["verb=policy"] = 1.0
    elif _WILL_AFTER.match(after):
        f["verb=will_like"] = 1.0
    else:
        f["verb=other"] = 1.0
    if at >= 0 and at - s.start <= 2:
        f["cue_opens_span"] = 1.0
    return f
