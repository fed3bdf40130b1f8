"""A vector chart's labels are no borderless table (ICDAR us-023 p.2: a line chart's tick values, left and
right of its plot, and its year labels below it, set level with the lines of the text column beside the chart,
made two 'tables' of labels and prose).  The form: an axis is a rule carrying evenly spaced tick marks (short
rules at right angles to it, touching it); text on and around the plot area it spans is the chart's labels,
and prose beside the chart is cut off them, never a cell of theirs.  A chart drawn without ticks (no value
axis, as office suites draw it) is told by its data: bars on one base line, a data line left to right."""

from __future__ import annotations

from pathlib import Path

from page_helpers import text
from policy_extract.extract.borderless import find_borderless
from policy_extract.extract.charts import (
    bar_areas,
    chart_areas,
    chart_labels,
    drawn_chart_areas,
    evenly_spaced,
    is_axis,
    polyline_areas,
)
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


def test_icdar_us023_line_chart_beside_text_makes_no_table() -> None:
    """us-023 p.2: the ruled data table is the page's only table."""
    page = pdf_page_content(ICDAR / "us-023.pdf", 2, None, S)
    assert [(t.method, t.n_rows, t.n_cols) for t in page.tables] == [("rules", 9, 12)]


# Charts drawn without tick marks (an office suite's default): two charts side by side, a bar chart and a line
# chart with data labels, printed their value labels, data labels and years level with each other and made an
# 8x8 borderless table.  Their data tells them: bars on one base line, a data line running left to right.


def rect(x0: float, top: float, x1: float, bottom: float, colour=(0.27, 0.45, 0.77)) -> dict:
    return {"x0": x0, "top": top, "x1": x1, "bottom": bottom, "fill": True, "stroke": False,
            "non_stroking_color": colour}


def polyline(pts: list[tuple[float, float]]) -> dict:
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return {"x0": min(xs), "top": min(ys), "x1": max(xs), "bottom": max(ys), "fill": False, "stroke": True,
            "pts": pts}


def test_bars_on_one_base_line_are_a_chart() -> None:
    bars = [rect(120 + 34 * i, 300 - 20 * i, 143 + 34 * i, 323) for i in range(5)]
    assert bar_areas(bars) == [(120, 220, 279, 323)]


def test_bars_lying_down_are_a_chart() -> None:
    bars = [rect(160, 200 + 18 * i, 200 + 25 * i, 210 + 18 * i) for i in range(6)]
    assert bar_areas(bars) == [(160, 200, 325, 300)]


def test_shaded_cells_are_no_bars() -> None:
    """A table's shaded cells: they abut, hold text, or a row of them has one height."""
    abutting = [rect(100 + 50 * i, 100, 150 + 50 * i, 120 + 3 * i) for i in range(4)]
    assert bar_areas(abutting) == []
    one_height = [rect(100 + 60 * i, 100, 150 + 60 * i, 120) for i in range(4)]
    assert bar_areas(one_height) == []
    with_text = [rect(100 + 60 * i, 100 - 5 * i, 150 + 60 * i, 120) for i in range(4)]
    assert bar_areas(with_text, text("区", 105, 105) + text("区", 165, 105) + text("区", 225, 100)) == []
    thick_rules = [rect(144, 111.6 + 100 * i, 279 - 30 * i, 113.8 + 100 * i) for i in range(3)]
    assert bar_areas(thick_rules) == []


def test_a_data_line_is_a_chart_and_a_rounded_box_is_not() -> None:
    assert polyline_areas([polyline([(357, 230), (391, 235), (425, 216), (459, 226), (493, 221)])]) \
        == [(357, 216, 493, 235)]
    rounded = polyline([(100, 106), (103, 101), (106, 100), (194, 100), (197, 101), (200, 106), (200, 124),
                        (197, 129), (194, 130), (106, 130), (103, 129), (100, 124), (100, 106)])
    assert polyline_areas([rounded]) == []


