"""End-to-end checks of `extract_document` on office-made PDFs (python-docx → LibreOffice)."""

from __future__ import annotations

from policy_extract.normalize.text import join_lines

from policy_extract.core.model import PageContent, RawCell, RawDocument, RawTable

EXPECTED_FIXTURES = {"merged", "narrow", "pagebreak", "no_outer", "double", "box_cell", "box_para", "spaced",
                     "landscape", "rotated"}


def grid(table: RawTable) -> dict[tuple[int, int], tuple[int, int, str]]:
    """``(row, col) -> (rowspan, colspan, joined text)`` for every cell."""
    return {(c.row, c.col): (c.rowspan, c.colspan, cell_text(c)) for c in table.cells}


def cell_text(cell: RawCell) -> str:
    return join_lines([ln.text for ln in cell.lines])


def texts(page: PageContent) -> list[str]:
    return [ln.text for ln in page.lines]


def only_table(doc: RawDocument, page: int = 1) -> RawTable:
    tables = doc.pages[page - 1].tables
    assert len(tables) == 1, [(t.method, t.n_rows, t.n_cols) for t in tables]
    return tables[0]


def assert_no_leak(page: PageContent) -> None:
    """No page line lies inside a table, and no cell text appears among the page lines."""
    for table in page.tables:
        x0, top, x1, bottom = table.bbox
        for line in page.lines:
            cy = (line.bbox[1] + line.bbox[3]) / 2
            assert not (top < cy < bottom and line.bbox[0] < x1 and line.bbox[2] > x0), line.text
        cell_texts = {ln.text for c in table.cells for ln in c.lines}
        assert not cell_texts & set(texts(page))


def test_every_fixture_present(extracted: dict[str, RawDocument]) -> None:
    assert set(extracted) >= EXPECTED_FIXTURES


def test_merged_cells_have_spans(extracted: dict[str, RawDocument]) -> None:
    table = only_table(extracted["merged"])
    assert (table.n_rows, table.n_cols, table.method) == (5, 6, "lattice")
    cells = grid(table)
    assert len(cells) == 23  # 30 positions − 3 (项目 2×2) − 2 (指标 1×3) − 1 (属性 2×1) − 1 (制造业 2×1)
    assert cells[(0, 0)] == (2, 2, "项目")
    assert cells[(0, 2)] == (1, 3, "指标")
    assert cells[(0, 5)] == (2, 1, "属性")
    assert cells[(2, 0)] == (2, 1, "制造业")
    assert cells[(1, 2)] == (1, 1, "2020年")
    assert cells[(2, 1)] == (1, 1, "产品质量合格率")  # wrapped in the cell, joined without a space
    assert cells[(3, 4)] == (1, 1, "—")
    assert (1, 0) not in cells and (0, 3) not in cells
    assert texts(extracted["merged"].pages[0]) == ["表1 合并单元格测试表", "表后正文段落，不属于表格。"]
    assert_no_leak(extracted["merged"].pages[0])


def test_narrow_column_lines_are_kept_per_cell(extracted: dict[str, RawDocument]) -> None:
    table = only_table(extracted["narrow"])
    cell = next(c for c in table.cells if (c.row, c.col) == (1, 0))
    assert len(cell.lines) >= 4 and all(len(ln.text) <= 2 for ln in cell.lines)
    assert join_lines([ln.text for ln in cell.lines]) == "服务业标准化指标"
    assert grid(table)[(1, 1)][2] == "服务业标准化试点项目数量"  # the neighbour gets none of it
    assert grid(table)[(2, 2)][2] == "90%"
    assert_no_leak(extracted["narrow"].pages[0])


def test_table_across_page_break(extracted: dict[str, RawDocument]) -> None:
    doc = extracted["pagebreak"]
    first, second = only_table(doc, 1), only_table(doc, 2)
    assert (first.n_rows, first.n_cols) == (4, 3) and (second.n_rows, second.n_cols) == (6, 3)
    g1, g2 = grid(first), grid(second)
    for g in (g1, g2):  # the repeated header is reported on both pages (normalize drops it)
        assert [g[(0, c)][2] for c in range(3)] == ["序号", "任务", "牵头单位"]
        assert g[(1, 2)][2] == "（按职责分工）"
    assert g1[(3, 1)][2].startswith("任务2：持续推进")
    assert g2[(2, 0)][2] == "" and g2[(2, 1)][2].endswith("设施建设，")  # the rest of the cut row
    assert g1[(3, 1)][2] + g2[(2, 1)][2] == "任务2：" + "持续推进质量基础设施建设，" * 14
    assert [g2[(r, 0)][2] for r in (3, 4, 5)] == ["3", "4", "5"]
    assert texts(doc.pages[1]) == ["表格结束后的段落。"]
    for page in doc.pages:
        assert_no_leak(page)


