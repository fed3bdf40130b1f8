"""Chinese numerals and full-width forms → numbers (pure functions over strings).

``to_halfwidth`` maps one character to one character, so offsets found in its result are offsets in the
original text: callers match on the half-width copy and slice the raw text, which stays untouched.
"""

from __future__ import annotations

import re

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

DEFAULT_DIGITS: dict[str, int] = {
    "〇": 0, "○": 0, "零": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
DEFAULT_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
DEFAULT_BIG_UNITS: dict[str, int] = {"万": 10_000, "亿": 100_000_000}

NUMERAL_CHARS = "".join([*DEFAULT_DIGITS, *DEFAULT_SMALL_UNITS, *DEFAULT_BIG_UNITS, "点"])
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
    whole, _, frac = s.partition("点")
    integer = _integer_part(whole) if whole else None
    if integer is None:
        return None
    if not _:
        return integer
    decimals = _digit_string(frac)
    return None if decimals is None else float(f"{integer}.{decimals}")


def _digit_string(s: str) -> str | None:
    """``二〇二一`` → ``"2021"``: characters read one digit each (years, decimals)."""
    if not s or any(ch not in DEFAULT_DIGITS for ch in s):
        return None
    return "".join(str(DEFAULT_DIGITS[ch]) for ch in s)


def _integer_part(s: str) -> int | None:
    if all(ch in DEFAULT_DIGITS for ch in s):
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
        if ch in DEFAULT_BIG_UNITS:
            parts.append((current, DEFAULT_BIG_UNITS[ch]))
            current = ""
        else:
            current += ch
    parts.append((current, 0))
    return parts


def _section_value(s: str) -> int | None:
    """Value below 万: ``一百零五`` → 105, ``十五`` → 15, ``一千五`` → 1500 (digit after a unit)."""
    total, digit, last_unit = 0, None, 0
    for ch in s:
        if ch in DEFAULT_DIGITS:
            if digit is not None and DEFAULT_DIGITS[ch] != 0 and digit != 0:
                return None  # two digits in a row (一二百) is not a numeral
            digit = DEFAULT_DIGITS[ch]
            continue
        unit = DEFAULT_SMALL_UNITS[ch]
        if last_unit and unit >= last_unit:
            return None
        total += (1 if digit is None else digit) * unit
        digit, last_unit = None, unit
    if digit:
        # 一千五 is 1500; after 零 (一千零五) or with no unit before, the digit counts as itself.
        elided = last_unit // 10 if last_unit >= 100 and s[-2:-1] not in "零〇○" else 1
        total += digit * elided
    return total
