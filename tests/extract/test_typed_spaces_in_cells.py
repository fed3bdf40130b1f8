"""A typed space inside a table cell was lost: the cell builders of tables ruled only across (``hrules``) and
of space-aligned tables (``borderless``) take a cell's characters from the line's words, which drop blank
glyphs, and a proportional font's space (Helvetica: 0.28 em) is narrower than the gap that reads as a space
without one, so “Median household income” came out “Medianhouseholdincome” (ICDAR 2013 us-021, us-023,
eu-011, us-003, us-037: label columns of three-line and borderless tables)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from policy_extract.extract.document import extract_document
from reportlab.pdfgen import canvas

ROWS = [("Inequality measure", "1997 value", "1998 value"),
        ("Median household income", "$49,497", "$51,295"),
        ("Household income inequality", "0.4590", "0.4560"),
        ("Between state inequality", "0.0628", "0.0636"),
        ("Premature mortality rate", "7108.3", "6960.6")]


def _pdf(tmp_path: Path, ruled: bool) -> Path:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, 842))
    pdf.setFont("Helvetica", 8)
    top = 700
    for i, row in enumerate(ROWS):
        y = top - 14 - i * 16
        for x, value in zip((60, 260, 360), row, strict=True):
            pdf.drawString(x, y, value)
    if ruled:
        for y in (top, top - 20, top - 14 - len(ROWS) * 16 + 8):
            pdf.line(55, y, 430, y)
    pdf.save()
    path = tmp_path / f"{'ruled' if ruled else 'aligned'}.pdf"
    path.write_bytes(buf.getvalue())
    return path


@pytest.mark.parametrize("ruled", [True, False], ids=["three_line_table", "space_aligned_table"])
def test_typed_space_inside_a_cell_is_kept(tmp_path: Path, ruled: bool) -> None:
    (table,) = extract_document(_pdf(tmp_path, ruled)).pages[0].tables
    texts = {(c.row, c.col): " ".join(ln.text for ln in c.lines) for c in table.cells}
    assert [texts[(r, 0)] for r in range(table.n_rows)] == [row[0] for row in ROWS]
    assert texts[(1, 1)] == "$49,497"
