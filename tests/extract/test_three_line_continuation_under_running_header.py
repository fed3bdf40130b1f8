"""A three-line table continued on the next page under a running header of two lines with no rule under it
(the office's name over the document's short title, the same on every page: generated
gen_rl_threeline_header2_norule).  Broke in ``extract/hrules.py``: above the rows of a continuation (no top
rule, rows over the single bottom rule) only one line was allowed, a fixed count, so under a two-line header
the rows were no continuation of the table (with a rule under the header, that rule was read as the top rule
and hid the fault).  Now the lines above are the page's running header when each recurs in the top band of a
page read before (``PageTables.running``), however many; a line that does not (a table's title over a
recurring ``[In thousands]``, ICDAR us-017) still ends the rows' claim."""

from __future__ import annotations

from page_helpers import cells, h, text
from policy_extract.extract.hrules import band_keys, running_key
from policy_extract.extract.page import page_content
from policy_extract.extract.settings import ExtractSettings
from test_three_line_cut_by_page_break import closing_rows

from policy_extract.core.model import Line, PageContent

S = ExtractSettings()
OFFICE, TITLE = "某某市市场监督管理局", "关于开展食品安全攻坚行动的通知"


def page_two(running: frozenset[str], lines: tuple[str, ...] = (OFFICE, TITLE)) -> PageContent:
    chars = [c for k, line in enumerate(lines) for c in text(line, 180, 30 + 14 * k)] + closing_rows(90)
    chars += text("各县（区）局要于每月5日前报送上月工作进展，市局将适时开展督导检查。", 55, 160)
    return page_content(2, (500, 700), 0, chars, [h(140, 50, 460)], S, running=running)


def test_rows_under_a_two_line_running_header_that_recurs_are_the_tables_continuation() -> None:
    page = page_two(frozenset({running_key(OFFICE), running_key(TITLE)}))
    (table,) = page.tables
    assert table.method == "rules" and table.n_rows == 2 and table.n_cols == 5
    assert table.bbox[0] == 50 and table.bbox[2] == 460  # the rule's extent: page 1's columns
    assert cells(table)[(1, 4)] == "6月底前"
    assert [ln.text[:4] for ln in page.lines] == ["某某市市", "关于开展", "各县（区"]


def test_two_lines_no_earlier_page_printed_are_no_running_header() -> None:
    """Without the recurrence (the first page, or lines of the page's own) two lines above the rows still end
    the claim, as before."""
    assert all(t.method != "rules" for t in page_two(frozenset()).tables)


def test_a_title_over_a_recurring_line_is_no_running_header() -> None:
    """ICDAR us-017's form: a table's title over a ``[In thousands]`` line that recurs on other pages; the title
    does not recur, so the rows under them are no continuation."""
    page = page_two(frozenset({running_key("[In thousands]")}), ("Table 3. Money income", "[In thousands]"))
    assert all(t.method != "rules" for t in page.tables)


def test_one_line_above_stays_a_running_header_without_recurrence() -> None:
    """Page 1 printed no header (a 版头 page): one line above the rows is the running header still."""
    assert [t.method for t in page_two(frozenset(), (OFFICE,)).tables] == ["rules"]


def test_running_keys_mask_digits_and_spaces_and_come_from_the_top_band() -> None:
    assert running_key("第 3 页  共10页") == running_key("第12页共9页")
    lines = [Line(OFFICE, 1, (180, 30, 320, 42)), Line("正文", 1, (55, 400, 120, 412))]
    page = PageContent(number=1, width=500, height=700, rotation=0, text_layer="born_digital", lines=lines,
                       tables=[], frames=[], rules=[])
    assert band_keys(page) == {running_key(OFFICE)}
