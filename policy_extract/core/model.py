"""The one data model passed between stages.

Two layers, both plain dataclasses:

* **Raw** (`RawDocument` and below) is what ``extract`` produces from a PDF: pages, text lines with their
  font facts, framed boxes and ruled/borderless tables with cell spans.  It knows nothing about indicators.
* **Normalized** (`Document` and below) is what ``normalize`` builds from the raw layer and what ``outputs``
  serializes.  Its JSON form is exactly the output contract (``../shared/SPEC.md``), plus a few documented
  extra fields (``bbox`` on located records, ``raw`` texts) that the JSON Schema lists.

Coordinates: PDF points, origin top-left of the page (pdfplumber's ``x0, top, x1, bottom``).
Pages are 1-based.  Every located record carries ``page`` and ``bbox`` so a reviewer can find it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

SCHEMA_VERSION = "1"

STAGE_FAILED = "stage_failed"
"""Warning code of a pipeline stage that raised on part of a document; such a document is ``partial``."""

BBox = tuple[float, float, float, float]
"""``(x0, top, x1, bottom)`` in PDF points, top-left origin."""

TextLayer = Literal["born_digital", "ocr", "mixed"]
Status = Literal["ok", "partial", "failed"]
ErrorCode = Literal["not_pdf", "encrypted", "corrupt", "timeout", "too_large", "no_text", "internal"]


def round_bbox(bbox: tuple[float, ...] | list[float]) -> BBox:
    """Round to 0.01 pt so that output is byte-stable across platforms and reruns."""
    x0, y0, x1, y1 = (round(float(v), 2) + 0.0 for v in bbox)
    return (x0, y0, x1, y1)


def union_bbox(boxes: list[BBox]) -> BBox:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


# --------------------------------------------------------------------------------------------- raw layer


@dataclass(frozen=True, slots=True)
class Line:
    """One visual text line (or one line inside a table cell), as printed."""

    text: str
    page: int
    bbox: BBox
    font: str = ""
    """PostScript font name of most characters, subset prefix removed (``SimHei``, ``FangSong``…)."""
    size: float = 0.0
    bold: bool = False
    color: str | None = None
    """Fill colour of most characters as ``#rrggbb`` (the red issuer line is ``#ff0000``-ish)."""
    char_width: float = 0.0
    """Median advance of the line's CJK characters; used to measure indentation in characters."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A ruling segment (a drawn line, or a thin filled rectangle used as one)."""

    page: int
    bbox: BBox
    color: str | None = None


@dataclass(frozen=True, slots=True)
class Frame:
    """A closed box drawn around text that is not a multi-cell grid (a 专栏 sidebar, usually)."""

    page: int
    bbox: BBox


@dataclass(slots=True)
class RawCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    page: int
    bbox: BBox
    lines: list[Line] = field(default_factory=list)
    """Text lines inside the cell, top to bottom; joined by ``normalize`` (never here)."""


@dataclass(slots=True)
class RawTable:
    """One table fragment on one page, as found on the page (no cross-page merging yet)."""

    page: int
    bbox: BBox
    n_rows: int
    n_cols: int
    col_edges: list[float]
    row_edges: list[float]
    cells: list[RawCell]
    method: Literal["lattice", "borderless", "image"] = "lattice"
    report: dict[str, Any] = field(default_factory=dict)
    """Quality facts (empty-cell ratio, text outside cells, …) for the table's quality report."""


@dataclass(slots=True)
class PageContent:
    number: int
    width: float
    height: float
    rotation: int = 0
    text_layer: Literal["born_digital", "ocr"] = "born_digital"
    lines: list[Line] = field(default_factory=list)
    """Text lines outside every table, in reading order."""
    tables: list[RawTable] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)


@dataclass(slots=True)
class RawDocument:
    file: str
    sha256: str
    pages: list[PageContent]
    warnings: list[DocWarning] = field(default_factory=list)


# ------------------------------------------------------------------------------------- normalized layer


@dataclass(slots=True)
class DocWarning:
    code: str
    message: str
    page: int | None = None
    stage: str | None = None
    """``extract`` | ``normalize`` | ``outputs``: where it was raised."""


@dataclass(slots=True)
class Source:
    file: str
    sha256: str
    pages: int
    text_layer: TextLayer = "born_digital"


@dataclass(slots=True)
class Meta:
    issuer: str | None = None
    doc_number: str | None = None
    title: str | None = None
    recipients: list[str] = field(default_factory=list)
    date: str | None = None
    attachments: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    printer: str | None = None
    print_date: str | None = None
    copies: int | None = None
    raw: dict[str, str] = field(default_factory=dict)
    """The printed text each normalized field came from (``{"doc_number": "豫政〔2022〕 15 号"}``)."""


@dataclass(slots=True)
class OutlineNode:
    id: str
    parent: str | None
    level: int
    number: str
    title: str
    page: int
    bbox: BBox | None = None
    raw: str = ""
    """The heading as printed (marker, title and run-in text), before the title was cut at its 。."""


