"""Printed lines → logical blocks (paragraphs and heading candidates), across line and page breaks.

A new block starts where the printed layout says so: a first-line indent (≈ 2 characters), a previous line
that stops short of the right margin, a wide vertical gap, a centred line, a change of font size, or
something that is not running text in between (a table, a sidebar frame, a line that belongs elsewhere).
A paragraph that runs on to the next page stays one block.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policy_extract.core.geometry import BBox, union_bbox
from policy_extract.core.model import Line, Paragraph
from policy_extract.core.vocabulary import HEADING_MARKERS, PART_MARKER

from .layout import Column, char_width, is_centered
from .settings import ParagraphSettings
from .text import join_lines

TERMINAL_PUNCTUATION = "。！？；：!?;:"
SENTENCE_END = "。！？!?"
HEADING_WRAP_STEP = 2.4
"""A heading's second line stands right below its first if their tops are no more than this many of the
heading's type sizes apart: a heading in larger type wrapped at double spacing (:func:`wraps_centred`)."""


@dataclass(slots=True)
class Block:
    """Consecutive lines of one logical paragraph (or heading), with their indices in the content lines."""

    index: list[int] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join_lines([ln.text for ln in self.lines])

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def bbox(self) -> BBox:
        """Union of the block's lines on its first page."""
        return union_bbox([ln.bbox for ln in self.lines if ln.page == self.first.page])


def is_indented(line: Line, col: Column, settings: ParagraphSettings) -> bool:
    indent = (line.bbox[0] - col.left) / char_width(line)
    return settings.indent_min <= indent <= settings.indent_max


def ends_short(line: Line, col: Column, settings: ParagraphSettings) -> bool:
    return col.right - line.bbox[2] > settings.short_line * char_width(line)


def runs_on(a: Line, b: Line, col: Column) -> bool:
    """A short line that still continues: no sentence end, and the next line flush left in the same font.

    Office suites wrap early before a word that cannot be broken (``GB/T 2200``, ``（2011--2020）》``) or that
    must not start a line; a Chinese paragraph ends with punctuation, so such a short line is not its end.
    A line opening a numbered item (``（一）…``, ``四、…``) is never the rest of the line above: a heading set
    on its own line without punctuation (``一、提升农业综合生产能力和质量效益``) ends there.
    """
    text = a.text.rstrip()
    if not text or text[-1] in TERMINAL_PUNCTUATION or a.font != b.font or opens_item(b.text):
        return False
    # A numbered heading on a line of its own (``一、项目概述``) leaves more than half the column empty: no
    # unbreakable word is that long, so the line is the whole heading, not an early wrap.
    if opens_item(text) and col.right - a.bbox[2] > (col.right - col.left) / 2:
        return False
    return abs(b.bbox[0] - col.left) < 0.5 * char_width(b)


def wraps_centred(a: Line, b: Line, col: Column, pitch: float = 0.0) -> bool:
    """A centred heading wrapped onto a second centred line right below, in the same type and without a
    sentence end: ``第三部分…决算情况`` / ``说明``.  Right below: less than half a line of white between
    them, or no more than the body's line pitch (a document set at double spacing) or
    :data:`HEADING_WRAP_STEP` of its own type sizes (a heading in larger type, double spaced) from top to
    top."""
    text = a.text.rstrip()
    centre = (col.left + col.right) / 2
    step = b.bbox[1] - a.bbox[1]
    white = b.bbox[1] - a.bbox[3]
    close = white < 0.5 * (b.size or char_width(b)) or step <= max(1.1 * pitch, HEADING_WRAP_STEP * a.size)
    return (
        a.page == b.page
        and bool(text)
        and text[-1] not in TERMINAL_PUNCTUATION
        and a.size == b.size
        and a.font == b.font
        and abs((a.bbox[0] + a.bbox[2]) / 2 - centre) < 2 * char_width(a)
        and is_centered(b, col)
        and close
        and not opens_item(b.text)
    )


def _blocked(a: Line, b: Line, obstacles: list[tuple[int, BBox]]) -> bool:
    """A table or frame printed between line ``a`` and line ``b``."""
    for page, box in obstacles:
        if a.page == b.page == page and a.bbox[3] - 2 <= box[1] and box[3] <= b.bbox[1] + 2:
            return True
        if a.page != b.page and (
            (page == a.page and box[1] >= a.bbox[3] - 2) or (page == b.page and box[3] <= b.bbox[1] + 2)
        ):
            return True
    return False


