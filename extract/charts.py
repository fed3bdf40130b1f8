"""Charts drawn as vector paths: their axis labels, tick values and legends are no table.

A bar or line chart prints its value and category labels in columns and rows like a table's, and a text
column set beside the chart continues those rows, so the space-aligned finder takes labels and prose together
for a table.  The chart's geometry tells it apart: an axis is a rule carrying tick marks, short rules at
right angles to it that touch it, at least :data:`DEFAULT_MIN_TICKS` of them evenly spaced.  A ruled
table's rules cross the whole table; a tick stops within an em of its axis.

:func:`chart_areas` finds the plot areas (the extent of the axes that carry ticks, with the rules touching
them: the plot's frame); :func:`chart_labels` says which characters are printed on or around one.

A chart drawn without tick marks (an office suite's default: no value axis, no ticks) still draws its data:
bars are filled rectangles standing on one base line, of one width, apart from one another and of different
lengths (:func:`bar_areas`; a table's shaded cells abut, and a row of them has one height), and lines are
stroked paths with slanted pieces (:func:`polyline_areas`; a table's rules are level or upright).
:func:`drawn_chart_areas` reads both from a page's drawn paths.

The labels are no running text either: :func:`chart_text` says which of them are printed in the chart's own
label type (a caption or body text set close to the chart is larger), and the page marks their lines
(``Line.chart``), which normalize keeps out of the paragraphs.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from policy_extract.core.geometry import BBox, union_bbox

from .lines import Char, color_hex, is_blank
from .rules import Segment

DEFAULT_MAX_TICK = 6.0
"""A tick mark is at most this long (pt): a few points either side of its axis."""
DEFAULT_MIN_TICKS = 3
"""An axis carries at least this many tick marks..."""
DEFAULT_TICK_EVEN = 0.1
"""...spaced evenly: each step within this share of their mean step."""
DEFAULT_TOUCH = 1.0
"""A tick's end is this close to its axis (pt)."""
DEFAULT_MIN_AXIS_TICKS = 2.0
"""An axis is at least this many tick lengths long (a table's short rules are not ticks of a cell side)."""
DEFAULT_MIN_BARS = 3
"""A bar chart draws at least this many bars on one base line."""
DEFAULT_BAR_SIDE = 3.5
"""A bar is wider and longer than this (pt): thinner is a rule (a thick one drawn as a filled box)."""
DEFAULT_BAR_EVEN = 0.1
"""Bars of one series are one width within this share."""
DEFAULT_BAR_GAP = 0.3
"""Somewhere between the bars is a gap of at least this share of a bar's width (grouped bars touch within a
group; a table's shaded cells abut everywhere)."""
DEFAULT_SLANT = 2.0
"""A slanted piece runs at least this far (pt) both across and down."""
DEFAULT_MIN_SLANTS = 2
"""A data line has at least this many slanted pieces."""
DEFAULT_LABEL_MARGIN_EM = 3.0
"""Text whose centre is within this many em of a plot area is its labels (tick values, axis titles,
legend, data labels)."""
DEFAULT_TITLE_MARGIN_EM = 2.0
"""Text whose centre is within this many em of those labels is the axis titles beyond them."""
DEFAULT_GRID_SPAN = 3.0
"""A chart's gridlines are at most this many times as long as the data they cross (they reach half a
category beyond the first and the last)."""
DEFAULT_LABEL_NEAR_EM = 1.5
"""Text whose centre is on a plot area or within this many em of it is surely its labels (tick values next
to the axis, data labels on the bars): their type is the chart's label type."""
DEFAULT_LABEL_TYPE_RATIO = 1.2
"""A chart's own text is printed no larger than this many times its label type: an axis title a little
larger than the tick values (10.5 over 9 pt) is the chart's; body text and a 图1 caption are larger still, and
so is a line of 10 pt over labels of 8 pt (1.25 times), which stays text."""


def ticks_of(axis: Segment, segs: Sequence[Segment]) -> list[Segment]:
    """Short rules at right angles to ``axis`` with an end on it, inside its span."""
    cross = "v" if axis.orient == "h" else "h"
    return [s for s in segs if s.orient == cross and s.length <= DEFAULT_MAX_TICK
            and axis.start - DEFAULT_TOUCH <= s.pos <= axis.end + DEFAULT_TOUCH
            and (abs(s.start - axis.pos) <= DEFAULT_TOUCH or abs(s.end - axis.pos) <= DEFAULT_TOUCH)]


