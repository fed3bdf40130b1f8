"""Shared fixtures for the extract tests: the committed PDFs in ``data/`` (built by make_fixtures.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # lets `pytest tests/extract` run without installing the package
    sys.path.insert(0, str(ROOT))

from policy_extract.extract import extract_document  # noqa: E402

from policy_extract.core.model import RawDocument  # noqa: E402

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def extracted() -> dict[str, RawDocument]:
    """Every fixture PDF extracted once per test session (the suite stays fast)."""
    return {pdf.stem: extract_document(pdf) for pdf in sorted(DATA.glob("*.pdf"))}
