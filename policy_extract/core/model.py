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

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

from .errors import DocumentReferenceError, SchemaVersionError
from .geometry import BBox

SCHEMA_VERSION = "1"
READABLE_SCHEMA_VERSIONS = frozenset({SCHEMA_VERSION})
"""The ``schema_version`` values :func:`document_from_dict` reads; any other (newer, unknown) is refused."""

STAGE_FAILED = "stage_failed"
"""Warning code of a pipeline stage that raised on part of a document; such a document is ``partial``."""
STREAM_CUT = "stream_cut"
"""Warning code of a page whose content stream stops before its end: what follows the cut is lost, so such a
document is ``partial`` too."""
LOST_PART_CODES = frozenset({STAGE_FAILED, STREAM_CUT})
"""Warning codes that mean part of the document is missing from the output (status ``partial``)."""

TextLayer = Literal["born_digital", "ocr", "decoded", "mixed"]
Status = Literal["ok", "partial", "failed"]


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
    raw: str = ""
    """The text as the PDF encodes it, where extraction changed it (``vocabulary.fold_shared_glyphs``:
    ``⼈⺠`` read back for 人民); empty when it is ``text``."""
    chart: bool = False
    """Text printed as a vector chart's own (tick values, data labels, legend, axis titles:
    ``extract.charts.chart_text``): no running text, so no paragraph.  Not in the output."""


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


@dataclass(frozen=True, slots=True)
class TableReport:
    """What the finder noticed about one table fragment (camelot's parsing report), read by the quality
    warnings of ``normalize``; typed so that a producer and its reader cannot disagree on a key."""

    cells: int = 0
    empty_cells: int = 0
    empty_ratio: float = 0.0
    """``empty_cells / cells`` rounded to 0.001."""
    text_outside_cells: int = 0
    """Characters printed level with the table's rows but in no cell (ruled tables; 0 for borderless)."""
    outer_border: bool | None = None
    """All four outer sides are ruled; None where there are no rules to look at (borderless)."""
    irregular_regions: int = 0
    """Flooded grid regions that were not rectangles (spanned by their bounding box)."""


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
    method: Literal["lattice", "rules", "borderless", "image"] = "lattice"
    """How it was found: ``lattice`` (a ruled grid, cut by its text where its rules do not separate it),
    ``rules`` (ruled only across: columns from the text), ``borderless`` (aligned by spaces), ``image``
    (on a scanned page): the names of the table finders in ``extract/registry.py``, plus OCR."""
    report: TableReport = field(default_factory=TableReport)
    """Quality facts (empty-cell ratio, text outside cells, …) for the table's quality warnings."""


@dataclass(slots=True)
class PageContent:
    number: int
    width: float
    height: float
    rotation: int = 0
    text_layer: Literal["born_digital", "ocr", "decoded"] = "born_digital"
    """``decoded``: the text layer with its garbled fonts' glyphs recognised in place (extract/glyphs)."""
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


def check_schema_version(d: dict[str, Any]) -> str:
    """The document.json's ``schema_version`` when this code reads it; else :class:`SchemaVersionError`.

    Checked before any other key, so a newer contract is named as such instead of failing on a key it renamed.
    """
    found = d.get("schema_version")
    if found not in READABLE_SCHEMA_VERSIONS:
        raise SchemaVersionError(found, SCHEMA_VERSION)
    return str(found)


_PARTS: dict[str, type] = {
    "outline": OutlineNode,
    "paragraphs": Paragraph,
    "sidebars": Sidebar,
    "tables": Table,
    "indicators": Indicator,
    "duties": Duty,
    "warnings": DocWarning,
}
"""The record type of each list of a document.json."""
_NESTED: dict[type, tuple[str, type]] = {
    Sidebar: ("items", SidebarItem),
    Table: ("cells", Cell),
    Indicator: ("values", Value),
    Duty: ("deadline", Deadline),
}
"""The one field of a record that holds records (a list, or a single record that may be null)."""


