"""Rows of tables without row rules read from their anchor columns (``extract/anchors.py``).

What broke: gen_docx_nongye_joint's outer-frame table sets its rows one leading apart and centres a wrapped
cell on its row, so the gaps between lines came in two groups (the rows beside the tall row half a line
lower) and the continuation limit joined every row into four; its category labels, centred over their rows'
whole extent, stood on no row.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from page_helpers import cells_with_spans, h, text
from policy_extract.extract.anchors import anchor_rows, backtrack
from policy_extract.extract.lines import TextRow
from policy_extract.extract.page import page_content
from policy_extract.extract.settings import ExtractSettings

S = ExtractSettings()


def test_centred_wrapped_cell_in_a_table_set_one_leading_apart_is_one_row() -> None:
    """Rows 14 pt apart (a 4 pt gap), the value of row 2 wrapped over two lines centred on it: every other
    line is a row of its own, not a continuation."""
    chars = text("名称", 55, 105) + text("目标", 200, 105) + text("单位", 330, 105) + text("属性", 400, 105)
    for name, value, y in (("名称甲", "10", 122), ("名称乙", None, 143), ("名称丙", "30", 164),
                           ("名称丁", "40", 178)):
        chars += text(name, 55, y) + text("万件", 330, y) + text("预期", 400, y)
        chars += text(value, 200, y) if value else text("年均增长", 200, 136) + text("6.5%", 200, 150)
    page = page_content(1, (500, 700), 0, chars, [h(100), h(118), h(192)], S)
    (table,) = page.tables
    got = cells_with_spans(table)
    assert table.n_rows == 5
    assert got[(2, 0)] == ("名称乙", 1) and got[(2, 1)] == ("年均增长6.5%", 1) and got[(3, 1)] == ("30", 1)


def category_page() -> list[dict[str, Any]]:
    """类别 | 指标 | 单位 | 目标: 甲类 centred on the middle of its three rows, 乙类 centred on its two rows'
    whole extent (the first of them taller: its value wraps), so it stands level with the wrapped line."""
    chars = text("类别", 55, 105) + text("指标", 120, 105) + text("单位", 300, 105) + text("目标", 380, 105)
    for name, y in (("指标一", 122), ("指标二", 136), ("指标三", 150), ("指标四", 171), ("指标五", 192)):
        chars += text(name, 120, y) + text("万", 300, y)
    for value, y in (("1", 122), ("2", 136), ("3", 150), ("5", 192)):
        chars += text(value, 380, y)
    chars += text("年均增长", 380, 164) + text("6.5%", 380, 178)
    return chars + text("甲类", 55, 136) + text("乙类", 55, 178)


def test_category_label_centred_over_its_rows_spans_them() -> None:
    page = page_content(1, (500, 700), 0, category_page(), [h(100), h(118), h(206)], S)
    (table,) = page.tables
    got = cells_with_spans(table)
    assert table.n_rows == 6
    assert got[(1, 0)] == ("甲类", 3) and got[(4, 0)] == ("乙类", 2)
    assert got[(4, 3)] == ("年均增长6.5%", 1) and got[(5, 1)] == ("指标五", 1)


def test_wrapped_category_label_centred_over_four_rows_spans_them() -> None:
    """数字基/础设施 on the second and third of its four rows (the wrap of one label, not two labels)."""
    chars = text("类别", 55, 105) + text("指标", 130, 105) + text("基期", 300, 105) + text("目标", 380, 105)
    for i, y in enumerate((122, 136, 150, 164, 178)):
        chars += text(f"指标{i}", 130, y) + text(f"{i}1", 300, y) + text(f"{i}2", 380, y)
    chars += text("总体", 55, 122) + text("数字基", 55, 150) + text("础设施", 55, 164)
    chars += text("指标5", 130, 192) + text("51", 300, 192) + text("52", 380, 192)
    page = page_content(1, (500, 700), 0, chars, [h(100), h(118), h(206)], S)
    (table,) = page.tables
    got = cells_with_spans(table)
    assert got[(1, 0)] == ("总体", 1) and got[(2, 0)] == ("数字基础设施", 4)


def test_header_lines_as_far_apart_as_rows_stay_one_header_row() -> None:
    """Above the header rule a wrapped header (户籍人口 / （万人）) is one row however far apart its lines
    are: only the rule tells it from two rows."""
    chars = text("地区", 55, 105) + text("人口", 200, 105) + text("性别比", 330, 105)
    chars += text("（万人）", 200, 125) + text("（女=100）", 330, 125)
    for i, y in enumerate((150, 170, 190)):
        chars += text(f"区{i}", 55, y) + text(f"1{i}.5", 200, y) + text(f"9{i}.1", 330, y)
    page = page_content(1, (500, 700), 0, chars, [h(100), h(140), h(204)], S)
    (table,) = page.tables
    assert table.n_rows == 4 and cells_with_spans(table)[(0, 1)] == ("人口（万人）", 1)


def row(s: str, x0: float, top: float) -> TextRow:
    chars = text(s, x0, top)
    return TextRow(chars, 0, [chars])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=3), min_size=2, max_size=8),
       st.sampled_from([12.0, 14.0, 16.0]))
def test_rows_of_centred_cells_are_recovered_whatever_the_wrapping(wraps: list[int], pitch: float) -> None:
    """A table set one leading apart whose middle column wraps each row's cell over 1-3 lines, centred on
    the row (the two anchor columns one line a row): one row per table row, each holding its lines."""
    lines: list[TextRow] = []
    top = 100.0
    for n, k in enumerate(wraps):
        centre = top + k * pitch / 2
        lines += [row(f"名{n}", 55, centre - 5), row(f"{n}件", 300, centre - 5), row(f"{n}%", 380, centre - 5)]
        lines += [row(f"值{n}{j}", 150, centre - k * pitch / 2 + j * pitch + (pitch - 10) / 2) for j in range(k)]
        top += k * pitch
    merged = merge_level(lines)
    got = anchor_rows(merged, [50.0, 140.0, 290.0, 370.0, 450.0], [])
    assert got is not None
    groups, spanning = got
    assert not spanning and len(groups) == len(wraps)
    for n, (group, k) in enumerate(zip(groups, wraps, strict=True)):
        text_of = "".join(c["text"] for r in group for c in r.chars)
        assert text_of.count("值") == k and f"名{n}" in text_of


def merge_level(lines: list[TextRow]) -> list[TextRow]:
    """Pieces printed at one height are one visual line, as the page builds them."""
    by_top: dict[float, list[dict[str, Any]]] = {}
    for r in lines:
        by_top.setdefault(round(r.top, 3), []).extend(r.chars)
    out = []
    for top in sorted(by_top):
        chars = sorted(by_top[top], key=lambda c: c["x0"])
        words: list[list[dict[str, Any]]] = []
        for c in chars:
            if words and c["x0"] - words[-1][-1]["x1"] < 1:
                words[-1].append(c)
            else:
                words.append([c])
        out.append(TextRow(chars, 0, words))
    return out


def test_section_label_alone_on_its_line_stays_a_row_of_its_own() -> None:
    """ICDAR us-017: ``Actual`` alone in the first column above single-spaced year rows is a row of its own
    (no anchor line beside it), not the first line of a label centred over the years."""
    chars = text("Year", 55, 105) + text("Total", 200, 105) + text("Male", 300, 105)
    y = 122.0
    for label in ("Actual", "1996", "1997", "1998", "1999", "2000"):
        chars += text(label, 55, y, 8)
        if label.isdigit():
            chars += text(f"5{label[-2:]}", 200, y, 8) + text(f"3{label[-2:]}", 300, y, 8)
        y += 10
    page = page_content(1, (500, 700), 0, chars, [h(100), h(118), h(y + 4)], S)
    (table,) = page.tables
    got = cells_with_spans(table)
    assert table.n_rows == 7
    assert got[(1, 0)] == ("Actual", 1) and got[(2, 0)] == ("1996", 1) and got[(3, 0)] == ("1997", 1)


def test_section_title_across_the_columns_is_not_read_as_a_wrapped_line() -> None:
    """ICDAR us-019: ``Projected`` set alone between two rows, right above the second: against the anchor
    lines it would pass for the first line of a bottom-aligned cell of that row.  Only centred cells are
    read from the anchors, so the table is left to its gaps (where it is a row of its own)."""
    lines = [TextRow(text("Actual", 55, 122, 8) + text("49", 200, 122, 8) + text("50", 300, 122, 8)),
             TextRow(text("Projected", 300, 132, 8))]
    lines += [TextRow(text(f"Ed{i}", 55, y, 8) + text(f"4{i}", 200, y, 8) + text(f"5{i}", 300, y, 8))
              for i, y in enumerate((142, 152, 162))]
    for line in lines:
        line.words = [[c] for c in line.chars]
    assert anchor_rows(lines, [50.0, 150.0, 250.0, 450.0], []) is None


def test_backtrack_through_a_state_without_a_previous_one_raises() -> None:
    """backtrack asserted every state after the start has a previous one; under ``python -O`` the assert
    vanished and a broken table failed as a TypeError on unpacking None.  It is an explicit error now."""
    best = {0: {(-1, -1): (0.0, 0, None)}, 1: {(0, 0): (1.0, 0, (0, (-1, -1)))}, 2: {(1, 1): (2.0, 1, None)}}
    assert backtrack(best, 1, (0, 0)) == [(0, 0)]
    with pytest.raises(RuntimeError, match="no previous state"):
        backtrack(best, 2, (1, 1))
