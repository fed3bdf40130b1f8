"""End-to-end batch throughput and memory, next to pdfplumber's bare ``extract_text`` on the same pages.

    python benchmarks/throughput.py [--long-pages 500] [--no-long]

Every measurement runs in its own child process (the CLI, or a bare pdfplumber loop), timed by this script;
peak RSS is the largest resident size of that process or any of its workers (``wait4``'s ``ru_maxrss``,
which covers waited-for descendants).  Sets: the bundled samples that are born-digital, and those needing OCR
(names containing ``scan`` or ``garbled``), each alone; a generated long document (pages of the 2021 sample
repeated); and an unchanged rerun of the born-digital set against its first run.  Prints Markdown tables.
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
PLUMBER_CODE = """
import sys, pdfplumber
for f in sys.argv[1:]:
    with pdfplumber.open(f) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
"""


@dataclass(frozen=True, slots=True)
class Measure:
    seconds: float
    peak_rss_mb: float
    exit_status: int


def measured(command: list[str]) -> Measure:
    """Run ``command`` to the end; its wall time and the peak RSS of it and its waited-for children."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Measure(seconds, usage.ru_maxrss / 1024, proc.returncode)


def page_count(files: list[Path]) -> int:
    import pdfplumber

    total = 0
    for f in files:
        with pdfplumber.open(f) as pdf:
            total += len(pdf.pages)
    return total


def plumber(files: list[Path]) -> Measure:
    return measured([sys.executable, "-c", PLUMBER_CODE, *map(str, files)])


def pipeline(files: list[Path], outdir: Path, workers: int, force: bool = True) -> Measure:
    command = [sys.executable, "-m", "policy_extract", "run", *map(str, files), "-o", str(outdir)]
    command += ["--workers", str(workers), "--timeout", "900"] + (["--force"] if force else [])
    return measured(command)


def make_long(path: Path, pages: int) -> None:
    """``pages`` pages cut from the 2021 sample over and over (text, 专栏, tables as offices print them)."""
    import pikepdf

    with pikepdf.open(LONG_SOURCE) as src, pikepdf.new() as dst:
        while len(dst.pages) < pages:
            for page in src.pages[: pages - len(dst.pages)]:
                dst.pages.append(page)
        dst.save(path)


def sample_sets() -> dict[str, list[Path]]:
    files = sorted(SAMPLES.glob("*.pdf"))
    ocr = [f for f in files if any(m in f.name for m in OCR_MARKERS)]
    return {"born-digital": [f for f in files if f not in ocr], "OCR (scan, garbled)": ocr}


def rate(pages: int, m: Measure) -> str:
    return f"{pages / m.seconds:.1f}" if m.seconds else "-"


def throughput_table(tmp: Path) -> list[str]:
    rows = [
        "| set | files | pages | pdfplumber extract_text p/s | pipeline 1 worker p/s | ratio | peak RSS MB "
        "| pipeline 2 workers p/s | 2 vs 1 | peak RSS MB |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, files in sample_sets().items():
        if not files:
            rows.append(f"| {name} | 0 | 0 | (no samples) | | | | | | |")
            continue
        pages = page_count(files)
        base = plumber(files)
        one = pipeline(files, tmp / f"{name}-1", 1)
        two = pipeline(files, tmp / f"{name}-2", 2)
        rows.append(
            f"| {name} | {len(files)} | {pages} | {rate(pages, base)} | {rate(pages, one)} "
            f"| {base.seconds / one.seconds:.2f} | {one.peak_rss_mb:.0f} | {rate(pages, two)} "
            f"| {one.seconds / two.seconds:.2f}× | {two.peak_rss_mb:.0f} |"
        )
    return rows


def long_table(tmp: Path, pages: int) -> list[str]:
    path = tmp / f"long_{pages}.pdf"
    make_long(path, pages)
    base = plumber([path])
    run = pipeline([path], tmp / "long-out", 1)
    return [
        "| document | pages | pdfplumber p/s | pipeline p/s | ratio | pipeline peak RSS MB | status |",
        "|---|---|---|---|---|---|---|",
        f"| generated from 000 | {pages} | {rate(pages, base)} | {rate(pages, run)} "
        f"| {base.seconds / run.seconds:.2f} | {run.peak_rss_mb:.0f} | exit {run.exit_status} |",
    ]


def rerun_table(tmp: Path) -> list[str]:
    files = sample_sets()["born-digital"]
    out = tmp / "rerun"
    first = pipeline(files, out, 2, force=True)
    again = pipeline(files, out, 2, force=False)
    return [
        "| born-digital samples, 2 workers | seconds | vs first run |",
        "|---|---|---|",
        f"| first run (--force) | {first.seconds:.2f} | 100% |",
        f"| unchanged rerun (CLI, whole process) | {again.seconds:.2f} "
        f"| {100 * again.seconds / first.seconds:.1f}% |",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--long-pages", type=int, default=DEFAULT_LONG_PAGES)
    parser.add_argument("--no-long", action="store_true", help="skip the generated long document")
    args = parser.parse_args()
    print(f"CPUs: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.2f}\n")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        print("\n".join(throughput_table(tmp)), end="\n\n")
        if not args.no_long:
            print("\n".join(long_table(tmp, args.long_pages)), end="\n\n")
        print("\n".join(rerun_table(tmp)))


if __name__ == "__main__":
    main()
