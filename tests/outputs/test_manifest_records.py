from __future__ import annotations

from pathlib import Path

from outputs.manifest import document_status, record_for_document, record_for_failure, write_manifest
from outputs.schema import validate_manifest
from policy_extract.model import Document, Warning


def test_status_ok_with_advisory_warnings(document: Document) -> None:
    assert document_status(document) == "ok"


def test_status_partial_needs_stage_and_code_prefix(document: Document) -> None:
    document.warnings.append(Warning("partial_table", "no stage", 3, None))
    assert document_status(document) == "ok"
    document.warnings.append(Warning("error_page", "page 4 unreadable", 4, "extract"))
    assert document_status(document) == "partial"


def test_records_serialize_per_schema(tmp_path: Path, document: Document) -> None:
    records = [
        record_for_document("in/a.pdf", "a", "f" * 64, document),
        record_for_failure("in/b.pdf", "b", None, "corrupt", "bad xref"),
    ]
    path = write_manifest(records, tmp_path / "manifest.json")
    import json

    data = json.loads(path.read_text(encoding="utf-8"))
    validate_manifest(data)
    assert data[0] == {"file": "in/a.pdf", "doc_id": "a", "sha256": "f" * 64, "status": "ok", "error": None,
                       "pages": 6, "warnings": 1}  # fmt: skip
    assert data[1]["error"] == {"code": "corrupt", "message": "bad xref"}
    assert data[1]["status"] == "failed" and data[1]["pages"] is None
