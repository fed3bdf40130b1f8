from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
from hypothesis import given
from hypothesis import strategies as st
from policy_extract.outputs.csvio import DUTY_COLUMNS, INDICATOR_COLUMNS, duty_rows, indicator_rows
from policy_extract.outputs.xlsx import column_width, display_width, workbook_bytes, write_review_xlsx

from policy_extract.core.model import Document


def _rows(document: Document) -> tuple[list, list]:
    return indicator_rows(document, "doc"), duty_rows(document, "doc")


def test_review_xlsx_sheets_header_and_values(tmp_path: Path, document: Document) -> None:
    ind, duty = _rows(document)
    ind[0][13] = "=SUM(A1)"  # text that looks like a formula stays text
    wb = openpyxl.load_workbook(write_review_xlsx(tmp_path / "review.xlsx", ind, duty))
    assert wb.sheetnames == ["指标", "任务"]
    for ws, columns in ((wb["指标"], INDICATOR_COLUMNS), (wb["任务"], DUTY_COLUMNS)):
        assert [c.value for c in ws[1]] == list(columns)
        assert all(c.font.b for c in ws[1])
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref.startswith("A1:")
    ws = wb["指标"]
    assert ws.max_row == 3
    assert ws["I2"].value == 93.86 and ws["F2"].value == 2020  # numbers stay numbers
    assert ws["N2"].value == "=SUM(A1)" and ws["N2"].data_type == "s"
    assert wb["任务"]["L2"].value == "区强区办" and wb["任务"]["M2"].value == "区发改委、各成员单位"


def test_review_xlsx_is_byte_deterministic(document: Document) -> None:
    ind, duty = _rows(document)
    first = workbook_bytes(ind, duty)
    assert first == workbook_bytes(ind, duty)
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert z.namelist()[0] == "[Content_Types].xml"
        core = z.read("docProps/core.xml").decode("utf-8")
    assert "2000-01-01T00:00:00Z" in core


def test_empty_workbook_still_has_headers() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes([], [])))
    assert wb["任务"].max_row == 1 and wb["任务"].freeze_panes == "A2"


def test_control_characters_are_escaped_not_dropped(document: Document) -> None:
    ind, duty = _rows(document)
    duty[0][6] = "任务\x0b说明"
    wb = openpyxl.load_workbook(io.BytesIO(workbook_bytes(ind, duty)))
    assert wb["任务"]["G2"].value == "任务\\x0b说明"


def test_widths_count_cjk_double() -> None:
    assert display_width("中文ab") == 6
    assert column_width("name", ["制造业产品质量合格率"]) == 22.0
    assert column_width("page", [5]) == 6.0
    assert column_width("task", ["长" * 200]) == 60.0


def _reference_width(header: str, values: list[str | int | None]) -> float:
    """The width by its definition: every line of every cell measured character by character."""
    texts = [header, *("" if v is None else str(v) for v in values)]
    longest = max(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
                  for t in texts for line in t.split("\n"))
    return float(min(max(longest + 2, 6), 60))


_TEXT = st.text(alphabet=st.sampled_from("ab1 \n\t中文（）、％é¼ｱ\u3000\u200b"), max_size=80)


@given(st.text(max_size=40), st.lists(st.one_of(_TEXT, st.integers(), st.none()), max_size=12))
def test_column_width_measures_what_its_definition_does(header: str, values: list[str | int | None]) -> None:
    """The cached, early-stopping measure (only lines that could be the longest, none past the clamp) gives
    the width of measuring everything."""
    assert column_width(header, values) == _reference_width(header, values)
    for text in (header, *(v for v in values if isinstance(v, str))):
        assert display_width(text) == sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
