"""Document structure from the raw layer: meta, outline, paragraphs, sidebars, table captions and sections.

Order of decisions, each claiming lines so that no line is used twice and none is silently lost:
running headers/footers → sidebar frames → 版头/signature/附件 list/版记 → annex labels and titles → table
captions → centred titles → everything else is running text, cut into blocks that are headings or paragraphs.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field

from policy_extract.core.geometry import union_bbox
from policy_extract.core.model import (
    BBox,
    DocWarning,
    Line,
    Meta,
    OutlineNode,
    Paragraph,
    RawDocument,
    Sidebar,
    Table,
)
from policy_extract.core.vocabulary import (
    ANNEX_LABEL,
    CAPTION_START,
    CLAUSE_MARKER,
    SIDEBAR_LABEL,
    TABLE_LABEL,
    TOC_LEADER,
    TOC_TITLE,
)

from .layout import (
    Column,
    LayoutSettings,
    body_font_size,
    content_lines,
    is_centered,
    line_pitch,
    page_columns,
)
from .meta import extract_meta
from .outline import OutlineBuilder, find_marker
from .paragraphs import HEADING_WRAP_STEP, Block, paragraph_of, segment_blocks
from .settings import ParagraphSettings
from .sidebars import build_sidebars, caption_sidebar
from .text import join_lines, squash_spaces

DEFAULT_CAPTION_GAP = 2.0
"""A caption sits at most this many line pitches above its table."""
DEFAULT_TITLE_SIZE_RATIO = 1.1
DEFAULT_BIG_TITLE_RATIO = 1.25
DEFAULT_ANNEX_TITLE_LINES = 3



@dataclass(slots=True)
class Structure:
    meta: Meta
    outline: list[OutlineNode] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sidebars: list[Sidebar] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    warnings: list[DocWarning] = field(default_factory=list)


@dataclass(slots=True)
class _Annex:
    index: int
    label: str
    title: str
    page: int
    bbox: BBox


def caption_title(caption: str) -> str:
    """A table title from its caption: ``专栏一：``/``表1``/``续表`` labels removed, no spaces beside CJK."""
    label = SIDEBAR_LABEL if caption.strip().startswith("专") else TABLE_LABEL
    text = label.sub("", caption, count=1)
    return squash_spaces(text)


def _first_box(table: Table) -> tuple[int, BBox]:
    if table.bboxes:
        return table.bboxes[0]
    page = table.pages[0]
    boxes = [c.bbox for c in table.cells if c.page == page] or [c.bbox for c in table.cells]
    return page, union_bbox(boxes)


def _is_caption_line(line: Line, col: Column) -> bool:
    if find_marker(line.text) or re.search(r"[。；;：:]\s*$", line.text):
        return False
    return bool(CAPTION_START.match(line.text)) or is_centered(line, col) or line.bold


def _caption_run(lines: list[Line], cands: list[int], limit: float, col: Column, pitch: float) -> list[int]:
    """The caption-like lines among ``cands`` (one page) walking up from ``limit``: at most two, each within
    the caption gap of the one below, stopping at a ``表N``/``专栏`` label."""
    out: list[int] = []
    for i in sorted(cands, key=lambda k: -lines[k].bbox[3]):
        ln = lines[i]
        if limit - ln.bbox[3] > DEFAULT_CAPTION_GAP * pitch or not _is_caption_line(ln, col):
            break
        out.insert(0, i)
        limit = ln.bbox[1]
        if len(out) == 2 or CAPTION_START.match(ln.text):
            break
    return out


def caption_lines(
    lines: list[Line], free: set[int], table: Table, cols: dict[int, Column], pitch: float
) -> list[int]:
    """The free line(s) printed just above the table's first fragment that read as its caption."""
    page, box = _first_box(table)
    above = [i for i in free if lines[i].page == page and lines[i].bbox[3] <= box[1] + 2]
    return _caption_run(lines, above, box[1], cols[page], pitch)


def _table_tops(tables: list[Table]) -> list[tuple[int, float]]:
    """(page, top) of every fragment of every table."""
    return [(p, b[1]) for t in tables for p, b in (t.bboxes or [_first_box(t)])]


def foot_caption_lines(
    lines: list[Line],
    free: set[int],
    table: Table,
    tops: list[tuple[int, float]],
    cols: dict[int, Column],
    pitch: float,
) -> list[int]:
    """A caption cut from its table by a page break: the table opens its page (no text and no other table
    above it; running headers are already gone) and the previous page's text ends in caption line(s) with no
    table under them on that page.  ``tops``: every table fragment's (:func:`_table_tops`)."""
    page, box = _first_box(table)
    if any(ln.page == page and ln.bbox[3] <= box[1] + 2 for ln in lines):
        return []
    if any(p == page and top < box[1] - 2 for p, top in tops):
        return []
    prev = [i for i, ln in enumerate(lines) if ln.page == page - 1]
    if not prev:
        return []
    last = max(prev, key=lambda k: lines[k].bbox[3])
    foot = lines[last].bbox[3]
    if last not in free or any(p == page - 1 and top >= foot - 2 for p, top in tops):
        return []
    return _caption_run(lines, [i for i in prev if i in free], foot, cols[page - 1], pitch)


