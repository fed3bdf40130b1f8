"""Diagrams are no tables: text printed in boxes each closed on its own, apart from one another.

A flowchart or a tree chart prints every step in a box of its own (square or rounded), leaves white space
between neighbouring boxes and joins them with arrows, connector or bracket lines.  Its text lines up in
columns and the connectors join the boxes' rules into one group, so both the grid and the space-aligned
finders take it for a table.  Its geometry says otherwise: around the text of each box runs an outline of
its own (four rules that stop at the box's corners, :func:`own_box`), and the outlines of different boxes
are apart by a gap.
A ruled table's cells share their rules: a cell's rules run on past its corners into the next cell, and two
neighbouring cells meet at one rule (or at a double rule's two lines, closer than :data:`DEFAULT_MIN_GAP_EM`).

:func:`is_diagram` decides on the text boxes of a candidate's filled cells; :func:`diagram_grid` and
:func:`drop_diagrams` apply it to ruled grids and to space-aligned tables.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence

from policy_extract.core.geometry import contains, union_bbox
from policy_extract.core.model import BBox, RawTable

from .finders import PageTables
from .lattice import Grid
from .lines import Char, TextRow, char_rows, is_blank, split_words
from .rules import Segment
from .settings import ExtractSettings

DEFAULT_REACH_EM = 12.0
"""A box side is looked for up to this many em from its text (boxes are wider than their centred text, and
a line of a box holding several is far from one of its sides)."""
DEFAULT_MIN_GAP_EM = 0.5
"""Two outlines closer than this (em) share a border: a table's double rules, or cells drawn with a little
border spacing; a diagram leaves room for its connectors between boxes."""
DEFAULT_BOXED_SHARE = 0.5
"""At least this share of a candidate's filled cells sit in boxes of their own (the rest: labels on arrows,
notes beside the boxes)."""
DEFAULT_MIN_BOXES = 2
DEFAULT_CORNER_EM = 2.0
"""A rounded corner's radius is at most this many em (a side of a box stops that short of its corner)."""


def _spans(seg: Segment, lo: float, hi: float) -> bool:
    """The rule passes the middle of ``[lo, hi]`` (a rounded corner leaves text near a box's side bare)."""
    return seg.start <= (lo + hi) / 2 <= seg.end


def _nearest(segs: Sequence[Segment], orient: str, lo: float, hi: float, span: tuple[float, float],
             below: bool) -> Segment | None:
    """The closest rule of ``orient`` placed in ``[lo, hi]`` that passes ``span``'s middle."""
    found = [s for s in segs if s.orient == orient and lo <= s.pos <= hi and _spans(s, *span)]
    if not found:
        return None
    return min(found, key=lambda s: s.pos) if below else max(found, key=lambda s: s.pos)


def own_box(text: BBox, segs: Sequence[Segment], em: float, tol: float) -> BBox | None:
    """The outline closed around ``text`` by four rules that are its own, or None.

    The nearest rule above, below, left and right level with the text's middle.  They close an outline when
    each reaches its two corners (short by at most a rounded corner, :func:`corner_of`); it is the text's own
    when the two across, or the two down, stop there.  A cell of a table with several rows and columns has
    rules running on past its corners both ways: they belong to the larger grid.  A box's sides may run on
    one way, where a connector carries them on (an arrow set in line with a side)."""
    x0, top, x1, bottom = text
    reach = DEFAULT_REACH_EM * em
    above = _nearest(segs, "h", top - reach, top + tol, (x0, x1), below=False)
    under = _nearest(segs, "h", bottom - tol, bottom + reach, (x0, x1), below=True)
    left = _nearest(segs, "v", x0 - reach, x0 + tol, (top, bottom), below=False)
    right = _nearest(segs, "v", x1 - tol, x1 + reach, (top, bottom), below=True)
    if above is None or under is None or left is None or right is None:
        return None
    box = (left.pos, above.pos, right.pos, under.pos)
    corner = corner_of(box, em) + tol
    if not all(s.start <= lo + corner and s.end >= hi - corner
               for s, lo, hi in ((above, box[0], box[2]), (under, box[0], box[2]),
                                 (left, box[1], box[3]), (right, box[1], box[3]))):
        return None
    across = all(s.start >= box[0] - tol and s.end <= box[2] + tol for s in (above, under))
    down = all(s.start >= box[1] - tol and s.end <= box[3] + tol for s in (left, right))
    return box if across or down else None


