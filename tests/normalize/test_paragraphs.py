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


def test_heading_line_without_punctuation_does_not_run_into_the_next_item() -> None:
    """Web re-typeset copy (中央一号文件): ``一、…质量效益`` on its own line, then ``（一）…`` flush left; the
    early-wrap rule must not join them into one heading."""
    lines = [*filler(1, range(0, 2)), body("上文结束。", 2, end=200)]
    lines += [body("一、提升农业综合生产能力和质量效益", 3, end=330)]
    lines += [body("（一）稳定发展粮油生产。粮食产量稳定在1.4万亿斤左右。坚持产", 4), body("量产能。", 5, end=200)]
    texts = [b.text for b in _blocks(lines)]
    assert "一、提升农业综合生产能力和质量效益" in texts
    assert any(t.startswith("（一）稳定发展粮油生产。") for t in texts)


def test_short_numbered_heading_does_not_run_into_flush_left_body_text() -> None:
    """``一、项目概述`` (budget project pages) then body text flush left: more than half the column is empty
    after the heading, so it is no early wrap."""
    lines = [*filler(1, range(0, 2)), body("上文结束。", 2, end=200), body("一、项目概述", 3, end=180)]
    lines += [body("主要推进区委、区政府年度重点工作、为民办实事等工作所需的咨询设计", 4), body("确保满意。", 5, end=200)]
    texts = [b.text for b in _blocks(lines)]
    assert texts[-2:] == ["一、项目概述", "主要推进区委、区政府年度重点工作、为民办实事等工作所需的咨询设计确保满意。"]


def test_early_wrap_before_an_unbreakable_word_still_continues() -> None:
    lines = [*filler(1, range(0, 3)), body("依据《国家标准 GB/T", 3, end=470), body("2200》执行。", 4, end=200)]
    assert any("GB/T2200》执行。" in b.text.replace(" ", "") for b in _blocks(lines))


def test_numbered_item_after_a_full_line_ending_a_sentence_starts_a_block() -> None:
    """Paragraphs set flush left and justified: the last line of （三） fills the column and ends with 。, the
    next line opens （四） on the same page."""
    lines = [*filler(1, range(0, 3)), body("（三）加强耕地保护。严守耕地红线，统筹农用地布局优化治理。", 3)]
    lines += [body("（四）提升农业科技创新效能。统筹科技创新平台基地建设推进", 4), body("转化应用。", 5, end=200)]
    texts = [b.text for b in _blocks(lines)]
    assert texts[-2][-3:] == "治理。" and texts[-1].startswith("（四）")


def test_wrapped_part_heading_at_double_line_spacing_is_one_block() -> None:
    """``第三部分 …部门决算`` filling the column, ``情况说明`` centred one line pitch below (double spacing)."""
    from policy_extract.normalize.layout import Column
    from policy_extract.normalize.paragraphs import wraps_centred

    from policy_extract.core.model import Line

    a = Line("第三部分 上海市普陀区规划和自然资源局2024年度部门决算", 20, (91, 96, 504, 111), "F", 15.0)
    b = Line("情况说明", 20, (268, 127, 328, 142), "F", 15.0)
    col = Column(90.0, 506.0, 595.0, 842.0)
    assert wraps_centred(a, b, col, 31.0)
    assert wraps_centred(a, b, col)  # within 2.4 of its type size from top to top
    far = Line("情况说明", 20, (268, 146, 328, 161), "F", 15.0)
    assert not wraps_centred(a, far, col, 31.0)  # a blank line between: two blocks
    c = Line("（一）说明", 20, (268, 127, 328, 142), "F", 15.0)
    assert not wraps_centred(a, c, col, 31.0)


def test_centred_part_heading_wrapped_double_spaced_in_heading_type_is_one_block() -> None:
    """``第一部分 研究生学习奖学金、学术（实践）创新奖学金`` filling the column and ``评定办法`` centred a
    double-spaced line below, larger than the body: the second line looks indented, the first short, yet it
    is the heading's wrap (the title lost 评定办法) — in the block and not taken for a title line."""
    from policy_extract.normalize.layout import Column
    from policy_extract.normalize.structure import _wraps_heading

    from policy_extract.core.model import Line

    a = Line("第一部分研究生学习奖学金、学术（实践）创新奖学金", 1, (101.0, 280.2, 494.4, 296.2), "SimHei", 15.9)
    b = Line("评定办法", 1, (265.6, 316.0, 329.8, 331.9), "SimHei", 15.9)
    c = Line("为提高研究生培养质量，激励物理系研究生勤奋学习、勇攀科学", 1, (118.0, 352.0, 505.3, 366.1), "F", 14.1)
    cols = {1: Column(90.0, 505.45, 595.3, 841.9)}
    blocks = segment_blocks([a, b, c], [0, 1, 2], cols, 28.0)
    assert [bl.text for bl in blocks][:1] == ["第一部分研究生学习奖学金、学术（实践）创新奖学金评定办法"]
    assert _wraps_heading([a, b], 1)


def test_short_centred_heading_over_a_centred_line_did_not_wrap() -> None:
    """``（六）评标`` centred and ``详见第七章“评标办法”`` centred below it: a heading that short did not wrap,
    the line below is its own block (the title stays 评标)."""
    from policy_extract.normalize.layout import Column

    from policy_extract.core.model import Line

    a = Line("（六）评标", 18, (262.6, 236.8, 332.8, 250.9), "SimSun", 14.1)
    b = Line("详见第七章“评标办法”", 18, (220.8, 261.8, 374.8, 275.9), "SimSun", 14.1)
    cols = {18: Column(49.6, 545.9, 595.0, 842.0)}
    assert [bl.text for bl in segment_blocks([a, b], [0, 1], cols, 25.0)] == ["（六）评标", "详见第七章“评标办法”"]
