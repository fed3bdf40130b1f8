"""``manifest.json``: one record per input file, in input order (schema: ``schema/manifest.schema.json``)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from policy_extract.core.errors import ErrorCode
from policy_extract.core.model import LOST_PART_CODES, Document

from .jsonio import dumps_json, write_bytes_atomic, write_json

ManifestStatus = Literal["ok", "partial", "failed"]


@dataclass(frozen=True, slots=True)
class ManifestError:
    code: str
    """One of :class:`~policy_extract.core.errors.ErrorCode` (as its plain string value)."""
    message: str


@dataclass(frozen=True, slots=True)
class ManifestRecord:
    file: str
    doc_id: str
    sha256: str | None
    status: ManifestStatus
    error: ManifestError | None = None
    pages: int | None = None
    warnings: int = 0
    """Number of warnings in the document (the codes are in its document.json)."""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def document_status(doc: Document) -> ManifestStatus:
    """``partial`` when part of the document is missing from the output, else ``ok``.

    Rule: a warning whose code is in the model's ``LOST_PART_CODES`` (a stage that raised on part of the
    document, a content stream cut short) means that part is lost.  Other warnings (an odd date, a suspicious
    table, one damaged coordinate left out) are advice for reviewers and leave the status ``ok``.
    """
    lost = any(w.code in LOST_PART_CODES for w in doc.warnings)
    return "partial" if lost else "ok"


def record_for_document(file: str, doc_id: str, sha256: str | None, doc: Document) -> ManifestRecord:
    """The record of a document that was processed and written."""
    return ManifestRecord(
        file=file,
        doc_id=doc_id,
        sha256=sha256 or doc.source.sha256,
        status=document_status(doc),
        pages=doc.source.pages,
        warnings=len(doc.warnings),
    )


def record_for_failure(file: str, doc_id: str, sha256: str | None, code: str, message: str) -> ManifestRecord:
    """The record of a document that failed (nothing was written for it).

    ``code`` must be an :class:`~policy_extract.core.errors.ErrorCode` value (a ValueError names any other).
    """
    return ManifestRecord(file, doc_id, sha256, "failed", ManifestError(ErrorCode(code).value, message))


def write_manifest(records: list[ManifestRecord], path: str | os.PathLike[str]) -> Path:
    """Write manifest.json (records in the given order) atomically."""
    return write_json([r.to_json() for r in records], path)


def write_validated_manifest(records: list[ManifestRecord], path: str | os.PathLike[str],
                             stamp: Path) -> bool:
    """Write manifest.json once it matches ``manifest.schema.json``; returns whether it was validated.

    ``stamp`` holds the digest of the last text validated (with the schema it was validated against): an
    unchanged rerun, whose manifest is that same text, neither loads jsonschema nor rewrites the file.
    """
    from .schema import MANIFEST_SCHEMA, SCHEMA_DIR, validate_manifest

    data = [r.to_json() for r in records]
    text = dumps_json(data).encode("utf-8")
    schema = (SCHEMA_DIR / MANIFEST_SCHEMA).read_bytes()
    digest = hashlib.sha256(hashlib.sha256(schema).digest() + text).hexdigest()
    target = Path(path)
    if _read_text(stamp) == digest and _read_bytes(target) == text:
        return False
    validate_manifest(data)
    write_bytes_atomic(target, text)
    write_bytes_atomic(stamp, (digest + "\n").encode("utf-8"))
    return True


def _read_text(path: Path) -> str | None:
    data = _read_bytes(path)
    return None if data is None else data.decode("utf-8", "replace").strip()


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
