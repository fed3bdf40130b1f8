"""Backends behind small interfaces: table finders and the OCR engine are chosen by name in the settings.

A fake OCR engine registered for one test reads a scanned page without the real models, so the whole OCR path
after recognition (folio repair, character geometry, lines) is exercised by what the fake says it read.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PIL import Image
from policy_extract.extract import extract_document
from policy_extract.extract.engines import Recognised
from policy_extract.extract.finders import PageTables, TableFinder
from policy_extract.extract.registry import (
    OCR_ENGINES,
    TABLE_FINDERS,
    register_ocr_engine,
    register_table_finder,
)
from policy_extract.extract.settings import DEFAULT_TABLE_FINDERS, ExtractSettings, OcrSettings

DATA = Path(__file__).parent / "data"


class FakeEngine:
    """Reads every page as the same two lines: a title and a folio whose dashes came back as 一 and -."""

    def __init__(self, settings: OcrSettings) -> None:
        self.settings = settings

    def read_lines(self, image: Any) -> list[Recognised]:
        width = image.shape[1]
        return [
            Recognised("关于加强质量工作的通知", 0.99, (40.0, 40.0, width - 40.0, 100.0)),
            Recognised("一2-", 0.95, (width / 2 - 40, 300.0, width / 2 + 40, 340.0)),
        ]

    def read_text(self, image: Any) -> tuple[str, float]:
        return ("", 0.0)


@pytest.fixture()
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setitem(OCR_ENGINES, "fake", FakeEngine)  # so that the registry is restored after the test
    register_ocr_engine("fake", FakeEngine)
    return "fake"


@pytest.fixture()
def blank_scan(tmp_path: Path) -> Path:
    """An image-only PDF: one white page, no text layer, so ``--ocr auto`` sends it to the engine."""
    path = tmp_path / "scan.pdf"
    Image.new("RGB", (420, 300), "white").save(path, "PDF", resolution=72.0)
    return path


def test_a_fake_engine_makes_the_text_of_a_scanned_page(fake_engine: str, blank_scan: Path) -> None:
    settings = ExtractSettings(ocr=OcrSettings(engine=fake_engine))
    raw = extract_document(blank_scan, settings=settings)
    page = raw.pages[0]
    assert page.text_layer == "ocr"
    assert [ln.text for ln in page.lines] == ["关于加强质量工作的通知", "— 2 —"]
    assert all(ln.font == "OCR" for ln in page.lines)


def test_the_engine_and_the_finders_are_checked_against_the_registries() -> None:
    with pytest.raises(ValueError, match="engine"):
        OcrSettings(engine="tesseract")
    with pytest.raises(ValueError, match="table_finders"):
        ExtractSettings(table_finders=("lattice", "camelot"))
    with pytest.raises(ValueError, match="table_finders"):
        ExtractSettings(table_finders=("lattice", "lattice"))
    with pytest.raises(ValueError, match="table_finders"):
        ExtractSettings(table_finders="lattice")  # type: ignore[arg-type]
    assert ExtractSettings(table_finders=["lattice"]).table_finders == ("lattice",)  # type: ignore[arg-type]
    assert ExtractSettings().table_finders == DEFAULT_TABLE_FINDERS == ("lattice", "rules", "borderless")


def test_leaving_a_finder_out_leaves_its_tables_as_text() -> None:
    pdf = DATA / "spaced.pdf"
    default = extract_document(pdf).pages[0]
    ruled_only = extract_document(pdf, settings=ExtractSettings(table_finders=("lattice",))).pages[0]
    assert [t.method for t in default.tables] == ["borderless"]
    assert ruled_only.tables == []
    assert "专利数量" in "".join(ln.text for ln in ruled_only.lines)


class CountingFinder(TableFinder):
    """A registered finder that sees the page after the others and claims nothing."""

    seen: ClassVar[list[tuple[int, int]]] = []

    def find(self, page: PageTables) -> None:
        CountingFinder.seen.append((page.number, len(page.tables)))


def test_a_registered_finder_runs_in_order_after_the_built_in_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(TABLE_FINDERS, "counting", CountingFinder)  # so that it is removed after the test
    register_table_finder("counting", CountingFinder)
    CountingFinder.seen = []
    pdf = DATA / "spaced.pdf"
    settings = ExtractSettings(table_finders=(*DEFAULT_TABLE_FINDERS, "counting"))
    assert extract_document(pdf, settings=settings) == extract_document(pdf)
    assert CountingFinder.seen == [(1, 1)]


def test_a_born_digital_document_loads_no_image_or_ocr_library() -> None:
    """numpy, OpenCV, onnxruntime and the OCR engine load only when a page needs OCR."""
    code = (
        "import sys\n"
        "from policy_extract.extract import extract_document\n"
        f"extract_document({str(DATA / 'merged.pdf')!r})\n"
        "heavy = ('numpy', 'cv2', 'onnxruntime', 'rapidocr_onnxruntime')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
