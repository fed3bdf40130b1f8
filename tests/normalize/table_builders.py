"""Build normalized tables by hand for the indicator and duty builder tests."""

from __future__ import annotations

from policy_extract.core.model import Cell, Table


def table(rows: list[list[str]], merges: list[tuple[int, int, int, int]] = (), header_rows: int = 1,
          tid: str = "t1") -> Table:  # fmt: skip
    """A dense grid with merges ``(r0, c0, r1, c1)`` inclusive; text comes from the top-left position."""
    covered: set[tuple[int, int]] = set()
    cells: list[Cell] = []
    spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in merges}
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            rs, cs = spans.get((r, c), (1, 1))
            covered |= {(r + i, c + j) for i in range(rs) for j in range(cs)}
            cells.append(Cell(r, c, rs, cs, text, 1, (0.0, 0.0, 0.0, 0.0), raw=text))
    return Table(tid, "表", [1], len(rows), len(rows[0]), header_rows, cells)
