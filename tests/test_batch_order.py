"""Dispatch order (speed, issue 18): the largest inputs start first so the workers finish together."""

from __future__ import annotations

from pathlib import Path

from policy_extract.batch.plan import Job
from policy_extract.batch.runner import largest_first


def _job(tmp_path: Path, index: int, name: str, size: int | None) -> Job:
    path = tmp_path / name
    if size is not None:
        path.write_bytes(b"x" * size)
    return Job(index, name, str(path), name.removesuffix(".pdf"))


def test_largest_inputs_are_dispatched_first_equal_sizes_in_input_order(tmp_path):
    jobs = [_job(tmp_path, 0, "a.pdf", 10), _job(tmp_path, 1, "b.pdf", 300), _job(tmp_path, 2, "c.pdf", 10),
            _job(tmp_path, 3, "gone.pdf", None), _job(tmp_path, 4, "d.pdf", 50)]
    assert [j.doc_id for j in largest_first(jobs)] == ["b", "d", "a", "c", "gone"]
    assert [j.index for j in jobs] == [0, 1, 2, 3, 4]  # the plan itself is left as it was
