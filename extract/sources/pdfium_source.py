"""The pdfium page source: characters and ruling segments read by pypdfium2 in native code.

pdfminer's document (pdfplumber, opened lazily: no content stream is interpreted) stays open beside it for
what costs nothing there and is not exposed by pdfium: the page boxes and ``/Rotate`` exactly as pdfplumber
normalises them, the font descriptors' /Descent and /FontName (the character boxes), and the raw content bytes
(the damage checks).  A page whose pdfium text is empty, unmapped or garbled-looking is handed to pdfminer
whole (:meth:`PdfiumPage.resolve`), so the OCR verdict and what is kept are pdfminer's.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from policy_extract.core.model import DocWarning

from ..damage import bad_operand_warning, bad_value_warning, content_data, data_cut, stream_cut_warning
from ..lines import FILL_STROKE_MODES, Char, stroke_value
from ..pdf import open_pdf
from ..rules import Segment, merge_segments, raw_segments
from ..settings import ExtractSettings
from ..textlayer import (
    DEFAULT_MAX_RARE_SHARE,
    LayerCheck,
    check_chars,
    drop_bad_values,
    image_cover,
    valid_unicode_chars,
)
from .operands import scan_operands
from .pdfium_codes import keep_garbled
from .pdfium_geometry import _SNAPPED, FOREIGN, Affine, add_font, apply, font_specs, page_affine, snap
from .pdfium_paths import _INT, _PTR, Walk, address, page_objects, page_paths, page_walk
from .pdfium_paths import native as _native
from .pdfium_widths import WidthTables, add_widths
from .pdfminer_source import PdfminerPage

FontFacts = dict[str, tuple[str, float | None]]
"""``/BaseFont`` without subset prefix → (pdfminer's fontname, descent per font size or None)."""
_SPACE = 32
_HYPHEN_MARK, _HYPHEN = 2, ord("-")
"""pdfium's code for a hyphen that ends a line (the word continues on the next); pdfminer gives ``-``."""
_SPACE_EM = 0.5
"""Width of a space, in em, for a font that gives none."""
_NO_WIDTH = 0.01
_SAFE_RARE_SHARE = DEFAULT_MAX_RARE_SHARE / 2
"""pdfium's verdict is trusted only well inside "ok": nearer the threshold pdfminer's raw codes decide."""


class PdfiumDocument:
    """pdfium's document beside pdfminer's; every page is pdfminer's when pdfium cannot open the file or
    counts its pages differently."""

    def __init__(self, path: str | Path, password: str | None = None) -> None:
        self.pdf = open_pdf(path, password)
        self.doc: pdfium.PdfDocument | None
        try:
            self.doc = pdfium.PdfDocument(str(path), password=password)
        except Exception:  # pdfminer opened it; pdfium's reason does not matter, pdfminer reads it
            self.doc = None
        if self.doc is not None and len(self.doc) != len(self.pdf.pages):
            self.doc.close()
            self.doc = None
        self.fonts: FontFacts = {}
        self.widths: WidthTables = {}
        self.seen: set[int] = set()
        """Font dictionaries already read (by identity: pdfminer keeps one object per reference)."""

    def pages(self) -> Iterator[PdfiumPage | PdfminerPage]:
        for index, plumber in enumerate(self.pdf.pages):
            if self.doc is None:
                yield PdfminerPage(plumber)
            else:
                yield PdfiumPage(plumber, self.doc[index], (self.fonts, self.widths, self.seen))

    def close(self) -> None:
        if self.doc is not None:
            self.doc.close()
        self.pdf.close()


class PdfiumPage:
    """One page read by pdfium; ``plumber`` is the same page in pdfminer's document (not parsed)."""

    def __init__(self, plumber: Any, page: pdfium.PdfPage,
                 fonts: tuple[FontFacts, WidthTables, set[int]]) -> None:
        self.plumber, self.page = plumber, page
        self.fonts, self.widths, self.seen = fonts
        self.page_number = int(plumber.page_number)
        self.width, self.height = float(plumber.width), float(plumber.height)
        self.rotation = int(plumber.rotation or 0)
        self.affine: Affine = page_affine(plumber)
        self._chars: list[Char] | None = None
        self._paths: dict[str, list[dict[str, Any]]] | None = None
        self._walk: Walk | None = None
        self.unmapped = False
        self._check: tuple[int, LayerCheck] | None = None

    @property
    def chars(self) -> list[Char]:
        if self._chars is None:
            self.read()
        return self._chars  # type: ignore[return-value]

    def read(self, until_unmapped: bool = False) -> None:
        """Read the characters; with ``until_unmapped``, stop at the first one that hands the page to pdfminer
        (then no characters are kept: :meth:`resolve` needs no more than that one)."""
        for spec in font_specs(self.plumber.page_obj.resources, self.seen):  # one walk of the resources
            add_font(spec, self.fonts)
            add_widths(spec, self.widths)
        chars, self.unmapped = read_chars(self.page, self.affine, (self.fonts, self.widths), until_unmapped,
                                          self.walk)
        self._chars = None if self.unmapped and until_unmapped else chars

    @property
    def paths(self) -> dict[str, list[dict[str, Any]]]:
        if self._paths is None:
            self._paths = page_paths(self.walk())
        return self._paths

    def walk(self) -> Walk:
        """The page's objects by kind (one walk for characters' blanks, paths and images)."""
        if self._walk is None:
            self._walk = page_walk(self.page, self.affine)
        return self._walk

    def segments(self, settings: ExtractSettings) -> list[Segment]:
        """Merged rules of the page's paths (its images and shadings tell where white rules are seen)."""
        paths, walk = self.paths, self.walk()
        images = [dict(zip(("x0", "top", "x1", "bottom"), b, strict=True)) for b in self.image_boxes()]
        shaded = bool(walk.get(raw.FPDF_PAGEOBJ_SHADING))
        segs = raw_segments(paths["line"], paths["rect"], paths["curve"], settings, images, shaded)
        return merge_segments(segs, settings)

    def damage(self) -> list[DocWarning]:
        """Coordinates checked on what pdfium read; operands and a cut stream on the content bytes."""
        found: list[DocWarning] = []
        n = self.page_number
        dropped = drop_bad_values(self.chars) + sum(drop_bad_values(v) for v in self.paths.values())
        data = content_data(self.plumber)
        skipped, absurd = scan_operands(data) if data is not None else (0, 0)
        dropped += absurd
        if skipped:
            found.append(bad_operand_warning(n, skipped))
        if dropped:
            found.append(bad_value_warning(n, dropped))
        if data is not None and data_cut(data):
            found.append(stream_cut_warning(n))
        return found

    def layer_check(self) -> LayerCheck:
        if self._check is None or self._check[0] != len(self.chars):
            self._check = (len(self.chars), check_chars(self.chars, self.image_cover))
        return self._check[1]

    def image_cover(self) -> float:
        """Share of the page its raster images cover (forms' images too), as ``textlayer.check_page``
        measures it on pdfplumber's images."""
        return image_cover(self.image_boxes(), (0.0, 0.0, self.width, self.height))

    def image_boxes(self) -> list[tuple[float, float, float, float]]:
        """The boxes ``(x0, top, x1, bottom)`` of the page's raster images (forms' images too)."""
        boxes = []
        for _, m in page_objects(self.walk(), raw.FPDF_PAGEOBJ_IMAGE):
            xs, ys = zip(*(apply(m, x, y) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))), strict=True)
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
        return boxes

    def resolve(self) -> PdfiumPage | PdfminerPage:
        """This page, or pdfminer's reading of it when pdfium's text cannot be trusted to give the same
        verdict: empty, with unmapped or lone-surrogate characters, or near the garbled threshold.  A garbled
        page (unmapped characters of a font without a usable Unicode map) stays pdfium's, each glyph named as
        pdfminer names it (:func:`.pdfium_codes.keep_garbled`), unless the two readings do not pair up."""
        try:
            if self._chars is None:
                self.read(until_unmapped=True)
            chars = self._chars
        except Exception:  # pdfium or a damaged resource failed this page: pdfminer reads it (or names it)
            return self.handed_over()
        if chars is None or self.unmapped or valid_unicode_chars(chars):
            return self if self.unmapped and keep_garbled(self) else self.handed_over()
        check = self.layer_check()
        if check.kind != "ok" or check.bad or (check.cjk and check.rare >= _SAFE_RARE_SHARE * check.cjk):
            return self.handed_over()
        return self

    def handed_over(self) -> PdfminerPage:
        self.close()
        return PdfminerPage(self.plumber)

    def close(self) -> None:
        self._chars = self._paths = self._walk = None
        self.page.close()
        self.plumber.close()