def test_table_without_outer_border(extracted: dict[str, RawDocument]) -> None:
    table = only_table(extracted["no_outer"])
    assert (table.n_rows, table.n_cols) == (3, 3)
    assert table.report.outer_border is False
    assert [grid(table)[(r, 0)][2] for r in range(3)] == ["地区", "郑州", "开封"]
    assert grid(table)[(2, 2)][2] == "9"
    assert texts(extracted["no_outer"].pages[0]) == ["无外框表格", "表后段落。"]


def test_double_lines_make_one_grid(extracted: dict[str, RawDocument]) -> None:
    page = extracted["double"].pages[0]
    table = only_table(extracted["double"])
    assert (table.n_rows, table.n_cols) == (3, 2)
    cells = [grid(table)[(r, c)][2] for r in range(3) for c in range(2)]
    assert cells == ["名称", "数值", "甲", "1", "乙", "2"]
    assert page.frames == []
    assert len(page.rules) == 7  # 4 horizontal + 3 vertical: each double line is one rule


def test_one_cell_table_is_a_frame(extracted: dict[str, RawDocument]) -> None:
    page = extracted["box_cell"].pages[0]
    assert page.tables == []
    assert len(page.frames) == 1
    inside = [ln.text for ln in page.lines if frame_holds(page.frames[0].bbox, ln.bbox)]
    assert inside == ["专栏2：质量品牌建设工程", "1．实施质量提升行动，打造区域公共品牌。",
                      "2．开展标准化试点示范建设。"]
    assert texts(page)[0] == "专栏前的正文段落。" and texts(page)[-1] == "专栏后的正文段落。"


def test_paragraph_border_box_is_a_frame(extracted: dict[str, RawDocument]) -> None:
    page = extracted["box_para"].pages[0]
    assert page.tables == [] and len(page.frames) == 1
    inside = [ln.text for ln in page.lines if frame_holds(page.frames[0].bbox, ln.bbox)]
    assert inside == ["专栏3：计量能力提升工程", "1．建设计量测试中心。", "2．完善计量标准体系。"]


def frame_holds(frame: tuple[float, float, float, float], box: tuple[float, float, float, float]) -> bool:
    return frame[0] <= box[0] and box[2] <= frame[2] and frame[1] <= box[1] and box[3] <= frame[3]


def test_space_aligned_table_is_borderless(extracted: dict[str, RawDocument]) -> None:
    page = extracted["spaced"].pages[0]
    table = only_table(extracted["spaced"])
    assert (table.method, table.n_rows, table.n_cols) == ("borderless", 4, 3)
    rows = [[grid(table)[(r, c)][2] for c in range(3)] for r in range(4)]
    assert rows == [["指标", "2020年", "2025年"], ["专利数量", "120", "200"], ["品牌数量", "15", "30"],
                    ["标准数量", "8", "16"]]
    assert texts(page)[0] == "空格对齐表格："
    prose = "表后的正文段落，内容较长以便换行检查阅读顺序是否正确，并且不应被识别为表格。"
    assert join_lines(texts(page)[1:]) == prose
    assert_no_leak(page)


def test_prose_never_becomes_borderless(extracted: dict[str, RawDocument]) -> None:
    for name, doc in extracted.items():
        if name != "spaced":
            assert all(t.method == "lattice" for p in doc.pages for t in p.tables), name


def test_landscape_page(extracted: dict[str, RawDocument]) -> None:
    for name in ("landscape", "rotated"):
        page = extracted[name].pages[-1]
        assert page.width > page.height, name
        assert texts(page) == ["附件 工作任务分解表"], name
        table = only_table(extracted[name], len(extracted[name].pages))
        assert (table.n_rows, table.n_cols) == (3, 5), name
        assert grid(table)[(1, 4)][2] == "2022年6月底前", name
        assert grid(table)[(2, 1)][2] == "开展质量提升行动", name
    assert extracted["rotated"].pages[0].rotation == 90


def test_line_font_facts(extracted: dict[str, RawDocument]) -> None:
    line = extracted["merged"].pages[0].lines[0]
    assert line.page == 1 and line.size == 14.0 and line.color == "#000000"
    assert line.font and "+" not in line.font
    assert line.char_width == 14.0
    assert line.bbox[0] < line.bbox[2] and line.bbox[1] < line.bbox[3]


def test_document_facts(extracted: dict[str, RawDocument]) -> None:
    doc = extracted["pagebreak"]
    assert doc.file == "pagebreak.pdf" and len(doc.sha256) == 64
    assert [p.number for p in doc.pages] == [1, 2]
    assert all(p.text_layer == "born_digital" for p in doc.pages)
    for page in doc.pages:
        assert all(t.page == page.number and all(c.page == page.number for c in t.cells) for t in page.tables)
