"""Tables ruled only horizontally: three-line tables and tables with a rule under every row.

A table region is a run of horizontal rules of one extent stacked down the page (no vertical rules join
them, else they would be a grid), with text between each pair of neighbours that is not prose.  Inside the
region the columns come from the text: gutters that no word of the body (below the first inner rule) crosses.
Rows are the bands between inner rules split further at the text's baselines; a line printed close under the
one above it in the same column (closer than the rows are to each other) continues that cell, so a wrapped
name stays one cell.  Where the table has anchor columns (one line in every row: units, years' values), the
body's rows are read from them instead (:mod:`.anchors`): a wrapped cell centred on its row's anchor line is
one cell however close its lines stand to the next row's, and a category label centred over several rows
spans them.  Where rows stand at the line pitch and the cells wrap in step (no gap, no anchor tells), a
stub's turnover continues its row (:func:`turns_over`).  A header word that crosses a gutter spans the
columns it covers.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from collections.abc import Set
from dataclasses import dataclass, replace

from policy_extract.core.geometry import contains, round_bbox
from policy_extract.core.model import BBox, PageContent, RawCell, RawTable, TableReport
from policy_extract.core.vocabulary import ROW_SERIAL, RUNNING_BAND, mask_digits

from .anchors import anchor_rows
from .finders import PageTables, TableFinder, with_typed_spaces
from .lines import Char, TextRow, is_blank, lines_from_chars, split_words
from .rules import Segment
from .settings import ExtractSettings

DEFAULT_EXTENT_TOLERANCE = 6.0
"""Rules of one table start and end within this many points of one another."""
DEFAULT_PROSE_SHARE = 0.7
"""A single run of text wider than this share of the region is prose between rules, not a table row."""
DEFAULT_GUTTER_EM = 0.6
"""Columns are apart by at least this many em in every body line (spaces between Latin words are ~0.3)."""
DEFAULT_FIGURE_GUTTER_EM = 0.25
"""Between two columns of figures (a monospaced printout sets them one space apart) a gap this wide (em),
open in every line, is a gutter; a gap beside words (``40 years``) or inside dot leaders never is."""
FIGURE_MARKS = frozenset(",.%()+-–—*")
"""Characters of a printed figure besides its digits."""
DEFAULT_BOX_MIN_ROWS = 3
DEFAULT_BOX_MIN_COLS = 3
"""A box holds a table when at least this many of its lines hold two runs or more, in this many columns
(a 专栏 of paragraphs or of ``label：value`` lines is no table)."""
DEFAULT_OPEN_HEADER_ROWS = 2
"""A pair of rules with at most this many rows of text between them can be a table's top and header rule
(its body below, the bottom rule on a later page); more rows between them are a whole table."""
DEFAULT_CENTRED_SHARE = 0.3
"""A line is centred between two others when its centre is within this share of its height of theirs."""
DEFAULT_OPEN_ROW_GAP = 2.0
"""Lines under the last rule of a pair continue its table while they are at most this many line heights
apart and each holds two runs of text or more."""
DEFAULT_RUNNING_LINES = 1
"""Above the continuation of a three-line table on its page (no top rule) stands nothing but the page's
running header: lines whose texts recur in the top margin band of the pages before (however many:
:func:`running_key`), or, where none of them does (page 1 printed no header), at most this many lines; more
text above the rows, and they are no continuation."""
DEFAULT_HEADER_CUT_EM = 0.25
"""A gap this wide (em) at a column edge separates two header texts that the word gap left as one run."""
DEFAULT_CONTINUATION_GAP = 0.5
"""A line closer than this many line heights under the row above continues it (a wrapped cell)..."""
DEFAULT_ROW_GAP_RATIO = 1.5
"""...provided the table's rows are at least this many times further apart than that (padded rows)."""
DEFAULT_OVERLAP = 0.25
"""In a table without padded rows a line continues the row above only when it overlaps it by this share of
its height (a value centred on a wrapped cell); glyph boxes taller than the leading overlap less."""
DEFAULT_TURNOVER_EM = 1.0
"""A wrapped first-column cell's turnover line is set in at least this many em (a hanging indent)."""
DEFAULT_SPACE_EM = 0.25
"""A word space, in em (Latin faces set it at 0.25–0.33)."""
LEADER = re.compile(r"(?:\.\s*){3,}$")
"""A line ending in leader dots runs to its column's edge whatever its words: it tells no broken line."""
CJK_START = 0x2E80
"""Characters from this code point on are CJK (no letters of an alphabet)."""
DEFAULT_PANEL_MIN_ROWS = 2
"""Panel headings are told from the columns of at least this many body lines of several runs."""
DEFAULT_HEADER_LEVEL_PT = 1.0
"""Group rules of one header row stand within this many points of one another's height."""
DEFAULT_TIE_PT = 0.01
"""A gap within this of the continuation limit is at the limit (a new row): coordinates carry rounding
(pdfminer's float64 sums, pdfium's float32) well under a hundredth of a point, and which side of an exact tie
they land on must not decide the rows."""


@dataclass(slots=True)
class Word:
    chars: list[Char]
    x0: float
    x1: float
    top: float
    bottom: float


def same_extent(a: Segment, b: Segment) -> bool:
    tol = DEFAULT_EXTENT_TOLERANCE
    return abs(a.start - b.start) <= tol and abs(a.end - b.end) <= tol


def rows_between(rows: list[TextRow], top: float, bottom: float, x0: float, x1: float) -> list[TextRow]:
    """The lines between two heights, each cut to the characters over the rules' extent: text beside the
    table (the other column of a two-column page) shares its lines but not its rules."""
    lo, hi = x0 - DEFAULT_EXTENT_TOLERANCE, x1 + DEFAULT_EXTENT_TOLERANCE
    out = []
    for row in rows:
        if not top < (row.top + row.bottom) / 2 < bottom:
            continue
        chars = [c for c in row.chars if lo <= (c["x0"] + c["x1"]) / 2 <= hi]
        if chars:
            out.append(row if len(chars) == len(row.chars) else TextRow(chars, row.overprinted))
    return out


def is_prose(rows: list[TextRow], width: float, settings: ExtractSettings) -> bool:
    """Some line between two rules is one long run of text (a paragraph, not a row of cells)."""
    return any(len(split_words(r, settings)) == 1 and r.x1 - r.x0 > DEFAULT_PROSE_SHARE * width for r in rows)


def rule_runs(hs: list[Segment], rows: list[TextRow], settings: ExtractSettings) -> list[list[Segment]]:
    """Runs of ≥ 2 stacked rules of one extent with table-like text (or nothing) between neighbours."""
    runs: list[list[Segment]] = []
    for seg in sorted(hs, key=lambda s: s.pos):
        for run in runs:
            last = run[-1]
            between = rows_between(rows, last.pos, seg.pos, seg.start, seg.end)
            if same_extent(last, seg) and not is_prose(between, seg.length, settings):
                run.append(seg)
                break
        else:
            runs.append([seg])
    return [r for r in runs if len(r) >= 2]


def extents(chars: list[Char], gap: float) -> list[tuple[float, float]]:
    """Characters' x-extents merged across gaps narrower than ``gap``."""
    cols: list[list[float]] = []
    for x0, x1 in sorted((c["x0"], c["x1"]) for c in chars):
        if cols and x0 - cols[-1][1] < gap:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    return [(a, b) for a, b in cols]


def columns(lines: list[TextRow], em: float) -> list[tuple[float, float]]:
    """Column x-ranges: printed characters' extents merged across gaps narrower than a gutter, except two
    columns of figures, which are apart across a narrower gap (:data:`DEFAULT_FIGURE_GUTTER_EM`)."""
    chars = [c for r in lines for c in r.chars if not is_blank(c)]
    out: list[tuple[float, float]] = []
    for col in extents(chars, DEFAULT_FIGURE_GUTTER_EM * em):
        if out and col[0] - out[-1][1] < DEFAULT_GUTTER_EM * em \
                and not (is_figures(chars, out[-1]) and is_figures(chars, col)):
            out[-1] = (out[-1][0], col[1])
        else:
            out.append(col)
    return out


def is_figures(chars: list[Char], col: tuple[float, float]) -> bool:
    """Every character in the range belongs to a printed figure (``1,205``, ``(13.8–17.1)``, ``52.7%``)."""
    text = "".join(c["text"] for c in chars if col[0] <= c["x0"] and c["x1"] <= col[1])
    return any(ch.isdigit() for ch in text) and all(ch.isdigit() or ch in FIGURE_MARKS for ch in text)


