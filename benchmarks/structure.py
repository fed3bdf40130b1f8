"""Throwaway benchmark: meta accuracy, outline F1 (level+number+title) and sidebar F1 per sample.

``python benchmarks/structure.py [PDF_DIR]`` — PDFs default to ``samples/pdf``.  Expected values come from
``samples/expected/<doc_id>/document.json`` when present, else straight from ``samples/src/<doc_id>.yaml``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from policy_extract.extract import extract_document  # noqa: E402
from policy_extract.normalize.structure import build_structure  # noqa: E402
from policy_extract.normalize.tables import build_tables  # noqa: E402

META_FIELDS = ("issuer", "doc_number", "title", "recipients", "date", "attachments", "cc", "printer",
               "print_date", "copies")


def _yaml_expected(src: dict[str, Any]) -> dict[str, Any]:
    outline: list[tuple[int, str, str]] = []
    sidebars: list[tuple[int | None, str, int]] = []
    for block in src.get("body") or []:
        for level in (1, 2, 3, 4):
            if f"h{level}" in block:
                outline.append((level, str(block["n"]), block[f"h{level}"]))
        if "sidebar" in block:
            sb = block["sidebar"]
            sidebars.append((sb.get("number"), sb.get("title", ""), len(sb.get("items") or [])))
        if "table" in block and block["table"].get("sidebar"):
            sb = block["table"]["sidebar"]
            sidebars.append((sb.get("number"), sb.get("title", ""), 0))
    for annex in src.get("attachments") or []:
        outline.append((1, annex["label"], "".join(annex.get("title_lines") or [])))
    return {"meta": (src.get("expected") or {}).get("meta") or {}, "outline": outline, "sidebars": sidebars}


def _json_expected(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "meta": doc["meta"],
        "outline": [(o["level"], o["number"], o["title"]) for o in doc["outline"]],
        "sidebars": [(s["number"], s["title"], len(s["items"])) for s in doc["sidebars"]],
    }


def f1(got: list[Any], want: list[Any]) -> float:
    rest = list(want)
    hits = 0
    for g in got:
        if g in rest:
            rest.remove(g)
            hits += 1
    if not got and not want:
        return 1.0
    p, r = hits / max(len(got), 1), hits / max(len(want), 1)
    return 0.0 if hits == 0 else 2 * p * r / (p + r)


def main() -> int:
    pdf_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "samples" / "pdf"
    for pdf in sorted(pdf_dir.glob("*.pdf")):
        exp_json = REPO / "samples" / "expected" / pdf.stem / "document.json"
        if exp_json.exists():
            want = _json_expected(json.loads(exp_json.read_text(encoding="utf-8")))
        else:
            want = _yaml_expected(yaml.safe_load((REPO / "samples" / "src" / f"{pdf.stem}.yaml").read_text()))
        raw = extract_document(pdf)
        s = build_structure(raw, build_tables(raw))
        wrong = [k for k in META_FIELDS if k in want["meta"] and getattr(s.meta, k) != want["meta"][k]]
        meta_acc = 1 - len(wrong) / max(1, sum(k in want["meta"] for k in META_FIELDS))
        got_outline = [(o.level, o.number, o.title) for o in s.outline]
        got_sb = [(b.number, b.title, len(b.items)) for b in s.sidebars]
        print(f"{pdf.stem:28s} meta {meta_acc:.2f}  outline F1 {f1(got_outline, want['outline']):.2f} "
              f"({len(got_outline)}/{len(want['outline'])})  sidebar F1 {f1(got_sb, want['sidebars']):.2f} "
              f"({len(got_sb)}/{len(want['sidebars'])})")
        for k in wrong:
            print(f"    meta.{k}: got {getattr(s.meta, k)!r} want {want['meta'][k]!r}")
        for o in [o for o in got_outline if o not in want["outline"]]:
            print(f"    outline extra: {o}")
        for o in [o for o in want["outline"] if o not in got_outline]:
            print(f"    outline missing: {o}")
        for b in [b for b in got_sb if b not in want["sidebars"]]:
            print(f"    sidebar extra: {b}")
        for b in [b for b in want["sidebars"] if b not in got_sb]:
            print(f"    sidebar missing: {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
