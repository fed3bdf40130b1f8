"""Unnumbered side headings in stroked bold of the body face (shenzhen_gender_stats_2021).

A statistical report under ``1 人口特征`` prints ``人口规模与性别比``, ``艺术家和运动员``, ``教育``: the body's face
and size, drawn filled and stroked (Word/WPS 加粗 on a font without a bold face), flush with the column's left
edge where the paragraphs start at their indent.  They are headings one level below the numbered heading above;
a bold caption, a label with a colon, an indented or centred bold line, or a line of another face is not.
"""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.layout import Column
from policy_extract.normalize.outline import OutlineBuilder
from policy_extract.normalize.paragraphs import Block
from test_structure_helpers import LEFT, RIGHT, body

BODY = "FZFSK--GBK1-0"


def _paragraph(indent: bool = True) -> Block:
    """A two-line body paragraph, its first line at the indent (or flush left, as web prints set them)."""
    lines = [body("2021年，深圳市常住人口1761.48万人，比上年增加", 1, indent=indent, font=BODY),
             body("5.11万人。", 2, font=BODY, end=LEFT + 80)]
    return Block([1, 2], lines)


def _builder(indent: bool = True) -> OutlineBuilder:
    b = OutlineBuilder(BODY, columns={1: Column(LEFT, RIGHT, 595.0, 842.0)})
    b.find_gap_runs([_paragraph(indent), _paragraph(indent)])  # surveys the paragraphs' first-line indent
    assert b.heading(_block("1人口特征", "FZHTK--GBK1-0")) is not None
    return b


def _block(text: str, font: str = BODY, bold: bool = True, indent: bool = False) -> Block:
    return Block([0], [dataclasses.replace(body(text, 0, indent=indent, font=font, end=LEFT + 16 * len(text)),
                                           bold=bold)])


def test_bold_body_face_phrase_flush_left_is_a_side_heading() -> None:
    b = _builder()
    node, rest = b.heading(_block("人口规模与性别比"))  # type: ignore[misc]
    assert (node.number, node.title, rest) == ("", "人口规模与性别比", "")
    assert b.heading(_block("2021年，深圳市常住人口1761.48万人。", bold=False, indent=True)) is None
    assert b.heading(_block("教育")) is not None  # a sibling: one level below 1 人口特征 too
    assert [(n.number, n.level, n.parent) for n in b.finish()] == [("1", 1, None), ("", 2, "s1"), ("", 2, "s1")]


def test_what_is_no_side_heading() -> None:
    b = _builder()
    assert b.heading(_block("表1 2021年深圳市分区常住人口")) is None  # a caption
    assert b.heading(_block("注解：")) is None  # a label
    assert b.heading(_block("人口规模与性别比", bold=False)) is None  # body type
    assert b.heading(_block("人口规模与性别比", indent=True)) is None  # at the paragraph indent: emphasis
    assert b.heading(_block("人口规模与性别比", font="SimHei")) is None  # another face: not this form
    assert OutlineBuilder(BODY, columns={1: Column(LEFT, RIGHT, 595.0, 842.0)}).heading(
        _block("人口规模与性别比")) is None  # before any numbered heading (a cover's bold lines)


@given(st.text(alphabet="，。：；、（）1234567890%", min_size=1, max_size=3), st.integers(0, 6))
def test_a_phrase_with_punctuation_or_digits_is_no_side_heading(mark: str, at: int) -> None:
    title = "人口规模与性别比"
    found = _builder().heading(_block(title[:at] + mark + title[at:]))
    assert found is None or found[0].number != ""  # a leading 1 makes a clause heading 1人口…, numbered
