"""The quick schema test (outputs.schemacheck) is sound: whatever it passes, jsonschema accepts; and it passes
every document the pipeline writes, so workers validate without jsonschema."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from policy_extract.outputs import schema
from policy_extract.outputs.schemacheck import quick_check

REPO = Path(__file__).resolve().parents[2]
EXPECTED = sorted(REPO.glob("samples/**/expected/**/document.json"))
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 10**6) | st.floats(allow_nan=False, width=32)
    | st.text(max_size=8) | st.sampled_from(["1", "ok", "partial", "t1", "p1", "#", "", "千", "a1"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def _quick() -> Any:
    check = quick_check(schema.load_schema(schema.DOCUMENT_SCHEMA))
    assert check is not None
    return check


def _paths(node: Any, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _paths(value, (*path, i))
    return out


def _load(path: Path) -> dict[str, Any]:
    """An expected document.json as the pipeline writes it (the real corpus's files carry their ``truth``)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("truth", None)
    return data


def test_every_expected_document_passes_the_quick_test() -> None:
    check = _quick()
    assert len(EXPECTED) > 20
    assert all(check(_load(p)) for p in EXPECTED)


def _mutate(doc: Any, data: st.DataObject, value: Any, how: str) -> Any:
    """``doc`` with one value replaced, deleted or added somewhere (a copy)."""
    doc = copy.deepcopy(doc)
    where = data.draw(st.sampled_from(_paths(doc)[1:]))
    parent = doc
    for step in where[:-1]:
        parent = parent[step]
    last = where[-1]
    if how == "replace":
        parent[last] = value
    elif how == "delete" and isinstance(parent, dict):
        del parent[last]
    elif how == "delete":
        parent.pop(last)
    elif isinstance(parent, dict):
        parent[f"{last}_x"] = value
    else:
        parent.insert(last, value)
    return doc


HOW = st.sampled_from(["replace", "delete", "add"])


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(EXPECTED[::6]), st.data(), JSON_VALUES, HOW)
def test_what_the_quick_test_passes_jsonschema_accepts(path: Path, data: st.DataObject, value: Any,
                                                       how: str) -> None:
    doc = _mutate(_load(path), data, value, how)
    if _quick()(doc):
        assert schema.schema_problems(doc) == []


MANIFEST = [
    {"file": "a.pdf", "doc_id": "a", "sha256": "0" * 64, "status": "ok", "error": None, "pages": 2, "warnings": 0},
    {"file": "b.pdf", "doc_id": "b", "sha256": None, "status": "failed",
     "error": {"code": "timeout", "message": "slow"}, "pages": None, "warnings": 0},
]


@settings(max_examples=300, deadline=None)
@given(st.data(), JSON_VALUES, HOW)
def test_what_the_quick_test_passes_of_a_manifest_jsonschema_accepts(data: st.DataObject, value: Any,
                                                                     how: str) -> None:
    manifest = _mutate(MANIFEST, data, value, how)
    check = quick_check(schema.load_schema(schema.MANIFEST_SCHEMA))
    assert check is not None
    if check(manifest):
        assert schema.schema_problems(manifest, schema.MANIFEST_SCHEMA) == []


@pytest.mark.parametrize(("node", "value", "verdict"), [
    ({"type": "integer"}, 3.0, True), ({"type": "integer"}, True, False), ({"type": "number"}, True, False),
    ({"const": "1"}, "1", True), ({"const": 1}, 1.0, False), ({"enum": [1, 2]}, True, False),
    ({"minimum": 0}, "x", True), ({"pattern": "^a"}, 5, True), ({"pattern": "^a"}, "ba", False),
    ({"prefixItems": [{"type": "number"}], "items": {"type": "string"}}, [1, "a", "b"], True),
    ({"prefixItems": [{"type": "number"}], "items": {"type": "string"}}, [1, 2], False),
    ({"properties": {"a": {"type": "string"}}, "additionalProperties": False}, {"a": "x", "b": 1}, False),
    ({"required": ["a"]}, [], True),
])  # fmt: skip
def test_keywords_as_draft_2020_12_reads_them(node: dict, value: Any, verdict: bool) -> None:
    from jsonschema import Draft202012Validator

    check = quick_check(node)
    assert check is not None and check(value) is verdict
    if verdict:
        assert Draft202012Validator(node).is_valid(value)


def test_a_keyword_it_does_not_know_leaves_the_schema_to_jsonschema() -> None:
    assert quick_check({"oneOf": [{"type": "number"}, {"type": "integer", "minimum": 3}]}) is None  # overlap
    assert quick_check({"oneOf": [{"minimum": 3}]}) is None
    assert quick_check({"type": "object", "properties": {"a": {"maxLength": 3}}}) is None


def test_the_manifest_passes_the_quick_test_only_where_jsonschema_does() -> None:
    check = quick_check(schema.load_schema(schema.MANIFEST_SCHEMA))
    ok = {"file": "a.pdf", "doc_id": "a", "sha256": "0" * 64, "status": "ok", "error": None, "pages": 2,
          "warnings": 0}
    failed = {**ok, "status": "failed", "error": {"code": "timeout", "message": "slow"}, "pages": None}
    assert check is not None and check([ok, failed]) and check([])
    for bad in ({**ok, "error": {"code": "nope", "message": "x"}}, {**ok, "error": "x"}, {**ok, "pages": -1},
                {**ok, "sha256": "ABC"}, {**ok, "doc_id": ""}, {**failed, "error": {"code": "timeout"}}):
        assert not check([bad]) and schema.schema_problems([bad], schema.MANIFEST_SCHEMA)


def test_a_worker_validates_a_document_without_importing_jsonschema() -> None:
    code = (
        "import sys, json\n"
        "from policy_extract.outputs import schema\n"
        f"schema.validate_document(json.loads(open({str(EXPECTED[0])!r}, encoding='utf-8').read()))\n"
        "print('jsonschema' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_nested_id_leaves_the_schema_to_jsonschema() -> None:
    """Review: a ``$ref`` under a nested ``$id`` resolves against that id, not the root; the compiler read it
    against the root, so such a schema gets no quick test."""
    nested = {"$id": "https://example.org/root", "properties": {
        "a": {"$id": "https://example.org/inner", "$defs": {"t": {"type": "string"}}, "$ref": "#/$defs/t"}},
        "$defs": {"t": {"type": "integer"}}}
    assert quick_check(nested) is None
    assert quick_check({"$id": "https://example.org/root", "type": "object"}) is not None
