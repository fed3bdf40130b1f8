"""Dispatch order: the largest files start first, so a long document queued last cannot leave the other
workers idle while it runs alone (results are written in input order regardless)."""

from __future__ import annotations

from pathlib import Path

from policy_extract.batch.plan import Job
from policy_extract.batch.runner import largest_first


def _job(index: int, path: Path) -> Job:
    return Job(index, path.name, str(path), path.stem)


def test_largest_files_are_dispatched_first_ties_in_input_order(tmp_path: Path) -> None:
    sizes = {"a": 10, "b": 5000, "c": 10, "d": 300}
    jobs = []
    for i, (name, size) in enumerate(sizes.items()):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(b"x" * size)
        jobs.append(_job(i, path))
    jobs.append(_job(4, tmp_path / "missing.pdf"))
    assert [j.doc_id for j in largest_first(jobs)] == ["b", "d", "a", "c", "missing"]
