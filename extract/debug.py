"""A picture of what the table finder saw on one page (``policy-extract debug PDF --page N``).

The page is rendered with pypdfium2; drawn over it: rules (red), grid cells with ``row,col r×c`` labels and
table ids (blue; borderless tables dashed-looking in orange), frames (green) and text line boxes (grey).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from policy_extract.core.errors import UsageError
from policy_extract.core.model import BBox, PageContent

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
        draw.text((x0, max(top - 12, 0)), f"table {t_index} ({table.method} {table.n_rows}x{table.n_cols})",
                  fill=color)
    for rule in page.rules:
        x0, top, x1, bottom = scaled(rule.bbox, scale)
        draw.line((x0, top, x1, bottom), fill=_RULE, width=2)
