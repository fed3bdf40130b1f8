"""Producers print a running header of two lines, and one whose section line differs on page 1 (html:
``html.running_header_first`` in CSS page margin boxes; rl: ``rl.running_header_first``); a source without
them prints as before (the header template, one line)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from samples.build import SourceError, load_source, source_from_dict  # noqa: E402
from samples.produce_html import HtmlOptions, _css, _templates  # noqa: E402

SRC = REPO / "samples" / "generated" / "src"


def test_html_section_line_of_page_one_is_printed_in_margin_boxes() -> None:
    path = SRC / "gen_html_header2_section_break.yaml"
    src, opt = load_source(path), HtmlOptions.from_yaml(path)
    css = _css(src, opt)
    assert '@page :first { @top-center { content: "宁波市数字经济发展行动方案（2024—2026年）\\A 一、总体要求"' in css
    assert '@page { @top-center { content: "宁波市数字经济发展行动方案（2024—2026年）\\A 二、重点任务"' in css
    assert _templates(src, opt)[0] == "<span></span>"


def test_html_header_without_a_first_page_variant_stays_in_the_template() -> None:
    path = SRC / "gen_html_02_nongye_threeline.yaml"
    src, opt = load_source(path), HtmlOptions.from_yaml(path)
    assert "@top-center" not in _css(src, opt)
    assert "安徽省农业农村厅</div>" in _templates(src, opt)[0]
    two = HtmlOptions(running_header="规划\n二、重点任务")
    assert "规划<br>二、重点任务</div>" in _templates(src, two)[0]


def test_rl_first_page_header_is_read_from_the_source() -> None:
    assert load_source(SRC / "gen_rl_header2_section_break.yaml").running_header_first \
        == "德清县农村人居环境整治提升行动方案\n一、总体要求"
    assert load_source(SRC / "gen_rl_04_health_rects.yaml").running_header_first is None


def test_both_producers_read_the_parsed_first_page_header() -> None:
    """The html options carry the value the source parser checked (one reading of the key for both)."""
    path = SRC / "gen_html_header2_section_break.yaml"
    assert HtmlOptions.from_yaml(path).running_header_first == load_source(path).running_header_first \
        == "宁波市数字经济发展行动方案（2024—2026年）\n一、总体要求"


RL = {"doc_id": "x", "producer": "rl", "page_header": "德清县方案\n二、主要任务"}
HTML = {"doc_id": "x", "producer": "html", "html": {"running_header": "宁波市方案\n二、重点任务"}}


@pytest.mark.parametrize(("data", "message"), [
    ({**RL, "rl": {"running_header_first": 12}}, "rl.running_header_first must be a non-empty string"),
    ({**RL, "rl": {"running_header_first": ["一", "二"]}}, "rl.running_header_first must be a non-empty string"),
    ({**RL, "rl": {"running_header_first": ""}}, "rl.running_header_first must be a non-empty string"),
    ({**HTML, "html": {"running_header": "方案", "running_header_first": 3.5}},
     "html.running_header_first must be a non-empty string"),
    ({**RL, "rl": "一、总体要求"}, "`rl` must be a mapping"),
])
def test_a_first_page_header_that_is_no_string_is_a_source_error(data: dict[str, Any], message: str) -> None:
    """What broke: the rl producer re-read the raw YAML past the parser, and ``.split`` of a number crashed
    the render."""
    with pytest.raises(SourceError, match=message):
        source_from_dict(data)


@pytest.mark.parametrize("data", [
    {"doc_id": "x", "producer": "rl", "rl": {"running_header_first": "方案\n一、总体要求"}},
    {"doc_id": "x", "producer": "html", "html": {"running_header_first": "方案\n一、总体要求"}},
    {"doc_id": "x", "producer": "html", "page_header": "方案",
     "html": {"running_header": None, "running_header_first": "方案\n一、总体要求"}},
])
def test_a_first_page_header_without_a_running_header_is_a_source_error(data: dict[str, Any]) -> None:
    """What broke: without ``page_header`` the rl producer draws no running header at all, so page 1's
    header was dropped without a word (html likewise prints its margin boxes only with a running header)."""
    with pytest.raises(SourceError, match="without a running header"):
        source_from_dict(data)


def test_a_first_page_header_of_another_producer_is_a_source_error() -> None:
    with pytest.raises(SourceError, match="printed by the rl producer only"):
        source_from_dict({**HTML, "rl": {"running_header_first": "方案\n一、总体要求"}})


def test_a_first_page_header_over_a_page_header_parses() -> None:
    src = source_from_dict({**RL, "rl": {"running_header_first": "德清县方案\n一、总体要求"}})
    assert (src.page_header, src.running_header_first) == ("德清县方案\n二、主要任务", "德清县方案\n一、总体要求")
    html = source_from_dict({"doc_id": "x", "producer": "html", "page_header": "方案",
                             "html": {"running_header_first": "方案\n一、总体要求"}})
    assert html.running_header_first == "方案\n一、总体要求"


def test_the_html_options_refuse_a_bad_first_page_header(tmp_path: Path) -> None:
    path = tmp_path / "bad_header.yaml"
    path.write_text(yaml.safe_dump({**HTML, "html": {"running_header_first": 7}}), encoding="utf-8")
    with pytest.raises(SourceError, match=r"bad_header\.yaml: html\.running_header_first"):
        HtmlOptions.from_yaml(path)
