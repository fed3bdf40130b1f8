"""Indicator records from indicator tables (year columns) and requirement tables (序号/要求).

Indicators come from tables only, never from running text (SPEC).  Column roles are read from the
header text
(``2020 年基础指数`` is a baseline year column, ``指标属性`` the attribute column, ``单位`` the
unit column), so the same code serves any office's column order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policy_extract.core.model import Cell, Document, Indicator, Table, Value
from policy_extract.core.vocabulary import (
    ATTRIBUTE_HEADER_WORDS,
    ATTRIBUTES,
    BASELINE_WORDS,
    GROUP_WORDS,
    INDICATOR_NAME_HEADERS,
    NO_YEAR_VALUE_WORDS,
    NUMBER_HEADERS,
    PLAN_PERIOD,
    REQUIREMENT_ADVERBIAL,
    REQUIREMENT_HEADER_WORDS,
    REQUIREMENT_STATE_PREDICATE,
    UNIT_HEADERS,
)

from .numerals import to_halfwidth
from .units import canonical_unit, split_name_unit
from .values import ParsedIndicator, parse_requirement, parse_values

_YEAR = re.compile(r"(?<![0-9A-Za-z])((?:19|20)\d{2})(?![0-9])\s*年?")
"""A year in a column header: four digits standing alone (``TQJG20250123`` is a code, not a year)."""
_YEAR_HEAD = re.compile(
    r"(?:19|20)\d{2}(?:[-—–~至到](?:19|20)\d{2})?年.{0,6}"  # 2020年, 2020年（基期）, 2021—2025年累计
    rf"|{PLAN_PERIOD}[末期].{{0,4}}"  # “十四五”末
)
_PLAN = re.compile(r"十([一二三四五六七八九])五")
_PLAN_DIGITS = "一二三四五六七八九"


@dataclass(slots=True)
class YearColumn:
    col: int
    year: int | None
    kind: str


@dataclass(slots=True)
class Roles:
    """What each column of an indicator table holds."""

    name: int | None = None
    group: int | None = None
    unit: int | None = None
    attribute: int | None = None
    years: list[YearColumn] = field(default_factory=list)


def cell_at(table: Table, row: int, col: int) -> Cell | None:
    for c in table.cells:
        if c.row <= row < c.row + c.rowspan and c.col <= col < c.col + c.colspan:
            return c
    return None


def header_text(table: Table, col: int, rows: range | None = None) -> str:
    """The header texts above a column, top to bottom, each once (a merged header counts for all columns)."""
    parts: list[str] = []
    for r in rows if rows is not None else range(table.header_rows):
        c = cell_at(table, r, col)
        if c is not None and c.text and c.text not in parts:
            parts.append(c.text)
    return " ".join(parts)


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def caption_rows(table: Table) -> int:
    """Leading rows whose one cell spans every column: the table's printed title, not its header."""
    r = 0
    while r < table.n_rows - 1 and _is_group_row(table, r) is not None:
        r += 1
    return r


def _is_header_row(table: Table, row: int) -> bool:
    """A row naming its columns by the header grammar: a name or number header word and a year column."""
    texts = [to_halfwidth(_squash(_text(table, row, col))) for col in range(table.n_cols)]
    named = any(t in INDICATOR_NAME_HEADERS or t in NUMBER_HEADERS for t in texts)
    return named and any(_YEAR_HEAD.fullmatch(t) for t in texts)


def header_band(table: Table) -> range:
    """The rows of a table's header: after any caption row, the detected header rows; where the finder saw
    none (or only the caption), one row that reads as a header by its grammar."""
    start = caption_rows(table)
    if table.header_rows > start:
        return range(start, table.header_rows)
    if start < table.n_rows - 1 and _is_header_row(table, start):
        return range(start, start + 1)
    return range(start, start)


def band_after_caption(table: Table) -> range:
    """The header rows of a table whatever its kind, a caption row above them left out: the detected header
    rows under any caption row; where the finder saw only the caption, the one row after it (a caption is
    always followed by the column names); none where it saw no header and there is no caption."""
    start = caption_rows(table)
    if table.header_rows > start:
        return range(start, table.header_rows)
    if 0 < start < table.n_rows - 1:
        return range(start, start + 1)
    return range(start, start)


