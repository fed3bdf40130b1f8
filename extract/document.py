"""The extract stage: one pass over a PDF with pdfplumber, one `PageContent` per page."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policy_extract.core.digest import sha256_of
from policy_extract.core.errors import CorruptPDFError, NoTextError, PolicyExtractError
from policy_extract.core.model import STREAM_CUT, DocWarning, PageContent, RawDocument

from .page import page_content
from .pdf import open_pdf, root_cause
from .rules import page_segments
from .settings import ExtractSettings
from .textlayer import check_page, drop_bad_values, valid_unicode_chars

if TYPE_CHECKING:
    from .ocr import PageImages

OCR_MODES = ("auto", "off", "force")
DEFAULT_OCR_MODE = "auto"
_DRAWN_KINDS = ("char", "rect", "line", "curve")
_NESTING = re.compile(rb"(?<![^\s\])>])(BT|ET|q|Q)(?![^\s\[(</])")
"""``BT``/``ET`` (text object) and ``q``/``Q`` (graphics state) operators as tokens, not inside a name."""
_OPERAND_LOGGERS = ("pdfminer.pdfinterp", "pdfminer.pdfdevice")
"""Where pdfminer says it skipped a content-stream operator whose operands are not numbers/strings."""


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
    reader = Scans(path, password, settings)
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


class Scans:
    """The document's pages read through OCR; numpy, OpenCV, the renderer and the OCR engine load with the
    first page that needs them, so a born-digital document never imports them."""

    def __init__(self, path: str | Path, password: str | None, settings: ExtractSettings) -> None:
        self.path, self.password, self.settings = path, password, settings
        self._images: PageImages | None = None

    def read(self, page: Any) -> PageContent:
        from . import scanned

        if self._images is None:
            self._images = scanned.PageImages(self.path, self.password, self.settings.ocr)
        return scanned.ocr_page(page, self._images, self.settings)

    def close(self) -> None:
        if self._images is not None:
            self._images.close()


def read_page(page: Any, reader: Scans, mode: str, settings: ExtractSettings,
              warnings: list[DocWarning]) -> PageContent:
    """One page from its text layer, or through OCR when ``mode`` says so or its text layer is unusable."""
    if mode != "force":
        warnings += damage_warnings(page)
    replaced = valid_unicode_chars(page.chars) if mode != "force" else 0
    if replaced:
        warnings.append(DocWarning("invalid_unicode", f"page {page.page_number}: {replaced} character(s) "
                                   "the PDF maps to no valid Unicode replaced by U+FFFD", page.page_number,
                                   "extract"))
    check = check_page(page) if mode != "force" else None
    if check is not None and check.kind == "garbled":
        what = "read with OCR" if mode == "auto" else "kept as printed; use `--ocr auto` to read it"
        warnings.append(DocWarning("garbled_text_layer", f"page {page.page_number}: {check.reason()}; {what}",
                                page.page_number, "extract"))
    if mode == "force" or (mode == "auto" and check is not None and check.needs_ocr):
        try:
            return reader.read(page)
        finally:
            page.close()
    return extract_page_safely(page, settings)


def damage_warnings(page: Any) -> list[DocWarning]:
    """Contain damage to what it touches: objects with NaN/inf/absurd coordinates are dropped (a warning
    counts them), and a content stream that ends inside a text object (cut short: its /Length or
    compressed data is damaged, so the parser stopped early) is reported.  Both name the page."""
    found: list[DocWarning] = []
    n = page.page_number
    with skipped_operators() as skipped:
        objects = page.objects
    dropped = sum(drop_bad_values(objects.get(kind, [])) for kind in _DRAWN_KINDS)
    if skipped.count:
        found.append(DocWarning("bad_operand", f"page {n}: {skipped.count} drawing or text operator(s) with "
                                "damaged operands skipped, so what they print is missing", n, "extract"))
    if dropped:
        found.append(DocWarning("bad_value", f"page {n}: {dropped} object(s) with a damaged coordinate "
                                "(NaN, infinite or far off any page) left out", n, "extract"))
    if content_cut(page):
        found.append(DocWarning(STREAM_CUT, f"page {n}: its content stream stops before its end (a text "
                                "object or graphics state left open), so what follows the cut is lost; the "
                                "file is damaged — re-download it or repair it with `qpdf in.pdf out.pdf`",
                                n, "extract"))
    return found


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@contextmanager
def skipped_operators() -> Iterator[_Counter]:
    """Count pdfminer's reports of operators it skipped while the page is parsed; they are turned into a
    document warning, so they are held from the terminal meanwhile (the batch silences them anyway)."""
    counter = _Counter()
    saved = [(logging.getLogger(name), logging.getLogger(name).level, logging.getLogger(name).propagate)
             for name in _OPERAND_LOGGERS]
    for logger, _, _ in saved:
        logger.setLevel(logging.WARNING)
        logger.propagate = False
        logger.addHandler(counter)
    try:
        yield counter
    finally:
        for logger, level, propagate in saved:
            logger.removeHandler(counter)
            logger.setLevel(level)
            logger.propagate = propagate


def content_cut(page: Any) -> bool:
    """Whether the page's content ends with a text object or a saved graphics state left open (``BT`` with
    no ``ET`` after it, more ``q`` than ``Q``): the stream stopped before its end.  No clean page of the
    samples and corpora (823 pages) leaves either open."""
    try:
        data = b"\n".join(stream.get_data() for stream in page.page_obj.contents)
    except Exception:  # a stream that cannot be decoded fails the page parse itself, named there
        return False
    last_text, depth = None, 0
    for match in _NESTING.finditer(data):
        token = match.group(1)
        if token in (b"BT", b"ET"):
            last_text = token
        else:
            depth += 1 if token == b"q" else -1
    return last_text == b"BT" or depth > 0


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
    """A page from its text layer: pdfplumber's characters and drawn rules (the debug overlay uses it)."""
    size = (float(page.width), float(page.height))
    return page_content(page.page_number, size, int(page.rotation or 0), page.chars,
                        page_segments(page, settings), settings)
