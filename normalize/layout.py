"""Page furniture and page geometry: running headers/footers and page numbers out, text column measured.

Removal works by position *and* pattern: a line is dropped only when it sits in the top or bottom margin band
of its page and either looks like a page number (``— 21 —``, ``-21-``, ``第 3 页``; the grammar is
:data:`policy_extract.core.vocabulary.PAGE_NUMBER`) or is repeated at the same
place on most pages.  Text elsewhere on the page is never dropped, whatever it says.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: LayoutSettings is read by the settings, which load before any page
    from policy_extract.core.model import Line, PageContent

DEFAULT_MARGIN_BAND = 0.1
"""Fraction of the page height, at top and bottom, where running headers/footers live."""
DEFAULT_REPEAT_RATIO = 0.5
"""A band line whose text (digits masked) recurs on at least this share of pages is a running line."""
DEFAULT_MIN_PAGES_FOR_REPEAT = 3
"""A running line recurs on at least this many pages, or on every page of a shorter (two-page) document."""
DEFAULT_MAX_BAND = 0.15
"""The deepest a margin band may reach on any page (a share of its height)."""
DEFAULT_PAGE_NUMBER_BAND_FACTOR = 1.5
DEFAULT_POSITION_TOLERANCE = 6.0
"""Points: how far a repeated running line may move between pages."""

_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class LayoutSettings:
    margin_band: float = DEFAULT_MARGIN_BAND
    repeat_ratio: float = DEFAULT_REPEAT_RATIO
    min_pages_for_repeat: int = DEFAULT_MIN_PAGES_FOR_REPEAT
    position_tolerance: float = DEFAULT_POSITION_TOLERANCE

    def __post_init__(self) -> None:
        if not 0 < self.margin_band < 0.5:
            raise ValueError(f"margin_band must be in (0, 0.5), got {self.margin_band}")
        if not 0 < self.repeat_ratio <= 1:
            raise ValueError(f"repeat_ratio must be in (0, 1], got {self.repeat_ratio}")
        if self.min_pages_for_repeat < 2:
            raise ValueError("min_pages_for_repeat must be at least 2")
        if self.position_tolerance < 0:
            raise ValueError("position_tolerance must be >= 0")


@dataclass(frozen=True, slots=True)
class Column:
    """The text column of a group of pages of the same size: where body lines start and end."""

    left: float
    right: float
    width: float
    height: float

    @property
    def center(self) -> float:
        return (self.left + self.right) / 2


def _band(line: Line, page: PageContent, band: float, long_side: bool = False) -> str | None:
    """``"top"``/``"bottom"`` when the line lies wholly inside a margin band, else None.

    ``long_side``: the band is measured on the page's longer side, so that a running header printed at the
    same distance from the edge on a landscape page (a wide table turned sideways) lies in it too."""
    if page.height <= 0:
        return None
    depth = band * (max(page.height, page.width) if long_side else page.height)
    depth = min(depth, page.height * DEFAULT_MAX_BAND)
    if line.bbox[3] <= depth:
        return "top"
    if line.bbox[1] >= page.height - depth:
        return "bottom"
    return None


def _repeat_key(line: Line, where: str, page: PageContent) -> tuple[str, str, int]:
    # Digits are masked so that "第 3 页"-style or dated running lines still count as one.
    text = _DIGITS.sub("#", re.sub(r"\s+", "", line.text))
    edge = line.bbox[1] if where == "top" else page.height - line.bbox[3]
    return text, where, round(edge)


def repeated_keys(pages: list[PageContent], settings: LayoutSettings) -> set[tuple[str, str, int]]:
    """Keys of margin-band lines repeated (same text, same place) on most pages.

    A two-page notice carries its running header on both pages: there a line must be on every page."""
    if len(pages) < 2:
        return set()
    counts: Counter[tuple[str, str, int]] = Counter()
    for page in pages:
        seen: set[tuple[str, str, int]] = set()
        for line in page.lines:
            where = _band(line, page, settings.margin_band, long_side=True)
            if where:
                seen.add(_repeat_key(line, where, page))
        counts.update(seen)
    need = max(min(settings.min_pages_for_repeat, len(pages)), settings.repeat_ratio * len(pages))
    return _merge_near_keys(counts, need, settings.position_tolerance)


_Key = tuple[str, str, int]


def _merge_near_keys(counts: Counter[_Key], need: float, tol: float) -> set[_Key]:
    # Positions jitter by a point or two between pages: count keys within the tolerance together.
    keep: set[tuple[str, str, int]] = set()
    for key in counts:
        total = sum(n for k, n in counts.items() if k[:2] == key[:2] and abs(k[2] - key[2]) <= tol)
        if total >= need:
            keep.add(key)
    return keep


def is_page_number(text: str) -> bool:
    """The page-number grammar of the vocabulary, its regexes loaded with the first page, not the settings."""
    from policy_extract.core.vocabulary import is_page_number as page_number

    return page_number(text)


def is_running_line(
    line: Line, page: PageContent, repeated: set[tuple[str, str, int]], settings: LayoutSettings
) -> bool:
    """A page number or repeated header/footer inside the top/bottom band of its page."""
    # Page numbers may sit lower than the band on short (landscape) pages: a wider band for them.
    wide = settings.margin_band * DEFAULT_PAGE_NUMBER_BAND_FACTOR
    if _band(line, page, wide) and is_page_number(line.text):
        return True
    where = _band(line, page, settings.margin_band, long_side=True)
    return where is not None and _repeat_key(line, where, page) in repeated


DEFAULT_STACK_GAP = 0.5
"""A band line at most this many line heights from a running line, printed no larger, is of its block."""
DEFAULT_STACK_SIZE = 1.15
"""...and no more than this many times the running line's height (a body heading is larger)."""


