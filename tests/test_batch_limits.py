"""The batch runner's worker supervision: timeouts and memory caps enforced from the parent, crashes, output
isolation.  Fake process functions in tests/hostile/fakes.py stand for what PDF libraries do."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "hostile"))

import fakes
from batch_helpers import fake_pdfs as _pdfs
from batch_helpers import manifest_records as _records
from batch_helpers import pid_alive as _pid_alive

from policy_extract.batch import TMP_DIRNAME, run_batch
from policy_extract.batch.workers import DEFAULT_KILL_GRACE, JobFailure, Limits, Supervisor

# Starting a worker (a fresh interpreter) is part of a document's wall time as the parent measures it.
SPAWN_SLACK = 5.0


def test_a_document_stuck_in_native_code_is_killed_and_the_batch_goes_on(tmp_path: Path) -> None:
    inputs = _pdfs(tmp_path / "in", "a.pdf", "stuck.pdf", "z.pdf")
    out = tmp_path / "out"
    start = time.monotonic()
    result = run_batch(
        [inputs], out, process=fakes.stuck_in_native_code, workers=1, timeout=1, progress=False
    )
    elapsed = time.monotonic() - start
    records = _records(out)
    assert result.exit_code == 1
    assert records["stuck"]["error"]["code"] == "timeout"
    assert "time limit of 1 s (--timeout)" in records["stuck"]["error"]["message"]
    assert records["a"]["status"] == records["z"]["status"] == "ok"  # z ran on a fresh worker
    assert elapsed < 1 + DEFAULT_KILL_GRACE + 2 * SPAWN_SLACK
    assert not _pid_alive(int((inputs / "stuck.pdf.pid").read_text()))
    assert sorted(p.name for p in (out / "docs").iterdir()) == ["a", "z"]


def test_memory_cap_stops_a_runaway_allocation(tmp_path: Path) -> None:
    inputs = _pdfs(tmp_path / "in", "a.pdf", "hog.pdf", "z.pdf")
    out = tmp_path / "out"
    result = run_batch([inputs], out, process=fakes.allocates_without_end, workers=1, max_memory=300,
                       progress=False)  # fmt: skip
    records = _records(out)
    assert result.exit_code == 1
    assert records["hog"]["error"]["code"] == "too_large"
    assert (
        "300 MB" in records["hog"]["error"]["message"]
        and "--max-memory" in records["hog"]["error"]["message"]
    )
    assert records["a"]["status"] == records["z"]["status"] == "ok"


def test_rss_watchdog_kills_memory_the_limit_does_not_see(tmp_path: Path) -> None:
    inputs = _pdfs(tmp_path / "in", "hog.pdf", "z.pdf")
    out = tmp_path / "out"
    result = run_batch([inputs], out, process=fakes.allocates_past_the_limit, workers=1, max_memory=300,
                       progress=False)  # fmt: skip
    records = _records(out)
    assert result.exit_code == 1
    assert records["hog"]["error"]["code"] == "too_large"
    assert records["z"]["status"] == "ok"


def test_a_worker_that_dies_under_the_data_cap_gets_one_uncapped_try(tmp_path: Path) -> None:
    inputs = _pdfs(tmp_path / "in", "a.pdf", "z.pdf")
    out = tmp_path / "out"
    result = run_batch([inputs], out, process=fakes.crashes_under_a_data_cap, workers=1, max_memory=300,
                       progress=False)  # fmt: skip
    records = _records(out)
    assert result.exit_code == 0, records
    assert records["a"]["status"] == records["z"]["status"] == "ok"


def test_running_out_of_memory_outside_the_task_is_too_large_not_a_dead_worker() -> None:
    results: dict[str, object] = {}
    with Supervisor(fakes.memory_error_outside_the_task, Limits(timeout=30, max_memory=1024), 1) as supervisor:
        supervisor.run(["a", "hog", "z"], results.__setitem__)
    failure = results["hog"]
    assert isinstance(failure, JobFailure) and failure.code == "too_large" and "1024 MB" in failure.message
    assert results["a"] == "a" and results["z"] == "z"


def test_a_crashing_worker_is_an_internal_failure_of_that_document_only(tmp_path: Path) -> None:
    inputs = _pdfs(tmp_path / "in", "a.pdf", "crash.pdf", "z.pdf")
    out = tmp_path / "out"
    result = run_batch([inputs], out, process=fakes.crashes, workers=2, progress=False)
    records = _records(out)
    assert result.exit_code == 1
    assert records["crash"]["error"]["code"] == "internal"
    assert (
        "died" in records["crash"]["error"]["message"] and "SIGSEGV" in records["crash"]["error"]["message"]
    )
    assert records["a"]["status"] == records["z"]["status"] == "ok"
    assert not (out / TMP_DIRNAME).exists()


def test_library_output_on_stdout_does_not_corrupt_results(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    inputs = _pdfs(tmp_path / "in", "a.pdf", "b.pdf")
    result = run_batch([inputs], tmp_path / "out", process=fakes.prints_to_stdout, workers=1, progress=False)
    assert result.exit_code == 0
    captured = capfd.readouterr()
    assert "library chatter" not in captured.out  # the batch's stdout stays quiet (one summary line, CLI)
    assert "library chatter" in captured.err


def test_supervisor_reuses_idle_workers_between_runs() -> None:
    pids: list[int] = []
    with Supervisor(_getpid_task, Limits(timeout=10), workers=1) as supervisor:
        for job in range(3):
            supervisor.run([job], lambda _job, pid: pids.append(pid))
    assert len(pids) == 3 and len(set(pids)) == 1
    assert not _pid_alive(pids[0])


def test_limits_are_validated() -> None:
    with pytest.raises(ValueError, match="timeout"):
        Limits(timeout=0)
    with pytest.raises(ValueError, match="max_memory"):
        Limits(max_memory=-5)
    assert Limits(timeout=3).kill_after == 3 + DEFAULT_KILL_GRACE


def _getpid_task(_job: object) -> int:
    import os

    return os.getpid()


def test_the_rss_watchdog_reads_what_psutil_reads_without_importing_it() -> None:
    """The parent samples each worker's RSS many times a second: on Linux from /proc/<pid>/statm, the file
    psutil reads there, so the parent of a batch need not import psutil (a tenth of its start-up)."""
    import subprocess

    import psutil  # a dependency: the watchdog's reader where there is no /proc

    from policy_extract.batch import workers

    assert workers._HAS_PROC_STATM or not sys.platform.startswith("linux")
    code = "import sys; sys.stdin.read()"  # a child that waits, its memory still
    with subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE) as child:
        time.sleep(0.2)
        assert workers.process_rss(child.pid) == psutil.Process(child.pid).memory_info().rss
        child.communicate(b"")
    assert workers.process_rss(child.pid) is None  # gone
    probe = ("import sys; from policy_extract.batch.workers import process_rss; import os\n"
             "assert process_rss(os.getpid()) > 0; print('psutil' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == str(not workers._HAS_PROC_STATM)
