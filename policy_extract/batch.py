"""The batch job: many PDFs → the SPEC's OUTDIR layout.

Rules this module implements (they are user-visible; the README and manifest schema repeat them):

* **Inputs** are files and folders.  Folders are searched recursively for ``*.pdf`` (case-insensitive,
  symlinked folders not followed), their files sorted by path; inputs keep command-line order; a file reached
  twice (same resolved path) is processed once, at its first position.  A file named explicitly is processed
  whatever its extension (a non-PDF then fails as ``not_pdf``).  No input path at all, or no PDF found, is
  bad usage (exit status 2).
* **doc_id** = file stem with unsafe characters (control characters, whitespace, ``<>:"/\\|?*``, leading or
  trailing dots) replaced by ``_``, Chinese kept, cut to :data:`DEFAULT_MAX_DOC_ID_BYTES` bytes of UTF-8 so
  the folder name is legal everywhere; a clash (compared case-insensitively, as on macOS/Windows) gets
  ``-2``, ``-3``… in input order.
* **Per document**: process, check against the JSON Schema, write ``docs/<doc_id>/`` into a temp folder
  inside OUTDIR and move it into place (an older folder is replaced).  Any error → a ``failed`` record and no
  ``docs/<doc_id>`` folder at all (a stale one from an earlier run is removed, so OUTDIR never shows output
  that contradicts the manifest).  Our errors keep their ``code``; ``MemoryError`` (also as the cause of
  another error) is ``too_large``; anything else is ``internal`` with the exception's type and message.
* **Isolation and limits**: every document runs in a supervised worker process
  (:mod:`policy_extract.workers`): ``timeout`` seconds per document (a timer in the worker, and a kill from
  the parent :data:`~policy_extract.workers.DEFAULT_KILL_GRACE` seconds later for work stuck in native
  code) and ``max_memory`` MB per worker (a data-segment limit in the worker and an RSS watchdog in the
  parent); a killed worker is replaced and the batch goes on.
* **Resumable**: a rerun reuses documents whose input, pipeline and options are unchanged
  (:mod:`policy_extract.resume`); ``force`` reprocesses them.  An interrupted run (Ctrl-C, ``kill -9``) leaves
  every ``docs/<doc_id>`` folder either complete or absent, and the next run starts where it stopped.
* **Status**: ``failed`` as above; ``partial`` per :func:`outputs.manifest.document_status`; else ``ok``.
* **Exit status**: 0 when every document is ``ok`` or ``partial`` (partial output is still output, and the
  manifest says what is missing); 1 when any document failed; 2 for bad usage (:class:`UsageError`).
* **Determinism**: everything but ``run.json`` is byte-identical on a rerun with the same inputs, whatever the
  number of workers or the executor; results are written in input order whatever the completion order.
* **Executors**: ``local`` runs ``workers`` worker processes on this machine; ``dask`` submits the same
  per-document task to a Dask distributed scheduler, where each task runs its document in a supervised child
  process of the Dask worker (same limits).  Inputs and OUTDIR must then be on a file system the Dask workers
  see at the same paths.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import pickle
import re
import secrets
import shutil
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import pipeline
from .core.digest import sha256_of
from .core.errors import DocumentTimeoutError, PolicyExtractError, UsageError
from .pipeline import DEFAULT_OCR, OCR_MODES
from .workers import JobFailure, Limits

if TYPE_CHECKING:  # pragma: no cover
    from policy_extract.outputs.csvio import Row
    from policy_extract.outputs.manifest import ManifestRecord

    from .core.model import Document

ProcessFn = Callable[..., "Document"]
OnDone = Callable[["Job", Any], None]
Task = Callable[["Job"], "DocOutcome"]

DEFAULT_WORKERS = os.cpu_count() or 1
DEFAULT_TIMEOUT = 120.0
DEFAULT_MAX_MEMORY = 2048
"""MB per worker: far above what a long notice needs, low enough that a decompression bomb cannot take the
machine down with it."""
DEFAULT_EXECUTOR = "local"
EXECUTORS: tuple[str, ...] = ("local", "dask")
DEFAULT_DASK_CONNECT_SECONDS = 30.0
DEFAULT_MAX_DOC_ID_BYTES = 150
TMP_DIRNAME = ".policy-extract-tmp"
MANIFEST_CODES = frozenset({"not_pdf", "encrypted", "corrupt", "timeout", "too_large", "no_text", "internal"})

_UNSAFE_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*\s]')
_EDGE_DOTS = re.compile(r"^\.+|\.+$")
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
)


# ------------------------------------------------------------------------------------------------ options


@dataclass(frozen=True, slots=True)
class BatchOptions:
    workers: int = DEFAULT_WORKERS
    ocr: str = DEFAULT_OCR
    timeout: float | None = DEFAULT_TIMEOUT
    """Seconds per document; ``None`` for no limit."""
    max_memory: int | None = DEFAULT_MAX_MEMORY
    """MB per worker process; ``None`` for no limit."""
    password: str | None = None
    force: bool = False
    """Reprocess documents a rerun would otherwise reuse (see :mod:`policy_extract.resume`)."""
    executor: str = DEFAULT_EXECUTOR
    scheduler: str | None = None
    """Dask scheduler address (``tcp://host:8786``), with ``executor="dask"`` only."""
    progress: bool | None = None
    """Show a progress bar; ``None`` = when stdout is a terminal."""

    def __post_init__(self) -> None:
        if not isinstance(self.workers, int) or self.workers < 1:
            raise UsageError(f"--workers must be a whole number ≥ 1, not {self.workers!r}")
        if self.ocr not in OCR_MODES:
            raise UsageError(f"--ocr must be one of {', '.join(OCR_MODES)}, not {self.ocr!r}")
        if self.timeout is not None and not self.timeout > 0:
            raise UsageError(f"--timeout must be a number of seconds > 0, not {self.timeout!r}")
        if self.max_memory is not None and not self.max_memory > 0:
            raise UsageError(f"--max-memory must be a number of MB > 0, not {self.max_memory!r}")
        if self.executor not in EXECUTORS:
            raise UsageError(f"--executor must be one of {', '.join(EXECUTORS)}, not {self.executor!r}")
        if self.executor == "dask" and not self.scheduler:
            raise UsageError("--executor dask needs --scheduler ADDR (e.g. tcp://10.0.0.5:8786)")
        if self.executor != "dask" and self.scheduler:
            raise UsageError("--scheduler is only used with --executor dask")

    def to_json(self) -> dict[str, Any]:
        """Options for run.json; the password itself is never written."""
        data = asdict(self)
        data["password"] = "(set)" if self.password else None
        return data

    @property
    def limits(self) -> Limits:
        return Limits(timeout=self.timeout, max_memory=self.max_memory)


@dataclass(frozen=True, slots=True)
class Job:
    index: int
    file: str
    """The path as the user reached it (INPUT, or INPUT folder + relative path), ``/`` separators."""
    path: str
    """Resolved absolute path."""
    doc_id: str
    sha256: str | None = None
    """Of the input's bytes, computed by the parent before dispatch (``None``: unreadable)."""


@dataclass(frozen=True, slots=True)
class WorkerSettings:
    outdir: str
    password: str | None
    ocr: str
    timeout: float | None


@dataclass(slots=True)
class DocOutcome:
    record: ManifestRecord
    indicator_rows: list[Row] = field(default_factory=list)
    duty_rows: list[Row] = field(default_factory=list)
    seconds: float = 0.0
    reused: bool = False
    """Taken from the state of an earlier run (nothing was processed)."""


@dataclass(slots=True)
class BatchResult:
    outdir: Path
    outcomes: list[DocOutcome]
    started: dt.datetime
    finished: dt.datetime

    @property
    def records(self) -> list[ManifestRecord]:
        return [o.record for o in self.outcomes]

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.record.status == status)

    @property
    def reused(self) -> int:
        return sum(1 for o in self.outcomes if o.reused)

    @property
    def exit_code(self) -> int:
        """0 when every document is ok or partial, 1 when any failed."""
        return 1 if self.count("failed") else 0

    def summary_line(self) -> str:
        reused = f" ({self.reused} unchanged, reused)" if self.reused else ""
        return (
            f"processed {len(self.outcomes)} documents{reused}: {self.count('ok')} ok, "
            f"{self.count('partial')} partial, {self.count('failed')} failed → {self.outdir}"
        )


