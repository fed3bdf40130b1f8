"""Garbled-font documents against their born-digital twins (issue 16): speed and text agreement in one run.

    python benchmarks/garbled.py [PDF ...]     # default: every garbled_*.pdf of samples/{,generated/}pdf

A ``garbled_<id>.pdf`` is ``<id>.pdf`` with every ``/ToUnicode`` removed (``samples/scan.py``): the same
pages, fonts and positions, a text layer of glyph codes.  Each pair runs in a fresh child process: the twin
twice (the second, imports warm, is timed), then the garbled file — ``cold`` pays loading the
recognition model, ``warm`` is what every later document of a batch worker costs: imports and models
loaded, the glyph row readings the process kept forgotten first, so the model reads this document's glyphs
as it reads those of a document the worker has not seen; twin and warm runs are repeated (``--repeat``,
default 3) and the fastest kept.  ``seen×`` is the CPU ratio of the same file read again with the kept
readings (a retry or rerun in the same worker: no model run) — shown, not judged: before 2026-11-28 this
was the figure reported as warm.  Prints pages/s (wall) and CPU seconds, the speed
ratio garbled/twin (warm; the issue asks ≥ 0.5) by wall time and by CPU time (``cpu×``: on a machine shared
with other work the wall ratio is noise), ``source.text_layer``, how many
pages kept unread glyphs, and the agreement: the share of the twin's output characters (title, outline,
paragraphs, sidebar items, table cells; whitespace left out, as text-layer sources space digits
differently) that the garbled file's output gives in the same order (the issue asks ≥ 99%).  With
``--page-ocr`` each garbled file is also read with page OCR (``decode_glyphs`` off), the path before.
"""

from __future__ import annotations

import argparse
import difflib
import multiprocessing as mp
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DIRS = (ROOT / "samples" / "pdf", ROOT / "samples" / "generated" / "pdf")


def document_text(doc: dict[str, Any]) -> str:
    """The output's text, in order, without whitespace."""
    parts = [doc["meta"].get("title") or ""]
    parts += [o["title"] for o in doc["outline"]] + [p["text"] for p in doc["paragraphs"]]
    parts += [i["text"] for s in doc["sidebars"] for i in s["items"]]
    parts += [c["text"] for t in doc["tables"] for c in t["cells"]]
    return "".join("".join(parts).split())


def agreement(expected: str, got: str) -> float:
    """Characters of ``expected`` matched in order by ``got``, over the longer of the two."""
    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    return same / max(len(expected), len(got), 1)


PAGE_OCR = {"extract": {"ocr": {"decode_glyphs": False}}}
"""Settings that read garbled pages with page OCR, as before glyph decoding."""


def timed(path: Path, settings: dict[str, Any] | None = None,
          fresh: bool = True) -> tuple[dict[str, Any], float, float]:
    """One run of the pipeline over ``path``: the document, wall and CPU seconds.  ``fresh`` forgets the row
    readings the process kept (``extract.glyphs.READINGS``) first, so a garbled file's glyphs are read by the
    model as those of a document the worker has not seen (imports and models stay loaded, as in a batch);
    without it a repeat of the same file is answered from those readings and never runs the model."""
    from policy_extract.core.model import to_jsonable
    from policy_extract.pipeline import process_pdf

    if fresh:
        forget_readings()
    wall, cpu = time.perf_counter(), time.process_time()
    doc = to_jsonable(process_pdf(str(path), settings=settings))
    return doc, time.perf_counter() - wall, time.process_time() - cpu


def forget_readings() -> None:
    """Empty the process's glyph row readings (a code without them has nothing to forget)."""
    try:
        from policy_extract.extract.glyphs import READINGS
    except ImportError:
        return
    READINGS.clear()


def fastest(path: Path, repeat: int, fresh: bool = True) -> tuple[dict[str, Any], float, float]:
    """The document and the least wall and CPU seconds of ``repeat`` runs."""
    runs = [timed(path, fresh=fresh) for _ in range(max(1, repeat))]
    return runs[0][0], min(r[1] for r in runs), min(r[2] for r in runs)


