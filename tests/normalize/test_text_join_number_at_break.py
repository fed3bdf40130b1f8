"""A word space was put at a line break where none belongs: the break rule judged the mark or number at the
break by itself, so a Chinese sentence's number took a Latin space (``增长8.5%,`` / ``2025年将达到`` →
``8.5%, 2025年``), a number broken at its point became two (``增长12.`` / ``5%`` → ``12. 5%``, read as 12 and
5%), and an address or a unit was split (``www.gov. cn``, ``people/ km2``).  A number or mark belongs to the
nearest letter beyond it; a break inside a number, an address or a unit is no word space."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.text import join_lines, line_separator


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["增长8.5%,", "2025年将达到"], "增长8.5%,2025年将达到"),
        (["目标完成率100%;", "2.推进工作"], "目标完成率100%;2.推进工作"),
        (["达到95%;", "(2)加强"], "达到95%;(2)加强"),
        (["增长15%", "(2024年)"], "增长15%(2024年)"),
        (["浓度下降10%,", "AQI优良率"], "浓度下降10%,AQI优良率"),
        (["指标值为95%)", "2025年"], "指标值为95%)2025年"),
        (["投资100亿元,", "2025年"], "投资100亿元,2025年"),
    ],
)
def test_number_of_a_chinese_sentence_takes_no_space(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["增长12.", "5%"], "增长12.5%"),
        (["1,234,", "567"], "1,234,567"),
        (["2024.01.01-2025.", "12.31"], "2024.01.01-2025.12.31"),
        (["www.gov.", "cn"], "www.gov.cn"),
        (["zhangsan@mail.", "gov.cn"], "zhangsan@mail.gov.cn"),
        (["people/", "km2"], "people/km2"),
    ],
)
def test_break_inside_a_number_address_or_unit_takes_no_space(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["U.S.", "Census"], "U.S. Census"),  # an abbreviation, not an address
        (["e.g.", "the"], "e.g. the"),
        (["Asian/", "Pacific Islander"], "Asian/ Pacific Islander"),
        (["Total: 34.8%", "Prima (3.3%)"], "Total: 34.8% Prima (3.3%)"),
        (["Age 4", "(Head Start Year)"], "Age 4 (Head Start Year)"),
    ],
)
def test_latin_word_space_at_break_is_kept(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


SIDE = st.text(alphabet=st.sampled_from("0123456789.,%;:()[]/ "), max_size=6)
LATIN = st.text(alphabet=st.sampled_from("abcXYZ"), min_size=1, max_size=4)
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
ITEM = re.compile(r"\s*(?:\d{1,2}\s*(?:、|[.．](?!\d))|[（(]\s*\d{1,2}\s*[）)])")


@given(LATIN, HAN, SIDE, SIDE, st.booleans())
def test_no_space_when_the_nearest_letter_is_cjk(latin: str, han: str, left: str, right: str,
                                                 cjk_before: bool) -> None:
    """Whatever numbers and marks stand at the break, a CJK letter nearest on either side means no space;
    save a numbered item after a Latin word (the item's number is no Chinese sentence's)."""
    prev, nxt = (latin + han + left, right + latin) if cjk_before else (latin + left, right + han + latin)
    prev, nxt = prev.strip(), nxt.strip()
    if prev and nxt and (cjk_before or not ITEM.match(nxt)):
        assert line_separator(prev, nxt) == ""


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["1.报名资料模板.docx", "2.报名资料附件.docx"], "1.报名资料模板.docx 2.报名资料附件.docx"),  # tqjg_caigou
        (["附件：1.实施方案.pdf", "2、申报表.xlsx"], "附件：1.实施方案.pdf 2、申报表.xlsx"),
        (["(1) Report.doc", "(2)汇总表"], "(1) Report.doc (2)汇总表"),
    ],
)
def test_numbered_item_after_a_latin_word_keeps_the_space(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


@given(st.text(alphabet=st.sampled_from("abc 12"), max_size=6), st.sampled_from("0123456789"),
       st.sampled_from(".,"), st.text(alphabet=st.sampled_from("0123456789%abc"), max_size=5),
       st.sampled_from("0123456789"))
def test_no_space_inside_a_number(head: str, digit: str, sep: str, tail: str, first: str) -> None:
    assert line_separator(head + digit + sep, first + tail) == ""


@given(st.text(max_size=8), st.text(max_size=8))
def test_line_separator_is_a_space_or_nothing(prev: str, nxt: str) -> None:
    assert line_separator(prev, nxt) in {"", " "}
