"""Garbled fonts decoded glyph by glyph: the text layer rebuilt in place instead of reading a page as a scan.

A font whose text is unreadable (no or a broken ``/ToUnicode`` map: ``(cid:N)``, private-use codes, CJK text
outside common use, or the ``!"#$%&'()*+,-./012…`` that sequentially numbered subset codes read as) still
prints each glyph at a known position, size and font.  Each distinct glyph — the font and the code the text
layer gives for it — is cropped once per document from a page render (its box is the em box the text layer
reports), the crops are read in rows by the recognition model alone (no text detection:
:class:`~policy_extract.extract.engines.GlyphReader`), and every occurrence of the glyph gets the text read.
The page keeps its characters' positions, sizes, fonts and colours, so lines, tables and normalize run as on
a born-digital page, at a fraction of the cost of page OCR (a notice has a few hundred distinct glyphs; later
pages mostly reuse them).  A glyph is read with the other new glyphs of its page beside it, and a CTC line
model reads a glyph with its neighbours (rarely differently: 眞 beside some glyphs, 真 beside others), so
what the model read is kept for the process by the row image it read (:data:`READINGS`), never by the glyph
image: rows are laid out from the document alone, so a document reads the same whatever its batch worker
read before it (another batch order or worker count), and reading the same document again (a retry, a
resume) reads no row again.

The verdict is per font and per page: a garbled title font on page 1 is decoded while the body font, readable,
is kept as printed.  A glyph the model cannot read alone (no character, several, or low confidence) is read
again inside its printed line, then from the page's own OCR (detection and recognition of the same render) at
its box; what is still unread becomes U+FFFD and is counted in a warning.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy_extract.core.model import DocWarning, PageContent

from .lines import Char
from .settings import DEFAULT_RENDER_LIMIT_PX, OcrSettings
from .textlayer import DEFAULT_FONT_BAD_SHARE, check_texts, common_chars, is_bad_char, is_ideograph

DEFAULT_GLYPH_MIN_PX = 36
"""Pages are rendered so the smallest glyph to read is at least this many pixels high."""
DEFAULT_GLYPH_MAX_SCALE = 6.0
"""…but never above this scale (432 dpi): a 6 pt footnote needs no more."""
DEFAULT_GLYPH_MIN_SCORE = 0.3
"""A glyph read with less confidence than this is left to the page's OCR."""
DEFAULT_BLANK_LEVEL = 200
"""A glyph box with no pixel darker than this grey level (0–255) is a blank: a space."""
DEFAULT_MIN_SEQUENTIAL = 6
"""A font printing at least this many distinct ASCII marks from ``!`` up, with most of the range between
present, reads subset codes numbered from 1 as if they were ASCII: ``!"#$%&'()*+,-.``."""
DEFAULT_SEQUENTIAL_FILL = 0.6
DEFAULT_MAX_LOWER = 0.3
DEFAULT_MIN_FONT_GLYPHS = 8
"""A font with fewer visible glyphs than this on a page is judged by its glyph codes alone."""
DEFAULT_MIN_DISTINCT = 2
"""A font printing fewer distinct glyphs than this on a page is not judged (a bullet repeated, an icon); a
page number ``— 3 —`` prints two."""
DEFAULT_FULL_WIDTH_EM = 0.8
"""A glyph whose advance is at least this share of its size is full width (Chinese punctuation)."""
DEFAULT_CROP_PAD_EM = 0.08
"""A glyph is cropped with this share of its em above and below its box (ink may leave the em box)."""
DEFAULT_GLYPHS_PER_ROW = 8
"""Glyphs per row image: the model's cost grows faster than the row's length, and a glyph alone in its
image is read worse than among others; rows of 8 were the fastest accurate layout measured."""
DEFAULT_ROW_PX = 32
"""Height the crops are scaled to when laid in rows."""
DEFAULT_BAND_PAD_EM = 1.0
"""Page OCR for unread glyphs looks at their lines with this share of a line's height above and below."""
DEFAULT_CONTEXT_EM = 3.0
"""A glyph not read alone is read again with this many ems of its printed line either side."""
DEFAULT_READINGS_KEPT = 20_000
"""Row readings a process keeps (:class:`GlyphReadings`): a few hundred notices' worth of rows."""
DEFAULT_ROW_WIDTH_QUANTUM = 1
"""Rows are read at a width padded (white) to a multiple of this many row heights, so rows batch by width
without the engine padding one row to another's width.  More white changes readings: padded to 2 or more
heights, 、 of the garbled table sample read 丶 and agreement with its twin fell from 1.0 to 0.98."""
REPLACEMENT = "\ufffd"
UNDECODED_GLYPHS = "undecoded_glyphs"

if TYPE_CHECKING:
    import numpy as np

