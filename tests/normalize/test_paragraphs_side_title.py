"""A bold side heading atop a page under a paragraph whose last line filled the column (generated
gen_rl_side_nianbao: ``物流服务`` on p.2 under ``…评定为AAAAA级。``): the line is flush left like a paragraph's
next line, so only its bold type after a plain sentence end, ending short without punctuation, says a new block
starts there.  A bold sentence ending in its stop, or a plain line, still runs on over the page."""

from __future__ import annotations

import dataclasses

from policy_extract.normalize.layout import page_columns
from policy_extract.normalize.paragraphs import segment_blocks
from test_structure_helpers import LEFT, PITCH, body, filler, page


def _blocks(lines):  # type: ignore[no-untyped-def]
    pages = [page(n, []) for n in sorted({ln.page for ln in lines})]
    cols = page_columns(pages, lines)
    return [b.text for b in segment_blocks(lines, list(range(len(lines))), cols, PITCH)]


def _bold(text: str, row: int, page_no: int, end: float | None = None):  # type: ignore[no-untyped-def]
    return dataclasses.replace(body(text, row, page_no, end=end), bold=True)


def _over_the_page(second):  # type: ignore[no-untyped-def]
    lines = [*filler(1, range(0, 20)), body("上一段的最后一行排满了整行文字到此结束。", 20, page=1)]
    return _blocks([*lines, second, body("下一段从缩进处开始", 1, page=2, indent=True), *filler(2, range(2, 5))])


def test_bold_side_heading_atop_the_page_after_a_full_sentence_line_starts_a_block() -> None:
    texts = _over_the_page(_bold("物流服务", 0, 2, end=LEFT + 64))
    assert "物流服务" in texts
    assert any(t.endswith("到此结束。") for t in texts)


def test_bold_sentence_with_its_stop_or_plain_line_runs_on() -> None:
    assert any(t.endswith("到此结束。加强组织领导。") for t in _over_the_page(_bold("加强组织领导。", 0, 2, end=LEFT + 112)))
    assert any(t.endswith("到此结束。物流服务") for t in _over_the_page(body("物流服务", 0, 2, end=LEFT + 64)))
    assert any("到此结束。物流服务站建成" in t for t in _over_the_page(_bold("物流服务站建成", 0, 2)))  # fills the line
