"""Drawn paths read by pdfium, sorted into pdfplumber's lines, rects and curves.

pdfium keeps a path object's points in its own space with the object's matrix beside them, and objects of a
form XObject relative to the form; both are composed here down to user space and then to pdfplumber's page
coordinates.  Each subpath is classified as pdfminer's ``PDFLayoutAnalyzer.paint_path`` does (``ml``/``mlh``
a line, a closed axis-parallel ``mlllh`` a rect, anything else a curve through its points), so
``rules.raw_segments`` gets the same objects from either source.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Iterator
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from .pdfium_geometry import Affine, apply, compose, snap

_MAX_FORM_DEPTH = 8
_SUBPATH = re.compile(r"m[^m]+")
Point = tuple[float, float]
Walk = dict[int, list[tuple[int | None, Affine]]]
"""A page's objects (their addresses) by kind, each with the matrix that places what holds it
(:func:`page_walk`)."""


class _Out:
    def __init__(self) -> None:
        self.x, self.y = ctypes.c_float(), ctypes.c_float()
        self.fill, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.rgba = [ctypes.c_uint() for _ in range(4)]
        self.matrix = raw.FS_MATRIX()
        self.found: dict[str, list[dict[str, Any]]] = {"line": [], "rect": [], "curve": []}


def page_paths(walk: Walk) -> dict[str, list[dict[str, Any]]]:
    """``{"line": [...], "rect": [...], "curve": [...]}`` of the page (its :func:`page_walk`), in drawing
    order."""
    out = _Out()
    for obj, matrix in page_objects(walk, raw.FPDF_PAGEOBJ_PATH, out.matrix):
        add_path(out, obj, matrix)
    return out.found


def native(func: Any, restype: Any, *argtypes: Any) -> Any:
    """A second prototype of pypdfium2's raw function ``func`` that takes and gives handles as addresses
    (ints): no pointer object is made and read back per call (asked once per character and object).  The
    call keeps the GIL (``PYFUNCTYPE``): these functions read a page already in memory for a microsecond,
    and releasing and taking the lock back around each of them cost more than the call."""
    return ctypes.PYFUNCTYPE(restype, *argtypes)(ctypes.cast(func, ctypes.c_void_p).value)


def address(pointer: Any) -> int:
    """A pdfium handle's address (0 for NULL): read in place from the pointer's own bytes, which costs a
    third of ``ctypes.cast`` (asked once per character)."""
    try:
        return ctypes.c_void_p.from_buffer(pointer).value or 0
    except TypeError:  # not a ctypes pointer instance
        return ctypes.cast(pointer, ctypes.c_void_p).value or 0


_PTR, _INT = ctypes.c_void_p, ctypes.c_int
_page_object = native(raw.FPDFPage_GetObject, _PTR, _PTR, _INT)
_form_object = native(raw.FPDFFormObj_GetObject, _PTR, _PTR, ctypes.c_ulong)
_object_type = native(raw.FPDFPageObj_GetType, _INT, _PTR)


def page_walk(page: pdfium.PdfPage, affine: Affine) -> Walk:
    """The page's objects by kind, those inside form XObjects too (form objects themselves not), each in
    drawing order with the matrix of what holds it composed down to page coordinates (``affine`` last):
    one walk over the objects serves the text, path and image readers.  Objects are kept as addresses
    (a page has thousands of text objects, whose readers ask no more than that of most of them)."""
    walk: Walk = {}
    handle = address(page.raw)
    count = raw.FPDFPage_CountObjects(page.raw)
    _walk([_page_object(handle, i) for i in range(count)], affine, (walk, raw.FS_MATRIX()), 0)
    return walk


def _walk(objects: list[int | None], outer: Affine, into: tuple[Walk, Any], depth: int) -> None:
    walk, scratch = into
    for obj in objects:
        found = _object_type(obj)
        if found != raw.FPDF_PAGEOBJ_FORM:
            walk.setdefault(found, []).append((obj, outer))
        elif depth < _MAX_FORM_DEPTH:
            form = ctypes.cast(obj, raw.FPDF_PAGEOBJECT)
            inner = compose(object_matrix(scratch, form), outer)
            children = [_form_object(obj, i) for i in range(raw.FPDFFormObj_CountObjects(form))]
            _walk(children, inner, into, depth + 1)


def page_objects(walk: Walk, kind: int, scratch: Any = None,
                 keep: Callable[[int | None], bool] | None = None) -> Iterator[tuple[Any, Affine]]:
    """The walked page's objects of one ``kind`` (and that ``keep`` accepts, asked with the object's
    address), each as pypdfium2's handle with its matrix composed down to page coordinates."""
    scratch = scratch if scratch is not None else raw.FS_MATRIX()
    for obj, outer in walk.get(kind, ()):
        if keep is None or keep(obj):
            handle = ctypes.cast(obj, raw.FPDF_PAGEOBJECT)
            yield handle, compose(object_matrix(scratch, handle), outer)


