"""An unchanged rerun answered from OUTDIR's record (policy_extract.batch.rerun): the same files as the full
rerun writes, and the full run whenever anything the record rests on changed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "outputs"))

from batch_helpers import fake_pdfs, snapshot
from doc_factory import fake_process

from policy_extract import batch, cli
from policy_extract.batch import rerun, run_batch
from policy_extract.batch.lock import LOCK_NAME
from policy_extract.batch.resume import STATE_DIRNAME

REPO = Path(__file__).resolve().parent.parent
TIMES = ("started", "finished", "seconds")


class FullRun(Exception):
    """Raised by a stand-in for run_batch: the command went the full way."""


def _argv(inputs: Path, out: Path, *extra: str) -> list[str]:
    return ["run", str(inputs), "-o", str(out), "--workers", "1", *extra]


def _first_run(tmp_path: Path, *names: str) -> tuple[Path, Path, list[str]]:
    inputs = fake_pdfs(tmp_path / "in", *(names or ("a.pdf", "b.pdf")))
    out = tmp_path / "out"
    argv = _argv(inputs, out)
    run_batch([str(inputs)], str(out), process=fake_process, workers=1, progress=False, command=argv)
    return inputs, out, argv


def _run_json(out: Path) -> dict:
    data = json.loads((out / "run.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if k not in TIMES}


def test_unchanged_rerun_writes_what_the_full_rerun_writes(tmp_path: Path, capsys) -> None:
    inputs, out, argv = _first_run(tmp_path)
    assert (out / STATE_DIRNAME / rerun.RECORD_NAME).is_file()
    run_batch([str(inputs)], str(out), process=fake_process, workers=1, progress=False, command=argv)
    full, full_files = _run_json(out), snapshot(out)
    capsys.readouterr()
    assert rerun.unchanged_rerun(argv) == 0
    assert capsys.readouterr().out == "processed 2 documents (2 unchanged, reused): 2 ok, 0 partial, 0 failed " \
        f"→ {out}\n"
    assert _run_json(out) == full and snapshot(out) == full_files
    assert set(json.loads((out / "run.json").read_text(encoding="utf-8"))) >= set(TIMES)
    assert not (out / LOCK_NAME).exists()


def test_a_reusable_failure_is_answered_with_its_exit_status(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "notes.pdf").write_text("not a PDF at all", encoding="utf-8")
    out = tmp_path / "out"
    argv = _argv(inputs / "notes.pdf", out)
    result = run_batch([str(inputs / "notes.pdf")], str(out), workers=1, progress=False, command=argv)
    assert result.exit_code == 1
    assert rerun.unchanged_rerun(argv) == 1
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["totals"]["reused"] == 1


@pytest.mark.parametrize("change", ["input bytes", "document.json", "combined csv", "lock", "scratch",
                                    "record", "code", "option", "force", "new input"])
def test_anything_changed_goes_the_full_way(tmp_path: Path, change: str, monkeypatch) -> None:
    inputs, out, argv = _first_run(tmp_path)
    if change == "input bytes":
        (inputs / "b.pdf").write_bytes(b"%PDF-1.4 b, edited")
    elif change == "document.json":
        (out / "docs" / "a" / "document.json").unlink()
    elif change == "combined csv":
        with open(out / "indicators.csv", "a", encoding="utf-8") as fh:
            fh.write("edited\n")
    elif change == "lock":
        (out / LOCK_NAME).write_text("{}", encoding="utf-8")
    elif change == "scratch":
        (out / batch.TMP_DIRNAME).mkdir()
    elif change == "record":
        (out / STATE_DIRNAME / rerun.RECORD_NAME).unlink()
    elif change == "code":  # a file of the package edited: another size or modification time
        stamp = rerun.code_stamp()
        monkeypatch.setattr(rerun, "code_stamp", lambda: [*stamp[:-1], [stamp[-1][0], 0, 0]])
    elif change == "option":
        argv = [*argv, "--ocr", "off"]
    elif change == "force":
        argv = [*argv, "--force"]
    else:
        fake_pdfs(inputs, "c.pdf")
    assert rerun.unchanged_rerun(argv) is None


def test_a_run_removes_the_record_it_cannot_stand_behind(tmp_path: Path) -> None:
    inputs, out, argv = _first_run(tmp_path)
    run_batch([str(inputs)], str(out), process=fake_process, workers=1, progress=False)  # not the command line
    assert not (out / STATE_DIRNAME / rerun.RECORD_NAME).exists()
    assert rerun.unchanged_rerun(argv) is None


@pytest.mark.parametrize("argv", [
    [], ["diff", "a", "b"], ["run"], ["run", "-o", "out"], ["run", "x.pdf", "--force"], ["run", "x.pdf", "--out", "o"],
    ["run", "x.pdf", "--executor", "dask"], ["run", "x.pdf", "--help"], ["run", "x.pdf", "-o"], ["run", "x.pdf", "-oout"],
])  # fmt: skip
def test_arguments_the_check_does_not_read_go_the_full_way(argv: list[str]) -> None:
    assert rerun.parse_command(argv) is None


def test_the_check_reads_outdir_and_inputs_as_argparse_does() -> None:
    argv = ["run", "a.pdf", "dir", "--workers=2", "-o", "first", "--outdir=second", "--ocr", "off", "--password", "pw"]
    assert rerun.parse_command(argv) == ("second", ["a.pdf", "dir"])
    args = cli.build_parser().parse_args(argv)
    assert (args.outdir, args.inputs) == ("second", ["a.pdf", "dir"])


def test_record_folder_is_the_resume_state_folder() -> None:
    assert rerun.STATE_DIRNAME == STATE_DIRNAME
    assert rerun.TMP_DIRNAME == batch.TMP_DIRNAME


def _settle(out: Path, seconds: float = 60.0) -> None:
    """Move the record's hashing time ``seconds`` later, as if the inputs had been hashed well after they were
    last written (so their stats are not racy)."""
    path = out / STATE_DIRNAME / rerun.RECORD_NAME
    record = json.loads(path.read_text(encoding="utf-8"))
    record["hashed_ns"] += int(seconds * 1e9)
    path.write_text(json.dumps(record), encoding="utf-8")


def _count_hashes(monkeypatch) -> list[str]:
    from policy_extract.core import digest

    hashed: list[str] = []
    real = digest.sha256_of

    def counting(path):
        hashed.append(str(path))
        return real(path)

    monkeypatch.setattr(digest, "sha256_of", counting)
    return hashed


def test_a_settled_unchanged_input_is_not_hashed_again(tmp_path: Path, monkeypatch) -> None:
    _inputs, out, argv = _first_run(tmp_path)
    _settle(out)
    hashed = _count_hashes(monkeypatch)
    assert rerun.unchanged_rerun(argv) == 0
    assert hashed == []


def test_an_input_written_just_before_its_hash_is_hashed_again(tmp_path: Path, monkeypatch) -> None:
    """git's racy rule: the first run hashed the inputs within a second of writing them, so a write in the
    same clock tick could have left their stat unchanged; the rerun reads them."""
    _inputs, _out, argv = _first_run(tmp_path)
    hashed = _count_hashes(monkeypatch)
    assert rerun.unchanged_rerun(argv) == 0
    assert sorted(Path(p).name for p in hashed) == ["a.pdf", "b.pdf"]


def test_an_edit_that_restores_size_and_mtime_is_seen_by_its_change_time(tmp_path: Path) -> None:
    import os
    import time

    inputs, out, argv = _first_run(tmp_path)
    _settle(out)
    b = inputs / "b.pdf"
    before = b.stat()
    data = b.read_bytes()
    time.sleep(0.01)  # a change time of its own, however coarse the clock
    b.write_bytes(data[:-1] + (b"X" if data[-1:] != b"X" else b"Y"))  # same size, other bytes
    os.utime(b, ns=(before.st_atime_ns, before.st_mtime_ns))  # the modification time set back
    after = b.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert after.st_ctime_ns != before.st_ctime_ns
    assert rerun.unchanged_rerun(argv) is None


def test_where_the_change_time_is_a_creation_time_every_input_is_hashed(tmp_path: Path, monkeypatch) -> None:
    """On Windows ``st_ctime`` is the creation time: an in-place edit restoring size and mtime would leave the
    stat as recorded, so the stat is never trusted there and each input is hashed again."""
    _inputs, out, argv = _first_run(tmp_path)
    _settle(out)
    monkeypatch.setattr(rerun, "CHANGE_TIME_IS_KEPT", False)
    hashed = _count_hashes(monkeypatch)
    assert rerun.unchanged_rerun(argv) == 0
    assert sorted(Path(p).name for p in hashed) == ["a.pdf", "b.pdf"]


def test_a_touched_input_with_the_same_bytes_is_hashed_and_answered(tmp_path: Path, monkeypatch) -> None:
    import os

    inputs, out, argv = _first_run(tmp_path)
    _settle(out)
    os.utime(inputs / "a.pdf", ns=(0, 0))
    hashed = _count_hashes(monkeypatch)
    assert rerun.unchanged_rerun(argv) == 0
    assert [Path(p).name for p in hashed] == ["a.pdf"]


def test_command_line_rerun_loads_neither_batch_nor_stages(tmp_path: Path) -> None:
    """End to end on a real sample: the second run is answered before the batch machinery, argparse or hashlib
    is imported (the input's stat is unchanged and settled: its recorded sha256 is trusted)."""
    import subprocess

    pdf = REPO / "samples" / "pdf" / "stress_spaced_table.pdf"
    out = tmp_path / "out"
    command = [sys.executable, "-m", "policy_extract", "run", str(pdf), "-o", str(out), "--workers", "1"]
    subprocess.run(command, check=True, capture_output=True, cwd=tmp_path)
    _settle(out)
    before = snapshot(out)
    probe = ("import os, runpy, sys; sys.argv = ['policy_extract', *sys.argv[1:]]; sys.path[0] = os.getcwd()\n"
             "def _exit(code):\n    raise SystemExit(code)\n"
             "os._exit = _exit  # the entry ends without the interpreter's teardown; here it returns to the probe\n"
             "try:\n    runpy.run_module('policy_extract', run_name='__main__')\n"
             "except SystemExit as exc:\n    code = exc.code\n"
             "heavy = [m for m in ('policy_extract.batch.runner', 'policy_extract.settings', 'argparse', 'hashlib') "
             "if m in sys.modules]\n"
             "print('loaded:', heavy, 'exit:', code, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe, *command[3:]], capture_output=True, text=True,
                          cwd=tmp_path, check=False)
    assert "loaded: [] exit: 0" in done.stderr, done.stderr
    assert "(1 unchanged, reused)" in done.stdout
    assert snapshot(out) == before


def _files_holding(out: Path, secret: bytes) -> list[str]:
    return [str(p.relative_to(out)) for p in sorted(out.rglob("*")) if p.is_file() and secret in p.read_bytes()]


@pytest.mark.parametrize("given", [["--password", "S3cretPW"], ["--password=S3cretPW"], ["--pass", "S3cretPW"],
                                   ["--passw=S3cretPW"]])
def test_a_password_on_the_command_line_is_written_into_no_file_of_outdir(tmp_path: Path, given) -> None:
    """The rerun record kept the command line whole: ``--password PW`` stood in OUTDIR/.state/rerun.json.
    A command with a password (any form argparse accepts) writes no record; its rerun goes the full way."""
    inputs = fake_pdfs(tmp_path / "in", "a.pdf", "b.pdf")
    out = tmp_path / "out"
    argv = _argv(inputs, out, *given)
    assert cli.build_parser().parse_args(argv).password == "S3cretPW"  # argparse reads it as the password
    for _ in range(2):  # a first run, then the rerun: the full way, reusing both documents
        assert rerun.unchanged_rerun(argv) is None
        result = run_batch([str(inputs)], str(out), process=fake_process, workers=1, password="S3cretPW",
                           progress=False, command=argv)
        assert _files_holding(out, b"S3cretPW") == []
        assert not (out / STATE_DIRNAME / rerun.RECORD_NAME).exists()
    assert result.exit_code == 0 and "(2 unchanged, reused)" in result.summary_line()


def test_a_password_run_removes_an_earlier_record(tmp_path: Path) -> None:
    inputs, out, argv = _first_run(tmp_path)
    assert (out / STATE_DIRNAME / rerun.RECORD_NAME).is_file()
    run_batch([str(inputs)], str(out), process=fake_process, workers=1, password="pw", progress=False,
              command=[*argv, "--password", "pw"])
    assert not (out / STATE_DIRNAME / rerun.RECORD_NAME).exists()


@pytest.mark.parametrize("argv", [["run", "x.pdf", "--page-source", "pdfium"], ["run", "x.pdf", "-o", "pass"],
                                  ["run", "--pages", "x.pdf"]])
def test_only_a_password_option_counts_as_one(argv: list[str]) -> None:
    assert not rerun.carries_password(argv)


def test_command_line_with_a_password_leaves_it_in_no_file(tmp_path: Path) -> None:
    """End to end: ``policy-extract run x.pdf -o out --pass S3cretPW`` twice; the second run works (the full
    way, the document reused) and neither leaves the password in OUTDIR."""
    import subprocess

    pdf = REPO / "samples" / "pdf" / "stress_spaced_table.pdf"
    out = tmp_path / "out"
    command = [sys.executable, "-m", "policy_extract", "run", str(pdf), "-o", str(out), "--workers", "1",
               "--pass", "S3cretPW"]
    for _ in range(2):
        done = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, check=False)
        assert done.returncode == 0, done.stderr
        assert _files_holding(out, b"S3cretPW") == []
    assert "(1 unchanged, reused)" in done.stdout
