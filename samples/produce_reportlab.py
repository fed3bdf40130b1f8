"""Producer "rl": render a sample source straight to PDF with reportlab (platypus), no office suite.

``render(src, out_pdf)`` lays out the same block model ``samples/build.py`` loads from YAML, the way a
report generator or an OA system's PDF export does it: TTF CJK fonts embedded as subsets (with /ToUnicode),
tables as platypus ``Table`` objects whose rules are drawn as LINE commands (full grid, outer frame only,
three-line), as double lines, as thin filled rectangles, or not at all; header rows repeated or not after a
page break; rows and merged cells cut by page breaks; landscape annex pages from their own page template;
running headers and page numbers drawn by ``onPage``.  Output is byte-for-byte reproducible (``invariant=1``).

Reportlab cannot embed CFF-outline fonts (the Noto CJK .ttc files), so a face mapped to one falls back to a
TrueType face of the same kind (serif → AR PL UMing, sans → WenQuanYi Zen Hei); 小标宋 (bold by face) is
printed with a stroked outline, the synthetic bold Word and WPS use for a font without a bold weight.
"""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
    XPreformatted,
)

_REPO = Path(__file__).resolve().parents[1]
if str(_REPO) not in sys.path:  # run as a script: make `samples.*` importable
    sys.path.insert(0, str(_REPO))

from samples.build import (  # noqa: E402
    BODY_PT,
    LINE_PT,
    MARGIN_BOTTOM_MM,
    MARGIN_LEFT_MM,
    MARGIN_RIGHT_MM,
    MARGIN_TOP_MM,
    PAGE_NUMBER_PT,
    TITLE_PT,
    Attachment,
    Block,
    ChartBlock,
    Colophon,
    DiagramBlock,
    Header,
    HeadingBlock,
    ParaBlock,
    SidebarBlock,
    SideHeadingBlock,
    Signature,
    SourceError,
    TableBlock,
    TitleBlock,
    issuer_size,
    origin_cells,
    spaced_lines,
)
from samples.build import Source as SampleSource  # noqa: E402

RED = colors.Color(1, 0, 0)
BLACK = colors.black
SHADE = colors.Color(0.9, 0.9, 0.9)
RUNNING_HEADER_PT = 10.5
OF_TOTAL_PT = 10.5
FAKE_BOLD = 0.03
"""Outline stroke of synthetic bold, as a fraction of the font size."""
CFF_FALLBACK = {"Noto Serif CJK SC": "AR PL UMing CN", "Noto Sans CJK SC": "WenQuanYi Zen Hei"}
BOLD_FAMILY = "WenQuanYi Zen Hei"
"""What ``<b>`` prints in (table headers, run-in titles, 专栏 titles): 黑体, for want of a bold 仿宋."""
RULE_PT = 0.5
HEAVY_RULE_PT = 1.0
CELL_PAD_PT = 4.0
INVARIANT = 1


# ------------------------------------------------------------------------------------------------ fonts


def font_file(family: str) -> tuple[str, int]:
    """(file, face index) of an installed family, via fontconfig."""
    out = subprocess.run(["fc-match", "-f", "%{file}|%{index}", family], capture_output=True, text=True,
                         check=True).stdout
    path, _, index = out.partition("|")
    return path, int(index or 0)


@cache
def font(family: str) -> str:
    """Register an installed family with reportlab (TTC sub-font aware); returns the reportlab font name.
    A family reportlab cannot embed (CFF outlines) is replaced by a TrueType face of the same kind."""
    name = "".join(ch for ch in family if ch.isalnum())
    path, index = font_file(family)
    try:
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
    except TTFError:
        fallback = CFF_FALLBACK.get(family)
        if fallback is None:
            raise
        return font(fallback)
    if family != BOLD_FAMILY:
        bold = font(BOLD_FAMILY)
        pdfmetrics.registerFontFamily(name, normal=name, bold=bold, italic=name, boldItalic=bold)
    return name


def markup(text: str) -> str:
    """Paragraph mini-markup of plain text: escaped, ``\\n`` as a hard line break."""
    return "<br/>".join(escape(part) for part in text.split("\n"))


# --------------------------------------------------------------------------------------------- flowables


