"""The table benchmark's metrics (``benchmarks/tables.py``): cell F1, TEDS and the table alignment."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "tables.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_tables", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


# 类别 merged over two rows, as the expected file has it
EXPECTED = [(0, 0, 1, 1, "类别"), (0, 1, 1, 1, "指标"), (1, 0, 2, 1, "能源利用"), (1, 1, 1, 1, "能耗"),
            (2, 1, 1, 1, "水耗")]


def test_identical_tables_score_one(bench: ModuleType) -> None:
    assert bench.cell_f1([EXPECTED], [list(EXPECTED)], [(0, 0)]) == 1.0
    assert bench.teds(EXPECTED, list(reversed(EXPECTED))) == 1.0


def test_dense_grid_never_matches_a_merged_cell(bench: ModuleType) -> None:
    dense = bench.table_from_dense([["类别", "指标"], ["能源利用", "能耗"], ["能源利用", "水耗"]])
    pairs = bench.align_tables([EXPECTED], [dense])
    assert pairs == [(0, 0)]
    assert bench.cell_f1([EXPECTED], [dense], pairs) == pytest.approx(2 * 4 / (5 + 6))
    assert 0.0 < bench.teds(EXPECTED, dense) < 1.0


def test_pdfplumber_none_is_no_cell_and_line_breaks_next_to_cjk_are_ignored(bench: ModuleType) -> None:
    table = bench.table_from_plumber([["类别", "指标"], ["能源\n利用", "能耗"], [None, "水耗"]])
    assert (1, 0, 1, 1, "能源利用") in table and len(table) == 5
    assert bench.cell_f1([EXPECTED], [table], [(0, 0)]) == pytest.approx(0.8)  # only the span differs


def test_fragments_align_in_order_and_extra_fragments_count_against(bench: ModuleType) -> None:
    other = [(0, 0, 1, 1, "序号"), (0, 1, 1, 1, "任务")]
    frag1, frag2 = EXPECTED[:2], [(0, 1, 1, 1, "水耗")]
    pairs = bench.align_tables([EXPECTED, other], [frag1, frag2, other])
    assert pairs == [(0, 0), (1, 2)]
    assert bench.mean_teds([EXPECTED, other], [frag1, frag2, other], pairs) < (1 + 1) / 3 + 1e-9


def test_teds_charges_text_edits_by_normalized_distance(bench: ModuleType) -> None:
    typo = [c if c[4] != "能耗" else (*c[:4], "能效") for c in EXPECTED]
    nodes = 1 + 3 + 5  # table, three tr, five td
    assert bench.teds(EXPECTED, typo) == pytest.approx(1 - 0.5 / nodes)
