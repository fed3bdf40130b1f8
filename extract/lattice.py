"""Ruled grids → cells with row/column spans.

For each group of rules that touch one another: the x edges are the vertical rules' positions plus the
horizontal rules' outer extent (so a missing left/right border still closes the grid), the y edges likewise.
Between two neighbouring elementary cells there is a boundary where a rule covers most of the shared side;
elementary cells not separated by a boundary are flooded into one cell, which gives rowspan/colspan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .rules import Segment
from .settings import ExtractSettings


@dataclass(slots=True)
class GridCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    bbox: tuple[float, float, float, float]


@dataclass(slots=True)
class Grid:
    """One connected group of rules resolved into edges and (possibly merged) cells."""

    xs: list[float]
    ys: list[float]
    cells: list[GridCell]
    segments: list[Segment]
    closed: bool
    """All four outer sides are ruled (a box can only be a frame if it is closed)."""
    irregular: int = 0
    """Flooded regions that were not rectangles (reported, spanned by their bounding box)."""
    cell_index: dict[tuple[int, int], int] = field(default_factory=dict)
    outside_chars: int = 0
    """Characters printed in the grid's rows but in none of its cells (set by ``cells.split_chars``)."""

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1


class UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def touches(h: Segment, v: Segment, tol: float) -> bool:
    return h.start - tol <= v.pos <= h.end + tol and v.start - tol <= h.pos <= v.end + tol


def connected_groups(segs: list[Segment], settings: ExtractSettings) -> list[list[Segment]]:
    """Rules that cross or meet (within the join tolerance), as groups; lone rules are their own group."""
    hs = [i for i, s in enumerate(segs) if s.orient == "h"]
    vs = [i for i, s in enumerate(segs) if s.orient == "v"]
    uf = UnionFind(len(segs))
    tol = settings.join_tolerance
    for i in hs:
        for j in vs:
            if touches(segs[i], segs[j], tol):
                uf.union(i, j)
    groups: dict[int, list[Segment]] = {}
    for i, seg in enumerate(segs):
        groups.setdefault(uf.find(i), []).append(seg)
    return sorted(groups.values(), key=lambda g: (min(s.start if s.orient == "v" else s.pos for s in g)))


