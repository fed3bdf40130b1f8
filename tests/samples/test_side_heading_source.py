"""The ``side_heading`` block of the sample sources: an unnumbered bold side heading (小标题) in the body face.

Its truth by construction is the real shenzhen_gender_stats_2021 form: an outline node with number ``""`` one
level below the nearest numbered heading above it (level 2 under 一、, level 3 under （一）), the paragraphs
after it its section; a side heading with no numbered heading above it is a source error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from samples.build import SideHeadingBlock, SourceError, parse_blocks  # noqa: E402
from samples.expected import Locator, _blocks, _State  # noqa: E402


def _truth(raw: list[dict[str, str]], printed: str) -> _State:
    st = _State(Locator([printed]))
    _blocks(st, parse_blocks(raw, "body"))
    return st


def test_side_heading_parses_as_its_own_block() -> None:
    (block,) = parse_blocks([{"side_heading": "粮食生产"}], "body")
    assert isinstance(block, SideHeadingBlock) and block.kind == "side_heading" and block.title == "粮食生产"


def test_side_heading_sits_one_level_below_the_nearest_numbered_heading() -> None:
    raw = [{"h1": "综合", "n": "一"}, {"side_heading": "就业"}, {"p": "新增就业12万人。"},
           {"side_heading": "物价"}, {"h2": "公路", "n": "一"}, {"side_heading": "港航设施"}, {"p": "泊位6个。"}]
    st = _truth(raw, "一、综合就业新增就业12万人。物价（一）公路港航设施泊位6个。")
    assert [(o.id, o.parent, o.level, o.number, o.title) for o in st.outline] == [
        ("s1", None, 1, "一", "综合"), ("s2", "s1", 2, "", "就业"), ("s3", "s1", 2, "", "物价"),
        ("s4", "s1", 2, "一", "公路"), ("s5", "s4", 3, "", "港航设施")]
    assert [p.section for p in st.paragraphs] == ["s2", "s5"]


def test_side_heading_without_a_numbered_heading_above_is_an_error() -> None:
    with pytest.raises(SourceError, match="numbered heading"):
        _truth([{"side_heading": "概况"}], "概况")
