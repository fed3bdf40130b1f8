"""Render the tiny all-blocks sample with LibreOffice and check the PDF and its expected document.json."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from samples import build, expected  # noqa: E402

TINY = Path(__file__).parent / "data" / "tiny_all_blocks.yaml"

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _needs_libreoffice() -> None:
    # Never a skip: rendering samples is what this suite tests (apt-get install libreoffice-writer-nogui).
    if shutil.which("soffice") is None:
        pytest.fail("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("tiny")
    (pdf,) = build.build([TINY], tmp / "pdf")
    out = expected.write_expected(TINY, tmp / "pdf", tmp / "expected")
    return {"pdf": pdf, "doc": json.loads(out.read_text(encoding="utf-8"))}


def _page_text(pdf: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_pdf_text_extracts_with_chinese_intact(rendered: dict[str, Any]) -> None:
    with pdfplumber.open(rendered["pdf"]) as pdf:
        assert 4 <= len(pdf.pages) <= 8
        first = pdf.pages[0].extract_text()
        red = [c for c in pdf.pages[0].chars if c["text"] == "文"]
    assert "测试市人民政府办公室文件" in first  # ToUnicode present: CJK extracts as written
    assert "测政办〔2022〕 7号" in first.replace(" 7 号", " 7号")
    assert red and all(tuple(round(v, 2) for v in c["non_stroking_color"]) == (1, 0, 0) for c in red[:1])
    assert "— 1 —" in _page_text(rendered["pdf"], 1)


def test_body_lines_hold_28_characters(rendered: dict[str, Any]) -> None:
    with pdfplumber.open(rendered["pdf"]) as pdf:
        lines = pdf.pages[1].extract_text_lines()
    para = next(ln for ln in lines if ln["text"].startswith("为全面提升"))
    # 2-character indent + 26 characters; the 27th (，) may hang into the margin as in Word/WPS.
    assert para["text"].startswith("为全面提升质量总体水平，推动高质量发展，结合本市实际")
    assert len(para["text"].rstrip("，。")) == 26


def test_ruled_table_has_merged_cells(rendered: dict[str, Any]) -> None:
    page = rendered["doc"]["tables"][0]["pages"][0]
    with pdfplumber.open(rendered["pdf"]) as pdf:
        tables = pdf.pages[page - 1].find_tables()
        grid = tables[0].extract()
    assert len(grid) == 5 and len(grid[0]) == 5
    assert grid[0][:4] == ["序号", "指标", "指标值", None]  # 指标值 spans two columns
    assert grid[1][0] is None and grid[1][2:4] == ["2020年", "2025年"]  # 序号 spans two rows
    assert grid[2][0] == "一、制造业质量发展指标" and grid[2][1:] == [None] * 4
    assert grid[4][1] == "服务\n业标\n准化\n指标"


def test_expected_document_shape_and_pages(rendered: dict[str, Any]) -> None:
    doc = rendered["doc"]
    assert list(doc) == ["schema_version", "source", "meta", "outline", "paragraphs", "sidebars", "tables",
                         "indicators", "duties", "warnings"]
    assert doc["source"]["file"] == "tiny_all_blocks.pdf" and len(doc["source"]["sha256"]) == 64
    outline = [(o["id"], o["parent"], o["level"], o["number"], o["title"]) for o in doc["outline"]]
    assert outline == [
        ("s1", None, 1, "一", "总体目标"),
        ("s2", "s1", 2, "一", "主要任务"),
        ("s3", "s2", 3, "1", "全力提升产品质量"),
        ("s4", "s3", 4, "1", "强化标准引领"),
        ("s5", "s1", 2, "二", "保障措施"),
        ("s6", None, 1, "附件", "测试市质量提升工作任务分解表"),
    ]
    notice = "经市政府同意，现将《测试市质量提升工作方案》印发给你们，请认真组织实施。"
    assert doc["paragraphs"][0] == {"section": None, "page": 1, "text": notice, "bbox": None}
    assert doc["outline"][4]["page"] == 4  # after the explicit page break
    sidebars = [(s["id"], s["number"], s["section"], s["tables"], len(s["items"])) for s in doc["sidebars"]]
    assert sidebars == [("b1", 1, "s1", ["t1"], 0), ("b2", 2, "s4", [], 2), ("b3", 3, "s5", [], 1)]


def test_expected_tables_cells_and_continuation(rendered: dict[str, Any]) -> None:
    t1, t2, t3, t4 = rendered["doc"]["tables"]
    assert (t1["n_rows"], t1["n_cols"], t1["header_rows"]) == (5, 5, 2)
    vertical = next(c for c in t1["cells"] if c["row"] == 4 and c["col"] == 1)
    assert vertical["text"] == "服务业标准化指标" and vertical["raw"] == "服务\n业标\n准化\n指标"
    merged = next(c for c in t1["cells"] if c["row"] == 0 and c["col"] == 2)
    assert (merged["rowspan"], merged["colspan"], merged["bbox"]) == (1, 2, [0.0, 0.0, 0.0, 0.0])
    assert [t2["method"], t3["method"], t4["method"]] == ["borderless", "borderless", "lattice"]
    assert len(t4["pages"]) == 2 and t4["pages"][1] == t4["pages"][0] + 1
    cont = t4["pages"][1]
    assert "工作内容" in _page_text(rendered["pdf"], cont)  # header row repeated on the continuation page
    row_pages = [min(c["page"] for c in t4["cells"] if c["row"] == r) for r in range(t4["n_rows"])]
    assert row_pages == sorted(row_pages) and row_pages[-1] == cont
    last = next(c for c in t4["cells"] if c["row"] == 26 and c["col"] == 2)
    assert last["text"] in _page_text(rendered["pdf"], last["page"]).replace(" ", "")


def test_expected_indicators_and_duties_are_placed(rendered: dict[str, Any]) -> None:
    doc = rendered["doc"]
    (ind,) = doc["indicators"]
    assert (ind["id"], ind["table"], ind["row"], ind["page"]) == ("i1", "t1", 3, doc["tables"][0]["pages"][0])
    d1, d2, d3 = doc["duties"]
    assert (d1["id"], d1["section"], d1["page"]) == ("d1", "s2", 2)
    assert (d2["source"], d2["section"], d2["table"], d2["row"]) == ("sidebar", "s4", None, None)
    assert (d3["section"], d3["page"]) == ("s6", doc["tables"][3]["pages"][1])


def test_missing_text_fails_loudly(rendered: dict[str, Any]) -> None:
    src = build.load_source(TINY)
    broken = build.source_from_dict({"doc_id": "tiny_all_blocks", "body": [{"p": "这句话没有印在PDF里"}]})
    assert src.doc_id == broken.doc_id
    with pytest.raises(expected.LocateError, match=r"body\[0\] paragraph"):
        expected.expected_document(broken, rendered["pdf"])
