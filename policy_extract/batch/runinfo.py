"""run.json: what ran, with what, when, and how long each document took (the one non-deterministic file)."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .options import BatchOptions, BatchResult
    from .outcome import DocOutcome
    from .plan import Job

RUN_LIBRARIES: tuple[str, ...] = (
    "pdfplumber", "pdfminer.six", "pypdfium2", "camelot-py", "opencv-python-headless",
    "jieba", "openpyxl", "jsonschema", "rich", "PyYAML", "pikepdf",
)  # fmt: skip
"""The libraries whose versions can shape the output, recorded so a run can be reproduced."""


def library_versions(names: Sequence[str] = RUN_LIBRARIES) -> dict[str, str | None]:
    """Installed versions of ``names`` (``None`` when absent)."""
    return {name: library_version(name) for name in names}


@cache
def library_version(name: str) -> str | None:
    """One installed distribution's version, looked up once per process (the resume fingerprint and
    run.json both ask): the ``Version`` of the first ``<name>-*.dist-info`` (or ``.egg-info``) on
    ``sys.path``, as :func:`importlib.metadata.version` finds it, without importing that module and its email
    parser (a tenth of an unchanged rerun); importlib answers when the metadata file cannot be read."""
    found = installed_distributions().get(distribution_key(name))
    if found is None:
        return None
    version = read_version(found)
    if version is None:
        from importlib import metadata

        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None
    return version


def distribution_key(name: str) -> str:
    """``pdfminer.six``, ``pdfminer_six`` and ``PDFMiner-Six`` are one distribution (PEP 503)."""
    return re.sub(r"[-_.]+", "_", name).lower()


@cache
def installed_distributions() -> dict[str, Path]:
    """Each distribution's metadata folder (the first on ``sys.path``), by :func:`distribution_key`."""
    found: dict[str, Path] = {}
    for entry in sys.path:
        folder = Path(entry or ".")
        try:
            names = sorted(os.listdir(folder))
        except OSError:  # a zip file, a missing folder, a path hook
            continue
        for child in names:
            if child.endswith(_METADATA_SUFFIXES):
                stem = child.rsplit(".", 1)[0]
                found.setdefault(distribution_key(stem.split("-", 1)[0]), folder / child)
    return found


_METADATA_SUFFIXES = (".dist-info", ".egg-info")


def read_version(path: Path) -> str | None:
    """The ``Version:`` header of a ``.dist-info``'s METADATA or an ``.egg-info``'s PKG-INFO."""
    candidates = [path] if path.is_file() else [path / "METADATA", path / "PKG-INFO"]
    for candidate in candidates:
        try:
            with open(candidate, encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    if not line.strip():
                        break  # end of the headers
                    if line.startswith("Version:"):
                        return line.split(":", 1)[1].strip()
        except OSError:
            continue
    return None


def write_run_json(
    result: BatchResult, jobs: list[Job], opts: BatchOptions, inputs: Sequence[str | os.PathLike[str]]
) -> None:
    """Write ``OUTDIR/run.json`` (atomically)."""
    from policy_extract.outputs.jsonio import write_json

    write_json(run_json_data(result, jobs, opts, inputs), result.outdir / "run.json")


def run_json_data(
    result: BatchResult, jobs: list[Job], opts: BatchOptions, inputs: Sequence[str | os.PathLike[str]]
) -> dict[str, Any]:
    """What run.json says of ``result``."""
    import platform

    from policy_extract import __version__
    from policy_extract.core.model import SCHEMA_VERSION

    return {
        "pipeline": {"name": "policy-extract", "version": __version__, "schema_version": SCHEMA_VERSION},
        "python": {"version": platform.python_version(), "implementation": platform.python_implementation()},
        "platform": platform_text(),
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
        **({"notes": result.notes} if result.notes else {}),
        **({"stopped": result.stopped} if result.stopped else {}),
        "documents": [document_timing(j, o) for j, o in zip(jobs, result.outcomes, strict=True)],
    }


@cache
def platform_text() -> str:
    """``platform.platform()``, looked up once per process (it reads the C library's version from the
    interpreter's binary); the batch parent asks for it while its workers run (``runner.FinishPrefetch``)."""
    import platform

    return platform.platform()


def document_timing(job: Job, outcome: DocOutcome) -> dict[str, Any]:
    """One document's line in run.json: status, seconds, and whether it was reused from an earlier run."""
    return {
        "doc_id": job.doc_id,
        "file": job.file,
        "status": outcome.record.status,
        "seconds": round(outcome.seconds, 3),
        "reused": outcome.reused,
    }
