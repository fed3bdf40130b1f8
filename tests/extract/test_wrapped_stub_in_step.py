"""A wrapped stub cell was read as two rows (or three): in a table ruled only across whose rows stand at the
line pitch (no padding tells a wrapped line from the next row) and whose text cells wrap in step with the
stub (so no column holds one line a row to read the rows from), each line of the stub opened a row of its
own, the value's lines beside it split with it (ICDAR 2013 us-019, Table A-1: “Disposable income per capita
in / constant dollars”; generated gen_docx_zhengwu_stubwrap and gen_html_anquan_stubwrap: 建设工程规划 /
许可证核发及 / 变更).  The turnover now continues the row (:func:`extract.hrules.turns_over`): in Latin
text, a line set in by a hanging indent under a line that could not take its first word; in CJK text, a
line under a row whose every column it goes on in was full (could not take its next character).  An
indented line under a short one (a sub-item), a line repeating figures in the row's value columns, a line
in another face under a section label, one under a line of leader dots, and a CJK row under a full row
whose value column is not full, are still rows of their own.

"Full" is judged against the column's measure, never its widest line alone (the widest line could always
take nothing more within itself, so every row of a column whose entries are all as long swallowed the next):
a CJK stub against its cell (centred, it starts less than a character in from the table's edge; flush
left, it ends less than a character short of the next column's text less the paddings), a Latin one
against another line's right edge or the bound a broken line sets (“Total enrollment in all institutions”,
the widest, keeps its sub-item “Men”; 省财政厅 does not swallow 省人社厅)."""

from __future__ import annotations

import io
from pathlib import Path

from page_helpers import cells, h, text
from policy_extract.extract.document import extract_document
from policy_extract.extract.page import page_content
from policy_extract.extract.settings import ExtractSettings
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

SIZE, PITCH, INDENT = 9, 11, 12
STUB_X, VALUE_RIGHT = 40, 560
S = ExtractSettings()


def _pdf(tmp_path: Path, lines: list[tuple[str, str, str]]) -> Path:
    """A table ruled across (top, header and bottom rule): each line is (stub text, value text, face), the
    stub set flush left or, prefixed by ``>``, in by the hanging indent; the value set flush right."""
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, 842))
    top = 780
    pdf.line(36, top, 564, top)
    pdf.setFont("Helvetica", SIZE)
    pdf.drawString(STUB_X, top - 10, "Variable")
    pdf.drawRightString(VALUE_RIGHT, top - 10, "Assumption")
    pdf.line(36, top - 14, 564, top - 14)
    y = top - 24
    for stub, value, face in lines:
        pdf.setFont(face, SIZE)
        x = STUB_X + INDENT if stub.startswith(">") else STUB_X
        pdf.drawString(x, y, stub.lstrip(">"))
        pdf.setFont("Helvetica", SIZE)
        if value:
            pdf.drawRightString(VALUE_RIGHT, y, value)
        y -= PITCH
    pdf.line(36, y + 6, 564, y + 6)
    pdf.save()
    path = tmp_path / "turnover.pdf"
    path.write_bytes(buf.getvalue())
    return path


def _rows(tmp_path: Path, lines: list[tuple[str, str, str]]) -> list[list[str]]:
    (table,) = extract_document(_pdf(tmp_path, lines)).pages[0].tables
    rows: list[list[str]] = [[] for _ in range(table.n_rows)]
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        rows[cell.row].append(" ".join(ln.text for ln in cell.lines))
    return rows[1:]


H = "Helvetica"
WIDEST = "Education revenue receipts from state"


def test_width() -> None:
    """The fixtures' premise: the first line could not take the turnover's first word within the widest."""
    assert stringWidth("Disposable income per capita in constant", H, SIZE) > stringWidth(WIDEST, H, SIZE)
    assert stringWidth("Disposable income per capita in", H, SIZE) < stringWidth(WIDEST, H, SIZE)


def test_a_stub_and_its_values_wrapped_in_step_are_one_row(tmp_path: Path) -> None:
    rows = _rows(tmp_path, [
        ("Population", "Projections are consistent with the estimates", H),
        ("Disposable income per capita in", "Annual percent changes range between -1.9% and 2.2%", H),
        (">constant dollars", "with an annual growth rate of 1.4%", H),
        (WIDEST, "Annual percent changes range between -2.4% and 2.3%", H),
        (">sources per capita", "with an annual growth rate of 1.3%", H),
        ("Inflation rate", "Inflation rate ranges between 1.0% and 2.0%", H),
    ])
    assert [r[0] for r in rows] == ["Population", "Disposable income per capita in constant dollars",
                                    f"{WIDEST} sources per capita", "Inflation rate"]
    assert rows[1][1] == "Annual percent changes range between -1.9% and 2.2% with an annual growth rate of 1.4%"


def test_an_indented_line_under_a_short_one_is_a_sub_item(tmp_path: Path) -> None:
    rows = _rows(tmp_path, [
        ("Total enrollment", "Remains between 17.7% and 26.8%", H),
        (">Men", "Remains between 10.8% and 15.6%", H),
        (WIDEST, "Remains between 5.3% and 7.9%", H),
    ])
    assert [r[0] for r in rows] == ["Total enrollment", "Men", WIDEST]


def test_an_indented_line_repeating_figures_is_a_row(tmp_path: Path) -> None:
    rows = _rows(tmp_path, [
        ("Disposable income per capita in", "0.3", H),
        (">constant dollars", "0.6", H),
        (WIDEST, "1.0", H),
    ])
    assert [r[0] for r in rows] == ["Disposable income per capita in", "constant dollars", WIDEST]


