"""Duty records from responsibility tables, sidebars and numbered task paragraphs."""

from __future__ import annotations

from policy_extract.normalize.duties import build_duties, split_number
from table_builders import table

from policy_extract.core.model import Document, Meta, OutlineNode, Paragraph, Sidebar, SidebarItem, Source

HEAD = ["序号", "目标类别", "目标项目", "目标内容", "完成时限", "牵头单位", "承办单位"]


def _doc(tables=(), **kw) -> Document:
    return Document(source=Source("x.pdf", "0", 1), meta=Meta(date="2014-11-23"), tables=list(tables), **kw)


def test_merged_deadline_and_lead_apply_to_every_row_they_cover() -> None:
    t = table(
        [
            HEAD,
            [
                "2",
                "文化",
                "2.1 形成质量精神",
                "2.1.1 征集意见。",
                "2014年4月30日",
                "区委宣传部\n区强区办",
                "各成员单位",
            ],
            [
                "2",
                "文化",
                "2.1 形成质量精神",
                "2.1.2 深入宣传。",
                "2014年4月30日",
                "区委宣传部\n区强区办",
                "各成员单位",
            ],
        ],
        merges=[(1, 0, 2, 0), (1, 1, 2, 1), (1, 2, 2, 2), (1, 4, 2, 4), (1, 5, 2, 5), (1, 6, 2, 6)],
    )
    duties = build_duties(_doc([t]))
    assert [(d.number, d.task, d.deadline.end, d.lead, d.support) for d in duties] == [
        ("2.1.1", "征集意见。", "2014-04-30", ["区委宣传部", "区强区办"], ["各成员单位"]),
        ("2.1.2", "深入宣传。", "2014-04-30", ["区委宣传部", "区强区办"], ["各成员单位"]),
    ]
    assert duties[0].category == "文化" and duties[0].item == "2.1 形成质量精神"


def test_lead_marked_in_the_support_cell() -> None:
    t = table(
        [["序号", "工作任务", "责任单位"], ["1", "推进改造", "市住建局（牵头），市财政局、市自然资源局"]]
    )
    d = build_duties(_doc([t]))[0]
    assert (d.lead, d.support) == (["市住建局"], ["市财政局", "市自然资源局"])


def test_single_unit_in_a_responsibility_column_without_lead_column_is_the_lead() -> None:
    t = table(
        [["序号", "项目名称", "责任单位", "完成时限"], ["1", "校舍安全排查", "省教育厅规划处", "6月底前"]]
    )
    d = build_duties(_doc([t]))[0]
    assert (d.number, d.task, d.lead, d.support, d.deadline.end) == (
        "1",
        "校舍安全排查",
        ["省教育厅规划处"],
        [],
        "2014-06",
    )


def test_sidebar_items_are_duties_on_their_own_page() -> None:
    sb = Sidebar(
        "b1", 2, "融合任务", "s1", 8, [SidebarItem(1, "制定标准体系。", 8), SidebarItem(2, "建立平台。", 9)]
    )
    duties = build_duties(_doc(sidebars=[sb]))
    assert [(d.source, d.number, d.category, d.page) for d in duties] == [
        ("sidebar", "1", "融合任务", 8),
        ("sidebar", "2", "融合任务", 9),
    ]


def test_numbered_task_paragraph_with_inline_owners_and_deadline() -> None:
    outline = [
        OutlineNode("s1", None, 1, "三", "重点任务", 1),
        OutlineNode("s2", "s1", 2, "一", "推进城市更新", 1),
        OutlineNode("s3", "s2", 3, "1", "改造老旧小区", 1, raw="1.改造老旧小区。加快改造。"),
    ]
    text = "加快改造。（牵头单位：市住建局；责任单位：各县（市、区）人民政府，市财政局；完成时限：2023年6月底前）"
    d = build_duties(_doc(outline=outline, paragraphs=[Paragraph("s3", 1, text)]))[0]
    assert (d.source, d.number, d.section, d.category, d.item, d.task) == (
        "text",
        "1",
        "s2",
        "推进城市更新",
        "改造老旧小区",
        "加快改造。",
    )
    assert (d.lead, d.support, d.deadline.end) == (
        ["市住建局"],
        ["各县（市、区）人民政府", "市财政局"],
        "2023-06",
    )


def test_sentence_that_only_mentions_responsible_units_is_not_a_duty() -> None:
    outline = [OutlineNode("s1", None, 1, "二", "重点项目", 1)]
    p = Paragraph("s1", 1, "各地各校要对照下列重点项目，明确责任单位和完成时限，逐项推进落实。")
    assert build_duties(_doc(outline=outline, paragraphs=[p])) == []


def test_split_number_only_takes_dotted_or_punctuated_numbers() -> None:
    assert split_number("1.1.1 依据纲要") == ("1.1.1", "依据纲要")
    assert split_number("2014年完成") == (None, "2014年完成")


def test_lead_marked_with_a_bare_牵头_in_the_support_cell() -> None:
    t = table([["序号", "工作任务", "责任单位"], ["1", "推进改造", "市发改委牵头，市财政局配合"]])
    d = build_duties(_doc([t]))[0]
    assert (d.lead, d.support) == (["市发改委"], ["市财政局"])


def test_a_bracketed_lead_mark_ends_the_lead_list() -> None:
    t = table([["序号", "工作任务", "责任单位"], ["1", "推进改造", "市发改委（牵头）、市财政局"]])
    d = build_duties(_doc([t]))[0]
    assert (d.lead, d.support) == (["市发改委"], ["市财政局"])


def test_numbered_items_directly_under_a_task_section_are_duties_at_any_level() -> None:
    outline = [
        OutlineNode("s1", None, 1, "二", "主要任务", 1),
        OutlineNode("s2", "s1", 2, "一", "推进城市更新", 1, raw="（一）推进城市更新。加快改造。"),
        OutlineNode("s3", "s1", 2, "二", "完善基础设施", 1, raw="（二）完善基础设施。"),
    ]
    paragraphs = [Paragraph("s2", 1, "加快改造。")]
    duties = build_duties(_doc(outline=outline, paragraphs=paragraphs))
    assert [(d.number, d.item, d.task, d.section, d.category) for d in duties] == [
        ("一", "推进城市更新", "加快改造。", "s1", "主要任务"),
        ("二", "完善基础设施", "完善基础设施。", "s1", "主要任务"),
    ]


def test_sections_outside_the_specs_task_names_give_no_numbered_duties() -> None:
    outline = [
        OutlineNode("s1", None, 1, "二", "重点工作", 1),
        OutlineNode("s2", "s1", 2, "一", "严格能耗强度控制", 1, raw="（一）严格能耗强度控制。"),
    ]
    assert build_duties(_doc(outline=outline, paragraphs=[Paragraph("s2", 1, "分解目标。")])) == []