DEFAULT_INK_LEVEL = 140
"""Grey level (0–255) below which a pixel is ink, for measuring a glyph."""
DEFAULT_HYPHEN_MAX_EM = 0.4
"""A bar at most this share of an em wide is a hyphen."""
DEFAULT_LONG_BAR_EM = 0.55
"""A bar at least this wide is a dash or 一: ``—`` when at most ``DEFAULT_DASH_MAX_THICK_EM`` thick (0.03 em
in the 宋/楷/仿宋 faces of the samples), else 一 (0.07–0.10 em)."""
DEFAULT_DASH_MAX_THICK_EM = 0.05
DEFAULT_COMMA_TALL = 1.6
"""A stop whose ink is this many times taller than wide is a comma (1.7–2.0 in the samples' faces; a
period's dot 1.0, the full-width ``．`` 1.4)."""
DEFAULT_SMALL_DOT_EM = 0.15
DEFAULT_SOLID_DOT_FILL = 0.7
"""A full-width stop whose ink is at most ``DEFAULT_SMALL_DOT_EM`` across and fills this share of its box is
the dot ``．`` (0.07 × 0.10 em, 92% filled); ``。`` is a ring (0.25 em, 40%)."""
_BARS = frozenset("-‐－–—―一")
_STOPS = frozenset(",.，。．")
_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。",
               "○": "〇", "O": "〇", "o": "〇"}
"""ASCII marks on a full-width advance, and the circle 〇 (ideographic zero, 二〇二五年) is read as."""
_OPENING = frozenset("[［【〔「『")
_CLOSING = frozenset("]］】〕」』")
DEFAULT_SOLID_BRACKET_INK = 0.35
"""A bracket whose ink fills this share of its ink box is solid (【】); thinner ones are the 〔〕 of 文号 that
the recogniser reads as 【, [ or 「."""
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "`"})
"""Standard encoding's quote glyphs, back to the ASCII codes they stand for."""

GlyphKey = tuple[str, str]
Keyed = tuple[Char, "GlyphKey | None"]
"""A character with its :func:`glyph_key`, worked out once per page."""


def font_of(ch: Char) -> str:
    return str(ch.get("fontname", ""))


def is_sequential_garble(texts: Iterable[str]) -> bool:
    """Whether a font's characters are subset codes numbered from 1 read as ASCII (``!"#$%&'()*+,-./01…``):
    ``!`` and ``"`` both there, at least ``DEFAULT_MIN_SEQUENTIAL`` distinct marks, most of the range from
    ``!`` to the highest of them present, and few lowercase letters (English prose fills the range too, but
    reads mostly in lowercase; codes numbered by first use give the lowercase range to rarer glyphs)."""
    texts = [t.translate(_QUOTES) for t in texts]
    codes = {ord(t) for t in texts if len(t) == 1 and 0x21 <= ord(t) <= 0x7E}
    if not {0x21, 0x22} <= codes or len(codes) < DEFAULT_MIN_SEQUENTIAL:
        return False
    lower = sum(1 for t in texts if "a" <= t <= "z")
    filled = len(codes) >= DEFAULT_SEQUENTIAL_FILL * (max(codes) - 0x20)
    return filled and lower < DEFAULT_MAX_LOWER * len(texts)


def is_garbled_font(texts: list[str]) -> bool:
    """Whether one font's visible characters on a page are unreadable: ``(cid:N)`` codes for a share of them
    (the font then has no map at all; a page number or heading of a few such glyphs is enough), or — over at
    least ``DEFAULT_MIN_FONT_GLYPHS`` glyphs — private-use/U+FFFD codes for a share of them, CJK text mostly
    outside common use or sequential subset codes (two private-use icons are not a garbled font).  A
    font printing a single glyph (a bullet repeated, a Symbol font's ×) and the
    private-use codes symbol fonts print by convention (U+F020–U+F0FF: Wingdings, Symbol) are left alone."""
    distinct = set(texts)
    if any(is_symbol_code(t) for t in distinct):
        texts = [t for t in texts if not is_symbol_code(t)]
        distinct = set(texts)
    if len(distinct) < DEFAULT_MIN_DISTINCT or not may_be_garbled(distinct):
        return False
    codes = sum(1 for t in texts if len(t) > 1 and is_bad_char(t))  # (cid:N)
    if codes and codes >= DEFAULT_FONT_BAD_SHARE * len(texts):
        return True
    if len(texts) < DEFAULT_MIN_FONT_GLYPHS:
        return False
    bad = sum(1 for t in texts if is_bad_char(t))
    if bad and bad >= DEFAULT_FONT_BAD_SHARE * len(texts):
        return True
    return check_texts(texts).kind == "garbled" or is_sequential_garble(texts)


def may_be_garbled(distinct: set[str]) -> bool:
    """Whether a font's distinct texts leave any of :func:`is_garbled_font`'s verdicts open: a bad code, a
    CJK character outside common use, or ``!`` with ``"`` (sequential codes).  A font of common characters
    only — every font of a born-digital page — is settled by one look at each distinct text."""
    if {"!", '"'} <= distinct:
        return True
    common = common_chars()
    return any(is_bad_char(t) or (len(t) == 1 and is_ideograph(t) and t not in common) for t in distinct)


def is_symbol_code(text: str) -> bool:
    """A symbol font's code in the private-use block it is mapped to by convention (U+F000 + byte)."""
    return len(text) == 1 and 0xF020 <= ord(text) <= 0xF0FF


def garbled_fonts(chars: Iterable[Char]) -> frozenset[str]:
    """The fonts of a page (by name) whose text is unreadable, judged font by font."""
    texts: dict[str, list[str]] = defaultdict(list)
    for ch in chars:
        text = ch["text"]
        if text.strip():
            texts[font_of(ch)].append(text)
    return frozenset(font for font, found in texts.items() if is_garbled_font(found))


