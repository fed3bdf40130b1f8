"""Table benchmark: this pipeline vs plain pdfplumber vs camelot (lattice) on the samples with expected files.

    python benchmarks/tables.py [DOC_ID ...] [--camelot-timeout S] [--no-camelot]

Prints ONE table: a row per sample with cell F1 and TEDS for each tool, and pages per second of each.

* **Cell F1.** A cell is ``(table, row, col, rowspan, colspan, text)``, text compared with white space next to
  a Chinese character ignored (``benchmarks/compare.py``'s rule: a line break inside a cell is not a space).
  A produced table is scored against the expected table it is aligned with; cells of an unaligned table count
  as produced and unmatched.
* **TEDS** (tree edit distance similarity, as in PubTabNet): the table as an HTML tree ``table > tr > td``
  with rowspan/colspan as ``td`` attributes and the cell text as its content; renaming a ``td`` costs 1 when
  the spans differ, else the normalized Levenshtein distance of the texts.  ``1 - TED / max(nodes)``, averaged
  over the aligned pairs with every unaligned table (on either side) scoring 0.
* **Alignment.** Produced tables are aligned to expected tables in order (an order-preserving one-to-one
  matching maximizing shared cell texts).  The baselines return one fragment per page, so a table across a
  page break aligns with its first-page fragment and the rest count as extra tables: exactly what a user gets.
* **Baselines as a user gets them.** pdfplumber: ``page.extract_tables()`` per page, a ``None`` entry (a
  position covered by a merged cell) is no cell, every other entry a 1×1 cell.  camelot:
  ``read_pdf(pages="all", flavor="lattice")``; its data frame is a dense grid, every position a 1×1 cell, so a
  merged cell never matches (nor does its text repeated across the span).  camelot runs in a child process
  killed after ``--camelot-timeout`` seconds (the sample is then skipped for camelot with the reason printed).
* **Pages/s**: pages of the PDF over wall-clock seconds of the tool's own work (ours: the whole pipeline,
  indicators and duties included; camelot: inside its process, interpreter start-up excluded).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

from compare import cell_items, load  # noqa: E402
from policy_extract.normalize.text import squash_spaces  # noqa: E402

DEFAULT_CAMELOT_TIMEOUT = 120.0
"""Seconds camelot may spend on one sample before it is skipped (it renders every page)."""
TOOLS = ("ours", "pdfplumber", "camelot")
NAME_WIDTH = 32

BenchCell = tuple[int, int, int, int, str]
"""``(row, col, rowspan, colspan, text)`` with the text squashed."""
BenchTable = list[BenchCell]


@dataclass(slots=True)
class ToolRun:
    """One tool's tables for one PDF, with its time, or the reason it has none."""

    tables: list[BenchTable] = field(default_factory=list)
    seconds: float = 0.0
    skipped: str | None = None


@dataclass(slots=True)
class Score:
    f1: float
    teds: float


# ----------------------------------------------------------------------------------------- conversions


def tables_from_document(doc: dict[str, Any]) -> list[BenchTable]:
    """A document.json's tables as bench tables (via the golden comparison's cell items)."""
    out: dict[str, BenchTable] = {}
    for key, row, col, rowspan, colspan, text, _page in cell_items(doc):
        out.setdefault(key, []).append((row, col, rowspan, colspan, squash_spaces(text or "")))
    return list(out.values())


def table_from_plumber(rows: Sequence[Sequence[str | None]]) -> BenchTable:
    """pdfplumber's list of rows: ``None`` marks a position covered by a merged cell, not a cell."""
    return [
        (r, c, 1, 1, squash_spaces(text))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
        if text is not None
    ]


def table_from_dense(rows: Sequence[Sequence[str]]) -> BenchTable:
    """A dense grid (camelot's data frame): every position is a 1×1 cell."""
    return [
        (r, c, 1, 1, squash_spaces(str(text))) for r, row in enumerate(rows) for c, text in enumerate(row)
    ]


# -------------------------------------------------------------------------------------------- alignment


def text_overlap(a: BenchTable, b: BenchTable) -> int:
    """Non-empty cell texts the two tables share (as multisets): how much they are the same table."""
    ta = Counter(c[4] for c in a if c[4])
    tb = Counter(c[4] for c in b if c[4])
    return sum((ta & tb).values())


