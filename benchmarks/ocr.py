"""OCR path: speed, peak memory and match rates on the scanned and garbled samples (issue 6).

    python benchmarks/ocr.py [DOC_ID ...]          # default: every samples/pdf/scan_* and garbled_*

Each document runs in a fresh child process, so its peak resident memory (models, page images) is its own.
Prints pages, seconds, OCR pages per second, peak RSS, the F1 of table cells and indicator values against
the expected output (the clean twin's), and whether 文号 and 成文日期 match exactly.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def measure(doc_id: str) -> dict[str, float | str | bool]:
    """Run in a child process: process one sample and compare it with its expected output."""
    from compare import compare_documents, load

    from policy_extract.core.model import to_jsonable
    from policy_extract.pipeline import process_pdf

    start = time.perf_counter()
    got = to_jsonable(process_pdf(str(ROOT / "samples" / "pdf" / f"{doc_id}.pdf")))
    seconds = time.perf_counter() - start
    expected = load(ROOT / "samples" / "expected" / doc_id / "document.json")
    results = compare_documents(expected, got)
    return {
        "pages": got["source"]["pages"],
        "text_layer": got["source"]["text_layer"],
        "seconds": seconds,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "tables": results["tables"].f1,
        "indicators": results["indicators"].f1,
        "doc_number": got["meta"]["doc_number"] == expected["meta"]["doc_number"],
        "date": got["meta"]["date"] == expected["meta"]["date"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("doc_ids", nargs="*")
    args = ap.parse_args(argv)
    pdfs = ROOT / "samples" / "pdf"
    ocr_samples = sorted(p.stem for p in pdfs.glob("*.pdf") if p.stem.startswith(("scan_", "garbled_")))
    doc_ids = args.doc_ids or ocr_samples
    print(f"{'sample':34}{'layer':>6}{'pages':>6}{'s':>7}{'pages/s':>9}{'peak MB':>9}"
          f"{'cells F1':>10}{'values F1':>10}{'文号':>5}{'日期':>5}")
    ctx = mp.get_context("spawn")
    total_pages, total_seconds = 0, 0.0
    for doc_id in doc_ids:
        with ctx.Pool(1) as pool:
            r = pool.apply(measure, (doc_id,))
        total_pages += int(r["pages"])
        total_seconds += float(r["seconds"])
        rate = float(r["pages"]) / float(r["seconds"])
        print(f"{doc_id[:34]:34}{r['text_layer']!s:>6.6}{r['pages']:>6}{r['seconds']:>7.1f}{rate:>9.2f}"
              f"{r['peak_mb']:>9.0f}{r['tables']:>10.3f}{r['indicators']:>10.3f}"
              f"{'ok' if r['doc_number'] else 'NO':>5}{'ok' if r['date'] else 'NO':>5}")
    if total_seconds:
        print(f"{'all':34}{'':>6}{total_pages:>6}{total_seconds:>7.1f}{total_pages / total_seconds:>9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
