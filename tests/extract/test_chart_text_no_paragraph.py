"""A vector chart's labels are no paragraphs (statistics bulletins and 规划 print bar and line charts between
their paragraphs: each tick value, data label, year label and legend came out as a paragraph of its own, or
was glued into the paragraph above it).  The form: text in the chart's label type on and around a detected
plot area (:func:`extract.charts.chart_text`) is marked ``Line.chart`` and normalize keeps it out of the
paragraphs; body text set close above the chart and the chart's caption (larger type, or opening with
``图1``) stay running text, and the paragraphs before and after the chart stay apart."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from page_helpers import text
from policy_extract.extract.charts import chart_text, even_runs, with_gridlines
from policy_extract.extract.page import page_content
from policy_extract.extract.rules import Segment
from policy_extract.extract.settings import ExtractSettings
from policy_extract.normalize.layout import Column
from policy_extract.normalize.paragraphs import segment_blocks

from policy_extract.core.model import Line
from policy_extract.core.vocabulary import FIGURE_LABEL
from policy_extract.pipeline import process_pdf

S = ExtractSettings()
OPEN = ("2023年，全市上下坚持稳中求进工作总基调，经济运行总体回升向好。初步核算，全年实现地区生产总值390.1亿元，"
        "比上年增长5.9%。其中，第一产业增加值28.6亿元，增长3.8%；第二产业增加值152.3亿元，增长6.1%。")
BEFORE = "全年一般公共预算收入166.9亿元，增长9.3%。近五年主要指标见图1。"
AFTER = "全年全市居民消费价格比上年上涨0.4%，其中食品烟酒类价格下降0.9%。"
CAPTION = "图1 2019—2023年地区生产总值和一般公共预算收入"


def bulletin(path: Path, *, ticks: bool, caption_size: float = 14.0, legend: bool = True,
             line: bool = False, caption: str = CAPTION) -> None:
    """A bulletin page as reportlab.graphics draws it: a paragraph, one whose last line is short, a bar chart of
    two series (data labels, year labels, a legend under them), its caption, the next paragraph.
    ``ticks`` false: no value axis and no tick marks, light gridlines (an office suite's default);
    ``legend`` false: none, the caption right under the year labels; ``line``: a line chart of the series."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from samples.produce_reportlab import font

    face = font("Noto Serif CJK SC")
    chart = HorizontalLineChart() if line else VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 50, 50 if legend else 25, 340, 150
    chart.data = [(312.5, 335.2, 351.8, 368.4, 390.1), (120.3, 131.6, 140.2, 152.7, 166.9)]
    chart.categoryAxis.categoryNames = ["2019年", "2020年", "2021年", "2022年", "2023年"]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName, axis.labels.fontSize = face, 9
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 450, 50
    if not ticks:
        chart.valueAxis.visibleTicks = chart.categoryAxis.visibleTicks = chart.valueAxis.visibleAxis = 0
        chart.valueAxis.visibleGrid, chart.valueAxis.gridStrokeColor = 1, colors.HexColor("#d9d9d9")
    if line:
        chart.lines[0].strokeColor, chart.lines[1].strokeColor = colors.HexColor("#4472c4"), colors.red
        chart.lineLabelFormat, chart.lineLabels.fontName, chart.lineLabels.fontSize = "%.1f", face, 8
    else:
        chart.bars[0].fillColor, chart.bars[1].fillColor = colors.HexColor("#4472c4"), colors.red
        chart.bars.strokeColor = None
        chart.barLabelFormat, chart.barLabels.fontName, chart.barLabels.fontSize, chart.barLabels.nudge = \
            "%.1f", face, 8, 6
    drawing = Drawing(440, 230 if legend else 205)
    drawing.add(chart)
    if legend:
        key = Legend()
        key.x, key.y, key.fontName, key.fontSize = 120, 22, face, 9
        key.alignment, key.columnMaximum, key.deltax = "right", 1, 160
        key.colorNamePairs = [(colors.HexColor("#4472c4"), "地区生产总值（亿元）"),
                              (colors.red, "一般公共预算收入（亿元）")]
        drawing.add(key)
    body = ParagraphStyle("body", fontName=face, fontSize=14, leading=26, firstLineIndent=28, wordWrap="CJK")
    cap = ParagraphStyle("cap", parent=body, fontSize=caption_size, leading=caption_size * 1.6,
                         firstLineIndent=0, alignment=TA_CENTER)
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=79, rightMargin=74, topMargin=105).build(
        [Paragraph(OPEN, body), Paragraph(BEFORE, body), drawing, Paragraph(caption, cap), Paragraph(AFTER, body)])


