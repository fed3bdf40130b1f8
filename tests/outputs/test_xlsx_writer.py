"""review.xlsx written without openpyxl (outputs.xlsxwriter) has openpyxl's bytes, on generated rows and on the
rows of every expected document; cells it was not checked on are left to openpyxl."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from policy_extract.outputs import csvio, xlsx, xlsxparts, xlsxwriter
from policy_extract.outputs.jsonio import read_document_json

REPO = Path(__file__).resolve().parents[2]
EXPECTED = sorted(REPO.glob("samples/**/expected/**/document.json"))
TEXT = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Z", "Cc")) | st.sampled_from(
    list(" \t\n\r&<>\"'=、\u3000\u2028\ufffd😀\x7f\x0b\x00")), max_size=12)
VALUE = (st.none() | st.booleans() | st.integers(-(10**20), 10**20) | TEXT | st.lists(TEXT, max_size=3)
         | st.floats(allow_nan=False, allow_infinity=False) | st.sampled_from([-0.0, 0.1, 1e20, 1e-7, 2**53 + 1]))


def _rows(columns: tuple[str, ...]) -> st.SearchStrategy[list[list[object]]]:
    return st.lists(st.lists(VALUE, min_size=len(columns), max_size=len(columns)), max_size=6)


@settings(max_examples=300, deadline=None)
@given(_rows(csvio.INDICATOR_COLUMNS), _rows(csvio.DUTY_COLUMNS))
def test_the_direct_workbook_is_openpyxls(indicators: list, duties: list) -> None:
    assert xlsx.workbook_bytes(indicators, duties) == xlsx.openpyxl_workbook_bytes(indicators, duties)


def test_the_rows_of_every_expected_document_give_openpyxls_workbook() -> None:
    indicators, duties = [], []
    for path in EXPECTED:
        doc = read_document_json(path) if "real" not in path.parts else None
        if doc is not None:
            indicators += csvio.indicator_rows(doc, path.parent.name)
            duties += csvio.duty_rows(doc, path.parent.name)
    assert len(indicators) > 100 and len(duties) > 100
    sheets = [(h, [[xlsx.cell_value(v) for v in r] for r in rows], [1.0] * len(h))
              for h, rows in ((csvio.INDICATOR_COLUMNS, indicators), (csvio.DUTY_COLUMNS, duties))]
    assert xlsxwriter.workbook_bytes(sheets) is not None  # no cell of real output is left to openpyxl
    assert xlsx.workbook_bytes(indicators, duties) == xlsx.openpyxl_workbook_bytes(indicators, duties)


def test_the_row_independent_parts_are_openpyxls() -> None:
    archive = zipfile.ZipFile(io.BytesIO(xlsx.openpyxl_workbook_bytes([], [])))
    assert tuple(archive.namelist()) == xlsxparts.ORDER
    for name, data in xlsxparts.PARTS.items():
        if name == "xl/workbook.xml":
            data = data.replace(b"{indicators}", b"1").replace(b"{duties}", b"1")
        assert archive.read(name) == data, name


def test_cells_it_was_not_checked_on_are_left_to_openpyxl() -> None:
    header = ("a", "b")
    for row in ([None, None], ["x", float("nan")], ["x", 10**400], ["\ud800", 1], ["x", b"bytes"]):
        assert xlsxwriter.workbook_bytes([(header, [row], [6.0, 6.0]), (header, [], [6.0, 6.0])]) is None


def test_illegal_characters_are_openpyxls() -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    assert xlsx.ILLEGAL_CHARACTERS_RE.pattern == ILLEGAL_CHARACTERS_RE.pattern


def test_column_letters() -> None:
    assert [xlsxwriter.column_letter(i) for i in (1, 14, 26, 27, 52, 53, 702, 703)] == [
        "A", "N", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]


def test_a_text_longer_than_excels_cell_limit_is_left_to_openpyxl() -> None:
    """Review: a 40,000-character cell was written whole by the direct writer, where openpyxl's bytes differ."""
    header = ("a", "b")
    long_row = ["甲" * (xlsxwriter.MAX_CELL_TEXT + 1), 1]
    assert xlsxwriter.workbook_bytes([(header, [long_row], [6.0, 6.0]), (header, [], [6.0, 6.0])]) is None
    at_limit = ["甲" * xlsxwriter.MAX_CELL_TEXT, 1]
    assert xlsxwriter.workbook_bytes([(header, [at_limit], [6.0, 6.0]), (header, [], [6.0, 6.0])]) is not None
    indicators = [["x"] + ["甲" * 40_000] + [None] * (len(csvio.INDICATOR_COLUMNS) - 2)]
    assert xlsx.workbook_bytes(indicators, []) == xlsx.openpyxl_workbook_bytes(indicators, [])
