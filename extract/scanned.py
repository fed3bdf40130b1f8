"""A page read from its image: deskewed, recognised, ruled tables found in the pixels.

Imported only when a page needs OCR (numpy, OpenCV and the OCR engine come with it).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from policy_extract.core.model import PageContent, RawTable

from .image_tables import dash_cells, empty_cell_reads, hanging_marks, image_segments, off_rules, speck_stops
from .lines import lines_from_chars
from .ocr import (
    OcrLine,
    PageImages,
    deskew,
    fix_page_number,
    gap_reader,
    ocr_engine,
    page_chars,
    read_crop,
    recognise,
    spread_chars,
)
from .page import page_content
from .seals import find_seals
from .settings import ExtractSettings

__all__ = ["PageImages", "ocr_page"]


def ocr_page(page: Any, reader: PageImages, settings: ExtractSettings) -> PageContent:
    """A pdfplumber page read from its rendered image instead of its text layer."""
    img, _angle = deskew(reader.render(page.page_number - 1), settings.ocr.max_skew)
    scale = float(page.width) / img.shape[1]  # PDF points per pixel
    dpi = 72.0 / scale
    seals = find_seals(img, dpi)  # once for the page: the text under them and the rules around them
    lines = [speck_stops(line, img) for line in recognise(img, settings.ocr, dpi, seals)]
    segs = image_segments(img, lines, scale, settings, seals)
    engine = ocr_engine(settings.ocr)
    lines = hanging_marks(lines, img, segs, scale, gap_reader(engine))
    chars = off_rules(page_chars(lines, img, scale), segs, settings.snap_tolerance)
    content = page_content(page.page_number, (float(page.width), float(page.height)),
                           int(page.rotation or 0), chars, segs, settings, text_layer="ocr")
    for table in content.tables:
        fill_empty_cells(img, table, scale, settings)
        dash_cells(table)
    content.lines = [replace(ln, text=fix_page_number(ln.text)) for ln in content.lines]
    return content


def fill_empty_cells(img: np.ndarray, table: RawTable, scale: float, settings: ExtractSettings) -> None:
    """Cells holding a mark too small for the line detector (``—``, ``%``) get it read on its own."""
    for cell, text, box in empty_cell_reads(img, table, scale, lambda crop: read_crop(crop, settings.ocr)):
        line = OcrLine(text, 1.0, tuple(float(v) for v in box), spread_chars(text, box))
        cell.lines = lines_from_chars(page_chars([line], img, scale), cell.page, settings)