def _plan_end_year(head: str) -> list[int]:
    """``“十四五”末`` → 2025: the last year of the N-th five-year plan (十一五 ended in 2010)."""
    m = _PLAN.search(head)
    return [1955 + 5 * (10 + _PLAN_DIGITS.index(m.group(1)) + 1)] if m else []


def _year_column(col: int, head: str, after_name: bool) -> YearColumn | None:
    years = [int(y) for y in _YEAR.findall(head)] or _plan_end_year(head)
    if years:
        # A period (2021-2025年, 十四五 累计) is judged by its end: a cumulative target, not a baseline.
        year = years[-1]
        return YearColumn(col, year, "baseline" if any(w in head for w in BASELINE_WORDS) else "target")
    # A value column without a year (年均增长) only makes sense to the right of the indicator's name.
    if after_name and any(w in head for w in NO_YEAR_VALUE_WORDS):
        return YearColumn(col, None, "target")
    return None


def column_roles(table: Table, doc_year: int | None, band: range | None = None) -> Roles:
    roles = Roles()
    band = header_band(table) if band is None else band
    for col in range(table.n_cols):
        # Half-width digits for matching only (２０２５年 is 2025年); the header text itself is not changed.
        head = to_halfwidth(_squash(header_text(table, col, band)))
        if any(w in head for w in ATTRIBUTE_HEADER_WORDS):
            roles.attribute = col
        elif head in UNIT_HEADERS:
            roles.unit = col
        elif (yc := _year_column(col, head, roles.name is not None)) is not None:
            roles.years.append(yc)
        elif roles.name is None and any(w in head for w in GROUP_WORDS) and col == 0:
            roles.group = col
        elif roles.name is None and (any(w in head for w in INDICATOR_NAME_HEADERS) or head == ""):
            roles.name = col
    if roles.name is None and roles.group is not None:
        roles.name, roles.group = roles.group, None
    if not any(y.year for y in roles.years):
        roles.years = []
    _dated_baseline(roles.years, doc_year)
    return roles


def _dated_baseline(years: list[YearColumn], doc_year: int | None) -> None:
    """Where no header names its baseline (基期, 基础值…), the earliest year column, when it is before the
    document's year, is the baseline; later columns are targets even when past (a 2023 plan's ``2020年 |
    2022年 | 2025年``: 2022 is the mid-term target, not a second baseline)."""
    dated = [y.year for y in years if y.year is not None]
    if doc_year is None or not dated or any(y.kind == "baseline" for y in years):
        return
    first = min(dated)
    for y in years:
        if y.year == first and first < doc_year:
            y.kind = "baseline"


def _is_group_row(table: Table, row: int) -> Cell | None:
    """A row whose one cell spans every column (``一、…``): it names the group of the rows below."""
    c = cell_at(table, row, 0)
    if c is not None and c.row == row and c.colspan == table.n_cols and c.rowspan == 1:
        return c
    return None


def _text(table: Table, row: int, col: int | None) -> str:
    if col is None:
        return ""
    c = cell_at(table, row, col)
    return c.text if c is not None else ""


def _values(table: Table, row: int, roles: Roles, unit: str | None) -> list[Value]:
    out: list[Value] = []
    for yc in roles.years:
        raw = _text(table, row, yc.col)
        out.extend(parse_values(raw, year=yc.year, kind=yc.kind, unit=unit))
    return out


def _attribute(text: str) -> str | None:
    """``约束性`` in any cell form (``约束性指标``, ``[约束性]``, ``约 束 性``, ``约束``), else None."""
    squashed = _squash(text)
    found = [a for a in ATTRIBUTES if a in squashed or (len(squashed) <= 4 and a[:2] in squashed)]
    return found[0] if len(found) == 1 else None


