"""A merged cell cut by a page break in a table with no rules between its rows, whose block runs on over MORE
than one row of the next page (generated gen_docx_outer_lead_multirow_break: 机动车处 over rows 4-7, two on
each page; gen_html_outer_deadline_multirow_break: 2024年12月底前 over rows 5-8, the browser printing it in
row 5 as a cell of its own would sit).  Before: the next page's serial 6 under 5 (a narrow column, so the
serial "ran on") joined row 6 to row 5 as the rest of a cut row, and only the next page's first blank cell
took the merge, the rows under it kept blank cells (no lead, no deadline)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.tables import build_tables, next_serial

from policy_extract.core.model import Cell, Line, PageContent, RawCell, RawDocument, RawTable, Rule, Table

EDGES = [80.0, 110.0, 330.0, 450.0, 520.0]
LINE_H, ROW_H, TOP = 13.0, 55.0, 100.0
Spec = tuple[str, str]
"""A cell: its text and where it sits in its cell: ``c`` centred, ``t`` at the top, ``f`` filling it."""


def _cell(page: int, row: int, col: int, spec: Spec) -> RawCell:
    text, place = spec
    top = TOP + row * ROW_H
    box = (EDGES[col], top, EDGES[col + 1], top + ROW_H)
    if not text:
        return RawCell(row, col, 1, 1, page, box)
    n = {"c": 1, "t": 2, "f": 4}[place]
    y0 = {"c": top + (ROW_H - LINE_H) / 2, "t": top + 2, "f": top + 1}[place]
    x1 = min(box[2] - 2, box[0] + 2 + LINE_H * len(text))
    lines = [Line(text if i == 0 else "续", page, (box[0] + 2, y0 + i * LINE_H, x1, y0 + (i + 1) * LINE_H))
             for i in range(n)]
    return RawCell(row, col, 1, 1, page, box, lines)


def _page(number: int, rows: list[list[Spec]], ruled: bool) -> PageContent:
    cells = [_cell(number, r, k, spec) for r, row in enumerate(rows) for k, spec in enumerate(row)]
    bottom = TOP + len(rows) * ROW_H
    row_edges = [TOP + r * ROW_H for r in range(len(rows) + 1)]
    table = RawTable(number, (EDGES[0], TOP, EDGES[-1], bottom), len(rows), len(EDGES) - 1, list(EDGES),
                     row_edges, cells, method="rules")
    frame = [TOP, bottom] if not ruled else row_edges
    rules = [Rule(number, (EDGES[0], y, EDGES[-1], y)) for y in frame]
    return PageContent(number, 595, 842, tables=[table], rules=rules)


HEAD = [("序号", "c"), ("任务内容", "c"), ("责任单位", "c"), ("完成时限", "c")]


def _row(n: int, deadline: Spec) -> list[Spec]:
    return [(str(n), "c"), (f"任务{n}", "f"), ("市水利局", "f"), deadline]


def _doc(p1: list[Spec], p2: list[Spec], ruled: bool = False) -> RawDocument:
    """Rows 1-… of page 1 then page 2 under the repeated header, with the deadline cells given."""
    rows1 = [HEAD, *(_row(i + 1, d) for i, d in enumerate(p1))]
    rows2 = [HEAD, *(_row(len(p1) + i + 1, d) for i, d in enumerate(p2))]
    return RawDocument("x.pdf", "0", [_page(1, rows1, ruled), _page(2, rows2, ruled)])


def _at(table: Table, row: int, col: int) -> Cell:
    return next(c for c in table.cells if c.row <= row < c.row + c.rowspan and c.col <= col < c.col + c.colspan)


C, BLANK = "c", ("", "")


def test_merge_set_at_the_top_runs_on_over_two_rows_of_the_next_page() -> None:
    """The office suite's form: the text at the top of the block's part on page 1 (rows 3-4), rows 5-6 on
    page 2 blank in its column down to row 7's own deadline."""
    p1 = [("6月底前", C), ("9月底前", C), ("12月底前", "t"), BLANK]
    p2 = [BLANK, BLANK, ("10月底前", C)]
    [table] = build_tables(_doc(p1, p2))
    assert table.n_rows == 8
    cell = _at(table, 6, 3)
    assert (cell.row, cell.rowspan, cell.text) == (3, 4, "12月底前续")
    assert _at(table, 7, 3).text == "10月底前"


