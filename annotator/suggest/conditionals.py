"""The one registry of words that open a condition or a supposition (如果, 假定, 一旦, 即使, 只要 …).

Directives (modality, liveness, cues, features) and statistics (nonmeasure, nonstat) all ask "does a condition
open here?", each for its own reason; they used to carry seven hand-copied lists that differed in small ways
nobody could tell deliberate from accidental. Each word is listed here once, with its *kind* and the guards that
keep it from matching inside another word; every user asks for the kinds it means, by name, and gets a regex
alternation. A difference between two users is now a difference of kinds, stated where the view is defined.

Kinds:
  * ``if`` — an open condition (如果, 要是, 倘若 …): what follows may or may not hold;
  * ``suppose`` — a premise stated to compute from (假定, 假设): supposed, never measured; the 假- conditionals
    (假如, 假使, 假若) are ``if`` words that also *suppose* (``SUPPOSING`` below), while 如果 may state a fact
    (如果说去年…增长了5%);
  * ``contingency`` — should it happen (一旦, 万一);
  * ``concession`` — even if (即使);
  * ``sufficient`` — as long as (只要): a condition that is also a requirement (只要…就要…), so only the learner's
    features see it as a condition;
  * ``literary`` — the bare 若 of written style: a single character, so only where the frame around it is
    narrow (若不…，就不能…; 若认为…).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMERAL = "一二两三四五六七八九十百千万亿"


@dataclass(frozen=True)
class Opener:
    word: str
    kind: str
    not_after: str = ""   # characters that, right before the word, make it part of another word
    not_before: str = ""  # characters that, right after it, do the same

    def pattern(self) -> str:
        before = f"(?<![{self.not_after}])" if self.not_after else ""
        after = f"(?![{self.not_before}])" if self.not_before else ""
        return f"{before}{self.word}{after}"


OPENERS: tuple[Opener, ...] = (
    Opener("如果", "if"),
    Opener("如若", "if"),
    Opener("假如", "if"),
    Opener("假若", "if"),
    Opener("假使", "if"),
    Opener("倘若", "if"),
    Opener("倘使", "if"),
    Opener("若是", "if"),
    Opener("设若", "if"),
    # 主要是, 只要是, 需要是, 重要是, 必要是, 想要是, 还要是, 就要是, 也要是, 总要是, 不要是, 紧要是: the 要 of another word
    Opener("要是", "if", not_after="主只需重必想还就也总不紧应"),
    Opener("假定", "suppose"),
    Opener("假设", "suppose"),
    Opener("一旦", "contingency"),
    # 万一 inside a numeral (一万一千, 三万一) is no contingency
    Opener("万一", "contingency", not_after=_NUMERAL + "0123456789", not_before="千百十万亿"),
    Opener("即使", "concession"),
    Opener("只要", "sufficient"),
    Opener("若", "literary", not_after="倘若假设如", not_before="是干"),
)
KINDS = frozenset(o.kind for o in OPENERS)
# The 假- words: what they open is supposed, as 假定/假设 (假如全国有一百万个…), unlike 如果 (如果说去年…: a fact).
SUPPOSING = frozenset({"假定", "假设", "假如", "假使", "假若"})


def words(*kinds: str, exclude: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The words of the given kinds (longest first), without ``exclude``."""
    unknown = set(kinds) - KINDS
    if unknown:
        raise ValueError(f"unknown conditional kind(s): {sorted(unknown)}")
    return tuple(o.word for o in sorted((o for o in OPENERS if o.kind in kinds and o.word not in exclude),
                                        key=lambda o: -len(o.word)))


def alternation(*kinds: str, exclude: tuple[str, ...] = (), guarded: bool = True) -> str:
    """A non-capturing regex group matching any opener of ``kinds``, each with its guards (``guarded``)."""
    chosen = set(words(*kinds, exclude=exclude))
    parts = [o.pattern() if guarded else o.word
             for o in sorted(OPENERS, key=lambda o: -len(o.word)) if o.word in chosen]
    return "(?:" + "|".join(parts) + ")"


def compile_(*kinds: str, exclude: tuple[str, ...] = (), prefix: str = "", suffix: str = "") -> re.Pattern:
    return re.compile(prefix + alternation(*kinds, exclude=exclude) + suffix)


# The views the suggesters use, each named by what it asks (the kinds are the only differences between them).
# 要 right after the opener wants or will (如果要安排…, 一旦要打仗…): never an order.
IF = ("if", "contingency")
# A condition whose consequent follows (…，就/便/则…): an open condition or a contingency (一旦…就…, 万一…就…).
# Not 只要: 只要…，我们就要欢迎他 — the sufficient condition often frames a requirement the speaker makes.
ANTECEDENT = ("if", "contingency")
# A figure supposed, not measured: a condition, a contingency or a premise (假定一百个人中…); never a concession
# (即使增长5%也… states a real figure as often as not).
SUPPOSITION = ("if", "suppose", "contingency")
# A sentence framed as a hypothesis (the directive's frame, a lower confidence): any premise, a concession too.
HYPOTHESIS = SUPPOSITION + ("concession",)
# The learner's feature "the cue stands in a condition": as long as (只要) included.
FEATURE = ("if", "contingency", "sufficient")