def column_span(word: Word, edges: list[float]) -> tuple[int, int]:
    """First column and number of columns a word covers (its centre's column when it crosses no gutter)."""
    inner = edges[1:-1]
    first = sum(1 for e in inner if e <= word.x0 + 0.01)
    last = sum(1 for e in inner if e < word.x1 - 0.01)
    return first, max(1, last - first + 1)


def header_span(word: Word, edges: list[float]) -> tuple[int, int]:
    """Columns a header word stands over: those whose edges fall in its middle half (a group header centred
    over them), not an edge it only overhangs (a header set wider than its column's values)."""
    quarter = (word.x1 - word.x0) / 4
    return column_span(Word([], word.x0 + quarter, word.x1 - quarter, word.top, word.bottom), edges)


def filled_columns(lines: list[TextRow], edges: list[float]) -> set[int]:
    return {column_span(word_of([c]), edges)[0] for r in lines for c in r.chars if not is_blank(c)}


def column_gaps(lines: list[TextRow], edges: list[float], inner: list[float]) -> list[float]:
    """Vertical gaps between consecutive lines' text within each column, no rule between them."""
    gaps = []
    for lo, hi in itertools.pairwise(edges):
        spans = [(min(c["top"] for c in cs), max(c["bottom"] for c in cs))
                 for cs in ([c for c in r.chars if lo <= (c["x0"] + c["x1"]) / 2 < hi] for r in lines) if cs]
        gaps += [b[0] - a[1] for a, b in itertools.pairwise(spans)
                 if b[0] >= a[1] and not any(a[1] < y < b[0] for y in inner)]
    return gaps


def continuation_limit(lines: list[TextRow], edges: list[float], inner: list[float]) -> float:
    """Largest gap that still continues a cell: 0 unless the gaps within columns fall into two groups, tight
    ones (a wrapped cell, under half a line) and loose ones well apart from them (padded rows)."""
    h = statistics.median(r.bottom - r.top for r in lines)
    gaps = column_gaps(lines, edges, inner)
    tight = [g for g in gaps if g <= DEFAULT_CONTINUATION_GAP * h]
    loose = [g for g in gaps if g > DEFAULT_CONTINUATION_GAP * h]
    if not tight or not loose or min(loose) < DEFAULT_ROW_GAP_RATIO * max(tight):
        return 0.0
    return (max(tight) + min(loose)) / 2


def ruled_between(upper: float, lower: float, inner: list[float]) -> bool:
    return any(upper < y < lower for y in inner)


def overlap_units(lines: list[TextRow], inner: list[float]) -> list[list[TextRow]]:
    """Lines chained by overlapping one another (a value centred on a wrapped cell sits across its lines):
    each chain is one piece of one row."""
    units: list[list[TextRow]] = []
    for line in lines:
        if units:
            bottom = max(r.bottom for r in units[-1])
            if bottom - line.top >= DEFAULT_OVERLAP * (line.bottom - line.top) \
                    and not ruled_between(min(r.top for r in units[-1]), line.top, inner):
                units[-1].append(line)
                continue
        units.append([line])
    return units


def continues_row(row: list[TextRow], unit: list[TextRow], edges: list[float], inner: list[float],
                  limit: float) -> bool:
    """A piece continues the row above in a table with padded rows: close under it, no rule between, and
    either the first column empty or fewer columns filled than the row has (a wrapped category name beside
    a wrapped item), and no serial number opening it."""
    bottom, top = max(r.bottom for r in row), min(r.top for r in unit)
    if limit <= 0 or top - bottom >= limit - DEFAULT_TIE_PT or ruled_between(bottom, top, inner) \
            or opens_serial(unit, edges):
        return False
    cols = filled_columns(unit, edges)
    return 0 not in cols or len(cols) < len(filled_columns(row, edges))


def opens_serial(unit: list[TextRow], edges: list[float]) -> bool:
    """The piece's first column holds a row's serial number (:data:`ROW_SERIAL`): a new row."""
    text = "".join(c["text"] for r in unit for c in r.chars
                   if not is_blank(c) and (c["x0"] + c["x1"]) / 2 < edges[1])
    return bool(text) and bool(ROW_SERIAL.match(text))


def same_header_row(row: list[TextRow], unit: list[TextRow], edges: list[float], inner: list[float],
                    group_heads: tuple[Segment, ...] = ()) -> bool:
    """Above the header rule every line is one header row (a name over its unit), unless the row above holds
    a group header standing over several columns, or a group rule (:func:`group_rules`) is drawn between
    them: then the lines under it are the next header row."""
    if not inner or min(r.top for r in unit) > inner[0]:
        return False
    if ruled_between(max(r.bottom for r in row), min(r.top for r in unit), [s.pos for s in group_heads]):
        return False
    return all(header_span(word_of(w), edges)[1] == 1 for r in row for w in split_words_of(r, edges))


def split_words_of(row: TextRow, edges: list[float]) -> list[list[Char]]:
    return [part for w in row.words for part in split_at_edges(w, edges)]


def group_rows(lines: list[TextRow], edges: list[float], inner: list[float],
               headed: bool = True, group_heads: tuple[Segment, ...] = (),
               turned: list[tuple[TextRow, TextRow]] | None = None) -> list[list[TextRow]]:
    """Visual lines grouped into table rows (:func:`overlap_units`, :func:`continues_row`,
    :func:`turns_over`: the lines a stub's turnover joined, the row's last and the piece's first, go into
    ``turned``).  With no rule under the
    header (``headed``: the lines start with it), the first row takes only the lines chained to it: the next
    piece opens the body (a cell cut by a page break goes on at the top of the next page's)."""
    limit = continuation_limit(lines, edges, inner)
    stub = stub_extent(lines, edges, inner)
    turned = [] if turned is None else turned
    groups: list[list[list[TextRow]]] = []
    for unit in overlap_units(lines, inner):
        head = headed and len(groups) == 1 and not inner
        flat = [r for u in groups[-1] for r in u] if groups else []
        if groups and (same_header_row(flat, unit, edges, inner, group_heads)
                       or (not head and continues_row(flat, unit, edges, inner, limit))):
            groups[-1].append(unit)
        elif groups and not head and turns_over(flat, unit, stub, edges, inner):
            groups[-1].append(unit)
            turned.append((max(flat, key=lambda r: r.top), min(unit, key=lambda r: r.top)))
        else:
            groups.append([unit])
    if any(serial_below_top(g, edges) for g in groups):
        for upper, lower in itertools.pairwise(groups):
            recentre_serial(upper, lower, edges)
    return [[r for u in g for r in u] for g in groups if g]


def stub_chars(line: TextRow, edges: list[float]) -> list[Char]:
    """The line's printed characters in the first column."""
    return [c for c in line.chars if not is_blank(c) and (c["x0"] + c["x1"]) / 2 < edges[1]]


@dataclass(frozen=True, slots=True)
class Stub:
    """The first column's text, for telling its turnover lines (:func:`turns_over`): its left edge and
    whether it is set flush left in a Latin script (``hanging``: a turnover line is set in), and
    for a CJK column (``widest``, else empty) the widest line's width in each column (a CJK line breaks
    after any character, so a line that could have taken one more was no broken line), and the first
    column's cell (:func:`stub_cell`): a line fills it only up to its ``measure`` (flush-left lines) or, its
    lines ``centred``, only where it stands less than a character in from the cell's left ``edge``; for a
    Latin column the two widest lines' right edges (``rights``) and the ``bound`` a broken line sets
    (:func:`latin_measure`)."""
    left: float
    hanging: bool
    widest: tuple[float, ...]
    edge: float = 0.0
    measure: float = 0.0
    centred: bool = False
    rights: tuple[float, float] = (0.0, 0.0)
    bound: float = float("inf")


def stub_extent(lines: list[TextRow], edges: list[float], inner: list[float]) -> Stub | None:
    """The first column's :class:`Stub`; None (at once) when no turnover can show in it: ``hanging`` needs
    a Latin letter and most lines starting at the column's left within half an em, ``widest`` a CJK
    character."""
    per_line = [cs for cs in (stub_chars(r, edges) for r in lines) if cs]
    if not per_line:
        return None
    starts = [min(c["x0"] for c in cs) for cs in per_line]
    em = statistics.median(c["size"] for cs in per_line for c in cs)
    flush = sum(1 for x in starts if x - min(starts) <= DEFAULT_TURNOVER_EM / 2 * em)
    hanging = 2 * flush > len(starts) and any(is_letter(c["text"]) for cs in per_line for c in cs)
    cjk = any(is_cjk(c["text"]) for cs in per_line for c in cs)
    if not (hanging or cjk):
        return None
    rights, bound = latin_measure(per_line, min(starts)) if hanging else ((0.0, 0.0), float("inf"))
    if not cjk:
        return Stub(min(starts), hanging, (), rights=rights, bound=bound)
    body = [r for r in lines if inner and r.top > inner[0]] or lines
    return Stub(min(starts), hanging, widest_lines(lines, edges), *stub_cell(body, edges),
                rights=rights, bound=bound)


