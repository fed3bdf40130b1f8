"""The normalize stage as one function: RawDocument → Document.

Each sub-stage runs on its own: when one fails on an unusual document, the rest of the document is still
produced and the failure becomes a warning with its stage (the document is then ``partial``),
never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from policy_extract.core.geometry import round_bbox
from policy_extract.core.model import (
    STAGE_FAILED,
    Document,
    DocWarning,
    RawDocument,
    RawTable,
    Sidebar,
    Source,
    Table,
)

from .settings import LayoutSettings, ParagraphSettings
from .tables import build_tables, quality_warnings

log = logging.getLogger(__name__)
T = TypeVar("T")


def _guarded(stage: str, warnings: list[DocWarning], fallback: T, fn: Callable[[], T]) -> T:
    try:
        return fn()
    except Exception as exc:
        log.debug("stage %s failed", stage, exc_info=True)
        warnings.append(DocWarning(STAGE_FAILED, f"{stage}: {type(exc).__name__}: {exc}", None, stage))
        return fallback


def text_layer(raw: RawDocument) -> str:
    kinds = {p.text_layer for p in raw.pages}
    if len(kinds) == 1:
        return kinds.pop()  # born_digital, ocr or decoded
    return "mixed" if kinds else "born_digital"


def renumber_tables(tables: list[Table], sidebars: list[Sidebar]) -> list[Table]:
    """Give the final tables ids t1… in order, and keep sidebar references pointing at the same tables."""
    mapping = {t.id: f"t{i}" for i, t in enumerate(tables, start=1)}
    for t in tables:
        t.id = mapping[t.id]
    for s in sidebars:
        s.tables = [mapping[x] for x in s.tables if x in mapping]
    return tables


def fragments_of(raw: RawDocument, table: Table) -> list[RawTable]:
    """The raw per-page fragments a merged table was built from (matched by page and box)."""
    wanted = set(table.bboxes)
    return [f for p in raw.pages for f in p.tables if (f.page, round_bbox(f.bbox)) in wanted]


def normalize_document(
    raw: RawDocument, *, layout: LayoutSettings | None = None, paragraphs: ParagraphSettings | None = None
) -> Document:
    """The clean document of ``raw``; ``layout`` tunes furniture removal, ``paragraphs`` paragraph breaks."""
    from .duties import build_duties
    from .indicators import build_indicators
    from .structure import build_structure

    warnings: list[DocWarning] = list(raw.warnings)
    doc = Document(source=Source(raw.file, raw.sha256, len(raw.pages), text_layer(raw)))  # type: ignore[arg-type]
    tables = _guarded("normalize.tables", warnings, [], lambda: build_tables(raw))
    structure = _guarded(
        "normalize.structure", warnings, None, lambda: build_structure(raw, tables, layout, paragraphs)
    )
    if structure is not None:
        doc.meta, doc.outline, doc.paragraphs = structure.meta, structure.outline, structure.paragraphs
        doc.sidebars, tables = structure.sidebars, structure.tables
        warnings.extend(structure.warnings)
    doc.tables = renumber_tables(tables, doc.sidebars)
    for t in doc.tables:
        warnings.extend(
            _guarded("normalize.quality", warnings, [], lambda t=t: quality_warnings(t, fragments_of(raw, t)))
        )
    doc.indicators = _guarded("normalize.indicators", warnings, [], lambda: build_indicators(doc))
    doc.duties = _guarded("normalize.duties", warnings, [], lambda: build_duties(doc))
    doc.warnings = warnings
    return doc