def object_matrix(m: Any, obj: Any) -> Affine:
    """The object's own matrix (read into the FS_MATRIX ``m``)."""
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (snap(m.a), snap(m.b), snap(m.c), snap(m.d), snap(m.e), snap(m.f))


def color(out: _Out, getter: Any, obj: Any) -> tuple[float, float, float] | None:
    r, g, b, a = out.rgba
    if not getter(obj, r, g, b, a):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)


def add_path(out: _Out, obj: Any, matrix: Affine) -> None:
    raw.FPDFPath_GetDrawMode(obj, out.fill, out.stroke)
    fill, stroke = out.fill.value != raw.FPDF_FILLMODE_NONE, bool(out.stroke.value)
    style = {"fill": fill, "stroke": stroke,
             "stroking_color": color(out, raw.FPDFPageObj_GetStrokeColor, obj),
             "non_stroking_color": color(out, raw.FPDFPageObj_GetFillColor, obj)}
    ops = path_ops(out, obj, matrix)
    shape = "".join(op for op, _ in ops)
    if shape[:1] != "m":
        return
    for match in _SUBPATH.finditer(shape):
        classify(out, shape[match.start():match.end()], [p for _, p in ops[match.start():match.end()]], style)


def path_ops(out: _Out, obj: Any, matrix: Affine) -> list[tuple[str, Point]]:
    """pdfminer's path operators with their end points (``h`` at its subpath's start), in page coordinates;
    a Bézier's two control points (separate segments in pdfium) are not kept, as pdfminer's ``pts``."""
    ops: list[tuple[str, Point]] = []
    start: Point = (0.0, 0.0)
    pending = 0
    for i in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        kind = raw.FPDFPathSegment_GetType(seg)
        raw.FPDFPathSegment_GetPoint(seg, out.x, out.y)
        point = apply(matrix, snap(out.x.value), snap(out.y.value))
        if kind == raw.FPDF_SEGMENT_BEZIERTO:
            pending += 1
            if pending < 3:
                continue
            pending = 0
            ops.append(("c", point))
        elif kind == raw.FPDF_SEGMENT_MOVETO:
            start = point
            ops.append(("m", point))
        else:
            ops.append(("l", point))
        if raw.FPDFPathSegment_GetClose(seg):
            ops.append(("h", start))
    return ops


def classify(out: _Out, shape: str, pts: list[Point], style: dict[str, Any]) -> None:
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts = pts[:-2] + pts[-1:]
    if shape in ("ml", "mlh"):
        out.found["line"].append({**box(pts[:2]), **style})
    elif shape in ("mlllh", "mllll") and is_rect(pts):
        out.found["rect"].append({**box([pts[0], pts[2]]), **style})
    else:
        out.found["curve"].append({**box(pts), "pts": pts, **style})


def is_rect(pts: list[Point]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
    upright = x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0
    return pts[0] == pts[4] and (upright or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0))


def box(pts: list[Point]) -> dict[str, float]:
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return {"x0": min(xs), "x1": max(xs), "top": min(ys), "bottom": max(ys)}
