"""The 落款 that lost its right alignment (printed from a website, exported from an OA system, re-typeset):
issuer name(s) and date at the paragraph indent or flush left, ending the notice's text (real gov397 p.5, where
the date was missed and the three lines came out as paragraphs)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.layout import page_columns
from policy_extract.normalize.meta import MetaResult, extract_meta
from test_structure_helpers import CW, LEFT, PITCH, body, centered, filler, page

from policy_extract.core.model import Line


def _at(text: str, row: int, offset_chars: float, pg: int = 1, size: float = 16.0) -> Line:
    """A short line starting ``offset_chars`` characters in from the left margin on text row ``row``."""
    x0 = LEFT + offset_chars * CW
    top = 112 + row * PITCH
    return Line(text, pg, (x0, top, x0 + len(text) * CW, top + size), "FangSong", size, char_width=CW)


def _notice(tail: list[Line]) -> list[Line]:
    """A notice without 版头: title, recipients, one paragraph, then ``tail`` from row 5 on; page 2 filler."""
    return [
        centered("某市人民政府办公室关于做好某某工作的通知", 0, size=22.0),
        body("各区人民政府，市政府各部门：", 2, end=LEFT + 14 * 16),
        body("现将有关事项通知如下，请结合实际认真贯彻执行，确保各项工作落到实", 3, indent=True),
        body("处。", 4, end=LEFT + 2 * 16),
        *tail,
        *filler(2, range(0, 20)),
    ]


def _extract(lines: list[Line]) -> MetaResult:
    pages = [page(n, []) for n in sorted({ln.page for ln in lines})]
    return extract_meta(lines, page_columns(pages, lines))


def _index(lines: list[Line], text: str) -> int:
    return next(i for i, ln in enumerate(lines) if ln.text == text)


def test_signature_at_the_paragraph_indent_ending_the_page_was_three_paragraphs() -> None:
    """gov397 p.5: both issuers and the date at the two-character indent right under the last paragraph."""
    lines = _notice([_at("国家发展改革委办公厅", 5, 2), _at("税务总局办公厅", 6, 2), _at("2019 年 8 月 20 日", 7, 2)])
    res = _extract(lines)
    assert res.meta.date == "2019-08-20"
    assert res.meta.issuer == "国家发展改革委办公厅、税务总局办公厅"
    assert {4, 5, 6} <= res.used and res.signature_line == 6


def test_flush_left_signature_run_on_above_the_enclosed_title() -> None:
    """A website print: name and Chinese-numeral date flush left, the enclosed 方案's centred title under it."""
    tail = [_at("某市人民政府办公室", 6, 0), _at("二〇二四年五月八日", 7, 0), centered("某某工作方案", 8, size=20.0),
            body("为做好某某工作，制定本方案。", 9, indent=True, end=400)]
    res = _extract(_notice(tail))
    assert (res.meta.issuer, res.meta.date) == ("某市人民政府办公室", "2024-05-08")


def test_flush_left_signature_above_the_colophon_and_the_note() -> None:
    """The 落款 ends the notice's text where the 附注 or the 版记 follow it on the page."""
    for follower in (_at("（此件公开发布）", 8, 2), _at("抄送：某委，某局。", 8, 0)):
        lines = _notice([_at("某市财政局", 6, 0), _at("2023年3月28日", 7, 0), follower])
        assert _extract(lines).meta.date == "2023-03-28"


def test_date_quoted_in_the_body_is_not_the_signature() -> None:
    """A date alone on a line under an organisation's name, with the text running on under it on the page."""
    tail = [_at("某市财政局", 5, 2), _at("2023年3月28日", 6, 2),
            body("起施行的办法同时废止，各单位要认真做好衔接工作，确保平稳过渡。", 7, indent=True)]
    res = _extract(_notice(tail))
    assert res.meta.date is None and not {4, 5} & res.used


def test_date_under_the_last_line_of_a_paragraph_is_not_the_signature() -> None:
    """The line above the date ends in 。 or fills the column (running text ending in an organisation's name)."""
    for above in (body("请各单位于月底前报送市财政局。", 5, end=LEFT + 15 * 16),
                  body("有关工作安排如下，具体由市人力资源和社会保障局", 5)):
        res = _extract(_notice([above, _at("2023年3月28日", 6, 0)]))
        assert res.meta.date is None


def test_date_under_an_attachment_list_is_not_the_signature() -> None:
    """附件 titles (one hanging under the first, ending in an organisation) above a flush-left date."""
    tail = [body("附件：1．某某申报书", 5, indent=True, end=300), _at("2．某某市财政局", 6, 5),
            _at("2023年3月28日", 7, 0)]
    res = _extract(_notice(tail))
    assert res.meta.date is None and res.meta.issuer is None


