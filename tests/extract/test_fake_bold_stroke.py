"""Fake bold drawn by stroking was not seen: Word and WPS print 加粗 on a font without a bold face (仿宋, 楷体)
by filling each glyph and stroking its outline (text render mode ``2 Tr`` with a line width ~1/35 em: 0.40 pt
at 14 pt), as in 23 of the 30 real PDFs (hanshan's centred 二、商务要求 on p.48, shenzhen's unnumbered side
headings) and the reportlab/docx generated files.  pdfplumber's characters do not say how a glyph was drawn,
so a line was bold only by its font's name or by glyphs printed twice.

Both page sources now give such a character the stroke's ``linewidth`` (as written, before the CTM), the same
number from either, and nothing for a glyph only filled or only stroked.  The PDFs are built here with
reportlab: a heading in render mode 2, a hairline (``0 w``) one, an outlined (stroke-only) one and one under
a scaled CTM.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from policy_extract.extract.lines import char_rows, make_line, stroked_bold
from policy_extract.extract.settings import ExtractSettings
from policy_extract.extract.sources.pdfium_source import PdfiumDocument
from policy_extract.extract.sources.pdfminer_source import PdfminerDocument, stroked_width
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
SETTINGS = ExtractSettings()
HEADING, BODY, HAIRLINE, OUTLINED, SCALED = "二、商务要求", "所有货物须为全新的原装正品", "三、技术规范", "四、空心字", "五、缩放"


def _line(pdf: canvas.Canvas, y: float, text: str, size: float, mode: int, width: float) -> None:
    pdf.setLineWidth(width)
    t = pdf.beginText(72, y)
    t.setFont(FONT, size)
    t.setTextRenderMode(mode)
    t.textOut(text)
    pdf.drawText(t)


def fake_bold_pdf(path: Path) -> Path:
    """A page as Word prints a 仿宋 document with a 加粗 heading: the heading filled and stroked at 0.46 pt
    (16 pt), body text filled only; a hairline-stroked line, a stroke-only line, and a stroked line drawn
    under ``0.5 0 0 0.5 cm`` with ``0.8 w`` (0.4 pt on the page)."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    _line(pdf, 730, BODY, 16, 0, 0.46)  # first: the render mode is text state, kept from one BT to the next
    _line(pdf, 760, HEADING, 16, 2, 0.46)
    _line(pdf, 700, HAIRLINE, 16, 2, 0)
    _line(pdf, 670, OUTLINED, 16, 1, 0.46)
    pdf.saveState()
    pdf.scale(0.5, 0.5)
    _line(pdf, 1280, SCALED, 32, 2, 0.8)
    pdf.restoreState()
    pdf.showPage()
    pdf.save()
    return path


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fake_bold_pdf(tmp_path_factory.mktemp("fake_bold") / "fake_bold.pdf")


def _widths(chars: list[dict]) -> dict[str, set]:
    """Each printed character → the ``linewidth`` values it carries (None: no key)."""
    out: dict[str, set] = {}
    for c in chars:
        if c["text"].strip():
            out.setdefault(c["text"], set()).add(c.get("linewidth"))
    return out


@pytest.mark.parametrize("source", [PdfminerDocument, PdfiumDocument], ids=["pdfminer", "pdfium"])
def test_a_filled_and_stroked_glyph_carries_its_stroke_width(pdf_path: Path, source) -> None:
    doc = source(pdf_path)
    try:
        page = next(iter(doc.pages())).resolve()
        widths = _widths(page.chars)
    finally:
        doc.close()
    assert all(widths[ch] == {0.46} for ch in "商务要求")
    assert all(widths[ch] == {None} for ch in "货物全新原装正品")  # filled only
    assert all(widths[ch] == {0.0} for ch in "技术")  # hairline: a stroke, of no width
    assert all(widths[ch] == {None} for ch in "空心字")  # stroked only: outlined, not bold
    assert all(widths[ch] == {0.8} for ch in "缩放")  # as written, before the CTM's 0.5