class Line(Flowable):
    """One centred (or left) line of text, shrunk to fit; synthetic bold and colour as asked."""

    def __init__(self, text: str, font_name: str, size: float, leading: float, *, color: Any = BLACK,
                 bold: bool = False, align: str = "center") -> None:
        super().__init__()
        self.text, self.font_name, self.size, self.leading = text, font_name, size, leading
        self.color, self.bold, self.align = color, bold, align

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.avail_w = avail_w
        width = pdfmetrics.stringWidth(self.text, self.font_name, self.size)
        if width > avail_w:
            self.size = self.size * avail_w / width * 0.99
        return avail_w, self.leading

    def draw(self) -> None:
        c = self.canv
        width = pdfmetrics.stringWidth(self.text, self.font_name, self.size)
        x = (self.avail_w - width) / 2 if self.align == "center" else 0.0
        y = (self.leading - self.size) / 2 + self.size * 0.12
        c.saveState()
        text = c.beginText(x, y)
        text.setFont(self.font_name, self.size)
        text.setFillColor(self.color)
        if self.bold:
            c.setStrokeColor(self.color)
            c.setLineWidth(self.size * FAKE_BOLD)
            text.setTextRenderMode(2)
        text.textOut(self.text)
        c.drawText(text)
        c.restoreState()


class Rule(Flowable):
    """A horizontal rule across the frame: a stroked line, or a filled rectangle of the same thickness."""

    def __init__(self, thickness: float, color: Any = BLACK, space_before: float = 0.0,
                 space_after: float = 0.0, filled: bool = False) -> None:
        super().__init__()
        self.thickness, self.color, self.filled = thickness, color, filled
        self.before, self.after = space_before, space_after

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.avail_w = avail_w
        return avail_w, self.before + self.thickness + self.after

    def draw(self) -> None:
        c = self.canv
        y = self.after
        if self.filled:
            c.setFillColor(self.color)
            c.rect(0, y, self.avail_w, self.thickness, stroke=0, fill=1)
        else:
            c.setStrokeColor(self.color)
            c.setLineWidth(self.thickness)
            c.line(0, y + self.thickness / 2, self.avail_w, y + self.thickness / 2)


DIAGRAM_BOX_H = 26.0
DIAGRAM_ROW_GAP = 26.0
DIAGRAM_COL_GAP = 36.0
DIAGRAM_BOX_W = {1: 200.0, 2: 160.0, 3: 120.0}
ARROW_HEAD = 4.0


class Diagram(Flowable):
    """A flowchart: each box a rounded (or square) rectangle of its own, gaps between them, connectors drawn
    as straight lines that touch both boxes (a trunk from the box above, a bus across the row's centres, a
    drop onto each box below) and a filled arrowhead at each drop's end."""

    def __init__(self, b: DiagramBlock, font_name: str) -> None:
        super().__init__()
        self.b, self.font_name = b, font_name

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.avail_w = avail_w
        n = len(self.b.rows)
        return avail_w, n * DIAGRAM_BOX_H + (n - 1) * DIAGRAM_ROW_GAP + 12

    def centres(self, row: int) -> list[float]:
        n = len(self.b.rows[row])
        width = DIAGRAM_BOX_W.get(n, 100.0)
        total = n * width + (n - 1) * DIAGRAM_COL_GAP
        x0 = (self.avail_w - total) / 2 + width / 2
        return [x0 + i * (width + DIAGRAM_COL_GAP) for i in range(n)]

    def top(self, row: int) -> float:
        """y of the row's box tops (reportlab's y grows upwards)."""
        return self.height - 6 - row * (DIAGRAM_BOX_H + DIAGRAM_ROW_GAP)

    def draw(self) -> None:
        c = self.canv
        self.height = self.wrap(self.avail_w, 0)[1]
        c.saveState()
        c.setLineWidth(0.8)
        c.setStrokeColor(BLACK)
        for r, row in enumerate(self.b.rows):
            width = DIAGRAM_BOX_W.get(len(row), 100.0)
            for x, text in zip(self.centres(r), row, strict=True):
                self.box(x - width / 2, self.top(r) - DIAGRAM_BOX_H, width, text)
            if r:
                self.connect(r)
        c.restoreState()

    def box(self, x: float, y: float, width: float, text: str) -> None:
        c = self.canv
        if self.b.box == "rounded":
            c.roundRect(x, y, width, DIAGRAM_BOX_H, 6, stroke=1, fill=0)
        else:
            c.rect(x, y, width, DIAGRAM_BOX_H, stroke=1, fill=0)
        size = self.b.font_size
        c.setFont(self.font_name, size)
        c.setFillColor(BLACK)
        c.drawCentredString(x + width / 2, y + (DIAGRAM_BOX_H - size) / 2 + size * 0.15, text)

    def connect(self, r: int) -> None:
        """Lines from the boxes of row ``r - 1`` to those of row ``r``, touching both."""
        c = self.canv
        above, below = self.centres(r - 1), self.centres(r)
        y_from, y_to = self.top(r - 1) - DIAGRAM_BOX_H, self.top(r)
        mid = (y_from + y_to) / 2
        for x in above:
            c.line(x, y_from, x, mid)
        xs = above + below
        if len(xs) > 2:
            c.line(min(xs), mid, max(xs), mid)
        for x in below:
            c.line(x, mid, x, y_to)
            path = c.beginPath()
            path.moveTo(x, y_to)
            path.lineTo(x - ARROW_HEAD / 2, y_to + ARROW_HEAD)
            path.lineTo(x + ARROW_HEAD / 2, y_to + ARROW_HEAD)
            path.close()
            c.drawPath(path, stroke=0, fill=1)


