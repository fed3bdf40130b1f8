"""Supervised worker processes: run one task per job in a child process the parent can always stop.

Why not ``concurrent.futures.ProcessPoolExecutor``: it cannot kill one worker.  A PDF parser stuck in native
code (or allocating without end) never returns to the interpreter, so a timer inside the worker cannot stop
it; only the parent can, by killing that process and starting a new one.  Rules:

* A worker is a plain ``python`` child process (``subprocess``, not ``multiprocessing``, so it also works
  inside daemonic processes such as Dask workers).  Jobs and results travel as length-prefixed pickles over
  its stdin/stdout; the child points its own fd 1 at stderr so library ``print`` calls cannot corrupt them.
  The command line may start a run's workers before the run is planned (:mod:`.spawn`); such a worker loads
  the pipeline before it reads its first message, and a supervisor adopts it like one it started.
* **Timeout**: the task itself may stop at ``timeout`` (the batch's timer signal); the parent kills the worker
  at ``timeout + kill_grace`` whatever it is doing, and reports ``timeout``.
* **Memory**: the child caps its data segment at ``max_memory`` MB (``RLIMIT_DATA``, POSIX), so a runaway
  allocation fails at once as ``MemoryError``; the parent also samples the child's RSS every
  ``poll_seconds`` and kills it above the cap (``too_large``), for memory the limit does not see.  A worker
  that died on its own after its RSS passed :data:`DEFAULT_DEATH_MEMORY_FRACTION` of the cap is ``too_large``
  too (native code that aborts when an allocation fails).  A worker that died any other way under the cap
  is ambiguous (OpenCV and onnxruntime segfault when the data-segment limit refuses them memory, far below
  the RSS they would use): its job runs once more on a fresh worker without the data-segment cap, judged by
  the RSS watchdog alone; only a second death is ``internal``.
* A worker is replaced after ``max_jobs_per_worker`` jobs, after a job that left its RSS above half the cap,
  and after any kill; a new one starts on demand.
* Ctrl-C reaches the parent only (children run in a session of their own and ignore SIGINT); the parent
  kills every child on the way out.  On Linux a child also dies with its parent (``PR_SET_PDEATHSIG``), so
  ``kill -9`` of the batch leaves no orphan writing output; elsewhere a worker whose parent is gone ends
  quietly at its stdin's end.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import IO, Any

from policy_extract.core.errors import ErrorCode

from .spawn import PARENT_PID_ENV as PARENT_PID_ENV  # where they were defined before .spawn
from .spawn import WARM_ENV, adopt, kill, spawn_worker
from .spawn import WORKERS_ENV as WORKERS_ENV
from .spawn import child_env as child_env

DEFAULT_TIMEOUT: float | None = None
"""Fixed seconds per document (``--timeout``); ``None``: each document gets its own budget, sized to it."""
DEFAULT_BASE_SECONDS = 60.0
"""A document's budget before its pages: opening, normalizing, writing (and the time to count the pages)."""
DEFAULT_PAGE_SECONDS = 10.0
"""Budget per page read from its text layer (a born-digital page takes well under a second)."""
DEFAULT_OCR_PAGE_SECONDS = 60.0
"""Extra budget per page read with OCR (a scanned or garbled page takes seconds to tens of seconds)."""
DEFAULT_MAX_MEMORY = 2048
"""MB per worker in a batch (``--max-memory``): far above what a long notice needs, low enough that a
decompression bomb cannot take the machine down with it."""
DEFAULT_KILL_GRACE = 1.0
"""Seconds past ``timeout`` before the parent kills a worker (lets the in-worker timer report first)."""
DEFAULT_POLL_SECONDS = 0.05
DEFAULT_MAX_JOBS_PER_WORKER = 200
"""Bounds slow leaks in PDF libraries' caches over a long batch."""
DEFAULT_DEATH_MEMORY_FRACTION = 0.8
DEFAULT_STOP_SECONDS = 5.0
_MB = 1 << 20
_HEADER = struct.Struct(">Q")
_EOF = object()
EXIT_OUT_OF_MEMORY = 3
"""A worker's exit status after it reported :class:`OutOfMemory`."""

