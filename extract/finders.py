"""What a table finder is: one small class that looks at a page and claims the tables it finds.

Finders run in the order ``ExtractSettings.table_finders`` names them (:mod:`.registry`), each on what the
ones before it left: the characters no table holds yet, and the text lines built from them.  A finder that
works on characters (ruled grids) claims characters; one that works on lines (space-aligned columns) claims
lines.  What no finder claims is the page's running text.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Set
from dataclasses import dataclass, field

from policy_extract.core.model import BBox, Frame, RawTable

from .lattice import Grid
from .lines import Char, TextRow, char_rows, is_blank
from .rules import Segment
from .settings import ExtractSettings


@dataclass(slots=True)
class PageTables:
    """One page as the finders see it, and what they have found on it so far."""

    number: int
    chars: list[Char]
    """Characters no finder has claimed yet."""
    grids: list[Grid]
    """Ruled grids of more than one cell that are not frames (tables or decoration)."""
    settings: ExtractSettings
    tables: list[RawTable] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    """Boxes a finder recognised as not a table (a closed grid with text in one cell)."""
    loose_rules: list[Segment] = field(default_factory=list)
    """Horizontal rules joined to no vertical rule (three-line tables, rules under rows, separators)."""
    boxes: list[BBox] = field(default_factory=list)
    """Boxes holding one cell: frames, and boxes a page break left open at the top or bottom."""
    plots: list[BBox] = field(default_factory=list)
    """Ruled areas a finder recognised as a chart's plot (gridlines, bars): text around them is its axes."""
    segments: list[Segment] = field(default_factory=list)
    """Every ruling segment of the page (a diagram's boxes are told from a table's cells by them)."""
    charts: list[BBox] = field(default_factory=list)
    """Plot areas of the page's charts, by their tick axes (:func:`.charts.chart_areas`) or their drawn data
    (bars, lines), overlapping ones merged: text around them is their labels."""
    running: Set[str] = frozenset()
    """Keys (:func:`.hrules.running_key`) of the lines printed in the top margin band of the pages read before
    this one: a line above a table's continuation with one of these texts is the page's running header."""
    _rows: list[TextRow] | None = None

    def rows(self) -> list[TextRow]:
        """The unclaimed characters as text lines, top to bottom (built once, then narrowed by claims)."""
        if self._rows is None:
            self._rows = char_rows(self.chars, self.settings)
        return self._rows

    def keep_chars(self, rest: list[Char]) -> None:
        """A character finder claimed all but ``rest``."""
        self.chars = rest
        self._rows = None

    def split_rows(self, parts: dict[int, list[TextRow]]) -> None:
        """Lines cut in pieces (``id`` of a line -> its pieces, left to right): each piece a line of its own
        (a chart's labels and the prose printed level with them beside the chart)."""
        self._rows = [p for r in self.rows() for p in parts.get(id(r), [r])]

    def claim_rows(self, used: list[TextRow]) -> None:
        """A line finder claimed these lines (and their characters)."""
        gone = {id(r) for r in used}
        self._rows = [r for r in self.rows() if id(r) not in gone]
        claimed = {id(c) for r in used for c in r.chars}
        self.chars = [c for c in self.chars if id(c) not in claimed]


def with_typed_spaces(part: list[Char], row: TextRow) -> list[Char]:
    """``part`` (characters of one cell taken from ``row``'s words) with the row's blank glyphs printed
    between two of them: a typed space inside a cell.  The word splitter drops blanks, and a proportional
    font's space is narrower than the gap that reads as a space without one (“Median household income”)."""
    if not part:
        return part
    x0 = min(c["x0"] for c in part)
    x1 = max(c["x1"] for c in part)
    inside = [c for c in row.chars if is_blank(c) and x0 < (c["x0"] + c["x1"]) / 2 < x1]
    return part + inside if inside else part


class TableFinder(ABC):
    """A way of finding tables on a page; registered by name in :data:`.registry.TABLE_FINDERS`."""

    @abstractmethod
    def find(self, page: PageTables) -> None:
        """Add the tables found to ``page.tables`` and claim what they hold from ``page``."""