CHART_H = 230.0
CHART_COLORS = ("#4472c4", "#ed7d31", "#a5a5a5", "#70ad47")
"""An office suite's default series colours."""


def value_label(v: float) -> str:
    return f"{v:g}"


def chart_plot(b: ChartBlock, width: float, face: str) -> Any:
    """The reportlab chart of a :class:`ChartBlock`: bars (upright or lying down) or lines, one series per
    colour, data labels on every bar or point; without ``ticks`` no value axis and no tick marks, light
    gridlines instead (an office suite's default)."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
    from reportlab.graphics.charts.linecharts import HorizontalLineChart

    cls = {"bar": VerticalBarChart, "hbar": HorizontalBarChart, "line": HorizontalLineChart}[b.chart]
    c = cls()
    left = 110.0 if b.chart == "hbar" else 60.0
    c.x, c.y, c.width, c.height = left, 50.0, width - left - 40.0, CHART_H - 75.0
    flip = b.chart == "hbar"  # bars lying down are listed top to bottom
    c.data = [tuple(reversed(v)) if flip else v for _, v in b.series]
    c.categoryAxis.categoryNames = list(reversed(b.categories)) if flip else list(b.categories)
    for axis in (c.categoryAxis, c.valueAxis):
        axis.labels.fontName, axis.labels.fontSize = face, b.font_size
    c.valueAxis.valueMin = 0
    if not b.ticks:
        c.valueAxis.visibleTicks = c.categoryAxis.visibleTicks = c.valueAxis.visibleAxis = 0
        c.valueAxis.visibleGrid, c.valueAxis.gridStrokeColor = 1, colors.HexColor("#d9d9d9")
    series = c.lines if b.chart == "line" else c.bars
    for i in range(len(b.series)):
        color = colors.HexColor(CHART_COLORS[i % len(CHART_COLORS)])
        if b.chart == "line":
            series[i].strokeColor = color
        else:
            series[i].fillColor = color
    if b.chart == "line":
        c.lines.strokeWidth = 1.5
        c.lineLabelFormat, c.lineLabels.fontName, c.lineLabels.fontSize = value_label, face, b.font_size - 1
    else:
        c.bars.strokeColor = None
        c.barLabelFormat, c.barLabels.fontName, c.barLabels.fontSize = value_label, face, b.font_size - 1
        c.barLabels.nudge = 6
    return c


def chart_drawing(b: ChartBlock, width: float, face: str) -> Any:
    """The chart with its legend (one swatch and name per series) centred under the category labels."""
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing

    d = Drawing(width, CHART_H)
    d.add(chart_plot(b, width, face))
    names = [(colors.HexColor(CHART_COLORS[i % len(CHART_COLORS)]), name)
             for i, (name, _) in enumerate(b.series) if name]
    if names:
        legend = Legend()
        legend.fontName, legend.fontSize = face, b.font_size
        legend.alignment, legend.columnMaximum, legend.deltax = "right", 1, 160
        legend.x, legend.y = width / 2 - 80 * len(names) + 20, 22
        legend.colorNamePairs = names
        d.add(legend)
    return d


def chart(st: Styles, b: ChartBlock, width_mm: float) -> list[Flowable]:
    """A chart and its caption (centred, body face) kept on one page."""
    parts: list[Flowable] = [chart_drawing(b, width_mm * mm, st.face("table"))]
    if b.caption:
        parts.append(Paragraph(escape(b.caption), st.para(align=TA_CENTER)))
    return [Spacer(1, 6), KeepTogether(parts), Spacer(1, 6)]


class RectRuleTable(Table):
    """A table whose rules are thin filled rectangles (``canvas.rect(fill=1)``), not stroked lines: how some
    report generators draw cell borders.  Spans are respected because the table's own line walk is reused."""

    def _drawLines(self) -> None:
        canv = self.canv
        stroke_line = canv.line

        def rect_line(x0: float, y0: float, x1: float, y1: float) -> None:
            weight = self._curweight or RULE_PT
            canv.setFillColor(BLACK)
            if y0 == y1:
                canv.rect(min(x0, x1) - weight / 2, y0 - weight / 2, abs(x1 - x0) + weight, weight,
                          stroke=0, fill=1)
            else:
                canv.rect(x0 - weight / 2, min(y0, y1), weight, abs(y1 - y0), stroke=0, fill=1)

        canv.line = rect_line  # type: ignore[method-assign]
        try:
            super()._drawLines()
        finally:
            canv.line = stroke_line  # type: ignore[method-assign]