Task = Callable[[Any], Any]


@dataclass(frozen=True, slots=True)
class Limits:
    timeout: float | None = None
    """Seconds per job; ``None`` for none."""
    max_memory: int | None = None
    """MB per worker process; ``None`` for none."""
    kill_grace: float = DEFAULT_KILL_GRACE
    poll_seconds: float = DEFAULT_POLL_SECONDS
    max_jobs_per_worker: int = DEFAULT_MAX_JOBS_PER_WORKER
    base_seconds: float = DEFAULT_BASE_SECONDS
    """With ``timeout=None``: a document's time limit is ``base_seconds + page_seconds × pages`` plus
    ``ocr_page_seconds`` for every page read with OCR (see :mod:`policy_extract.batch.budget`)."""
    page_seconds: float = DEFAULT_PAGE_SECONDS
    ocr_page_seconds: float = DEFAULT_OCR_PAGE_SECONDS

    def __post_init__(self) -> None:
        if self.timeout is not None and not self.timeout > 0:
            raise ValueError(f"timeout must be > 0 seconds, not {self.timeout!r}")
        if self.max_memory is not None and not self.max_memory > 0:
            raise ValueError(f"max_memory must be > 0 MB, not {self.max_memory!r}")
        if self.kill_grace < 0 or not self.poll_seconds > 0 or self.max_jobs_per_worker < 1:
            raise ValueError("kill_grace must be ≥ 0, poll_seconds > 0 and max_jobs_per_worker ≥ 1")
        if not self.base_seconds > 0 or self.page_seconds < 0 or self.ocr_page_seconds < 0:
            raise ValueError("base_seconds must be > 0, page_seconds and ocr_page_seconds ≥ 0")

    @property
    def kill_after(self) -> float:
        """Seconds before the parent kills a worker whose job has not reported its budget: ``timeout``, or
        the base budget (the worker reports the document's own budget once it has counted the pages)."""
        return (self.base_seconds if self.timeout is None else self.timeout) + self.kill_grace

    @property
    def max_memory_bytes(self) -> int | None:
        return None if self.max_memory is None else self.max_memory * _MB


@dataclass(frozen=True, slots=True)
class Budget:
    """Sent by a worker while a job runs: the job's time limit, in seconds from its start, is now ``seconds``
    (the parent kills it ``kill_grace`` later)."""

    seconds: float


@dataclass(frozen=True, slots=True)
class OutOfMemory:
    """A worker's last word when its job ran out of memory outside the task's own error handling (a
    ``MemoryError`` while the task recorded an earlier failure, or while its result was sent): the parent
    reports ``too_large`` instead of a dead worker.  Pickled before any job runs, so saying it allocates
    nothing."""


_channel: IO[bytes] | None = None
"""In a worker process: the pipe to the parent (set by :func:`worker_main`)."""


def report_budget(seconds: float) -> None:
    """In a worker: tell the parent this job's time limit (outside a worker: nothing to do)."""
    if _channel is not None:
        send_message(_channel, Budget(seconds))


@dataclass(frozen=True, slots=True)
class JobFailure:
    """A job whose worker had to be killed, or died: the task never returned a result."""

    code: str
    """``timeout``, ``too_large`` or ``internal``."""
    message: str


# ------------------------------------------------------------------------------------------- messages


def framed(obj: object) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


def send_message(stream: IO[bytes], obj: object) -> None:
    stream.write(framed(obj))
    stream.flush()


def read_exact(stream: IO[bytes], n: int) -> bytes:
    chunks: list[bytes] = []
    while n:
        chunk = stream.read(n)
        if not chunk:
            raise EOFError("the other side closed the pipe")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def recv_message(stream: IO[bytes]) -> Any:
    (size,) = _HEADER.unpack(read_exact(stream, _HEADER.size))
    return pickle.loads(read_exact(stream, size))


