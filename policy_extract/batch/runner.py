"""The batch run: plan the inputs, reuse what has not changed, dispatch the rest, write the run's files."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import pickle
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy_extract.core.errors import UsageError

from .envfault import EnvironmentFault, StopBatch, fault_message, release_lock, release_space, reserve_space
from .executors import OnDone, Task, executor_class
from .options import BatchOptions, BatchResult
from .outcome import DocOutcome, lost_outcome, reused_outcome, state_payload
from .outdir import clear_scratch, prepare_outdir
from .plan import Job, hashed_jobs, plan_jobs
from .progress import Progress, progress_display
from .runinfo import write_run_json
from .task import JobContext, ProcessFn, process_job
from .workers import join_reapers

if TYPE_CHECKING:  # pragma: no cover
    from policy_extract.settings import PipelineSettings

LIMIT_SHORTCUTS: tuple[str, ...] = ("timeout", "max_memory")
"""``run_batch`` keywords for one limit each (``--timeout``, ``--max-memory``); ``ocr`` sets the OCR mode."""
MANIFEST_STAMP = "manifest.json.sha256"
"""In ``OUTDIR/.state/``: the digest of the manifest text last validated (a rerun that writes the same
manifest skips jsonschema)."""


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str] = "out",
    *,
    settings: PipelineSettings | Mapping[str, Any] | None = None,
    options: BatchOptions | None = None,
    process: ProcessFn | None = None,
    command: Sequence[str] | None = None,
    **overrides: Any,
) -> BatchResult:
    """Run the batch and write OUTDIR; raises :class:`UsageError` for bad usage (nothing written then).

    ``settings`` (None, a dict or a :class:`~policy_extract.settings.PipelineSettings`) replace those of
    ``options``.  ``overrides`` are :class:`BatchOptions` fields (``workers=2``) or the shortcuts ``ocr``,
    ``timeout`` and ``max_memory`` for one setting each, applied on top of ``settings``.  ``process`` turns
    one path into a Document (default :func:`policy_extract.pipeline.process_pdf`, looked up at call time);
    it runs in worker processes, so it must be a module-level function.  Ctrl-C stops the workers, removes
    the scratch folder and re-raises ``KeyboardInterrupt``; the finished documents are reused next time.
    ``command``: the command line's arguments (``run ...``) when it started the run, so that a rerun of the
    same command can be answered from a record (:mod:`.rerun`).
    """
    from policy_extract import pipeline

    process = process or pipeline.process_pdf
    opts = merged_options(options, settings, overrides)
    check_ocr_engine(opts.settings)
    check_picklable(process)
    jobs = plan_jobs(inputs)
    out = Path(outdir)
    note = prepare_outdir(out)
    try:
        return run_locked(jobs, out, opts, process, inputs, [note] if note else [], command)
    finally:
        release_lock(out)
        join_reapers()  # the workers exited while the run's files were written


def check_ocr_engine(settings: PipelineSettings) -> None:
    """When OCR may be used (``auto``/``force``), its engine must import: checked once here, before anything
    is written, so a missing engine is a configuration error (exit 2), never a per-document ``no_text``
    result that a rerun would reuse."""
    if settings.ocr == "off":
        return
    from policy_extract.extract.registry import check_ocr_engine as check

    engine = settings.extract.ocr.engine
    try:
        check(engine)
    except ImportError as exc:
        detail = str(exc) or type(exc).__name__
        raise UsageError(f"--ocr {settings.ocr} needs the OCR engine {engine!r}, which cannot be loaded: "
                         f"{detail}") from exc


def run_locked(jobs: list[Job], out: Path, opts: BatchOptions, process: ProcessFn,
               inputs: Sequence[str | os.PathLike[str]], notes: list[str],
               command: Sequence[str] | None = None) -> BatchResult:
    """The run once OUTDIR is locked; an environment fault ends it with :class:`EnvironmentFault` after the
    manifest and run.json of the documents finished so far (as far as the disk allows).  The rerun record
    goes first and, for a ``command``, is written again at the end when a rerun could use it."""
    from .rerun import carries_password, forget_record, input_stamps, save_record

    started = dt.datetime.now(dt.UTC)
    forget_record(out)
    stamps = input_stamps([job.path for job in jobs])  # before the hashes: what a rerun may trust them by
    jobs = hashed_jobs(jobs)
    if command is not None and carries_password(command):
        command = None  # never recorded (rerun.save_record), so no rerun key is worked out for it
    prefetch = FinishPrefetch(command)
    try:
        reserve_space(out, len(jobs))
        result = run_and_write(jobs, out, opts, process, inputs, notes, started, prefetch)
    finally:
        release_space(out)
    if command is not None:
        with contextlib.suppress(OSError):  # only a shortcut for the next run
            save_record(command, result, jobs, opts, inputs, process, stamps, prefetch.command_key())
    return result


def run_and_write(jobs: list[Job], out: Path, opts: BatchOptions, process: ProcessFn,
                  inputs: Sequence[str | os.PathLike[str]], notes: list[str], started: dt.datetime,
                  prefetch: FinishPrefetch) -> BatchResult:
    """The documents, then the run's files: those of the documents finished when the environment stopped
    the batch, before :class:`EnvironmentFault` is raised."""
    try:
        outcomes = run_jobs(jobs, out, opts, process, prefetch)
    except StopBatch as stop:
        done = [job for job in jobs if job.index in stop.outcomes]
        finished = [stop.outcomes[job.index] for job in done]
        result = BatchResult(out, finished, started, dt.datetime.now(dt.UTC), notes, stop.message)
        write_outputs_or_stop(result, done, opts, inputs)
        raise EnvironmentFault(stop.message) from stop
    result = BatchResult(out, [outcomes[job.index] for job in jobs], started, dt.datetime.now(dt.UTC), notes)
    write_outputs_or_stop(result, jobs, opts, inputs)
    return result


def write_outputs_or_stop(result: BatchResult, jobs: list[Job], opts: BatchOptions,
                          inputs: Sequence[str | os.PathLike[str]]) -> None:
    """:func:`write_run_outputs`; a write error of the environment gives up the room held for them
    (:func:`~.envfault.reserve_space`) and tries once more, then clears the scratch folder and becomes an
    :class:`EnvironmentFault` after run.json alone (when the batch is already stopping, the first message
    stands)."""
    error: OSError | None = None
    message: str | None = None
    for retry in (False, True):
        if retry and not release_space(result.outdir):
            break
        try:
            write_run_outputs(result, jobs, opts, inputs)
            return
        except OSError as exc:
            message = fault_message(exc, result.outdir)
            if message is None:
                clear_scratch(result.outdir)
                raise
            error = exc
    clear_scratch(result.outdir)
    result.stopped = result.stopped or message
    with contextlib.suppress(OSError):  # run.json is small: it says what happened if anything fits
        write_run_json(result, jobs, opts, inputs)
        clear_scratch(result.outdir)
    raise EnvironmentFault(result.stopped) from error


def run_jobs(jobs: list[Job], out: Path, opts: BatchOptions, process: ProcessFn,
             prefetch: FinishPrefetch | None = None) -> dict[int, DocOutcome]:
    """Every job's outcome by index: reused from the state of an earlier run, or processed now."""
    from .resume import fingerprint, state_key

    fp = fingerprint(process, opts.settings)
    limits = {"timeout": opts.limits.timeout, "max_memory": opts.limits.max_memory}
    keys = {job.index: state_key(job.path, job.sha256, fp, limits) for job in jobs}
    outcomes, todo = split_reusable(jobs, out, keys, opts.force)
    context = JobContext(str(out), opts.password, opts.settings)
    task = functools.partial(process_job, process=process, context=context)
    show = sys.stdout.isatty() if opts.progress is None else opts.progress
    with progress_display(len(jobs), show) as progress:
        dispatched: dict[int, float] = {}

        def on_done(job: Job, result: Any) -> None:
            seconds = time.monotonic() - dispatched.get(job.index, time.monotonic())
            outcome = result if isinstance(result, DocOutcome) else lost_outcome(job, result, out, seconds)
            if outcome.environment is not None:
                raise StopBatch(outcome.environment)
            outcomes[job.index] = outcome
            if outcome.reusable and job.sha256 is not None:
                save_state_or_stop(out, job.doc_id, keys[job.index], state_payload(outcome))
            progress.done(job.file)

        for index in outcomes:
            progress.done(jobs[index].file)
        dispatched.update((job.index, time.monotonic()) for job in todo)
        try:
            dispatch(largest_first(todo), task, opts, on_done, progress, out, prefetch)
        except StopBatch as stop:
            stop.outcomes = dict(outcomes)
            raise
    return outcomes