def latin_measure(per_line: list[list[Char]], left: float) -> tuple[tuple[float, float], float]:
    """What the first column's lines tell of its measure, not its widest line alone (the widest line could
    never take another word within itself): it is at least the widest line's right edge, and less than
    where a broken line's next word would have ended (``bound``: a line set in under one that could not
    take it within another line's right edge, :func:`full_line`)."""
    ranked = sorted((max(c["x1"] for c in cs) for cs in per_line), reverse=True)
    rights = (ranked[0], ranked[1] if len(ranked) > 1 else float("-inf"))
    broken = [reach(a, b) for a, b in itertools.pairwise(per_line)
              if set_in(a, b, left) and full_line(a, b, rights, float("inf"))]
    return rights, min(broken, default=float("inf"))


def reach(prev: list[Char], here: list[Char]) -> float:
    """Where the line ``prev`` would have ended had it taken the first word of ``here``."""
    em = statistics.median(c["size"] for c in prev + here)
    return max(c["x1"] for c in prev) + DEFAULT_SPACE_EM * em + first_word_width(here, em)


def full_line(prev: list[Char], here: list[Char], rights: tuple[float, float], bound: float) -> bool:
    """The line ``prev`` could not have taken the first word of ``here``: it reaches past the right edge of
    the column's widest other line (one as wide or wider than itself: the measure is at least that), or
    past the ``bound`` a broken line sets (:func:`latin_measure`), itself short of it."""
    x1, end = max(c["x1"] for c in prev), reach(prev, here)
    other = rights[1] if x1 >= rights[0] - DEFAULT_TIE_PT else rights[0]
    return (x1 <= other + DEFAULT_TIE_PT < end) or x1 < bound <= end + DEFAULT_TIE_PT


def set_in(prev: list[Char], here: list[Char], left: float) -> bool:
    """``here`` is set in by a hanging indent under ``prev``, which starts at the column's ``left`` (within
    half of :data:`DEFAULT_TURNOVER_EM`) and ends in no leader dots; it opens on a letter."""
    em = statistics.median(c["size"] for c in prev + here)
    x0 = min(c["x0"] for c in prev)
    first = min(here, key=lambda c: c["x0"])
    return x0 - left <= DEFAULT_TURNOVER_EM / 2 * em and first["x0"] - x0 >= DEFAULT_TURNOVER_EM * em \
        and is_letter(first["text"]) and not LEADER.search(text_of(prev))


def stub_cell(body: list[TextRow], edges: list[float]) -> tuple[float, float, bool]:
    """The first column's cell, not its widest line (in a column whose entries are all as long, every line
    is the widest): its left ``edge`` (the table's), the ``measure`` of flush-left lines (the next column's
    text less the two paddings, each as wide as the one from the table's edge to the column's text), and
    whether the body's lines are ``centred`` (they start at different places)."""
    starts = [min(c["x0"] for c in cs) for cs in (stub_chars(r, edges) for r in body) if cs] or [edges[0]]
    pad = min(starts) - edges[0]
    nxt = [c["x0"] for r in body for c in r.chars
           if not is_blank(c) and edges[1] <= (c["x0"] + c["x1"]) / 2 < edges[min(2, len(edges) - 1)]]
    measure = min(nxt) - 2 * pad if nxt else edges[1]
    return edges[0], measure, max(starts) - min(starts) > DEFAULT_TIE_PT


def widest_lines(lines: list[TextRow], edges: list[float]) -> tuple[float, ...]:
    """The widest line's width in each column: each line's characters in the column, first to last."""
    spans: list[dict[int, tuple[float, float]]] = []
    for line in lines:
        per: dict[int, tuple[float, float]] = {}
        for c in line.chars:
            if not is_blank(c):
                k = bisect.bisect_right(edges, (c["x0"] + c["x1"]) / 2) - 1
                lo, hi = per.get(k, (c["x0"], c["x1"]))
                per[k] = (min(lo, c["x0"]), max(hi, c["x1"]))
        spans.append(per)
    return tuple(max((p[k][1] - p[k][0] for p in spans if k in p), default=0.0)
                 for k in range(len(edges) - 1))


def width(chars: list[Char]) -> float:
    return max(c["x1"] for c in chars) - min(c["x0"] for c in chars) if chars else 0.0


def level_chars(lines: list[TextRow], level: TextRow, lo: float, hi: float) -> list[Char]:
    """The printed characters between ``lo`` and ``hi`` of the lines whose middle stands within ``level``."""
    return [c for r in lines if level.top <= (r.top + r.bottom) / 2 <= level.bottom
            for c in r.chars if not is_blank(c) and lo <= (c["x0"] + c["x1"]) / 2 < hi]


def crosses_edge(chars: list[Char], edges: list[float]) -> bool:
    """Two neighbouring characters closer than :data:`DEFAULT_HEADER_CUT_EM` have a column edge between
    them: the line runs across the columns (a paragraph over a grid's unruled band), its parts no cells."""
    ordered = sorted(chars, key=lambda c: c["x0"])
    return any(b["x0"] - a["x1"] < DEFAULT_HEADER_CUT_EM * b["size"]
               and any(a["x1"] - DEFAULT_TIE_PT <= e <= b["x0"] + DEFAULT_TIE_PT
                       or (a["x0"] + a["x1"]) / 2 < e < (b["x0"] + b["x1"]) / 2 for e in edges[1:-1])
               for a, b in itertools.pairwise(ordered))


def is_cjk(text: str) -> bool:
    return bool(text) and ord(text[0]) >= CJK_START


def turns_over(row: list[TextRow], unit: list[TextRow], stub: Stub | None,
               edges: list[float], inner: list[float]) -> bool:
    """The piece's first-column line is the turnover of the row's last one (a wrapped stub cell, its values
    set in step with it or on one of its lines): right under it (less than a line height, no rule between),
    in the same face, and hanging (:func:`hangs`) or run on from full lines (:func:`runs_on`)."""
    if stub is None:
        return False
    lines = [r for r in row if stub_chars(r, edges)]
    here = stub_chars(min(unit, key=lambda r: r.top), edges)
    if not lines or not here:
        return False
    last = max(lines, key=lambda r: r.top)
    prev = stub_chars(last, edges)
    top = min(r.top for r in unit)
    if top - last.bottom >= last.bottom - last.top or ruled_between(last.bottom, top, inner) \
            or face(prev) != face(here):
        return False
    return ((stub.hanging and hangs(prev, here, stub))
            or (bool(stub.widest) and runs_on(row, unit, last, edges, stub))) \
        and not repeats_figures(row, unit, edges)


def runs_on(row: list[TextRow], unit: list[TextRow], last: TextRow, edges: list[float],
            stub: Stub) -> bool:
    """CJK cells wrapped in step: every column the piece's first line fills, the first among them, the row's
    last line fills too, so full that it could not have taken the piece's first character there within the
    column's widest line (:class:`Stub`) and, in the first column, within its cell (:func:`fills_cell`: not
    the widest line, which in a column of entries all as long is every line), and the piece opens with no
    serial number; a row's line that runs
    across a column edge (:func:`crosses_edge`) tells no column's measure."""
    first = min(unit, key=lambda r: r.top)
    if crosses_edge(level_chars(row, last, edges[0], edges[-1]), edges):
        return False
    filled = False
    for k, (lo, hi) in enumerate(itertools.pairwise(edges)):
        under = level_chars(unit, first, lo, hi)
        if not under:
            continue
        above = level_chars(row, last, lo, hi)
        lead = min(under, key=lambda c: c["x0"])
        if not above or width(above) + lead["x1"] - lead["x0"] <= stub.widest[k] + DEFAULT_TIE_PT \
                or (k == 0 and not fills_cell(above, lead["x1"] - lead["x0"], stub)):
            return False
        filled = filled or k == 0
    return filled and not opens_serial(unit, edges)