def opens_item(text: str) -> bool:
    """The text starts with an outline marker (``2.``, ``（三）``, ``第二部分``)."""
    return bool(PART_MARKER.match(text)) or any(p.match(text) for _, p in HEADING_MARKERS)


def new_item_after_sentence(a: Line, b: Line) -> bool:
    """The next line starts a new numbered item or heading (``2.``, ``（四）``, ``第二部分``) after a sentence
    end: the paragraph ended there, though its last line filled the column (at a page break, or on the same
    page where paragraphs are set flush left and justified)."""
    text = a.text.rstrip()
    if not text or text[-1] not in SENTENCE_END:
        return False
    return opens_item(b.text)


def side_title_after_sentence(a: Line, b: Line, col: Column, settings: ParagraphSettings) -> bool:
    """A bold line standing alone after a sentence end in plain type: an unnumbered side heading
    (``物流服务`` at the top of a page, under a paragraph whose last line filled the column).  Only a line
    that ends short without punctuation: a bold sentence run on in a paragraph ends with its stop."""
    text, title = a.text.rstrip(), b.text.rstrip()
    if not text or text[-1] not in SENTENCE_END or not title or title[-1] in TERMINAL_PUNCTUATION + "，,、":
        return False
    return b.bold and not a.bold and ends_short(b, col, settings)


DEFAULT_WRAPPED_FILL = 0.8
"""A centred heading line at least this share of the column wide may have wrapped onto the next line."""


def starts_block(
    a: Line, b: Line, cols: dict[int, Column], pitch: float, settings: ParagraphSettings
) -> bool:
    """Whether line ``b`` starts a new block after line ``a`` (both running text, ``b`` printed next)."""
    col_a, col_b = cols[a.page], cols[b.page]
    if new_item_after_sentence(a, b) or side_title_after_sentence(a, b, col_b, settings):
        return True
    # A centred heading's second line (``第一部分 …创新奖学金`` / ``评定办法``) starts far right of the
    # margin, so it reads as indented and the first line as short: where the first line fills the column
    # (it had to wrap), the wrap is decided before either.  A short centred heading did not wrap.
    fills = a.bbox[2] - a.bbox[0] >= DEFAULT_WRAPPED_FILL * (col_a.right - col_a.left)
    if fills and wraps_centred(a, b, col_b, pitch):
        return False
    if is_indented(b, col_b, settings):
        return True
    if ends_short(a, col_a, settings) and not runs_on(a, b, col_b):
        return True
    if wraps_centred(a, b, col_b, pitch):
        return False
    # A first line starting at the indent can look centred when it ends as far from the right edge.
    if (is_centered(a, col_a) and not is_indented(a, col_a, settings)) or is_centered(b, col_b):
        return True
    if a.size and b.size and abs(a.size - b.size) > settings.size_change * max(a.size, b.size):
        return True
    return a.page == b.page and b.bbox[1] - a.bbox[1] > settings.gap_ratio * pitch


def segment_blocks(
    lines: list[Line],
    eligible: list[int],
    cols: dict[int, Column],
    pitch: float,
    obstacles: list[tuple[int, BBox]] | None = None,
    settings: ParagraphSettings | None = None,
) -> list[Block]:
    """Group the eligible lines (indices into ``lines``, ascending) into blocks.  A chart's own text
    (``Line.chart``: tick values, data labels, legend) is no running text: it is in no block, and the
    blocks on either side of the chart stay apart."""
    settings = settings or ParagraphSettings()
    obstacles = obstacles or []
    blocks: list[Block] = []
    prev: int | None = None
    for i in eligible:
        if lines[i].chart:
            continue
        # Something that is not running text printed in between (an excluded line) ends the block.
        new = (
            prev is None
            or i != prev + 1
            or _blocked(lines[prev], lines[i], obstacles)
            or starts_block(lines[prev], lines[i], cols, pitch, settings)
        )
        if new:
            blocks.append(Block())
        blocks[-1].index.append(i)
        blocks[-1].lines.append(lines[i])
        prev = i
    return blocks


def paragraph_of(block: Block, section: str | None, text: str | None = None) -> Paragraph:
    """The paragraph record of a block (``text`` overrides the block's text, e.g. a run-in heading's rest)."""
    return Paragraph(section, block.first.page, block.text if text is None else text, block.bbox)
