"""ICDAR 2013 table competition measures on the development half: this pipeline and its peers in one run.

    python benchmarks/icdar.py [--peer-python PY] [--tools ours pdfplumber camelot-lattice ...] [--detail]

Measures (the competition's two, as its README in ``../shared/corpus/icdar2013-dev`` describes them):

* **Detection**: table regions per page.  A ground-truth region and a found region match when each covers at
  least half of the other's area (one-to-one, largest overlap first); precision, recall and F1 over all
  regions of all documents.  A table over two pages is two regions on both sides (ours: the cells on each
  page).
* **Structure**: adjacency relations.  For each non-empty cell, its nearest non-empty neighbour to the right
  and below, as ``(text, text, direction)`` with white space removed from the texts.  Each ground-truth
  table is paired with the found table sharing most relations; precision, recall and F1 micro-averaged over
  all tables (a table found twice or split loses recall; relations of unpaired found tables are not counted,
  since detection already charges them).

Peers run as users run them, each in a child process with ``--peer-python`` (default: this interpreter):
pdfplumber ``find_tables``/``extract``, camelot ``lattice`` and ``stream``, img2table
(``PDF(...).extract_tables`` with borderless tables and implicit rows), PyMuPDF ``page.find_tables``.
img2table and PyMuPDF are never dependencies of the project: install them for the benchmark only, in their
own environment, e.g. ``python -m venv /tmp/peers && /tmp/peers/bin/pip install img2table pymupdf camelot-py
pdfplumber opencv-python-headless`` and pass ``--peer-python /tmp/peers/bin/python``.  A tool missing from
that environment is reported as skipped, not scored as zero.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "corpus" / "icdar2013-dev"
TOOLS = ("ours", "pdfplumber", "camelot-lattice", "camelot-stream", "img2table", "pymupdf")
Box = tuple[float, float, float, float]
"""``(x0, top, x1, bottom)`` in PDF points, origin top-left."""
CellT = tuple[int, int, int, int, str]
"""``(row, col, rowspan, colspan, text)``."""


@dataclass(slots=True)
class FoundTable:
    regions: list[tuple[int, Box]]
    cells: list[CellT]


@dataclass(slots=True)
class Tally:
    matched: int = 0
    truth: int = 0
    found: int = 0

    def add(self, matched: int, truth: int, found: int) -> None:
        self.matched, self.truth, self.found = self.matched + matched, self.truth + truth, self.found + found

    def prf(self) -> tuple[float, float, float]:
        p = self.matched / self.found if self.found else 0.0
        r = self.matched / self.truth if self.truth else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class ToolResult:
    detection: Tally = field(default_factory=Tally)
    structure: Tally = field(default_factory=Tally)
    seconds: float = 0.0
    errors: int = 0
    skipped: str | None = None


# ----------------------------------------------------------------------------------------- ground truth


def page_heights(pdf: Path) -> list[float]:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return [doc[i].get_size()[1] for i in range(len(doc))]
    finally:
        doc.close()


def _gt_box(el: ET.Element, height: float) -> Box:
    bb = el.find("bounding-box")
    assert bb is not None
    x1, y1, x2, y2 = (float(bb.get(k)) for k in ("x1", "y1", "x2", "y2"))
    return (min(x1, x2), height - max(y1, y2), max(x1, x2), height - min(y1, y2))


def truth_tables(pdf: Path) -> list[FoundTable]:
    """The competition's tables of one PDF: regions from ``-reg.xml``, cells from ``-str.xml``."""
    heights = page_heights(pdf)
    reg = ET.parse(pdf.with_name(f"{pdf.stem}-reg.xml")).getroot()
    st = ET.parse(pdf.with_name(f"{pdf.stem}-str.xml")).getroot()
    out = []
    for t_reg, t_str in zip(reg.iter("table"), st.iter("table"), strict=True):
        regions = [
            (int(r.get("page")), _gt_box(r, heights[int(r.get("page")) - 1])) for r in t_reg.iter("region")
        ]
        cells, offset = [], 0
        for region in t_str.iter("region"):
            rows = []
            for c in region.iter("cell"):
                r0, c0 = int(c.get("start-row")), int(c.get("start-col"))
                r1, c1 = int(c.get("end-row", r0)), int(c.get("end-col", c0))
                cells.append((r0 + offset, c0, r1 - r0 + 1, c1 - c0 + 1, c.findtext("content") or ""))
                rows.append(r1)
            offset += max(rows, default=-1) + 1
        out.append(FoundTable(regions, cells))
    return out


