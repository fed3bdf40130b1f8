"""Numbered paragraphs are no table: articles (``第十四条``) and their items (``（一）``) set with a gap after the
marker line up like a two-column table (real dangwei_2017_010_excerpt p.1: three such "tables" took the article
list and the 第三章 heading between them).  A serial column beside names and figures stays a table."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from policy_extract.extract.borderless import is_numbered_paragraphs

from policy_extract.core.vocabulary import HEADING_NUMERALS, PARAGRAPH_MARKER

COLS = [(57.0, 100.0), (112.0, 515.0)]
EM = 10.5


def _word(text: str, x0: float) -> list[dict]:
    return [{"text": ch, "x0": x0 + i * EM, "x1": x0 + (i + 1) * EM, "size": EM} for i, ch in enumerate(text)]


def _rows(pairs: list[tuple[str, str]]) -> list[list[list[dict]]]:
    return [[_word(a, COLS[0][0]) if a else [], _word(b, COLS[1][0]) if b else []] for a, b in pairs]


def test_articles_and_their_items_are_numbered_paragraphs() -> None:
    rows = _rows([("第十七条", "职工代表大会工作机构的任务是："), ("（一）", "组织职工选举职工代表。"),
                  ("（二）", "主持职工代表大会的筹备工作和会议期间的组织工作。"), ("（三）", "提出职代会议题的建议，")])
    assert is_numbered_paragraphs(rows, COLS)


def test_a_heading_between_items_does_not_make_them_a_table() -> None:
    rows = _rows([("(三)", "有较强的参政议事能力。"), ("", "第三章职工代表大会与工会委员会"),
                  ("第十六条", "职工代表大会是工会工作的重点，工会委员会是职工代表大会的工作机构，")])
    assert is_numbered_paragraphs(rows, COLS)


def test_a_serial_column_beside_names_is_a_table() -> None:
    rows = _rows([("一、", "地区生产总值"), ("二、", "研发投入强度"), ("三、", "城镇登记失业率")])
    assert not is_numbered_paragraphs(rows, COLS)


def test_a_first_column_of_words_is_a_table() -> None:
    rows = _rows([("工会主席", "全面负责工会工作。"), ("工会副主席", "主持工会日常工作。")])
    assert not is_numbered_paragraphs(rows, COLS)


NUMERALS = st.text(HEADING_NUMERALS, min_size=1, max_size=3)


@given(NUMERALS, st.sampled_from(["第{}条", "（{}）", "({})", "{}、", "{}．"]))
def test_paragraph_markers_alone_match(numeral: str, form: str) -> None:
    assert PARAGRAPH_MARKER.match(form.format(numeral))
    assert not PARAGRAPH_MARKER.match(form.format(numeral) + "总体要求")
