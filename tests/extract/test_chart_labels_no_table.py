"""A vector chart's labels are no borderless table (ICDAR us-023 p.2: a line chart's tick values, left and
right of its plot, and its year labels below it, set level with the lines of the text column beside the chart,
made two 'tables' of labels and prose).  The form: an axis is a rule carrying evenly spaced tick marks (short
rules at right angles to it, touching it); text on and around the plot area it spans is the chart's labels,
and prose beside the chart is cut off them, never a cell of theirs."""

from __future__ import annotations

from pathlib import Path

import pytest
from page_helpers import text
from policy_extract.extract.borderless import find_borderless
from policy_extract.extract.charts import chart_areas, chart_labels, evenly_spaced, is_axis
from policy_extract.extract.debug import page_content as pdf_page_content
from policy_extract.extract.lines import char_rows
from policy_extract.extract.page import page_content
from policy_extract.extract.rules import Segment
from policy_extract.extract.settings import ExtractSettings

S = ExtractSettings()
REPO = Path(__file__).resolve().parents[2]
ICDAR = REPO.parent / "shared" / "corpus" / "icdar2013-dev" / "competition-dataset-us"

PLOT = (100.0, 400.0, 270.0, 500.0)
LEVELS = [400.0 + 12.5 * i for i in range(9)]
YEARS = [110.0, 140.0, 170.0, 200.0, 230.0, 260.0]


def plot_frame(ticks: bool = True) -> list[Segment]:
    """A line chart's frame: left and right value axes with ticks outside, the year axis with ticks below."""
    x0, top, x1, bottom = PLOT
    segs = [Segment("h", top, x0, x1), Segment("h", bottom, x0, x1),
            Segment("v", x0, top, bottom), Segment("v", x1, top, bottom)]
    if ticks:
        segs += [Segment("h", y, x0 - 2, x0) for y in LEVELS] + [Segment("h", y, x1, x1 + 2) for y in LEVELS]
        segs += [Segment("v", x, bottom, bottom + 2) for x in YEARS]
    return segs


def chart_page_chars() -> list[dict]:
    """Tick values left (52,000) and right (0.46) level with the ticks, years under the plot, and a column of
    running text beside the chart whose lines fall level with the tick values."""
    chars: list[dict] = []
    for i, y in enumerate(LEVELS):
        chars += text(f"{54 - i},000", 62, y - 3.5, size=6) + text(f"0.{58 - 2 * i}", 274, y - 3.5, size=6)
    for i, x in enumerate(YEARS):
        chars += text(str(1997 + 2 * i), x - 12, 505, size=6)
    for k in range(12):
        chars += text("居民健康状况持续改善预期寿命稳步提高", 330, 395 + 12.5 * k, size=10)
    return chars


def test_evenly_spaced_ticks_make_an_axis() -> None:
    segs = plot_frame()
    assert is_axis(Segment("v", 100.0, 400.0, 500.0), segs)
    assert is_axis(Segment("h", 500.0, 100.0, 270.0), segs)
    assert not evenly_spaced([10.0, 40.0, 45.0, 90.0])


def test_a_ruled_table_has_no_axis() -> None:
    """A grid's rules cross the whole table: none is a tick (at most a few points long) of another."""
    xs, ys = [100.0, 200.0, 300.0, 400.0], [100.0, 120.0, 140.0, 160.0, 180.0]
    segs = [Segment("h", y, xs[0], xs[-1]) for y in ys] + [Segment("v", x, ys[0], ys[-1]) for x in xs]
    assert chart_areas(segs) == []


def test_chart_labels_are_the_text_around_the_plot_not_the_prose_beside_it() -> None:
    chars = chart_page_chars()
    labels = chart_labels(chars, chart_areas(plot_frame()))
    texts = {c["text"] for c in chars if id(c) in labels}
    assert {"5", ",", "0", "."} <= texts
    assert not any(id(c) in labels for c in chars if c["x0"] >= 330)


def test_chart_labels_beside_prose_make_no_borderless_table() -> None:
    chars = chart_page_chars()
    tables, _ = find_borderless(char_rows(chars, S), 1, S)
    assert tables, "the form: labels and the prose level with them line up as columns"
    page = page_content(1, (600.0, 800.0), 0, chars, plot_frame(), S)
    assert page.tables == []
    prose = [ln.text for ln in page.lines if ln.bbox[0] >= 329]
    assert prose and all(t == "居民健康状况持续改善预期寿命稳步提高" for t in prose)


def test_a_space_aligned_table_away_from_a_chart_stays_a_table() -> None:
    chars = chart_page_chars()
    for r, row in enumerate([("地区", "人口", "比重"), ("城区", "120", "45%"), ("郊区", "80", "30%"),
                             ("农村", "66", "25%")]):
        for c, cell in enumerate(row):
            chars += text(cell, 80 + 120 * c, 620 + 18 * r)
    page = page_content(1, (600.0, 800.0), 0, chars, plot_frame(), S)
    assert [(t.n_rows, t.n_cols) for t in page.tables] == [(4, 3)]


@pytest.mark.skipif(not (ICDAR / "us-023.pdf").exists(), reason="ICDAR 2013 dev corpus not present")
def test_icdar_us023_line_chart_beside_text_makes_no_table() -> None:
    """us-023 p.2: the ruled data table is the page's only table."""
    page = pdf_page_content(ICDAR / "us-023.pdf", 2, None, S)
    assert [(t.method, t.n_rows, t.n_cols) for t in page.tables] == [("rules", 9, 12)]
