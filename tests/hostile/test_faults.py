"""Faults from issue 17, each reproduced: bad text from the PDF library, a hostile environment, bad inputs."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from faults import DELETE_MARK, FILL_MARK, crashing_process, deleting_process, filling_process, pdf_with_cids

from policy_extract import cli, pipeline
from policy_extract.batch import TMP_DIRNAME, Job, JobContext, process_job, run_batch
from policy_extract.batch.envfault import LOCK_NAME, RESERVE_NAME, process_start
from policy_extract.batch.outcome import MAX_MESSAGE_CHARS, error_code_and_message
from policy_extract.core.errors import UsageError
from policy_extract.settings import PipelineSettings

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "pdf"
GOOD = SAMPLES / "stress_spaced_table.pdf"
SURROGATE_TEXT = "4E2D56FDD80065875B57" * 5
"""中国<U+D800>文字, five times: five lone surrogates on page 1."""


def test_lone_surrogates_from_an_identity_tounicode_font_are_replaced_and_reported(tmp_path: Path) -> None:
    pdf = tmp_path / "surrogates.pdf"
    pdf.write_bytes(pdf_with_cids(SURROGATE_TEXT))
    context = JobContext(str(tmp_path / "out"), None, PipelineSettings.resolve({"ocr": "off"}))
    outcome = process_job(Job(0, pdf.name, str(pdf), "surrogates"), pipeline.process_pdf, context)
    assert outcome.record.error is None, outcome.record.error
    data = json.loads((tmp_path / "out" / "docs" / "surrogates" / "document.json").read_text("utf-8"))
    (warning,) = [w for w in data["warnings"] if w["code"] == "invalid_unicode"]
    assert warning["page"] == 1 and "5 character(s)" in warning["message"]
    assert "\ufffd" in json.dumps(data, ensure_ascii=False)


def _records(out: Path) -> dict[str, dict[str, Any]]:
    return {r["doc_id"]: r for r in json.loads((out / "manifest.json").read_text("utf-8"))}


def test_symlink_loop_among_inputs_gets_its_own_record_and_is_never_reused(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(GOOD, corpus / "good.pdf")
    (corpus / "x.pdf").symlink_to("y.pdf")
    (corpus / "y.pdf").symlink_to("x.pdf")
    for _ in range(2):
        result = run_batch([corpus], tmp_path / "out", ocr="off", progress=False)
        assert result.exit_code == 1
        records = _records(tmp_path / "out")
        assert records["good"]["status"] == "ok"
        for name in ("x", "y"):
            assert records[name]["error"]["code"] == "not_pdf"
            assert "symbolic links" in records[name]["error"]["message"]
        assert not any(o.reused for o in result.outcomes if o.record.doc_id in ("x", "y"))


def test_input_deleted_during_the_run_is_retried_when_it_is_back(tmp_path: Path) -> None:
    pdf = tmp_path / "vanishing.pdf"
    shutil.copy(GOOD, pdf)
    Path(str(pdf) + DELETE_MARK).touch()
    out = tmp_path / "out"
    first = run_batch([pdf], out, ocr="off", progress=False, process=deleting_process)
    assert first.records[0].status == "failed"
    shutil.copy(GOOD, pdf)
    second = run_batch([pdf], out, ocr="off", progress=False, process=deleting_process)
    assert second.records[0].status == "ok" and not second.outcomes[0].reused


@contextmanager
def tmpfs(path: Path, options: str) -> Iterator[Path]:
    """A small tmpfs mounted at ``path``. CI runs as root; elsewhere the test fails saying how to run it,
    never skips (a skipped fault test proves nothing)."""
    path.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True)
    if done.returncode != 0:
        pytest.fail(f"cannot mount a tmpfs here ({done.stderr.decode(errors='replace').strip()}); run the fault "
                    "tests as root, as CI does (bash .ci/run)")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["run", *argv, "--ocr", "off", "--workers", "1"])
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err
    return code, err


def test_read_only_outdir_stops_with_exit_2_and_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with tmpfs(tmp_path / "ro", "size=1m,ro") as ro:
        code, err = _run([str(GOOD), "-o", str(ro)], capsys)
    assert code == 2 and len(err.splitlines()) == 1
    assert "cannot write to output folder" in err and "choose a writable folder with -o" in err


def test_full_disk_stops_the_batch_with_exit_2_and_leaves_no_scratch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = [str(p) for p in sorted(SAMPLES.glob("stress_*.pdf"))]
    with tmpfs(tmp_path / "full", "size=120k") as full:
        out = full / "out"
        code, err = _run([*inputs, "-o", str(out)], capsys)
        assert code == 2 and len(err.splitlines()) == 1 and "no space left" in err and "rerun" in err
        run = json.loads((out / "run.json").read_text("utf-8"))
        assert run["exit_status"] == 2 and "no space left" in run["stopped"]
        records = _records(out)
        assert all(r["status"] != "failed" for r in records.values())
        assert {p.name for p in (out / "docs").iterdir()} == set(records) if (out / "docs").exists() else True
        assert not (out / TMP_DIRNAME).exists() and not (out / LOCK_NAME).exists()


def test_run_json_is_written_when_the_last_room_went_to_a_document(tmp_path: Path) -> None:
    """The disk fills to the last byte while the batch runs (regression: run.json then had no room, so the
    record of what happened depended on which documents filled it).  The room a run holds for run.json is
    given up for it; the run's files are gone from OUTDIR at the end."""
    inputs = []
    for name in ("a", "b", "c"):
        shutil.copy(GOOD, tmp_path / f"{name}.pdf")
        inputs.append(tmp_path / f"{name}.pdf")
    with tmpfs(tmp_path / "full", "size=2m") as full:
        Path(str(inputs[1]) + FILL_MARK).write_text(str(full / "filler"), "utf-8")
        out = full / "out"
        with pytest.raises(UsageError, match="no space left"):
            run_batch(inputs, out, ocr="off", progress=False, process=filling_process, workers=1)
        run = json.loads((out / "run.json").read_text("utf-8"))
        assert run["exit_status"] == 2 and "no space left" in run["stopped"]
        assert [d["doc_id"] for d in run["documents"]] == ["a"]
        assert not (out / RESERVE_NAME).exists() and not (out / TMP_DIRNAME).exists()


