"""Hand-checked truth for the real corpus (``../shared/corpus/real``): reading aids, cell filling, overlays.

The truth of a real PDF is typed by a person from the rendered page into ``samples/real/truth/<doc_id>.yaml``
(format: ``samples/real/TRUTH_FORMAT.md``).  Tables are annotated as a grid drawn by hand (column and row
boundaries in PDF points, spans), and each cell is filled from the PDF's text layer *inside that cell*: the
cell text is what the page prints and the grid is the annotator's, independent of the project's table finder.
The pipeline (``policy_extract``, ``extract``, ``normalize``) is never imported here.

    python samples/real/truthkit.py ruler DOC PAGE [--crop x0,top,x1,bottom] [--scale 2] [-o out.png]
        page image with a coordinate ruler, plus the text lines and drawn rules as a reading aid
    python samples/real/truthkit.py check DOC [--table N] [-o DIR]
        overlay of the annotated grid on each page of the table, and the filled cell texts
    python samples/real/truthkit.py build [--only DOC ...]
        truth YAML → samples/real/expected/<doc_id>/document.json (the explicit regeneration command)
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
TRUTH = HERE / "truth"
EXPECTED = HERE / "expected"
META_FIELDS = ("issuer", "doc_number", "title", "recipients", "date", "attachments", "cc", "printer",
               "print_date", "copies")
LIST_META = ("recipients", "attachments", "cc")


def pdf_path(doc_id: str) -> Path:
    return CORPUS / f"{doc_id}.pdf"


def is_cjk(ch: str) -> bool:
    if not ch:
        return False
    name = unicodedata.east_asian_width(ch)
    return name in ("W", "F") and not ch.isspace()


# ------------------------------------------------------------------------------------------ text in a box


@dataclass(frozen=True, slots=True)
class Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float


def page_chars(page: Any) -> list[Char]:
    """Characters of a pdfplumber page, duplicates (fake bold) removed, invisible white text kept out."""
    out = []
    for c in page.dedupe_chars().chars:
        if not c["text"] or c["text"].isspace():
            continue
        out.append(Char(c["text"], c["x0"], c["top"], c["x1"], c["bottom"], c.get("size") or 0.0))
    return out


def _lines(chars: list[Char]) -> list[list[Char]]:
    """Group characters into visual lines: vertical overlap of at least half the smaller height."""
    lines: list[list[Char]] = []
    for c in sorted(chars, key=lambda c: (round(c.top, 1), c.x0)):
        for line in lines:
            ref = line[-1]
            overlap = min(ref.bottom, c.bottom) - max(ref.top, c.top)
            if overlap >= 0.5 * min(ref.bottom - ref.top, c.bottom - c.top):
                line.append(c)
                break
        else:
            lines.append([c])
    lines.sort(key=lambda ln: min(c.top for c in ln))
    return [sorted(ln, key=lambda c: c.x0) for ln in lines]


def join_line(chars: list[Char]) -> str:
    """One line's text: a space only where a visible gap separates two non-CJK characters."""
    out = ""
    prev: Char | None = None
    for c in chars:
        if prev is not None:
            gap = c.x0 - prev.x1
            size = max(prev.size, c.size, 1.0)
            if gap > 0.25 * size and not is_cjk(prev.text[-1]) and not is_cjk(c.text[0]):
                out += " "
        out += c.text
        prev = c
    return out


def join_lines(texts: Iterable[str]) -> str:
    """SPEC join: no space where a CJK character meets the break, one space between Latin words."""
    out = ""
    for t in texts:
        t = t.strip()
        if not t:
            continue
        if out and not is_cjk(out[-1]) and not is_cjk(t[0]) and not out.endswith("-"):
            out += " "
        out += t
    return re.sub(r"\s+", " ", out).strip()


def text_in_box(chars: list[Char], box: Sequence[float]) -> str:
    """Text of the characters whose centre lies inside ``box`` (x0, top, x1, bottom)."""
    x0, top, x1, bottom = box
    inside = [c for c in chars if x0 <= (c.x0 + c.x1) / 2 <= x1 and top <= (c.top + c.bottom) / 2 <= bottom]
    return join_lines(join_line(ln) for ln in _lines(inside))


# ------------------------------------------------------------------------------------------- table grids


def _merges(seg: dict[str, Any]) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    """Cell (r, c) → the merge (r0, c0, r1, c1) covering it, from the segment's hand-written spans."""
    out: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for r0, c0, r1, c1 in seg.get("merges", []):
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) in out:
                    raise ValueError(f"page {seg['page']}: merges overlap at row {r} col {c}")
                out[(r, c)] = (r0, c0, r1, c1)
    return out


