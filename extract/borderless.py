"""Tables laid out with spaces only (no rules): columns found from the gutters shared by consecutive lines.

A row whose cells are centred vertically and wrap onto different numbers of lines is printed as staggered
lines (a one-line cell half a line below the first line of the wrapped cell beside it): such lines are
banded into one row first (:func:`bands`), and its columns are measured by character, since a wrapped
cell's text runs to within a fraction of an em of the next column's.

A candidate line has at least two words (runs separated by a gap of ``word_gap_em``).  Over ≥
``borderless_min_lines`` consecutive candidate lines, the x-extents of all words are merged; what stays
uncovered and at least ``borderless_min_gutter_em`` wide is a gutter, and the spans between gutters are the
columns.  Body text never qualifies: justified CJK lines have no em-wide gaps.
"""

from __future__ import annotations

import itertools
import statistics
from bisect import bisect_right
from collections.abc import Iterator

from policy_extract.core.geometry import round_bbox
from policy_extract.core.model import BBox, RawCell, RawTable, TableReport
from policy_extract.core.vocabulary import CLAUSE_END, LIST_MARKER, PARAGRAPH_MARKER

from .charts import chart_labels
from .diagrams import drop_diagrams
from .finders import PageTables, TableFinder, with_typed_spaces
from .lines import Char, TextRow, cut_at_marked, is_blank, lines_from_chars, split_words
from .settings import ExtractSettings

DEFAULT_MAX_ROW_GAP = 2.5
"""Consecutive rows of one table are at most this many line heights apart (a blank line between is fine)."""
DEFAULT_PLOT_MARGIN_EM = 3.0
"""Text within this many em of a chart's plot (its axis labels, legend, tick values) is never a table."""
DEFAULT_PROSE_MIN_WIDTH_EM = 12.0
"""A column of running text (one column of a two- or three-column page) is at least this wide..."""
DEFAULT_PROSE_FLUSH_SHARE = 0.6
"""...its lines start at one left edge (this share of them, within an em; the rest are indents)..."""
DEFAULT_PROSE_FULL_SHARE = 0.6
"""...and this share of them (not counting one short last line) run on to at least
``DEFAULT_PROSE_FULL_WIDTH`` of its width."""
DEFAULT_PROSE_FULL_WIDTH = 0.8
DEFAULT_STAGGER_MIN = 0.2
"""Lines whose tops differ by more than this share of a line height, yet overlap, are staggered (one table
row's cells centred vertically); less is one line's glyphs at slightly different heights."""
DEFAULT_BAND_GAP = 0.6
"""A lone line this close (share of a line height) to a band of staggered lines is another line of one of
its cells; rows of a table are set further apart than the lines of a cell."""
DEFAULT_BAND_EVEN = 0.15
"""Tops of one row's staggered lines are evenly spaced within this share of their mean step."""
DEFAULT_BAND_GUTTER_EM = 0.25
"""Columns of a table of banded rows are apart by at least this (a cell's text fills its column)."""
DEFAULT_RUNNING_SHARE = 0.5
"""Numbered paragraphs: at least this share of the text column's lines end a clause or fill its width."""


def row_height(row: TextRow) -> float:
    return max(row.bottom - row.top, 1.0)


def candidate_runs(rows: list[TextRow], settings: ExtractSettings,
                   banded: frozenset[int] = frozenset()) -> Iterator[list[int]]:
    """Index runs of consecutive multi-word rows, close enough vertically to be one table; two rows are
    enough when both are ``banded`` (several staggered lines each: a header and a row cut by a page end)."""
    def enough(run: list[int]) -> bool:
        return len(run) >= settings.borderless_min_lines or (len(run) >= 2 and all(i in banded for i in run))

    def between_bands(i: int) -> bool:
        """A lone line between two banded rows: the tail of a row a page break cut, under the repeated
        header."""
        return bool(run) and run[-1] in banded and i + 1 in banded

    run: list[int] = []
    for i, row in enumerate(rows):
        row.words = row.words or split_words(row, settings)
        close = bool(run) and row.top - rows[run[-1]].bottom <= DEFAULT_MAX_ROW_GAP * row_height(row)
        if (len(row.words) >= 2 or between_bands(i)) and (close or not run):
            run.append(i)
            continue
        if enough(run):
            yield run
        run = [i] if len(row.words) >= 2 else []
    if enough(run):
        yield run


