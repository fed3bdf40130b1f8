"""CSV files of OUTDIR: ``indicators.csv``, ``duties.csv`` (per document and combined), ``tables/<id>.csv``.

Format (SPEC): UTF-8 without BOM, comma-separated, RFC 4180 quoting (fields with ``,``, ``"`` or line breaks
are quoted, quotes doubled), ``\\n`` line ends, one header row.  Cell values:

* ``None`` → empty string;
* lists (``lead``, ``support``) → items joined with ``、``;
* floats that are whole numbers print without ``.0`` (``100.0`` → ``100``, ``93.86`` → ``93.86``), so a CSV
  reader sees the same number whichever way the model stored it; other floats use Python's shortest
  round-trip form (never scientific notation for ordinary magnitudes);
* text is written exactly as in document.json (line breaks inside a cell are kept and quoted).

Rows are built as lists of typed values (:data:`CellValue`) first, so the XLSX writer shares them.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from policy_extract.core.model import Document, Duty, Indicator, Table, Value

from .jsonio import write_bytes_atomic

CellValue = str | int | float | None
Row = list[CellValue]

LIST_SEPARATOR = "、"
DEFAULT_LINE_TERMINATOR = "\n"
# Beyond this magnitude an int() rendering would print digits the float does not really hold.
_MAX_PLAIN_WHOLE_FLOAT = 1e15

INDICATOR_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "indicator_id",
    "group",
    "name",
    "attribute",
    "year",
    "kind",
    "op",
    "value",
    "value_max",
    "unit",
    "scope",
    "base_year",
    "raw",
    "page",
)

DUTY_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "duty_id",
    "source",
    "number",
    "category",
    "item",
    "task",
    "deadline_raw",
    "deadline_start",
    "deadline_end",
    "deadline_note",
    "lead",
    "support",
    "page",
)


def format_cell(value: object) -> str:
    """The CSV text of one cell value (rules in the module docstring)."""
    if value is None:
        return ""
    if isinstance(value, bool):  # bool is an int subclass; spell it out rather than print 1/0
        return "true" if value else "false"
    if isinstance(value, float):
        return format_float(value)
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(format_cell(v) for v in value)
    return str(value)


def format_float(value: float) -> str:
    """``100.0`` → ``100``; ``93.86`` → ``93.86``; ``-0.0`` → ``0``."""
    if value.is_integer() and abs(value) < _MAX_PLAIN_WHOLE_FLOAT:
        return str(int(value))
    return repr(value)


def indicator_value_row(doc_id: str, ind: Indicator, val: Value) -> Row:
    """One ``indicators.csv`` row: the indicator's facts plus one of its values."""
    return [
        doc_id,
        ind.id,
        ind.group,
        ind.name,
        ind.attribute,
        val.year,
        val.kind,
        val.op,
        val.value,
        val.value_max,
        val.unit,
        val.scope,
        val.base_year,
        val.raw,
        ind.page,
    ]


def indicator_rows(doc: Document, doc_id: str) -> list[Row]:
    """Rows of ``indicators.csv`` for one document: one per value, indicators in document order.

    An indicator without any value still gets one row (value columns empty) so that it stays visible to a
    reviewer; its ``kind`` is empty then.
    """
    rows: list[Row] = []
    for ind in doc.indicators:
        if not ind.values:
            rows.append([doc_id, ind.id, ind.group, ind.name, ind.attribute, *([None] * 9), ind.page])
            continue
        rows.extend(indicator_value_row(doc_id, ind, val) for val in ind.values)
    return rows


def duty_row(doc_id: str, duty: Duty) -> Row:
    """One ``duties.csv`` row; the deadline is spread over its four columns."""
    dl = duty.deadline
    return [
        doc_id,
        duty.id,
        duty.source,
        duty.number,
        duty.category,
        duty.item,
        duty.task,
        dl.raw if dl else None,
        dl.start if dl else None,
        dl.end if dl else None,
        dl.note if dl else None,
        list(duty.lead),
        list(duty.support),
        duty.page,
    ]


def duty_rows(doc: Document, doc_id: str) -> list[Row]:
    """Rows of ``duties.csv`` for one document, duties in document order."""
    return [duty_row(doc_id, d) for d in doc.duties]


def table_grid(table: Table) -> list[list[str]]:
    """The dense ``n_rows × n_cols`` grid of a table; a merged cell's text fills every position it covers.

    Positions no cell covers stay empty strings; spans reaching past the declared size are clipped (the
    grid never grows, so every row has ``n_cols`` fields).
    """
    grid = [["" for _ in range(table.n_cols)] for _ in range(table.n_rows)]
    for cell in table.cells:
        for r in range(cell.row, min(cell.row + max(cell.rowspan, 1), table.n_rows)):
            for c in range(cell.col, min(cell.col + max(cell.colspan, 1), table.n_cols)):
                grid[r][c] = cell.text
    return grid


def csv_text(header: Sequence[str] | None, rows: Iterable[Sequence[object]]) -> str:
    """RFC 4180 text with ``\\n`` line ends (csv module, minimal quoting)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=DEFAULT_LINE_TERMINATOR, quoting=csv.QUOTE_MINIMAL)
    if header is not None:
        writer.writerow(header)
    writer.writerows([format_cell(v) for v in row] for row in rows)
    return buf.getvalue()


def write_csv(
    path: str | os.PathLike[str], header: Sequence[str] | None, rows: Iterable[Sequence[object]]
) -> Path:
    """Write a CSV file atomically (UTF-8, no BOM)."""
    return write_bytes_atomic(path, csv_text(header, rows).encode("utf-8"))


def write_indicators_csv(path: str | os.PathLike[str], rows: Iterable[Row]) -> Path:
    return write_csv(path, INDICATOR_COLUMNS, rows)


def write_duties_csv(path: str | os.PathLike[str], rows: Iterable[Row]) -> Path:
    return write_csv(path, DUTY_COLUMNS, rows)


def write_table_csv(path: str | os.PathLike[str], table: Table) -> Path:
    """``tables/<table_id>.csv``: the dense grid; no added header row (the table's header rows are data)."""
    return write_csv(path, None, table_grid(table))
