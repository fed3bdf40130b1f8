"""Duty records from responsibility tables, sidebars and numbered task paragraphs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.duties import _whole_sentences, build_duties, split_number
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


@given(st.integers(1, 99), st.sampled_from(["（{}）", "({})", "（ {} ）", "{}.", "{}．", "{}、"]))
def test_a_task_cell_keeps_its_number_in_every_marker_form(n: int, marker: str) -> None:
    """``（3）推进…`` in a task column kept its marker in the task and gave no number."""
    assert split_number(marker.format(n) + "推进改造") == (str(n), "推进改造")


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
        ("一", "推进城市更新", "加快改造。", "s2", "主要任务"),
        ("二", "完善基础设施", "完善基础设施。", "s3", "主要任务"),
    ]


def test_a_task_sections_heading_without_items_is_its_own_section_and_an_item_belongs_to_its_heading() -> (
    None
):
    """A （N） of 重点任务 with its text and no 1. items under it is one duty whose section is the （N） itself
    (the real moa truth; generated gen_html_01/02/06/09, gen_docx_yanglao_shaded, gen_docx_yingshang_sidebars
    scored 0 with the parent 重点任务 as section); a 1. item under a （N） belongs to the （N） (sample 002)."""
    outline = [
        OutlineNode("s1", None, 1, "三", "重点任务", 1),
        OutlineNode("s2", "s1", 2, "一", "推动工业领域节能降碳", 1),
        OutlineNode("s3", "s1", 2, "二", "推进建筑领域节能降碳", 1),
        OutlineNode("s4", "s3", 3, "1", "执行绿色建筑标准", 1),
    ]
    paragraphs = [Paragraph("s2", 1, "严格落实产能置换政策。"), Paragraph("s4", 1, "全面执行标准。")]
    duties = build_duties(_doc(outline=outline, paragraphs=paragraphs))
    assert [(d.number, d.section, d.category, d.item, d.lead, d.deadline) for d in duties] == [
        ("一", "s2", "重点任务", "推动工业领域节能降碳", [], None),
        ("1", "s3", "推进建筑领域节能降碳", "执行绿色建筑标准", [], None),
    ]


def test_a_date_with_a_by_word_inside_the_task_is_its_deadline() -> None:
    """No 完成时限 column or label: ``2024年10月前`` inside a table row's task (generated gen_docx_wenlv_three)
    and ``应在2026年底前退出`` inside a numbered paragraph (real moa) are the deadline, the sentence kept whole;
    a target year (``到2025年``) is none."""
    t = table(
        [["序号", "工作任务", "牵头单位"], ["5", "优化支付服务，2024年10月前重点景区实现全覆盖", "省商务厅"]]
    )
    outline = [
        OutlineNode("s1", None, 1, "二", "主要任务", 1),
        OutlineNode("s2", "s1", 2, "一", "加快退坡退出", 2),
        OutlineNode("s3", "s1", 2, "二", "推进节能", 2),
    ]
    paragraphs = [
        Paragraph("s2", 2, "要退出补贴范围的，应在2026年底前退出。"),
        Paragraph("s3", 2, "到2025年完成改造。"),
    ]
    duties = build_duties(_doc([t], outline=outline, paragraphs=paragraphs))
    got = [(d.task, d.deadline and (d.deadline.raw, d.deadline.end, d.deadline.note)) for d in duties]
    assert got == [
        ("优化支付服务，2024年10月前重点景区实现全覆盖", ("2024年10月前", "2024-10", None)),
        ("要退出补贴范围的，应在2026年底前退出。", ("2026年底前", "2026-12-31", None)),
        ("到2025年完成改造。", None),
    ]


def test_sections_outside_the_specs_task_names_give_no_numbered_duties() -> None:
    outline = [
        OutlineNode("s1", None, 1, "二", "重点工作", 1),
        OutlineNode("s2", "s1", 2, "一", "严格能耗强度控制", 1, raw="（一）严格能耗强度控制。"),
    ]
    assert build_duties(_doc(outline=outline, paragraphs=[Paragraph("s2", 1, "分解目标。")])) == []


def test_an_owned_numbered_item_outside_the_task_sections_is_that_numbered_task() -> None:
    """``二、重点工作`` → ``1.健全…`` with ``（X负责）`` (generated gen_docx_yingji_plain_docno): the owned
    paragraph is the numbered task 1 of its section, not an unnumbered paragraph of its own; the unowned
    items of the same kind stay no duty (sample stress_joint_issuers, generated gen_html_07)."""
    outline = [
        OutlineNode("s1", None, 1, "二", "重点工作", 1),
        OutlineNode("s2", "s1", 2, "1", "健全组织体系", 1),
        OutlineNode("s3", "s1", 2, "2", "加强队伍建设", 1),
    ]
    paragraphs = [
        Paragraph("s2", 1, "明确机构和人员。（各市（州）应急管理局负责）"),
        Paragraph("s3", 1, "组建救援队伍。"),
    ]
    duties = build_duties(_doc(outline=outline, paragraphs=paragraphs))
    assert [(d.number, d.section, d.category, d.item, d.task, d.lead) for d in duties] == [
        ("1", "s1", "重点工作", "健全组织体系", "明确机构和人员。", ["各市（州）应急管理局"])
    ]


def test_owner_and_deadline_lines_under_a_numbered_task_annotate_it() -> None:
    outline = [
        OutlineNode("s1", None, 1, "二", "重点任务", 1),
        OutlineNode("s2", "s1", 3, "1", "完善管理体制", 1),
        OutlineNode("s3", "s1", 3, "2", "建设信息平台", 1),
    ]
    paragraphs = [
        Paragraph("s2", 1, "健全运行机制。"),
        Paragraph("s2", 1, "责任单位：省卫生健康委（牵头），省委编办、省人力社保厅"),
        Paragraph("s2", 1, "完成时限：2024年12月31日前"),
        Paragraph("s3", 1, "统一信息系统。"),
        Paragraph("s3", 1, "牵头单位：省卫生健康委"),
        Paragraph("s3", 1, "配合单位：省大数据局"),
    ]
    duties = build_duties(_doc(outline=outline, paragraphs=paragraphs))
    assert [(d.number, d.task, d.lead, d.support, d.deadline and d.deadline.end) for d in duties] == [
        ("1", "健全运行机制。", ["省卫生健康委"], ["省委编办", "省人力社保厅"], "2024-12-31"),
        ("2", "统一信息系统。", ["省卫生健康委"], ["省大数据局"], None),
    ]


def test_a_responsibility_line_naming_one_unit_under_a_task_names_the_lead() -> None:
    outline = [
        OutlineNode("s1", None, 1, "二", "重点任务", 1),
        OutlineNode("s2", "s1", 3, "1", "提升能力", 1),
    ]
    paragraphs = [Paragraph("s2", 1, "实施提升工程。"), Paragraph("s2", 1, "责任单位：省卫生健康委"),
                  Paragraph("s2", 1, "完成时限：2024年至2025年")]  # fmt: skip
    d = build_duties(_doc(outline=outline, paragraphs=paragraphs))[0]
    assert (d.lead, d.support, d.deadline.start, d.deadline.end) == (["省卫生健康委"], [], "2024", "2025")


def test_group_rows_spanning_a_responsibility_table_are_categories_not_duties() -> None:
    head = ["序号", "重点任务", "牵头单位", "责任单位", "配合单位", "完成时限"]
    t = table(
        [
            head,
            ["一、提升质量基础能力"] * 6,
            [
                "1",
                "新增检验检测中心5个。",
                "市市场监管局",
                "各县（市、区）\n政府",
                "市科技局",
                "2024年12月底前",
            ],
            ["二、强化品牌培育"] * 6,
            ["2", "培育区域公用品牌10个。", "市市场监管局", "市农业农村局", "—", "长期坚持"],
        ],
        merges=[(1, 0, 1, 5), (3, 0, 3, 5)],
    )
    duties = build_duties(_doc([t]))
    assert [(d.number, d.category, d.lead, d.support) for d in duties] == [
        ("1", "提升质量基础能力", ["市市场监管局"], ["各县（市、区）政府", "市科技局"]),
        ("2", "强化品牌培育", ["市市场监管局"], ["市农业农村局"]),
    ]


def test_group_row_in_the_task_column_without_owners_is_a_category() -> None:
    t = table(
        [
            ["序号", "工作任务", "责任单位", "完成时限"],
            ["", "（一）摸底调查", "", ""],
            ["1", "开展摸底。", "市民政局", "2024年6月底前"],
        ]
    )
    duties = build_duties(_doc([t]))
    assert [(d.category, d.task, d.lead) for d in duties] == [("摸底调查", "开展摸底。", ["市民政局"])]


def test_a_co_support_column_adds_its_units_after_the_responsible_ones() -> None:
    t = table(
        [
            ["序号", "改革事项", "具体任务", "责任单位", "配合单位", "完成时限"],
            [
                "1",
                "优化开办",
                "一网通办。",
                "市市场监管局（牵\n头），市政务服务\n数据管理局",
                "市公安局、市税务\n局",
                "2023年6月\n底前",
            ],
            ["2", "优化开办", "一照通办。", "市市场监管局", "市政务服务数据管\n理局", "2023年6月\n底前"],
        ],
        merges=[(1, 1, 2, 1)],
    )
    duties = build_duties(_doc([t]))
    assert [(d.category, d.item, d.task, d.lead, d.support) for d in duties] == [
        ("优化开办", None, "一网通办。", ["市市场监管局"], ["市政务服务数据管理局", "市公安局", "市税务局"]),
        ("优化开办", None, "一照通办。", ["市市场监管局"], ["市政务服务数据管理局"]),
    ]


def test_a_first_task_column_before_the_detailed_one_is_the_category() -> None:
    t = table(
        [
            ["序号", "重点任务", "具体举措", "责任单位", "完成时限"],
            [
                "1",
                "做强数字产业",
                "招引重大项目",
                "市科技局（牵头）、市经济\n和信息化局（牵头），市财\n政局",
                "2025年",
            ],
        ]
    )
    d = build_duties(_doc([t]))[0]
    assert (d.category, d.task, d.lead, d.support) == (
        "做强数字产业",
        "招引重大项目",
        ["市科技局", "市经济和信息化局"],
        ["市财政局"],
    )


def test_table_text_read_as_running_lines_gives_no_owned_paragraph() -> None:
    """An undetected table's cells read line by line (generated gen_docx_shuili_outer): a （牵头） mark among
    cut words names pieces no owner list holds (digits, one character, a bare 各市)."""
    outline = [OutlineNode("s1", None, 1, "一", "工作安排", 1)]
    garbled = [
        "2024年6 1划，明确城乡供水一体化、规模化处（牵头），各市",
        "盖，县级水质检测中心达标运行处（牵头），省卫",
    ]
    paragraphs = [Paragraph("s1", 1, t) for t in garbled]
    assert build_duties(_doc(outline=outline, paragraphs=paragraphs)) == []


def test_an_unnumbered_paragraph_with_an_owner_annotation_is_still_a_duty() -> None:
    outline = [OutlineNode("s1", None, 1, "一", "工作安排", 1)]
    p = Paragraph("s1", 1, "改造燃气管网。（市城管局牵头，市妇联、佛山海关配合）")
    (d,) = build_duties(_doc(outline=outline, paragraphs=[p]))
    assert (d.lead, d.support, d.task) == (["市城管局"], ["市妇联", "佛山海关"], "改造燃气管网。")


def test_owner_lines_tied_by_为_under_a_numbered_task_annotate_it() -> None:
    outline = [OutlineNode("s1", None, 1, "二", "重点任务", 1), OutlineNode("s2", "s1", 3, "1", "完善管理体制", 1)]
    paragraphs = [
        Paragraph("s2", 1, "健全运行机制。"),
        Paragraph("s2", 1, "省卫生健康委为牵头单位，省委编办、省人力社保厅为配合单位。"),
        Paragraph("s2", 1, "完成时限为2024年12月31日前。"),
    ]
    (d,) = build_duties(_doc(outline=outline, paragraphs=paragraphs))
    assert (d.task, d.lead, d.support, d.deadline.end) == (
        "健全运行机制。", ["省卫生健康委"], ["省委编办", "省人力社保厅"], "2024-12-31")  # fmt: skip


def test_a_numbered_task_cut_mid_sentence_across_paragraphs_runs_to_its_sentence_end() -> None:
    """The real moa scan: OCR line ends cut one printed paragraph into several (``…按照加快满足农业生`` |
    ``产急需要求…纳入“优机”`` | ``评价范畴…。``); the task was its first piece only."""
    outline = [OutlineNode("s1", None, 1, "二", "主要任务", 1), OutlineNode("s2", "s1", 3, "1", "完善评选制度", 1)]
    pieces = ["按照加快满足农业生", "产急需要求，纳入“优机”", "评价范畴，适当放宽条件。"]
    paragraphs = [Paragraph("s2", 1, p) for p in pieces] + [Paragraph("s2", 1, "另行制定细则。")]
    duties = build_duties(_doc(outline=outline, paragraphs=paragraphs))
    assert [d.task for d in duties] == ["".join(pieces)]


def test_a_paragraph_ending_in_an_owner_bracket_or_a_colon_is_not_continued() -> None:
    """gen_rl_06 / gen_html_08: ``…装备。（市工业和信息化局牵头）`` and a lead-in ``…分工如下：`` end there."""
    outline = [OutlineNode("s1", None, 1, "二", "主要任务", 1), OutlineNode("s2", "s1", 3, "1", "推动改造", 1)]
    paragraphs = [Paragraph("s2", 1, "实施转型行动。（市工业和信息化局牵头）"), Paragraph("s2", 1, "组织实施一批项目。")]
    (d,) = build_duties(_doc(outline=outline, paragraphs=paragraphs))
    assert (d.task, d.lead) == ("实施转型行动。", ["市工业和信息化局"])


def test_a_caption_printed_as_the_first_row_of_a_responsibility_table_is_no_header() -> None:
    """``重点任务责任分工表`` spanning the table, read as (part of) its header, made every column a 责任 column
    (or the column names the first duty); the header is the row under it, whether or not the finder counted
    the caption among the header rows."""
    rows = [["重点任务责任分工表"] * 4, ["序号", "重点任务", "责任单位", "完成时限"],
            ["1", "推进改造", "市教育局（牵头），市财政局", "2024年底前"]]  # fmt: skip
    for header_rows in (0, 1, 2):
        duties = build_duties(_doc([table(rows, merges=[(0, 0, 0, 3)], header_rows=header_rows)]))
        assert [(d.number, d.task, d.lead, d.support, d.deadline.end) for d in duties] == [
            ("1", "推进改造", ["市教育局"], ["市财政局"], "2024-12-31")
        ]


def test_numbered_items_ending_without_punctuation_are_not_joined_into_one_task() -> None:
    """``1.建立健全工作机制`` | ``2.强化监督考核`` | ``3.加大资金投入``: each stops on a character, yet the next
    opens with a list marker, so each is a task of its own (they were one ``1.…2.…3.…`` task)."""
    outline = [OutlineNode("s1", None, 1, "二", "主要任务", 1), OutlineNode("s2", "s1", 2, "一", "完善机制", 1)]
    items = ["1.建立健全工作机制", "2.强化监督考核", "3.加大资金投入"]
    paragraphs = [Paragraph("s2", 1, t) for t in items]
    assert [p.text for p in _whole_sentences(paragraphs)] == items
    tasks = [d.task for d in build_duties(_doc(outline=outline, paragraphs=paragraphs))]
    assert tasks == ["1.建立健全工作机制"]


def test_an_indented_first_line_after_a_piece_ending_on_a_character_opens_a_paragraph() -> None:
    """A paragraph whose first line stands indented from the page's left margin starts one of its own, even
    after a paragraph ending without punctuation (a title-like line); a flush-left piece continues."""
    outline = [OutlineNode("s1", None, 1, "二", "主要任务", 1), OutlineNode("s2", "s1", 3, "1", "完善制度", 1)]
    paragraphs = [
        Paragraph("s2", 1, "按照加快满足农业生", (100.0, 100, 500, 112)),
        Paragraph("s2", 1, "产急需要求，完善评价体系", (76.0, 114, 500, 126)),
        Paragraph("s2", 1, "另行制定细则。", (100.0, 128, 300, 140)),
    ]
    tasks = [d.task for d in build_duties(_doc(outline=outline, paragraphs=paragraphs))]
    assert tasks == ["按照加快满足农业生产急需要求，完善评价体系"]