def columns_of(rows: list[TextRow], gutter_em: float) -> list[tuple[float, float]]:
    """Column x-ranges: word extents merged wherever the gap between them is narrower than a gutter."""
    spans = sorted((w[0]["x0"], max(c["x1"] for c in w)) for r in rows for w in r.words)
    em = min(c["size"] for r in rows for c in r.chars)
    cols: list[list[float]] = []
    for x0, x1 in spans:
        if cols and x0 - cols[-1][1] < gutter_em * em:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    return [(a, b) for a, b in cols]


def columns_by_order(rows: list[TextRow]) -> list[tuple[float, float]] | None:
    """Columns of rows that all have k words whose starts increase column by column, or None.

    Spaces align proportional text only roughly, so extents may overlap; word order still gives the column
    when every row has the same number of words and each column starts left of the next one everywhere.
    """
    k = len(rows[0].words)
    if k < 2 or any(len(r.words) != k for r in rows):
        return None
    starts = [[r.words[i][0]["x0"] for r in rows] for i in range(k)]
    ends = [[max(c["x1"] for c in r.words[i]) for r in rows] for i in range(k)]
    if any(max(starts[i]) >= min(starts[i + 1]) for i in range(k - 1)):
        return None
    return [(min(starts[i]), max(ends[i])) for i in range(k)]


def column_edges(cols: list[tuple[float, float]]) -> list[float]:
    """Boundaries: midway across a gutter, or at the next column's start where extents overlap."""
    inner = [(a[1] + b[0]) / 2 if a[1] < b[0] else b[0] for a, b in itertools.pairwise(cols)]
    return [cols[0][0], *inner, max(b for _, b in cols)]


def column_of(word: list[Char], edges: list[float]) -> int:
    x = word[0]["x0"]
    return max(0, min(bisect_right(edges, x + 0.01) - 1, len(edges) - 2))


def is_prose_column(texts: list[list[Char]], col: tuple[float, float]) -> bool:
    """One column of running text: wide, its lines flush left and most of them filling its width (a two-
    or three-column page layout, whose gutters line up like a table's)."""
    spans = [(t[0]["x0"], max(c["x1"] for c in t)) for t in texts if t]
    if not spans:
        return False
    em = statistics.median(c["size"] for t in texts for c in t)
    width = col[1] - col[0]
    if width < DEFAULT_PROSE_MIN_WIDTH_EM * em:
        return False
    left = statistics.median(x0 for x0, _ in spans)
    flush = sum(1 for x0, _ in spans if abs(x0 - left) <= em)
    full = sum(1 for _, x1 in spans if x1 - col[0] >= DEFAULT_PROSE_FULL_WIDTH * width)
    return flush >= DEFAULT_PROSE_FLUSH_SHARE * len(spans) \
        and full >= DEFAULT_PROSE_FULL_SHARE * (len(spans) - 1)


def is_text_columns(per_row: list[list[list[Char]]], cols: list[tuple[float, float]]) -> bool:
    """Every column is running text: the rows are a page set in columns, not a table."""
    return all(is_prose_column([row[c] for row in per_row], col) for c, col in enumerate(cols))


def is_marker_list(per_row: list[list[list[Char]]]) -> bool:
    """Two columns, the first holding nothing but list markers (bullets, ``a``, ``1.``): a list, footnotes."""
    if len(per_row[0]) != 2:
        return False
    marks = ["".join(c["text"] for c in row[0]) for row in per_row if row[0]]
    return len(marks) >= 2 and all(LIST_MARKER.match(m) for m in marks)


