"""Closed boxes around text that are not multi-cell grids.

These are 专栏 sidebars drawn as paragraph borders or as 1×1 tables; their text stays in the page lines.
"""

from __future__ import annotations

from policy_extract.core.geometry import round_bbox
from policy_extract.core.model import Frame

from .lattice import Grid


def is_frame(grid: Grid) -> bool:
    """A box ruled on all four sides that encloses a single cell."""
    return grid.closed and len(grid.cells) == 1


def frames_from_grids(grids: list[Grid], page_number: int) -> list[Frame]:
    """Frames top to bottom (the caller decides elsewhere which grids are tables)."""
    boxes = [Frame(page=page_number, bbox=round_bbox(g.bbox)) for g in grids if is_frame(g)]
    return sorted(boxes, key=lambda f: (f.bbox[1], f.bbox[0]))
