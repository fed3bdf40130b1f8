"""A flipped byte turned a coordinate into ``673.5.5.5.5.5..42601.989``: the pdfium source's operand scan
called float() on it and the document failed as ``internal`` (the mutation test found it).  A token that only
starts like a number is no number, as pdfminer's lexer drops it."""

from __future__ import annotations

import io
from pathlib import Path

from policy_extract.extract.sources.operands import scan_operands
from reportlab.pdfgen import canvas

from policy_extract.pipeline import process_pdf

DAMAGED = b"673.5.5.5.5.5..42601.989"


def test_a_damaged_number_in_a_position_is_no_number() -> None:
    assert scan_operands(b"1 0 0 1 " + DAMAGED + b" 0 cm BT /F1 12 Tf (a) Tj ET") == (0, 0)


def test_a_page_whose_path_has_a_damaged_coordinate_is_read(tmp_path: Path) -> None:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pageCompression=0)
    pdf.drawString(100, 700, "Hello world from a notice")
    pdf.line(72, 650.25, 500, 650.25)
    pdf.save()
    data = buf.getvalue()
    assert b"650.25 m" in data
    path = tmp_path / "damaged.pdf"
    path.write_bytes(data.replace(b"650.25 m", DAMAGED + b" m", 1))
    doc = process_pdf(path, settings={"ocr": "off"})
    assert doc.meta.title == "Hello world from a notice"
