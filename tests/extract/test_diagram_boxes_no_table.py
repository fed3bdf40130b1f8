"""Flowcharts and tree charts are no tables (real ouc_yjs_jiangli_tujie_scanned: five "tables" built from the
boxes' text lined up across two side-by-side charts; generated gen_rl_15: a tree chart of square boxes whose
connectors join their rules into one ruled grid).  The form: text in boxes each closed by an outline of its
own, apart from one another; a ruled table's cells share their rules, even where its corners are rounded or
its rules doubled."""

from __future__ import annotations

from pathlib import Path

import pytest
from page_helpers import text
from policy_extract.extract.diagrams import apart, is_diagram, own_box, split_at_boxes
from policy_extract.extract.document import extract_document
from policy_extract.extract.lines import char_rows
from policy_extract.extract.page import page_content
from policy_extract.extract.rules import Segment
from policy_extract.extract.settings import ExtractSettings

S = ExtractSettings()
EM = 10.0
REPO = Path(__file__).resolve().parents[2]
GENERATED = REPO / "samples" / "generated" / "pdf"


def box(x0: float, top: float, x1: float, bottom: float, corner: float = 0.0) -> list[Segment]:
    """The four sides of a box; a rounded ``corner`` (its radius) leaves every side that much short."""
    return [Segment("h", top, x0 + corner, x1 - corner), Segment("h", bottom, x0 + corner, x1 - corner),
            Segment("v", x0, top + corner, bottom - corner), Segment("v", x1, top + corner, bottom - corner)]


def grid(xs: list[float], ys: list[float], corner: float = 0.0) -> list[Segment]:
    """A ruled table: every row rule across all columns, every column rule down all rows."""
    hs = [Segment("h", y, xs[0] + (corner if y in (ys[0], ys[-1]) else 0),
                  xs[-1] - (corner if y in (ys[0], ys[-1]) else 0)) for y in ys]
    vs = [Segment("v", x, ys[0] + (corner if x in (xs[0], xs[-1]) else 0),
                  ys[-1] - (corner if x in (xs[0], xs[-1]) else 0)) for x in xs]
    return hs + vs


def test_text_in_two_boxes_apart_is_a_diagram() -> None:
    segs = box(100, 100, 200, 130) + box(250, 100, 350, 130)
    assert is_diagram([(120, 110, 180, 120), (270, 110, 330, 120)], segs, EM, S)


def test_rounded_boxes_are_boxes() -> None:
    segs = box(100, 100, 200, 140, corner=8) + box(250, 100, 350, 140, corner=8)
    assert own_box((102, 104, 198, 114), segs, EM, 2.0) == (100, 100, 200, 140)
    assert is_diagram([(102, 104, 198, 114), (270, 110, 330, 120)], segs, EM, S)


def test_cells_of_a_ruled_table_share_their_rules() -> None:
    segs = grid([100, 200, 300], [100, 130, 160])
    texts = [(110, 110, 190, 120), (210, 110, 290, 120), (110, 140, 190, 150), (210, 140, 290, 150)]
    assert own_box(texts[0], segs, EM, 2.0) is None
    assert not is_diagram(texts, segs, EM, S)


def test_a_table_with_rounded_outer_corners_stays_a_table() -> None:
    segs = grid([100, 200, 300], [100, 130, 160], corner=6)
    texts = [(110, 110, 190, 120), (210, 110, 290, 120), (110, 140, 190, 150), (210, 140, 290, 150)]
    assert not is_diagram(texts, segs, EM, S)


def test_cells_drawn_each_in_its_own_frame_a_rule_apart_are_a_table() -> None:
    """Double rules / border spacing: each cell has an outline of its own, but neighbours are closer than a
    diagram's gap (half an em): they share the border."""
    segs = box(100, 100, 199, 129) + box(201, 100, 300, 129) + box(100, 131, 199, 160) + box(201, 131, 300, 160)
    texts = [(110, 110, 190, 120), (210, 110, 290, 120), (110, 140, 190, 150), (210, 140, 290, 150)]
    assert not apart((100, 100, 199, 129), (201, 100, 300, 129), EM / 2)
    assert not is_diagram(texts, segs, EM, S)


