"""Garbled pages kept on pdfium: each shown glyph's code read off the content stream, with pdfminer's text.

A font without a usable /ToUnicode map is why a page is garbled, and there pdfium's text is no help to name a
glyph: for a code it cannot map it gives the code itself (flagged), and for a simple font it reads codes
through an encoding of its own, which gives one text for several glyphs (``f`` for three different glyphs of
one subset, a blank for a visible glyph).  pdfminer names each glyph by its code (``(cid:N)``) or its own
reading of the encoding, and the glyph decoder (``extract/glyphs.py``) keys glyphs by that text — but reading
the page with pdfminer costs more than all the rest of its decoding.

So the page stays pdfium's and only the codes are read here: the content stream (and its form XObjects') is
tokenised with one regular expression (``operands._TOKEN``), the font of each shown string followed through
``Tf``, ``q``/``Q`` and form boundaries, each string decoded to glyph codes by pdfminer's own font object of
that resource (built from the font dictionary, no content parsed) and each glyph given pdfminer's text,
font name and width.  pdfium's characters (in content order, as its text page lists them) take these in
turn; when the two sequences do not pair up exactly (a count that differs, a flagged code that is not the
code read here, a font or operator this reading does not follow), the page goes to pdfminer as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any
from weakref import WeakKeyDictionary

import pypdfium2.raw as raw
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdftypes import PDFObjRef, resolve1

from .operands import _TOKEN
from .pdfium_geometry import font_name_of

_MAX_FORM_DEPTH = 8
_ESCAPE = re.compile(rb"\\(?:([0-7]{1,3})|(\r\n|\r|\n)|(.))", re.DOTALL)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"(": b"(", b")": b")",
            b"\\": b"\\"}
"""pdfminer's escapes; any other escaped character is dropped, as pdfminer's lexer drops it."""
_SHOW = frozenset((b"Tj", b"'", b'"', b"TJ"))
_FOLLOWED = _SHOW | {b"q", b"Q", b"Tf", b"Do", b"BI"}
"""The operators :func:`operate` acts on."""


class Unfollowed(Exception):
    """The content does something this reading does not follow: the page goes to pdfminer."""


@dataclass(frozen=True, slots=True)
class Glyph:
    """One shown glyph as pdfminer reads it: its code (pdfminer's cid), text, font name, and width and its
    font's descent per unit of font size."""

    code: int
    text: str
    fontname: str
    width: float
    descent: float
    mapped: bool
    """Whether the font has a /ToUnicode map (pdfium reads the same text then)."""


def literal_bytes(token: bytes) -> bytes:
    """A literal string token's bytes, its escapes undone as pdfminer's lexer undoes them."""

    def undo(m: re.Match[bytes]) -> bytes:
        octal, newline, other = m.groups()
        if octal is not None:
            return bytes((int(octal, 8) & 0xFF,))
        if newline is not None:
            return b""
        return _ESCAPES.get(other, b"")

    return _ESCAPE.sub(undo, token[1:-1])


def hex_bytes(token: bytes) -> bytes:
    digits = token[1:-1].translate(None, b" \t\r\n\f\x00")
    return bytes.fromhex((digits + b"0" if len(digits) % 2 else digits).decode("ascii"))


def string_bytes(token: Any) -> bytes | None:
    """A string operand's bytes; None for anything else."""
    if not isinstance(token, bytes) or not token:
        return None
    if token[:1] == b"(":
        return literal_bytes(token)
    if token[:1] == b"<" and token[:2] != b"<<":
        return hex_bytes(token)
    return None


class FontGlyphs:
    """pdfminer's font objects of one document, made from the font dictionaries (as its interpreter makes
    them, by object id), and each font's glyphs by code."""

    def __init__(self) -> None:
        self.manager = PDFResourceManager(caching=True)
        self.glyphs: dict[Any, dict[int, Glyph]] = {}
        """Each font's glyphs by code, keyed by the font object itself (held: no id is reused)."""
        self.by_id: dict[int, Any] = {}
        """Fonts by the object id of their dictionary (a ``Tf`` per show operator is common)."""

    def font(self, spec: Any) -> Any:
        objid = spec.objid if isinstance(spec, PDFObjRef) else None
        if objid is not None and objid in self.by_id:
            return self.by_id[objid]
        font = self.made(objid, resolve1(spec))
        if objid is not None:
            self.by_id[objid] = font
        return font

    def made(self, objid: int | None, spec: Any) -> Any:
        if not isinstance(spec, dict) or font_name_of(spec.get("Subtype")) == "Type3":
            raise Unfollowed("a Type3 font or a font resource that is no dictionary")
        font = self.manager.get_font(objid, spec)
        if font.is_vertical():
            raise Unfollowed("a vertical font")
        return font

    def shown(self, font: Any, data: bytes) -> Iterator[Glyph]:
        table = self.glyphs.setdefault(font, {})
        for cid in font.decode(data):
            glyph = table.get(cid)
            if glyph is None:
                glyph = table[cid] = Glyph(cid, text_of(font, cid), str(font.fontname), font.char_width(cid),
                                           font.get_descent(), font.unicode_map is not None)
            yield glyph


def text_of(font: Any, cid: int) -> str:
    """The text pdfminer's layout gives a glyph: its Unicode reading, or ``(cid:N)`` without one."""
    try:
        return str(font.to_unichr(cid))
    except PDFUnicodeNotDefined:
        return f"(cid:{cid})"


def shown_glyphs(content: bytes, resources: Any, fonts: FontGlyphs, depth: int = 0) -> list[list[Glyph]]:
    """The glyphs each show operator of the content shows (one list per operator: pdfium makes a text
    object of each), in order, form XObjects' where they are drawn; raises :class:`Unfollowed` where the
    reading cannot be sure to be pdfminer's."""
    resources = resolve1(resources)
    font_specs = resolve1(resources.get("Font")) if isinstance(resources, dict) else None
    xobjects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
    out: list[list[Glyph]] = []
    font, saved, stack, arrays = None, [], [], []
    context = (resources, font_specs, xobjects, fonts, depth)
    tokens = iter(_TOKEN.findall(content))
    for tok in tokens:
        first = tok[:1]
        if first == b"[":
            arrays.append([])
        elif first == b"]":
            closed = arrays.pop() if arrays else []
            (arrays[-1] if arrays else stack).append(closed)
        elif arrays:
            arrays[-1].append(tok)
        elif first in b"(</0123456789+-.>":
            stack.append(tok)
        elif first == b"%":
            continue
        else:
            if tok in _FOLLOWED:  # any other operator changes nothing this reading follows
                font = operate(tok, stack, (font, saved, out), context, tokens)
            stack.clear()
    return out


def operate(op: bytes, stack: list[Any], state: tuple[Any, list[Any], list[list[Glyph]]],
            context: tuple[Any, Any, Any, FontGlyphs, int], tokens: Iterator[bytes]) -> Any:
    """One operator's effect on the reading; returns the current font."""
    font, saved, out = state
    resources, font_specs, xobjects, fonts, depth = context
    if op == b"q":
        saved.append(font)
    elif op == b"Q":
        font = saved.pop() if saved else font
    elif op == b"Tf":
        font = tf_font(stack, font_specs, fonts)
    elif op in _SHOW:
        out.append(show(op, stack, font, fonts))
    elif op == b"Do":
        out += form_glyphs(stack, resources, xobjects, (fonts, depth))
    elif op == b"BI":
        for tok in tokens:
            if tok == b"EI":
                break
    return font


def tf_font(stack: list[Any], font_specs: Any, fonts: FontGlyphs) -> Any:
    if len(stack) < 2 or not isinstance(stack[-2], bytes) or stack[-2][:1] != b"/":
        raise Unfollowed("Tf without a font name")
    name = stack[-2][1:].decode("latin-1")
    if not isinstance(font_specs, dict) or name not in font_specs or "#" in name:
        raise Unfollowed("a font the resources do not name")
    return fonts.font(font_specs[name])


def show(op: bytes, stack: list[Any], font: Any, fonts: FontGlyphs) -> list[Glyph]:
    if not stack:
        raise Unfollowed("a show operator without operands")
    if font is None:
        raise Unfollowed("text shown before a font is set")
    items = stack[-1] if op == b"TJ" else [stack[-1]]
    if not isinstance(items, list):
        raise Unfollowed("TJ without an array")
    out: list[Glyph] = []
    for item in items:
        data = string_bytes(item)
        if data is not None:
            out += fonts.shown(font, data)
        elif isinstance(item, list) or item[:1] not in b"0123456789+-.":
            raise Unfollowed("a TJ element that is neither a string nor a number")
    return out


def form_glyphs(stack: list[Any], resources: Any, xobjects: Any,
                at: tuple[FontGlyphs, int]) -> list[list[Glyph]]:
    """The glyphs of the form XObject ``Do`` draws (none for an image); a form without resources of its own
    uses the page's, as pdfminer's interpreter does."""
    fonts, depth = at
    if not stack or not isinstance(stack[-1], bytes) or stack[-1][:1] != b"/":
        raise Unfollowed("Do without a name")
    xobj = resolve1(xobjects.get(stack[-1][1:].decode("latin-1"))) if isinstance(xobjects, dict) else None
    attrs = getattr(xobj, "attrs", None)
    if not isinstance(attrs, dict):
        raise Unfollowed("Do of an XObject the resources do not hold")
    if str(getattr(resolve1(attrs.get("Subtype")), "name", "")) != "Form":
        return []
    if depth >= _MAX_FORM_DEPTH:
        raise Unfollowed("forms nested too deep")
    return shown_glyphs(xobj.get_data(), resolve1(attrs.get("Resources")) or resources, fonts, depth + 1)


def coded_chars(page: Any) -> list[dict[str, Any]] | None:
    """A pdfium page's characters (``pdfium_source.PdfiumPage``) with each glyph's text, font name and width
    as pdfminer reads them (:func:`shown_glyphs`): pdfium places each glyph, the content stream names it.
    None when the two readings do not pair up one to one, or the content cannot be followed."""
    glyphs = page_glyphs(page)
    return None if glyphs is None else paired_chars(page, glyphs)


_DOCUMENT_FONTS: WeakKeyDictionary[Any, FontGlyphs] = WeakKeyDictionary()


def document_fonts(plumber: Any) -> FontGlyphs:
    """The :class:`FontGlyphs` of a pdfplumber page's document: each font made once per document, as
    pdfminer's interpreter makes it once (its resource manager caches by object id)."""
    doc = plumber.page_obj.doc
    fonts = _DOCUMENT_FONTS.get(doc)
    if fonts is None:
        fonts = _DOCUMENT_FONTS[doc] = FontGlyphs()
    return fonts


def page_glyphs(page: Any) -> list[list[Glyph]] | None:
    """:func:`shown_glyphs` of a page (``pdfium_source.PdfiumPage``); None when its content cannot be read
    or followed."""
    from ..damage import content_data

    data = content_data(page.plumber)
    if data is None:
        return None
    try:
        return shown_glyphs(data, page.plumber.page_obj.resources, document_fonts(page.plumber))
    except Unfollowed:
        return None
    except Exception:  # a damaged font or resource: pdfminer reads the page (or names the damage)
        return None


def paired_chars(page: Any, shown: list[list[Glyph]]) -> list[dict[str, Any]] | None:
    """pdfium's characters of the page, each text object's (in drawing order) taking the glyphs of its show
    operator one to one (text, font name and width: the box is pdfminer's), in pdfminer's order; None at
    the first sign the two do not pair up.  A text object the text page skipped (blanks only) must show
    blanks only; its blank is added as :func:`pdfium_source.read_chars` adds it."""
    ps = source()
    textpage = raw.FPDFText_LoadPage(page.page.raw)
    try:
        reader = ps._Reader(textpage, page.affine, (page.fonts, page.widths))
        listed = object_chars(reader, raw.FPDFText_CountChars(textpage))
        if listed is None:
            return None
        groups = iter(group for group in shown if group)
        chars: list[dict[str, Any]] = []
        for obj, _ in page.walk().get(raw.FPDF_PAGEOBJ_TEXT, ()):
            group = next(groups, None)
            address = object_address(obj)
            if group is None or not paired_object(reader, (address, listed.pop(address, [])), group, chars):
                return None
        if listed or next(groups, None) is not None:
            return None
        return chars + ps.blank_objects(page.walk(), reader)
    finally:
        raw.FPDFText_ClosePage(textpage)


@cache
def source() -> Any:
    """``pdfium_source``, imported on first use (it imports this module)."""
    from . import pdfium_source

    return pdfium_source


def object_address(obj: Any) -> int:
    if isinstance(obj, int):
        return obj
    import ctypes

    return ctypes.cast(obj, ctypes.c_void_p).value or 0


def object_chars(reader: Any, count: int) -> dict[int, list[tuple[int, int]]] | None:
    """The text page's characters by text object: ``(index, code)`` of each glyph, in order, generated
    characters and the later pieces of a glyph pdfium split (a ligature ``ﬁ`` read as ``f``, ``i``: the same
    object, the same origin) left out; None when pdfium dropped a typed blank (which glyph it was is not
    known here)."""
    ps = source()
    found: dict[int, list[tuple[int, int]]] = {}
    last: tuple[int, float, float] | None = None
    tpa, x, y, at_x, at_y = reader.tpa, reader.x, reader.y, reader.at_x, reader.at_y
    get_unicode, is_generated, text_object, char_origin = (ps._get_unicode, ps._is_generated, ps._text_object,
                                                           ps._char_origin)
    for index in range(count):
        code = get_unicode(tpa, index)
        if is_generated(tpa, index):
            if code == ps._SPACE and ps.stands_for_a_blank(reader, index, count):
                return None
            continue
        obj = text_object(tpa, index) or 0
        char_origin(tpa, index, at_x, at_y)
        here = (obj, x.value, y.value)
        if here != last:
            found.setdefault(obj, []).append((index, code))
        last = here
    return found


def paired_object(reader: Any, listed: tuple[int, list[tuple[int, int]]], group: list[Glyph],
                  chars: list[dict[str, Any]]) -> bool:
    """One text object's characters (its address, and ``(index, code)`` of each) paired with its show
    operator's glyphs (added to ``chars``); an object the text page skipped pairs with blanks only.  The
    object's facts are read with its first glyph's font name and descent (pdfium's names one font for
    subsets of the same font: ``CAAAAA+UMingCN`` and ``EAAAAA+UMingCN`` print different glyphs for one
    code); a font with widths as written is left to pdfminer."""
    obj, indices = listed
    if not indices:
        return all(not g.text.strip() for g in group)
    if len(indices) != len(group):
        return False
    ps = source()
    if obj not in reader.objects:
        font = (ps._text_font(obj) or 0) if obj else 0
        if reader.font_name(font)[2] is not None:
            return False
        reader.font_names[font] = (group[0].fontname, group[0].descent, None)
    font = reader.object_facts(indices[0][0])[0]
    char_dict, widths = ps.char_dict, reader.widths
    for (index, code), glyph in zip(indices, group, strict=True):
        if glyph.fontname != group[0].fontname or not paired_char(reader, index, code, glyph):
            return False
        widths[(font, code)] = glyph.width
        chars.append(named(char_dict(reader, index, code), glyph))
    return True


def paired_char(reader: Any, index: int, code: int, glyph: Glyph) -> bool:
    """Whether pdfium's ``index``-th character can be the glyph (its width is then made the glyph's, as
    :func:`pdfium_source.char_dict` reads it): a code pdfium could not map is the code itself, a code it
    maps is the glyph's text when the font has a /ToUnicode map (both read it); a glyph of no width or a
    hyphen pdfium marks are left to pdfminer."""
    ps = source()
    if ps._map_error(reader.tpa, index):
        if code != glyph.code:
            return False
    elif glyph.mapped and chr(code) != glyph.text:
        return False
    if not glyph.width or 0xD800 <= code <= 0xDFFF:
        return False
    return not (code == ps._HYPHEN_MARK and raw.FPDFText_IsHyphen(reader.tp, index))


def named(char: dict[str, Any], glyph: Glyph) -> dict[str, Any]:
    char["text"], char["fontname"] = glyph.text, glyph.fontname
    return char


def keep_garbled(page: Any) -> bool:
    """Whether a pdfium page that would go to pdfminer for its unmapped characters stays pdfium's because it
    is a garbled page (a font of it without a usable Unicode map, ``glyphs.garbled_fonts``) whose glyphs this
    module names as pdfminer does (:func:`coded_chars`): its characters are then those, and the glyph
    decoder reads it without pdfminer interpreting the page.  Turned pages go to pdfminer as before."""
    from ..glyphs import garbled_fonts

    if int(page.rotation or 0) % 360:
        return False
    glyphs = page_glyphs(page)
    named_glyphs = ({"text": g.text, "fontname": g.fontname} for group in glyphs or () for g in group)
    if glyphs is None or not garbled_fonts(named_glyphs):
        return False  # judged on the glyphs alone first: a page of no garbled font is not paired at all
    try:
        chars = paired_chars(page, glyphs)
    except Exception:  # pdfium failed on this page: pdfminer reads it (or names what is damaged)
        return False
    if chars is None:
        return False
    page._chars = chars
    return True