def paragraphs(pdf: Path) -> list[str]:
    return [p.text for p in process_pdf(pdf).paragraphs]


def test_bar_chart_with_tick_axes_labels_are_no_paragraphs(tmp_path: Path) -> None:
    pdf = tmp_path / "ticks.pdf"
    bulletin(pdf, ticks=True)
    assert paragraphs(pdf) == [OPEN, BEFORE, CAPTION, AFTER]


def test_bar_chart_without_ticks_labels_are_no_paragraphs(tmp_path: Path) -> None:
    """Told by its bars alone: the tick values beside the gridlines and the legend go too."""
    pdf = tmp_path / "office.pdf"
    bulletin(pdf, ticks=False)
    assert paragraphs(pdf) == [OPEN, BEFORE, CAPTION, AFTER]


def test_line_chart_without_ticks_labels_below_its_data_are_no_paragraphs(tmp_path: Path) -> None:
    """Told by its data lines alone (120 to 390 on a scale of 0 to 450): the tick values down to 0 and the
    year labels under the scale are reached over the gridlines (:func:`extract.charts.with_gridlines`)."""
    pdf = tmp_path / "office_line.pdf"
    bulletin(pdf, ticks=False, line=True)
    assert paragraphs(pdf) == [OPEN, BEFORE, CAPTION, AFTER]


def test_caption_in_the_labels_type_stays_a_paragraph(tmp_path: Path) -> None:
    """A caption set in the labels' own size right under the year labels (no legend) opens with 图1: the
    chart's caption, though as close to the labels as a legend would be."""
    pdf = tmp_path / "small_caption.pdf"
    bulletin(pdf, ticks=True, caption_size=9.0, legend=False)
    assert paragraphs(pdf) == [OPEN, BEFORE, CAPTION, AFTER]


def test_a_caption_wrapped_onto_a_second_line_stays_whole(tmp_path: Path) -> None:
    """Its second line has no figure label, but runs on right under the first in the same type (ICDAR eu-017
    p.3: ``Figure CA3. | Age-specific …`` / ``data for reporting MSs, 2007`` lost its second line)."""
    long = CAPTION + "（2019年为基期，按可比价格计算，其中一般公共预算收入不含政府性基金收入和国有资本经营收入）"
    pdf = tmp_path / "wrapped_caption.pdf"
    bulletin(pdf, ticks=True, caption_size=9.0, legend=False, caption=long)
    assert paragraphs(pdf) == [OPEN, BEFORE, long, AFTER]


# The form of ICDAR us-023 p.2: a line chart's frame with tick marks, tick values left and right of it, years
# under it, and a column of prose beside the chart whose lines are level with the tick values.
PLOT = (100.0, 400.0, 270.0, 500.0)
LEVELS = [400.0 + 12.5 * i for i in range(9)]
PROSE = "居民健康状况持续改善预期寿命稳步提高"


