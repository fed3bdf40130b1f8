"""Consistency of the stress sources (``samples/src/stress_*.yaml``) and their hand-written expectations.

The expected meta, indicators and duties are golden values written by hand; these checks tie each record to
the printed block it comes from (header, colophon, grid cell, task paragraph), so an edit on one side that is
not made on the other fails here.  Pure YAML: no rendering, no pipeline code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from compare import META_FIELDS

SRC_DIR = Path(__file__).resolve().parents[2] / "samples" / "src"
STRESS_IDS = (
    "stress_continued_table",
    "stress_narrow_column",
    "stress_joint_issuers",
    "stress_inline_owners",
    "stress_spaced_table",
)
META_KEYS = set(META_FIELDS)
VALUE_KEYS = {"year", "kind", "raw", "op", "value", "value_max", "unit", "scope", "base_year", "text"}
DUTY_KEYS = {"source", "table", "row", "number", "category", "item", "task", "deadline", "lead", "support"}
OPS = {"=", ">=", ">", "<=", "<", "range", "increase_by", "decrease_by", None}
CN_DIGITS = dict(zip("〇一二三四五六七八九", range(10), strict=True))
YEAR_HEADER = re.compile(r"^((?:19|20)\d\d)年$")
TRAILING_UNIT = re.compile(r"^(.+)（([^（）]+)）$")
ISO = re.compile(r"^\d{4}(-\d\d(-\d\d)?)?$")


def load(doc_id: str) -> dict[str, Any]:
    return yaml.safe_load((SRC_DIR / f"{doc_id}.yaml").read_text(encoding="utf-8"))


def tables_of(src: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Table id → table (ruled or spaced), in document order."""
    blocks = [*src.get("body", []), *(b for a in src.get("attachments", []) for b in a["blocks"])]
    found = [b.get("table") or b.get("spaced") for b in blocks if "table" in b or "spaced" in b]
    return {t.get("id", f"t{i}"): t for i, t in enumerate(found, start=1)}


def cn_date(text: str) -> str:
    """``2023年2月20日`` or ``二〇二二年三月十五日`` → ISO (only the forms these samples print)."""
    if any(ch in CN_DIGITS for ch in text):
        y, m, d = re.match(r"(.+)年(.+)月(.+)日", text).groups()  # type: ignore[union-attr]
        year = "".join(str(CN_DIGITS[c]) for c in y)
        return f"{year}-{cn_number(m):02d}-{cn_number(d):02d}"
    y2, m2, d2 = map(int, re.findall(r"\d+", text))
    return f"{y2:04d}-{m2:02d}-{d2:02d}"


def cn_number(text: str) -> int:
    """一 … 三十一 (day and month numbers)."""
    if "十" not in text:
        return CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)


@pytest.fixture(scope="module", params=STRESS_IDS)
def src(request: pytest.FixtureRequest) -> dict[str, Any]:
    return load(request.param)


def test_cn_date_reads_both_printed_forms() -> None:
    assert cn_date("二〇二二年三月十五日") == "2022-03-15"
    assert cn_date("二〇一九年十二月三十一日") == "2019-12-31"
    assert cn_date("2023年2月20日") == "2023-02-20"


def test_source_has_full_header_and_colophon(src: dict[str, Any]) -> None:
    assert src["doc_id"] in STRESS_IDS and src["description"].strip()
    header, colophon = src["header"], src["colophon"]
    assert header["issuers"] and header["doc_number"] and 2 <= len(header["title_lines"]) <= 3
    assert header["recipients"].endswith("：")
    assert colophon["printer"] and colophon["print_date"].endswith("印发")
    assert src["signature"]["date"]


def test_meta_matches_the_printed_header(src: dict[str, Any]) -> None:
    meta, header, colophon = src["expected"]["meta"], src["header"], src["colophon"]
    assert set(meta) == META_KEYS
    assert meta["issuer"] == "、".join(header["issuers"])
    assert meta["doc_number"] == re.sub(r"\s+", "", header["doc_number"])
    assert meta["title"] == "".join(header["title_lines"])
    assert meta["recipients"] == re.split(r"[，,]", header["recipients"].rstrip("："))
    assert meta["date"] == cn_date(src["signature"]["date"])
    assert meta["printer"] == colophon["printer"]
    assert meta["print_date"] == cn_date(colophon["print_date"].removesuffix("印发"))
    copies = colophon.get("copies")
    assert meta["copies"] == (int(re.search(r"\d+", copies)[0]) if copies else None)  # type: ignore[index]
    cc = colophon.get("cc")
    assert meta["cc"] == (re.split(r"[，,]", cc.removeprefix("抄送：").rstrip("。")) if cc else [])
    printed = [re.sub(r"^\d+．", "", a) for a in src.get("attachments_list", [])]
    assert meta["attachments"] == printed
    assert printed == ["".join(a["title_lines"]) for a in src.get("attachments", [])]


