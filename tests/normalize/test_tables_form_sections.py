"""A ruled form (申报表, 信息表: the annex of an application notice) divided into sections by bands across the frame
(``（一）企业基本信息``, ``（二）项目基本信息``): each section is a table titled by its band without the label,
whose rows are label / fill-in cells; the frame runs over page breaks with each page's rows split differently
(real zj_jxt_future_factory_notice_2025 pp.5–7; generated gen_docx_form_sections, gen_html_16_form_pairs)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.tables import (
    build_tables,
    continues_frame,
    form_header_rows,
    is_section_band,
    section_title,
)

from policy_extract.core.model import Cell, Line, PageContent, RawCell, RawDocument, RawTable

LEFT, RIGHT = 60.0, 540.0
ROW_H = 20.0
Row = list[tuple[str, float]]
"""A printed row: its cells left to right as (text, right edge); a band is ``[(text, RIGHT)]``."""


def _fragment(page: int, rows: list[Row], top: float = 100.0) -> RawTable:
    """A lattice fragment whose column edges are the union of the edges its rows are ruled on."""
    edges = sorted({LEFT} | {x for row in rows for _, x in row})
    cells = []
    for r, row in enumerate(rows):
        x0 = LEFT
        for text, x1 in row:
            col, end = edges.index(x0), edges.index(x1)
            box = (x0, top + r * ROW_H, x1, top + (r + 1) * ROW_H)
            cells.append(RawCell(r, col, 1, end - col, page, box, [Line(text, page, box)] if text else []))
            x0 = x1
    bbox = (LEFT, top, RIGHT, top + len(rows) * ROW_H)
    return RawTable(page, bbox, len(rows), len(edges) - 1, edges,
                    [top + r * ROW_H for r in range(len(rows) + 1)], cells)


def _doc(*frags: RawTable) -> RawDocument:
    pages = sorted({f.page for f in frags})
    return RawDocument("x.pdf", "0" * 64, [
        PageContent(p, 595.0, 842.0, lines=[], tables=[f for f in frags if f.page == p]) for p in pages])


def label(text: str, value: str = "") -> Row:
    return [(text, 170.0), (value, RIGHT)]


def pair(a: str, b: str) -> Row:
    return [(a, 170.0), ("", 300.0), (b, 400.0), ("", RIGHT)]


SECTION_ONE = [[("（一）企业基本信息", RIGHT)], label("企业名称"), pair("法定代表人", "联系电话"), label("工厂地址")]
SECTION_TWO = [[("（二）项目基本信息", RIGHT)], label("项目名称"), [("项目简述", 170.0), ("", 250.0), ("", RIGHT)]]
SECTION_THREE = [[("（三）联合建设单位信息", RIGHT)],
                 [("单位名称", 130.0), ("地址", 260.0), ("联系人", 420.0), ("联系电话", RIGHT)],
                 [("", 130.0), ("", 260.0), ("", 420.0), ("", RIGHT)]]


def test_form_divided_by_section_bands_is_one_table_per_section_titled_without_its_label() -> None:
    frag = _fragment(1, SECTION_ONE + SECTION_TWO + SECTION_THREE)
    first, second, third = build_tables(_doc(frag))
    assert (first.title, first.n_rows, first.n_cols, first.header_rows) == ("企业基本信息", 3, 4, 0)
    assert [(c.row, c.col, c.colspan, c.text) for c in first.cells][:3] == [
        (0, 0, 1, "企业名称"), (0, 1, 3, ""), (1, 0, 1, "法定代表人")]
    assert (second.title, second.n_rows, second.n_cols, second.header_rows) == ("项目基本信息", 2, 3, 0)
    assert (third.title, third.n_rows, third.n_cols, third.header_rows) == ("联合建设单位信息", 2, 4, 1)


def test_form_rows_split_otherwise_on_the_next_page_continue_the_frame() -> None:
    """Page 1 ends inside section （二） with rows split on section （一）'s edges; page 2's rows split the frame
    on other edges, its top row on the label edge page 1 has: one frame, three sections."""
    p1 = _fragment(1, SECTION_ONE + SECTION_TWO, top=560.0)
    p2 = _fragment(2, [[("项目实施期限", 170.0), ("", 250.0), ("至", 300.0), ("", RIGHT)], *SECTION_THREE],
                   top=60.0)
    assert continues_frame(p1, p2, 4.0)
    _, second, third = build_tables(_doc(p1, p2))
    assert second.pages == [1, 2] and second.n_rows == 3
    assert [c.text for c in second.cells if c.col == 0] == ["项目名称", "项目简述", "项目实施期限"]
    assert third.pages == [2] and third.header_rows == 1


def test_new_table_opening_the_next_page_on_edges_of_its_own_does_not_continue_the_frame() -> None:
    p1 = _fragment(1, SECTION_ONE, top=700.0)
    heads = _fragment(2, [[("序号", 100.0), ("任务", 330.0), ("牵头单位", RIGHT)]], top=60.0)
    caption = _fragment(2, [[("重点任务分工表", RIGHT)], [("序号", 170.0), ("任务", RIGHT)]], top=60.0)
    assert not continues_frame(p1, heads, 4.0)
    assert not continues_frame(p1, caption, 4.0)


def test_section_band_closing_a_page_continues_with_its_rows_on_the_next() -> None:
    p1 = _fragment(1, SECTION_ONE + SECTION_THREE[:1], top=660.0)
    p2 = _fragment(2, SECTION_THREE[1:], top=60.0)
    assert continues_frame(p1, p2, 4.0)
    first, third = build_tables(_doc(p1, p2))
    assert (first.title, first.n_rows) == ("企业基本信息", 3)
    assert (third.title, third.pages, third.n_rows, third.header_rows) == ("联合建设单位信息", [2], 2, 1)
    note = _fragment(1, [[("单位名称", 130.0), ("地址", RIGHT)], [("注：带*号的为必填项", RIGHT)]], top=740.0)
    assert not continues_frame(note, p2, 4.0)


def test_band_of_the_next_section_opening_a_page_continues_the_form() -> None:
    p1 = _fragment(1, SECTION_ONE + SECTION_TWO, top=600.0)
    p2 = _fragment(2, SECTION_THREE, top=60.0)
    assert continues_frame(p1, p2, 4.0)
    assert [t.title for t in build_tables(_doc(p1, p2))] == ["企业基本信息", "项目基本信息", "联合建设单位信息"]
    other = _fragment(2, [[("（一）承担单位信息", RIGHT)], *SECTION_THREE[1:]], top=60.0)
    assert not continues_frame(p1, other, 4.0)


def test_one_numbered_section_drawn_as_a_frame_of_its_own_is_titled_by_its_band() -> None:
    """A form whose sections are printed as tables a little apart (gen_docx_form_apart): each frame opens with
    its numbered band; a unit note across the top of a frame (``单位：万元``) names no section and stays a row."""
    first, second = build_tables(_doc(_fragment(1, SECTION_ONE), _fragment(1, SECTION_THREE, top=200.0)))
    assert (first.title, first.n_rows, second.title, second.n_rows) == ("企业基本信息", 3, "联合建设单位信息", 2)
    (unit,) = build_tables(_doc(_fragment(1, [[("单位：万元", RIGHT)], *SECTION_ONE[1:]])))
    assert unit.n_rows == 4 and unit.cells[0].text == "单位：万元"


def test_a_pledge_sentence_across_the_frame_is_a_row_of_its_section_not_a_band() -> None:
    pledge = [[("（三）申报承诺", RIGHT)], [("本单位承诺所填信息真实、准确，如有不实，愿承担相应责任。", RIGHT)],
              pair("法定代表人（签字）", "单位（盖章）")]
    tables = build_tables(_doc(_fragment(1, SECTION_ONE + pledge)))
    assert [t.title for t in tables] == ["企业基本信息", "申报承诺"]
    assert tables[1].n_rows == 2 and tables[1].cells[0].text.startswith("本单位承诺")


def test_category_bands_over_filled_task_rows_stay_one_table() -> None:
    """Bands opening a frame over serial-numbered rows with owners and no blank: a task table's categories."""
    rows = [[("一、基础设施", RIGHT)], [("1", 100.0), ("城区道路改造", 400.0), ("市住建局", RIGHT)],
            [("2", 100.0), ("老旧管网更新", 400.0), ("市水务局", RIGHT)],
            [("二、产业发展", RIGHT)], [("1", 100.0), ("培育龙头企业", 400.0), ("市工信局、市商务局", RIGHT)]]
    (table,) = build_tables(_doc(_fragment(1, rows)))
    assert table.n_rows == 5


