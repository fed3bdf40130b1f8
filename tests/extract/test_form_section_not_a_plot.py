"""The rest of a blank list to fill in at the top of a page, then the band of the form's next section and its
rows (gen_html_16_form_pairs page 3: three blank rows under a head printed on page 2, ``（三）申报承诺``, a pledge
and a signature row) was taken for a chart's plot (mostly empty cells, less text than a row) and lost: a cell
with text across the whole frame below rows split into columns opens a section, which no plot prints between
its gridlines.  A plot's title above its gridlines still leaves it a plot."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from page_helpers import text
from policy_extract.extract.cells import is_plot, split_chars
from policy_extract.extract.document import extract_document
from policy_extract.extract.lattice import Grid, find_grids
from policy_extract.extract.rules import Segment
from policy_extract.extract.settings import ExtractSettings
from policy_extract.normalize.tables import cell_text

PDF = Path(__file__).resolve().parents[2] / "samples" / "generated" / "pdf" / "gen_html_16_form_pairs.pdf"
XS = [50.0, 150.0, 250.0, 350.0, 450.0]


def _grid(ys: list[float], band_row: int) -> Grid:
    """A frame with rows ``ys``; every row split into four columns but ``band_row``, one cell across."""
    segs = [Segment("h", y, XS[0], XS[-1]) for y in ys]
    segs += [Segment("v", x, ys[0], ys[-1]) for x in (XS[0], XS[-1])]
    for x in XS[1:-1]:
        segs += [Segment("v", x, top, bottom) for r, (top, bottom) in enumerate(pairwise(ys))
                 if r != band_row]
    [grid] = find_grids(segs, ExtractSettings())
    return grid


def test_band_below_blank_rows_opens_a_form_section_not_a_plot() -> None:
    ys = [100.0, 120.0, 140.0, 160.0, 180.0, 200.0]
    grid = _grid(ys, band_row=3)
    chars = text("（三）申报承诺", 200.0, 163.0) + text("签字", 60.0, 183.0)
    [per_cell], _ = split_chars(chars, [grid])
    assert not is_plot(grid, per_cell)


def test_title_above_the_gridlines_leaves_a_plot_a_plot() -> None:
    ys = [100.0, 120.0, 140.0, 160.0, 180.0, 200.0]
    grid = _grid(ys, band_row=0)
    chars = text("图1 产值", 200.0, 103.0) + text("10", 60.0, 183.0)
    [per_cell], _ = split_chars(chars, [grid])
    assert is_plot(grid, per_cell)


def test_blank_rows_and_next_section_at_a_page_top_are_a_table() -> None:
    doc = extract_document(PDF, ocr="off")
    [table] = doc.pages[2].tables
    assert "（三）申报承诺" in [cell_text(c) for c in table.cells]
