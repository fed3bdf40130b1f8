"""专栏 sidebars: framed boxes (or 1×1 tables) holding a ``专栏N：title`` line and numbered items.

A box broken by a page break (one frame at the bottom of a page, one at the top of the next, the second
without a 专栏 label) is one sidebar.  Lines inside a sidebar are reported as used so that they never become
paragraphs or headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policy_extract.core.geometry import BBox, union_bbox
from policy_extract.core.model import Frame, Line, RawDocument, Sidebar, SidebarItem, Table
from policy_extract.core.vocabulary import SIDEBAR_LABEL

from .numerals import parse_integer
from .text import join_lines, squash_spaces

DEFAULT_INSIDE_TOLERANCE = 2.0
"""Points a line may stick out of its frame (glyph boxes overhang the border a little)."""

ITEM = re.compile(r"^\s*(?:(\d{1,2})\s*[．.、](?!\d)|[（(]\s*(\d{1,2})\s*[）)])\s*")


@dataclass(slots=True)
class SidebarResult:
    sidebars: list[Sidebar] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    """Indices of the content lines inside sidebar frames."""
    tables: list[Table] = field(default_factory=list)
    """The input tables without the 1×1 专栏 boxes."""


def is_label(text: str) -> bool:
    return bool(SIDEBAR_LABEL.match(text)) and text.strip().startswith("专")


def parse_label(text: str) -> tuple[int | None, str]:
    """``专栏2：质量…`` → ``(2, "质量…")``; ``专栏一：`` → ``(1, "")``."""
    m = SIDEBAR_LABEL.match(text)
    if not m:
        return None, text.strip()
    number = parse_integer(m.group(1)) if m.group(1) else None
    return number, text[m.end() :].strip()


def item_number(text: str) -> int | None:
    m = ITEM.match(text)
    if not m:
        return None
    return int(m.group(1) or m.group(2))


def _centered_in(line: Line, box: BBox | None) -> bool:
    if box is None or line.bbox == (0.0, 0.0, 0.0, 0.0):
        return False
    cw = line.char_width or line.size or 12.0
    mid = (line.bbox[0] + line.bbox[2]) / 2
    return abs(mid - (box[0] + box[2]) / 2) < 1.5 * cw and line.bbox[0] - box[0] > 2 * cw


def _continues_title(line: Line, title: str, box: BBox | None) -> bool:
    """Before the first item: a wrapped title line (centred in the box, or no sentence end) or not."""
    if not title:
        return True
    if box is not None and line.bbox != (0.0, 0.0, 0.0, 0.0):
        return _centered_in(line, box)
    return not re.search(r"[。；;]$", line.text.strip())


def sidebar_content(lines: list[Line], box: BBox | None = None) -> tuple[int | None, str, list[SidebarItem]]:
    """Number, title and numbered items of the lines of one sidebar (label line first)."""
    number, head = parse_label(lines[0].text) if lines else (None, "")
    title_parts = [head] if head else []
    items: list[tuple[int, list[str], int]] = []
    for line in lines[1:]:
        n = item_number(line.text)
        # A number out of sequence is a line that happens to start with digits, not a new item.
        if n is not None and n == (items[-1][0] + 1 if items else n):
            items.append((n, [ITEM.sub("", line.text, count=1).strip()], line.page))
        elif items:
            items[-1][1].append(line.text.strip())
        elif _continues_title(line, "".join(title_parts), box):
            title_parts.append(line.text.strip())
        else:
            items.append((0, [line.text.strip()], line.page))
    title = squash_spaces(join_lines(title_parts))
    return number, title, [SidebarItem(n, join_lines(parts), page) for n, parts, page in items]


def append_content(sidebar: Sidebar, lines: list[Line]) -> None:
    """Continue a sidebar with the lines of its next-page frame: unnumbered lines continue the last item."""
    for line in lines:
        n = item_number(line.text)
        last = sidebar.items[-1] if sidebar.items else None
        if n is not None and (last is None or n == last.n + 1):
            sidebar.items.append(SidebarItem(n, ITEM.sub("", line.text, count=1).strip(), line.page))
        elif last is not None:
            last.text = join_lines([last.text, line.text])
        else:
            sidebar.items.append(SidebarItem(0, line.text.strip(), line.page))


def lines_in(box: BBox, page: int, lines: list[Line], tol: float = DEFAULT_INSIDE_TOLERANCE) -> list[int]:
    """Indices of the lines whose box lies inside ``box`` on ``page``."""
    x0, y0, x1, y1 = box
    # Judged by the start and the vertical middle: justified lines ending in punctuation overhang the right.
    return [
        i
        for i, ln in enumerate(lines)
        if ln.page == page
        and x0 - tol <= ln.bbox[0] < x1
        and ln.bbox[2] <= x1 + 2 * (ln.char_width or ln.size or tol)
        and y0 - tol <= (ln.bbox[1] + ln.bbox[3]) / 2 <= y1 + tol
    ]


def _is_page_start(frame: Frame, inside: set[int], lines: list[Line]) -> bool:
    others = (ln for i, ln in enumerate(lines) if i not in inside and ln.page == frame.page)
    return not any(ln.bbox[3] <= frame.bbox[1] for ln in others)


def _is_page_end(frame: Frame, inside: set[int], lines: list[Line]) -> bool:
    others = (ln for i, ln in enumerate(lines) if i not in inside and ln.page == frame.page)
    return not any(ln.bbox[1] >= frame.bbox[3] for ln in others)


def sidebars_from_frames(frames: list[Frame], lines: list[Line]) -> tuple[list[Sidebar], set[int]]:
    """One sidebar per labelled frame, continued by unlabelled frames at the top of the next page."""
    out: list[Sidebar] = []
    used: set[int] = set()
    last_frame: Frame | None = None
    for frame in sorted(frames, key=lambda f: (f.page, f.bbox[1])):
        idx = lines_in(frame.bbox, frame.page, lines)
        if not idx:
            continue
        texts = [lines[i] for i in idx]
        inside = set(idx)
        if is_label(texts[0].text):
            number, title, items = sidebar_content(texts, frame.bbox)
            out.append(Sidebar("", number, title, None, frame.page, items, [], frame.bbox))
        elif out and last_frame is not None and _continues(last_frame, frame, inside | used, lines):
            append_content(out[-1], texts)
        else:
            last_frame = None
            continue  # a box around ordinary text: its lines stay in the running text
        used |= inside
        last_frame = frame
    return out, used


def _continues(prev: Frame, frame: Frame, inside: set[int], lines: list[Line]) -> bool:
    return (
        frame.page == prev.page + 1
        and _is_page_end(prev, inside, lines)
        and _is_page_start(frame, inside, lines)
    )


def _raw_cell_lines(raw: RawDocument, table: Table) -> tuple[list[Line], BBox | None]:
    """Printed lines of a 1×1 table, from the raw fragment at the same place (geometry kept) if found."""
    if table.bboxes:
        page, box = table.bboxes[0]
        for frag in next((p.tables for p in raw.pages if p.number == page), []):
            if frag.n_rows == 1 and frag.n_cols == 1 and _same_box(frag.bbox, box) and frag.cells:
                return list(frag.cells[0].lines), box
    cell = table.cells[0]
    text = cell.raw or cell.text
    return [Line(t, cell.page, (0.0, 0.0, 0.0, 0.0)) for t in text.split("\n") if t.strip()], None


def _same_box(a: BBox, b: BBox, tol: float = 3.0) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


def is_box_table(table: Table) -> bool:
    """A 1×1 table whose text starts with 专栏: a sidebar drawn as a table cell."""
    return len(table.cells) == 1 and table.n_rows == 1 and table.n_cols == 1 and is_label(table.cells[0].text)


def sidebars_from_tables(raw: RawDocument, tables: list[Table]) -> tuple[list[Sidebar], list[Table]]:
    """Sidebars from 1×1 专栏 tables, and the tables that remain data tables."""
    out: list[Sidebar] = []
    keep: list[Table] = []
    for table in tables:
        if not is_box_table(table):
            keep.append(table)
            continue
        lines, box = _raw_cell_lines(raw, table)
        number, title, items = sidebar_content(lines, box)
        boxes = [b for _, b in table.bboxes] or [table.cells[0].bbox]
        out.append(Sidebar("", number, title, None, table.pages[0], items, [], union_bbox(boxes[:1])))
    return out, keep


def caption_sidebar(caption: str, table_id: str, page: int, bbox: BBox | None) -> Sidebar | None:
    """A 专栏 whose body is a table: its caption ``专栏一：title`` makes a sidebar pointing at the table."""
    if not is_label(caption):
        return None
    number, title = parse_label(caption)
    return Sidebar("", number, squash_spaces(title), None, page, [], [table_id], bbox)


def build_sidebars(raw: RawDocument, lines: list[Line], tables: list[Table]) -> SidebarResult:
    """Framed and 1×1-table sidebars (ids and sections are set by the caller, in document order)."""
    frames = [f for p in raw.pages for f in p.frames]
    framed, used = sidebars_from_frames(frames, lines)
    boxed, keep = sidebars_from_tables(raw, tables)
    return SidebarResult(framed + boxed, used, keep)
