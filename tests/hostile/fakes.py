"""Process functions that misbehave the way PDF libraries do, for the batch runner's worker tests.

Module-level functions only (they are pickled by reference into worker processes).  Each documents what a
real library does that it stands for.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "outputs"))

from doc_factory import fake_process

from policy_extract.core.model import Document

_MB = 1 << 20


def record_pid(path: str) -> None:
    """Leave this worker's pid next to the input (``<input>.pid``), so a test can check it is gone.

    Written whole or not at all (a temporary file renamed), since the batch may be killed mid-write: a test
    reading an empty pid file was a flake, not a finding."""
    tmp = Path(f"{path}.pid.{os.getpid()}.tmp")
    tmp.write_text(str(os.getpid()), encoding="ascii")
    os.replace(tmp, path + ".pid")


def stuck_in_native_code(path: str, **options: Any) -> Document:
    """Files named ``stuck*`` never return and never see the timer signal (a parser looping inside C)."""
    if Path(path).name.startswith("stuck"):
        record_pid(path)
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(600)
    return fake_process(path, **options)


def allocates_without_end(path: str, **options: Any) -> Document:
    """Files named ``hog*`` allocate 64 MB after 64 MB (a decompression bomb in Python code)."""
    if Path(path).name.startswith("hog"):
        blocks = []
        for _ in range(256):
            blocks.append(bytearray(64 * _MB))
    return fake_process(path, **options)


def allocates_past_the_limit(path: str, **options: Any) -> Document:
    """Files named ``hog*`` lift their own data limit, then touch 32 MB every 20 ms (native code the limit
    does not see): only the parent's RSS watchdog can stop them."""
    if Path(path).name.startswith("hog"):
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        resource.setrlimit(resource.RLIMIT_DATA, (hard, hard))
        blocks = []
        for _ in range(128):
            blocks.append(b"\x01" * (32 * _MB))  # written, so resident
            time.sleep(0.02)
    return fake_process(path, **options)


def crashes(path: str, **options: Any) -> Document:
    """Files named ``crash*`` kill their own process (a segfault in a native library)."""
    if Path(path).name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGSEGV)
    return fake_process(path, **options)


def prints_to_stdout(path: str, **options: Any) -> Document:
    """A library that prints (pdfminer debug output): must not disturb the worker's result channel."""
    print("some library chatter\n" * 100)
    sys.stdout.write("\x00\x00\x00\x00")
    return fake_process(path, **options)


def slow_and_counted(path: str, **options: Any) -> Document:
    """Takes 0.4 s per file and leaves its pid (for the interruption tests)."""
    record_pid(path)
    time.sleep(0.4)
    return fake_process(path, **options)


def held_after_two(path: str, **options: Any) -> Document:
    """:func:`slow_and_counted`, and files past the second (``d2.pdf``…) then wait for a ``release`` file beside
    them (at most 60 s): an interruption test's batch cannot finish before the test interrupts it, however
    loaded the machine is."""
    result = slow_and_counted(path, **options)
    folder, name = Path(path).parent, Path(path).stem
    if name[1:].isdigit() and int(name[1:]) >= 2:
        end = time.monotonic() + 60
        while not (folder / "release").exists() and time.monotonic() < end:
            time.sleep(0.05)
    return result


def slow_named_slow(path: str, **options: Any) -> Document:
    """Files named ``slow*`` take 30 s in Python code (the worker's own timer stops them); leaves its pid."""
    if Path(path).name.startswith("slow"):
        record_pid(path)
        time.sleep(30)
    return fake_process(path, **options)


def crashes_under_a_data_cap(path: str, **options: Any) -> Document:
    """OpenCV's and onnxruntime's start-up under ``RLIMIT_DATA``: they reserve far more address space than
    they touch, and segfault when the data-segment limit refuses it, though the page fits in memory."""
    import resource

    if resource.getrlimit(resource.RLIMIT_DATA)[0] != resource.RLIM_INFINITY:
        os.kill(os.getpid(), signal.SIGSEGV)
    return fake_process(path, **options)


def memory_error_outside_the_task(job: Any) -> Any:
    """A task (the whole job, not a process function) that runs out of memory where nothing records it:
    while a failure is being written, or a result pickled."""
    if job == "hog":
        raise MemoryError
    return job
