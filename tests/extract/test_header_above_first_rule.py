"""A table's header stood above its first full-width rule and was lost: a statistics table whose top rule and
group rule(s) cover only the value columns (the stub column open at the top), the group header between them
and the leaf labels under them, then the first full-width rule.  The table began at that rule, the header
rows were left as text and the body counted from row 0 (ICDAR 2013 us-023; generated gen_rl_16_renkou_overline,
gen_rl_17_jiuye_panels).  Each level of short rules flush with a side of the table, with one or two rows of
header text under it, now leads the run; the row right above the first full rule must head the body's columns
(a form's fill-in line or a caption's underline never does)."""

from __future__ import annotations

from page_helpers import cells, cells_with_spans, h, text
from policy_extract.extract.page import page_content
from policy_extract.extract.settings import ExtractSettings

S = ExtractSettings()
VALUES = (150, 250, 350)


def body(top: float) -> list:
    chars = []
    for i, name in enumerate(("甲项", "乙项", "丙项")):
        y = top + 15 * i
        chars += text(name, 55, y) + [c for x in VALUES for c in text(f"{i + 1}.{x // 50}", x, y)]
    return chars


def test_group_rule_over_the_value_columns_above_the_first_full_rule_leads_the_header() -> None:
    chars = text("分地区", 255, 63) + text("指标", 55, 80)
    chars += [c for x, leaf in zip(VALUES, ("东部", "中部", "西部"), strict=True) for c in text(leaf, x, 80)]
    rules = [h(60, 140, 450), h(76, 140, 450), h(93), h(143)]
    page = page_content(1, (500, 700), 0, chars + body(98), rules, S)
    (table,) = page.tables
    got = cells_with_spans(table)
    assert (table.n_rows, table.n_cols) == (5, 4)
    assert got[(0, 0)] == ("指标", 2) and got[(1, 1)] == ("东部", 1) and got[(2, 0)] == ("甲项", 1)
    assert {c.col: c.colspan for c in table.cells if c.row == 0} == {0: 1, 1: 3}
    assert not page.lines


def test_two_groups_rules_and_a_stub_level_with_the_groups_line() -> None:
    """Two groups, each with its own short rule (the left one flush with neither side), the stub 行业 centred
    on the header's height, grouped with the groups' names: it spans down to the header rule."""
    chars = text("行业", 55, 71.5) + text("城镇", 180, 63) + text("农村", 330, 63)
    chars += [c for x, leaf in zip((150, 230, 330, 410), ("工资", "增长", "工资", "增长"), strict=True)
              for c in text(leaf, x, 80)]
    for i, name in enumerate(("制造业", "建筑业", "金融业")):
        chars += text(name, 55, 98 + 15 * i)
        chars += [c for x in (150, 230, 330, 410) for c in text(str(10 + i), x, 98 + 15 * i)]
    rules = [h(60, 140, 450), h(77, 143, 297), h(77, 303, 447), h(93), h(143)]
    (table,) = page_content(1, (500, 700), 0, chars, rules, S).tables
    got = cells_with_spans(table)
    assert (table.n_rows, table.n_cols) == (5, 5)
    assert got[(0, 0)] == ("行业", 2) and got[(0, 1)][0] == "城镇" and got[(0, 3)][0] == "农村"
    assert {c.col: c.colspan for c in table.cells if c.row == 0} == {0: 1, 1: 2, 3: 2}
    assert cells(table)[(2, 0)] == "制造业"


def test_a_unit_line_under_a_short_rule_above_a_table_is_not_its_header() -> None:
    """单位：万元 set right-aligned between a short rule flush with the table's right end and the table's top
    rule: one run of text heads no column, so it is no header row."""
    chars = text("单位：万元", 380, 64)
    chars += text("名称", 55, 80) + [c for x in VALUES for c in text("数值", x, 80)]
    page = page_content(1, (500, 700), 0, chars + body(98), [h(60, 300, 450), h(77), h(93), h(143)], S)
    assert [t.n_rows for t in page.tables] == [4]
    assert cells(page.tables[0])[(0, 0)] == "名称"


def test_a_caption_underline_in_the_middle_is_not_a_header_rule() -> None:
    """A caption's short underline centred over the table (flush with neither side) stays out of it, though
    the caption sits right on the top rule over the table's value columns (which is taken)."""
    chars = text("分地区数据", 205, 63)
    chars += text("名称", 55, 80) + [c for x in VALUES for c in text("数值", x, 80)]
    rules = [h(60, 200, 300), h(77, 100, 450), h(93), h(143)]
    (table,) = page_content(1, (500, 700), 0, chars + body(98), rules, S).tables
    assert table.n_rows == 4 and cells(table)[(0, 0)] == "名称"
    assert "分地区数据" not in cells(table).values()
