"""Page geometry shared by every stage: boxes in PDF points, top-left origin.

One place for the box arithmetic that ``extract`` (characters, rules, OCR pixels) and ``normalize`` (lines,
cells, frames) both do, so rounding and union behave the same wherever a box is made.  Imports nothing of
the project: this is part of the ground floor.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

BBox = tuple[float, float, float, float]
"""``(x0, top, x1, bottom)`` in PDF points, top-left origin."""


def round_bbox(bbox: tuple[float, ...] | list[float]) -> BBox:
    """Round to 0.01 pt so that output is byte-stable across platforms and reruns."""
    x0, y0, x1, y1 = (round(float(v), 2) + 0.0 for v in bbox)
    return (x0, y0, x1, y1)


def union_bbox(boxes: Iterable[BBox]) -> BBox:
    """The smallest box holding all of ``boxes`` (at least one)."""
    boxes = list(boxes)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def points_bbox(points: Sequence[Sequence[float]]) -> BBox:
    """The axis-parallel box around a polygon's corner points (an OCR detector's quadrilateral)."""
    xs = [float(p[0]) for p in points]
    ys = [float(p[1]) for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def grow(box: BBox, margin: float) -> BBox:
    """``box`` widened by ``margin`` on every side (negative shrinks it)."""
    return (box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin)


def contains(outer: BBox, inner: BBox) -> bool:
    """Whether ``inner`` lies wholly inside ``outer`` (edges may touch)."""
    return outer[0] <= inner[0] and inner[2] <= outer[2] and outer[1] <= inner[1] and inner[3] <= outer[3]