def fills_cell(chars: list[Char], step: float, stub: Stub) -> bool:
    """The first column's line could not take one more character (``step`` wide) in its cell
    (:func:`stub_cell`): flush left, it ends less than a character short of the measure; centred, it starts
    less than a character in from the cell's edge (a line one character shorter stands half a character in
    on each side, besides the padding)."""
    if stub.centred:
        return min(c["x0"] for c in chars) - stub.edge < step - DEFAULT_TIE_PT
    return max(c["x1"] for c in chars) + step > stub.measure + DEFAULT_TIE_PT


def hangs(prev: list[Char], here: list[Char], stub: Stub) -> bool:
    """A Latin turnover: the line above starts at the column's left, the piece's is set in from it by
    :data:`DEFAULT_TURNOVER_EM` or more (a hanging indent) opening on a letter, and the line above (no leader
    dots) could not have taken the piece's first word within the column's measure (:func:`full_line`): it
    was broken there.  An indented line under a short one is a sub-item, a row of its own (“Men” under
    “Total enrollment”, or under the widest line when no other line shows the measure), and so is one
    repeating figures in a column the row holds them in (:func:`repeats_figures`)."""
    return set_in(prev, here, stub.left) and full_line(prev, here, stub.rights, stub.bound)


def text_of(chars: list[Char]) -> str:
    return "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"]))


def face(chars: list[Char]) -> str:
    """The font most of the characters are set in."""
    return statistics.mode(c.get("fontname", "") for c in chars)


def is_letter(text: str) -> bool:
    """A letter of an alphabet (not a CJK character, a figure or a mark)."""
    return text[:1].isalpha() and ord(text[:1]) < CJK_START


def first_word_width(chars: list[Char], em: float) -> float:
    """Width of the first word of a line's characters: up to the first gap of a word space."""
    ordered = sorted(chars, key=lambda c: c["x0"])
    end = ordered[0]["x1"]
    for prev, ch in itertools.pairwise(ordered):
        if is_blank(ch) or ch["x0"] - prev["x1"] >= DEFAULT_SPACE_EM * em / 2:
            break
        end = ch["x1"]
    return end - ordered[0]["x0"]


def repeats_figures(row: list[TextRow], unit: list[TextRow], edges: list[float]) -> bool:
    """A column right of the first holds a figure level with the row's last first-column line and one level
    with the piece's first line (a row of values under a row of values: the piece is a row of its own, as a
    figure never wraps); the lines may be whole table lines or a grid's cells' lines (:mod:`.gridtext`)."""
    last = max((r for r in row if stub_chars(r, edges)), key=lambda r: r.top)
    first = min(unit, key=lambda r: r.top)
    return any(is_figure(level_chars(row, last, lo, hi)) and is_figure(level_chars(unit, first, lo, hi))
               for lo, hi in itertools.pairwise(edges[1:]))


def is_figure(chars: list[Char]) -> bool:
    """The characters print a figure: digits and :data:`FIGURE_MARKS` only, a digit among them."""
    text = "".join(c["text"] for c in chars)
    return any(ch.isdigit() for ch in text) and all(ch.isdigit() or ch in FIGURE_MARKS for ch in text)


def recentre_serial(upper: list[list[TextRow]], lower: list[list[TextRow]], edges: list[float]) -> None:
    """In a table that centres its cells (:func:`serial_below_top`), a row whose serial number stands on
    the middle line of a wrapped cell (its first line one pitch above the serial's line, its last one below)
    took no line above the serial: the last pieces of the row above (those :func:`continues_row` gave it, or
    all of a row with no serial: a wrapped cell's first line standing alone) go down to it when that centres
    the serial on the row and leaves the row above centred on its own serial, or without one (a cell the
    page break cut)."""
    serial = serial_band(lower[0], edges)
    if serial is None or centred_on(serial, lower):
        return
    own = serial_band(upper[0], edges)
    for k in range(0 if own is None else 1, len(upper)):
        moved = upper[k:]
        if own is not None and not centred_on(own, upper[:k]):
            continue
        if centred_on(serial, moved + lower):
            upper[k:] = []
            lower[:0] = moved
            return


def serial_below_top(group: list[list[TextRow]], edges: list[float]) -> bool:
    """The row's serial number stands lower than its first line (by half its height or more): the table
    centres its cells on their rows (a top-aligned table sets every serial on its row's first line)."""
    serial = serial_band(group[0], edges)
    top = min(r.top for r in group[0])
    return serial is not None and serial[0] - top >= (serial[1] - serial[0]) / 2


def serial_band(unit: list[TextRow], edges: list[float]) -> tuple[float, float] | None:
    """Top and bottom of the first column's text of a piece opening with a serial number."""
    if not opens_serial(unit, edges):
        return None
    chars = [c for r in unit for c in r.chars if not is_blank(c) and (c["x0"] + c["x1"]) / 2 < edges[1]]
    return min(c["top"] for c in chars), max(c["bottom"] for c in chars)


def centred_on(band: tuple[float, float], units: list[list[TextRow]]) -> bool:
    """The band's middle is the middle of the units' extent (within :data:`DEFAULT_CENTRED_SHARE` of its
    height)."""
    lines = [r for u in units for r in u]
    top, bottom = min(r.top for r in lines), max(r.bottom for r in lines)
    return abs((band[0] + band[1]) / 2 - (top + bottom) / 2) <= DEFAULT_CENTRED_SHARE * (band[1] - band[0])


def word_of(chars: list[Char]) -> Word:
    return Word(chars, chars[0]["x0"], max(c["x1"] for c in chars), min(c["top"] for c in chars),
                max(c["bottom"] for c in chars))


def split_at_edges(chars: list[Char], edges: list[float]) -> list[list[Char]]:
    """A run of header text cut where a visible gap between two characters holds a column edge (two
    headers set closer than a word gap), never inside a tight run (a header centred over two columns)."""
    out = [[chars[0]]]
    for prev, ch in itertools.pairwise(chars):
        gap = ch["x0"] - prev["x1"]
        if gap >= DEFAULT_HEADER_CUT_EM * ch["size"] and any(prev["x1"] <= e <= ch["x0"] for e in edges):
            out.append([])
        out[-1].append(ch)
    return out


def line_parts(line: TextRow, edges: list[float], header: bool,
               group_heads: tuple[Segment, ...] = ()) -> list[tuple[int, int, list[Char]]]:
    """(column, colspan, characters) of one line's words: a header word cut at the column edges its gaps hold,
    spanning the columns it covers (or its group rule's: :func:`ruled_span`); body characters gathered by
    the column they start in."""
    if header:
        return [(*ruled_span(word_of(w), edges, group_heads), w)
                for chars in line.words for w in split_at_edges(chars, edges)]
    per_col: dict[int, list[Char]] = {}
    for chars in line.words:
        for c in chars:
            per_col.setdefault(column_span(word_of([c]), edges)[0], []).append(c)
    return [(col, 1, chars) for col, chars in per_col.items()]


def ruled_span(word: Word, edges: list[float], group_heads: tuple[Segment, ...]) -> tuple[int, int]:
    """The columns a header word stands over: those its group rule spans when one is drawn close under it
    (within a line height, under its centre: “Total” over PK–12, PK–8 and 9–12; the columns whose middle it
    spans), else :func:`header_span`."""
    mid, height = (word.x0 + word.x1) / 2, word.bottom - word.top
    for rule in group_heads:
        if rule.start <= mid <= rule.end and word.bottom - DEFAULT_TIE_PT <= rule.pos <= word.bottom + height:
            under = [i for i, (a, b) in enumerate(itertools.pairwise(edges))
                     if rule.start <= (a + b) / 2 <= rule.end]
            if under:
                return under[0], len(under)
    return header_span(word, edges)


def row_cells(group: list[TextRow], edges: list[float], cols: list[tuple[float, float]] | None,
              group_heads: tuple[Segment, ...] = (),
              panel: bool = False) -> list[tuple[int, int, list[Char]]]:
    """(column, colspan, characters) of one row, left to right.  A header word spans the columns it covers
    (up to the next filled column; ``cols``: the body's text ranges, given for a header row); body characters
    go to the column they start in; a ``panel`` heading spans its columns (:func:`panel_span`)."""
    n_cols = len(edges) - 1
    if panel:
        first, span = panel_span(group[0], edges)
        chars = with_typed_spaces(group[0].words[0], group[0])
        return [(c, 1, []) for c in range(first)] + [(first, span, chars)] \
            + [(c, 1, []) for c in range(first + span, n_cols)]
    filled: dict[int, tuple[int, list[Char]]] = {}
    for line in group:
        for first, span, part in line_parts(line, edges, cols is not None, group_heads):
            old_span, old_chars = filled.get(first, (1, []))
            filled[first] = (max(span, old_span), old_chars + with_typed_spaces(part, line))
    out = []
    c = 0
    while c < n_cols:
        span, chars = filled.get(c, (1, []))
        nxt = min([k for k in filled if k > c] + [n_cols])
        span = max(1, min(span, nxt - c))
        out.append((c, span, chars))
        c += span
    return out


