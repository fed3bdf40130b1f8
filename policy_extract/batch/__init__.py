"""The batch job: many PDFs → the SPEC's OUTDIR layout.

Rules this package implements (they are user-visible; the README and manifest schema repeat them):

* **Inputs** (:mod:`.plan`) are files and folders.  Folders are searched recursively for ``*.pdf``
  (case-insensitive, symlinked folders not followed), their files sorted by path; inputs keep command-line
  order; a file reached twice (same resolved path) is processed once, at its first position.  A file named
  explicitly is processed whatever its extension (a non-PDF then fails as ``not_pdf``).  No input path at
  all, or no PDF found, is bad usage (exit status 2).
* **doc_id** (:mod:`.plan`) = file stem with unsafe characters (control characters, whitespace,
  ``<>:"/\\|?*``, leading or trailing dots) replaced by ``_``, Chinese kept, cut to
  :data:`~.plan.DEFAULT_MAX_DOC_ID_BYTES` bytes of UTF-8 so the folder name is legal everywhere; a clash
  (compared case-insensitively, as on macOS/Windows) gets ``-2``, ``-3``… in input order.
* **Per document** (:mod:`.task`, :mod:`.outdir`): process with the run's
  :class:`~policy_extract.settings.PipelineSettings`, check against the JSON Schema, write ``docs/<doc_id>/``
  into a temp folder inside OUTDIR and move it into place (an older folder is replaced).  Any error → a
  ``failed`` record (:mod:`.outcome`) and no ``docs/<doc_id>`` folder at all (a stale one from an earlier run
  is removed, so OUTDIR never shows output that contradicts the manifest).
* **Isolation and limits** (:mod:`.workers`): every document runs in a supervised worker process: the
  settings' ``limits.timeout`` seconds per document (a timer in the worker, and a kill from the parent
  :data:`~.workers.DEFAULT_KILL_GRACE` seconds later for work stuck in native code) and
  ``limits.max_memory`` MB per worker (a data-segment limit in the worker and an RSS watchdog in the
  parent); a killed worker is replaced and the batch goes on.
* **Resumable** (:mod:`.resume`): a rerun reuses documents whose input, pipeline and settings are unchanged;
  ``force`` reprocesses them.  An interrupted run (Ctrl-C, ``kill -9``) leaves every ``docs/<doc_id>``
  folder either complete or absent, and the next run starts where it stopped.  A command-line rerun with
  nothing to redo is answered from a record of the last run before the batch machinery loads
  (:mod:`.rerun`).
* **Status**: ``failed`` as above; ``partial`` per :func:`policy_extract.outputs.manifest.document_status`;
  else ``ok``.
* **Exit status**: 0 when every document is ``ok`` or ``partial`` (partial output is still output, and the
  manifest says what is missing); 1 when any document failed; 2 for bad usage (:class:`UsageError`).
* **Determinism**: everything but ``run.json`` (:mod:`.runinfo`) is byte-identical on a rerun with the same
  inputs, whatever the number of workers or the executor; results are written in input order whatever the
  completion order.  Documents are dispatched largest file first (:func:`.runner.largest_first`), so a long
  document does not end the batch alone.
* **Executors** (:mod:`.executors`, by name): ``local`` runs ``workers`` worker processes on this machine;
  ``dask`` submits the same per-document task to a Dask distributed scheduler, where each task runs its
  document in a supervised child process of the Dask worker (same limits).  Inputs and OUTDIR must then be
  on a file system the Dask workers see at the same paths.

Importing this package stays light (no stage, no PDF library): the CLI reads the executor registry from it
before parsing, and ``--help`` must stay fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS: dict[str, str] = {
    "EXECUTORS": "executors", "Executor": "executors", "BatchOptions": "options", "BatchResult": "options",
    "MANIFEST_CODES": "outcome", "DocOutcome": "outcome", "error_code_and_message": "outcome",
    "TMP_DIRNAME": "outdir", "Job": "plan", "assign_doc_ids": "plan", "find_inputs": "plan",
    "plan_jobs": "plan", "safe_doc_id": "plan", "run_batch": "runner", "JobContext": "task",
    "process_job": "task",
}  # fmt: skip
"""Where each name of ``__all__`` lives; imported when first asked for, so that the unchanged rerun's check
(:mod:`.rerun`) can import its own module of this package without the rest."""


__all__ = [
    "EXECUTORS",
    "MANIFEST_CODES",
    "TMP_DIRNAME",
    "BatchOptions",
    "BatchResult",
    "DocOutcome",
    "Executor",
    "Job",
    "JobContext",
    "assign_doc_ids",
    "error_code_and_message",
    "find_inputs",
    "plan_jobs",
    "process_job",
    "run_batch",
    "safe_doc_id",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