# ------------------------------------------------------------------------------------------- measures


def relations(cells: Iterable[CellT]) -> Counter[tuple[str, str, str]]:
    """Adjacency relations: each non-empty cell with its nearest non-empty neighbour right and below."""
    grid: dict[tuple[int, int], str] = {}
    starts = []
    for r, c, rs, cs, text in cells:
        text = "".join(text.split())
        if not text:
            continue
        starts.append((r, c, rs, cs, text))
        for rr in range(r, r + rs):
            for cc in range(c, c + cs):
                grid[(rr, cc)] = text
    n_rows = max((r for r, _ in grid), default=-1) + 1
    n_cols = max((c for _, c in grid), default=-1) + 1
    rel: Counter[tuple[str, str, str]] = Counter()
    for r, c, rs, cs, text in starts:
        right = next((grid[(r, x)] for x in range(c + cs, n_cols) if (r, x) in grid), None)
        below = next((grid[(y, c)] for y in range(r + rs, n_rows) if (y, c) in grid), None)
        if right is not None:
            rel[(text, right, "right")] += 1
        if below is not None:
            rel[(text, below, "below")] += 1
    return rel


def _overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(w, 0.0) * max(h, 0.0)


def _area(a: Box) -> float:
    return max(a[2] - a[0], 0.0) * max(a[3] - a[1], 0.0)


def detection(truth: list[FoundTable], found: list[FoundTable]) -> tuple[int, int, int]:
    """(matched, truth regions, found regions): mutual half-area cover, one-to-one, largest overlap first."""
    gt = [(p, b) for t in truth for p, b in t.regions]
    fd = [(p, b) for t in found for p, b in t.regions]
    pairs = []
    for i, (pg, bg) in enumerate(gt):
        for j, (pf, bf) in enumerate(fd):
            ov = _overlap(bg, bf) if pg == pf else 0.0
            if ov and ov >= 0.5 * _area(bg) and ov >= 0.5 * _area(bf):
                pairs.append((ov, i, j))
    used_g, used_f = set(), set()
    for _ov, i, j in sorted(pairs, reverse=True):
        if i not in used_g and j not in used_f:
            used_g.add(i)
            used_f.add(j)
    return len(used_g), len(gt), len(fd)


def structure(truth: list[FoundTable], found: list[FoundTable]) -> tuple[int, int, int]:
    """(matched, truth relations, found relations of the paired tables), each truth table paired with the
    found table that shares most relations with it."""
    found_rel = [relations(f.cells) for f in found]
    matched = n_truth = n_found = 0
    for t in truth:
        rel = relations(t.cells)
        n_truth += sum(rel.values())
        best = max(found_rel, key=lambda f: sum((rel & f).values()), default=None)
        if best is not None and sum((rel & best).values()):
            matched += sum((rel & best).values())
            n_found += sum(best.values())
    return matched, n_truth, n_found


# ------------------------------------------------------------------------------- tools (child processes)


def _dense(rows: list[list[Any]]) -> list[CellT]:
    """A list of rows as 1×1 cells; ``None`` (a position covered by a merged cell) is no cell."""
    return [(r, c, 1, 1, str(v)) for r, row in enumerate(rows) for c, v in enumerate(row) if v is not None]


