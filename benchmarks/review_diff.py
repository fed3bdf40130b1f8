"""Speed, memory and size of ``review`` and ``diff`` over one OUTDIR (default: a fresh run of the samples).

    python benchmarks/review_diff.py [OUTDIR]

Prints, per document, the seconds to write its review page and the page's size, then the peak memory of the
process and the seconds ``diff`` takes to compare the OUTDIR with itself (the worst case: every record is
matched and compared).
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from policy_extract.outputs.diff import diff_paths  # noqa: E402
from policy_extract.outputs.review import ReviewSettings, document_html, find_pdf, read_entries  # noqa: E402

from policy_extract.batch import run_batch  # noqa: E402


def main() -> None:
    if len(sys.argv) > 1:
        outdir = Path(sys.argv[1])
    else:
        outdir = Path(tempfile.mkdtemp()) / "out"
        run_batch([str(REPO / "samples" / "pdf")], outdir, progress=False)
    settings = ReviewSettings()
    for entry in read_entries(outdir):
        if entry.document is None:
            continue
        entry.pdf, entry.pdf_note = find_pdf(outdir, entry.file, entry.sha256, settings.pdf_dirs)
        start = time.perf_counter()
        size = len(document_html(entry, entry.document, settings).encode("utf-8"))
        seconds = time.perf_counter() - start
        pages = entry.document.source.pages
        print(f"review {entry.doc_id:40} {pages:3} pages {seconds:6.2f} s {size / 1e6:6.2f} MB"
              f"{'' if entry.pdf else '  (no PDF)'}")  # fmt: skip
    start = time.perf_counter()
    result = diff_paths(outdir, outdir)
    print(f"diff   {len(result.documents)} documents with themselves: {time.perf_counter() - start:.2f} s")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
