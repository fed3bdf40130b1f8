"""Executors: where the per-document task runs, selected by name from :data:`EXECUTORS`.

An executor gets the jobs still to do and the task (a picklable ``Job -> DocOutcome``), and calls
``on_done(job, result)`` once per job with the task's outcome or a :class:`~.workers.JobFailure` when the task
never returned.  Adding one (a cluster scheduler, a queue) is a subclass and one line in the registry; the
CLI's ``--executor`` lists the registry.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from policy_extract.core.errors import ErrorCode, UsageError

from .workers import JobFailure

if TYPE_CHECKING:  # pragma: no cover
    from .options import BatchOptions
    from .outcome import DocOutcome
    from .plan import Job
    from .progress import Progress

OnDone = Callable[["Job", Any], None]
Task = Callable[["Job"], "DocOutcome"]

DEFAULT_EXECUTOR = "local"
DEFAULT_DASK_CONNECT_SECONDS = 30.0


class Executor:
    """Runs a batch's task over its jobs; subclasses say where (see the module docstring)."""

    name: ClassVar[str]
    help: ClassVar[str]

    def __init__(self, options: BatchOptions) -> None:
        self.options = options

    @classmethod
    def check_options(cls, options: BatchOptions) -> None:
        """Raise :class:`UsageError` for options this executor cannot run with (called at creation)."""
        if options.scheduler:
            raise UsageError("--scheduler is only used with --executor dask")

    def run(self, jobs: list[Job], task: Task, on_done: OnDone, progress: Progress) -> None:
        raise NotImplementedError


class LocalExecutor(Executor):
    """``workers`` supervised worker processes on this machine."""

    name = "local"
    help = "worker processes on this machine"

    def run(self, jobs: list[Job], task: Task, on_done: OnDone, progress: Progress) -> None:
        from .spawn import discard_prestarted
        from .workers import Supervisor

        workers = max(1, min(self.options.workers, len(jobs)))
        try:
            supervisor = Supervisor(task, self.options.limits, workers)
            supervisor.run(jobs, on_done, lambda job: progress.start(job.file))  # closes it on an error
            supervisor.close(wait=False)  # the run's files are written while the workers exit
        finally:
            discard_prestarted()  # started early for more workers than the batch has documents


class DaskExecutor(Executor):
    """One task per document on a Dask distributed scheduler, each in a supervised child of its Dask worker.

    Inputs and OUTDIR must be on a file system the Dask workers see at the same paths.
    """

    name = "dask"
    help = "one task per document on a Dask distributed cluster"

    @classmethod
    def check_options(cls, options: BatchOptions) -> None:
        if not options.scheduler:
            raise UsageError("--executor dask needs --scheduler ADDR (e.g. tcp://10.0.0.5:8786)")

    def run(self, jobs: list[Job], task: Task, on_done: OnDone, progress: Progress) -> None:
        from .outdir import random_hex
        from .workers import run_isolated

        client, as_completed = self._connect()
        run_token = random_hex()
        limits = self.options.limits
        with client:
            submit = functools.partial(client.submit, run_isolated, task)
            futures = {submit(j, limits, key=f"policy-extract-{run_token}-{j.index}"): j for j in jobs}
            try:
                for future in as_completed(futures):
                    on_done(futures[future], dask_result(future))
            except BaseException:
                client.cancel(list(futures))
                raise

    def _connect(self) -> tuple[Any, Callable[..., Any]]:
        """A client of the scheduler and ``as_completed``; bad usage when dask is missing or unreachable."""
        try:
            from distributed import Client, as_completed
        except ImportError as exc:
            message = "--executor dask needs dask.distributed: pip install 'policy-extract[dask]'"
            raise UsageError(message) from exc
        address = self.options.scheduler
        try:
            return Client(address, timeout=DEFAULT_DASK_CONNECT_SECONDS), as_completed
        except (OSError, TimeoutError, ValueError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc


def dask_result(future: Any) -> Any:
    """The task's result, or an ``internal`` failure when the task itself failed on the cluster."""
    try:
        return future.result()
    except Exception as exc:
        message = f"the Dask task failed ({type(exc).__name__}: {exc}); see the Dask worker logs"
        return JobFailure(ErrorCode.INTERNAL, message)


EXECUTORS: dict[str, type[Executor]] = {cls.name: cls for cls in (LocalExecutor, DaskExecutor)}
"""Executors by name (``--executor``)."""


def executor_class(name: str) -> type[Executor]:
    """The executor registered as ``name``; bad usage for an unknown one."""
    try:
        return EXECUTORS[name]
    except KeyError:
        raise UsageError(f"--executor must be one of {', '.join(EXECUTORS)}, not {name!r}") from None