class _Reader:
    """Per-page state for reading characters: ctypes out-parameters and caches by text object and font."""

    def __init__(self, textpage: Any, affine: Affine, fonts: tuple[FontFacts, WidthTables]) -> None:
        self.tp, self.affine = textpage, affine
        self.tpa = address(textpage)
        """The text page's address, for the per-character calls of :func:`_native` prototypes."""
        self.upright = not (affine[1] or affine[2])
        """An unrotated page: an upright character's box is its corners directly."""
        self.fonts, self.width_tables = fonts
        self.shift: tuple[Any, float] = (None, 0.0)
        """Baseline and how far (text space) pdfium's whole-thousandth widths put its next glyph short: a
        font change goes on from where the glyphs before it ended, as pdfium placed them."""
        self.x, self.y, self.size = ctypes.c_double(), ctypes.c_double(), ctypes.c_float()
        self.box, self.matrix = raw.FS_RECTF(), raw.FS_MATRIX()
        self.rgba = [ctypes.c_uint() for _ in range(4)]
        self.at = (ctypes.addressof(self.x), ctypes.addressof(self.y), ctypes.addressof(self.matrix),
                   *(ctypes.addressof(v) for v in self.rgba))
        """Addresses of the out-parameters ``x, y, matrix, r, g, b, a``."""
        self.at_x, self.at_y = self.at[:2]
        self.at_rgba = self.at[3:]
        self.straight = (affine[0], affine[4], affine[3], affine[5])
        """The page matrix's scale and offset of x and of y (all an unrotated page has)."""
        self.objects: dict[int, tuple[Any, ...]] = {}
        self.widths: dict[tuple[int, int], float | None] = {}
        self.font_names: dict[int, tuple[str, float, dict[str, float] | None]] = {}
        self.last_keys = (0, 0)
        self.foreign = False
        """A character in a font whose /ToUnicode pdfminer reads otherwise was read."""

    def object_facts(self, index: int) -> tuple[Any, ...]:
        """``(font, fontname, descent, size, matrix abcd, fill colour, object, widths, upright box,
        stroke)`` of the char's text object (``font`` and ``object`` as addresses, 0 for none; the upright
        box as :meth:`_upright_box` gives it, the stroke as :func:`stroke_width`)."""
        key = _text_object(self.tpa, index) or 0
        facts = self.objects.get(key)
        if facts is None:
            facts = self.objects[key] = self._object_facts(key, index)
        self.last_keys = (self.last_keys[1], key)
        return facts

    def objects_of_last_two(self) -> bool:
        """Whether the last two characters read came from one text object."""
        return self.last_keys[0] == self.last_keys[1] != 0

    def _object_facts(self, obj: int, index: int) -> tuple[Any, ...]:
        size, m = self.size, self.matrix
        if not obj or not _text_font_size(obj, size):
            size.value = raw.FPDFText_GetFontSize(self.tp, index) or 1.0
        _text_matrix(self.tpa, index, self.at[2])
        font = (_text_font(obj) or 0) if obj else 0
        name, descent, widths = self.font_name(font)
        matrix = (snap(m.a), snap(m.b), snap(m.c), snap(m.d))
        fs = snap(size.value)
        return (font, name, descent, fs, matrix, self.fill(index), obj, widths,
                self._upright_box(matrix, descent, fs), stroke_width(obj) if obj else None)

    def _upright_box(self, matrix: tuple[float, float, float, float], descent: float,
                     size: float) -> tuple[float, float] | None:
        """For upright text on an unrotated page, what :func:`char_dict` computes once per text object:
        ``(d·low, d·high)`` with ``low, high`` from ``descent`` up one font size (None otherwise: the box
        goes through both matrices corner by corner)."""
        _, b, c, d = matrix
        if not self.upright or b or c:
            return None
        low = descent * size
        return (d * low, d * (low + size))

    def font_name(self, font: int) -> tuple[str, float, dict[str, float] | None]:
        """``(pdfminer's fontname, descent per font size, widths as written or None)`` of a pdfium font (its
        address, 0 for none)."""
        if font not in self.font_names:
            handle = ctypes.cast(font, raw.FPDF_FONT)
            base = font_base_name(handle) if font else ""
            name, descent = self.fonts.get(base, (base, None))
            self.foreign = self.foreign or FOREIGN + base in self.fonts
            if descent is None:
                value = ctypes.c_float()
                descent = value.value if font and raw.FPDFFont_GetDescent(handle, 1.0, value) else 0.0
            self.font_names[font] = (name, float(descent), self.width_tables.get(base))
        return self.font_names[font]

    def fill(self, index: int) -> tuple[float, float, float]:
        r, g, b, _ = self.rgba
        if not _fill_color(self.tpa, index, *self.at_rgba):
            return (0.0, 0.0, 0.0)
        return (r.value / 255, g.value / 255, b.value / 255)

    def advance(self, index: int, font: int, code: int, size: float, origin_x: float, scale: float) -> float:
        """The glyph's advance in text space (pdfminer's ``adv``): the font's width for the character, or the
        loose box's width when pdfium cannot map the character back to its code.  Negative in a vertical
        font (an ``-V`` CMap): pdfium gives the vertical advance (/W2, /DW2) then.  ``font``: its address."""
        key = (font, code)
        width = self.widths.get(key, -1.0)
        if width == -1.0:
            value = ctypes.c_float()
            ok = font and _glyph_width(font, code, 1.0, value)
            width = self.widths[key] = snap(value.value) if ok and value.value else None
        if width is not None:
            return width * size
        raw.FPDFText_GetLooseCharBox(self.tp, index, self.box)
        return (self.box.right - origin_x) / scale if scale else 0.0


