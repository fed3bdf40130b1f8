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


def _top(row: int) -> float:
    return 112 + row * 29.0


def test_title_outside_the_box_is_the_sidebar_label() -> None:
    lines = [
        body("正文。", 0, end=200),
        centered("专栏1：文旅消费惠民活动", 2),
        body("1．发放文旅消费券1000万元。", 3, indent=True, end=400),
        body("2．举办节会活动30场次。", 4, indent=True, end=400),
    ]
    frame = Frame(1, (75.0, _top(3) - 4, 526.0, _top(5)))
    sbs, used = sidebars_from_frames([frame], lines)
    assert used == {1, 2, 3}
    assert (sbs[0].number, sbs[0].title) == (1, "文旅消费惠民活动")
    assert [i.n for i in sbs[0].items] == [1, 2]


def test_title_at_page_end_and_box_on_next_page() -> None:
    lines = [
        body("正文。", 0, end=200),
        centered("专栏1：危大工程“六个必须”", 20),
        body("1．专项施工方案必须按规定编制。", 0, page=2, indent=True, end=400),
        body("三、工作要求", 3, page=2, indent=True, end=250),
    ]
    frame = Frame(2, (75.0, _top(0) - 4, 526.0, _top(1) + 4))
    sbs, used = sidebars_from_frames([frame], lines)
    assert used == {1, 2} and (sbs[0].page, sbs[0].title) == (1, "危大工程“六个必须”")


def test_box_between_two_rules_is_a_sidebar() -> None:
    from policy_extract.normalize.sidebars import rule_frames

    from policy_extract.core.model import PageContent, Rule

    lines = [
        body("正文。", 0, end=200),
        centered("专栏3：要素保障攻坚行动", 2),
        body("1．推行工业用地“标准地”出让。", 3, indent=True, end=400),
    ]
    rules = [Rule(1, (79.0, _top(2) - 6, 522.0, _top(2) - 6)), Rule(1, (79.0, _top(4), 522.0, _top(4)))]
    pg = PageContent(1, 595.0, 842.0, lines=lines, rules=rules)
    frames = rule_frames(pg, lines)
    assert len(frames) == 1
    sbs, used = sidebars_from_frames(frames, lines)
    assert used == {1, 2} and sbs[0].items[0].text == "推行工业用地“标准地”出让。"


def test_two_rules_around_plain_text_are_no_box() -> None:
    from policy_extract.normalize.sidebars import rule_frames

    from policy_extract.core.model import PageContent, Rule

    lines = [body("一段普通正文。", 1, end=300)]
    rules = [Rule(1, (79.0, _top(1) - 6, 522.0, _top(1) - 6)), Rule(1, (79.0, _top(2), 522.0, _top(2)))]
    assert rule_frames(PageContent(1, 595.0, 842.0, lines=lines, rules=rules), lines) == []


def test_box_broken_across_pages_drawn_by_side_rules() -> None:
    from policy_extract.normalize.sidebars import rule_frames

    from policy_extract.core.model import PageContent, Rule

    lines = [
        centered("专栏1：学前教育提升工程", 20),
        body("1．新增公办学位1.2万个。", 21, indent=True, end=400),
        body("2．开展普惠性民办幼儿园认定。", 0, page=2, indent=True, end=400),
    ]
    p1 = PageContent(1, 595.0, 842.0, rules=[
        Rule(1, (76.0, _top(20) - 6, 525.0, _top(20) - 6)),
        Rule(1, (77.0, _top(20) - 6, 77.0, 763.0)), Rule(1, (525.0, _top(20) - 6, 525.0, 763.0))])
    p2 = PageContent(2, 595.0, 842.0, rules=[
        Rule(2, (77.0, 85.0, 77.0, _top(1))), Rule(2, (525.0, 85.0, 525.0, _top(1))),
        Rule(2, (76.0, _top(1), 525.0, _top(1)))])
    frames = rule_frames(p1, lines) + rule_frames(p2, lines)
    sbs, used = sidebars_from_frames(frames, lines)
    assert used == {0, 1, 2} and [i.n for i in sbs[0].items] == [1, 2]


def test_shaded_sidebar_without_frame_ends_before_the_next_heading() -> None:
    from policy_extract.normalize.sidebars import unframed_sidebars

    lines = [
        body("3．建设重大疫情救治基地。", 0, indent=True, end=400),
        centered("专栏1：医疗卫生服务能力提升项目", 1),
        body("1．区域医疗中心建设项目：建设国家区域医疗中心", 2, indent=True),
        body("3个。", 3, end=150),
        body("2．县级医院提标扩能项目。", 4, indent=True, end=400),
        body("三、保障措施", 5, indent=True, end=250),
    ]
    sbs, used = unframed_sidebars(lines, set())
    assert used == {1, 2, 3, 4}
    assert [(i.n, i.text) for i in sbs[0].items] == [
        (1, "区域医疗中心建设项目：建设国家区域医疗中心3个。"), (2, "县级医院提标扩能项目。")]


def test_label_without_items_is_not_an_unframed_sidebar() -> None:
    from policy_extract.normalize.sidebars import unframed_sidebars

    lines = [centered("专栏2：项目清单", 1), body("各地要抓好落实。", 2, indent=True, end=300)]
    assert unframed_sidebars(lines, set()) == ([], set())


def test_box_holding_a_table_is_a_sidebar_pointing_at_it() -> None:
    lines = [centered("专栏1 数字经济发展主要指标", 1), body("指标 单位 目标", 2, end=300)]
    frame = Frame(1, (75.0, _top(1) - 4, 526.0, _top(6)))
    table = Table("t1", None, [1], 3, 3, 1, [], bboxes=[(1, (83.0, _top(3), 513.0, _top(5)))])
    sbs, used = sidebars_from_frames([frame], lines, [table])
    assert used == {0, 1}
    assert (sbs[0].title, sbs[0].items, sbs[0].tables) == ("数字经济发展主要指标", [], ["t1"])


def test_table_whose_first_row_is_the_sidebar_caption_is_a_sidebar_and_a_table() -> None:
    """A 专栏 whose body is an outer-framed table, ``专栏1 数字经济发展主要指标`` printed as its first row
    spanning every column: the table stays (its title without the label) and a sidebar points at it; a
    table whose spanning first row is a plain caption (``表1 …``) makes no sidebar."""
    from policy_extract.core.model import PageContent, RawCell, RawTable

    def raw_doc(caption: str) -> RawDocument:
        head = RawCell(0, 0, 1, 3, 2, (80.0, 100.0, 520.0, 120.0), [Line(caption, 2, (200.0, 104.0, 400.0, 116.0))])
        cells = [head] + [RawCell(1, c, 1, 1, 2, (80.0 + c * 146, 120.0, 226.0 + c * 146, 140.0)) for c in range(3)]
        frag = RawTable(2, (80.0, 100.0, 520.0, 300.0), 3, 3, [80.0, 226.0, 372.0, 520.0], [100.0, 120.0, 300.0], cells)
        return RawDocument("x.pdf", "0", [PageContent(2, 595.0, 842.0, tables=[frag])])

    data = Table("t1", "数字经济发展主要指标", [2], 2, 3, 1, [], bboxes=[(2, (80.0, 100.0, 520.0, 300.0))])
    sbs, keep = sidebars_from_tables(raw_doc("专栏1 数字经济发展主要指标"), [data])
    assert keep == [data]
    assert [(s.number, s.title, s.tables, s.items) for s in sbs] == [(1, "数字经济发展主要指标", ["t1"], [])]
    assert sidebars_from_tables(raw_doc("表1 数字经济发展主要指标"), [data]) == ([], [data])