def is_numbered_paragraphs(per_row: list[list[list[Char]]], cols: list[tuple[float, float]]) -> bool:
    """Two columns, the first holding nothing but paragraph markers (``第十四条``, ``（一）``, ``一、``), the
    second running sentences (its lines end a clause or fill the width): articles and their numbered items,
    not a table, whose cells beside a serial number are names and figures."""
    if len(cols) != 2:
        return False
    marks = ["".join(c["text"] for c in row[0]).strip() for row in per_row if row[0]]
    if len(marks) < 2 or not all(PARAGRAPH_MARKER.match(m) for m in marks):
        return False
    texts = [row[1] for row in per_row if row[1]]
    em = statistics.median(c["size"] for t in texts for c in t)

    def running(chars: list[Char]) -> bool:
        text = "".join(c["text"] for c in chars).rstrip()
        return text.endswith(tuple(CLAUSE_END)) or max(c["x1"] for c in chars) >= cols[1][1] - em

    return sum(map(running, texts)) >= DEFAULT_RUNNING_SHARE * len(texts)


def words_per_column(rows: list[TextRow], col_edges: list[float]) -> list[list[list[Char]]]:
    """Per row, per column, the characters of the words that start in it."""
    out = []
    for row in rows:
        per_col: list[list[Char]] = [[] for _ in col_edges[1:]]
        for word in row.words:
            per_col[column_of(word, col_edges)].extend(with_typed_spaces(word, row))
        out.append(per_col)
    return out


def table_from_rows(rows: list[TextRow], page: int, settings: ExtractSettings,
                    banded: bool = False) -> RawTable | None:
    """The table the rows make, or None; ``banded`` rows (:func:`band_row`) are measured by character, with
    the narrower gutter of :data:`DEFAULT_BAND_GUTTER_EM`."""
    if banded:
        rows = [by_character(r) for r in rows]
    cols = columns_of(rows, DEFAULT_BAND_GUTTER_EM if banded else settings.borderless_min_gutter_em)
    if len(cols) < 2:
        cols = columns_by_order(rows) or cols
    if len(cols) < 2 or len(cols) > max(len(r.words) for r in rows):
        return None  # words that never line up are prose with gaps, not a table
    col_edges = column_edges(cols)
    per_row = words_per_column(rows, col_edges)
    if is_text_columns(per_row, cols) or is_marker_list(per_row) or is_numbered_paragraphs(per_row, cols):
        return None
    row_edges = [rows[0].top] + [(a.bottom + b.top) / 2 for a, b in itertools.pairwise(rows)]
    row_edges.append(rows[-1].bottom)
    cells = []
    for r, per_col in enumerate(per_row):
        for c, chars in enumerate(per_col):
            bbox = (col_edges[c], row_edges[r], col_edges[c + 1], row_edges[r + 1])
            cells.append(RawCell(r, c, 1, 1, page, round_bbox(bbox), lines_from_chars(chars, page, settings)))
    empty = sum(1 for cell in cells if not cell.lines)
    return RawTable(
        page=page, bbox=round_bbox((col_edges[0], row_edges[0], col_edges[-1], row_edges[-1])),
        n_rows=len(rows), n_cols=len(cols), col_edges=[round(x, 2) for x in col_edges],
        row_edges=[round(y, 2) for y in row_edges], cells=cells, method="borderless",
        report=TableReport(cells=len(cells), empty_cells=empty, empty_ratio=round(empty / len(cells), 3)),
    )


def staggered(a: TextRow, b: TextRow) -> bool:
    """``b`` starts below ``a``'s top but above its bottom: two lines of one band set half a line apart, as
    the cells of a row are when each is centred vertically and they hold different numbers of lines; and
    set in the same size."""
    margin = DEFAULT_STAGGER_MIN * row_height(a)
    return a.top + margin < b.top < a.bottom - margin and abs(text_size(a) - text_size(b)) < 0.5 \
        and not side_by_side_text(a, b)


