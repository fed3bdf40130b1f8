"""Issue 16, defaults that fit the work: a document's time limit sized to its pages (more for OCR pages),
``--timeout`` a hard cap, timeout messages that say how long, where and how to give more; a missing OCR
engine refused before the batch starts; onnxruntime threads shared out between the workers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "hostile"))

import slow_fakes
from batch_helpers import fake_pdfs, manifest_records
from policy_extract.extract import rapidocr_engine, registry

from policy_extract.batch import run_batch
from policy_extract.batch.budget import DocumentClock, count_pages
from policy_extract.batch.workers import WORKERS_ENV, Limits, child_env, timeout_message
from policy_extract.cli import main
from policy_extract.core.errors import UsageError

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "pdf"
QUICK = {"base_seconds": 1.0, "page_seconds": 0.0, "ocr_page_seconds": 1.0}


def test_the_limit_is_a_base_plus_a_budget_per_page_and_more_per_ocr_page() -> None:
    limits = Limits(base_seconds=60, page_seconds=10, ocr_page_seconds=60)
    clock = DocumentClock(limits, "auto")
    clock.counted(8)
    assert clock.limit == 60 + 10 * 8
    clock.on_work("ocr_page", 3)
    assert (clock.limit, clock.page) == (60 + 10 * 8 + 60, 3)
    assert "60 s × 1 OCR page(s)" in clock.how()
    forced = DocumentClock(limits, "force")
    forced.counted(8)
    assert forced.limit == 60 + 10 * 8 + 60 * 8


def test_timeout_is_a_hard_cap_whatever_the_pages() -> None:
    clock = DocumentClock(Limits(timeout=30), "auto")
    clock.counted(500)
    clock.on_work("ocr_page", 1)
    assert (clock.limit, clock.how()) == (30, "--timeout")


def test_the_default_limits_are_sized_to_the_document() -> None:
    from policy_extract.settings import PipelineSettings

    assert PipelineSettings().limits.timeout is None


def test_pages_are_counted_without_parsing_and_a_broken_file_counts_zero(tmp_path: Path) -> None:
    pdf = next(iter(sorted(SAMPLES.glob("*.pdf"))))
    assert count_pages(str(pdf), None) >= 1
    broken = tmp_path / "x.pdf"
    broken.write_bytes(b"%PDF-1.4 nothing")
    assert count_pages(str(broken), None) == 0


def test_timeout_message_says_how_long_where_and_how_to_raise_it() -> None:
    message = timeout_message(80, 81.4, 7, "60 s + 10 s × 2 page(s)")
    assert "on page 7" in message and "after 81 s" in message and "80 s" in message
    assert "--timeout" in message


def test_ocr_pages_extend_the_limit_in_the_worker_and_the_parent(tmp_path: Path) -> None:
    inputs = fake_pdfs(tmp_path / "in", "slow.pdf")
    out = tmp_path / "out"
    settings = {"limits": {**QUICK, "timeout": None}}
    result = run_batch([inputs], out, process=slow_fakes.three_slow_ocr_pages, workers=1, progress=False,
                       settings=settings)
    assert result.exit_code == 0, manifest_records(out)


def test_a_timed_out_document_names_the_page_it_was_on(tmp_path: Path) -> None:
    inputs = fake_pdfs(tmp_path / "in", "stuck.pdf")
    out = tmp_path / "out"
    settings = {"limits": {**QUICK, "timeout": None}}
    run_batch([inputs], out, process=slow_fakes.stuck_on_ocr_page_two, workers=1, progress=False,
              settings=settings)
    error = manifest_records(out)["stuck"]["error"]
    assert error["code"] == "timeout"
    assert "on page 2" in error["message"] and "time limit of 3 s" in error["message"]
    assert "1 s × 2 OCR page(s)" in error["message"] and "--timeout" in error["message"]


@pytest.fixture
def unimportable_engine(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setitem(registry.OCR_ENGINES, "rapidocr", "policy_extract_no_such_engine:Engine")
    return "rapidocr"


def test_a_missing_ocr_engine_is_a_usage_error_before_the_batch_starts(
        tmp_path: Path, unimportable_engine: str) -> None:
    out = tmp_path / "out"
    with pytest.raises(UsageError, match="OCR engine 'rapidocr'"):
        run_batch([SAMPLES], out, workers=1, progress=False, ocr="auto")
    assert not out.exists()  # nothing written, so no no_text result for a rerun to reuse


def test_a_missing_ocr_engine_is_exit_status_2(tmp_path: Path, unimportable_engine: str) -> None:
    assert main(["run", str(SAMPLES), "-o", str(tmp_path / "out"), "--ocr", "force"]) == 2


def test_without_ocr_a_missing_engine_does_not_matter(tmp_path: Path, unimportable_engine: str) -> None:
    inputs = fake_pdfs(tmp_path / "in", "a.pdf")
    result = run_batch([inputs], tmp_path / "out", process=slow_fakes.three_slow_ocr_pages, workers=1,
                       progress=False, ocr="off")
    assert result.exit_code == 0


def test_a_missing_rapidocr_wheel_is_found_without_importing_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rapidocr_engine, "ENGINE_MODULE", "policy_extract_no_such_wheel")
    with pytest.raises(ImportError, match="pip install"):
        registry.check_ocr_engine("rapidocr")


@pytest.mark.parametrize(("configured", "cores", "workers", "threads"), [
    (0, 2, "2", 1), (0, 2, "1", 2), (0, 8, "3", 2), (0, 2, "4", 1), (3, 2, "2", 3), (0, 2, "", 0),
])
def test_onnxruntime_threads_are_the_cores_shared_by_the_workers(
        configured: int, cores: int, workers: str, threads: int) -> None:
    assert rapidocr_engine.worker_threads(configured, cores, workers) == threads


def test_workers_learn_how_many_run_at_once() -> None:
    assert rapidocr_engine.WORKERS_ENV == WORKERS_ENV
    assert child_env(2)[WORKERS_ENV] == "2"
