"""A rule table's title printed as its first row was kept as a row: ``科技竞赛奖励标准`` across the whole
frame above the column heads (real corpus, ouc_hysm_xueye_jiangxuejin_xize_2021 p.2) ends in 标准, not one of
the title words the caption-row rule knew, so the title stayed row 0, every row below moved down by one and
none of the table's cells matched (cells 0.808).  Tables of award amounts, points and fees are titled
``…奖励标准`` / ``…计分标准`` (ouc_xxxy_xueye_jiangxuejin_xize_2020 prints two above their frames); printed
inside the frame (the form of gen_docx_jiaoyu_header, gen_html_07_shengtai_double, gen_rl_12_water_captionrow)
such a row is the title."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from policy_extract.pipeline import process_pdf

FONT = "STSong-Light"
CAPTION = "科技竞赛奖励标准"
HEAD = ("等次", "奖励标准", "具体评选时间", "备注")
PRIZES = (("特等奖", "10000"), ("一等奖", "8000"), ("二等奖", "4000"), ("三等奖", "2000"))
XS = (90.0, 189.0, 309.5, 415.8, 522.2)
TOP, ROW_H = 740.0, 22.4


def _pdf(tmp_path: Path) -> Path:
    """The page's frame: the caption row across all four columns, the heads, four prize rows with the
    time and the note each merged over the four."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, 842))
    pdf.setFont(FONT, 10.5)
    ys = [TOP - ROW_H * r for r in range(7)]
    for i, y in enumerate(ys):
        right = XS[2] if 2 < i < 6 else XS[-1]  # rules inside the merged cells stop at their left side
        pdf.line(XS[0], y, right, y)
    for i, x in enumerate(XS):
        pdf.line(x, ys[0] if i in (0, len(XS) - 1) else ys[1], x, ys[-1])
    pdf.drawCentredString((XS[0] + XS[-1]) / 2, ys[0] - 15, CAPTION)
    rows = [HEAD, *PRIZES]
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row):
            pdf.drawCentredString((XS[c] + XS[c + 1]) / 2, ys[r] - 15, text)
    middle = (ys[2] + ys[-1]) / 2 - 4
    pdf.drawCentredString((XS[2] + XS[3]) / 2, middle, "每年秋季学期")
    pdf.drawCentredString((XS[3] + XS[4]) / 2, middle, "奖励对象为团队")
    pdf.save()
    path = tmp_path / "caption_row_standard.pdf"
    path.write_bytes(buf.getvalue())
    return path


def test_caption_row_ending_in_standard_is_the_title_not_a_row(tmp_path: Path) -> None:
    (table,) = process_pdf(str(_pdf(tmp_path))).tables
    assert table.title == CAPTION
    assert table.header_rows == 1 and table.n_rows == 1 + len(PRIZES)
    assert tuple(c.text for c in table.cells if c.row == 0) == HEAD
    assert [c.text for c in table.cells if c.col == 0] == ["等次", *(p[0] for p in PRIZES)]
    (time,) = [c for c in table.cells if c.text == "每年秋季学期"]
    assert (time.row, time.col, time.rowspan) == (1, 2, len(PRIZES))
