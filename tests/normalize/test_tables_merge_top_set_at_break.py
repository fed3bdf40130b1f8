"""A merged cell cut by a page break in a table with no rules between its rows (outer frame only): the office
suite prints the merged text once, at the top of the block's part on the first page, and nothing in its column
down to the frame's bottom (generated gen_docx_shuili_outer: 2024年12月底前 over rows 2-4, row 4 cut by the
break).  The rows under it take the merged cell; the SPEC's duties read its deadline for every row it covers."""

from __future__ import annotations

from policy_extract.normalize.tables import build_tables

from policy_extract.core.model import Cell, Line, PageContent, RawCell, RawDocument, RawTable, Table

EDGES = [80.0, 110.0, 330.0, 450.0, 520.0]
LINE_H, ROW_H = 13.0, 55.0
Spec = tuple[str, str]
"""A cell: its text and where it sits in its cell: ``c`` centred, ``t`` at the top, ``f`` filling it."""


def _cell(page: int, row: int, col: int, top: float, spec: Spec) -> RawCell:
    text, place = spec
    box = (EDGES[col], top, EDGES[col + 1], top + ROW_H)
    if not text:
        return RawCell(row, col, 1, 1, page, box)
    n = {"c": 1, "t": 2, "f": 4}[place]
    y0 = {"c": top + (ROW_H - LINE_H) / 2, "t": top + 2, "f": top + 1}[place]
    x1 = min(box[2] - 2, box[0] + 2 + LINE_H * len(text))  # a short last line: no text running on
    lines = [Line(text if i == 0 else "续", page, (box[0] + 2, y0 + i * LINE_H, x1, y0 + (i + 1) * LINE_H))
             for i in range(n)]
    return RawCell(row, col, 1, 1, page, box, lines)


def _fragment(page: int, rows: list[list[Spec]], method: str = "rules") -> RawTable:
    cells = [_cell(page, r, k, 100 + r * ROW_H, spec) for r, row in enumerate(rows) for k, spec in enumerate(row)]
    bottom = 100 + len(rows) * ROW_H
    return RawTable(page, (EDGES[0], 100.0, EDGES[-1], bottom), len(rows), len(EDGES) - 1, list(EDGES),
                    [100 + r * ROW_H for r in range(len(rows) + 1)], cells, method=method)


HEAD = [("序号", "c"), ("任务内容", "c"), ("责任单位", "c"), ("完成时限", "c")]


def _doc(deadline_2: Spec, deadline_1: Spec = ("2024年6月底前", "c"), method: str = "rules",
         deadline_4: Spec = ("2024年10月底前", "c")) -> RawDocument:
    p1 = [HEAD,
          [("1", "c"), ("编制规划", "f"), ("省水利厅", "f"), deadline_1],
          [("2", "c"), ("新建工程", "f"), ("各市州水利局", "f"), deadline_2],
          [("3", "c"), ("标准化改造", "f"), ("各市州水利局", "f"), ("", "")]]
    p2 = [HEAD,
          [("4", "c"), ("水质检测", "f"), ("省卫生健康委", "f"), deadline_4],
          [("5", "c"), ("县级统管", "f"), ("各市州水利局", "f"), ("2024年9月底前", "c")]]
    pages = [PageContent(1, 595, 842, tables=[_fragment(1, p1, method)]),
             PageContent(2, 595, 842, tables=[_fragment(2, p2, method)])]
    return RawDocument("x.pdf", "0", pages)


def _at(table: Table, row: int, col: int) -> Cell:
    return next(c for c in table.cells if c.row <= row < c.row + c.rowspan and c.col <= col < c.col + c.colspan)


def test_merged_deadline_set_at_the_top_over_the_page_break_spans_the_blank_rows() -> None:
    [table] = build_tables(_doc(("2024年12月底前", "t")))
    assert table.n_rows == 6
    cell = _at(table, 3, 3)
    assert (cell.row, cell.rowspan, cell.text) == (2, 2, "2024年12月底前续")
    assert _at(table, 4, 3).text == "2024年10月底前"


def test_centred_deadline_over_a_blank_cell_stays_one_row() -> None:
    """Set in the middle of its cell like its neighbours: a cell of its own, the blank under it no merge."""
    [table] = build_tables(_doc(("2024年12月底前", "c")))
    assert _at(table, 2, 3).rowspan == 1 and _at(table, 3, 3).text == ""


def test_column_set_at_the_top_throughout_is_no_merge() -> None:
    """A column whose cells all sit at the top (the suite's top alignment) shows no merged cell."""
    [table] = build_tables(_doc(("2024年12月底前", "t"), ("2024年6月底前", "t")))
    assert _at(table, 2, 3).rowspan == 1 and _at(table, 3, 3).text == ""


def test_ruled_grid_keeps_its_blank_cells() -> None:
    """A lattice draws the rule between the rows: a blank cell under a filled one is a cell of its own."""
    [table] = build_tables(_doc(("2024年12月底前", "t"), method="lattice"))
    assert _at(table, 2, 3).rowspan == 1 and _at(table, 3, 3).text == ""


def test_merged_lead_set_at_the_top_runs_on_into_the_next_page() -> None:
    """gen_docx_outer_lead_break: the block's third row opens page 2 under the repeated header, blank in its
    column: it is the block's too."""
    [table] = build_tables(_doc(("2024年12月底前", "t"), deadline_4=("", "")))
    cell = _at(table, 4, 3)
    assert (cell.row, cell.rowspan) == (2, 3) and _at(table, 5, 3).text == "2024年9月底前"


def test_top_aligned_remarks_column_not_merged_at_break() -> None:
    """A 备注 column set at the top (its one note over blank cells down to the page's end) in a table whose
    other columns are centred: no evidence that column is centred, so its note is a cell of its own."""
    head = [("序号", "c"), ("任务内容", "c"), ("责任单位", "c"), ("备注", "c")]
    p1 = [head,
          [("1", "c"), ("编制规划", "c"), ("省水利厅", "c"), ("", "")],
          [("2", "c"), ("新建工程", "c"), ("各市州水利局", "c"), ("试点先行", "t")],
          [("3", "c"), ("标准化改造", "c"), ("各市州水利局", "c"), ("", "")]]
    p2 = [head, [("4", "c"), ("水质检测", "c"), ("省卫生健康委", "c"), ("", "")]]
    doc = RawDocument("x.pdf", "0", [PageContent(1, 595, 842, tables=[_fragment(1, p1)]),
                                     PageContent(2, 595, 842, tables=[_fragment(2, p2)])])
    [table] = build_tables(doc)
    assert _at(table, 2, 3).rowspan == 1 and _at(table, 3, 3).text == "" and _at(table, 4, 3).text == ""
