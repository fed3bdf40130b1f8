"""End-to-end batch throughput, fixed costs and memory, next to pdfplumber and pypdfium2 on the same pages.

    python benchmarks/throughput.py [--long-pages 500] [--no-long] [--no-batch] [--with-ocr]
                                    [--no-bytecode-cache]

One run prints, on the bundled born-digital samples (:func:`is_born_digital`), each figure next to the goal
of issue 18:

* pages/s of pdfplumber's bare ``extract_text`` and of pypdfium2's ``get_textpage().get_text_range()`` (the
  floor: text only, in native code), and of the pipeline with one worker for each page source
  (``--page-source``; a source the installed code does not know is skipped, saying so);
* the default page source with 2 workers against 1;
* a worker's start-up: a fresh interpreter importing what a worker imports before its first page and loading
  its tables (the stages, the page source opening a small PDF, the common-character table, the document
  schema's validator);
* the peak RSS of a generated long document (pages of the 2021 sample over and over),
* an unchanged rerun of the 2-worker run (the whole CLI process) against that first run, and
* unless ``--no-batch``, the same figures again (pdfplumber, the floor, 1 and 2 workers, the unchanged
  rerun) on a larger batch, all on the same files in the one run: every born-digital PDF of the samples, the
  generated corpus and the real corpus (``../shared/corpus/real``): files without ``scan`` or ``garbled`` in
  the name and with a text layer on every page (:func:`is_born_digital`), where a run's fixed costs (the
  parent's and a worker's start-up, ~0.2 s) weigh little, as in a nightly batch; on the seven samples they
  are a fifth of a 1-worker run.

Every measurement runs in its own child process (the CLI, or a bare library loop), timed by this script; peak
RSS is the largest resident size of that process or any of its workers (``wait4``'s ``ru_maxrss``, which
covers waited-for descendants).  Children compile their bytecode once into a temporary cache
(``PYTHONPYCACHEPREFIX``), as an installed package has its ``.pyc`` files, even where the environment sets
``PYTHONDONTWRITEBYTECODE``; ``--no-bytecode-cache`` keeps the environment as it is.  The machine's load is
printed: figures of one run are comparable with each other, not across machines.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples" / "pdf"
LONG_SOURCE = SAMPLES / "000_5d3202af9fddf20f.pdf"
DEFAULT_LONG_PAGES = 500
OCR_MARKERS = ("scan", "garbled")
PAGE_SOURCES = ("pdfminer", "pdfium")
STARTUP_RUNS = 5

GOAL_VS_PLUMBER = 1.5
"""Pipeline pages/s (default page source, one worker) as a multiple of pdfplumber's ``extract_text``."""
GOAL_TWO_WORKERS = 1.8
"""Two workers' pages/s as a multiple of one worker's."""
GOAL_STARTUP_SECONDS = 0.3
GOAL_LONG_RSS_MB = 300.0
GOAL_RERUN_SHARE = 0.05
"""An unchanged rerun's time as a share of its first run."""

PLUMBER_CODE = """
import sys, pdfplumber
for f in sys.argv[1:]:
    with pdfplumber.open(f) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
"""
PDFIUM_CODE = """
import sys, pypdfium2
for f in sys.argv[1:]:
    pdf = pypdfium2.PdfDocument(f)
    for i in range(len(pdf)):
        page = pdf[i]
        text = page.get_textpage()
        text.get_text_range()
        text.close()
        page.close()
    pdf.close()
"""
STARTUP_CODE = """
import sys
from policy_extract.batch.workers import worker_main
from policy_extract.batch.task import process_job
from policy_extract.pipeline import process_pdf
from policy_extract.settings import PipelineSettings
from policy_extract.extract.document import extract_document
from policy_extract.normalize.document import normalize_document
from policy_extract.outputs import csvio, jsonio, manifest, schema
from policy_extract.extract.textlayer import common_chars
settings = PipelineSettings.resolve(%(settings)r)
try:
    from policy_extract.extract.registry import PAGE_SOURCES, load
except ImportError:  # before the page sources: pdfplumber is the reader
    import pdfplumber
    pdfplumber.open(%(pdf)r).close()
else:  # opening a file imports what the source reads with
    load(PAGE_SOURCES, settings.extract.page_source)(%(pdf)r, None).close()
common_chars()
getattr(schema, "_quick", schema._validator)(schema.DOCUMENT_SCHEMA)  # what a worker validates with
heavy = ("jieba", "numpy", "cv2", "onnxruntime", "openpyxl", "hypothesis", "pandas", "rapidocr_onnxruntime")
print(",".join(m for m in heavy if m in sys.modules))
"""