def test_a_table_framed_as_a_whole_is_no_diagram() -> None:
    """A space-aligned table inside one frame: all its text in one outline, none outside it."""
    segs = box(90, 90, 400, 200)
    texts = [(100, 100, 160, 110), (250, 100, 300, 110), (100, 130, 160, 140), (250, 130, 300, 140)]
    assert not is_diagram(texts, segs, EM, S)


def test_a_box_with_notes_on_a_bracket_beside_it_is_a_diagram() -> None:
    """ouc p.5: a box's lines aligned with red notes outside it (团队80000元 …)."""
    segs = [*box(190, 396, 326, 470, corner=8), Segment("v", 340, 410, 455)]
    texts = [(202, 409, 313, 423), (372, 407, 460, 419), (220, 427, 295, 441), (371, 424, 459, 436),
             (224, 445, 291, 457), (371, 441, 459, 453)]
    assert is_diagram(texts, segs, EM, S)


def test_text_outside_any_box_is_no_diagram() -> None:
    segs = [Segment("h", 95, 50, 450), Segment("h", 160, 50, 450)]  # a rules table: no outline at all
    texts = [(100, 100, 160, 110), (250, 100, 300, 110), (100, 130, 160, 140), (250, 130, 300, 140)]
    assert not is_diagram(texts, segs, EM, S)


def flowchart() -> tuple[list[dict], list[Segment]]:
    """Square boxes: one on top, two below, joined by a trunk, a bus and two drops touching the boxes."""
    chars = text("申报单位提交", 170, 110) + text("区级初审", 110, 180) + text("市级复核", 290, 180)
    segs = box(150, 100, 250, 130) + box(90, 170, 170, 200) + box(270, 170, 350, 200)
    segs += [Segment("v", 200, 130, 150), Segment("h", 150, 130, 310), Segment("v", 130, 150, 170),
             Segment("v", 310, 150, 170)]
    return chars, segs


def test_a_flowchart_joined_by_connectors_is_no_table_and_each_box_is_a_line() -> None:
    chars, segs = flowchart()
    content = page_content(1, (595, 842), 0, chars, segs, S)
    assert content.tables == []
    assert sorted(ln.text for ln in content.lines) == ["区级初审", "市级复核", "申报单位提交"]


def test_boxes_whose_sides_run_on_into_arrows_are_a_diagram() -> None:
    """scan of gen_html_15: arrows set in line with the boxes' sides were read as one rule with them, so the
    sides run on past the corners (down only), and the cells flooded between them hold several boxes' text."""
    chars = text("企业在线提交", 170, 110) + text("区级初审", 110, 180) + text("市级复核", 290, 180)
    segs = [Segment("h", 100, 150, 250), Segment("h", 130, 150, 250), Segment("v", 150, 100, 170),
            Segment("v", 250, 100, 170)]  # the top box, its sides carried on by two arrows
    segs += box(90, 170, 170, 200) + box(270, 170, 350, 200)
    assert own_box((170, 110, 230, 120), segs, EM, 2.0) == (150, 100, 250, 130)
    assert page_content(1, (595, 842), 0, chars, segs, S).tables == []


def test_rules_of_neighbouring_boxes_make_no_outline_for_a_label_between_them() -> None:
    """ouc p.4: a label (是, 否) between boxes has rules of other boxes around it, which close no outline."""
    segs = box(100, 100, 200, 130) + box(100, 170, 160, 200) + box(240, 170, 300, 200)
    assert own_box((190, 145, 200, 155), segs, EM, 2.0) is None


def test_a_line_across_a_lone_rule_is_not_cut() -> None:
    """Only a box's own outline parts a line; a rule standing alone between words does not."""
    chars = text("甲乙", 100, 100) + text("丙丁", 140, 100)
    rows = char_rows(chars, S)
    out = split_at_boxes(rows, [Segment("v", 130, 90, 120)], S)
    assert len(out) == 1


