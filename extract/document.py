"""The extract stage: one pass over a PDF through its page source, one `PageContent` per page."""

from __future__ import annotations

from collections.abc import Set
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy_extract.core.digest import sha256_of
from policy_extract.core.errors import CorruptPDFError, NoTextError, PolicyExtractError
from policy_extract.core.model import DocWarning, PageContent, RawDocument

from .charts import drawn_chart_areas, page_drawings
from .damage import content_cut, damage_warnings
from .hrules import band_keys
from .page import page_content
from .pdf import root_cause
from .registry import PAGE_SOURCES, load
from .settings import DEFAULT_OCR_MODE, OCR_MODES, ExtractSettings
from .textlayer import valid_unicode_chars

if TYPE_CHECKING:
    from .glyphs import GlyphDecoder
    from .ocr import PageImages
    from .sources import SourcePage

__all__ = ["content_cut", "damage_warnings", "extract_document", "extract_page", "read_page"]



def extract_document(path: str | Path, *, password: str | None = None,
                     settings: ExtractSettings | None = None, ocr: str = DEFAULT_OCR_MODE) -> RawDocument:
    """Every page of the PDF: text lines outside tables, ruled/borderless tables, frames and rules.

    ``ocr``: ``auto`` reads pages without a usable text layer (scans, fonts without a Unicode map) with OCR,
    ``force`` reads every page with OCR, ``off`` never does (an image-only PDF then fails with ``no_text``).
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
    settings = settings or ExtractSettings()
    source = load(PAGE_SOURCES, settings.page_source)(path, password)
    reader = Scans(path, password, settings)
    warnings: list[DocWarning] = []
    try:
        pages: list[PageContent] = []
        running: set[str] = set()  # texts in the top band of the pages read so far (their running headers)
        for page in source.pages():
            pages.append(read_page(page, reader, ocr, settings, warnings, running))
            running |= band_keys(pages[-1])
    finally:
        source.close()
        reader.close()
    empty = [p.number for p in pages if not p.lines and not p.tables]
    if ocr == "off" and pages and len(empty) == len(pages):
        raise NoTextError(
            f"{Path(path).name} has no text layer (a scanned or image-only PDF) and OCR is off; "
            "run it with `--ocr auto` to read it with OCR."
        )
    warnings += [DocWarning("no_text", f"page {n} has no text", n, "extract") for n in empty]
    return RawDocument(file=Path(path).name, sha256=sha256_of(path), pages=pages, warnings=warnings)


class Scans:
    """The document's pages read through OCR; numpy, OpenCV, the renderer and the OCR engine load with the
    first page that needs them, so a born-digital document never imports them."""

    def __init__(self, path: str | Path, password: str | None, settings: ExtractSettings) -> None:
        self.path, self.password, self.settings = path, password, settings
        self._images: PageImages | None = None
        self._glyphs: GlyphDecoder | None = None

    def decode(self, page: Any, warnings: list[DocWarning],
               running: Set[str] = frozenset()) -> PageContent | None:
        """The page with its garbled fonts decoded glyph by glyph (:mod:`.glyphs`), None when none is;
        ``running`` as :func:`extract_page` takes it."""
        from .glyphs import GlyphDecoder, decoded_page

        self._glyphs = self._glyphs or GlyphDecoder(self.path, self.password, self.settings.ocr)
        return decoded_page(page, self._glyphs, self.settings, warnings, running)

    def read(self, page: Any) -> PageContent:
        from . import scanned

        if self._images is None:
            self._images = scanned.PageImages(self.path, self.password, self.settings.ocr)
        return scanned.ocr_page(page, self._images, self.settings)

    def close(self) -> None:
        if self._images is not None:
            self._images.close()
        if self._glyphs is not None:
            self._glyphs.close()


def read_page(page: SourcePage, reader: Scans, mode: str, settings: ExtractSettings,
              warnings: list[DocWarning], running: Set[str] = frozenset()) -> PageContent:
    """One page from its text layer, or through OCR when ``mode`` says so or its text layer is unusable;
    ``running``: the texts in the top band of the pages before (:attr:`.finders.PageTables.running`)."""
    if mode != "force":
        page = page.resolve()
        warnings += page.damage()
    replaced = valid_unicode_chars(page.chars) if mode != "force" else 0
    if replaced:
        warnings.append(DocWarning("invalid_unicode", f"page {page.page_number}: {replaced} character(s) "
                                   "the PDF maps to no valid Unicode replaced by U+FFFD", page.page_number,
                                   "extract"))
    if mode == "auto" and (decoded := reader.decode(page, warnings, running)) is not None:
        return decoded
    check = page.layer_check() if mode != "force" else None
    if check is not None and check.kind == "garbled":
        what = "read with OCR" if mode == "auto" else "kept as printed; use `--ocr auto` to read it"
        warnings.append(DocWarning("garbled_text_layer", f"page {page.page_number}: {check.reason()}; {what}",
                                page.page_number, "extract"))
    if mode == "force" or (mode == "auto" and check is not None and check.needs_ocr):
        try:
            return reader.read(page)
        finally:
            page.close()
    return extract_page_safely(page, settings, running)


def extract_page_safely(page: SourcePage, settings: ExtractSettings,
                        running: Set[str] = frozenset()) -> PageContent:
    """`extract_page`, with a parser failure inside the page reported as a corrupt PDF naming the page."""
    try:
        return extract_page(page, settings, running)
    except PolicyExtractError:
        raise
    except Exception as exc:  # the parsers raise many types on damaged content streams
        cause = root_cause(exc)
        raise CorruptPDFError(
            f"page {page.page_number} cannot be parsed ({type(cause).__name__}: {cause}); "
            "the file is damaged — re-download it or repair it with `qpdf in.pdf repaired.pdf`.",
            page=page.page_number,
        ) from exc
    finally:
        page.close()  # drops the page's caches so long documents stay within memory


def extract_page(page: SourcePage, settings: ExtractSettings, running: Set[str] = frozenset()) -> PageContent:
    """A page from its text layer: the source's characters and drawn rules.  ``running``: the keys of the
    lines in the top band of the pages before (:attr:`.finders.PageTables.running`); without them (the debug
    overlay, which reads one page) a three-line table's continuation allows one running line above it."""
    chars = page.chars
    charts = drawn_chart_areas(*page_drawings(page), chars)
    return page_content(page.page_number, (page.width, page.height), page.rotation, chars,
                        page.segments(settings), settings, charts=charts, running=running)
