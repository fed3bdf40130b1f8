"""OUTDIR's lock (rules in :mod:`.envfault`): ``OUTDIR/.policy-extract.lock`` holds the running batch's pid
and start time.  Only the standard library is imported here (the errors load when one is raised), so the
unchanged rerun's check (:mod:`.rerun`) can take the lock without the batch machinery."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

LOCK_NAME = ".policy-extract.lock"


def iso_utc(seconds: float) -> str:
    """``datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")`` without importing datetime."""
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(seconds))


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
            from .envfault import EnvironmentFault

            raise EnvironmentFault(f"{outdir} is in use by another run (pid {pid}, started {started}); "
                                   "wait for it to finish or choose another folder with -o")
        note = f"took over a stale lock of a run that is gone ({_describe(holder)})"
        path.unlink(missing_ok=True)
    write_lock(path, outdir)
    return note


def write_lock(path: Path, outdir: Path) -> None:
    data = {"pid": os.getpid(), "started": iso_utc(time.time()),
            "proc_start": process_start(os.getpid())}
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError as exc:
        from .envfault import EnvironmentFault

        raise EnvironmentFault(f"{outdir} was just taken by another run; wait for it to finish or choose "
                               "another folder with -o") from exc
    except OSError as exc:
        raise lock_fault(exc, outdir) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(data))
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise lock_fault(exc, outdir) from exc


def lock_fault(exc: OSError, outdir: Path) -> Exception:
    """The :class:`~.envfault.EnvironmentFault` of a lock that cannot be written."""
    from .envfault import EnvironmentFault, cannot_write, fault_message

    return EnvironmentFault(fault_message(exc, outdir) or cannot_write(outdir, exc))


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
