"""专栏 sidebars: framed boxes (or 1×1 tables) holding a ``专栏N：title`` line and numbered items.

A box broken by a page break (one frame at the bottom of a page, one at the top of the next, the second
without a 专栏 label) is one sidebar.  Lines inside a sidebar are reported as used so that they never become
paragraphs or headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from policy_extract.core.geometry import BBox, union_bbox
from policy_extract.core.model import Frame, Line, PageContent, RawDocument, Rule, Sidebar, SidebarItem, Table
from policy_extract.core.vocabulary import SIDEBAR_LABEL

from .numerals import parse_integer
from .text import join_lines, squash_spaces

DEFAULT_INSIDE_TOLERANCE = 2.0
"""Points a line may stick out of its frame (glyph boxes overhang the border a little)."""
SENTENCE_END = re.compile(r"[。；;）)]\s*$")
DEFAULT_MIN_SIDE = 20.0
"""Points a vertical rule must run to be the side of a box."""
DEFAULT_LABEL_GAP = 2.0
"""A 专栏 label printed above its box sits at most this many line heights above the frame."""

ITEM = re.compile(r"^\s*(?:(\d{1,2})\s*[．.、](?!\d)|[（(]\s*(\d{1,2})\s*[）)])\s*")


@dataclass(slots=True)
class SidebarResult:
    sidebars: list[Sidebar] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    """Indices of the content lines inside sidebar frames."""
    tables: list[Table] = field(default_factory=list)
    """The input tables without the 1×1 专栏 boxes."""
    frames: list[Frame] = field(default_factory=list)
    """Every box considered: the extracted frames and the boxes drawn with loose rules."""


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


def label_above(frame: Frame, lines: list[Line], taken: set[int]) -> int | None:
    """A 专栏 label printed just above a box (the title outside the frame), or as the last line of the
    previous page when the box starts a page: the line's index, or None."""
    best: int | None = None
    page_start = True
    for i, ln in enumerate(lines):
        if ln.page != frame.page or ln.bbox[3] > frame.bbox[1] + DEFAULT_INSIDE_TOLERANCE:
            continue
        page_start = False
        height = max(ln.bbox[3] - ln.bbox[1], 1.0)
        near = frame.bbox[1] - ln.bbox[3] <= DEFAULT_LABEL_GAP * height and ln.bbox[0] >= frame.bbox[0] - 1
        if i not in taken and near and (best is None or ln.bbox[3] > lines[best].bbox[3]):
            best = i
    if page_start:
        before = [i for i, ln in enumerate(lines) if ln.page == frame.page - 1 and i not in taken]
        best = before[-1] if before else None
    return best if best is not None and is_label(lines[best].text) else None


def _frame_lines(frame: Frame, lines: list[Line], used: set[int]) -> list[int]:
    """The lines of a box, its label first: inside the box, or the label just above it."""
    idx = [i for i in lines_in(frame.bbox, frame.page, lines) if i not in used]
    if idx and is_label(lines[idx[0]].text):
        return idx
    above = label_above(frame, lines, used | set(idx))
    return [above, *idx] if above is not None else idx


def _tables_in(frame: Frame, tables: list[Table]) -> list[str]:
    """Ids of the tables whose first fragment lies inside the box: a 专栏 whose body is a table."""
    x0, y0, x1, y1 = frame.bbox
    return [
        t.id
        for t in tables
        if t.bboxes
        and t.bboxes[0][0] == frame.page
        and _inside(t.bboxes[0][1], (x0 - 3, y0 - 3, x1 + 3, y1 + 3))
    ]


def _inside(a: BBox, b: BBox) -> bool:
    return b[0] <= a[0] and b[1] <= a[1] and a[2] <= b[2] and a[3] <= b[3]


def frame_sidebar(frame: Frame, texts: list[Line], tables: list[Table]) -> Sidebar:
    """The sidebar of a labelled box; a box holding a table points at it and has no items (the text
    inside beside the label is the table's own)."""
    number, title, items = sidebar_content(texts, frame.bbox)
    label = texts[0]
    if label.page != frame.page:
        page, box = label.page, label.bbox
    else:
        page, box = frame.page, union_bbox([frame.bbox, label.bbox])
    held = _tables_in(frame, tables)
    return Sidebar("", number, title, None, page, [] if held else items, held, box)


def sidebars_from_frames(
    frames: list[Frame], lines: list[Line], tables: list[Table] | None = None
) -> tuple[list[Sidebar], set[int]]:
    """One sidebar per labelled frame, continued by unlabelled frames at the top of the next page."""
    out: list[Sidebar] = []
    used: set[int] = set()
    last_frame: Frame | None = None
    for frame in sorted(frames, key=lambda f: (f.page, f.bbox[1])):
        idx = _frame_lines(frame, lines, used)
        if not idx:
            continue
        texts = [lines[i] for i in idx]
        inside = set(idx)
        if is_label(texts[0].text):
            out.append(frame_sidebar(frame, texts, tables or []))
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


def title_row_sidebar(raw: RawDocument, table: Table) -> Sidebar | None:
    """A 专栏 whose body is a table with its caption ``专栏1 …`` printed as the table's first row, one cell
    spanning every column (the table keeps the title, the label gone): a sidebar pointing at the table."""
    if not table.bboxes:
        return None
    page, box = table.bboxes[0]
    for frag in next((p.tables for p in raw.pages if p.number == page), []):
        if not _overlaps(frag.bbox, box, 0.0):
            continue
        top = [c for c in frag.cells if c.row == 0]
        if len(top) == 1 and top[0].colspan == frag.n_cols > 1:
            caption = join_lines([ln.text for ln in top[0].lines])
            return caption_sidebar(caption, table.id, page, box)
    return None


