"""Line joins inside one logical block (normalize.text.join_lines): the word space at a Latin line break."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.text import join_lines, line_separator
from text_strategies import CJK_ALPHABET

from policy_extract.core.vocabulary import is_cjk

# ICDAR 2013 cells wrapped in their column (eu-001, eu-007, us-007, us-011a, us-015, us-017, us-031a): the
# competition's truth writes a word space at each of these breaks; they were joined without one.
WRAPPED_LATIN_CELLS = [
    (["Chlorine and inorganic compounds", "(as HCl)"], "Chlorine and inorganic compounds (as HCl)"),
    (["Total: 34.8%", "Prima (3.3%)", "St Hubert 41 (18.7%)"], "Total: 34.8% Prima (3.3%) St Hubert 41 (18.7%)"),
    (["Budget Coefficient for Coffee,", "Tea, Herb Tea"], "Budget Coefficient for Coffee, Tea, Herb Tea"),
    (["Maison du Café", "(Douwe Egberts)"], "Maison du Café (Douwe Egberts)"),
    (["Age 4", "(Head Start Year)"], "Age 4 (Head Start Year)"),
    (["Less:", "Exclusions &", "Unallowables"], "Less: Exclusions & Unallowables"),
    (["of the target population", "• Generates an unacceptably"], "of the target population • Generates an unacceptably"),
    (["(response scale’s worst end)", "or ceiling"], "(response scale’s worst end) or ceiling"),
    (["and use.", "Testing other"], "and use. Testing other"),
    (["Asian/", "Pacific Islander"], "Asian/ Pacific Islander"),
    (["Murder /", "Non-Negligent"], "Murder / Non-Negligent"),
]


@pytest.mark.parametrize(("lines", "joined"), WRAPPED_LATIN_CELLS)
def test_wrapped_latin_cell_keeps_word_space(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["Non-", "Negligent"], "Non-Negligent"),  # a hyphen before a capital: as printed
        (["develop-", "ment"], "development"),  # hyphenation between lowercase letters: repaired
        (["http://www.naacpartners.org/products/", "presentations/national"],
         "http://www.naacpartners.org/products/presentations/national"),  # a path's slash
        (["ISO", "9000"], "ISO 9000"),
        (["kg/", "year"], "kg/year"),  # a unit's slash
    ],
)
def test_latin_break_without_word_space(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["服务", "业标", "准化", "指标"], "服务业标准化指标"),
        (["国内生产总值（GDP）", "增长"], "国内生产总值（GDP）增长"),
        (["GDP", "增长6%"], "GDP增长6%"),
        (["增长", "(预期性)"], "增长(预期性)"),
        (["100-500万元", "（1）招标"], "100-500万元（1）招标"),
        (["比上年增长5.2%，", "达到"], "比上年增长5.2%，达到"),
        (["大中型食品企业推行GB/", "T2200、HACCP认证"], "大中型食品企业推行GB/T2200、HACCP认证"),
        (["地区生产总值GDP", "(亿元)"], "地区生产总值GDP(亿元)"),  # a Chinese word's half-width bracket
        (["“十四五”", "2025年目标"], "“十四五”2025年目标"),  # a Chinese word's quotes
        (["(亿元)", "GDP"], "(亿元)GDP"),
    ],
)
def test_chinese_lines_join_without_space(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


LINE = st.text(alphabet=st.one_of(CJK_ALPHABET, st.sampled_from("•“”‘’%&/é")), min_size=1, max_size=12)


@given(st.lists(LINE, min_size=1, max_size=6))
def test_no_space_inserted_next_to_cjk(lines: list[str]) -> None:
    """Whatever the lines, a break with a CJK character (or full-width punctuation) on either side is
    replaced by nothing."""
    stripped = [ln.strip() for ln in lines if ln.strip()]
    for prev, nxt in itertools.pairwise(stripped):
        if is_cjk(prev[-1]) or is_cjk(nxt[0]):
            assert line_separator(prev, nxt) == ""


@given(st.lists(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1,
                        max_size=8), min_size=1, max_size=6))
def test_chinese_lines_join_as_concatenation(lines: list[str]) -> None:
    assert join_lines(lines) == "".join(lines)


@given(st.lists(LINE, min_size=1, max_size=6))
def test_join_only_adds_single_spaces_at_breaks(lines: list[str]) -> None:
    """The joined text is the lines (stripped) with at most one space between two of them; nothing else."""
    stripped = [ln.strip() for ln in lines if ln.strip()]
    out = join_lines(lines)
    if not any(ln.endswith("-") for ln in stripped[:-1]):
        assert out.replace(" ", "") == "".join(stripped).replace(" ", "")
    assert len(out) <= len(" ".join(stripped))
