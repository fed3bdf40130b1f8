from __future__ import annotations

import json
from pathlib import Path

import pytest
from policy_extract.outputs.jsonio import dumps_json, write_document_json, write_json

from policy_extract.core.model import Document, document_from_dict, to_jsonable


def test_document_json_text_is_stable_and_readable(tmp_path: Path, document: Document) -> None:
    text = write_document_json(document, tmp_path / "document.json").read_text(encoding="utf-8")
    assert text.endswith("}\n")
    assert '"value": 93.86,' in text
    assert '"value": 100.0,' in text  # a whole float stays a float, as in the model
    assert '"year": 2020,' in text
    assert "制造业产品质量合格率" in text  # not \\u-escaped
    assert text.startswith('{\n  "schema_version": "1",\n  "source": {')
    assert text == dumps_json(to_jsonable(document))


def test_document_json_round_trips_through_the_model(tmp_path: Path, document: Document) -> None:
    path = write_document_json(document, tmp_path / "document.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert to_jsonable(document_from_dict(data)) == data


def test_failed_write_keeps_old_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = write_json({"a": 1}, tmp_path / "x.json")
    with pytest.raises(ValueError):
        write_json({"a": float("nan")}, target)  # NaN is not JSON: refused before anything is written
    assert target.read_text(encoding="utf-8") == '{\n  "a": 1\n}\n'
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_atomic_write_replaces_existing_file(tmp_path: Path) -> None:
    target = write_json([1], tmp_path / "sub" / "x.json")
    write_json([2], target)
    assert json.loads(target.read_text(encoding="utf-8")) == [2]
    assert sorted(p.name for p in target.parent.iterdir()) == ["x.json"]
