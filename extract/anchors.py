"""Rows of a table without row rules, read from its anchor columns.

A table whose rows are not padded sets the lines of a wrapped cell as far apart as its rows, so no gap tells
a wrapped line from the next row.  What does tell them apart is the table's *anchor* columns: columns holding
one line in every row (a unit, a year's value, an attribute).  Their lines are the rows: a row is the band of
text between consecutive baselines of the anchor columns, and the lines of a cell wrapped over several lines
in another column are centred on that band (a cell centred vertically, as an office suite sets it, half a
line above and below the anchor line).  Top- or bottom-aligned cells are left to the gaps (the rows of such
tables are padded): read against an anchor line, a lone line above or below a row (a section title set across
the table, ICDAR us-019) would pass for a wrapped line of it.

The anchor columns are the largest set of at least :data:`DEFAULT_ANCHOR_MIN_COLS` columns whose lines stand
at the very same heights; each other column's lines are split into consecutive cells, one per row at most, by
the partition that sets every cell around its row within :data:`DEFAULT_ANCHOR_TOL` of a line height.  A
column no such partition fits (a group header over two columns, a cell that lies beside no anchor line)
means the table is not read this way.  The first column may hold category labels centred on several rows'
whole extent (their wrapped lines included): issue 15's "a category cell with empty cells below it spans
them when the rows belong to it", read from where the label stands, not from the empty cells alone.
"""

from __future__ import annotations

import bisect
import itertools
import math
import statistics
from dataclasses import dataclass

from .lines import Char, TextRow, is_blank

DEFAULT_ANCHOR_MIN_COLS = 2
"""Anchor columns agree with each other: one column's lines alone could be a wrapped cell's."""
DEFAULT_CELL_GAP = 0.8
"""Lines of one cell are set closer than this many line heights apart (one line pitch)."""
DEFAULT_SPAN_COST = 0.01
"""A cell spanning rows costs this share of the tolerance per extra row: of two equally good readings, the
one with fewer spans."""
DEFAULT_ROW_LABELS = 2 / 3
"""A first column with a line level with this share of the rows labels them one by one."""
DEFAULT_ANCHOR_TOL = 0.3
"""A cell is centred on its row when its centre is within this share of a line height of the anchor band's."""


@dataclass(frozen=True, slots=True)
class Piece:
    """One line's text in one column."""

    line: int
    top: float
    bottom: float


def column_pieces(lines: list[TextRow], edges: list[float]) -> list[list[Piece]]:
    """Per column, the pieces of text the lines hold in it, top to bottom (a character goes to the column
    its centre is in)."""
    out: list[list[Piece]] = [[] for _ in edges[1:]]
    for i, line in enumerate(lines):
        per: dict[int, list[float]] = {}
        for c in line.chars:
            if is_blank(c):
                continue
            k = column_index((c["x0"] + c["x1"]) / 2, edges)
            per.setdefault(k, []).extend((c["top"], c["bottom"]))
        for k, ys in per.items():
            out[k].append(Piece(i, min(ys), max(ys)))
    return out


def anchor_columns(pieces: list[list[Piece]], tol: float) -> list[int]:
    """The largest set of columns whose pieces stand at the same heights (ties: the set with more lines)."""
    sets: list[list[int]] = []
    for k, col in enumerate(pieces):
        for group in sets:
            ref = pieces[group[0]]
            if len(ref) == len(col) and all(abs(a.top - b.top) <= tol for a, b in zip(ref, col, strict=True)):
                group.append(k)
                break
        else:
            sets.append([k])
    best = max(sets, key=lambda g: (len(g), len(pieces[g[0]])))
    return best if len(best) >= DEFAULT_ANCHOR_MIN_COLS else []


Target = tuple[int, int]
"""First and last row a cell is set around (one row, or rows a category label spans)."""
Band = tuple[float, float]
Rows = tuple[list[list[TextRow]], list[tuple[TextRow, list[int]]]]
"""Lines grouped into rows, and the first column's labels set around several rows with the rows they span."""
State = tuple[float, int, tuple[int, Target] | None]
"""(cost so far, start of the last cell, previous (end, target) state)."""