@dataclass(frozen=True, slots=True)
class Measure:
    seconds: float
    peak_rss_mb: float
    exit_status: int
    stdout: str = ""
    cpu_seconds: float = 0.0
    """User + system time of the process and its waited-for children."""


class Bench:
    """Runs children with one environment (the bytecode cache); keeps notes of the runs that failed."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.notes: list[str] = []
        """What went wrong in a run (its failed documents), printed under the table that ran it."""

    def measured(self, command: list[str], capture: bool = False) -> Measure:
        """Run ``command`` to the end; its wall time and the peak RSS of it and its waited-for children."""
        out = subprocess.PIPE if capture else subprocess.DEVNULL
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=REPO, stdout=out, stderr=subprocess.DEVNULL, env=self.env,
                                text=True)
        stdout = proc.stdout.read() if proc.stdout else ""
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        cpu = usage.ru_utime + usage.ru_stime
        return Measure(seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), stdout, cpu)

    def plumber(self, files: list[Path]) -> Measure:
        return self.measured([sys.executable, "-c", PLUMBER_CODE, *map(str, files)])

    def pdfium(self, files: list[Path]) -> Measure:
        return self.measured([sys.executable, "-c", PDFIUM_CODE, *map(str, files)])

    def pipeline(self, files: list[Path], outdir: Path, workers: int, source: str | None,
                 force: bool = True) -> Measure:
        command = [sys.executable, "-m", "policy_extract", "run", *map(str, files), "-o", str(outdir)]
        command += ["--workers", str(workers), "--timeout", "1800"]
        command += (["--page-source", source] if source else []) + (["--force"] if force else [])
        m = self.measured(command)
        if m.exit_status:
            self.notes.append(f"{outdir.name}: exit {m.exit_status}; {failures(outdir)}")
        return m

    def startup(self, source: str | None) -> tuple[Measure, str]:
        """The fastest of a few fresh worker start-ups, and the heavy modules it loaded."""
        settings = {"extract": {"page_source": source}} if source else None
        code = STARTUP_CODE % {"settings": settings, "pdf": str(SAMPLES / "stress_spaced_table.pdf")}
        runs = [self.measured([sys.executable, "-c", code], capture=True) for _ in range(STARTUP_RUNS)]
        best = min(runs, key=lambda m: m.seconds)
        return best, best.stdout.strip() if best.exit_status == 0 else f"failed (exit {best.exit_status})"


# ------------------------------------------------------------------------------------------- helpers


def child_env(cache: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE" or cache is None}
    if cache is not None:
        env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def known_sources() -> tuple[list[str], str, list[str]]:
    """The page sources the installed code accepts, its default, and a line for each one it does not."""
    from policy_extract.core.errors import SettingsError
    from policy_extract.settings import PipelineSettings

    default = getattr(PipelineSettings().extract, "page_source", "pdfminer")
    known, notes = [], []
    for name in PAGE_SOURCES:
        try:
            PipelineSettings.resolve({"extract": {"page_source": name}})
        except SettingsError as exc:
            notes.append(f"page source {name!r} skipped: the installed code does not know it ({exc})")
            continue
        known.append(name)
    return known, default, notes


def page_count(files: list[Path]) -> int:
    import pypdfium2

    total = 0
    for f in files:
        pdf = pypdfium2.PdfDocument(str(f))
        total += len(pdf)
        pdf.close()
    return total


def make_long(path: Path, pages: int) -> None:
    """``pages`` pages cut from the 2021 sample over and over (text, 专栏, tables as offices print them)."""
    import pikepdf

    with pikepdf.open(LONG_SOURCE) as src, pikepdf.new() as dst:
        while len(dst.pages) < pages:
            for page in src.pages[: pages - len(dst.pages)]:
                dst.pages.append(page)
        dst.save(path)


def born_digital() -> list[Path]:
    return [f for f in sorted(SAMPLES.glob("*.pdf")) if is_born_digital(f)]


def corpus_born_digital() -> list[Path]:
    """Every born-digital PDF of the three document corpora (the samples, generated, real)."""
    folders = (SAMPLES, REPO / "samples" / "generated" / "pdf", REPO.parent / "shared" / "corpus" / "real")
    return [f for folder in folders for f in sorted(folder.glob("*.pdf")) if is_born_digital(f)]


def is_born_digital(path: Path) -> bool:
    """Neither an OCR sample by name (``scan``, ``garbled``) nor a file with a scanned page: a page with an
    image and no text layer at all, read with OCR among born-digital ones (its time is the OCR engine's, which
    takes both cores with one worker and one core each with two, and which pdfplumber never spends).  A blank
    page (neither text nor image) is born-digital."""
    if any(m in path.name for m in OCR_MARKERS):
        return False
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return not any(_scanned_page(pdf, i) for i in range(len(pdf)))
    finally:
        pdf.close()


def _scanned_page(pdf, index: int) -> bool:
    import pypdfium2.raw as raw

    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            if textpage.count_chars() > 0:
                return False
        finally:
            textpage.close()
        return any(True for _ in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,)))
    finally:
        page.close()


def ocr_samples() -> list[Path]:
    return [f for f in sorted(SAMPLES.glob("*.pdf")) if any(m in f.name for m in OCR_MARKERS)]


def failures(outdir: Path) -> str:
    """The failed documents of a pipeline run, from its manifest."""
    import json

    try:
        records = json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "no manifest.json"
    failed = [f"{r['doc_id']} {r['error']['code']}: {r['error']['message']}"
              for r in records if r.get("error")]
    return "; ".join(failed) or "no failed document"


def best_split(page_counts: list[int], workers: int) -> float:
    """The speed-up ``workers`` can give at best when each document runs on one worker (largest first, time
    taken as proportional to pages): one long document bounds it."""
    loads = [0] * workers
    for n in sorted(page_counts, reverse=True):
        loads[loads.index(min(loads))] += n
    return sum(page_counts) / max(loads) if max(loads) else 1.0


def rate(pages: int, m: Measure) -> float:
    return pages / m.seconds if m.seconds else 0.0


def verdict(ok: bool) -> str:
    return "yes" if ok else "**no**"


def status(m: Measure) -> str:
    return "" if m.exit_status == 0 else f" (exit {m.exit_status})"


# -------------------------------------------------------------------------------------------- tables


@dataclass(slots=True)
class Context:
    bench: Bench
    tmp: Path
    files: list[Path]
    pages: int
    sources: list[str]
    default: str


def speed_table(ctx: Context) -> tuple[list[str], dict[str, Measure]]:
    """Pages/s of the libraries and of the pipeline per page source (one worker), then 2 workers.

    Beside wall-clock pages/s, pages per CPU second (user + system of the process and its workers): on a
    machine other work shares, one reader's wall time depends on what else ran meanwhile, its CPU time does
    not.  The 1.5× goal is judged on both; 2 vs 1 worker can only be judged on wall time, with the load shown.
    """
    b, files, pages = ctx.bench, ctx.files, ctx.pages
    plumber, floor = b.plumber(files), b.pdfium(files)
    rows = [
        f"born-digital samples: {len(files)} files, {pages} pages",
        "",
        "| reader | pages/s | × pdfplumber | pages/CPU s | × pdfplumber (CPU) | goal | met (wall, CPU) |",
        "|---|---|---|---|---|---|---|",
        speed_row("pdfplumber `extract_text`", pages, plumber, plumber),
        speed_row("pypdfium2 `get_text_range` (floor)", pages, floor, plumber),
    ]
    runs: dict[str, Measure] = {}
    for source in ctx.sources:
        runs[source] = m = b.pipeline(files, ctx.tmp / f"one-{source}", 1, source)
        default = source == ctx.default
        label = f"pipeline, {source}{' (default)' if default else ''}, 1 worker"
        rows.append(speed_row(label, pages, m, plumber, GOAL_VS_PLUMBER if default else None))
    load = os.getloadavg()[0]
    runs["two"] = two = b.pipeline(files, ctx.tmp / "two", 2, ctx.default)
    rows.append(two_workers_row(ctx.default, pages, two, runs[ctx.default], plumber))
    rows += ["", two_workers_bound(ctx, files, [page_count([f]) for f in files], runs[ctx.default], load)]
    return rows, runs


def two_workers_bound(ctx: Context, files: list[Path], counts: list[int], one: Measure, load: float) -> str:
    """What 2 workers can give at best on ``files``: each document on one worker (:func:`best_split`), and a
    run's fixed cost (the command's and a worker's start-up, the run's files) paid in full by both runs, so
    only the rest of ``one`` is shared.  The fixed cost is a 1-worker run of the file with the fewest pages
    less that file's share of the work (work taken as proportional to pages, as in :func:`best_split`)."""
    bound = best_split(counts, 2)
    smallest = files[counts.index(min(counts))]
    small = ctx.bench.pipeline([smallest], ctx.tmp / f"fixed-{len(files)}", 1, ctx.default).seconds
    share = min(counts) / sum(counts)  # small = fixed + share * (one - fixed)
    fixed = min(max((small - share * one.seconds) / (1 - share), 0.0), one.seconds) if share < 1 else 0.0
    amdahl = one.seconds / (fixed + (one.seconds - fixed) / bound) if one.seconds else 0.0
    return (f"(one document per worker: 2 workers can give at most {bound:.2f}× on these files; with the "
            f"fixed cost of a run, {fixed:.2f} s (a 1-worker run of {smallest.name} less its pages' work), "
            f"paid by both, at most {amdahl:.2f}×; load average when they started: {load:.1f} on "
            f"{os.cpu_count()} CPUs)")


