"""Golden test: the pipeline's output for every bundled sample, compared part by part with the hand-checked
expected files in ``samples/expected/`` (made from the YAML sources, never from the pipeline's output).

A part still owed by a later issue is marked ``xfail(strict=True)`` with that issue's title: the test
turns red the moment the part starts matching, and the mark must then go.  Regenerating the expected
files is an explicit command (``python samples/build.py``), never something a test does.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from policy_extract.core.model import to_jsonable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))  # the comparison is measuring code, not part of the library

from compare import PARTS, compare_part, load  # noqa: E402

EXPECTED = ROOT / "samples" / "expected"
PDFS = ROOT / "samples" / "pdf"

TABLES = "Tables exactly as printed: ruled grids, merged cells, broken cells, tables across pages"
STRUCTURE = "Document structure: header block, outline, paragraphs and 专栏 sidebars"
SEMANTICS = "Indicators and duties: every value, unit, year, owner and deadline right"
OCR = "Scanned and garbled PDFs: an offline OCR path into the same pipeline"

# (doc_id, part) → the issue that still owes it.  Remove an entry when its part matches.
OWED: dict[tuple[str, str], str] = {}


def _samples() -> list[str]:
    return sorted(
        p.parent.name for p in EXPECTED.glob("*/document.json") if (PDFS / f"{p.parent.name}.pdf").exists()
    )


def _params() -> list:
    out = []
    for doc_id in _samples():
        for part in PARTS:
            reason = OWED.get((doc_id, part))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(doc_id, part, marks=marks, id=f"{doc_id}-{part}"))
    return out


@pytest.fixture(scope="session")
def produced() -> dict[str, dict]:
    """Each sample processed once per test session."""
    from policy_extract.pipeline import process_pdf

    cache: dict[str, dict] = {}

    class _Lazy(dict):
        def __missing__(self, doc_id: str) -> dict:
            cache[doc_id] = to_jsonable(process_pdf(str(PDFS / f"{doc_id}.pdf")))
            self[doc_id] = cache[doc_id]
            return cache[doc_id]

    return _Lazy()


def test_samples_exist() -> None:
    assert len(_samples()) >= 6, "every sample PDF needs its expected output (python samples/build.py)"


@pytest.mark.golden
@pytest.mark.parametrize(("doc_id", "part"), _params())
def test_golden_part(doc_id: str, part: str, produced: dict[str, dict]) -> None:
    expected = load(EXPECTED / doc_id / "document.json")
    result = compare_part(part, expected, produced[doc_id])
    assert result.exact, "\n" + result.report()


@pytest.mark.golden
@pytest.mark.parametrize("doc_id", _samples())
def test_golden_output_validates_against_schema(doc_id: str, produced: dict[str, dict]) -> None:
    from policy_extract.outputs.schema import validate_document

    validate_document(produced[doc_id])
