"""A header parted by group rules came out as one row: a three-line table whose group headers (“Total”,
“Public”) are each underlined by a short rule over their columns, above a row of leaf labels, had both
header lines read as one row, each group name joined into the leaf cell under it (“Total PK–8”) and the
stub label (“Year”, set level with the leaf labels) one row high.  The group rules part the header's rows,
a group name spans the columns its rule spans, and the stub spans both rows (ICDAR 2013 us-017, us-019,
us-025, us-037)."""

from __future__ import annotations

import io
from pathlib import Path

from policy_extract.extract.document import extract_document
from reportlab.pdfgen import canvas

LEAVES = ["PK-12", "PK-8", "9-12", "PK-12", "PK-8", "9-12"]
BODY = [("1996", "51,544", "37,481", "14,062", "45,611", "32,762", "12,849"),
        ("1997", "52,071", "37,797", "14,275", "46,127", "33,071", "13,056"),
        ("1998", "52,526", "38,091", "14,435", "46,539", "33,344", "13,195")]
XS = [60, 160, 220, 280, 350, 410, 470]


def _pdf(tmp_path: Path) -> Path:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, 842))
    pdf.setFont("Helvetica", 8)
    pdf.line(55, 760, 520, 760)  # top rule
    for name, x0, x1 in (("Total", 150, 315), ("Public", 340, 505)):
        pdf.drawCentredString((x0 + x1) / 2, 750, name)
        pdf.line(x0, 746, x1, 746)  # the group's rule
    pdf.drawString(XS[0], 736, "Year")
    for x, leaf in zip(XS[1:], LEAVES, strict=True):
        pdf.drawString(x, 736, leaf)
    pdf.line(55, 731, 520, 731)  # header rule
    for i, row in enumerate(BODY):
        for x, value in zip(XS, row, strict=True):
            pdf.drawString(x, 720 - 14 * i, value)
    pdf.line(55, 720 - 14 * len(BODY) + 6, 520, 720 - 14 * len(BODY) + 6)  # bottom rule
    pdf.save()
    path = tmp_path / "group_rules.pdf"
    path.write_bytes(buf.getvalue())
    return path


def test_group_rules_part_the_header_rows_and_span_their_columns(tmp_path: Path) -> None:
    (table,) = extract_document(_pdf(tmp_path)).pages[0].tables
    cells = {(c.row, c.col): (c.rowspan, c.colspan, " ".join(ln.text for ln in c.lines)) for c in table.cells}
    assert (table.n_rows, table.n_cols) == (2 + len(BODY), 7)
    assert cells[(0, 0)] == (2, 1, "Year")
    assert cells[(0, 1)] == (1, 3, "Total") and cells[(0, 4)] == (1, 3, "Public")
    assert [cells[(1, c)][2] for c in range(1, 7)] == LEAVES
    assert [cells[(2, c)][2] for c in range(7)] == list(BODY[0])


def _overlined_pdf(tmp_path: Path) -> Path:
    """The group's rules drawn over the value columns only, above the table's first full-width rule (the
    stub column has no top rule): “Year” between them, the leaf labels under them."""
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, 842))
    pdf.setFont("Helvetica", 8)
    pdf.line(150, 770, 520, 770)  # the group's top rule, flush with the table's right end
    pdf.drawCentredString(335, 760, "Year")
    pdf.line(150, 756, 520, 756)  # the group's rule
    pdf.drawString(XS[0], 746, "Inequality measure")
    for x, leaf in zip(XS[1:], ("1997", "1998", "1999", "2000", "2001", "2002"), strict=True):
        pdf.drawString(x, 746, leaf)
    pdf.line(55, 741, 520, 741)  # the first full-width rule: the header rule
    for i, row in enumerate(BODY):
        for x, value in zip(XS, row, strict=True):
            pdf.drawString(x, 730 - 14 * i, value)
    pdf.line(55, 730 - 14 * len(BODY) + 6, 520, 730 - 14 * len(BODY) + 6)
    pdf.save()
    path = tmp_path / "overlined_group.pdf"
    path.write_bytes(buf.getvalue())
    return path


def test_group_rules_over_the_value_columns_above_the_first_full_rule_are_the_header(tmp_path: Path) -> None:
    """The header stood above the first full-width rule, between rules narrower than the table: the table
    began at that rule and the header was lost (ICDAR us-023; tests/extract/test_header_above_first_rule.py
    has the small cases and the guards)."""
    (table,) = extract_document(_overlined_pdf(tmp_path)).pages[0].tables
    cells = {(c.row, c.col): (c.rowspan, c.colspan, " ".join(ln.text for ln in c.lines)) for c in table.cells}
    assert (table.n_rows, table.n_cols) == (2 + len(BODY), 7)
    assert cells[(0, 0)] == (2, 1, "Inequality measure") and cells[(0, 1)] == (1, 6, "Year")
    assert cells[(1, 1)][2] == "1997" and [cells[(2, c)][2] for c in range(7)] == list(BODY[0])
