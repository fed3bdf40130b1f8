"""A byte flip inside an operator's name (``Tj`` → ``Tk``) lost the text it shows with no warning from either
page source (issue 17's silent loss; pdfminer and pdfium both skip unknown operators silently).  Now it is a
``bad_operand`` warning naming the page, from both sources; an unknown operator inside ``BX``…``EX`` (the
compatibility section PDF provides for them) is not damage."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from policy_extract.extract.sources.operands import count_unknown_operators, scan_operands
from reportlab.pdfgen import canvas

from policy_extract.pipeline import process_pdf


def _pdf(tmp_path: Path, damage: bool) -> Path:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pageCompression=0)
    pdf.drawString(100, 700, "First line of the notice")
    pdf.drawString(100, 680, "Second line of the notice")
    pdf.save()
    data = buf.getvalue()
    assert data.count(b") Tj") == 2
    path = tmp_path / ("damaged.pdf" if damage else "clean.pdf")
    path.write_bytes(data.replace(b") Tj", b") Tk", 1) if damage else data)
    return path


@pytest.mark.parametrize("source", ["pdfium", "pdfminer"])
def test_a_damaged_operator_name_is_reported_with_its_page(tmp_path: Path, source: str) -> None:
    settings = {"ocr": "off", "extract": {"page_source": source}}
    clean = process_pdf(_pdf(tmp_path, False), settings=settings)
    damaged = process_pdf(_pdf(tmp_path, True), settings=settings)
    assert not [w for w in clean.warnings if w.code == "bad_operand"]
    (warning,) = [w for w in damaged.warnings if w.code == "bad_operand"]
    assert warning.page == 1 and "1 drawing or text operator" in warning.message


def test_unknown_operators_inside_a_compatibility_section_are_not_damage() -> None:
    assert count_unknown_operators(b"BX /X 1 foo EX BT (a) Tj ET") == 0
    assert count_unknown_operators(b"BT (a) Tk ET") == 1
    assert count_unknown_operators(b"[ true false null ] pop") == 1
    assert scan_operands(b"BT (a) Tk ET")[0] == 1
    assert scan_operands(b"BX 1 foo EX BT (a) Tj ET")[0] == 0