def largest_first(jobs: list[Job]) -> list[Job]:
    """The jobs in dispatch order: the largest files first, input order among equals (an unreadable file
    counts as empty).  A batch ends when its last document does; started last, a long document keeps one
    worker busy while the others stand idle, started first it overlaps the many short ones.  Results are
    filed by input order whatever the order of dispatch."""

    def size(job: Job) -> int:
        try:
            return os.stat(job.path).st_size
        except OSError:
            return 0

    sizes = {job.index: size(job) for job in jobs}
    return sorted(jobs, key=lambda job: (-sizes[job.index], job.index))


def save_state_or_stop(out: Path, doc_id: str, key: dict[str, Any], payload: dict[str, Any]) -> None:
    from .resume import save_state

    try:
        save_state(out, doc_id, key, payload)
    except OSError as exc:
        message = fault_message(exc, out)
        if message is None:
            raise
        raise StopBatch(message) from exc


def dispatch(jobs: list[Job], task: Task, opts: BatchOptions, on_done: OnDone, progress: Progress, out: Path,
             prefetch: FinishPrefetch | None = None) -> None:
    """Run ``jobs`` on the executor ``opts.executor``; the scratch folder goes with an interrupted run."""
    if not jobs:
        return
    (prefetch or FinishPrefetch()).start(**writers_needed(out))
    try:
        executor_class(opts.executor)(opts).run(jobs, task, on_done, progress)
    except BaseException:
        clear_scratch(out)
        raise