def align_tables(expected: list[BenchTable], produced: list[BenchTable]) -> list[tuple[int, int]]:
    """Order-preserving one-to-one pairs ``(expected index, produced index)`` maximizing the text overlap."""
    n, m = len(expected), len(produced)
    overlap = [[text_overlap(e, p) for p in produced] for e in expected]
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = overlap[i][j] + best[i + 1][j + 1] if overlap[i][j] > 0 else -1
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if overlap[i][j] > 0 and best[i][j] == overlap[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


# ---------------------------------------------------------------------------------------------- metrics


def cell_f1(expected: list[BenchTable], produced: list[BenchTable], pairs: list[tuple[int, int]]) -> float:
    """F1 of cells keyed by (aligned table, row, col, rowspan, colspan, text)."""
    partner = {j: i for i, j in pairs}
    exp = Counter((i, *c) for i, t in enumerate(expected) for c in t)
    got = Counter((partner.get(j, -1 - j), *c) for j, t in enumerate(produced) for c in t)
    total = sum(exp.values()) + sum(got.values())
    return 1.0 if total == 0 else 2 * sum((exp & got).values()) / total


@dataclass(slots=True)
class Node:
    """A node of the HTML-like table tree (``table``, ``tr`` or ``td``)."""

    tag: str
    rowspan: int = 1
    colspan: int = 1
    text: str = ""
    children: list[Node] = field(default_factory=list)


def table_tree(table: BenchTable) -> Node:
    """``table > tr* > td*``: one ``tr`` per grid row, each cell a ``td`` in the row where it starts."""
    n_rows = max((r + rs for r, _c, rs, _cs, _t in table), default=0)
    rows = [Node("tr") for _ in range(n_rows)]
    for r, _c, rs, cs, text in sorted(table, key=lambda c: (c[0], c[1])):
        rows[r].children.append(Node("td", rs, cs, text))
    return Node("table", children=rows)


def tree_size(node: Node) -> int:
    return 1 + sum(tree_size(c) for c in node.children)


def teds(expected: BenchTable, produced: BenchTable) -> float:
    """PubTabNet's tree edit distance similarity of two tables (1.0 = identical structure and text)."""
    from apted import APTED, Config
    from rapidfuzz.distance import Levenshtein

    class TableConfig(Config):  # type: ignore[misc]
        def rename(self, a: Node, b: Node) -> float:
            if a.tag != b.tag or a.rowspan != b.rowspan or a.colspan != b.colspan:
                return 1.0
            return Levenshtein.normalized_distance(a.text, b.text) if a.tag == "td" else 0.0

    if sorted(expected) == sorted(produced):
        return 1.0  # identical: skip the (cubic) tree edit distance
    t1, t2 = table_tree(expected), table_tree(produced)
    distance = APTED(t1, t2, TableConfig()).compute_edit_distance()
    return 1.0 - float(distance) / max(tree_size(t1), tree_size(t2))


def mean_teds(expected: list[BenchTable], produced: list[BenchTable], pairs: list[tuple[int, int]]) -> float:
    """TEDS of the aligned pairs, every unaligned table on either side counting as 0."""
    count = len(expected) + len(produced) - len(pairs)
    if count == 0:
        return 1.0
    return sum(teds(expected[i], produced[j]) for i, j in pairs) / count


def score(expected: list[BenchTable], run: ToolRun) -> Score | None:
    if run.skipped is not None:
        return None
    pairs = align_tables(expected, run.tables)
    return Score(cell_f1(expected, run.tables, pairs), mean_teds(expected, run.tables, pairs))


# ------------------------------------------------------------------------------------------------ tools


def run_ours(pdf: Path) -> ToolRun:
    from policy_extract.core.model import to_jsonable
    from policy_extract.pipeline import process_pdf

    start = time.perf_counter()
    doc = to_jsonable(process_pdf(str(pdf)))
    return ToolRun(tables_from_document(doc), time.perf_counter() - start)


def run_pdfplumber(pdf: Path) -> ToolRun:
    import pdfplumber

    start = time.perf_counter()
    tables: list[BenchTable] = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            tables += [table_from_plumber(rows) for rows in page.extract_tables()]
            page.close()
    return ToolRun(tables, time.perf_counter() - start)


def camelot_worker(pdf: str) -> None:
    """Child-process side of :func:`run_camelot`: prints ``{"seconds", "tables"}`` as JSON."""
    import warnings

    import camelot

    warnings.simplefilter("ignore")  # camelot warns on every page without a table
    start = time.perf_counter()
    found = camelot.read_pdf(pdf, pages="all", flavor="lattice")
    grids = [t.df.values.tolist() for t in found]
    print(json.dumps({"seconds": time.perf_counter() - start, "tables": grids}, ensure_ascii=False))


def run_camelot(pdf: Path, timeout: float) -> ToolRun:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--camelot-worker", str(pdf)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return ToolRun(skipped=f"camelot exceeded the {timeout:.0f} s limit")
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return ToolRun(skipped=f"camelot failed: {last}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    return ToolRun([table_from_dense(rows) for rows in result["tables"]], result["seconds"])


# ---------------------------------------------------------------------------------------------- report


def page_count(pdf: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def header() -> str:
    metric = "".join(f"{f'{m} {t[:7]}':>13}" for m in ("F1", "TEDS") for t in TOOLS)
    speed = "".join(f"{f'p/s {t[:7]}':>13}" for t in TOOLS)
    return f"{'sample':{NAME_WIDTH}}{'pages':>6}{metric}{speed}"


def fmt(value: float | None, spec: str = ".3f") -> str:
    return f"{'skipped' if value is None else format(value, spec):>13}"


def row_text(doc_id: str, pages: int, scores: dict[str, Score | None], runs: dict[str, ToolRun]) -> str:
    f1 = "".join(fmt(s.f1 if s else None) for s in scores.values())
    ted = "".join(fmt(s.teds if s else None) for s in scores.values())
    speed = "".join(
        fmt(None if r.skipped else pages / max(r.seconds, 1e-9), ".1f") for r in runs.values()
    )
    return f"{doc_id[:NAME_WIDTH]:{NAME_WIDTH}}{pages:>6}{f1}{ted}{speed}"


def mean_row(all_scores: list[dict[str, Score | None]]) -> str:
    cells = []
    for attr in ("f1", "teds"):
        for tool in TOOLS:
            vals = [getattr(s[tool], attr) for s in all_scores if s[tool] is not None]
            cells.append(fmt(sum(vals) / len(vals) if vals else None))
    return f"{'mean':{NAME_WIDTH}}{'':>6}{''.join(cells)}"


def bench_sample(
    doc_id: str, camelot_timeout: float | None
) -> tuple[str, dict[str, Score | None], list[str]]:
    pdf = ROOT / "samples" / "pdf" / f"{doc_id}.pdf"
    expected = tables_from_document(load(ROOT / "samples" / "expected" / doc_id / "document.json"))
    runs = {"ours": run_ours(pdf), "pdfplumber": run_pdfplumber(pdf)}
    no_camelot = ToolRun(skipped="camelot not run (--no-camelot)")
    runs["camelot"] = run_camelot(pdf, camelot_timeout) if camelot_timeout else no_camelot
    scores = {tool: score(expected, run) for tool, run in runs.items()}
    notes = [f"{doc_id}: {r.skipped}" for r in runs.values() if r.skipped]
    return row_text(doc_id, page_count(pdf), scores, runs), scores, notes


def sample_ids(wanted: list[str]) -> list[str]:
    expected_dir = ROOT / "samples" / "expected"
    found = sorted(
        p.parent.name
        for p in expected_dir.glob("*/document.json")
        if (ROOT / "samples" / "pdf" / f"{p.parent.name}.pdf").exists()
    )
    return [d for d in found if not wanted or d in wanted]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("doc_ids", nargs="*")
    ap.add_argument("--camelot-timeout", type=float, default=DEFAULT_CAMELOT_TIMEOUT)
    ap.add_argument("--no-camelot", action="store_true")
    ap.add_argument("--camelot-worker", metavar="PDF", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.camelot_worker:
        camelot_worker(args.camelot_worker)
        return 0
    print(header(), flush=True)
    all_scores, notes = [], []
    for doc_id in sample_ids(args.doc_ids):
        line, scores, skipped = bench_sample(doc_id, None if args.no_camelot else args.camelot_timeout)
        print(line, flush=True)
        all_scores.append(scores)
        notes += skipped
    print(mean_row(all_scores))
    for note in notes:
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
