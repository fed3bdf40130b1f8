"""Raw per-page table fragments → whole tables.

What a reader of a printed table does without thinking, made explicit:

* a table that runs off the bottom of a page and one at the top of the next page with the same column geometry
  (or under a 续表 caption) are one table;
* the header rows the office suite repeated on the continuation page are dropped;
* a row cut in two by the page break is joined back into one row (also when all the next page shows of it is a
  blank strip, or the rest of a merged cell's text, or in a ruled grid open below its last row on the page and
  above its first row on the next);
* running headers and footers between two pieces are no text of the page's own, a running header's second
  line too (a section line printed under the recurring title on that page alone);
* a continuation typed again under a 续表 caption with slightly different column widths keeps the first part's
  columns, one for one;
* a vertically merged cell that crosses the break continues (its text is printed on the first page only),
  down the blank cells of its column on the next page where no rule bounds them;
* the lines inside every cell are joined by the SPEC's rules (``normalize.text.join_lines``).

Pure functions: the input is the raw model, the output the normalized model Table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from policy_extract.core.geometry import round_bbox
from policy_extract.core.model import (
    BBox,
    Cell,
    DocWarning,
    Line,
    RawCell,
    RawDocument,
    RawTable,
    Table,
)
from policy_extract.core.vocabulary import (
    BARE_PAGE_NUMBER,
    CAPTION_START,
    CHOICE_BOXES,
    DEADLINE_LIKE,
    HEADING_MARKERS,
    OWNER_LIST_SEPARATORS,
    ROW_SERIAL,
    RUNNING_BAND,
    SIDEBAR_LABEL,
    TABLE_CAPTION_ENDINGS,
    TABLE_CONTINUED,
    TABLE_LABEL,
    UNIT_PREFIXES,
    UNIT_SUFFIXES,
    is_cjk,
    mask_digits,
)

from .layout import with_stacked
from .numerals import parse_integer
from .text import join_lines, squash_spaces

DEFAULT_EDGE_TOLERANCE = 4.0
"""Points two column edges may differ by and still be the same edge on another page."""
DEFAULT_COVERAGE = 0.8
"""Share of rows with text that makes a column one whose blank top cell continues a merge."""
DEFAULT_MAX_HEADER_ROWS = 4
"""Most leading rows a continuation page may repeat as the table's header."""

_TERMINAL = "。；;！!？?"


@dataclass(slots=True)
class _Grid:
    """A table being assembled: absolute column edges, rows stacked across pages."""

    col_edges: list[float]
    cells: list[Cell] = field(default_factory=list)
    n_rows: int = 0
    header_rows: int = 0
    pages: list[int] = field(default_factory=list)
    bboxes: list[tuple[int, BBox]] = field(default_factory=list)
    method: str = "lattice"
    xrange: dict[int, tuple[float, float]] = field(default_factory=dict)
    """Cell id → its left/right x in grid coordinates, to re-index columns when edges are added."""
    ran_on: dict[int, bool] = field(default_factory=dict)
    """Cell id → whether its last line reached the right side (text that may continue on the next page)."""
    gaps: dict[int, tuple[float, float, float]] = field(default_factory=dict)
    """Cell id → (space above its text, space below it, line height): where the text sits in the cell."""
    title: str | None = None
    """The table's title when it is printed as the table's first row (see :func:`strip_caption_row`)."""
    rules: dict[int, list[BBox]] = field(default_factory=dict)
    """Page → the flat rules drawn on it (set for the pages of a break only: :func:`_append_fragment`)."""


def cell_text(cell: RawCell) -> str:
    return join_lines([ln.text for ln in cell.lines])


def _is_noise_line(text: str) -> bool:
    return bool(BARE_PAGE_NUMBER.match(text)) or not text.strip()


DEFAULT_RUNNING_PAGES = 2
"""A running header or footer is printed in the page's band (``vocabulary.RUNNING_BAND``) with the same text
(digits aside) on at least this many pages."""


def _masked(text: str) -> str:
    return mask_digits(text.strip())


@dataclass(frozen=True, slots=True)
class Running:
    """A document's running headers and footers (:func:`_running_texts`)."""

    texts: frozenset[str] = frozenset()
    """Texts (digits masked) of band lines that recur on other pages: furniture wherever they are printed."""
    stacked: frozenset[tuple[int, BBox]] = frozenset()
    """Band lines stacked with a recurring one, by page and box: furniture there only (a section line names
    the page's section, and the body prints the same words as a heading)."""

    def holds(self, line: Line) -> bool:
        return _masked(line.text) in self.texts or (line.page, line.bbox) in self.stacked


def _running_texts(raw: RawDocument) -> Running:
    """Lines in the top or bottom band of their page whose texts (digits masked) recur on other pages: a
    running header or footer between two pieces of a table is no text of the document's own.  A band line
    stacked with a recurring one is of its block (``layout.with_stacked``: a running header's section line,
    printed on one page only, under the document's title), on its own page."""
    pages: dict[str, set[int]] = {}
    bands = []
    for page in raw.pages:
        band = RUNNING_BAND * page.height
        bands.append([ln for ln in page.lines if ln.bbox[3] <= band or ln.bbox[1] >= page.height - band])
        for ln in bands[-1]:
            pages.setdefault(_masked(ln.text), set()).add(page.number)
    texts = frozenset(text for text, seen in pages.items() if len(seen) >= DEFAULT_RUNNING_PAGES)
    stacked: set[tuple[int, BBox]] = set()
    for lines in bands:
        flags = with_stacked(lines, [_masked(ln.text) in texts for ln in lines])
        stacked |= {(ln.page, ln.bbox) for ln, flag in zip(lines, flags, strict=True) if flag}
    return Running(texts, frozenset(stacked))


def _is_furniture(line: Line, running: Running) -> bool:
    """A page number, a blank, or a running header/footer (``running``: :func:`_running_texts`)."""
    return _is_noise_line(line.text) or running.holds(line)


def _lines_between(raw: RawDocument, page: int, top: float, bottom: float) -> list[Line]:
    content = raw.pages[page - 1]
    return [ln for ln in content.lines if ln.bbox[1] >= top - 1 and ln.bbox[3] <= bottom + 1]


def _ends_page(raw: RawDocument, t: RawTable, running: Running) -> bool:
    """Nothing but running footers printed below the fragment on its page."""
    page = raw.pages[t.page - 1]
    if any(o.bbox[1] > t.bbox[3] + 1 for o in page.tables if o is not t):
        return False
    below = _lines_between(raw, t.page, t.bbox[3], page.height)
    return all(_is_furniture(ln, running) for ln in below)