def test_indicator_records_are_complete(src: dict[str, Any]) -> None:
    for ind in src["expected"]["indicators"]:
        assert ind["attribute"] in ("预期性", "约束性", None)
        for v in ind["values"]:
            assert set(v) == VALUE_KEYS and v["op"] in OPS and v["kind"] in ("baseline", "target")
            assert (v["value_max"] is not None) == (v["op"] == "range")
            assert (v["value"] is None) == (v["op"] is None)
            if v["op"] is None:
                assert v["unit"] is None


def test_year_column_indicators_tie_to_their_grid_row(src: dict[str, Any]) -> None:
    tables = tables_of(src)
    for ind in src["expected"]["indicators"]:
        table = tables[ind["table"]]
        header = table["rows"][table.get("header_rows", 1) - 1]
        year_cols = {int(m[1]): c for c, h in enumerate(header) if (m := YEAR_HEADER.match(h))}
        if not year_cols:
            continue  # a requirement table: checked below
        row = table["rows"][ind["row"]]
        assert ind["row"] >= table.get("header_rows", 1)
        assert [v["year"] for v in ind["values"]] == list(year_cols)
        assert [v["raw"] for v in ind["values"]] == [row[c] for c in year_cols.values()]
        first_year = min(year_cols)
        assert [v["kind"] for v in ind["values"]] == [
            "baseline" if y == first_year else "target" for y in year_cols
        ]
        name_cell = row[header.index("指标")]
        bracketed = TRAILING_UNIT.match(name_cell)
        if "单位" in header:
            assert (ind["name"], ind["unit"]) == (name_cell, row[header.index("单位")])
        elif bracketed:
            assert (ind["name"], ind["unit"]) == (bracketed[1], bracketed[2])
        assert ind["attribute"] == row[header.index("属性")]
        assert ind["group"] == (row[0] if header[0] == "类别" else None)


def test_requirement_indicators_quote_their_row(src: dict[str, Any]) -> None:
    tables = tables_of(src)
    for ind in src["expected"]["indicators"]:
        table = tables[ind["table"]]
        if table["rows"][0][-1] != "要求":
            continue
        text = table["rows"][ind["row"]][-1]
        assert ind["group"] == table["title"]
        for v in ind["values"]:
            assert v["raw"] in text and ind["name"] in v["raw"]


def test_table_duties_tie_to_their_row(src: dict[str, Any]) -> None:
    tables = tables_of(src)
    for duty in (d for d in src["expected"]["duties"] if d["source"] == "table"):
        assert set(duty) == DUTY_KEYS
        table = tables[duty["table"]]
        header, row = table["rows"][0], table["rows"][duty["row"]]
        assert duty["number"] == row[header.index("序号")]
        assert duty["task"] == row[header.index("项目名称")]
        assert duty["deadline"]["raw"] == row[header.index("完成时限")]
        owners = row[header.index("责任单位")]
        assert all(unit in owners for unit in duty["lead"] + duty["support"])


def test_text_duties_tie_to_their_task_paragraph(src: dict[str, Any]) -> None:
    runins = {b["h3"]: b for b in src.get("body", []) if "h3" in b}
    for duty in (d for d in src["expected"]["duties"] if d["source"] == "text"):
        assert set(duty) == DUTY_KEYS | {"section_title"}
        block = runins[duty["item"]]
        assert duty["number"] == block["n"]
        # The task is the printed run-in text up to its owner/deadline annotation, which is left out.
        assert block["runin"].startswith(duty["task"])
        annotation = block["runin"][len(duty["task"]) :]
        assert annotation.startswith("（") and annotation.endswith("）")
        for unit in duty["lead"] + duty["support"]:
            assert unit in annotation
        if duty["deadline"]:
            assert duty["deadline"]["raw"] in annotation


def test_deadlines_are_iso_or_noted(src: dict[str, Any]) -> None:
    for duty in src["expected"]["duties"]:
        deadline = duty["deadline"]
        if deadline is None:
            continue
        assert set(deadline) == {"raw", "start", "end", "note"}
        for key in ("start", "end"):
            assert deadline[key] is None or ISO.match(deadline[key])
        assert deadline["end"] is not None or deadline["note"]


def test_year_less_deadlines_take_the_year_of_the_date() -> None:
    for doc_id in ("stress_inline_owners", "stress_spaced_table"):
        src = load(doc_id)
        year = src["expected"]["meta"]["date"][:4]
        bare = [d for d in src["expected"]["duties"] if d["deadline"] and d["deadline"]["raw"] == "6月底前"]
        assert bare and all(d["deadline"]["end"] == f"{year}-06" for d in bare)


def test_units_with_brackets_inside_stay_whole() -> None:
    """各县（市、区）人民政府 contains a 、 that is not a separator between units."""
    duties = load("stress_inline_owners")["expected"]["duties"]
    names = [u for d in duties for u in d["lead"] + d["support"]]
    assert "各县（市、区）人民政府" in names
    assert not [u for u in names if u.count("（") != u.count("）")]
