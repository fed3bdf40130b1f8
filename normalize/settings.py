"""The normalize stages' settings, apart from the stages: the command line's settings load them before any
page, and the batch parent builds them without importing the document model or the vocabulary (issue 18: the
parent's start-up shares the cores with its workers)."""

from __future__ import annotations

from dataclasses import dataclass

from .layout import LayoutSettings

__all__ = ["LayoutSettings", "ParagraphSettings"]

DEFAULT_INDENT_MIN = 1.2
"""First-line indent, in characters: GB/T 9704 indents ``vocabulary.FIRST_LINE_INDENT_CHARS`` (2); allow for
rounding and justification."""
DEFAULT_INDENT_MAX = 3.6
DEFAULT_SHORT_LINE = 1.5
"""A line ending this many characters before the right margin ends its paragraph."""
DEFAULT_GAP_RATIO = 1.6
"""A step between line tops larger than this many line pitches is a blank line: a new block."""
DEFAULT_SIZE_CHANGE = 0.1


@dataclass(frozen=True, slots=True)
class ParagraphSettings:
    indent_min: float = DEFAULT_INDENT_MIN
    indent_max: float = DEFAULT_INDENT_MAX
    short_line: float = DEFAULT_SHORT_LINE
    gap_ratio: float = DEFAULT_GAP_RATIO
    size_change: float = DEFAULT_SIZE_CHANGE

    def __post_init__(self) -> None:
        if not 0 < self.indent_min < self.indent_max:
            raise ValueError("need 0 < indent_min < indent_max")
        if self.short_line <= 0 or self.gap_ratio <= 1 or self.size_change <= 0:
            raise ValueError("short_line, size_change must be > 0 and gap_ratio > 1")