def glyph_key(ch: Char) -> GlyphKey | None:
    """What identifies a glyph across the document: its font and the text its code reads as.  None for a
    replacement character or a blank (several codes read as them, so they name no glyph) or a turned glyph."""
    if ch["text"] == REPLACEMENT or not ch["text"].strip() or not ch.get("upright", True):
        return None
    return (font_of(ch), ch["text"])


RowReading = tuple[tuple[str, float], ...]
"""What the model read under each glyph span of one row image."""


class GlyphReadings:
    """What the model read for each row image this process has seen (:func:`row_digest`: the image, its
    glyph spans and the engine): a row laid out again (the same document read again — a retry, a resume,
    a rerun of a batch — or a line printed identically) is not read again.  A row is the unit because the
    model reads a glyph with its neighbours (a CTC line model: 眞 beside some glyphs, 真 beside others), so a
    glyph's reading is a function of its row, not of its image; keyed by the row, a reading served from here
    is exactly what reading the row would give, whatever the process read before.  Bounded (least recently
    used dropped first), in memory only, never written anywhere."""

    def __init__(self, kept: int = DEFAULT_READINGS_KEPT) -> None:
        self.kept = kept
        self._reads: OrderedDict[bytes, RowReading] = OrderedDict()

    def get(self, digest: bytes) -> RowReading | None:
        read = self._reads.get(digest)
        if read is not None:
            self._reads.move_to_end(digest)
        return read

    def put(self, digest: bytes, read: RowReading) -> None:
        self._reads[digest] = read
        self._reads.move_to_end(digest)
        while len(self._reads) > self.kept:
            self._reads.popitem(last=False)

    def clear(self) -> None:
        self._reads.clear()

    def __len__(self) -> int:
        return len(self._reads)


READINGS = GlyphReadings()
"""The process's row readings (one per batch worker)."""


def row_digest(row: np.ndarray, spans: Sequence[tuple[int, int]], reader: object) -> bytes:
    """A row image's identity for ``reader`` (readings of one engine are no other's): its shape, glyph
    spans and pixels."""
    kind = type(reader)
    tag = f"{kind.__module__}.{kind.__qualname__} {row.shape} {list(spans)}"
    digest = hashlib.blake2b(tag.encode(), digest_size=16)
    digest.update(row.tobytes())
    return digest.digest()


def read_rows_once(engine: Any, rows: list[np.ndarray],
                   spans: list[list[tuple[int, int]]]) -> list[RowReading]:
    """Each row read by ``engine`` — from :data:`READINGS` when this row was read before, else by the
    model — and kept.  A row's reading depends on the row alone: rows are read at a fixed width
    (:func:`padded_row`) and grouped by it, so no row is padded by the engine to the width of another row
    that happens to share its batch (one thread's inference is the same whatever the batch size)."""
    digests = [row_digest(row, row_spans, engine) for row, row_spans in zip(rows, spans, strict=True)]
    found = {d: read for d in digests if (read := READINGS.get(d)) is not None}
    todo: dict[bytes, tuple[np.ndarray, list[tuple[int, int]]]] = {}
    for d, row, row_spans in zip(digests, rows, spans, strict=True):
        if d not in found:
            todo.setdefault(d, (padded_row(row), row_spans))
    by_width: dict[int, list[bytes]] = defaultdict(list)
    for d, (row, _) in todo.items():
        by_width[row.shape[1]].append(d)
    for width in sorted(by_width):
        group = by_width[width]
        reads = engine.read_rows([todo[d][0] for d in group], [todo[d][1] for d in group])
        for d, read in zip(group, reads, strict=True):
            found[d] = tuple(read)
            READINGS.put(d, found[d])
    return [found[d] for d in digests]


