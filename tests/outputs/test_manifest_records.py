from __future__ import annotations

from pathlib import Path

import pytest
from policy_extract.outputs.manifest import (
    ManifestRecord,
    document_status,
    record_for_document,
    record_for_failure,
    write_manifest,
    write_validated_manifest,
)
from policy_extract.outputs.schema import validate_manifest

from policy_extract.core.model import STAGE_FAILED, Document, DocWarning


def test_status_ok_with_advisory_warnings(document: Document) -> None:
    assert document_status(document) == "ok"


def test_status_partial_only_when_a_stage_failed(document: Document) -> None:
    document.warnings.append(DocWarning("table_sparse", "t1: 9 of 12 cells are empty", 3, "normalize"))
    assert document_status(document) == "ok"
    document.warnings.append(DocWarning(STAGE_FAILED, "normalize.duties: KeyError: 3", None, "normalize.duties"))
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


def test_an_unchanged_manifest_is_neither_validated_nor_rewritten_again(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """An unchanged rerun writes the same manifest: the stamp says that text passed the schema already."""
    from policy_extract.outputs import schema

    path, stamp = tmp_path / "manifest.json", tmp_path / ".state" / "manifest.json.sha256"
    records = [record_for_failure("in/b.pdf", "b", None, "corrupt", "bad xref")]
    assert write_validated_manifest(records, path, stamp)
    written = path.read_bytes()
    assert written == write_manifest(records, tmp_path / "plain.json").read_bytes()

    def refuse(_data: object) -> None:
        raise AssertionError("validated again")

    monkeypatch.setattr(schema, "validate_manifest", refuse)
    assert not write_validated_manifest(records, path, stamp)
    path.write_text("[]\n", encoding="utf-8")  # edited by hand: checked and written again
    with pytest.raises(AssertionError, match="validated again"):
        write_validated_manifest(records, path, stamp)


def test_a_changed_manifest_is_validated_before_it_is_written(tmp_path: Path) -> None:
    path, stamp = tmp_path / "manifest.json", tmp_path / "stamp"
    write_validated_manifest([record_for_failure("in/b.pdf", "b", None, "corrupt", "x")], path, stamp)
    bad = [ManifestRecord("in/c.pdf", "c", None, "exploded")]  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="manifest"):
        write_validated_manifest(bad, path, stamp)
    assert b"exploded" not in path.read_bytes()
