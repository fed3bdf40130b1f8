from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "outputs"))

from doc_factory import fake_process

from policy_extract import cli, pipeline
from policy_extract.core.errors import UsageError

REPO = Path(__file__).resolve().parent.parent
HEAVY_MODULES = (
    "pdfplumber", "pdfminer", "camelot", "openpyxl", "rich", "pandas", "cv2", "jsonschema", "pypdfium2",
)  # fmt: skip


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}


def _pdfs(folder: Path, *names: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_bytes(b"%PDF-1.4 " + name.encode())
    return folder


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    text = capsys.readouterr().out
    for command in ("run", "diff", "debug", "review"):
        assert command in text


def test_run_help_names_the_limits_and_resume(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["run", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "--max-memory MB memory limit per worker process (default: 2048)" in text
    assert "rerun reuses documents whose file, pipeline version and options are unchanged" in text  # --force
    assert "not implemented" not in text
    assert "example" in text


def test_no_command_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 2
    assert "COMMAND" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["run", "/no/such/dir"], "no such input path: /no/such/dir"),
        (["run", "--workers", "0", "x"], "--workers"),
        (["run", "--timeout", "-1", "x"], "--timeout"),
        (["run", "--ocr", "maybe", "x"], "--ocr"),
        (["run", "--backend", "nosuch", "x"], "page_source"),
        (["diff", "/no/such/a", "/no/such/b"], "no such file or folder: /no/such/a"),
        (["review", "/no/such/out"], "no such OUTDIR: /no/such/out"),
        (["debug", "/no/such.pdf", "--page", "1"], "no such PDF file"),
    ],
)
def test_bad_usage_exits_2(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(argv) == 2
    assert message in capsys.readouterr().err


def test_backend_option_names_the_page_source_in_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """``--backend``/``--page-source`` is ``settings.extract.page_source`` (so it enters the resume fingerprint);
    without it the settings keep their default."""
    import policy_extract.batch as batch

    seen: list[object] = []

    def stop(_inputs: object, _outdir: object, *, options: batch.BatchOptions, **_kwargs: object) -> None:
        seen.append(options.settings)
        raise UsageError("stopped here")

    monkeypatch.setattr(batch, "run_batch", stop)
    assert cli.main(["run", "x.pdf", "--backend", "pdfium"]) == 2
    assert cli.main(["run", "x.pdf", "--page-source", "pdfminer"]) == 2
    assert cli.main(["run", "x.pdf"]) == 2
    assert [s.extract.page_source for s in seen] == ["pdfium", "pdfminer", seen[2].extract.page_source]
    assert "page_source" not in seen[2].output_changes().get("extract", {})


def test_dask_executor_needs_a_scheduler(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _pdfs(tmp_path / "in", "a.pdf")
    assert cli.main(["run", str(folder), "-o", str(tmp_path / "out"), "--executor", "dask"]) == 2
    assert "--executor dask needs --scheduler ADDR" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_run_writes_outdir_and_prints_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pipeline, "process_pdf", fake_process)
    folder = _pdfs(tmp_path / "in", "a.pdf", "locked.pdf")
    out = tmp_path / "out"
    code = cli.main(["run", str(folder), "-o", str(out), "--workers", "1", "--force", "--max-memory", "512"])
    assert code == 1
    assert capsys.readouterr().out == f"processed 2 documents: 1 ok, 0 partial, 1 failed → {out}\n"
    assert [r["status"] for r in json.loads((out / "manifest.json").read_text(encoding="utf-8"))] == [
        "ok", "failed",
    ]  # fmt: skip


def test_run_without_input_uses_bundled_samples(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pipeline, "process_pdf", fake_process)
    monkeypatch.setattr(cli, "samples_dir", lambda: tmp_path / "missing")
    assert cli.main(["run", "-o", str(tmp_path / "out")]) == 2
    assert "bundled samples folder" in capsys.readouterr().err
    samples = _pdfs(tmp_path / "samples", "s1.pdf")
    monkeypatch.setattr(cli, "samples_dir", lambda: samples)
    assert cli.main(["run", "-o", str(tmp_path / "out"), "--workers", "1"]) == 0
    assert (tmp_path / "out" / "docs" / "s1" / "document.json").is_file()


def test_samples_dir_is_located_from_the_package() -> None:
    assert cli.samples_dir() == REPO / "samples" / "pdf"


def test_debug_calls_the_renderer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, int, str]] = []
    fake = types.ModuleType("policy_extract.extract.debug")
    fake.render_debug = lambda pdf, page, out_png: calls.append((pdf, page, out_png))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "policy_extract.extract.debug", fake)
    pdf = _pdfs(tmp_path, "doc.pdf") / "doc.pdf"
    assert cli.main(["debug", str(pdf), "--page", "3", "-o", str(tmp_path / "p.png")]) == 0
    assert calls == [(str(pdf), 3, str(tmp_path / "p.png"))]


