"""The run's environment, told apart from its documents: OUTDIR not writable, the disk full, another run
holding OUTDIR.  Each stops the batch early with exit status 2 and one line that says what to do; documents
already finished stay, and the next run resumes from them.

* **Lock**: ``OUTDIR/.policy-extract.lock`` holds the running batch's pid and start time (created
  exclusively, removed at the end).  A lock whose process is gone (or is another program that reused the
  pid: its start time differs) is stale and taken over, with a note in run.json.
* **Write errors**: ``ENOSPC``/``EDQUOT`` (disk or quota full) and ``EROFS`` (read-only file system) are the
  environment wherever they occur; ``EACCES``/``EPERM`` are when the path is inside OUTDIR (an unreadable
  input is that document's failure).
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
from pathlib import Path
from typing import Any

from policy_extract.core.errors import UsageError

LOCK_NAME = ".policy-extract.lock"
_ENVIRONMENT_IN_OUTDIR = frozenset({errno.EACCES, errno.EPERM})


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


def process_start(pid: int) -> str | None:
    """The start time of process ``pid`` in clock ticks since boot (Linux), to tell a reused pid apart."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def is_alive(pid: int, start: str | None) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    except OSError:
        return False
    now = process_start(pid)
    return start is None or now is None or now == start


def read_lock(path: Path) -> dict[str, object] | None:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def acquire_lock(outdir: Path) -> str | None:
    """Take OUTDIR's lock; returns a note when a stale lock was taken over.  Raises :class:`EnvironmentFault`
    when another live run holds it or OUTDIR cannot be written."""
    path = outdir / LOCK_NAME
    holder = read_lock(path) if path.exists() else None
    note = None
    if path.exists():
        pid = holder.get("pid") if holder else None
        if isinstance(pid, int) and pid != os.getpid() and is_alive(pid, _str(holder, "proc_start")):
            started = _str(holder, "started")
            raise EnvironmentFault(f"{outdir} is in use by another run (pid {pid}, started {started}); "
                                   "wait for it to finish or choose another folder with -o")
        note = f"took over a stale lock of a run that is gone ({_describe(holder)})"
        path.unlink(missing_ok=True)
    write_lock(path, outdir)
    return note


def write_lock(path: Path, outdir: Path) -> None:
    data = {"pid": os.getpid(), "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "proc_start": process_start(os.getpid())}
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError as exc:
        raise EnvironmentFault(f"{outdir} was just taken by another run; wait for it to finish or choose "
                               "another folder with -o") from exc
    except OSError as exc:
        raise EnvironmentFault(fault_message(exc, outdir) or cannot_write(outdir, exc)) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(data))
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise EnvironmentFault(fault_message(exc, outdir) or cannot_write(outdir, exc)) from exc


def cannot_write(outdir: Path, exc: OSError) -> str:
    return f"cannot write to output folder {outdir} ({exc.strerror}); choose a writable folder with -o"


def release_lock(outdir: Path) -> None:
    """Remove OUTDIR's lock if it is this process's."""
    path = outdir / LOCK_NAME
    holder = read_lock(path)
    if holder is not None and holder.get("pid") == os.getpid():
        path.unlink(missing_ok=True)


def _str(holder: dict[str, object] | None, key: str) -> str | None:
    value = (holder or {}).get(key)
    return None if value is None else str(value)


def _describe(holder: dict[str, object] | None) -> str:
    if not holder:
        return "unreadable lock file"
    return f"pid {holder.get('pid')}, started {holder.get('started')}"


class StopBatch(Exception):
    """Raised in the parent when a document's outcome shows an environment fault: stops the dispatch;
    ``outcomes`` (by job index) are the documents finished before it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        self.outcomes: dict[int, Any] = {}