def test_both_sources_give_every_character_the_same_linewidth(pdf_path: Path) -> None:
    per_source = []
    for source in (PdfminerDocument, PdfiumDocument):
        doc = source(pdf_path)
        try:
            page = next(iter(doc.pages())).resolve()
            per_source.append(sorted((c["text"], round(c["x0"]), c.get("linewidth", -1.0)) for c in page.chars
                                     if c["text"].strip()))
        finally:
            doc.close()
    assert per_source[0] == per_source[1]


@pytest.mark.parametrize(("render", "linewidth", "ctm", "width"), [
    (2, 0.4, (1, 0, 0, 1, 0, 0), 0.4),
    (6, 0.4, (1, 0, 0, 1, 0, 0), 0.4),  # fill, stroke and clip
    (2, 0.4, (0.5, 0, 0, 0.5, 0, 0), 0.8),  # pdfminer holds 0.8 w under a 0.5 CTM as 0.4
    (0, 0.4, (1, 0, 0, 1, 0, 0), None),
    (1, 0.4, (1, 0, 0, 1, 0, 0), None),
    (3, 0.4, (1, 0, 0, 1, 0, 0), None),
])  # fmt: skip
def test_the_stroke_width_is_read_for_fill_and_stroke_modes_only(render, linewidth, ctm, width) -> None:
    assert stroked_width(render, linewidth, ctm) == width


@pytest.mark.parametrize("source", [PdfminerDocument, PdfiumDocument], ids=["pdfminer", "pdfium"])
def test_a_visible_stroke_makes_the_glyph_bold_a_hairline_does_not(pdf_path: Path, source) -> None:
    """The rule (``lines.stroked_bold``): filled and stroked with at least 1.5 % of the font size.  The
    corpora print 2.0–3.3 % (Word/WPS 1/35 em, reportlab 3 %, ICDAR eu-003 2 %)."""
    doc = source(pdf_path)
    try:
        page = next(iter(doc.pages())).resolve()
        rows = char_rows(page.chars, SETTINGS)
    finally:
        doc.close()
    by_text = {"".join(c["text"] for c in r.chars): r.chars for r in rows}
    visible = {text: [c for c in chars if c["text"].strip()] for text, chars in by_text.items()}
    assert stroked_bold(visible[HEADING]) == len(visible[HEADING])
    assert stroked_bold(visible[SCALED]) == len(visible[SCALED])  # 0.8 w as written: 0.4 pt on 16 pt glyphs
    assert stroked_bold(visible[BODY]) == stroked_bold(visible[HAIRLINE]) == stroked_bold(visible[OUTLINED]) == 0


REAL = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real"


@pytest.mark.parametrize("source", [PdfminerDocument, PdfiumDocument], ids=["pdfminer", "pdfium"])
@pytest.mark.parametrize(("name", "page_no", "bold", "plain"), [
    ("shenzhen_gender_stats_2021", 2, "人口规模与性别比", "的45.0%，常住人口性别比"),  # 方正仿宋 side heading
    ("ouc_hysm_xueye_jiangxuejin_xize_2021", 1, "（一）申请的基本条件：", "第三条"),  # 仿宋 article item
    ("putuo_czj_bumen_juesuan_2024", 4, "一、主要职能", "第一条"),  # 仿宋 一、 over 第N条 in body type
])  # fmt: skip
def test_stroked_lines_of_real_documents_read_bold(source, name: str, page_no: int, bold: str, plain: str) -> None:
    """Word/WPS 加粗 on 仿宋 in three real documents reads bold from either source, the body beside it not."""
    path = REAL / f"{name}.pdf"
    if not path.exists():
        pytest.fail(f"the real corpus must sit beside the checkout: {path}")
    doc = source(path)
    try:
        page = list(doc.pages())[page_no - 1].resolve()
        lines = [make_line(r.chars, page_no, SETTINGS) for r in char_rows(page.chars, SETTINGS)]
    finally:
        doc.close()
    assert next(ln for ln in lines if ln.text.startswith(bold)).bold
    assert not next(ln for ln in lines if ln.text.startswith(plain)).bold
