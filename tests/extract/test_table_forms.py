"""Table forms beyond the full grid, each on one real page (``data/icdar``: pages of the ICDAR 2013 table
competition's development half, cut out with pypdfium2), named after what went wrong before.

What broke: two- and three-column text pages, footnote lists and charts were made tables; a table whose
body is left unruled under a ruled header came out as one cell per column; rows ruled without column rules
came out as one spanning cell per row; a grid whose rules miss one column came out as two tables; a
three-line table beside a text column took the column's lines into its cells; two columns of figures one
space apart were one column.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from policy_extract.extract.document import extract_document

from policy_extract.core.model import RawTable

DATA = Path(__file__).parent / "data" / "icdar"


def tables(name: str) -> list[RawTable]:
    return extract_document(DATA / f"{name}.pdf").pages[0].tables


def grid(table: RawTable) -> dict[tuple[int, int], tuple[int, int, str]]:
    return {(c.row, c.col): (c.rowspan, c.colspan, " ".join(ln.text for ln in c.lines)) for c in table.cells}


@pytest.mark.parametrize("name", ["two_column_page", "bar_chart_three_text_columns", "diagram_in_a_box"])
def test_text_set_in_columns_a_bar_chart_and_a_diagram_are_no_table(name: str) -> None:
    """A page set in two or three columns of running text lines up like a table's columns; a bar chart's
    bars make a grid of empty cells around its legend; a figure's frame holding boxes and labels is no
    outer-frame table."""
    assert tables(name) == []


def test_footnotes_marked_a_b_c_under_a_table_are_no_second_table() -> None:
    found = tables("footnote_markers")
    assert [(t.n_rows, t.n_cols) for t in found] == [(16, 13)]


def test_grids_side_by_side_on_the_same_rows_are_one_table() -> None:
    """The rules across the fourth column are missing: two grids with the same row edges and a column of
    text between them."""
    found = tables("grids_side_by_side")
    assert [(t.n_rows, t.n_cols) for t in found] == [(3, 3), (7, 5), (4, 6)]
    cells = grid(found[1])
    assert cells[(1, 3)][2] == "14" and cells[(0, 3)][2].startswith("Number of financial companies on FTSE")


def test_rows_ruled_without_column_rules_are_cut_at_the_header_columns() -> None:
    """Column rules only in the header: each body row was one cell spanning all five columns."""
    (table,) = tables("rows_ruled_header_columns")
    cells = grid(table)
    assert (table.n_rows, table.n_cols) == (28, 5)
    assert [cells[(1, c)] for c in range(5)] == [(1, 1, t) for t in ("Austria", "92.9", "7.1", "0", "5,821")]


def test_unruled_body_under_a_ruled_header_is_cut_into_rows_and_sub_columns() -> None:
    """Rules above and under the header and between column groups only; Male/Female under each group."""
    (table,) = tables("unruled_body_ruled_header")
    cells = grid(table)
    assert (table.n_rows, table.n_cols) == (15, 10)
    assert cells[(0, 1)] == (1, 2, "Non-Hispanic white") and cells[(0, 7)] == (1, 2, "Other")
    assert cells[(1, 7)] == (1, 1, "Male") and cells[(1, 8)] == (1, 1, "Female")
    assert [cells[(2, c)][2] for c in (0, 1, 2, 7, 8, 9)] == ["2-11months", "1,087,948", "1,022,490",
                                                             "165,949", "185,667", "3,350,188"]


def test_unruled_body_without_column_rules_is_cut_at_the_header_columns() -> None:
    (table,) = tables("unruled_body_no_body_verticals")
    cells = grid(table)
    assert (table.n_rows, table.n_cols) == (26, 11)
    assert cells[(0, 1)] == (1, 4, "2005") and cells[(1, 2)] == (1, 1, "Margin of error (±)")
    assert [cells[(2, c)][2] for c in (1, 2, 3)] == ["291,099", "*****", "100.0"]
    assert [cells[(3, c)][2] for c in (1, 2, 3)] == ["54,425", "894", "18.7"]


def test_ruled_table_whose_cells_hold_short_lists_keeps_its_rows() -> None:
    """Lists of brands in neighbouring cells share baselines, but the table rules more rows than any cell
    has lines: each list stays one cell."""
    found = tables("ruled_list_cells")
    assert [(t.n_rows, t.n_cols) for t in found] == [(2, 4), (9, 4)]
    assert grid(found[1])[(1, 3)][2] == "Total: 39% Fruit d’or (8.4%) Effi (10.5%) Plantafin (20.1%)"


def test_three_line_table_beside_a_text_column_keeps_only_its_own_text() -> None:
    (table,) = tables("threeline_beside_text_column")
    assert table.n_cols == 7 and table.bbox[2] < 300
    cells = grid(table)
    assert [cells[(7, c)][2] for c in range(3)] == ["Arkansas", "5,100", "160.1"]
    page = extract_document(DATA / "threeline_beside_text_column.pdf").pages[0]
    assert any(line.text.startswith("References") for line in page.lines)


def test_figures_one_space_apart_are_two_columns() -> None:
    """``(13.8–17.1) 5,663``: a confidence interval and the next group's count, one space apart."""
    found = tables("figures_one_space_apart")
    assert [t.n_cols for t in found] == [13, 13, 13]
    row = grid(found[0])
    assert [row[(3, c)][2] for c in (3, 4)] == ["(13.8–17.1)", "5,663"]


