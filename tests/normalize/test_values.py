"""Examples of cell values and requirement sentences, plus properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.values import ParsedIndicator, parse_requirement, parse_values
from text_strategies import CJK_TEXT

from policy_extract.core.vocabulary import REQUIREMENT_SCOPE_PREFIXES, VALUE_OP_WORDS

V = tuple[str | None, float | None, float | None, str | None, str | None, int | None, str | None]
"""(op, value, value_max, unit, scope, base_year, text) of one parsed value."""


def _facts(text: str, unit: str | None = None) -> list[V]:
    return [
        (v.op, v.value, v.value_max, v.unit, v.scope, v.base_year, v.text)
        for v in parse_values(text, unit=unit)
    ]


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("78", None, [("=", 78, None, None, None, None, None)]),
        ("97.5%", "%", [("=", 97.5, None, "%", None, None, None)]),
        ("１００％", None, [("=", 100, None, "%", None, None, None)]),
        ("≥90", "%", [(">=", 90, None, "%", None, None, None)]),
        ("＞5", None, [(">", 5, None, None, None, None, None)]),
        ("≤56dB(A)", None, [("<=", 56, None, "dB(A)", None, None, None)]),
        ("<3", None, [("<", 3, None, None, None, None, None)]),
        ("3—5个", None, [("range", 3, 5, "个", None, None, None)]),
        ("3-5", None, [("range", 3, 5, None, None, None, None)]),
        ("3～5", None, [("range", 3, 5, None, None, None, None)]),
        ("3至5", None, [("range", 3, 5, None, None, None, None)]),
        ("[5.5]", "%", [("=", 5.5, None, "%", None, None, None)]),
        ("达到100%", None, [(">=", 100, None, "%", None, None, None)]),
        ("不低于85%", None, [(">=", 85, None, "%", None, None, None)]),
        ("不少于5项", None, [(">=", 5, None, "项", None, None, None)]),
        ("95%以上", None, [(">=", 95, None, "%", None, None, None)]),
        ("超过30%", None, [(">", 30, None, "%", None, None, None)]),
        ("大于80%", None, [(">", 80, None, "%", None, None, None)]),
        ("高于90%", None, [(">", 90, None, "%", None, None, None)]),
        ("45微克/立方米以下", None, [("<=", 45, None, "μg/m³", None, None, None)]),
        ("不高于5", None, [("<=", 5, None, None, None, None, None)]),
        ("不超过10家", None, [("<=", 10, None, "家", None, None, None)]),
        ("控制在8%以内", None, [("<=", 8, None, "%", None, None, None)]),
        ("低于3%", None, [("<", 3, None, "%", None, None, None)]),
        ("小于1‰", None, [("<", 1, None, "‰", None, None, None)]),
        ("累计下降13.5%", None, [("decrease_by", 13.5, None, "%", None, None, None)]),
        ("在2010年基础上削减14.8%", None, [("decrease_by", 14.8, None, "%", None, 2010, None)]),
        ("比2020年下降5.5%以上", None, [("decrease_by", 5.5, None, "%", None, 2020, None)]),
        ("每年在上一年度基础上递增 20%", "%", [("increase_by", 20, None, "%", None, None, None)]),
        ("年均增长8%", None, [("increase_by", 8, None, "%", None, None, None)]),
        ("60万元", "%", [("=", 60, None, "万元", None, None, None)]),  # the cell's unit wins
        ("1.5万", "人", [("=", 1.5, None, "万人", None, None, None)]),
        ("三个", None, [("=", 3, None, "个", None, None, None)]),
        ("百分之八十", None, [("=", 80, None, "%", None, None, None)]),
        ("国家: 93.86%", "%", [("=", 93.86, None, "%", "国家", None, None)]),
        (
            "国家: 1 省市级: 2",
            None,
            [("=", 1, None, None, "国家", None, None), ("=", 2, None, None, "省市级", None, None)],
        ),
        (
            "国家：0 省市级：0",
            None,
            [("=", 0, None, None, "国家", None, None), ("=", 0, None, None, "省市级", None, None)],
        ),
        (
            "国家: 0省市级: 0",
            None,
            [("=", 0, None, None, "国家", None, None), ("=", 0, None, None, "省市级", None, None)],
        ),
        ("略高于国家指数", "%", [(None, None, None, None, None, None, "略高于国家指数")]),
        ("保持在合理区间", None, [(None, None, None, None, None, None, "保持在合理区间")]),
        ("III类", None, [(None, None, None, None, None, None, "III类")]),
        ("全覆盖", None, [(None, None, None, None, None, None, "全覆盖")]),
        ("一流水平", None, [(None, None, None, None, None, None, "一流水平")]),
        ("--", "%", [(None, None, None, None, None, None, None)]),
        ("—", "%", [(None, None, None, None, None, None, None)]),
        ("－", None, [(None, None, None, None, None, None, None)]),
        ("/", None, [(None, None, None, None, None, None, None)]),
        ("", None, [(None, None, None, None, None, None, None)]),
    ],
)
def test_parse_values(text: str, unit: str | None, expected: list[V]) -> None:
    assert _facts(text, unit) == expected


def test_raw_year_and_kind() -> None:
    (v,) = parse_values("国家: 93.86%", year=2020, kind="baseline", unit="%")
    assert (v.raw, v.year, v.kind) == ("国家: 93.86%", 2020, "baseline")
    assert [v.raw for v in parse_values("国家: 1 省市级: 2")] == ["国家: 1 省市级: 2"] * 2
    (v,) = parse_values("--", year=2020, kind="baseline")
    assert (v.raw, v.year, v.kind, v.op, v.value) == ("--", 2020, "baseline", None, None)


R = list[
    tuple[str, list[tuple[int | None, str, str | None, float | None, str | None, int | None, str | None]]]
]
"""[(name, [(year, kind, op, value, unit, base_year, text), …]), …]"""


def _indicators(found: list[ParsedIndicator]) -> R:
    return [
        (i.name, [(v.year, v.kind, v.op, v.value, v.unit, v.base_year, v.text) for v in i.values])
        for i in found
    ]


@pytest.mark.parametrize(
    ("sentence", "doc_year", "expected"),
    [
        (
            "农业标准化市场普及率超过 30%。",
            2014,
            [("农业标准化市场普及率", [(None, "target", ">", 30, "%", None, None)])],
        ),
        (
            "大中型工程项目一次验收合格率达到 100%。其他工程一次验收合格率达到 98%以上。",
            2014,
            [
                ("大中型工程项目一次验收合格率", [(None, "target", ">=", 100, "%", None, None)]),
                ("其他工程一次验收合格率", [(None, "target", ">=", 98, "%", None, None)]),
            ],
        ),
        (
            "城市区域环境噪声≤56dB(A),城市道路交通噪声≤68dB(A)",
            2014,
            [
                ("城市区域环境噪声", [(None, "target", "<=", 56, "dB(A)", None, None)]),
                ("城市道路交通噪声", [(None, "target", "<=", 68, "dB(A)", None, None)]),
            ],
        ),
        (
            "空气中颗粒物（PM2.5）浓度，2013 年 108 微克／立方米，2016 年 95 微克／立方米",
            2014,
            [
                (
                    "空气中颗粒物（PM2.5）浓度",
                    [
                        (2013, "baseline", "=", 108, "μg/m³", None, None),
                        (2016, "target", "=", 95, "μg/m³", None, None),
                    ],
                )
            ],
        ),
        (
            "化学需氧量排放总量在 2010 年基础上削减 14.8%",
            2014,
            [("化学需氧量排放总量", [(None, "target", "decrease_by", 14.8, "%", 2010, None)])],
        ),
        (
            "建设 1个中小学生质量教育社会实践基地",
            2014,
            [("中小学生质量教育社会实践基地", [(None, "target", "=", 1, "个", None, None)])],
        ),
        (
            "主要农产品质量安全抽检合格率稳定在 96%以上。",
            2014,
            [("主要农产品质量安全抽检合格率", [(None, "target", ">=", 96, "%", None, None)])],
        ),
        (
            "到2022年底，全省单位生产总值能耗比2020年下降5.5%以上。",
            2022,
            [("单位生产总值能耗", [(2022, "target", "decrease_by", 5.5, "%", 2020, None)])],
        ),
        (
            "新建公共建筑全面执行绿色建筑标准，城镇新建建筑中绿色建筑面积占比达到70%，新建居住建筑节能率不低于75%。",
            2022,
            [
                ("城镇新建建筑中绿色建筑面积占比", [(None, "target", ">=", 70, "%", None, None)]),
                ("新建居住建筑节能率", [(None, "target", ">=", 75, "%", None, None)]),
            ],
        ),
        (
            "质量损失率低于全国平均水平",
            2021,
            [("质量损失率", [(None, "target", None, None, None, None, "低于全国平均水平")])],
        ),
        (
            "建成区水体水环境质量消除 V类水体。",
            2014,
            [("建成区水体水环境质量", [(None, "target", None, None, None, None, "消除 V类水体")])],
        ),
        (
            "力争质量专业技术人员获取职业资格证书。",
            2014,
            [
                (
                    "力争质量专业技术人员获取职业资格证书",
                    [(None, "target", None, None, None, None, "力争质量专业技术人员获取职业资格证书")],
                )
            ],
        ),
    ],
)
def test_parse_requirement(sentence: str, doc_year: int, expected: R) -> None:
    assert _indicators(parse_requirement(sentence, doc_year=doc_year)) == expected


def test_requirement_raw_is_the_clause_without_final_stop() -> None:
    (found,) = parse_requirement("到2022年底，全省单位生产总值能耗比2020年下降5.5%以上。", doc_year=2022)
    assert found.values[0].raw == "到2022年底，全省单位生产总值能耗比2020年下降5.5%以上"
    (found,) = parse_requirement("城镇新建建筑中绿色建筑面积占比达到70%。")
    assert found.values[0].raw == found.raw == "城镇新建建筑中绿色建筑面积占比达到70%"


@given(CJK_TEXT, st.sampled_from([None, "%", "个"]))
def test_never_raise_and_keep_raw(text: str, unit: str | None) -> None:
    values = parse_values(text, unit=unit)
    assert values and all(v.raw == text for v in values)
    for found in parse_requirement(text, doc_year=2020):
        assert all(v.raw in text for v in found.values)


SIMPLE_WORDS = [
    (w, op)
    for op, words in VALUE_OP_WORDS.items()
    for w in words
    if op not in ("increase_by", "decrease_by")
]


@given(
    st.sampled_from([*SIMPLE_WORDS, ("", "=")]),
    st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [
            ("%", "%"),
            ("个", "个"),
            ("微克/立方米", "μg/m³"),
            ("dB(A)", "dB(A)"),
            ("万元", "万元"),
            ("平方米", "m²"),
            ("", None),
        ]
    ),
    st.sampled_from(["", " "]),
)
def test_values_round_trip(word_op: tuple[str, str], number, unit: tuple[str, str | None], gap: str) -> None:
    word, op = word_op
    written, canonical = unit
    (v,) = parse_values(f"{word}{gap}{number:f}{gap}{written}")
    assert (v.op, v.value, v.unit) == (op, float(number), canonical)


@given(st.sampled_from(["递增", "增长", "削减", "下降", "降低"]), st.integers(1, 99), st.integers(2000, 2030))
def test_change_round_trip(word: str, number: int, base: int) -> None:
    (v,) = parse_values(f"在{base}年基础上{word}{number}%")
    op = "increase_by" if word in ("递增", "增长") else "decrease_by"
    assert (v.op, v.value, v.unit, v.base_year) == (op, number, "%", base)


@pytest.mark.parametrize(
    ("sentence", "name", "value"),
    [
        ("5岁以下儿童死亡率控制在4‰以下", "5岁以下儿童死亡率", ("<=", 4, "‰")),
        ("65岁及以上老年人健康管理率达到70%", "65岁及以上老年人健康管理率", (">=", 70, "%")),
        ("3岁以下婴幼儿托位数达到4.5个", "3岁以下婴幼儿托位数", (">=", 4.5, "个")),
    ],
)
def test_age_band_before_the_name_is_part_of_the_name_not_a_value(sentence: str, name: str, value: tuple) -> None:
    (ind,) = parse_requirement(sentence)
    assert ind.name == name
    assert [(v.op, v.value, v.unit) for v in ind.values] == [value]


@given(st.sampled_from(REQUIREMENT_SCOPE_PREFIXES), st.sampled_from(["PM2.5年均浓度", "森林覆盖率", "婴儿死亡率"]))
def test_territory_before_the_name_is_the_sentences_scope_not_the_name(scope: str, name: str) -> None:
    (ind,) = parse_requirement(f"到2025年，{scope}{name}达到60%以上")
    assert ind.name == name
    assert [(v.year, v.op, v.value) for v in ind.values] == [(2025, ">=", 60)]


def test_past_year_before_the_name_is_the_baseline_year_and_the_name_is_kept() -> None:
    (ind,) = parse_requirement("2020年全市森林覆盖率为58%，到2025年达到60%", doc_year=2022)
    assert ind.name == "森林覆盖率"
    assert [(v.year, v.kind, v.op, v.value) for v in ind.values] == [
        (2020, "baseline", "=", 58),
        (2025, "target", ">=", 60),
    ]


@pytest.mark.parametrize(("word", "op"), [("年均增长", "increase_by"), ("年均下降", "decrease_by")])
def test_annual_average_change_is_one_op_word_not_part_of_the_name(word: str, op: str) -> None:
    (ind,) = parse_requirement(f"农村居民人均可支配收入{word}7%左右")
    assert (ind.name, ind.values[0].op, ind.values[0].value) == ("农村居民人均可支配收入", op, 7)


@pytest.mark.parametrize("lead", ["在2020年基础上", "与2020年相比", "较2020年"])
def test_clause_naming_only_the_base_year_gives_it_to_the_changes_after_it(lead: str) -> None:
    found = parse_requirement(f"{lead}，化学需氧量排放总量下降8%，氨氮排放总量下降8%")
    assert [(i.name, i.values[0].op, i.values[0].base_year) for i in found] == [
        ("化学需氧量排放总量", "decrease_by", 2020),
        ("氨氮排放总量", "decrease_by", 2020),
    ]


def test_year_clause_opens_the_raw_of_the_first_indicator_after_it_only() -> None:
    a, b = parse_requirement("到2025年，县域内就诊率达到90%，家庭医生签约服务覆盖率比2020年提高10个百分点", doc_year=2023)
    assert a.values[0].raw == "到2025年，县域内就诊率达到90%"
    assert b.values[0].raw == "家庭医生签约服务覆盖率比2020年提高10个百分点"
    assert (b.values[0].year, b.values[0].base_year, b.values[0].unit) == (2025, 2020, "个百分点")


_NAMES = ["单位GDP能耗", "单位GDP二氧化碳排放", "优良天数比率", "PM2.5平均浓度", "城镇新增就业", "森林覆盖率"]
_TARGETS = [("降低", "decrease_by", "%"), ("达到", ">=", "%"), ("下降", "decrease_by", "%"), ("不低于", ">=", "%"),
            ("控制在", "<=", "%")]  # fmt: skip


@given(
    st.lists(st.sampled_from(_NAMES), min_size=2, max_size=3, unique=True),
    st.lists(st.sampled_from(_TARGETS), min_size=3, max_size=3),
    st.lists(st.integers(1, 99), min_size=3, max_size=3),
)
def test_targets_joined_by_a_dunhao_are_one_indicator_each(names, targets, values) -> None:
    """``单位GDP能耗降低13.5%、单位GDP二氧化碳排放降低18%`` was one indicator named 单位GDP能耗 with both values
    (002's requirement cell ``…齐全率）达到 100%、保障房…合格率达到 100%`` reads as two)."""
    parts = [f"{n}{w}{v}%" for n, (w, _, _), v in zip(names, targets, values, strict=False)]
    found = parse_requirement("、".join(parts) + "。", doc_year=2023)
    assert [(i.name, [(v.op, v.value, v.unit) for v in i.values]) for i in found] == [
        (n, [(op, float(v), u)]) for n, (_, op, u), v in zip(names, targets, values, strict=False)
    ]


@pytest.mark.parametrize(
    "sentence",
    ["5岁以下儿童死亡率、婴儿死亡率分别控制在4‰、3‰以下。", "城乡居民医保参保率、职工医保参保率达到95%、97%。"],
)
def test_names_listed_with_a_dunhao_before_their_values_stay_one_clause(sentence: str) -> None:
    (found,) = parse_requirement(sentence, doc_year=2023)
    assert len(found.values) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "在建项目全面落实安全生产责任制，施工现场关键岗位人员到岗履职。",
        "各地全面推行河长制。",
        "积极争取中央预算内资金支持。",
        "加强居民饮用水水源地保护。",
    ],
)
def test_a_requirement_that_only_says_what_to_do_is_no_indicator(sentence: str) -> None:
    """gen_html_12's row 4 (no value, no aim) gave a qualitative indicator: it is a task, not a target."""
    assert parse_requirement(sentence, doc_year=2023) == []


