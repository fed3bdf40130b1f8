"""What the scoreboard counts: each part of a document.json as a multiset of items, summed per corpus.

A truth file says which parts it covers (``truth.parts``; sample and generated truth covers every part); only
those are scored, so a real PDF whose tables nobody annotated does not count its tables.  Counts are summed
over a corpus before F1 is taken (micro-average): a document with 400 cells weighs more than one with 4.

Parts and their items (text compared with white space next to a CJK character ignored, as in the golden test):

* ``meta``: one item per SPEC meta field, ``(field, value)``.
* ``outline``: ``(level, number, title, page, parent title)``, both sides cut to the levels the truth covers.
* ``paragraphs``: ``(section title, page, text)``.
* ``sidebars``: ``(number, title, section title, page, tables)``; ``sidebar_items``: ``(number, n, text)``.
* ``cells``: ``(aligned table, row, col, rowspan, colspan, text)``: produced tables are aligned one-to-one
  with truth tables (order-preserving, by shared cell text: ``benchmarks/tables.py``); cells of an unaligned
  table count as produced and unmatched.  ``teds``: mean TEDS over aligned pairs, unaligned tables scoring 0.
  ``adjacency``: ICDAR 2013's structure measure (each non-empty cell's nearest non-empty neighbour to the
  right and below, as ``(text, text, direction)``), over the same aligned pairs.
* ``indicators``: one item per value.  Samples and generated documents: the golden test's full record (table,
  row, page, group, name, unit, attribute, value).  Real PDFs: ``(name, unit, attribute, year, kind, op,
  value, value_max, value unit, scope)``, since their truth has no paragraphs and no outline below level 2
  to anchor to.
* ``duties``: samples and generated: the golden record; real PDFs: ``(source, number, task, deadline, lead,
  support)``.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "benchmarks") not in sys.path:
    sys.path.insert(0, str(ROOT / "benchmarks"))

import compare as golden  # noqa: E402

PARTS = (
    "meta",
    "outline",
    "paragraphs",
    "sidebars",
    "sidebar_items",
    "cells",
    "teds",
    "adjacency",
    "indicators",
    "duties",
)
TABLE_PARTS = ("cells", "teds", "adjacency")
TRUTH_PART = {"sidebar_items": "sidebars", "cells": "tables", "teds": "tables", "adjacency": "tables"}
"""Scoreboard part → the truth part that must be covered for it to be scored."""

BenchTable = list[tuple[int, int, int, int, str]]


def _load(name: str) -> ModuleType:
    """A sibling benchmark script as a module (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


TB = _load("tables")
ICDAR = _load("icdar")


@dataclass(slots=True)
class Tally:
    """Matched / expected / produced counts of one part, summed over documents; TEDS as a running mean."""

    matched: int = 0
    expected: int = 0
    produced: int = 0
    teds_sum: float = 0.0
    teds_n: int = 0
    docs: int = 0

    def add(self, other: Tally) -> None:
        for name in ("matched", "expected", "produced", "teds_sum", "teds_n", "docs"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def f1(self) -> float | None:
        if self.teds_n:
            return self.teds_sum / self.teds_n
        total = self.expected + self.produced
        if not self.docs:
            return None
        return 1.0 if total == 0 else 2 * self.matched / total


@dataclass(slots=True)
class DocScore:
    doc_id: str
    parts: dict[str, Tally] = field(default_factory=dict)


def count(expected: Iterable[Any], produced: Iterable[Any]) -> Tally:
    exp, got = Counter(expected), Counter(produced)
    return Tally(sum((exp & got).values()), sum(exp.values()), sum(got.values()), docs=1)


# --------------------------------------------------------------------------------------------- items


def _freeze(v: Any) -> Any:
    return golden._freeze(v)


def _titles(doc: dict[str, Any]) -> dict[str | None, str | None]:
    return golden._section_titles(doc)


def outline_items(doc: dict[str, Any], max_level: int | None) -> list[Any]:
    nodes = [n for n in doc.get("outline", []) if max_level is None or n["level"] <= max_level]
    sec = _titles({"outline": nodes})
    return [_freeze((n["level"], n["number"], n["title"], n["page"], sec.get(n["parent"]))) for n in nodes]


def sidebar_items(doc: dict[str, Any]) -> list[Any]:
    return [_freeze((s["number"], i["n"], i["text"])) for s in doc.get("sidebars", []) for i in s["items"]]


def sidebar_heads(doc: dict[str, Any]) -> list[Any]:
    return [_freeze(it[:4] + it[5:]) for it in golden._sidebar_items(doc)]


def loose_indicators(doc: dict[str, Any]) -> list[Any]:
    out = []
    for ind in doc.get("indicators", []):
        head = (ind.get("name"), ind.get("unit"), ind.get("attribute"))
        for v in ind.get("values", []) or [{}]:
            keys = ("year", "kind", "op", "value", "value_max", "unit", "scope")
            out.append(_freeze((*head, *(v.get(k) for k in keys))))
    return out


def loose_duties(doc: dict[str, Any]) -> list[Any]:
    return [
        _freeze(
            (
                d.get("source"),
                d.get("number"),
                d.get("task"),
                d.get("deadline"),
                tuple(d.get("lead") or ()),
                tuple(d.get("support") or ()),
            )
        )
        for d in doc.get("duties", [])
    ]


def golden_items(part: str) -> Callable[[dict[str, Any]], list[Any]]:
    return lambda doc: [_freeze(it) for it in golden._ITEMS[part](doc)]


# --------------------------------------------------------------------------------------------- tables


def adjacency(table: BenchTable) -> Counter[tuple[str, str, str]]:
    """ICDAR 2013 adjacency relations (``benchmarks/icdar.py``: one definition for both benchmarks)."""
    return ICDAR.relations(table)


def table_tallies(expected: list[BenchTable], produced: list[BenchTable]) -> dict[str, Tally]:
    pairs = TB.align_tables(expected, produced)
    partner = {j: i for i, j in pairs}
    exp = [(i, *c) for i, t in enumerate(expected) for c in t]
    got = [(partner.get(j, -1 - j), *c) for j, t in enumerate(produced) for c in t]
    cells = count(exp, got)
    n = len(expected) + len(produced) - len(pairs)
    teds = Tally(docs=1, teds_n=n, teds_sum=sum(TB.teds(expected[i], produced[j]) for i, j in pairs))
    if n == 0:
        teds = Tally(docs=1, teds_n=1, teds_sum=1.0)
    adj_exp = Counter((i, *k) for i, t in enumerate(expected) for k in adjacency(t).elements())
    adj_got = Counter(
        (partner.get(j, -1 - j), *k) for j, t in enumerate(produced) for k in adjacency(t).elements()
    )
    return {"cells": cells, "teds": teds, "adjacency": count(adj_exp.elements(), adj_got.elements())}


def non_empty(table: BenchTable) -> BenchTable:
    """A table's non-empty cells, rows and columns counted from its first non-empty row and column.

    ICDAR 2013's ground truth lists only non-empty cells and numbers them from 0 in some files and from 1
    in others (us-017, us-021 … us-039 start at row 1); its own measure (adjacency) does not see the
    numbering, but the cells part compares positions, so both sides count from their first non-empty row
    and column."""
    cells = [c for c in table if c[4]]
    if not cells:
        return cells
    r0 = min(c[0] for c in cells)
    c0 = min(c[1] for c in cells)
    return [(r - r0, c - c0, rs, cs, text) for r, c, rs, cs, text in cells]


def doc_tables(doc: dict[str, Any], drop_empty: bool = False) -> list[BenchTable]:
    tables = TB.tables_from_document(doc)
    if drop_empty:
        tables = [non_empty(t) for t in tables]
    return tables


# -------------------------------------------------------------------------------------------- a document


def covered(truth: dict[str, Any]) -> set[str]:
    """Scoreboard parts the truth covers: all for samples and generated; ``truth.parts`` for real PDFs."""
    listed = truth.get("truth", {}).get("parts")
    if listed is None:
        return set(PARTS)
    return {p for p in PARTS if TRUTH_PART.get(p, p) in listed}


def score_document(
    doc_id: str,
    truth: dict[str, Any],
    produced: dict[str, Any] | None,
    *,
    strict: bool = True,
    produced_tables: list[BenchTable] | None = None,
    drop_empty: bool = False,
) -> DocScore:
    """Tallies of every covered part; ``produced`` None (the document failed) scores as producing nothing."""
    got = produced or {}
    parts = covered(truth)
    max_level = truth.get("truth", {}).get("outline_levels")
    items: dict[str, Callable[[dict[str, Any]], list[Any]]] = {
        "meta": golden_items("meta"),
        "outline": lambda d: outline_items(d, max_level),
        "paragraphs": golden_items("paragraphs"),
        "sidebars": sidebar_heads,
        "sidebar_items": sidebar_items,
        "indicators": golden_items("indicators") if strict else loose_indicators,
        "duties": golden_items("duties") if strict else loose_duties,
    }
    out = DocScore(doc_id)
    for part, fn in items.items():
        if part in parts:
            out.parts[part] = count(fn(truth), fn(got) if produced is not None else [])
    if "cells" in parts:
        tables = produced_tables if produced_tables is not None else doc_tables(got)
        out.parts.update(table_tallies(doc_tables(truth, drop_empty), tables))
    return out
