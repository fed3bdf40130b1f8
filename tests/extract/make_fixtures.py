"""Build the extract-stage fixture PDFs the way offices make them: python-docx → LibreOffice → PDF.

Run ``python tests/extract/make_fixtures.py [NAME...]`` (needs LibreOffice); the PDFs land in
``tests/extract/data/`` and are committed, so the tests never need LibreOffice.
One PDF per failure mode the table finder must survive.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_BODY_FONT = "Noto Serif CJK SC"
DEFAULT_SOFFICE_TIMEOUT = 120
DEFAULT_BREAK_FILLER = 17
"""Body paragraphs before a table that must cross the first page break near its middle."""

Builder = Callable[[], "Document"]


# ----------------------------------------------------------------------------------------------- helpers


def new_document() -> Document:
    """A4 portrait, GB/T 9704-like margins, CJK body font."""
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(27)
    sec.top_margin, sec.bottom_margin = Mm(37), Mm(35)
    style = doc.styles["Normal"]
    style.font.name = DEFAULT_BODY_FONT
    style.font.size = Pt(14)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), DEFAULT_BODY_FONT)
    return doc


def set_borders(table: Table, sides: dict[str, str]) -> None:
    """Table-level borders: ``{"top": "single", "insideH": "double", "left": "nil", …}``."""
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        val = sides.get(side, "nil")
        el.set(qn("w:val"), val)
        if val != "nil":
            el.set(qn("w:sz"), "4" if val == "single" else "6")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)


ALL_SINGLE = {s: "single" for s in ("top", "left", "bottom", "right", "insideH", "insideV")}


def ruled_table(doc: Document, rows: list[list[str]], widths_mm: list[float], size: float = 10.5) -> Table:
    table = doc.add_table(rows=len(rows), cols=len(widths_mm))
    table.autofit = False
    set_borders(table, ALL_SINGLE)
    # LibreOffice sizes columns from <w:tblGrid>, Word from the cells: set both, as Word itself writes them
    for col, width in zip(table.columns, widths_mm, strict=True):
        col.width = Mm(width)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.width = Mm(widths_mm[c])
            write_cell(cell, text, size)
    return table


def write_cell(cell: _Cell, text: str, size: float) -> None:
    """Cell text; ``\\n`` is a hard line break inside the cell."""
    para = cell.paragraphs[0]
    for run in list(para.runs):
        run._r.getparent().remove(run._r)
    for i, part in enumerate(text.split("\n")):
        run = para.add_run(part)
        run.font.size = Pt(size)
        if i < len(text.split("\n")) - 1:
            run.add_break()


def repeat_header(table: Table, n_rows: int) -> None:
    for r in range(n_rows):
        tr_pr = table.rows[r]._tr.get_or_add_trPr()
        el = OxmlElement("w:tblHeader")
        tr_pr.append(el)


def paragraph_border(paragraph: object) -> None:
    """A box drawn with paragraph borders (how many offices draw a 专栏)."""
    p_pr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    bdr = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "6")
        el.set(qn("w:space"), "4")
        el.set(qn("w:color"), "000000")
        bdr.append(el)
    p_pr.append(bdr)


# ------------------------------------------------------------------------------------------------ builders


def build_merged() -> Document:
    """Rowspan + colspan: a 2-row header with a merged 项目 (2×2) and 指标 (1×3), a merged value column."""
    doc = new_document()
    doc.add_paragraph("表1 合并单元格测试表")
    rows = [
        ["项目", "", "指标", "", "", "属性"],
        ["", "", "2020年", "2025年", "单位", ""],
        ["制造业", "产品质量合格率", "93", "95", "%", "预期性"],
        ["", "质量竞争力指数", "85", "87", "—", "预期性"],
        ["服务业", "顾客满意度", "80", "82", "分", "约束性"],
    ]
    table = ruled_table(doc, rows, [20, 45, 22, 22, 18, 22])
    table.cell(0, 0).merge(table.cell(1, 1))
    table.cell(0, 2).merge(table.cell(0, 4))
    table.cell(0, 5).merge(table.cell(1, 5))
    table.cell(2, 0).merge(table.cell(3, 0))
    doc.add_paragraph("表后正文段落，不属于表格。")
    return doc


def build_narrow() -> Document:
    """A narrow first column whose text wraps into 1–2 character lines."""
    doc = new_document()
    doc.add_paragraph("窄列测试")
    rows = [
        ["类别", "指标名称", "目标"],
        ["服务业标准化指标", "服务业标准化试点项目数量", "10个"],
        ["工业", "规模以上工业企业质量管理体系认证率", "90%"],
    ]
    ruled_table(doc, rows, [9, 80, 30], size=10.5)
    doc.add_paragraph("正文继续。")
    return doc


def build_pagebreak() -> Document:
    """A table across a page break: repeated 2-row header and one row cut in two by the break."""
    doc = new_document()
    for i in range(13):
        doc.add_paragraph(f"第{i + 1}段填充正文，用于把表格推到页面底部附近。")
    rows = [["序号", "任务", "牵头单位"], ["", "", "（按职责分工）"]]
    long_task = "持续推进质量基础设施建设，" * 14
    tasks = ["完善标准体系。" if i != 2 else long_task for i in range(1, 6)]
    rows += [[str(i), f"任务{i}：{task}", f"单位{i}"] for i, task in enumerate(tasks, 1)]
    table = ruled_table(doc, rows, [15, 110, 31])
    repeat_header(table, 2)
    doc.add_paragraph("表格结束后的段落。")
    return doc


def build_no_outer() -> Document:
    """Only inside rules: no top/bottom/left/right border."""
    doc = new_document()
    doc.add_paragraph("无外框表格")
    rows = [["地区", "2020年", "2025年"], ["郑州", "12", "15"], ["开封", "7", "9"]]
    table = ruled_table(doc, rows, [40, 40, 40])
    set_borders(table, {"insideH": "single", "insideV": "single"})
    doc.add_paragraph("表后段落。")
    return doc


def build_double() -> Document:
    """Double lines for every border."""
    doc = new_document()
    doc.add_paragraph("双线表格")
    rows = [["名称", "数值"], ["甲", "1"], ["乙", "2"]]
    table = ruled_table(doc, rows, [60, 40])
    set_borders(table, {s: "double" for s in ALL_SINGLE})
    doc.add_paragraph("表后段落。")
    return doc


def build_box_cell() -> Document:
    """A 专栏 drawn as a 1×1 table."""
    doc = new_document()
    doc.add_paragraph("专栏前的正文段落。")
    table = ruled_table(doc, [[""]], [156])
    cell = table.cell(0, 0)
    write_cell(cell, "专栏2：质量品牌建设工程", 12)
    cell.add_paragraph("1．实施质量提升行动，打造区域公共品牌。").runs[0].font.size = Pt(12)
    cell.add_paragraph("2．开展标准化试点示范建设。").runs[0].font.size = Pt(12)
    doc.add_paragraph("专栏后的正文段落。")
    return doc


def build_box_para() -> Document:
    """A 专栏 drawn with paragraph borders around consecutive paragraphs."""
    doc = new_document()
    doc.add_paragraph("专栏前的正文段落。")
    for text in ("专栏3：计量能力提升工程", "1．建设计量测试中心。", "2．完善计量标准体系。"):
        paragraph_border(doc.add_paragraph(text))
    doc.add_paragraph("专栏后的正文段落。")
    return doc


def build_spaced() -> Document:
    """A table laid out with spaces only: one paragraph per row, no rules."""
    doc = new_document()
    doc.add_paragraph("空格对齐表格：")
    rows = [("指标", "2020年", "2025年"), ("专利数量", "120", "200"), ("品牌数量", "15", "30"),
            ("标准数量", "8", "16")]
    for name, a, b in rows:
        para = doc.add_paragraph(f"{name}{' ' * (12 - 2 * len(name))}{a:<10}{b}")
        para.paragraph_format.first_line_indent = Pt(0)
    doc.add_paragraph("表后的正文段落，内容较长以便换行检查阅读顺序是否正确，并且不应被识别为表格。")
    return doc


def build_landscape() -> Document:
    """A landscape section (wide MediaBox) holding a wide table."""
    doc = new_document()
    doc.add_paragraph("纵向页正文。")
    sec = doc.add_section()
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    doc.add_paragraph("附件 工作任务分解表")
    rows = [["序号", "工作任务", "牵头单位", "责任单位", "完成时限"],
            ["1", "建立质量工作联席会议制度", "区市场监管局", "各有关单位", "2022年6月底前"],
            ["2", "开展质量提升行动", "区经发局", "各办事处", "长期坚持"]]
    ruled_table(doc, rows, [15, 110, 40, 40, 38])
    return doc


def filler(doc: Document, n: int) -> None:
    for i in range(n):
        doc.add_paragraph(f"第{i + 1}段填充正文，用于把表格推到页面底部附近。")


def merged_group_table(doc: Document, label: str, n_rows: int, centred: bool) -> Table:
    """类别 | 指标 | 目标 with one 类别 cell merged over all body rows and the header row marked to repeat."""
    rows = [["类别", "指标", "目标"]] + [["", f"指标{i}", f"{i}%"] for i in range(1, n_rows + 1)]
    table = ruled_table(doc, rows, [30, 80, 40])
    repeat_header(table, 1)
    group = table.cell(1, 0).merge(table.cell(n_rows, 0))  # merged while empty: merge joins paragraphs
    write_cell(group, label, 10.5)
    if centred:
        group.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return table


def build_break_merged() -> Document:
    """A 类别 cell merged over eight rows that cross the page break, its text at the top: printed on the
    first page only, the cell goes on blank on the next page."""
    doc = new_document()
    filler(doc, DEFAULT_BREAK_FILLER)
    merged_group_table(doc, "能源利用", 8, centred=False)
    doc.add_paragraph("表格结束后的段落。")
    return doc


def build_break_split() -> Document:
    """A vertically centred 类别 cell merged over rows across the page break, its two-line text cut in two
    by the break (生态环境 on one page, 质量指标 on the next)."""
    doc = new_document()
    filler(doc, DEFAULT_BREAK_FILLER)
    merged_group_table(doc, "生态环境\n质量指标\n监测评价\n考核体系", 8, centred=True)
    doc.add_paragraph("表格结束后的段落。")
    return doc


def build_continued_caption() -> Document:
    """A table typed again after a 续表 caption on the next page, its columns a little wider than the first
    part's (so only the caption says it continues)."""
    doc = new_document()
    doc.add_paragraph("表1 重点任务表")
    head = ["序号", "任务", "责任单位"]
    ruled_table(doc, [head] + [[str(i), f"重点任务{i}", f"单位{i}"] for i in range(1, 4)], [20, 90, 40])
    doc.add_paragraph("注：责任单位按职责分工。")
    doc.add_page_break()
    doc.add_paragraph("续表1")
    ruled_table(doc, [head] + [[str(i), f"重点任务{i}", f"单位{i}"] for i in range(4, 6)], [24, 96, 36])
    doc.add_paragraph("表后段落。")
    return doc


