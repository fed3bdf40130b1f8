"""The normalize stage as a whole: a failing sub-stage costs that part, never the document."""

from __future__ import annotations

from pathlib import Path

import policy_extract.normalize.indicators as indicators_module
import pytest
from policy_extract.extract import extract_document
from policy_extract.normalize import normalize_document
from policy_extract.outputs.manifest import document_status

from policy_extract.core.model import STAGE_FAILED

DATA = Path(__file__).resolve().parents[1] / "extract" / "data"


def test_a_failing_indicator_stage_makes_the_document_partial_and_keeps_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raw = extract_document(DATA / "merged.pdf")

    def boom(_doc: object) -> list:
        raise ValueError("unexpected table layout")

    monkeypatch.setattr(indicators_module, "build_indicators", boom)
    doc = normalize_document(raw)
    failed = [w for w in doc.warnings if w.code == STAGE_FAILED]
    assert [(w.stage, w.message) for w in failed] == [
        ("normalize.indicators", "normalize.indicators: ValueError: unexpected table layout")
    ]
    assert doc.tables, "the tables built before the failure are still there"
    assert document_status(doc) == "partial"


def test_a_clean_document_is_ok() -> None:
    assert document_status(normalize_document(extract_document(DATA / "merged.pdf"))) == "ok"
