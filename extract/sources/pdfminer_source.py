"""The pdfminer page source: pdfplumber's pages (pdfminer's Python content-stream interpreter).

pdfplumber's characters do not say how a glyph was drawn; the page is interpreted here with a device that
gives a character filled and stroked (text render mode 2 or 6, a word processor's fake bold) its stroke's
``linewidth`` (:func:`read_strokes`), as the pdfium source reads it from the text object.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from policy_extract.core.model import DocWarning

from ..damage import damage_warnings
from ..lines import FILL_STROKE_MODES, Char, stroke_value
from ..pdf import open_pdf
from ..rules import Segment, page_segments
from ..settings import ExtractSettings
from ..textlayer import LayerCheck, check_page


def stroked_width(render: int, linewidth: float, ctm: tuple[float, ...]) -> float | None:
    """The line width as written (pdfminer's graphic state holds it times the CTM's scale at ``w``) of glyphs
    drawn in text render mode ``render``, when that mode fills and strokes them; else None."""
    if render not in FILL_STROKE_MODES:
        return None
    scale = math.hypot(ctm[0], ctm[1])
    return stroke_value(linewidth / scale if scale else linewidth)


@functools.cache
def stroked_page_class(base: type) -> type:
    """pdfplumber's page class ``base`` with a layout read by :func:`stroked_device_class`: pdfplumber's own
    reading plus the ``linewidth`` of stroked glyphs, interpreted when (and inside whatever context) the
    page's objects are first asked for, as pdfplumber's own (the damage checks count skipped operators
    there)."""
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfplumber.utils.exceptions import PdfminerException

    device_class = stroked_device_class()

    class StrokedPage(base):  # type: ignore[misc, valid-type]
        reads_strokes = True

        @property
        def layout(self) -> Any:
            if "_layout" not in self.__dict__:
                device = device_class(self.pdf.rsrcmgr, pageno=self.page_number, laparams=self.pdf.laparams)
                try:
                    PDFPageInterpreter(self.pdf.rsrcmgr, device).process_page(self.page_obj)
                except Exception as exc:  # as pdfplumber's own layout reports a failure
                    raise PdfminerException(exc) from exc
                self._layout = device.get_result()
            return self._layout

    return StrokedPage


@functools.cache
def stroked_device_class() -> type:
    """pdfplumber's layout device, which also gives each character drawn filled and stroked its stroke's
    ``linewidth`` (pdfplumber copies that attribute of a layout object into its dict)."""
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    class StrokedGlyphs(PDFPageAggregatorWithMarkedContent):  # type: ignore[misc]
        stroke: float | None = None

        def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
            self.stroke = stroked_width(textstate.render, graphicstate.linewidth, self.ctm)
            super().render_string(textstate, seq, ncs, graphicstate)

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            adv = super().render_char(*args, **kwargs)
            if self.stroke is not None:
                self.cur_item._objs[-1].linewidth = self.stroke
            return adv

    return StrokedGlyphs


def read_strokes(plumber: Any) -> Any:
    """``plumber`` with its class turned into :func:`stroked_page_class`'s (nothing else of it changes; a page
    whose objects were read before keeps that reading until it is closed)."""
    cls = type(plumber)
    if not getattr(cls, "reads_strokes", False):
        plumber.__class__ = stroked_page_class(cls)
    return plumber


class PdfminerPage:
    """A pdfplumber page behind the page-source interface; ``plumber`` is the pdfplumber page itself."""

    def __init__(self, plumber: Any) -> None:
        self.plumber = read_strokes(plumber)
        self.page_number = int(plumber.page_number)
        self.width, self.height = float(plumber.width), float(plumber.height)
        self.rotation = int(plumber.rotation or 0)

    @property
    def chars(self) -> list[Char]:
        return self.plumber.chars

    def segments(self, settings: ExtractSettings) -> list[Segment]:
        return page_segments(self.plumber, settings)

    def damage(self) -> list[DocWarning]:
        return damage_warnings(self.plumber)

    def layer_check(self) -> LayerCheck:
        return check_page(self.plumber)

    def resolve(self) -> PdfminerPage:
        return self

    def close(self) -> None:
        self.plumber.close()  # drops pdfplumber's per-page caches so long documents stay within memory


class PdfminerDocument:
    def __init__(self, path: str | Path, password: str | None = None) -> None:
        self.pdf = open_pdf(path, password)

    def pages(self) -> Iterator[PdfminerPage]:
        for page in self.pdf.pages:
            yield PdfminerPage(page)

    def close(self) -> None:
        self.pdf.close()
