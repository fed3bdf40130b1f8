"""Glyph widths as written, for fonts whose /Widths or /W hold fractions (reportlab's and Chrome's subsets).

pdfium keeps a simple or CID font's widths as whole thousandths (``599.609375`` becomes ``599``), so its
glyph origins drift along a line by the dropped fractions, about 0.01 pt a glyph at 16 pt; pdfminer keeps
them.  For such fonts (only they: the check is a look at the width arrays), pdfminer's font object gives
each character's width as written, keyed by its text, and the pdfium source advances and places the glyphs
by those widths.
"""

from __future__ import annotations

from typing import Any

from pdfminer.pdftypes import resolve1

from .pdfium_geometry import SUBSET_PREFIX, font_name_of

WidthTables = dict[str, dict[str, float] | None]
"""``/BaseFont`` without subset prefix → {character: width per unit of font size}, None when subsets of that
font disagree or pdfminer cannot read it."""


def has_fractions(spec: dict[str, Any]) -> bool:
    """Whether a font's /Widths (or its descendant's /W) holds a number that is not whole."""
    if font_name_of(spec.get("Subtype")) == "Type0":
        descendants = resolve1(spec.get("DescendantFonts")) or [{}]
        spec = resolve1(descendants[0]) or {}
        values = resolve1(spec.get("W")) or []
    else:
        values = resolve1(spec.get("Widths")) or []
    stack = list(values)
    while stack:
        value = resolve1(stack.pop())
        if isinstance(value, list):
            stack += value
        elif isinstance(value, float) and not value.is_integer():
            return True
    return False


def width_table(spec: dict[str, Any]) -> dict[str, float] | None:
    """Each character's width as pdfminer reads it (``PDFFont.char_width``), keyed by its text."""
    from pdfminer.pdfinterp import PDFResourceManager

    try:
        font = PDFResourceManager(caching=False).get_font(None, spec)
        table: dict[str, float] = {}
        for cid in getattr(font, "widths", {}):
            try:
                table[font.to_unichr(cid)] = float(font.char_width(cid))
            except Exception:  # a code without a Unicode mapping: pdfium's width stays
                continue
    except Exception:  # pdfminer cannot read the font: pdfium's widths stay
        return None
    return table


def add_widths(spec: Any, found: WidthTables) -> None:
    """The width table of a font dictionary (one of ``pdfium_geometry.font_specs``) with fractional widths."""
    if not isinstance(spec, dict) or font_name_of(spec.get("Subtype")) == "Type3":
        return
    try:
        fractions = has_fractions(spec)
    except Exception:  # a damaged width array: pdfium's widths stay
        return
    if not fractions:
        return
    key = SUBSET_PREFIX.sub("", font_name_of(spec.get("BaseFont")))
    table = width_table(spec)
    if key in found:
        table = merged(found[key], table)
    found[key] = table


def merged(a: dict[str, float] | None, b: dict[str, float] | None) -> dict[str, float] | None:
    """Two subsets' tables as one; a character they give different widths is left to pdfium."""
    if a is None or b is None:
        return None
    out = {**a, **b}
    for text in a.keys() & b.keys():
        if a[text] != b[text]:
            del out[text]
    return out
