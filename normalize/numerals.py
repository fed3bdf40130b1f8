"""Chinese numerals and full-width forms → numbers: the one numeral parser (pure functions over strings).

The numeral characters are vocabulary (:mod:`policy_extract.core.vocabulary`); every Chinese number in the
pipeline (counts, dates, heading and 专栏 numbers) is read by :func:`parse_chinese_number`.

``to_halfwidth`` maps one character to one character, so offsets found in its result are offsets in the
original text: callers match on the half-width copy and slice the raw text, which stays untouched.
"""

from __future__ import annotations

import re

from policy_extract.core.vocabulary import (
    NUMERAL_BIG_UNITS,
    NUMERAL_DIGITS,
    NUMERAL_POINT,
    NUMERAL_SMALL_UNITS,
)

DEFAULT_HALFWIDTH: dict[str, str] = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    "．": ".",
    "％": "%",
    "＋": "+",
    "－": "-",
    "：": ":",
    "（": "(",
    "）": ")",
    "／": "/",
    "＜": "<",
    "＞": ">",
    "＝": "=",
    "，": ",",
    "；": ";",
    "［": "[",
    "］": "]",
    "～": "~",
    "≧": "≥",
    "≦": "≤",
    "　": " ",
}
"""Only the characters the value, unit and date parsers read; CJK text is left as it is."""

_HALFWIDTH_TABLE = str.maketrans(DEFAULT_HALFWIDTH)

NUMERAL_CHARS = "".join([*NUMERAL_DIGITS, *NUMERAL_SMALL_UNITS, *NUMERAL_BIG_UNITS, NUMERAL_POINT])
"""Every character :func:`parse_chinese_number` reads; for building regexes elsewhere."""

_ARABIC = re.compile(r"\d+(?:\.\d+)?")


def to_halfwidth(text: str) -> str:
    """Full-width digits and the punctuation the parsers read → ASCII; same length as ``text``."""
    return text.translate(_HALFWIDTH_TABLE)


def parse_chinese_number(text: str) -> int | float | None:
    """``一百零五`` → 105, ``两千`` → 2000, ``十五`` → 15, ``二〇二一`` → 2021, ``三点五`` → 3.5; else None.

    Arabic digits (also full-width) are accepted too, so callers can pass whatever a date or count holds.
    """
    s = to_halfwidth(text).strip()
    if not s:
        return None
    if _ARABIC.fullmatch(s):
        return float(s) if "." in s else int(s)
    if any(ch not in NUMERAL_CHARS for ch in s):
        return None
    whole, _, frac = s.partition(NUMERAL_POINT)
    integer = _integer_part(whole) if whole else None
    if integer is None:
        return None
    if not _:
        return integer
    decimals = _digit_string(frac)
    return None if decimals is None else float(f"{integer}.{decimals}")


def _digit_string(s: str) -> str | None:
    """``二〇二一`` → ``"2021"``: characters read one digit each (years, decimals)."""
    if not s or any(ch not in NUMERAL_DIGITS for ch in s):
        return None
    return "".join(str(NUMERAL_DIGITS[ch]) for ch in s)


def _integer_part(s: str) -> int | None:
    if all(ch in NUMERAL_DIGITS for ch in s):
        digits = _digit_string(s)
        return None if digits is None else int(digits)
    total, section = 0, 0
    for part, big in _split_big_units(s):
        value = _section_value(part)
        if value is None:
            return None
        section = value
        if big:
            total += (section if section or part else 1) * big
            section = 0
    return total + section


def _split_big_units(s: str) -> list[tuple[str, int]]:
    """``三亿二千万五百`` → ``[("三", 1e8), ("二千", 1e4), ("五百", 0)]``."""
    parts: list[tuple[str, int]] = []
    current = ""
    for ch in s:
        if ch in NUMERAL_BIG_UNITS:
            parts.append((current, NUMERAL_BIG_UNITS[ch]))
            current = ""
        else:
            current += ch
    parts.append((current, 0))
    return parts


def _section_value(s: str) -> int | None:
    """Value below 万: ``一百零五`` → 105, ``十五`` → 15, ``一千五`` → 1500 (digit after a unit)."""
    total, digit, last_unit = 0, None, 0
    for ch in s:
        if ch in NUMERAL_DIGITS:
            if digit is not None and NUMERAL_DIGITS[ch] != 0 and digit != 0:
                return None  # two digits in a row (一二百) is not a numeral
            digit = NUMERAL_DIGITS[ch]
            continue
        unit = NUMERAL_SMALL_UNITS[ch]
        if last_unit and unit >= last_unit:
            return None
        total += (1 if digit is None else digit) * unit
        digit, last_unit = None, unit
    if digit:
        # 一千五 is 1500; after 零 (一千零五) or with no unit before, the digit counts as itself.
        elided = last_unit // 10 if last_unit >= 100 and s[-2:-1] not in "零〇○" else 1
        total += digit * elided
    return total


def parse_integer(text: str | None) -> int | None:
    """:func:`parse_chinese_number` for whole numbers only (heading, 专栏 and date numbers); else None."""
    value = parse_chinese_number(text) if text else None
    return value if isinstance(value, int) else None
