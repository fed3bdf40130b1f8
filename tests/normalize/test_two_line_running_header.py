"""A running header of two lines, the document's title over a section line that names the page's section (as
Word's STYLEREF prints it): the title recurs on every page, the section line changes (generated
gen_html_header2_section_break, gen_rl_header2_section_break: page 1 "一、总体要求", page 2 "二、重点任务").
Before: the section line, printed once, was no running line, so it stood as a heading in the outline, and above
the table continued on page 2 it was text of the page's own: the continuation was not tied to page 1's table.
Also the row reportlab cut at that break: page 1 shows its task's first line, page 2 the rest and the serial
(set in the middle of its cell), the ruled grid open at the bottom on page 1 and at the top on page 2."""

from __future__ import annotations

from policy_extract.normalize.layout import content_lines, stacked
from policy_extract.normalize.tables import build_tables

from policy_extract.core.model import Line, PageContent, RawCell, RawDocument, RawTable, Rule

TITLE = "德清县农村人居环境整治提升行动方案"


def _line(text: str, page: int, box: tuple[float, float, float, float], size: float = 10.5) -> Line:
    return Line(text, page, box, "SimSun", size, char_width=size)


def _header(page: int, section: str) -> list[Line]:
    return [_line(TITLE, page, (208, 40, 387, 51)), _line(section, page, (266, 53, 329, 64))]


def test_section_line_under_a_running_title_is_furniture() -> None:
    pages = [PageContent(n, 595.0, 842.0, lines=[*_header(n, section), _line(f"正文第{n}页", n, (80, 300, 500, 316), 16)])
             for n, section in ((1, "一、总体要求"), (2, "二、重点任务"))]
    kept, dropped = content_lines(pages)
    assert [ln.text for ln in kept] == ["正文第1页", "正文第2页"]
    assert len(dropped) == 4


def test_a_body_heading_under_a_running_line_is_no_furniture() -> None:
    """A heading in the body's size set close under a running header line is larger than it: not of its block;
    nor is a line of the header's size a full line lower."""
    head = _line(TITLE, 1, (208, 40, 387, 51))
    assert not stacked(_line("一、总体要求", 1, (80, 54, 200, 70), 16), head)
    assert not stacked(_line("附注", 1, (266, 64, 329, 75)), head)
    assert stacked(_line("一、总体要求", 1, (266, 53, 329, 64)), head)


def test_a_top_line_alone_on_its_page_is_kept() -> None:
    """No running line on the page: nothing to stack with, the line is the page's own."""
    first = PageContent(1, 595.0, 842.0, lines=_header(1, "一、总体要求"))
    second = PageContent(2, 595.0, 842.0, lines=[_line("附件", 2, (80, 53, 120, 64))])
    kept, _ = content_lines([first, second])
    assert "附件" in [ln.text for ln in kept]


EDGES = [85.0, 119.0, 357.0, 448.0, 516.0]


def _cell(page: int, row: int, col: int, top: float, bottom: float, text: str) -> RawCell:
    box = (EDGES[col], top, EDGES[col + 1], bottom)
    lines = [_line(text, page, (box[0] + 2, top + 3, box[0] + 2 + 10.5 * len(text), top + 14))] if text else []
    return RawCell(row, col, 1, 1, page, box, lines)


def _grid(page: int, rows: list[tuple[float, float, list[str]]], ruled: list[float]) -> tuple[RawTable, list[Rule]]:
    cells = [_cell(page, r, k, top, bottom, text) for r, (top, bottom, texts) in enumerate(rows)
             for k, text in enumerate(texts)]
    top, bottom = rows[0][0], rows[-1][1]
    table = RawTable(page, (EDGES[0], top, EDGES[-1], bottom), len(rows), 4, list(EDGES),
                     [r[0] for r in rows] + [bottom], cells, method="lattice")
    rules = [Rule(page, (EDGES[0], y, EDGES[-1], y)) for y in ruled]
    rules += [Rule(page, (x, top, x, bottom)) for x in EDGES]
    return table, rules


