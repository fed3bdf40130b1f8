"""document.json (and other JSON files of OUTDIR): stable, human-readable, written atomically; read back
with one clear error (never a traceback) when a file is unreadable, truncated or of another contract."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from policy_extract.core.model import Document

# The model and the errors are imported where used: the atomic writers alone (the unchanged rerun's run.json,
# policy_extract.batch.rerun) load only the standard library.

DEFAULT_INDENT = 2


def dumps_json(data: Any) -> str:
    """The canonical text of a JSON file: UTF-8 Chinese as is, 2-space indent, trailing newline.

    Floats keep Python's shortest round-trip form (``93.86`` stays ``93.86``, ``100.0`` stays ``100.0``),
    so the text is byte-stable across reruns.  NaN/Infinity are refused: they are not JSON.
    """
    return json.dumps(data, ensure_ascii=False, indent=DEFAULT_INDENT, allow_nan=False) + "\n"


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to a temp file beside ``path``, then ``os.replace`` it: no reader sees half a file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Not tempfile.mkstemp: its 0600 mode would stick to the result; 0666 lets the user's umask decide.
    tmp = target.parent / f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"  # secrets.token_hex(4)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def write_json(data: Any, path: str | os.PathLike[str]) -> Path:
    """Write any JSON-able value with :func:`dumps_json`, atomically."""
    return write_bytes_atomic(path, dumps_json(data).encode("utf-8"))


def write_document_json(doc: Document, path: str | os.PathLike[str]) -> Path:
    """Write ``doc`` as document.json (SPEC key order, see :func:`policy_extract.core.model.to_jsonable`),
    after :func:`~policy_extract.core.model.check_references`: no file holds a dangling id."""
    from policy_extract.core.model import check_references, to_jsonable

    check_references(doc)
    return write_json(to_jsonable(doc), path)


def read_json(path: str | os.PathLike[str]) -> Any:
    """A JSON file of an OUTDIR; unreadable or truncated is a :class:`UsageError` naming the file."""
    from policy_extract.core.errors import UsageError

    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"cannot read {os.fspath(path)} as JSON: {exc}") from exc


def read_document_json(path: str | os.PathLike[str]) -> Document:
    """A document.json as a :class:`Document`; another contract version or shape is a :class:`UsageError`."""
    from policy_extract.core.errors import SchemaVersionError, UsageError
    from policy_extract.core.model import document_from_dict

    data = read_json(path)
    if not isinstance(data, dict) or "schema_version" not in data:
        raise UsageError(f"{os.fspath(path)} is not a document.json (no schema_version)")
    try:
        return document_from_dict(data)
    except SchemaVersionError as exc:
        raise UsageError(f"{os.fspath(path)}: {exc.message}") from exc
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        problem = f"{type(exc).__name__}: {exc}"
        raise UsageError(f"{os.fspath(path)} is not a document.json ({problem})") from exc


def read_manifest_json(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """manifest.json's records; each must at least name its ``doc_id`` and ``status`` (else UsageError)."""
    from policy_extract.core.errors import UsageError

    records = read_json(path)
    if not isinstance(records, list):
        raise UsageError(f"{os.fspath(path)} is not a manifest (expected a list of records)")
    for record in records:
        if not isinstance(record, dict) or not {"doc_id", "status"} <= record.keys():
            raise UsageError(f"{os.fspath(path)} has a record without doc_id/status")
    return records
