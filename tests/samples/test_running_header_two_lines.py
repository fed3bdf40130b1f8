"""Producers print a running header of two lines, and one whose section line differs on page 1 (html:
``html.running_header_first`` in CSS page margin boxes; rl: ``rl.running_header_first``); a source without
them prints as before (the header template, one line)."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from samples.build import load_source  # noqa: E402
from samples.produce_html import HtmlOptions, _css, _templates  # noqa: E402
from samples.produce_reportlab import running_header_first  # noqa: E402

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
    assert running_header_first(load_source(SRC / "gen_rl_header2_section_break.yaml")) \
        == "德清县农村人居环境整治提升行动方案\n一、总体要求"
    assert running_header_first(load_source(SRC / "gen_rl_04_health_rects.yaml")) is None
