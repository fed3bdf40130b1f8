"""``policy-extract diff``: exactly the changes made, in three formats, with the SPEC's exit codes."""

from __future__ import annotations

import copy
import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from policy_extract.outputs.diff import DiffSettings, diff_documents, diff_paths, render_markdown, render_text

from policy_extract import cli
from policy_extract.core.errors import UsageError
from policy_extract.core.model import Cell, document_from_dict

REPO = Path(__file__).resolve().parents[2]
EXPECTED = REPO / "samples" / "expected"
DOCS = ("stress_continued_table", "stress_inline_owners")
INDICATOR = "能源利用 / 规模以上工业单位增加值能耗"


def make_outdir(root: Path, edit: Any = None) -> Path:
    """An OUTDIR holding copies of two expected documents (``edit(doc_id, data)`` may change them)."""
    records = []
    for doc_id in DOCS:
        data = json.loads((EXPECTED / doc_id / "document.json").read_text(encoding="utf-8"))
        if edit:
            edit(doc_id, data)
        folder = root / "docs" / doc_id
        folder.mkdir(parents=True)
        (folder / "document.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        src = data["source"]
        records.append({"file": f"samples/pdf/{src['file']}", "doc_id": doc_id, "sha256": src["sha256"],
                        "status": "ok", "error": None, "pages": src["pages"], "warnings": 0})  # fmt: skip
    (root / "manifest.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return root


def indicator_2025(data: dict[str, Any]) -> dict[str, Any]:
    ind = next(i for i in data["indicators"] if i["name"] == "规模以上工业单位增加值能耗")
    return next(v for v in ind["values"] if v["year"] == 2025)


def edit_one_value(doc_id: str, data: dict[str, Any]) -> None:
    """The 2025 target of one indicator: 累计下降13.5% → 累计下降14% (text and number, as a rerun would)."""
    if doc_id == "stress_continued_table":
        value = indicator_2025(data)
        assert value["raw"] == "累计下降13.5%"
        value["raw"], value["value"] = "累计下降14%", 14.0


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def runs(tmp_path: Path) -> tuple[Path, Path]:
    return make_outdir(tmp_path / "old"), make_outdir(tmp_path / "new", edit_one_value)


def test_one_edited_value_is_the_only_change_reported(
    runs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = runs
    code, out, _ = run_cli(["diff", str(old), str(new), "--json"], capsys)
    assert code == 1
    assert json.loads(out) == {
        "old": str(old),
        "new": str(new),
        "equal": False,
        "documents": list(DOCS),
        "counts": {"added": 0, "removed": 0, "changed": 1},
        "changes": [
            {"doc_id": "stress_continued_table", "part": "indicator", "op": "changed", "key": INDICATOR,
             "field": "2025", "old": "累计下降13.5%", "new": "累计下降14%"},
        ],
    }  # fmt: skip


def test_text_report_names_the_change(runs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["diff", *map(str, runs)], capsys)
    assert code == 1
    assert out.splitlines() == [
        "stress_continued_table",
        f"  ~ indicator {INDICATOR} 2025: 累计下降13.5% → 累计下降14%",
        "1 changes: 0 added, 0 removed, 1 changed",
    ]
    assert "\x1b[" not in out  # not a terminal: no colour codes


def test_markdown_report_is_a_table(runs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["diff", *map(str, runs), "--format", "markdown"], capsys)
    assert code == 1
    lines = out.splitlines()
    assert "### stress_continued_table" in lines
    assert lines[-3:] == [
        "| | part | record | field | old | new |",
        "|---|---|---|---|---|---|",
        f"| ~ | indicator | {INDICATOR} | 2025 | 累计下降13.5% | 累计下降14% |",
    ]


def test_terminal_report_is_coloured(runs: tuple[Path, Path]) -> None:
    """Run the CLI on a real pseudo-terminal: rich colours the change lines."""
    primary, secondary = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(REPO), "TERM": "xterm-256color", "COLUMNS": "200"}
    env.pop("NO_COLOR", None)
    proc = subprocess.run(
        [sys.executable, "-m", "policy_extract", "diff", *map(str, runs)],
        stdout=secondary, stderr=subprocess.PIPE, env=env, cwd=REPO, timeout=60,
    )  # fmt: skip
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # EIO once the child's side is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    out = b"".join(chunks).decode("utf-8")
    assert proc.returncode == 1, proc.stderr
    assert "\x1b[33m" in out  # yellow: a changed record
    assert "累计下降13.5% → 累计下降14%" in out


def test_equal_runs_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = make_outdir(tmp_path / "a"), make_outdir(tmp_path / "b")
    code, out, _ = run_cli(["diff", str(old), str(new)], capsys)
    assert (code, out) == (0, "no differences (2 documents)\n")
    code, out, _ = run_cli(["diff", str(old), str(new), "--json"], capsys)
    assert code == 0 and json.loads(out)["changes"] == []


def test_two_document_files(runs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    old, new = (r / "docs" / "stress_continued_table" / "document.json" for r in runs)
    code, out, _ = run_cli(["diff", str(old), str(new), "--json"], capsys)
    assert code == 1
    assert [c["field"] for c in json.loads(out)["changes"]] == ["2025"]


@pytest.mark.parametrize(
    ("make_args", "message"),
    [
        (lambda o, n: [str(o / "nope"), str(n)], "no such file or folder"),
        (
            lambda o, n: [str(o), str(n / "docs" / "stress_inline_owners" / "document.json")],
            "both be OUTDIRs",
        ),
        (lambda o, n: [str(o / "manifest.json"), str(n / "manifest.json")], "is not a document.json"),
        (lambda o, n: [str(o / "docs"), str(n / "docs")], "is not an OUTDIR"),
    ],
)
def test_bad_usage_exits_2(
    runs: tuple[Path, Path], make_args: Any, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(["diff", *make_args(*runs)], capsys)
    assert code == 2
    assert message in err


def test_cell_edit_is_one_cell_change(tmp_path: Path) -> None:
    def edit(doc_id: str, data: dict[str, Any]) -> None:
        if doc_id == "stress_continued_table":
            cell = next(c for c in data["tables"][0]["cells"] if c["text"] == "累计下降13.5%")
            cell["text"] = "累计下降14%"

    result = diff_paths(make_outdir(tmp_path / "a"), make_outdir(tmp_path / "b", edit))
    assert [c.to_json() for c in result.changes] == [
        {"doc_id": "stress_continued_table", "part": "cell", "op": "changed",
         "key": "“十四五”工业绿色发展主要指标", "field": "row 1 规模以上工业单位增加值能耗 · 2025年",
         "old": "累计下降13.5%", "new": "累计下降14%"},
    ]  # fmt: skip


def test_duty_meta_and_document_changes(tmp_path: Path) -> None:
    def edit(doc_id: str, data: dict[str, Any]) -> None:
        if doc_id == "stress_inline_owners":
            data["duties"][1]["lead"] = ["市住房城乡建设局", "市城市管理局"]
            data["duties"][2]["deadline"] = {
                "raw": "2025年底前",
                "start": None,
                "end": "2025-12-31",
                "note": None,
            }
            del data["duties"][0]
            data["meta"]["copies"] = 99

    old, new = make_outdir(tmp_path / "a"), make_outdir(tmp_path / "b", edit)
    result = diff_paths(old, new)
    got = [(c.part, c.op, c.key, c.field) for c in result.changes]
    assert got[0] == ("meta", "changed", "meta", "copies")
    assert ("duty", "changed", "text 2", "lead") in got
    assert ("duty", "removed", "text 1", None) in got
    assert [g[3] for g in got if g[2] == "text 3"] == ["deadline.raw", "deadline.end"]
    text = render_text(result)
    assert "lead: 市住房城乡建设局 → 市住房城乡建设局、市城市管理局" in text
    assert "- duty text 1: 对2000年底前建成的城镇老旧小区" in text

    manifest = json.loads((new / "manifest.json").read_text(encoding="utf-8"))
    manifest[1] = {**manifest[1], "status": "failed", "error": {"code": "timeout", "message": "slow"}}
    manifest.append({**manifest[0], "doc_id": "extra"})
    (new / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (new / "docs" / "extra").mkdir()  # a listed document has its document.json (else: exit 2, tested below)
    shutil.copy(new / "docs" / manifest[0]["doc_id"] / "document.json", new / "docs" / "extra")
    result = diff_paths(old, new)
    got = [(c.doc_id, c.part, c.op, c.field, c.new) for c in result.changes]
    assert ("stress_inline_owners", "document", "changed", "status", "failed") in got
    assert ("extra", "document", "added", None, {"status": "ok", "error": None}) in got
    assert not any(c.doc_id == "stress_inline_owners" and c.part == "duty" for c in result.changes)
    assert "| + | document | extra |" in render_markdown(result)


def test_inserted_row_is_one_added_row_not_a_cascade() -> None:
    data = json.loads((EXPECTED / "stress_continued_table" / "document.json").read_text(encoding="utf-8"))
    old = document_from_dict(data)
    new = document_from_dict(copy.deepcopy(data))
    table = new.tables[0]
    for cell in table.cells:
        if cell.row >= 3:
            cell.row += 1
        elif cell.row + cell.rowspan > 3:
            cell.rowspan += 1  # the group label 能源利用 now covers the new row too
    table.cells += [Cell(3, c, 1, 1, text, 2, (0.0, 0.0, 0.0, 0.0)) for c, text in
                    enumerate(["", "新指标", "%", "1", "2", "3", "预期性"][1:], start=1)]  # fmt: skip
    table.n_rows += 1
    changes = diff_documents(old, new, "x")
    assert [(c.part, c.op, c.field) for c in changes] == [  # in row order
        ("cell", "changed", "row 1 规模以上工业单位增加值能耗 · 类别 span"),
        ("row", "added", "row 3 新指标"),
    ]
    assert (changes[0].old, changes[0].new) == ("5×1", "6×1")
    assert changes[1].new == ["能源利用", "新指标", "%", "1", "2", "3", "预期性"]


def test_ignored_fields_are_checked() -> None:
    with pytest.raises(UsageError, match="cannot ignore"):
        DiffSettings(ignore_fields=frozenset({"name"}))
    with pytest.raises(UsageError, match="max_text"):
        DiffSettings(max_text=3)


def test_long_texts_are_shown_from_their_first_difference() -> None:
    from policy_extract.outputs.diff import shown_pair

    old = "提升主导制造业集群发展质量，培育产业集群。打造若干个世界领先的质量引领型产业集群。国家级高新技术企业超过 120 家。"
    new = old.replace("超过 120", "超过120")
    assert shown_pair(old, new, 30) == (
        "…。国家级高新技术企业超过 120 家。",
        "…。国家级高新技术企业超过120 家。",
    )
    assert shown_pair("80", "82") == ("80", "82")