def open_body(rows: list[TextRow], bottom: float, x0: float, x1: float,
              settings: ExtractSettings, head: list[TextRow] | None = None) -> list[TextRow]:
    """Lines of cells printed straight under a pair of rules: the rules were the top and the header rule of
    a table whose bottom rule is on a later page (or never drawn).  A wrapped cell's line holds one run;
    the body ends at a gap (the page's footer) or at a line of prose across the table.  A line whose run
    opens a gutter under the gap between two header words (``head``) is cells set closer than a word gap
    (justified text filling its column up to the next one), not prose."""
    out: list[TextRow] = []
    last = bottom
    gutters = header_gutters(head or [], settings)
    for row in sorted((r for r in rows if r.top > bottom and r.x0 >= x0 - 2 and r.x1 <= x1 + 2),
                      key=lambda r: r.top):
        row.words = split_words(row, settings)
        gap = row.top - last
        prose = is_prose([row], x1 - x0, settings) and not opens_gutter(row, gutters)
        if prose or gap > DEFAULT_OPEN_ROW_GAP * (row.bottom - row.top):
            break
        out.append(row)
        last = row.bottom
    return out if len(out) >= 2 else []


def header_gutters(head: list[TextRow], settings: ExtractSettings) -> list[tuple[float, float]]:
    """The gaps between neighbouring header words (all header lines projected on the x axis): where the
    columns part."""
    chars = [c for r in head for c in r.chars if not is_blank(c)]
    if not chars:
        return []
    em = statistics.median(c["size"] for c in chars)
    spans = extents(chars, settings.word_gap_em * em)
    return [(a[1], b[0]) for a, b in itertools.pairwise(spans)]


def opens_gutter(row: TextRow, gutters: list[tuple[float, float]]) -> bool:
    """Two neighbouring characters of the line stand at least a gutter (:data:`DEFAULT_GUTTER_EM`) apart,
    the middle of their gap under a gap between header words."""
    chars = sorted((c for c in row.chars if not is_blank(c)), key=lambda c: c["x0"])
    for a, b in itertools.pairwise(chars):
        mid = (a["x1"] + b["x0"]) / 2
        if b["x0"] - a["x1"] >= DEFAULT_GUTTER_EM * max(a["size"], 1.0) \
                and any(lo <= mid <= hi for lo, hi in gutters):
            return True
    return False


def region_table(run: list[Segment], rows: list[TextRow], page: int, settings: ExtractSettings,
                 loose: list[Segment] | None = None) -> tuple[RawTable | None, list[TextRow]]:
    """The table between the first and last rule of a run, and the lines it holds (``loose``: the page's
    free rules, the header's group rules among them)."""
    top, bottom = run[0].pos, run[-1].pos
    x0, x1 = min(s.start for s in run), max(s.end for s in run)
    lines = sorted(rows_between(rows, top, bottom, x0, x1), key=lambda r: r.top)
    for line in lines:
        line.words = split_words(line, settings)
    inner = [s.pos for s in run[1:-1] if not is_short(s, x0, x1)]  # rules over some columns: group rules
    header_only = len(run) == 2 and header_units(lines) <= DEFAULT_OPEN_HEADER_ROWS
    below = open_body(rows, bottom, x0, x1, settings, lines) if header_only else []
    if below:
        inner, lines, bottom = [bottom], lines + below, below[-1].bottom + 1
    group_heads = group_rules(loose or [], top, inner[0] if inner else bottom, x0, x1)
    table = lines_table(lines, inner, (x0, top, x1, bottom), page, settings, group_heads=group_heads)
    # a header alone: no body under the rules (when ``header_only``, ``below`` already looked)
    if table is None and len(run) == 2 and not below \
            and (header_only or not open_body(rows, bottom, x0, x1, settings, lines)):
        table = header_table(lines, (x0, top, x1, bottom), page, settings)
    return table, (lines if table else [])


def is_short(rule: Segment, x0: float, x1: float) -> bool:
    """The rule covers only some of the table's columns (narrower than ``x0..x1`` beyond the tolerance)."""
    return rule.length < x1 - x0 - 2 * DEFAULT_EXTENT_TOLERANCE


def rules_above(run: list[Segment], loose: list[Segment], rows: list[TextRow],
                settings: ExtractSettings) -> list[Segment]:
    """Rules of a header set above the run's first rule, each level narrower than the table and one of its
    rules flush with a side of it (the top rule and group rules over the value columns only, the stub column
    open: ICDAR us-023), with one or two rows of header text, no prose, between each level and the next one
    down; the row right above the first rule heads the body's columns (:func:`heads_columns`).  Top to
    bottom: the first is the table's top rule, the run's first its header rule."""
    x0, x1, tol = run[0].start, run[0].end, DEFAULT_EXTENT_TOLERANCE
    out: list[Segment] = []
    top = run[0].pos
    while True:
        above = [s for s in loose
                 if s.pos < top - DEFAULT_TIE_PT and x0 - tol <= s.start and s.end <= x1 + tol]
        if not above:
            return out
        high = max(s.pos for s in above)
        level = [s for s in above if s.pos >= high - DEFAULT_HEADER_LEVEL_PT]
        band = rows_between(rows, high, top, x0, x1)
        if not all(is_short(s, x0, x1) for s in level) \
                or not any(abs(s.end - x1) <= tol or abs(s.start - x0) <= tol for s in level) \
                or not is_header_band(band, top - high, x1 - x0, settings) \
                or not (out or heads_columns(band, run, rows, settings)):
            return out
        out[:0] = level
        top = min(s.pos for s in level)


