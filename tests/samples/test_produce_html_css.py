"""The html producer's style sheet after its split into page/text, tables and boxes: every rule is written
once, fonts are named per role, the default 落款 gap is 2 em of the body size (``signature.gap`` counts em in
html, blank lines in docx and rl: SOURCE_FORMAT.md), and a look outside a block's list is a source error."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from samples.build import load_source  # noqa: E402
from samples.produce_html import HtmlOptions, _css, _look, page_html  # noqa: E402

SRC = REPO / "samples" / "generated" / "src"


def test_every_css_rule_is_written_once_and_names_its_role_fonts() -> None:
    src = load_source(SRC / "gen_html_07_shengtai_double.yaml")
    css = _css(src, HtmlOptions())
    selectors = re.findall(r"^([^\s{][^{]*?) \{", css, flags=re.M)
    assert len(selectors) == len(set(selectors)) > 60
    assert css.startswith("\n@page {") and css.endswith(".copies { text-align: right; font-size: 14pt; "
                                                         "padding-right: 1em; }\n")
    assert f'.title {{ font-family: "{src.fonts.family("title")}"' in css
    assert f'.flow .box {{ border: 0.9pt solid #000; padding: 4pt 6pt; text-align: center; line-height: 1.4;\n' \
           f'              font-family: "{src.fonts.family("table")}"' in css


def test_signature_gap_is_counted_in_em_of_the_body_size() -> None:
    css = _css(load_source(SRC / "gen_html_luokuan_left.yaml"), HtmlOptions(body_pt=15.0))
    assert ".sign-gap { height: 30.0pt; }" in css
    page = page_html(load_source(SRC / "gen_html_luokuan_left.yaml"))
    assert '<div class="sign-gap" style="height:1em"></div>' in page


def test_a_look_outside_the_list_is_a_source_error() -> None:
    assert _look("body[2]", {}, "grid", ("grid", "none"), "table") == "grid"
    assert _look("body[2]", {"look": "none"}, "grid", ("grid", "none"), "table") == "none"
    with pytest.raises(ValueError, match=r"body\[2\]: sidebar look must be one of \('frame',\), not 'dots'"):
        _look("body[2]", {"look": "dots"}, "frame", ("frame",), "sidebar")
