"""Examples of Chinese numerals and half-width mapping, plus properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.numerals import parse_chinese_number, parse_integer, to_halfwidth
from text_strategies import CJK_TEXT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一百", 100),
        ("两千", 2000),
        ("十五", 15),
        ("二〇二一", 2021),
        ("二○一四", 2014),
        ("三十一", 31),
        ("一百零五", 105),
        ("一千五", 1500),
        ("一万二千", 12000),
        ("三点五", 3.5),
        ("十", 10),
        ("零", 0),
        ("１２", 12),
        ("97.5", 97.5),
        ("十四五", None),  # the plan period, not a number
        ("一流", None),
        ("", None),
        ("1.5万", None),  # magnitudes after Arabic digits are the value parser's job
    ],
)
def test_parse_chinese_number(text: str, expected: int | float | None) -> None:
    assert parse_chinese_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("１００％", "100%"),
        ("≥９８％", "≥98%"),
        ("（％）", "(%)"),
        ("微克／立方米", "微克/立方米"),
        ("国家：１", "国家:1"),
    ],
)
def test_to_halfwidth(text: str, expected: str) -> None:
    assert to_halfwidth(text) == expected


@given(CJK_TEXT)
def test_halfwidth_keeps_length_and_is_idempotent(text: str) -> None:
    once = to_halfwidth(text)
    assert len(once) == len(text)
    assert to_halfwidth(once) == once


@given(CJK_TEXT)
def test_parse_never_raises(text: str) -> None:
    parse_chinese_number(text)


@given(st.integers(min_value=0, max_value=99_999_999))
def test_arabic_round_trip_through_chinese(n: int) -> None:
    assert parse_chinese_number(_to_chinese(n)) == n


def _to_chinese(n: int) -> str:
    """Reference spelling (一万零五百 style) to check the parser against."""
    digits = "零一二三四五六七八九"
    if n == 0:
        return "零"

    def below_10k(x: int) -> str:
        out, zero = "", False
        for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = x // value % 10
            if d:
                out += ("零" if zero and out else "") + digits[d] + unit
                zero = False
            else:
                zero = True
        return out

    high, low = divmod(n, 10_000)
    if not high:
        return below_10k(low)
    return below_10k(high) + "万" + ("零" if 0 < low < 1000 else "") + below_10k(low)


@given(st.integers(min_value=1, max_value=99))
def test_heading_numbers_round_trip(n: int) -> None:
    """Heading (一、/（十二）) and 专栏 numbers are written 十二, 二十, 九十九: read by the one parser."""
    tens, ones = divmod(n, 10)
    digits = "零一二三四五六七八九"
    text = ("" if tens < 2 else digits[tens]) + ("十" if tens else "") + (digits[ones] if ones else "")
    assert parse_integer(text) == n
    assert parse_integer(str(n)) == n


@given(st.text(alphabet="一二三四五六七八九十百千万点", min_size=1, max_size=6))
def test_parse_integer_is_the_whole_numbers_of_the_parser(text: str) -> None:
    value = parse_chinese_number(text)
    assert parse_integer(text) == (value if isinstance(value, int) else None)