def speed_row(label: str, pages: int, m: Measure, plumber: Measure, goal: float | None = None) -> str:
    wall = plumber.seconds / m.seconds if m.seconds else 0.0
    cpu = plumber.cpu_seconds / m.cpu_seconds if m.cpu_seconds else 0.0
    per_cpu = pages / m.cpu_seconds if m.cpu_seconds else 0.0
    judged = f"≥ {goal}× | {verdict(wall >= goal)}, {verdict(cpu >= goal)}" if goal else "|"
    return (f"| {label} | {rate(pages, m):.1f}{status(m)} | {wall:.2f} | {per_cpu:.1f} | {cpu:.2f} "
            f"| {judged} |")


def two_workers_row(source: str, pages: int, two: Measure, one: Measure, plumber: Measure) -> str:
    """The 2-worker run's row: its pages/s beside pdfplumber's, judged against the 1-worker run."""
    scale = one.seconds / two.seconds if two.seconds else 0.0
    return (f"| pipeline, {source}, 2 workers | {rate(pages, two):.1f}{status(two)} "
            f"| {plumber.seconds / two.seconds:.2f} | | | 2 vs 1 worker ≥ {GOAL_TWO_WORKERS}×: {scale:.2f}× "
            f"| {verdict(scale >= GOAL_TWO_WORKERS)} |")


