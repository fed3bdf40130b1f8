"""Fixed costs: what a worker loads before its first page, and what an unchanged rerun loads at all.

No timings here (they depend on the machine; ``benchmarks/throughput.py`` prints them next to the goals):
these tests pin down *which* modules load, in fresh interpreters, so a stray top-level import of a heavy
library (jieba's dictionary, numpy, OpenCV, onnxruntime, openpyxl, hypothesis) shows up as a failure.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "pdf" / "stress_spaced_table.pdf"
NEVER_BEFORE_A_PAGE = ("jieba", "numpy", "cv2", "onnxruntime", "rapidocr_onnxruntime", "openpyxl",
                       "hypothesis", "pandas", "jsonschema")
"""Loaded, if at all, by the stage that needs them: segmentation, OCR, the workbook, validation; never by
starting a worker (hypothesis never at run time)."""
NOT_FOR_A_RERUN = ("pdfplumber", "pdfminer", "pypdfium2", "jieba", "numpy", "cv2", "onnxruntime",
                   "openpyxl", "jsonschema", "email")
"""An unchanged rerun stats and hashes its inputs and reuses their state: it opens no PDF, builds no file and
reads library versions without importlib.metadata's email parser."""

WORKER_IMPORTS = """
import json, sys
from policy_extract.batch.workers import worker_main
from policy_extract.batch.task import process_job
from policy_extract.pipeline import process_pdf
from policy_extract.settings import PipelineSettings
from policy_extract.extract.document import extract_document
from policy_extract.normalize.document import normalize_document
from policy_extract.outputs import csvio, jsonio, manifest, schema
from policy_extract.extract.textlayer import common_chars
common_chars()
try:
    from policy_extract.extract.registry import PAGE_SOURCES, load
except ImportError:
    PAGE_SOURCES = {}
for name in PAGE_SOURCES:
    load(PAGE_SOURCES, name)
print(json.dumps(sorted(m.split(".")[0] for m in sys.modules)))
"""