def test_a_link_at_the_reserve_name_is_not_followed(tmp_path: Path) -> None:
    """OUTDIR may be shared: a symlink left at the reserve's name must not have its target overwritten
    (the reserve was opened with O_TRUNC through it)."""
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / RESERVE_NAME).symlink_to(victim)
    run_batch([GOOD], out, ocr="off", progress=False, workers=1)
    assert victim.read_text("utf-8") == "keep me"
    assert not (out / RESERVE_NAME).exists() and not (out / RESERVE_NAME).is_symlink()


def test_a_run_that_fits_without_the_reserve_fits_with_it(tmp_path: Path) -> None:
    """The room held for run.json is given up for the run's files when they find the disk full, and they are
    written again: on a disk just large enough for the run, the reserve turned a finished run into exit 2."""
    out = None
    for kb in range(40, 160, 4):  # the smallest tmpfs the run fits on without a reserve
        with tmpfs(tmp_path / f"d{kb}", f"size={kb}k") as disk:
            try:
                with mock.patch("policy_extract.batch.runner.reserve_space"):
                    run_batch([GOOD], disk / "out", ocr="off", progress=False, workers=1)
            except UsageError:
                continue
            shutil.rmtree(disk / "out")
            run_batch([GOOD], disk / "out", ocr="off", progress=False, workers=1)
            out = disk / "out"
            assert json.loads((out / "run.json").read_text("utf-8"))["exit_status"] == 0
            assert (out / "manifest.json").is_file() and not (out / RESERVE_NAME).exists()
            break
    assert out is not None


def test_a_second_run_into_a_held_outdir_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        out = tmp_path / "out"
        out.mkdir()
        lock = {"pid": holder.pid, "started": "2026-01-01T00:00:00+00:00", "proc_start": process_start(holder.pid)}
        (out / LOCK_NAME).write_text(json.dumps(lock), "utf-8")
        code, err = _run([str(GOOD), "-o", str(out)], capsys)
    finally:
        holder.kill()
        holder.wait()
    assert code == 2 and f"in use by another run (pid {holder.pid}" in err
    assert not (out / "manifest.json").exists() and (out / LOCK_NAME).exists()


def test_a_stale_lock_is_taken_over_with_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).write_text(json.dumps({"pid": dead.pid, "started": "2026-01-01T00:00:00+00:00"}), "utf-8")
    code, err = _run([str(GOOD), "-o", str(out)], capsys)
    assert code == 0 and "stale lock" in err
    assert "stale lock" in json.loads((out / "run.json").read_text("utf-8"))["notes"][0]
    assert not (out / LOCK_NAME).exists()


