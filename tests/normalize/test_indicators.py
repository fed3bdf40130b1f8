"""Indicator records from indicator tables (year columns) and requirement tables (序号/要求)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.indicators import build_indicators, column_roles
from table_builders import table

from policy_extract.core.model import Document, Meta, Source


def _doc(*tables, date: str = "2021-11-30") -> Document:
    return Document(source=Source("x.pdf", "0", 1), meta=Meta(date=date), tables=list(tables))


def test_year_columns_read_from_header_text_with_baseline_words() -> None:
    t = table(
        [
            ["类别", "指标", "2020年基础值", "2025年", "年均增长", "属性"],
            ["经济", "GDP（亿元）", "100", "150", "8%", "预期性"],
        ]
    )
    roles = column_roles(t, 2021)
    assert (roles.group, roles.name, roles.attribute) == (0, 1, 5)
    assert [(y.year, y.kind) for y in roles.years] == [(2020, "baseline"), (2025, "target"), (None, "target")]


def test_past_year_without_baseline_word_is_a_baseline_for_the_documents_year() -> None:
    t = table([["指标", "2020年", "2023年"], ["a", "1", "2"]])
    assert [y.kind for y in column_roles(t, 2022).years] == ["baseline", "target"]


def test_past_mid_term_year_after_the_baseline_is_a_target() -> None:
    """A 2023 plan's ``2020年（基期） | 2022年 | 2025年目标`` (generated: gen_rl_02_grain_plain,
    gen_html_02_nongye_threeline; sample 000: 2020年基础指数 | 2022年 in a 2021 plan): only the baseline column
    is a baseline, the past 2022 column is the mid-term target."""
    t = table([["指标", "2020年（基期）", "2022年", "2025年目标"], ["a", "1", "2", "3"]])
    assert [(y.year, y.kind) for y in column_roles(t, 2023).years] == [
        (2020, "baseline"), (2022, "target"), (2025, "target")
    ]  # fmt: skip
    unnamed = table([["指标", "2020年", "2022年", "2025年"], ["a", "1", "2", "3"]])
    assert [y.kind for y in column_roles(unnamed, 2023).years] == ["baseline", "target", "target"]


@given(st.lists(st.integers(2010, 2030), min_size=1, max_size=4, unique=True), st.integers(2010, 2030))
def test_at_most_the_earliest_year_column_is_a_dated_baseline(years: list[int], doc_year: int) -> None:
    t = table([["指标", *(f"{y}年" for y in years)], ["a", *("1" for _ in years)]])
    kinds = {y.year: y.kind for y in column_roles(t, doc_year).years}
    assert [y for y, k in kinds.items() if k == "baseline"] == ([min(years)] if min(years) < doc_year else [])


def test_merged_value_cell_gives_a_value_for_every_year_it_covers() -> None:
    t = table(
        [
            ["项目", "2020年", "2022年", "2025年"],
            ["投入增长率（%）", "60万元", "每年递增 20%", "每年递增 20%"],
        ],
        merges=[(1, 2, 1, 3)],
    )
    ind = build_indicators(_doc(t))[0]
    assert (ind.name, ind.unit) == ("投入增长率", "%")
    assert [(v.year, v.op, v.value, v.unit) for v in ind.values] == [
        (2020, "=", 60, "万元"),
        (2022, "increase_by", 20, "%"),
        (2025, "increase_by", 20, "%"),
    ]


def test_group_row_spanning_all_columns_names_the_group_below() -> None:
    t = table(
        [["指标", "2025年"], ["一、产品质量", "一、产品质量"], ["合格率（%）", "≥95"]], merges=[(1, 0, 1, 1)]
    )
    ind = build_indicators(_doc(t))[0]
    assert (ind.group, ind.name, ind.values[0].op, ind.values[0].value) == (
        "一、产品质量",
        "合格率",
        ">=",
        95,
    )


def test_unit_column_wins_over_no_unit_in_the_name() -> None:
    t = table([["指标", "单位", "2025年"], ["污水处理率", "%", "95"]])
    assert build_indicators(_doc(t))[0].values[0].unit == "%"


def test_requirement_table_row_with_two_indicators() -> None:
    t = table([["序号", "要 求"], ["1", "城市区域环境噪声≤56dB(A),城市道路交通噪声≤68dB(A)。"]])
    inds = build_indicators(_doc(t, date="2014-11-23"))
    assert [(i.row, i.name, i.values[0].op, i.values[0].value, i.values[0].unit) for i in inds] == [
        (1, "城市区域环境噪声", "<=", 56, "dB(A)"),
        (1, "城市道路交通噪声", "<=", 68, "dB(A)"),
    ]


def test_responsibility_table_gives_no_indicators() -> None:
    t = table([["序号", "目标内容", "完成时限", "牵头单位"], ["1", "制定规划", "2014年12月31日", "区发改委"]])
    assert build_indicators(_doc(t)) == []


def test_full_width_year_headers_are_year_columns() -> None:
    t = table([["指标", "２０２０年", "２０２５年"], ["覆盖率（％）", "３０", "≥３５"]])
    ind = build_indicators(_doc(t))[0]
    assert [(v.year, v.kind, v.op, v.value) for v in ind.values] == [
        (2020, "baseline", "=", 30),
        (2025, "target", ">=", 35),
    ]


def test_a_period_header_is_judged_by_its_end_year() -> None:
    t = table([["指标", "2021-2025年累计"], ["能耗下降（%）", "累计下降13.5%"]])
    v = build_indicators(_doc(t))[0].values[0]
    assert (v.year, v.kind, v.op, v.value) == (2025, "target", "decrease_by", 13.5)


_CAPTION_ROWS = [
    ["水利发展主要指标", "", "", ""],
    ["指标", "2020年（基期）", "2025年目标", "属性"],
    ["用水总量（亿立方米）", "62.3", "控制在68以内", "约束性"],
]


def test_caption_row_spanning_all_columns_is_the_title_not_the_header() -> None:
    t = table(_CAPTION_ROWS, merges=[(0, 0, 0, 3)], header_rows=2)
    (ind,) = build_indicators(_doc(t))
    assert (ind.name, ind.unit, ind.attribute, ind.row) == ("用水总量", "亿立方米", "约束性", 2)
    assert [(v.year, v.kind, v.op, v.value) for v in ind.values] == [
        (2020, "baseline", "=", 62.3),
        (2025, "target", "<=", 68),
    ]


def test_header_found_by_its_grammar_where_the_finder_saw_none() -> None:
    t = table(_CAPTION_ROWS, merges=[(0, 0, 0, 3)], header_rows=0)
    assert [i.name for i in build_indicators(_doc(t))] == ["用水总量"]


def test_table_without_a_header_grammar_gives_no_indicators() -> None:
    t = table([["事项", "2020年", "x"], ["a", "1", "2"]], header_rows=0)
    t2 = table([["说明", "内容"], ["2020年", "1"]], header_rows=0)
    assert build_indicators(_doc(t, t2)) == []


def test_plan_period_end_column_is_that_plans_last_year() -> None:
    t = table([["指标", "2020年", "“十四五”末", "2021—2025年累计"], ["a（个）", "1", "2", "[3]"]])
    roles = column_roles(t, 2021)
    assert [(y.year, y.kind) for y in roles.years] == [(2020, "baseline"), (2025, "target"), (2025, "target")]


def test_code_with_year_digits_in_a_key_value_table_is_not_a_year_column() -> None:
    t = table(
        [["项目名称", "某服务", "项目编号", "TQJG20250123FW0002"], ["项目类型", "服务类", "采购方式", "询价"]]
    )
    assert build_indicators(_doc(t)) == []


def test_attribute_read_in_any_cell_form() -> None:
    rows = [["指标", "2025年", "属性"]] + [[f"a{i}（个）", "1", f] for i, f in enumerate(
        ["约束性", "约 束 性", "[预期性]", "预期性指标", "约束", "—"])]  # fmt: skip
    got = [i.attribute for i in build_indicators(_doc(table(rows)))]
    assert got == ["约束性", "约束性", "预期性", "预期性", "约束性", None]


def test_a_requirement_table_with_its_caption_as_first_row_reads_the_header_under_it() -> None:
    """A 序号 | 要求 table whose caption (``专项治理主要目标``) is printed as its own first row gave no
    indicators: its header was read as ``专项治理主要目标 序号``."""
    rows = [["专项治理主要目标"] * 2, ["序号", "要求"], ["1", "专项施工方案专家论证率达到100%。"]]
    for header_rows in (0, 1, 2):
        inds = build_indicators(_doc(table(rows, merges=[(0, 0, 0, 1)], header_rows=header_rows)))
        assert [(i.row, i.name, i.values[0].op, i.values[0].value) for i in inds] == [
            (2, "专项施工方案专家论证率", ">=", 100)
        ]


@given(st.sampled_from(["", "到2025年，", "年内，", "全市，", "力争", "“十四五”期间，"]),
       st.sampled_from(["实现乡镇污水处理设施全覆盖", "基本建成覆盖城乡的公共服务体系", "确保不发生较大生产安全事故"]),
       st.sampled_from(["推广公交电子站牌和实时到站查询服务，", "依托市心理健康教育指导中心，建立区域心理辅导站，",
                        "统一医共体内电子病历等信息系统，"]))  # fmt: skip
def test_a_state_predicate_after_an_action_clause_is_a_task_not_a_target(
        adverbial: str, state: str, action: str) -> None:
    """``推广公交电子站牌和实时到站查询服务，实现中心城区主要站点全覆盖`` in a 序号 | 要求 table was a
    qualitative target: the state predicate was searched anywhere in the sentence.  After a clause that acts
    the state is its purpose (a task, as gen_docx_jiaotong_threeline and gen_docx_jiaoyu_header print such
    rows in their responsibility tables); after time, territory or aim words it is the sentence's target."""
    aimed = table([["序号", "要求"], ["1", adverbial + state + "。"]])
    assert [i.values[0].text.endswith(state) for i in build_indicators(_doc(aimed))] == [True]
    acting = table([["序号", "要求"], ["1", action + state + "。"]])
    assert build_indicators(_doc(acting)) == []