def startup_table(ctx: Context) -> list[str]:
    """Judged on CPU time: on a shared machine a fresh interpreter's wall time includes waiting for a core."""
    rows = [
        f"worker start-up (fastest of {STARTUP_RUNS} fresh interpreters: imports, page source, tables; "
        "judged on CPU time, wall time beside it)",
        "",
        "| page source | CPU s | wall s | goal | met | heavy modules loaded |",
        "|---|---|---|---|---|---|",
    ]
    bare = min((ctx.bench.measured([sys.executable, "-c", "pass"]) for _ in range(STARTUP_RUNS)),
               key=lambda m: m.seconds)
    rows.append(f"| (bare `python -c pass`) | {bare.cpu_seconds:.3f} | {bare.seconds:.3f} | | | |")
    for source in ctx.sources:
        m, heavy = ctx.bench.startup(source)
        ok = m.exit_status == 0 and m.cpu_seconds <= GOAL_STARTUP_SECONDS
        rows.append(f"| {source} | {m.cpu_seconds:.3f} | {m.seconds:.3f} | ≤ {GOAL_STARTUP_SECONDS} s "
                    f"| {verdict(ok)} | {heavy or 'none'} |")
    return rows


def long_table(ctx: Context, pages: int) -> list[str]:
    path = ctx.tmp / f"long_{pages}.pdf"
    make_long(path, pages)
    plumber = ctx.bench.plumber([path])
    rows = [
        f"a generated {pages}-page document (pages of {LONG_SOURCE.name} over and over), 1 worker",
        "",
        "| reader | pages/s | × pdfplumber | × pdfplumber (CPU) | peak RSS MB | goal | met |",
        "|---|---|---|---|---|---|---|",
        f"| pdfplumber `extract_text` | {rate(pages, plumber):.1f}{status(plumber)} | 1.00 | 1.00 "
        f"| {plumber.peak_rss_mb:.0f} | | |",
    ]
    for source in ctx.sources:
        m = ctx.bench.pipeline([path], ctx.tmp / f"long-{source}", 1, source)
        ok = m.exit_status == 0 and m.peak_rss_mb <= GOAL_LONG_RSS_MB
        cpu = plumber.cpu_seconds / m.cpu_seconds if m.cpu_seconds else 0.0
        rows.append(f"| pipeline, {source} | {rate(pages, m):.1f}{status(m)} "
                    f"| {plumber.seconds / m.seconds:.2f} | {cpu:.2f} | {m.peak_rss_mb:.0f} "
                    f"| ≤ {GOAL_LONG_RSS_MB:.0f} MB | {verdict(ok)} |")
    return rows


