"""The ``chart`` block of the sample sources (producer rl: a vector chart with tick values, data labels, a
legend and a 图N caption) and the table keys the rl producer cannot print as asked.

Truth by construction: a chart's labels are no paragraph, its caption is a paragraph of its section.  What
broke: the rl producer dropped ``joined``, ``group_rules``/``top_rule_from`` outside a three-line table and a
``caption_row`` without a caption without a word, where the docx and html producers refuse what they do not
draw.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from samples.build import ChartBlock, SourceError, load_source, parse_blocks, source_from_dict  # noqa: E402
from samples.expected import Locator, _blocks, _State  # noqa: E402
from samples.produce_reportlab import check_table, story  # noqa: E402

CHART = {"chart": {"kind": "bar", "categories": ["2019年", "2020年", "2021年"],
                   "series": [{"name": "地区生产总值（亿元）", "values": [312.5, 335.2, 351.8]}],
                   "caption": "图1 2019—2021年地区生产总值"}}


def test_chart_parses_with_its_series_and_caption() -> None:
    (block,) = parse_blocks([CHART], "body")
    assert isinstance(block, ChartBlock) and block.kind == "chart" and block.ticks
    assert block.series == (("地区生产总值（亿元）", (312.5, 335.2, 351.8)),)
    assert block.caption == "图1 2019—2021年地区生产总值"


@pytest.mark.parametrize("bad", [{"kind": "pie"}, {"series": [{"name": "x", "values": [1.0]}]}, {"series": []}])
def test_a_chart_that_cannot_be_drawn_is_an_error(bad: dict[str, Any]) -> None:
    with pytest.raises(SourceError, match="chart"):
        parse_blocks([{"chart": {**CHART["chart"], **bad}}], "body")


@pytest.mark.parametrize(("bad", "key"), [
    ({"series": [{"name": "x", "values": [1.0, "二", 3.0]}]}, r"body\[0\]\.chart\.series\[0\]\.values\[1\]"),
    ({"series": [{"name": "x", "values": "abc"}]}, r"body\[0\]\.chart\.series\[0\]\.values"),
    ({"series": [{"name": "x", "values": [1.0, True, 3.0]}]}, r"series\[0\]\.values\[1\]"),
    ({"font_size": "小五"}, r"body\[0\]\.chart\.font_size"),
    ({"series": [{"name": "x", "values": [1.0, 2.0, 3.0]}, "y"]}, r"body\[0\]\.chart: a chart needs `series`"),
])
def test_non_numeric_chart_values_or_font_size_are_a_source_error_naming_the_key(bad: dict[str, Any],
                                                                                   key: str) -> None:
    """What broke: ``float()`` of a string value raised a bare ValueError naming no key, and a string
    ``values`` of as many characters as categories passed the length check."""
    with pytest.raises(SourceError, match=key):
        parse_blocks([{"chart": {**CHART["chart"], **bad}}], "body")


def test_a_bad_chart_in_a_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad_chart.yaml"
    bad = {"chart": {**CHART["chart"], "font_size": "小五"}}
    path.write_text(yaml.safe_dump({"doc_id": "x", "producer": "rl", "notice": [bad]}, allow_unicode=True),
                    encoding="utf-8")
    with pytest.raises(SourceError, match=r"bad_chart\.yaml: notice\[0\]\.chart\.font_size"):
        load_source(path)


@pytest.mark.parametrize("producer", ["docx", "html"])
def test_only_the_rl_producer_draws_charts(producer: str) -> None:
    with pytest.raises(SourceError, match="rl producer only"):
        source_from_dict({"doc_id": "x", "producer": producer, "notice": [CHART]})


def test_a_charts_caption_is_a_paragraph_and_its_labels_are_none() -> None:
    raw = [{"h1": "综合", "n": "一"}, {"p": "主要指标见图1。"}, CHART, {"p": "物价基本稳定。"}]
    st = _State(Locator(["一、综合主要指标见图1。4003002001000312.5335.2351.82019年2020年2021年"
                         "地区生产总值（亿元）图12019—2021年地区生产总值物价基本稳定。"]))
    _blocks(st, parse_blocks(raw, "body"))
    assert [(p.section, p.text) for p in st.paragraphs] == [
        ("s1", "主要指标见图1。"), ("s1", "图1 2019—2021年地区生产总值"), ("s1", "物价基本稳定。")]


def test_rl_story_draws_a_chart_and_its_caption() -> None:
    src = source_from_dict({"doc_id": "x", "producer": "rl", "notice": [CHART]})
    assert len(story(src)) == 3  # space, the chart kept with its caption, space


def table(**keys: Any) -> Any:
    raw = {"rows": [["项目", "2023年", "2025年"], ["产值", "1", "2"]], **keys}
    (block,) = parse_blocks([{"table": raw}], "body")
    return block


@pytest.mark.parametrize(("keys", "error"), [
    ({"joined": True}, "docx and html producers only"),
    ({"group_rules": True}, "three_line"),
    ({"top_rule_from": 1, "borders": "all"}, "three_line"),
    ({"top_rule_from": 3, "borders": "three_line"}, "from 1 to 2"),
    ({"caption_row": True}, "needs a caption"),
])
def test_rl_refuses_table_keys_it_cannot_print(keys: dict[str, Any], error: str) -> None:
    with pytest.raises(SourceError, match=error):
        check_table(table(**keys))


def test_rl_accepts_the_table_keys_it_prints() -> None:
    check_table(table(borders="three_line", group_rules=True, top_rule_from=1, caption="表1 产值", caption_row=True))
