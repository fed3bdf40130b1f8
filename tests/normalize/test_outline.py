from __future__ import annotations

from policy_extract.normalize.outline import OutlineBuilder, find_marker, split_title
from policy_extract.normalize.paragraphs import Block
from test_structure_helpers import body


def _block(text: str, font: str = "FangSong", n_lines: int = 1) -> Block:
    lines = [body(text, 0, indent=True, font=font)] + [body("续行", r) for r in range(1, n_lines)]
    return Block(list(range(n_lines)), lines)


def test_markers_four_levels() -> None:
    assert (find_marker("一、总体要求").level, find_marker("一、总体要求").number) == (1, "一")
    assert find_marker("（三）当前的形势").level == 2
    assert find_marker("1．全力提升").level == 3 and find_marker("12.全力").number == "12"
    assert find_marker("（1）加强").level == 4
    assert find_marker("1.5亿元投资") is None
    assert find_marker("我们一、二") is None


def test_run_in_heading_split_at_first_stop() -> None:
    assert split_title("全力提升产品质量。指导企业…。再说") == ("全力提升产品质量", "指导企业…。再说")
    b = OutlineBuilder("FangSong")
    b.heading(_block("一、主要任务", font="SimHei"))
    node, rest = b.heading(_block("1.全力提升产品质量。指导企业提升质量。"))  # type: ignore[misc]
    assert (node.level, node.number, node.title, rest) == (3, "1", "全力提升产品质量", "指导企业提升质量。")


def test_parents_and_restart_under_new_parent() -> None:
    b = OutlineBuilder("FangSong")
    seq = [("一、甲", "SimHei"), ("（一）乙", "KaiTi"), ("1.丙", "FangSong"), ("（二）丁", "KaiTi")]
    for text, font in [*seq, ("1.戊", "FangSong"), ("二、己", "SimHei")]:
        assert b.heading(_block(text, font)) is not None, text
    assert [(n.id, n.parent, n.level) for n in b.nodes] == [
        ("s1", None, 1), ("s2", "s1", 2), ("s3", "s2", 3), ("s4", "s1", 2), ("s5", "s4", 3), ("s6", None, 1)]


def test_out_of_sequence_body_text_is_not_a_heading() -> None:
    b = OutlineBuilder("FangSong")
    b.heading(_block("一、甲", "SimHei"))
    # body font, number 3 where 1 is expected: an enumerated sentence, not a heading
    assert b.heading(_block("3.这是一句很长的正文里的编号内容，没有标题字体的痕迹", n_lines=3)) is None
    # a long block in body font without a run-in stop is running text
    assert b.heading(_block("1.这是一段没有句号的很长的编号正文" + "内容" * 20, n_lines=3)) is None
    assert b.heading(_block("（二）标题字体但跳号", "KaiTi")) is not None
    assert b.warnings and b.warnings[0].code == "outline_sequence"


def test_annex_restarts_numbering() -> None:
    b = OutlineBuilder("FangSong")
    b.heading(_block("一、甲", "SimHei"))
    node = b.add_annex("附 件1", "任务分解表", 9, None)
    assert (node.level, node.number, node.title, node.parent) == (1, "附件1", "任务分解表", None)
    assert b.heading(_block("一、附件里的一", "SimHei")) is not None
