"""Ruled grids whose rules do not separate their text: the cuts the text draws.

Two forms, both common in statistical tables:

* **Rows ruled across, columns ruled only in the header** (or not in some rows): a body row is one cell
  spanning every column, yet each of its words stands inside one of the grid's columns.  The cell is cut at
  the grid's column edges.
* **A body left unruled under a ruled header**: one band of the grid holds many lines of values, printed on
  shared baselines in several cells (a column-ruled table, a three-line table with a ruled header), and
  inside a cell the values may stand in sub-columns (``Male  Female`` under one group header).  The band is
  cut between its text rows (wrapped lines chained as in tables ruled only across) and at the gutters no line
  crosses inside a cell.

A cut is a synthetic rule; the grid is then flooded again (``lattice.grid_from_group``), so header cells keep
their spans over the new columns.  A wrapped paragraph (every line one run filling the cell) is never cut,
so a ruled table of wrapped text keeps its rows.
"""

from __future__ import annotations

import itertools
import statistics

from .hrules import columns, group_rows, overlap_units
from .lattice import Grid, GridCell
from .lines import Char, TextRow, char_rows, is_blank, split_words
from .rules import Segment
from .settings import ExtractSettings

DEFAULT_MIN_BAND_ROWS = 3
"""A band is cut into rows only when it holds at least this many text rows..."""
DEFAULT_MIN_LINE_CELLS = 2
"""...in at least this many cells, on shared baselines (or in one cell spanning columns)."""
DEFAULT_BASELINE_EM = 0.3
"""Two lines in neighbouring cells share a baseline when their centres are this close (em)."""
DEFAULT_PARAGRAPH_MIN_CHARS = 4
"""A wrapped paragraph has a line of at least this many characters (a column of ``(X)`` is not one)."""
DEFAULT_WORD_IN_COLUMN = 0.8
"""A word stands in the column that holds at least this share of its width."""
DEFAULT_FILL_EM = 1.0
"""A wrapped paragraph's lines (but the last) end within this many em of its right edge."""


def cell_lines(chars: list[Char], settings: ExtractSettings) -> list[TextRow]:
    rows = char_rows([c for c in chars if not is_blank(c)], settings)
    for row in rows:
        row.words = split_words(row, settings)
    return rows


def is_words(line: TextRow) -> bool:
    """A line of words (letters or CJK), not a figure: numbers of one width line up like wrapped text."""
    return any(c["text"].isalpha() for c in line.chars)


def is_paragraph(lines: list[TextRow]) -> bool:
    """Wrapped text: lines of words with no gutter open down all of them (justified lines may hold wide
    gaps, but not in line with one another), all but the first (an indent) starting at one left edge, and all
    but the last ending at one right edge (right-aligned values start wherever their width puts them)."""
    if len(lines) < 2 or not any(is_words(r) for r in lines) \
            or max(len(r.chars) for r in lines) < DEFAULT_PARAGRAPH_MIN_CHARS:
        return False
    left, right = min(r.x0 for r in lines[1:]), max(r.x1 for r in lines)
    em = statistics.median(c["size"] for r in lines for c in r.chars)
    return len(columns(lines, em)) == 1 and all(right - r.x1 <= DEFAULT_FILL_EM * em for r in lines[:-1]) \
        and all(r.x0 - left <= DEFAULT_FILL_EM * em for r in lines[1:])


def is_vertical_text(lines: list[TextRow]) -> bool:
    """One word set down a narrow column, a character a line (``服\n务\n业…``, SPEC: vertical text): its
    lines are not rows of values, whatever lines stand level with them in the next cell."""
    return all(len(r.chars) == 1 and not r.chars[0]["text"].isdigit() for r in lines)


def words_in_columns(lines: list[TextRow], xs: list[float], cell: GridCell) -> set[int]:
    """The grid columns the words of a spanning cell stand in (a header set a little wider than its values
    may overhang an edge, :data:`DEFAULT_WORD_IN_COLUMN`); empty when a word stands across an edge."""
    edges = [cell.bbox[0]] + [x for x in xs if cell.bbox[0] + 1 < x < cell.bbox[2] - 1] + [cell.bbox[2]]
    used: set[int] = set()
    for word in (w for r in lines for w in r.words):
        x0, x1 = word[0]["x0"], max(c["x1"] for c in word)
        share = [max(0.0, min(x1, b) - max(x0, a)) for a, b in itertools.pairwise(edges)]
        best = max(range(len(share)), key=share.__getitem__)
        if share[best] < DEFAULT_WORD_IN_COLUMN * (x1 - x0):
            return set()
        used.add(best)
    return used


def spanning_cuts(grid: Grid, cell: GridCell, lines: list[TextRow]) -> list[Segment]:
    """A spanning cell whose last lines have their words in two columns or more, each word inside one: the
    column edges through those lines, and a rule above them when lines over them span (a group header over
    its sub-headers)."""
    if cell.colspan < 2 or not lines:
        return []
    lines = sorted(lines, key=lambda r: r.top)
    first = next((k for k in range(len(lines)) if len(words_in_columns(lines[k:], grid.xs, cell)) >= 2), None)
    if first is None:
        return []
    top = cell.bbox[1] if first == 0 else (lines[first - 1].bottom + lines[first].top) / 2
    cuts = [Segment("v", x, top, cell.bbox[3]) for x in grid.xs if cell.bbox[0] + 1 < x < cell.bbox[2] - 1]
    return cuts + ([Segment("h", top, cell.bbox[0], cell.bbox[2])] if first else [])


