"""Per-part match rates of the pipeline against the hand-checked expected outputs of every sample.

    python benchmarks/golden.py [DOC_ID ...] [--details]

Prints one row per sample with the F1 of each part (meta, outline, paragraphs, sidebars, tables,
indicators, duties) and, with --details, what is missing and unexpected.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from compare import PARTS, compare_documents, load  # noqa: E402

from policy_extract.core.model import to_jsonable  # noqa: E402
from policy_extract.pipeline import process_pdf  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("doc_ids", nargs="*")
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args(argv)
    expected_dir = ROOT / "samples" / "expected"
    doc_ids = args.doc_ids or sorted(p.parent.name for p in expected_dir.glob("*/document.json"))
    print(f"{'sample':32}" + "".join(f"{p:>11}" for p in PARTS))
    totals: dict[str, list[float]] = {p: [] for p in PARTS}
    for doc_id in doc_ids:
        pdf = ROOT / "samples" / "pdf" / f"{doc_id}.pdf"
        got = to_jsonable(process_pdf(str(pdf)))
        results = compare_documents(load(expected_dir / doc_id / "document.json"), got)
        print(f"{doc_id[:32]:32}" + "".join(f"{results[p].f1:>11.3f}" for p in PARTS))
        for p in PARTS:
            totals[p].append(results[p].f1)
        if args.details:
            for r in results.values():
                if not r.exact:
                    print(r.report(limit=12))
    print(f"{'mean':32}" + "".join(f"{sum(v) / len(v):>11.3f}" for v in totals.values() if v))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
