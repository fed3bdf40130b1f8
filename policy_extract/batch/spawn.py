"""Worker processes started, and started early: the command line starts a run's workers before it builds its
parser, loads the settings or plans the inputs, so that their start-up (an interpreter, the PDF libraries and
the stages, a tenth of a second and more) runs beside the parent's own instead of after it (issue 18: the
batch's serial fixed cost).

Rules:

* :func:`prestart_for_command` starts workers for ``policy-extract run`` arguments that the unchanged rerun's
  check reads (:func:`.rerun.run_arguments`), on the local executor, when every document will most likely be
  processed: ``--force``, or an OUTDIR without resume state.  As many as the supervisor will run:
  ``--workers`` (default: the CPU count), at most one per document (the inputs found as the planner finds
  them); none when an INPUT is missing or holds no PDF (bad usage).
* Such a worker imports what the default pipeline needs (:func:`policy_extract.pipeline.warm_up`) before it
  reads its first message; everything else is as for any worker (:mod:`.workers`): the first message sets
  its import path, memory cap and task.
* The next supervisor adopts them (:func:`adopt`) for as many workers as it starts, when they were started
  for the same number of workers (the OCR engine sizes its thread pools by it); any left over is killed
  (:func:`discard_prestarted`) when that supervisor is done, or when the command ends.

Only ``os``, ``subprocess``, ``sys`` and ``contextlib`` (which subprocess imports) are imported here: the
command line imports this module before anything else of the batch.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Sequence

CHILD_CODE = "from policy_extract.batch.workers import worker_main; worker_main()"
PARENT_PID_ENV = "POLICY_EXTRACT_PARENT_PID"
"""Set by the parent for its workers: its pid, which a worker checks once its death signal is armed."""
WORKERS_ENV = "POLICY_EXTRACT_WORKERS"
"""Set by the parent for its workers: how many run at once (the OCR engine sizes its thread pools by it)."""
WARM_ENV = "POLICY_EXTRACT_WARM"
"""Set for a worker started early: the page source to warm up (``""``: the settings' default)."""

_prestarted: list[tuple[int, subprocess.Popen[bytes]]] = []
"""Workers started early, each with the number of workers it was started for."""


def child_env(workers: int = 1) -> dict[str, str]:
    """The parent's environment, with its import path, so the child can import the package and the task,
    and the number of workers running at once, so each takes its share of the cores."""
    paths = [p for p in sys.path if p]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths), "PYTHONUNBUFFERED": "1",
            PARENT_PID_ENV: str(os.getpid()), WORKERS_ENV: str(workers)}


def spawn_worker(workers: int, warm: str | None = None) -> subprocess.Popen[bytes]:
    """A new worker process (pipes on its stdin and stdout); ``warm``: see :data:`WARM_ENV`.  It runs in a
    session (POSIX) or process group (Windows) of its own, so the terminal's Ctrl-C reaches the parent only,
    which kills its workers: one still starting its interpreter, before it ignores SIGINT, would otherwise
    die of it with a "Fatal Python error"."""
    env = child_env(workers)
    if warm is not None:
        env[WARM_ENV] = warm
    return subprocess.Popen([sys.executable, "-c", CHILD_CODE], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            env=env, **own_group())


def own_group() -> dict[str, object]:
    """Popen's arguments that start a child outside the parent's process group (see :func:`spawn_worker`)."""
    if sys.platform == "win32":
        return {"creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
    return {"start_new_session": True}


def prestart(count: int, page_source: str = "") -> None:
    """Start ``count`` warming workers for the next supervisor, of as many workers."""
    _prestarted.extend((count, spawn_worker(count, page_source)) for _ in range(count))


def adopt(workers: int) -> subprocess.Popen[bytes] | None:
    """A worker started early for ``workers`` workers and still running, or None."""
    while _prestarted:
        started_for, proc = _prestarted.pop(0)
        if started_for == workers and proc.poll() is None:
            return proc
        kill(proc)
    return None


def discard_prestarted() -> None:
    """Kill the workers started early that no supervisor adopted."""
    while _prestarted:
        kill(_prestarted.pop()[1])


def kill(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    for pipe in (proc.stdin, proc.stdout):
        if pipe is not None:
            with contextlib.suppress(OSError):  # bytes still buffered for a pipe whose reader is gone
                pipe.close()


def documents(inputs: Sequence[str]) -> int:
    """How many documents the run will have: its inputs found as the planner finds them (folders searched,
    duplicates dropped; bad usage raises)."""
    from .inputs import find_inputs

    return len(find_inputs(inputs))


def prestart_for_command(argv: Sequence[str]) -> int:
    """Start the workers of a ``policy-extract run`` command early (rules above); how many it started."""
    from .rerun import FORCE, STATE_DIRNAME, local_run

    local = local_run(argv)
    if local is None:
        return 0
    options, inputs, outdir = local
    if FORCE not in options and os.path.exists(os.path.join(outdir, STATE_DIRNAME)):
        return 0  # a rerun: most documents may be reused, and the run starts workers only if it needs them
    try:
        workers = int(options["--workers"]) if "--workers" in options else os.cpu_count() or 1
        count = min(workers, documents(inputs))
    except Exception:  # a bad --workers, a missing INPUT, no PDF: the full run says what is wrong
        return 0
    if count < 1:
        return 0
    try:
        prestart(count, options.get("--page-source", ""))
    except OSError:  # only a head start: the supervisor starts its workers (and reports) as ever
        discard_prestarted()
        return 0
    return count
