"""The model guards its contract: schema_version checked on read, cross-references checked before writing,
unreadable outputs refused by ``diff``/``review`` with one line and exit status 2, error codes defined once."""

from __future__ import annotations

import copy
import dataclasses
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from doc_factory import dangling_process, make_document
from policy_extract.outputs.jsonio import read_document_json, write_document_json
from policy_extract.outputs.manifest import record_for_failure
from policy_extract.outputs.schema import MANIFEST_SCHEMA, checked_document_json, load_schema

from policy_extract import cli
from policy_extract.core import errors
from policy_extract.core.errors import (
    ERROR_CODES,
    REUSABLE_FAILURES,
    DocumentReferenceError,
    ErrorCode,
    PolicyExtractError,
    SchemaVersionError,
    UsageError,
)
from policy_extract.core.model import (
    SCHEMA_VERSION,
    Document,
    OutlineNode,
    Paragraph,
    Sidebar,
    document_from_dict,
    reference_problems,
    to_jsonable,
)

REPO = Path(__file__).resolve().parents[2]
EXPECTED = REPO / "samples" / "expected" / "stress_continued_table" / "document.json"


# --------------------------------------------------------------------------------------- schema_version


def expected_data() -> dict[str, Any]:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("version", "words"),
    [
        ("2", "is newer than the '1'"),
        ("0", "'0' is unknown"),
        ("1.0", "'1.0' is unknown"),
        (1, "1 is unknown"),
    ],
)
def test_other_schema_versions_are_refused_naming_both(version: object, words: str) -> None:
    data = {**expected_data(), "schema_version": version}
    with pytest.raises(SchemaVersionError, match=words) as info:
        document_from_dict(data)
    assert f"reads {SCHEMA_VERSION!r}" in str(info.value) or f"the {SCHEMA_VERSION!r}" in str(info.value)
    assert (info.value.found, info.value.supported) == (version, SCHEMA_VERSION)
    assert isinstance(info.value, PolicyExtractError)


def test_version_is_checked_before_any_other_key() -> None:
    """A newer contract may rename keys: the refusal must name the version, not a KeyError."""
    with pytest.raises(SchemaVersionError, match="'2' is newer"):
        document_from_dict({"schema_version": "2", "renamed_source": {}})
    with pytest.raises(SchemaVersionError, match=r"\(missing\) is unknown"):
        document_from_dict({"source": {}})


def test_current_version_round_trips() -> None:
    data = expected_data()
    assert to_jsonable(document_from_dict(data)) == data


# ------------------------------------------------------------------------------ diff and review refusals


def make_outdir(root: Path, doc_text: str | None = None, manifest_text: str | None = None) -> Path:
    """An OUTDIR of one expected document; ``doc_text``/``manifest_text`` replace the files' text."""
    folder = root / "docs" / "stress_continued_table"
    folder.mkdir(parents=True)
    shutil.copy(EXPECTED, folder / "document.json")
    if doc_text is not None:
        (folder / "document.json").write_text(doc_text, encoding="utf-8")
    src = expected_data()["source"]
    record = {"file": f"samples/pdf/{src['file']}", "doc_id": "stress_continued_table", "sha256": src["sha256"],
              "status": "ok", "error": None, "pages": src["pages"], "warnings": 0}  # fmt: skip
    (root / "manifest.json").write_text(manifest_text or json.dumps([record]), encoding="utf-8")
    return root


def newer_doc_text() -> str:
    return json.dumps({**expected_data(), "schema_version": "2"}, ensure_ascii=False)


BROKEN: dict[str, tuple[Callable[[Path], Path], str]] = {
    "newer document": (lambda r: make_outdir(r, doc_text=newer_doc_text()), "'2' is newer than the '1'"),
    "truncated document": (
        lambda r: make_outdir(r, doc_text=EXPECTED.read_text(encoding="utf-8")[:500]),
        "as JSON",
    ),
    "empty document": (lambda r: make_outdir(r, doc_text=""), "as JSON"),
    "not a document": (lambda r: make_outdir(r, doc_text='{"a": 1}'), "is not a document.json"),
    "keys missing": (lambda r: make_outdir(r, doc_text='{"schema_version": "1"}'), "(KeyError: 'source')"),
    "truncated manifest": (lambda r: make_outdir(r, manifest_text='[{"doc_id": "st'), "as JSON"),
    "manifest of objects": (lambda r: make_outdir(r, manifest_text="{}"), "is not a manifest"),
    "record without doc_id": (lambda r: make_outdir(r, manifest_text='[{"status": "ok"}]'), "without doc_id"),
}


