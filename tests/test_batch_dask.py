"""``--executor dask``: the same per-document task on a Dask distributed cluster gives the same OUTDIR as a
local run, with the same limits.  The cluster is a LocalCluster started by the test (threads in this process;
each task still runs its document in its own supervised child process)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "hostile"))

import fakes
from batch_helpers import fake_pdfs as _pdfs
from batch_helpers import snapshot as _snapshot
from distributed import LocalCluster

from policy_extract.batch import executors, run_batch
from policy_extract.core.errors import UsageError


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with LocalCluster(processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_dask_run_matches_a_local_run(tmp_path: Path, scheduler: str) -> None:
    inputs = _pdfs(tmp_path / "in", "c.pdf", "a.pdf", "locked.pdf", "partial.pdf", "b.pdf")
    local = run_batch([inputs], tmp_path / "local", process=fakes.fake_process, workers=2, progress=False)
    remote = run_batch([inputs], tmp_path / "dask", process=fakes.fake_process, executor="dask",
                       scheduler=scheduler, progress=False)  # fmt: skip
    assert remote.exit_code == local.exit_code == 1
    assert _snapshot(tmp_path / "dask") == _snapshot(tmp_path / "local")
    options = json.loads((tmp_path / "dask" / "run.json").read_text(encoding="utf-8"))["options"]
    assert options["executor"] == "dask" and options["scheduler"] == scheduler


def test_dask_tasks_keep_the_timeout(tmp_path: Path, scheduler: str) -> None:
    inputs = _pdfs(tmp_path / "in", "a.pdf", "stuck.pdf")
    out = tmp_path / "out"
    run_batch([inputs], out, process=fakes.stuck_in_native_code, executor="dask", scheduler=scheduler,
              timeout=1, progress=False)  # fmt: skip
    records = {r["doc_id"]: r for r in json.loads((out / "manifest.json").read_text(encoding="utf-8"))}
    assert records["stuck"]["error"]["code"] == "timeout"
    assert records["a"]["status"] == "ok"


def test_unreachable_scheduler_is_bad_usage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(executors, "DEFAULT_DASK_CONNECT_SECONDS", 2.0)
    inputs = _pdfs(tmp_path / "in", "a.pdf")
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler"):
        run_batch([inputs], tmp_path / "out", process=fakes.fake_process, executor="dask",
                  scheduler="tcp://127.0.0.1:9", progress=False)  # fmt: skip