def _starts_page(raw: RawDocument, t: RawTable, running: Running) -> bool:
    """Only running headers (or a 续表 caption) printed above the fragment on its page."""
    page = raw.pages[t.page - 1]
    if any(o.bbox[3] < t.bbox[1] - 1 for o in page.tables if o is not t):
        return False
    above = _lines_between(raw, t.page, 0, t.bbox[1])
    return all(_is_furniture(ln, running) or TABLE_CONTINUED.match(ln.text) for ln in above)


DEFAULT_CAPTION_LINES = 3
"""A caption is one of the lines printed this close above its table."""


def _under_repeated_caption(raw: RawDocument, prev: RawTable, nxt: RawTable, running: Running) -> bool:
    """Above ``nxt`` only running furniture and the caption printed above ``prev`` again (an office suite
    repeats a caption row with the header row; found as a line, it sits above the table)."""
    lines = raw.pages[prev.page - 1].lines
    before = [ln for ln in lines if ln.bbox[3] <= prev.bbox[1] + 1][-DEFAULT_CAPTION_LINES:]
    captions = {re.sub(r"\s+", "", ln.text) for ln in before}
    above = [ln for ln in _lines_between(raw, nxt.page, 0, nxt.bbox[1]) if not _is_furniture(ln, running)]
    return bool(above) and all(re.sub(r"\s+", "", ln.text) in captions for ln in above)


def _has_continued_caption(raw: RawDocument, t: RawTable) -> bool:
    return any(TABLE_CONTINUED.match(ln.text) for ln in _lines_between(raw, t.page, 0, t.bbox[1]))


def _relative_edges(edges: list[float]) -> list[float]:
    return [e - edges[0] for e in edges]


def _same_geometry(a: list[float], b: list[float], tol: float) -> bool:
    """Same column edges (relative to the left border), or one set a subset of the other."""
    ra, rb = _relative_edges(a), _relative_edges(b)
    if abs(ra[-1] - rb[-1]) > tol:
        return False
    small, big = (ra, rb) if len(ra) <= len(rb) else (rb, ra)
    return all(any(abs(s - g) <= tol for g in big) for s in small)


def _raw_row(t: RawTable, row: int) -> list[tuple[int, int, str]]:
    return sorted((c.col, c.colspan, re.sub(r"\s+", "", cell_text(c))) for c in t.cells if c.row == row)


def repeats_header(prev: RawTable, nxt: RawTable) -> bool:
    """``nxt`` opens with the leading rows of ``prev`` printed again, the table's title row among them (a
    header the office suite repeats on each page, caption row included): the same table going on.  A
    repeated header alone is not enough: statistical annexes print one table per page under one header."""
    titled = False
    shown = 0
    for row in range(min(DEFAULT_MAX_HEADER_ROWS, prev.n_rows - 1, nxt.n_rows - 1)):
        mine = _raw_row(prev, row)
        if not mine or mine != _raw_row(nxt, row) or not any(text for _, _, text in mine):
            break
        titled = titled or (len(mine) == 1 and mine[0][1] == prev.n_cols and is_caption_text(mine[0][2]))
        shown += sum(1 for _, _, text in mine if text)
    return titled and shown >= 2


def _first_on_page(raw: RawDocument, t: RawTable) -> bool:
    """No other table above ``t`` on its page, and no table caption or heading-like line between."""
    page = raw.pages[t.page - 1]
    if any(o.bbox[3] < t.bbox[1] - 1 for o in page.tables if o is not t):
        return False
    return not any(is_caption_text(ln.text) for ln in _lines_between(raw, t.page, 0, t.bbox[1]))


def _last_on_page(raw: RawDocument, t: RawTable) -> bool:
    page = raw.pages[t.page - 1]
    return not any(o.bbox[1] > t.bbox[3] + 1 for o in page.tables if o is not t)


TEXT_COLUMN_METHODS = frozenset({"rules", "borderless"})
"""Finders whose column edges come from the text (gutters of the words on that page), not from drawn rules."""


def _text_columns(prev: RawTable, nxt: RawTable, tol: float) -> bool:
    """Both fragments have their columns from the text of their own page (ruled only across, or not at all):
    the edges move with what each page prints (a header alone at a page's foot, its body on the next page;
    longer names on one page), so the same columns are as many columns over the same width, read one for one
    (:func:`_fragment_edges`)."""
    ra, rb = _relative_edges(prev.col_edges), _relative_edges(nxt.col_edges)
    return ({prev.method, nxt.method} <= TEXT_COLUMN_METHODS and len(ra) == len(rb)
            and (abs(ra[-1] - rb[-1]) <= tol or same_gutters(prev.col_edges, nxt.col_edges, tol)))


DEFAULT_GUTTER_SHIFT = 2.0
"""Inner edges of text-column fragments of one table stay within this many edge tolerances of each other."""


def same_gutters(a: list[float], b: list[float], tol: float) -> bool:
    """The same inner column edges on the page (gutters between the texts), outer edges aside: a table whose
    columns come from its text is as wide as its widest label or its rules on each page (a three-line
    table's rules on one page, the words of a rule-less piece on the next), but its gutters hold still."""
    return len(a) == len(b) >= 3 and all(abs(x - y) <= DEFAULT_GUTTER_SHIFT * tol
                                         for x, y in zip(a[1:-1], b[1:-1], strict=True))


def continues(raw: RawDocument, prev: RawTable, nxt: RawTable, tol: float = DEFAULT_EDGE_TOLERANCE,
              running: Running | None = None) -> bool:
    """True when ``nxt`` (first table of the next page) continues ``prev`` (last table of its page): under a
    续表 caption; with the same columns and nothing but running headers and footers between; or with the same
    columns and its header printed again (running headers and footers then need no grammar of their own)."""
    if nxt.page != prev.page + 1 or prev.n_rows * prev.n_cols <= 1 or nxt.n_rows * nxt.n_cols <= 1:
        return False
    if _has_continued_caption(raw, nxt):
        return True
    running = _running_texts(raw) if running is None else running
    if not (_same_geometry(prev.col_edges, nxt.col_edges, tol) or _text_columns(prev, nxt, tol)):
        return continues_frame(prev, nxt, tol) and _ends_page(raw, prev, running) \
            and _starts_page(raw, nxt, running)
    if _ends_page(raw, prev, running) and (_starts_page(raw, nxt, running)
                                           or _under_repeated_caption(raw, prev, nxt, running)):
        return True
    return repeats_header(prev, nxt) and _last_on_page(raw, prev) and _first_on_page(raw, nxt)


