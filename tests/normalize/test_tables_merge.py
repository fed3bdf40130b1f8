"""Whole tables from office-made PDFs, one test per failure mode: ``extract_document`` → ``build_tables``.

The PDFs are the committed fixtures of ``tests/extract/data`` (python-docx → LibreOffice, built by
``tests/extract/make_fixtures.py``); these tests check the *merged, normalized* result, where the extract tests
check the per-page fragments.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from policy_extract.extract import extract_document
from policy_extract.normalize.document import fragments_of, normalize_document
from policy_extract.normalize.tables import DEFAULT_EDGE_TOLERANCE, build_tables, quality_warnings
from policy_extract.normalize.text import squash_spaces

from policy_extract.core.model import Cell, RawDocument, Table, TableReport

DATA = Path(__file__).resolve().parents[1] / "extract" / "data"


@cache
def raw(name: str) -> RawDocument:
    return extract_document(DATA / f"{name}.pdf")


def only_table(name: str) -> Table:
    tables = build_tables(raw(name))
    assert len(tables) == 1, [(t.pages, t.n_rows, t.n_cols) for t in tables]
    return tables[0]


def at(table: Table, row: int, col: int) -> Cell:
    """The cell that covers a grid position."""
    for c in table.cells:
        if c.row <= row < c.row + c.rowspan and c.col <= col < c.col + c.colspan:
            return c
    raise AssertionError(f"no cell covers ({row}, {col})")


def column(table: Table, col: int) -> list[str]:
    return [c.text for c in sorted(table.cells, key=lambda c: c.row) if c.col == col]


def covers_grid_once(table: Table) -> bool:
    seen = [(r, k) for c in table.cells for r in range(c.row, c.row + c.rowspan)
            for k in range(c.col, c.col + c.colspan)]
    return len(seen) == len(set(seen)) == table.n_rows * table.n_cols


# --------------------------------------------------------------------------------------- across pages


def test_repeated_two_row_header_is_kept_once() -> None:
    table = only_table("pagebreak")
    assert table.pages == [1, 2] and len(table.bboxes) == 2
    assert table.header_rows == 2
    assert column(table, 2).count("牵头单位") == 1 and column(table, 2).count("（按职责分工）") == 1
    assert column(table, 0) == ["序号", "", "1", "2", "3", "4", "5"]
    assert covers_grid_once(table)


def test_row_cut_by_page_break_is_joined_into_one_row() -> None:
    table = only_table("pagebreak")
    task = at(table, 3, 1)
    assert (task.row, task.rowspan) == (3, 1)
    assert task.text.startswith("任务2：") and task.text.endswith("持续推进质量基础设施建设，")
    assert task.text.count("持续推进质量基础设施建设") == 14  # nothing lost or doubled at the break
    assert [at(table, 3, k).text for k in (0, 2)] == ["2", "单位2"]
    assert at(table, 4, 1).text == "任务3：完善标准体系。"


def test_merged_cell_spanning_the_break_continues() -> None:
    table = only_table("break_merged")
    group = at(table, 1, 0)
    assert (group.row, group.rowspan, group.text) == (1, 8, "能源利用")
    assert table.n_rows == 9 and column(table, 1) == ["指标"] + [f"指标{i}" for i in range(1, 9)]
    assert covers_grid_once(table)


def test_merged_cell_text_cut_by_the_break_is_rejoined() -> None:
    table = only_table("break_split")
    group = at(table, 1, 0)
    assert (group.row, group.rowspan) == (1, 8)
    assert group.text == "生态环境质量指标监测评价考核体系"
    assert table.n_rows == 9 and covers_grid_once(table)


def test_blank_tail_of_a_row_cut_by_the_break_is_not_a_row() -> None:
    table = only_table("landscape_break")
    assert table.pages == [1, 2] and (table.n_rows, table.n_cols) == (17, 4)
    assert column(table, 0) == ["序号"] + [str(i) for i in range(1, 17)]
    assert all(c.rowspan == 1 and c.colspan == 1 for c in table.cells)


def test_continued_caption_joins_a_table_typed_again_with_other_widths() -> None:
    first, second = (p.tables[0] for p in raw("continued_caption").pages)
    widths = [b - a for a, b in zip(first.col_edges, first.col_edges[1:], strict=False)]
    widths2 = [b - a for a, b in zip(second.col_edges, second.col_edges[1:], strict=False)]
    assert any(abs(a - b) > DEFAULT_EDGE_TOLERANCE for a, b in zip(widths, widths2, strict=True))
    table = only_table("continued_caption")
    assert table.pages == [1, 2] and (table.n_rows, table.n_cols) == (6, 3)
    assert column(table, 0) == ["序号", "1", "2", "3", "4", "5"]
    assert column(table, 1)[-1] == "重点任务5" and covers_grid_once(table)


# ------------------------------------------------------------------------------------------ geometry


def test_table_without_outer_border() -> None:
    table = only_table("no_outer")
    assert (table.n_rows, table.n_cols) == (3, 3)
    assert [[at(table, r, k).text for k in range(3)] for r in range(3)] == [
        ["地区", "2020年", "2025年"], ["郑州", "12", "15"], ["开封", "7", "9"]]


def test_landscape_pages_give_the_same_table_as_portrait_stored_rotated_pages() -> None:
    wide, turned = only_table("landscape"), only_table("rotated")
    assert (wide.n_rows, wide.n_cols) == (3, 5)
    assert at(wide, 1, 1).text == "建立质量工作联席会议制度" and at(wide, 2, 4).text == "长期坚持"
    assert [(c.row, c.col, c.text) for c in wide.cells] == [(c.row, c.col, c.text) for c in turned.cells]
    across, across_turned = only_table("landscape_break"), only_table("rotated_break")
    assert across_turned.pages == [1, 2]
    assert [(c.row, c.col, c.text) for c in across.cells] == [(c.row, c.col, c.text) for c in across_turned.cells]


# ------------------------------------------------------------------------------------------ cell text


def test_vertical_text_in_narrow_column_is_one_word() -> None:
    assert at(only_table("narrow"), 1, 0).text == "服务业标准化指标"
    cell = at(only_table("cell_text"), 1, 0)
    assert cell.raw.count("\n") == 7 and cell.text == "服务业标准化指标"


def test_date_broken_across_lines_is_kept_whole() -> None:
    cell = at(only_table("cell_text"), 1, 1)
    assert cell.raw == "2014年 12月\n31 日"  # as printed: the break falls inside the date
    assert cell.text == "2014年 12月31 日" and squash_spaces(cell.text) == "2014年12月31日"


def test_latin_words_broken_across_lines_keep_one_space() -> None:
    cell = at(only_table("cell_text"), 1, 2)
    assert "\n" in cell.raw and cell.text == "ISO 9001 quality management system"


# -------------------------------------------------------------------------------------- quality report


def test_every_fragment_reports_empty_cells_and_text_outside_cells() -> None:
    for name in ("merged", "pagebreak", "no_outer", "outside_text", "column_split"):
        for page in raw(name).pages:
            for frag in page.tables:
                assert isinstance(frag.report, TableReport) and frag.report.cells, (name, frag.report)


def test_text_printed_over_the_table_border_is_reported() -> None:
    doc = raw("outside_text")
    table = only_table("outside_text")
    codes = [w.code for w in quality_warnings(table, fragments_of(doc, table))]
    assert codes == ["table_text_outside_cells"]
    assert doc.pages[0].tables[0].report.text_outside_cells == 3  # 甲项指, left of the left rule
    clean = only_table("merged")
    assert quality_warnings(clean, fragments_of(raw("merged"), clean)) == []


def test_column_count_change_between_pages_is_reported_and_merged() -> None:
    table = only_table("column_split")
    assert table.pages == [1, 2] and (table.n_rows, table.n_cols) == (9, 4)
    assert (at(table, 1, 2).colspan, at(table, 1, 2).text) == (2, "10")
    assert [at(table, 5, k).text for k in (2, 3)] == ["50", "55"]
    doc = normalize_document(raw("column_split"))  # the warning reaches document.json
    assert [w.code for w in doc.warnings if w.code.startswith("table_")] == ["table_column_count_changes"]


def test_sparse_table_and_grid_gap_are_reported() -> None:
    cells = [Cell(0, 0, 1, 1, "名称", 1, (0, 0, 1, 1)), Cell(0, 1, 1, 1, "", 1, (1, 0, 2, 1)),
             Cell(1, 0, 1, 1, "", 1, (0, 1, 1, 2))]
    table = Table("t1", None, [1], 2, 2, 1, cells)
    assert [w.code for w in quality_warnings(table)] == ["table_grid_gap", "table_sparse"]
    cells.append(Cell(1, 1, 1, 1, "1", 1, (1, 1, 2, 2)))
    assert quality_warnings(table) == []