def side_by_side_text(a: TextRow, b: TextRow) -> bool:
    """Two wide lines side by side (neither reaching over the other): lines of two columns of running text
    whose baselines happen to be offset, not cells of one row."""
    wide = DEFAULT_PROSE_MIN_WIDTH_EM * text_size(a)
    return (a.x1 <= b.x0 or b.x1 <= a.x0) and min(a.x1 - a.x0, b.x1 - b.x0) >= wide


def text_size(row: TextRow) -> float:
    """The size most of a line's characters are set in (a table's cells share one; a chart's labels beside
    a text column are smaller)."""
    return statistics.median_low(c["size"] for c in row.chars)


def bands(rows: list[TextRow], settings: ExtractSettings) -> list[list[TextRow]]:
    """Lines grouped into table rows: a line staggered against the one above (:func:`staggered`) joins its
    band; any other line starts a new one."""
    out: list[list[TextRow]] = []
    for row in rows:
        row.words = row.words or split_words(row, settings)
        if out and staggered(out[-1][-1], row):
            out[-1].append(row)
        else:
            out.append([row])
    out = [g for chain in out for g in ([chain] if is_centred_band(chain) else [[r] for r in chain])]
    if all(len(g) == 1 for g in out):
        return out
    while (merged := absorb_one(out)) is not None:
        out = merged
    return out


def is_centred_band(lines: list[TextRow]) -> bool:
    """Staggered lines of one table row: at least three (a one-line cell centred between two lines of the
    next), their tops evenly spaced, half a line pitch apart.  Columns of running text with baselines
    offset against each other stagger too, but by whatever offset, not evenly."""
    if len(lines) < 3:
        return len(lines) == 1
    steps = [b.top - a.top for a, b in itertools.pairwise(lines)]
    return max(steps) - min(steps) <= DEFAULT_BAND_EVEN * statistics.mean(steps)


def absorb_one(groups: list[list[TextRow]]) -> list[list[TextRow]] | None:
    """The groups with a lone line joined to the band of staggered lines next to it (closer than
    :data:`DEFAULT_BAND_GAP` line heights): the extra lines of the cell holding the most, printed above or
    below the others' centred text.  None when no line is that close."""
    for i, (a, b) in enumerate(itertools.pairwise(groups)):
        if (len(a) > 1) == (len(b) > 1):
            continue
        gap = b[0].top - a[-1].bottom
        if 0 <= gap < DEFAULT_BAND_GAP * min(row_height(a[-1]), row_height(b[0])):
            return [*groups[:i], a + b, *groups[i + 2:]]
    return None


def band_row(lines: list[TextRow]) -> TextRow:
    """One table row made of several staggered lines: their characters, each a word of its own."""
    if len(lines) == 1:
        return lines[0]
    chars = sorted((c for r in lines for c in r.chars), key=lambda c: c["x0"])
    return by_character(TextRow(chars, sum(r.overprinted for r in lines)))


def by_character(row: TextRow) -> TextRow:
    """The row with each printed character a word of its own: in a table of banded rows a wrapped cell's
    text runs to within a fraction of an em of the next column's, closer than words are split."""
    return TextRow(row.chars, row.overprinted, [[c] for c in row.chars if not is_blank(c)])


def join_lone_lines(groups: list[list[TextRow]]) -> list[list[TextRow]]:
    """In a table with banded rows, consecutive lone lines closer than :data:`DEFAULT_BAND_GAP` line heights
    are one row: a row whose centred cells a page break cut no longer staggers its lines."""
    out: list[list[TextRow]] = []
    for g in groups:
        last = out[-1] if out else None
        if last is not None and len(g) == 1 and not is_banded_group(last) \
                and 0 <= g[0].top - last[-1].bottom < DEFAULT_BAND_GAP * row_height(g[0]):
            out[-1] = [*last, *g]
        else:
            out.append(list(g))
    return out


