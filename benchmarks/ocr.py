"""OCR path: speed, peak memory and match on the scanned and garbled documents (issues 6, 16), in one run.

    python benchmarks/ocr.py [--workers 2] [--ocr-setting KEY=VALUE ...] [PDF ...]
        # default: samples/pdf and samples/generated/pdf scan_*/garbled_*, and the real corpus's *_scanned
        # --ocr-setting det_text_px=24 --ocr-setting rec_batch=1: the pipeline with those OcrSettings

For each document, each in a fresh child process (so its peak resident memory is its own):

* ``pipeline``: ``process_pdf`` at default settings (or ``--ocr-setting``) as one of ``--workers`` batch
  workers (onnxruntime threads = cores / workers) — pages/s (wall), CPU seconds per page, peak MB,
  ``source.text_layer``.  CPU s/page is the figure that holds on a shared machine: ``workers / cpu`` is the
  pages/s that many workers reach on as many idle cores;
* ``rapidocr``: RapidOCR's own full-page reading of the same pages (rendered at the pipeline's dpi, its
  default settings, no table or structure work) — pages/s and peak MB, the engine's floor;
* the match against the truth of the born-digital twin (samples, generated: golden-strict) or the typed truth
  (real: loose keys): table cell F1, indicator and duty F1 (``—`` where the truth has none).

Last, every document once more as a batch (``policy-extract run --workers N``, default 2): the wall-clock
pages/s a user sees on this machine, split into scanned and garbled pages.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
REAL = ROOT.parent / "shared" / "corpus" / "real"
DIRS = (ROOT / "samples" / "pdf", ROOT / "samples" / "generated" / "pdf")
PARTS = ("cells", "indicators", "duties")


def truth_of(pdf: Path) -> tuple[Path, bool]:
    """The expected document.json of a PDF and whether it is scored golden-strict (the twins' truth)."""
    if pdf.parent == REAL or pdf.parent.resolve() == REAL.resolve():
        return ROOT / "samples" / "real" / "expected" / pdf.stem / "document.json", False
    return pdf.parent.parent / "expected" / pdf.stem / "document.json", True


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_pipeline(pdf: str, workers: int = 2, ocr: dict[str, Any] | None = None) -> dict[str, Any]:
    """Child process: the pipeline on one PDF as a batch worker, timed, and its match against the truth."""
    import os

    os.environ["POLICY_EXTRACT_WORKERS"] = str(workers)
    import scoring

    from policy_extract.core.model import to_jsonable
    from policy_extract.pipeline import process_pdf

    start, cpu = time.perf_counter(), time.process_time()
    got = to_jsonable(process_pdf(pdf, settings={"extract": {"ocr": ocr or {}}}))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    path, strict = truth_of(Path(pdf))
    truth = json.loads(path.read_text(encoding="utf-8"))
    score = scoring.score_document(Path(pdf).stem, truth, got, strict=strict)
    f1 = {part: (t.f1 if t.expected or t.produced else None) for part, t in score.parts.items()}
    return {"pages": got["source"]["pages"], "layer": got["source"]["text_layer"], "seconds": seconds,
            "cpu": cpu, "peak_mb": peak_mb(), **{part: f1.get(part) for part in PARTS}}


def run_rapidocr(pdf: str) -> dict[str, Any]:
    """Child process: RapidOCR's own reading of every page, rendered as the pipeline renders them."""
    import pypdfium2 as pdfium
    from policy_extract.extract.ocr import render_page
    from policy_extract.extract.settings import OcrSettings
    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR(print_verbose=False)
    doc = pdfium.PdfDocument(pdf)
    start = time.perf_counter()
    for index in range(len(doc)):
        engine(render_page(doc, index, OcrSettings().dpi)[..., ::-1].copy())
    seconds = time.perf_counter() - start
    pages = len(doc)
    doc.close()
    return {"pages": pages, "seconds": seconds, "peak_mb": peak_mb()}


def in_child(fn: Any, *args: Any) -> dict[str, Any]:
    with mp.get_context("spawn").Pool(1) as pool:
        return pool.apply(fn, args)


def ocr_setting(text: str) -> tuple[str, Any]:
    """``KEY=VALUE`` of ``--ocr-setting``, the value read as JSON when it parses (numbers, booleans)."""
    key, _, value = text.partition("=")
    try:
        return key, json.loads(value)
    except ValueError:
        return key, value


def batch_rate(pdfs: list[Path], workers: int, layers: dict[str, str]) -> str:
    """``policy-extract run --workers N`` over the documents: pages/s overall and per text layer."""
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "policy_extract", "run", *map(str, pdfs), "-o", out,
               "--workers", str(workers)]
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        seconds = time.perf_counter() - start
        manifest = json.loads((Path(out) / "manifest.json").read_text(encoding="utf-8"))
    pages: dict[str, int] = {}
    for rec in manifest:
        layer = layers.get(Path(rec["file"]).stem, "?")
        pages[layer] = pages.get(layer, 0) + (rec.get("pages") or 0)
    total = sum(pages.values())
    split = ", ".join(f"{layer} {n} pages" for layer, n in sorted(pages.items()))
    return (f"batch --workers {workers}: {total} pages in {seconds:.1f} s = {total / seconds:.2f} pages/s "
            f"({split}; the documents run side by side, so per-layer rates are not separable)")


def default_pdfs() -> list[Path]:
    found = [p for d in DIRS for p in sorted(d.glob("*.pdf")) if p.stem.startswith(("scan_", "garbled_"))]
    return found + sorted(REAL.glob("*_scanned.pdf"))


def fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--ocr-setting", action="append", default=[], type=ocr_setting, metavar="KEY=VALUE")
    args = ap.parse_args(argv)
    pdfs = args.pdfs or default_pdfs()
    print(f"{'document':36}{'layer':>8}{'pages':>6}{'pipe p/s':>9}{'cpu s/p':>8}{'pipe MB':>8}"
          f"{'rapid p/s':>10}{'rapid MB':>9}{'cells':>7}{'indic':>7}{'duties':>7}")
    layers: dict[str, str] = {}
    pages, cpu = 0, 0.0
    for pdf in pdfs:
        p = in_child(run_pipeline, str(pdf), args.workers, dict(args.ocr_setting))
        r = in_child(run_rapidocr, str(pdf))
        layers[pdf.stem] = str(p["layer"])
        pages, cpu = pages + p["pages"], cpu + p["cpu"]
        print(f"{pdf.stem[:36]:36}{p['layer']:>8.8}{p['pages']:>6}{p['pages'] / p['seconds']:>9.2f}"
              f"{p['cpu'] / p['pages']:>8.2f}{p['peak_mb']:>8.0f}{r['pages'] / r['seconds']:>10.2f}"
              f"{r['peak_mb']:>9.0f}{fmt(p['cells']):>7}{fmt(p['indicators']):>7}{fmt(p['duties']):>7}",
              flush=True)
    if pages:
        print(f"pipeline: {cpu / pages:.2f} CPU s/page; {args.workers} workers on as many idle cores: "
              f"{args.workers * pages / cpu:.2f} pages/s")
    print(batch_rate(pdfs, args.workers, layers))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
