"""Tables ruled only across (three-line tables, rules under a header): ``extract/hrules.py``."""

from __future__ import annotations

from typing import Any

from page_helpers import cells, h, text
from policy_extract.extract.page import page_content
from policy_extract.extract.rules import Segment
from policy_extract.extract.settings import ExtractSettings

S = ExtractSettings()


def three_line_page() -> list[dict[str, Any]]:
    """序号 | 工作任务 | 责任单位, one task wrapped onto a second line, rows padded well beyond the leading."""
    chars = text("序号", 55, 105) + text("工作任务", 120, 105) + text("责任单位", 350, 105)
    chars += text("1", 60, 130) + text("完善交通网络建设", 120, 130) + text("市交通局", 350, 130)
    chars += text("2", 60, 155) + text("推进公交优先发展和", 120, 155) + text("市公交集团", 350, 160)
    chars += text("绿色出行", 120, 167)
    return chars + text("3", 60, 192) + text("建设智慧交通", 120, 192) + text("市数据局", 350, 192)


def test_three_line_table_found_and_wrapped_task_is_one_cell() -> None:
    page = page_content(1, (500, 700), 0, three_line_page(), [h(100), h(120), h(206)], S)
    assert len(page.tables) == 1
    got = cells(page.tables[0])
    assert page.tables[0].n_rows == 4 and page.tables[0].n_cols == 3
    assert got[(0, 1)] == "工作任务" and got[(2, 1)] == "推进公交优先发展和绿色出行"
    assert got[(2, 2)] == "市公交集团" and got[(3, 0)] == "3"
    assert not page.lines


def test_tight_rows_are_not_joined_even_with_an_empty_first_column() -> None:
    """A tightly set table (rows one leading apart) keeps every line a row."""
    chars = text("名称", 55, 105) + text("数量", 200, 105)
    for i, y in enumerate((122, 134, 146, 158)):
        chars += text(f"项{i}", 55, y) + text(str(i), 200, y)
    page = page_content(1, (500, 700), 0, chars, [h(100), h(118), h(172)], S)
    assert [t.n_rows for t in page.tables] == [5]


def test_prose_between_rules_is_not_a_table() -> None:
    chars = text("这是一段正文文字，说明本方案的适用范围和主要内容，不是表格。", 55, 105)
    chars += text("印发机关", 55, 125) + text("2024年1月1日", 300, 125)
    page = page_content(1, (500, 700), 0, chars, [h(100), h(140)], S)
    assert not page.tables


def test_header_word_centred_over_two_columns_spans_them() -> None:
    chars = text("指标", 55, 105) + text("指标值", 235, 105)
    chars += text("名称", 55, 118) + text("2020年", 180, 118) + text("2025年", 280, 118)
    chars += text("粮食产量", 55, 140) + text("650", 185, 140) + text("700", 285, 140)
    chars += text("耕地面积", 55, 155) + text("120", 185, 155) + text("125", 285, 155)
    page = page_content(1, (500, 700), 0, chars, [h(100), h(132), h(170)], S)
    (table,) = page.tables
    spans = {(c.row, c.col): c.colspan for c in table.cells if c.lines}
    assert spans[(0, 1)] == 2 and table.n_cols == 3


def test_header_between_rules_takes_the_unruled_body_below() -> None:
    """Top rule and header rule only (the bottom rule on a later page): the aligned lines below belong."""
    chars = text("地区", 55, 105) + text("小学", 200, 105) + text("中学", 300, 105)
    for i, y in enumerate((125, 145, 165)):
        chars += text(f"区{i}", 55, y) + text(f"1{i}", 200, y) + text(f"2{i}", 300, y)
    page = page_content(1, (500, 700), 0, chars, [h(100), h(119)], S)
    assert [(t.n_rows, t.n_cols) for t in page.tables] == [(4, 3)]


def test_a_full_grid_still_wins() -> None:
    grid = [h(100), h(120), h(140), Segment("v", 50, 100, 140), Segment("v", 200, 100, 140),
            Segment("v", 450, 100, 140)]
    chars = text("名称", 55, 105) + text("数量", 205, 105) + text("粮食", 55, 125) + text("12", 205, 125)
    page = page_content(1, (500, 700), 0, chars, grid, S)
    assert [t.method for t in page.tables] == ["lattice"]


def test_number_centred_on_a_wrapped_name_starts_its_own_row() -> None:
    """Rows set as tight as the wrapped lines: the centred 序号 overlapping both lines makes them one row."""
    chars = text("序号", 55, 105) + text("指标名称", 120, 105) + text("属性", 350, 105)
    chars += text("1", 60, 122) + text("能源消费总量", 120, 122) + text("预期性", 350, 122)
    chars += text("规模以上工业单位增加值", 120, 136) + text("2", 60, 143) + text("约束性", 350, 143)
    chars += text("能耗降低", 120, 150)
    chars += text("3", 60, 164) + text("光伏装机容量", 120, 164) + text("预期性", 350, 164)
    page = page_content(1, (500, 700), 0, chars, [h(100), h(118), h(178)], S)
    (table,) = page.tables
    got = cells(table)
    assert table.n_rows == 4 and got[(2, 1)] == "规模以上工业单位增加值能耗降低" and got[(3, 0)] == "3"


def test_header_lines_above_the_header_rule_are_one_row() -> None:
    """会员 / 协会名称 / （人） printed on three lines between the top rule and the header rule: one header row."""
    chars = text("会员", 200, 104) + text("男性", 300, 104)
    chars += text("协会名称", 55, 114)
    chars += text("（人）", 195, 124) + text("（人）", 295, 124)
    chars += text("曲艺家协会", 55, 145) + text("235", 205, 145) + text("142", 305, 145)
    chars += text("美术家协会", 55, 160) + text("310", 205, 160) + text("120", 305, 160)
    page = page_content(1, (500, 700), 0, chars, [h(100), h(138), h(175)], S)
    (table,) = page.tables
    got = cells(table)
    assert table.n_rows == 3 and got[(0, 1)] == "会员（人）" and got[(0, 0)] == "协会名称"