def _first_row_edges(t: RawTable) -> set[float]:
    """The inner column edges the fragment's first row is ruled on."""
    return {t.col_edges[c.col + c.colspan] for c in t.cells if c.row == 0} - {t.col_edges[-1]}


def _band_text(t: RawTable, row: int) -> str | None:
    """The text of the fragment's ``row`` when it is one cell across the frame holding a section's name."""
    cells = [c for c in t.cells if c.row == row]
    if len(cells) != 1 or cells[0].colspan < t.n_cols or not is_section_band(text := cell_text(cells[0])):
        return None
    return text


def continues_frame(prev: RawTable, nxt: RawTable, tol: float) -> bool:
    """A ruled form going on over a page break: each of its rows splits the frame into columns of its own, so
    the two pages' column edges differ (a page of other sections splits it otherwise), but the frame holds
    still: the same outer borders, and the top row of ``nxt`` ruled only on edges ``prev`` has (one inner
    edge at least, the label column's; an edge of its own makes it a new table's heads); or ``prev`` closes
    with a numbered section's band (its rows are on the next page; a note across the frame,
    ``注：带*号的为约束性指标``, is no section); or ``nxt`` opens with the band of the section numbered after
    ``prev``'s last (``（二）…`` then ``（三）…``).  A new table's top row is its caption across the frame, or
    heads on edges of its own."""
    if {prev.method, nxt.method} != {"lattice"}:
        return False
    if abs(prev.col_edges[0] - nxt.col_edges[0]) > tol or abs(prev.col_edges[-1] - nxt.col_edges[-1]) > tol:
        return False
    if (foot := _band_text(prev, prev.n_rows - 1)) is not None and _item_number(foot) is not None:
        return True
    if (head := _band_text(nxt, 0)) is not None:
        bands = [text for r in range(prev.n_rows) if (text := _band_text(prev, r)) is not None]
        return bool(bands) and opens_next_item(bands[-1], head)
    inner = _first_row_edges(nxt)
    return bool(inner) and all(any(abs(e - p) <= tol for p in prev.col_edges) for e in inner)


def _col_index(edges: list[float], x: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - x))


def _merged_edges(a: list[float], b: list[float], tol: float) -> list[float]:
    """Union of two fragments' column edges, in the first fragment's coordinates."""
    shift = a[0] - b[0]
    out = list(a)
    for e in b:
        e2 = e + shift
        if all(abs(e2 - x) > tol for x in out):
            out.append(e2)
    return sorted(out)


def _text_gaps(cell: RawCell) -> tuple[float, float, float]:
    if not cell.lines:
        return (0.0, 0.0, 0.0)
    height = max(ln.bbox[3] - ln.bbox[1] for ln in cell.lines)
    return (cell.lines[0].bbox[1] - cell.bbox[1], cell.bbox[3] - cell.lines[-1].bbox[3], height)


def _centred_column(grid: _Grid, col: int) -> bool:
    """Evidence that the column's cells are vertically centred: a cell with clear, equal space above and
    below its text."""
    for c in grid.cells:
        if c.col != col or not c.text:
            continue
        top, bottom, h = grid.gaps.get(id(c), (0.0, 0.0, 0.0))
        if h > 0 and top > h and bottom > h and abs(top - bottom) < h:
            return True
    return False


def _split_by_break(grid: _Grid, above: Cell, below: Cell) -> bool:
    """A vertically centred merged cell whose text the page break cut in two: the upper part reaches the
    bottom of its cell, and the lower part sits at the top of its cell with empty space below it, which a
    centred cell of its own would never show."""
    if above.rowspan == 1 and below.rowspan == 1:
        return False
    _, bottom_a, h = grid.gaps.get(id(above), (0.0, 0.0, 0.0))
    top_b, bottom_b, h_b = grid.gaps.get(id(below), (0.0, 0.0, 0.0))
    if h <= 0 or h_b <= 0 or not (bottom_a < h and top_b < h_b and bottom_b > top_b + h_b):
        return False
    return _centred_column(grid, above.col)


def _ran_on(cell: RawCell) -> bool:
    """Whether the cell's last printed line reaches the cell's right side (the text ran on)."""
    if not cell.lines:
        return False
    last = cell.lines[-1]
    em = last.char_width or last.size or 10.0
    return last.bbox[2] >= cell.bbox[2] - 2.2 * em


def _to_cells(grid: _Grid, t: RawTable, edges: list[float] | None = None) -> list[Cell]:
    """The fragment's cells in grid coordinates (columns re-indexed on the grid's edges).  ``edges`` are the
    fragment's column edges as the grid should read them (default: as printed)."""
    edges = edges or t.col_edges
    shift = grid.col_edges[0] - edges[0]
    out = []
    for c in t.cells:
        x0 = edges[c.col] + shift
        x1 = edges[c.col + c.colspan] + shift
        col = _col_index(grid.col_edges, x0)
        cell = Cell(
            row=c.row,
            col=col,
            rowspan=c.rowspan,
            colspan=max(1, _col_index(grid.col_edges, x1) - col),
            text=cell_text(c),
            page=c.page,
            bbox=round_bbox(c.bbox),
            raw="\n".join(ln.text for ln in c.lines),
        )
        grid.xrange[id(cell)] = (x0, x1)
        grid.ran_on[id(cell)] = _ran_on(c)
        grid.gaps[id(cell)] = _text_gaps(c)
        out.append(cell)
    return out


def _reindex_columns(grid: _Grid) -> None:
    for c in grid.cells:
        x0, x1 = grid.xrange[id(c)]
        c.col = _col_index(grid.col_edges, x0)
        c.colspan = max(1, _col_index(grid.col_edges, x1) - c.col)


def _row_texts(cells: list[Cell], row: int, n_cols: int) -> list[str]:
    texts = [""] * n_cols
    for c in cells:
        if c.row == row:
            for k in range(c.col, min(n_cols, c.col + c.colspan)):
                texts[k] = re.sub(r"\s+", "", c.text)
    return texts


def guess_header_rows(cells: list[Cell], n_rows: int) -> int:
    """Header rows of a single fragment: row 0, extended by the vertical spans that start in it."""
    if n_rows <= 1:
        return 0
    first = [c for c in cells if c.row == 0]
    if not first or all(not c.text for c in first):
        return 0
    depth = max(c.rowspan for c in first)
    if len(first) == 1 and first[0].colspan > 1:
        return 0  # a caption or group row spanning the whole table, not a header
    return min(depth, n_rows - 1)


