"""Faults from issue 17, each reproduced: bad text from the PDF library, a hostile environment, bad inputs."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from faults import DELETE_MARK, deleting_process, pdf_with_cids

from policy_extract import pipeline
from policy_extract.batch import Job, JobContext, process_job, run_batch
from policy_extract.settings import PipelineSettings

GOOD = Path(__file__).resolve().parents[2] / "samples" / "pdf" / "stress_spaced_table.pdf"
SURROGATE_TEXT = "4E2D56FDD80065875B57" * 5
"""中国<U+D800>文字, five times: five lone surrogates on page 1."""


def test_lone_surrogates_from_an_identity_tounicode_font_are_replaced_and_reported(tmp_path: Path) -> None:
    pdf = tmp_path / "surrogates.pdf"
    pdf.write_bytes(pdf_with_cids(SURROGATE_TEXT))
    context = JobContext(str(tmp_path / "out"), None, PipelineSettings.resolve({"ocr": "off"}))
    outcome = process_job(Job(0, pdf.name, str(pdf), "surrogates"), pipeline.process_pdf, context)
    assert outcome.record.error is None, outcome.record.error
    data = json.loads((tmp_path / "out" / "docs" / "surrogates" / "document.json").read_text("utf-8"))
    (warning,) = [w for w in data["warnings"] if w["code"] == "invalid_unicode"]
    assert warning["page"] == 1 and "5 character(s)" in warning["message"]
    assert "\ufffd" in json.dumps(data, ensure_ascii=False)


def _records(out: Path) -> dict[str, dict[str, Any]]:
    return {r["doc_id"]: r for r in json.loads((out / "manifest.json").read_text("utf-8"))}


def test_symlink_loop_among_inputs_gets_its_own_record_and_is_never_reused(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(GOOD, corpus / "good.pdf")
    (corpus / "x.pdf").symlink_to("y.pdf")
    (corpus / "y.pdf").symlink_to("x.pdf")
    for _ in range(2):
        result = run_batch([corpus], tmp_path / "out", ocr="off", progress=False)
        assert result.exit_code == 1
        records = _records(tmp_path / "out")
        assert records["good"]["status"] == "ok"
        for name in ("x", "y"):
            assert records[name]["error"]["code"] == "not_pdf"
            assert "symbolic links" in records[name]["error"]["message"]
        assert not any(o.reused for o in result.outcomes if o.record.doc_id in ("x", "y"))


def test_input_deleted_during_the_run_is_retried_when_it_is_back(tmp_path: Path) -> None:
    pdf = tmp_path / "vanishing.pdf"
    shutil.copy(GOOD, pdf)
    Path(str(pdf) + DELETE_MARK).touch()
    out = tmp_path / "out"
    first = run_batch([pdf], out, ocr="off", progress=False, process=deleting_process)
    assert first.records[0].status == "failed"
    shutil.copy(GOOD, pdf)
    second = run_batch([pdf], out, ocr="off", progress=False, process=deleting_process)
    assert second.records[0].status == "ok" and not second.outcomes[0].reused
