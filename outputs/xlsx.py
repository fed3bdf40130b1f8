"""``review.xlsx``: indicators (sheet 指标) and duties (sheet 任务) for people who open results in Excel/WPS.

Same columns and rows as the combined CSV files.  Numbers stay numbers (a reviewer can sort and filter
them), lists are joined with ``、``, text is never interpreted as a formula.  The file is byte-deterministic:
openpyxl stamps the current time into ``docProps/core.xml`` and into every zip entry, so both are pinned.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .csvio import DUTY_COLUMNS, INDICATOR_COLUMNS, LIST_SEPARATOR, CellValue, Row
from .jsonio import write_bytes_atomic

if TYPE_CHECKING:  # pragma: no cover
    from openpyxl.worksheet.worksheet import Worksheet

INDICATOR_SHEET = "指标"
DUTY_SHEET = "任务"
# A fixed, documented timestamp instead of "now": identical inputs must give identical bytes.
DEFAULT_TIMESTAMP = dt.datetime(2000, 1, 1, 0, 0, 0)
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry
_CONTENT_TYPES = "[Content_Types].xml"
DEFAULT_MIN_WIDTH = 6
DEFAULT_MAX_WIDTH = 60
_WIDTH_PADDING = 2


class _CharWidths(dict[str, int]):
    """Each character's width, looked up once (``unicodedata`` per character was most of a large workbook's
    write, in the batch parent after the last document)."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        return width


_CHAR_WIDTHS = _CharWidths()


def display_width(text: str) -> int:
    """Width in Excel character units: wide (CJK) characters count double."""
    if text.isascii():  # every ASCII character is narrow
        return len(text)
    return sum(map(_CHAR_WIDTHS.__getitem__, text))


def column_width(header: str, values: Sequence[CellValue]) -> float:
    """A width showing the column's longest line, clamped to ``[DEFAULT_MIN_WIDTH, DEFAULT_MAX_WIDTH]``.
    A line is measured only when it could be the longest (none is wider than twice its length), and the
    search ends at the clamp."""
    cap = DEFAULT_MAX_WIDTH - _WIDTH_PADDING
    longest = 0
    for text in (header, *(_cell_text(v) for v in values)):
        for line in text.split("\n"):
            if 2 * len(line) > longest:
                longest = max(longest, display_width(line))
                if longest >= cap:
                    return float(DEFAULT_MAX_WIDTH)
    return float(min(max(longest + _WIDTH_PADDING, DEFAULT_MIN_WIDTH), DEFAULT_MAX_WIDTH))


def _cell_text(value: CellValue | list[str]) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return str(value)


ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
"""openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE (a test keeps them equal): written here, so that a workbook
written without openpyxl (:mod:`.xlsxwriter`) does not import it for its pattern."""


def _escape_illegal(text: str) -> str:
    """Control characters XML cannot hold become visible ``\\xNN`` escapes (never dropped: text is data)."""
    return ILLEGAL_CHARACTERS_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def cell_value(value: CellValue | list[str]) -> str | int | float | None:
    """What goes into a worksheet cell: numbers as numbers, lists joined, text escaped where XML needs it."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)) or value is None:
        return value
    return _escape_illegal(_cell_text(value))


def fill_sheet(ws: Worksheet, header: Sequence[str], rows: Sequence[Row]) -> None:
    """Header (bold, frozen, autofilter) and rows; column widths from the content."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws.append(list(header))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([cell_value(v) for v in row])
    # openpyxl turns any text starting with "=" into a formula; here every text is data.
    for ws_row in ws.iter_rows(min_row=2):
        for cell in ws_row:
            if cell.data_type == "f":
                cell.data_type = "s"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    for i, width in enumerate(column_widths(header, rows)):
        ws.column_dimensions[get_column_letter(i + 1)].width = width


def column_widths(header: Sequence[str], rows: Sequence[Row]) -> list[float]:
    """Each column's width in the workbook: :func:`column_width` of its name and values."""
    return [column_width(name, [r[i] for r in rows]) for i, name in enumerate(header)]


