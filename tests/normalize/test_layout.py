from __future__ import annotations

from policy_extract.normalize.layout import content_lines

from policy_extract.core.model import Line, PageContent


def _line(text: str, page: int, box: tuple[float, float, float, float]) -> Line:
    return Line(text, page, box, "SimSun", 10.5, char_width=10.5)


def _portrait(n: int) -> PageContent:
    lines = [
        _line("某省交通运输厅办公室", n, (240, 53, 355, 64)),
        _line(f"正文第{n}页的内容", n, (80, 300, 500, 316)),
    ]
    return PageContent(n, 595.0, 842.0, lines=lines)


def test_running_header_on_a_landscape_page_is_removed_too() -> None:
    """A header printed 53 pt from the top of every page: on a landscape page (595 pt high) that is outside a
    band measured on the page height; measured on the long side it is the same running line."""
    landscape = PageContent(
        3,
        842.0,
        595.0,
        lines=[
            _line("某省交通运输厅办公室", 3, (363, 53, 479, 64)),
            _line("横向表格页的正文", 3, (80, 300, 700, 316)),
        ],
    )
    pages = [_portrait(1), _portrait(2), landscape, _portrait(4)]
    kept, dropped = content_lines(pages)
    assert [ln.page for ln in dropped] == [1, 2, 3, 4]
    assert all("办公室" not in ln.text for ln in kept)


def test_a_line_near_the_top_of_a_landscape_page_is_not_taken_for_furniture_unless_it_repeats() -> None:
    landscape = PageContent(3, 842.0, 595.0, lines=[_line("附表标题", 3, (363, 53, 479, 64))])
    pages = [_portrait(1), _portrait(2), landscape]
    kept, _ = content_lines(pages)
    assert "附表标题" in [ln.text for ln in kept]


def test_running_header_of_a_two_page_notice_is_removed() -> None:
    """gen_rl_08: an office name printed over a rule at the top of both pages of a two-page notice leaked into
    the paragraphs, since a running line needed three pages; on two pages it must be on both."""
    kept, dropped = content_lines([_portrait(1), _portrait(2)])
    assert [ln.page for ln in dropped] == [1, 2]
    assert [ln.text for ln in kept] == ["正文第1页的内容", "正文第2页的内容"]


def test_a_top_line_on_one_page_of_two_is_kept() -> None:
    first = PageContent(1, 595.0, 842.0, lines=[_line("某省交通运输厅办公室", 1, (240, 53, 355, 64))])
    second = PageContent(2, 595.0, 842.0, lines=[_line("附件", 2, (80, 53, 120, 64))])
    kept, dropped = content_lines([first, second])
    assert not dropped and len(kept) == 2


def test_a_single_page_has_no_running_lines() -> None:
    page = PageContent(1, 595.0, 842.0, lines=[_line("某省交通运输厅办公室", 1, (240, 53, 355, 64))])
    kept, dropped = content_lines([page])
    assert not dropped and len(kept) == 1