def rerun_table(ctx: Context, first: Measure) -> list[str]:
    """The 2-worker run of :func:`speed_table` again, unchanged (nothing to redo)."""
    again = ctx.bench.pipeline(ctx.files, ctx.tmp / "two", 2, ctx.default, force=False)
    share = again.seconds / first.seconds
    cpu_share = again.cpu_seconds / first.cpu_seconds if first.cpu_seconds else 0.0
    return [
        f"unchanged rerun ({ctx.default}, 2 workers, the whole CLI process)",
        "",
        "| run | seconds | share of the first run | CPU s | CPU share | goal | met |",
        "|---|---|---|---|---|---|---|",
        f"| first run (--force) | {first.seconds:.2f}{status(first)} | 100% | {first.cpu_seconds:.2f} | 100% "
        "| | |",
        f"| unchanged rerun | {again.seconds:.2f}{status(again)} | {100 * share:.1f}% "
        f"| {again.cpu_seconds:.2f} | {100 * cpu_share:.1f}% "
        f"| ≤ {100 * GOAL_RERUN_SHARE:.0f}% | {verdict(share <= GOAL_RERUN_SHARE)} |",
    ]


def batch_table(ctx: Context) -> list[str]:
    """Every figure of :func:`speed_table` and :func:`rerun_table` again over a batch of many documents (the
    corpora's born-digital PDFs), all on the same files in this one run: pdfplumber, the floor, the pipeline
    with 1 and 2 workers, and the unchanged rerun of the 2-worker run.  A nightly batch looks like this one,
    where a run's fixed costs (the parent's and a worker's start-up, ~0.25 s) weigh little; on the seven
    samples they are a third of a 1-worker run, and one 55-page document is half of the pages."""
    b, files = ctx.bench, corpus_born_digital()
    counts = [page_count([f]) for f in files]
    pages = sum(counts)
    plumber, floor = b.plumber(files), b.pdfium(files)
    one = b.pipeline(files, ctx.tmp / "batch-one", 1, ctx.default)
    load = os.getloadavg()[0]
    two = b.pipeline(files, ctx.tmp / "batch-two", 2, ctx.default)
    again = b.pipeline(files, ctx.tmp / "batch-two", 2, ctx.default, force=False)
    share = again.seconds / two.seconds if two.seconds else 0.0
    return [
        f"a larger batch: the corpora's born-digital PDFs, {len(files)} files, {pages} pages ({ctx.default})",
        "",
        "| reader | pages/s | × pdfplumber | pages/CPU s | × pdfplumber (CPU) | goal | met (wall, CPU) |",
        "|---|---|---|---|---|---|---|",
        speed_row("pdfplumber `extract_text`", pages, plumber, plumber),
        speed_row("pypdfium2 `get_text_range` (floor)", pages, floor, plumber),
        speed_row(f"pipeline, {ctx.default}, 1 worker", pages, one, plumber, GOAL_VS_PLUMBER),
        two_workers_row(ctx.default, pages, two, one, plumber),
        f"| unchanged rerun of the 2-worker run | {again.seconds:.2f} s{status(again)} | | | "
        f"| ≤ {100 * GOAL_RERUN_SHARE:.0f}% of the first: {100 * share:.1f}% "
        f"| {verdict(share <= GOAL_RERUN_SHARE)} |",
        "",
        two_workers_bound(ctx, files, counts, one, load),
    ]


