"""Documents are dispatched largest file first, and filed in input order.

A batch ends when its last document does: a long document started last keeps one worker busy while the others
stand idle (issue 18, 2 workers against 1), started first it overlaps the many short ones.  The order of
dispatch must never show in the outputs: the manifest and the combined CSVs keep input order."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "outputs"))

from doc_factory import logging_process

from policy_extract.batch import run_batch
from policy_extract.batch.plan import Job
from policy_extract.batch.runner import largest_first

SIZES = {"a.pdf": 10, "b.pdf": 3000, "c.pdf": 200, "d.pdf": 3000, "e.pdf": 50}


def _inputs(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name, size in SIZES.items():
        (folder / name).write_bytes(b"%PDF-1.4 " + b"x" * size)
    return folder


def test_largest_file_first_ties_in_input_order(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in")
    jobs = [Job(i, name, str(folder / name), name[0]) for i, name in enumerate(SIZES)]
    jobs.append(Job(len(jobs), "gone.pdf", str(folder / "gone.pdf"), "gone"))  # unreadable: counts as empty
    assert [job.file for job in largest_first(jobs)] == ["b.pdf", "d.pdf", "c.pdf", "e.pdf", "a.pdf", "gone.pdf"]


def test_batch_starts_the_largest_document_first_and_files_in_input_order(tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in")
    out = tmp_path / "out"
    result = run_batch([folder], out, process=logging_process, workers=1, progress=False)
    assert result.exit_code == 0
    assert (folder / "started.log").read_text(encoding="utf-8").split() == ["b.pdf", "d.pdf", "c.pdf", "e.pdf",
                                                                            "a.pdf"]
    assert [o.record.doc_id for o in result.outcomes] == ["a", "b", "c", "d", "e"]
    rows = (out / "indicators.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert [row.split(",")[0] for row in rows] == ["a", "a", "b", "b", "c", "c", "d", "d", "e", "e"]