def is_banded_group(group: list[TextRow]) -> bool:
    return len(group) > 1 and any(staggered(a, b) for a, b in itertools.pairwise(group))


def find_borderless(rows: list[TextRow], page: int,
                    settings: ExtractSettings) -> tuple[list[RawTable], list[TextRow]]:
    """Space-aligned tables among the rows (staggered lines banded into one row), and the rows they
    consumed."""
    groups = bands(rows, settings)
    merged = [band_row(g) for g in groups]
    tables: list[RawTable] = []
    used: list[TextRow] = []
    banded = frozenset(i for i, g in enumerate(groups) if len(g) > 1)
    for run in candidate_runs(merged, settings, banded):
        is_banded = any(i in banded for i in run)
        parts = join_lone_lines([groups[i] for i in run]) if is_banded else [groups[i] for i in run]
        table = table_from_rows([band_row(g) for g in parts], page, settings, banded=is_banded)
        if table is not None:
            tables.append(table)
            used += [r for i in run for r in groups[i]]
    return tables, used


def outside_tables(rows: list[TextRow], tables: list[RawTable]) -> list[TextRow]:
    """Rows beside no table found before: space-aligned tables are looked for only where no ruled grid is."""
    return [r for r in rows if not any(t.bbox[1] <= (r.top + r.bottom) / 2 <= t.bbox[3] for t in tables)]


def off_plots(rows: list[TextRow], plots: list[BBox]) -> list[TextRow]:
    """Rows not printed around a chart's plot (:data:`DEFAULT_PLOT_MARGIN_EM`): axis labels line up in
    columns like a table's."""
    def near(row: TextRow) -> bool:
        pad = DEFAULT_PLOT_MARGIN_EM * max(c["size"] for c in row.chars)
        return all(any(b[0] - pad <= (c["x0"] + c["x1"]) / 2 <= b[2] + pad
                       and b[1] - pad <= (c["top"] + c["bottom"]) / 2 <= b[3] + pad for b in plots)
                   for c in row.chars if not is_blank(c))

    return [r for r in rows if not plots or not near(r)]


def off_charts(rows: list[TextRow], areas: list[BBox],
               settings: ExtractSettings) -> tuple[list[TextRow], dict[int, list[TextRow]]]:
    """The rows less the labels of the charts whose plot areas are ``areas`` (:func:`.charts.chart_labels`;
    a word of which one character is a label, all of it), and, per ``id`` of a row that kept some text, the
    row cut into its chart labels and the rest, left to right (prose set level with a chart beside it
    continues the labels' rows, but is no cell of theirs)."""
    if not areas:
        return rows, {}
    labels = chart_labels([c for r in rows for c in r.chars], areas)
    kept: list[TextRow] = []
    parts: dict[int, list[TextRow]] = {}
    for row in rows:
        pieces = cut_at_marked(row, labels, settings)
        kept += [piece for piece, marked in pieces if not marked]
        if len(pieces) == 2:
            parts[id(row)] = [piece for piece, _ in pieces]
    return kept, parts


class BorderlessFinder(TableFinder):
    """Tables laid out with spaces only (``stream`` in camelot's terms), from the lines no table holds."""

    def find(self, page: PageTables) -> None:
        rows = off_plots(outside_tables(page.rows(), page.tables), page.plots)
        rows, parts = off_charts(rows, page.charts, page.settings)
        tables, used = find_borderless(rows, page.number, page.settings)
        tables, used = drop_diagrams(tables, used, page)
        cut = {id(r) for r in used}
        page.split_rows({k: v for k, v in parts.items() if any(id(p) in cut for p in v)})
        page.claim_rows(used)
        page.tables += tables