def test_python_dash_m_help_runs() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "policy_extract", "--help"],
        cwd=REPO, env=_env(), capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "policy-extract" in proc.stdout and "run" in proc.stdout


def test_python_dash_m_keeps_its_output_and_exit_status_without_the_teardown(tmp_path: Path) -> None:
    """``python -m policy_extract`` ends with os._exit (no interpreter teardown): what it printed into a pipe
    still arrives, and the exit status is the command's."""
    bad = subprocess.run([sys.executable, "-m", "policy_extract", "run", str(tmp_path / "missing.pdf")],
                         cwd=REPO, env=_env(), capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "no such input path" in bad.stderr
    pdf = REPO / "samples" / "pdf" / "stress_spaced_table.pdf"
    ok = subprocess.run([sys.executable, "-m", "policy_extract", "run", str(pdf), "-o", str(tmp_path / "o"),
                         "--workers", "1"], cwd=REPO, env=_env(), capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("processed 1 documents: 1 ok") and ok.stdout.endswith("\n")


def test_console_script_ends_as_python_dash_m_does() -> None:
    """The installed ``policy-extract`` command and ``python -m policy_extract`` end the same way (the teardown
    skipped after the run's files are written): the console script once called ``cli:main`` and missed it."""
    import tomllib

    from policy_extract.__main__ import run_and_exit

    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    module, _, name = scripts["policy-extract"].partition(":")
    assert (module, name) == (run_and_exit.__module__, run_and_exit.__name__)


def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys\n"
        "from policy_extract.cli import main\n"
        "main(['--help']); main(['run', '--help'])\n"
        f"print('HEAVY:' + ','.join(m for m in {HEAVY_MODULES!r} if m in sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=_env(), capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "HEAVY:"


def test_run_choices_follow_the_registry_and_the_extractor() -> None:
    """--executor lists the executor registry; --ocr spells the extractor's modes (kept light for --help)."""
    from policy_extract.extract.document import OCR_MODES

    from policy_extract.batch.executors import EXECUTORS

    parser = cli.build_parser()
    run = next(a for a in parser._subparsers._group_actions[0].choices["run"]._actions if a.dest == "executor")
    assert list(run.choices) == list(EXECUTORS)
    assert set(cli.OCR_CHOICES) == set(OCR_MODES)


def test_a_pdf_whose_page_tree_holds_no_page_is_corrupt_not_no_text(tmp_path: Path) -> None:
    """A PDF that opens but has no page (an empty or broken page tree) used to be `no_text`, "looks scanned"."""
    pdf = Path(__file__).resolve().parent / "data" / "no_pages.pdf"
    out = tmp_path / "out"
    assert cli.main(["run", str(pdf), "-o", str(out), "--workers", "1"]) == 1
    record = json.loads((out / "manifest.json").read_text(encoding="utf-8"))[0]
    assert record["error"]["code"] == "corrupt"
    assert "page tree" in record["error"]["message"]
