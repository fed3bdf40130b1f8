"""The extract stage: one pass over a PDF with pdfplumber, one `PageContent` per page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from policy_extract.errors import CorruptPDFError, PolicyExtractError
from policy_extract.model import Frame, PageContent, RawDocument, RawTable, Warning

from .borderless import find_borderless
from .cells import non_empty_cells, raw_table, split_chars
from .frames import frames_from_grids, is_frame
from .lattice import Grid, find_grids
from .lines import Char, TextRow, char_rows, make_line
from .pdf import open_pdf, root_cause, sha256_of
from .rules import page_segments, to_rules
from .settings import ExtractSettings

DEFAULT_MIN_FILLED_CELLS = 2
"""A grid with fewer cells holding text is decoration (or a box), not a data table."""


def extract_document(path: str | Path, *, password: str | None = None,
                     settings: ExtractSettings | None = None) -> RawDocument:
    """Every page of the PDF: text lines outside tables, ruled/borderless tables, frames and rules."""
    settings = settings or ExtractSettings()
    pdf = open_pdf(path, password)
    try:
        pages = [extract_page_safely(page, settings) for page in pdf.pages]
    finally:
        pdf.close()
    warnings = [Warning("no_text", f"page {p.number} has no text layer", p.number, "extract")
                for p in pages if not p.lines and not p.tables]
    return RawDocument(file=Path(path).name, sha256=sha256_of(path), pages=pages, warnings=warnings)


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
    number = page.page_number
    segs = page_segments(page, settings)
    grids = find_grids(segs, settings)
    frame_grids = [g for g in grids if is_frame(g)]
    table_grids = [g for g in grids if not is_frame(g) and len(g.cells) > 1]
    tables, rest = lattice_tables(page.chars, table_grids, number, settings)
    rows = char_rows(rest, settings)
    if settings.borderless:
        borderless, used = find_borderless(outside_tables(rows, tables), number, settings)
        consumed = {id(r) for r in used}
        rows = [r for r in rows if id(r) not in consumed]
        tables += borderless
    tables.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
    return PageContent(
        number=number,
        width=float(page.width),
        height=float(page.height),
        rotation=int(page.rotation or 0) % 360,
        text_layer="born_digital",
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
