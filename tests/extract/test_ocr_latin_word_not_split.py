"""OCR split Latin words: on a scanned page the characters' boxes are estimated (RapidOCR's per-character
boxes, the line rebuilt through ``row_text``), so the letter-gap rule (a gap wider than the line's letter
spacing is a word space, made for printed text) read their unevenness as word spaces: ``2025年G D P增长率``,
``通过En gineering Villa ge查询`` (before: GDP, EngineeringVillage).  OCR characters are judged by the
fixed thresholds only."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pikepdf
from policy_extract.extract.document import extract_document
from policy_extract.extract.lines import row_text
from policy_extract.extract.ocr import OCR_FONT
from policy_extract.extract.settings import ExtractSettings
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parents[2]
SIZE = 12.0


def _char(text: str, x0: float, width: float, font: str) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + width, "size": SIZE, "top": 0.0, "bottom": SIZE,
            "fontname": font}


def _uneven_row(font: str) -> list[dict]:
    """``2025年GDP增长率``: the letters' gaps uneven (0.02, 0.3 em), as an OCR estimate gives them."""
    chars, x = [], 0.0
    for text, gap in [("2", 0), ("0", 0.02), ("2", 0.02), ("5", 0.02), ("年", 0), ("G", 0), ("D", 0.3),
                      ("P", 0.02), ("增", 0), ("长", 0), ("率", 0)]:
        x += gap * SIZE
        width = SIZE if "\u4e00" <= text <= "\u9fff" else SIZE * 0.6
        chars.append(_char(text, x, width, font))
        x += width
    return chars


def test_ocr_characters_uneven_gap_is_no_word_space() -> None:
    assert row_text(_uneven_row(OCR_FONT), ExtractSettings()) == "2025年GDP增长率"


def test_printed_characters_same_gap_is_a_word_space() -> None:
    """The rule still holds for printed text (ouc_xxxy CCF A类): only the OCR estimate is exempt."""
    assert row_text(_uneven_row("Helvetica"), ExtractSettings()) == "2025年G DP增长率"


def _scan_of(tmp_path: Path, lines: list[str]) -> Path:
    """An image-only PDF: the lines set in a CID font, rendered at 200 dpi, placed as one JPEG."""
    import pypdfium2 as pdfium

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, 842))
    pdf.setFont("STSong-Light", SIZE)
    for i, text in enumerate(lines):
        pdf.drawString(72, 760 - 24 * i, text)
    pdf.save()
    page = pdfium.PdfDocument(buf.getvalue())[0]
    image = page.render(scale=200 / 72).to_pil().convert("RGB")
    jpeg = io.BytesIO()
    image.save(jpeg, "JPEG", quality=90)
    sys.path.insert(0, str(ROOT / "samples"))
    try:
        from scan import image_page
    finally:
        sys.path.remove(str(ROOT / "samples"))
    out = pikepdf.new()
    image_page(out, jpeg.getvalue(), image.size, (595, 842))
    path = tmp_path / "scanned_latin.pdf"
    out.save(path)
    return path


def test_latin_words_on_a_scanned_page_stay_whole(tmp_path: Path) -> None:
    path = _scan_of(tmp_path, ["2025年GDP增长率达到6.5%，R&D经费投入强度达到2.8%。",
                               "各单位：通过Engineering Village查询论文收录情况，"])
    page = extract_document(path, ocr="auto").pages[0]
    assert page.text_layer == "ocr"
    text = "\n".join(ln.text for ln in page.lines)
    assert "GDP" in text and "Engineering" in text and "Villa ge" not in text, text
