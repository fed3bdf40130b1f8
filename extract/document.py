"""The extract stage: one pass over a PDF with pdfplumber, one `PageContent` per page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

from policy_extract.core.digest import sha256_of
from policy_extract.core.errors import CorruptPDFError, NoTextError, PolicyExtractError
from policy_extract.core.model import DocWarning, Frame, PageContent, RawDocument, RawTable

from .borderless import find_borderless
from .cells import non_empty_cells, raw_table, split_chars
from .frames import frames_from_grids, is_frame
from .image_tables import dash_cells, empty_cell_reads, image_segments, off_rules
from .lattice import Grid, find_grids
from .lines import Char, TextRow, char_rows, lines_from_chars, make_line
from .ocr import (
    OcrLine,
    PageImages,
    deskew,
    fix_page_number,
    page_chars,
    read_crop,
    recognise,
    spread_chars,
)
from .pdf import open_pdf, root_cause
from .rules import Segment, page_segments, to_rules
from .settings import ExtractSettings
from .textlayer import check_page

OCR_MODES = ("auto", "off", "force")
DEFAULT_OCR_MODE = "auto"
DEFAULT_MIN_FILLED_CELLS = 2
"""A grid with fewer cells holding text is decoration (or a box), not a data table."""


def extract_document(path: str | Path, *, password: str | None = None,
                     settings: ExtractSettings | None = None, ocr: str = DEFAULT_OCR_MODE) -> RawDocument:
    """Every page of the PDF: text lines outside tables, ruled/borderless tables, frames and rules.

    ``ocr``: ``auto`` reads pages without a usable text layer (scans, fonts without a Unicode map) with OCR,
    ``force`` reads every page with OCR, ``off`` never does (an image-only PDF then fails with ``no_text``).
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
    settings = settings or ExtractSettings()
    pdf = open_pdf(path, password)
    reader = PageImages(path, password, settings.ocr)
    warnings: list[DocWarning] = []
    try:
        pages = [read_page(page, reader, ocr, settings, warnings) for page in pdf.pages]
    finally:
        pdf.close()
        reader.close()
    empty = [p.number for p in pages if not p.lines and not p.tables]
    if ocr == "off" and pages and len(empty) == len(pages):
        raise NoTextError(
            f"{Path(path).name} has no text layer (a scanned or image-only PDF) and OCR is off; "
            "run it with `--ocr auto` to read it with OCR."
        )
    warnings += [DocWarning("no_text", f"page {n} has no text", n, "extract") for n in empty]
    return RawDocument(file=Path(path).name, sha256=sha256_of(path), pages=pages, warnings=warnings)


def read_page(page: Any, reader: PageImages, mode: str, settings: ExtractSettings,
              warnings: list[DocWarning]) -> PageContent:
    """One page from its text layer, or through OCR when ``mode`` says so or its text layer is unusable."""
    check = check_page(page) if mode != "force" else None
    if check is not None and check.kind == "garbled":
        what = "read with OCR" if mode == "auto" else "kept as printed; use `--ocr auto` to read it"
        warnings.append(DocWarning("garbled_text_layer", f"page {page.page_number}: {check.reason()}; {what}",
                                page.page_number, "extract"))
    if mode == "force" or (mode == "auto" and check is not None and check.needs_ocr):
        try:
            return ocr_page(page, reader, settings)
        finally:
            page.close()
    return extract_page_safely(page, settings)


def ocr_page(page: Any, reader: PageImages, settings: ExtractSettings) -> PageContent:
    """A page read from its image: deskewed, recognised, ruled tables found in the pixels."""
    img, _angle = deskew(reader.render(page.page_number - 1), settings.ocr.max_skew)
    lines = recognise(img, settings.ocr)
    scale = float(page.width) / img.shape[1]  # PDF points per pixel
    segs = image_segments(img, lines, scale, settings)
    chars = off_rules(page_chars(lines, img, scale), segs, settings.snap_tolerance)
    content = page_content(page.page_number, (float(page.width), float(page.height)),
                           int(page.rotation or 0), chars, segs, settings, text_layer="ocr")
    for table in content.tables:
        fill_empty_cells(img, table, scale, settings)
        dash_cells(table)
    content.lines = [replace(ln, text=fix_page_number(ln.text)) for ln in content.lines]
    return content


