"""A white grid on a coloured background is seen, wherever the colour comes from (review of the white-rule
rule written for ICDAR 2013 us-021): only filled rectangles and paths counted as coloured areas and only a
white rule's middle was tested, so a white grid on a banded (zebra) table kept the rules of its shaded rows
alone (4 one-row tables, indicators 6 -> 0), a long white column rule whose middle fell on an unshaded row was
dropped (header lost), and a white grid on a raster image or on a gradient (``sh``) vanished with its table
(indicators 4 -> 0).  Now a white rule is seen when any part of its length is on or beside a coloured area
(filled shapes, patterns and images), when it touches a white rule seen, and on a page that paints a
shading."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest
from PIL import Image
from policy_extract.extract.document import extract_document
from policy_extract.extract.rules import Segment, coloured_areas, on_fill, seen_whites
from policy_extract.extract.settings import ExtractSettings
from reportlab.lib.colors import HexColor, black, white
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

XS = [72, 222, 372, 522]
TOP, H = 700, 22
BLUE = HexColor("#9dc3e6")


def _rows(n: int) -> list[tuple[str, str, str]]:
    return [("Indicator", "Target 2025", "Unit")] + [(f"Item {i}", f"{10 * i}.5", "yuan") for i in range(1, n)]


def _background(pdf: canvas.Canvas, kind: str, xs: list[int], rows: list[int]) -> None:
    """The coloured background under rows whose edges (top down) are ``rows``."""
    top, bottom, width = rows[0], rows[-1], xs[-1] - xs[0]
    if kind == "image":
        image = Image.new("RGB", (40, 40), (157, 195, 230))
        pdf.drawImage(ImageReader(image), xs[0], bottom, width, top - bottom)
    elif kind == "gradient":
        pdf.linearGradient(xs[0], bottom, xs[0], top, (BLUE, HexColor("#5b9bd5")), extend=False)
    else:  # banded: rows 0, 2, 4, ... shaded
        pdf.setFillColor(BLUE)
        for upper, lower in list(itertools.pairwise(rows))[::2]:
            pdf.rect(xs[0], lower, width, upper - lower, stroke=0, fill=1)


def _white_grid(pdf: canvas.Canvas, kind: str, n: int) -> None:
    pdf.setStrokeColor(white)
    inner = kind in ("zebra_cell", "zebra_long")  # a banded table's grid: inner rules only
    xs = XS[1:-1] if inner else XS
    for x in xs:
        if kind == "zebra_long":  # one long stroke per column rule, its middle on an unshaded row
            pdf.line(x, TOP, x, TOP - n * H)
        else:
            for r in range(n):
                pdf.line(x, TOP - r * H, x, TOP - (r + 1) * H)
    for r in range(1, n) if inner else range(n + 1):
        pdf.line(XS[0], TOP - r * H, XS[-1], TOP - r * H)


def _pdf(tmp_path: Path, kind: str, n: int) -> Path:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, 842))
    pdf.setFont("Helvetica", 10)
    _background(pdf, kind, XS, [TOP - r * H for r in range(n + 1)])
    pdf.setFillColor(black)
    for r, row in enumerate(_rows(n)):
        for x, text in zip(XS, row, strict=False):
            pdf.drawString(x + 6, TOP - (r + 1) * H + 7, text)
    _white_grid(pdf, kind, n)
    pdf.save()
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(buf.getvalue())
    return path


def _one_table(tmp_path: Path, kind: str, n: int, source: str) -> None:
    doc = extract_document(_pdf(tmp_path, kind, n), settings=ExtractSettings(page_source=source))
    (table,) = doc.pages[0].tables
    cells = {(c.row, c.col): " ".join(ln.text for ln in c.lines) for c in table.cells}
    assert (table.n_rows, table.n_cols) == (n, 3)
    assert cells[(0, 0)] == "Indicator" and cells[(0, 1)] == "Target 2025"
    assert cells[(n - 1, 1)] == f"{10 * (n - 1)}.5"


SOURCES = ["pdfium", "pdfminer"]


@pytest.mark.parametrize("source", SOURCES)
def test_white_grid_on_zebra_table_is_kept(tmp_path: Path, source: str) -> None:
    _one_table(tmp_path, "zebra_cell", 7, source)


@pytest.mark.parametrize("source", SOURCES)
def test_long_white_column_rule_with_its_middle_on_an_unshaded_row_is_kept(tmp_path: Path, source: str) -> None:
    _one_table(tmp_path, "zebra_long", 7, source)


SPAN_XS = [72, 162, 372, 522]
SPAN_H = 34
NAMES = [("GDP growth", "(%)"), ("R&D intensity", "(%)"), ("New urban jobs", "(10k)"), ("Income growth", "(%)")]


def _span_pdf(tmp_path: Path, kind: str) -> Path:
    """A white grid with two row-spanning group labels on a coloured background: without its rules the table
    is not seen at all."""
    xs, top, h, n = SPAN_XS, TOP, SPAN_H, 5
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, 842))
    pdf.setFont("Helvetica", 10)
    _background(pdf, kind, xs, [top, top - n * h])
    pdf.setFillColor(black)
    for x, text in zip(xs, ("Group", "Indicator", "Target 2025"), strict=False):
        pdf.drawString(x + 6, top - 22, text)
    pdf.drawString(xs[0] + 6, top - 2 * h - 10, "Economy")
    pdf.drawString(xs[0] + 6, top - 4 * h - 10, "Welfare")
    for i, ((name, unit), value) in enumerate(zip(NAMES, ("6.5", "2.8", "12", "7"), strict=True)):
        y = top - (i + 1) * h
        pdf.drawString(xs[1] + 6, y - 14, name)
        pdf.drawString(xs[1] + 6, y - 27, unit)
        pdf.drawString(xs[2] + 6, y - 20, value)
    pdf.setStrokeColor(white)
    pdf.setLineWidth(1.2)
    for x in xs:
        pdf.line(x, top, x, top - n * h)
    for r in (0, 1, 3, 5):
        pdf.line(xs[0], top - r * h, xs[-1], top - r * h)
    for r in (2, 4):
        pdf.line(xs[1], top - r * h, xs[-1], top - r * h)
    pdf.save()
    path = tmp_path / f"span_{kind}.pdf"
    path.write_bytes(buf.getvalue())
    return path


def _span_table(tmp_path: Path, kind: str, source: str) -> None:
    doc = extract_document(_span_pdf(tmp_path, kind), settings=ExtractSettings(page_source=source))
    (table,) = doc.pages[0].tables
    cells = {(c.row, c.col): (c.rowspan, " ".join(ln.text for ln in c.lines)) for c in table.cells}
    assert (table.n_rows, table.n_cols) == (5, 3)
    assert cells[(1, 0)] == (2, "Economy") and cells[(3, 0)] == (2, "Welfare")
    assert cells[(4, 2)] == (1, "7")


@pytest.mark.parametrize("source", SOURCES)
def test_white_grid_on_image_background_is_kept(tmp_path: Path, source: str) -> None:
    _span_table(tmp_path, "image", source)


@pytest.mark.parametrize("source", SOURCES)
def test_white_grid_on_gradient_background_is_kept(tmp_path: Path, source: str) -> None:
    _span_table(tmp_path, "gradient", source)


def test_a_white_rule_is_seen_where_any_part_of_it_is_on_a_coloured_area() -> None:
    band = [{"x0": 72.0, "top": 100.0, "x1": 522.0, "bottom": 122.0}]
    assert on_fill(Segment("v", 222.0, 78.0, 254.0, "#ffffff"), band)  # its middle on the unshaded row below
    assert not on_fill(Segment("v", 222.0, 130.0, 200.0, "#ffffff"), band)


def test_a_white_rule_touching_a_seen_white_rule_is_seen() -> None:
    band = [{"x0": 72.0, "top": 100.0, "x1": 522.0, "bottom": 122.0}]
    on_band = Segment("v", 222.0, 100.0, 122.0, "#ffffff")
    below = Segment("v", 222.0, 122.0, 144.0, "#ffffff")  # the same column rule across the unshaded row
    further = Segment("h", 144.0, 72.0, 522.0, "#ffffff")
    apart = Segment("v", 560.0, 300.0, 400.0, "#ffffff")  # on white paper, touching nothing seen
    assert seen_whites([apart, further, below, on_band], band) == {id(on_band), id(below), id(further)}


def test_a_pattern_fill_is_a_coloured_area() -> None:
    box = {"x0": 80.0, "top": 100.0, "x1": 460.0, "bottom": 126.0, "fill": True}
    objs = [{**box, "non_stroking_color": None}, {**box, "non_stroking_color": (1, 1, 1)}]
    assert coloured_areas(objs, ExtractSettings()) == objs[:1]