def build_cell_text() -> Document:
    """Cell lines joined by the text rules: a date wrapped in a narrow column, Latin words wrapped, vertical
    text in a one-character column."""
    doc = new_document()
    doc.add_paragraph("单元格文字测试")
    rows = [["类别", "完成时限", "标准"],
            ["服务业标准化指标", "2014年 12月 31 日", "ISO 9001 quality management system"]]
    ruled_table(doc, rows, [9, 27, 32])
    doc.add_paragraph("正文继续。")
    return doc


def build_column_split() -> Document:
    """A table whose 目标 column is split in two (2020年 | 2025年) only in the rows on the second page: the
    column count changes between the fragments."""
    doc = new_document()
    filler(doc, 16)
    rows = [["序号", "指标", "", ""]]
    rows += [[str(i), f"合并列指标{i}", "", ""] for i in range(1, 5)]
    rows += [[str(i), f"分列指标{i}", f"{i}0", f"{i}5"] for i in range(5, 9)]
    table = ruled_table(doc, rows, [20, 70, 30, 30])
    repeat_header(table, 1)
    for r in range(5):
        table.cell(r, 2).merge(table.cell(r, 3))
        write_cell(table.cell(r, 2), "目标" if r == 0 else f"{r}0", 10.5)
    doc.add_paragraph("表格结束后的段落。")
    return doc


