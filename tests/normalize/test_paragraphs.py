from __future__ import annotations

from policy_extract.normalize.layout import page_columns
from policy_extract.normalize.paragraphs import segment_blocks
from test_structure_helpers import PITCH, body, filler, page


def _blocks(lines, obstacles=None):  # type: ignore[no-untyped-def]
    pages = [page(n, []) for n in sorted({ln.page for ln in lines})]
    cols = page_columns(pages, lines)
    return segment_blocks(lines, list(range(len(lines))), cols, PITCH, obstacles)


def test_indent_and_short_line_split_paragraphs() -> None:
    lines = [*filler(1, range(0, 3))]
    lines += [body("第一段开始", 3, indent=True), body("第一段结束。", 4, end=200), body("第二段", 5)]
    texts = [b.text for b in _blocks(lines)]
    assert texts[-2:] == ["第一段开始第一段结束。", "第二段"]


def test_paragraph_continues_across_page_break_without_space() -> None:
    lines = [*filler(1, range(0, 20)), body("跨页的句子到这里", 20, page=1)]
    lines += [body("继续完成。", 0, page=2, end=200), *filler(2, range(1, 4))]
    blocks = _blocks(lines)
    joined = [b.text for b in blocks if "跨页" in b.text]
    assert len(joined) == 1 and "跨页的句子到这里继续完成。" in joined[0]
    assert blocks[0].first.page == 1


def test_table_between_lines_ends_the_block() -> None:
    lines = [*filler(1, range(0, 2)), body("表前一行", 2), body("表后一行", 8)]
    blocks = _blocks(lines, [(1, (80.0, 180.0, 521.0, 330.0))])
    assert [b.text for b in blocks][-1] == "表后一行"