def _repeated_header_rows(grid: _Grid, nxt_cells: list[Cell], n_cols: int, nxt_rows: int) -> int:
    """How many leading rows of the continuation repeat the grid's leading rows (0 if they don't).

    Counted row by row rather than taken from the guessed header depth: an office suite repeats exactly the
    rows marked as header, and a header of two unmerged rows (``序号 | 任务`` over ``| | （按职责分工）``)
    looks like a one-row header to :func:`guess_header_rows`.  A row counts only if it holds text, and the
    continuation keeps at least one row of its own."""
    k = 0
    limit = min(DEFAULT_MAX_HEADER_ROWS, grid.n_rows - 1, nxt_rows - 1)
    while k < limit:
        head = _row_texts([c for c in grid.cells if c.row == k], k, n_cols)
        if not any(head) or head != _row_texts(nxt_cells, k, n_cols):
            break
        k += 1
    return k


def _cell_at(cells: list[Cell], row: int, col: int) -> Cell | None:
    for c in cells:
        if c.row <= row < c.row + c.rowspan and c.col <= col < c.col + c.colspan:
            return c
    return None


def _column_coverage(grid: _Grid, col: int) -> float:
    body = range(grid.header_rows, grid.n_rows)
    if not body:
        return 0.0
    filled = sum(1 for r in body if (c := _cell_at(grid.cells, r, col)) is not None and c.text)
    return filled / len(body)


def _continues_merge(grid: _Grid, c: Cell) -> bool:
    """``c`` (merged over rows, holding text) goes on with a merged cell that fills the grid's last row."""
    prev = _cell_at(grid.cells, grid.n_rows - 1, c.col)
    return (
        c.rowspan > 1
        and prev is not None
        and prev.rowspan > 1
        and bool(prev.text)
        and (prev.col, prev.colspan) == (c.col, c.colspan)
        and prev.row + prev.rowspan == grid.n_rows
    )


def _is_blank_tail(grid: _Grid, first: list[Cell]) -> bool:
    """The continuation's first row is the bottom strip of the grid's last row, which the suite let break:
    blank, except for merged cells going on from the previous page (with the rest of their text)."""
    if grid.n_rows <= grid.header_rows or not any(not c.text for c in first):
        return False
    return all(not c.text or _continues_merge(grid, c) for c in first)


def _is_cut_row(grid: _Grid, first: list[Cell], n_cols: int) -> bool:
    """The continuation's first row is the rest of the grid's last row, cut by the page break."""
    last_row = grid.n_rows - 1
    if _is_blank_tail(grid, first) or _open_at_break(grid, first):
        return True
    with_text = [c for c in first if c.text]
    if not with_text:
        return False
    for c in with_text:
        prev = _cell_at(grid.cells, last_row, c.col)
        if prev is None or not prev.text or prev.row + prev.rowspan - 1 != last_row:
            return False
        if prev.text.rstrip()[-1:] in _TERMINAL or not grid.ran_on.get(id(prev), False):
            return False
        if _opens_own_row(grid, prev, c, len(with_text)):
            return False
    empty_cols = {k for k in range(n_cols)} - {k for c in with_text for k in range(c.col, c.col + c.colspan)}
    return any(
        (p := _cell_at(grid.cells, last_row, k)) is not None and p.text and _column_coverage(grid, k) >= 0.5
        for k in empty_cols
    )


def _open_at_break(grid: _Grid, first: list[Cell]) -> bool:
    """A ruled grid closes every row it ends with a rule: its last row on the page open at the bottom (no rule
    under it, where the row above has one) and the next page's first row open at the top (no rule above it,
    one under it) are one row the page break cut, whatever part of its text each page shows (a serial set
    in the middle of its cell may fall on the next page, the first page's part of its column blank)."""
    if grid.method != "lattice" or not first or not grid.rules or grid.n_rows - 1 <= grid.header_rows:
        return False
    last = [c for c in grid.cells if c.row + c.rowspan == grid.n_rows]
    above = [c for c in grid.cells if c.row + c.rowspan == grid.n_rows - 1]
    if not last or not above or any(_ruled(grid, c, c.bbox[3]) for c in last) \
            or not all(_ruled(grid, c, c.bbox[3]) for c in above):
        return False
    return not any(_ruled(grid, c, c.bbox[1]) for c in first) \
        and all(_ruled(grid, c, c.bbox[3]) for c in first)


def _item_number(text: str) -> tuple[int, int] | None:
    """The marker grammar (level of :data:`HEADING_MARKERS`) and number a text opens with, or None."""
    for level, pattern in HEADING_MARKERS:
        if (m := pattern.match(text)) and (value := parse_integer(m.group(1))) is not None:
            return level, value
    return None


def _numbered_column(grid: _Grid, col: int) -> bool:
    """The column is the table's serial/item column: every body row of it opens with the next number of one
    marker (``1.…``, ``2.…``), over two rows at least.  A numbered list inside one cell (``1.完善…`` under a
    serial column ``1``) is not: its next item at the top of a page is the rest of that cell."""
    numbers = []
    for r in range(grid.header_rows, grid.n_rows):
        c = _cell_at(grid.cells, r, col)
        numbers.append(_item_number(squash_spaces(c.text).strip()) if c is not None and c.row == r else None)
    return len(numbers) >= 2 and all(
        a is not None and b is not None and b == (a[0], a[1] + 1) for a, b in pairwise(numbers))


def _opens_own_row(grid: _Grid, prev: Cell, c: Cell, n_with_text: int) -> bool:
    """``c`` (top of the next page) opens a row of its own under ``prev`` (the last row's cell above it): the
    next number of a marker (``2.…`` then ``3.…``) in a numbered column or beside other text, or the next
    row serial (``5`` then ``6``; a serial in a narrow column reaches its right side like text run on)."""
    if opens_next_item(prev.text, c.text) and (n_with_text > 1 or _numbered_column(grid, c.col)):
        return True
    return next_serial(prev.text, c.text)


def next_serial(above: str, below: str) -> bool:
    """``below`` is the row serial after ``above`` (``5`` then ``6``, ``九`` then ``十``)."""
    if not (ROW_SERIAL.match(above) and ROW_SERIAL.match(below)):
        return False
    a, b = (parse_integer(re.sub(r"[\s.．、]", "", t)) for t in (above, below))
    return a is not None and b is not None and b == a + 1


