"""A caption above a three-line table became its header: a rule above the table's first full-width rule and
narrower than the table was taken for a group's top rule (300bd79, reverted), so the text between it and
the table (an underlined caption ``表1 …`` and its right-aligned ``单位：%`` line, a stacked table's centred
caption ``表2 主要指标`` under the narrower table above, a ``专栏3 重点指标`` heading underlined to the
margin and its ``（数据来源：市统计局）`` line) was read as header rows, the real header as a body row, and
the pipeline found none of the table's indicators (4 → 0 in each layout).  Chinese three-line tables are
set under such captions everywhere; the text above stays outside the table and every indicator is found."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from policy_extract.extract.document import extract_document
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from policy_extract.core.model import RawTable
from policy_extract.pipeline import process_pdf

FONT = "STSong-Light"
HEAD = ("指标", "单位", "2020年", "2025年", "属性")
BODY = (("地区生产总值增长", "%", "6.1", "6.5", "预期性"),
        ("研发经费投入增长", "%", "7.0", "7.5", "预期性"),
        ("单位GDP能耗降低", "%", "3.0", "13.5", "约束性"),
        ("城镇调查失业率", "%", "5.2", "5.5", "预期性"))  # fmt: skip
XS = (80, 230, 300, 370, 440)
LEFT, RIGHT = 72, 523

Draw = Callable[[canvas.Canvas], None]


def _three_line(pdf: canvas.Canvas, top: float) -> None:
    """The table: top, header and bottom rules, each the table's full width, no column rules."""
    pdf.setFont(FONT, 10.5)
    pdf.line(LEFT, top, RIGHT, top)
    for x, text in zip(XS, HEAD, strict=True):
        pdf.drawString(x, top - 14, text)
    pdf.line(LEFT, top - 19, RIGHT, top - 19)
    for i, row in enumerate(BODY):
        for x, text in zip(XS, row, strict=True):
            pdf.drawString(x, top - 33 - 16 * i, text)
    bottom = top - 33 - 16 * len(BODY) + 10
    pdf.line(LEFT, bottom, RIGHT, bottom)


def _underlined_caption(pdf: canvas.Canvas) -> None:
    pdf.setFont(FONT, 12)
    pdf.drawString(LEFT, 700, "表1 “十四五”时期经济社会发展主要指标")
    pdf.line(LEFT, 696, 300, 696)  # the caption's underline, flush with the table's left side
    pdf.setFont(FONT, 10.5)
    pdf.drawRightString(RIGHT, 682, "单位：%")
    _three_line(pdf, 676)


def _stacked(pdf: canvas.Canvas) -> None:
    pdf.setFont(FONT, 10.5)  # a narrower three-line table flush left above
    for y in (760, 741, 689):
        pdf.line(LEFT, y, 330, y)
    pdf.drawString(80, 746, "项目")
    pdf.drawString(230, 746, "数量")
    for i, (item, count) in enumerate((("新建学校", "12"), ("改扩建学校", "30"), ("新增学位", "2.1万"))):
        pdf.drawString(80, 727 - 16 * i, item)
        pdf.drawString(230, 727 - 16 * i, count)
    pdf.setFont(FONT, 12)
    pdf.drawCentredString(297, 668, "表2 主要指标")
    _three_line(pdf, 660)


def _sidebar_heading(pdf: canvas.Canvas) -> None:
    pdf.setFont(FONT, 12)
    pdf.drawString(200, 700, "专栏3  重点指标")
    pdf.line(200, 696, RIGHT, 696)  # the heading's underline, flush with the table's right side
    pdf.setFont(FONT, 10.5)
    pdf.drawString(LEFT, 682, "（数据来源：市统计局）")
    _three_line(pdf, 676)


LAYOUTS: dict[str, tuple[Draw, tuple[str, ...]]] = {
    "underlined_caption_and_unit_line": (_underlined_caption, ("十四五", "单位：")),
    "stacked_tables_centred_caption": (_stacked, ("主要指标",)),
    "sidebar_heading_and_source_note": (_sidebar_heading, ("重点指标", "数据来源")),
}


def _pdf(tmp_path: Path, name: str) -> Path:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, 842))
    LAYOUTS[name][0](pdf)
    pdf.save()
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(buf.getvalue())
    return path


def _rows(table: RawTable) -> list[tuple[str, ...]]:
    grid: dict[int, dict[int, str]] = {}
    for cell in table.cells:
        grid.setdefault(cell.row, {})[cell.col] = "".join(ln.text for ln in cell.lines)
    return [tuple(grid[r].get(c, "") for c in range(table.n_cols)) for r in sorted(grid)]


@pytest.mark.parametrize("name", LAYOUTS)
def test_caption_above_three_line_table_is_not_a_header_row(tmp_path: Path, name: str) -> None:
    tables = extract_document(_pdf(tmp_path, name)).pages[0].tables
    (table,) = [t for t in tables if any(c.lines and c.lines[0].text == BODY[0][0] for c in t.cells)]
    text = "".join(ln.text for c in table.cells for ln in c.lines)
    assert not [words for words in LAYOUTS[name][1] if words in text]
    assert (table.n_rows, table.n_cols) == (1 + len(BODY), len(HEAD))
    assert _rows(table) == [HEAD, *BODY]


@pytest.mark.parametrize("name", LAYOUTS)
def test_indicators_of_three_line_table_under_a_caption_are_found(tmp_path: Path, name: str) -> None:
    doc = process_pdf(str(_pdf(tmp_path, name)))
    found = {
        ind.name: (ind.unit, ind.attribute, [(v.year, v.raw) for v in ind.values]) for ind in doc.indicators
    }
    assert found == {
        name_: (unit, attr, [(2020, y2020), (2025, y2025)]) for name_, unit, y2020, y2025, attr in BODY
    }
