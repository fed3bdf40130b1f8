"""Panel headings inside a three-line table's rule-less body were read as cells of one column: a line of one
run opening a panel of rows (一、按城乡划分…, left-aligned across the table; “Enrollment, in thousands”, centred
over the value columns) bridged the gutters it crossed, so the columns it stood over merged into one for the
whole table (“2008–09 2009–10” one cell in every row: ICDAR 2013 us-019 Tables A-3 and A-4; generated
gen_rl_16_renkou_overline, gen_rl_17_jiuye_panels).  Under a header rule, such a line is left out of the
columns and becomes a row of its own, one cell spanning the columns it heads."""

from __future__ import annotations

import io
from pathlib import Path

from page_helpers import cells, h, text
from policy_extract.extract.document import extract_document
from policy_extract.extract.page import page_content
from policy_extract.extract.settings import ExtractSettings
from reportlab.pdfgen import canvas

S = ExtractSettings()
XS = (150, 250, 350)
WIDE = "Projected enrollment in public and private schools, in thousands"


def row(label: str, top: float, value: str = "1.25") -> list:
    return text(label, 55, top) + [c for x in XS for c in text(value, x, top)]


def spans(table) -> dict[int, list[tuple[int, int]]]:
    """Row → (col, colspan) of each of its cells."""
    out: dict[int, list[tuple[int, int]]] = {}
    for c in sorted(table.cells, key=lambda c: (c.row, c.col)):
        out.setdefault(c.row, []).append((c.col, c.colspan))
    return out


def test_a_left_aligned_panel_heading_spans_every_column_and_keeps_the_columns() -> None:
    chars = text("项目", 55, 105) + [c for x, s in zip(XS, ("人数", "比重", "增减"), strict=True) for c in text(s, x, 105)]
    chars += text("一、按城乡划分的常住人口构成", 55, 122) + row("城镇", 137) + row("乡村", 152)
    chars += text("二、按性别划分的常住人口构成", 55, 167) + row("男性", 182) + row("女性", 197)
    (table,) = page_content(1, (500, 700), 0, chars, [h(100), h(118), h(212)], S).tables
    got = cells(table)
    assert (table.n_rows, table.n_cols) == (7, 4)
    assert spans(table)[1] == [(0, 4)] and got[(1, 0)] == "一、按城乡划分的常住人口构成"
    assert spans(table)[4] == [(0, 4)] and got[(5, 0)] == "男性" and got[(5, 1)] == "1.25"


def test_a_panel_heading_centred_over_the_value_columns_spans_them() -> None:
    chars = text("项目", 55, 105) + [c for x, s in zip(XS, ("一季", "二季", "三季"), strict=True) for c in text(s, x, 105)]
    heading = "新增就业人数与失业人员再就业人数"
    centre = ((75 + 150) / 2 + 450) / 2  # the value columns' middle
    chars += text(heading, centre - 5 * len(heading), 122) + row("城镇", 137) + row("农村", 152)
    (table,) = page_content(1, (500, 700), 0, chars, [h(100), h(118), h(167)], S).tables
    assert (table.n_rows, table.n_cols) == (4, 4)
    assert spans(table)[1] == [(0, 1), (1, 3)] and cells(table)[(1, 1)] == heading
    assert cells(table)[(2, 0)] == "城镇" and cells(table)[(2, 3)] == "1.25"


def test_without_a_header_rule_a_lone_run_is_no_panel_heading() -> None:
    """Between a top and a bottom rule only (no header rule), the lines are not told into header and body:
    a run crossing the gutters keeps its old reading (no panel row is made)."""
    chars = row("城镇", 105) + text("一、按城乡划分的常住人口构成", 55, 122) + row("乡村", 137)
    page = page_content(1, (500, 700), 0, chars, [h(100), h(152)], S)
    assert all(c.colspan == 1 for t in page.tables for c in t.cells)


def _panels_pdf(tmp_path: Path) -> Path:
    """Table A-3's form: Source | four years; “Enrollment, in thousands” and a wider heading centred over the
    year columns (the block right of the stub's, whose edge is midway between the stub's text and the first
    year's): the wide one bridges the gutter between two year columns, the other only reaches across its
    middle."""
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, 842))
    pdf.setFont("Helvetica", 8)
    xs = (270, 370, 470, 560)
    pdf.line(40, 780, 570, 780)
    pdf.drawString(45, 770, "Source")
    for x, year in zip(xs, ("2007-08", "2008-09", "2009-10", "2010-11"), strict=True):
        pdf.drawRightString(x, 770, year)
    pdf.line(40, 765, 570, 765)
    y = 754
    for heading, rows in (("Enrollment, in thousands", [("Actual", "49,293")]),
                          (WIDE, [("Projections to 2017", "49,644"),
                                                                  ("Projections to 2018", "49,470")])):
        pdf.drawCentredString(375, y, heading)
        y -= 12
        for label, value in rows:
            pdf.drawString(45, y, label)
            for x in xs:
                pdf.drawRightString(x, y, value)
            y -= 12
    pdf.line(40, y + 6, 570, y + 6)
    pdf.save()
    path = tmp_path / "panels.pdf"
    path.write_bytes(buf.getvalue())
    return path


def test_panel_headings_centred_over_the_years_keep_the_year_columns_apart(tmp_path: Path) -> None:
    (table,) = extract_document(_panels_pdf(tmp_path)).pages[0].tables
    got = {(c.row, c.col): (c.colspan, " ".join(ln.text for ln in c.lines)) for c in table.cells}
    assert (table.n_rows, table.n_cols) == (6, 5)
    assert got[(1, 1)] == (4, "Enrollment, in thousands")
    assert got[(3, 1)] == (4, WIDE)
    assert [got[(2, c)][1] for c in range(5)] == ["Actual"] + ["49,293"] * 4