def side_by_side_charts() -> tuple[list[dict], list[dict], list[dict]]:
    """A bar chart (value labels left, data labels over the bars) and a line chart (value labels left, data
    labels over the points) side by side, years under both; no axis line, no tick."""
    chars: list[dict] = []
    for i in range(9):
        y = 190 + 16 * i
        chars += text(str(400 - 50 * i), 100, y - 4, size=8) + text(str(8 - i), 330, y - 4, size=8)
    bars, pts = [], []
    for i in range(5):
        x, top = 120 + 34 * i, 260 - 12 * i
        bars.append(rect(x, top, x + 23, 323))
        chars += text(f"{312 + 18 * i}", x + 1, top - 12, size=8)
        px, py = 357 + 34 * i, 235 - 6 * (i % 3)
        pts.append((px, py))
        chars += text(f"5.{i}", px - 5, py - 12, size=8)
        chars += text(str(2019 + i), x - 2, 330, size=8) + text(str(2019 + i), px - 16, 330, size=8)
    return chars, bars, [polyline(pts)]


def test_side_by_side_charts_without_ticks_make_no_table() -> None:
    chars, bars, lines = side_by_side_charts()
    tables, _ = find_borderless(char_rows(chars, S), 1, S)
    assert tables, "the form: the two charts' labels line up as columns"
    page = page_content(1, (600.0, 800.0), 0, chars, [], S, charts=drawn_chart_areas(bars, lines, chars))
    assert page.tables == []


def reportlab_charts(path: Path) -> None:
    """A page as a statistics bulletin prints it with reportlab.graphics: a paragraph, then a bar chart
    (data labels over the bars) beside a line chart (data labels over the points), no value axis, no tick,
    years under both."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    def axes(chart: VerticalBarChart | HorizontalLineChart, vmax: float, step: float) -> None:
        chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, vmax, step
        chart.categoryAxis.categoryNames = ["2019", "2020", "2021", "2022", "2023"]
        chart.valueAxis.visibleTicks = chart.categoryAxis.visibleTicks = chart.valueAxis.visibleAxis = 0
        chart.valueAxis.labels.fontSize = chart.categoryAxis.labels.fontSize = 9

    drawing = Drawing(440, 190)
    bar = VerticalBarChart()
    bar.x, bar.y, bar.width, bar.height = 30, 30, 170, 140
    bar.data = [(312.5, 335.2, 351.8, 368.4, 390.1)]
    axes(bar, 400, 50)
    bar.bars[0].fillColor, bar.bars.strokeColor = colors.HexColor("#4472c4"), None
    bar.barLabelFormat, bar.barLabels.fontSize, bar.barLabels.nudge = "%.1f", 8, 6
    line = HorizontalLineChart()
    line.x, line.y, line.width, line.height = 255, 30, 170, 140
    line.data = [(5.2, 4.8, 6.1, 5.5, 5.9)]
    axes(line, 8, 1)
    line.lines[0].strokeColor, line.lines.strokeWidth = colors.HexColor("#ed7d31"), 1.5
    line.lineLabelFormat, line.lineLabels.fontSize = "%.1f", 8
    drawing.add(bar)
    drawing.add(line)
    drawing.add(String(115, 5, "GRP (100 million yuan)", fontSize=9, textAnchor="middle"))
    drawing.add(String(340, 5, "Growth (%)", fontSize=9, textAnchor="middle"))
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=12, leading=20)
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph("Gross regional product and its growth rate, 2019-2023, are shown in Figure 1.", body),
         drawing])


def test_reportlab_bar_and_line_charts_side_by_side_make_no_table(tmp_path: Path) -> None:
    pdf = tmp_path / "charts.pdf"
    reportlab_charts(pdf)
    page = pdf_page_content(pdf, 1, None, S)
    assert page.tables == []
    assert any("390.1" in ln.text for ln in page.lines), "the labels stay the page's text"


def test_a_table_beside_a_chart_keeps_its_rows_and_the_labels_stay_text() -> None:
    """A space-aligned table set level with a chart's tick values: the table is found from the rows' parts
    beyond the labels, and the labels stay lines of the page, each once."""
    chars = [c for c in chart_page_chars() if c["x0"] < 330]
    for r, row in enumerate([("地区", "人口", "比重"), ("城区", "120", "45%"), ("郊区", "80", "30%"),
                             ("农村", "66", "25%")]):
        for c, cell in enumerate(row):
            chars += text(cell, 340 + 80 * c, LEVELS[r] - 5)
    page = page_content(1, (600.0, 800.0), 0, chars, plot_frame(), S)
    assert [(t.n_rows, t.n_cols) for t in page.tables] == [(4, 3)]
    line_text = "".join(ln.text for ln in page.lines)
    assert "54,000" in line_text and line_text.count("54,000") == 1
    assert "城区" not in line_text
