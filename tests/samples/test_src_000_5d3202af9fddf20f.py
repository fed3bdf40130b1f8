"""Consistency of the 郑港办〔2021〕70号 sample source: its printed blocks and its hand-written expectations.

The expected indicators and duties are golden values; these checks tie each record to the block it comes
from (grid row, sidebar item), so an edit to one side that is not made on the other fails here.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from policy_extract.normalize.text import join_lines

SRC = Path(__file__).resolve().parents[2] / "samples" / "src" / "000_5d3202af9fddf20f.yaml"
YEAR_COLS = {2020: 2, 2022: 3, 2025: 4}
SENTENCE_ENDS = ("。", "！", "？", "。”", "。）", "；")


@pytest.fixture(scope="module")
def source() -> dict[str, Any]:
    return yaml.safe_load(SRC.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def table(source: dict[str, Any]) -> dict[str, Any]:
    return next(b["table"] for b in source["body"] if "table" in b)


def joined(text: str) -> str:
    return join_lines(text.split("\n"))


def test_outline_and_sidebar_counts_match_the_seed(source: dict[str, Any]) -> None:
    kinds = Counter(k for b in source["body"] for k in b if k in ("h1", "h2", "h3", "h4", "sidebar", "table"))
    assert kinds == {"h1": 9, "h2": 33, "h3": 63, "sidebar": 11, "table": 1}
    sidebars = [b["sidebar"] for b in source["body"] if "sidebar" in b]
    assert [s["number"] for s in sidebars] == list(range(2, 13))
    assert [len(s["items"]) for s in sidebars] == [7, 6, 4, 4, 5, 3, 8, 3, 6, 3, 3]
    assert {s["style"] for s in sidebars} == {"box", "cell"}


def test_no_seed_damage_left(source: dict[str, Any]) -> None:
    texts = [b.get("p") or b.get("runin") or "" for b in source["body"]]
    assert not [t for t in texts if t and not t.endswith(SENTENCE_ENDS)], "paragraph cut by a page break"
    assert not [t for t in texts if "<sub>" in t or t.startswith("#")]
    headings = [b for b in source["body"] if {"h1", "h2", "h3"} & set(b)]
    assert not [b for b in headings if any(str(v).endswith("。") for k, v in b.items() if k != "runin")]


def test_table_grid_is_dense_and_merges_are_consistent(table: dict[str, Any]) -> None:
    rows, merges = table["rows"], table["merges"]
    assert len(rows) == 46 and {len(r) for r in rows} == {6}
    assert len(table["widths"]) == 6 and sum(table["widths"]) <= 156
    covered: set[tuple[int, int]] = set()
    for r0, c0, r1, c1 in merges:
        cells = {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        assert not cells & covered, f"overlapping merge {r0, c0, r1, c1}"
        covered |= cells
        assert {rows[r][c] for r, c in cells} == {rows[r0][c0]}, f"merge {r0, c0, r1, c1} not dense"
    groups = [m for m in merges if m[1] == 0 and m[0] >= 2]
    assert [m[0] for m in groups] == [2, 8, 16, 24, 31, 35, 38, 43]


def test_indicators_follow_the_grid(source: dict[str, Any], table: dict[str, Any]) -> None:
    rows = table["rows"]
    inds = source["expected"]["indicators"]
    assert [i["row"] for i in inds] == list(range(2, 46))
    for ind in inds:
        row = rows[ind["row"]]
        assert ind["table"] == "t1" and ind["group"] == joined(row[0])
        assert joined(row[1]).startswith(ind["name"]) and ind["attribute"] == row[5]
        if ind["unit"]:
            assert joined(row[1]).endswith(f"{ind['unit']})") or joined(row[1]).endswith(f"{ind['unit']}）")
        for v in ind["values"]:
            assert v["raw"] == joined(row[YEAR_COLS[v["year"]]])
            assert v["kind"] == ("baseline" if v["year"] == 2020 else "target")
            assert (v["op"] is None) == (v["value"] is None)
            if v["raw"] in ("--", "—"):
                assert v["text"] is None and v["unit"] is None


def test_indicator_golden_values(source: dict[str, Any]) -> None:
    by_name = {i["name"]: i for i in source["expected"]["indicators"]}
    quality = by_name["制造业产品质量合格率"]["values"]
    baseline = quality[0]
    assert (baseline["op"], baseline["value"], baseline["unit"], baseline["scope"]) == (
        "=",
        93.86,
        "%",
        "国家",
    )
    assert quality[1]["text"] == quality[2]["text"] == "略高于国家指数"
    noise = by_name["声环境功能区达标率"]["values"][0]
    assert (noise["op"], noise["value"], noise["unit"]) == (">=", 90, "%")
    labs = by_name["累计新增不同级别质检机构"]["values"]
    assert [(v["year"], v["scope"], v["value"]) for v in labs] == [
        (2020, "国家", 0),
        (2020, "省市级", 0),
        (2022, "国家", 1),
        (2022, "省市级", 2),
        (2025, "国家", 2),
        (2025, "省市级", 3),
    ]
    money = by_name["“质量强区”工作财政投入递增率"]["values"]
    assert [(v["op"], v["value"], v["unit"]) for v in money] == [
        ("=", 60, "万元"),
        ("increase_by", 20, "%"),
        ("increase_by", 20, "%"),
    ]
    assert by_name["执法人员持证上岗率"]["group"] == "服务业标准化指标"


def test_duties_are_the_sidebar_items(source: dict[str, Any]) -> None:
    sidebars = [b["sidebar"] for b in source["body"] if "sidebar" in b]
    expected = [
        (s["number"], str(n), s["title"], item)
        for s in sidebars
        for n, item in enumerate(s["items"], start=1)
    ]
    duties = source["expected"]["duties"]
    assert [(d["sidebar"], d["number"], d["category"], d["task"]) for d in duties] == expected
    assert {d["source"] for d in duties} == {"sidebar"}


def test_meta_matches_the_printed_header(source: dict[str, Any]) -> None:
    meta, header = source["expected"]["meta"], source["header"]
    assert meta["title"] == "".join(header["title_lines"])
    assert meta["recipients"] == header["recipients"].rstrip("：").split("，")
    assert meta["issuer"] == header["issuers"][0] and meta["doc_number"] == header["doc_number"]
    assert (meta["date"], meta["print_date"], meta["copies"]) == ("2021-11-30", "2021-11-30", 60)
