from __future__ import annotations

from pathlib import Path

from policy_extract.normalize.layout import content_lines, is_page_number
from policy_extract.normalize.structure import build_structure, caption_title
from test_structure_helpers import body, centered, filler, page

from policy_extract.core.model import Cell, Line, RawDocument, Table

REPO = Path(__file__).resolve().parents[2]


def test_page_numbers_and_running_lines_removed_only_in_margins() -> None:
    assert all(is_page_number(t) for t in ["— 21 —", "-21-", "第 3 页", "3/10", "21"])
    assert not is_page_number("2021年")
    pages = []
    for n in range(1, 5):
        furniture = [Line("某某规划", n, (250, 40, 350, 54), size=10)]
        furniture.append(Line(f"— {n} —", n, (280, 790, 320, 804)))
        pages.append(page(n, [furniture[0], *filler(n, range(0, 3)), furniture[1]]))
    pages[0].lines.append(Line("21", 1, (80, 400, 100, 416)))  # a number in the body is kept
    kept, dropped = content_lines(pages)
    assert len(dropped) == 8 and any(ln.text == "21" for ln in kept)


def test_caption_title_labels_removed() -> None:
    assert caption_title("专栏一：2021-2025 质量发展总体指标") == "2021-2025质量发展总体指标"
    assert caption_title("表1 主要指标") == "主要指标"


def _raw() -> tuple[RawDocument, list[Table]]:
    p1 = [
        centered("某某工作方案", 0, size=22),
        body("为做好工作，制定本方案。", 1, indent=True, end=300),
        body("一、总体要求", 2, indent=True, end=200, font="SimHei"),
        body("1.提高质量。指导企业提升质量，推动发展，确保各项任务落到实处，", 3, indent=True),
        body("取得实效。", 4, end=200),
        centered("专栏一：主要指标", 5),
        *filler(1, range(12, 16)),
    ]
    cell = Cell(0, 0, 1, 1, "指标", 1, (80.0, 290.0, 521.0, 400.0))
    table = Table("t1", None, [1], 1, 1, 0, [cell, Cell(0, 1, 1, 1, "值", 1, (300.0, 290.0, 521.0, 400.0))],
                  bboxes=[(1, (80.0, 290.0, 521.0, 400.0))])
    table.n_cols = 2
    return RawDocument("x.pdf", "0", [page(1, p1)]), [table]


def test_build_structure_end_to_end() -> None:
    raw, tables = _raw()
    s = build_structure(raw, tables)
    assert [(n.id, n.parent, n.level, n.number, n.title) for n in s.outline] == [
        ("s1", None, 1, "一", "总体要求"), ("s2", "s1", 3, "1", "提高质量")]
    texts = [(p.section, p.text) for p in s.paragraphs]
    assert texts[0] == (None, "为做好工作，制定本方案。")
    assert texts[1] == ("s2", "指导企业提升质量，推动发展，确保各项任务落到实处，取得实效。")
    assert all("某某工作方案" not in t and "专栏" not in t for _, t in texts), texts
    assert (s.tables[0].title, s.tables[0].section) == ("主要指标", "s2")
    got = [(b.id, b.number, b.title, b.tables, b.section) for b in s.sidebars]
    assert got == [("b1", 1, "主要指标", ["t1"], "s2")]
    assert tables[0].title is None  # inputs are not modified


# Real-PDF structure checks live in tests/test_golden.py (one comparison per sample and part).


def test_table_of_contents_entries_are_not_headings() -> None:
    from policy_extract.normalize.structure import _toc_lines
    from test_structure_helpers import body, centered

    lines = [
        centered("目录", 0),
        body("第一部分概况……………1", 1),
        body("一、主要职能", 2, indent=True, end=250),
        body("二、单位构成", 3, indent=True, end=250),
        centered("第一部分概况", 0, page=2),
        body("一、主要职能", 1, page=2, indent=True, end=250),
    ]
    assert _toc_lines(lines, set(range(len(lines)))) == {0, 1, 2, 3}
    assert _toc_lines(lines[1:], set(range(5))) == set()


def test_table_of_contents_read_as_a_table_claims_only_its_title() -> None:
    """A tender file's 目录 entries (leaders and page numbers) are read as a borderless table: the next
    running line is 第一章 on the next page, which is a heading, not the start of a contents list that runs
    until the chapter list inside 第三章; a second 目录 (of the 投标文件格式) is contents too."""
    from policy_extract.normalize.structure import _toc_lines
    from test_structure_helpers import body, centered

    lines = [
        centered("目录", 0),
        centered("第一章招标公告", 0, page=2),
        body("一、项目基本情况", 1, page=2, end=250),
        body("第一章招标公告", 3, page=3, end=250),
        centered("目录", 0, page=4),
        body("一、开标一览表……………………（页码）", 1, page=4),
        body("二、投标函………………………（页码）", 2, page=4),
        centered("一、开标一览表", 0, page=5),
    ]
    assert _toc_lines(lines, set(range(len(lines)))) == {0, 4, 5, 6}


