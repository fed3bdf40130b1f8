from __future__ import annotations

from policy_extract.normalize.sidebars import (
    parse_label,
    sidebars_from_frames,
    sidebars_from_tables,
)
from test_structure_helpers import body, centered, page

from policy_extract.core.model import Cell, Frame, Line, RawDocument, Table


def test_label_numbers() -> None:
    assert parse_label("专栏一：2021-2025质量发展总体指标") == (1, "2021-2025质量发展总体指标")
    assert parse_label("专栏 12：“质量强区”保障措施") == (12, "“质量强区”保障措施")
    assert parse_label("专栏3：四大领域") == (3, "四大领域")
    assert parse_label("专栏十二：标题") == (12, "标题") and parse_label("专栏二十") == (20, "")
    assert parse_label("专栏一百二十：x")[0] == 120


def test_frame_sidebar_continued_on_next_page() -> None:
    lines = [
        body("正文。", 0, end=200),
        centered("专栏 2：质量融合任务", 18),
        body("1．制定政府行政、公共服务质量标准体系，", 19, indent=True),
        body("并组织实施。", 20, end=300),
        body("2．组织开展新兴产业标准", 0, page=2, indent=True),
        body("攻关。", 1, page=2, end=200),
        body("之后的正文。", 3, page=2, indent=True, end=300),
    ]
    frames = [Frame(1, (75.0, 630.0, 526.0, 720.0)), Frame(2, (75.0, 105.0, 526.0, 170.0))]
    sbs, used = sidebars_from_frames(frames, lines)
    assert len(sbs) == 1 and used == {1, 2, 3, 4, 5}
    sb = sbs[0]
    assert (sb.number, sb.title, sb.page) == (2, "质量融合任务", 1)
    assert [(i.n, i.text) for i in sb.items] == [
        (1, "制定政府行政、公共服务质量标准体系，并组织实施。"), (2, "组织开展新兴产业标准攻关。")]


def test_frame_without_label_is_not_a_sidebar() -> None:
    lines = [body("一个方框里的普通说明文字。", 3, end=400)]
    assert sidebars_from_frames([Frame(1, (75.0, 190.0, 526.0, 220.0))], lines) == ([], set())


def test_one_cell_table_is_a_sidebar_and_dropped() -> None:
    text = "专栏5：质量监管体系建设\n1．推进示范城市创建。\n2．有效运营平台\n12315。"
    cell = Cell(0, 0, 1, 1, text.replace("\n", ""), 4, (80.0, 100.0, 520.0, 300.0), raw=text)
    box = Table("t3", None, [4], 1, 1, 0, [cell])
    data = Table("t4", None, [5], 2, 2, 1, [])
    sbs, keep = sidebars_from_tables(RawDocument("x.pdf", "0", [page(4, [])]), [box, data])
    assert keep == [data]
    assert (sbs[0].number, sbs[0].title) == (5, "质量监管体系建设")
    assert [(i.n, i.text) for i in sbs[0].items] == [(1, "推进示范城市创建。"), (2, "有效运营平台12315。")]


def test_item_number_out_of_sequence_continues_item() -> None:
    from policy_extract.normalize.sidebars import sidebar_content

    lines = [Line(t, 1, (0.0, 0.0, 0.0, 0.0)) for t in ["专栏1：甲", "1．第一项到", "5.5亿元。", "2．第二项"]]
    _, _, items = sidebar_content(lines)
    assert [(i.n, i.text) for i in items] == [(1, "第一项到5.5亿元。"), (2, "第二项")]
