"""Tables whose columns come from the text (ruled only across, or not at all) were never joined across pages
unless both pages' gutters fell within 4 pt: the edges move with what each page prints.  gen_rl_07's header
alone at the foot of page 2 (its edges from the header's words, tests/extract/test_header_alone.py) and its
body on page 3; gen_html_06's three-line table whose page 3 names are longer than page 2's.  Fragments of
text columns continue one another with as many columns over the same width, read one for one, and a first
fragment that was all header is the joined table's header."""

from __future__ import annotations

from pathlib import Path

from policy_extract.extract import extract_document
from policy_extract.normalize.tables import build_tables

PDFS = Path(__file__).resolve().parents[2] / "samples" / "generated" / "pdf"


def test_a_header_alone_joins_the_body_on_the_next_page() -> None:
    [table] = build_tables(extract_document(PDFS / "gen_rl_07_eco_threeline.pdf", ocr="off"))
    assert (table.pages, table.n_rows, table.n_cols, table.header_rows) == ([2, 3], 14, 5, 2)
    first = {(c.row, c.col): c.text for c in table.cells if c.row == 2}
    assert first[(2, 0)] == "环境治理" and first[(2, 2)] == "97.7"


def test_text_columns_of_other_widths_on_the_next_page_continue_the_table() -> None:
    [table] = build_tables(extract_document(PDFS / "gen_html_06_shuzi_frame_norepeat.pdf", ocr="off"))
    assert (table.pages, table.n_cols) == ([2, 3], 5)
    assert {c.text for c in table.cells if c.col == 0} >= {"类别", "总体规模", "产业数字化"}
