"""Review of the side-heading and article rules (79c0ebb): three forms that went wrong.

* A side heading right under ``第一部分`` (raw level −1) took level 0, the chapter tier: ``发展基础`` became a
  chapter, the first part's ``一、`` its child on level 3 while the second part's ``一、`` stood on level 2.
  A side heading is never on a part's or chapter's tier and its final level is one below its heading's.
* ``3个重点领域取得突破…`` (a quantity, not a clause number) was remembered as clause 3 having opened body text,
  so a later bold ``3.1 产业发展`` was taken for a point of it and dropped.
* A bold short phrase flush left is a side heading only where the paragraphs start at their indent: in a
  flush-left web print every paragraph starts there and the bold is emphasis.
"""

from __future__ import annotations

import dataclasses
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.layout import Column
from policy_extract.normalize.outline import OutlineBuilder
from policy_extract.normalize.paragraphs import Block
from test_structure_helpers import LEFT, RIGHT, body

BODY = "FangSong"
HEAD = "SimHei"


def _line(text: str, font: str = BODY, bold: bool = False, indent: bool = False) -> Block:
    line = body(text, 0, indent=indent, font=font, end=LEFT + 16 * len(text))
    return Block([0], [dataclasses.replace(line, bold=bold)])


def _paragraph(indent: bool = True) -> Block:
    lines = [body("全市各领域取得显著成效，重点项目建设加快推进，产业结构", 1, indent=indent, font=BODY),
             body("持续优化。", 2, font=BODY, end=LEFT + 80)]
    return Block([1, 2], lines)


def _builder(indent: bool = True) -> OutlineBuilder:
    b = OutlineBuilder(BODY, columns={1: Column(LEFT, RIGHT, 595.0, 842.0)})
    b.find_gap_runs([_paragraph(indent), _paragraph(indent)])
    return b


SIDE = "side"


def _outline(items: list[str]) -> list[tuple[str, int, str | None]]:
    """Headings in a heading face, ``SIDE`` a bold flush-left phrase of the body face."""
    b = _builder()
    for text in items:
        block = _line("发展基础", bold=True) if text == SIDE else _line(text, HEAD)
        assert b.heading(block) is not None, text
    return [(n.number, n.level, n.parent) for n in b.finish()]


def test_side_heading_under_a_part_is_not_a_chapter() -> None:
    assert _outline(["第一部分总体要求", SIDE, "一、主要目标", "第二部分重点任务", "一、产业"]) == [
        ("第一部分", 1, None), ("", 2, "s1"), ("一", 2, "s1"), ("第二部分", 1, None), ("一", 2, "s4")]


def test_side_heading_under_a_chapter_and_in_a_plain_notice() -> None:
    assert _outline(["第一章总则", SIDE, "一、范围", "第二章职责", "一、分工"]) == [
        ("第一章", 1, None), ("", 2, "s1"), ("一", 2, "s1"), ("第二章", 1, None), ("一", 2, "s4")]
    assert _outline(["一、总体要求", SIDE, "（一）目标"]) == [("一", 1, None), ("", 2, "s1"), ("一", 2, "s1")]


def test_side_heading_right_under_an_annex_of_a_document_in_parts() -> None:
    b = _builder()
    for text in ["第一部分总体要求", "一、主要目标"]:
        assert b.heading(_line(text, HEAD)) is not None
    b.add_annex("附件1", "任务分解表", 1, None)
    assert b.heading(_line("发展基础", bold=True)) is not None
    assert [(n.number, n.level) for n in b.finish()] == [("第一部分", 1), ("一", 2), ("附件1", 1), ("", 2)]


TIERS = ["第{}部分标题", "第{}章标题", "{}、标题", "（{}）标题", "{}.标题"]


@given(st.lists(st.tuples(st.integers(0, len(TIERS) - 1), st.booleans()), min_size=1, max_size=10))
def test_side_headings_move_no_numbered_heading_property(items: list[tuple[int, bool]]) -> None:
    """Numbered headings keep their levels with or without side headings among them, and a side heading is one
    level below the heading above it (at most 4)."""
    texts = [TIERS[t].format("一二三四五六七八九十"[i]) for i, (t, _) in enumerate(items)]
    with_sides = [x for text, (_, side) in zip(texts, items, strict=True) for x in ([text, SIDE] if side else [text])]
    plain = _outline(texts)
    mixed = _outline(with_sides)
    assert [lv for number, lv, _ in mixed if number] == [lv for _, lv, _ in plain]
    for above, (number, level, _) in pairwise(mixed):
        if not number:
            assert level == min(above[1] + 1, 4)


def _after(paragraph: str) -> bool:
    b = OutlineBuilder(BODY)
    assert b.heading(_line("3重点领域", HEAD)) is not None
    assert b.heading(_line(paragraph, indent=True)) is None
    return b.heading(_line("3.1产业发展", bold=True)) is not None


def test_a_quantity_opening_a_paragraph_is_no_clause_number() -> None:
    assert _after("全市各领域取得突破，产业规模持续扩大。")
    assert _after("3个重点领域取得突破，产业规模持续扩大。")
    assert _after("3项重点工程全面完工。")


@given(st.integers(1, 9), st.sampled_from("个项家所名条批次台座"))
def test_a_number_with_a_measure_word_hides_no_clause_heading_property(n: int, unit: str) -> None:
    b = OutlineBuilder(BODY)
    assert b.heading(_line(f"{n}重点领域", HEAD)) is not None
    assert b.heading(_line(f"{n}{unit}重点领域取得突破，产业规模持续扩大。", indent=True)) is None
    assert b.heading(_line(f"{n}.1产业发展", bold=True)) is not None


def test_a_numbered_point_opening_body_text_still_hides_its_bold_sub_clause() -> None:
    """The memory stays for numbers that are numbers: a dotted clause and a punctuated marker."""
    b = OutlineBuilder(BODY)
    assert b.heading(_line("第七章评标办法", HEAD)) is not None
    assert b.heading(_line("4.1评审方法：本项目采用综合评分法，评标的基本步骤如下：", indent=True)) is None
    assert b.heading(_line("4.1.1对投标文件进行符合性审查", bold=True)) is None
    assert b.heading(_line("5.学术创新奖学金中学术成果的认定，按以下规定执行：", indent=True)) is None
    assert b.heading(_line("5.2结果性评价", bold=True)) is None


def test_bold_phrase_flush_left_where_paragraphs_are_flush_left_is_no_side_heading() -> None:
    flush = _builder(indent=False)
    assert flush.heading(_line("一、总体要求", HEAD)) is not None
    assert flush.heading(_line("发展基础", bold=True)) is None  # every paragraph starts there: emphasis
    indented = _builder(indent=True)
    assert indented.heading(_line("一、总体要求", HEAD)) is not None
    assert indented.heading(_line("发展基础", bold=True)) is not None
