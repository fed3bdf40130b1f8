"""``page_header_rule: false``: a running header printed with no rule under it (an office's fixed header, its
name over the document's short title), by all three producers; the default keeps the rule, so every existing
source prints as before.  Added for generated gen_*_threeline_header2_norule: a three-line table continued
under such a header was read only while a rule stood under the header (``extract/hrules.py``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from samples.build import SourceError, load_source, source_from_dict  # noqa: E402
from samples.produce_html import HtmlOptions, _templates  # noqa: E402

SRC = REPO / "samples" / "generated" / "src"


def test_the_rule_under_the_running_header_is_kept_by_default() -> None:
    src = source_from_dict({"doc_id": "x", "page_header": "某某厅"})
    assert src.page_header_rule is True
    path = SRC / "gen_html_02_nongye_threeline.yaml"
    assert "border-bottom:0.6pt solid #000" in _templates(load_source(path), HtmlOptions.from_yaml(path))[0]


def test_a_header_without_its_rule_parses_and_html_prints_no_border() -> None:
    data = {"doc_id": "x", "producer": "html", "page_header": "某某厅\n关于做好某项工作的通知",
            "page_header_rule": False}
    src = source_from_dict(data)
    assert src.page_header_rule is False
    header = _templates(src, HtmlOptions(running_header=src.page_header))[0]
    assert "border-bottom" not in header and "某某厅<br>关于做好某项工作的通知" in header


@pytest.mark.parametrize(("data", "message"), [
    ({"doc_id": "x", "page_header": "某某厅", "page_header_rule": "no"}, "must be true or false"),
    ({"doc_id": "x", "page_header_rule": False}, "without a page_header"),
])
def test_a_bad_header_rule_is_a_source_error(data: dict[str, Any], message: str) -> None:
    with pytest.raises(SourceError, match=message):
        source_from_dict(data)


def test_the_new_sources_print_their_headers_bare() -> None:
    for doc in ("gen_rl_threeline_header2_norule", "gen_docx_threeline_header2_norule"):
        assert load_source(SRC / f"{doc}.yaml").page_header_rule is False
