"""Coordinates as pdfplumber gives them, from PDF user space, and pdfminer's reading of a font's descent.

pdfminer draws a page through the matrix that puts ``/Rotate`` and the MediaBox origin in (its
``PDFPageInterpreter.process_page``); pdfplumber then flips y to a top-left origin and shifts by its own
normalised MediaBox (``pdfplumber.page.Page.process_object``).  :func:`page_affine` composes both into one
affine map, so a point pdfium reports in user space lands where pdfplumber puts it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral

SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
Affine = tuple[float, float, float, float, float, float]
"""``(a, b, c, d, e, f)``: ``(x, y) → (a·x + c·y + e, b·x + d·y + f)``, as in PDF."""


def compose(first: Affine, then: Affine) -> Affine:
    """Apply ``first``, then ``then``."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def apply(m: Affine, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def snap(value: float) -> float:
    """A float32 from pdfium as the short decimal it was written as (``521.725``, not ``521.7249755…``), so
    coordinates round as pdfminer's float64 ones do: seven significant digits, all a float32 holds.

    Memoised (a line's characters share a baseline, a page a few sizes); zero is not, as -0.0 and 0.0 are
    one key but two answers: either is its own short decimal, returned as it is."""
    snapped = _SNAPPED.get(value)
    if snapped is None:
        if not value:
            return value
        snapped = float(f"{value:.7g}")
        if len(_SNAPPED) >= _SNAP_MEMO:
            _SNAPPED.clear()
        _SNAPPED[value] = snapped
    return snapped

_SNAPPED: dict[float, float] = {}
_SNAP_MEMO = 65536


def rotation_ctm(mediabox: tuple[float, float, float, float], rotate: int) -> Affine:
    """pdfminer's initial matrix for a page (``PDFPageInterpreter.process_page``)."""
    x0, y0, x1, y1 = mediabox
    if rotate == 90:
        return (0, -1, 1, 0, -y0, x1)
    if rotate == 180:
        return (-1, 0, 0, -1, x1, y1)
    if rotate == 270:
        return (0, 1, -1, 0, y1, -x0)
    return (1, 0, 0, 1, -x0, -y0)


def page_affine(plumber: Any) -> Affine:
    """User space → pdfplumber's top-left page coordinates of ``plumber`` (a pdfplumber page)."""
    page_obj = plumber.page_obj
    ctm = rotation_ctm(tuple(float(v) for v in page_obj.mediabox), int(page_obj.rotate or 0) % 360)
    mb_x0, mb_top = float(plumber.mediabox[0]), float(plumber.mediabox[1])
    flip: Affine = (1, 0, 0, -1, mb_x0, float(plumber.height) + mb_top)
    return compose(ctm, flip)


def font_name_of(value: Any) -> str:
    """A PDF name or string as text (``/BaseFont``, ``/Subtype``)."""
    value = resolve1(value)
    if isinstance(value, PSLiteral):
        value = value.name
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    return str(value) if value is not None else ""


def font_facts(spec: Any) -> tuple[str, float | None] | None:
    """``(fontname, descent per unit of font size)`` as pdfminer reads them from a font dictionary: the
    descriptor's /FontName and /Descent (made negative), the standard-14 metrics when there is no descriptor,
    a Type3 font's from its /FontBBox through its /FontMatrix."""
    spec = resolve1(spec)
    if not isinstance(spec, dict):
        return None
    if font_name_of(spec.get("Subtype")) == "Type3":
        return type3_facts(spec)
    base = font_name_of(spec.get("BaseFont"))
    if font_name_of(spec.get("Subtype")) == "Type0":
        descendants = resolve1(spec.get("DescendantFonts")) or [{}]
        spec = resolve1(descendants[0]) or {}
    descriptor = resolve1(spec.get("FontDescriptor"))
    if not isinstance(descriptor, dict):
        metrics = FONT_METRICS.get(base)
        return (base, float(metrics[0].get("Descent", 0)) / 1000 if metrics else 0.0) if base else None
    descent = float(resolve1(descriptor.get("Descent", 0)) or 0)
    return (font_name_of(descriptor.get("FontName")) or "unknown", -abs(descent) / 1000)


