"""OUTDIR on disk: the folder itself, its scratch space, and the atomic moves that keep it consistent.

Every ``docs/<doc_id>`` folder is written in scratch space inside OUTDIR and renamed into place, so an
interrupted run leaves each folder complete or absent; a failed document's folder is renamed away at once.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Only os and pathlib at import (shutil when a folder is removed): the unchanged rerun's check (:mod:`.rerun`)
# reads TMP_DIRNAME.

if TYPE_CHECKING:  # pragma: no cover
    from policy_extract.core.model import Document

TMP_DIRNAME = ".policy-extract-tmp"


def random_hex() -> str:
    """8 random hex digits for a scratch name (``secrets.token_hex(4)``, whose import loads OpenSSL)."""
    return os.urandom(4).hex()


def prepare_outdir(outdir: Path) -> str | None:
    """OUTDIR created and locked for this run; scratch left by an interrupted run is removed.  Returns a note
    when a stale lock was taken over (:func:`~.envfault.acquire_lock`)."""
    from policy_extract.core.errors import UsageError

    from .lock import acquire_lock

    if outdir.exists() and not outdir.is_dir():
        raise UsageError(f"output folder {outdir} exists and is not a folder")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create output folder {outdir}: {exc.strerror}") from exc
    note = acquire_lock(outdir)
    clear_scratch(outdir)
    return note


def tmp_root(outdir: Path) -> Path:
    """Scratch space inside OUTDIR, so that the final moves are renames on one file system."""
    path = outdir / TMP_DIRNAME
    path.mkdir(parents=True, exist_ok=True)
    return path


def clear_scratch(outdir: Path) -> None:
    """Remove the scratch space (at the end of a run, after Ctrl-C, or left by a killed run)."""
    remove_tree(outdir / TMP_DIRNAME)


def remove_tree(path: Path) -> None:
    """Remove a folder and everything in it, whatever is left (shutil loaded only here)."""
    import shutil

    shutil.rmtree(path, ignore_errors=True)


def replace_dir(new: Path, target: Path) -> None:
    """Move the finished folder ``new`` to ``target``, replacing an older one; never leaves a mix of both."""
    old = None
    if target.exists():
        old = new.parent / f"{new.name}.old"
        os.replace(target, old)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(new, target)
    if old is not None:
        remove_tree(old)


def remove_dir(target: Path, scratch: Path) -> None:
    """Remove ``target`` by renaming it away first, so it vanishes at once rather than file by file."""
    if not target.exists():
        return
    doomed = scratch / f"{target.name}.{os.getpid()}.{random_hex()}.gone"
    os.replace(target, doomed)
    remove_tree(doomed)


def remove_document_folder(outdir: Path, doc_id: str) -> None:
    """No ``docs/<doc_id>`` for a failed document: a stale one would contradict the manifest."""
    remove_dir(outdir / "docs" / doc_id, tmp_root(outdir))


def write_document_folder(doc: Document, data: dict[str, Any], outdir: Path, doc_id: str) -> Path:
    """Write ``docs/<doc_id>/`` (document.json, indicators.csv, duties.csv, tables/*.csv) atomically."""
    from policy_extract.outputs import csvio
    from policy_extract.outputs.jsonio import write_json

    from .plan import assign_doc_ids

    work = tmp_root(outdir) / f"{doc_id}.{os.getpid()}.{random_hex()}"
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
        remove_tree(work)
        raise
    return outdir / "docs" / doc_id