@given(st.sampled_from(["力争", "争取", "力求"]), st.sampled_from(["质量专业技术人员获取职业资格证书", "获奖企业数量居全国同级城市前列"]))
def test_a_requirement_without_a_value_that_aims_at_something_is_qualitative(aim: str, rest: str) -> None:
    """002's ``力争质量专业技术人员获取职业资格证书。``: a target written in words, its own name and text."""
    (found,) = parse_requirement(f"{aim}{rest}。", doc_year=2014)
    assert (found.name, found.values[0].op, found.values[0].text) == (aim + rest, None, aim + rest)


@pytest.mark.parametrize(
    "sentence",
    [
        "确保不发生较大及以上生产安全事故。",
        "基本建成覆盖城乡的公共服务体系。",
        "实现乡镇污水处理设施全覆盖。",
        "完成可吸入颗粒物（PM10）浓度削减目标。",
    ],
)
def test_a_requirement_naming_a_state_to_reach_without_an_aim_word_is_still_a_target(sentence: str) -> None:
    """A closed list of aim words (力争/争取/力求) decided target vs task: these targets were lost; the
    predicate (实现, 建成, 确保, 完成…目标) names a state to reach, so each is one qualitative record."""
    (found,) = parse_requirement(sentence, doc_year=2023)
    assert (found.values[0].op, found.values[0].text) == (None, sentence.rstrip("。"))


@given(
    st.sampled_from(["", "力争", "争取", "力求"]),
    st.sampled_from(["落实", "推行", "开展", "加强"]),
    st.sampled_from(["安全生产责任制", "中央预算内资金支持", "河长制", "专项治理行动"]),
)
def test_an_action_on_an_object_is_a_task_whatever_aim_word_opens_it(aim: str, verb: str, obj: str) -> None:
    """The grammar decides, not the aim word: ``争取中央预算内资金支持`` acts on an object (a task)."""
    assert parse_requirement(f"{aim}{verb}{obj}。", doc_year=2023) == []