def _check_grid(seg: dict[str, Any]) -> None:
    for axis in ("xs", "ys"):
        v = seg[axis]
        if len(v) < 2 or any(b <= a for a, b in itertools.pairwise(v)):
            raise ValueError(f"page {seg['page']}: {axis} must rise strictly and have ≥ 2 values: {v}")


def segment_cells(seg: dict[str, Any], chars: list[Char]) -> list[dict[str, Any]]:
    """The cells of one page's part of a table: local row/col, spans, bbox and text from the text layer."""
    _check_grid(seg)
    xs, ys = seg["xs"], seg["ys"]
    merges = _merges(seg)
    cells = []
    for r in range(len(ys) - 1):
        for c in range(len(xs) - 1):
            r0, c0, r1, c1 = merges.get((r, c), (r, c, r, c))
            if (r0, c0) != (r, c):
                continue
            box = (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1])
            cells.append({"row": r, "col": c, "rowspan": r1 - r0 + 1, "colspan": c1 - c0 + 1,
                          "text": text_in_box(chars, box), "page": seg["page"],
                          "bbox": [round(v, 2) for v in box]})
    return cells


def _continue_cells(
    table: dict[str, Any], cells: list[dict[str, Any]], seg: dict[str, Any], cols: list[int]
) -> list[dict[str, Any]]:
    """A merged cell crossing the page break (a vertical label beside rows on both pages): the cell starting
    in this page's first row at ``cols`` continues the cell above the break."""
    if seg.get("join_first_row"):
        raise ValueError(f"page {seg['page']}: continue_cols and join_first_row together are not supported")
    offset = table["n_rows"]
    above = {c["col"]: c for c in table["cells"] if c["row"] + c["rowspan"] == offset}
    for col in cols:
        here = next((c for c in cells if c["row"] == 0 and c["col"] == col), None)
        prev = above.get(col)
        if here is None or prev is None or prev["colspan"] != here["colspan"]:
            raise ValueError(f"page {seg['page']}: continue_cols {col} does not line up with the cell above")
        prev["text"] = join_lines([prev["text"], here["text"]])
        prev["rowspan"] += here["rowspan"]
        cells = [c for c in cells if c is not here]
    return cells


def _append_segment(table: dict[str, Any], cells: list[dict[str, Any]], seg: dict[str, Any]) -> None:
    """Add one page's cells below the rows so far: repeated header rows dropped, a cut first row joined."""
    drop = int(seg.get("drop_rows", 0))
    cells = [dict(c, row=c["row"] - drop) for c in cells if c["row"] >= drop]
    offset = table["n_rows"]
    cont = [int(v) for v in seg.get("continue_cols") or []]
    if cont and offset:
        cells = _continue_cells(table, cells, seg, cont)
    if seg.get("join_first_row") and offset:
        offset -= 1
        above = {c["col"]: c for c in table["cells"] if c["row"] + c["rowspan"] - 1 == offset}
        for c in [c for c in cells if c["row"] == 0]:
            prev = above.get(c["col"])
            if prev is None or prev["colspan"] != c["colspan"]:
                raise ValueError(f"page {seg['page']}: join_first_row but column {c['col']} does not line up")
            prev["text"] = join_lines([prev["text"], c["text"]])
            prev["rowspan"] += c["rowspan"] - 1
        cells = [c for c in cells if c["row"] != 0]
    for c in cells:
        c["row"] += offset
    table["cells"] += cells
    table["n_rows"] = offset + len(seg["ys"]) - 1 - drop


def build_table(spec: dict[str, Any], pages: dict[int, list[Char]], index: int) -> dict[str, Any]:
    segs = spec["segments"]
    n_cols = len(segs[0]["xs"]) - 1
    table: dict[str, Any] = {"id": f"t{index}", "title": spec.get("title"), "pages": [],
                             "n_rows": 0, "n_cols": n_cols, "header_rows": int(spec.get("header_rows", 1)),
                             "cells": []}
    for seg in segs:
        if len(seg["xs"]) - 1 != n_cols:
            raise ValueError(f"table {index} page {seg['page']}: {len(seg['xs']) - 1} columns, not {n_cols}")
        _append_segment(table, segment_cells(seg, pages[seg["page"]]), seg)
        if seg["page"] not in table["pages"]:
            table["pages"].append(seg["page"])
    for key, text in (spec.get("text") or {}).items():
        r, c = (int(v) for v in str(key).split(","))
        hit = [cell for cell in table["cells"] if (cell["row"], cell["col"]) == (r, c)]
        if not hit:
            raise ValueError(f"table {index}: text override for missing cell {key}")
        hit[0]["text"] = text
    table["cells"].sort(key=lambda c: (c["row"], c["col"]))
    return table