GENERATED = Path(__file__).resolve().parents[2] / "samples" / "generated" / "pdf"


def test_three_line_table_cut_by_a_page_break_keeps_its_wrapped_rows() -> None:
    """Top and header rule on one page, the body's cells wrapped onto lines of one run each (cells set
    closer than a word gap), the bottom rule on the next page under a running header's rule."""
    doc = extract_document(GENERATED / "gen_docx_jiaotong_threeline.pdf")
    (first,) = doc.pages[1].tables
    (rest,) = doc.pages[2].tables
    assert (first.method, first.n_rows, first.n_cols) == ("rules", 6, 5)
    assert grid(first)[(3, 4)][2] == "2024年6 月—2025 年6月"
    assert (rest.n_rows, rest.n_cols) == (4, 5) and grid(rest)[(0, 1)][2] == "全覆盖"


def test_table_in_an_outer_frame_only_has_its_caption_row_and_a_row_per_serial_number() -> None:
    """Only the outer frame ruled, open at the page break; rows told by the serial numbers (a deadline
    cell centred beside three rows does not chain them) and the caption line a spanning first row."""
    doc = extract_document(GENERATED / "gen_docx_shuili_outer.pdf")
    (table,) = doc.pages[0].tables
    cells = grid(table)
    assert (table.method, table.n_rows, table.n_cols) == ("rules", 6, 4)
    assert cells[(0, 0)] == (1, 4, "2024年农村供水保障重点任务分工")
    assert [cells[(r, 0)][2] for r in range(2, 6)] == ["1", "2", "3", "4"]


def test_text_aligned_pieces_join_across_a_running_header_and_a_repeated_caption() -> None:
    from policy_extract import process_pdf

    for name, pages, rows in (("gen_docx_jiaotong_threeline", [2, 3], 9), ("gen_docx_shuili_outer", [1, 2], 9)):
        (table,) = process_pdf(str(GENERATED / f"{name}.pdf")).tables
        assert (table.pages, table.n_rows, table.header_rows) == (pages, rows, 1), name


def test_category_centred_over_its_rows_spans_them_without_rules() -> None:
    """A three-line table's category column: each label set level with the middle of its rows (or between
    two of them) spans those rows instead of chaining them into one; 环境治理 centred on its six rows' whole
    extent (two of them wrapped) spans all six (the gaps alone gave five: extract/anchors.py)."""
    table = extract_document(GENERATED / "gen_rl_07_eco_threeline.pdf").pages[2].tables[0]
    spans = {cells[2].replace(" ", ""): cells[0] for (_, col), cells in grid(table).items() if col == 0 and cells[2]}
    assert spans == {"环境治理": 6, "生态保护": 3, "风险防控": 2, "应对气候变化": 1}  # the truth's merges


def test_a_table_in_a_sidebar_frame_is_titled_without_the_sidebar_label() -> None:
    """The 专栏 label line read as the first row of a table printed inside the sidebar's frame."""
    from policy_extract.normalize.tables import caption_row_title

    assert caption_row_title("专栏1 数字经济发展主要指标") == "数字经济发展主要指标"
    assert caption_row_title("表1 农民增收主要指标") == "农民增收主要指标"


@pytest.mark.parametrize(("name", "page", "first_row"), [
    ("gen_rl_08_emergency_norules", 1,
     ["1", "修订市级突发事件总体应急预案和防汛抗旱、 地震地质灾害等专项预案。", "市应急管理局", "2023年6 月底前"]),
    ("gen_html_08_yingji_norules", 0,
     ["1", "开展城镇燃气安全专项整治，完成老旧 燃气管道更新改造12公里。", "县综合行政执 法局",
      "县住房城乡建 设局、县市场", "6月底前"]),
])
def test_unruled_rows_of_vertically_centred_wrapped_cells_are_one_row_each(
        name: str, page: int, first_row: list[str]) -> None:
    """No rules at all, each cell centred in its row: a cell of one line sits between the lines of a
    wrapped cell beside it, so a row is several staggered lines (one table row each was read), and a cell's
    text runs to within a third of an em of the next column (which merged columns)."""
    doc = extract_document(GENERATED / f"{name}.pdf")
    (table,) = doc.pages[page].tables
    cells = grid(table)
    assert table.method == "borderless" and table.n_cols == len(first_row)
    assert [cells[(1, c)][2] for c in range(table.n_cols)] == first_row


def test_unruled_table_cut_by_a_page_break_keeps_the_repeated_header_and_the_cut_rows_tail() -> None:
    """Next page of such a table: the repeated header, then the last line of the row the page break cut
    (one word alone, which ended the table before it), then the rows."""
    doc = extract_document(GENERATED / "gen_html_08_yingji_norules.pdf")
    (table,) = doc.pages[1].tables
    cells = grid(table)
    assert (table.n_rows, table.n_cols) == (6, 5)
    assert [cells[(0, c)][2] for c in range(5)] == ["序号", "工作任务", "牵头单位", "配合单位", "完成时 限"]
    assert [cells[(1, c)][2] for c in range(5)] == ["", "", "", "监管局", ""]
