"""Characters → the grid cell they are printed in (clipped per character, so no text bleeds across a rule)."""

from __future__ import annotations

from bisect import bisect_right

from policy_extract.core.geometry import round_bbox
from policy_extract.core.model import BBox, RawCell, RawTable, TableReport

from .finders import PageTables, TableFinder
from .gridtext import text_cuts
from .lattice import Grid, bridged, grid_from_group
from .lines import Char, is_blank, lines_from_chars
from .settings import ExtractSettings

DEFAULT_MIN_FILLED_CELLS = 2
"""A grid with fewer cells holding text is decoration (or a box), not a data table."""
DEFAULT_PLOT_EMPTY_SHARE = 0.75
"""A grid with more of its cells empty than this, and fewer filled cells than it has columns (and than three),
is a chart's plot area, gridlines or bars (its text: a legend, axis labels), not a table; a blank form to fill
in still has its header row filled."""
DEFAULT_PLOT_MIN_CELLS = 8
"""A plot's gridlines or bars make at least this many cells (a smaller empty grid is a box or decoration)."""
DEFAULT_CUT_PASSES = 3
"""Cuts by text are drawn again on the cut grid (value rows first, then the headers over the new columns)."""
DEFAULT_ROW_MARGIN = 1.0
"""Points inside the grid's top and bottom rules a character's centre must be to count as level with it."""


def locate(grid: Grid, x: float, y: float) -> int | None:
    """Index in ``grid.cells`` of the cell containing the point, or None outside the grid."""
    x0, top, x1, bottom = grid.bbox
    if not (x0 <= x <= x1 and top <= y <= bottom):
        return None
    col = min(max(bisect_right(grid.xs, x) - 1, 0), grid.n_cols - 1)
    row = min(max(bisect_right(grid.ys, y) - 1, 0), grid.n_rows - 1)
    return grid.cell_index.get((row, col))


def split_chars(chars: list[Char], grids: list[Grid]) -> tuple[list[list[list[Char]]], list[Char]]:
    """Per grid, per cell, the characters whose centre lies in it; and the characters outside every grid.

    Each grid's ``outside_chars`` is set to the characters outside it but level with its rows (for the
    quality report)."""
    per_grid: list[list[list[Char]]] = [[[] for _ in g.cells] for g in grids]
    outside: list[Char] = []
    boxes = [(gi, grid, *grid.bbox) for gi, grid in enumerate(grids)]
    for ch in chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        for gi, grid, x0, top, x1, bottom in boxes:  # locate()'s own first test, without the call
            if x0 <= cx <= x1 and top <= cy <= bottom and (index := locate(grid, cx, cy)) is not None:
                per_grid[gi][index].append(ch)
                break
        else:
            outside.append(ch)
    for grid in grids:
        grid.outside_chars = sum(1 for ch in outside if beside_grid(grid, ch))
    return per_grid, outside


def beside_grid(grid: Grid, ch: Char) -> bool:
    """A printed character level with the grid's rows but left or right of it: text that overhangs the ruled
    box (a negative indent, a missing outer rule), which a reader would take as part of the table.  Body text
    never sits beside a table in these documents, and captions sit above or below it."""
    if is_blank(ch):
        return False
    top, bottom = grid.bbox[1], grid.bbox[3]
    cy = (ch["top"] + ch["bottom"]) / 2
    return top + DEFAULT_ROW_MARGIN < cy < bottom - DEFAULT_ROW_MARGIN


def non_empty_cells(cell_chars: list[list[Char]]) -> int:
    return sum(1 for chars in cell_chars if any(not is_blank(c) for c in chars))


def is_plot(grid: Grid, cell_chars: list[list[Char]]) -> bool:
    """Mostly empty cells and less text than one row's worth (:data:`DEFAULT_PLOT_EMPTY_SHARE`), and no
    section band (:func:`opens_a_section`)."""
    filled = non_empty_cells(cell_chars)
    n_cells = len(grid.cells)
    return n_cells >= DEFAULT_PLOT_MIN_CELLS and filled < (1 - DEFAULT_PLOT_EMPTY_SHARE) * n_cells \
        and filled < max(grid.n_cols, 3) and not opens_a_section(grid, cell_chars)


def opens_a_section(grid: Grid, cell_chars: list[list[Char]]) -> bool:
    """A cell with text across the whole frame below rows the frame splits into columns: the band opening a
    section of a ruled form (``（三）申报承诺`` under the blank rows of the list before it, the head of that
    list on the previous page).  A chart's title is printed above its gridlines, never between them."""
    if grid.n_cols < 2:
        return False
    split_rows = {r for g in grid.cells if g.colspan < grid.n_cols for r in range(g.row, g.row + g.rowspan)}
    return any(g.colspan == grid.n_cols and g.rowspan == 1 and any(not is_blank(c) for c in chars)
               and any(r < g.row for r in split_rows)
               for g, chars in zip(grid.cells, cell_chars, strict=True))


