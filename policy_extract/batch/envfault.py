"""The run's environment, told apart from its documents: OUTDIR not writable, the disk full, another run
holding OUTDIR.  Each stops the batch early with exit status 2 and one line that says what to do; documents
already finished stay, and the next run resumes from them.

* **Lock**: ``OUTDIR/.policy-extract.lock`` holds the running batch's pid and start time (created
  exclusively, removed at the end).  A lock whose process is gone (or is another program that reused the
  pid: its start time differs) is stale and taken over, with a note in run.json.
* **Write errors**: ``ENOSPC``/``EDQUOT`` (disk or quota full) and ``EROFS`` (read-only file system) are the
  environment wherever they occur; ``EACCES``/``EPERM`` are when the path is inside OUTDIR (an unreadable
  input is that document's failure).
* **Room for the record**: a run holds ``OUTDIR/.policy-extract.reserve`` (:func:`reserve_space`, sized by the
  number of documents: run.json's size) while its documents are written, and gives it up
  (:func:`release_space`) when the run's files find the disk full: they are written again, and if they still
  do not fit, run.json alone, so run.json says what happened whichever documents filled the disk.  The file
  is gone when the run ends (unless the run is killed, as its lock).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

from policy_extract.core.errors import UsageError

from .lock import LOCK_NAME, acquire_lock, process_start, read_lock, release_lock, write_lock

__all__ = ["LOCK_NAME", "RESERVE_NAME", "EnvironmentFault", "StopBatch", "acquire_lock", "cannot_write",
           "fault_message", "process_start", "read_lock", "release_lock", "release_space", "reserve_space",
           "write_lock"]

_ENVIRONMENT_IN_OUTDIR = frozenset({errno.EACCES, errno.EPERM})
RESERVE_NAME = ".policy-extract.reserve"
RESERVE_BYTES = 16_384
RESERVE_BYTES_PER_DOCUMENT = 1_024
"""run.json is ~4 KB and ~300 bytes per document (the 77 born-digital corpus files: 22 KB): room for that
with a long path and a few warnings per document."""


class EnvironmentFault(UsageError):
    """The environment stopped the batch (exit status 2): ``message`` is one line that says what to do."""

    code = "environment"


def fault_message(exc: OSError, outdir: Path) -> str | None:
    """One line for a write error that is the environment's, not a document's; ``None`` otherwise."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return (f"no space left on the device of {outdir}; free some space or choose another folder with -o, "
                "then rerun the same command to resume")
    in_outdir = exc.filename is not None and is_inside(Path(os.fsdecode(exc.filename)), outdir)
    if exc.errno == errno.EROFS or (exc.errno in _ENVIRONMENT_IN_OUTDIR and in_outdir):
        return f"cannot write to output folder {outdir} ({exc.strerror}); choose a writable folder with -o"
    return None


def is_inside(path: Path, folder: Path) -> bool:
    try:
        return os.path.abspath(path).startswith(os.path.abspath(folder) + os.sep)
    except (OSError, ValueError):
        return False


def cannot_write(outdir: Path, exc: OSError) -> str:
    return f"cannot write to output folder {outdir} ({exc.strerror}); choose a writable folder with -o"


def reserve_space(outdir: Path, documents: int) -> None:
    """Hold room in OUTDIR for run.json (see the module docstring).  A disk that is full already gets no
    reserve: the run's first write says so."""
    path = outdir / RESERVE_NAME
    size = RESERVE_BYTES + RESERVE_BYTES_PER_DOCUMENT * documents
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:  # a new file, never through a link someone left at that name (OUTDIR may be shared)
        path.unlink(missing_ok=True)
        fd = os.open(path, flags, 0o666)
    except OSError:
        return
    try:
        try:
            os.posix_fallocate(fd, 0, size)  # blocks allocated, as written zeros might not be (compression)
        except (AttributeError, OSError):  # not on this platform or file system: write them
            written = 0
            while written < size:
                written += os.write(fd, bytes(min(65_536, size - written)))
    except OSError:
        os.close(fd)
        release_space(outdir)
        return
    os.close(fd)


def release_space(outdir: Path) -> bool:
    """Give up the room :func:`reserve_space` held; whether there was any."""
    try:
        (outdir / RESERVE_NAME).unlink()
    except OSError:
        return False
    return True


class StopBatch(Exception):
    """Raised in the parent when a document's outcome shows an environment fault: stops the dispatch;
    ``outcomes`` (by job index) are the documents finished before it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.outcomes: dict[int, Any] = {}
