"""One ruled frame holding several tables, each opened by a band across the frame and its own header row (the
annual 政府信息公开 reports' 第二十条第（一）/（五）/（六）/（八）项 blocks: real hongze 2023/2024, huaian 2024), and
a numbered column whose next item opens the next page (``2.…`` then ``3.…``): a new row, not a cut one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.tables import build_tables, opens_next_item

from policy_extract.core.model import Line, PageContent, RawCell, RawDocument, RawTable

EDGES = [50.0, 150.0, 250.0, 350.0, 450.0]
ROW_H = 20.0


def _fragment(page: int, rows: list[list[str] | str], top: float = 100.0) -> RawTable:
    """Rows of four cells, a string (one cell across the frame), or a pair (a head, a value across three)."""
    cells = []
    for r, row in enumerate(rows):
        spans = [(0, row, 4)] if isinstance(row, str) else (
            [(0, row[0], 1), (1, row[1], 3)] if len(row) == 2 else [(c, t, 1) for c, t in enumerate(row)])
        for col, text, span in spans:
            box = (EDGES[col], top + r * ROW_H, EDGES[col + span], top + (r + 1) * ROW_H)
            cells.append(RawCell(r, col, 1, span, page, box, [Line(text, page, box)] if text else []))
    bbox = (EDGES[0], top, EDGES[-1], top + len(rows) * ROW_H)
    return RawTable(page, bbox, len(rows), 4, list(EDGES), [top + r * ROW_H for r in range(len(rows) + 1)], cells)


def _doc(*frags: RawTable) -> RawDocument:
    pages = sorted({f.page for f in frags})
    return RawDocument("x.pdf", "0" * 64, [
        PageContent(p, 595.0, 842.0, lines=[], tables=[f for f in frags if f.page == p]) for p in pages])


def _cut_by_a_page(rows: list[list[str] | str], top: float, next_row: list[str]) -> RawTable:
    """The one table built from ``rows`` ending a page at ``top`` and ``next_row`` opening the next page; the
    first page's lines as wide as their cells."""
    p1 = _fragment(1, rows, top=top)
    p2 = _fragment(2, [next_row], top=60.0)
    for cell in p1.cells:
        cell.lines = [Line(ln.text, ln.page, (cell.bbox[0], ln.bbox[1], cell.bbox[2], ln.bbox[3]))
                      for ln in cell.lines]
    (table,) = build_tables(_doc(p1, p2))
    return table


REFUSED = [["类别", "事项", "件数", "备注"], ["不予公开", "1.属于国家秘密的信息需要另行说明", "0", "无"],
           ["不予处理", "2.没有现成信息需要另行制作而且较长的", "3", "无"]]


def test_bands_each_followed_by_their_own_header_are_separate_tables() -> None:
    frag = _fragment(1, [
        "第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "0"],
        "第二十条第（五）项", ["信息内容", "本年处理决定数量"], ["行政许可", "550"],
    ])
    first, second = build_tables(_doc(frag))
    assert (first.title, first.n_rows, first.n_cols, first.header_rows) == ("第二十条第（一）项", 2, 4, 1)
    assert (second.title, second.n_rows, second.n_cols) == ("第二十条第（五）项", 2, 2)
    assert [(c.row, c.col, c.colspan, c.text) for c in second.cells] == [
        (0, 0, 1, "信息内容"), (0, 1, 1, "本年处理决定数量"), (1, 0, 1, "行政许可"), (1, 1, 1, "550")]


def test_group_bands_over_body_rows_stay_one_table() -> None:
    frag = _fragment(1, [
        ["指标", "2020年", "2025年", "属性"], "一、经济发展", ["地区生产总值", "100", "150", "预期性"],
        "二、创新驱动", ["研发投入强度", "2", "3", "预期性"],
    ])
    (table,) = build_tables(_doc(frag))
    assert table.n_rows == 5 and table.n_cols == 4
    opening = _fragment(1, [
        "一、经济发展", ["地区生产总值", "100", "150", "预期性"], "二、创新驱动", ["地区生产总值", "2", "3", "预期性"],
    ])
    (table,) = build_tables(_doc(opening))
    assert (table.n_rows, table.header_rows) == (4, 0)


def test_frame_opening_with_a_group_band_and_serials_restarting_under_each_band_stays_one_table() -> None:
    """The row after each band is a body row (serial, owner, deadline) that happens to open with the same
    ``1``: group bands of one task table, not the captions of separate tables (each losing its first duty
    to a header)."""
    frag = _fragment(1, [
        "一、基础设施", ["1", "城区道路改造", "市住建局", "2024年底"], ["2", "老旧管网更新", "市水务局", "2025年"],
        "二、产业发展", ["1", "培育龙头企业", "市工信局、市商务局", "长期坚持"], ["2", "建设产业园区", "市发改委", "2025年"],
    ])
    (table,) = build_tables(_doc(frag))
    assert (table.n_rows, table.n_cols, table.header_rows) == (6, 4, 0)
    assert [c.text for c in table.cells if c.col == 1 and c.colspan == 1] == [
        "城区道路改造", "老旧管网更新", "培育龙头企业", "建设产业园区"]


def test_next_numbered_item_at_the_top_of_a_page_is_a_new_row() -> None:
    table = _cut_by_a_page(REFUSED, 700.0, ["", "3.补正后申请内容仍不明确", "0", "无"])
    assert table.n_rows == 4
    assert [c.text for c in table.cells if c.col == 1][-2:] == ["2.没有现成信息需要另行制作而且较长的", "3.补正后申请内容仍不明确"]


def test_numbered_list_inside_one_cell_cut_by_a_page_break_stays_one_row() -> None:
    """The next item of a list inside a task cell (``1.…`` then ``2.…``) alone at the top of the next page,
    under a serial column of its own: the rest of the cut row, not a new row without serial, owner, deadline."""
    head = ["序号", "任务", "责任单位", "完成时限"]
    table = _cut_by_a_page([head, ["1", "1.完善财政投入保障制度", "市财政局", "2024年"]], 760.0,
                           ["", "2.加强资金绩效评价", "", ""])
    assert table.n_rows == 2
    assert [c.text for c in table.cells if c.row == 1] == ["1", "1.完善财政投入保障制度2.加强资金绩效评价", "市财政局", "2024年"]


def test_next_item_of_the_numbered_column_alone_at_the_top_of_a_page_is_a_new_row() -> None:
    table = _cut_by_a_page(REFUSED, 700.0, ["", "3.补正后申请内容仍不明确", "", ""])
    assert table.n_rows == 4


MARKERS = st.sampled_from(["{}.", "{}、", "（{}）", "({})"])


@given(MARKERS, st.integers(1, 30), st.text("申请内容不明确", min_size=1, max_size=8))
def test_the_next_number_of_the_same_marker_opens_the_next_item(form: str, n: int, text: str) -> None:
    assert opens_next_item(form.format(n) + text, form.format(n + 1) + text)
    assert not opens_next_item(form.format(n) + text, form.format(n + 2) + text)
    assert not opens_next_item(form.format(n) + text, text)
