"""Mutation test: damaged variants of a small real PDF (bytes flipped, cut, inserted) never make a worker let
an exception escape, die, or run past its timeout; every one gets a manifest record with a SPEC code."""

from __future__ import annotations

import functools
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_extract import pipeline
from policy_extract.batch import MANIFEST_CODES, DocOutcome, Job, JobContext, process_job
from policy_extract.batch.workers import DEFAULT_KILL_GRACE, Supervisor
from policy_extract.settings import PipelineSettings

SOURCE = Path(__file__).resolve().parent / "extract" / "data" / "double.pdf"
DEFAULT_MUTATION_TIMEOUT = 5.0
DEFAULT_EXAMPLES = 60
# The parent's clock includes pickling and, after a kill, starting a fresh interpreter.
SLACK_SECONDS = 5.0


@pytest.fixture(scope="module")
def worker() -> Iterator[tuple[Supervisor, Path]]:
    with tempfile.TemporaryDirectory() as tmp:
        outdir = Path(tmp)
        limits = {"timeout": DEFAULT_MUTATION_TIMEOUT, "max_memory": 1024}
        settings = PipelineSettings.resolve({"ocr": "off", "limits": limits})
        context = JobContext(str(outdir / "out"), None, settings)
        task = functools.partial(process_job, process=pipeline.process_pdf, context=context)
        with Supervisor(task, settings.limits, 1) as supervisor:
            yield supervisor, outdir


def mutate(data: bytes, edits: list[tuple[str, int, bytes]]) -> bytes:
    """Apply ``(kind, position, payload)`` edits: ``flip`` XORs a byte, ``cut`` truncates, ``insert`` adds."""
    buf = bytearray(data)
    for kind, pos, payload in edits:
        at = pos % (len(buf) + 1)
        if kind == "flip" and buf:
            buf[at % len(buf)] ^= payload[0] or 0xFF
        elif kind == "cut":
            del buf[at:]
        elif kind == "insert":
            buf[at:at] = payload
    return bytes(buf)


EDITS = st.lists(
    st.tuples(
        st.sampled_from(["flip", "flip", "flip", "cut", "insert"]),
        st.integers(min_value=0, max_value=1 << 20),
        st.binary(min_size=1, max_size=64),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=DEFAULT_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=EDITS)
def test_damaged_pdfs_never_escape_or_overrun(worker: tuple[Supervisor, Path], edits: list) -> None:
    supervisor, tmp = worker
    path = tmp / "mutant.pdf"
    path.write_bytes(mutate(SOURCE.read_bytes(), edits))
    results: list[object] = []
    start = time.monotonic()
    supervisor.run([Job(0, path.name, str(path), "mutant")], lambda _job, result: results.append(result))
    elapsed = time.monotonic() - start
    (result,) = results
    assert isinstance(result, DocOutcome), result  # not a JobFailure: the worker neither died nor hung
    record = result.record
    assert record.status in ("ok", "partial", "failed")
    if record.error is not None:
        assert record.error.code in MANIFEST_CODES
        assert record.error.code != "internal", record.error.message  # every parser error is classified
    assert elapsed <= DEFAULT_MUTATION_TIMEOUT + DEFAULT_KILL_GRACE + SLACK_SECONDS


def test_mutate_applies_each_kind_of_edit() -> None:
    assert mutate(b"abcd", [("flip", 1, b"\x01")]) == b"acd"[:1] + bytes([ord("b") ^ 1]) + b"cd"
    assert mutate(b"abcd", [("cut", 2, b"x")]) == b"ab"
    assert mutate(b"abcd", [("insert", 4, b"xy")]) == b"abcdxy"