@dataclass(frozen=True, slots=True)
class Layout:
    """What a column's cells are set around: the anchor rows, and how."""

    bands: list[Band]
    """Each row's anchor band (top of its anchor lines, bottom of them)."""
    inner: list[float]
    """Rules across the table: no cell reaches over one."""
    height: float
    """The table's line height."""
    extent: list[Band] | None = None
    """Each row's band widened to every line placed in it; given, cells may span rows (centred on their
    extent), and a partition leaving fewer rows uncovered wins."""

    @property
    def tol(self) -> float:
        return DEFAULT_ANCHOR_TOL * self.height

    def band(self, target: Target) -> Band:
        bands = self.extent if self.extent is not None and target[0] != target[1] else self.bands
        return bands[target[0]][0], bands[target[1]][1]


def fit(cell: list[Piece], band: Band) -> float:
    """How far the cell's centre is from the band's."""
    return abs((cell[0].top + max(p.bottom for p in cell)) - (band[0] + band[1])) / 2


def allowed(piece: Piece, layout: Layout, target: Target) -> bool:
    """The piece can be a line of a cell set around the target rows: it overlaps their band or lies in the
    gap next to it, no rule runs between it and the band, and (one row) it is level with no other row's
    anchor line (:func:`level_row`)."""
    top, bottom = layout.band(target)
    bands = layout.extent or layout.bands
    above = bands[target[0] - 1][1] if target[0] > 0 else -math.inf
    below = bands[target[1] + 1][0] if target[1] + 1 < len(bands) else math.inf
    near = (piece.top < bottom and top < piece.bottom) or above <= piece.top < piece.bottom <= top \
        or bottom <= piece.top < piece.bottom <= below
    lo, hi = sorted(((piece.top + piece.bottom) / 2, (top + bottom) / 2))
    return near and not any(lo < y < hi for y in layout.inner) \
        and (layout.extent is not None or level_row(piece, layout) in (None, target[0]))


def level_row(piece: Piece, layout: Layout) -> int | None:
    """The row whose anchor line the piece stands level with: a cell of one row never reaches the next
    row's anchor line (in a row of a cell wrapped over k lines, the next anchor line is k lines away)."""
    return next((r for r, band in enumerate(layout.bands) if abs(piece.top - band[0]) <= layout.tol
                 and abs(piece.bottom - band[1]) <= layout.tol), None)


def cell_cost(cell: list[Piece], layout: Layout, target: Target) -> float | None:
    """The cell's distance from being set around the target (a span of rows: centred on their extent), or
    None when it cannot be: too far, beyond the rows next to it, or lines further apart than one cell's."""
    gap = DEFAULT_CELL_GAP * layout.height
    band = layout.band(target)
    if any(b.top - a.bottom > gap and not straddles(a, b, band, gap) for a, b in itertools.pairwise(cell)) \
            or not all(allowed(p, layout, target) for p in cell):
        return None
    cost = fit(cell, band)
    return cost + DEFAULT_SPAN_COST * layout.tol * (target[1] - target[0]) if cost <= layout.tol else None


def straddles(upper: Piece, lower: Piece, band: Band, gap: float) -> bool:
    """Two lines of one cell set around its row's anchor line, that line standing between them (a label
    wrapped over two lines, centred on a row of one line: 常住人口 / （万人） above and below the values)."""
    between = upper.bottom <= band[0] and band[1] <= lower.top
    return between and lower.top - upper.bottom <= band[1] - band[0] + 2 * gap


def uncovered(layout: Layout, after: int, before: int) -> float:
    """The cost of rows left without a cell between two cells (in a span partition only)."""
    return layout.tol * max(0, before - after - 1) if layout.extent is not None else 0.0


