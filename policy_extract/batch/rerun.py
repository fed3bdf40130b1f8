"""An unchanged rerun answered from a record, before the batch machinery loads (issue 18: a rerun that has
nothing to redo costs a small share of the first run).

Rules (user-visible; the README repeats them):

* A run of the command line whose every document a rerun would reuse (the rules of :mod:`.resume`) ends by
  writing ``OUTDIR/.state/rerun.json``: the command's key, kept whole (its arguments without ``--force``, the
  working folder, the CPU count; the interpreter and import path, the machine, the code — every file of the
  package: path, size, modification time — and the libraries' versions); the inputs as planned with their
  sha256; the size and modification time of every file the reuse rests on (state records, document.json
  files, manifest.json, the combined CSVs, review.xlsx and their stamps; a failed document's folder must be
  absent); and run.json as that rerun writes it, without its times.
* ``policy-extract run`` looks at the record first (:func:`unchanged_rerun`, before argparse, the settings or
  the batch load).  When the command, interpreter, code and libraries match, OUTDIR holds neither a lock nor
  scratch space, the inputs are found to the same files with the same bytes, and every recorded file is as
  recorded, it takes the lock, writes run.json, prints the run's summary and exits with the recorded status:
  the files a full rerun would write hold those bytes already.  Anything else — or any error — goes to the
  full run, which decides as before; so do arguments the check does not read (``--force``, ``--help``,
  ``--executor dask``, an abbreviated option, no INPUT).
* **Same bytes** (git's rule for its index): the record keeps each input's size, modification and change
  times (nanoseconds), inode and device as they were just before the run hashed it.  An input whose five are
  all unchanged keeps its recorded sha256 unread, unless its modification or change time lies within
  :data:`RACY_SECONDS` of that moment or after it (a write in the same clock tick as the hash could leave
  them unchanged; some file systems keep times to 2 s); any other input is hashed again.  The change time
  cannot be set back, so an edit that restores the size and the modification time is still seen (on POSIX;
  where ``st_ctime`` is a creation time — Windows — every input is hashed again).
* Every run removes the record once it holds OUTDIR's lock, so a record never outlives the outputs it
  describes.
* **No password on disk**: a command that gives a password (``--password PW``, ``--password=PW`` or an
  abbreviation argparse accepts, such as ``--pass PW``) writes no record and is never answered from one; it
  goes the full way (OUTDIR is shared, and the record keeps the command line whole).

Only the standard library and the lean modules of this package (:mod:`.inputs`, :mod:`.lock`,
:mod:`.runinfo`, the atomic writer) are imported on the way; hashlib only for an input that is hashed again.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .outdir import TMP_DIRNAME  # a lean module (os and pathlib)

if TYPE_CHECKING:  # pragma: no cover
    from .options import BatchOptions, BatchResult
    from .plan import Job

RECORD_NAME = "rerun.json"
"""In ``OUTDIR/.state/``."""
RECORD_VERSION = 2
"""2: the command's key kept whole (comparing it needs no hashlib), the inputs' stats and hashing time."""
RACY_SECONDS = 3.0
"""An input modified or changed less than this before it was hashed (or since) is hashed again (rules
above)."""
STATE_DIRNAME = ".state"
""":data:`.resume.STATE_DIRNAME` (a test keeps them equal; resume loads the settings' types)."""
FORCE = "--force"
VALUE_OPTIONS = frozenset({"-o", "--outdir", "--workers", "--ocr", "--timeout", "--max-memory",
                           "--page-source", "--backend", "--password", "--executor"})
"""``run`` options the check reads past (each takes one value); any other sends the run the full way."""
KEY_LIBRARIES = ("rapidocr-onnxruntime", "onnxruntime")
"""Besides run.json's libraries: the OCR engine, whose presence the full run checks before it starts."""
OUTPUT_FILES = ("manifest.json", "indicators.csv", "duties.csv", "review.xlsx",
                f"{STATE_DIRNAME}/manifest.json.sha256", f"{STATE_DIRNAME}/review.xlsx.sha256")


# ------------------------------------------------------------------------------------------ the check


def unchanged_rerun(argv: Sequence[str]) -> int | None:
    """Answer ``policy-extract ARGV`` from OUTDIR's record when nothing changed (rules above): the exit
    status, or ``None`` for the full run."""
    command = parse_command(argv)
    if command is None or carries_password(argv):
        return None
    outdir, inputs = command
    try:
        return answer(Path(outdir), inputs, argv)
    except Exception:  # whatever went wrong here, the full run does it properly and reports
        return None


def parse_command(argv: Sequence[str]) -> tuple[str, list[str]] | None:
    """OUTDIR and the INPUTs of ``run`` arguments the check reads, without ``--force``; None otherwise."""
    local = local_run(argv)
    if local is None or FORCE in local[0]:
        return None
    return local[2], local[1]


def local_run(argv: Sequence[str]) -> tuple[dict[str, str], list[str], str] | None:
    """The options, INPUTs and OUTDIR of ``run`` arguments the check reads, on the local executor and with
    INPUTs given; None for anything else (also what :mod:`.spawn` starts workers early for)."""
    parsed = run_arguments(argv)
    if parsed is None:
        return None
    options, inputs = parsed
    if options.get("--executor", "local") != "local" or not inputs:
        return None
    return options, inputs, options.get("--outdir", "out")


OPTION_ALIASES = {"-o": "--outdir", "--backend": "--page-source"}
PASSWORD = "--password"
PASSWORD_PREFIX = "--p"
"""The shortest abbreviation of :data:`PASSWORD` to treat as one (argparse finds ``--p`` and ``--pa``
ambiguous with ``--page-source`` and refuses them; treating them as a password costs only the record)."""


def carries_password(argv: Sequence[str]) -> bool:
    """Whether the command line may give a password: a token that is ``--password`` or an abbreviation of
    it (argparse's parsers allow abbreviations), alone or with ``=PW`` (rules above: no record then)."""
    for token in argv:
        name = token.partition("=")[0]
        if name.startswith(PASSWORD_PREFIX) and PASSWORD.startswith(name):
            return True
    return False



def run_arguments(argv: Sequence[str]) -> tuple[dict[str, str], list[str]] | None:
    """The options (by long name, the last value given; ``--force`` as ``""``) and the INPUTs of ``run``
    arguments whose every option is ``--force`` or one of :data:`VALUE_OPTIONS`; None for anything else."""
    if not argv or argv[0] != "run":
        return None
    options: dict[str, str] = {}
    inputs: list[str] = []
    rest = list(argv[1:])
    while rest:
        token = rest.pop(0)
        if not token.startswith("-"):
            inputs.append(token)
            continue
        if token == FORCE:
            options[FORCE] = ""
            continue
        name, eq, value = token.partition("=") if token.startswith("--") else (token, "", "")
        if name not in VALUE_OPTIONS or not (eq or rest):
            return None
        options[OPTION_ALIASES.get(name, name)] = value if eq else rest.pop(0)
    return options, inputs


def answer(out: Path, inputs: list[str], argv: Sequence[str]) -> int | None:
    record = read_record(out)
    if record is None or record.get("inputs_given") != inputs or record.get("key") != command_key(argv):
        return None
    from .lock import LOCK_NAME, release_lock, write_lock

    if (out / LOCK_NAME).exists() or (out / TMP_DIRNAME).exists():
        return None  # a run under way, or one that stopped: the full run deals with it
    started = time.time()
    write_lock(out / LOCK_NAME, out)
    try:
        if not same_inputs(inputs, record["inputs"], record["hashed_ns"]) or \
                file_stats(out, record["files"]) != record["files"]:
            return None
        write_run_json(out, record["run"], started)
    finally:
        release_lock(out)
    print(record["summary"])
    return int(record["exit_status"])


def same_inputs(inputs: list[str], planned: list[list[Any]], hashed_ns: int) -> bool:
    """The inputs still name the planned files (display path, resolved path) with the same bytes."""
    from .inputs import find_inputs

    found = find_inputs(inputs)
    if [[shown, str(resolved)] for shown, resolved in found] != [p[:2] for p in planned]:
        return False
    return all(same_bytes(path, sha256, stat, hashed_ns) for _shown, path, sha256, stat in planned)


CHANGE_TIME_IS_KEPT = os.name == "posix"
"""Whether ``st_ctime`` is the inode's change time, which no write can set back.  On Windows it is the
creation time, so an in-place edit that restores size and modification time would pass unseen: there every
input is hashed again."""


def same_bytes(path: str, sha256: str, stat: list[int] | None, hashed_ns: int) -> bool:
    """Whether ``path`` still holds the bytes of ``sha256``: trusted from an unchanged, settled ``stat``
    (taken just before the hash at ``hashed_ns``) where the change time is kept, hashed again otherwise
    (rules above)."""
    trusted = CHANGE_TIME_IS_KEPT and stat is not None
    if trusted and input_stat(path) == stat and not racy(stat, hashed_ns):
        return True
    from policy_extract.core.digest import sha256_of

    return sha256_of(path) == sha256


def racy(stat: list[int], hashed_ns: int) -> bool:
    """The file's modification or change time lies too close to (or after) the moment it was hashed."""
    _size, mtime_ns, ctime_ns, _inode, _device = stat
    return max(mtime_ns, ctime_ns) >= hashed_ns - int(RACY_SECONDS * 1e9)


def input_stat(path: str) -> list[int] | None:
    """``[size, mtime_ns, ctime_ns, inode, device]`` of an input; ``None`` when it cannot be read."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]


def input_stamps(paths: Sequence[str]) -> tuple[int, list[list[int] | None]]:
    """The moment, then the stats of the inputs, taken just before the run hashes them."""
    return time.time_ns(), [input_stat(path) for path in paths]


def write_run_json(out: Path, template: dict[str, Any], started: float) -> None:
    from policy_extract.outputs.jsonio import write_json

    from .lock import iso_utc

    finished = time.time()
    times = {"started": iso_utc(started), "finished": iso_utc(finished),
             "seconds": round(finished - started, 3)}
    write_json({k: times.get(k, v) for k, v in template.items()}, out / "run.json")


# ------------------------------------------------------------------------------------------ the key


def command_key(argv: Sequence[str]) -> dict[str, Any]:
    """What, besides the inputs and OUTDIR's files, decides a rerun's outputs (rules above), as JSON reads it
    back (lists, not tuples): the record keeps it whole, so comparing needs no digest (nor hashlib)."""
    from .runinfo import RUN_LIBRARIES, library_versions

    exe = os.stat(sys.executable)
    key = {
        "argv": [a for a in argv if a != FORCE],
        "cwd": os.getcwd(),
        "cpus": os.cpu_count(),
        "python": [sys.executable, exe.st_size, exe.st_mtime_ns, sys.version, sys.path],
        "machine": list(os.uname()) if hasattr(os, "uname") else sys.platform,
        "code": code_stamp(),
        "libraries": library_versions((*RUN_LIBRARIES, *KEY_LIBRARIES)),
    }
    return key


def code_folders() -> list[Path]:
    """The package's folder and its stages' (an editable install maps them elsewhere), none inside another."""
    from importlib.util import find_spec

    folders = [Path(__file__).resolve().parents[1]]
    for stage in ("extract", "normalize", "outputs"):
        spec = find_spec(f"policy_extract.{stage}")
        folders += [Path(p).resolve() for p in (spec.submodule_search_locations or [])] if spec else []
    folders = sorted(set(folders))
    return [f for f in folders if not any(f != g and f.is_relative_to(g) for g in folders)]


def code_stamp() -> list[list[Any]]:
    """Path, size and modification time of every file of the code (bytecode caches aside)."""
    stamp: list[list[Any]] = []
    for folder in code_folders():
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                st = os.stat(os.path.join(root, name))
                stamp.append([os.path.join(root, name), st.st_size, st.st_mtime_ns])
    return stamp


def file_stats(out: Path, names: dict[str, Any]) -> dict[str, list[int] | None]:
    """``[size, mtime_ns]`` of each file (relative to OUTDIR), ``None`` for one that is not there."""
    stats: dict[str, list[int] | None] = {}
    for name in names:
        try:
            st = os.stat(out / name)
        except FileNotFoundError:
            stats[name] = None
        else:
            stats[name] = [st.st_size, st.st_mtime_ns]
    return stats


# ------------------------------------------------------------------------------------------ the record


def record_path(out: Path) -> Path:
    return out / STATE_DIRNAME / RECORD_NAME


def read_record(out: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(record_path(out).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("record_version") == RECORD_VERSION else None


def forget_record(out: Path) -> None:
    record_path(out).unlink(missing_ok=True)


def save_record(argv: Sequence[str], result: BatchResult, jobs: list[Job], opts: BatchOptions,
                inputs: Sequence[str | os.PathLike[str]], process: Callable[..., Any],
                stamps: tuple[int, list[list[int] | None]], key: dict[str, Any] | None = None) -> bool:
    """Write the record of a finished run of ``policy-extract ARGV`` when a rerun would reuse every document;
    ``stamps``: :func:`input_stamps` of the jobs' paths, taken before they were hashed; ``key``: the
    :func:`command_key` of ARGV when it was computed already (while the documents were processed).  Returns
    whether it wrote the record."""
    from policy_extract.outputs.jsonio import write_json

    from .runinfo import run_json_data

    out = result.outdir
    if carries_password(argv) or result.stopped is not None or not all_reusable(result, jobs, opts, process):
        return False  # a password is never written into OUTDIR (rules above)
    rerun, rerun_opts = as_rerun(result, opts)
    run = run_json_data(rerun, jobs, rerun_opts, inputs)
    run.update(started=None, finished=None, seconds=None)
    files = [f"{STATE_DIRNAME}/{job.doc_id}.json" for job in jobs]
    files += [document_file(job, outcome) for job, outcome in zip(jobs, result.outcomes, strict=True)]
    record = {
        "record_version": RECORD_VERSION,
        "key": key if key is not None else command_key(argv),
        "inputs_given": [os.fspath(i) for i in inputs],
        "inputs": [[job.file, job.path, job.sha256, stat] for job, stat in zip(jobs, stamps[1], strict=True)],
        "hashed_ns": stamps[0],
        "files": file_stats(out, {name: None for name in [*files, *OUTPUT_FILES]}),
        "run": run,
        "summary": rerun.summary_line(),
        "exit_status": rerun.exit_code,
    }
    write_json(record, record_path(out))
    return True


def document_file(job: Job, outcome: Any) -> str:
    """The file a rerun checks for the document: its document.json, or (failed) its folder, to be absent."""
    folder = f"docs/{job.doc_id}"
    return folder if outcome.record.error is not None else f"{folder}/document.json"


def all_reusable(result: BatchResult, jobs: list[Job], opts: BatchOptions,
                 process: Callable[..., Any]) -> bool:
    """Whether a rerun with the same options would reuse every document (:func:`.resume.reusable_state`)."""
    from .resume import fingerprint, reusable_state, state_key

    fp = fingerprint(process, opts.settings)
    limits = {"timeout": opts.limits.timeout, "max_memory": opts.limits.max_memory}
    return len(result.outcomes) == len(jobs) and all(
        reusable_state(result.outdir, job.doc_id, state_key(job.path, job.sha256, fp, limits)) is not None
        for job in jobs
    )


def as_rerun(result: BatchResult, opts: BatchOptions) -> tuple[BatchResult, BatchOptions]:
    """The result and options of the same command rerun without ``--force``: every document reused."""
    from dataclasses import replace

    from .options import BatchResult
    from .outcome import DocOutcome

    outcomes = [DocOutcome(o.record, o.indicator_rows, o.duty_rows, reused=True) for o in result.outcomes]
    rerun = BatchResult(result.outdir, outcomes, result.started, result.finished)
    return rerun, replace(opts, force=False)