def cluster_edges(values: list[float], min_gap: float) -> list[float]:
    """Sorted edge positions with near-duplicates (closer than ``min_gap``) averaged into one."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] < min_gap:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) / len(c) for c in out]


def covered(segs: list[Segment], pos: float, lo: float, hi: float, settings: ExtractSettings) -> float:
    """Share of ``[lo, hi]`` at ``pos`` drawn by the given parallel segments."""
    total = 0.0
    for s in segs:
        if abs(s.pos - pos) <= settings.snap_tolerance + settings.min_cell_size / 2:
            total += max(0.0, min(hi, s.end) - max(lo, s.start))
    return total / (hi - lo) if hi > lo else 1.0


def grid_from_group(group: list[Segment], settings: ExtractSettings) -> Grid | None:
    """The grid drawn by one group of rules, or None when it encloses no area (a lone rule, an L)."""
    hs = [s for s in group if s.orient == "h"]
    vs = [s for s in group if s.orient == "v"]
    if not hs or not vs:
        return None
    x_lo, x_hi = min(s.start for s in hs), max(s.end for s in hs)
    y_lo, y_hi = min(s.start for s in vs), max(s.end for s in vs)
    xs = cluster_edges([s.pos for s in vs] + [x_lo, x_hi], settings.min_cell_size)
    ys = cluster_edges([s.pos for s in hs] + [y_lo, y_hi], settings.min_cell_size)
    if len(xs) < 2 or len(ys) < 2:
        return None
    closed = all(
        covered(segs, pos, lo, hi, settings) >= settings.edge_coverage
        for segs, pos, lo, hi in ((vs, xs[0], ys[0], ys[-1]), (vs, xs[-1], ys[0], ys[-1]),
                                  (hs, ys[0], xs[0], xs[-1]), (hs, ys[-1], xs[0], xs[-1]))
    )
    grid = Grid(xs, ys, [], group, closed)
    flood_cells(grid, hs, vs, settings)
    return grid


def flood_cells(grid: Grid, hs: list[Segment], vs: list[Segment], settings: ExtractSettings) -> None:
    """Fill ``grid.cells``: elementary cells joined wherever no rule separates them."""
    n_rows, n_cols = grid.n_rows, grid.n_cols
    uf = UnionFind(n_rows * n_cols)
    xs, ys, need = grid.xs, grid.ys, settings.edge_coverage
    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols and covered(vs, xs[c + 1], ys[r], ys[r + 1], settings) < need:
                uf.union(r * n_cols + c, r * n_cols + c + 1)
            if r + 1 < n_rows and covered(hs, ys[r + 1], xs[c], xs[c + 1], settings) < need:
                uf.union(r * n_cols + c, (r + 1) * n_cols + c)
    regions: dict[int, list[tuple[int, int]]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            regions.setdefault(uf.find(r * n_cols + c), []).append((r, c))
    for members in regions.values():
        r0, r1 = min(m[0] for m in members), max(m[0] for m in members)
        c0, c1 = min(m[1] for m in members), max(m[1] for m in members)
        if len(members) != (r1 - r0 + 1) * (c1 - c0 + 1):
            grid.irregular += 1
        bbox = (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1])
        grid.cells.append(GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, bbox))
    grid.cells.sort(key=lambda g: (g.row, g.col))
    order = {id(cell): i for i, cell in enumerate(grid.cells)}
    grid.cell_index = {rc: order[id(cell)] for rc, cell in _cells_by_position(grid).items()}


def _cells_by_position(grid: Grid) -> dict[tuple[int, int], GridCell]:
    """Every elementary position mapped to the (spanning) cell that covers it."""
    out: dict[tuple[int, int], GridCell] = {}
    for cell in grid.cells:
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                out.setdefault((r, c), cell)
    return out


DEFAULT_SHARED_ROWS = 3
"""Two grids side by side whose row edges all coincide, over at least this many rows, are one table whose
rules across the column between them were not drawn (or not kept): the gap is one more column."""


def same_rows(a: Grid, b: Grid, settings: ExtractSettings) -> bool:
    """``b`` stands right of ``a`` with the same row edges (:data:`DEFAULT_SHARED_ROWS`)."""
    return (len(a.ys) == len(b.ys) > DEFAULT_SHARED_ROWS and b.xs[0] > a.xs[-1]
            and all(abs(ya - yb) <= settings.snap_tolerance for ya, yb in zip(a.ys, b.ys, strict=True)))


def bridged(grids: list[Grid], settings: ExtractSettings,
            joinable: Callable[[Grid, Grid], bool]) -> list[Grid]:
    """Grids side by side on the same rows joined into one, their rules carried across the gap, where
    ``joinable(left, right)`` says the gap is a column of the table (the caller looks at the text)."""
    out = sorted(grids, key=lambda g: g.xs[0])
    i = 0
    while i < len(out):
        right = next((g for g in out if g is not out[i] and same_rows(out[i], g, settings)
                      and not any(h is not out[i] and out[i].xs[-1] < h.xs[0] < g.xs[0] for h in out)
                      and joinable(out[i], g)), None)
        if right is None:
            i += 1
            continue
        left = out[i]
        across = [Segment("h", y, left.xs[-1], right.xs[0]) for y in left.ys]
        joined = grid_from_group(left.segments + right.segments + across, settings)
        if joined is None:
            i += 1
            continue
        out[i] = joined
        out.remove(right)
    return out


def find_grids(segs: list[Segment], settings: ExtractSettings) -> list[Grid]:
    """Every ruled grid on a page (including 1×1 boxes, which the caller may treat as frames)."""
    grids = [grid_from_group(g, settings) for g in connected_groups(segs, settings)]
    return [g for g in grids if g is not None]
