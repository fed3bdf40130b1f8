"""One document's work in a worker process: process, validate, write, and turn any error into a record."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from policy_extract.core.errors import ErrorCode

from .budget import document_clock
from .envfault import fault_message
from .outcome import DocOutcome, error_code_and_message, failed_outcome, one_line
from .outdir import write_document_folder
from .plan import Job, file_sha256

if TYPE_CHECKING:  # pragma: no cover
    from policy_extract.core.model import Document
    from policy_extract.settings import PipelineSettings

ProcessFn = Callable[..., "Document"]
"""``process(path, *, password=..., settings=PipelineSettings) -> Document``, a module-level function."""


@dataclass(frozen=True, slots=True)
class JobContext:
    """What every document of a run shares, sent once to each worker process."""

    outdir: str
    password: str | None
    settings: PipelineSettings


def quiet_parser_logs() -> None:
    """PDF parsers log every repair they make on damaged files; over thousands of documents that drowns the
    terminal, and the manifest and each document's warnings are the report.  Errors still show."""
    import logging

    for name in ("pdfminer", "pdfplumber"):
        logging.getLogger(name).setLevel(logging.ERROR)


def process_job(job: Job, process: ProcessFn, context: JobContext) -> DocOutcome:
    """Process and write one document; every error becomes a failed record (runs in a worker process).

    The time limit covers processing, validation and writing: a document's whole work fits in its limit
    (``--timeout``, or one sized to the document: :mod:`policy_extract.batch.budget`).
    """
    from policy_extract.outputs.csvio import duty_rows, indicator_rows
    from policy_extract.outputs.manifest import record_for_document
    from policy_extract.outputs.schema import checked_document_json

    quiet_parser_logs()
    start = time.perf_counter()
    outdir, limits = Path(context.outdir), context.settings.limits
    job = replace(job, sha256=job.sha256 or file_sha256(job.path))
    try:
        with document_clock(job.path, context.password, limits, context.settings.ocr):
            doc = process(job.path, password=context.password, settings=context.settings)
            data = checked_document_json(doc)  # cross-references, then the JSON Schema
            write_document_folder(doc, data, outdir, job.doc_id)
    except Exception as exc:  # a failing document never stops the batch
        code, message = error_code_and_message(exc, limits.max_memory)
        if code == ErrorCode.TOO_LARGE:
            release_frames(exc)  # what the failed job allocated, so recording the failure has memory
        return failure(job, outdir, exc, code, message, time.perf_counter() - start)
    (outdir / LOG_DIRNAME / f"{job.doc_id}.log").unlink(missing_ok=True)  # of an earlier failed run
    record = record_for_document(job.file, job.doc_id, job.sha256, doc)
    return DocOutcome(
        record, indicator_rows(doc, job.doc_id), duty_rows(doc, job.doc_id), time.perf_counter() - start
    )


def failure(job: Job, outdir: Path, exc: Exception, code: str, message: str, seconds: float) -> DocOutcome:
    """The failed outcome of ``job``: not reusable unless tied to the input's content; an environment fault
    (disk full, OUTDIR not writable) is marked so the parent stops the batch."""
    environment = fault_message(exc, outdir) if isinstance(exc, OSError) else None
    if code == ErrorCode.INTERNAL and environment is None:
        message = f"{message}. {log_traceback(exc, outdir, job.doc_id)}"
    message = one_line(message)
    try:
        outcome = failed_outcome(job, outdir, code, message, seconds)
    except OSError as cleanup:  # the disk that failed the write may fail the clean-up too
        from policy_extract.outputs.manifest import record_for_failure

        environment = environment or fault_message(cleanup, outdir)
        record = record_for_failure(job.file, job.doc_id, job.sha256, code, message)
        outcome = DocOutcome(record, seconds=seconds)
    outcome.environment = environment
    outcome.reusable = environment is None and job.sha256 is not None and file_sha256(job.path) == job.sha256
    return outcome


def release_frames(exc: BaseException) -> None:
    """Drop the tracebacks of ``exc`` and of the errors chained to it: their frames hold the job's data
    (page images, parser caches), which a worker that ran out of memory needs back to record the failure."""
    import gc

    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        current.__traceback__ = None
        current = current.__cause__ or current.__context__
    gc.collect()


LOG_DIRNAME = "logs"


def log_traceback(exc: BaseException, outdir: Path, doc_id: str) -> str:
    """Write ``exc``'s traceback to ``OUTDIR/logs/<doc_id>.log``; the sentence that names it for the manifest
    (the manifest never holds a traceback)."""
    import traceback

    path = outdir / LOG_DIRNAME / f"{doc_id}.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(traceback.format_exception(exc)), encoding="utf-8")
    except OSError:
        return "This is a bug in policy-extract; please report it"
    log = f"{LOG_DIRNAME}/{doc_id}.log"
    return f"This is a bug in policy-extract; the traceback is in {log}, please report it"
