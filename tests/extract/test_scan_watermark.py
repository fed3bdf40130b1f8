"""Scans whose text layer is only a watermark, a stamp caption or a page number go to OCR.

A scanner app (CamScanner's ``扫描全能王 创建``) writes one image over each page and a few characters of its
own as text: that layer is not the document's text.  A born-digital page with a background image and real
text, or a few characters beside a small picture, stays with its text layer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from policy_extract.extract import extract_document
from policy_extract.extract.sources.pdfium_source import PdfiumDocument
from policy_extract.extract.sources.pdfminer_source import PdfminerDocument
from policy_extract.extract.textlayer import LayerCheck, check_texts, image_cover, is_scan

ROOT = Path(__file__).resolve().parents[2]
SCAN = ROOT / "samples" / "pdf" / "scan_stress_joint_issuers.pdf"
BODY = ("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：现将有关事项通知如下，请结合实际认真贯彻执行。"
        "一、总体要求。坚持问题导向，统筹推进各项工作。")


def _page_image(tmp_path: Path) -> Path:
    """Page 1 of the scanned sample as a PNG (the scan's own pixels)."""
    import pypdfium2 as pdfium

    out = tmp_path / "scan.png"
    doc = pdfium.PdfDocument(str(SCAN))
    doc[0].render(scale=100 / 72).to_pil().convert("L").save(out)
    doc.close()
    return out


def _build(tmp_path: Path, name: str, pages: list[tuple[tuple[float, float, float, float] | None, str]]) -> Path:
    """A PDF of A4 pages, each an image at ``box`` (x, y, w, h in points; None: no image) and a text overlay
    (reportlab's built-in STSong-Light CID font), written line by line at the foot of the page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    image = str(_page_image(tmp_path))
    path = tmp_path / name
    c = canvas.Canvas(str(path), pagesize=A4)
    for box, text in pages:
        if box is not None:
            c.drawImage(image, *box)
        c.setFont("STSong-Light", 10)
        for i, line in enumerate(text.splitlines()):
            c.drawString(60, 120 - 14 * i, line)
        c.showPage()
    c.save()
    return path


FULL = (10.0, 40.0, 575.0, 795.0)
"""A scanned page image with a scanner's margin (0.9 of an A4 page, as CamScanner writes it)."""


@pytest.fixture(scope="module")
def watermarked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two scanned pages: one with CamScanner's watermark as text, one with a page number."""
    tmp = tmp_path_factory.mktemp("watermark")
    return _build(tmp, "watermarked.pdf", [(FULL, "扫描全能王 创建"), (FULL, "- 2 -")])


@pytest.fixture(scope="module")
def born_digital(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A full-page background image under real text, and a small picture beside a short caption."""
    tmp = tmp_path_factory.mktemp("background")
    body = "\n".join(BODY[i:i + 30] for i in range(0, len(BODY), 30))
    return _build(tmp, "background.pdf", [(FULL, body), ((60.0, 600.0, 120.0, 160.0), "图1 示意图")])


@pytest.mark.parametrize("source", [PdfminerDocument, PdfiumDocument])
def test_a_scan_with_a_watermark_text_layer_is_a_scan(watermarked: Path, source: type) -> None:
    doc = source(watermarked)
    try:
        checks = [page.layer_check() for page in doc.pages()]
    finally:
        doc.close()
    assert [c.kind for c in checks] == ["scan", "scan"]
    assert all(c.needs_ocr for c in checks)
    assert "only 7 characters" in checks[0].reason()


@pytest.mark.parametrize("source", [PdfminerDocument, PdfiumDocument])
def test_born_digital_text_over_a_background_image_stays_born_digital(born_digital: Path, source: type) -> None:
    doc = source(born_digital)
    try:
        kinds = [page.layer_check().kind for page in doc.pages()]
    finally:
        doc.close()
    assert kinds == ["ok", "ok"]


def test_a_watermarked_scan_is_read_with_ocr(watermarked: Path) -> None:
    raw = extract_document(watermarked, ocr="auto")
    page = raw.pages[0]
    text = "".join(line.text for line in page.lines)
    assert page.text_layer == "ocr"
    assert len(text) > 100  # the notice printed in the image, not the seven characters of the watermark


def test_with_ocr_off_a_watermarked_scan_keeps_its_text_layer(watermarked: Path) -> None:
    raw = extract_document(watermarked, ocr="off")
    assert "".join(line.text for line in raw.pages[0].lines).replace(" ", "") == "扫描全能王创建"


def test_image_cover_counts_overlapping_and_tiled_images_once() -> None:
    frame = (0.0, 0.0, 100.0, 200.0)
    assert image_cover([(0, 0, 100, 200)], frame) == 1.0
    assert image_cover([(0, 0, 100, 100), (0, 100, 100, 200)], frame) == 1.0
    assert image_cover([(0, 0, 100, 100), (0, 0, 100, 100)], frame) == 0.5
    assert image_cover([(-50, -50, 300, 300)], frame) == 1.0
    assert image_cover([], frame) == 0.0
    assert image_cover([(0, 0, 10, 10)], (0.0, 0.0, 0.0, 0.0)) == 0.0


def test_a_scan_needs_few_characters_and_a_mostly_covered_page() -> None:
    assert is_scan(7, lambda: 0.9)
    assert not is_scan(60, lambda: 0.95)
    assert not is_scan(7, lambda: 0.2)
    assert LayerCheck("scan", 7).needs_ocr
    assert check_texts(list("扫描全能王创建")).kind == "ok"  # the characters alone cannot tell