def test_a_ruled_table_beside_the_same_text_stays_a_table() -> None:
    chars = text("项目", 110, 110) + text("内容", 210, 110) + text("申报", 110, 140) + text("审核", 210, 140)
    content = page_content(1, (595, 842), 0, chars, grid([100, 200, 300], [100, 130, 160]), S)
    assert len(content.tables) == 1 and content.tables[0].n_rows == 2


@pytest.mark.parametrize(("doc", "n_tables"), [("gen_html_15_kejiquan_flowchart", 0),
                                                ("gen_rl_15_rencai_flowchart", 1)])
def test_generated_flowcharts_are_no_tables(doc: str, n_tables: int) -> None:
    raw = extract_document(GENERATED / f"{doc}.pdf")
    tables = [t for p in raw.pages for t in p.tables]
    assert len(tables) == n_tables
    lines = {ln.text for p in raw.pages for ln in p.lines}
    assert {"专家评审组", "监督检查组"} <= lines or {"镇街科技办初审", "区科技局业务科室复核"} <= lines


@pytest.mark.slow
def test_scanned_flowcharts_are_no_tables_and_the_ruled_table_stays() -> None:
    """The image path: scan_gen_rl_15 (rounded flowchart, square tree chart, a ruled 5×4 table), read by OCR."""
    raw = extract_document(GENERATED / "scan_gen_rl_15_rencai_flowchart.pdf")
    tables = [t for p in raw.pages for t in p.tables]
    assert [(t.n_rows, t.n_cols, t.method) for t in tables] == [(5, 4, "image")]


def _merged_first_column_grid(tmp_path: Path) -> Path:
    """A task table's continuation page: 2 rows × 3 columns, no header, the first column one cell over both
    rows holding a task name wrapped over four lines (as many as the other cells); its rules stop at its corners (an outline of its own)."""
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, 842))
    xs, ys = (60, 130, 300, 540), (700, 660, 620)
    for x in xs:
        pdf.line(x, ys[0], x, ys[-1])
    for y in ys[::2]:
        pdf.line(xs[0], y, xs[-1], y)
    pdf.line(xs[1], ys[1], xs[-1], ys[1])  # the row rule stops at the merged cell
    pdf.setFont("STSong-Light", 10.5)
    for i, part in enumerate(("推进数字", "政府建设", "完善一体", "化平台")):
        pdf.drawString(66, 682 - i * 14, part)
    for y, owner, due in ((676, "市数据局", "2025年6月底前"), (636, "市政务服务中心", "2025年12月底前")):
        pdf.drawString(136, y, owner)
        pdf.drawString(306, y, due)
    pdf.save()
    path = tmp_path / "merged_first_column.pdf"
    path.write_bytes(buf.getvalue())
    return path


def test_a_grid_whose_merged_cell_fills_its_height_stays_a_table(tmp_path: Path) -> None:
    """A merged cell over all the grid's rows has an outline of its own, and its wrapped name is half the
    grid's words: still one table (its neighbours share its side), not a diagram of one box."""
    (table,) = extract_document(_merged_first_column_grid(tmp_path)).pages[0].tables
    texts = {(c.row, c.col, c.rowspan): "".join(ln.text for ln in c.lines) for c in table.cells}
    assert texts[(0, 0, 2)] == "推进数字政府建设完善一体化平台"
    assert texts[(1, 1, 1)] == "市政务服务中心"


def test_text_in_a_cell_beside_an_outline_is_no_note() -> None:
    """One outline with text outside it, in cells the table's rules close past the outline's corners: the
    outline is a merged cell of a table, the text its neighbours', no note beside a box."""
    segs = [*box(100, 100, 200, 160), Segment("h", 130, 200, 300), Segment("h", 100, 200, 300),
            Segment("h", 160, 200, 300), Segment("v", 300, 100, 160)]
    texts = [(110, 120, 190, 140), (210, 110, 290, 120), (210, 140, 290, 150)]
    assert not is_diagram(texts, segs, EM, S)