def opens_next_item(above: str, below: str) -> bool:
    """``below`` opens with the next number of the marker ``above`` opens with (``2.…`` then ``3.…``): the
    next item of a numbered column, a row of its own, never the rest of the row a page break cut."""
    a, b = _item_number(squash_spaces(above).strip()), _item_number(squash_spaces(below).strip())
    return a is not None and b is not None and b == (a[0], a[1] + 1)


def _join_cut_row(grid: _Grid, first: list[Cell]) -> None:
    last_row = grid.n_rows - 1
    for c in first:
        prev = _cell_at(grid.cells, last_row, c.col)
        if prev is None:
            continue
        if c.text:
            prev.text = join_lines([prev.text, c.text])
            prev.raw = prev.raw + "\n" + c.raw if prev.raw else c.raw
        if c.rowspan > 1 and prev.row + prev.rowspan - 1 == last_row:
            prev.rowspan += c.rowspan - 1


def _top_set(grid: _Grid, c: Cell) -> bool:
    """The cell's text sits at the top of its cell, with more than a line of space below it."""
    top, bottom, h = grid.gaps.get(id(c), (0.0, 0.0, 0.0))
    return h > 0 and top < h and bottom > top + h


def _blank_cell(grid: _Grid, row: int, col: int) -> Cell | None:
    c = _cell_at(grid.cells, row, col)
    ok = c is not None and not c.text and c.row == row and c.rowspan == 1 and c.colspan == 1
    return c if ok else None


def _open_merges_at_break(grid: _Grid, first: list[Cell]) -> None:
    """A merged cell the page break cut, in a table with no rules between its rows (outer frame only, three
    lines), left open at the page's end: its text printed once in the block's part on the first page, and
    nothing in its column on the block's other rows down to the frame's bottom.  Two printings of it:

    * an office suite sets the text at the top of the block's part where a centred cell of its own would sit
      in the middle.  So in a column whose body cells are centred (evidence from that column itself: a
      column set at the top, a 备注 of one note, is no merge however its neighbours sit), a text set at the
      top of its cell (the only one so set in its column) over blank cells reaching the page's last row;
    * a browser prints it in the block's first row as a cell of its own would sit, so the place of the text
      tells nothing: the blank run (:func:`_run_crosses_break`) itself does.

    The text's cell spans the blanks under it, and goes on into the next page's blank cells
    (:func:`_continue_merges`).  ``first``: the next page's first body row."""
    last = grid.n_rows - 1
    n_cols = len(grid.col_edges) - 1
    if grid.method == "lattice" or last <= grid.header_rows:
        return
    centred = any(_centred_column(grid, k) for k in range(n_cols))
    for k in range(n_cols):
        r = last
        while r > grid.header_rows and _blank_cell(grid, r, k) is not None:
            r -= 1
        top = _cell_at(grid.cells, r, k)
        if r == last or top is None:
            continue
        if (centred and _centred_body(grid, k) and _sole_top_set(grid, top, r)) \
                or _run_crosses_break(grid, top, first):
            for below in range(r + 1, last + 1):
                grid.cells.remove(_blank_cell(grid, below, k))
            top.rowspan = last - r + 1


DEFAULT_RUN_EVIDENCE = 2
"""Filled body rows a column shows above a blank run at a page break, at least, for the run to be a merge."""


def _run_crosses_break(grid: _Grid, top: Cell, first: list[Cell]) -> bool:
    """Blank cells under ``top`` down to the page's last row, no rule drawn between them, the next page's
    first row blank in the column too while it holds text elsewhere (a row, not the blank strip of a cut
    one), and every body row above ``top`` filled in the column (a column full but for the run): the run
    crossing the break is the rest of the merged cell ``top`` opens, never cells left blank."""
    k = top.col
    if top.rowspan != 1 or top.colspan != 1 or not top.text or not any(c.text for c in first):
        return False
    below = next((c for c in first if c.col == k), None)
    if below is None or below.text or below.colspan != 1:
        return False
    rows = range(grid.header_rows, top.row)
    if len(rows) < DEFAULT_RUN_EVIDENCE or not all(
            (c := _cell_at(grid.cells, r, k)) is not None and c.text for r in rows):
        return False
    run = [_blank_cell(grid, r, k) for r in range(top.row + 1, grid.n_rows)]
    return not any(c is None or _ruled_above(grid, c) for c in run)


def _ruled_above(grid: _Grid, c: Cell) -> bool:
    """A rule is drawn across the cell's column at its top (between it and the row above)."""
    return _ruled(grid, c, c.bbox[1])


def _ruled(grid: _Grid, c: Cell, y: float) -> bool:
    """A rule is drawn across the cell's column at height ``y`` on its page."""
    x = (c.bbox[0] + c.bbox[2]) / 2
    return any(r[0] < x < r[2] and abs(r[1] - y) <= DEFAULT_EDGE_TOLERANCE
               for r in grid.rules.get(c.page, ()))


def _centred_body(grid: _Grid, col: int) -> bool:
    """Evidence from the column's own body cells that they sit in the middle of their cells: one with equal
    space above and below its text, half a line at least (a cell set at the top keeps a padding above)."""
    for c in grid.cells:
        if c.col != col or not c.text or c.row < grid.header_rows:
            continue
        top, bottom, h = grid.gaps.get(id(c), (0.0, 0.0, 0.0))
        if h > 0 and top >= h / 2 and abs(top - bottom) < h / 2:
            return True
    return False


def _sole_top_set(grid: _Grid, top: Cell, row: int) -> bool:
    """``top`` starts at ``row``, holds text set at the top of its cell, and no other body cell of its column
    is set so (a column set at the top throughout is the suite's alignment, not a merge)."""
    if top.row != row or top.rowspan != 1 or not top.text or not _top_set(grid, top):
        return False
    return not any(c.col == top.col and c is not top and c.text and c.row >= grid.header_rows
                   and _top_set(grid, c) for c in grid.cells)


def _continue_merges(grid: _Grid, cells: list[Cell], first_row: int) -> set[int]:
    """Top cells that continue a vertically merged cell left open at the bottom of the previous page: a
    blank one (the text was printed above), or one holding the rest of a text the break cut in two."""
    absorbed: set[int] = set()
    last_row = grid.n_rows - 1
    for c in cells:
        if c.row != first_row:
            continue
        prev = _cell_at(grid.cells, last_row, c.col)
        if prev is None or not prev.text or prev.col != c.col or prev.colspan != c.colspan:
            continue
        if c.text:
            if not _split_by_break(grid, prev, c):
                continue
            prev.text = join_lines([prev.text, c.text])
            prev.raw = prev.raw + "\n" + c.raw
        elif prev.rowspan == 1 and _column_coverage(grid, c.col) < DEFAULT_COVERAGE:
            continue
        prev.rowspan = c.row + c.rowspan - prev.row
        absorbed.add(id(c))
        if not c.text and grid.method != "lattice":
            absorbed |= _absorb_run(grid, prev, cells)
    return absorbed


