"""A row gap exactly at the continuation limit of a table ruled only across (hrules.continuation_limit) split
the rows with pdfium's float32 coordinates and merged them with pdfminer's float64 sums: gen_rl_07 page 3,
whose truth has the rows apart.  A tie is now a new row with either page source."""

from __future__ import annotations

from pathlib import Path

import pytest
from policy_extract.extract import hrules
from policy_extract.extract.document import extract_document
from policy_extract.extract.settings import ExtractSettings

PDF = Path(__file__).resolve().parents[2] / "samples" / "generated" / "pdf" / "gen_rl_07_eco_threeline.pdf"


def _rows(source: str) -> list[int]:
    doc = extract_document(PDF, settings=ExtractSettings(page_source=source), ocr="off")
    return [t.n_rows for t in doc.pages[2].tables]


@pytest.mark.parametrize("source", ["pdfminer", "pdfium"])
def test_a_row_gap_at_the_continuation_limit_opens_a_row_with_either_source(source: str) -> None:
    assert _rows(source) == [12]


def test_without_the_tie_margin_the_sources_disagree(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture sits on the tie: the margin is what makes the two sources agree when the rows come from
    the gaps (the page's rows now come from its anchor columns, extract/anchors.py; without them, from the
    gaps, as in a table with no anchor columns)."""
    monkeypatch.setattr(hrules, "DEFAULT_TIE_PT", 0.0)
    monkeypatch.setattr(hrules, "anchor_rows", lambda *_: None)
    assert _rows("pdfminer") != _rows("pdfium")
