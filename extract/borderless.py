"""Tables laid out with spaces only (no rules): columns found from the gutters shared by consecutive lines.

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
from policy_extract.core.vocabulary import LIST_MARKER

from .finders import PageTables, TableFinder
from .lines import Char, TextRow, is_blank, lines_from_chars, split_words
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


def row_height(row: TextRow) -> float:
    return max(row.bottom - row.top, 1.0)


def candidate_runs(rows: list[TextRow], settings: ExtractSettings) -> Iterator[list[int]]:
    """Index runs of consecutive multi-word rows, close enough vertically to be one table."""
    run: list[int] = []
    for i, row in enumerate(rows):
        row.words = split_words(row, settings)
        close = bool(run) and row.top - rows[run[-1]].bottom <= DEFAULT_MAX_ROW_GAP * row_height(row)
        if len(row.words) >= 2 and (close or not run):
            run.append(i)
            continue
        if len(run) >= settings.borderless_min_lines:
            yield run
        run = [i] if len(row.words) >= 2 else []
    if len(run) >= settings.borderless_min_lines:
        yield run


def columns_of(rows: list[TextRow], settings: ExtractSettings) -> list[tuple[float, float]]:
    """Column x-ranges: word extents merged wherever the gap between them is narrower than a gutter."""
    spans = sorted((w[0]["x0"], max(c["x1"] for c in w)) for r in rows for w in r.words)
    em = min(c["size"] for r in rows for c in r.chars)
    cols: list[list[float]] = []
    for x0, x1 in spans:
        if cols and x0 - cols[-1][1] < settings.borderless_min_gutter_em * em:
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


def words_per_column(rows: list[TextRow], col_edges: list[float]) -> list[list[list[Char]]]:
    """Per row, per column, the characters of the words that start in it."""
    out = []
    for row in rows:
        per_col: list[list[Char]] = [[] for _ in col_edges[1:]]
        for word in row.words:
            per_col[column_of(word, col_edges)].extend(word)
        out.append(per_col)
    return out


def table_from_rows(rows: list[TextRow], page: int, settings: ExtractSettings) -> RawTable | None:
    cols = columns_of(rows, settings)
    if len(cols) < 2:
        cols = columns_by_order(rows) or cols
    if len(cols) < 2 or len(cols) > max(len(r.words) for r in rows):
        return None  # words that never line up are prose with gaps, not a table
    col_edges = column_edges(cols)
    per_row = words_per_column(rows, col_edges)
    if is_text_columns(per_row, cols) or is_marker_list(per_row):
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


def find_borderless(rows: list[TextRow], page: int,
                    settings: ExtractSettings) -> tuple[list[RawTable], list[TextRow]]:
    """Space-aligned tables among the rows, and the rows they consumed."""
    tables: list[RawTable] = []
    used: list[TextRow] = []
    for run in candidate_runs(rows, settings):
        table = table_from_rows([rows[i] for i in run], page, settings)
        if table is not None:
            tables.append(table)
            used += [rows[i] for i in run]
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


class BorderlessFinder(TableFinder):
    """Tables laid out with spaces only (``stream`` in camelot's terms), from the lines no table holds."""

    def find(self, page: PageTables) -> None:
        rows = off_plots(outside_tables(page.rows(), page.tables), page.plots)
        tables, used = find_borderless(rows, page.number, page.settings)
        page.claim_rows(used)
        page.tables += tables