def measure(garbled: str, twin: str, page_ocr: bool, repeat: int = 1) -> dict[str, Any]:
    """Run in a child process: the twin, the garbled file cold and warm (and with page OCR), agreements."""
    timed(Path(twin))  # first run: imports and caches warm, as in a batch
    twin_doc, twin_s, twin_cpu = fastest(Path(twin), repeat)
    _, cold_s, cold_cpu = timed(Path(garbled))
    doc, warm_s, warm_cpu = fastest(Path(garbled), repeat)
    _, again_s, again_cpu = fastest(Path(garbled), repeat, fresh=False)
    ocr_doc, ocr_s, _ = timed(Path(garbled), PAGE_OCR) if page_ocr else (None, 0.0, 0.0)
    return {
        "ocr_s": ocr_s,
        "ocr_agree": agreement(document_text(twin_doc), document_text(ocr_doc)) if ocr_doc else 0.0,
        "pages": doc["source"]["pages"], "layer": doc["source"]["text_layer"],
        "twin_s": twin_s, "twin_cpu": twin_cpu, "cold_s": cold_s, "cold_cpu": cold_cpu,
        "warm_s": warm_s, "warm_cpu": warm_cpu, "again_s": again_s, "again_cpu": again_cpu,
        "undecoded": sum(1 for w in doc["warnings"] if w["code"] == "undecoded_glyphs"),
        "agree": agreement(document_text(twin_doc), document_text(doc)),
    }


def pairs(paths: list[str]) -> list[tuple[Path, Path]]:
    found = [Path(p) for p in paths] or sorted(p for d in DIRS for p in d.glob("garbled_*.pdf"))
    return [(p, p.with_name(p.name.removeprefix("garbled_"))) for p in found]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pdfs", nargs="*")
    ap.add_argument("--page-ocr", action="store_true",
                    help="also read each garbled file with page OCR (decode_glyphs off), as before: slow")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of the twin and the warm garbled file; "
                    "the fastest is kept (default 3)")
    args = ap.parse_args(argv)
    print(f"{'garbled document':38}{'layer':>8}{'pages':>6}{'twin p/s':>9}{'cold p/s':>9}{'warm p/s':>9}"
          f"{'cpu twin':>9}{'cpu warm':>9}{'speed':>7}{'cpu×':>7}{'seen×':>7}{'unread':>7}{'agree':>8}")
    ctx = mp.get_context("spawn")
    worst = {"speed": float("inf"), "cpu": float("inf"), "agree": 1.0}
    for garbled, twin in pairs(args.pdfs):
        with ctx.Pool(1) as pool:
            r = pool.apply(measure, (str(garbled), str(twin), args.page_ocr, args.repeat))
        report(garbled, r, worst, args.page_ocr)
    print(f"worst speed ratio (warm garbled / twin) {worst['speed']:.2f} by wall time, {worst['cpu']:.2f} by "
          f"CPU time (issue 16 asks >= 0.5); worst agreement {worst['agree']:.4f} (asks >= 0.99)")
    return 0


def report(garbled: Path, r: dict[str, Any], worst: dict[str, float], page_ocr: bool) -> None:
    """One pair's line (and its page OCR line), the worst figures so far updated."""
    pages = r["pages"]
    speed, cpu = r["twin_s"] / r["warm_s"], r["twin_cpu"] / max(r["warm_cpu"], 1e-9)
    worst.update(speed=min(worst["speed"], speed), cpu=min(worst["cpu"], cpu),
                 agree=min(worst["agree"], r["agree"]))
    rates = "".join(f"{pages / r[key]:>9.2f}" for key in ("twin_s", "cold_s", "warm_s"))
    seen = r["twin_cpu"] / max(r["again_cpu"], 1e-9)
    print(f"{garbled.stem[:38]:38}{r['layer']:>8}{pages:>6}{rates}{r['twin_cpu']:>9.3f}{r['warm_cpu']:>9.3f}"
          f"{speed:>7.2f}{cpu:>7.2f}{seen:>7.2f}{r['undecoded']:>7}{r['agree']:>8.4f}")
    if page_ocr:
        print(f"{'  same, page OCR':38}{'ocr':>8}{pages:>6}{'':>18}{pages / r['ocr_s']:>9.2f}{'':>18}"
              f"{r['twin_s'] / r['ocr_s']:>7.2f}{'':>14}{r['ocr_agree']:>8.4f}")


if __name__ == "__main__":
    raise SystemExit(main())