_FLOAT_P = ctypes.POINTER(ctypes.c_float)
_get_unicode = _native(raw.FPDFText_GetUnicode, ctypes.c_uint, _PTR, _INT)
_is_generated = _native(raw.FPDFText_IsGenerated, _INT, _PTR, _INT)
_map_error = _native(raw.FPDFText_HasUnicodeMapError, _INT, _PTR, _INT)
_char_origin = _native(raw.FPDFText_GetCharOrigin, _INT, _PTR, _INT, _PTR, _PTR)
_text_matrix = _native(raw.FPDFText_GetMatrix, _INT, _PTR, _INT, _PTR)
_fill_color = _native(raw.FPDFText_GetFillColor, _INT, _PTR, _INT, _PTR, _PTR, _PTR, _PTR)
_text_object = _native(raw.FPDFText_GetTextObject, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
_text_font = _native(raw.FPDFTextObj_GetFont, ctypes.c_void_p, ctypes.c_void_p)
_text_font_size = _native(raw.FPDFTextObj_GetFontSize, ctypes.c_int, ctypes.c_void_p, _FLOAT_P)
_object_bounds = _native(raw.FPDFPageObj_GetBounds, _INT, _PTR, _FLOAT_P, _FLOAT_P, _FLOAT_P, _FLOAT_P)
_glyph_width = _native(raw.FPDFFont_GetGlyphWidth, ctypes.c_int, ctypes.c_void_p, ctypes.c_uint,
                       ctypes.c_float, _FLOAT_P)
_render_mode = _native(raw.FPDFTextObj_GetTextRenderMode, ctypes.c_int, ctypes.c_void_p)
_stroke_width = _native(raw.FPDFPageObj_GetStrokeWidth, ctypes.c_int, ctypes.c_void_p, _FLOAT_P)


def stroke_width(obj: int) -> float | None:
    """The line width (as written, before the CTM) a text object's glyphs are outlined with when they are
    filled and stroked (render mode 2 or 6: a word processor's fake bold), else None: the ``linewidth`` of
    its characters, as :func:`.pdfminer_source.stroked_width` gives it."""
    if _render_mode(obj) not in FILL_STROKE_MODES:
        return None
    width = ctypes.c_float()
    return stroke_value(snap(width.value)) if _stroke_width(obj, ctypes.byref(width)) else None


def font_base_name(font: Any) -> str:
    length = raw.FPDFFont_GetBaseFontName(font, None, 0)
    if length <= 0:
        return ""
    buf = ctypes.create_string_buffer(length)
    raw.FPDFFont_GetBaseFontName(font, buf, length)
    return buf.value.decode("utf-8", "replace")


def read_chars(page: pdfium.PdfPage, affine: Affine, fonts: tuple[FontFacts, WidthTables],
               until_unmapped: bool = False,
               walk: Callable[[], Walk] | None = None) -> tuple[list[Char], bool]:
    """The page's characters as pdfplumber char dicts (the keys extract uses), and whether pdfium found a
    character it could not map to Unicode, split one glyph into several (:func:`split_glyph`) or used a font
    whose /ToUnicode pdfminer reads otherwise (``pdfium_geometry.foreign_unicode_map``).  Spaces pdfium
    generates are left out (pdfminer has none there), except where pdfium dropped a typed blank for them
    (:func:`stands_for_a_blank`, :func:`blank_objects`).  With ``until_unmapped`` the reading stops at the
    first character pdfium cannot map or splits (what was read so far comes back, with True).  ``walk`` gives
    the page's :func:`page_walk` (made here when not given)."""
    textpage = raw.FPDFText_LoadPage(page.raw)
    try:
        reader = _Reader(textpage, affine, fonts)
        chars: list[Char] = []
        unmapped = False
        count = raw.FPDFText_CountChars(textpage)
        tpa, append = reader.tpa, chars.append
        for index in range(count):
            code = _get_unicode(tpa, index)
            if _is_generated(tpa, index):
                if code == _SPACE and stands_for_a_blank(reader, index, count):
                    append(char_dict(reader, index, code))
                continue
            append(char := char_dict(reader, index, code))
            if not unmapped:  # split_glyph asked only of a character at the x of the one before it
                unmapped = bool(_map_error(tpa, index)) or (
                    len(chars) > 1 and chars[-2]["x0"] == char["x0"] and split_glyph(reader, chars))
                if unmapped and until_unmapped:
                    return chars, True
        objects = walk() if walk is not None else page_walk(page, affine)
        return join_surrogates(chars) + blank_objects(objects, reader), unmapped or reader.foreign
    finally:
        raw.FPDFText_ClosePage(textpage)


def split_glyph(reader: _Reader, chars: list[Char]) -> bool:
    """Whether the last two characters are pieces of one glyph (same text object, same box): pdfium splits a
    ligature (``ﬁ``) or a glyph its Unicode reading maps to several letters, which pdfminer keeps as one
    character or maps otherwise (a /ToUnicode whose code space does not fit the font's one-byte codes);
    such a page is pdfminer's to read."""
    if len(chars) < 2:
        return False
    a, b = chars[-2], chars[-1]
    return reader.objects_of_last_two() and a["x0"] == b["x0"] and a["top"] == b["top"] and a["x1"] == b["x1"]


def stands_for_a_blank(reader: _Reader, index: int, count: int) -> bool:
    """A space pdfium generates inside a text object (for a kerning gap) sits at the origin of the glyph that
    follows; when that glyph is a typed blank, pdfium drops it (two spaces in a row collapse) and the
    generated space is all that is left of it: the next character is then not at its origin in its object."""
    obj = _text_object(reader.tpa, index)
    if not obj:
        return False
    if index + 1 >= count:
        return True
    _char_origin(reader.tpa, index, *reader.at[:2])
    here = (reader.x.value, reader.y.value)
    _char_origin(reader.tpa, index + 1, *reader.at[:2])
    same_object = _text_object(reader.tpa, index + 1) == obj
    return not (same_object and here == (reader.x.value, reader.y.value))


def blank_objects(walk: Walk, reader: _Reader) -> list[Char]:
    """A text object of blanks only (a typed space between two runs of text) has no width, and pdfium's text
    page skips it, putting a generated space there or nothing; pdfminer gives its blank, which decides the
    space kept between ``第一章`` and ``总则``.  One blank char for each such object none of whose characters
    the text page listed."""
    out: list[Char] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    def skipped(obj: int) -> bool:
        if obj in reader.objects:
            return False
        has_bounds = _object_bounds(obj, left, bottom, right, top)
        return not has_bounds or right.value - left.value <= _NO_WIDTH

    for obj, matrix in page_objects(walk, raw.FPDF_PAGEOBJ_TEXT, keep=skipped):
        out.append(blank_char(reader, obj, matrix))
    return out


def blank_char(reader: _Reader, obj: Any, matrix: Affine) -> Char:
    """A blank one space wide at a text object's origin, boxed as :func:`char_dict` boxes a character."""
    font = raw.FPDFTextObj_GetFont(obj)
    name, descent, _ = reader.font_name(address(font))
    size = reader.size
    fs = snap(size.value) if raw.FPDFTextObj_GetFontSize(obj, size) else 1.0
    width = ctypes.c_float()
    has_width = font and raw.FPDFFont_GetGlyphWidth(font, _SPACE, 1.0, width) and width.value > 0
    adv = (snap(width.value) if has_width else _SPACE_EM) * fs
    a, b, c, d, e, f = matrix
    low, high = descent * fs, descent * fs + fs
    points = ((0, low), (adv, high), (0, high), (adv, low))
    corners = [(a * tx + c * ty + e, b * tx + d * ty + f) for tx, ty in points]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    top, bottom = min(ys), max(ys)
    return {"text": " ", "x0": min(xs), "x1": max(xs), "top": top, "bottom": bottom, "size": bottom - top,
            "fontname": name, "non_stroking_color": (0.0, 0.0, 0.0)}


def char_dict(reader: _Reader, index: int, code: int) -> Char:
    """One character with pdfminer's box: from the origin, ``adv`` wide, from ``descent`` up one font size,
    through the character's matrix and then the page's (vertical writing: one font size wide, ``adv`` down
    from one font size above pdfium's origin, which pdfium already moved by the vertical displacement).

    Asked for every character: the text object's facts come from its cache, the origin's short decimals
    from :func:`snap`'s memo, and upright text on an unrotated page takes the box its object precomputed
    (:meth:`_Reader._upright_box`), each the same arithmetic as :func:`char_box`."""
    key = _text_object(reader.tpa, index) or 0  # reader.object_facts(index), without the call
    facts = reader.objects.get(key)
    if facts is None:
        facts = reader.objects[key] = reader._object_facts(key, index)
    reader.last_keys = (reader.last_keys[1], key)
    font, name, _, size, matrix, color, _, widths, upright, stroke = facts
    _char_origin(reader.tpa, index, reader.at_x, reader.at_y)
    x, y = reader.x.value, reader.y.value
    ox, oy = _SNAPPED.get(x) or snap(x), _SNAPPED.get(y) or snap(y)
    if code == _HYPHEN_MARK and raw.FPDFText_IsHyphen(reader.tp, index):
        code = _HYPHEN
    width = reader.widths.get((font, code))  # a known width: advance()'s first answer, without the call
    adv = width * size if width else reader.advance(index, font, code, size, ox, matrix[0])
    if widths is not None or reader.shift[1]:
        ox, oy, adv = written_width(reader, facts, chr(code), (ox, oy), adv)
    if upright is None or adv < 0:
        char = char_box(reader, facts, chr(code), (ox, oy), adv)
    else:
        m0, m4, m3, m5 = reader.straight
        x0, x1 = m0 * ox + m4, m0 * (matrix[0] * adv + ox) + m4
        top, bottom = m3 * (upright[0] + oy) + m5, m3 * (upright[1] + oy) + m5
        if x1 < x0:  # as sorted() orders two
            x0, x1 = x1, x0
        if bottom < top:
            top, bottom = bottom, top
        char = {"text": chr(code), "x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": bottom - top,
                "fontname": name, "non_stroking_color": color}
    if stroke is not None:
        char["linewidth"] = stroke
    return char


def char_box(reader: _Reader, facts: tuple[Any, ...], text: str, origin: tuple[float, float],
             adv: float) -> Char:
    """:func:`char_dict`'s character through both matrices corner by corner: rotated, skewed or vertical
    text, or a rotated page."""
    _, name, descent, size, (a, b, c, d), color, *_ = facts
    ox, oy = origin
    if adv < 0:
        right, low, high = size, size + adv, size
    else:
        right, low, high = adv, descent * size, descent * size + size
    m = reader.affine
    if reader.upright and not (b or c):  # upright text on an unrotated page: the box directly
        x0, x1 = m[0] * ox + m[4], m[0] * (a * right + ox) + m[4]
        top, bottom = m[3] * (d * low + oy) + m[5], m[3] * (d * high + oy) + m[5]
        x0, x1 = (x1, x0) if x1 < x0 else (x0, x1)  # as sorted() orders two
        top, bottom = (bottom, top) if bottom < top else (top, bottom)
    else:
        corners = [(a * tx + c * ty + ox, b * tx + d * ty + oy)
                   for tx, ty in ((0, low), (right, high), (0, high), (right, low))]
        xs = [m[0] * x + m[2] * y + m[4] for x, y in corners]
        ys = [m[1] * x + m[3] * y + m[5] for x, y in corners]
        x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "size": x1 - x0 if adv < 0 else bottom - top, "fontname": name, "non_stroking_color": color}