def chart_page() -> tuple[list[dict], list[Segment]]:
    x0, top, x1, bottom = PLOT
    segs = [Segment("h", top, x0, x1), Segment("h", bottom, x0, x1),
            Segment("v", x0, top, bottom), Segment("v", x1, top, bottom)]
    segs += [Segment("h", y, x0 - 2, x0) for y in LEVELS] + [Segment("h", y, x1, x1 + 2) for y in LEVELS]
    chars: list[dict] = []
    for i, y in enumerate(LEVELS):
        chars += text(f"{54 - i},000", 62, y - 3.5, size=6) + text(f"0.{58 - 2 * i}", 274, y - 3.5, size=6)
    for k in range(9):
        chars += text(PROSE, 330, LEVELS[k] - 5, size=10)
    return chars, segs


def test_prose_beside_a_chart_is_cut_from_its_labels() -> None:
    chars, segs = chart_page()
    page = page_content(1, (600.0, 800.0), 0, chars, segs, S)
    prose = [ln for ln in page.lines if PROSE in ln.text]
    assert len(prose) == 9 and all(ln.text == PROSE and not ln.chart for ln in prose)
    labels = [ln for ln in page.lines if PROSE not in ln.text]
    assert labels and all(ln.chart for ln in labels)
    assert any("54,000" in ln.text for ln in labels) and any("0.58" in ln.text for ln in labels)


def test_page_without_a_chart_marks_nothing() -> None:
    chars = [c for k in range(9) for c in text(PROSE, 330, 400 + 14 * k, size=10)]
    page = page_content(1, (600.0, 800.0), 0, chars, [], S)
    assert page.lines and not any(ln.chart for ln in page.lines)
    assert chart_text(chars, []) == set()


def test_gridlines_of_two_charts_one_above_the_other_are_two_scales() -> None:
    """Two charts of one width, one above the other, draw gridlines of one span: each chart's data grows
    over its own scale only."""
    upper = [193.0 + 50.0 / 3 * i for i in range(10)]
    lower = [491.0 + 16.25 * i for i in range(9)]
    assert [(r[0], r[-1]) for r in even_runs(upper + lower)] == [(193.0, 343.0), (491.0, 621.0)]
    segs = [Segment("h", y, 135.0, 475.0) for y in upper + lower]
    assert with_gridlines((169.0, 522.0, 441.0, 574.0), segs) == (135.0, 491.0, 475.0, 621.0)
    assert with_gridlines((169.0, 522.0, 441.0, 574.0), segs[:10]) == (169.0, 522.0, 441.0, 574.0)


def line(t: str, top: float, *, chart: bool = False) -> Line:
    return Line(t, 1, (100.0, top, 100.0 + 14 * len(t), top + 14), size=14.0, char_width=14.0, chart=chart)


def test_chart_lines_are_in_no_block_and_part_the_blocks_around_them() -> None:
    """Glued: a paragraph's last line, the chart's labels under it and the text after the chart ran on as
    one paragraph (each without a sentence end, flush left, level pitch)."""
    lines = [line("经济运行总体平稳全年地区生产总值", 100), line("312.5", 126, chart=True),
             line("2019年", 152, chart=True), line("比上年增长百分之五点九", 178)]
    cols = {1: Column(100.0, 100.0 + 14 * 16, 595.0, 842.0)}
    blocks = segment_blocks(lines, [0, 1, 2, 3], cols, 26.0)
    assert [[ln.text for ln in b.lines] for b in blocks] == [[lines[0].text], [lines[3].text]]


@given(st.sampled_from(["图", "图 ", "图表", "附图", "Figure ", "Fig. ", "Chart "]),
       st.integers(min_value=1, max_value=99), st.text(alphabet="年地区生产总值增速（%） ", max_size=12))
def test_figure_label_opens_every_caption(label: str, n: int, title: str) -> None:
    assert FIGURE_LABEL.match(f"{label}{n} {title}")


@given(st.text(alphabet="书馆解形象片", min_size=1, max_size=6))
def test_figure_label_is_no_word_opening_with_tu(rest: str) -> None:
    assert not FIGURE_LABEL.match(f"图{rest}")
