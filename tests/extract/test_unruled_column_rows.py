"""A column left unruled beside ruled rows was cut into rows midway between its text rows, a few points off
the row rules of the columns beside it: every sub-row (“1b” | “No influence on project concept”) came out
as two rows, the ruled cells in one and the unruled column's text in the next (ICDAR 2013 eu-009a, the page
kept in ``data/icdar``).  A row cut now falls on a row edge of the grid standing in the gap between the text
rows, as a column cut falls on a column edge standing in the gutter."""

from __future__ import annotations

from pathlib import Path

from policy_extract.extract.document import extract_document

PAGE = Path(__file__).parent / "data" / "icdar" / "unruled_column_beside_ruled_rows.pdf"


def test_unruled_column_is_cut_at_the_row_rules_beside_it() -> None:
    (table,) = extract_document(PAGE).pages[0].tables
    cells = {(c.row, c.col): " ".join(ln.text for ln in c.lines) for c in table.cells}
    assert (table.n_rows, table.n_cols) == (9, 4)
    assert cells[(3, 2)] == "1a" and cells[(3, 3)].startswith("Influence on project")
    assert cells[(4, 2)] == "1b" and cells[(4, 3)].startswith("No influence on project")
    assert cells[(8, 2)] == "3b" and cells[(8, 3)].startswith("Other presentation")