def _record(cls: type, d: dict[str, Any]) -> Any:
    """One record of a document.json: its nested records rebuilt, its boxes back to tuples."""
    kwargs = dict(d)
    if cls in _NESTED:
        name, sub = _NESTED[cls]
        value = kwargs.get(name)
        if isinstance(value, list):
            kwargs[name] = [_record(sub, v) for v in value]
        elif name in kwargs:
            kwargs[name] = _record(sub, value) if value else None
    if kwargs.get("bbox") is not None:
        kwargs["bbox"] = _bbox(kwargs["bbox"])
    if "bboxes" in kwargs:
        kwargs["bboxes"] = [(page, _bbox(box)) for page, box in kwargs["bboxes"]]
    return cls(**kwargs)


def document_from_dict(d: dict[str, Any]) -> Document:
    """Inverse of :func:`to_jsonable` for a document.json (used by ``diff``, ``review`` and tests)."""
    version = check_schema_version(d)
    src = d["source"]
    meta = d.get("meta") or {}
    parts = {key: [_record(cls, r) for r in d.get(key, [])] for key, cls in _PARTS.items()}
    return Document(
        schema_version=version,
        source=Source(src["file"], src["sha256"], src["pages"], src.get("text_layer", "born_digital")),
        meta=Meta(**{f.name: meta[f.name] for f in fields(Meta) if f.name in meta}),
        **parts,
    )


# ------------------------------------------------------------------------------------- cross-references


def _unique_ids(kind: str, ids: Iterable[str], problems: list[str]) -> set[str]:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            problems.append(f"{kind} id {i!r} is repeated")
        seen.add(i)
    return seen


def _dangling(refs: Iterable[tuple[str, str | None]], ids: set[str], target: str) -> list[str]:
    """``owner → ref`` pairs whose ref is set but names no ``target`` id."""
    return [f"{who} → {ref!r}: no such {target}" for who, ref in refs if ref is not None and ref not in ids]


def _outline_problems(outline: list[OutlineNode]) -> list[str]:
    """A heading's parent is a heading printed before it (the outline is in reading order)."""
    earlier: set[str] = set()
    problems = []
    for node in outline:
        if node.parent is not None and node.parent not in earlier:
            problems.append(f"{node.id}.parent → {node.parent!r}: no such earlier heading")
        earlier.add(node.id)
    return problems


def reference_problems(doc: Document) -> list[str]:
    """Every id that is repeated or that a record points at without the document having it."""
    problems: list[str] = []
    sections = _unique_ids("outline", (o.id for o in doc.outline), problems)
    tables = _unique_ids("table", (t.id for t in doc.tables), problems)
    for kind, records in (("sidebar", doc.sidebars), ("indicator", doc.indicators), ("duty", doc.duties)):
        _unique_ids(kind, (r.id for r in records), problems)
    problems += _outline_problems(doc.outline)
    paragraphs = ((f"paragraph@p{p.page}.section", p.section) for p in doc.paragraphs)
    problems += _dangling(paragraphs, sections, "heading")
    problems += _dangling(((f"{b.id}.section", b.section) for b in doc.sidebars), sections, "heading")
    problems += _dangling(((f"{b.id}.tables", t) for b in doc.sidebars for t in b.tables), tables, "table")
    problems += _dangling(((f"{t.id}.section", t.section) for t in doc.tables), sections, "heading")
    problems += _dangling(((f"{i.id}.table", i.table) for i in doc.indicators), tables, "table")
    problems += _dangling(((f"{u.id}.table", u.table) for u in doc.duties), tables, "table")
    problems += _dangling(((f"{u.id}.section", u.section) for u in doc.duties), sections, "heading")
    return problems


def check_references(doc: Document) -> None:
    """Refuse a document whose records point at ids it lacks: a bug of the stage that built it.

    Called before a document.json is written, so the file never holds a dangling ``table``/``section``.
    """
    problems = reference_problems(doc)
    if problems:
        shown = "; ".join(problems[:5]) + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else "")
        raise DocumentReferenceError(f"{doc.source.file}: broken cross-reference(s): {shown}")
