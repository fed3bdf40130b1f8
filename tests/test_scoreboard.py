"""The scoreboard (``benchmarks/corpus.py``): its measures, and every figure held to its floor.

Floors live in ``benchmarks/floors.json``, set from measured values and only ever raised.  The fast tests check
the measures on small hand-made tables and that the committed scoreboard (``docs/scoreboard.json``) meets every
floor; the slow test re-measures every corpus and holds each figure to its floor (run in CI with ``-m slow``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "benchmarks" / "floors.json"
BOARD = ROOT / "docs" / "scoreboard.json"
sys.path.insert(0, str(ROOT / "benchmarks"))


@pytest.fixture(scope="module")
def scoring() -> ModuleType:
    import scoring as module  # benchmarks/ is on sys.path (below), as corpus.py itself arranges

    return module


@pytest.fixture(scope="module")
def corpus() -> ModuleType:
    import corpus as module

    return module


def _floors() -> dict[str, dict[str, float]]:
    return json.loads(FLOORS.read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------------------- measures


def test_adjacency_pairs_each_cell_with_its_nearest_neighbours(scoring: ModuleType) -> None:
    table = [(0, 0, 1, 2, "地区"), (0, 2, 1, 1, "2025"), (1, 0, 1, 1, "甲"), (1, 1, 1, 1, ""), (1, 2, 1, 1, "5")]
    rel = scoring.adjacency(table)
    assert rel == {("地区", "2025", "right"): 1, ("地区", "甲", "below"): 1, ("2025", "5", "below"): 1,
                   ("甲", "5", "right"): 1}


def test_a_shifted_row_loses_its_cells_but_keeps_its_relations(scoring: ModuleType) -> None:
    truth = [[(0, 0, 1, 1, "指标"), (0, 1, 1, 1, "目标"), (1, 0, 1, 1, "能耗"), (1, 1, 1, 1, "3.5")]]
    shifted = [[(r + 1, c, rs, cs, t) for r, c, rs, cs, t in truth[0]] + [(0, 0, 1, 2, "表1 主要指标")]]
    got = scoring.table_tallies(truth, shifted)
    assert got["cells"].matched == 0
    assert got["adjacency"].matched == 4
    assert 0 < got["teds"].f1 < 1


def test_icdar_cells_count_from_the_first_non_empty_row_and_column(scoring: ModuleType) -> None:
    # the competition's ground truth numbers rows and columns from 1 in some files (us-027) and from 0 in others
    one_based = [(1, 1, 1, 1, "Age"), (1, 2, 1, 1, "Enrollment"), (2, 1, 1, 1, "14-17"), (2, 2, 1, 1, "")]
    ours = [(0, 0, 1, 1, "Age"), (0, 1, 1, 1, "Enrollment"), (1, 0, 1, 1, "14-17"), (1, 1, 1, 1, "")]
    assert scoring.non_empty(one_based) == scoring.non_empty(ours) == [
        (0, 0, 1, 1, "Age"), (0, 1, 1, 1, "Enrollment"), (1, 0, 1, 1, "14-17")]
    corner = [(0, 1, 1, 1, "2012"), (1, 0, 1, 1, "a"), (1, 1, 1, 1, "5")]  # an empty top-left corner stays
    assert scoring.non_empty(corner) == corner


def test_an_invented_table_counts_against_a_document_with_none(scoring: ModuleType) -> None:
    truth = {"truth": {"parts": ["tables"]}, "tables": []}
    produced = {"tables": [{"id": "t1", "title": None, "pages": [1], "n_rows": 1, "n_cols": 1, "header_rows": 0,
                            "cells": [{"row": 0, "col": 0, "rowspan": 1, "colspan": 1, "text": "x", "page": 1}]}]}
    s = scoring.score_document("d", truth, produced)
    assert s.parts["cells"].f1 == 0.0
    assert s.parts["teds"].f1 == 0.0


def test_only_the_parts_a_truth_covers_are_scored(scoring: ModuleType) -> None:
    truth = {"truth": {"parts": ["meta", "outline"], "outline_levels": 2}, "meta": {}, "outline": []}
    produced = {"meta": {}, "outline": [{"id": "s1", "parent": None, "level": 3, "number": "1", "title": "x",
                                         "page": 1}]}
    s = scoring.score_document("d", truth, produced, strict=False)
    assert set(s.parts) == {"meta", "outline"}
    assert s.parts["outline"].f1 == 1.0  # a level-3 heading is below what the truth covers


def test_a_failed_document_scores_nothing_found(scoring: ModuleType) -> None:
    truth = {"truth": {"parts": ["meta"]}, "meta": {"title": "关于印发某方案的通知"}}
    s = scoring.score_document("d", truth, None)
    assert s.parts["meta"].matched == 0 and s.parts["meta"].produced == 0


def test_icdar_truth_stacks_regions_and_keeps_spans(corpus: ModuleType) -> None:
    entries = corpus.icdar_entries(corpus.SHARED / "icdar2013-dev")
    assert len(entries) == 34
    first = next(e for e in entries if e.doc_id == "eu-001")
    cells = first.truth["tables"][0]["cells"]
    assert {"row": 0, "col": 1, "rowspan": 1, "colspan": 3, "text": "THRESHOLD FOR RELEASES", "page": 1} in cells


# --------------------------------------------------------------------------------------------- floors


def test_every_scored_figure_has_a_floor_it_meets() -> None:
    """The committed scoreboard meets the floors, and no figure of it goes without one."""
    board, floors = json.loads(BOARD.read_text(encoding="utf-8")), _floors()
    for name, row in board.items():
        for part, value in row["f1"].items():
            assert part in floors.get(name, {}), f"{name}/{part} = {value} has no floor"
            assert value >= floors[name][part], f"{name}/{part}: {value} below its floor {floors[name][part]}"
        assert len(row["failed"]) <= floors[name].get("failed", 0), f"{name}: {row['failed']}"


@pytest.mark.slow
def test_every_corpus_meets_its_floors(corpus: ModuleType) -> None:
    """The whole scoreboard re-measured (a few minutes): no corpus's figure below its floor."""
    floors = _floors()
    results = corpus.run_all(list(floors), workers=2, baseline=False)
    low = []
    for name, r in results.items():
        for part, tally in r["ours"].items():
            if tally.f1 is not None and tally.f1 < floors[name][part]:
                low.append(f"{name}/{part}: {tally.f1:.4f} < floor {floors[name][part]}")
        if len(r["run"]["failed"]) > floors[name].get("failed", 0):
            low.append(f"{name}: failed {r['run']['failed']}")
    assert not low, "\n".join(low)
