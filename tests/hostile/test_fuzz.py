"""Fuzz suite: deterministic mutants of five samples and the surrogate-font page (fuzz.py) run as one batch.

Every mutant gets a record with a code from the manifest's set and never ``internal``; no message holds a
traceback or runs over two sentences' length; every ``docs/<doc_id>`` folder is whole (document.json
present) exactly for the documents not failed; no scratch is left; each document stays under its timeout.
A few dozen run in the fast suite, several hundred with ``-m slow``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz import make_mutants

from policy_extract.batch import MANIFEST_CODES, TMP_DIRNAME, run_batch
from policy_extract.batch.envfault import LOCK_NAME
from policy_extract.batch.outcome import MAX_MESSAGE_CHARS

FUZZ_TIMEOUT = 30.0
FAST_MUTANTS = 30
SLOW_MUTANTS = 600
SLACK_SECONDS = 5.0


def check_fuzz_run(corpus: Path, count: int, tmp_path: Path) -> Counter[tuple[str, str | None]]:
    make_mutants(corpus, count)
    out = tmp_path / "out"
    result = run_batch([corpus], out, workers=2, ocr="off", timeout=FUZZ_TIMEOUT, max_memory=1024, progress=False)
    records = json.loads((out / "manifest.json").read_text("utf-8"))
    assert len(records) == count and result.exit_code in (0, 1)
    for r in records:
        error = r["error"]
        folder = out / "docs" / r["doc_id"]
        assert folder.is_dir() == (r["status"] != "failed"), r
        assert (folder / "document.json").is_file() == (r["status"] != "failed"), r
        if error is not None:
            assert error["code"] in MANIFEST_CODES and error["code"] != "internal", (r["file"], error)
            assert "Traceback" not in error["message"] and "\n" not in error["message"], (r["file"], error)
            assert len(error["message"]) <= MAX_MESSAGE_CHARS
    run = json.loads((out / "run.json").read_text("utf-8"))
    assert all(d["seconds"] <= FUZZ_TIMEOUT + SLACK_SECONDS for d in run["documents"])
    assert not (out / TMP_DIRNAME).exists() and not (out / LOCK_NAME).exists()
    return Counter((r["status"], r["error"]["code"] if r["error"] else None) for r in records)


def test_fuzz_mutants_of_the_samples_fail_cleanly(tmp_path: Path) -> None:
    counts = check_fuzz_run(tmp_path / "mutants", FAST_MUTANTS, tmp_path)
    assert sum(counts.values()) == FAST_MUTANTS


@pytest.mark.slow
def test_several_hundred_fuzz_mutants_fail_cleanly(tmp_path: Path) -> None:
    counts = check_fuzz_run(tmp_path / "mutants", SLOW_MUTANTS, tmp_path)
    print(dict(counts))