def evenly_spaced(positions: Sequence[float]) -> bool:
    """At least :data:`DEFAULT_MIN_TICKS` positions whose steps are equal within :data:`DEFAULT_TICK_EVEN`."""
    xs = sorted(set(round(p, 1) for p in positions))
    if len(xs) < DEFAULT_MIN_TICKS:
        return False
    steps = [b - a for a, b in itertools.pairwise(xs)]
    mean = sum(steps) / len(steps)
    return mean > DEFAULT_MAX_TICK and max(steps) - min(steps) <= DEFAULT_TICK_EVEN * mean


def is_axis(seg: Segment, segs: Sequence[Segment]) -> bool:
    """A rule carrying evenly spaced tick marks (:func:`ticks_of`)."""
    if seg.length < DEFAULT_MIN_AXIS_TICKS * DEFAULT_MAX_TICK:
        return False
    return evenly_spaced([t.pos for t in ticks_of(seg, segs)])


def touches(a: Segment, b: Segment) -> bool:
    """Two rules that meet (within :data:`DEFAULT_TOUCH`): the sides of one frame."""
    ax0, ay0, ax1, ay1 = a.bbox()
    bx0, by0, bx1, by1 = b.bbox()
    t = DEFAULT_TOUCH
    return ax0 - t <= bx1 and bx0 - t <= ax1 and ay0 - t <= by1 and by0 - t <= ay1


def chart_areas(segs: Sequence[Segment]) -> list[BBox]:
    """Plot areas of the page's charts: each axis that carries ticks, with the long rules it meets (the
    plot's frame and its other axes), as one box; boxes that overlap are one chart."""
    short = [s for s in segs if s.length <= DEFAULT_MAX_TICK]  # the only candidates for ticks
    if len(short) < DEFAULT_MIN_TICKS:
        return []
    axes = [s for s in segs if is_axis(s, short)]
    areas: list[BBox] = []
    for axis in axes:
        parts = [axis, *(s for s in segs if s.length > DEFAULT_MAX_TICK and touches(axis, s))]
        areas.append(union_bbox(s.bbox() for s in parts))
    return merge_boxes(areas)


def merge_boxes(boxes: list[BBox]) -> list[BBox]:
    """Overlapping boxes joined into one, until none overlap."""
    out: list[BBox] = []
    for box in boxes:
        while (hit := next((o for o in out if overlap(o, box)), None)) is not None:
            out.remove(hit)
            box = union_bbox((box, hit))
        out.append(box)
    return out


def overlap(a: BBox, b: BBox) -> bool:
    """Boxes that overlap or touch: a chart's axis ends on its frame's side, so two plot boxes that share an
    edge are one chart.  (:func:`.hrules.overlaps` asks for a real overlap: cells side by side share a rule
    and are still two.)"""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def char_em(ch: Char) -> float:
    """The character's size, or its box's larger side (a glyph of a rotated axis title reports its advance
    along the baseline as its size)."""
    return max(ch["size"], ch["x1"] - ch["x0"], ch["bottom"] - ch["top"])


def near_area(ch: Char, area: BBox, margin_em: float) -> bool:
    """The character's centre lies within ``margin_em`` of its own size around ``area``."""
    pad = margin_em * char_em(ch)
    cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
    return area[0] - pad <= cx <= area[2] + pad and area[1] - pad <= cy <= area[3] + pad


def chart_labels(chars: Sequence[Char], areas: Sequence[BBox]) -> set[int]:
    """``id`` of every printed character that is a label of one of the charts: within
    :data:`DEFAULT_LABEL_MARGIN_EM` of its plot area (tick values, data labels, legend), or within
    :data:`DEFAULT_TITLE_MARGIN_EM` of those labels (an axis title beyond its tick values)."""
    shown = [c for c in chars if not is_blank(c)]
    return {i for area in areas for i in labels_around(shown, area, DEFAULT_TITLE_MARGIN_EM)}