def _absorb_run(grid: _Grid, merged: Cell, cells: list[Cell]) -> set[int]:
    """The merged cell that went on into the next page's blank top cell goes on down the blank cells under it
    while no rule is drawn between them (a table with no rules between its rows: the block's rows on the new
    page show nothing in its column down to the next text).  Their ids; ``merged`` spans them."""
    out: set[int] = set()
    row = merged.row + merged.rowspan
    while (c := next((c for c in cells if c.row == row and c.col == merged.col), None)) is not None:
        if c.text or c.rowspan != 1 or c.colspan != merged.colspan or _ruled_above(grid, c):
            break
        out.add(id(c))
        merged.rowspan += 1
        row += 1
    return out


DEFAULT_CAPTION_LENGTH = 40
"""Most reading units (a CJK character or a Latin word) a table title runs to."""


def reading_length(text: str) -> int:
    """A text's length in reading units: each CJK character and each Latin word or number counts one, so a
    ten-word English caption (``Exhibit 9 Characteristics of Types of …``, 77 characters) is as short as a
    ten-character Chinese one."""
    return sum(1 for ch in text if is_cjk(ch)) + len(re.findall(r"[A-Za-z0-9]+", text))


def is_caption_text(text: str) -> bool:
    """A table title by its grammar: a ``表1``/``专栏``/``Table 2.``/``Exhibit 9`` label, or a short line
    ending in a title word (``…主要指标``, ``…任务分解表``) that is neither a numbered group heading
    (``一、…``) nor a sentence."""
    text = squash_spaces(text).strip()
    if not text or reading_length(text) > DEFAULT_CAPTION_LENGTH or re.search(r"[。；;]", text):
        return False
    if CAPTION_START.match(text):
        return True
    if re.search(r"[：:，,]", text) or any(pattern.match(text) for _, pattern in HEADING_MARKERS):
        return False
    return text.endswith(TABLE_CAPTION_ENDINGS)


def strip_caption_row(cells: list[Cell], n_rows: int, n_cols: int) -> tuple[list[Cell], str | None]:
    """A first row whose one cell spans every column and reads as a title, above a row of at least two column
    heads, is the table's printed title: the cells without it (rows moved up by one) and the title, label
    (``表1``) removed.  Anything else is returned unchanged with no title."""
    first = [c for c in cells if c.row == 0]
    if n_rows < 3 or n_cols < 2 or len(first) != 1:
        return cells, None
    cap = first[0]
    heads = [c for c in cells if c.row == 1 and c.text.strip()]
    if cap.colspan < n_cols or cap.rowspan != 1 or len(heads) < 2 or not is_caption_text(cap.text):
        return cells, None
    rest = [c for c in cells if c is not cap]
    for c in rest:
        c.row -= 1
    return rest, caption_row_title(cap.text)


def caption_row_title(text: str) -> str:
    """A caption row's title without its label: ``表1``, or ``专栏1`` where the table stands in a 专栏 frame
    whose label line was read as the table's first row."""
    label = SIDEBAR_LABEL if text.strip().startswith("专") else TABLE_LABEL
    return squash_spaces(label.sub("", text, count=1)).strip()


def _start_grid(t: RawTable) -> _Grid:
    grid = _Grid(col_edges=list(t.col_edges), method=t.method)
    grid.cells, grid.title = strip_caption_row(_to_cells(grid, t), t.n_rows, len(t.col_edges) - 1)
    grid.n_rows = t.n_rows - (grid.title is not None)
    grid.header_rows = guess_header_rows(grid.cells, grid.n_rows)
    grid.pages = [t.page]
    grid.bboxes = [(t.page, round_bbox(t.bbox))]
    return grid


def _fragment_edges(grid: _Grid, t: RawTable, tol: float) -> list[float]:
    """The fragment's column edges as the grid reads them.  A continuation typed again under a 续表 caption
    often has the same columns drawn a little wider or narrower: with the same column count and a different
    geometry, its columns are the grid's columns, one for one (not a union of two sets of edges)."""
    if len(t.col_edges) != len(grid.col_edges) or _same_geometry(grid.col_edges, t.col_edges, tol):
        return t.col_edges
    return [e - grid.col_edges[0] + t.col_edges[0] for e in grid.col_edges]


def _append_fragment(grid: _Grid, t: RawTable, tol: float,
                     rules: dict[int, list[BBox]] | None = None) -> None:
    frag_edges = _fragment_edges(grid, t, tol)
    edges = _merged_edges(grid.col_edges, frag_edges, tol)
    if len(edges) != len(grid.col_edges):
        grid.col_edges = edges
        _reindex_columns(grid)
    n_cols = len(grid.col_edges) - 1
    cells, caption = strip_caption_row(_to_cells(grid, t, frag_edges), t.n_rows, n_cols)
    n_rows = t.n_rows - (caption is not None)  # the title printed again above the repeated header
    grid.title = grid.title or caption
    skip = _repeated_header_rows(grid, cells, n_cols, n_rows)
    grid.header_rows = max(grid.header_rows, skip)  # rows the suite repeats are the header, by definition
    if len(grid.pages) == 1:  # a first fragment all header (capped at n_rows - 1 alone) has its body now
        grid.header_rows = max(grid.header_rows, guess_header_rows(grid.cells, grid.n_rows + 1))
    body = [c for c in cells if c.row >= skip]
    first = [c for c in body if c.row == skip]
    offset = grid.n_rows - skip
    grid.rules = rules or {}
    _open_merges_at_break(grid, first)
    if _is_cut_row(grid, first, n_cols):
        _join_cut_row(grid, first)
        body = [c for c in body if c.row != skip]
        offset -= 1
    for c in body:
        c.row += offset
    absorbed = _continue_merges(grid, body, grid.n_rows)
    grid.cells.extend(c for c in body if id(c) not in absorbed)
    grid.n_rows = n_rows + offset
    grid.pages.append(t.page)
    grid.bboxes.append((t.page, round_bbox(t.bbox)))


def _fragments(raw: RawDocument) -> list[RawTable]:
    return [t for page in raw.pages for t in sorted(page.tables, key=lambda t: (t.bbox[1], t.bbox[0]))]


