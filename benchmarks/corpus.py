"""The scoreboard: the pipeline over every corpus with truth, one table of F1 per corpus × part.

    python benchmarks/corpus.py [--corpus NAME ...] [--workers 2] [--no-baseline] [--no-write]

Corpora (truth never derived from the pipeline):

* ``samples``: ``samples/pdf`` with ``samples/expected`` (truth from the YAML sources);
* ``generated``: ``samples/generated/pdf`` with ``samples/generated/expected`` (truth by construction, three
  PDF producers);
* ``real``: ``../shared/corpus/real`` with ``samples/real/expected`` (typed from the rendered pages; only the
  parts each truth file lists are scored);
* ``icdar``: the ICDAR 2013 development half in ``../shared/corpus/icdar2013-dev`` (tables only; the
  competition's non-empty cells, so empty produced cells are left out on both sides, and rows and columns are
  counted from each table's first non-empty one, as the ground truth numbers from 0 or from 1).

The pipeline runs as a user runs it: ``policy-extract run`` over the corpus's PDFs with ``--workers``
workers at default settings; pages/s is the corpus's pages over that wall-clock time, failures count
documents whose status is ``failed``.  Plain pdfplumber (``page.extract_tables()``) is scored on the table
parts of the same documents, as the baseline.  Part definitions: ``benchmarks/scoring.py``.

Writes ``docs/scoreboard.md`` and ``docs/scoreboard.json`` (committed, so a change in any figure shows in
review); ``tests/test_scoreboard.py`` holds every figure to its floor in ``benchmarks/floors.json``.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import scoring  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
CORPORA = ("samples", "generated", "real", "icdar")
MD = ROOT / "docs" / "scoreboard.md"
JSON_OUT = ROOT / "docs" / "scoreboard.json"


@dataclass(frozen=True, slots=True)
class Entry:
    doc_id: str
    pdf: Path
    truth: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Corpus:
    name: str
    entries: list[Entry]
    strict: bool = True
    """Golden-strict indicator and duty records (samples, generated) or the looser real-PDF keys."""
    drop_empty: bool = False
    """Compare non-empty cells only (ICDAR's ground truth lists no empty cell)."""


# ------------------------------------------------------------------------------------------- corpora


def _expected_entries(expected: Path, pdfs: Path) -> list[Entry]:
    out = []
    for path in sorted(expected.glob("*/document.json")):
        pdf = pdfs / f"{path.parent.name}.pdf"
        if pdf.exists():
            out.append(Entry(path.parent.name, pdf, json.loads(path.read_text(encoding="utf-8"))))
    return out


def _icdar_table(table: Any) -> dict[str, Any]:
    """One table of the competition's ground truth (read by ``benchmarks/icdar.py``) as a document.json table;
    white space inside a cell's content is collapsed, as the pipeline writes it."""
    pages = [page for page, _box in table.regions]
    cells = [
        {"row": r, "col": c, "rowspan": rs, "colspan": cs, "text": " ".join(text.split()), "page": pages[0]}
        for r, c, rs, cs, text in table.cells
    ]
    return {"title": None, "pages": pages, "n_rows": 0, "n_cols": 0, "header_rows": 0, "cells": cells}


def icdar_entries(folder: Path) -> list[Entry]:
    out = []
    for pdf in sorted(folder.glob("*/*.pdf")):
        tables = [_icdar_table(t) for t in scoring.ICDAR.truth_tables(pdf)]
        out.append(Entry(pdf.stem, pdf, {"truth": {"parts": ["tables"]}, "tables": tables}))
    return out


def load_corpus(name: str) -> Corpus:
    if name == "samples":
        return Corpus(name, _expected_entries(ROOT / "samples" / "expected", ROOT / "samples" / "pdf"))
    if name == "generated":
        gen = ROOT / "samples" / "generated"
        return Corpus(name, _expected_entries(gen / "expected", gen / "pdf"))
    if name == "real":
        entries = _expected_entries(ROOT / "samples" / "real" / "expected", SHARED / "real")
        return Corpus(name, entries, strict=False)
    if name == "icdar":
        return Corpus(name, icdar_entries(SHARED / "icdar2013-dev"), strict=False, drop_empty=True)
    raise SystemExit(f"unknown corpus {name!r}; use one of {', '.join(CORPORA)}")


# --------------------------------------------------------------------------------------------- running


def run_pipeline(corpus: Corpus, workers: int, outdir: Path) -> tuple[dict[str, dict[str, Any] | None], dict]:
    """``policy-extract run`` over the corpus; document.json per doc_id (None where it failed) and totals."""
    pdfs = [str(e.pdf) for e in corpus.entries]
    cmd = [sys.executable, "-m", "policy_extract", "run", *pdfs, "-o", str(outdir), "--workers", str(workers)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{corpus.name}: policy-extract run exited {proc.returncode}: {proc.stderr[-2000:]}")
    manifest = json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))
    by_file = {Path(r["file"]).resolve(): r for r in manifest}
    docs: dict[str, dict[str, Any] | None] = {}
    failed, pages = [], 0
    for e in corpus.entries:
        rec = by_file[e.pdf.resolve()]
        pages += rec.get("pages") or 0
        path = outdir / "docs" / rec["doc_id"] / "document.json"
        docs[e.doc_id] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
        if rec["status"] == "failed":
            failed.append(f"{e.doc_id}: {rec['error']['code']}")
    return docs, {"seconds": seconds, "pages": pages, "failed": failed}