def padded_row(row: np.ndarray) -> np.ndarray:
    """The row with white to its right up to the next multiple of ``DEFAULT_ROW_WIDTH_QUANTUM`` row heights
    (spans, counted from the left, are unchanged): the width it is read at, a function of the row alone."""
    import numpy as np

    quantum = DEFAULT_ROW_WIDTH_QUANTUM * max(row.shape[0], 1)
    width = -(-max(row.shape[1], 1) // quantum) * quantum
    if width == row.shape[1]:
        return row
    pad = np.full((row.shape[0], width - row.shape[1], *row.shape[2:]), 255, dtype=row.dtype)
    return np.concatenate([row, pad], axis=1)


@dataclass(slots=True)
class PageDecode:
    """What decoding did on one page."""

    fonts: frozenset[str]
    glyphs: int = 0
    """Visible characters of the garbled fonts."""
    undecoded: int = 0
    from_page_ocr: int = 0
    """Glyphs the recognition model alone could not read, read from the page's OCR instead."""


@dataclass(slots=True)
class GlyphDecoder:
    """The glyph table of one document, filled page by page as new glyphs appear."""

    path: str | Path
    password: str | None
    settings: OcrSettings
    table: dict[GlyphKey, str] = field(default_factory=dict)
    fonts: set[str] = field(default_factory=set)
    """Fonts found garbled on an earlier page: garbled wherever they print (a heading of a few glyphs)."""
    _pdf: Any = None

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    def decode(self, page: Any) -> PageDecode | None:
        """Rewrite in place the text of the page's characters in garbled fonts; None when no font of the
        page is garbled, the page is turned (its chars are then not where the render puts them) or the OCR
        engine cannot read glyphs alone."""
        fonts = garbled_fonts(page.chars)
        if self.fonts:
            fonts |= self.fonts & {font_of(ch) for ch in page.chars}
        self.fonts |= fonts
        if not fonts or int(page.rotation or 0) % 360 or not hasattr(self.engine(), "read_rows"):
            return None
        targets = [(ch, glyph_key(ch)) for ch in page.chars if font_of(ch) in fonts and ch["text"] != "\n"]
        report = PageDecode(fonts, sum(1 for ch, _ in targets if ch["text"].strip()))
        new = first_keyed((ch, key) for ch, key in targets if key not in self.table)  # keyless: skipped there
        loose = [ch for ch, key in targets if key is None]
        if new or loose:
            img, scale = self.render(page, [*new.values(), *loose])
            try:
                self.read_page(page, (new, loose, targets), img, scale, report)
            finally:
                img.close()
        for ch, key in targets:
            text = self.keyed_text(ch, key)
            ch["text"] = REPLACEMENT if text is None else text
            report.undecoded += text is None
            ch.pop("_decoded", None)
        return report

    def read_page(self, page: Any, glyphs: tuple[dict[GlyphKey, Char], list[Char], list[Keyed]],
                  img: PageCanvas, scale: float, report: PageDecode) -> None:
        """The page's new glyphs read alone, then what is left in its line, then from page OCR."""
        new, loose, targets = glyphs
        origin = page_origin(page)
        # a loose glyph with ink is read in its line (read_in_context): its line is drawn that wide at once
        boxes = [glyph_box(ch, scale, origin) for ch in [*new.values(), *loose]]
        img.draw_lines(boxes[: len(new)] + [context_box(ch, scale, origin) for ch in loose])
        crops = img.crops(boxes)
        for ch, crop in zip(loose, crops[len(new) :], strict=True):  # no glyph key: read where printed
            if not has_ink(crop):
                ch["_decoded"] = " "
        self.read_new(new, dict(zip(new, crops[: len(new)], strict=True)))
        self.read_in_context(self.unread(targets), img, scale, page)
        unread = [ch for ch, _key in self.unread(targets)]
        if unread:
            report.from_page_ocr = self.read_from_page_ocr(unread, img, scale, page)

    def unread(self, targets: list[Keyed]) -> list[Keyed]:
        """The characters of ``targets`` not decoded yet, with their glyph keys."""
        return [(ch, key) for ch, key in targets if self.keyed_text(ch, key) is None]

    def keyed_text(self, ch: Char, key: GlyphKey | None) -> str | None:
        """The text decoded for ``ch``, whose :func:`glyph_key` is ``key`` (None: not read yet)."""
        return ch.get("_decoded") if key is None else self.table.get(key)

    def render(self, page: Any, chars: list[Char]) -> tuple[PageCanvas, float]:
        """The page's canvas at the scale that makes the smallest of ``chars`` ``DEFAULT_GLYPH_MIN_PX`` high
        (drawn where it is looked at: :class:`PageCanvas`).  A page pdfium reads is drawn from the page the
        source opened; any other from the decoder's own opening of the file."""
        smallest = min((float(ch["bottom"]) - float(ch["top"]) for ch in chars), default=10.0)
        longest = max(float(page.width), float(page.height), 1.0)
        scale = min(DEFAULT_GLYPH_MIN_PX / max(smallest, 1.0), DEFAULT_GLYPH_MAX_SCALE,
                    DEFAULT_RENDER_LIMIT_PX / longest)
        import pypdfium2 as pdfium

        pdf_page = getattr(page, "page", None)
        if isinstance(pdf_page, pdfium.PdfPage):
            return PageCanvas(pdf_page, scale), scale
        if self._pdf is None:
            self._pdf = pdfium.PdfDocument(str(self.path), password=self.password or None)
        return PageCanvas(self._pdf[page.page_number - 1], scale, owned=True), scale

    def read_new(self, new: dict[GlyphKey, Char], crops: dict[GlyphKey, np.ndarray]) -> None:
        """Read each new glyph from its crop, laid in rows with others, and enter it in the table.  Glyphs
        read as nothing, several characters, with little confidence, or as an ideograph outside common use
        (a variant form read for a common character) are left to be read in their printed line."""
        ink = {key: crop for key, crop in crops.items() if has_ink(crop)}
        for key in crops.keys() - ink.keys():
            self.table[key] = " "
        crops_read = list(ink.values())
        rows, spans = glyph_rows(crops_read, DEFAULT_GLYPHS_PER_ROW)
        reads = dict(zip(ink, [read for row in read_rows_once(self.engine(), rows, spans) for read in row],
                         strict=True))
        common = common_chars()
        for key, crop in ink.items():
            text, score = reads[key]
            usual = len(text) != 1 or text in common or not is_ideograph(text)
            if len(text) == 1 and score >= DEFAULT_GLYPH_MIN_SCORE and usual:
                self.table[key] = settle_glyph(text, new[key], crop)

    def read_in_context(self, unread: list[Keyed], img: PageCanvas, scale: float, page: Any) -> None:
        """Glyphs not read alone, read again inside their printed line (a few glyphs either side, as the
        model was trained to see them): one row per glyph, the reading under its own span kept.  A line's
        reading is kept in :data:`READINGS` by the line's image, never by the glyph's: the same glyph in
        another document's line is read in that line (what was read so far serves only the same image)."""
        todo = first_keyed(unread)
        todo.update({id(ch): ch for ch, key in unread if key is None})  # type: ignore[dict-item]
        if not todo:
            return
        origin = page_origin(page)
        boxes = [context_box(ch, scale, origin) for ch in todo.values()]
        rows = img.crops(boxes)
        spans, slots = [], []
        for ch, box, row in zip(todo.values(), boxes, rows, strict=True):
            row_spans, slot = context_spans(ch, page, scale, (box[0], box[0] + row.shape[1]), origin)
            spans.append(row_spans)
            slots.append(slot)
        reads = read_rows_once(self.engine(), rows, spans)
        for (key, ch), row, slot in zip(todo.items(), reads, slots, strict=True):
            text, score = row[slot]
            if len(text) == 1 and score >= DEFAULT_GLYPH_MIN_SCORE:
                self.learn(key, ch, settle_glyph(text, ch, glyph_crop(img, ch, scale, origin)))

    def learn(self, key: Any, ch: Char, text: str) -> None:
        if isinstance(key, tuple):
            self.table[key] = text
        else:
            ch["_decoded"] = text

    def engine(self) -> Any:
        from .ocr import ocr_engine

        return ocr_engine(self.settings)

    def read_from_page_ocr(self, unread: list[Char], img: PageCanvas, scale: float, page: Any) -> int:
        """Glyphs the model could not read alone or in their line, read from page OCR (detection and
        recognition) of the bands of the render that hold them, at their boxes; learnt for the rest of the
        document."""
        from dataclasses import replace

        from policy_extract.core.budget import announce

        from .ocr import recognise

        announce("ocr_page", page.page_number)  # page OCR: the document's time limit grows (core.budget)
        boxes = [char_box(ch, scale, page_origin(page)) for ch in unread]
        lines = []
        for top, bottom in line_bands(boxes, img.shape[0]):
            band = img.crop((0, top, img.shape[1], bottom))
            lines += [replace(ln, box=(ln.box[0], ln.box[1] + top, ln.box[2], ln.box[3] + top))
                      for ln in recognise(band, self.settings)]
        found = 0
        for ch, box in zip(unread, boxes, strict=True):
            text = ocr_text_at(lines, box)
            if text is None:
                continue
            self.learn(glyph_key(ch), ch, text)
            found += 1
        return found


def render_rgb(pdf_page: Any, scale: float) -> np.ndarray:
    """A pypdfium2 page rendered at ``scale`` as RGB, the pixels ``page.render(scale=scale,
    rev_byteorder=True)`` gives, drawn into an array numpy filled white: pdfium fills a 24-bit bitmap pixel by
    pixel and pypdfium2 allocates it zeroed first, a sixth of the render's time outside drawing."""
    import ctypes
    import math

    import numpy as np
    import pypdfium2.raw as raw

    width, height = math.ceil(pdf_page.get_width() * scale), math.ceil(pdf_page.get_height() * scale)
    img = np.full((height, width, 3), 255, dtype=np.uint8)
    bitmap = raw.FPDFBitmap_CreateEx(width, height, raw.FPDFBitmap_BGR, img.ctypes.data_as(ctypes.c_void_p),
                                     width * 3)
    try:
        raw.FPDF_RenderPageBitmap(bitmap, pdf_page.raw, 0, 0, width, height, 0,
                                  raw.FPDF_ANNOT | raw.FPDF_REVERSE_BYTE_ORDER)
    finally:
        raw.FPDFBitmap_Destroy(bitmap)
    return img


CLIP_PAD = 2
"""Pixels a :class:`PageCanvas` drawing reaches past the rectangle it draws: pdfium's pixels along a clip's
edge may differ from an unclipped drawing's (anti-aliasing cut by the clip: up to 34 levels, about 1 drawing
in 500, measured on CropBox-offset, rotated and UserUnit pages); one pixel in from the edge they never did."""


class PageCanvas:
    """A page drawn at ``scale`` as RGB by ``FPDF_RenderPageBitmapWithMatrix``, only where it is looked at:
    :meth:`crop` draws the rectangle asked for and returns it.  Each pixel is the one a drawing of the whole
    page with the same matrix gives (``draw((0, 0, width, height))``): pdfium is clipped to the rectangle
    grown by :data:`CLIP_PAD`, the page's whole matrix unchanged, and the pixels drawn before are put back
    where the grown rectangle met them, so a later drawing never changes an earlier crop.  This is not
    :func:`render_rgb`'s ``FPDF_RenderPageBitmap``: the two agree at most scales and differ by a few levels at
    some (and on some page boxes).  A later page mostly reuses glyphs read before, and even the first has
    glyphs printed at many places: drawing the crops of its new glyphs costs a fraction of drawing the page.
    Pixels never asked for are never read."""

    def __init__(self, pdf_page: Any, scale: float, owned: bool = False) -> None:
        import ctypes
        import math

        import numpy as np
        import pypdfium2.raw as raw

        self.page, self.owned = pdf_page, owned
        width, height = math.ceil(pdf_page.get_width() * scale), math.ceil(pdf_page.get_height() * scale)
        self.shape = (height, width, 3)
        self.img = np.empty(self.shape, dtype=np.uint8)
        self._bitmap = raw.FPDFBitmap_CreateEx(width, height, raw.FPDFBitmap_BGR,
                                               self.img.ctypes.data_as(ctypes.c_void_p), width * 3)
        # FPDF_RenderPageBitmap fits the page to the bitmap: width / page width across, height / page
        # height down (not ``scale`` itself); given as this matrix, the pixels are the same
        self._matrix = raw.FS_MATRIX(width / pdf_page.get_width(), 0, 0, height / pdf_page.get_height(), 0, 0)
        self._drawn: list[tuple[int, int, int, int]] = []

    def crop(self, box: tuple[int, int, int, int]) -> np.ndarray:
        """The render inside ``box`` (cut to the page; a white pixel when nothing is left), drawn first."""
        inside = inside_box(box, self.shape)
        if inside is None:
            return crop_box(self.img, box)
        self.draw(inside)
        x0, top, x1, bottom = inside
        return self.img[top:bottom, x0:x1]

    def crops(self, boxes: list[tuple[int, int, int, int]]) -> list[np.ndarray]:
        """:meth:`crop` of each box, drawn first a line at a time (:meth:`draw_lines`)."""
        self.draw_lines(boxes)
        return [crop_box(self.img, box) for box in boxes]

    def draw_lines(self, boxes: list[tuple[int, int, int, int]]) -> None:
        """Draw the rectangles that hold ``boxes``: boxes overlapping in height are drawn as one (a line's
        glyphs), as each drawing walks every object it touches whole."""
        groups: list[list[int]] = []
        inside = (inside_box(box, self.shape) for box in boxes)
        for x0, top, x1, bottom in sorted((b for b in inside if b is not None), key=lambda b: b[1]):
            if groups and top < groups[-1][3]:
                g = groups[-1]
                g[0], g[2], g[3] = min(g[0], x0), max(g[2], x1), max(g[3], bottom)
            else:
                groups.append([x0, top, x1, bottom])
        for x0, top, x1, bottom in groups:
            self.draw((x0, top, x1, bottom))

    def draw(self, box: tuple[int, int, int, int]) -> None:
        """Render the page inside ``box`` (pixels, inside the page) unless an earlier drawing holds it."""
        import pypdfium2.raw as raw

        x0, top, x1, bottom = box
        if any(a <= x0 and b <= top and x1 <= c and bottom <= d for a, b, c, d in self._drawn):
            return
        height, width = self.shape[:2]
        grown = (max(0, x0 - CLIP_PAD), max(0, top - CLIP_PAD), min(width, x1 + CLIP_PAD),
                 min(height, bottom + CLIP_PAD))
        kept = [(area, self.img[area].copy()) for area in self._overlaps(grown)]
        gx0, gtop, gx1, gbottom = grown
        self.img[gtop:gbottom, gx0:gx1] = 255
        raw.FPDF_RenderPageBitmapWithMatrix(self._bitmap, self.page.raw, self._matrix,
                                            raw.FS_RECTF(gx0, gtop, gx1, gbottom),
                                            raw.FPDF_ANNOT | raw.FPDF_REVERSE_BYTE_ORDER)
        for area, pixels in kept:  # drawn before: right already (a clip's edge pixel may not be)
            self.img[area] = pixels
        self._drawn.append(box)

    def _overlaps(self, box: tuple[int, int, int, int]) -> list[tuple[slice, slice]]:
        """Where ``box`` meets the rectangles drawn before (rows, columns)."""
        x0, top, x1, bottom = box
        areas = []
        for a, b, c, d in self._drawn:
            left, up, right, down = max(a, x0), max(b, top), min(c, x1), min(d, bottom)
            if left < right and up < down:
                areas.append((slice(up, down), slice(left, right)))
        return areas

    def close(self) -> None:
        import pypdfium2.raw as raw

        if self._bitmap is not None:
            raw.FPDFBitmap_Destroy(self._bitmap)
            self._bitmap = None
        if self.owned:
            self.page.close()


def line_bands(boxes: list[tuple[int, int, int, int]], height: int) -> list[tuple[int, int]]:
    """Pixel rows holding the boxes, each padded by ``DEFAULT_BAND_PAD_EM`` of its height (the detector needs
    a margin round a line), overlapping bands merged: what page OCR has to look at, not the whole page."""
    bands: list[list[int]] = []
    for _x0, top, _x1, bottom in sorted(boxes, key=lambda b: b[1]):
        pad = round(DEFAULT_BAND_PAD_EM * (bottom - top))
        lo, hi = max(0, top - pad), min(height, bottom + pad)
        if bands and lo <= bands[-1][1]:
            bands[-1][1] = max(bands[-1][1], hi)
        else:
            bands.append([lo, hi])
    return [(lo, hi) for lo, hi in bands if hi > lo]


def first_keyed(chars: Iterable[Keyed]) -> dict[GlyphKey, Char]:
    """One occurrence of each glyph of characters given with their :func:`glyph_key`: the largest printed
    (most pixels to read); characters without a key are left out."""
    best: dict[GlyphKey, Char] = {}
    for ch, key in chars:
        if key is not None and (key not in best or ch["size"] > best[key]["size"]):
            best[key] = ch
    return best


def page_origin(page: Any) -> tuple[float, float]:
    """Where the rendered page box starts in the text layer's coordinates (pdfplumber counts from the media
    box; pdfium renders the crop box)."""
    bbox = getattr(getattr(page, "plumber", page), "bbox", None)
    return (float(bbox[0]), float(bbox[1])) if bbox else (0.0, 0.0)


def char_box(ch: Char, scale: float, origin: tuple[float, float]) -> tuple[int, int, int, int]:
    """A character's em box in the pixels of a render of the page starting at ``origin``."""
    return (round((float(ch["x0"]) - origin[0]) * scale), round((float(ch["top"]) - origin[1]) * scale),
            round((float(ch["x1"]) - origin[0]) * scale), round((float(ch["bottom"]) - origin[1]) * scale))


def glyph_crop(img: np.ndarray | PageCanvas, ch: Char, scale: float,
               origin: tuple[float, float]) -> np.ndarray:
    """The glyph's em box in the render, with ``DEFAULT_CROP_PAD_EM`` above and below (a comma's tail)."""
    return crop_box(img, glyph_box(ch, scale, origin))


def glyph_box(ch: Char, scale: float, origin: tuple[float, float]) -> tuple[int, int, int, int]:
    """The pixels of :func:`glyph_crop`."""
    return pad_box(char_box(ch, scale, origin), 0.0, DEFAULT_CROP_PAD_EM)


def pad_box(box: tuple[int, int, int, int], x_em: float, y_em: float) -> tuple[int, int, int, int]:
    em = box[3] - box[1]
    return (round(box[0] - x_em * em), round(box[1] - y_em * em), round(box[2] + x_em * em),
            round(box[3] + y_em * em))


def crop_box(img: np.ndarray | PageCanvas, box: tuple[int, int, int, int]) -> np.ndarray:
    """The image inside ``box`` (at least a pixel each way, cut to the image); one white pixel when the box
    lies wholly outside it."""
    import numpy as np

    if isinstance(img, PageCanvas):
        return img.crop(box)
    inside = inside_box(box, img.shape)
    if inside is None:
        return np.full((1, 1, 3), 255, dtype=np.uint8)
    x0, top, x1, bottom = inside
    return img[top:bottom, x0:x1]


def inside_box(box: tuple[int, int, int, int], shape: tuple[int, ...]) -> tuple[int, int, int, int] | None:
    """``box`` made at least a pixel wide and high, cut to an image of ``shape``; None when none is left."""
    h, w = shape[:2]
    x0, top = max(0, box[0]), max(0, box[1])
    x1, bottom = min(w, max(box[2], box[0] + 1)), min(h, max(box[3], box[1] + 1))
    return (x0, top, x1, bottom) if x1 > x0 and bottom > top else None


def glyph_rows(crops: list[np.ndarray], per_row: int) -> tuple[list[np.ndarray], list[list[tuple[int, int]]]]:
    """Glyph crops scaled to one height and laid side by side, ``per_row`` to a row, as a line is printed
    (no gap: the boxes carry the side bearings); each row's glyph spans in its pixels."""
    import cv2
    import numpy as np

    rows, spans = [], []
    for start in range(0, len(crops), per_row):
        parts, row_spans, x = [], [], 0
        for crop in crops[start : start + per_row]:
            h, w = crop.shape[:2]
            width = max(1, round(w * DEFAULT_ROW_PX / max(h, 1)))
            parts.append(cv2.resize(crop, (width, DEFAULT_ROW_PX), interpolation=cv2.INTER_AREA))
            row_spans.append((x, x + width))
            x += width
        rows.append(np.concatenate(parts, axis=1))
        spans.append(row_spans)
    return rows, spans


def context_box(ch: Char, scale: float, origin: tuple[float, float]) -> tuple[int, int, int, int]:
    """The printed line around a glyph: its crop widened by ``DEFAULT_CONTEXT_EM`` either side."""
    box = glyph_box(ch, scale, origin)
    em = box[3] - box[1]
    return (max(0, round(box[0] - DEFAULT_CONTEXT_EM * em)), box[1], round(box[2] + DEFAULT_CONTEXT_EM * em),
            box[3])


def context_spans(ch: Char, page: Any, scale: float, cut: tuple[int, int],
                  origin: tuple[float, float]) -> tuple[list[tuple[int, int]], int]:
    """The spans of the characters of ``ch``'s line inside the pixel columns ``cut`` (counted from its
    left), and which of them is ``ch``'s; ``origin``: :func:`page_origin` of ``page``."""
    x0, x1 = cut
    mid = (float(ch["top"]) + float(ch["bottom"])) / 2
    near = sorted((c for c in page.chars if c["top"] < mid < c["bottom"]), key=lambda c: c["x0"])
    spans, slot = [], 0
    for other in near:
        a, _, b, _ = char_box(other, scale, origin)
        if a >= x0 and b <= x1:
            slot = len(spans) if other is ch else slot
            spans.append((a - x0, b - x0))
    return spans, slot


def has_ink(crop: np.ndarray) -> bool:
    return bool(crop.size) and int(crop.min()) < DEFAULT_BLANK_LEVEL


def settle_glyph(text: str, ch: Char, crop: np.ndarray) -> str:
    """What the model read, settled by the glyph's own metrics: an ASCII mark on a full-width advance is the
    Chinese mark (``,`` → ``，``) and a Chinese mark on a half-width one the ASCII mark (a period's ink is
    square, a comma's tall); a bar is ``-`` when short, ``—`` when long and thin, ``一`` long and thick."""
    if is_ideograph(text) and text not in _BARS:
        return text  # nothing to settle: the common case, kept cheap
    from .ocr import fix_punctuation

    text = fix_punctuation(text) or text
    size = float(ch["bottom"]) - float(ch["top"])
    advance = (float(ch["x1"]) - float(ch["x0"])) / size if size > 0 else 1.0
    ink = ink_extent(crop) if text in _BARS or text in _STOPS else None  # measured only where it decides
    if text in _BARS and ink is not None:
        return bar_glyph(text, ink)
    if (text in _OPENING or text in _CLOSING) and advance >= DEFAULT_FULL_WIDTH_EM:
        solid = ink_fill(crop) >= DEFAULT_SOLID_BRACKET_INK
        return ("【" if solid else "〔") if text in _OPENING else ("】" if solid else "〕")
    if text in _STOPS and ink is not None:
        return stop_glyph(advance >= DEFAULT_FULL_WIDTH_EM, ink, ink_fill(crop))
    if advance >= DEFAULT_FULL_WIDTH_EM:
        return _FULL_WIDTH.get(text, text)
    return text


def stop_glyph(full_width: bool, ink: tuple[float, float, float, float], fill: float) -> str:
    """A stop or comma told by its ink: taller than wide is a comma; on a full-width advance a small solid
    dot is ``．`` (``1．`` numbering) and a ring ``。``; on a half-width one a period."""
    height, width = ink[2], ink[3]
    if full_width and max(width, height) <= DEFAULT_SMALL_DOT_EM and fill >= DEFAULT_SOLID_DOT_FILL:
        return "．"
    if height >= DEFAULT_COMMA_TALL * width:
        return "，" if full_width else ","
    return "。" if full_width else "."


def ink_extent(crop: np.ndarray) -> tuple[float, float, float, float] | None:
    """Width, thickness (fullest column), height and width of a crop's ink, in ems of the crop's box
    (``(span, thickness, height, width)``); None without ink."""
    import numpy as np

    ink = crop.min(axis=2) < DEFAULT_INK_LEVEL if crop.ndim == 3 else crop < DEFAULT_INK_LEVEL
    ys, xs = np.nonzero(ink)
    if not len(xs):
        return None
    em = crop.shape[0] / (1 + 2 * DEFAULT_CROP_PAD_EM)
    width = (xs.max() + 1 - xs.min()) / em
    return (width, float(ink.sum(axis=0).max()) / em, (ys.max() + 1 - ys.min()) / em, width)


def ink_fill(crop: np.ndarray) -> float:
    """Share of the crop's ink box that is ink (0 without ink)."""
    import numpy as np

    ink = crop.min(axis=2) < DEFAULT_INK_LEVEL if crop.ndim == 3 else crop < DEFAULT_INK_LEVEL
    ys, xs = np.nonzero(ink)
    if not len(xs):
        return 0.0
    return float(len(xs)) / ((ys.max() + 1 - ys.min()) * (xs.max() + 1 - xs.min()))


def bar_glyph(text: str, ink: tuple[float, float, float, float]) -> str:
    span, thickness = ink[0], ink[1]
    if span <= DEFAULT_HYPHEN_MAX_EM:
        return "-"
    if span >= DEFAULT_LONG_BAR_EM:
        return "—" if thickness <= DEFAULT_DASH_MAX_THICK_EM else "一"
    return text


def ocr_text_at(lines: list[Any], box: tuple[int, int, int, int]) -> str | None:
    """The one character page OCR placed with its centre inside ``box`` (None when none or several)."""
    hits = [c for line in lines if line.box[1] < box[3] and line.box[3] > box[1]
            for c, b in line.chars if box[0] <= (b[0] + b[2]) / 2 < box[2]]
    return hits[0] if len(hits) == 1 else None


def undecoded_warning(number: int, report: PageDecode) -> str:
    """The warning text for a decoded page with glyphs left unread."""
    return (f"page {number}: {report.undecoded} of {report.glyphs} glyph(s) of garbled font(s) could not be "
            "read and are U+FFFD")


def decoded_page(page: Any, decoder: GlyphDecoder, settings: Any, warnings: list[DocWarning],
                 running: Set[str] = frozenset()) -> PageContent | None:
    """The page from its text layer with its garbled fonts decoded (``text_layer="decoded"``), or None when
    no font of it is garbled.  Warnings say which fonts were decoded and how many glyphs stayed unread;
    ``running`` as :func:`.document.extract_page` takes it."""
    from .document import extract_page_safely

    report = decoder.decode(page) if settings.ocr.decode_glyphs else None
    if report is None:
        return None
    n = page.page_number
    fonts = ", ".join(sorted(f.split("+")[-1] for f in report.fonts))
    ocr = f", {report.from_page_ocr} of them read from the page's OCR" if report.from_page_ocr else ""
    warnings.append(DocWarning("garbled_text_layer", f"page {n}: font(s) {fonts} have no usable Unicode map; "
                               f"{report.glyphs} glyph(s) decoded from their images{ocr}", n, "extract"))
    if report.undecoded:
        warnings.append(DocWarning(UNDECODED_GLYPHS, undecoded_warning(n, report), n, "extract"))
    content = extract_page_safely(page, settings, running)
    content.text_layer = "decoded"
    return content
