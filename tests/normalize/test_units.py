"""Examples of unit canonicalization and trailing-unit splitting, plus properties."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from policy_extract.normalize.units import canonical_unit, split_name_unit
from text_strategies import CJK_TEXT

from policy_extract.core.vocabulary import (
    COUNTING_UNITS,
    MEASURE_UNITS,
    UNIT_MAGNITUDES,
    UNIT_QUALIFIERS,
    UNIT_SYMBOLS,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("%", "%"), ("％", "%"), ("‰", "‰"),
        ("微克/立方米", "μg/m³"), ("微克／立方米", "μg/m³"), ("ug/m3", "μg/m³"), ("μg/m3", "μg/m³"),
        ("分贝", "dB(A)"), ("dB（A）", "dB(A)"), ("dB(A)", "dB(A)"),
        ("平方米", "m²"), ("㎡", "m²"), ("m2", "m²"),
        ("公里", "km"), ("千米", "km"),
        ("个", "个"), ("家", "家"), ("项", "项"), ("名", "名"), ("人", "人"), ("天", "天"), ("次", "次"),
        ("元", "元"), ("万元", "万元"), ("亿元", "亿元"), ("所", "所"), ("座", "座"), ("件", "件"),
        ("户", "户"), ("条", "条"), ("人次", "人次"), ("次/年", "次/年"), ("个百分点", "个百分点"),
        ("（个）", "个"), ("单位：万元", "万元"),
        ("PM2.5", None), ("GMP", None), ("III类", None), ("合格率", None), ("", None),
    ],
)  # fmt: skip
def test_canonical_unit(text: str, expected: str | None) -> None:
    assert canonical_unit(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("制造业产品质量合格率 (%)", ("制造业产品质量合格率", "%")),
        ("生态示范社区 (个)", ("生态示范社区", "个")),
        ("质量安全受权人数 (名)", ("质量安全受权人数", "名")),
        ("“质量强区”工作财政投入递增率（%）", ("“质量强区”工作财政投入递增率", "%")),
        ("财政投入（万元）", ("财政投入", "万元")),
        ("空气中颗粒物（PM2.5）", ("空气中颗粒物（PM2.5）", None)),
        ("药品生产质量管理规范（GMP）", ("药品生产质量管理规范（GMP）", None)),
        (
            "新开工保障房受监工程覆盖率（施工许可、报监等开工前手续齐全率）",
            ("新开工保障房受监工程覆盖率（施工许可、报监等开工前手续齐全率）", None),
        ),
        ("各类质量奖获得数", ("各类质量奖获得数", None)),
    ],
)
def test_split_name_unit(name: str, expected: tuple[str, str | None]) -> None:
    assert split_name_unit(name) == expected


CANONICAL = sorted({*UNIT_SYMBOLS.values(), *COUNTING_UNITS})


@pytest.mark.parametrize("unit", CANONICAL)
def test_canonical_unit_is_a_fixed_point(unit: str) -> None:
    assert canonical_unit(unit) == unit


@given(CJK_TEXT)
def test_never_raises_and_idempotent(text: str) -> None:
    unit = canonical_unit(text)
    assert unit is None or canonical_unit(unit) == unit
    name, unit = split_name_unit(text)
    assert text.startswith(name)


@given(st.sampled_from(CANONICAL), st.sampled_from(["(", "（", " (", " （"]))
def test_split_name_unit_round_trip(unit: str, bracket: str) -> None:
    close = ")" if "(" in bracket else "）"
    assert split_name_unit(f"合格率{bracket}{unit}{close}") == ("合格率", unit)


# Units by their form, not by a closed list: magnitude × base × qualifier × per-unit, in any bracket.
_BASES = st.sampled_from(sorted({*COUNTING_UNITS, *MEASURE_UNITS}))
_MAGS = st.sampled_from(["", *UNIT_MAGNITUDES])
_BRACKETS = st.sampled_from([("(", ")"), ("（", "）"), (" (", ")"), (" （", "）")])


@given(_MAGS, _BASES, st.sampled_from(["", *UNIT_QUALIFIERS]), _BRACKETS)
def test_bracketed_unit_of_any_magnitude_moves_to_unit(mag: str, base: str, qual: str, br: tuple[str, str]) -> None:
    unit = f"{mag}{base}{qual}"
    name, got = split_name_unit(f"新增面积{br[0]}{unit}{br[1]}")
    assert name == "新增面积"
    assert got == canonical_unit(unit) is not None


@given(_MAGS, _BASES, _MAGS, _BASES)
def test_compound_unit_with_a_per_unit_is_one_unit(m1: str, b1: str, m2: str, b2: str) -> None:
    assert canonical_unit(f"{m1}{b1}/{m2}{b2}") is not None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("能源消费总量（万吨标准煤）", ("能源消费总量", "万吨标准煤")),
        ("煤炭消费比重下降（个百分点）", ("煤炭消费比重下降", "个百分点")),
        ("粮食产量（亿斤）", ("粮食产量", "亿斤")),
        ("农村居民人均可支配收入（元/人）", ("农村居民人均可支配收入", "元/人")),
        ("新增治理面积（公顷）", ("新增治理面积", "公顷")),
        ("用水总量（亿立方米）", ("用水总量", "亿立方米")),
        ("供水能力（万立方米/日）", ("供水能力", "万立方米/日")),
        ("孕产妇死亡率（1/10万）", ("孕产妇死亡率", "1/10万")),
        ("每千人口执业（助理）医师数（人）", ("每千人口执业（助理）医师数", "人")),
        ("细颗粒物（PM2.5）年均浓度", ("细颗粒物（PM2.5）年均浓度", None)),
        ("每千人口执业（助理）医师数", ("每千人口执业（助理）医师数", None)),
        ("评价得分（十分）", ("评价得分（十分）", None)),
    ],
)  # fmt: skip
def test_units_beyond_any_list_recognised_by_form_name_brackets_stay(name: str, expected: tuple) -> None:
    assert split_name_unit(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("省际出口带宽（Gbps）", ("省际出口带宽", "Gbps")),  # generated gen_html_06_shuzi_frame_norepeat
        ("数据中心算力规模（EFLOPS）", ("数据中心算力规模", "EFLOPS")),  # generated gen_rl_06
        ("数据中心标准机架数（万架）", ("数据中心标准机架数", "万架")),  # gen_html_06
        ("货物周转量（亿吨公里）", ("货物周转量", "亿吨公里")),
        ("地区生产总值（GDP）", ("地区生产总值（GDP）", None)),
        ("细颗粒物（PM2.5）", ("细颗粒物（PM2.5）", None)),
    ],
)
def test_latin_units_by_prefix_and_base_name_abbreviations_stay(name: str, expected: tuple) -> None:
    assert split_name_unit(name) == expected


@given(
    st.sampled_from(["k", "M", "G", "T", "P", "E"]),
    st.sampled_from(["bps", "FLOPS", "Wh", "W", "B", "Hz"]),
    st.sampled_from([("（", "）"), ("(", ")"), ("（", ")")]),
)
def test_a_prefixed_latin_unit_in_brackets_moves_to_unit_as_written(prefix: str, base: str, br) -> None:
    assert split_name_unit(f"装机容量{br[0]}{prefix}{base}{br[1]}") == ("装机容量", prefix + base)


@given(st.text(alphabet="ACDGINPRSUX", min_size=2, max_size=5))
def test_capital_abbreviations_without_a_unit_base_stay_in_the_name(abbr: str) -> None:
    """GDP, CPI, R&D-style abbreviations: no letters a base unit ends in, so no unit."""
    assert split_name_unit(f"增加值（{abbr}）") == (f"增加值（{abbr}）", None)


@given(_MAGS, _BASES, st.lists(st.tuples(_MAGS, _BASES), min_size=1, max_size=2), _BRACKETS)
def test_a_chain_of_per_units_is_one_unit(mag: str, base: str, pers: list[tuple[str, str]], br) -> None:
    """``住宿标准（元/人/天）`` (real zj_jxt_future_factory_notice_2025), ``公路密度（公里/百平方公里）``: a unit
    with two per-units stayed in the name."""
    unit = mag + base + "".join(f"/{m}{b}" for m, b in pers)
    assume(len(unit) <= 16)  # a name's trailing bracket holds a unit of up to 16 characters
    assert split_name_unit(f"住宿标准{br[0]}{unit}{br[1]}") == ("住宿标准", canonical_unit(unit))
    assert canonical_unit(unit) is not None


@pytest.mark.parametrize(
    ("written", "unit"), [("公里", "km"), ("千米", "km"), ("万公里", "万公里"), ("公里/百平方公里", "公里/百平方公里")]
)
def test_km_alone_is_the_symbol_and_with_a_magnitude_stays_as_written(written: str, unit: str) -> None:
    """公里 is SPEC's ``km``; ``铁路营业里程（万公里）`` kept 万公里 in the name (no magnitude before a symbol)."""
    assert canonical_unit(written) == unit