def writers_needed(out: Path) -> dict[str, bool]:
    """Which writers of the run's files will most likely load their library: not one whose file and stamp
    are both in OUTDIR (a ``--force`` rerun, a run that changed a few documents), which skips an unchanged
    manifest or workbook; when its content did change, it loads the library itself at the end."""
    from .resume import STATE_DIRNAME

    state = out / STATE_DIRNAME
    return {
        "xlsx": not ((out / "review.xlsx").is_file() and (state / "review.xlsx.sha256").is_file()),
        "manifest": not ((out / "manifest.json").is_file() and (state / MANIFEST_STAMP).is_file()),
    }


def preload_run_writers(xlsx: bool = True, manifest: bool = True) -> None:
    """:meth:`FinishPrefetch.start` without a command line."""
    FinishPrefetch().start(xlsx, manifest)


class FinishPrefetch:
    """What the run's finish needs and its documents do not decide, made in a background thread while the
    workers process them: the parent waits on them anyway, and the serial tail after the last document only
    writes files.  Imported: what writes the run's files (review.xlsx's direct writer, the manifest's schema
    test, the CSV writer, the platform module); computed: run.json's platform and library versions, and for
    a command line the key of its rerun record (:func:`.rerun.command_key`: the code as it was when the
    documents were dispatched).  Started at once: with as many workers as cores busy it shares their CPU,
    which costs the run less than doing it after the last document.  A module's import lock makes the
    finish wait for an import still under way; anything that fails here is done (and reported) there."""

    def __init__(self, command: Sequence[str] | None = None) -> None:
        self.command = command
        self.key: dict[str, Any] | None = None
        self.thread: Any = None

    def start(self, xlsx: bool = True, manifest: bool = True) -> None:
        import threading

        self.thread = threading.Thread(target=self._run, args=(xlsx, manifest), name="preload-writers",
                                       daemon=True)
        self.thread.start()

    def command_key(self) -> dict[str, Any] | None:
        """The prefetched key of the rerun record (``None``: not prefetched, the record computes it)."""
        if self.thread is not None:
            self.thread.join()
        return self.key

    def _run(self, xlsx: bool, manifest: bool) -> None:
        with contextlib.suppress(Exception):
            _import_run_writers(xlsx, manifest)
        with contextlib.suppress(Exception):
            from .runinfo import library_versions, platform_text

            platform_text()
            library_versions()
        if self.command is not None:
            with contextlib.suppress(Exception):
                from .rerun import command_key

                self.key = command_key(self.command)