def gap_is_column(chars: list[Char], left: Grid, right: Grid) -> bool:
    """Text stands between two grids on the same rows, in most of them, and neither grid is a chart's plot:
    the gap is a column whose rules were not drawn (two tables side by side leave the gap empty)."""
    x0, x1 = left.xs[-1], right.xs[0]
    filled_rows = set()
    for ch in chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        if x0 < cx < x1 and left.ys[0] < cy < left.ys[-1] and not is_blank(ch):
            filled_rows.add(bisect_right(left.ys, cy))
    if 2 * len(filled_rows) < left.n_rows:
        return False
    per_grid, _ = split_chars(chars, [left, right])
    return not any(is_plot(g, cell_chars) for g, cell_chars in zip((left, right), per_grid, strict=True))


def join_side_by_side(grids: list[Grid], chars: list[Char], settings: ExtractSettings) -> list[Grid]:
    """Grids on the same rows with a column of text between them are one table (:func:`gap_is_column`)."""
    return bridged(grids, settings, lambda a, b: gap_is_column(chars, a, b))


def cut_by_text(grid: Grid, cell_chars: list[list[Char]],
                settings: ExtractSettings) -> tuple[Grid, list[list[Char]]]:
    """The grid with the cuts its text draws where its rules do not (:mod:`.gridtext`), and its cells'
    text."""
    chars = [c for cs in cell_chars for c in cs]
    for _ in range(DEFAULT_CUT_PASSES):
        cuts = text_cuts(grid, cell_chars, settings)
        cut = grid_from_group(grid.segments + cuts, settings) if cuts else None
        if cut is None or len(cut.cells) == len(grid.cells):
            break
        grid, cell_chars = cut, split_chars(chars, [cut])[0][0]
    return grid, cell_chars


def raw_table(grid: Grid, cell_chars: list[list[Char]], page_number: int,
              settings: ExtractSettings) -> RawTable:
    cells = [
        RawCell(
            row=g.row, col=g.col, rowspan=g.rowspan, colspan=g.colspan, page=page_number,
            bbox=round_bbox(g.bbox), lines=lines_from_chars(chars, page_number, settings),
        )
        for g, chars in zip(grid.cells, cell_chars, strict=True)
    ]
    return RawTable(
        page=page_number, bbox=round_bbox(grid.bbox), n_rows=grid.n_rows, n_cols=grid.n_cols,
        col_edges=[round(x, 2) for x in grid.xs], row_edges=[round(y, 2) for y in grid.ys],
        cells=cells, method="lattice", report=grid_report(grid, cell_chars),
    )


def grid_report(grid: Grid, cell_chars: list[list[Char]]) -> TableReport:
    n_cells = len(grid.cells)
    empty = n_cells - non_empty_cells(cell_chars)
    return TableReport(
        cells=n_cells,
        empty_cells=empty,
        empty_ratio=round(empty / n_cells, 3) if n_cells else 0.0,
        outer_border=grid.closed,
        irregular_regions=grid.irregular,
        text_outside_cells=grid.outside_chars,
    )


def lattice_tables(chars: list[Char], grids: list[Grid], number: int,
                   settings: ExtractSettings) -> tuple[list[RawTable], list[Char], list[BBox]]:
    """Ruled tables with their cell text, the characters printed outside every table, and the boxes of the
    grids that are a chart's plot (:func:`is_plot`)."""
    per_grid, outside = split_chars(chars, grids)
    tables: list[RawTable] = []
    plots: list[BBox] = []
    for grid, cell_chars in zip(grids, per_grid, strict=True):
        if non_empty_cells(cell_chars) >= DEFAULT_MIN_FILLED_CELLS and not is_plot(grid, cell_chars):
            tables.append(raw_table(*cut_by_text(grid, cell_chars, settings), number, settings))
            continue
        if is_plot(grid, cell_chars):
            plots.append(grid.bbox)
        outside += [c for chars in cell_chars for c in chars]  # decoration: its text belongs to the page
    return tables, outside, plots


class LatticeFinder(TableFinder):
    """Tables ruled as grids (``lattice`` in camelot's terms): each cell's text clipped to its rules."""

    def find(self, page: PageTables) -> None:
        tables, rest, plots = lattice_tables(page.chars, page.grids, page.number, page.settings)
        page.tables += tables
        page.plots += plots
        page.keep_chars(rest)
