from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "outputs"))

from batch_helpers import snapshot as _snapshot
from doc_factory import bad_schema_process, fake_process, slow_process

from policy_extract.batch import (
    TMP_DIRNAME,
    BatchOptions,
    assign_doc_ids,
    find_inputs,
    run_batch,
    safe_doc_id,
)
from policy_extract.core.errors import UsageError


def _pdfs(folder: Path, *names: str) -> Path:
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"%PDF-1.4 " + name.encode("utf-8"))
    return folder


def _manifest(outdir: Path) -> list[dict]:
    return json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))


def test_failures_are_recorded_and_leave_nothing_half_written(tmp_path: Path) -> None:
    inputs = _pdfs(tmp_path / "in", "a.pdf", "boom.pdf", "locked.pdf", "z.pdf")
    out = tmp_path / "out"
    (out / "docs" / "locked").mkdir(parents=True)  # stale output of an earlier run
    (out / "docs" / "locked" / "document.json").write_text("{}", encoding="utf-8")
    result = run_batch([inputs], out, process=fake_process, workers=1, progress=False)
    assert result.exit_code == 1
    records = {r["doc_id"]: r for r in _manifest(out)}
    assert [r["doc_id"] for r in _manifest(out)] == ["a", "boom", "locked", "z"]
    assert records["locked"]["status"] == "failed"
    assert records["locked"]["error"] == {
        "code": "encrypted", "message": "the PDF is encrypted; pass --password"
    }  # fmt: skip
    assert records["boom"]["error"] == {"code": "internal", "message": (
        "RuntimeError: simulated bug. This is a bug in policy-extract; the traceback is in logs/boom.log, "
        "please report it")}  # fmt: skip
    assert "Traceback" in (out / "logs" / "boom.log").read_text("utf-8")
    assert records["boom"]["sha256"] and records["boom"]["pages"] is None
    assert records["a"]["status"] == records["z"]["status"] == "ok"
    assert records["a"]["error"] is None and records["a"]["pages"] == 6 and records["a"]["warnings"] == 1
    assert sorted(p.name for p in (out / "docs").iterdir()) == ["a", "z"]
    assert sorted(p.relative_to(out / "docs" / "a").as_posix() for p in (out / "docs" / "a").rglob("*")) == [
        "document.json", "duties.csv", "indicators.csv", "tables", "tables/t1.csv",
    ]  # fmt: skip
    assert not (out / TMP_DIRNAME).exists()
    combined = (out / "indicators.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[0] for line in combined[1:]] == ["a", "a", "z", "z"]
    assert (out / "review.xlsx").is_file()


def test_partial_counts_as_success(tmp_path: Path) -> None:
    inputs = _pdfs(tmp_path / "in", "a.pdf", "partial.pdf")
    result = run_batch([inputs], tmp_path / "out", process=fake_process, workers=1, progress=False)
    assert result.exit_code == 0
    assert [r["status"] for r in _manifest(tmp_path / "out")] == ["ok", "partial"]
    assert result.summary_line() == f"processed 2 documents: 1 ok, 1 partial, 0 failed → {tmp_path / 'out'}"


def test_rerun_is_byte_identical_except_run_json(tmp_path: Path) -> None:
    inputs = _pdfs(tmp_path / "in", "b.pdf", "a.pdf", "boom.pdf", "sub/中文 通知.PDF")
    out = tmp_path / "out"
    run_batch([inputs], out, process=fake_process, workers=1, progress=False)
    first = _snapshot(out)
    assert "docs/中文_通知/document.json" in first
    run_batch([inputs], out, process=fake_process, workers=1, progress=False)
    assert _snapshot(out) == first
    run_json = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert run_json["totals"] == {"documents": 4, "ok": 3, "partial": 0, "failed": 1, "reused": 3}
    assert [d["doc_id"] for d in run_json["documents"]] == ["a", "b", "boom", "中文_通知"]
    assert {"pipeline", "python", "libraries", "options", "started", "finished"} <= set(run_json)


def test_worker_pool_writes_the_same_bytes_in_input_order(tmp_path: Path) -> None:
    inputs = _pdfs(tmp_path / "in", "c.pdf", "a.pdf", "locked.pdf", "b.pdf")
    run_batch([inputs], tmp_path / "serial", process=fake_process, workers=1, progress=False)
    result = run_batch([inputs], tmp_path / "pool", process=fake_process, workers=2, progress=False)
    assert result.exit_code == 1
    assert _snapshot(tmp_path / "pool") == _snapshot(tmp_path / "serial")


def test_schema_violation_fails_the_document(tmp_path: Path) -> None:
    inputs = _pdfs(tmp_path / "in", "a.pdf")
    result = run_batch([inputs], tmp_path / "out", process=bad_schema_process, workers=1, progress=False)
    (record,) = _manifest(tmp_path / "out")
    assert result.exit_code == 1
    assert record["error"]["code"] == "internal"
    assert "$.indicators[0].values[0].op" in record["error"]["message"]
    assert not (tmp_path / "out" / "docs" / "a").exists()


def test_timeout_fails_only_the_slow_document(tmp_path: Path) -> None:
    inputs = _pdfs(tmp_path / "in", "a.pdf")
    out = tmp_path / "out"
    result = run_batch([inputs], out, process=slow_process, workers=1, timeout=0.2, progress=False)
    (record,) = _manifest(tmp_path / "out")
    assert result.exit_code == 1
    assert record["error"]["code"] == "timeout"


def test_doc_ids_are_sanitized_and_numbered_in_input_order(tmp_path: Path) -> None:
    assert safe_doc_id('关于印发 "方案"/的通知?') == "关于印发__方案__的通知_"
    assert safe_doc_id("..hidden.") == "__hidden_"
    assert safe_doc_id("CON") == "_CON"
    assert safe_doc_id("") == "_"
    assert len(safe_doc_id("长" * 200).encode("utf-8")) <= 150
    assert assign_doc_ids(["a", "a", "A", "b", "a-2"]) == ["a", "a-2", "A-3", "b", "a-2-2"]
    folder = _pdfs(tmp_path / "in", "x/通知.pdf", "y/通知.PDF")
    single = _pdfs(tmp_path / "single", "通知.pdf") / "通知.pdf"
    run_batch([single, folder], tmp_path / "out", process=fake_process, workers=1, progress=False)
    records = _manifest(tmp_path / "out")
    assert [(r["doc_id"], Path(r["file"]).parent.name) for r in records] == [
        ("通知", "single"), ("通知-2", "x"), ("通知-3", "y"),
    ]  # fmt: skip


def test_inputs_are_found_sorted_and_deduplicated(tmp_path: Path) -> None:
    folder = _pdfs(tmp_path / "in", "b.pdf", "a.PDF", "sub/c.pdf", "notes.txt")
    found = find_inputs([folder / "b.pdf", folder, folder / "sub"])
    shown = [Path(s).relative_to(folder).as_posix() for s, _ in found]
    assert shown == ["b.pdf", "a.PDF", "sub/c.pdf"]


def test_bad_usage_raises_before_writing(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such input path"):
        run_batch([tmp_path / "missing"], tmp_path / "out", process=fake_process)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(UsageError, match="no PDF files found"):
        run_batch([empty], tmp_path / "out", process=fake_process)
    assert not (tmp_path / "out").exists()
    with pytest.raises(UsageError, match="--workers"):
        BatchOptions(workers=0)
    with pytest.raises(UsageError, match="dask"):
        BatchOptions(executor="dask")
    with pytest.raises(UsageError, match="unknown batch option"):
        run_batch([empty], tmp_path / "out", process=fake_process, colour=True)


def test_run_json_never_contains_the_password(tmp_path: Path) -> None:
    inputs = _pdfs(tmp_path / "in", "a.pdf")
    run_batch([inputs], tmp_path / "out", process=fake_process, workers=1, password="s3cret", progress=False)
    text = (tmp_path / "out" / "run.json").read_text(encoding="utf-8")
    assert "s3cret" not in text
    assert json.loads(text)["options"]["password"] == "(set)"


def test_progress_bar_shows_done_over_total(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = _pdfs(tmp_path / "in", "a.pdf", "b.pdf")
    run_batch([inputs], tmp_path / "out", process=fake_process, workers=1, progress=True)
    shown = capsys.readouterr().out
    assert "2/2" in shown and "b.pdf" in shown


def test_quiet_when_progress_off(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = _pdfs(tmp_path / "in", "a.pdf")
    run_batch([inputs], tmp_path / "out", process=fake_process, workers=1, progress=False)
    assert capsys.readouterr().out == ""