# ----------------------------------------------------------------------------------------------- child


def die_with_parent() -> None:
    """Linux: the kernel kills this process when its parent dies (no orphan after ``kill -9``).  A parent
    that died before the signal was armed (while this interpreter started) is seen by its pid: the parent
    names itself in :data:`PARENT_PID_ENV`, and a different ``getppid()`` after arming means it is gone."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # best effort: the stdin EOF still ends the worker
            pass
    expected = os.environ.get(PARENT_PID_ENV)
    if expected is not None and expected != str(os.getppid()):
        os._exit(1)  # the parent is gone: write nothing


def apply_memory_limit(max_memory: int | None) -> None:
    """Cap this process's data segment (heap and private mappings), so a huge allocation fails at once."""
    if max_memory is None:
        return
    try:
        import resource
    except ImportError:  # Windows: the parent's RSS watchdog is the only guard
        return
    limit = max_memory * _MB
    for name in ("RLIMIT_DATA", "RLIMIT_AS"):
        which = getattr(resource, name, None)
        if which is None:
            continue
        _soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY and hard < limit:
            limit = hard
        try:
            resource.setrlimit(which, (limit, hard))
        except (ValueError, OSError):
            continue
        return  # RLIMIT_DATA where it exists; RLIMIT_AS only as the fallback (it counts untouched reserves)


def worker_main() -> None:
    """The child's loop: hello (sys.path, limits, task) then jobs until ``None`` or EOF."""
    global _channel
    channel = _channel = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything a library prints goes to stderr, never into the result pipe
    sys.stdout = sys.stderr
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    die_with_parent()
    inbox = sys.stdin.buffer
    warm = os.environ.pop(WARM_ENV, None)
    if warm is not None:  # started early (.spawn): the pipeline's modules load while the parent gets ready
        from policy_extract.pipeline import warm_up

        warm_up(warm or None)
    try:
        hello = recv_message(inbox)
    except (EOFError, OSError):  # the parent is gone (or never adopted it): nothing to do, nothing to say
        os._exit(0)
    sys.path[:] = hello["sys_path"]
    apply_memory_limit(hello["max_memory"])
    task: Task = pickle.loads(hello["task"])
    out_of_memory = framed(OutOfMemory())
    while True:
        try:
            job = recv_message(inbox)
        except EOFError:
            return
        if job is None:  # asked to stop: nothing is left to flush (every reply was), so skip the
            os._exit(0)  # interpreter's teardown of the PDF libraries, which the parent would wait for
        run_and_reply(task, job, channel, out_of_memory)


def run_and_reply(task: Task, job: Any, channel: IO[bytes], out_of_memory: bytes) -> None:
    """Send ``task(job)``; when that runs out of memory, send the pre-built :class:`OutOfMemory` (its
    traceback is dropped first, freeing what the job held) and exit: this process's heap is not to be
    trusted for another job."""
    try:
        send_message(channel, task(job))
        return
    except MemoryError:
        pass
    channel.write(out_of_memory)
    channel.flush()
    os._exit(EXIT_OUT_OF_MEMORY)


# ---------------------------------------------------------------------------------------------- parent


def process_rss(pid: int) -> int | None:
    """Resident memory of process ``pid`` in bytes; ``None`` when it cannot be read.  On Linux from
    ``/proc/<pid>/statm``, as psutil reads it there (the parent samples every worker many times a second,
    and psutil's import is a tenth of the parent's start-up); elsewhere through psutil when installed."""
    if _HAS_PROC_STATM:
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
                return int(fh.read().split()[1]) * _PAGE_SIZE
        except (OSError, ValueError, IndexError):  # gone already
            return None
    try:
        import psutil

        return int(psutil.Process(pid).memory_info().rss)
    except Exception:  # not installed, gone already, or no permission
        return None


