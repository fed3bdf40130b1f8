"""A rule belonged to two tables and a caption became a header row: the header climb above a table's first
full-width rule (:func:`extract.hrules.rules_above`: short rules flush with a side of the table, one or two
rows of header text under each) went on past the table's own top rule (drawn over the value columns only)
into the bottom rule of a narrower table standing above it, flush with the same side, so that rule was kept
by the table above and also led the table below, whose first header row was the caption line between them
(its header rows muddled, its box over the caption).  A head now stops under any rule another table's run
keeps (:func:`extract.hrules.below_owned`): each rule belongs to one run."""

from __future__ import annotations

import io
from pathlib import Path

from policy_extract.extract.document import extract_document
from reportlab.pdfgen import canvas

SMALL = [("Region", "2022", "2023"), ("North", "12.1", "13.0"), ("South", "9.4", "9.9"),
         ("East", "7.7", "8.2")]
LARGE = [("Level", "Public", "Private", "Total"), ("Primary", "410", "52", "462"),
         ("Secondary", "305", "41", "346"), ("Tertiary", "120", "33", "153")]
CAPTION = "Table 2. Enrollment by level"


def _pdf(tmp_path: Path) -> Path:
    """A three-line table over the right half of the page, then a caption and a table across the page whose
    top rule covers its value columns only (its stub column open at the top)."""
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, 842))
    pdf.setFont("Helvetica", 9)
    for y in (780, 765, 720):
        pdf.line(300, y, 520, y)
    for i, row in enumerate(SMALL):
        for x, value in zip((305, 400, 470), row, strict=True):
            pdf.drawString(x, 769 - (4 if i else 0) - 12 * i, value)
    pdf.drawString(60, 706, CAPTION)
    pdf.line(150, 700, 520, 700)  # the large table's top rule, over its value columns
    for y in (685, 640):
        pdf.line(55, y, 520, y)
    for i, row in enumerate(LARGE):
        for x, value in zip((60, 160, 280, 400), row, strict=True):
            pdf.drawString(x, 689 - (4 if i else 0) - 12 * i, value)
    pdf.save()
    path = tmp_path / "stacked.pdf"
    path.write_bytes(buf.getvalue())
    return path


def test_a_header_climb_stops_under_the_bottom_rule_of_the_table_above(tmp_path: Path) -> None:
    page = extract_document(_pdf(tmp_path)).pages[0]
    small, large = sorted(page.tables, key=lambda t: t.bbox[1])
    grid = {(c.row, c.col): " ".join(ln.text for ln in c.lines) for c in large.cells}
    assert (large.n_rows, large.n_cols) == (len(LARGE), 4)
    assert [grid[(0, c)] for c in range(4)] == list(LARGE[0])
    assert CAPTION not in grid.values() and [ln.text for ln in page.lines] == [CAPTION]
    assert small.n_rows == len(SMALL) and small.bbox[3] < large.bbox[1]
