"""Part-by-part comparison of a produced document.json with an expected one (golden files).

Each part (meta, outline, paragraphs, sidebars, tables, indicators, duties) is turned into a multiset of
comparable items; the match is scored as F1 and the differences are listed in readable form.  Geometry
(``bbox``) and ids are not compared: expected files carry no geometry, and ids follow from order.

Text is compared exactly except for white space next to a Chinese character.  Such a space is typographic
(``达到 85%``) and a PDF does not record it when it falls at a line break, so no reader of the PDF — person or
program — can know it was typed; every other character, including spaces between Latin words, must match.

Used by the golden test, the scoreboard (``scoring.py``) and ``benchmarks/golden.py`` (per-part match rates).
It lives beside the benchmarks, not in the installed library: only measuring needs it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policy_extract.normalize.text import squash_spaces

PARTS = ("meta", "outline", "paragraphs", "sidebars", "tables", "indicators", "duties")
META_FIELDS = (
    "issuer",
    "doc_number",
    "title",
    "recipients",
    "date",
    "attachments",
    "cc",
    "printer",
    "print_date",
    "copies",
)


@dataclass(slots=True)
class PartResult:
    part: str
    expected: int
    produced: int
    matched: int
    missing: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)

    @property
    def f1(self) -> float:
        total = self.expected + self.produced
        return 1.0 if total == 0 else 2 * self.matched / total

    @property
    def exact(self) -> bool:
        return self.matched == self.expected == self.produced

    def report(self, limit: int = 25) -> str:
        lines = [
            f"{self.part}: F1 {self.f1:.3f} ({self.matched} matched, {self.expected} expected, "
            f"{self.produced} produced)"
        ]
        for label, items in (("- missing   ", self.missing), ("+ unexpected", self.unexpected)):
            lines += [f"  {label} {s}" for s in items[:limit]]
            if len(items) > limit:
                lines.append(f"  {label} … and {len(items) - limit} more")
        return "\n".join(lines)


def _freeze(v: Any) -> Any:
    if isinstance(v, str):
        return squash_spaces(v)
    if isinstance(v, (list, tuple)):
        return tuple(_freeze(x) for x in v)
    if isinstance(v, dict):
        return tuple((k, _freeze(x)) for k, x in v.items())
    return v


def _section_titles(doc: dict[str, Any]) -> dict[str | None, str | None]:
    """Section ids → titles, so a shifted id does not count as a wrong section when the title is right."""
    out: dict[str | None, str | None] = {None: None}
    for n in doc.get("outline", []):
        out[n["id"]] = f"{n['number']} {n['title']}"
    return out


def _table_titles(doc: dict[str, Any]) -> dict[str | None, str | None]:
    out: dict[str | None, str | None] = {None: None}
    for i, t in enumerate(doc.get("tables", []), start=1):
        out[t["id"]] = f"#{i} {t.get('title')}"
    return out


def _meta_items(doc: dict[str, Any]) -> list[Any]:
    meta = doc.get("meta", {})
    return [(k, _freeze(meta.get(k))) for k in META_FIELDS]


def _outline_items(doc: dict[str, Any]) -> list[Any]:
    sec = _section_titles(doc)
    return [
        (n["level"], n["number"], n["title"], n["page"], sec.get(n["parent"])) for n in doc.get("outline", [])
    ]


def _paragraph_items(doc: dict[str, Any]) -> list[Any]:
    sec = _section_titles(doc)
    return [(sec.get(p["section"]), p["page"], p["text"]) for p in doc.get("paragraphs", [])]


def _sidebar_items(doc: dict[str, Any]) -> list[Any]:
    sec, tab = _section_titles(doc), _table_titles(doc)
    return [
        (
            s["number"],
            s["title"],
            sec.get(s["section"]),
            s["page"],
            tuple((i["n"], i["text"]) for i in s["items"]),
            tuple(tab.get(t) for t in s["tables"]),
        )
        for s in doc.get("sidebars", [])
    ]


def _table_items(doc: dict[str, Any]) -> list[Any]:
    items: list[Any] = []
    for i, t in enumerate(doc.get("tables", []), start=1):
        items.append(
            (f"#{i}", "table", t.get("title"), tuple(t["pages"]), t["n_rows"], t["n_cols"], t["header_rows"])
        )
        items += [
            (f"#{i}", c["row"], c["col"], c["rowspan"], c["colspan"], c["text"], c["page"])
            for c in t["cells"]
        ]
    return items


def cell_items(doc: dict[str, Any]) -> list[Any]:
    """Cells only (table position, row, col, spans, text): the unit of the table benchmark's cell F1."""
    return [it for it in _table_items(doc) if it[1] != "table"]


def _indicator_items(doc: dict[str, Any]) -> list[Any]:
    tab = _table_titles(doc)
    items = []
    for ind in doc.get("indicators", []):
        head = (
            tab.get(ind["table"]),
            ind["row"],
            ind["page"],
            ind["group"],
            ind["name"],
            ind["unit"],
            ind["attribute"],
        )
        items += [(*head, _freeze(v)) for v in ind["values"]] or [(*head, None)]
    return items


def _duty_items(doc: dict[str, Any]) -> list[Any]:
    sec, tab = _section_titles(doc), _table_titles(doc)
    return [
        (
            d["source"],
            tab.get(d["table"]),
            d["row"],
            d["page"],
            sec.get(d["section"]),
            d["number"],
            d["category"],
            d["item"],
            d["task"],
            _freeze(d["deadline"]),
            tuple(d["lead"]),
            tuple(d["support"]),
        )
        for d in doc.get("duties", [])
    ]


_ITEMS: dict[str, Callable[[dict[str, Any]], list[Any]]] = {
    "meta": _meta_items,
    "outline": _outline_items,
    "paragraphs": _paragraph_items,
    "sidebars": _sidebar_items,
    "tables": _table_items,
    "indicators": _indicator_items,
    "duties": _duty_items,
}


def compare_items(part: str, expected: Iterable[Any], produced: Iterable[Any]) -> PartResult:
    exp, got = Counter(expected), Counter(produced)
    common = exp & got
    return PartResult(
        part=part,
        expected=sum(exp.values()),
        produced=sum(got.values()),
        matched=sum(common.values()),
        missing=[repr(k) for k in (exp - got).elements()],
        unexpected=[repr(k) for k in (got - exp).elements()],
    )


def compare_part(part: str, expected: dict[str, Any], produced: dict[str, Any]) -> PartResult:
    items = _ITEMS[part]
    return compare_items(part, map(_freeze, items(expected)), map(_freeze, items(produced)))


def compare_documents(expected: dict[str, Any], produced: dict[str, Any]) -> dict[str, PartResult]:
    return {part: compare_part(part, expected, produced) for part in PARTS}


def load(path: str | Path) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))