def plumber_tables(pdf: Path, drop_empty: bool) -> list[scoring.BenchTable]:
    import logging

    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # one line per glyph of a font without a FontBBox

    tables = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            tables += [scoring.TB.table_from_plumber(rows) for rows in page.extract_tables()]
            page.close()
    if drop_empty:
        tables = [scoring.non_empty(t) for t in tables]
    return tables


# ---------------------------------------------------------------------------------------------- scoring


def score_corpus(
    corpus: Corpus, docs: dict[str, dict[str, Any] | None], baseline: bool, detail: bool = False
) -> dict[str, Any]:
    ours: dict[str, scoring.Tally] = {}
    plumber: dict[str, scoring.Tally] = {}
    plumber_seconds = 0.0
    for e in corpus.entries:
        produced = docs.get(e.doc_id)
        tables = scoring.doc_tables(produced, corpus.drop_empty) if produced else []
        s = scoring.score_document(
            e.doc_id, e.truth, produced, strict=corpus.strict, produced_tables=tables,
            drop_empty=corpus.drop_empty,
        )
        _merge(ours, s.parts)
        if detail:
            low = {p: t.f1 for p, t in s.parts.items() if t.f1 is not None and t.f1 < 1.0}
            if low or produced is None:
                shown = "failed" if produced is None else " ".join(f"{p} {v:.3f}" for p, v in low.items())
                print(f"  {corpus.name}/{e.doc_id}: {shown}", file=sys.stderr)
        if baseline and "cells" in scoring.covered(e.truth):
            start = time.perf_counter()
            pt = plumber_tables(e.pdf, corpus.drop_empty)
            plumber_seconds += time.perf_counter() - start
            truth_tables = scoring.doc_tables(e.truth, corpus.drop_empty)
            _merge(plumber, scoring.table_tallies(truth_tables, pt))
    return {"ours": ours, "pdfplumber": plumber, "pdfplumber_seconds": plumber_seconds}


def _merge(into: dict[str, scoring.Tally], parts: dict[str, scoring.Tally]) -> None:
    for part, tally in parts.items():
        into.setdefault(part, scoring.Tally()).add(tally)


# ----------------------------------------------------------------------------------------------- report

HEAD = {
    "meta": "meta",
    "outline": "outline",
    "paragraphs": "paras",
    "sidebars": "sidebars",
    "sidebar_items": "sb items",
    "cells": "cells",
    "teds": "TEDS",
    "adjacency": "adjacency",
    "indicators": "indicators",
    "duties": "duties",
}


def _fmt(t: scoring.Tally | None) -> str:
    return "—" if t is None or t.f1 is None else f"{t.f1:.3f}"


def rows_of(results: dict[str, dict[str, Any]]) -> list[list[str]]:
    rows = []
    for name, r in results.items():
        run = r["run"]
        speed = run["pages"] / run["seconds"] if run["seconds"] else 0.0
        rows.append(
            [
                name,
                str(r["docs"]),
                str(run["pages"]),
                *(_fmt(r["ours"].get(p)) for p in scoring.PARTS),
                f"{speed:.1f}",
                str(len(run["failed"])),
            ]
        )
        if r["pdfplumber"]:
            ps = r["pdfplumber_seconds"]
            tp = r["table_pages"]
            cells = [_fmt(r["pdfplumber"].get(p)) if p in scoring.TABLE_PARTS else "" for p in scoring.PARTS]
            rows.append([f"{name} · pdfplumber", "", "", *cells, f"{tp / ps:.1f}" if ps else "", ""])
    return rows


