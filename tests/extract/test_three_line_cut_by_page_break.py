"""A three-line table cut by a page break (``extract/hrules.py``): page 1 ends with rows under the header rule and
no closing rule, page 2 goes on with rows above the single bottom rule.  Broke on generated
gen_docx_threeline_deadline_break: (a) a justified cell filling its column up to the next column's text (a gap
narrower than a word gap) read as a line of prose, so the open body stopped at the first row and page 1's rows
were lost; (b) on the continuation page, the first line of a wrapped cell centred on its serial number (one
pitch above the serial's line) went to the row the break cut."""

from __future__ import annotations

from page_helpers import cells, h, text
from policy_extract.extract.page import page_content
from policy_extract.extract.settings import ExtractSettings

S = ExtractSettings()


def test_open_table_keeps_rows_whose_justified_cells_meet_the_next_column() -> None:
    """Top and header rule, then rows down to the page's last body line (the footer far below), cells
    centred on their rows: a task line set across its whole column ends 0.8 em before the unit cell's text,
    still two cells."""
    chars = text("序号", 55, 105) + text("任务内容", 150, 105) + text("责任单位", 330, 105)
    y = 125
    for i in range(1, 5):
        task = [y, y + 14, y + 28] if i % 2 else [y + 7, y + 21]
        chars += text(str(i), 60, y + 14)
        chars += [c for k, top in enumerate(task) for c in text("编制县域农村供水高质量发展规划"[:15 - 4 * k], 90, top)]
        chars += [c for top in (y, y + 14, y + 28) for c in text("省水利厅农村水利处", 248, top)]
        y += 46
    chars += text("— 1 —", 230, 400)
    page = page_content(1, (500, 700), 0, chars, [h(100, 50, 400), h(118, 50, 400)], S)
    (table,) = page.tables
    got = cells(table)
    assert table.n_rows == 5 and table.n_cols == 3
    assert got[(4, 0)] == "4" and got[(4, 1)] == "编制县域农村供水高质量发展规划编制县域农村供水高质量"
    assert got[(3, 2)] == "省水利厅农村水利处" * 3
    assert [ln.text for ln in page.lines] == ["— 1 —"]


def test_prose_under_an_open_table_still_ends_it() -> None:
    """A paragraph after the rows (one run across the table, no gap under a gap between header words) is no
    row: the contrast to the justified cells above."""
    chars = text("序号", 55, 105) + text("任务内容", 150, 105) + text("责任单位", 330, 105)
    chars += text("1", 60, 125) + text("编制规划", 90, 125) + text("省水利厅", 248, 125)
    chars += text("2", 60, 139) + text("建设工程", 90, 139) + text("各市州", 248, 139)
    chars += text("各地要于每季度末向省水利厅报送任务进展情况省水利厅将进行通报", 55, 153)
    page = page_content(1, (500, 700), 0, chars, [h(100, 50, 400), h(118, 50, 400)], S)
    (table,) = page.tables
    assert table.n_rows == 3
    assert any(ln.text.startswith("各地要于") for ln in page.lines)


def continuation_page(serial_centred: bool) -> list[dict]:
    """Page 2 of the table (its header repeated): a row the break cut (no serial, two lines in the unit column), then rows whose
    serial is centred on the wrapped task (``serial_centred``) or set on its first line (top-aligned)."""
    chars = text("序号", 55, 105) + text("任务内容", 150, 105) + text("责任单位", 330, 105)
    chars += text("处（牵头）", 248, 125) + text("盖，县级水质检测", 90, 132) + text("生健康委", 248, 139)
    if serial_centred:
        chars += text("建立农村供水工程", 90, 153) + text("5", 60, 167) + text("落实管护主体", 90, 167)
        chars += text("各市州", 248, 167) + text("护经费", 90, 181)
        chars += text("省水利厅监督处", 248, 195) + text("6", 60, 202) + text("开展专项检查", 90, 202)
        return chars + text("各市州水利局", 248, 209)
    chars += text("5", 60, 153) + text("建立农村供水工程", 90, 153) + text("各市州", 248, 153)
    chars += text("落实管护主体", 90, 167) + text("6", 60, 181) + text("开展专项检查", 90, 181)
    return chars + text("各市州水利局", 248, 181) + text("台账", 90, 195)


def test_first_line_of_a_wrapped_cell_centred_on_its_serial_stays_in_its_row() -> None:
    page = page_content(2, (500, 700), 0, continuation_page(True), [h(100, 50, 400), h(118, 50, 400), h(224, 50, 400)], S)
    (table,) = page.tables
    got = cells(table)
    assert got[(1, 1)] == "盖，县级水质检测" and got[(1, 2)] == "处（牵头）生健康委"
    assert got[(2, 0)] == "5" and got[(2, 1)] == "建立农村供水工程落实管护主体护经费"


def test_top_aligned_rows_keep_their_wrapped_lines() -> None:
    """Serials on their rows' first lines: a wrapped line stays with the row above it (no line moves)."""
    page = page_content(2, (500, 700), 0, continuation_page(False), [h(100, 50, 400), h(118, 50, 400), h(224, 50, 400)], S)
    (table,) = page.tables
    got = cells(table)
    assert got[(2, 0)] == "5" and got[(2, 1)] == "建立农村供水工程落实管护主体"
    assert got[(3, 1)] == "开展专项检查台账"


def closing_rows(top: float) -> list[dict]:
    """Two rows of a task table (no header: it stood on the page before), the first line at ``top``."""
    chars = text("6", 60, top + 7) + text("完成监督抽检", 90, top) + text("批次", 90, top + 14)
    chars += text("食品抽检处", 248, top + 7) + text("各县局", 330, top + 7)
    chars += text("7", 60, top + 35) + text("开展宣传活动", 90, top + 35) + text("新闻宣传处", 248, top + 35)
    return chars + text("市卫健委", 330, top + 35) + text("6月底前", 400, top + 35)


def test_rows_above_a_single_closing_rule_at_the_page_top_are_the_tables_continuation() -> None:
    """Page 2 of a three-line table whose header is not repeated: no top rule, the rows from the top of the
    page (a running header above them) down to the bottom rule, then the text after the table."""
    chars = text("某某市市场监督管理局", 200, 40) + closing_rows(90)
    chars += text("各县（区）局要于每月5日前报送上月工作进展，市局将适时开展督导检查。", 55, 160)
    page = page_content(2, (500, 700), 0, chars, [h(140, 50, 460)], S)
    (table,) = page.tables
    got = cells(table)
    assert table.method == "rules" and table.n_rows == 2 and table.n_cols == 5
    assert table.bbox[0] == 50 and table.bbox[2] == 460  # the rule's extent: page 1's columns
    assert got[(0, 1)] == "完成监督抽检批次" and got[(1, 4)] == "6月底前"
    assert [ln.text[:4] for ln in page.lines] == ["某某市市", "各县（区"]


def test_rows_above_a_single_rule_under_a_paragraph_are_no_continuation() -> None:
    """The same rows under a paragraph on the page (not at its top): the rule closes nothing found here."""
    chars = text("现将重点任务分工通知如下请认真抓好落实", 55, 40) + text("请各单位认真贯彻执行", 55, 54)
    chars += closing_rows(90)
    page = page_content(2, (500, 700), 0, chars, [h(140, 50, 460)], S)
    assert all(t.method != "rules" for t in page.tables)
