"""A table whose columns come from its text (three-line rules on one page, no rules on the next) is as wide
as its rules or its widest words on each page, but its gutters hold still: the pieces are one table (real
shenzhen_gender_stats_2021 表4 p.5→6 and 表5 p.6→7)."""

from __future__ import annotations

from policy_extract.normalize.tables import build_tables, same_gutters

from policy_extract.core.model import Line, PageContent, RawCell, RawDocument, RawTable


def _fragment(page: int, edges: list[float], rows: list[list[str]], top: float, method: str) -> RawTable:
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            box = (edges[c], top + 20 * r, edges[c + 1], top + 20 * (r + 1))
            cells.append(RawCell(r, c, 1, 1, page, box, [Line(text, page, box)]))
    bbox = (edges[0], top, edges[-1], top + 20 * len(rows))
    return RawTable(page, bbox, len(rows), len(edges) - 1, edges, [top + 20 * r for r in range(len(rows) + 1)],
                    cells, method=method)


def _doc(a: RawTable, b: RawTable) -> RawDocument:
    return RawDocument("x.pdf", "0" * 64, [PageContent(1, 595.0, 842.0, lines=[], tables=[a]),
                                           PageContent(2, 595.0, 842.0, lines=[], tables=[b])])


RULED = [77.0, 160.0, 274.0, 398.0, 518.0]
WORDS = [85.0, 163.0, 274.2, 398.4, 475.0]


def test_text_column_pieces_with_the_same_gutters_are_one_table() -> None:
    head = ["区域", "会员", "男性", "女性"]
    first = _fragment(1, RULED, [head, ["福田区", "10", "4", "6"], ["罗湖区", "9", "5", "4"]], 600.0, "rules")
    rest = _fragment(2, WORDS, [["盐田区", "3", "1", "2"], ["南山区", "8", "3", "5"]], 80.0, "borderless")
    (table,) = build_tables(_doc(first, rest))
    assert table.n_rows == 5 and table.pages == [1, 2]


def test_pieces_with_other_gutters_stay_two_tables() -> None:
    first = _fragment(1, RULED, [["区域", "会员", "男性", "女性"], ["福田区", "10", "4", "6"]], 600.0, "rules")
    other = [85.0, 200.0, 300.0, 420.0, 475.0]
    rest = _fragment(2, other, [["项目", "金额", "占比", "备注"], ["A", "3", "1", "2"]], 80.0, "borderless")
    assert len(build_tables(_doc(first, rest))) == 2


def test_same_gutters_ignores_the_outer_edges_only() -> None:
    assert same_gutters(RULED, WORDS, 4.0)
    assert not same_gutters(RULED, [77.0, 160.0, 300.0, 398.0, 518.0], 4.0)
    assert not same_gutters(RULED, RULED[:-1], 4.0)
