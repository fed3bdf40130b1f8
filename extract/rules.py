"""Ruling segments: drawn lines, rectangle edges and thin filled rectangles, merged into clean rules.

Word processors draw one table border as many pieces (one per cell side, sometimes twice, sometimes as a thin
filled rectangle, sometimes as a double line).  Here they become one horizontal or vertical segment per visual
rule: parallel pieces within ``snap_tolerance`` share a position, and collinear pieces separated by at most
``join_tolerance`` are joined.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from policy_extract.core.geometry import BBox, round_bbox
from policy_extract.core.model import Rule

from .lines import color_hex
from .settings import ExtractSettings

Orientation = Literal["h", "v"]


@dataclass(frozen=True, slots=True)
class Segment:
    """An axis-parallel segment: ``pos`` is y for horizontal, x for vertical; ``start < end`` along it."""

    orient: Orientation
    pos: float
    start: float
    end: float
    color: str | None = None

    @property
    def length(self) -> float:
        return self.end - self.start

    def bbox(self) -> tuple[float, float, float, float]:
        if self.orient == "h":
            return (self.start, self.pos, self.end, self.pos)
        return (self.pos, self.start, self.pos, self.end)


def segment_between(x0: float, y0: float, x1: float, y1: float, color: str | None,
                    settings: ExtractSettings) -> Segment | None:
    """The axis-parallel segment from one point to another; None for diagonals and specks."""
    dx, dy = abs(x1 - x0), abs(y1 - y0)
    if dy <= settings.max_rule_thickness and dx >= settings.min_rule_length and dx > dy:
        return Segment("h", (y0 + y1) / 2, min(x0, x1), max(x0, x1), color)
    if dx <= settings.max_rule_thickness and dy >= settings.min_rule_length and dy > dx:
        return Segment("v", (x0 + x1) / 2, min(y0, y1), max(y0, y1), color)
    return None


def segments_from_line(obj: dict[str, Any], settings: ExtractSettings) -> list[Segment]:
    color = color_hex(obj.get("stroking_color"))
    seg = segment_between(obj["x0"], obj["top"], obj["x1"], obj["bottom"], color, settings)
    return [seg] if seg else []


def segments_from_rect(obj: dict[str, Any], settings: ExtractSettings) -> list[Segment]:
    """A thin rectangle is one rule; a stroked box gives its four sides; a filled area (shading) none."""
    x0, top, x1, bottom = obj["x0"], obj["top"], obj["x1"], obj["bottom"]
    thin = min(x1 - x0, bottom - top) <= settings.max_rule_thickness
    if thin and (obj.get("fill") or obj.get("stroke")):
        color = color_hex(obj.get("non_stroking_color" if obj.get("fill") else "stroking_color"))
        if bottom - top <= x1 - x0:
            seg = segment_between(x0, (top + bottom) / 2, x1, (top + bottom) / 2, color, settings)
        else:
            seg = segment_between((x0 + x1) / 2, top, (x0 + x1) / 2, bottom, color, settings)
        return [seg] if seg else []
    if not obj.get("stroke"):
        return []
    color = color_hex(obj.get("stroking_color"))
    sides = ((x0, top, x1, top), (x0, bottom, x1, bottom), (x0, top, x0, bottom), (x1, top, x1, bottom))
    return [s for s in (segment_between(*side, color, settings) for side in sides) if s]


def segments_from_curve(obj: dict[str, Any], settings: ExtractSettings) -> list[Segment]:
    """Axis-parallel straight pieces of a stroked path (some producers draw whole grids as one path)."""
    if not obj.get("stroke"):
        return []
    color = color_hex(obj.get("stroking_color"))
    pts = obj.get("pts") or []
    out = []
    for (ax, ay), (bx, by) in itertools.pairwise(pts):
        seg = segment_between(ax, ay, bx, by, color, settings)
        if seg:
            out.append(seg)
    return out


def raw_segments(lines: Iterable[dict[str, Any]], rects: list[dict[str, Any]],
                 curves: list[dict[str, Any]], settings: ExtractSettings,
                 images: Iterable[dict[str, Any]] = (), shaded: bool = False) -> list[Segment]:
    """Segments of the page's drawn objects, less the white ones drawn on no coloured area (invisible).
    ``images`` are the page's raster image boxes (coloured areas too); ``shaded`` says the page paints a
    shading (``sh``) whose extent is not known here, so that every white rule may be on it."""
    out: list[Segment] = []
    for obj in lines:
        out += segments_from_line(obj, settings)
    for obj in rects:
        out += segments_from_rect(obj, settings)
    for obj in curves:
        out += segments_from_curve(obj, settings)
    whites = [s for s in out if s.color == WHITE]
    if not whites or shaded:
        return out
    seen = seen_whites(whites, coloured_areas(rects + curves, settings) + list(images))
    return [s for s in out if s.color != WHITE or id(s) in seen]


WHITE = "#ffffff"


def coloured_areas(objs: list[dict[str, Any]], settings: ExtractSettings) -> list[dict[str, Any]]:
    """Filled rectangles and shapes of a colour other than white (a pattern's too), wider and taller than
    a rule."""
    return [r for r in objs if r.get("fill") and color_hex(r.get("non_stroking_color")) != WHITE
            and min(r["x1"] - r["x0"], r["bottom"] - r["top"]) > settings.max_rule_thickness]


DEFAULT_FILL_REACH = 3.0
"""A white rule this close to a coloured area (a filled rectangle or shape, an image; pt) is seen: it parts
the area or edges it (a table's white border along its shaded header)."""


def on_fill(seg: Segment, fills: list[dict[str, Any]]) -> bool:
    """Some part of the segment's length lies on or beside a coloured area (a long white column rule
    crosses shaded and unshaded rows of a banded table)."""
    box = seg.bbox()
    return any(within_reach(box, (r["x0"], r["top"], r["x1"], r["bottom"])) for r in fills)


def touching(a: Segment, b: Segment) -> bool:
    """The two segments meet or come within the fill reach of each other."""
    return within_reach(a.bbox(), b.bbox())


def within_reach(a: BBox, b: BBox, reach: float = DEFAULT_FILL_REACH) -> bool:
    """Boxes ``a`` and ``b`` overlap or come within ``reach`` of each other."""
    return b[0] - reach <= a[2] and a[0] <= b[2] + reach and b[1] - reach <= a[3] and a[1] <= b[3] + reach


def seen_whites(whites: list[Segment], fills: list[dict[str, Any]]) -> set[int]:
    """Ids of the white segments that are seen: those on or beside a coloured area, and those touching a
    seen one (a white grid over a banded table stays whole where it crosses an unshaded row)."""
    todo = [s for s in whites if on_fill(s, fills)]
    seen = {id(s) for s in todo}
    rest = [s for s in whites if id(s) not in seen]
    while todo and rest:
        kept = todo.pop()
        found = [s for s in rest if touching(s, kept)]
        if found:
            seen.update(id(s) for s in found)
            todo += found
            rest = [s for s in rest if id(s) not in seen]
    return seen


def snap_positions(segs: list[Segment], tolerance: float) -> list[list[Segment]]:
    """Parallel segments grouped by position: neighbours within ``tolerance`` chain into one group."""
    groups: list[list[Segment]] = []
    for seg in sorted(segs, key=lambda s: s.pos):
        if groups and seg.pos - groups[-1][-1].pos <= tolerance:
            groups[-1].append(seg)
        else:
            groups.append([seg])
    return groups


def join_collinear(group: list[Segment], settings: ExtractSettings) -> list[Segment]:
    """Collinear pieces at one position joined across small gaps; position = mean of the pieces."""
    pos = sum(s.pos for s in group) / len(group)
    merged: list[Segment] = []
    for seg in sorted(group, key=lambda s: s.start):
        if merged and seg.start <= merged[-1].end + settings.join_tolerance:
            last = merged[-1]
            end = max(last.end, seg.end)
            merged[-1] = Segment(last.orient, pos, last.start, end, last.color or seg.color)
        else:
            merged.append(Segment(seg.orient, pos, seg.start, seg.end, seg.color))
    return merged


def merge_segments(segs: list[Segment], settings: ExtractSettings) -> list[Segment]:
    """One segment per visual rule, horizontals first (top to bottom), then verticals (left to right)."""
    out: list[Segment] = []
    for orient in ("h", "v"):
        same = [s for s in segs if s.orient == orient]
        for group in snap_positions(same, settings.snap_tolerance):
            out += [s for s in join_collinear(group, settings) if s.length >= settings.min_rule_length]
    return out


def page_segments(page: Any, settings: ExtractSettings) -> list[Segment]:
    """Merged rules of a pdfplumber page (its images and a shading in its resources tell where white
    rules are seen)."""
    resources = getattr(getattr(page, "page_obj", None), "resources", None)
    shaded = isinstance(resources, dict) and "Shading" in resources
    images = getattr(page, "images", ())
    segs = raw_segments(page.lines, page.rects, page.curves, settings, images, shaded)
    return merge_segments(segs, settings)


def to_rules(segs: Iterable[Segment], page_number: int) -> list[Rule]:
    return [Rule(page=page_number, bbox=round_bbox(s.bbox()), color=s.color) for s in segs]
