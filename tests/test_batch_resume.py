"""Resumable batches: reruns reuse unchanged documents, --force redoes them, interruptions leave no
half-written document and the next run picks up where the last one stopped."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "outputs"))
sys.path.insert(0, str(Path(__file__).resolve().parent / "hostile"))

import fakes
from batch_helpers import fake_pdfs as _pdfs
from batch_helpers import manifest_records as _records
from batch_helpers import pid_alive as _pid_alive
from batch_helpers import snapshot as _snapshot
from doc_factory import fake_process

from policy_extract.batch import TMP_DIRNAME, run_batch
from policy_extract.batch.resume import STATE_DIRNAME
from policy_extract.settings import PipelineSettings

REPO = Path(__file__).resolve().parent.parent
DOC_FILES = ["document.json", "duties.csv", "indicators.csv", "tables", "tables/t1.csv"]


def _run_json(out: Path) -> dict:
    return json.loads((out / "run.json").read_text(encoding="utf-8"))


def test_rerun_reuses_unchanged_documents_with_identical_output(tmp_path: Path) -> None:
    inputs = _pdfs(tmp_path / "in", "a.pdf", "b.pdf", "boom.pdf", "locked.pdf")
    out = tmp_path / "out"
    first = run_batch([inputs], out, process=fakes.slow_and_counted, workers=2, progress=False)
    before = _snapshot(out)
    for pid_file in inputs.glob("*.pid"):
        pid_file.unlink()
    second = run_batch([inputs], out, process=fakes.slow_and_counted, workers=2, progress=False)
    assert _snapshot(out) == before  # manifest, combined CSVs, review.xlsx, docs, states: byte for byte
    assert first.reused == 0
    # ok documents are reused; a crash (internal) and encrypted (a password may help) are tried again.
    reused = {d["doc_id"]: d["reused"] for d in _run_json(out)["documents"]}
    assert reused == {"a": True, "b": True, "boom": False, "locked": False}
    assert sorted(p.name for p in inputs.glob("*.pid")) == ["boom.pdf.pid", "locked.pdf.pid"]
    assert second.summary_line().startswith("processed 4 documents (2 unchanged, reused):")


def test_changed_input_option_or_force_reprocesses(tmp_path: Path) -> None:
    inputs = _pdfs(tmp_path / "in", "a.pdf", "b.pdf")
    out = tmp_path / "out"
    run_batch([inputs], out, process=fake_process, workers=1, progress=False)
    (inputs / "b.pdf").write_bytes(b"%PDF-1.4 changed")
    run_batch([inputs], out, process=fake_process, workers=1, progress=False)
    assert {d["doc_id"]: d["reused"] for d in _run_json(out)["documents"]} == {"a": True, "b": False}
    run_batch([inputs], out, process=fake_process, workers=1, ocr="off", progress=False)
    assert not any(d["reused"] for d in _run_json(out)["documents"])  # --ocr is part of the fingerprint
    run_batch([inputs], out, process=fake_process, workers=1, ocr="off", force=True, progress=False)
    assert not any(d["reused"] for d in _run_json(out)["documents"])
    run_batch([inputs], out, process=fakes.prints_to_stdout, workers=1, ocr="off", progress=False)
    assert not any(d["reused"] for d in _run_json(out)["documents"])  # another pipeline, another output


def test_changed_settings_redo_the_documents(tmp_path: Path) -> None:
    inputs = _pdfs(tmp_path / "in", "a.pdf", "b.pdf")
    out = tmp_path / "out"
    run_batch([inputs], out, process=fake_process, workers=1, progress=False)
    state = json.loads((out / STATE_DIRNAME / "a.json").read_text(encoding="utf-8"))
    assert "settings" not in state["fingerprint"]  # the defaults add nothing: older OUTDIRs stay reusable
    changed = {"layout": {"margin_band": 0.12}}
    run_batch([inputs], out, process=fake_process, workers=1, settings=changed, progress=False)
    assert not any(d["reused"] for d in _run_json(out)["documents"])  # a setting is part of the fingerprint
    state = json.loads((out / STATE_DIRNAME / "a.json").read_text(encoding="utf-8"))
    assert state["fingerprint"]["settings"] == changed
    same = PipelineSettings.resolve(changed)  # the same settings as an instance: nothing to redo
    run_batch([inputs], out, process=fake_process, workers=1, settings=same, progress=False)
    assert all(d["reused"] for d in _run_json(out)["documents"])
    run_batch([inputs], out, process=fake_process, workers=1, settings=same, timeout=30, progress=False)
    assert all(d["reused"] for d in _run_json(out)["documents"])  # limits only decide retrying failures
    run_batch([inputs], out, process=fake_process, workers=1, progress=False)
    assert not any(d["reused"] for d in _run_json(out)["documents"])  # back to the defaults: redone


def test_deleted_output_folder_is_rebuilt_not_trusted(tmp_path: Path) -> None:
    inputs = _pdfs(tmp_path / "in", "a.pdf")
    out = tmp_path / "out"
    run_batch([inputs], out, process=fake_process, workers=1, progress=False)
    before = _snapshot(out)
    for f in sorted((out / "docs" / "a").rglob("*"), reverse=True):
        f.rmdir() if f.is_dir() else f.unlink()
    (out / "docs" / "a").rmdir()
    run_batch([inputs], out, process=fake_process, workers=1, progress=False)
    assert _run_json(out)["documents"][0]["reused"] is False
    assert _snapshot(out) == before


def test_timeout_failures_are_reused_only_with_the_same_timeout(tmp_path: Path) -> None:
    inputs = _pdfs(tmp_path / "in", "a.pdf", "slow.pdf")
    out = tmp_path / "out"
    run_batch([inputs], out, process=fakes.slow_named_slow, workers=1, timeout=0.5, progress=False)
    assert _records(out)["slow"]["error"]["code"] == "timeout"
    (inputs / "slow.pdf.pid").unlink()
    run_batch([inputs], out, process=fakes.slow_named_slow, workers=1, timeout=0.5, progress=False)
    assert all(d["reused"] for d in _run_json(out)["documents"])
    assert not (inputs / "slow.pdf.pid").exists()  # nothing ran: no worker was even started
    run_batch([inputs], out, process=fakes.slow_named_slow, workers=1, timeout=0.6, progress=False)
    assert {d["doc_id"]: d["reused"] for d in _run_json(out)["documents"]} == {"a": True, "slow": False}
    assert (inputs / "slow.pdf.pid").exists()


SCRIPT = """
import sys
sys.path[:0] = {paths!r}
import fakes
from policy_extract.batch import run_batch
run_batch([{inputs!r}], {out!r}, process=fakes.held_after_two, workers=1, progress=False)
print("finished")
"""


def _start_batch(inputs: Path, out: Path) -> subprocess.Popen[str]:
    paths = [str(REPO / "tests" / "hostile"), str(REPO / "tests" / "outputs"), str(REPO)]
    code = SCRIPT.format(paths=paths, inputs=str(inputs), out=str(out))
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)  # fmt: skip


def _wait_for_docs(out: Path, n: int, deadline: float = 60.0) -> None:
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        if (out / STATE_DIRNAME).is_dir() and len(list((out / STATE_DIRNAME).glob("*.json"))) >= n:
            return
        time.sleep(0.05)
    raise AssertionError(f"fewer than {n} documents finished within {deadline} s")


def _assert_only_whole_documents(out: Path) -> set[str]:
    docs = {p.name for p in (out / "docs").iterdir()} if (out / "docs").exists() else set()
    for doc in docs:
        files = sorted(p.relative_to(out / "docs" / doc).as_posix() for p in (out / "docs" / doc).rglob("*"))
        assert files == DOC_FILES, (doc, files)
    return docs


def _interrupt_and_resume(tmp_path: Path, sig: int) -> None:
    names = [f"d{i}.pdf" for i in range(8)]
    inputs = _pdfs(tmp_path / "in", *names)
    out = tmp_path / "out"
    proc = _start_batch(inputs, out)
    _wait_for_docs(out, 2)
    os.kill(proc.pid, sig)
    proc.wait(timeout=30)
    assert proc.returncode != 0 and "finished" not in proc.stdout.read()
    (inputs / "release").touch()  # a worker the interruption missed would now finish, and be caught below
    time.sleep(0.5)  # the kernel delivers the death signal to the worker
    for pid_file in inputs.glob("*.pid"):
        assert not _pid_alive(int(pid_file.read_text())), "a worker outlived the batch"
    done = _assert_only_whole_documents(out)
    assert not (out / "manifest.json").exists()  # no manifest that pretends the run finished
    result = run_batch([inputs], out, process=fakes.held_after_two, workers=1, progress=False)
    assert result.exit_code == 0 and len(result.outcomes) == 8
    reused = {d["doc_id"] for d in _run_json(out)["documents"] if d["reused"]}
    assert reused and reused <= done
    assert _assert_only_whole_documents(out) == {n[:-4] for n in names}
    assert not (out / TMP_DIRNAME).exists()


def test_kill_9_leaves_whole_documents_and_the_rerun_resumes(tmp_path: Path) -> None:
    _interrupt_and_resume(tmp_path, signal.SIGKILL)


def test_ctrl_c_stops_workers_and_the_rerun_resumes(tmp_path: Path) -> None:
    _interrupt_and_resume(tmp_path, signal.SIGINT)