def test_an_indented_line_under_a_section_label_in_another_face_is_a_row(tmp_path: Path) -> None:
    rows = _rows(tmp_path, [
        ("Disposable income per capita in", "", "Helvetica-Bold"),
        (">constant dollars", "with an annual growth rate of 1.4%", H),
        (WIDEST, "Remains between 5.3% and 7.9%", H),
    ])
    assert [r[0] for r in rows] == ["Disposable income per capita in", "constant dollars", WIDEST]


def test_an_indented_line_under_leader_dots_is_a_row(tmp_path: Path) -> None:
    rows = _rows(tmp_path, [
        ("White alone . . . . . . . . . . . . . .", "Remains between 17.7% and 26.8%", H),
        (">Not Hispanic . . . . . . . . . . .", "Remains between 10.8% and 15.6%", H),
        ("Black alone . . . . . . . . . . . . . .", "Remains between 5.3% and 7.9%", H),
    ])
    assert len(rows) == 3


def _cjk_rows(lines: list[tuple[str, str]], y0: float = 60.0, flush: bool = False) -> list[list[str]]:
    """A three-line table of CJK lines at the line pitch (13 pt, 10 pt characters): stub centred (or
    ``flush`` left) in a column six characters wide (55–115), value from 150 on, fifteen characters wide."""
    chars = text("事项名称", 65, 42) + text("办理要求", 150, 42)
    for i, (stub, value) in enumerate(lines):
        y = y0 + 13 * i
        x = 55 if flush else 55 + (60 - 10 * len(stub)) / 2
        chars += (text(stub, x, y) if stub else []) + text(value, 150, y)
    (table,) = page_content(1, (500, 700), 0, chars, [h(38), h(55), h(y0 + 13 * len(lines) + 2)], S).tables
    got = cells(table)
    return [[got.get((r, c), "") for c in range(table.n_cols)] for r in range(1, table.n_rows)]


def test_cjk_stub_and_value_wrapped_in_step_are_one_row() -> None:
    rows = _cjk_rows([("企业开办登记", "申请人通过网上平台一次提交"),
                      ("建设工程规划", "申请人提交规划设计方案和用地证"),
                      ("许可证核发及", "明材料，审查通过后十个工作日内"),
                      ("变更", "核发许可证书"),
                      ("不动产登记", "一窗受理，五个工作日内办结")])
    assert [r[0] for r in rows] == ["企业开办登记", "建设工程规划许可证核发及变更", "不动产登记"]
    assert rows[1][1] == "申请人提交规划设计方案和用地证明材料，审查通过后十个工作日内核发许可证书"


def test_cjk_row_under_a_full_stub_beside_a_short_value_is_a_row() -> None:
    """企业开办登记 fills its column, but its value does not: the line under it is the next row."""
    rows = _cjk_rows([("企业开办登记", "当日办结"), ("不动产登记", "五个工作日内办结"),
                      ("医师执业注册", "申请人提交规划设计方案和用地证")])
    assert [r[0] for r in rows] == ["企业开办登记", "不动产登记", "医师执业注册"]


def test_cjk_stubs_all_as_long_are_rows_of_their_own() -> None:
    """Four-character department stubs centred in the column: each is the column's widest line, yet each
    stands a character in from the cell's edge (it could have taken more): none is a broken line, and the
    widest value (负责资金保障和绩效评价) does not pull the next row up into its row."""
    rows = _cjk_rows([("省教育厅", "负责组织实施"), ("省财政厅", "负责资金保障和绩效评价"),
                      ("省人社厅", "负责人才引进"), ("省卫健委", "负责医疗服务")])
    assert [r[0] for r in rows] == ["省教育厅", "省财政厅", "省人社厅", "省卫健委"]
    assert rows[1][1] == "负责资金保障和绩效评价"


def test_cjk_stubs_and_values_all_as_long_are_rows_of_their_own() -> None:
    """Every stub and every value as long as the others: every line is its column's widest."""
    rows = _cjk_rows([("省教育厅", "负责组织实施"), ("省财政厅", "负责资金保障"),
                      ("省人社厅", "负责人才引进"), ("省卫健委", "负责医疗服务")])
    assert [r[0] for r in rows] == ["省教育厅", "省财政厅", "省人社厅", "省卫健委"]
    assert [r[1] for r in rows] == ["负责组织实施", "负责资金保障", "负责人才引进", "负责医疗服务"]


def test_cjk_flush_left_stubs_all_as_long_are_rows_of_their_own() -> None:
    """Set flush left, the four-character stubs end two characters short of the cell's measure (the value
    column's text less the paddings): none is full."""
    rows = _cjk_rows([("省教育厅", "负责组织实施"), ("省财政厅", "负责资金保障"),
                      ("省人社厅", "负责人才引进"), ("省卫健委", "负责医疗服务")], flush=True)
    assert [r[0] for r in rows] == ["省教育厅", "省财政厅", "省人社厅", "省卫健委"]


def test_an_indented_line_under_the_widest_stub_is_a_sub_item(tmp_path: Path) -> None:
    """'Total enrollment in all institutions' is the column's widest line, so it could take no word within
    the widest line: that tells nothing (the widest line is always so full); 'Men' set in under it is a
    sub-item like 'Women', a row of its own."""
    rows = _rows(tmp_path, [
        ("Total enrollment in all institutions", "Remains between 17.7% and 26.8%", H),
        (">Men", "Remains between 10.8% and 15.6%", H),
        (">Women", "Remains between 5.3% and 7.9%", H),
        ("Inflation rate", "Inflation rate ranges between 1.0% and 2.0%", H),
    ])
    assert [r[0] for r in rows] == ["Total enrollment in all institutions", "Men", "Women", "Inflation rate"]
