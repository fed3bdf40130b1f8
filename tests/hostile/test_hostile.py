"""The hostile corpus (make_corpus.py): every file gets its status and code within its time limit, the batch
ends with exit status 1, and every good document is ok.  The 2,000-page document and the 100,000-segment
page take ~15 s each and run with ``-m slow`` (CI runs them); the bomb is fast thanks to the memory cap."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import CASES, KNOWN_PASSWORD, Case, make_corpus

from policy_extract import cli
from policy_extract.batch import TMP_DIRNAME, run_batch

DEFAULT_TEST_MAX_MEMORY = 512
"""MB: the bomb then fails within seconds; every real document here needs far less."""
SLOW_CASES = ("many_segments.pdf", "pages_2000.pdf")


def _check_run(out: Path, cases: list[Case]) -> None:
    records = {
        r["file"].rsplit("/", 1)[-1]: r for r in json.loads((out / "manifest.json").read_text("utf-8"))
    }
    seconds = {
        d["file"].rsplit("/", 1)[-1]: d["seconds"]
        for d in json.loads((out / "run.json").read_text("utf-8"))["documents"]
    }
    assert sorted(records) == sorted(c.name for c in cases)
    for case in cases:
        record = records[case.name]
        got = (record["status"], record["error"]["code"] if record["error"] else None)
        assert got == (case.status, case.code), (case.name, record["error"])
        assert seconds[case.name] <= case.seconds, (case.name, seconds[case.name])
        assert (out / "docs" / record["doc_id"]).is_dir() == (case.status != "failed")
    assert not (out / TMP_DIRNAME).exists()


def test_hostile_corpus_gets_the_right_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    cases = [c for c in make_corpus(corpus, big=True) if c.name not in SLOW_CASES]
    for name in SLOW_CASES:
        (corpus / name).unlink()
    out = tmp_path / "out"
    argv = ["run", str(corpus), "-o", str(out), "--workers", "2", "--ocr", "off", "--timeout", "60",
            "--max-memory", str(DEFAULT_TEST_MAX_MEMORY), "--password", KNOWN_PASSWORD]  # fmt: skip
    assert cli.main(argv) == 1
    assert "failed" in capsys.readouterr().out
    _check_run(out, cases)
    messages = {r["doc_id"]: r["error"]["message"] for r in json.loads((out / "manifest.json").read_text("utf-8"))
                if r["error"]}  # fmt: skip
    assert "the given password is wrong" in messages["encrypted_unknown_password"]
    assert "--ocr auto" in messages["image_only"]
    assert "--max-memory" in messages["bomb"]


def test_encrypted_without_password_says_how_to_pass_one(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    result = run_batch([corpus / "encrypted_known_password.pdf"], tmp_path / "out", ocr="off", progress=False)
    (record,) = result.records
    assert record.status == "failed" and record.error is not None and record.error.code == "encrypted"
    assert "password-protected; pass --password PW" in record.error.message


@pytest.mark.slow
def test_long_and_dense_documents_finish_within_their_limits(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus, big=True)
    cases = [c for c in CASES if c.name in SLOW_CASES or c.name == "good_sample.pdf"]
    inputs = [corpus / c.name for c in cases]
    result = run_batch(inputs, tmp_path / "out", workers=2, ocr="off", timeout=120,
                       max_memory=DEFAULT_TEST_MAX_MEMORY, progress=False)  # fmt: skip
    assert result.exit_code == 0
    _check_run(tmp_path / "out", cases)