def partition(col: list[Piece], layout: Layout) -> list[Target] | None:
    """The target rows of each piece of one column: consecutive pieces make one cell, cells in row order,
    each set around its target (one row; with the layout's extent, a span of rows too); the partition
    nearest to that (with spans: the one leaving fewest rows without a cell, a label centred over its rows
    spanning them all), or None when none fits."""
    n_rows = len(layout.bands)
    gap = DEFAULT_CELL_GAP * layout.height
    near = [set(near_rows(p, layout.bands)) for p in col]
    best: dict[int, dict[Target, State]] = {0: {(-1, -1): (0.0, 0, None)}}
    for j in range(1, len(col) + 1):
        states: dict[Target, State] = {}
        rows = near[j - 1]
        for i in range(j - 1, -1, -1):
            rows = rows & near[i]
            if (i < j - 1 and col[i + 1].top - col[i].bottom > gap
                    and not any(straddles(col[i], col[i + 1], b, gap) for b in layout.bands)) \
                    or not (rows or layout.extent):
                break  # lines of one cell are set close together, around one row
            for target in targets_of(col[i:j], rows, layout):
                cost = cell_cost(col[i:j], layout, target)
                prev = [(c + uncovered(layout, last[1], target[0]), last)
                        for last, (c, _, _) in best[i].items() if last[1] < target[0]]
                if cost is not None and prev:
                    c, last = min(prev)
                    if target not in states or c + cost < states[target][0]:
                        states[target] = (c + cost, i, (i, last))
        best[j] = states
    ends = {k: s[0] + uncovered(layout, k[1], n_rows) for k, s in best[len(col)].items()}
    return backtrack(best, len(col), min(ends, key=lambda k: ends[k])) if ends else None


def targets_of(cell: list[Piece], rows: set[int], layout: Layout) -> list[Target]:
    """The rows a cell could be set around: ``rows``, those each of its lines overlaps or stands next to
    (:func:`near_rows`), and, with the layout's extent, the spans of rows whose extent is centred on it."""
    out = [(r, r) for r in sorted(rows)]
    if layout.extent is not None:
        out += centred_spans(cell, layout.extent, layout.tol)
    return out


def near_rows(piece: Piece, bands: list[Band]) -> list[int]:
    """The rows whose band the piece overlaps, else the two either side of the gap it stands in."""
    over = [r for r, (top, bottom) in enumerate(bands) if piece.top < bottom and top < piece.bottom]
    if over:
        return over
    after = bisect.bisect_left([top for top, _ in bands], piece.bottom)
    return [r for r in (after - 1, after) if 0 <= r < len(bands)]


def centred_spans(cell: list[Piece], extent: list[Band], tol: float) -> list[Target]:
    """Spans of two rows or more whose whole extent is centred on the cell (within ``tol``)."""
    twice = cell[0].top + max(p.bottom for p in cell)
    bottoms = [bottom for _, bottom in extent]
    out = []
    for a, (top, _) in enumerate(extent):
        need = twice - top
        b = bisect.bisect_left(bottoms, need - tol)
        if top > cell[0].top + tol or b >= len(extent):
            continue
        out += [(a, k) for k in (b, b + 1) if a < k < len(extent) and abs(bottoms[k] - need) <= tol]
    return out


def backtrack(best: dict[int, dict[Target, State]], n: int, k: Target) -> list[Target]:
    """The targets of pieces 0..n-1 on the cheapest path ending in ``k``, read back through each state's
    previous one; only the start state (piece 0) has none, so a state after it without one is a broken table
    (raised, not asserted: an assert vanishes under ``python -O`` and leaves a TypeError on unpacking)."""
    out: list[Target] = []
    j = n
    while j > 0:
        _, i, prev = best[j][k]
        out = [k] * (j - i) + out
        if prev is None:
            raise RuntimeError(f"anchor path broken: state {k} at piece {j} has no previous state")
        j, k = prev
    return out


def anchor_bands(pieces: list[list[Piece]], anchors: list[int]) -> list[Band]:
    return [(min(pieces[k][r].top for k in anchors), max(pieces[k][r].bottom for k in anchors))
            for r in range(len(pieces[anchors[0]]))]


