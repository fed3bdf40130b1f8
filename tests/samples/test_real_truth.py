"""The real corpus's hand-checked truth (``samples/real``): complete, and rebuilt exactly from what was typed.

Each ``samples/real/expected/<doc>/document.json`` must be what ``truthkit.py build`` makes from the hand-typed
``samples/real/truth/<doc>.yaml`` and the PDF's text layer inside each hand-drawn cell: an expected file edited
by hand (or pasted from a pipeline run) fails here.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "samples" / "real"
CORPUS = ROOT.parent / "shared" / "corpus" / "real"


@pytest.fixture(scope="module")
def kit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("truthkit", REAL / "truthkit.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _docs() -> list[str]:
    return sorted(p.stem for p in (REAL / "truth").glob("*.yaml"))


def test_every_real_pdf_has_truth() -> None:
    pdfs = sorted(p.stem for p in CORPUS.glob("*.pdf"))
    assert pdfs and pdfs == _docs()
    assert sorted(p.parent.name for p in (REAL / "expected").glob("*/document.json")) == pdfs


def test_truth_covers_meta_and_outline_everywhere_and_tables_in_at_least_eight(kit: ModuleType) -> None:
    truths = [kit.load_truth(d) for d in _docs()]
    assert all({"meta", "outline"} <= set(t["parts"]) for t in truths)
    with_cells = [t["doc_id"] for t in truths if "tables" in t["parts"] and t.get("tables")]
    assert len(with_cells) >= 8, with_cells


@pytest.mark.parametrize("doc_id", _docs())
def test_expected_file_is_rebuilt_exactly_from_the_typed_truth(kit: ModuleType, doc_id: str) -> None:
    committed = json.loads((REAL / "expected" / doc_id / "document.json").read_text(encoding="utf-8"))
    assert kit.build_document(kit.load_truth(doc_id)) == committed


def test_a_cell_is_filled_from_the_characters_inside_it(kit: ModuleType) -> None:
    chars = [kit.Char("规", 80, 550, 92, 562, 12), kit.Char("章", 92, 550, 104, 562, 12),
             kit.Char("0", 300, 550, 306, 562, 12), kit.Char("A", 80, 566, 88, 578, 12),
             kit.Char("B", 88, 566, 96, 578, 12)]
    assert kit.text_in_box(chars, (75, 545, 230, 565)) == "规章"
    assert kit.text_in_box(chars, (231, 545, 338, 565)) == "0"
    assert kit.text_in_box(chars, (75, 545, 230, 580)) == "规章AB"