def markdown(rows: list[list[str]]) -> str:
    head = ["corpus", "docs", "pages", *(HEAD[p] for p in scoring.PARTS), "pages/s", "failed"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def plain(rows: list[list[str]]) -> str:
    head = ["corpus", "docs", "pages", *(HEAD[p] for p in scoring.PARTS), "pages/s", "failed"]
    widths = [max(len(x) for x in col) for col in zip(head, *rows, strict=True)]
    widths[0] = max(widths[0], 24)

    def fmt(r: list[str]) -> str:
        return "  ".join(
            f"{x:<{w}}" if i == 0 else f"{x:>{w}}" for i, (x, w) in enumerate(zip(r, widths, strict=True))
        )

    return "\n".join([fmt(head), *(fmt(r) for r in rows)])


def to_json(results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, r in results.items():
        out[name] = {
            "docs": r["docs"],
            "pages": r["run"]["pages"],
            "failed": r["run"]["failed"],
            "f1": {p: round(t.f1, 4) for p, t in r["ours"].items() if t.f1 is not None},
            "pdfplumber": {p: round(t.f1, 4) for p, t in r["pdfplumber"].items() if t.f1 is not None},
        }
    return out


def write_docs(text: str, results: dict[str, dict[str, Any]]) -> None:
    intro = (
        "# Scoreboard\n\nWritten by `python benchmarks/corpus.py` (do not edit by hand). F1 per corpus and "
        "part, micro-averaged over the documents whose truth covers the part (— where none does); TEDS is a "
        "mean over tables. Rows marked pdfplumber score plain `page.extract_tables()` on the same documents' "
        "table parts. pages/s is wall-clock for `policy-extract run` at default settings (2 workers), so it "
        "varies with the machine's load. Part definitions: `benchmarks/scoring.py`; floors: "
        "`benchmarks/floors.json`.\n\n"
    )
    failures = [f"- {name}: {f}" for name, r in results.items() for f in r["run"]["failed"]]
    tail = "\n\nFailed documents:\n" + "\n".join(failures) if failures else ""
    MD.write_text(intro + text + tail + "\n", encoding="utf-8")
    JSON_OUT.write_text(
        json.dumps(to_json(results), ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


def run_all(names: list[str], workers: int, baseline: bool, detail: bool = False) -> dict[str, Any]:
    results: dict[str, dict[str, Any]] = {}
    for name in names:
        corpus = load_corpus(name)
        if not corpus.entries:
            print(f"{name}: no documents with truth, skipped", file=sys.stderr)
            continue
        with tempfile.TemporaryDirectory(prefix=f"scoreboard-{name}-") as tmp:
            print(f"{name}: {len(corpus.entries)} documents …", file=sys.stderr, flush=True)
            docs, run = run_pipeline(corpus, workers, Path(tmp))
        scored = score_corpus(corpus, docs, baseline, detail)
        table_pages = sum(_pages(e) for e in corpus.entries if "cells" in scoring.covered(e.truth))
        results[name] = {"docs": len(corpus.entries), "run": run, "table_pages": table_pages, **scored}
    return results


FLOORS = ROOT / "benchmarks" / "floors.json"


def raise_floors(results: dict[str, dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Floors lifted to the measured figures (rounded down to 0.001), never lowered; failures likewise."""
    floors = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    for name, r in results.items():
        row = floors.setdefault(name, {})
        for part, tally in r["ours"].items():
            if tally.f1 is not None:
                row[part] = max(row.get(part, 0.0), math.floor(tally.f1 * 1000) / 1000)
        row["failed"] = min(row.get("failed", len(r["run"]["failed"])), len(r["run"]["failed"]))
    FLOORS.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return floors


def _pages(e: Entry) -> int:
    return scoring.TB.page_count(e.pdf)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", choices=CORPORA, default=list(CORPORA))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-baseline", action="store_true", help="skip plain pdfplumber on the table parts")
    ap.add_argument("--no-write", action="store_true", help="print only; leave docs/scoreboard.* alone")
    ap.add_argument("--raise-floors", action="store_true", help="lift benchmarks/floors.json to these")
    ap.add_argument("--detail", action="store_true", help="list documents below 1 on a part")
    args = ap.parse_args(argv)
    results = run_all(args.corpus, args.workers, not args.no_baseline, args.detail)
    rows = rows_of(results)
    print(plain(rows))
    if not args.no_write and set(args.corpus) == set(CORPORA):
        write_docs(markdown(rows), results)
        print(f"wrote {MD.relative_to(ROOT)} and {JSON_OUT.relative_to(ROOT)}")
    if args.raise_floors:
        raise_floors(results)
        print(f"raised {FLOORS.relative_to(ROOT)} (never lowered)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
