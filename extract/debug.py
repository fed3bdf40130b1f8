"""A picture of what the table finder saw on one page (``policy-extract debug PDF --page N``).

The page is rendered with pypdfium2; drawn over it: rules (red), grid cells with ``row,col r×c`` labels
(blue for ruled grids, orange for tables whose columns come from the text), frames (green) and text line
boxes (grey).  Above each table, a label says which method found it and on what evidence
(:func:`table_label`): ``grid`` (the rules ruling its cells), ``rules`` (the horizontal rules, or the outer
frame, with columns from the text), ``alignment`` (no rules: columns from gutters shared by its lines) or
``image`` (a scanned page).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from policy_extract.core.errors import UsageError
from policy_extract.core.model import BBox, PageContent, RawTable, Rule

from .document import extract_page
from .registry import PAGE_SOURCES, load
from .settings import ExtractSettings

DEFAULT_DPI = 100
_RULE, _CELL, _BORDERLESS, _FRAME, _LINE = "#e00000", "#1f4fff", "#ff8c00", "#00a040", "#909090"


def render_debug(pdf_path: str | Path, page_number: int, out_png: str | Path, *,
                 password: str | None = None, settings: ExtractSettings | None = None,
                 dpi: int = DEFAULT_DPI) -> Path:
    """Write the annotated PNG of one page (1-based) and return its path."""
    settings = settings or ExtractSettings()
    content = page_content(pdf_path, page_number, password, settings)
    image = page_image(pdf_path, page_number, password, dpi)
    draw_overlay(image, content, scale=image.width / content.width)
    out = Path(out_png)
    image.save(out)
    return out


def page_content(pdf_path: str | Path, page_number: int, password: str | None,
                 settings: ExtractSettings) -> PageContent:
    source = load(PAGE_SOURCES, settings.page_source)(pdf_path, password)
    try:
        pages = list(source.pages())
        if not 1 <= page_number <= len(pages):
            raise UsageError(f"--page {page_number} is out of range: {pdf_path} has {len(pages)} pages.")
        return extract_page(pages[page_number - 1].resolve(), settings)
    finally:
        source.close()


def page_image(pdf_path: str | Path, page_number: int, password: str | None, dpi: int) -> Image.Image:
    """The page as displayed (rotation applied), RGB."""
    doc = pdfium.PdfDocument(str(pdf_path), password=password)
    try:
        return doc[page_number - 1].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        doc.close()


def scaled(bbox: BBox, scale: float) -> tuple[float, float, float, float]:
    return (bbox[0] * scale, bbox[1] * scale, bbox[2] * scale, bbox[3] * scale)


def draw_overlay(image: Image.Image, page: PageContent, scale: float) -> None:
    draw = ImageDraw.Draw(image, "RGBA")
    for line in page.lines:
        draw.rectangle(scaled(line.bbox, scale), outline=_LINE)
    for frame in page.frames:
        draw.rectangle(scaled(frame.bbox, scale), outline=_FRAME, width=3)
    for t_index, table in enumerate(page.tables, 1):
        color = _CELL if table.method == "lattice" else _BORDERLESS
        for cell in table.cells:
            box = scaled(cell.bbox, scale)
            draw.rectangle(box, outline=color, fill=(31, 79, 255, 18))
            label = f"{cell.row},{cell.col} {cell.rowspan}x{cell.colspan}"
            draw.text((box[0] + 2, box[1] + 1), label, fill=color)
        x0, top, _, _ = scaled(table.bbox, scale)
        draw.text((x0, max(top - 12, 0)), f"table {t_index}: {table_label(table, page.rules)}", fill=color)
    for rule in page.rules:
        x0, top, x1, bottom = scaled(rule.bbox, scale)
        draw.line((x0, top, x1, bottom), fill=_RULE, width=2)


def rules_in(table: RawTable, rules: list[Rule]) -> tuple[int, int]:
    """Horizontal and vertical rules drawn on the table's box (within 2 pt of it)."""
    x0, top, x1, bottom = table.bbox
    inside = [r.bbox for r in rules if r.bbox[0] >= x0 - 2 and r.bbox[2] <= x1 + 2
              and r.bbox[1] >= top - 2 and r.bbox[3] <= bottom + 2]
    h = sum(1 for b in inside if b[2] - b[0] >= b[3] - b[1])
    return h, len(inside) - h


def table_label(table: RawTable, rules: list[Rule]) -> str:
    """Which method found the table and the evidence it went on: ``grid: 6 h-rules, 4 v-rules``, ``rules: 3
    h-rules, 5 text columns``, ``rules: outer frame, 5 text columns``, ``alignment: 5 text columns, no
    rules``, ``image: 4x3 cells read by OCR``."""
    h, v = rules_in(table, rules)
    size = f"{table.n_rows}x{table.n_cols}"
    if table.method == "lattice":
        return f"grid: {h} h-rules, {v} v-rules, {size} cells"
    if table.method == "rules":
        across = "outer frame" if v >= 2 else f"{h} h-rules"
        return f"rules: {across}, {table.n_cols} text columns, {table.n_rows} rows"
    if table.method == "borderless":
        return f"alignment: {table.n_cols} text columns by gutters, {table.n_rows} rows, no rules"
    return f"{table.method}: {size} cells read by OCR"
