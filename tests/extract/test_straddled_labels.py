"""Three-line tables whose labels stand *around* other lines (``extract/anchors.py``, ``extract/hrules.py``).

What broke (real shenzhen_gender_stats_2021): 表1 is a three-line table of one body row whose label
常住人口 / （万人） wraps above and below the row's line of values, so no line filled every column and the
table was dropped; and 表4's header, whose 协会名称 is centred between the header's name line and unit line,
counted as three rows between its top and header rule, so the body under the open header rule (the bottom
rule on the next page) was not read as the table's.
"""

from __future__ import annotations

from page_helpers import cells, h, text
from policy_extract.extract.page import page_content
from policy_extract.extract.settings import ExtractSettings

S = ExtractSettings()


def test_one_body_row_whose_label_wraps_around_its_values_is_a_table() -> None:
    names, xs = ("福田", "罗湖", "盐田", "南山"), (150, 220, 290, 360)
    chars = [c for name, x in zip(names, xs, strict=True) for c in text(name, x, 110)]
    chars += text("常住人口", 55, 140) + text("（万人）", 55, 172)
    chars += [c for v, x in zip(("156.2", "114.8", "21.5", "181.4"), xs, strict=True)
              for c in text(v, x, 156, 8.0)]
    page = page_content(1, (500, 700), 0, chars, [h(100), h(130), h(192)], S)
    (table,) = page.tables
    got = cells(table)
    assert (table.n_rows, table.n_cols) == (2, 5)
    assert got[(1, 0)] == "常住人口（万人）" and got[(1, 1)] == "156.2" and got[(0, 4)] == "南山"


def test_header_label_centred_between_name_and_unit_lines_leaves_the_body_open() -> None:
    """Top and header rule only (the bottom rule on the next page): the header's three lines are one row."""
    chars = text("会员", 200, 105) + text("男性", 280, 105) + text("女性", 360, 105)
    chars += text("协会名称", 60, 121)
    chars += text("(人)", 200, 137) + text("(人)", 280, 137) + text("(人)", 360, 137)
    for i, name in enumerate(("作家协会", "美术协会", "音乐协会")):
        y = 165 + 20 * i
        chars += text(name, 60, y) + text(str(100 + i), 200, y) + text(str(40 + i), 280, y)
        chars += text(str(60 + i), 360, y)
    page = page_content(1, (500, 700), 0, chars, [h(100), h(155)], S)
    (table,) = page.tables
    got = cells(table)
    assert table.n_rows == 4
    assert got[(0, 0)] == "协会名称" and got[(0, 1)] == "会员(人)" and got[(3, 0)] == "音乐协会"
