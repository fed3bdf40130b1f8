"""One page's content from its characters and ruling segments, whichever way they were read.

The text layer (``document.extract_page``) and OCR (``scanned.ocr_page``) both end here: ruled grids are
resolved, the table finders named in the settings run in order, closed boxes that hold no table become
frames, and what no table holds is the page's text lines.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence, Set
from typing import Literal

from policy_extract.core.model import BBox, Frame, Line, PageContent, RawTable
from policy_extract.core.vocabulary import FIGURE_LABEL

from .cells import join_side_by_side
from .charts import chart_areas, chart_text, merge_boxes, with_gridlines
from .diagrams import diagram_grid, split_at_boxes
from .finders import PageTables, TableFinder
from .frames import frames_from_grids, is_frame
from .lattice import Grid, find_grids
from .lines import Char, TextRow, cut_at_marked, make_line
from .registry import TABLE_FINDERS, load
from .rules import Segment, to_rules
from .settings import ExtractSettings


def page_content(number: int, size: tuple[float, float], rotation: int, chars: list[Char],
                 segs: list[Segment], settings: ExtractSettings,
                 text_layer: Literal["born_digital", "ocr"] = "born_digital",
                 charts: Sequence[BBox] = (), running: Set[str] = frozenset()) -> PageContent:
    """Lines, tables and frames of a page from its characters and ruling segments (text layer or OCR);
    ``charts`` are the plot areas of the charts its drawn paths show (:mod:`.charts`); ``running`` the texts
    printed in the top margin band of the pages before (:attr:`.finders.PageTables.running`)."""
    grids = find_grids(segs, settings)
    frame_grids = [g for g in grids if is_frame(g)]
    table_grids = join_side_by_side([g for g in grids if not is_frame(g) and len(g.cells) > 1
                                     and not diagram_grid(g, chars, settings)], chars, settings)
    boxes = [g.bbox for g in grids if len(g.cells) == 1]
    axes = chart_areas(segs)  # once a page: the table finders and the chart text both read them
    page = find_tables(PageTables(number, chars, table_grids, settings, loose_rules=loose_rules(segs, grids),
                                  boxes=boxes, segments=segs, charts=merge_boxes([*axes, *charts]),
                                  running=running))
    if text_layer == "ocr":
        for table in page.tables:
            table.method = "image"
    return PageContent(
        number=number,
        width=size[0],
        height=size[1],
        rotation=rotation % 360,
        text_layer=text_layer,
        lines=page_lines(split_at_boxes(page.rows(), segs, settings),
                         merge_boxes([*axes, *(with_gridlines(c, segs) for c in charts)]),
                         number, settings),
        tables=page.tables,
        frames=frames_from_grids(frame_grids, number) + frames_of_empty_grids(table_grids, page.tables,
                                                                              number),
        rules=to_rules(segs, number),
    )


def page_lines(rows: list[TextRow], charts: list[BBox], number: int, settings: ExtractSettings) -> list[Line]:
    """The page's text lines; those printed as the own text of a chart whose plot area is in ``charts``
    marked ``chart`` (:func:`chart_rows`), but for a figure's caption, a line opening with a figure label
    (``图1 …``), and for the next line of any text that is no chart's (:func:`continues`): a caption or a
    note wrapped onto a second line near the plot stays whole."""
    if not charts:
        return [make_line(r.chars, number, settings, r.overprinted) for r in rows]
    out: list[Line] = []
    text: Line | None = None
    for row, in_chart in chart_rows(rows, charts, settings):
        line = make_line(row.chars, number, settings, row.overprinted)
        runs_on = text is not None and continues(text, line)
        if in_chart and not FIGURE_LABEL.match(line.text) and not runs_on:
            line = dataclasses.replace(line, chart=True)
        else:
            text = line
        out.append(line)
    return out


def continues(above: Line, line: Line) -> bool:
    """``line`` is the next line of ``above``'s text: right under it (less than a line's height between),
    in the same font and size (a caption or a paragraph wrapped onto the next line)."""
    return line.font == above.font and abs(line.size - above.size) < 0.5 \
        and 0 <= line.bbox[1] - above.bbox[3] < above.bbox[3] - above.bbox[1]


def chart_rows(rows: list[TextRow], charts: list[BBox],
               settings: ExtractSettings) -> list[tuple[TextRow, bool]]:
    """Each row with whether it is a chart's own text (:func:`.charts.chart_text`; a word of which one
    character is, all of it).  A row partly chart text (prose set level with a chart's labels beside the
    chart) is cut in two, the chart's words and the rest, left to right.  A line opening with a figure label
    (``图1 …``) is the chart's caption and stays running text: the caller keeps it."""
    text = chart_text([c for r in rows for c in r.chars], charts)
    return [piece for row in rows for piece in cut_at_marked(row, text, settings)]


def loose_rules(segs: list[Segment], grids: list[Grid]) -> list[Segment]:
    """Horizontal rules that belong to no grid or box."""
    in_grids = {s for g in grids for s in g.segments}
    return [s for s in segs if s.orient == "h" and s not in in_grids]


def find_tables(page: PageTables) -> PageTables:
    """Run the settings' table finders in order; the page's tables end up top to bottom."""
    for name in page.settings.table_finders:
        finder: TableFinder = load(TABLE_FINDERS, name)()
        finder.find(page)
    page.tables.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
    return page


def frames_of_empty_grids(grids: list[Grid], tables: list[RawTable], number: int) -> list[Frame]:
    """A closed multi-cell grid with text in only one cell (a box with a ruled title bar) is a frame."""
    kept = {t.bbox for t in tables}
    out = []
    for grid in grids:
        box = frames_from_grids([Grid(grid.xs, grid.ys, grid.cells[:1], [], grid.closed)], number)
        if grid.closed and box and box[0].bbox not in kept:
            out += box
    return out
