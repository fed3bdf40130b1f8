"""Small page builders shared by the extract tests of tables (``test_anchor_rows.py``, ``test_hrules.py``):
characters of a line of text, horizontal rules and a table's cells as text.  Imported by name (pytest puts
this folder on ``sys.path``), as ``tests/batch_helpers.py`` is for the batch tests."""

from __future__ import annotations

from typing import Any

from policy_extract.extract.rules import Segment


def text(s: str, x0: float, top: float, size: float = 10.0) -> list[dict[str, Any]]:
    """The characters of ``s`` set one ``size`` apart from ``x0`` on a line whose top is ``top``."""
    return [{"text": ch, "x0": x0 + i * size, "x1": x0 + (i + 1) * size, "top": top, "bottom": top + size,
             "size": size, "fontname": "ABCDEF+SimSun", "non_stroking_color": (0, 0, 0)}
            for i, ch in enumerate(s)]


def h(y: float, x0: float = 50.0, x1: float = 450.0) -> Segment:
    """A horizontal rule at ``y`` from ``x0`` to ``x1``."""
    return Segment("h", y, x0, x1)


def cells(table: Any) -> dict[tuple[int, int], str]:
    """A table's cells as (row, col) → their text."""
    return {(c.row, c.col): "".join(ln.text for ln in c.lines) for c in table.cells}


def cells_with_spans(table: Any) -> dict[tuple[int, int], tuple[str, int]]:
    """A table's cells as (row, col) → (their text, rows spanned)."""
    return {(c.row, c.col): ("".join(ln.text for ln in c.lines), c.rowspan) for c in table.cells}