def test_next_serial_at_the_top_of_the_page_opens_its_own_row() -> None:
    """Serial 5 closes page 1, 6 opens page 2: row 6 is a row of its own, never the rest of row 5 (its
    serial, alone in a narrow column, reaches the column's side as text running on would)."""
    p1 = [("6月底前", C), ("9月底前", C), ("12月底前", "t"), BLANK]
    p2 = [BLANK, ("11月底前", C)]
    [table] = build_tables(_doc(p1, p2))
    assert [_at(table, r, 0).text for r in range(1, 7)] == ["1", "2", "3", "4", "5", "6"]


def test_browser_merge_printed_in_its_first_row_spans_the_blank_run_across_the_break() -> None:
    """The browser's form: the text in the block's first row (row 3, centred as a cell of its own), row 4
    closing page 1 and rows 5-6 opening page 2 blank in a column filled everywhere else."""
    p1 = [("6月底前", C), ("9月底前", C), ("12月底前", C), BLANK]
    p2 = [BLANK, BLANK, ("10月底前", C)]
    [table] = build_tables(_doc(p1, p2))
    cell = _at(table, 6, 3)
    assert (cell.row, cell.rowspan, cell.text) == (3, 4, "12月底前")


def test_blank_run_in_a_column_with_other_blanks_stays_blank() -> None:
    """A column blank elsewhere too (a 备注 to fill in) shows no merge: its blank run at the break is blank."""
    p1 = [BLANK, ("9月底前", C), ("12月底前", C), BLANK]
    p2 = [BLANK, ("10月底前", C)]
    [table] = build_tables(_doc(p1, p2))
    assert _at(table, 3, 3).rowspan == 1 and _at(table, 4, 3).text == "" and _at(table, 5, 3).text == ""


def test_rule_between_the_rows_keeps_the_blank_cells() -> None:
    """A rule drawn under every row bounds every cell: a blank cell under a filled one is a cell of its own."""
    p1 = [("6月底前", C), ("9月底前", C), ("12月底前", C), BLANK]
    p2 = [BLANK, BLANK, ("10月底前", C)]
    [table] = build_tables(_doc(p1, p2, ruled=True))
    assert _at(table, 3, 3).rowspan == 1 and _at(table, 4, 3).text == ""
    assert _at(table, 6, 3).text == ""


def test_merge_running_on_stops_at_a_rule_on_the_next_page() -> None:
    """The suite's merge goes on into page 2's blank top cell, but a rule drawn under it ends the block."""
    doc = _doc([("6月底前", C), ("9月底前", C), ("12月底前", "t"), BLANK], [BLANK, BLANK, ("10月底前", C)])
    y = TOP + 3 * ROW_H  # under page 2's first body row (header at row 0 ... body rows 1-3)
    doc.pages[1].rules.append(Rule(2, (EDGES[0], y - ROW_H, EDGES[-1], y - ROW_H)))
    doc.pages[1].rules.append(Rule(2, (EDGES[0], y, EDGES[-1], y)))
    [table] = build_tables(doc)
    assert _at(table, 5, 3).rowspan == 3 and _at(table, 6, 3).text == ""


@given(st.integers(min_value=1, max_value=98), st.integers(min_value=2, max_value=40))
def test_next_serial_is_one_more(n: int, step: int) -> None:
    assert next_serial(str(n), str(n + 1)) and next_serial(f"{n}.", f"{n + 1}.")
    assert not next_serial(str(n), str(n + step)) and not next_serial(str(n + 1), str(n))
    assert not next_serial(f"任务{n}", f"任务{n + 1}")
