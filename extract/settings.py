"""Tunable thresholds of the extract stage, in one validated dataclass."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_SNAP_TOLERANCE = 2.5
"""Parallel rules closer than this (pt) are one rule: double lines, borders drawn twice by adjacent cells."""
DEFAULT_JOIN_TOLERANCE = 4.0
"""Collinear rule pieces separated by a gap up to this (pt) are joined (cell borders drawn per cell)."""
DEFAULT_MAX_RULE_THICKNESS = 3.0
"""A filled rectangle thinner than this (pt) is drawn as a line, not an area."""
DEFAULT_MIN_RULE_LENGTH = 2.0
DEFAULT_MIN_CELL_SIZE = 3.0
"""Grid edges closer than this (pt) collapse into one edge: no printed cell is that small."""
DEFAULT_EDGE_COVERAGE = 0.6
"""Share of an elementary cell side a rule must cover to count as a cell boundary."""
DEFAULT_LINE_TOLERANCE = 0.45
"""Characters whose vertical centres differ by less than this many font sizes share a line."""
DEFAULT_LATIN_SPACE_EM = 0.5
"""A gap of this many em between Latin/digit runs is a printed space."""
DEFAULT_CJK_SPACE_EM = 1.5
"""A gap this wide next to a CJK character is a printed gap (justified text stays well below it)."""
DEFAULT_WORD_GAP_EM = 1.0
"""Gap (counting blank glyphs) that separates the columns of a space-aligned table."""
DEFAULT_BORDERLESS_MIN_LINES = 3
DEFAULT_BORDERLESS_MIN_GUTTER_EM = 0.8


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    snap_tolerance: float = DEFAULT_SNAP_TOLERANCE
    join_tolerance: float = DEFAULT_JOIN_TOLERANCE
    max_rule_thickness: float = DEFAULT_MAX_RULE_THICKNESS
    min_rule_length: float = DEFAULT_MIN_RULE_LENGTH
    min_cell_size: float = DEFAULT_MIN_CELL_SIZE
    edge_coverage: float = DEFAULT_EDGE_COVERAGE
    line_tolerance: float = DEFAULT_LINE_TOLERANCE
    latin_space_em: float = DEFAULT_LATIN_SPACE_EM
    cjk_space_em: float = DEFAULT_CJK_SPACE_EM
    word_gap_em: float = DEFAULT_WORD_GAP_EM
    borderless: bool = True
    borderless_min_lines: int = DEFAULT_BORDERLESS_MIN_LINES
    borderless_min_gutter_em: float = DEFAULT_BORDERLESS_MIN_GUTTER_EM

    def __post_init__(self) -> None:
        for name in ("snap_tolerance", "join_tolerance", "max_rule_thickness", "min_rule_length",
                     "min_cell_size", "line_tolerance", "latin_space_em", "cjk_space_em", "word_gap_em",
                     "borderless_min_gutter_em"):
            if getattr(self, name) <= 0:
                raise ValueError(f"ExtractSettings.{name} must be > 0, got {getattr(self, name)!r}")
        if not 0 < self.edge_coverage <= 1:
            raise ValueError(f"ExtractSettings.edge_coverage must be in (0, 1], got {self.edge_coverage!r}")
        if self.borderless_min_lines < 2:
            raise ValueError("ExtractSettings.borderless_min_lines must be ≥ 2")