DEFAULT_FLAT_RULE = 3.0
"""Points a rule drawn across may be high (a stroked line, or a thin filled rectangle drawn as one)."""


def _flat_rules(raw: RawDocument, page: int) -> list[BBox]:
    return [r.bbox for r in raw.pages[page - 1].rules if r.bbox[3] - r.bbox[1] <= DEFAULT_FLAT_RULE]


def _grids(raw: RawDocument, tol: float) -> list[_Grid]:
    grids: list[_Grid] = []
    prev: RawTable | None = None
    running: Running | None = None  # worked out once, at the first page break between two tables
    for t in _fragments(raw):
        if prev is not None and grids and t.page == prev.page + 1 and running is None:
            running = _running_texts(raw)
        if prev is not None and grids and continues(raw, prev, t, tol, running):
            _append_fragment(grids[-1], t, tol, {p: _flat_rules(raw, p) for p in (prev.page, t.page)})
        else:
            grids.append(_start_grid(t))
        prev = t
    return grids


def _finish(grid: _Grid, index: int) -> Table:
    n_cols = len(grid.col_edges) - 1
    cells = sorted(grid.cells, key=lambda c: (c.row, c.col))
    for c in cells:
        c.rowspan = max(1, min(c.rowspan, grid.n_rows - c.row))
        c.colspan = max(1, min(c.colspan, n_cols - c.col))
    return Table(
        id=f"t{index}",
        title=grid.title,
        pages=sorted(set(grid.pages)),
        n_rows=grid.n_rows,
        n_cols=n_cols,
        header_rows=grid.header_rows,
        cells=cells,
        bboxes=grid.bboxes,
        method=grid.method,
    )


def _band_rows(grid: _Grid) -> list[int]:
    """Rows holding one cell with text across every column (a group band, or a block's caption)."""
    n_cols = len(grid.col_edges) - 1
    by_row: dict[int, list[Cell]] = {}
    for c in grid.cells:
        by_row.setdefault(c.row, []).append(c)
    return [r for r, cs in sorted(by_row.items())
            if len(cs) == 1 and cs[0].colspan >= n_cols and cs[0].rowspan == 1 and cs[0].text.strip()]


def band_blocks(grid: _Grid) -> list[_Grid]:
    """A frame holding several tables: it opens with a band across every column and each band is followed
    by a header row of its own with the same first column head (``第二十条第（一）项`` then
    ``信息内容 | 本年制发件数…``; ``第二十条第（五）项`` then ``信息内容 | 本年处理决定数量``, as the annual
    政府信息公开 reports print them).  Each band with the rows down to the next one is a table, titled by
    the band and with only the columns its own cells rule.  Group bands inside one table are followed by
    body rows, not a header."""
    bands = _band_rows(grid)
    if len(bands) < 2 or bands[0] != 0 or bands[-1] + 1 >= grid.n_rows:
        return [grid]
    heads = {squash_spaces(c.text) for c in grid.cells if c.col == 0 and c.row - 1 in bands}
    if len(heads) != 1 or not next(iter(heads)) \
            or any(sum(c.row == b + 1 for c in grid.cells) < 2 for b in bands) \
            or not all(_reads_as_header(grid, b + 1) for b in bands):
        return [grid]
    return [_block(grid, a, b) for a, b in zip(bands, [*bands[1:], grid.n_rows], strict=True)]


_BARE_VALUE = re.compile(r"[-+−]?\d[\d,，.．]*\s*[%％‰]?")


def _is_owner_list(text: str) -> bool:
    """Unit names (``市住建局``, ``区财政局、区发改委``): every name ends in a unit suffix, and there are
    several or the one opens with an administrative level (``责任单位`` names a column, ``市财政局`` an
    owner)."""
    names = [n for n in re.split(f"[{OWNER_LIST_SEPARATORS}]", text) if n]
    return bool(names) and all(n.endswith(UNIT_SUFFIXES) for n in names) \
        and (len(names) > 1 or names[0][0] in UNIT_PREFIXES)


def _is_body_text(text: str) -> bool:
    """A cell text no header prints: a value, a date or deadline, a row serial or numbered item, owners."""
    return bool(_BARE_VALUE.fullmatch(text) or DEADLINE_LIKE.search(text) or ROW_SERIAL.match(text)
                or _item_number(text) is not None or _is_owner_list(text))


def _reads_as_header(grid: _Grid, row: int) -> bool:
    """The row names columns by the header grammar: no cell holds body text (:func:`_is_body_text`)."""
    texts = [squash_spaces(c.text).strip() for c in grid.cells if c.row == row]
    return not any(t and _is_body_text(t) for t in texts)


def _block(grid: _Grid, band: int, end: int) -> _Grid:
    """Rows ``band+1 … end-1`` of the grid as a table of their own, titled by the band's text."""
    title = next(squash_spaces(c.text).strip() for c in grid.cells if c.row == band)
    cells = [c for c in grid.cells if band < c.row < end]
    used = sorted({c.col for c in cells} | {c.col + c.colspan for c in cells})
    index = {e: i for i, e in enumerate(used)}
    for c in cells:
        c.row -= band + 1
        c.col, c.colspan = index[c.col], index[c.col + c.colspan] - index[c.col]
    block = _Grid(col_edges=[grid.col_edges[e] for e in used], cells=cells, n_rows=end - band - 1,
                  method=grid.method, title=title)
    block.header_rows = guess_header_rows(cells, block.n_rows)
    block.pages = sorted({c.page for c in cells})
    block.bboxes = [(p, round_bbox((min(c.bbox[0] for c in on), min(c.bbox[1] for c in on),
                                    max(c.bbox[2] for c in on), max(c.bbox[3] for c in on))))
                    for p in block.pages for on in [[c for c in cells if c.page == p]]]
    return block


DEFAULT_FORM_BLANK_SHARE = 0.2
"""Share of a ruled form's cells (bands aside) left blank to fill in, at least."""


def is_section_band(text: str) -> bool:
    """A band's text that names a section of a form: short, and no sentence (a pledge printed across the
    frame, ``本单位承诺所填信息真实、准确……。``, is a row of its section)."""
    text = squash_spaces(text).strip()
    return bool(text) and reading_length(text) <= DEFAULT_CAPTION_LENGTH \
        and not re.search(f"[{_TERMINAL}]", text) and not text.endswith(("：", ":"))