def test_name_and_date_rows_of_a_list_are_not_the_signature() -> None:
    """Stacked name / date pairs (a list or a table read line by line) end the page: not one 落款."""
    tail = [_at("某市财政局", 5, 0), _at("2023年3月28日", 6, 0), _at("某市税务局", 7, 0), _at("2023年4月2日", 8, 0)]
    res = _extract(_notice(tail))
    assert res.meta.date is None


def test_heading_above_a_date_is_not_a_signing_name() -> None:
    tail = [_at("（二）某某工作领导小组", 5, 2), _at("2023年3月28日", 6, 2)]
    assert _extract(_notice(tail)).meta.date is None


# ------------------------------------------------------------------------------------------ property

_CN_DIGITS = "〇一二三四五六七八九"


def _cn_number(n: int) -> str:
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")) + (_CN_DIGITS[ones] if ones else "")


def _printed_date(year: int, month: int, day: int, chinese: bool) -> str:
    if chinese:
        return "".join(_CN_DIGITS[int(d)] for d in str(year)) + f"年{_cn_number(month)}月{_cn_number(day)}日"
    return f"{year}年{month}月{day}日"


_PLACE = st.sampled_from(["某省", "某市", "某县", "国家", "某某区", "某自治区"])
_BODY = st.sampled_from(["发展和改革委员会", "财政", "人力资源和社会保障", "农业农村", "人民政府办公", "税务总"])
_SUFFIX = st.sampled_from(["厅", "局", "委", "室", "办公厅", "委员会"])
_NAME = st.builds(lambda a, b, c: a + b + c, _PLACE, _BODY, _SUFFIX)
_FOLLOWER = st.sampled_from(["page_end", "cc", "note", "title", "annex"])


def _follower(kind: str, row: int) -> list[Line]:
    return {
        "page_end": [],
        "cc": [_at("抄送：某委，某局。", row, 0)],
        "note": [_at("（此件公开发布）", row, 2)],
        "title": [centered("某某实施方案", row, size=20.0)],
        "annex": [_at("附件", row, 0)],
    }[kind]


@given(
    names=st.lists(_NAME, min_size=1, max_size=3),
    date=st.tuples(st.integers(1990, 2030), st.integers(1, 12), st.integers(1, 28), st.booleans()),
    offset=st.sampled_from([0, 2]),
    follower=_FOLLOWER,
    runs_on=st.booleans(),
)
def test_unaligned_signature_ending_the_notice_is_read_wherever_it_starts(
    names: list[str], date: tuple[int, int, int, bool], offset: int, follower: str, runs_on: bool
) -> None:
    """Name line(s) and a date-only line (Arabic or Chinese numerals) at the left margin or the indent, ending
    the notice's text: the date is the 成文日期 and every 落款 line is meta; with running text under it on the
    page, the same lines are body text."""
    year, month, day, chinese = date
    start = 5 if runs_on else 6
    tail = [_at(n, start + k, offset) for k, n in enumerate(names)]
    row = start + len(names)
    tail.append(_at(_printed_date(year, month, day, chinese), row, offset))
    lines = _notice(tail + _follower(follower, row + 1))
    res = _extract(lines)
    assert res.meta.date == f"{year:04d}-{month:02d}-{day:02d}"
    assert res.meta.issuer == "、".join(names)
    assert {_index(lines, ln.text) for ln in tail} <= res.used
    running = _notice([*tail, body("各单位要认真贯彻执行，确保各项工作落到实处，并及时报送工作进展。", row + 1, indent=True)])
    assert _extract(running).meta.date is None


def test_five_joint_issuers_at_the_indent_are_all_the_signature() -> None:
    """A 落款 of five joint issuers (a cap of four once dropped the fifth name, left as a paragraph)."""
    names = ["某市发展改革委", "某市财政局", "某市人力资源社会保障局", "某市商务局", "某市市场监管局"]
    tail = [_at(name, 5 + n, 2) for n, name in enumerate(names)] + [_at("2024年3月1日", 10, 2)]
    res = _extract(_notice(tail))
    assert res.meta.date == "2024-03-01"
    assert res.meta.issuer == "、".join(names)
    assert {4, 5, 6, 7, 8, 9} <= res.used


def test_name_over_an_unreadable_date_marks_nothing_used() -> None:
    """A date-shaped line whose date cannot be read (month 13) gives no 落款: its name lines stay text instead of
    being taken as a signature with a null date."""
    res = _extract(_notice([_at("某市财政局", 5, 2), _at("2023年13月", 6, 2)]))
    assert res.meta.date is None and not {4, 5} & res.used