_HAS_PROC_STATM = os.path.exists("/proc/self/statm")
_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if _HAS_PROC_STATM else 0


def greeted(hello: bytes, workers: int, adopted: subprocess.Popen[bytes] | None) -> subprocess.Popen[bytes]:
    """The ``adopted`` worker (started early), else a new one, sent its ``hello``.  An adopted worker that
    died since :func:`.spawn.adopt` saw it running (the write fails) is killed and a new one started: its
    BrokenPipeError aborted the batch."""
    if adopted is not None:
        try:
            send_hello(adopted, hello)
        except OSError:
            kill(adopted)
        else:
            return adopted
    proc = spawn_worker(workers)
    send_hello(proc, hello)
    return proc


def send_hello(proc: subprocess.Popen[bytes], hello: bytes) -> None:
    assert proc.stdin is not None
    proc.stdin.write(hello)
    proc.stdin.flush()


class Worker:
    """One child process, its reader thread and the job it is running."""

    def __init__(self, hello: bytes, results: queue.Queue[tuple[Worker, Any]], workers: int = 1,
                 uncapped: bool = False) -> None:
        self.hello, self.uncapped = hello, uncapped
        self.proc = greeted(hello, workers, None if uncapped else adopt(workers))
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin: IO[bytes] = self.proc.stdin
        self.job: Any = None
        self.started = 0.0
        self.jobs_done = 0
        self.peak_rss = 0
        self.reader = threading.Thread(target=self._read, args=(self.proc.stdout, results), daemon=True)
        self.reader.start()

    def _read(self, stream: IO[bytes], results: queue.Queue[tuple[Worker, Any]]) -> None:
        while True:
            try:
                message = recv_message(stream)
            except Exception:  # EOF (the child died or was killed) or a garbled message
                results.put((self, _EOF))
                return
            results.put((self, message))

    def submit(self, job: Any) -> None:
        send_message(self.stdin, job)
        self.job, self.started, self.peak_rss = job, time.monotonic(), 0
        self.kill_after: float | None = None

    def sample_rss(self) -> int:
        rss = process_rss(self.proc.pid) or 0
        self.peak_rss = max(self.peak_rss, rss)
        return rss

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self._close_stdin()

    def stop(self) -> None:
        """Ask the child to exit; kill it if it does not within :data:`DEFAULT_STOP_SECONDS`."""
        self.wait_stopped(self.ask_to_stop())

    def ask_to_stop(self) -> bool:
        """Send the stop message; False when the pipe is gone (the child is dead or dying)."""
        try:
            send_message(self.stdin, None)
        except (OSError, ValueError):
            return False
        return True

    def wait_stopped(self, asked: bool = True) -> None:
        """Wait for a child that was asked to stop, then make sure it is gone."""
        if asked:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=DEFAULT_STOP_SECONDS)
        self.kill()

    def _close_stdin(self) -> None:
        with contextlib.suppress(OSError):
            self.stdin.close()

    def death_description(self) -> str:
        code = self.proc.wait()
        if code < 0:
            try:
                return f"killed by signal {signal.Signals(-code).name}"
            except ValueError:
                return f"killed by signal {-code}"
        return f"exit status {code}"