def shared_baselines(a: list[TextRow], b: list[TextRow]) -> int:
    em = statistics.median(c["size"] for r in a + b for c in r.chars)
    mids = [(r.top + r.bottom) / 2 for r in b]
    return sum(1 for r in a if any(abs((r.top + r.bottom) / 2 - m) <= DEFAULT_BASELINE_EM * em for m in mids))


def value_cells(per_cell: list[tuple[GridCell, list[TextRow]]],
                n_rows: int) -> list[tuple[GridCell, list[TextRow]]]:
    """Cells holding many text rows of values, more than the grid has ruled rows (the body was left unruled;
    a ruled table whose cells hold short lists has more rules than any cell has lines): on baselines shared
    with another such cell beside them (or spanning columns with words apart), no wrapped paragraph among
    them."""
    least = max(DEFAULT_MIN_BAND_ROWS, n_rows + 1)
    many = [(c, ls) for c, ls in per_cell if len(overlap_units(ls, [])) >= least and not is_vertical_text(ls)]
    if any(is_paragraph(ls) for _, ls in many):
        return []
    out = [(c, ls) for c, ls in many if c.colspan > 1 and max(len(r.words) for r in ls) > 1]
    for (a, la), (b, lb) in itertools.combinations(many, 2):
        if shared_baselines(la, lb) >= DEFAULT_MIN_BAND_ROWS:
            out += [(c, ls) for c, ls in ((a, la), (b, lb)) if all(c is not o for o, _ in out)]
    return out


def band_rows(cell: GridCell, values: list[tuple[GridCell, list[TextRow]]],
              grid: Grid) -> list[list[TextRow]]:
    """The text rows of the value cells level with ``cell``, grouped as the rows of a table ruled only
    across (:func:`hrules.group_rows`: lines chained by overlap, wrapped cells joined where the gaps are
    bimodal, a serial number opening a row), over the cells' columns and sub-columns."""
    level = [(c, ls) for c, ls in values if c.bbox[1] < cell.bbox[3] and cell.bbox[1] < c.bbox[3]]
    lines = sorted((r for _, ls in level for r in ls), key=lambda r: r.top)
    edges = sorted({x for c, ls in level
                    for x in (c.bbox[0], c.bbox[2], *(g.pos for g in gutter_cuts(grid, c, ls)),
                              *(x for x in grid.xs if c.bbox[0] < x < c.bbox[2]))})
    return group_rows(lines, edges, [], headed=False)


def row_cuts(cell: GridCell, rows: list[list[TextRow]], grid: Grid) -> list[Segment]:
    """Rules across a cell between the band's text rows: at a row edge of the grid standing in the gap
    between them when there is one (the row rules of the ruled columns beside an unruled one), else midway."""
    gaps = [(max(r.bottom for r in a), min(r.top for r in b)) for a, b in itertools.pairwise(rows)]
    ys = [next((y for y in grid.ys if lo <= y <= hi), (lo + hi) / 2) for lo, hi in gaps]
    return [Segment("h", y, cell.bbox[0], cell.bbox[2]) for y in ys if cell.bbox[1] < y < cell.bbox[3]]


def gutter_cuts(grid: Grid, cell: GridCell, lines: list[TextRow]) -> list[Segment]:
    """Rules down the gutters inside a cell that no line crosses: at a grid column edge standing in the
    gutter when there is one (a spanning cell), else midway."""
    em = statistics.median(c["size"] for r in lines for c in r.chars)
    out = []
    for a, b in itertools.pairwise(columns(lines, em)):
        edge = next((x for x in grid.xs if a[1] <= x <= b[0]), (a[1] + b[0]) / 2)
        out.append(Segment("v", edge, cell.bbox[1], cell.bbox[3]))
    return out


def text_cuts(grid: Grid, cell_chars: list[list[Char]], settings: ExtractSettings) -> list[Segment]:
    """Synthetic rules that separate the grid's text where its own rules do not (see the module)."""
    per_cell = [(cell, cell_lines(chars, settings))
                for cell, chars in zip(grid.cells, cell_chars, strict=True)]
    values = value_cells(per_cell, grid.n_rows)
    cuts = [cut for cell, lines in values
            for cut in row_cuts(cell, band_rows(cell, values, grid), grid) + gutter_cuts(grid, cell, lines)]
    done = {id(c) for c, _ in values}
    spanning = [spanning_cuts(grid, cell, lines) for cell, lines in per_cell if id(cell) not in done]
    if sum(1 for c in spanning if c) >= DEFAULT_MIN_LINE_CELLS:  # the form repeats: not one odd cell
        cuts += [cut for c in spanning for cut in c]
    return cuts
