"""The ICDAR 2013 harness (``benchmarks/icdar.py``): its two measures on small hand-made cases, and its reading
of the competition's ground truth."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


@pytest.fixture(scope="module")
def icdar() -> ModuleType:
    import icdar as module  # benchmarks/ is on sys.path (above)

    return module


def test_regions_match_only_when_each_covers_half_of_the_other(icdar: ModuleType) -> None:
    truth = [icdar.FoundTable([(1, (100, 100, 300, 200))], [])]
    same = [icdar.FoundTable([(1, (105, 98, 298, 205))], [])]
    too_big = [icdar.FoundTable([(1, (0, 0, 600, 800))], [])]
    other_page = [icdar.FoundTable([(2, (100, 100, 300, 200))], [])]
    assert icdar.detection(truth, same) == (1, 1, 1)
    assert icdar.detection(truth, too_big) == (0, 1, 1)
    assert icdar.detection(truth, other_page) == (0, 1, 1)


def test_relations_skip_empty_cells_and_ignore_white_space(icdar: ModuleType) -> None:
    cells = [(0, 0, 1, 2, "Total  area"), (0, 2, 1, 1, "2012"), (1, 0, 1, 1, "a"), (1, 1, 1, 1, ""),
             (1, 2, 1, 1, "5")]
    assert icdar.relations(cells) == {("Totalarea", "2012", "right"): 1, ("Totalarea", "a", "below"): 1,
                                      ("2012", "5", "below"): 1, ("a", "5", "right"): 1}


def test_a_table_split_in_two_keeps_only_the_better_half(icdar: ModuleType) -> None:
    truth = [icdar.FoundTable([], [(0, 0, 1, 1, "x"), (0, 1, 1, 1, "y"), (1, 0, 1, 1, "z"), (1, 1, 1, 1, "w")])]
    halves = [icdar.FoundTable([], [(0, 0, 1, 1, "x"), (0, 1, 1, 1, "y")]),
              icdar.FoundTable([], [(0, 0, 1, 1, "z"), (0, 1, 1, 1, "w")])]
    assert icdar.structure(truth, halves) == (1, 4, 1)


def test_ground_truth_regions_are_turned_to_top_left_coordinates(icdar: ModuleType) -> None:
    pdf = ROOT.parent / "shared" / "corpus" / "icdar2013-dev" / "competition-dataset-eu" / "eu-001.pdf"
    tables = icdar.truth_tables(pdf)
    assert len(tables) == 7
    page, (x0, top, x1, bottom) = tables[0].regions[0]
    height = icdar.page_heights(pdf)[page - 1]
    assert 0 <= x0 < x1 and 0 <= top < bottom <= height