def corner_of(box: BBox, em: float) -> float:
    """How far short of a corner a side of a closed outline may stop: a rounded corner's radius, at most
    :data:`DEFAULT_CORNER_EM` and half the box's smaller side."""
    return min(DEFAULT_CORNER_EM * em, (box[2] - box[0]) / 2, (box[3] - box[1]) / 2)


def apart(a: BBox, b: BBox, gap: float) -> bool:
    """The two outlines are separated by at least ``gap`` across or down (no core helper: a clearance, not
    an overlap test; outlines exactly ``gap`` apart count as apart)."""
    return a[2] + gap <= b[0] or b[2] + gap <= a[0] or a[3] + gap <= b[1] or b[3] + gap <= a[1]


def is_diagram(texts: Sequence[BBox], segs: Sequence[Segment], em: float, settings: ExtractSettings) -> bool:
    """Text boxes (one per filled cell of a candidate table) that sit, for the most part, in outlines of their
    own: boxes of a diagram, not cells of a table, when there are several outlines, every two apart by a gap.
    One outline will do when text stands outside it and in no cell next to it
    (:func:`stands_outside`: notes beside a box, ouc p.5).  Text outside merely is not enough: a ruled
    table's merged cell spanning the grid's height has rules stopping at its corners, an outline of its own,
    and its neighbours' words sit outside it, in cells closed by the table's rules running on past it."""
    if len(texts) < DEFAULT_MIN_BOXES:
        return False
    tol = max(settings.snap_tolerance, settings.join_tolerance)
    boxes: list[BBox | None] = []
    unboxed, allowed = 0, (1 - DEFAULT_BOXED_SHARE) * len(texts)
    for t in texts:  # a table's words mostly have no outline of their own: stop once too many lack one
        boxes.append(box := own_box(t, segs, em, tol))
        unboxed += box is None
        if unboxed > allowed:
            return False
    boxed = [b for b in boxes if b is not None]  # at least DEFAULT_BOXED_SHARE of them: the loop saw to it
    found = set(boxed)
    if len(found) == 1:
        return any(b is None and stands_outside(t, boxed[0], segs, tol)
                   for t, b in zip(texts, boxes, strict=True))
    gap = DEFAULT_MIN_GAP_EM * em
    return all(apart(a, b, gap) for a, b in itertools.combinations(found, 2))


def stands_outside(text: BBox, box: BBox, segs: Sequence[Segment], tol: float) -> bool:
    """``text`` lies outside the outline ``box`` and not in a cell next to it: the outline's two sides
    reaching towards the text stop at its corners.  A ruled table's cell beside the outline (a merged cell
    over all the grid's rows, its rules stopping at its corners, its neighbours' words outside it) is closed
    by the table's rules running on past the outline's corners; a note beside a box (ouc p.5, notes on a
    bracket whose scan keeps no rule of it) faces the box's side alone."""
    if contains(box, text):
        return False
    x0, top, x1, bottom = text
    if x0 >= box[2] - tol or x1 <= box[0] + tol:
        orient, ends, side = "h", (box[1], box[3]), box[2] if x0 >= box[2] - tol else box[0]
        beyond = x0 >= box[2] - tol
    elif top >= box[3] - tol or bottom <= box[1] + tol:
        orient, ends, side = "v", (box[0], box[2]), box[3] if top >= box[3] - tol else box[1]
        beyond = top >= box[3] - tol
    else:
        return True
    return not any(s.orient == orient and min(abs(s.pos - e) for e in ends) <= tol
                   and s.start - tol <= side <= s.end + tol
                   and (s.end > side + tol if beyond else s.start < side - tol) for s in segs)


def text_box(chars: Sequence[Char]) -> BBox | None:
    """Bounding box of the printed (non-blank) characters, or None."""
    shown = [c for c in chars if not is_blank(c)]
    if not shown:
        return None
    return union_bbox((c["x0"], c["top"], c["x1"], c["bottom"]) for c in shown)


def em_of(chars: Sequence[Char]) -> float:
    """The median size of the printed characters (10 pt when none is printed)."""
    return median_em([c["size"] for c in chars if not is_blank(c)])


