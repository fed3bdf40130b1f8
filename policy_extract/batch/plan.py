"""The input plan of a run: which files, in which order, under which doc_id (rules: package docstring)."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from policy_extract.core.digest import sha256_of

from .inputs import find_inputs, pdfs_in_folder, resolved_path

__all__ = ["Job", "assign_doc_ids", "file_sha256", "find_inputs", "hashed_jobs", "pdfs_in_folder",
           "plan_jobs", "resolved_path", "safe_doc_id"]

DEFAULT_MAX_DOC_ID_BYTES = 150
"""UTF-8 bytes of a doc_id: well under every file system's 255-byte name limit, with room for suffixes."""

_UNSAFE_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*\s]')
_EDGE_DOTS = re.compile(r"^\.+|\.+$")
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
)


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


def safe_doc_id(stem: str, max_bytes: int = DEFAULT_MAX_DOC_ID_BYTES) -> str:
    """A file stem made safe as a folder name on every platform (rules in the package docstring)."""
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


def file_sha256(path: str) -> str | None:
    """SHA-256 of the file's bytes; ``None`` when it cannot be read (the failure is recorded elsewhere)."""
    try:
        return sha256_of(path)
    except OSError:
        return None


def hashed_jobs(jobs: list[Job]) -> list[Job]:
    """The jobs with their inputs' sha256, which the resume rules compare before anything is dispatched."""
    return [replace(job, sha256=file_sha256(job.path)) for job in jobs]
