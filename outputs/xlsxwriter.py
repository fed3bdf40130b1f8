"""review.xlsx written directly: the bytes :func:`.xlsx.workbook_bytes` gets from openpyxl, without importing
openpyxl (and the numpy it loads), which cost the batch's parent a quarter of a second per first run.

The parts that do not depend on the rows are openpyxl's own (:mod:`.xlsxparts`); the two worksheets are
written as openpyxl 3.1.5 writes them through lxml for the cells :func:`.xlsx.fill_sheet` makes (text as
inline strings, numbers as ``%.16g``, no cell for ``None``, a bold frozen header, an autofilter, a width
per column).  Cells whose rendering was not checked against openpyxl (a NaN or infinite number, a
character XML cannot hold, a row without any value, a value of another type) make :func:`workbook_bytes`
answer ``None``: openpyxl writes that workbook.  ``tests/outputs/test_xlsx_writer.py`` compares the bytes
of both writers on generated rows.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from .xlsx import zipped
from .xlsxparts import ORDER, PARTS

Cell = str | int | float | None

SHEET_HEAD = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr><outlinePr '
    'summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr><dimension ref="A1:{last}{rows}"/>'
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
    'state="frozen"/>'
    '<selection pane="bottomLeft" activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr '
    'baseColWidth="8" defaultRowHeight="15"/><cols>{cols}</cols><sheetData>'
)
SHEET_TAIL = (
    '</sheetData><autoFilter ref="A1:{last}{rows}"/><pageMargins left="0.75" right="0.75" top="1" bottom="1" '
    'header="0.5" footer="0.5"/></worksheet>'
)
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Characters lxml refuses in text (openpyxl then fails): such a workbook is left to openpyxl."""


MAX_CELL_TEXT = 32_767
"""Excel's limit on a cell's text; a longer text is left to openpyxl (which the direct writer was not
checked against there)."""


class Declined(Exception):
    """A cell this writer was not checked to render as openpyxl does."""


def workbook_bytes(sheets: Sequence[tuple[Sequence[str], Sequence[Sequence[Cell]], Sequence[float]]]
                   ) -> bytes | None:
    """The workbook of two sheets (header, rows of cell values, column widths), or None (see above)."""
    try:
        xml = [sheet_xml(header, rows, widths) for header, rows, widths in sheets]
    except Declined:
        return None
    ends = [len(rows) + 1 for _header, rows, _widths in sheets]
    parts = dict(PARTS)
    parts["xl/workbook.xml"] = (parts["xl/workbook.xml"].decode("utf-8")
                                .replace("{indicators}", str(ends[0])).replace("{duties}", str(ends[1]))
                                .encode("utf-8"))
    parts["xl/worksheets/sheet1.xml"], parts["xl/worksheets/sheet2.xml"] = (x.encode("ascii") for x in xml)
    return zipped([(name, parts[name]) for name in ORDER])


def sheet_xml(header: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[float]) -> str:
    letters = [column_letter(i + 1) for i in range(len(header))]
    cols = "".join(f'<col width="{width:.16g}" customWidth="1" min="{i}" max="{i}"/>'
                   for i, width in enumerate(widths, 1))
    end = len(rows) + 1
    out = [SHEET_HEAD.format(last=letters[-1], rows=end, cols=cols)]
    out.append(row_xml(1, header, letters, ' s="1"'))
    out.extend(row_xml(r, row, letters, "") for r, row in enumerate(rows, 2))
    out.append(SHEET_TAIL.format(last=letters[-1], rows=end))
    return "".join(out)


def row_xml(number: int, values: Sequence[Cell], letters: Sequence[str], style: str) -> str:
    pairs = zip(letters, values, strict=False)
    cells = [cell_xml(f"{letter}{number}", value, style) for letter, value in pairs if value is not None]
    if not cells or len(values) > len(letters):
        raise Declined(f"row {number}")
    return f'<row r="{number}">{"".join(cells)}</row>'


def cell_xml(ref: str, value: Cell, style: str) -> str:
    if isinstance(value, str):
        if _NOT_XML.search(value) or len(value) > MAX_CELL_TEXT:
            raise Declined(ref)
        if value == "":
            return f'<c r="{ref}"{style} t="inlineStr"></c>'
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{xml_text(value)}</t></is></c>'
    if isinstance(value, bool) or not isinstance(value, (int, float)) or abs(value) > 1e300 \
            or not math.isfinite(value):  # an int beyond a float fails %.16g (as openpyxl does)
        raise Declined(ref)
    return f'<c r="{ref}"{style} t="n"><v>{value:.16g}</v></c>'


def xml_text(text: str) -> str:
    """Text as lxml writes it into an ASCII document: ``& < >`` and CR escaped, the rest of Unicode as
    decimal character references."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return text.encode("ascii", "xmlcharrefreplace").decode("ascii")


def column_letter(index: int) -> str:
    """1 → A, 26 → Z, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
