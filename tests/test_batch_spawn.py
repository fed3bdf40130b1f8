"""Workers started early by the command line (policy_extract.batch.spawn): which commands start them, how many,
that the supervisor adopts them, and that a warmed worker's first document loads nothing more."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from batch_helpers import fake_pdfs

from policy_extract.batch import spawn
from policy_extract.batch.resume import STATE_DIRNAME
from policy_extract.batch.workers import Limits, Supervisor

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "pdf" / "stress_spaced_table.pdf"


@pytest.fixture
def started(monkeypatch) -> list[tuple[int, str]]:
    """The prestart calls (count, page source), with no process started."""
    calls: list[tuple[int, str]] = []
    monkeypatch.setattr(spawn, "prestart", lambda count, page_source="": calls.append((count, page_source)))
    return calls


def test_a_first_run_starts_one_worker_per_document_up_to_workers(tmp_path: Path, started) -> None:
    inputs = fake_pdfs(tmp_path / "in", "a.pdf", "b.pdf", "c.pdf")
    out = str(tmp_path / "out")
    files = [str(inputs / n) for n in ("a.pdf", "b.pdf", "c.pdf")]
    assert spawn.prestart_for_command(["run", *files, "-o", out, "--workers", "2"]) == 2
    assert spawn.prestart_for_command(["run", files[0], "-o", out, "--workers=4", "--backend", "pdfminer"]) == 1
    assert spawn.prestart_for_command(["run", str(inputs), "-o", out, "--workers", "5"]) == 3  # a folder of 3
    assert spawn.prestart_for_command(["run", files[0], files[0], "-o", out, "--workers", "2"]) == 1  # twice
    assert started == [(2, ""), (1, "pdfminer"), (3, ""), (1, "")]


def test_a_rerun_without_force_starts_none(tmp_path: Path, started) -> None:
    """Its documents may all be reused: the run starts workers only for what it has to process."""
    inputs = fake_pdfs(tmp_path / "in", "a.pdf")
    out = tmp_path / "out"
    (out / STATE_DIRNAME).mkdir(parents=True)
    argv = ["run", str(inputs / "a.pdf"), "-o", str(out), "--workers", "1"]
    assert spawn.prestart_for_command(argv) == 0
    assert spawn.prestart_for_command([*argv, "--force"]) == 1
    assert started == [(1, "")]


@pytest.mark.parametrize("extra", [["--executor", "dask"], ["--help"], ["--workers", "two"], ["--workers", "0"],
                                   ["--frobnicate"]])
def test_other_commands_start_none(tmp_path: Path, started, extra: list[str]) -> None:
    inputs = fake_pdfs(tmp_path / "in", "a.pdf")
    assert spawn.prestart_for_command(["run", str(inputs / "a.pdf"), "-o", str(tmp_path / "o"), *extra]) == 0
    assert spawn.prestart_for_command(["run", str(tmp_path / "missing.pdf")]) == 0  # bad usage
    (tmp_path / "empty").mkdir()
    assert spawn.prestart_for_command(["run", str(tmp_path / "empty")]) == 0  # no PDF in it
    assert spawn.prestart_for_command(["diff", "a", "b"]) == 0
    assert started == []


def test_the_supervisor_adopts_a_worker_started_early() -> None:
    spawn.prestart(1)
    (started_for, proc), = spawn._prestarted
    results: list[object] = []
    with Supervisor(str.upper, Limits(), 1) as supervisor:
        supervisor.run(["a"], lambda _job, result: results.append(result))
        assert [w.proc for w in supervisor.idle] == [proc]
    assert results == ["A"] and spawn._prestarted == [] and started_for == 1


def test_a_worker_started_for_another_count_is_not_adopted() -> None:
    """The OCR engine sizes its thread pools by the number of workers it was started for."""
    spawn.prestart(2)
    early = [proc for _n, proc in spawn._prestarted]
    results: list[object] = []
    with Supervisor(str.upper, Limits(), 1) as supervisor:
        supervisor.run(["a"], lambda _job, result: results.append(result))
        assert supervisor.idle[0].proc not in early
    spawn.discard_prestarted()
    assert results == ["A"] and all(proc.returncode is not None for proc in early)


def test_a_warmed_worker_loads_nothing_more_for_a_born_digital_document(tmp_path: Path) -> None:
    """``pipeline.warm_up`` imports what the default pipeline needs: the first document after it loads no
    module of the package and none of the PDF libraries (else a worker started early does less than it could)."""
    code = (
        "import json, sys\n"
        "from policy_extract.pipeline import warm_up\n"
        "warm_up()\n"
        "before = set(sys.modules)\n"
        "from policy_extract.batch.plan import Job\n"
        "from policy_extract.batch.task import JobContext, process_job\n"
        "from policy_extract.pipeline import process_pdf\n"
        "from policy_extract.settings import PipelineSettings\n"
        f"context = JobContext({str(tmp_path)!r}, None, PipelineSettings())\n"
        f"outcome = process_job(Job(0, 'a.pdf', {str(SAMPLE)!r}, 'a'), process_pdf, context)\n"
        "assert outcome.record.status == 'ok', outcome.record\n"
        "print(json.dumps(sorted(set(sys.modules) - before)))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    new = json.loads(proc.stdout.strip().splitlines()[-1])
    watched = ("policy_extract", "pdfplumber", "pdfminer", "pypdfium2")
    assert [m for m in new if m.split(".")[0] in watched] == []


def test_the_command_line_gives_the_same_files_with_workers_started_early(tmp_path: Path) -> None:
    """End to end: a first run (workers started early) and one into an OUTDIR that already has a state folder
    (none started early) write the same bytes."""
    from batch_helpers import snapshot

    outs = []
    for early in (True, False):
        out = tmp_path / f"out{len(outs)}"
        if not early:
            (out / STATE_DIRNAME).mkdir(parents=True)
        command = [sys.executable, "-m", "policy_extract", "run", str(SAMPLE), "-o", str(out), "--workers", "1"]
        subprocess.run(command, check=True, capture_output=True, cwd=tmp_path, timeout=120)
        outs.append({k: v for k, v in snapshot(out).items() if not k.endswith("rerun.json")})
    assert outs[0] == outs[1] and "manifest.json" in outs[0]


def test_workers_run_in_a_session_of_their_own() -> None:
    """The terminal's Ctrl-C goes to its foreground process group: a worker still starting its interpreter
    (before it ignores SIGINT) died of it with "Fatal Python error: init_import_site".  Workers started early
    and those the supervisor starts both run outside the parent's group; the parent kills them.  (On Windows,
    which has no sessions, a new process group.)"""
    import os
    import subprocess

    if sys.platform == "win32":
        assert spawn.own_group() == {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
        return
    early = spawn.spawn_worker(1, warm="")
    try:
        with Supervisor(str.upper, Limits(), 1) as supervisor:
            supervisor.run(["a"], lambda _job, _result: None)
            started = supervisor.idle[0].proc
            assert os.getsid(started.pid) == started.pid != os.getsid(0)
        assert os.getsid(early.pid) == early.pid and os.getpgid(early.pid) != os.getpgrp()
    finally:
        spawn.kill(early)


def _interrupt(*_args: object, **_kwargs: object) -> int:
    raise KeyboardInterrupt


@pytest.mark.parametrize("where", ["while the workers start", "while the command is parsed"])
def test_ctrl_c_at_start_up_is_the_interrupted_message_and_kills_the_early_workers(
        tmp_path: Path, monkeypatch, capsys, where: str) -> None:
    """Ctrl-C in the first tenths of a second (prestart_for_command stood outside main's try) printed the
    parent's KeyboardInterrupt traceback and left the early workers to the interpreter's exit."""
    from policy_extract import cli

    inputs = fake_pdfs(tmp_path / "in", "a.pdf", "b.pdf")
    started: list[subprocess.Popen[bytes]] = []
    real_spawn = spawn.spawn_worker
    monkeypatch.setattr(spawn, "spawn_worker", lambda *a, **k: started.append(real_spawn(*a, **k)) or started[-1])
    if where == "while the workers start":
        real_prestart = spawn.prestart
        monkeypatch.setattr(spawn, "prestart", lambda *a, **k: (real_prestart(*a, **k), _interrupt()))
    else:
        monkeypatch.setattr(cli, "parse_and_run", _interrupt)
    status = cli.main(["run", str(inputs), "-o", str(tmp_path / "out"), "--workers", "2"])
    assert status == cli.EXIT_INTERRUPTED == 130
    assert "interrupted" in capsys.readouterr().err
    assert len(started) == 2 and all(proc.returncode is not None for proc in started)
    assert spawn._prestarted == []


def test_the_entry_ends_a_ctrl_c_before_main_with_the_interrupted_status() -> None:
    from policy_extract import __main__, cli

    assert __main__.EXIT_INTERRUPTED == cli.EXIT_INTERRUPTED


@pytest.mark.parametrize("warm", ["", None])
def test_a_worker_whose_parent_is_gone_ends_quietly_at_its_hello(warm: str | None) -> None:
    """Off Linux (no death signal) a worker started early whose parent died met its stdin's end at the hello,
    after warming up, and printed an EOFError traceback.  Its stdin closed stands for the parent's death."""
    env = spawn.child_env(1)
    if warm is not None:
        env[spawn.WARM_ENV] = warm
    proc = subprocess.Popen([sys.executable, "-c", spawn.CHILD_CODE], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    _out, err = proc.communicate(b"", timeout=120)  # stdin closed at once
    assert proc.returncode == 0 and b"Traceback" not in err, err.decode(errors="replace")


def test_an_adopted_worker_that_died_before_its_hello_is_replaced(monkeypatch) -> None:
    """A worker started early that died between adopt()'s poll and the hello raised BrokenPipeError out of
    the supervisor and aborted the batch; it is killed and a fresh worker takes its place."""
    from policy_extract.batch import workers

    dead = spawn.spawn_worker(1)
    dead.kill()
    dead.wait()
    monkeypatch.setattr(workers, "adopt", lambda _workers: dead)
    results: list[object] = []
    with Supervisor(str.upper, Limits(), 1) as supervisor:
        supervisor.run(["a", "b"], lambda _job, result: results.append(result))
        assert supervisor.idle[0].proc is not dead
    assert sorted(results) == ["A", "B"] and dead.stdin is not None and dead.stdin.closed
