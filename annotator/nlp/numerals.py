"""Chinese numerals → numbers. Shared by the outline parser (ordinals) and the statistics suggester.

Handles the counting form (二十五, 一百零三, 三千五百万, 两亿) and the digit-by-digit form used for years and
codes (二〇二三, 一九九八). Full-width Arabic digits are folded by ``fold_digits``.
"""

from __future__ import annotations

from annotator.domain.numeral_chars import BIG_UNITS, DIGITS, NUMERAL_CHARS, SMALL_UNITS  # noqa: F401 - re-exported

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def fold_digits(text: str) -> str:
    """Full-width digits, point and percent → ASCII (same length, so offsets are kept)."""
    return text.translate(_FULLWIDTH_DIGITS)


def cn_to_int(text: str) -> int | None:
    """Value of a Chinese integer numeral, or None if ``text`` is not one.

    >>> cn_to_int("二十五"), cn_to_int("十"), cn_to_int("一百零三"), cn_to_int("二〇二三"), cn_to_int("两亿")
    (25, 10, 103, 2023, 200000000)
    """
    if not text or any(ch not in NUMERAL_CHARS for ch in text):
        return None
    if all(ch in DIGITS for ch in text):
        # 二〇二三: digit by digit (but a single 两 alone is just 2)
        value = 0
        for ch in text:
            value = value * 10 + DIGITS[ch]
        return value
    total = 0  # finished groups of 亿 / 万
    section = 0  # the group being built (below 万)
    digit = None
    for ch in text:
        if ch in DIGITS:
            if digit is not None and DIGITS[ch] != 0 and digit != 0:
                return None  # two digits in a row in counting form: not a numeral we understand
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            section += (1 if digit is None else digit) * unit
            digit = None
        else:
            unit = BIG_UNITS[ch]
            section += digit or 0
            digit = None
            if section == 0 and total == 0:
                return None
            if unit == 100_000_000:
                total = (total + section) * unit
            else:
                total += section * unit
            section = 0
    return total + section + (digit or 0)


def cn_range(text: str) -> tuple[int, int] | None:
    """(low, high) of an approximate Chinese numeral, or None if ``text`` is not one.

    Speeches count loosely: 几 is "a few" (2–9 in its place), and two neighbouring digits give a range
    (七八十 = 70–80, 十七八 = 17–18, 三五 = 3–5). An exact numeral gives (n, n).

    >>> cn_range("几十"), cn_range("二十几"), cn_range("七八十"), cn_range("两百"), cn_range("十几万")
    ((20, 90), (22, 29), (70, 80), (200, 200), (120000, 190000))
    """
    if not text or any(ch not in NUMERAL_CHARS and ch != "几" for ch in text):
        return None
    if "几" in text:
        low, high = cn_to_int(text.replace("几", "二")), cn_to_int(text.replace("几", "九"))
        return (low, high) if low is not None and high is not None else None
    exact = cn_to_int(text)
    if exact is not None:
        return exact, exact
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if a in DIGITS and b in DIGITS and DIGITS[b] > DIGITS[a] > 0:
            low, high = cn_to_int(text[:i + 1] + text[i + 2:]), cn_to_int(text[:i] + text[i + 1:])
            if low is not None and high is not None:
                return low, high
    return None


def int_to_cn(value: int) -> str:
    """Counting form for ordinals 0–99 (enough for section numbers): 1 → 一, 10 → 十, 25 → 二十五."""
    names = "零一二三四五六七八九"
    if value < 10:
        return names[value]
    if value < 20:
        return "十" + (names[value - 10] if value > 10 else "")
    if value < 100:
        tens, ones = divmod(value, 10)
        return names[tens] + "十" + (names[ones] if ones else "")
    raise ValueError("ordinals above 99 are not supported")
