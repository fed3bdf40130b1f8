"""A table's title printed as its first row (one cell across the frame), and a header printed again on the next
page as the sign that the table goes on (generated corpus: gen_docx_jiaoyu_header, gen_html_07_shengtai_double,
gen_rl_12_water_captionrow)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.tables import build_tables, is_caption_text, repeats_header

from policy_extract.core.model import Line, PageContent, RawCell, RawDocument, RawTable
from policy_extract.core.vocabulary import TABLE_CAPTION_ENDINGS

EDGES = [50.0, 100.0, 300.0, 400.0, 500.0]
ROW_H = 20.0


def _cell(page: int, row: int, col: int, text: str, colspan: int = 1, top: float = 100.0) -> RawCell:
    box = (EDGES[col], top + row * ROW_H, EDGES[col + colspan], top + (row + 1) * ROW_H)
    lines = [Line(text, page, box)] if text else []
    return RawCell(row, col, 1, colspan, page, box, lines)


def _fragment(page: int, rows: list[list[str] | str], top: float = 100.0) -> RawTable:
    """Rows of four cells, or a string: one cell across the four columns."""
    cells = []
    for r, row in enumerate(rows):
        if isinstance(row, str):
            cells.append(_cell(page, r, 0, row, colspan=4, top=top))
        else:
            cells += [_cell(page, r, c, text, top=top) for c, text in enumerate(row)]
    bbox = (EDGES[0], top, EDGES[-1], top + len(rows) * ROW_H)
    row_edges = [top + r * ROW_H for r in range(len(rows) + 1)]
    return RawTable(page, bbox, len(rows), 4, list(EDGES), row_edges, cells)


def _doc(*pages: tuple[RawTable, list[str], list[str]]) -> RawDocument:
    """Pages of (fragment, lines above it, lines below it)."""
    out = []
    for i, (frag, above, below) in enumerate(pages, start=1):
        lines = [Line(t, i, (60.0, 40.0 + 10 * k, 300.0, 48.0 + 10 * k)) for k, t in enumerate(above)]
        lines += [Line(t, i, (60.0, 780.0 + 10 * k, 300.0, 788.0 + 10 * k)) for k, t in enumerate(below)]
        out.append(PageContent(i, 595.0, 842.0, lines=lines, tables=[frag]))
    return RawDocument("x.pdf", "0" * 64, out)


HEAD = ["序号", "工作任务", "牵头单位", "完成时限"]
CAPTION = "心理健康促进行动重点任务分解表"


def test_caption_row_spanning_the_table_is_its_title_not_a_row() -> None:
    frag = _fragment(1, [CAPTION, HEAD, ["1", "开齐开足课程", "市教育局", "2024年8月底前"]])
    (table,) = build_tables(_doc((frag, [], [])))
    assert table.title == CAPTION
    assert table.n_rows == 2 and table.header_rows == 1
    assert [c.text for c in table.cells if c.row == 0] == HEAD


def test_caption_row_loses_its_table_label() -> None:
    frag = _fragment(
        1, ["表1 水利发展主要指标", ["指标", "2020年", "2025年", "属性"], ["用水总量", "62", "68", "约束性"]]
    )
    (table,) = build_tables(_doc((frag, [], [])))
    assert table.title == "水利发展主要指标"


def test_group_row_at_the_top_stays_a_row() -> None:
    """``一、摸底调查`` over the header is a group row (SPEC: ordinary rows), however it ends."""
    frag = _fragment(1, ["一、主要任务", HEAD, ["1", "任务", "市教育局", "2024年"]])
    (table,) = build_tables(_doc((frag, [], [])))
    assert table.title is None and table.n_rows == 3


def test_spanning_first_row_that_is_no_title_stays_a_row() -> None:
    """A header band's top cell (real corpus, putuo_czj_bumen_juesuan_2024: ``财政拨款“三公”经费``)."""
    frag = _fragment(1, ["财政拨款“三公”经费", HEAD, ["1", "任务", "市教育局", "2024年"]])
    (table,) = build_tables(_doc((frag, [], [])))
    assert table.title is None and table.n_rows == 3


def test_header_printed_again_with_its_caption_continues_the_table_past_any_running_header() -> None:
    """A running header above and a ``第3页 共4页`` footer below (no folio grammar of their own): the repeated
    caption and header say the same table goes on; both are dropped from the continuation."""
    first = _fragment(1, [CAPTION, HEAD, ["1", "任务一", "市教育局", "2024年"]])
    second = _fragment(2, [CAPTION, HEAD, ["2", "任务二", "市卫生健康委", "2025年"]])
    doc = _doc((first, [], ["第1页 共2页"]), (second, ["宁波市教育局办公室"], []))
    (table,) = build_tables(doc)
    assert table.pages == [1, 2] and table.title == CAPTION
    assert [c.text for c in table.cells if c.col == 0] == ["序号", "1", "2"]


def test_same_columns_under_a_new_caption_are_a_new_table() -> None:
    first = _fragment(1, [HEAD, ["1", "任务一", "市教育局", "2024年"]])
    second = _fragment(2, [HEAD, ["1", "任务二", "市卫生健康委", "2025年"]])
    doc = _doc((first, [], ["第1页 共2页"]), (second, ["表2 重点任务分工表"], []))
    assert len(build_tables(doc)) == 2


def test_one_repeated_cell_is_not_a_repeated_header() -> None:
    a = _fragment(1, [CAPTION, ["1", "a", "b", "c"], ["2", "d", "e", "f"]])
    b = _fragment(2, [CAPTION, ["3", "g", "h", "i"], ["4", "j", "k", "l"]])
    assert not repeats_header(a, b)


@given(
    st.text(alphabet="省市区县农业教育卫生发展质量建设年度重点", min_size=1, max_size=20),
    st.sampled_from(TABLE_CAPTION_ENDINGS),
    st.sampled_from(["", "表1 ", "表 2：", "附表3 "]),
)
def test_titles_ending_in_a_title_word_read_as_captions(stem: str, ending: str, label: str) -> None:
    assert is_caption_text(label + stem + ending)


@given(
    st.sampled_from(["一、", "（二）", "3.", "（4）"]),
    st.text(alphabet="省市区县农业教育卫生发展质量建设年度重点", min_size=1, max_size=20),
    st.sampled_from(TABLE_CAPTION_ENDINGS),
)
def test_numbered_group_headings_never_read_as_captions(marker: str, stem: str, ending: str) -> None:
    assert not is_caption_text(marker + stem + ending)


def test_sentences_never_read_as_captions() -> None:
    assert not is_caption_text("各地要按要求完成年度目标，确保完成任务")


def test_repeated_header_without_the_title_row_is_not_enough() -> None:
    """ICDAR 2013 us-017: tables 3, 4 and 5 on consecutive pages print the same header under their own
    (English) captions; they stay three tables."""
    first = _fragment(1, [HEAD, ["1", "任务一", "市教育局", "2024年"]])
    second = _fragment(2, [HEAD, ["1", "任务二", "市卫生健康委", "2025年"]])
    assert not repeats_header(first, second)
    doc = _doc((first, [], ["第1页 共2页"]), (second, ["Table 4. Enrollment by grade"], []))
    assert len(build_tables(doc)) == 2
