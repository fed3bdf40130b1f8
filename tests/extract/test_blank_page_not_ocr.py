"""A page with no text that draws only lines and rectangles is not sent to OCR.

A 部门决算 table whose empty last row is pushed onto a page of its own (real ``putuo_czj_bumen_juesuan_2024``,
page 14), a blank page holding a rule, a form's empty frame: nothing on them is text an OCR engine could read,
yet rendering the page and loading the engine cost a second and ~600 MB of memory, and the document was
reported ``mixed`` although no page was read from an image.  A page whose marks could be printed text (a
raster image, a curve such as a glyph outline, a non-link annotation) still goes to OCR.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from policy_extract.extract import document as extract_doc
from policy_extract.extract import extract_document
from policy_extract.extract.sources.pdfminer_source import PdfminerDocument
from policy_extract.extract.textlayer import LayerCheck


def _text_page(c) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c.setFont("STSong-Light", 12)
    c.drawString(72, 760, "关于做好年度部门决算公开工作的通知")
    c.showPage()


def _empty_row(c) -> None:
    """A table's empty last row (seven cells) at the top of a landscape-like page."""
    xs = [66, 222, 288, 454, 520, 608, 692, 775]
    for y in (770, 752):
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, 770, x, 752)


def _rectangles(c) -> None:
    c.rect(72, 600, 450, 120)
    c.rect(72, 400, 450, 120, fill=1)


def _rule(c) -> None:
    c.line(72, 420, 523, 420)


def _curve(c) -> None:
    """A filled outline with Bézier segments: the form of text printed as paths."""
    path = c.beginPath()
    path.moveTo(100, 500)
    path.curveTo(120, 560, 180, 560, 200, 500)
    path.curveTo(180, 440, 120, 440, 100, 500)
    path.close()
    c.drawPath(path, fill=1, stroke=0)


def _stroked_lettering(c) -> None:
    """Text drawn as stroked segments, as a CAD drawing exports SHX lettering: short level and upright
    strokes (十, 工, 口) and a path of several strokes with a slanted one (人)."""
    x = 100
    for _ in range(12):
        c.line(x, 500, x + 8, 500)
        c.line(x + 4, 496, x + 4, 504)
        x += 12
    path = c.beginPath()
    path.moveTo(300, 500)
    path.lineTo(305, 510)
    path.moveTo(305, 510)
    path.lineTo(310, 500)
    path.moveTo(320, 500)
    path.lineTo(328, 500)
    c.drawPath(path, stroke=1, fill=0)


def _short_strokes(c) -> None:
    """Level and upright strokes only, each shorter than an em (十 and 口 in stroked lettering)."""
    for i in range(10):
        x = 100 + 14 * i
        c.line(x, 500, x + 8, 500)
        c.line(x + 4, 496, x + 4, 504)
        c.rect(x, 470, 8, 8)


def _image(c, tmp_path: Path) -> None:
    from PIL import Image

    png = tmp_path / "grey.png"
    Image.new("L", (40, 40), 128).save(png)
    c.drawImage(str(png), 100, 400, 200, 200)


def _build(tmp_path: Path, name: str, drawers) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / name
    c = canvas.Canvas(str(path), pagesize=A4)
    _text_page(c)
    for draw in drawers:
        draw(c)
        c.showPage()
    c.save()
    return path


def _checks(path: Path) -> list[LayerCheck]:
    doc = PdfminerDocument(path)
    try:
        return [page.layer_check() for page in doc.pages()]
    finally:
        doc.close()


def test_pages_of_lines_and_rectangles_are_blank_not_empty(tmp_path):
    path = _build(tmp_path, "rules.pdf", [_empty_row, _rectangles, _rule, lambda c: None])
    kinds = [check.kind for check in _checks(path)]
    assert kinds == ["ok", "blank", "blank", "blank", "blank"]
    assert not any(check.needs_ocr for check in _checks(path))


def test_pages_that_could_print_text_still_need_ocr(tmp_path):
    drawers = [_curve, lambda c: _image(c, tmp_path), _stroked_lettering, _short_strokes]
    path = _build(tmp_path, "marks.pdf", drawers)
    checks = _checks(path)
    assert [check.kind for check in checks] == ["ok", "empty", "empty", "empty", "empty"]
    assert [check.needs_ocr for check in checks] == [False, True, True, True, True]


@pytest.mark.parametrize("source", ["pdfium", "pdfminer"])
def test_table_row_alone_on_a_page_is_read_without_ocr(tmp_path, monkeypatch, source):
    from policy_extract.extract.settings import ExtractSettings

    def no_ocr(self, page):
        raise AssertionError(f"page {page.page_number} was sent to OCR")

    monkeypatch.setattr(extract_doc.Scans, "read", no_ocr)
    path = _build(tmp_path, "row.pdf", [_empty_row])
    raw = extract_document(path, settings=ExtractSettings(page_source=source))
    assert [p.text_layer for p in raw.pages] == ["born_digital", "born_digital"]
    assert [(w.code, w.page) for w in raw.warnings if w.code == "no_text"] == [("no_text", 2)]


def test_curve_page_is_still_read_with_ocr(tmp_path, monkeypatch):
    read: list[int] = []

    def record(self, page):
        read.append(page.page_number)
        raise RuntimeError("stop after the verdict")

    monkeypatch.setattr(extract_doc.Scans, "read", record)
    path = _build(tmp_path, "curve.pdf", [_curve])
    with pytest.raises(RuntimeError, match="stop after the verdict"):
        extract_document(path)
    assert read == [2]
