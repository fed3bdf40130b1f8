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


def test_new_numbered_item_at_the_top_of_the_next_page_is_not_joined() -> None:
    """Items printed flush left (web exports): a full last line ending in 。 and ``2.`` atop the next page are
    two paragraphs, not one cut by the page break."""
    lines = [*filler(1, range(0, 20)), body("第一项的最后一行排满了整行文字到此结束。", 20, page=1)]
    lines += [body("2.第二项从下一页开始", 0, page=2), *filler(2, range(1, 4))]
    texts = [b.text for b in _blocks(lines)]
    assert any(t.endswith("到此结束。") for t in texts)
    assert any(t.startswith("2.第二项") for t in texts)


def test_sentence_end_before_an_unnumbered_line_still_continues_over_the_page() -> None:
    lines = [*filler(1, range(0, 20)), body("一句话结束。", 20, page=1)]
    lines += [body("下一句接着写", 0, page=2), *filler(2, range(1, 4))]
    assert any("一句话结束。下一句接着写" in b.text for b in _blocks(lines))


def test_marker_after_a_line_without_sentence_end_continues_over_the_page() -> None:
    lines = [*filler(1, range(0, 20)), body("根据有关规定第", 20, page=1)]
    lines += [body("（三）项执行", 0, page=2), *filler(2, range(1, 4))]
    assert any("根据有关规定第（三）项执行" in b.text for b in _blocks(lines))