def build_outside_text() -> Document:
    """A cell paragraph with a negative left indent: its text is printed across the table's left border."""
    doc = new_document()
    doc.add_paragraph("框外文字测试")
    table = ruled_table(doc, [["名称", "数值"], ["甲项指标", "1"], ["乙", "2"]], [50, 40])
    table.alignment = 1  # centred, so the overhang stays on the page
    table.cell(1, 0).paragraphs[0].paragraph_format.left_indent = Mm(-12)
    doc.add_paragraph("表后段落。")
    return doc


def build_landscape_break() -> Document:
    """A landscape 任务分解表 over two pages with its header row repeated."""
    doc = new_document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    doc.add_paragraph("附件 工作任务分解表")
    rows = [["序号", "工作任务", "牵头单位", "完成时限"]]
    rows += [[str(i), f"第{i}项工作任务，按计划推进落实", "区市场监管局", "2022年6月底前"] for i in range(1, 17)]
    table = ruled_table(doc, rows, [15, 130, 45, 45])
    repeat_header(table, 1)
    return doc


BUILDERS: dict[str, Builder] = {
    "merged": build_merged,
    "narrow": build_narrow,
    "pagebreak": build_pagebreak,
    "no_outer": build_no_outer,
    "double": build_double,
    "box_cell": build_box_cell,
    "box_para": build_box_para,
    "spaced": build_spaced,
    "landscape": build_landscape,
    "break_merged": build_break_merged,
    "break_split": build_break_split,
    "continued_caption": build_continued_caption,
    "cell_text": build_cell_text,
    "column_split": build_column_split,
    "outside_text": build_outside_text,
    "landscape_break": build_landscape_break,
}