def run_ours(pdf: str) -> list[dict[str, Any]]:
    sys.path.insert(0, str(ROOT))
    from policy_extract import process_pdf
    from policy_extract.core.model import to_jsonable

    doc = to_jsonable(process_pdf(pdf))
    out = []
    for t in doc["tables"]:
        boxes: dict[int, list[float]] = {}
        for c in t["cells"]:
            if c.get("bbox"):
                b = boxes.setdefault(c["page"], list(c["bbox"]))
                b[:] = [min(b[0], c["bbox"][0]), min(b[1], c["bbox"][1]), max(b[2], c["bbox"][2]),
                        max(b[3], c["bbox"][3])]
        cells = [(c["row"], c["col"], c["rowspan"], c["colspan"], c["text"] or "") for c in t["cells"]]
        out.append({"regions": [[p, b] for p, b in sorted(boxes.items())], "cells": cells})
    return out


def run_pdfplumber(pdf: str) -> list[dict[str, Any]]:
    import pdfplumber

    out = []
    with pdfplumber.open(pdf) as doc:
        for i, page in enumerate(doc.pages, start=1):
            for t in page.find_tables():
                out.append({"regions": [[i, list(t.bbox)]], "cells": _dense(t.extract())})
    return out


def run_camelot(pdf: str, flavor: str) -> list[dict[str, Any]]:
    import camelot

    heights = page_heights(Path(pdf))
    out = []
    for t in camelot.read_pdf(pdf, pages="all", flavor=flavor):
        page = int(t.page)
        x1, y1, x2, y2 = t._bbox
        h = heights[page - 1]
        out.append({"regions": [[page, [x1, h - y2, x2, h - y1]]], "cells": _dense(t.df.values.tolist())})
    return out


def run_pymupdf(pdf: str) -> list[dict[str, Any]]:
    import pymupdf

    out = []
    with pymupdf.open(pdf) as doc:
        for i, page in enumerate(doc, start=1):
            for t in page.find_tables().tables:
                out.append({"regions": [[i, list(t.bbox)]], "cells": _dense(t.extract())})
    return out


def _img2table_cells(content: dict[int, list[Any]]) -> list[CellT]:
    """img2table repeats a merged cell in every position it covers: back to one cell with spans."""
    spans: dict[Any, list[int]] = {}
    texts: dict[Any, str] = {}
    for r, row in content.items():
        for c, cell in enumerate(row):
            key = (cell.bbox.x1, cell.bbox.y1, cell.bbox.x2, cell.bbox.y2, cell.value)
            texts[key] = cell.value or ""
            s = spans.setdefault(key, [r, c, r, c])
            s[2], s[3] = max(s[2], r), max(s[3], c)
    return [(r0, c0, r1 - r0 + 1, c1 - c0 + 1, texts[k]) for k, (r0, c0, r1, c1) in spans.items()]


def run_img2table(pdf: str) -> list[dict[str, Any]]:
    from img2table.document import PDF

    dpi = 200  # img2table renders PDF pages at 200 dpi
    doc = PDF(src=pdf, pdf_text_extraction=True)
    out = []
    for index, tables in doc.extract_tables(implicit_rows=True, borderless_tables=True).items():
        for t in tables:
            b = t.bbox
            box = [b.x1 * 72 / dpi, b.y1 * 72 / dpi, b.x2 * 72 / dpi, b.y2 * 72 / dpi]
            out.append({"regions": [[index + 1, box]], "cells": _img2table_cells(t.content)})
    return out


RUNNERS = {
    "ours": run_ours,
    "pdfplumber": run_pdfplumber,
    "camelot-lattice": lambda pdf: run_camelot(pdf, "lattice"),
    "camelot-stream": lambda pdf: run_camelot(pdf, "stream"),
    "img2table": run_img2table,
    "pymupdf": run_pymupdf,
}