def stacked(a: Line, b: Line) -> bool:
    """``a`` is printed in one block under ``b``: right below it (a line gap under half a line), overlapping
    it across the page, and no larger (a running header's second line, in its small face).  Only below: a
    table's title over a unit line that recurs on each of its pages (``[In thousands]``) is no furniture."""
    ha, hb = a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1]
    gap = a.bbox[1] - b.bbox[3]
    return 0 < ha <= DEFAULT_STACK_SIZE * hb and -ha / 2 < gap <= DEFAULT_STACK_GAP * min(ha, hb) \
        and a.bbox[0] < b.bbox[2] and b.bbox[0] < a.bbox[2]


def with_stacked(lines: list[Line], running: list[bool]) -> list[bool]:
    """``running`` (flags of one page's margin-band lines) spread to the lines stacked with a running one
    (:func:`stacked`): a running header of two lines, the document's title over a section line, whose second
    line names the page's section and so recurs on no other page, is furniture as a whole."""
    flags = list(running)
    grew = any(flags) and not all(flags)
    while grew:
        grew = False
        for i, line in enumerate(lines):
            if not flags[i] and any(f and stacked(line, o) for f, o in zip(flags, lines, strict=True)):
                flags[i] = grew = True
    return flags


def content_lines(
    pages: list[PageContent], settings: LayoutSettings | None = None
) -> tuple[list[Line], list[Line]]:
    """All pages' lines in reading order without running furniture, and the furniture removed."""
    settings = settings or LayoutSettings()
    repeated = repeated_keys(pages, settings)
    kept: list[Line] = []
    dropped: list[Line] = []
    for page in pages:
        lines = [line for line in page.lines if line.text.strip()]
        running = [is_running_line(line, page, repeated, settings) for line in lines]
        if any(running):
            depth = settings.margin_band
            band = [i for i, line in enumerate(lines) if _band(line, page, depth, long_side=True)]
            flags = with_stacked([lines[i] for i in band], [running[i] for i in band])
            for i, flag in zip(band, flags, strict=True):
                running[i] = flag
        for line, flag in zip(lines, running, strict=True):
            (dropped if flag else kept).append(line)
    return kept, dropped


def char_width(line: Line) -> float:
    """Width of one CJK character on this line (the median advance, else the font size)."""
    return line.char_width or line.size or 12.0


def page_columns(pages: list[PageContent], lines: list[Line]) -> dict[int, Column]:
    """Text column per page; pages of the same size and orientation share one measurement."""
    by_size: dict[tuple[int, int], list[int]] = {}
    for page in pages:
        by_size.setdefault((round(page.width), round(page.height)), []).append(page.number)
    sizes = {page.number: (page.width, page.height) for page in pages}
    columns: dict[int, Column] = {}
    for numbers in by_size.values():
        group = [ln for ln in lines if ln.page in numbers]
        width, height = sizes[numbers[0]]
        left, right = _column_edges(group, width)
        for n in numbers:
            columns[n] = Column(left, right, width, height)
    return columns


def _column_edges(lines: list[Line], width: float) -> tuple[float, float]:
    """Left edge = the most common line start (continuation lines); right = a high percentile of ends."""
    if not lines:
        return width * 0.15, width * 0.85
    starts = Counter(round(ln.bbox[0]) for ln in lines)
    top = max(starts.values())
    # Among the frequent starts, the leftmost: indented first lines are frequent too, but sit further right.
    left = float(min(x for x, n in starts.items() if n >= max(2, top * 0.5)) if top >= 2 else min(starts))
    ends = sorted(ln.bbox[2] for ln in lines)
    right = ends[int(0.9 * (len(ends) - 1))]
    return left, max(right, left + 1)


def body_font_size(lines: list[Line]) -> float:
    """The size most characters are printed in (weighted by text length)."""
    sizes: Counter[float] = Counter()
    for ln in lines:
        if ln.size:
            sizes[round(ln.size, 1)] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 12.0


def line_pitch(lines: list[Line]) -> float:
    """Most common distance between the tops of consecutive lines on one page (the body line spacing)."""
    steps: Counter[int] = Counter()
    for a, b in pairwise(lines):
        if a.page == b.page and b.bbox[1] > a.bbox[1]:
            steps[round(b.bbox[1] - a.bbox[1])] += 1
    if not steps:
        return body_font_size(lines) * 1.8
    return float(steps.most_common(1)[0][0])


def is_centered(line: Line, col: Column) -> bool:
    """Centred in the column and clearly not a full-width or left-aligned line."""
    cw = char_width(line)
    mid = (line.bbox[0] + line.bbox[2]) / 2
    # Both sides clear of the margins: an indented full line is near the centre too, but reaches the right.
    clear = line.bbox[0] - col.left > cw and col.right - line.bbox[2] > cw
    return clear and abs(mid - col.center) < 1.5 * cw
