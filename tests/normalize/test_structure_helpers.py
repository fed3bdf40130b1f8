"""Shared builders for the structure tests: an A4 page with a GB/T 9704 text column (left 80, right 521)."""

from __future__ import annotations

from policy_extract.core.model import Line, PageContent

LEFT, RIGHT, CW, PITCH = 80.0, 521.0, 16.0, 29.0


def body(
    text: str, row: int, page: int = 1, indent: bool = False, end: float | None = None, font: str = "FangSong"
) -> Line:
    """A 16 pt body line on text row ``row`` (0-based), full width unless ``end`` is given."""
    x0 = LEFT + (2 * CW if indent else 0)
    top = 112 + row * PITCH
    return Line(text, page, (x0, top, end if end is not None else RIGHT, top + 16), font, 16.0, char_width=CW)


def centered(text: str, row: int, page: int = 1, size: float = 16.0, color: str | None = "#000000") -> Line:
    half = len(text) * size / 2
    mid = (LEFT + RIGHT) / 2
    top = 112 + row * PITCH
    return Line(text, page, (mid - half, top, mid + half, top + size), "XBS", size, True, color, size)


def page(number: int, lines: list[Line]) -> PageContent:
    return PageContent(number, 595.0, 842.0, lines=lines)


def filler(page_no: int, rows: range) -> list[Line]:
    """Ordinary full-width body lines so that the column edges can be measured."""
    return [body("正文内容正文内容正文内容正文内容正文内容正文内容正文内", r, page_no) for r in rows]