def sidebars_from_tables(raw: RawDocument, tables: list[Table]) -> tuple[list[Sidebar], list[Table]]:
    """Sidebars from 1×1 专栏 tables, and the tables that remain data tables."""
    out: list[Sidebar] = []
    keep: list[Table] = []
    for table in tables:
        if not is_box_table(table):
            keep.append(table)
            titled = title_row_sidebar(raw, table)
            if titled is not None:
                out.append(titled)
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


def _overlaps(a: BBox, b: BBox, tol: float = 3.0) -> bool:
    return a[0] < b[2] + tol and b[0] < a[2] + tol and a[1] < b[3] + tol and b[1] < a[3] + tol


def _loose_rules(page: PageContent) -> tuple[list[Rule], list[Rule]]:
    """Long horizontal and vertical rules of a page that belong to no table grid and no closed frame."""
    taken = [t.bbox for t in page.tables] + [f.bbox for f in page.frames]
    loose = [r for r in page.rules if not any(_overlaps(r.bbox, b) for b in taken)]
    flat = [r for r in loose if r.bbox[3] - r.bbox[1] <= 2 and r.bbox[2] - r.bbox[0] >= page.width / 2]
    upright = [r for r in loose if r.bbox[2] - r.bbox[0] <= 2 and r.bbox[3] - r.bbox[1] >= DEFAULT_MIN_SIDE]
    return flat, upright


def _side_boxes(page: PageContent, upright: list[Rule]) -> list[Frame]:
    """Boxes drawn by two side rules of the same height (an open box, as where a box breaks at a page end)."""
    out: list[Frame] = []
    for a in upright:
        for b in upright:
            wide = b.bbox[0] - a.bbox[2] >= page.width / 2
            if wide and abs(a.bbox[1] - b.bbox[1]) <= 3 and abs(a.bbox[3] - b.bbox[3]) <= 3:
                out.append(Frame(page.number, (a.bbox[0], a.bbox[1], b.bbox[2], a.bbox[3])))
    return out


def _between_rules(page: PageContent, flat: list[Rule], lines: list[Line], boxes: list[Frame]) -> list[Frame]:
    """Boxes between two rules of the same width whose first line inside is a 专栏 label."""
    free = [r for r in flat if not any(_overlaps(r.bbox, f.bbox) for f in boxes)]
    free.sort(key=lambda r: r.bbox[1])
    out: list[Frame] = []
    for top, bottom in pairwise(free):
        if abs(top.bbox[0] - bottom.bbox[0]) > 5 or abs(top.bbox[2] - bottom.bbox[2]) > 5:
            continue
        box = Frame(page.number, (top.bbox[0], top.bbox[1], top.bbox[2], bottom.bbox[3]))
        idx = lines_in(box.bbox, page.number, lines)
        if idx and is_label(lines[idx[0]].text) and not any(_overlaps(box.bbox, f.bbox) for f in out):
            out.append(box)
    return out


def rule_frames(page: PageContent, lines: list[Line]) -> list[Frame]:
    """专栏 boxes drawn with loose rules, not a closed frame: two side rules, or a rule above and below."""
    flat, upright = _loose_rules(page)
    sides = _side_boxes(page, upright)
    return sides + _between_rules(page, flat, lines, sides)


def _ends_item(line: Line, right: float) -> bool:
    """A line closing its item: a sentence end short of the right edge of the item lines."""
    cw = line.char_width or line.size or 12.0
    return bool(SENTENCE_END.search(line.text)) and line.bbox[2] < right - cw


def _unframed_run(lines: list[Line], start: int, used: set[int]) -> list[int]:
    """The label at ``start`` and the numbered items 1, 2, … after it, up to the first line that is neither
    the next item nor the wrapped rest of an unfinished item."""
    run = [start]
    right = max((ln.bbox[2] for ln in lines[start + 1 : start + 4]), default=0.0)
    expected, open_item = 1, False
    for i in range(start + 1, len(lines)):
        if i in used or is_label(lines[i].text):
            break
        if item_number(lines[i].text) == expected:
            expected, open_item = expected + 1, True
        elif not open_item:
            break
        run.append(i)
        open_item = not _ends_item(lines[i], right)
    return run if expected > 1 else []


def unframed_sidebars(lines: list[Line], used: set[int]) -> tuple[list[Sidebar], set[int]]:
    """专栏 printed without a frame or rules we can see (a shaded box): a label line alone on its line
    followed by the items numbered from 1."""
    out: list[Sidebar] = []
    claimed: set[int] = set()
    for i, ln in enumerate(lines):
        if i in used or i in claimed or not is_label(ln.text) or SENTENCE_END.search(ln.text):
            continue
        run = _unframed_run(lines, i, used | claimed)
        if run:
            number, title, items = sidebar_content([lines[k] for k in run])
            out.append(Sidebar("", number, title, None, ln.page, items, [], ln.bbox))
            claimed |= set(run)
    return out, claimed


def build_sidebars(raw: RawDocument, lines: list[Line], tables: list[Table]) -> SidebarResult:
    """Framed and 1×1-table sidebars (ids and sections are set by the caller, in document order)."""
    frames = [f for p in raw.pages for f in p.frames + rule_frames(p, lines)]
    framed, used = sidebars_from_frames(frames, lines, tables)
    unframed, claimed = unframed_sidebars(lines, used)
    framed, used = framed + unframed, used | claimed
    boxed, keep = sidebars_from_tables(raw, tables)
    return SidebarResult(framed + boxed, used, keep, frames)