def _is_data_row(cells: list[Cell]) -> bool:
    """A row of a data or task table, never a form's: a bare value in a cell after the first (``1200``,
    ``2.5``), or a row serial in the first column with another cell filled (``1 | 任务 | 市发改委``).  A
    serial over blank cells is a form's list to fill in."""
    first = min(cells, key=lambda c: c.col)
    rest = [squash_spaces(c.text).strip() for c in cells if c is not first]
    if any(t and _BARE_VALUE.fullmatch(t) for t in rest):
        return True
    return bool(ROW_SERIAL.match(first.text)) and any(rest)


def _has_fill_in(cells: list[Cell]) -> bool:
    """A row to fill in: a label with a blank cell just right of it (``企业名称 | ____``), or a row of blank
    cells (under the heads of a list to fill in, ``单位名称 | 地址 | 联系人``)."""
    by_col = sorted(cells, key=lambda c: c.col)
    if len(by_col) > 1 and not any(c.text.strip() for c in by_col):
        return True
    return any(a.text.strip() and not b.text.strip() and b.col == a.col + a.colspan
               for a, b in pairwise(by_col))


def _reads_as_form(grid: _Grid, bands: list[int]) -> bool:
    """The rows under the bands of a ruled (lattice) frame are a form's: no owners, no data row
    (:func:`_is_data_row`: a task table's category bands head rows like ``1 | 任务 | 市发改委 | 2025年``, an
    indicator table's ``（一）经济发展`` rows like ``1 | 地区生产总值 | 亿元 | 1200``), a label beside a
    blank cell in most sections (:func:`_has_fill_in`), and a share of the cells blank."""
    body = [c for c in grid.cells if c.row not in bands]
    if grid.method != "lattice" or not body:
        return False
    if any(_is_owner_list(squash_spaces(c.text).strip()) for c in body):
        return False
    rows: dict[int, list[Cell]] = {}
    for c in body:
        rows.setdefault(c.row, []).append(c)
    if any(_is_data_row(cs) for cs in rows.values()):
        return False
    ends = [*bands[1:], grid.n_rows]
    filled = sum(1 for b, e in zip(bands, ends, strict=True)
                 if any(_has_fill_in(cs) for r, cs in rows.items() if b < r < e))
    if 2 * filled <= len(bands):
        return False
    return sum(1 for c in body if not c.text.strip()) >= DEFAULT_FORM_BLANK_SHARE * len(body)


def form_sections(grid: _Grid) -> list[_Grid] | None:
    """A ruled (lattice) form (申报表, 信息表) divided into sections by bands across the frame (or one
    numbered section of it, drawn as a table of its own): it opens with a band, each band is a section's name
    (``（一）企业基本信息``, :func:`is_section_band`) with rows of its own under it, and the rows read as a
    form's (:func:`_reads_as_form`).  Each section is a table titled by its band without the ``（一）`` label,
    with only the columns its own rows rule; None when the grid is no such form."""
    texts = {c.row: c.text for c in grid.cells}
    bands = [r for r in _band_rows(grid) if is_section_band(texts[r])]
    ends = [*bands[1:], grid.n_rows]
    if not bands or bands[0] != 0 or any(e - b < 2 for b, e in zip(bands, ends, strict=True)):
        return None
    if len(bands) == 1 and _item_number(texts[0]) is None:
        return None  # one band alone names a section by its number (``单位：万元`` across the top does not)
    if not _reads_as_form(grid, bands):
        return None
    blocks = [_block(grid, b, e) for b, e in zip(bands, ends, strict=True)]
    for block in blocks:
        block.title = section_title(block.title or "")
        block.header_rows = form_header_rows(block.cells)
    return blocks


def section_title(text: str) -> str:
    """A section band's text without its ``（一）``/``一、`` label."""
    for _, pattern in HEADING_MARKERS:
        if m := pattern.match(text):
            return squash_spaces(text[m.end():]).strip()
    return caption_row_title(text)


def form_header_rows(cells: list[Cell]) -> int:
    """1 when a form section's first row names the columns of the rows under it (a list to fill in: heads
    over rows split the same way and mostly blank), else 0: a label/value row names no column (``县级意见 |
    （盖章）`` over ``市级意见 | （盖章）``), nor does a row of choices to tick (``□是 □否``)."""
    first = sorted((c.col, c.colspan) for c in cells if c.row == 0)
    second = sorted((c.col, c.colspan) for c in cells if c.row == 1)
    heads = [c.text.strip() for c in cells if c.row == 0]
    blanks = sum(1 for c in cells if c.row == 1 and not c.text.strip())
    if len(first) < 2 or first != second or 2 * blanks < len(second) \
            or any(c.rowspan > 1 for c in cells if c.row == 0):
        return 0
    return int(all(t and not any(ch in CHOICE_BOXES for ch in t) for t in heads))


def _sections(grid: _Grid) -> list[_Grid]:
    blocks = band_blocks(grid)
    return blocks if len(blocks) > 1 else form_sections(grid) or blocks


def build_tables(raw: RawDocument, tol: float = DEFAULT_EDGE_TOLERANCE) -> list[Table]:
    """All tables of the document, merged across pages, ids ``t1…`` in reading order."""
    grids = [block for grid in _grids(raw, tol) for block in _sections(grid)]
    return [_finish(g, i) for i, g in enumerate(grids, start=1)]


def quality_warnings(table: Table, fragments: list[RawTable] | None = None) -> list[DocWarning]:
    """A camelot-style parsing report for one table, as warnings (empty cells, grid gaps, column drift)."""
    out: list[DocWarning] = []
    covered = sum(c.rowspan * c.colspan for c in table.cells)
    total = table.n_rows * table.n_cols
    if total and covered != total:
        out.append(
            DocWarning(
                "table_grid_gap",
                f"{table.id}: cells cover {covered} of {total} grid positions",
                table.pages[0],
                "normalize",
            )
        )
    empty = sum(1 for c in table.cells if not c.text)
    if table.cells and empty / len(table.cells) > 0.5:
        out.append(
            DocWarning(
                "table_sparse",
                f"{table.id}: {empty} of {len(table.cells)} cells are empty",
                table.pages[0],
                "normalize",
            )
        )
    for frag in fragments or []:
        outside = frag.report.text_outside_cells
        if outside:
            out.append(
                DocWarning(
                    "table_text_outside_cells",
                    f"{table.id}: {outside} character(s) printed level with the table's rows but in no cell",
                    frag.page,
                    "extract",
                )
            )
    if fragments and len({f.n_cols for f in fragments}) > 1:
        out.append(
            DocWarning(
                "table_column_count_changes",
                f"{table.id}: column count differs between pages "
                f"({', '.join(str(f.n_cols) for f in fragments)})",
                table.pages[0],
                "normalize",
            )
        )
    return out