def safe_facts(spec: Any) -> tuple[str, float | None] | None:
    """:func:`font_facts`, or None for a font dictionary too damaged to read (pdfium's values stay)."""
    try:
        return font_facts(spec)
    except Exception:  # any damage in a font dictionary: its metrics are pdfium's
        return None


def type3_facts(spec: dict[str, Any]) -> tuple[str, float | None] | None:
    """pdfminer's ``PDFType3Font``: the descriptor's /FontBBox (none: a zero box) bottom, scaled by the
    /FontMatrix's vertical norm; the descriptor's /FontName."""
    descriptor = resolve1(spec.get("FontDescriptor"))
    if not isinstance(descriptor, dict):
        descriptor = {"FontBBox": spec.get("FontBBox")}
    try:
        bbox = [float(resolve1(v)) for v in resolve1(descriptor.get("FontBBox"))]
        matrix = [float(resolve1(v)) for v in resolve1(spec.get("FontMatrix"))]
    except (TypeError, ValueError):
        bbox, matrix = [0.0] * 4, [0.001, 0, 0, 0.001, 0, 0]
    if len(bbox) != 4 or len(matrix) != 6:
        return None
    return (font_name_of(descriptor.get("FontName")) or "unknown", bbox[1] * (matrix[1] + matrix[3]))


def font_specs(resources: Any, done: set[int], depth: int = 0) -> Iterator[Any]:
    """Each font dictionary of a resource dictionary and of its form XObjects' (four levels deep), resolved,
    once: ``done`` holds the ids already given (one set per document, so its fonts are read once)."""
    resources = resolve1(resources)
    if not isinstance(resources, dict) or depth > 4:
        return
    fonts = resolve1(resources.get("Font"))
    for spec in (fonts.values() if isinstance(fonts, dict) else ()):
        spec = resolve1(spec)
        if id(spec) not in done:
            done.add(id(spec))
            yield spec
    for child in form_resources(resources):
        yield from font_specs(child, done, depth + 1)


def add_font(spec: Any, found: dict[str, tuple[str, float | None]]) -> None:
    """A font dictionary's facts (one of :func:`font_specs`), keyed by /BaseFont without its subset prefix
    (pdfium names a font so); subsets of one font that disagree on the descent leave it to pdfium."""
    base = font_name_of(spec.get("BaseFont")) if isinstance(spec, dict) else ""
    facts = safe_facts(spec)
    key = SUBSET_PREFIX.sub("", base)  # "" for Type3 fonts, as pdfium names them
    if facts is None:
        return
    if key in found and found[key][1] != facts[1]:
        facts = (facts[0], None)
    found[key] = facts
    if foreign_unicode_map(spec):
        found[FOREIGN + key] = facts


FOREIGN = "\x00foreign:"
"""Key prefix marking a font whose /ToUnicode map pdfium and pdfminer read differently."""
_CODESPACE = re.compile(rb"begincodespacerange\s*<([0-9A-Fa-f]+)>")


def foreign_unicode_map(spec: Any) -> bool:
    """A one-byte (simple) font whose /ToUnicode declares a code space of two bytes or more: pdfium then
    leaves the map aside (and reads the glyph names), pdfminer applies it, so their texts differ."""
    try:
        if font_name_of(spec.get("Subtype")) == "Type0" or "ToUnicode" not in spec:
            return False
        data = resolve1(spec["ToUnicode"]).get_data()
    except Exception:  # an unreadable map: nothing to compare
        return False
    found = _CODESPACE.search(data[:4096])
    return found is not None and len(found.group(1)) > 2


def form_resources(resources: dict[str, Any]) -> list[Any]:
    """The resource dictionaries of a resource dictionary's form XObjects."""
    xobjects = resolve1(resources.get("XObject"))
    found = []
    for xobj in (xobjects.values() if isinstance(xobjects, dict) else ()):
        attrs = getattr(resolve1(xobj), "attrs", None)
        if isinstance(attrs, dict) and font_name_of(attrs.get("Subtype")) == "Form":
            found.append(attrs.get("Resources"))
    return found
