"""What became of each document: its manifest record and CSV rows, from a result, an error or a kill.

Our errors keep their ``code``; memory exhaustion (``MemoryError``, ``ENOMEM``, a native library's failed
allocation or thread creation; also as the cause of another error) is ``too_large``; the batch's time limit
(also as a cause) is ``timeout``; anything else is ``internal`` with the exception's type and the first
words of its message (the traceback goes to ``OUTDIR/logs/<doc_id>.log``, which the message names).
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy_extract.core.errors import DocumentTimeoutError, ErrorCode, PolicyExtractError

from .outdir import remove_document_folder
from .plan import Job
from .workers import JobFailure, memory_message

if TYPE_CHECKING:  # pragma: no cover
    from policy_extract.outputs.csvio import Row
    from policy_extract.outputs.manifest import ManifestRecord

MANIFEST_CODES: frozenset[str] = frozenset(code.value for code in ErrorCode)
"""The manifest's ``error.code`` values (defined once, in :class:`~policy_extract.core.errors.ErrorCode`)."""


@dataclass(slots=True)
class DocOutcome:
    record: ManifestRecord
    indicator_rows: list[Row] = field(default_factory=list)
    duty_rows: list[Row] = field(default_factory=list)
    seconds: float = 0.0
    reused: bool = False
    """Taken from the state of an earlier run (nothing was processed)."""
    reusable: bool = True
    """May stand for a rerun: false for a failure not tied to the input's content (the file could not be
    read, or changed while it was processed), which a rerun must retry."""
    environment: str | None = None
    """Set when the environment, not the document, failed (OUTDIR not writable, disk full): one line that
    says what to do; the batch stops (:mod:`.envfault`)."""


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
    if any(is_memory_exhaustion(e) for e in chain):
        if max_memory is None:
            advice = "process it on a machine with more memory, or alone"
            return ErrorCode.TOO_LARGE, f"ran out of memory; {advice}"
        return ErrorCode.TOO_LARGE, memory_message(max_memory, "")
    if isinstance(exc, PolicyExtractError) and exc.code in MANIFEST_CODES:
        return exc.code, exc.message
    return ErrorCode.INTERNAL, f"{type(exc).__name__}: {one_line(str(exc), 200)}"


_NATIVE_MEMORY_FAILURE = re.compile(
    r"bad_alloc|cannot allocate memory|out of memory|failed to allocate|memory allocation failed"
    r"|pthread_create|can't start new thread|thread creation failed",
    re.IGNORECASE,
)
"""What native libraries (onnxruntime, OpenCV, numpy) say when an allocation or a new thread fails: under
``--max-memory`` both are the memory cap."""


def is_memory_exhaustion(exc: BaseException) -> bool:
    """Python's MemoryError, ENOMEM, or a native library's allocation or thread-creation failure."""
    if isinstance(exc, PolicyExtractError):
        return False
    if isinstance(exc, MemoryError) or (isinstance(exc, OSError) and exc.errno == errno.ENOMEM):
        return True
    return bool(_NATIVE_MEMORY_FAILURE.search(str(exc)))  # native bindings raise their own exception types


MAX_MESSAGE_CHARS = 400
"""A manifest message is one or two sentences for a person; details go to the log file."""


def one_line(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``text`` on one line (whitespace runs collapsed), cut to ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def failed_outcome(job: Job, outdir: Path, code: str, message: str, seconds: float = 0.0) -> DocOutcome:
    """A ``failed`` record for ``job``, with its output folder removed (nothing of it is kept)."""
    from policy_extract.outputs.manifest import record_for_failure

    remove_document_folder(outdir, job.doc_id)
    return DocOutcome(record_for_failure(job.file, job.doc_id, job.sha256, code, message), seconds=seconds)


def lost_outcome(job: Job, failure: JobFailure, outdir: Path, seconds: float = 0.0) -> DocOutcome:
    """Outcome of a document whose worker was killed or died."""
    return failed_outcome(job, outdir, failure.code, failure.message, seconds)


def state_payload(outcome: DocOutcome) -> dict[str, Any]:
    """What the resume state keeps of an outcome, to stand for it in a rerun."""
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
        remove_document_folder(outdir, job.doc_id)
    record = ManifestRecord(
        job.file, job.doc_id, rec["sha256"], rec["status"], error, rec.get("pages"), rec.get("warnings", 0)
    )
    return DocOutcome(record, state.get("indicator_rows", []), state.get("duty_rows", []), reused=True)