# ------------------------------------------------------------------------------------------------- inputs


def pdfs_in_folder(folder: Path) -> list[Path]:
    """``*.pdf`` (any case) below ``folder``, sorted by relative path; symlinked folders are not followed."""
    found: list[Path] = []
    for root, _dirs, files in os.walk(folder):
        found.extend(Path(root) / f for f in files if f.lower().endswith(".pdf"))
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def find_inputs(inputs: Sequence[str | os.PathLike[str]]) -> list[tuple[str, Path]]:
    """``(display path, resolved path)`` of every input PDF, in input order, without duplicates."""
    seen: set[Path] = set()
    out: list[tuple[str, Path]] = []
    for arg in inputs:
        given = Path(arg)
        if not given.exists():
            raise UsageError(f"no such input path: {os.fspath(arg)}")
        files = pdfs_in_folder(given) if given.is_dir() else [given]
        for f in files:
            resolved = f.resolve()
            if resolved not in seen:
                seen.add(resolved)
                out.append((f.as_posix(), resolved))
    if not out:
        shown = ", ".join(os.fspath(a) for a in inputs) or "(none)"
        raise UsageError(f"no PDF files found in: {shown}")
    return out


def safe_doc_id(stem: str, max_bytes: int = DEFAULT_MAX_DOC_ID_BYTES) -> str:
    """A file stem made safe as a folder name on every platform (rules in the module docstring)."""
    text = _UNSAFE_CHARS.sub("_", stem)
    text = _EDGE_DOTS.sub(lambda m: "_" * len(m.group()), text)
    while len(text.encode("utf-8")) > max_bytes:
        text = text[:-1]
    if not text or text.split(".")[0].upper() in _WINDOWS_RESERVED:
        text = "_" + text
    return text