def anchor_rows(lines: list[TextRow], edges: list[float], inner: list[float]) -> Rows | None:
    """The lines grouped into rows by the anchor columns, and the first column's labels set around several
    rows with the rows they span; None when the table has no anchor columns or some column's cells cannot be
    centred on its rows."""
    if len(lines) < 2 or len(edges) < 3:
        return None
    height = statistics.median(r.bottom - r.top for r in lines)
    pieces = column_pieces(lines, edges)
    anchors = anchor_columns(pieces, DEFAULT_ANCHOR_TOL * height)
    if not anchors:
        return None
    layout = Layout(anchor_bands(pieces, anchors), inner, height)
    placed = place_columns(pieces, layout, anchors)
    return None if placed is None else split_rows(lines, edges, pieces, placed, len(layout.bands))


def place_columns(pieces: list[list[Piece]], layout: Layout,
                  anchors: list[int]) -> dict[int, list[Target] | None] | None:
    """Each column's pieces placed in rows; the first column with its labels spanning rows where that leaves
    fewer rows without a label, unless it labels the rows one by one (:func:`labels_rows`): then each of its
    lines stands level with a row, or the table is not read by its anchors (a line beside no anchor line is
    a row of its own, a section label; or a wrapped name in a table whose rows the gaps tell apart)."""
    placed = {k: partition(col, layout) for k, col in enumerate(pieces) if col}
    if any(v is None for k, v in placed.items() if k > 0):
        return None
    if 0 in placed and labels_rows(pieces[0], layout):
        return placed if all(level_row(p, layout) is not None for p in pieces[0]) else None
    if 0 in placed and 0 not in anchors:
        extent = Layout(layout.bands, layout.inner, layout.height, row_extents(pieces, placed, layout.bands))
        placed[0] = partition(pieces[0], extent) or placed[0]
    return placed if placed.get(0, []) is not None else None


def labels_rows(col: list[Piece], layout: Layout) -> bool:
    """The column has a line level with most rows' anchor lines (:data:`DEFAULT_ROW_LABELS`): it names the
    rows one by one (years, item names), and a line of it beside no anchor line is a row of its own (a section
    label, ``Actual`` over the years), never a label spanning rows."""
    level = {level_row(p, layout) for p in col} - {None}
    return len(level) >= DEFAULT_ROW_LABELS * len(layout.bands)


def row_extents(pieces: list[list[Piece]], placed: dict[int, list[Target] | None],
                bands: list[Band]) -> list[Band]:
    """Each row's band widened to every line placed in it (a wrapped cell's lines above and below)."""
    out = list(bands)
    for k, targets in placed.items():
        for piece, (r, _) in zip(pieces[k], targets or [], strict=False):
            out[r] = (min(out[r][0], piece.top), max(out[r][1], piece.bottom))
    return out


def split_rows(lines: list[TextRow], edges: list[float], pieces: list[list[Piece]],
               placed: dict[int, list[Target] | None], n_rows: int) -> Rows:
    """Each line's characters to the row its pieces were placed in (a line holding a category label set
    around two rows and a wrapped cell's line of one row is cut in two)."""
    per_line: dict[int, dict[Target, list[int]]] = {}  # line -> target -> its columns placed there
    for k, targets in placed.items():
        for piece, target in zip(pieces[k], targets or [], strict=True):
            per_line.setdefault(piece.line, {}).setdefault(target, []).append(k)
    groups: list[list[TextRow]] = [[] for _ in range(n_rows)]
    spanning: list[tuple[TextRow, list[int]]] = []
    for i, line in enumerate(lines):
        by_target = per_line.get(i, {})
        for target, cols in by_target.items():
            part = line if len(by_target) == 1 else cut_line(line, edges, set(cols))
            if target[0] == target[1]:
                groups[target[0]].append(part)
            else:
                spanning.append((part, list(range(target[0], target[1] + 1))))
    return groups, spanning


def column_index(x: float, edges: list[float]) -> int:
    return max(0, min(sum(1 for e in edges[1:-1] if e <= x), len(edges) - 2))


def cut_line(line: TextRow, edges: list[float], cols: set[int]) -> TextRow:
    """The part of a line in the given columns (its words cut to it)."""
    def keep(c: Char) -> bool:
        return column_index((c["x0"] + c["x1"]) / 2, edges) in cols

    words = [kept for w in line.words if (kept := [c for c in w if keep(c)])]
    return TextRow([c for c in line.chars if keep(c)], line.overprinted, words)