def worker(tool: str, pdfs: list[str]) -> None:
    """Child side: every PDF's tables as one JSON line, then the tool's own seconds."""
    import logging
    import warnings

    warnings.simplefilter("ignore")
    logging.disable(logging.WARNING)
    start = time.perf_counter()
    result, errors = {}, {}
    for pdf in pdfs:
        try:
            result[pdf] = RUNNERS[tool](pdf)
        except Exception as exc:  # a peer that raises on one file finds no table there, as its user sees it
            result[pdf], errors[pdf] = [], f"{type(exc).__name__}: {exc}"[:200]
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "tables": result, "errors": errors}, ensure_ascii=False))


def run_tool(tool: str, pdfs: list[Path], python: str, timeout: float) -> tuple[dict[str, Any] | None, str]:
    py = sys.executable if tool == "ours" else python
    cmd = [py, str(Path(__file__).resolve()), "--worker", tool, *map(str, pdfs)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None, f"over the {timeout:.0f} s limit"
    if proc.returncode != 0:
        lines = proc.stderr.strip().splitlines() or ["no output"]
        return None, lines[-1][:160]
    return json.loads(proc.stdout.strip().splitlines()[-1]), ""


# ------------------------------------------------------------------------------------------------ report


def score_tool(tool: str, pdfs: list[Path], python: str, timeout: float, detail: bool) -> ToolResult:
    res = ToolResult()
    data, why = run_tool(tool, pdfs, python, timeout)
    if data is None:
        res.skipped = why
        return res
    res.seconds = data["seconds"]
    res.errors = len(data.get("errors", {}))
    for pdf, why in data.get("errors", {}).items():
        print(f"  {tool}: {Path(pdf).name} raised {why}", file=sys.stderr)
    for pdf in pdfs:
        truth = truth_tables(pdf)
        found = [FoundTable([(p, tuple(b)) for p, b in t["regions"]], [tuple(c) for c in t["cells"]])
                 for t in data["tables"][str(pdf)]]
        det, st = detection(truth, found), structure(truth, found)
        res.detection.add(*det)
        res.structure.add(*st)
        if detail:
            print(f"  {tool:16} {pdf.stem:10} regions {det[0]}/{det[1]} found {det[2]}  "
                  f"relations {st[0]}/{st[1]} found {st[2]}", file=sys.stderr)
    return res


def report(results: dict[str, ToolResult], pages: int) -> str:
    cols = ("det P", "det R", "det F1", "adj P", "adj R", "adj F1")
    head = f"{'tool':16}" + "".join(f"{c:>8}" for c in cols) + f"{'pages/s':>9}"
    lines = [head]
    for tool, r in results.items():
        if r.skipped:
            lines.append(f"{tool:16}  skipped: {r.skipped}")
            continue
        d, s = r.detection.prf(), r.structure.prf()
        speed = pages / r.seconds if r.seconds else 0.0
        raised = f"  ({r.errors} PDFs raised)" if r.errors else ""
        lines.append(f"{tool:16}" + "".join(f"{v:8.3f}" for v in (*d, *s)) + f"{speed:9.1f}{raised}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tools", nargs="+", choices=TOOLS, default=list(TOOLS))
    ap.add_argument("--peer-python", default=sys.executable, help="interpreter that has the peer tools")
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds per tool for the whole set")
    ap.add_argument("--detail", action="store_true", help="per-document counts on stderr")
    ap.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        worker(args.worker[0], args.worker[1:])
        return 0
    pdfs = sorted(DATA.glob("*/*.pdf"))
    pages = sum(len(page_heights(p)) for p in pdfs)
    results = {t: score_tool(t, pdfs, args.peer_python, args.timeout, args.detail) for t in args.tools}
    print(f"ICDAR 2013 development half: {len(pdfs)} PDFs, {pages} pages, "
          f"{sum(len(truth_tables(p)) for p in pdfs)} tables")
    print(report(results, pages))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
