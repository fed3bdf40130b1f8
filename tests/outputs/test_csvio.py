from __future__ import annotations

import csv
import io
from pathlib import Path

from policy_extract.outputs.csvio import (
    DUTY_COLUMNS,
    INDICATOR_COLUMNS,
    duty_rows,
    format_cell,
    indicator_rows,
    table_grid,
    write_duties_csv,
    write_indicators_csv,
    write_table_csv,
)

from policy_extract.core.model import Cell, Document, Indicator, Table

INDICATOR_HEADER = (
    "doc_id,indicator_id,group,name,attribute,year,kind,op,value,value_max,unit,scope,base_year,raw,page\n"
)
DUTY_HEADER = (
    "doc_id,duty_id,source,number,category,item,task,deadline_raw,deadline_start,deadline_end,"
    "deadline_note,lead,support,page\n"
)


def test_indicators_csv_columns_and_rows_exact(tmp_path: Path, document: Document) -> None:
    path = write_indicators_csv(tmp_path / "indicators.csv", indicator_rows(document, "doc"))
    assert path.read_bytes().decode("utf-8") == (
        INDICATOR_HEADER
        + "doc,i1,制造业质量发展指标,制造业产品质量合格率,预期性,2020,baseline,=,93.86,,%,国家,,"
        + "国家: 93.86%,5\n"
        + "doc,i1,制造业质量发展指标,制造业产品质量合格率,预期性,2025,target,>=,100,,%,,,100.0,5\n"
    )
    assert ",".join(INDICATOR_COLUMNS) + "\n" == INDICATOR_HEADER


def test_duties_csv_quotes_commas_and_line_breaks(tmp_path: Path, document: Document) -> None:
    data = write_duties_csv(tmp_path / "duties.csv", duty_rows(document, "doc")).read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")  # no BOM
    assert b"\r" not in data
    text = data.decode("utf-8")
    assert text.startswith(DUTY_HEADER)
    assert ",".join(DUTY_COLUMNS) + "\n" == DUTY_HEADER
    assert text[len(DUTY_HEADER) :] == (
        "doc,d1,table,1.1.1,城市质量发展战略规划明确清晰,1.1 制定规划,"
        '"依据《质量发展纲要（2011～2020 年）》，制定规划,\n并出台。",'
        "2014年12月31日,,2014-12-31,,区强区办,区发改委、各成员单位,5\n"
    )
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][6] == document.duties[0].task  # the csv module reads back exactly what was written


def test_table_csv_repeats_merged_cells(tmp_path: Path, document: Document) -> None:
    text = write_table_csv(tmp_path / "t1.csv", document.tables[0]).read_text(encoding="utf-8")
    assert text == (
        "项目,2020年,2025年\n"
        '制造业产品质量合格率(%),"国家: 93.86, ""省""","国家: 93.86, ""省"""\n'
        "制造业产品质量合格率(%),100.0,\n"
    )


def test_table_grid_is_dense_and_clips_overlong_spans() -> None:
    cells = [Cell(0, 0, 3, 5, "大", 1, (0.0, 0.0, 1.0, 1.0)), Cell(1, 1, 1, 1, "小", 1, (0.0, 0.0, 1.0, 1.0))]
    grid = table_grid(Table("t1", None, [1], 2, 3, 0, cells))
    assert grid == [["大", "大", "大"], ["大", "小", "大"]]


def test_format_cell_rules() -> None:
    assert format_cell(None) == ""
    assert format_cell(100.0) == "100"
    assert format_cell(-0.0) == "0"
    assert format_cell(93.86) == "93.86"
    assert format_cell(0.1 + 0.2) == "0.30000000000000004"  # shortest round-trip, never rounded away
    assert format_cell(2020) == "2020"
    assert format_cell(["区发改委", "区财政局"]) == "区发改委、区财政局"
    assert format_cell([]) == ""
    assert format_cell(1e20) == "1e+20"


def test_indicator_without_values_keeps_a_row(document: Document) -> None:
    document.indicators.append(Indicator("i2", None, None, 3, None, "空指标", None, None))
    rows = indicator_rows(document, "doc")
    assert len(rows) == 3
    assert rows[-1][:4] == ["doc", "i2", None, "空指标"]
    assert rows[-1][-1] == 3
    assert len(rows[-1]) == len(INDICATOR_COLUMNS)