def assign_doc_ids(stems: Sequence[str]) -> list[str]:
    """Safe, unique doc_ids in input order; the second ``x`` becomes ``x-2``, the third ``x-3``."""
    taken: set[str] = set()
    ids: list[str] = []
    for stem in stems:
        base = safe_doc_id(stem)
        candidate, n = base, 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate.casefold())
        ids.append(candidate)
    return ids


def plan_jobs(inputs: Sequence[str | os.PathLike[str]]) -> list[Job]:
    """The documents of a run, in input order, with their doc_ids."""
    found = find_inputs(inputs)
    ids = assign_doc_ids([resolved.stem for _, resolved in found])
    pairs = enumerate(zip(found, ids, strict=True))
    return [Job(i, shown, str(resolved), doc_id) for i, ((shown, resolved), doc_id) in pairs]


# ------------------------------------------------------------------------------------------ one document


def file_sha256(path: str) -> str | None:
    """SHA-256 of the file's bytes; ``None`` when it cannot be read (the failure is recorded elsewhere)."""
    try:
        return sha256_of(path)
    except OSError:
        return None


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeoutError` in this thread after ``seconds`` (POSIX main thread only)."""
    usable = (
        seconds is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(_signum: int, _frame: object) -> None:
        from .workers import timeout_message

        raise DocumentTimeoutError(timeout_message(seconds))

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def tmp_root(outdir: Path) -> Path:
    """Scratch space inside OUTDIR, so that the final moves are renames on one file system."""
    path = outdir / TMP_DIRNAME
    path.mkdir(parents=True, exist_ok=True)
    return path


def replace_dir(new: Path, target: Path) -> None:
    """Move the finished folder ``new`` to ``target``, replacing an older one; never leaves a mix of both."""
    old = None
    if target.exists():
        old = new.parent / f"{new.name}.old"
        os.replace(target, old)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def remove_dir(target: Path, scratch: Path) -> None:
    """Remove ``target`` by renaming it away first, so it vanishes at once rather than file by file."""
    if not target.exists():
        return
    doomed = scratch / f"{target.name}.{os.getpid()}.{secrets.token_hex(4)}.gone"
    os.replace(target, doomed)
    shutil.rmtree(doomed, ignore_errors=True)


def write_document_folder(doc: Document, data: dict[str, Any], outdir: Path, doc_id: str) -> Path:
    """Write ``docs/<doc_id>/`` (document.json, indicators.csv, duties.csv, tables/*.csv) atomically."""
    from policy_extract.outputs import csvio
    from policy_extract.outputs.jsonio import write_json

    work = tmp_root(outdir) / f"{doc_id}.{os.getpid()}.{secrets.token_hex(4)}"
    try:
        write_json(data, work / "document.json")
        csvio.write_indicators_csv(work / "indicators.csv", csvio.indicator_rows(doc, doc_id))
        csvio.write_duties_csv(work / "duties.csv", csvio.duty_rows(doc, doc_id))
        (work / "tables").mkdir()
        table_names = assign_doc_ids([t.id for t in doc.tables])
        for table, name in zip(doc.tables, table_names, strict=True):
            csvio.write_table_csv(work / "tables" / f"{name}.csv", table)
        replace_dir(work, outdir / "docs" / doc_id)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return outdir / "docs" / doc_id


def error_chain(exc: BaseException) -> list[BaseException]:
    """``exc`` and the errors it was raised from or during, innermost last."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not e for e in chain):
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def error_code_and_message(exc: BaseException, max_memory: int | None = None) -> tuple[str, str]:
    """Manifest ``error`` of an exception (rules in the module docstring).

    The time limit and memory errors are looked for in the whole chain: a stage that wraps whatever a parser
    raised as ``corrupt`` (or pdfplumber's own wrapper) must not hide that the document ran out of time or
    memory, which says what to do about it.
    """
    chain = error_chain(exc)
    timeout = next((e for e in chain if isinstance(e, DocumentTimeoutError)), None)
    if timeout is not None:
        return timeout.code, timeout.message
    if any(isinstance(e, MemoryError) and not isinstance(e, PolicyExtractError) for e in chain):
        from .workers import memory_message

        if max_memory is None:
            return "too_large", "ran out of memory; process it on a machine with more memory, or alone"
        return "too_large", memory_message(max_memory, "")
    if isinstance(exc, PolicyExtractError) and exc.code in MANIFEST_CODES:
        return exc.code, exc.message
    return "internal", f"{type(exc).__name__}: {exc}"


def quiet_parser_logs() -> None:
    """PDF parsers log every repair they make on damaged files; over thousands of documents that drowns the
    terminal, and the manifest and each document's warnings are the report.  Errors still show."""
    import logging

    for name in ("pdfminer", "pdfplumber"):
        logging.getLogger(name).setLevel(logging.ERROR)


def process_job(
    job: Job, process: ProcessFn, settings: WorkerSettings, max_memory: int | None = None
) -> DocOutcome:
    """Process and write one document; every error becomes a failed record (runs in a worker process).

    The time limit covers processing, validation and writing: a document's whole work fits in ``timeout``.
    """
    from policy_extract.outputs.csvio import duty_rows, indicator_rows
    from policy_extract.outputs.manifest import record_for_document, record_for_failure
    from policy_extract.outputs.schema import validate_document

    from .core.model import to_jsonable

    quiet_parser_logs()
    start = time.perf_counter()
    outdir = Path(settings.outdir)
    sha = job.sha256 or file_sha256(job.path)
    try:
        with time_limit(settings.timeout):
            doc = process(job.path, password=settings.password, ocr=settings.ocr)
            data = to_jsonable(doc)
            validate_document(data)
            write_document_folder(doc, data, outdir, job.doc_id)
    except Exception as exc:  # a failing document never stops the batch
        remove_dir(outdir / "docs" / job.doc_id, tmp_root(outdir))
        code, message = error_code_and_message(exc, max_memory)
        record = record_for_failure(job.file, job.doc_id, sha, code, message)
        return DocOutcome(record, seconds=time.perf_counter() - start)
    record = record_for_document(job.file, job.doc_id, sha, doc)
    return DocOutcome(
        record, indicator_rows(doc, job.doc_id), duty_rows(doc, job.doc_id), time.perf_counter() - start
    )


def lost_outcome(job: Job, failure: JobFailure, outdir: Path, seconds: float = 0.0) -> DocOutcome:
    """Outcome of a document whose worker was killed or died (nothing of it is kept)."""
    from policy_extract.outputs.manifest import record_for_failure

    remove_dir(outdir / "docs" / job.doc_id, tmp_root(outdir))
    record = record_for_failure(job.file, job.doc_id, job.sha256, failure.code, failure.message)
    return DocOutcome(record, seconds=seconds)


# ------------------------------------------------------------------------------------------------ resume


def state_payload(outcome: DocOutcome) -> dict[str, Any]:
    return {
        "record": outcome.record.to_json(),
        "indicator_rows": outcome.indicator_rows,
        "duty_rows": outcome.duty_rows,
    }


def reused_outcome(job: Job, state: dict[str, Any], outdir: Path) -> DocOutcome:
    """The outcome an earlier run recorded for ``job`` (its manifest record, with today's display path)."""
    from policy_extract.outputs.manifest import ManifestError, ManifestRecord

    rec = state["record"]
    error = ManifestError(**rec["error"]) if rec.get("error") else None
    if error is not None:  # a failure has no folder; make sure no stale one contradicts the manifest
        remove_dir(outdir / "docs" / job.doc_id, tmp_root(outdir))
    record = ManifestRecord(
        job.file, job.doc_id, rec["sha256"], rec["status"], error, rec.get("pages"), rec.get("warnings", 0)
    )
    return DocOutcome(record, state.get("indicator_rows", []), state.get("duty_rows", []), reused=True)


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


# ----------------------------------------------------------------------------------------------- running


class Progress:
    """Progress callbacks of a run; this base class shows nothing (stdout not a terminal)."""

    def start(self, file: str) -> None:
        """``file`` is being processed now."""

    def done(self, file: str) -> None:
        """``file`` is finished (whatever its status)."""


class RichProgress(Progress):
    """A rich progress bar: current file, bar, documents done / total, elapsed time."""

    def __init__(self, bar: Any, total: int) -> None:
        self.bar = bar
        self.task = bar.add_task("", total=total)

    def start(self, file: str) -> None:
        self.bar.update(self.task, description=Path(file).name)

    def done(self, file: str) -> None:
        self.bar.update(self.task, advance=1, description=Path(file).name)


@contextmanager
def progress_display(total: int, enabled: bool) -> Iterator[Progress]:
    """The progress callbacks of a run; a rich progress bar when ``enabled``."""
    if not enabled:
        yield Progress()
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as RichBar

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with RichBar(*columns) as bar:
        yield RichProgress(bar, total)


def run_local(jobs: list[Job], task: Task, opts: BatchOptions, on_done: OnDone, progress: Progress) -> None:
    """Process ``jobs`` on up to ``opts.workers`` supervised worker processes of this machine."""
    from .workers import Supervisor

    workers = max(1, min(opts.workers, len(jobs)))
    with Supervisor(task, opts.limits, workers) as supervisor:
        supervisor.run(jobs, on_done, lambda job: progress.start(job.file))


def run_dask(jobs: list[Job], task: Task, opts: BatchOptions, on_done: OnDone) -> None:
    """Submit one task per document to the Dask scheduler ``opts.scheduler``; results as they complete."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise UsageError(
            "--executor dask needs dask.distributed: pip install 'policy-extract[dask]'"
        ) from exc
    from .workers import run_isolated

    try:
        client = Client(opts.scheduler, timeout=DEFAULT_DASK_CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {opts.scheduler}: {exc}") from exc
    run_token = secrets.token_hex(4)
    with client:
        submit = functools.partial(client.submit, run_isolated, task)
        futures = {submit(j, opts.limits, key=f"policy-extract-{run_token}-{j.index}"): j for j in jobs}
        try:
            for future in as_completed(futures):
                on_done(futures[future], dask_result(future))
        except BaseException:
            client.cancel(list(futures))
            raise


def dask_result(future: Any) -> Any:
    """The task's result, or an ``internal`` failure when the task itself failed on the cluster."""
    try:
        return future.result()
    except Exception as exc:
        message = f"the Dask task failed ({type(exc).__name__}: {exc}); see the Dask worker logs"
        return JobFailure("internal", message)


def check_picklable(process: ProcessFn) -> None:
    try:
        pickle.dumps(process)
    except Exception as exc:
        message = f"the process function must be a module-level function: it runs in worker processes ({exc})"
        raise UsageError(message) from exc


def prepare_outdir(outdir: Path) -> Path:
    """OUTDIR, created; scratch left by an interrupted run is removed (one run at a time per OUTDIR)."""
    if outdir.exists() and not outdir.is_dir():
        raise UsageError(f"output folder {outdir} exists and is not a folder")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create output folder {outdir}: {exc.strerror}") from exc
    shutil.rmtree(outdir / TMP_DIRNAME, ignore_errors=True)
    return outdir


def hashed_jobs(jobs: list[Job]) -> list[Job]:
    return [replace(job, sha256=file_sha256(job.path)) for job in jobs]


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str] = "out",
    *,
    options: BatchOptions | None = None,
    process: ProcessFn | None = None,
    **overrides: Any,
) -> BatchResult:
    """Run the batch and write OUTDIR; raises :class:`UsageError` for bad usage (nothing written then).

    ``process`` turns one path into a Document (default :func:`policy_extract.pipeline.process_pdf`, looked
    up at call time); it runs in worker processes, so it must be a module-level function.  ``overrides`` are
    :class:`BatchOptions` fields (``run_batch(["pdfs"], "out", workers=2)``) applied on top of ``options``.
    Ctrl-C stops the workers, removes the scratch folder and re-raises ``KeyboardInterrupt``; the documents
    finished so far are kept and reused by the next run.
    """
    from .resume import fingerprint, save_state, state_key

    process = process or pipeline.process_pdf
    opts = _merged_options(options, overrides)
    check_picklable(process)
    jobs = plan_jobs(inputs)
    out = prepare_outdir(Path(outdir))
    started = dt.datetime.now(dt.UTC)
    jobs = hashed_jobs(jobs)
    fp = fingerprint(process, opts.ocr)
    limits = {"timeout": opts.timeout, "max_memory": opts.max_memory}
    keys = {job.index: state_key(job.path, job.sha256, fp, limits) for job in jobs}
    outcomes, todo = split_reusable(jobs, out, keys, opts.force)
    settings = WorkerSettings(str(out), opts.password, opts.ocr, opts.timeout)
    task = functools.partial(process_job, process=process, settings=settings, max_memory=opts.max_memory)
    show = sys.stdout.isatty() if opts.progress is None else opts.progress
    with progress_display(len(jobs), show) as progress:
        dispatched: dict[int, float] = {}

        def on_done(job: Job, result: Any) -> None:
            seconds = time.monotonic() - dispatched.get(job.index, time.monotonic())
            outcome = result if isinstance(result, DocOutcome) else lost_outcome(job, result, out, seconds)
            outcomes[job.index] = outcome
            save_state(out, job.doc_id, keys[job.index], state_payload(outcome))
            progress.done(job.file)

        for index in outcomes:
            progress.done(jobs[index].file)
        dispatched.update((job.index, time.monotonic()) for job in todo)
        try:
            if todo and opts.executor == "dask":
                run_dask(todo, task, opts, on_done)
            elif todo:
                run_local(todo, task, opts, on_done, progress)
        except BaseException:
            shutil.rmtree(out / TMP_DIRNAME, ignore_errors=True)
            raise
    result = BatchResult(out, [outcomes[job.index] for job in jobs], started, dt.datetime.now(dt.UTC))
    write_run_outputs(result, jobs, opts, inputs)
    return result


def _merged_options(options: BatchOptions | None, overrides: dict[str, Any]) -> BatchOptions:
    base = options or BatchOptions()
    if not overrides:
        return base
    known = set(BatchOptions.__dataclass_fields__)
    unknown = sorted(set(overrides) - known)
    if unknown:
        raise UsageError(f"unknown batch option(s): {', '.join(unknown)}")
    return BatchOptions(**{**asdict(base), **overrides})


# ----------------------------------------------------------------------------------------- batch outputs


def write_run_outputs(
    result: BatchResult, jobs: list[Job], opts: BatchOptions, inputs: Sequence[str | os.PathLike[str]]
) -> None:
    """manifest.json, combined CSVs, review.xlsx and run.json (all atomically); clears the scratch folder."""
    from policy_extract.outputs.csvio import write_duties_csv, write_indicators_csv
    from policy_extract.outputs.manifest import write_manifest
    from policy_extract.outputs.schema import validate_manifest
    from policy_extract.outputs.xlsx import write_review_xlsx_if_changed

    from .resume import STATE_DIRNAME

    out = result.outdir
    validate_manifest([r.to_json() for r in result.records])
    write_manifest(result.records, out / "manifest.json")
    indicators = [row for o in result.outcomes for row in o.indicator_rows]
    duties = [row for o in result.outcomes for row in o.duty_rows]
    write_indicators_csv(out / "indicators.csv", indicators)
    write_duties_csv(out / "duties.csv", duties)
    stamp = out / STATE_DIRNAME / "review.xlsx.sha256"
    write_review_xlsx_if_changed(out / "review.xlsx", indicators, duties, stamp)
    write_run_json(result, jobs, opts, inputs)
    shutil.rmtree(out / TMP_DIRNAME, ignore_errors=True)


def library_versions() -> dict[str, str | None]:
    """Installed versions of the libraries that shape the output (``None`` when absent)."""
    from importlib import metadata

    names = (
        "pdfplumber", "pdfminer.six", "pypdfium2", "camelot-py", "opencv-python-headless",
        "jieba", "openpyxl", "jsonschema", "rich", "PyYAML", "pikepdf",
    )  # fmt: skip
    versions: dict[str, str | None] = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def write_run_json(
    result: BatchResult, jobs: list[Job], opts: BatchOptions, inputs: Sequence[str | os.PathLike[str]]
) -> None:
    """run.json: what ran, with what, when, how long each document took (the one non-deterministic file)."""
    import platform

    from policy_extract.outputs.jsonio import write_json

    from . import __version__
    from .core.model import SCHEMA_VERSION

    data = {
        "pipeline": {"name": "policy-extract", "version": __version__, "schema_version": SCHEMA_VERSION},
        "python": {"version": platform.python_version(), "implementation": platform.python_implementation()},
        "platform": platform.platform(),
        "libraries": library_versions(),
        "inputs": [os.fspath(i) for i in inputs],
        "outdir": str(result.outdir),
        "options": opts.to_json(),
        "started": result.started.isoformat(timespec="seconds"),
        "finished": result.finished.isoformat(timespec="seconds"),
        "seconds": round((result.finished - result.started).total_seconds(), 3),
        "totals": {
            "documents": len(result.outcomes),
            **{s: result.count(s) for s in ("ok", "partial", "failed")},
            "reused": result.reused,
        },
        "exit_status": result.exit_code,
        "documents": [document_timing(j, o) for j, o in zip(jobs, result.outcomes, strict=True)],
    }
    write_json(data, result.outdir / "run.json")


def document_timing(job: Job, outcome: DocOutcome) -> dict[str, Any]:
    """One document's line in run.json: status, seconds, and whether it was reused from an earlier run."""
    return {
        "doc_id": job.doc_id,
        "file": job.file,
        "status": outcome.record.status,
        "seconds": round(outcome.seconds, 3),
        "reused": outcome.reused,
    }