@pytest.mark.parametrize("case", list(BROKEN))
@pytest.mark.parametrize("command", ["diff", "review"])
def test_unreadable_outputs_exit_2_with_one_line(
    case: str, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, words = BROKEN[case]
    broken = make(tmp_path / "broken")
    argv = (
        ["diff", str(make_outdir(tmp_path / "good")), str(broken)]
        if command == "diff"
        else ["review", str(broken)]
    )
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert err.count("\n") == 1, err


def test_diff_of_two_document_files_refuses_a_newer_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newer = tmp_path / "document.json"
    newer.write_text(newer_doc_text(), encoding="utf-8")
    assert cli.main(["diff", str(EXPECTED), str(newer)]) == 2
    assert f"{newer}: schema_version '2' is newer than the '1'" in capsys.readouterr().err


def test_diff_reports_a_listed_document_whose_file_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, the missing document compared as empty on that side and the runs could look equal."""
    old, new = make_outdir(tmp_path / "old"), make_outdir(tmp_path / "new")
    (new / "docs" / "stress_continued_table" / "document.json").unlink()
    assert cli.main(["diff", str(old), str(new)]) == 2
    err = capsys.readouterr().err
    assert "lists stress_continued_table as ok, but" in err and "document.json is missing" in err


def test_reader_names_the_file(tmp_path: Path) -> None:
    path = (
        make_outdir(tmp_path, doc_text=newer_doc_text()) / "docs" / "stress_continued_table" / "document.json"
    )
    with pytest.raises(UsageError, match=f"^{path}: schema_version"):
        read_document_json(path)


# ------------------------------------------------------------------------------------ cross-references


BREAKS: dict[str, tuple[Callable[[Document], None], str]] = {
    "indicator.table": (lambda d: setattr(d.indicators[0], "table", "t9"), "i1.table → 't9': no such table"),
    "duty.table": (lambda d: setattr(d.duties[0], "table", "t2"), "d1.table → 't2': no such table"),
    "duty.section": (lambda d: setattr(d.duties[0], "section", "s7"), "d1.section → 's7': no such heading"),
    "outline.parent": (
        lambda d: d.outline.append(OutlineNode("s2", "s3", 2, "（一）", "x", 2)),
        "s2.parent → 's3': no such earlier heading",
    ),
    "sidebar": (
        lambda d: d.sidebars.append(Sidebar("b1", 1, "专栏", "s5", 2, tables=["t4"])),
        "b1.section → 's5': no such heading; b1.tables → 't4': no such table",
    ),
    "paragraph.section": (
        lambda d: d.paragraphs.append(Paragraph("s8", 3, "正文")),
        "paragraph@p3.section → 's8': no such heading",
    ),
    "repeated id": (lambda d: d.tables.append(copy.deepcopy(d.tables[0])), "table id 't1' is repeated"),
}


def test_a_built_document_has_no_dangling_reference() -> None:
    assert reference_problems(make_document()) == []


@pytest.mark.parametrize("case", list(BREAKS))
def test_dangling_references_are_refused_before_writing(case: str, tmp_path: Path) -> None:
    doc = make_document()
    breaker, words = BREAKS[case]
    breaker(doc)
    with pytest.raises(DocumentReferenceError, match=words) as info:
        write_document_json(doc, tmp_path / "document.json")
    assert info.value.code == ErrorCode.INTERNAL  # a pipeline bug, recorded as internal
    assert not (tmp_path / "document.json").exists()
    with pytest.raises(DocumentReferenceError):
        checked_document_json(doc)


def test_the_batch_records_a_dangling_reference_as_internal(tmp_path: Path) -> None:
    """The batch writes through the same gate: nothing is written, the manifest names the reference."""
    from policy_extract.batch import run_batch

    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4 stand-in")
    result = run_batch(
        [str(tmp_path / "a.pdf")], tmp_path / "out", process=dangling_process, workers=1, progress=False
    )
    (record,) = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert result.exit_code == 1 and record["error"]["code"] == "internal"
    assert "i1.table → 't9': no such table" in record["error"]["message"]
    assert not (tmp_path / "out" / "docs" / "a").exists()


def test_checked_document_json_is_the_written_dict(tmp_path: Path) -> None:
    doc = make_document()
    path = write_document_json(doc, tmp_path / "document.json")
    assert json.loads(path.read_text(encoding="utf-8")) == checked_document_json(doc)


# ------------------------------------------------------------------------------------------ error codes


def manifest_code_schema() -> dict[str, Any]:
    error = load_schema(MANIFEST_SCHEMA)["items"]["properties"]["error"]
    return error["oneOf"][1]["properties"]["code"]


def test_manifest_schema_enum_and_description_are_the_defined_codes() -> None:
    schema = manifest_code_schema()
    assert schema["enum"] == [code.value for code in ErrorCode]
    assert schema["description"] == errors.error_codes_description()


def test_every_code_has_a_rule_and_every_error_class_a_defined_code() -> None:
    assert list(ERROR_CODES) == list(ErrorCode)
    manifest_classes = [c for c in vars(errors).values()
                        if isinstance(c, type) and issubclass(c, PolicyExtractError)
                        and not issubclass(c, UsageError)]  # fmt: skip
    assert all(c.code in ErrorCode for c in manifest_classes)


def test_resume_rules_come_from_the_codes() -> None:
    """Reused: failures a rerun cannot change; retried: a password may help, a crash may be fixed."""
    assert dict(REUSABLE_FAILURES) == {
        "not_pdf": None, "corrupt": None, "timeout": "timeout", "too_large": "max_memory", "no_text": None,
    }  # fmt: skip
    assert {c for c in ErrorCode if c not in REUSABLE_FAILURES} == {ErrorCode.ENCRYPTED, ErrorCode.INTERNAL}


def test_manifest_writer_takes_only_defined_codes() -> None:
    record = record_for_failure("a.pdf", "a", None, ErrorCode.CORRUPT, "bad xref")
    assert type(record.error.code) is str and json.dumps(record.to_json()["error"]) == (
        '{"code": "corrupt", "message": "bad xref"}'
    )
    with pytest.raises(ValueError, match="'broken' is not a valid ErrorCode"):
        record_for_failure("a.pdf", "a", None, "broken", "x")


def test_error_code_rule_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        ERROR_CODES[ErrorCode.CORRUPT].reusable = False  # type: ignore[misc]
