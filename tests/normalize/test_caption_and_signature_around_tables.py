"""A table's caption between a heading and the table, and a 落款 right under a table.

gen_html_caption_under_heading (Chromium): ``一、检查内容`` then the caption (centred, plain weight, no 表N
label) then the table: on a page of short lines the text column read 76–461 pt, the caption centred over the
table (76–519) was off that column's centre and came out as a paragraph.  The caption is measured against the
table it stands on.

gen_html_caption_under_heading, gen_docx_caption_luokuan: the caption ``表2 …``, its table, then the 落款
(issuer + date): the 落款 read upward from the date took the caption as a second issuer line
(``表2、…汇总表、句容市应急管理局``).  A caption is never a signing name, and the 落款's lines stand at the
line pitch: a line a table's height above is no part of it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.layout import Column, page_columns
from policy_extract.normalize.meta import MetaResult, extract_meta
from policy_extract.normalize.structure import caption_lines, centred_over
from test_structure_helpers import CW, LEFT, PITCH, RIGHT, body, centered, filler, page

from policy_extract.core.model import Cell, Line, Table

_TABLE_BOX = (76.0, 300.0, 519.0, 420.0)
_SHORT_PAGE = Column(76.0, 461.0, 595.0, 842.0)  # the column a page of short lines measures


def _line(text: str, x0: float, top: float, bold: bool = False) -> Line:
    return Line(text, 1, (x0, top, x0 + len(text) * CW, top + 16.0), "NotoSerif", 16.0, bold, None, CW)


def _centred_on_page(text: str, top: float) -> Line:
    half = len(text) * CW / 2
    return _line(text, 297.5 - half, top)


def _table() -> Table:
    cell = Cell(0, 0, 1, 1, "序号", 1, _TABLE_BOX)
    return Table("t1", None, [1], 1, 1, 0, [cell], bboxes=[(1, _TABLE_BOX)])


def test_caption_under_a_heading_on_a_page_of_short_lines_titles_the_table() -> None:
    """The plain centred caption right above the table, a heading above it: the caption, off the mis-measured
    column's centre but centred over the table, is the table's."""
    lines = [_line("一、检查内容", 108.0, 250.0), _centred_on_page("汛期安全生产专项检查重点内容", 276.0)]
    got = caption_lines(lines, {0, 1}, _table(), {1: _SHORT_PAGE}, 28.0)
    assert got == [1]


def test_short_body_line_above_a_table_is_no_caption() -> None:
    """A short line of running text at the paragraph indent over the table is not centred over it."""
    lines = [_line("一、检查内容", 108.0, 250.0), _line("各地要对照下表逐项开展检查", 108.0, 276.0)]
    assert caption_lines(lines, {0, 1}, _table(), {1: _SHORT_PAGE}, 28.0) == []


def test_centred_over_needs_both_sides_clear_of_the_table() -> None:
    assert centred_over(_centred_on_page("汛期安全生产专项检查重点内容", 276.0), _TABLE_BOX)
    full = _line("正" * 27, 80.0, 276.0)  # as wide as the table: its middle is near the centre too
    assert not centred_over(full, _TABLE_BOX)


def _right(text: str, row: int) -> Line:
    """A 落款 line ending four characters in from the right margin on text row ``row``."""
    x1 = RIGHT - 4 * CW
    top = 112 + row * PITCH
    return Line(text, 1, (x1 - len(text) * CW, top, x1, top + 16.0), "FangSong", 16.0, char_width=CW)


def _notice(tail: list[Line]) -> list[Line]:
    return [
        centered("某市应急管理局关于开展专项检查的通知", 0, size=22.0),
        body("各镇人民政府，各街道办事处：", 2, end=LEFT + 14 * 16),
        body("请各单位于每月二十五日前将本单位检查情况按下表汇总，报送市应急管理局安全", 3, indent=True),
        body("生产综合协调科。", 4, end=LEFT + 8 * 16),
        *tail,
        *filler(2, range(0, 20)),
    ]


def _extract(lines: list[Line]) -> MetaResult:
    pages = [page(n, []) for n in sorted({ln.page for ln in lines})]
    return extract_meta(lines, page_columns(pages, lines))


def test_caption_over_the_table_above_the_signature_is_no_issuer() -> None:
    """表2's caption on row 5, its table rows 6–9 (not text lines), the 落款 on rows 11–12."""
    lines = _notice([centered("表2 专项检查情况统计表", 5), _right("某市应急管理局", 11), _right("2024年5月20日", 12)])
    res = _extract(lines)
    assert (res.meta.issuer, res.meta.date) == ("某市应急管理局", "2024-05-20")
    assert 4 not in res.used and {5, 6} <= res.used  # the caption is line 4


def test_line_a_table_height_above_the_signature_is_no_issuer() -> None:
    """An unlabelled line (the table's last line, a caption without 表N) with a table's height of white under
    it is not stacked on the 落款."""
    lines = _notice([centered("专项检查情况统计", 5), _right("某市应急管理局", 11), _right("2024年5月20日", 12)])
    assert _extract(lines).meta.issuer == "某市应急管理局"


def test_joint_issuers_at_the_line_pitch_and_a_blank_line_for_the_seal_stay_one_signature() -> None:
    tail = [_right("某市应急管理局", 7), _right("某市住房和城乡建设局", 8), _right("2024年5月20日", 10)]
    res = _extract(_notice(tail))
    assert (res.meta.issuer, res.meta.date) == ("某市应急管理局、某市住房和城乡建设局", "2024-05-20")


@given(
    label=st.sampled_from(["表2", "表 3", "附表1", "续表", "专栏2：", "表1-2"]),
    title=st.text(alphabet="统计汇总情况专项检查安全生产补贴申报", min_size=2, max_size=14),
)
def test_a_caption_right_above_the_signature_is_never_a_signing_name(label: str, title: str) -> None:
    """Whatever its label and title, a caption line stacked right on the issuer line is the table's."""
    tail = [_right(f"{label}{title}", 9), _right("某市应急管理局", 10), _right("2024年5月20日", 11)]
    res = _extract(_notice(tail))
    assert res.meta.issuer == "某市应急管理局"