def ocr_table(ctx: Context) -> list[str]:
    files = ocr_samples()
    if not files:
        return ["OCR samples: none"]
    pages = page_count(files)
    plumber = ctx.bench.plumber(files)
    m = ctx.bench.pipeline(files, ctx.tmp / "ocr", 1, ctx.default)
    return [
        f"OCR samples (scan, garbled): {len(files)} files, {pages} pages, 1 worker",
        "",
        "| reader | pages/s | peak RSS MB |",
        "|---|---|---|",
        f"| pdfplumber `extract_text` (text layer only) | {rate(pages, plumber):.2f} "
        f"| {plumber.peak_rss_mb:.0f} |",
        f"| pipeline, {ctx.default} | {rate(pages, m):.2f}{status(m)} | {m.peak_rss_mb:.0f} |",
    ]


def warm_up(bench: Bench, tmp: Path, sources: list[str]) -> None:
    """One small run of every reader: fills the bytecode cache and the file cache before anything is timed."""
    small = [SAMPLES / "stress_spaced_table.pdf"]
    bench.plumber(small)
    bench.pdfium(small)
    for source in sources:
        bench.pipeline(small, tmp / f"warm-{source}", 1, source)


def emit(rows: list[str], bench: Bench) -> None:
    rows = rows + [""] + [f"- failed: {note}" for note in bench.notes] if bench.notes else rows
    bench.notes.clear()
    print("\n".join(rows), end="\n\n", flush=True)


def run_all(args: argparse.Namespace, tmp: Path) -> None:
    bench = Bench(child_env(None if args.no_bytecode_cache else tmp / "pycache"))
    sources, default, notes = known_sources()
    for note in notes:
        print(note)
    files = born_digital()
    ctx = Context(bench, tmp, files, page_count(files), sources, default)
    warm_up(bench, tmp, sources)
    bench.notes.clear()  # of the warm-up
    rows, runs = speed_table(ctx)
    emit(rows, bench)
    emit(startup_table(ctx), bench)
    if not args.no_long:
        emit(long_table(ctx, args.long_pages), bench)
    emit(rerun_table(ctx, runs["two"]), bench)
    if not args.no_batch:
        emit(batch_table(ctx), bench)
    if args.with_ocr:
        emit(ocr_table(ctx), bench)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--long-pages", type=int, default=DEFAULT_LONG_PAGES)
    parser.add_argument("--no-long", action="store_true", help="skip the generated long document")
    parser.add_argument("--no-batch", action="store_true",
                        help="skip the batch of every born-digital PDF of the corpora (pdfplumber, 1 vs 2 "
                             "workers, the rerun): a nightly batch, where a run's fixed costs weigh little")
    parser.add_argument("--with-ocr", action="store_true", help="also time the OCR samples (scan, garbled)")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="run children in this environment as it is (no temporary .pyc cache)")
    args = parser.parse_args(argv)
    cache = "environment as is" if args.no_bytecode_cache else "temporary .pyc cache"
    print(f"CPUs: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.2f}, bytecode: {cache}\n")
    with tempfile.TemporaryDirectory() as tmp_name:
        run_all(args, Path(tmp_name))
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
