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

from policy_extract.core.model import RawTable
from policy_extract.extract.document import extract_document

DATA = Path(__file__).parent / "data" / "icdar"


def tables(name: str) -> list[RawTable]:
    return extract_document(DATA / f"{name}.pdf").pages[0].tables


def grid(table: RawTable) -> dict[tuple[int, int], tuple[int, int, str]]:
    return {(c.row, c.col): (c.rowspan, c.colspan, " ".join(ln.text for ln in c.lines)) for c in table.cells}


@pytest.mark.parametrize("name", ["two_column_page", "bar_chart_three_text_columns"])
def test_text_set_in_columns_and_a_bar_chart_are_no_table(name: str) -> None:
    """A page set in two or three columns of running text lines up like a table's columns; a bar chart's
    bars make a grid of empty cells around its legend."""
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