def median_em(sizes: Sequence[float]) -> float:
    """The median of ``sizes``, 10 pt for none."""
    return statistics.median(sizes) if sizes else 10.0


def diagram_grid(grid: Grid, chars: Sequence[Char], settings: ExtractSettings) -> bool:
    """A ruled grid (rules joined by connectors) whose words are the text of a diagram's boxes.  Words, not
    the grid's cells: where a scan's connectors run on in line with the boxes' sides, the cells flooded
    between them hold several boxes' text."""
    from .cells import locate  # cells imports the finders, which this module's callers load first

    x0, top, x1, bottom = grid.bbox
    inside = [c for c in chars if x0 <= (cx := (c["x0"] + c["x1"]) / 2) <= x1
              and top <= (cy := (c["top"] + c["bottom"]) / 2) <= bottom and locate(grid, cx, cy) is not None]
    texts = [b for row in char_rows(inside, settings) for w in split_words(row, settings)
             if (b := text_box(w)) is not None]
    return is_diagram(texts, grid.segments, em_of(inside), settings)


def table_is_diagram(table: RawTable, segs: Sequence[Segment], settings: ExtractSettings) -> bool:
    """A table found by the text's alignment whose filled cells are boxes of a diagram."""
    texts = []
    sizes = []
    for cell in table.cells:
        if cell.lines:
            texts.append(union_bbox(ln.bbox for ln in cell.lines))
            sizes += [ln.size or (ln.bbox[3] - ln.bbox[1]) for ln in cell.lines]
    return is_diagram(texts, segs, median_em(sizes), settings)


def drop_diagrams(tables: list[RawTable], used: list[TextRow],
                  page: PageTables) -> tuple[list[RawTable], list[TextRow]]:
    """The space-aligned tables that are no diagram, and the rows they hold (a diagram's rows stay text)."""
    gone = [t for t in tables if table_is_diagram(t, page.segments, page.settings)]
    ids = {id(t) for t in gone}
    if not gone:
        return tables, used

    def in_gone(row: TextRow) -> bool:
        """The row's middle within a dropped table's height, its span over the table's (touching is not)."""
        mid = (row.top + row.bottom) / 2
        return any(t.bbox[1] <= mid <= t.bbox[3] and row.x0 < t.bbox[2] and row.x1 > t.bbox[0] for t in gone)

    return [t for t in tables if id(t) not in ids], [r for r in used if not in_gone(r)]


def split_at_boxes(rows: list[TextRow], segs: Sequence[Segment], settings: ExtractSettings) -> list[TextRow]:
    """The page's text lines with every line cut where it passes from one diagram box into another: text on
    the two sides of a box's own outline (:func:`own_box`) is two boxes' text, never one line."""
    verticals = [s for s in segs if s.orient == "v"]
    if not verticals:
        return rows
    return [part for row in rows for part in split_row(row, verticals, segs, settings)]


def split_row(row: TextRow, verticals: Sequence[Segment], segs: Sequence[Segment],
              settings: ExtractSettings) -> list[TextRow]:
    """``row`` cut at the vertical rules between two of its characters that are a side of a box of its own."""
    mid = (row.top + row.bottom) / 2
    tol = max(settings.snap_tolerance, settings.join_tolerance)
    cuts = [i for i, (a, b) in enumerate(itertools.pairwise(row.chars), 1)
            if any(a["x1"] - tol <= v.pos <= b["x0"] + tol and v.start <= mid <= v.end for v in verticals)]
    if not cuts:
        return [row]
    parts = [row.chars[i:j] for i, j in itertools.pairwise([0, *cuts, len(row.chars)])]
    em = em_of(row.chars)
    kept = [parts[0]]
    for part in parts[1:]:
        before, after = text_box(kept[-1]), text_box(part)
        boxes = [own_box(b, segs, em, tol) if b is not None else None for b in (before, after)]
        if before is None or after is None or boxes[0] == boxes[1]:
            kept[-1] = kept[-1] + part
        else:
            kept.append(part)
    if len(kept) == 1:
        return [row]
    return [TextRow(chars, row.overprinted if i == 0 else 0) for i, chars in enumerate(kept)]
