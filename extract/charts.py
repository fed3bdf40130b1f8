"""Charts drawn as vector paths: their axis labels, tick values and legends are no table.

A bar or line chart prints its value and category labels in columns and rows like a table's, and a text
column set beside the chart continues those rows, so the space-aligned finder takes labels and prose together
for a table.  The chart's geometry tells it apart: an axis is a rule carrying tick marks, short rules at
right angles to it that touch it, at least :data:`DEFAULT_MIN_TICKS` of them evenly spaced.  A ruled
table's rules cross the whole table; a tick stops within an em of its axis.

:func:`chart_areas` finds the plot areas (the extent of the axes that carry ticks, with the rules touching
them: the plot's frame); :func:`chart_labels` says which characters are printed on or around one.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from policy_extract.core.model import BBox

from .lines import Char, is_blank
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
DEFAULT_LABEL_MARGIN_EM = 3.0
"""Text whose centre is within this many em of a plot area is its labels (tick values, axis titles,
legend, data labels)."""
DEFAULT_TITLE_MARGIN_EM = 2.0
"""Text whose centre is within this many em of those labels is the axis titles beyond them."""


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
    axes = [s for s in segs if is_axis(s, segs)]
    areas: list[BBox] = []
    for axis in axes:
        parts = [axis, *(s for s in segs if s.length > DEFAULT_MAX_TICK and touches(axis, s))]
        boxes = [s.bbox() for s in parts]
        areas.append((min(b[0] for b in boxes), min(b[1] for b in boxes),
                      max(b[2] for b in boxes), max(b[3] for b in boxes)))
    return merge_boxes(areas)


def merge_boxes(boxes: list[BBox]) -> list[BBox]:
    """Overlapping boxes joined into one, until none overlap."""
    out: list[BBox] = []
    for box in boxes:
        while (hit := next((o for o in out if overlap(o, box)), None)) is not None:
            out.remove(hit)
            box = (min(box[0], hit[0]), min(box[1], hit[1]), max(box[2], hit[2]), max(box[3], hit[3]))
        out.append(box)
    return out


def overlap(a: BBox, b: BBox) -> bool:
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
    out: set[int] = set()
    for area in areas:
        first = [c for c in shown if near_area(c, area, DEFAULT_LABEL_MARGIN_EM)]
        grown = (min([area[0], *(c["x0"] for c in first)]), min([area[1], *(c["top"] for c in first)]),
                 max([area[2], *(c["x1"] for c in first)]), max([area[3], *(c["bottom"] for c in first)]))
        out |= {id(c) for c in first} | {id(c) for c in shown if near_area(c, grown, DEFAULT_TITLE_MARGIN_EM)}
    return out