XLSX_FORMAT_VERSION = 1
"""Bump when the workbook's layout changes, so reruns rebuild it."""


def workbook_bytes(indicator_rows: Sequence[Row], duty_rows: Sequence[Row]) -> bytes:
    """The bytes of ``review.xlsx`` (deterministic for the same rows): written directly
    (:mod:`.xlsxwriter`), or by openpyxl for a cell the direct writer leaves to it (the same bytes)."""
    from .xlsxwriter import workbook_bytes as direct

    sheets = [(header, [[cell_value(v) for v in row] for row in rows], column_widths(header, rows))
              for header, rows in ((INDICATOR_COLUMNS, indicator_rows), (DUTY_COLUMNS, duty_rows))]
    data = direct(sheets)
    return data if data is not None else openpyxl_workbook_bytes(indicator_rows, duty_rows)


def openpyxl_workbook_bytes(indicator_rows: Sequence[Row], duty_rows: Sequence[Row]) -> bytes:
    """:func:`workbook_bytes` by openpyxl (the reference of the direct writer)."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook()
    ws = wb.active
    ws.title = INDICATOR_SHEET
    fill_sheet(ws, INDICATOR_COLUMNS, indicator_rows)
    fill_sheet(wb.create_sheet(DUTY_SHEET), DUTY_COLUMNS, duty_rows)
    wb.properties.created = DEFAULT_TIMESTAMP
    wb.properties.modified = DEFAULT_TIMESTAMP
    wb.properties.creator = "policy-extract"
    buf = io.BytesIO()
    # ExcelWriter directly: openpyxl's save_workbook would overwrite ``modified`` with the current time.
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).write_data()
    return normalized_zip(buf.getvalue())


def normalized_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry times and attributes, ``[Content_Types].xml`` first (as Office writes
    it; some readers sniff the first entry), the other entries in their original, stable order."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        entries = sorted(src.infolist(), key=lambda i: i.filename != _CONTENT_TYPES)  # stable sort
        return zipped([(info.filename, src.read(info.filename)) for info in entries])


def zipped(entries: Sequence[tuple[str, bytes]]) -> bytes:
    """A zip of ``entries`` in their order, each with a fixed time and attributes (:func:`pinned_entry`)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in entries:
            dst.writestr(pinned_entry(name), data)
    return out.getvalue()


def pinned_entry(name: str) -> zipfile.ZipInfo:
    """A zip entry with a fixed time and attributes, so the bytes depend on the content alone."""
    fixed = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
    fixed.compress_type = zipfile.ZIP_DEFLATED
    fixed.external_attr = 0o644 << 16
    fixed.create_system = 3  # Unix, whatever the platform, so the bytes do not depend on it
    return fixed


def write_review_xlsx(
    path: str | os.PathLike[str], indicator_rows: Sequence[Row], duty_rows: Sequence[Row]
) -> Path:
    """Write ``review.xlsx`` atomically."""
    return write_bytes_atomic(path, workbook_bytes(indicator_rows, duty_rows))


def rows_fingerprint(indicator_rows: Sequence[Row], duty_rows: Sequence[Row]) -> str:
    """A digest of what the workbook shows: equal digests give byte-identical workbooks."""
    import hashlib
    import json

    rows = [XLSX_FORMAT_VERSION, list(indicator_rows), list(duty_rows)]
    payload = json.dumps(rows, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def write_review_xlsx_if_changed(
    path: str | os.PathLike[str], indicator_rows: Sequence[Row], duty_rows: Sequence[Row], stamp: Path
) -> bool:
    """Write ``review.xlsx`` unless the file there was made from the same rows (``stamp`` holds their digest).

    Building a workbook means importing openpyxl (a quarter of a second); an unchanged rerun skips it.
    Returns whether the file was written.
    """
    digest = rows_fingerprint(indicator_rows, duty_rows)
    target = Path(path)
    if target.exists() and stamp.exists() and stamp.read_text(encoding="utf-8").strip() == digest:
        return False
    write_review_xlsx(target, indicator_rows, duty_rows)
    write_bytes_atomic(stamp, (digest + "\n").encode("utf-8"))
    return True
