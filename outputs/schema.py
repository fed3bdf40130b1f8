"""Validation of document.json and manifest.json against the JSON Schemas shipped in ``outputs/schema/``."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from policy_extract.core.errors import ErrorCode, PolicyExtractError
from policy_extract.core.model import Document, check_references, to_jsonable

SCHEMA_DIR = Path(__file__).resolve().parent / "schema"
DOCUMENT_SCHEMA = "document.schema.json"
MANIFEST_SCHEMA = "manifest.schema.json"
DEFAULT_MAX_REPORTED = 5


class SchemaValidationError(PolicyExtractError, ValueError):
    """Output that breaks the contract: a bug in the pipeline, recorded as ``internal`` in the manifest."""

    code = ErrorCode.INTERNAL

    def __init__(self, message: str, *, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


def load_schema(name: str) -> dict[str, Any]:
    """The parsed schema file ``outputs/schema/<name>``."""
    return dict(_cached_schema(name))


@cache
def _cached_schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


@cache
def _validator(name: str) -> Any:
    """The validator of a shipped schema (built once per process; that the schemas themselves are valid
    Draft 2020-12 is a test, ``tests/outputs/test_document_schema.py``, not a cost paid by every worker)."""
    from jsonschema import Draft202012Validator

    schema = _cached_schema(name)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _json_path(path: Any) -> str:
    """``("tables", 0, "cells", 3, "bbox")`` → ``$.tables[0].cells[3].bbox``."""
    out = "$"
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _error_order(error: Any) -> tuple[list[str], str]:
    return [str(p) for p in error.absolute_path], error.message


def _most_specific(error: Any) -> Any:
    """For ``anyOf``/``oneOf`` failures, the branch error that says what is actually wrong."""
    from jsonschema.exceptions import best_match

    return best_match(error.context) if error.context else error


def schema_problems(data: Any, name: str = DOCUMENT_SCHEMA) -> list[str]:
    """Every violation as ``<json path>: <what is wrong>``, in a stable order (empty when valid)."""
    errors = sorted((_most_specific(e) for e in _validator(name).iter_errors(data)), key=_error_order)
    return [f"{_json_path(e.absolute_path)}: {e.message}" for e in errors]


@cache
def _quick(name: str) -> Any:
    from .schemacheck import quick_check

    return quick_check(_cached_schema(name))


def validate(data: Any, name: str) -> None:
    """Raise :class:`SchemaValidationError` naming the first violations of schema ``name``.

    Data the quick test passes (:mod:`.schemacheck`: sound, and what every valid document gives) is valid
    without jsonschema, which is imported, and asked, only for anything else."""
    check = _quick(name)
    if check is not None and check(data):
        return
    problems = schema_problems(data, name)
    if not problems:
        return
    shown = "; ".join(problems[:DEFAULT_MAX_REPORTED])
    extra = len(problems) - DEFAULT_MAX_REPORTED
    more = f" (and {extra} more)" if extra > 0 else ""
    raise SchemaValidationError(f"output does not match {name}: {shown}{more}", problems=problems)


def validate_document(data: dict[str, Any]) -> None:
    """Check a document.json dict (``model.to_jsonable(doc)``) against ``document.schema.json``."""
    validate(data, DOCUMENT_SCHEMA)


def checked_document_json(doc: Document) -> dict[str, Any]:
    """The document.json dict of ``doc``, once its cross-references and the JSON Schema hold.

    The one gate before a document is written: a :class:`DocumentReferenceError` or
    :class:`SchemaValidationError` here is a bug of the pipeline (recorded as ``internal``).
    """
    check_references(doc)
    data = to_jsonable(doc)
    validate_document(data)
    return data


def validate_manifest(data: list[dict[str, Any]]) -> None:
    """Check a manifest.json list against ``manifest.schema.json``."""
    validate(data, MANIFEST_SCHEMA)
