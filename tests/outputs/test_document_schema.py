from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from policy_extract.outputs.jsonio import write_document_json
from policy_extract.outputs.schema import (
    DOCUMENT_SCHEMA,
    MANIFEST_SCHEMA,
    SchemaValidationError,
    load_schema,
    validate_document,
    validate_manifest,
)

from policy_extract.core.model import Document, to_jsonable


def test_writer_output_is_valid(tmp_path: Path, document: Document) -> None:
    path = write_document_json(document, tmp_path / "document.json")
    validate_document(json.loads(path.read_text(encoding="utf-8")))


def test_minimal_document_is_valid() -> None:
    from policy_extract.core.model import Source

    validate_document(to_jsonable(Document(Source("x.pdf", "a" * 64, 1))))


def _broken(document: Document, change: Any) -> dict[str, Any]:
    data = copy.deepcopy(to_jsonable(document))
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["indicators"][0]["values"][0].update(op="≥"), "$.indicators[0].values[0].op"),
        (lambda d: d["duties"][0]["deadline"].update(end="2014/12/31"), "$.duties[0].deadline.end"),
        (lambda d: d["meta"].update(date="2021-11-30T00:00"), "$.meta.date"),
        (lambda d: d.update(extra=1), "$: Additional properties"),
        (lambda d: d["tables"][0]["cells"][0].pop("rowspan"), "$.tables[0].cells[0]: 'rowspan'"),
        (lambda d: d["tables"][0]["cells"][0].update(bbox=[1, 2, 3]), "$.tables[0].cells[0].bbox"),
        (lambda d: d["source"].update(text_layer="scanned"), "$.source.text_layer"),
        (lambda d: d["duties"][0].update(source="appendix"), "$.duties[0].source"),
        (lambda d: d["indicators"][0].update(attribute="指导性"), "$.indicators[0].attribute"),
        (lambda d: d["indicators"][0]["values"][1].update(kind="goal"), "$.indicators[0].values[1].kind"),
        (lambda d: d.pop("warnings"), "'warnings' is a required property"),
    ],
)
def test_broken_document_is_rejected_with_its_path(document: Document, change: Any, where: str) -> None:
    with pytest.raises(SchemaValidationError) as info:
        validate_document(_broken(document, change))
    assert where in str(info.value)
    assert info.value.code == "internal"


def _properties(node: Any) -> list[tuple[str, dict[str, Any]]]:
    """Every (name, definition) under a ``properties`` keyword anywhere in the schema."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            found.append((name, sub))
        for value in node.values():
            found.extend(_properties(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_properties(value))
    return found


@pytest.mark.parametrize("name", [DOCUMENT_SCHEMA, MANIFEST_SCHEMA])
def test_schemas_document_every_field(name: str) -> None:
    from jsonschema import Draft202012Validator

    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    defs = schema.get("$defs", {})
    for prop, sub in _properties(schema):
        target = defs[sub["$ref"].split("/")[-1]] if "$ref" in sub else sub
        assert target.get("description"), f"{name}: field {prop!r} has no description"


def test_schema_lists_the_documented_extras() -> None:
    defs = load_schema(DOCUMENT_SCHEMA)["$defs"]
    assert "bbox" in defs["outlineNode"]["properties"]
    assert "raw" in defs["meta"]["properties"] and "raw" in defs["cell"]["properties"]
    assert {"section", "bboxes", "method"} <= set(defs["table"]["properties"])
    assert "stage" in defs["warning"]["properties"]


def test_manifest_schema_rejects_unknown_code() -> None:
    record = {"file": "a.pdf", "doc_id": "a", "sha256": None, "status": "failed",
              "error": {"code": "oops", "message": "m"}, "pages": None, "warnings": 0}  # fmt: skip
    with pytest.raises(SchemaValidationError, match=r"\$\[0\]\.error"):
        validate_manifest([record])
    record["error"] = {"code": "corrupt", "message": "m"}
    validate_manifest([record])


def test_validation_never_fetches_the_schema_urls(monkeypatch: pytest.MonkeyPatch, document: Document) -> None:
    """``$schema``/``$id`` are identifiers: the metaschema ships with jsonschema and nothing is fetched."""
    import socket

    from policy_extract.outputs.schema import validate_document as validate

    def no_network(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("schema validation tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    validate(to_jsonable(document))