def written_width(reader: _Reader, facts: tuple[Any, ...], text: str, origin: tuple[float, float],
                  adv: float) -> tuple[float, float, float]:
    """Origin and advance by the widths as written (:mod:`.pdfium_widths`): the fractions pdfium dropped
    from the glyphs before this one in its text object move it on, and its own advance is the written one."""
    size, (a, b, _, _), widths = facts[3], facts[4], facts[7]
    line, shift = reader.shift
    here = (origin[1], facts[4]) if not b else (origin[0], facts[4])
    if line != here:
        shift = 0.0
    written = widths.get(text) if widths is not None else None
    ox, oy = origin[0] + a * shift, origin[1] + b * shift
    if written is None or adv <= 0:
        reader.shift = (here, shift)
        return ox, oy, adv
    reader.shift = (here, shift + written * size - adv)
    return ox, oy, written * size


def join_surrogates(chars: list[Char]) -> list[Char]:
    """A character outside the BMP comes as two UTF-16 halves: one character, as pdfminer gives it."""
    out: list[Char] = []
    for ch in chars:
        prev = out[-1]["text"] if out else ""
        if len(prev) == 1 and "\ud800" <= prev <= "\udbff" and "\udc00" <= ch["text"] <= "\udfff":
            pair = (prev + ch["text"]).encode("utf-16", "surrogatepass").decode("utf-16")
            out[-1] = {**out[-1], "text": pair, "x1": max(out[-1]["x1"], ch["x1"])}
        else:
            out.append(ch)
    return out