def test_filled_rows_under_bands_without_blanks_stay_one_table() -> None:
    rows = [[("（一）基本情况", RIGHT)], label("企业名称", "某某科技有限公司"), label("工厂地址", "某市某路1号"),
            [("（二）项目情况", RIGHT)], label("项目名称", "智能工厂建设"), label("项目地址", "某市某区")]
    (table,) = build_tables(_doc(_fragment(1, rows)))
    assert table.n_rows == 6


def _cells(rows: list[list[tuple[str, int]]]) -> list[Cell]:
    out = []
    for r, row in enumerate(rows):
        col = 0
        for text, span in row:
            out.append(Cell(r, col, 1, span, text, 1, (0.0, 0.0, 0.0, 0.0)))
            col += span
    return out


def test_form_header_row_only_over_a_list_to_fill_in() -> None:
    assert form_header_rows(_cells([[("单位名称", 1), ("地址", 1)], [("", 1), ("", 1)]])) == 1
    assert form_header_rows(_cells([[("企业名称", 1), ("", 1)], [("工厂地址", 1), ("", 1)]])) == 0
    assert form_header_rows(_cells([[("县级意见", 1), ("（盖章）", 1)], [("市级意见", 1), ("（盖章）", 1)]])) == 0
    assert form_header_rows(_cells([[("申报类型", 1), ("□离散型", 1)], [("", 1), ("", 1)]])) == 0
    assert form_header_rows(_cells([[("主要服务模式", 1), ("工业设计", 1), ("定制化服务", 1)],
                                    [("服务收入", 1), ("", 2)]])) == 0


