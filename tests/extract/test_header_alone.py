"""A three-line table whose top and header rule close a page, its body on the next (gen_rl_07 page 2: 类别 /
指标 / 指标值 over 2020年（基期）and 2025年目标 / 属性, then page 3's rows) was no table at all: a pair of rules
with a header between them needed two rows of two cells or more.  The header alone is now a table: columns
from its leaf line, the line above spanning the columns it covers, the leaf's wrapped lines one row, and a leaf
cell with nothing above it spanning up to the top rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from policy_extract.extract.document import extract_document
from policy_extract.extract.settings import ExtractSettings
from policy_extract.normalize.tables import cell_text

PDF = Path(__file__).resolve().parents[2] / "samples" / "generated" / "pdf" / "gen_rl_07_eco_threeline.pdf"


@pytest.mark.parametrize("source", ["pdfminer", "pdfium"])
def test_a_header_alone_at_a_page_foot_is_a_table_of_its_own(source: str) -> None:
    doc = extract_document(PDF, settings=ExtractSettings(page_source=source), ocr="off")
    [table] = doc.pages[1].tables
    assert (table.n_rows, table.n_cols, table.method) == (2, 5, "rules")
    cells = {(c.row, c.col, c.rowspan, c.colspan): cell_text(c) for c in table.cells}
    assert cells == {
        (0, 0, 2, 1): "类别", (0, 1, 2, 1): "指标", (0, 2, 1, 2): "指标值", (0, 4, 2, 1): "属性",
        (1, 2, 1, 1): "2020年（基期）", (1, 3, 1, 1): "2025年目标",
    }
