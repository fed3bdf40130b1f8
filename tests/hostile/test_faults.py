"""Faults from issue 17, each reproduced: bad text from the PDF library, a hostile environment, bad inputs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from faults import pdf_with_cids

from policy_extract import pipeline
from policy_extract.batch import Job, JobContext, process_job
from policy_extract.settings import PipelineSettings

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