# ------------------------------------------------------------------------------------------ the document


def _outline(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Hand-typed headings → SPEC outline nodes with ids ``s1…`` and parents (nearest lower level before)."""
    nodes: list[dict[str, Any]] = []
    for i, e in enumerate(entries, start=1):
        parent = next((n["id"] for n in reversed(nodes) if n["level"] < e["level"]), None)
        nodes.append({"id": f"s{i}", "parent": parent, "level": int(e["level"]), "number": str(e["number"]),
                      "title": e["title"], "page": int(e["page"]), "bbox": None, "raw": ""})
    return nodes


def _meta(raw: dict[str, Any]) -> dict[str, Any]:
    unknown = set(raw) - set(META_FIELDS)
    if unknown:
        raise ValueError(f"meta: unknown fields {sorted(unknown)}")
    meta = {k: raw.get(k, [] if k in LIST_META else None) for k in META_FIELDS}
    for k in LIST_META:
        meta[k] = list(meta[k] or [])
    return {**meta, "raw": {}}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_truth(doc_id: str) -> dict[str, Any]:
    return yaml.safe_load((TRUTH / f"{doc_id}.yaml").read_text(encoding="utf-8"))


def _quiet_pdfminer() -> None:
    """pdfminer logs a warning per glyph of a font without a FontBBox: noise for a reader of truth."""
    import logging

    logging.getLogger("pdfminer").setLevel(logging.ERROR)


def _page_chars(pdf: Any, numbers: Iterable[int]) -> dict[int, list[Char]]:
    return {n: page_chars(pdf.pages[n - 1]) for n in sorted(set(numbers))}


def build_document(truth: dict[str, Any]) -> dict[str, Any]:
    """The expected document.json of one real PDF: parts the truth covers, listed in ``truth.parts``."""
    import pdfplumber

    _quiet_pdfminer()
    doc_id = truth["doc_id"]
    path = pdf_path(doc_id)
    specs = truth.get("tables") or []
    with pdfplumber.open(path) as pdf:
        n_pages = len(pdf.pages)
        chars = _page_chars(pdf, (s["page"] for t in specs for s in t["segments"]))
        tables = [build_table(t, chars, i) for i, t in enumerate(specs, start=1)]
    return {
        "schema_version": "1",
        "source": {"file": path.name, "sha256": _sha256(path), "pages": n_pages,
                   "text_layer": truth.get("text_layer", "born_digital")},
        "truth": {"parts": list(truth["parts"]), "outline_levels": int(truth.get("outline_levels", 2)),
                  "notes": list(truth.get("notes") or [])},
        "meta": _meta(truth.get("meta") or {}),
        "outline": _outline(truth.get("outline") or []),
        "paragraphs": [],
        "sidebars": list(truth.get("sidebars") or []),
        "tables": tables,
        "indicators": [dict(r, id=f"i{i}") for i, r in enumerate(truth.get("indicators") or [], start=1)],
        "duties": [dict(r, id=f"d{i}") for i, r in enumerate(truth.get("duties") or [], start=1)],
        "warnings": [],
    }


def write_expected(doc_id: str) -> Path:
    doc = build_document(load_truth(doc_id))
    out = EXPECTED / doc_id / "document.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return out


# ----------------------------------------------------------------------------------------- reading aids


def _ruler(img: Any, crop: Sequence[float], scale: float) -> None:
    """Tick marks every 10 pt and labelled lines every 50 pt, in PDF coordinates."""
    from PIL import ImageDraw

    draw = ImageDraw.Draw(img)
    x0, top, x1, bottom = crop
    for v in range(int(x0 // 10 * 10), int(x1) + 1, 10):
        px = (v - x0) * scale
        major = v % 50 == 0
        draw.line([(px, 0), (px, 14 if major else 6)], fill=(255, 0, 0), width=1)
        if major:
            draw.line([(px, 0), (px, img.height)], fill=(255, 160, 160), width=1)
            draw.text((px + 2, 14), str(v), fill=(255, 0, 0))
    for v in range(int(top // 10 * 10), int(bottom) + 1, 10):
        py = (v - top) * scale
        major = v % 50 == 0
        draw.line([(0, py), (14 if major else 6, py)], fill=(0, 0, 255), width=1)
        if major:
            draw.line([(0, py), (img.width, py)], fill=(160, 160, 255), width=1)
            draw.text((16, py + 1), str(v), fill=(0, 0, 255))


def _rules(page: Any) -> tuple[list[float], list[float]]:
    """Positions of drawn horizontal and vertical strokes (lines, thin rects, rect edges): a reading aid."""
    hs, vs = set(), set()
    for e in page.edges:
        if e["orientation"] == "h":
            hs.add(round(e["top"], 1))
        else:
            vs.add(round(e["x0"], 1))
    return sorted(hs), sorted(vs)


def ruler(doc_id: str, page_no: int, crop: Sequence[float] | None, scale: float, out: Path) -> None:
    import pdfplumber

    with pdfplumber.open(pdf_path(doc_id)) as pdf:
        page = pdf.pages[page_no - 1]
        box = tuple(crop) if crop else (0, 0, float(page.width), float(page.height))
        view = page.crop(box)
        img = view.to_image(resolution=72 * scale).original.convert("RGB")
        _ruler(img, box, scale)
        img.save(out)
        chars = [c for c in page_chars(page) if box[1] <= c.top <= box[3] and box[0] <= c.x0 <= box[2]]
        print(f"page {page_no}: {float(page.width):.1f} × {float(page.height):.1f} pt, image {out}")
        for ln in _lines(chars):
            print(f"  top {min(c.top for c in ln):6.1f} bottom {max(c.bottom for c in ln):6.1f} "
                  f"x {ln[0].x0:6.1f}–{ln[-1].x1:6.1f} size {ln[0].size:4.1f}  {join_line(ln)}")
        hs, vs = _rules(view)
        print(f"  horizontal strokes at top = {hs}")
        print(f"  vertical strokes at x = {vs}")


def check(doc_id: str, only: int | None, out_dir: Path, scale: float = 1.5) -> None:
    """Draw each annotated table's grid (merged cells as one box) on its pages, and print the cell texts."""
    import pdfplumber

    doc = build_document(load_truth(doc_id))
    out_dir.mkdir(parents=True, exist_ok=True)
    with pdfplumber.open(pdf_path(doc_id)) as pdf:
        for t in doc["tables"]:
            n = int(t["id"][1:])
            if only is not None and n != only:
                continue
            for p in t["pages"]:
                img = pdf.pages[p - 1].to_image(resolution=72 * scale)
                boxes = [c["bbox"] for c in t["cells"] if c["page"] == p]
                img.draw_rects(boxes, stroke=(255, 0, 0), fill=(255, 0, 0, 20), stroke_width=2)
                path = out_dir / f"{doc_id}-t{n}-p{p}.png"
                img.save(path)
                print(f"overlay {path}")
            size = f"{t['n_rows']}×{t['n_cols']}"
            print(f"t{n} {t['title']!r} pages {t['pages']} {size} header {t['header_rows']}")
            for c in t["cells"]:
                spans = (c["rowspan"], c["colspan"])
                span = f" span {spans[0]}×{spans[1]}" if spans != (1, 1) else ""
                print(f"  r{c['row']} c{c['col']}{span}: {c['text']}")


def _crop(s: str | None) -> list[float] | None:
    return [float(v) for v in s.split(",")] if s else None


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("ruler", help="page image with a coordinate ruler, text lines and rules")
    r.add_argument("doc")
    r.add_argument("page", type=int)
    r.add_argument("--crop", help="x0,top,x1,bottom in PDF points")
    r.add_argument("--scale", type=float, default=2.0)
    r.add_argument("-o", "--out", type=Path, default=Path("/tmp/ruler.png"))
    c = sub.add_parser("check", help="overlay the annotated grids and print the cell texts")
    c.add_argument("doc")
    c.add_argument("--table", type=int)
    c.add_argument("-o", "--out", type=Path, default=Path("/tmp/truthcheck"))
    b = sub.add_parser("build", help="write samples/real/expected/<doc>/document.json from the truth YAML")
    b.add_argument("--only", nargs="+", default=[])
    args = ap.parse_args(argv)
    if args.cmd == "ruler":
        ruler(args.doc, args.page, _crop(args.crop), args.scale, args.out)
    elif args.cmd == "check":
        check(args.doc, args.table, args.out)
    else:
        for doc_id in args.only or sorted(p.stem for p in TRUTH.glob("*.yaml")):
            print(write_expected(doc_id))
    return 0


if __name__ == "__main__":
    sys.exit(main())