def fill_empty_cells(img: Any, table: RawTable, scale: float, settings: ExtractSettings) -> None:
    """Cells holding a mark too small for the line detector (``—``, ``%``) get it read on its own."""
    for cell, text, box in empty_cell_reads(img, table, scale, lambda crop: read_crop(crop, settings.ocr)):
        line = OcrLine(text, 1.0, tuple(float(v) for v in box), spread_chars(text, box))
        cell.lines = lines_from_chars(page_chars([line], img, scale), cell.page, settings)


def extract_page_safely(page: Any, settings: ExtractSettings) -> PageContent:
    """`extract_page`, with a parser failure inside the page reported as a corrupt PDF naming the page."""
    try:
        return extract_page(page, settings)
    except PolicyExtractError:
        raise
    except Exception as exc:  # pdfminer raises many types on damaged content streams
        cause = root_cause(exc)
        raise CorruptPDFError(
            f"page {page.page_number} cannot be parsed ({type(cause).__name__}: {cause}); "
            "the file is damaged — re-download it or repair it with `qpdf in.pdf repaired.pdf`.",
            page=page.page_number,
        ) from exc
    finally:
        page.close()  # drops pdfplumber's per-page caches so long documents stay within memory


def extract_page(page: Any, settings: ExtractSettings) -> PageContent:
    size = (float(page.width), float(page.height))
    return page_content(page.page_number, size, int(page.rotation or 0), page.chars,
                        page_segments(page, settings), settings)


def page_content(number: int, size: tuple[float, float], rotation: int, chars: list[Char],
                 segs: list[Segment], settings: ExtractSettings,
                 text_layer: Literal["born_digital", "ocr"] = "born_digital") -> PageContent:
    """Lines, tables and frames of a page from its characters and ruling segments (text layer or OCR)."""
    grids = find_grids(segs, settings)
    frame_grids = [g for g in grids if is_frame(g)]
    table_grids = [g for g in grids if not is_frame(g) and len(g.cells) > 1]
    tables, rest = lattice_tables(chars, table_grids, number, settings)
    rows = char_rows(rest, settings)
    if settings.borderless:
        borderless, used = find_borderless(outside_tables(rows, tables), number, settings)
        consumed = {id(r) for r in used}
        rows = [r for r in rows if id(r) not in consumed]
        tables += borderless
    tables.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
    if text_layer == "ocr":
        for table in tables:
            table.method = "image"
    return PageContent(
        number=number,
        width=size[0],
        height=size[1],
        rotation=rotation % 360,
        text_layer=text_layer,
        lines=[make_line(r.chars, number, settings, r.overprinted) for r in rows],
        tables=tables,
        frames=frames_from_grids(frame_grids, number) + frames_of_empty_grids(table_grids, tables, number),
        rules=to_rules(segs, number),
    )


def lattice_tables(chars: list[Char], grids: list[Grid], number: int,
                   settings: ExtractSettings) -> tuple[list[RawTable], list[Char]]:
    """Ruled tables with their cell text, and the characters printed outside every table."""
    per_grid, outside = split_chars(chars, grids)
    tables: list[RawTable] = []
    for grid, cell_chars in zip(grids, per_grid, strict=True):
        if non_empty_cells(cell_chars) >= DEFAULT_MIN_FILLED_CELLS:
            tables.append(raw_table(grid, cell_chars, number, settings))
        else:  # decoration: its text belongs to the page
            outside += [c for chars in cell_chars for c in chars]
    return tables, outside


def frames_of_empty_grids(grids: list[Grid], tables: list[RawTable], number: int) -> list[Frame]:
    """A closed multi-cell grid with text in only one cell (a box with a ruled title bar) is a frame."""
    kept = {t.bbox for t in tables}
    out = []
    for grid in grids:
        box = frames_from_grids([Grid(grid.xs, grid.ys, grid.cells[:1], [], grid.closed)], number)
        if grid.closed and box and box[0].bbox not in kept:
            out += box
    return out


def outside_tables(rows: list[TextRow], tables: list[RawTable]) -> list[TextRow]:
    """Rows beside no ruled table: space-aligned tables are looked for only where no ruled grid exists."""
    return [r for r in rows if not any(t.bbox[1] <= (r.top + r.bottom) / 2 <= t.bbox[3] for t in tables)]
