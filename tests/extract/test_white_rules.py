"""A white rule drawn on white paper was taken as a rule: a white stroke down the right end of a table's
header band closed its top rule into a box, so the header above the header rule was lost (ICDAR 2013
us-021; white rules on no coloured fill also stand in eu-005, eu-011, hainan_njbt, hongze_zfxxgk and
tqjg_houxuanren, where they change nothing).  A white rule on or along a coloured area is seen (a table's
white border along its shaded header: us-011a, eu-027) and stays a rule."""

from __future__ import annotations

import io
from pathlib import Path

from policy_extract.extract.document import extract_document
from policy_extract.extract.rules import Segment, coloured_areas, on_fill
from policy_extract.extract.settings import ExtractSettings
from reportlab.pdfgen import canvas

XS = [60, 200, 260, 330, 390]
BODY = [("Total items", "135", "100", "60", "100"), ("Literary experience", "72", "53", "33", "55"),
        ("Acquire information", "63", "47", "27", "45")]


def _pdf(tmp_path: Path) -> Path:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, 842))
    pdf.setFont("Helvetica", 8)
    pdf.line(55, 760, 440, 760)  # top rule
    pdf.setStrokeColorRGB(1, 1, 1)
    pdf.line(440, 759, 440, 747)  # a white stroke down the right end of the header band
    pdf.setStrokeColorRGB(0, 0, 0)
    for name, x0, x1 in (("All items", 195, 300), ("New items", 325, 435)):
        pdf.drawCentredString((x0 + x1) / 2, 750, name)
        pdf.line(x0, 746, x1, 746)
    pdf.drawString(XS[0], 736, "Content domain")
    for x, leaf in zip(XS[1:], ("Number", "Percent", "Number", "Percent"), strict=True):
        pdf.drawString(x, 736, leaf)
    pdf.line(55, 731, 440, 731)  # header rule
    for i, row in enumerate(BODY):
        for x, value in zip(XS, row, strict=True):
            pdf.drawString(x, 720 - 14 * i, value)
    pdf.line(55, 720 - 14 * len(BODY) + 6, 440, 720 - 14 * len(BODY) + 6)
    pdf.save()
    path = tmp_path / "white_stroke.pdf"
    path.write_bytes(buf.getvalue())
    return path


def test_a_white_stroke_on_white_paper_is_no_rule(tmp_path: Path) -> None:
    (table,) = extract_document(_pdf(tmp_path)).pages[0].tables
    cells = {(c.row, c.col): (c.rowspan, c.colspan, " ".join(ln.text for ln in c.lines)) for c in table.cells}
    assert (table.n_rows, table.n_cols) == (2 + len(BODY), 5)
    assert cells[(0, 0)] == (2, 1, "Content domain")
    assert cells[(0, 1)] == (1, 2, "All items") and cells[(0, 3)] == (1, 2, "New items")


def test_a_white_rule_on_or_along_a_coloured_area_is_seen() -> None:
    shaded = [{"x0": 80.0, "top": 100.0, "x1": 460.0, "bottom": 126.0}]
    assert on_fill(Segment("v", 200.0, 100.0, 126.0, "#ffffff"), shaded)  # parting two shaded header cells
    assert on_fill(Segment("h", 98.5, 80.0, 460.0, "#ffffff"), shaded)  # the border along the shading
    assert not on_fill(Segment("v", 500.0, 100.0, 126.0, "#ffffff"), shaded)


def test_coloured_areas_are_filled_rectangles_and_shapes_not_white_nor_rules() -> None:
    box = {"x0": 80.0, "top": 100.0, "x1": 460.0, "bottom": 126.0}
    objs = [{**box, "fill": True, "non_stroking_color": (0.3, 0.5, 0.74)},  # a shaded header
            {**box, "fill": True, "non_stroking_color": (0.9,), "pts": [(80.0, 100.0)]},  # a rounded panel
            {**box, "fill": True, "non_stroking_color": (1, 1, 1)},  # white on white
            {**box, "fill": False, "non_stroking_color": (0, 0, 0)},  # a stroked frame
            {**box, "bottom": 101.0, "fill": True, "non_stroking_color": (0, 0, 0)}]  # a thin filled rule
    assert coloured_areas(objs, ExtractSettings()) == objs[:2]