NUMERALS = st.sampled_from("一二三四五六七八九十")
NAMES = st.text("企业项目基本信息情况单位联合建设意见", min_size=2, max_size=16)


@given(NUMERALS, st.sampled_from(["（{}）", "{}、", "({})"]), NAMES)
def test_a_section_title_is_the_band_without_its_label(numeral: str, marker: str, name: str) -> None:
    band = marker.format(numeral) + name
    assert is_section_band(band)
    assert section_title(band) == name


@given(NAMES, st.sampled_from("。；;！？"))
def test_a_sentence_is_no_section_band(text: str, end: str) -> None:
    assert not is_section_band(text + end)
    assert not is_section_band(text + end + text)
    assert not is_section_band(text + "：")


INDICATOR_COLS = (100.0, 260.0, 320.0, 390.0, 460.0, RIGHT)
"""序号 | 指标 | 单位 | 2020 | 2025 | 备注: an indicator table's columns."""


def _indicator(*texts: str) -> Row:
    return list(zip(texts, INDICATOR_COLS, strict=True))


INDICATOR_ROWS = [[("（一）经济发展", RIGHT)],
                  _indicator("1", "地区生产总值", "亿元", "1200", "1800", ""),
                  _indicator("2", "数字经济核心产业增加值", "亿元", "", "300", ""),
                  [("（二）创新驱动", RIGHT)],
                  _indicator("3", "研发经费投入强度", "%", "2.5", "3.0", ""),
                  _indicator("4", "高新技术企业数", "家", "", "500", "")]


def test_indicator_table_with_group_bands_and_blank_remarks_stays_one_table() -> None:
    """Group bands (``（一）经济发展``) over serial-numbered indicator rows whose 备注 is blank: the blanks make
    no form, the bands are ordinary rows of one table (SPEC: group rows are ordinary rows)."""
    (table,) = build_tables(_doc(_fragment(1, INDICATOR_ROWS)))
    assert table.n_rows == 6
    assert [c.text for c in table.cells if c.row in (0, 3)] == ["（一）经济发展", "（二）创新驱动"]


def test_indicator_table_drawn_by_rules_with_group_bands_stays_one_table() -> None:
    """The form's sections are a ruled (lattice) frame's: a table read from rules alone is never cut so."""
    (table,) = build_tables(_doc(replace(_fragment(1, INDICATOR_ROWS), method="rules")))
    assert table.n_rows == 6


def test_form_sections_drawn_by_rules_stay_one_table() -> None:
    frag = replace(_fragment(1, SECTION_ONE + SECTION_TWO + SECTION_THREE), method="rules")
    assert len(build_tables(_doc(frag))) == 1


def test_top_row_on_edges_the_previous_page_has_continues_the_frame_only_on_them_all() -> None:
    """The next page's top row must be ruled only on edges the previous page has (its label edge with them):
    one edge of its own is a new table's heads."""
    p1 = _fragment(1, SECTION_ONE + SECTION_TWO, top=560.0)
    assert continues_frame(p1, _fragment(2, [label("项目实施期限"), *SECTION_THREE], top=60.0), 4.0)
    assert not continues_frame(p1, _fragment(2, [[("项目实施期限", 150.0), ("", RIGHT)], *SECTION_THREE],
                                             top=60.0), 4.0)