def indicators_from_year_table(table: Table, roles: Roles, first_row: int | None = None) -> list[Indicator]:
    out: list[Indicator] = []
    group_row: str | None = None
    for row in range(header_band(table).stop if first_row is None else first_row, table.n_rows):
        if (g := _is_group_row(table, row)) is not None:
            group_row = g.text
            continue
        name_cell = cell_at(table, row, roles.name) if roles.name is not None else None
        if name_cell is None or not name_cell.text:
            continue
        name, unit = split_name_unit(name_cell.text)
        if roles.unit is not None:
            unit = canonical_unit(_text(table, row, roles.unit)) or unit
        attribute = _attribute(_text(table, row, roles.attribute))
        out.append(
            Indicator(
                id="",
                table=table.id,
                row=row,
                page=name_cell.page,
                group=_text(table, row, roles.group) or group_row,
                name=name,
                unit=unit,
                attribute=attribute,
                values=_values(table, row, roles, unit),
                bbox=name_cell.bbox,
            )
        )
    return out


def is_requirement_table(table: Table) -> bool:
    band = band_after_caption(table)
    if not band or table.n_cols > 3:
        return False
    heads = [_squash(header_text(table, c, band)) for c in range(table.n_cols)]
    wanted = any(any(w in h for w in REQUIREMENT_HEADER_WORDS) for h in heads[1:])
    return heads[0] in NUMBER_HEADERS and wanted


def states_a_result(sentence: str) -> bool:
    """Whether a requirement sentence with no value states a result to reach: the first clause holding a
    state predicate (``REQUIREMENT_STATE_PREDICATE``: 实现…, 建成…, 确保…) has only time, territory or aim
    adverbials before it (``REQUIREMENT_ADVERBIAL``: ``到2025年，基本建成…``); after a clause that acts
    (``推广公交电子站牌…服务，实现中心城区主要站点全覆盖``) the state is that action's purpose: a task."""
    for clause in re.split(r"[，,；;：:]", to_halfwidth(sentence)):
        if REQUIREMENT_STATE_PREDICATE.search(clause):
            return True
        if not REQUIREMENT_ADVERBIAL.fullmatch(clause.strip()):
            return False
    return False


def _is_qualitative(parsed: list[ParsedIndicator]) -> bool:
    """A sentence read as one requirement with no quantity (its own words as the target)."""
    return len(parsed) == 1 and all(v.value is None and v.op is None for v in parsed[0].values)


def indicators_from_requirement_table(table: Table, doc_year: int | None) -> list[Indicator]:
    out: list[Indicator] = []
    for row in range(band_after_caption(table).stop, table.n_rows):
        cell = cell_at(table, row, table.n_cols - 1)
        if cell is None or not cell.text or cell.row != row:
            continue
        parsed_cell = parse_requirement(cell.text, doc_year=doc_year)
        if _is_qualitative(parsed_cell) and not states_a_result(cell.text):
            continue  # an action whose purpose is a state (…服务，实现…全覆盖): a task, no target
        for parsed in parsed_cell:
            units = {v.unit for v in parsed.values if v.unit}
            out.append(
                Indicator(
                    id="",
                    table=table.id,
                    row=row,
                    page=cell.page,
                    group=table.title,
                    name=parsed.name,
                    unit=units.pop() if len(units) == 1 else None,
                    attribute=None,
                    values=parsed.values,
                    bbox=cell.bbox,
                )
            )
    return out


def doc_year_of(doc: Document) -> int | None:
    return int(doc.meta.date[:4]) if doc.meta.date else None


def build_indicators(doc: Document) -> list[Indicator]:
    doc_year = doc_year_of(doc)
    out: list[Indicator] = []
    for table in doc.tables:
        band = header_band(table)
        roles = column_roles(table, doc_year, band) if band else None
        if roles is not None and roles.years and roles.name is not None:
            out.extend(indicators_from_year_table(table, roles, band.stop))
        elif is_requirement_table(table):
            out.extend(indicators_from_requirement_table(table, doc_year))
    for i, ind in enumerate(out, start=1):
        ind.id = f"i{i}"
    return out