def test_wrapped_part_heading_in_title_type_is_one_heading() -> None:
    from policy_extract.normalize.layout import Column
    from policy_extract.normalize.paragraphs import wraps_centred
    from policy_extract.normalize.structure import _wraps_heading

    from policy_extract.core.model import Line

    a = Line("第三部分上海市普陀区财政局2024年度部门决算情况", 21, (102, 72, 516, 97), "FangSong", 18.0)
    b = Line("说明", 21, (280, 92, 316, 110), "FangSong", 18.0)
    assert _wraps_heading([a, b], 1)
    assert wraps_centred(a, b, Column(72.0, 520.0, 595.0, 842.0))


def test_annex_run_on_after_the_notice_and_its_title_of_one_size() -> None:
    """A re-typeset copy runs the annex on after the notice: ``附件`` mid-page with a centred title below is an
    annex; a smaller note under the title (``（21大类40个小类91个品目）``) is not title; a bare ``附件`` in the
    middle of a page with no centred title below stays text."""
    from policy_extract.normalize.layout import page_columns
    from policy_extract.normalize.structure import _annexes
    from test_structure_helpers import body, centered, filler, page

    lines = [
        *filler(1, range(0, 10)),
        body("附件：", 11, end=130),
        centered("2024—2026年海南省", 13, size=20.0),
        centered("农机购置与应用补贴机具种类范围", 14, size=20.0),
        centered("（21大类40个小类91个品目）", 15, size=14.0),
        body("附件", 17, end=130),
        body("这是正文的一行，并非标题。", 18, end=400),
    ]
    cols = page_columns([page(1, [])], lines)
    annexes, used = _annexes(lines, set(range(len(lines))), cols)
    assert [(a.label, a.title) for a in annexes] == [("附件", "2024—2026年海南省农机购置与应用补贴机具种类范围")]
    assert used == {10, 11, 12}


def test_centred_clause_heading_in_large_type_is_not_a_title_line() -> None:
    """``1人口特征`` centred in 18 pt 黑体 (a statistical report's chapter) is a heading, not a title line."""
    from policy_extract.normalize.layout import page_columns
    from policy_extract.normalize.structure import _title_lines
    from test_structure_helpers import centered, filler, page

    lines = [centered("1人口特征", 0, size=18.0), centered("深圳市妇女儿童发展统计报告", 1, size=18.0),
             *filler(1, range(2, 12))]
    cols = page_columns([page(1, [])], lines)
    assert _title_lines(lines, set(range(len(lines))), cols, 16.0) == {1}


def _foot_table(tid: str, page_no: int, top: float) -> Table:
    box = (80.0, top, 521.0, top + 110.0)
    cells = [Cell(0, 0, 1, 1, "指标", page_no, (80.0, top, 300.0, top + 110.0)),
             Cell(0, 1, 1, 1, "值", page_no, (300.0, top, 521.0, top + 110.0))]
    table = Table(tid, None, [page_no], 1, 2, 0, cells, bboxes=[(page_no, box)])
    return table


def _caption_at_page_foot(p2_top: list[Line]) -> RawDocument:
    """Page 1's text ends in ``表1 主要指标`` (row 21, the page foot); page 2 opens with ``p2_top`` then a table."""
    p1 = [*filler(1, range(0, 20)), centered("表1 主要指标", 21)]
    p2 = [*p2_top, *filler(2, range(8, 12))]
    return RawDocument("x.pdf", "0", [page(1, p1), page(2, p2)])


def test_caption_ending_a_page_titles_the_table_opening_the_next_page() -> None:
    """gen_docx_nongye_joint: 表1 … is the last line of page 1, its table starts page 2: the caption is the
    table's title (indicator role) and no paragraph."""
    s = build_structure(_caption_at_page_foot([]), [_foot_table("t1", 2, 112.0)])
    assert s.tables[0].title == "主要指标"
    assert all("主要指标" not in p.text for p in s.paragraphs)


def test_caption_ending_a_page_is_not_taken_by_a_table_below_text_on_the_next_page() -> None:
    """The next page opens with text, then a table: the caption at the previous page's foot is not its title."""
    raw = _caption_at_page_foot([body("正文内容正文内容正文内容正文内容正文内容正文内容正文内", 0, 2)])
    s = build_structure(raw, [_foot_table("t1", 2, 150.0)])
    assert s.tables[0].title is None


def test_caption_above_a_table_on_its_own_page_stays_with_it() -> None:
    """Page 1: 表1 then its table at the foot; page 2 opens with another table (listed first).  The caption has
    a table under it on its page, so the table opening page 2 does not steal it."""
    p1 = [*filler(1, range(0, 15)), centered("表1 主要指标", 16)]
    raw = RawDocument("x.pdf", "0", [page(1, p1), page(2, filler(2, range(8, 12)))])
    own = _foot_table("t1", 1, 112 + 17 * 29.0)
    s = build_structure(raw, [_foot_table("t2", 2, 112.0), own])
    assert [t.title for t in s.tables] == [None, "主要指标"]


def test_line_above_does_not_overwrite_a_title_from_inside_the_table() -> None:
    """zj_jxt_future_factory_notice_2025: a form section titled by its own band (a caption row inside the
    table) has a centred （线上填写） over it; the line above fills a missing title only, never replaces one."""
    raw, tables = _raw()
    tables[0].title = "企业基本情况"
    s = build_structure(raw, tables)
    assert s.tables[0].title == "企业基本情况"
    assert all("专栏" not in p.text for p in s.paragraphs)  # the line above is still the table's caption
    raw, tables = _raw()
    assert build_structure(raw, tables).tables[0].title == "主要指标"