GROUP_RULE_TRIM_PT = 3.0
"""A group rule stops this far short of its columns' outer edges (neighbouring groups' rules stay apart)."""


class GroupRuleTable(Table):
    """A three-line table with a thin rule under each header group (``group_rules``): drawn after the table's
    own rules, over the group's columns less :data:`GROUP_RULE_TRIM_PT` at each end."""

    def __init__(self, *args: Any, group_rules: Sequence[tuple[int, int, int]] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.group_rules = tuple(group_rules)

    def split(self, avail_w: float, avail_h: float) -> list[Flowable]:
        parts = super().split(avail_w, avail_h)
        for part in parts:  # the header repeats on each part (``repeatRows``): its row numbers hold
            if isinstance(part, GroupRuleTable):
                part.group_rules = self.group_rules
        return parts

    def draw(self) -> None:
        super().draw()
        canv = self.canv
        canv.setStrokeColor(BLACK)
        canv.setLineWidth(RULE_PT)
        for row, c0, c1 in self.group_rules:
            y = self._rowpositions[row + 1]
            x0, x1 = self._colpositions[c0], self._colpositions[c1 + 1]
            canv.line(x0 + GROUP_RULE_TRIM_PT, y, x1 - GROUP_RULE_TRIM_PT, y)


def header_groups(t: TableBlock, off: int) -> list[tuple[int, int, int]]:
    """(row, first column, last column) of each header cell merged across columns above the header's last
    row."""
    return [(r0 + off, c0, c1) for r0, c0, r1, c1 in t.merges if r0 == r1 < t.header_rows - 1 and c1 > c0]


def open_top_rule(cmds: list[tuple[Any, ...]], first: int) -> list[tuple[Any, ...]]:
    """The three-line top rule drawn from column ``first`` on (``top_rule_from``)."""
    return [(c[0], (first, 0), *c[2:]) if c[0] == "LINEABOVE" and c[1] == (0, 0) else c for c in cmds]


# ---------------------------------------------------------------------------------------------- styles


@dataclass
class Styles:
    """Paragraph styles of one document, from its font map."""

    src: SampleSource
    cache: dict[tuple[Any, ...], ParagraphStyle] = field(default_factory=dict)

    def face(self, role: str) -> str:
        return font(self.src.fonts.family(role))

    def bold_face(self, role: str) -> bool:
        return self.src.fonts.bold(role)

    def para(self, role: str = "body", size: float = BODY_PT, *, leading: float | None = None,
             align: int = TA_JUSTIFY, first: float = 0.0, left: float = 0.0, right: float = 0.0,
             keep: bool = False) -> ParagraphStyle:
        key = (role, size, leading, align, first, left, right, keep)
        if key not in self.cache:
            self.cache[key] = ParagraphStyle(
                f"s{len(self.cache)}", fontName=self.face(role), fontSize=size,
                leading=leading or (LINE_PT if size == BODY_PT else round(size * 1.45, 1)),
                alignment=align, firstLineIndent=first, leftIndent=left, rightIndent=right,
                wordWrap="CJK", keepWithNext=int(keep), allowWidows=1, allowOrphans=1)
        return self.cache[key]


def body_para(st: Styles, text: str, **kw: Any) -> Paragraph:
    return Paragraph(markup(text), st.para("body", first=2 * BODY_PT, **kw))


def title_lines(st: Styles, lines: Sequence[str]) -> list[Flowable]:
    face = st.face("title")
    return [Line(s, face, TITLE_PT, 36, bold=st.bold_face("title")) for s in lines]


# ----------------------------------------------------------------------------------------- front matter


def issuer_block(st: Styles, h: Header, width_mm: float) -> list[Flowable]:
    """Red issuer line(s) with 文件: after the last line, or (``suffix_side``) once beside stacked lines."""
    face, bold = st.face("issuer"), st.bold_face("issuer")
    if h.suffix_side and len(h.issuers) > 1 and h.suffix:
        size = issuer_size(h.issuers, width_mm - 2.5 * len(h.suffix) * 10)
        left = [Line(s, face, size, size * 1.3, color=RED, bold=bold) for s in h.issuers]
        suffix = Line(h.suffix, face, size * 1.15, size * 1.4, color=RED, bold=bold)
        rows = [[left[0], suffix], *[[x, ""] for x in left[1:]]]
        w = width_mm * mm
        table = Table(rows, colWidths=[w * 0.78, w * 0.22])
        table.setStyle(TableStyle([("SPAN", (1, 0), (1, len(rows) - 1)),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return [table]
    lines = [s + (h.suffix if i == len(h.issuers) - 1 else "") for i, s in enumerate(h.issuers)]
    size = issuer_size(lines, width_mm)
    return [Line(s, face, size, size * 1.25, color=RED, bold=bold) for s in lines]


def header_block(st: Styles, h: Header, width_mm: float) -> list[Flowable]:
    """版头 (red issuers, 文号, red rule) or, for ``layout: plain``, the title on top, the 文号 under it."""
    out: list[Flowable] = []
    centre = st.para(align=TA_CENTER)
    if h.layout == "plain":
        out += title_lines(st, h.title_lines)
        if h.doc_number is not None:
            out.append(Paragraph(escape(h.doc_number), centre))
        out.append(Spacer(1, LINE_PT))
    else:
        out += [Spacer(1, 10 * mm), *issuer_block(st, h, width_mm), Spacer(1, LINE_PT)]
        if h.doc_number is not None:
            out.append(Paragraph(escape(h.doc_number), centre))
        out += [Rule(1.5, RED, space_before=4 * mm, space_after=LINE_PT)]
        out += [*title_lines(st, h.title_lines), Spacer(1, LINE_PT)]
    if h.recipients:
        out.append(Paragraph(escape(h.recipients), st.para()))
    return out


def attachments_list(st: Styles, items: Sequence[str]) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, LINE_PT)]
    for i, item in enumerate(items):
        style = st.para(left=5 * BODY_PT, first=-3 * BODY_PT if i == 0 else 0)
        out.append(Paragraph(escape(("附件：" if i == 0 else "") + item), style))
    return out


def signature(st: Styles, sig: Signature) -> list[Flowable]:
    style = st.para(align=TA_RIGHT, right=4 * BODY_PT)
    if sig.align != "right":  # at the paragraph indent or flush left (a re-typeset or exported notice)
        style = st.para(align=TA_LEFT, first=2 * BODY_PT if sig.align == "indent" else 0)
    lines = [*sig.issuers, *([sig.date] if sig.date else [])]
    return [Spacer(1, sig.gap * LINE_PT), KeepTogether([Paragraph(escape(s), style) for s in lines])]


def colophon(st: Styles, col: Colophon, width_mm: float) -> list[Flowable]:
    """版记: 抄送 and 印发 lines between a heavy rule above and below, thin rule between them."""
    size = 14.0
    left = st.para(size=size, leading=size * 1.6, align=TA_LEFT)
    right = st.para(size=size, leading=size * 1.6, align=TA_RIGHT)
    rows: list[list[Any]] = []
    if col.cc:
        rows.append([Paragraph(escape(col.cc), left), ""])
    rows.append([Paragraph(escape(col.printer or ""), left), Paragraph(escape(col.print_date or ""), right)])
    w = width_mm * mm
    cmds: list[tuple[Any, ...]] = [("LINEABOVE", (0, 0), (-1, 0), HEAVY_RULE_PT, BLACK),
                                   ("LINEBELOW", (0, -1), (-1, -1), HEAVY_RULE_PT, BLACK),
                                   ("LEFTPADDING", (0, 0), (-1, -1), BODY_PT),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), BODY_PT)]
    if col.cc:
        cmds += [("SPAN", (0, 0), (1, 0)), ("LINEBELOW", (0, 0), (-1, 0), RULE_PT, BLACK)]
    table = Table(rows, colWidths=[w * 0.62, w * 0.38], style=TableStyle(cmds))
    out: list[Flowable] = [Spacer(1, 2 * LINE_PT), table]
    if col.copies:
        out.append(Paragraph(escape(col.copies), st.para(size=size, align=TA_RIGHT, right=BODY_PT)))
    return [KeepTogether(out)]