@dataclass(slots=True)
class Paragraph:
    section: str | None
    page: int
    text: str
    bbox: BBox | None = None
    """Box of the paragraph's first line's page part; ``page`` is where it starts."""


@dataclass(slots=True)
class SidebarItem:
    n: int
    text: str
    page: int | None = None
    """Page on which the item starts (a sidebar may cross a page break)."""


@dataclass(slots=True)
class Sidebar:
    id: str
    number: int | None
    title: str
    section: str | None
    page: int
    items: list[SidebarItem] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    bbox: BBox | None = None


@dataclass(slots=True)
class Cell:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    page: int
    bbox: BBox
    raw: str = ""
    """The cell's printed lines joined with ``\\n``, before the joining rules."""


@dataclass(slots=True)
class Table:
    id: str
    title: str | None
    pages: list[int]
    n_rows: int
    n_cols: int
    header_rows: int
    cells: list[Cell]
    section: str | None = None
    bboxes: list[tuple[int, BBox]] = field(default_factory=list)
    """One ``(page, bbox)`` per fragment the table was merged from."""
    method: str = "lattice"


@dataclass(slots=True)
class Value:
    year: int | None
    kind: Literal["baseline", "target"]
    raw: str
    op: str | None = None
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    scope: str | None = None
    base_year: int | None = None
    text: str | None = None


@dataclass(slots=True)
class Indicator:
    id: str
    table: str | None
    row: int | None
    page: int
    group: str | None
    name: str
    unit: str | None
    attribute: str | None
    values: list[Value] = field(default_factory=list)
    bbox: BBox | None = None


@dataclass(slots=True)
class Deadline:
    raw: str
    start: str | None = None
    end: str | None = None
    note: str | None = None


@dataclass(slots=True)
class Duty:
    id: str
    source: Literal["table", "sidebar", "text"]
    table: str | None
    row: int | None
    page: int
    section: str | None
    number: str | None
    category: str | None
    item: str | None
    task: str
    deadline: Deadline | None = None
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    bbox: BBox | None = None


@dataclass(slots=True)
class Document:
    source: Source
    meta: Meta = field(default_factory=Meta)
    outline: list[OutlineNode] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sidebars: list[Sidebar] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)
    warnings: list[DocWarning] = field(default_factory=list)
    schema_version: str = SCHEMA_VERSION


# ----------------------------------------------------------------------------------------- serializing

# Key order of document.json follows the SPEC, not the dataclass order.
_DOCUMENT_KEYS = (
    "schema_version",
    "source",
    "meta",
    "outline",
    "paragraphs",
    "sidebars",
    "tables",
    "indicators",
    "duties",
    "warnings",
)


def to_jsonable(obj: Any) -> Any:
    """Dataclasses → dicts (field order), tuples → lists, floats that are whole stay floats."""
    if isinstance(obj, Document):
        return {k: to_jsonable(getattr(obj, k)) for k in _DOCUMENT_KEYS}
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    return obj


def _bbox(v: Any) -> BBox | None:
    return None if v is None else tuple(v)  # type: ignore[return-value]


def document_from_dict(d: dict[str, Any]) -> Document:
    """Inverse of :func:`to_jsonable` for a document.json (used by ``diff``, ``review`` and tests)."""
    src = d["source"]
    meta = d.get("meta") or {}
    return Document(
        schema_version=d.get("schema_version", SCHEMA_VERSION),
        source=Source(src["file"], src["sha256"], src["pages"], src.get("text_layer", "born_digital")),
        meta=Meta(**{f.name: meta[f.name] for f in fields(Meta) if f.name in meta}),
        outline=[OutlineNode(**{**o, "bbox": _bbox(o.get("bbox"))}) for o in d.get("outline", [])],
        paragraphs=[Paragraph(**{**p, "bbox": _bbox(p.get("bbox"))}) for p in d.get("paragraphs", [])],
        sidebars=[
            Sidebar(
                **{
                    **s,
                    "items": [SidebarItem(**i) for i in s.get("items", [])],
                    "bbox": _bbox(s.get("bbox")),
                }
            )
            for s in d.get("sidebars", [])
        ],
        tables=[
            Table(
                **{
                    **t,
                    "cells": [Cell(**{**c, "bbox": _bbox(c["bbox"])}) for c in t.get("cells", [])],
                    "bboxes": [(p, _bbox(b)) for p, b in t.get("bboxes", [])],
                }
            )
            for t in d.get("tables", [])
        ],
        indicators=[
            Indicator(
                **{
                    **i,
                    "values": [Value(**v) for v in i.get("values", [])],
                    "bbox": _bbox(i.get("bbox")),
                }
            )
            for i in d.get("indicators", [])
        ],
        duties=[
            Duty(
                **{
                    **u,
                    "deadline": Deadline(**u["deadline"]) if u.get("deadline") else None,
                    "bbox": _bbox(u.get("bbox")),
                }
            )
            for u in d.get("duties", [])
        ],
        warnings=[DocWarning(**w) for w in d.get("warnings", [])],
    )