def _doc(second_section: str, cut: bool) -> RawDocument:
    """Page 1: header row and rows 1-2 of a ruled task table, the last open at the bottom when ``cut``; page 2:
    the rest of row 2 (the serial and the task's end, open at the top) and row 3, under the two-line header."""
    p1_rows = [(372, 395, ["序号", "工作任务", "责任单位", "完成时限"]), (395, 435, ["1", "推进垃圾分类", "县执法局", "12月底前"]),
               (435, 458, ["", "开展考核评价，按季度通", "", "2024年12月"])]
    t1, r1 = _grid(1, p1_rows, [372, 395, 435] + ([] if cut else [458]))
    p2_rows = [(105, 127, ["2", "报工作进展", "县农业农村局", "底前"]), (127, 167, ["3", "加强河道保洁", "县水利局", "10月底前"])]
    t2, r2 = _grid(2, p2_rows, ([] if cut else [105]) + [127, 167])
    pages = [PageContent(1, 595.0, 842.0, lines=_header(1, "一、总体要求"), tables=[t1], rules=r1),
             PageContent(2, 595.0, 842.0, lines=_header(2, second_section), tables=[t2], rules=r2)]
    return RawDocument("x.pdf", "0", pages)


def test_table_continued_under_a_two_line_header_is_one_table() -> None:
    tables = build_tables(_doc("二、重点任务", cut=True))
    assert len(tables) == 1 and tables[0].pages == [1, 2]


def test_row_open_at_both_sides_of_the_break_is_one_row() -> None:
    """The grid's last row on page 1 has no rule under it, page 2's first row none above it: one cut row, the
    serial on page 2 and the task's two parts joined."""
    [table] = build_tables(_doc("二、重点任务", cut=True))
    assert table.n_rows == 4
    row2 = {c.col: c.text for c in table.cells if c.row == 2}
    assert row2[0] == "2" and row2[1] == "开展考核评价，按季度通报工作进展" and row2[2] == "县农业农村局"


def test_rows_closed_by_their_rules_stay_apart() -> None:
    """Rules under page 1's last row and above page 2's first: two rows of their own."""
    [table] = build_tables(_doc("二、重点任务", cut=False))
    assert table.n_rows == 5


def test_a_title_over_a_recurring_unit_line_is_no_furniture() -> None:
    """ICDAR us-017: each page's table title stands right above ``[In thousands]``, which recurs on every page
    in the band: the block spreads down from a running line, never up."""
    unit = _line("[In thousands]", 2, (281, 60, 338, 69), 9)
    assert not stacked(_line("schools, by control of school", 2, (85, 48, 325, 57), 9), unit)


def test_a_body_heading_with_the_section_lines_words_parts_two_tables() -> None:
    """The section line of page 2's running header names the section the body opens there, so the body prints
    the same words as a heading: only the header's line is furniture, the heading between the two tables is
    the page's own text, and page 2's table (other columns' words, the same grid) is a table of its own.
    Before: the stacked line's text was furniture everywhere, the heading vanished and the tables were one."""
    rows_a = [(372, 395, ["序号", "工作任务", "责任单位", "完成时限"]),
              (395, 435, ["1", "推进垃圾分类", "县执法局", "12月底前"]),
              (435, 458, ["2", "开展考核评价", "县农业局", "2024年底"])]
    table_a, rules_a = _grid(1, rows_a, [372, 395, 435, 458])
    rows_b = [(130, 153, ["序号", "保障事项", "责任单位", "完成时限"]),
              (153, 190, ["1", "加强组织领导", "县委办", "长期坚持"])]
    table_b, rules_b = _grid(2, rows_b, [130, 153, 190])
    first = PageContent(1, 595.0, 842.0, lines=_header(1, "二、重点任务"), tables=[table_a], rules=rules_a)
    heading = _line("三、保障措施", 2, (80, 100, 200, 116), 16)
    second = PageContent(2, 595.0, 842.0, lines=[*_header(2, "三、保障措施"), heading], tables=[table_b],
                         rules=rules_b)
    tables = build_tables(RawDocument("x.pdf", "0", [first, second]))
    assert [t.pages for t in tables] == [[1], [2]]