# ----------------------------------------------------------------------------------------------- blocks


def heading(st: Styles, h: HeadingBlock) -> Paragraph:
    role = f"heading{h.level}"
    style = st.para(role, first=2 * BODY_PT, keep=not h.runin)
    printed = escape(h.printed_title())
    if h.level == 3:
        printed = f"<b>{printed}</b>"
    if h.runin:
        body = st.face("body")
        printed += f'<font name="{body}">{markup(h.runin)}</font>'
    return Paragraph(printed, style)


def side_heading(st: Styles, b: SideHeadingBlock) -> Flowable:
    """The body face and size, stroked as WPS prints 加粗 on a face without a bold weight, flush left."""
    line = Line(b.title, st.face("body"), BODY_PT, LINE_PT, bold=True, align="left")
    line.keepWithNext = 1
    return line


def rules_for(borders: str, n_rows: int, header_rows: int, double: bool) -> list[tuple[Any, ...]]:
    """TableStyle line commands for one rule layout; double lines as LINE commands with count 2."""
    extra: tuple[Any, ...] = (None, None, None, 2, 1.2) if double else ()
    if borders == "all":
        inner = [("INNERGRID", (0, 0), (-1, -1), RULE_PT, BLACK)]
        return [*inner, ("BOX", (0, 0), (-1, -1), RULE_PT * (1 if double else 1.5), BLACK, *extra)]
    if borders == "outer":
        return [("BOX", (0, 0), (-1, -1), HEAVY_RULE_PT * (0.5 if double else 1), BLACK, *extra)]
    if borders == "three_line":
        cmds = [("LINEABOVE", (0, 0), (-1, 0), HEAVY_RULE_PT * (0.5 if double else 1.5), BLACK, *extra),
                ("LINEBELOW", (0, -1), (-1, -1), HEAVY_RULE_PT * (0.5 if double else 1.5), BLACK, *extra)]
        if 0 < header_rows < n_rows:
            cmds.append(("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), RULE_PT, BLACK))
        return cmds
    return []


def cell_flowable(st: Styles, text: str, size: float, header: bool) -> Paragraph:
    short = max((len(s) for s in text.split("\n")), default=0) <= 8
    align = TA_CENTER if header or short else TA_JUSTIFY
    body = markup(text)
    return Paragraph(f"<b>{body}</b>" if header else body, st.para("table", size, align=align))


def table_grid(st: Styles, t: TableBlock) -> tuple[list[list[Any]], list[tuple[Any, ...]], int]:
    """(printed rows, span commands, offset): the caption row first when ``caption_row``."""
    origins = set(origin_cells(t))
    rows: list[list[Any]] = []
    for r in range(t.n_rows):
        rows.append([cell_flowable(st, t.rows[r][c], t.font_size, r < t.header_rows) if (r, c) in origins
                     else "" for c in range(t.n_cols)])
    off = 0
    spans: list[tuple[Any, ...]] = []
    if t.caption_row and t.caption:
        cap = Paragraph(f"<b>{escape(t.caption)}</b>", st.para("table", t.font_size + 1.5, align=TA_CENTER))
        rows.insert(0, [cap] + [""] * (t.n_cols - 1))
        spans.append(("SPAN", (0, 0), (-1, 0)))
        off = 1
    spans += [("SPAN", (c0, r0 + off), (c1, r1 + off)) for r0, c0, r1, c1 in t.merges]
    return rows, spans, off


def check_table(t: TableBlock) -> None:
    """The table keys this producer cannot print as asked are errors, not silently dropped (as the docx and
    html producers refuse what they do not draw): ``joined`` (docx, html only), ``group_rules`` and
    ``top_rule_from`` (three-line tables only; the column inside the table), ``caption_row`` (a caption to
    print in it)."""
    if t.joined:
        raise SourceError(f"{t.where}: joined is printed by the docx and html producers only")
    if (t.group_rules or t.top_rule_from) and t.borders != "three_line":
        raise SourceError(f"{t.where}: group_rules and top_rule_from need borders: three_line, "
                          f"not {t.borders!r}")
    if t.top_rule_from and not 0 < t.top_rule_from < t.n_cols:
        raise SourceError(f"{t.where}: top_rule_from must be a column from 1 to {t.n_cols - 1}, "
                          f"not {t.top_rule_from}")
    if t.caption_row and not t.caption:
        raise SourceError(f"{t.where}: caption_row needs a caption")


def table(st: Styles, t: TableBlock, width_mm: float) -> list[Flowable]:
    check_table(t)
    if t.borders == "spaced":
        return spaced(st, t)
    rows, spans, off = table_grid(st, t)
    widths = [w * mm for w in t.widths_mm] or [width_mm * mm / t.n_cols] * t.n_cols
    rule_style = t.rule_style
    cmds = [*spans, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_PT), ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_PT),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            *rules_for(t.borders, len(rows), t.header_rows + off, rule_style == "double")]
    repeat = off + t.header_rows if t.repeat_header and t.header_rows else 0  # the caption row too
    if t.top_rule_from:
        cmds = open_top_rule(cmds, t.top_rule_from)
    cls = RectRuleTable if rule_style == "rect" else Table
    # A row is cut by a page break (splitInRow) only in tables without merges: with spans, reportlab's in-row
    # split places a second header mid-page.  Merged cells are cut between rows either way.
    in_row = int(not t.merges)
    extra = {"group_rules": header_groups(t, off)} if t.group_rules else {}
    grid = (GroupRuleTable if extra else cls)(rows, colWidths=widths, repeatRows=repeat, splitByRow=1,
                                             splitInRow=in_row, style=TableStyle(cmds), **extra)
    return [*caption(st, t.caption if not t.caption_row else None), grid, Spacer(1, 6)]