def _wraps_heading(lines: list[Line], i: int) -> bool:
    """The centred rest of a numbered heading set in title type (``第三部分…情况`` / ``说明``), right below
    it or double spaced (no more than ``HEADING_WRAP_STEP`` of its type sizes from top to top, as
    :func:`wraps_centred`)."""
    if i == 0:
        return False
    a, b = lines[i - 1], lines[i]
    return (
        a.page == b.page
        and a.size == b.size
        and find_marker(a.text) is not None
        and (b.bbox[1] - a.bbox[3] < 0.5 * b.size or b.bbox[1] - a.bbox[1] <= HEADING_WRAP_STEP * a.size)
    )


def _title_lines(lines: list[Line], free: set[int], cols: dict[int, Column], body: float) -> set[int]:
    """Centred lines printed larger than the body that are not numbered headings: document titles."""
    out: set[int] = set()
    for i in free:
        ln = lines[i]
        if find_marker(ln.text) or ln.size < body * DEFAULT_TITLE_SIZE_RATIO or _wraps_heading(lines, i):
            continue
        if CLAUSE_MARKER.match(ln.text):
            continue  # ``1 人口特征`` centred in large type: a clause heading, not the document's title
        # A wrapped title's first line fills the column: clearly larger type is enough there.
        if is_centered(ln, cols[ln.page]) or ln.size >= body * DEFAULT_BIG_TITLE_RATIO:
            out.add(i)
    return out


def _annexes(
    lines: list[Line], free: set[int], cols: dict[int, Column], titles: set[int] | None = None
) -> tuple[list[_Annex], set[int]]:
    """``附件``/``附件1``/``附件：`` alone on a line with the title lines below it: as the first line of a
    page, or anywhere when the title below it is centred (a re-typeset copy runs the annex on after the
    notice).  ``titles``: lines the meta took as the document's title, which an annex-only document's label
    stands over."""
    out: list[_Annex] = []
    used: set[int] = set()
    for i in sorted(free):
        ln = lines[i]
        m = ANNEX_LABEL.match(ln.text)
        if not m:
            continue
        top = i == 0 or lines[i - 1].page != ln.page
        title = _annex_title(lines, i, free | (titles or set()), cols[ln.page], top)
        if not top and not title:
            continue
        text = squash_spaces(join_lines([lines[k].text for k in title]))
        out.append(_Annex(i, f"附件{m.group(1)}", text, ln.page, ln.bbox))
        used |= {i, *title}
    return out, used


def _annex_title(lines: list[Line], i: int, free: set[int], col: Column, top: bool) -> list[int]:
    """The title lines under the annex label ``lines[i]``: centred (on top of a page also bold or large: a
    page holding little but a table has a badly measured column), of one size (a smaller note under it,
    ``（线上填写）``/``（21大类40个小类91个品目）``, is not title)."""
    label = lines[i]
    title: list[int] = []
    for k in range(i + 1, min(i + 1 + DEFAULT_ANNEX_TITLE_LINES, len(lines))):
        nxt = lines[k]
        big = nxt.size > label.size * DEFAULT_TITLE_SIZE_RATIO
        looks_title = is_centered(nxt, col) or (top and (nxt.bold or big))
        same = not title or abs(nxt.size - lines[title[0]].size) <= 0.1 * nxt.size
        if nxt.page != label.page or k not in free or not looks_title or not same:
            break
        title.append(k)
    return title


def _toc_key(text: str) -> str:
    return re.sub(r"\s+", "", TOC_LEADER.sub("", text))


def _toc_lines(lines: list[Line], free: set[int]) -> set[int]:
    """Every table of contents (a tender file has one for the file and one for its 投标文件格式): from its
    目录 line up to where its first entry is printed again as a heading (on the 目录 page alone when it never
    is); none of its entries is a heading."""
    order = sorted(free)
    out: set[int] = set()
    for pos, i in enumerate(order):
        if TOC_TITLE.match(lines[i].text):
            out |= _toc_span(lines, order, pos)
    return out


def _toc_span(lines: list[Line], order: list[int], pos: int) -> set[int]:
    """The table of contents opened by the 目录 line ``order[pos]``.  When the next running-text line is on a
    later page, the entries were read as something else (a borderless table of leaders and page numbers):
    the contents are the 目录 line alone, and the next page's first heading is a heading."""
    i = order[pos]
    page = lines[i].page
    if pos + 1 >= len(order) or lines[order[pos + 1]].page != page:
        return {i}
    first = _toc_key(lines[order[pos + 1]].text)
    later = (k for k in order[pos + 2 :] if lines[k].page > page)
    end = next((k for k in later if _toc_key(lines[k].text) == first), None)
    if end is None:
        return {k for k in order[pos:] if lines[k].page == page}
    return {k for k in order[pos:] if k < end}