def make_rotated(landscape_pdf: Path, out: Path) -> None:
    """A landscape page stored the other common way: portrait MediaBox, content turned, ``/Rotate 90``."""
    import pikepdf

    with pikepdf.open(landscape_pdf) as src:
        page = src.pages[-1]
        width, height = float(page.MediaBox[2]), float(page.MediaBox[3])
        page.contents_coalesce()
        body = page.Contents.read_bytes()
        page.Contents = pikepdf.Stream(src, b"q 0 1 -1 0 %.4f 0 cm\n" % height + body + b"\nQ")
        page.MediaBox = [0, 0, height, width]
        page.Rotate = 90
        for _ in range(len(src.pages) - 1):
            del src.pages[0]
        src.save(out)


def rotate_pages(src_pdf: Path, out: Path) -> None:
    """Every landscape page of ``src_pdf`` stored as a portrait MediaBox with ``/Rotate 90`` (as
    :func:`make_rotated` does for one page)."""
    import pikepdf

    with pikepdf.open(src_pdf) as src:
        for page in src.pages:
            width, height = float(page.MediaBox[2]), float(page.MediaBox[3])
            if width <= height:
                continue
            page.contents_coalesce()
            body = page.Contents.read_bytes()
            page.Contents = pikepdf.Stream(src, b"q 0 1 -1 0 %.4f 0 cm\n" % height + body + b"\nQ")
            page.MediaBox = [0, 0, height, width]
            page.Rotate = 90
        src.save(out)


def convert(docx_path: Path, out_dir: Path) -> Path:
    profile = Path(tempfile.mkdtemp(prefix="lo-"))
    try:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", str(out_dir), str(docx_path)],
            check=True, capture_output=True, timeout=DEFAULT_SOFFICE_TIMEOUT,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return out_dir / (docx_path.stem + ".pdf")


def main(names: list[str]) -> None:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        docx_paths = []
        for name in names or list(BUILDERS):
            path = tmp_dir / f"{name}.docx"
            BUILDERS[name]().save(str(path))
            docx_paths.append(path)
        for path in docx_paths:
            pdf = convert(path, tmp_dir)
            shutil.copy(pdf, DATA_DIR / pdf.name)
            print(f"wrote {DATA_DIR / pdf.name} ({os.path.getsize(pdf)} bytes)")
    if (DATA_DIR / "landscape.pdf").exists() and (not names or "landscape" in names):
        make_rotated(DATA_DIR / "landscape.pdf", DATA_DIR / "rotated.pdf")
        print(f"wrote {DATA_DIR / 'rotated.pdf'}")
    if (DATA_DIR / "landscape_break.pdf").exists() and (not names or "landscape_break" in names):
        rotate_pages(DATA_DIR / "landscape_break.pdf", DATA_DIR / "rotated_break.pdf")
        print(f"wrote {DATA_DIR / 'rotated_break.pdf'}")


if __name__ == "__main__":
    main(sys.argv[1:])