def _import_run_writers(xlsx: bool, manifest: bool) -> None:
    import policy_extract.outputs.csvio
    import policy_extract.outputs.manifest

    if xlsx:  # the direct writer; openpyxl loads only for a cell it leaves to it
        import policy_extract.outputs.xlsxwriter  # noqa: F401  (it imports .xlsx)
    if manifest:  # its quick test: a valid manifest needs no jsonschema
        from policy_extract.outputs import schema

        schema._quick(schema.MANIFEST_SCHEMA)


def split_reusable(
    jobs: list[Job], outdir: Path, keys: dict[int, dict[str, Any]], force: bool
) -> tuple[dict[int, DocOutcome], list[Job]]:
    """Outcomes reused from earlier runs by job index, and the jobs to process (their state forgotten)."""
    from .resume import forget_state, reusable_state

    reused: dict[int, DocOutcome] = {}
    todo: list[Job] = []
    for job in jobs:
        state = None if force else reusable_state(outdir, job.doc_id, keys[job.index])
        if state is not None:
            reused[job.index] = reused_outcome(job, state, outdir)
        else:
            forget_state(outdir, job.doc_id)
            todo.append(job)
    return reused, todo


def check_picklable(process: ProcessFn) -> None:
    try:
        pickle.dumps(process)
    except Exception as exc:
        message = f"the process function must be a module-level function: it runs in worker processes ({exc})"
        raise UsageError(message) from exc


def merged_options(
    options: BatchOptions | None,
    settings: PipelineSettings | Mapping[str, Any] | None,
    overrides: dict[str, Any],
) -> BatchOptions:
    """``options`` (or the defaults) with ``settings`` and the keyword ``overrides`` applied, validated."""
    base = options or BatchOptions()
    overrides = dict(overrides)
    changes: dict[str, Any] = {"ocr": overrides.pop("ocr")} if "ocr" in overrides else {}
    limits = {name: overrides.pop(name) for name in LIMIT_SHORTCUTS if name in overrides}
    if limits:
        changes["limits"] = limits
    unknown = sorted(set(overrides) - set(BatchOptions.__dataclass_fields__))
    if unknown:
        raise UsageError(f"unknown batch option(s): {', '.join(unknown)}")
    opts = replace(base, **overrides, **({} if settings is None else {"settings": settings}))
    return replace(opts, settings=opts.settings.merged(changes)) if changes else opts


def write_run_outputs(
    result: BatchResult, jobs: list[Job], opts: BatchOptions, inputs: Sequence[str | os.PathLike[str]]
) -> None:
    """manifest.json, combined CSVs, review.xlsx and run.json (all atomically); clears the scratch folder."""
    from policy_extract.outputs.csvio import write_duties_csv, write_indicators_csv
    from policy_extract.outputs.manifest import write_validated_manifest
    from policy_extract.outputs.xlsx import write_review_xlsx_if_changed

    from .resume import STATE_DIRNAME

    out = result.outdir
    write_validated_manifest(result.records, out / "manifest.json", out / STATE_DIRNAME / MANIFEST_STAMP)
    indicators = [row for o in result.outcomes for row in o.indicator_rows]
    duties = [row for o in result.outcomes for row in o.duty_rows]
    write_indicators_csv(out / "indicators.csv", indicators)
    write_duties_csv(out / "duties.csv", duties)
    stamp = out / STATE_DIRNAME / "review.xlsx.sha256"
    write_review_xlsx_if_changed(out / "review.xlsx", indicators, duties, stamp)
    write_run_json(result, jobs, opts, inputs)
    clear_scratch(out)