def _processes_in(cwd: Path) -> list[int]:
    """Pids of live processes whose working folder is ``cwd`` (this test's batch and its workers only)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.readlink(entry / "cwd") == str(cwd) and "Z" not in (entry / "stat").read_text().split()[2]:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def test_workers_die_with_a_parent_killed_while_they_start(tmp_path: Path) -> None:
    """kill -9 of the batch the moment its first worker exists (before the worker armed its death signal)."""
    out = tmp_path / "out"
    argv = [sys.executable, "-m", "policy_extract", "run", str(SAMPLES), "-o", str(out), "--workers", "2",
            "--ocr", "off"]  # fmt: skip
    parent = subprocess.Popen(argv, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(_children(parent.pid)) < 2 and time.monotonic() < deadline and parent.poll() is None:
        time.sleep(0.001)
    time.sleep(0.03)  # the jobs are in the workers' pipes; the workers are still importing
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    time.sleep(1.5)  # an orphan would have read its job from the pipe by now and be working on it
    survivors = _processes_in(tmp_path)
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert survivors == []


@pytest.mark.parametrize(
    "error",
    [
        MemoryError(),
        RuntimeError("[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : std::bad_alloc"),
        RuntimeError("pthread_create failed: Resource temporarily unavailable"),
        RuntimeError("can't start new thread"),
        OSError(12, "Cannot allocate memory"),
    ],
)
def test_memory_exhaustion_anywhere_in_a_worker_is_too_large_with_the_limit(error: BaseException) -> None:
    wrapped = ValueError("OCR failed")
    wrapped.__cause__ = error
    for exc in (error, wrapped):
        code, message = error_code_and_message(exc, 800)
        assert code == "too_large" and "800 MB" in message and "--max-memory" in message


def test_an_internal_error_leaves_one_line_in_the_manifest_and_the_traceback_in_a_log(tmp_path: Path) -> None:
    pdf = tmp_path / "crash.pdf"
    shutil.copy(GOOD, pdf)
    result = run_batch([pdf], tmp_path / "out", ocr="off", progress=False, process=crashing_process)
    (record,) = result.records
    assert record.error is not None and record.error.code == "internal"
    assert "\n" not in record.error.message and "Traceback" not in record.error.message
    assert len(record.error.message) <= MAX_MESSAGE_CHARS and "logs/crash.log" in record.error.message
    assert "crashing_process" in (tmp_path / "out" / "logs" / "crash.log").read_text("utf-8")


def test_review_shows_a_listed_document_whose_document_json_is_missing(tmp_path: Path) -> None:
    from policy_extract.outputs.review import write_review

    out = tmp_path / "out"
    run_batch([GOOD], out, ocr="off", progress=False)
    (out / "docs" / GOOD.stem / "document.json").unlink()
    index = write_review(out)[0].read_text("utf-8")
    assert "document.json is missing; rerun the batch" in index


def test_review_and_diff_refuse_a_truncated_manifest_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    run_batch([GOOD], out, ocr="off", progress=False)
    (out / "manifest.json").write_text('[{"file": ', "utf-8")
    for argv in (["review", str(out)], ["diff", str(out), str(out)]):
        assert cli.main(argv) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err and "manifest.json" in err


def test_a_symlink_loop_named_on_the_command_line_gets_a_record_not_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").symlink_to("y.pdf")
    (tmp_path / "y.pdf").symlink_to("x.pdf")
    result = run_batch([GOOD, tmp_path / "x.pdf"], tmp_path / "out", ocr="off", progress=False)
    assert [(r.status, r.error.code if r.error else None) for r in result.records] == [
        ("ok", None), ("failed", "not_pdf")
    ]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("cap", [200, 300])
def test_ocr_under_a_memory_cap_is_too_large_with_the_limit(
    cap: int, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """The real OCR path under --max-memory: OpenCV segfaults at import under a 200 MB data cap, onnxruntime
    cannot start its threads under 300 MB (and the failure record itself then ran out of memory); both were
    ``internal``, one with a traceback on the terminal."""
    scan = SAMPLES / "scan_stress_joint_issuers.pdf"
    code = cli.main(["run", str(scan), "-o", str(tmp_path / "out"), "--workers", "1", "--max-memory", str(cap)])
    (record,) = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert code == 1 and record["error"]["code"] == "too_large", record
    assert f"{cap} MB" in record["error"]["message"]
    assert "Traceback" not in capfd.readouterr().err