def labels_around(chars: Sequence[Char], area: BBox, outer_em: float) -> set[int]:
    """``id`` of the characters within :data:`DEFAULT_LABEL_MARGIN_EM` of ``area``, and of those within
    ``outer_em`` of the area grown over them (the ring beyond the labels: axis titles, a legend)."""
    first = [c for c in chars if near_area(c, area, DEFAULT_LABEL_MARGIN_EM)]
    grown = union_bbox([area, *map(_box, first)])
    return {id(c) for c in first} | {id(c) for c in chars if near_area(c, grown, outer_em)}


def label_em(shown: Sequence[Char], area: BBox) -> float | None:
    """The type a chart labels its plot in: the median :func:`char_em` of the characters on the plot area
    or within :data:`DEFAULT_LABEL_NEAR_EM` of it (tick values, data labels); None for a chart with none."""
    ems = sorted(char_em(c) for c in shown if near_area(c, area, DEFAULT_LABEL_NEAR_EM))
    return ems[len(ems) // 2] if ems else None


def chart_text(chars: Sequence[Char], areas: Sequence[BBox]) -> set[int]:
    """``id`` of every character printed as a chart's own text, which is no running text: in the chart's
    label type (no larger than :data:`DEFAULT_LABEL_TYPE_RATIO` times :func:`label_em`; body text and a
    caption set close above or under the chart are larger), within :data:`DEFAULT_LABEL_MARGIN_EM` of its
    plot area, or of those labels (a legend under the year labels, an axis title beyond the tick values).
    The table finders leave all of :func:`chart_labels` alone; only this text leaves the paragraphs."""
    shown = [c for c in chars if not is_blank(c)]
    out: set[int] = set()
    for area in areas:
        em = label_em(shown, area)
        if em is None:
            continue
        typed = [c for c in shown if char_em(c) <= DEFAULT_LABEL_TYPE_RATIO * em]
        out |= labels_around(typed, area, DEFAULT_LABEL_MARGIN_EM)
    return out


def _box(obj: dict[str, Any]) -> BBox:
    return (obj["x0"], obj["top"], obj["x1"], obj["bottom"])


def is_bar(obj: dict[str, Any]) -> bool:
    """A filled rectangle in a colour other than white, wider and longer than a rule."""
    return bool(obj.get("fill")) and color_hex(obj.get("non_stroking_color")) != "#ffffff" \
        and min(obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]) > DEFAULT_BAR_SIDE


def bar_run(boxes: list[BBox], across: int) -> bool:
    """Boxes on one base line are bars: at least :data:`DEFAULT_MIN_BARS`, one width along the base (index
    ``across`` of the box: 0 for upright bars, 1 for bars lying down), not overlapping, apart somewhere by
    :data:`DEFAULT_BAR_GAP` of a width, and not all one length."""
    if len(boxes) < DEFAULT_MIN_BARS:
        return False
    boxes = sorted(boxes, key=lambda b: b[across])
    widths = [b[across + 2] - b[across] for b in boxes]
    lengths = {round(b[3 - across] - b[1 - across], 1) for b in boxes}
    gaps = [b[across] - a[across + 2] for a, b in itertools.pairwise(boxes)]
    return max(widths) - min(widths) <= DEFAULT_BAR_EVEN * max(widths) and min(gaps) >= -DEFAULT_TOUCH \
        and max(gaps) >= DEFAULT_BAR_GAP * min(widths) and len(lengths) > 1


def bar_areas(rects: Sequence[dict[str, Any]], chars: Sequence[Char] = ()) -> list[BBox]:
    """Extents of the runs of bars (:func:`bar_run`) standing on one base line: upright bars share their
    bottom, bars lying down their left edge.  A filled box with text printed in it is a shaded cell."""
    boxes = [_box(r) for r in rects if is_bar(r)]
    out: list[BBox] = []
    for base, across in ((3, 0), (0, 1)):
        runs: dict[float, list[BBox]] = {}
        for b in boxes:
            runs.setdefault(round(b[base]), []).append(b)
        for run in runs.values():
            if bar_run(run, across) and bar_run(bare := without_text(run, chars), across):
                out.append(union_bbox(bare))
    return out


