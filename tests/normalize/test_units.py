"""Examples of unit canonicalization and trailing-unit splitting, plus properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.units import canonical_unit, split_name_unit
from text_strategies import CJK_TEXT

from policy_extract.core.vocabulary import COUNTING_UNITS, UNIT_SYMBOLS


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
        ("户", "户"), ("条", "条"), ("人次", "人次"), ("次/年", "次/年"), ("个百分点", "百分点"),
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