class Supervisor:
    """Runs jobs on up to ``workers`` supervised child processes; see the module docstring."""

    def __init__(self, task: Task, limits: Limits, workers: int) -> None:
        if workers < 1:
            raise ValueError(f"workers must be ≥ 1, not {workers!r}")
        self.limits = limits
        self.workers = workers
        self.hello = hello_message(task, limits)
        self.hello_uncapped = hello_message(task, replace(limits, max_memory=None))
        """For a job's second try after its worker died under the data-segment cap (RSS still watched)."""
        self.results: queue.Queue[tuple[Worker, Any]] = queue.Queue()
        self.idle: list[Worker] = []
        self.busy: list[Worker] = []

    def run(
        self,
        jobs: Sequence[Any],
        on_done: Callable[[Any, Any], None],
        on_start: Callable[[Any], None] | None = None,
    ) -> None:
        """Call ``on_done(job, result)`` for every job: the task's return value, or a :class:`JobFailure`.

        Idle workers stay up for the next ``run``; on an exception (Ctrl-C) every worker is killed.
        """
        pending = deque(jobs)
        tell = on_start or (lambda _job: None)
        try:
            for job in self._fill(pending):
                tell(job)
            while pending or self.busy:
                done = self._collect()
                try:  # a freed worker gets its next job first; the results are filed whatever happens
                    started = self._fill(pending)
                finally:
                    for job, result in done:
                        on_done(job, result)
                for job in started:  # told after the results, so a progress line names the running file
                    tell(job)
        except BaseException:
            self.close()
            raise

    def _fill(self, pending: deque[Any]) -> list[Any]:
        """Start waiting jobs while a worker is free; the jobs started."""
        started = []
        while pending and len(self.busy) < self.workers:
            job = pending.popleft()
            self._start(job)
            started.append(job)
        return started

    def __enter__(self) -> Supervisor:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self, wait: bool = True) -> None:
        """Stop idle workers and kill busy ones; ``wait=False``: the idle ones' exits (the kernel freeing
        their memory, milliseconds the batch's finish need not wait for) are waited for in a thread."""
        for worker in self.busy:
            worker.kill()
        idle, asked = self.idle, [worker.ask_to_stop() for worker in self.idle]  # all first: side by side
        self.busy, self.idle = [], []
        if wait:
            wait_all_stopped(idle, asked)
        elif idle:
            reaper = threading.Thread(target=wait_all_stopped, args=(idle, asked), name="reap-workers",
                                      daemon=True)
            reaper.start()
            _reapers.append(reaper)

    def _start(self, job: Any, uncapped: bool = False) -> None:
        """``job`` on an idle worker, or a new one; ``uncapped``: on a new worker without the data-segment
        cap (a second try), retired after the job."""
        if uncapped:
            worker = Worker(self.hello_uncapped, self.results, self.workers, uncapped=True)
        else:
            worker = self.idle.pop() if self.idle else Worker(self.hello, self.results, self.workers)
        try:
            worker.submit(job)
        except OSError:  # the idle worker died meanwhile: use a fresh one
            worker.kill()
            worker = Worker(worker.hello, self.results, self.workers, uncapped=worker.uncapped)
            worker.submit(job)
        self.busy.append(worker)

    def _collect(self) -> list[tuple[Any, Any]]:
        """Results that arrived within one poll interval, then the jobs the limits stopped."""
        done: list[tuple[Any, Any]] = []
        try:
            worker, message = self.results.get(timeout=self.limits.poll_seconds)
        except queue.Empty:
            pass
        else:
            done.extend(self._receive(worker, message))
            while not self.results.empty():
                done.extend(self._receive(*self.results.get_nowait()))
        done.extend(self._enforce_limits())
        return done

    def _receive(self, worker: Worker, message: Any) -> list[tuple[Any, Any]]:
        if worker not in self.busy:  # EOF of a worker we killed or retired: already accounted for
            return []
        if isinstance(message, Budget):  # the job's own time limit, sized to the document
            worker.kill_after = message.seconds + self.limits.kill_grace
            return []
        job = worker.job
        self.busy.remove(worker)
        if message is _EOF:
            worker.kill()
            if self.limits.max_memory is not None and not worker.uncapped:
                self._start(job, uncapped=True)  # see the module docstring: died under the cap
                return []
            return [(job, self._died(worker))]
        if isinstance(message, OutOfMemory):
            worker.kill()
            return [(job, JobFailure(ErrorCode.TOO_LARGE, memory_message(self.limits.max_memory, "")))]
        worker.jobs_done += 1
        worker.job = None
        if worker.uncapped or self._should_retire(worker):
            worker.stop()
        else:
            self.idle.append(worker)
        return [(job, message)]

    def _should_retire(self, worker: Worker) -> bool:
        cap = self.limits.max_memory_bytes
        if worker.jobs_done >= self.limits.max_jobs_per_worker:
            return True
        return cap is not None and worker.sample_rss() > cap // 2

    def _died(self, worker: Worker) -> JobFailure:
        how = worker.death_description()
        cap = self.limits.max_memory_bytes
        if cap is not None and worker.peak_rss >= cap * DEFAULT_DEATH_MEMORY_FRACTION:
            return JobFailure(ErrorCode.TOO_LARGE, memory_message(self.limits.max_memory, f" ({how})"))
        return JobFailure(
            ErrorCode.INTERNAL,
            f"the worker process died while processing this document ({how}); a PDF library crashed on it — "
            "check the file, and report it with the file if it opens elsewhere",
        )

    def _enforce_limits(self) -> list[tuple[Any, Any]]:
        stopped: list[tuple[Any, Any]] = []
        now = time.monotonic()
        for worker in list(self.busy):
            failure = self._over_limit(worker, now)
            if failure is None:
                continue
            worker.kill()
            self.busy.remove(worker)
            stopped.append((worker.job, failure))
        return stopped

    def _over_limit(self, worker: Worker, now: float) -> JobFailure | None:
        kill_after, cap = worker.kill_after or self.limits.kill_after, self.limits.max_memory_bytes
        if now - worker.started > kill_after:
            ran = now - worker.started
            how = "--timeout" if self.limits.timeout is not None else "sized to the document"
            limit = kill_after - self.limits.kill_grace
            return JobFailure(ErrorCode.TIMEOUT, timeout_message(limit, ran, how=how))
        if cap is not None and worker.sample_rss() > cap:
            return JobFailure(ErrorCode.TOO_LARGE, memory_message(self.limits.max_memory, ""))
        return None