def without_text(boxes: list[BBox], chars: Sequence[Char]) -> list[BBox]:
    """The boxes no printed character's centre lies in."""
    x0, top, x1, bottom = union_bbox(boxes)
    inked = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2) for c in chars
             if x0 < c["x1"] and c["x0"] < x1 and top < c["bottom"] and c["top"] < bottom and not is_blank(c)]
    return [b for b in boxes if not any(b[0] < x < b[2] and b[1] < y < b[3] for x, y in inked)]


def polyline_areas(curves: Sequence[dict[str, Any]]) -> list[BBox]:
    """Extents of the stroked paths running left to right with at least :data:`DEFAULT_MIN_SLANTS` slanted
    pieces: a data line (a box's rounded corners turn back)."""
    out = []
    for c in curves:
        pts = c.get("pts") or []
        slants = sum(1 for (ax, ay), (bx, by) in itertools.pairwise(pts)
                     if abs(bx - ax) > DEFAULT_SLANT and abs(by - ay) > DEFAULT_SLANT)
        xs = [x for x, _ in pts]
        if c.get("stroke") and not c.get("fill") and slants >= DEFAULT_MIN_SLANTS \
                and all(a < b for a, b in itertools.pairwise(xs)):
            out.append(_box(c))
    return out


def drawn_chart_areas(rects: Sequence[dict[str, Any]], curves: Sequence[dict[str, Any]],
                      chars: Sequence[Char] = ()) -> list[BBox]:
    """Plot areas told by the data a chart draws: its bars (no text inside them) and its lines."""
    return merge_boxes(bar_areas(rects, chars) + polyline_areas(curves))


def with_gridlines(area: BBox, segs: Sequence[Segment]) -> BBox:
    """``area`` (a chart told by its data) grown over its gridlines: rules across the whole of it, of one
    span, evenly spaced (:func:`even_runs`), one of them within a step of the data.  The value scale runs
    beyond the data (to 450 over bars up to 390, down to 0 under a data line between 3 and 6), and its tick
    values with it.  Level rules for upright bars and lines, upright ones for bars lying down."""
    for orient, lo, hi in (("h", 0, 2), ("v", 1, 3)):
        spans: dict[tuple[float, float], list[float]] = {}
        for s in segs:
            across = s.start <= area[lo] + DEFAULT_TOUCH and s.end >= area[hi] - DEFAULT_TOUCH
            if s.orient == orient and across and s.length <= DEFAULT_GRID_SPAN * (area[hi] - area[lo]):
                spans.setdefault((round(s.start), round(s.end)), []).append(s.pos)
        for (start, end), pos in spans.items():
            for run in even_runs(pos):
                step = (run[-1] - run[0]) / (len(run) - 1)
                if any(area[1 - lo] - step <= p <= area[3 - lo] + step for p in run):
                    grid = (start, run[0], end, run[-1]) if orient == "h" else (run[0], start, run[-1], end)
                    area = union_bbox((area, grid))
    return area


def even_runs(positions: Sequence[float]) -> list[list[float]]:
    """The positions cut into runs of one step (:func:`evenly_spaced`): two charts one above the other
    have gridlines of one span, a gap between their scales."""
    xs = sorted(set(round(p, 1) for p in positions))
    runs: list[list[float]] = []
    for x in xs:
        run = runs[-1] if runs else []
        if len(run) >= 2 and abs((x - run[-1]) - (run[1] - run[0])) > DEFAULT_TICK_EVEN * (run[1] - run[0]):
            runs.append([run[-1], x])
        elif run:
            run.append(x)
        else:
            runs.append([x])
    return [r for r in runs if evenly_spaced(r)]


def page_drawings(page: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A page source's filled and stroked paths as pdfplumber gives them (rectangles, curves): the pdfium
    source's ``paths``, pdfminer's ``plumber`` page; none for a page that has neither (OCR)."""
    paths = getattr(page, "paths", None)
    if isinstance(paths, dict):
        return paths.get("rect", []), paths.get("curve", [])
    plumber = getattr(page, "plumber", None)
    if plumber is not None:
        return plumber.rects, plumber.curves
    return [], []