def loaded_modules(code: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return set(json.loads(proc.stdout.strip().splitlines()[-1]))


def test_a_worker_starts_without_the_heavy_libraries() -> None:
    """Every stage and every page source imported, the common-character table read: none of the heavy ones."""
    loaded = loaded_modules(WORKER_IMPORTS)
    assert "policy_extract" in loaded
    assert loaded.isdisjoint(NEVER_BEFORE_A_PAGE), sorted(loaded & set(NEVER_BEFORE_A_PAGE))


def test_the_stages_and_settings_load_without_a_pdf_library() -> None:
    """The PDF libraries load with the page source that opens the file, not with the stage modules."""
    code = (
        "import json, sys\n"
        "from policy_extract.settings import PipelineSettings\n"
        "from policy_extract.extract.document import extract_document\n"
        "from policy_extract.normalize import normalize_document\n"
        "PipelineSettings()\n"
        "print(json.dumps(sorted(m.split('.')[0] for m in sys.modules)))\n"
    )
    loaded = loaded_modules(code)
    assert loaded.isdisjoint({"pdfplumber", "pdfminer", "jieba", "jsonschema"}), loaded


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("rerun") / "out"
    proc = subprocess.run([sys.executable, "-m", "policy_extract", "run", str(SAMPLE), "-o", str(out),
                           "--workers", "1"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return out


def modules_after_a_run(out: Path) -> set[str]:
    """Every module a fresh interpreter holds after ``policy-extract run SAMPLE -o out --workers 1``."""
    code = (
        "import json, sys\n"
        "from policy_extract.cli import main\n"
        f"code = main(['run', {str(SAMPLE)!r}, '-o', {str(out)!r}, '--workers', '1'])\n"
        "assert code == 0, code\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    return loaded_modules(code)


def test_an_unchanged_rerun_opens_no_pdf_and_builds_no_file(first_run: Path) -> None:
    manifest = (first_run / "manifest.json").read_bytes()
    loaded = {name.split(".")[0] for name in modules_after_a_run(first_run)}
    assert loaded.isdisjoint(NOT_FOR_A_RERUN), sorted(loaded & set(NOT_FOR_A_RERUN))
    run = json.loads((first_run / "run.json").read_text(encoding="utf-8"))
    assert run["totals"]["reused"] == 1
    assert (first_run / "manifest.json").read_bytes() == manifest


NOT_IN_THE_BATCH_PARENT = ("policy_extract.core.vocabulary", "policy_extract.normalize.paragraphs", "secrets",
                           "hmac", "pdfplumber", "pdfminer", "pypdfium2", "jieba", "numpy")
"""A batch parent plans, supervises and writes the run's files: the stages' grammars, the document model's
paragraph stage, hashing of tokens and the PDF libraries are its workers' (issue 18: its start-up shares the
cores with theirs)."""


def test_the_batch_parent_loads_no_stage_grammar_nor_pdf_library(tmp_path: Path) -> None:
    loaded = modules_after_a_run(tmp_path / "out")
    assert loaded.isdisjoint(NOT_IN_THE_BATCH_PARENT), sorted(loaded & set(NOT_IN_THE_BATCH_PARENT))


def test_library_versions_are_the_ones_importlib_metadata_gives() -> None:
    """run.json and the resume fingerprint read versions from the metadata folders on sys.path directly."""
    from importlib import metadata

    from policy_extract.batch.resume import FINGERPRINT_LIBRARIES
    from policy_extract.batch.runinfo import RUN_LIBRARIES, library_version

    for name in (*RUN_LIBRARIES, *FINGERPRINT_LIBRARIES, "pytest", "no-such-library-xyz"):
        try:
            expected: str | None = metadata.version(name)
        except metadata.PackageNotFoundError:
            expected = None
        assert library_version(name) == expected, name


def test_the_common_character_table_ships_as_package_data() -> None:
    """``pip install .`` puts core/data/common_chars.txt into the package (the text-layer check reads it)."""
    import fnmatch
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["policy_extract.core"]
    table = REPO / "policy_extract" / "core" / "data" / "common_chars.txt"
    assert table.is_file()
    assert any(fnmatch.fnmatch("data/common_chars.txt", p) for p in patterns)


def test_the_parent_preloads_the_run_writers_while_workers_run() -> None:
    """The workbook writer and the manifest's schema test load in a background thread once documents are
    dispatched, so the serial tail after the last document only writes files; neither needs openpyxl (and
    its numpy) nor jsonschema for what the pipeline writes."""
    code = (
        "import json, sys, threading\n"
        "from policy_extract.batch.runner import preload_run_writers\n"
        "assert 'openpyxl' not in sys.modules\n"
        "preload_run_writers()\n"
        "[t.join() for t in threading.enumerate() if t.name == 'preload-writers']\n"
        "print(json.dumps(sorted(m.split('.')[0] for m in sys.modules)))\n"
    )
    loaded = loaded_modules(code)
    assert "policy_extract" in loaded and loaded.isdisjoint({"openpyxl", "numpy", "jsonschema"})


def test_writers_preload_only_what_the_run_will_write(tmp_path: Path) -> None:
    """(issue 18) A writer whose file and stamp are in OUTDIR is not preloaded: an unchanged manifest or
    workbook is not written again (a --force rerun), so importing jsonschema/openpyxl would be CPU taken
    from the workers for nothing."""
    from policy_extract.batch.runner import MANIFEST_STAMP, writers_needed

    assert writers_needed(tmp_path) == {"xlsx": True, "manifest": True}
    (tmp_path / "review.xlsx").write_bytes(b"x")
    (tmp_path / ".state").mkdir()
    (tmp_path / ".state" / "review.xlsx.sha256").write_text("x", encoding="utf-8")
    assert writers_needed(tmp_path) == {"xlsx": False, "manifest": True}
    (tmp_path / "manifest.json").write_bytes(b"[]")
    assert writers_needed(tmp_path) == {"xlsx": False, "manifest": True}  # no stamp: not validated yet
    (tmp_path / ".state" / MANIFEST_STAMP).write_text("x", encoding="utf-8")
    assert writers_needed(tmp_path) == {"xlsx": False, "manifest": False}


def test_idle_workers_exit_on_their_own_when_the_batch_closes() -> None:
    """Closing asks every idle worker first and then waits, and a worker asked to stop exits at once (status
    0, no interpreter teardown to wait for), so the end of a batch does not wait worker after worker."""
    from policy_extract.batch.workers import Limits, Supervisor

    results: list[object] = []
    supervisor = Supervisor(str.upper, Limits(), 2)
    supervisor.run(["a", "b"], lambda _job, result: results.append(result))
    workers = list(supervisor.idle)
    supervisor.close()
    assert sorted(results) == ["A", "B"]
    assert len(workers) == 2 and [w.proc.returncode for w in workers] == [0, 0]