def heads_columns(band: list[TextRow], run: list[Segment], rows: list[TextRow],
                  settings: ExtractSettings) -> bool:
    """The band's last line is a row of column heads: its words stand over at least
    :data:`DEFAULT_BOX_MIN_COLS` of the body's columns and at least half of them (a caption, a unit line, a
    form's fill-in line is one run)."""
    body = rows_between(rows, run[0].pos, run[-1].pos, run[0].start, run[0].end)
    if not body:
        return False
    em = statistics.median(c["size"] for r in body for c in r.chars)
    cols = columns(body, em)
    line = max(band, key=lambda r: r.top)
    hit: set[int] = set()
    for word in split_words(line, settings):
        x = (word[0]["x0"] + word[-1]["x1"]) / 2
        hit |= {i for i, (a, b) in enumerate(cols) if a - em <= x <= b + em}
    return len(hit) >= max(DEFAULT_BOX_MIN_COLS, (len(cols) + 1) // 2)


def is_header_band(lines: list[TextRow], height: float, width: float, settings: ExtractSettings) -> bool:
    """Text between two rules of a header: one or two rows, none of them prose, the rules no further apart
    than :data:`DEFAULT_OPEN_ROW_GAP` line heights for each of its rows and one more (the space above the
    first row and under the last)."""
    if not lines:
        return False
    units = overlap_units(sorted(lines, key=lambda r: r.top), [])
    line_h = statistics.median(r.bottom - r.top for r in lines)
    near = height <= DEFAULT_OPEN_ROW_GAP * line_h * (len(units) + 1)
    return len(units) <= DEFAULT_OPEN_HEADER_ROWS and near and not is_prose(lines, width, settings)


def group_rules(loose: list[Segment], top: float, header_rule: float, x0: float,
                x1: float) -> tuple[Segment, ...]:
    """Rules drawn inside the header, between the top rule and the header rule, narrower than the table:
    each underlines a group header over the columns it spans (and parts the header's rows)."""
    tol = DEFAULT_EXTENT_TOLERANCE
    return tuple(s for s in loose if top + DEFAULT_TIE_PT < s.pos < header_rule - DEFAULT_TIE_PT
                 and s.start >= x0 - tol and s.end <= x1 + tol and s.length < x1 - x0 - 2 * tol)


def raise_stub_heads(table: RawTable, head: int) -> None:
    """In a header parted by group rules, a cell of its last row with nothing printed above it spans up to
    the top rule (“Year” set level with the leaf labels, beside the groups over them), and a cell of its
    first row with nothing printed under it spans down to the header rule (行业 centred on the header's
    height, level with the groups' line)."""
    leaf = head - 1
    cells = table.cells
    for cell in [c for c in cells if c.row in (0, leaf) and c.lines]:
        others = [c for c in cells if (c.row < leaf if cell.row == leaf else c.row > 0)
                  and c.row < head and overlaps_columns(c, cell)]
        inside = all(cell.col <= c.col and c.col + c.colspan <= cell.col + cell.colspan for c in others)
        if others and inside and all(not c.lines and c.rowspan == 1 for c in others):
            cells = [c for c in cells if all(c is not a for a in others)]
            cell.row, cell.rowspan = 0, head
            cell.bbox = round_bbox((cell.bbox[0], table.row_edges[0], cell.bbox[2], table.row_edges[head]))
    empty = sum(1 for c in cells if not c.lines)
    table.cells = sorted(cells, key=lambda c: (c.row, c.col))
    table.report = replace(table.report, cells=len(cells), empty_cells=empty,
                           empty_ratio=round(empty / len(cells), 3))


def header_units(lines: list[TextRow]) -> int:
    """How many rows of text stand between a pair of rules, a line centred between its neighbours and beside
    their text (协会名称 or 年龄组 set between a header's name line and unit line) counting with them."""
    units = overlap_units(lines, [])
    return len(units) - sum(1 for a, b, c in zip(units, units[1:], units[2:], strict=False)
                            if centred_between(a, b, c))


def centred_between(above: list[TextRow], mid: list[TextRow], below: list[TextRow]) -> bool:
    """The middle piece is centred between the pieces above and below it (within
    :data:`DEFAULT_CENTRED_SHARE` of a line height) and no word of theirs stands over or under it."""
    top, bottom = min(r.top for r in mid), max(r.bottom for r in mid)
    x0, x1 = min(r.x0 for r in mid), max(r.x1 for r in mid)
    outer = (min(r.top for r in above) + max(r.bottom for r in below)) / 2
    beside = all(w[-1]["x1"] <= x0 or w[0]["x0"] >= x1 for r in above + below for w in r.words)
    return beside and abs((top + bottom) / 2 - outer) <= DEFAULT_CENTRED_SHARE * (bottom - top)


def header_table(lines: list[TextRow], box: tuple[float, float, float, float], page: int,
                 settings: ExtractSettings) -> RawTable | None:
    """A table's header alone between its top and header rule, the body sent to the next page: the columns
    come from the header's leaf line (the one holding the most runs, wrapped lines under it), the lines above
    it are header rows whose words span the columns they cover."""
    if not lines:
        return None
    leaf = max(lines, key=lambda r: (len(r.words), -r.top))
    table = lines_table(lines, [leaf.top - DEFAULT_TIE_PT], box, page, settings, alone=True)
    if table is not None:
        fold_header(table, sum(1 for y in table.row_edges[1:-1] if y < leaf.top))
    return table


def fold_header(table: RawTable, leaf: int) -> None:
    """The header's rows from ``leaf`` down become one row (the lines under the leaf line wrap its cells),
    and a leaf cell with nothing printed above it spans up to the top rule (类别 centred beside 指标值 over
    its two year columns)."""
    at = {(c.row, c.col): c for c in table.cells}
    for cell in sorted((c for c in table.cells if c.row > leaf), key=lambda c: c.row):
        host = at.get((leaf, cell.col))
        if host is not None and host.colspan == cell.colspan:
            host.lines.extend(cell.lines)
    cells = [c for c in table.cells if c.row <= leaf]
    for cell in [c for c in cells if c.row == leaf and c.lines]:
        above = [c for c in cells if c.row < leaf and overlaps_columns(c, cell)]
        inside = all(cell.col <= c.col and c.col + c.colspan <= cell.col + cell.colspan for c in above)
        if inside and all(not c.lines for c in above):
            cells = [c for c in cells if all(c is not a for a in above)]
            cell.row, cell.rowspan = 0, leaf + 1
    bottom = table.row_edges[-1]
    for cell in cells:
        if cell.row + cell.rowspan > leaf:
            cell.bbox = round_bbox((cell.bbox[0], table.row_edges[cell.row], cell.bbox[2], bottom))
    table.row_edges = [*table.row_edges[:leaf + 1], bottom]
    table.n_rows, table.cells = leaf + 1, sorted(cells, key=lambda c: (c.row, c.col))
    empty = sum(1 for c in cells if not c.lines)
    table.report = replace(table.report, cells=len(cells), empty_cells=empty,
                           empty_ratio=round(empty / len(cells), 3))


def overlaps_columns(a: RawCell, b: RawCell) -> bool:
    return a.col < b.col + b.colspan and b.col < a.col + a.colspan


def lines_table(lines: list[TextRow], inner: list[float], box: tuple[float, float, float, float], page: int,
                settings: ExtractSettings, slack: int = 0, alone: bool = False,
                group_heads: tuple[Segment, ...] = ()) -> RawTable | None:
    """The table of the text lines (words split) inside ``box`` with rules across it at ``inner``: columns
    from the gutters of the body (under the first inner rule), rows grouped by :func:`group_rows`; some row
    fills every column (less ``slack``): words that never line up are prose."""
    x0, top, x1, bottom = box
    if len(lines) < 2:
        return None
    body = [r for r in lines if inner and r.top > inner[0]] or lines
    em = statistics.median(c["size"] for r in lines for c in r.chars)
    cols, panels = body_columns(body, em, bool(inner))
    cuts = [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(cols)]
    for line in lines:  # cells set closer than a word gap: the gutters cut the runs
        if all(line is not p for p in panels):
            line.words = [part for w in line.words for part in split_at_edges(w, cuts)]
    if len(cols) < 2:
        return None
    edges = [x0] + [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(cols)] + [x1]
    groups, spanning = table_rows(lines, edges, inner, group_heads, panels)
    if len(cols) > max(len(filled_columns(g, edges)) for g in groups) + slack:
        return None
    head = sum(1 for g in groups if inner and g[0].top < inner[0])
    table = build_table(groups, edges, cols, (top, bottom), head, page, settings, alone, group_heads,
                        {id(p) for p in panels})
    if table is not None:
        span_labels(table, spanning, head, settings)
        if group_heads and head > 1:
            raise_stub_heads(table, head)
    return table


def body_columns(body: list[TextRow], em: float, ruled: bool) -> tuple[list[tuple[float, float]],
                                                                       list[TextRow]]:
    """The body's columns (:func:`columns`) and its panel headings: under a header rule (``ruled``), a line
    of one run across the middle of a gutter between the columns of the lines of several runs
    (一、按城乡划分…, or “Enrollment, in thousands” centred over the value columns, opening a panel of
    rows) is no cell of one column; the columns are those of the other lines, where the headings had
    bridged gutters."""
    cols = columns(body, em)
    multi = [r for r in body if len(r.words) > 1]
    if not ruled or len(multi) < DEFAULT_PANEL_MIN_ROWS:
        return cols, []
    cuts = [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(columns(multi, em))]
    panels = [r for r in body if len(r.words) == 1 and any(r.x0 < x < r.x1 for x in cuts)]
    rest = columns([r for r in body if all(r is not p for p in panels)], em)
    return (rest, panels) if panels and len(rest) > len(cols) else (cols, [])


def panel_span(line: TextRow, edges: list[float]) -> tuple[int, int]:
    """(first column, columns) a panel heading spans: every column when it starts in the first or is centred
    on the table, the columns right of the first when centred on them, else those it covers."""
    n, mid, height = len(edges) - 1, (line.x0 + line.x1) / 2, line.bottom - line.top
    first, span = column_span(Word(line.chars, line.x0, line.x1, line.top, line.bottom), edges)
    if first == 0 or abs(mid - (edges[0] + edges[-1]) / 2) <= height:
        return 0, n
    if abs(mid - (edges[1] + edges[-1]) / 2) <= height:
        return 1, n - 1
    return first, span


def with_panels(rows: Rows, panels: list[TextRow]) -> Rows:
    """Each panel heading a row of its own, put in among the rows by its height (the labels' rows moved)."""
    groups, spanning = rows
    for panel in sorted(panels, key=lambda r: r.top):
        at = sum(1 for g in groups if min(r.top for r in g) < panel.top)
        groups.insert(at, [panel])
        spanning = [(label, [i + (i >= at) for i in rows]) for label, rows in spanning]
    return groups, spanning


Rows = tuple[list[list[TextRow]], list[tuple[TextRow, list[int]]]]
"""Lines grouped into table rows, and the first-column labels spanning several of them."""


def table_rows(lines: list[TextRow], edges: list[float], inner: list[float],
               group_heads: tuple[Segment, ...] = (), panels: list[TextRow] | None = None) -> Rows:
    """:func:`body_rows` of the lines, each panel heading a row of its own (:func:`with_panels`)."""
    if not panels:
        return body_rows(lines, edges, inner, group_heads)
    rest = [r for r in lines if all(r is not p for p in panels)]
    return with_panels(body_rows(rest, edges, inner, group_heads), panels)


def body_rows(lines: list[TextRow], edges: list[float], inner: list[float],
              group_heads: tuple[Segment, ...] = ()) -> Rows:
    """The lines grouped into rows, with the first-column labels that span several rows.  Below the header
    rule (or in a table with none) the rows come from the anchor columns (:func:`.anchors.anchor_rows`)
    where the table has them; otherwise, and above the header rule (where a header's wrapped lines stand as
    far apart as rows: only the rule tells), from gaps and overlaps (:func:`group_rows`), as everywhere
    when the anchors part a stub from its turnover (:func:`parts_turnover`)."""
    side = side_labels(lines, edges)
    turned: list[tuple[TextRow, TextRow]] = []
    groups = group_rows([r for r in lines if all(r is not t for t in side)], edges, inner,
                        group_heads=group_heads, turned=turned)
    head = [g for g in groups if inner and g[0].top < inner[0]]
    held = {id(r) for g in head for r in g}
    anchored = anchor_rows([r for r in lines if id(r) not in held], edges, inner)
    if anchored is None or parts_turnover(anchored[0], turned):
        return groups, place_labels(groups, side)
    body, spanning = anchored
    return head + body, [(label, [i + len(head) for i in rows]) for label, rows in spanning]


def parts_turnover(rows: list[list[TextRow]], turned: list[tuple[TextRow, TextRow]]) -> bool:
    """Some pair of lines a stub's turnover joined (:func:`turns_over`) stands in two rows: the values
    wrapped in step with the stub, so the column read as anchors has two lines in that row, not one."""
    at = {id(r): i for i, g in enumerate(rows) for r in g}
    return any(at.get(id(a), -1) != at.get(id(b), -1) for a, b in turned)


def place_labels(groups: list[list[TextRow]], side: list[TextRow]) -> list[tuple[TextRow, list[int]]]:
    """Each first-column label set between lines goes back into the row it stands beside, unless it stands
    beside two rows or more: those are returned with the rows they span."""
    out = []
    for label in side:
        rows = [i for i, g in enumerate(groups)
                if min(r.top for r in g) < label.bottom and label.top < max(r.bottom for r in g)]
        if len(rows) >= 2:
            out.append((label, rows))
            continue
        mid = (label.top + label.bottom) / 2
        nearest = rows[0] if rows else min(range(len(groups)), key=lambda i: min(
            abs(mid - min(r.top for r in groups[i])), abs(mid - max(r.bottom for r in groups[i]))))
        groups[nearest].append(label)
    return out


def side_labels(lines: list[TextRow], edges: list[float]) -> list[TextRow]:
    """Lines of the first column alone set between two rows' lines (a category centred over an even number
    of rows): left out of the rows, they would chain the rows they overlap into one."""
    def first_only(r: TextRow) -> bool:
        return all((c["x0"] + c["x1"]) / 2 < edges[1] for c in r.chars)

    def between(r: TextRow) -> bool:
        others = [o for o in lines
                  if o is not r and not first_only(o) and o.top < r.bottom and r.top < o.bottom]
        mid = (r.top + r.bottom) / 2
        return bool(others) and all(abs((o.top + o.bottom) / 2 - mid) > DEFAULT_OVERLAP * (r.bottom - r.top)
                                    for o in others)

    return [r for r in lines if first_only(r) and between(r)
            and not ROW_SERIAL.match("".join(c["text"] for c in r.chars))]


def span_labels(table: RawTable, spanning: list[tuple[TextRow, list[int]]], head: int,
                settings: ExtractSettings) -> None:
    """Row spans without rules: a first-column label set between rows spans the rows it stands beside, and a
    label level with a row, with as many rows empty in its column above as below it, spans them (a category
    centred over its rows; a numbered column never spans)."""
    first = {c.row: c for c in table.cells if c.col == 0}
    for label, rows in spanning:
        if all(i >= head and i in first and not first[i].lines for i in rows):
            merge_first(table, first, rows, label.chars, settings)
        elif rows[0] in first:
            first[rows[0]].lines += lines_from_chars(label.chars, table.page, settings)
    body = [i for i in range(head, table.n_rows) if i in first]
    filled = [i for i in body if first[i].lines and first[i].rowspan == 1]
    if 2 * len(filled) >= len(body) or any(ROW_SERIAL.match(cell_text_of(first[i])) for i in filled):
        return  # not a category column: most rows are labelled, or they are numbered
    for i in filled:
        up = next(k for k in range(1, len(body) + 1) if i - k < head or not empty_first(first, i - k)) - 1
        down = next(k for k in range(1, len(body) + 1)
                    if i + k >= table.n_rows or not empty_first(first, i + k)) - 1
        if min(up, down):
            j = min(up, down)
            merge_first(table, first, list(range(i - j, i + j + 1)), [], settings)


def empty_first(first: dict[int, RawCell], row: int) -> bool:
    """The row's first-column cell is there (not covered by a span) and empty."""
    cell = first.get(row)
    return cell is not None and cell.rowspan == 1 and not cell.lines


def cell_text_of(cell: RawCell) -> str:
    return "".join(ln.text for ln in cell.lines)


def merge_first(table: RawTable, first: dict[int, RawCell], rows: list[int], chars: list[Char],
                settings: ExtractSettings) -> None:
    """The first-column cells of ``rows`` made one cell spanning them (with ``chars`` added)."""
    top_cell = first[rows[0]]
    top_cell.lines = [ln for i in rows for ln in first[i].lines] + lines_from_chars(chars, top_cell.page,
                                                                                      settings)
    top_cell.rowspan = len(rows)
    x0, y0, x1, _ = top_cell.bbox
    top_cell.bbox = round_bbox((x0, y0, x1, first[rows[-1]].bbox[3]))
    for i in rows[1:]:
        table.cells.remove(first[i])
        first[i].rowspan = 0  # covered


def build_table(groups: list[list[TextRow]], edges: list[float], cols: list[tuple[float, float]],
                span: tuple[float, float], head: int, page: int,
                settings: ExtractSettings, alone: bool = False,
                group_heads: tuple[Segment, ...] = (), panels: set[int] | None = None) -> RawTable | None:
    """Cells of the grouped rows; None unless two rows fill two cells or more (a signature or a note between
    rules is never a table), or, a header ``alone`` (:func:`header_table`) of at most
    :data:`DEFAULT_OPEN_HEADER_ROWS` rows, one row fills :data:`DEFAULT_BOX_MIN_COLS` cells or more
    (``panels``: ids of the panel headings' lines, each a row of its own)."""
    per_row = [row_cells(g, edges, cols if i < head else None, group_heads, id(g[0]) in (panels or ()))
               for i, g in enumerate(groups)]
    filled = [*sorted((sum(1 for *_, ch in cells if ch) for cells in per_row), reverse=True), 0]
    header_alone = alone and len(groups) <= DEFAULT_OPEN_HEADER_ROWS and filled[0] >= DEFAULT_BOX_MIN_COLS
    if not header_alone and (len(groups) < 2 or filled[1] < 2):
        return None
    ys = [span[0]] + [(max(r.bottom for r in a) + min(r.top for r in b)) / 2
                      for a, b in itertools.pairwise(groups)] + [span[1]]
    cells = [RawCell(r, c, 1, n, page, round_bbox((edges[c], ys[r], edges[c + n], ys[r + 1])),
                     lines_from_chars(chars, page, settings))
             for r, row in enumerate(per_row) for c, n, chars in row]
    empty = sum(1 for cell in cells if not cell.lines)
    return RawTable(
        page=page, bbox=round_bbox((edges[0], ys[0], edges[-1], ys[-1])), n_rows=len(groups),
        n_cols=len(edges) - 1, col_edges=[round(x, 2) for x in edges], row_edges=[round(y, 2) for y in ys],
        cells=cells, method="rules",
        report=TableReport(cells=len(cells), empty_cells=empty, empty_ratio=round(empty / len(cells), 3)),
    )


def box_table(box: BBox, rows: list[TextRow], page: int,
              settings: ExtractSettings) -> tuple[RawTable | None, list[TextRow]]:
    """A table printed inside a box with no inner rules (only the outer frame ruled, or a frame a page
    break left open): columns from the text as between rules; a caption line spanning the columns at the
    top is the table's caption row (one cell across, as an office suite draws it and repeats it; in a 专栏
    frame, the sidebar's label line)."""
    x0, top, x1, bottom = box
    lines = sorted(rows_between(rows, top, bottom, x0, x1), key=lambda r: r.top)
    for line in lines:
        line.words = split_words(line, settings)
    multi = [r for r in lines if len(r.words) > 1]
    if len(multi) < DEFAULT_BOX_MIN_ROWS:
        return None, []
    em = statistics.median(c["size"] for r in multi for c in r.chars)
    gutters = [(a[1], b[0]) for a, b in itertools.pairwise(columns(multi, em))]
    caption: list[TextRow] = []
    while lines and len(lines[0].words) == 1 and any(lines[0].x0 < a and lines[0].x1 > b for a, b in gutters):
        caption.append(lines.pop(0))
    body_top = (caption[-1].bottom + lines[0].top) / 2 if caption and lines else top
    table = lines_table(lines, [], (x0, body_top, x1, bottom), page, settings, slack=1)
    if table is None or table.n_cols < DEFAULT_BOX_MIN_COLS:
        return None, []
    if caption:
        add_caption_row(table, caption, top, page, settings)
    return table, caption + lines


def add_caption_row(table: RawTable, caption: list[TextRow], top: float, page: int,
                    settings: ExtractSettings) -> None:
    """Put the caption lines in a first row spanning every column."""
    for cell in table.cells:
        cell.row += 1
    y = table.row_edges[0]
    chars = [c for r in caption for c in r.chars]
    box = round_bbox((table.col_edges[0], top, table.col_edges[-1], y))
    table.cells.insert(0, RawCell(0, 0, 1, table.n_cols, page, box, lines_from_chars(chars, page, settings)))
    table.n_rows += 1
    table.row_edges.insert(0, round(top, 2))
    table.bbox = round_bbox((table.bbox[0], top, table.bbox[2], table.bbox[3]))
    n = table.report.cells + 1
    table.report = replace(table.report, cells=n, empty_ratio=round(table.report.empty_cells / n, 3))


def free_rules(page: PageTables) -> list[Segment]:
    """Horizontal rules that are part of no grid or frame and outside every table found so far."""
    return [s for s in page.loose_rules
            if not any(t.bbox[1] - 2 <= s.pos <= t.bbox[3] + 2 and s.start < t.bbox[2] and s.end > t.bbox[0]
                       for t in page.tables)]


def outside_box(chars: list[Char], box: tuple[float, float, float, float], used: list[TextRow]) -> list[Char]:
    """The characters not in the table's lines: outside its box (over the rules' extent) or its lines'
    heights; an overprint's copy goes with the character it doubles."""
    x0, _, x1, _ = box
    lo, hi = x0 - DEFAULT_EXTENT_TOLERANCE, x1 + DEFAULT_EXTENT_TOLERANCE
    bands = [(r.top, r.bottom) for r in used]

    def held(c: Char) -> bool:
        cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        return lo <= cx <= hi and any(top <= cy <= bottom for top, bottom in bands)

    return [c for c in chars if not held(c)]


def overlaps(a: BBox, b: BBox) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def holds_box(box: BBox, page: PageTables) -> bool:
    """Another box or grid drawn inside the box: a diagram's frame, not a table's."""
    inside = [b for b in page.boxes if b != box] + [g.bbox for g in page.grids]
    return any(contains(box, b) for b in inside)


def header_runs(runs: list[list[Segment]], loose: list[Segment], rows: list[TextRow],
                settings: ExtractSettings) -> list[list[Segment]]:
    """The runs, each led by the rules of a header set above its first rule (:func:`rules_above`); a run of
    those rules alone (a top rule and a group rule of one extent) is no table of its own, and a run that
    keeps a rule of its own is no header of another (:func:`below_owned`)."""
    heads = [rules_above(run, loose, rows, settings) for run in runs]
    taken = {id(s) for head in heads for s in head}
    owned = {id(s) for run in runs if not all(id(s) in taken for s in run) for s in run}
    heads = [below_owned(head, owned) for head in heads]
    taken = {id(s) for head in heads for s in head}
    return [head + run for head, run in zip(heads, runs, strict=True) if not all(id(s) in taken for s in run)]


def below_owned(head: list[Segment], owned: set[int]) -> list[Segment]:
    """The head's rules below every rule another table's run keeps: a head that climbed into a run of its
    own (the bottom rule of a narrower table above, a caption between) stops under it, so each rule belongs
    to one run and no band of the table above is read as a header row."""
    held = [s.pos for s in head if id(s) in owned]
    if not held:
        return head
    return [s for s in head if s.pos > max(held) + DEFAULT_HEADER_LEVEL_PT]


def running_key(text: str) -> str:
    """A line's text as its recurrences on other pages are compared: spaces dropped, digits masked (a page
    number or date in the header)."""
    return mask_digits(re.sub(r"\s+", "", text))


def band_keys(page: PageContent) -> set[str]:
    """Keys (:func:`running_key`) of the page's lines in its top band (``vocabulary.RUNNING_BAND``)."""
    band = RUNNING_BAND * page.height
    return {running_key(ln.text) for ln in page.lines if ln.bbox[3] <= band}


def only_running(lines: list[TextRow], running: Set[str]) -> bool:
    """The lines are a running header: each recurs in the top band of an earlier page (``running``:
    :attr:`.finders.PageTables.running`), or, none recurring, they are at most
    :data:`DEFAULT_RUNNING_LINES`."""
    if len(lines) <= DEFAULT_RUNNING_LINES and not running:
        return True
    recur = [running_key("".join(c["text"] for c in r.chars)) in running for r in lines]
    return all(recur) or (len(lines) <= DEFAULT_RUNNING_LINES and not any(recur))


def closed_body(rule: Segment, rows: list[TextRow], settings: ExtractSettings,
                running: Set[str] = frozenset()) -> list[TextRow]:
    """Lines of cells printed straight above a single rule and below nothing but the page's running header
    (:func:`only_running`): the rows of a three-line table whose top and header rule are on the page
    before, the rule its bottom rule.  Read upwards from the rule while the lines stand no further apart than
    :data:`DEFAULT_OPEN_ROW_GAP` line heights, none prose, all within the rule's extent; two of them hold two
    runs or more."""
    x0, x1 = rule.start, rule.end
    above = sorted((r for r in rows if r.bottom <= rule.pos), key=lambda r: -r.top)
    out: list[TextRow] = []
    last = rule.pos
    for row in above:
        if last - row.bottom > DEFAULT_OPEN_ROW_GAP * (row.bottom - row.top):
            break
        if not (row.x0 >= x0 - 2 and row.x1 <= x1 + 2) or is_prose([row], x1 - x0, settings):
            return []
        out.insert(0, row)
        last = row.top
    if not only_running(above[len(out):], running):
        return []
    return out if sum(len(split_words(r, settings)) >= 2 for r in out) >= 2 else []


def closing_rule_table(rule: Segment, rows: list[TextRow], page: int, settings: ExtractSettings,
                       running: Set[str] = frozenset()) -> tuple[RawTable | None, list[TextRow]]:
    """The continuation of a three-line table above its bottom rule (:func:`closed_body`), no header."""
    lines = closed_body(rule, rows, settings, running)
    if not lines:
        return None, []
    for line in lines:
        line.words = split_words(line, settings)
    top = lines[0].top - 1
    table = lines_table(lines, [top], (rule.start, top, rule.end, rule.pos), page, settings)
    return table, (lines if table else [])


class HorizontalRulesFinder(TableFinder):
    """Tables ruled only across (three-line tables, a rule under each row): columns from the text."""

    def find(self, page: PageTables) -> None:
        rows = page.rows()
        loose = free_rules(page)
        for run in header_runs(rule_runs(loose, rows, page.settings), loose, rows, page.settings):
            table, used = region_table(run, rows, page.number, page.settings, loose)
            if table is not None:
                page.tables.append(table)
                page.keep_chars(outside_box(page.chars, table.bbox, used))
                rows = page.rows()
        for rule in free_rules(page):
            table, used = closing_rule_table(rule, rows, page.number, page.settings, page.running)
            if table is not None:
                page.tables.append(table)
                page.keep_chars(outside_box(page.chars, table.bbox, used))
                rows = page.rows()
        for box in page.boxes:
            if any(overlaps(box, t.bbox) for t in page.tables) or holds_box(box, page):
                continue
            table, used = box_table(box, rows, page.number, page.settings)
            if table is not None:
                page.tables.append(table)
                page.keep_chars(outside_box(page.chars, table.bbox, used))
                rows = page.rows()
