"""A unit name wrapped right after a bracketed level qualifier (``各县（市）`` / ``区局``) is one name.

What broke: a narrow 责任单位 column printed 各县（市）区局 as ``市公安局，各县（市）`` and ``区局`` on two lines,
and the break read as a separator (two support units, 各县（市） and 区局), because a fragment opening with 各
before a line opening with a level (区) was taken for two names (各镇街 / 区财政局).  The grammar: a fragment
ending in a bracketed level qualifier is still waiting for its head noun, so a next line that opens with a level
not yet in its series (区 after 县（市）) goes on with it; a line ending in a complete unit name (a unit suffix),
a line repeating a level of the series (市 after 县（市）) or a separator at the break makes two names.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.duties import build_duties
from policy_extract.normalize.orgs import parse_annotation, parse_owners, split_units
from policy_extract.normalize.text import join_lines
from table_builders import table

from policy_extract.core.model import Document, Meta, Source

LEVELS = "县市区"
BODIES = ("财政", "教育", "公安", "住建", "卫生健康", "人社", "自然资源", "交通运输")
SUFFIXES = ("局", "委", "办", "厅", "分局", "中心")


@st.composite
def level_series(draw: st.DrawFn) -> tuple[str, str]:
    """``各县（市）`` and a level not in it (区): a qualified fragment and the level that continues it."""
    order = draw(st.permutations(LEVELS))
    inner = order[1] if draw(st.booleans()) else f"{order[1]}、{order[2]}"
    free = [lv for lv in LEVELS if lv not in order[0] + inner]
    stem = f"{draw(st.sampled_from(['各', '']))}{order[0]}（{inner}）"
    return stem, (free[0] if free else "")


NAME = st.builds(lambda lv, body, suffix: lv + body + suffix,
                 st.sampled_from(LEVELS), st.sampled_from(BODIES), st.sampled_from(SUFFIXES))  # fmt: skip
HEAD = st.one_of(
    st.just(""),
    st.builds(lambda body, suffix: body + suffix, st.sampled_from(BODIES), st.sampled_from(SUFFIXES)),
    st.just("人民政府"),
)


@given(level_series(), HEAD, st.lists(NAME, max_size=2), st.sampled_from("、，；"))
def test_a_wrap_after_the_level_qualifier_is_one_name(series, head, before, sep) -> None:
    stem, level = series
    rest = level + (head or "局")
    lines = [sep.join([*before, stem]), rest]
    name = stem + rest
    units = split_units("\n".join(lines))
    assert units[-1] == name
    assert units[:-1] == list(dict.fromkeys(before))
    assert join_lines(lines).endswith(name)  # the joined cell text reads the same one name


@given(level_series(), HEAD)
def test_a_head_noun_after_the_qualifier_is_one_name(series, head) -> None:
    stem, _ = series
    rest = head or "局"
    assert split_units(f"{stem}\n{rest}") == [stem + rest]


@given(level_series(), NAME, st.sampled_from("、，；"), st.booleans())
def test_a_separator_at_the_break_makes_two_names(series, name, sep, at_end) -> None:
    stem, level = series
    rest = level + "人民政府"
    text = f"{stem}{sep}\n{rest}" if at_end else f"{stem}\n{sep}{rest}"
    assert split_units(text) == [stem, rest]


@given(level_series(), st.sampled_from(BODIES), st.sampled_from(SUFFIXES))
def test_a_line_repeating_a_level_of_the_series_starts_a_new_name(series, body, suffix) -> None:
    stem, _ = series
    repeated = stem.lstrip("各")[0]
    assert split_units(f"{stem}\n{repeated}{body}{suffix}") == [stem, f"{repeated}{body}{suffix}"]


@given(NAME, NAME)
def test_a_line_ending_in_a_complete_unit_name_before_a_new_name_is_two(first, second) -> None:
    assert split_units(f"{first}\n{second}") == list(dict.fromkeys([first, second]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市公安局，各县（市）\n区局", ["市公安局", "各县（市）区局"]),
        ("市财政局、各县（市）\n区人民政府", ["市财政局", "各县（市）区人民政府"]),
        ("各县（市）\n区人民政\n府", ["各县（市）区人民政府"]),
        ("市医保局、\n各县（市）\n区卫生健\n康局", ["市医保局", "各县（市）区卫生健康局"]),
        ("各区（县、市）\n教育局", ["各区（县、市）教育局"]),
        ("各区、县（市）\n生态环境分局", ["各区、县（市）生态环境分局"]),
        ("各县（市）\n市财政局", ["各县（市）", "市财政局"]),
        ("市住建局（牵头）\n市财政局", ["市住建局（牵头）", "市财政局"]),
        ("市住建局（牵头）\n团市委", ["市住建局（牵头）", "团市委"]),
        ("各镇街\n区财政局", ["各镇街", "区财政局"]),
    ],
)
def test_split_units_at_a_bracket(text: str, expected: list[str]) -> None:
    assert split_units(text) == expected


def test_duty_row_keeps_a_support_unit_wrapped_after_its_bracket() -> None:
    t = table(
        [
            ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
            ["1", "排查隐患", "各县（市）\n区人民政府", "市公安局，各县（市）\n区局", "2024年6月底前"],
        ]
    )
    doc = Document(source=Source("x.pdf", "0", 1), meta=Meta(date="2024-05-06"), tables=[t])
    d = build_duties(doc)[0]
    assert (d.lead, d.support) == (["各县（市）区人民政府"], ["市公安局", "各县（市）区局"])


@pytest.mark.parametrize(
    ("text", "lead", "support"),
    [
        ("市住建局（牵头），市公安局、各县（市）\n区局", ["市住建局"], ["市公安局", "各县（市）区局"]),
        ("各县（市）\n区人民政府牵头，市财政局配合", ["各县（市）区人民政府"], ["市财政局"]),
    ],
)
def test_lead_marked_support_cell_keeps_a_name_wrapped_after_its_bracket(text, lead, support) -> None:
    assert parse_owners(text)[:2] == (lead, support)


def test_inline_annotation_keeps_a_name_wrapped_after_its_bracket() -> None:
    owners = parse_annotation("做好工作。（牵头单位：市住建局；责任单位：市公安局、各县（市）\n区局）")
    assert (owners.lead, owners.support) == (["市住建局"], ["市公安局", "各县（市）区局"])
