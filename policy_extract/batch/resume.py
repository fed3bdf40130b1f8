"""Resumable batches: a small state record per document, so a rerun skips what has not changed.

Rules (user-visible; the README repeats them):

* After a document finishes, the batch writes ``OUTDIR/.state/<doc_id>.json`` (atomically): the input's
  resolved path and sha256, a **fingerprint** of what produced the output (pipeline and schema version, the
  process function, the versions of the PDF libraries, ``--ocr`` and every other setting that shapes the
  output and differs from its default), its manifest record and its rows of the combined CSVs.  Nothing in
  it depends on time, so reruns stay byte-identical.
* A rerun **reuses** a document when its state matches the input's path, sha256 and fingerprint, and, for an
  ``ok``/``partial`` document, ``docs/<doc_id>/document.json`` is still there.  Failures are reused only when
  rerunning cannot change them: ``not_pdf``, ``corrupt`` and ``no_text`` always; ``timeout`` with the same
  ``--timeout`` and ``too_large`` with the same ``--max-memory``.  ``encrypted`` (a password may help) and
  ``internal`` (a crash) are always retried.  A failure is tied to the input's sha256: an input that could
  not be read (missing, unreadable, a symlink loop) or changed while it was processed gets no state record,
  so it is always retried.  ``--force`` ignores every state record.
* A document's state is removed before it is processed again, so a state record always describes the output
  beside it, even after an interrupted run.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy_extract.core.errors import REUSABLE_FAILURES

if TYPE_CHECKING:  # pragma: no cover
    from policy_extract.settings import PipelineSettings

STATE_DIRNAME = ".state"
STATE_VERSION = 1
FINGERPRINT_LIBRARIES: tuple[str, ...] = ("pdfplumber", "pdfminer.six", "pypdfium2")


def fingerprint(process: Callable[..., Any], settings: PipelineSettings) -> dict[str, Any]:
    """What, besides the input bytes, decides a document's output.

    The settings enter as their OCR mode, the page source (always: a new default redoes what the old one
    made) and the output-shaping values that differ from the defaults, so changing any of them redoes every
    document, and an OUTDIR made with the defaults stays reusable.
    """
    from policy_extract import __version__
    from policy_extract.core.model import SCHEMA_VERSION

    from .runinfo import library_versions

    fp: dict[str, Any] = {
        "pipeline": __version__,
        "schema_version": SCHEMA_VERSION,
        "process": f"{getattr(process, '__module__', '?')}.{getattr(process, '__qualname__', repr(process))}",
        "libraries": library_versions(FINGERPRINT_LIBRARIES),
        "ocr": settings.ocr,
        "page_source": settings.extract.page_source,
    }
    changes = {k: v for k, v in settings.output_changes().items() if k != "ocr"}
    if changes:
        fp["settings"] = changes
    return fp


def state_path(outdir: Path, doc_id: str) -> Path:
    return outdir / STATE_DIRNAME / f"{doc_id}.json"


def forget_state(outdir: Path, doc_id: str) -> None:
    state_path(outdir, doc_id).unlink(missing_ok=True)


def save_state(outdir: Path, doc_id: str, key: dict[str, Any], payload: dict[str, Any]) -> None:
    """Record a finished document: ``key`` (path, sha256, fingerprint, limits) and its ``payload``."""
    from policy_extract.outputs.jsonio import write_bytes_atomic

    # One line, no indent: json's C encoder writes it (an indented dump is the pure-Python one, milliseconds
    # of the batch parent per document while its workers want the cores); only a rerun reads this file.
    data = {"state_version": STATE_VERSION, **key, **payload}
    text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"
    write_bytes_atomic(state_path(outdir, doc_id), text.encode("utf-8"))


def load_state(outdir: Path, doc_id: str) -> dict[str, Any] | None:
    try:
        data = json.loads(state_path(outdir, doc_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("state_version") == STATE_VERSION else None


def reusable_state(outdir: Path, doc_id: str, key: dict[str, Any]) -> dict[str, Any] | None:
    """The stored state of ``doc_id`` when it can stand for a rerun with ``key`` (rules above), else None."""
    state = load_state(outdir, doc_id)
    if state is None or key.get("sha256") is None:
        return None
    if any(state.get(k) != key[k] for k in ("path", "sha256", "fingerprint")):
        return None
    record = state.get("record") or {}
    error = record.get("error")
    if error is None:
        return state if (outdir / "docs" / doc_id / "document.json").is_file() else None
    code = error.get("code")
    if code not in REUSABLE_FAILURES:
        return None
    option = REUSABLE_FAILURES[code]
    if option is not None and state.get("limits", {}).get(option) != key["limits"].get(option):
        return None
    return state


def state_key(path: str, sha256: str | None, fp: dict[str, Any], limits: dict[str, Any]) -> dict[str, Any]:
    return {"path": os.fspath(path), "sha256": sha256, "fingerprint": fp, "limits": limits}
