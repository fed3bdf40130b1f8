"""The input files of a run (rules: package docstring): folders searched for ``*.pdf``, duplicates dropped.

Only the standard library is imported here (the error loads when one is raised), so the unchanged rerun's
check (:mod:`.rerun`) finds the inputs as a run does without the batch machinery."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path


def pdfs_in_folder(folder: Path) -> list[Path]:
    """``*.pdf`` (any case) below ``folder``, sorted by relative path; symlinked folders are not followed."""
    found: list[Path] = []
    for root, _dirs, files in os.walk(folder):
        found.extend(Path(root) / f for f in files if f.lower().endswith(".pdf"))
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())


def resolved_path(path: Path) -> Path:
    """``path`` made absolute with its symlinks resolved; a symlink loop stays as found (absolute), so the
    file gets its own failed record instead of stopping the batch."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: "Symlink loop" (Python < 3.13)
        return Path(os.path.abspath(path))


def find_inputs(inputs: Sequence[str | os.PathLike[str]]) -> list[tuple[str, Path]]:
    """``(display path, resolved path)`` of every input PDF, in input order, without duplicates."""
    seen: set[Path] = set()
    out: list[tuple[str, Path]] = []
    for arg in inputs:
        given = Path(arg)
        if not given.exists() and not given.is_symlink():  # a dangling link or loop gets its own record
            from policy_extract.core.errors import UsageError

            raise UsageError(f"no such input path: {os.fspath(arg)}")
        files = pdfs_in_folder(given) if given.is_dir() else [given]
        for f in files:
            resolved = resolved_path(f)
            if resolved not in seen:
                seen.add(resolved)
                out.append((f.as_posix(), resolved))
    if not out:
        from policy_extract.core.errors import UsageError

        shown = ", ".join(os.fspath(a) for a in inputs) or "(none)"
        raise UsageError(f"no PDF files found in: {shown}")
    return out