def caption(st: Styles, text: str | None) -> list[Flowable]:
    """A caption above a table: never alone at a page foot, but not kept with the whole table either (a long
    table then starts under its caption and runs over the page break, as in an office document)."""
    if not text:
        return []
    return [CondPageBreak(4 * LINE_PT), Paragraph(f"<b>{escape(text)}</b>", st.para(align=TA_CENTER))]


def spaced(st: Styles, t: TableBlock) -> list[Flowable]:
    """A table laid out with spaces only: one preformatted line per row."""
    style = st.para("table", t.font_size, leading=round(t.font_size * 1.6, 1), align=TA_LEFT)
    out = caption(st, t.caption)
    out += [XPreformatted(escape(line), style) for line in spaced_lines(t.rows)]
    return out


def sidebar(st: Styles, sb: SidebarBlock, width_mm: float) -> list[Flowable]:
    """专栏 as a one-column table (it may break across pages): framed, shaded, between two rules, title
    outside the frame, or one cell holding everything (``cell``)."""
    size = sb.font_size
    title_style = st.para(size=size, align=TA_CENTER, keep=True)
    title = Paragraph(f"<b>{escape(sb.heading_line())}</b>", title_style)
    items = [Paragraph(markup(f"{i}．{item}"), st.para(size=size, first=2 * size))
             for i, item in enumerate(sb.items, 1)]
    w = width_mm * mm
    pad = [("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8)]
    if sb.style == "cell":
        box = Table([[[title, *items]]], colWidths=[w], splitInRow=1,
                    style=TableStyle([*pad, ("BOX", (0, 0), (-1, -1), RULE_PT * 1.5, BLACK)]))
        return [Spacer(1, 6), box, Spacer(1, 6)]
    outside = sb.style == "title_outside"
    rows = [[p] for p in (items if outside else [title, *items])]
    frame: dict[str, list[tuple[Any, ...]]] = {
        "box": [("BOX", (0, 0), (-1, -1), RULE_PT * 1.5, BLACK)],
        "title_outside": [("BOX", (0, 0), (-1, -1), RULE_PT * 1.5, BLACK)],
        "shaded": [("BACKGROUND", (0, 0), (-1, -1), SHADE)],
        "rules": [("LINEABOVE", (0, 0), (-1, 0), HEAVY_RULE_PT, BLACK),
                  ("LINEBELOW", (0, -1), (-1, -1), HEAVY_RULE_PT, BLACK)],
    }
    box = Table(rows, colWidths=[w], splitByRow=1, style=TableStyle([*pad, *frame[sb.style]]))
    return [Spacer(1, 6), *([title] if outside else []), box, Spacer(1, 6)]


def blocks(st: Styles, items: Sequence[Block], width_mm: float) -> list[Flowable]:
    out: list[Flowable] = []
    for b in items:
        if isinstance(b, TitleBlock):
            out += [*title_lines(st, b.lines), Spacer(1, LINE_PT)]
        elif isinstance(b, HeadingBlock):
            out.append(heading(st, b))
        elif isinstance(b, ParaBlock):
            out.append(body_para(st, b.text))
        elif isinstance(b, SideHeadingBlock):
            out.append(side_heading(st, b))
        elif isinstance(b, SidebarBlock):
            out += sidebar(st, b, width_mm)
        elif isinstance(b, TableBlock):
            out += table(st, b, width_mm)
        elif isinstance(b, DiagramBlock):
            out += [Spacer(1, 6), Diagram(b, st.face("table")), Spacer(1, 6)]
        elif isinstance(b, ChartBlock):
            out += chart(st, b, width_mm)
        elif b.kind == "pagebreak":
            out.append(PageBreak())
    return out


def attachment(st: Styles, att: Attachment) -> list[Flowable]:
    width_mm = text_width_mm(att.landscape)
    out: list[Flowable] = [NextPageTemplate("landscape" if att.landscape else "portrait"), PageBreak()]
    out.append(Paragraph(escape(att.label), st.para("label", align=TA_LEFT)))
    out += [*title_lines(st, att.title_lines), Spacer(1, LINE_PT / 2)]
    return out + blocks(st, att.blocks, width_mm)


# ------------------------------------------------------------------------------------------- the document


def text_width_mm(is_landscape: bool) -> float:
    page_w = (A4[1] if is_landscape else A4[0]) / mm
    return page_w - MARGIN_LEFT_MM - MARGIN_RIGHT_MM


def story(src: SampleSource) -> list[Flowable]:
    st = Styles(src)
    width = text_width_mm(False)
    out: list[Flowable] = []
    if src.header:
        out += header_block(st, src.header, width)
    out += blocks(st, src.notice, width)
    if src.attachments_list:
        out += attachments_list(st, src.attachments_list)
    if src.signature:
        out += signature(st, src.signature)
    if src.body:
        if out:
            out.append(PageBreak())
        out += blocks(st, src.body, width)
    for att in src.attachments:
        out += attachment(st, att)
    if src.colophon:
        if src.attachments and src.attachments[-1].landscape:
            out += [NextPageTemplate("portrait"), PageBreak()]
        out += [CondPageBreak(60 * mm), *colophon(st, src.colophon, width)]
    return out


@dataclass
class PageDecor:
    """Running header and page number of every page (drawn first on each page, before the body)."""

    src: SampleSource
    total: int = 0
    first_header: str | None = None
    """Page 1's running header where it differs (the source's ``rl.running_header_first``)."""

    def header(self, canv: Canvas, n: int, face: str) -> None:
        """The running header's lines centred, the last one on the usual line, a thin rule under them."""
        text = (self.first_header if n == 1 and self.first_header else self.src.page_header) or ""
        page_w, page_h = canv._pagesize
        left, right = MARGIN_LEFT_MM * mm, page_w - MARGIN_RIGHT_MM * mm
        canv.setFont(face, RUNNING_HEADER_PT)
        for i, line in enumerate(reversed(text.split("\n"))):
            canv.drawCentredString(page_w / 2, page_h - 22 * mm + i * RUNNING_HEADER_PT * 1.25, line)
        if self.src.page_header_rule:
            canv.setLineWidth(RULE_PT)
            canv.line(left, page_h - 23.5 * mm, right, page_h - 23.5 * mm)

    def __call__(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        page_w = canv._pagesize[0]
        n = canv.getPageNumber()
        left, right = MARGIN_LEFT_MM * mm, page_w - MARGIN_RIGHT_MM * mm
        number_face = font(self.src.fonts.family("page_number"))
        canv.saveState()
        if self.src.page_header:
            self.header(canv, n, number_face)
        form = self.src.page_number
        y = (MARGIN_BOTTOM_MM - 11) * mm
        if form == "dash":  # — 3 —: odd pages right, even pages left, one character in from the edge
            canv.setFont(number_face, PAGE_NUMBER_PT)
            text = f"— {n} —"
            if n % 2:
                canv.drawRightString(right - PAGE_NUMBER_PT, y, text)
            else:
                canv.drawString(left + PAGE_NUMBER_PT, y, text)
        elif form == "hyphen":
            canv.setFont(number_face, PAGE_NUMBER_PT)
            canv.drawCentredString(page_w / 2, y, f"-{n}-")
        elif form == "of_total":
            canv.setFont(number_face, OF_TOTAL_PT)
            canv.drawCentredString(page_w / 2, y, f"第{n}页 共{self.total}页")
        canv.restoreState()


def doc_template(target: Any, src: SampleSource, decor: PageDecor) -> BaseDocTemplate:
    doc = BaseDocTemplate(target, pagesize=A4, invariant=INVARIANT, title="", author="", subject="",
                          creator="", producer="ReportLab", leftMargin=MARGIN_LEFT_MM * mm,
                          rightMargin=MARGIN_RIGHT_MM * mm, topMargin=MARGIN_TOP_MM * mm,
                          bottomMargin=MARGIN_BOTTOM_MM * mm)
    templates = []
    for name, size in (("portrait", A4), ("landscape", landscape(A4))):
        frame = Frame(MARGIN_LEFT_MM * mm, MARGIN_BOTTOM_MM * mm,
                      size[0] - (MARGIN_LEFT_MM + MARGIN_RIGHT_MM) * mm,
                      size[1] - (MARGIN_TOP_MM + MARGIN_BOTTOM_MM) * mm,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name)
        templates.append(PageTemplate(id=name, frames=[frame], pagesize=size, onPage=decor))
    doc.addPageTemplates(templates)
    return doc


def render(src: SampleSource, out_pdf: Path) -> None:
    """Write ``out_pdf``: a first pass counts the pages (for 第N页 共M页), the second prints."""
    decor = PageDecor(src, first_header=src.running_header_first)
    probe = doc_template(io.BytesIO(), src, decor)
    probe.build(story(src))
    decor.total = probe.page
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    doc_template(buf, src, decor).build(story(src))
    out_pdf.write_bytes(buf.getvalue())


def main(argv: Sequence[str] | None = None) -> int:
    """``python samples/produce_reportlab.py SRC.yaml... --out DIR``: render only (no expected files)."""
    import argparse

    from samples.build import load_source

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("sources", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=_REPO / "samples" / "generated" / "pdf")
    args = ap.parse_args(argv)
    for path in args.sources:
        src = load_source(path)
        target = args.out / f"{src.doc_id}.pdf"
        render(src, target)
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