_reapers: list[threading.Thread] = []
"""Threads waiting for the workers of supervisors closed with ``wait=False``."""


def wait_all_stopped(workers: list[Worker], asked: list[bool]) -> None:
    for worker, ok in zip(workers, asked, strict=True):
        worker.wait_stopped(ok)


def join_reapers() -> None:
    """Wait until every worker of a supervisor closed with ``wait=False`` is gone (and its resources are
    counted as this process's children's)."""
    while _reapers:
        _reapers.pop().join()


def timeout_message(limit: float, ran: float, page: int | None = None, how: str = "") -> str:
    """Why a document was stopped: how long it ran, its limit (and ``how`` it was sized), the page it was
    on when known, and how to give it longer."""
    where = f" on page {page}" if page is not None else ""
    sized = f" ({how})" if how else ""
    return (
        f"processing was stopped{where} after {ran:.0f} s, past its time limit of {limit:g} s{sized}; give "
        "it longer with --timeout S (seconds per document), or check whether the file is damaged"
    )


def memory_message(max_memory: int | None, detail: str) -> str:
    return (
        f"processing needed more than {max_memory} MB of memory (--max-memory) and was stopped{detail}; "
        "raise --max-memory, or check whether the file is damaged (e.g. a decompression bomb)"
    )


def hello_message(task: Task, limits: Limits) -> bytes:
    """The first message to every child (framed): where to import from, its memory cap, the task."""
    hello = {"sys_path": list(sys.path), "max_memory": limits.max_memory, "task": pickle.dumps(task)}
    data = pickle.dumps(hello, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


def run_isolated(task: Task, job: Any, limits: Limits) -> Any:
    """Run one job in a fresh supervised child (the Dask task): the result or a :class:`JobFailure`."""
    box: list[Any] = []
    with Supervisor(task, limits, 1) as supervisor:
        supervisor.run([job], lambda _job, result: box.append(result))
    return box[0]