def _position(page: int, bbox: BBox | None) -> tuple[int, float]:
    return page, bbox[1] if bbox else 0.0


def section_at(nodes: list[OutlineNode], page: int, top: float) -> str | None:
    """Id of the last outline node printed at or before ``(page, top)``."""
    found: str | None = None
    for node in nodes:
        if _position(node.page, node.bbox) <= (page, top + 1):
            found = node.id
    return found


def _body_font(lines: list[Line]) -> str:
    fonts: Counter[str] = Counter()
    for ln in lines:
        fonts[ln.font] += len(ln.text)
    return fonts.most_common(1)[0][0] if fonts else ""


def _outline_and_paragraphs(
    blocks: list[Block], annexes: list[_Annex], builder: OutlineBuilder
) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    pending = sorted(annexes, key=lambda a: a.index)
    section: str | None = None
    builder.find_gap_runs(blocks)
    for block in blocks:
        while pending and pending[0].index < block.index[0]:
            a = pending.pop(0)
            section = builder.add_annex(a.label, a.title, a.page, a.bbox).id
        found = builder.heading(block)
        if found is None:
            paragraphs.append(paragraph_of(block, section))
            continue
        node, rest = found
        section = node.id
        if rest:
            paragraphs.append(paragraph_of(block, section, rest))
    for a in pending:
        builder.add_annex(a.label, a.title, a.page, a.bbox)
    builder.finish()
    return paragraphs


def _captions(
    lines: list[Line], free: set[int], tables: list[Table], cols: dict[int, Column], pitch: float
) -> tuple[list[Sidebar], set[int]]:
    """Set table titles from their captions; a 专栏 caption also makes a sidebar pointing at the table."""
    sidebars: list[Sidebar] = []
    used: set[int] = set()
    tops = _table_tops(tables)
    for table in tables:
        idx = caption_lines(lines, free - used, table, cols, pitch)
        idx = idx or foot_caption_lines(lines, free - used, table, tops, cols, pitch)
        if not idx:
            continue
        caption = join_lines([lines[i].text for i in idx])
        table.title = table.title or caption_title(caption)  # a band or caption row inside titles it first
        page, box = _first_box(table)
        sb = caption_sidebar(caption, table.id, page, box)
        if sb is not None:
            sidebars.append(sb)
        used |= set(idx)
    return sidebars, used


def _finish_sidebars(sidebars: list[Sidebar], nodes: list[OutlineNode]) -> list[Sidebar]:
    ordered = sorted(sidebars, key=lambda s: _position(s.page, s.bbox))
    for n, sb in enumerate(ordered, start=1):
        sb.id = f"b{n}"
        sb.section = section_at(nodes, *_position(sb.page, sb.bbox))
    return ordered


def build_structure(
    raw: RawDocument,
    tables: list[Table],
    layout: LayoutSettings | None = None,
    paragraph_settings: ParagraphSettings | None = None,
) -> Structure:
    """Meta, outline, paragraphs, sidebars and titled/sectioned copies of ``tables`` for one document."""
    tables = [copy.deepcopy(t) for t in tables]
    lines, _ = content_lines(raw.pages, layout)
    if not lines:
        return Structure(Meta(), tables=tables)
    cols = page_columns(raw.pages, lines)
    pitch, body = line_pitch(lines), body_font_size(lines)
    side = build_sidebars(raw, lines, tables)
    meta = extract_meta([ln for i, ln in enumerate(lines) if i not in side.used], cols)
    kept = [i for i in range(len(lines)) if i not in side.used]
    used = side.used | {kept[i] for i in meta.used}
    free = set(range(len(lines))) - used
    free -= _toc_lines(lines, free)
    annexes, annex_idx = _annexes(lines, free, cols, {kept[i] for i in meta.title_lines})
    free -= annex_idx
    caption_sbs, caption_idx = _captions(lines, free, side.tables, cols, pitch)
    free -= caption_idx
    free -= _title_lines(lines, free, cols, body)
    obstacles = [_first_box(t) for t in side.tables] + [(f.page, f.bbox) for f in side.frames]
    obstacles += [(p, b) for t in side.tables for p, b in t.bboxes[1:]]
    blocks = segment_blocks(lines, sorted(free), cols, pitch, obstacles, paragraph_settings)
    builder = OutlineBuilder(_body_font(lines), cols)
    paragraphs = _outline_and_paragraphs(blocks, annexes, builder)
    for table in side.tables:
        table.section = section_at(builder.nodes, *_position(*_first_box(table)))
    sidebars = _finish_sidebars(side.sidebars + caption_sbs, builder.nodes)
    return Structure(meta.meta, builder.nodes, paragraphs, sidebars, side.tables, builder.warnings)
