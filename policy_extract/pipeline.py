"""One PDF → one :class:`~policy_extract.core.model.Document`: the extract stage, then the normalize stage.

Both stages are imported when first used, so importing this module (and ``--help``) stays fast.  Each stage
gets its own sections of the :class:`~policy_extract.settings.PipelineSettings` as arguments.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from .core.errors import CorruptPDFError, NoTextError, PolicyExtractError

if TYPE_CHECKING:  # pragma: no cover
    from policy_extract.extract.document import PagePiece

    from .core.model import Document, RawDocument
    from .settings import PipelineSettings

T = TypeVar("T")


def process_pdf(
    path: str,
    *,
    settings: PipelineSettings | Mapping[str, Any] | None = None,
    password: str | None = None,
) -> Document:
    """Extract and normalize one PDF.

    ``settings``: ``None`` (the defaults), a dict merged over them, or a ``PipelineSettings``; bad ones raise
    :class:`~policy_extract.core.errors.SettingsError` before the file is opened.  Errors are the stages'
    own (:mod:`policy_extract.core.errors`); the batch runner records them.
    """
    from .settings import PipelineSettings

    resolved = PipelineSettings.resolve(settings)
    return normalized(extract_classified(str(path), password, resolved), resolved)


def normalized(raw: RawDocument, settings: PipelineSettings) -> Document:
    """The normalize stage of an extracted document (which must have text)."""
    from policy_extract.normalize import normalize_document

    check_has_text(raw, settings.ocr)
    return normalize_document(raw, layout=settings.layout, paragraphs=settings.paragraphs)


def extract_classified(path: str, password: str | None, settings: PipelineSettings) -> RawDocument:
    """The extract stage, with a parser error it let through reported as a damaged PDF (``corrupt``).

    The extractor classifies what it expects (opening, each page); a parser can still fail elsewhere on a
    damaged file (a font dictionary read lazily), and that is the file's fault, not a bug of ours.
    """
    from policy_extract.extract import extract_document

    return classified(path, password, lambda: extract_document(path, password=password,
                                                                settings=settings.extract, ocr=settings.ocr))


def extract_piece(path: str, first: int, last: int, *, password: str | None,
                  settings: PipelineSettings) -> PagePiece:
    """Pages ``first``..``last`` of the extract stage (a long document shared among workers:
    :mod:`policy_extract.batch.split`), with errors classified as :func:`extract_classified` does."""
    from policy_extract.extract.document import extract_pages

    def pages() -> PagePiece:
        return extract_pages(path, password=password, settings=settings.extract, ocr=settings.ocr,
                             first=first, last=last)

    return classified(path, password, pages)


def process_pieces(path: str, *, pieces: Callable[[], list[PagePiece]], password: str | None = None,
                   settings: PipelineSettings | Mapping[str, Any] | None = None) -> Document:
    """:func:`process_pdf` of a document whose extract stage ran in pieces that cover its pages in order
    (``pieces`` loads them), each :attr:`~policy_extract.extract.document.PagePiece.alone`: the same
    Document."""
    from policy_extract.extract.document import joined_document

    from .settings import PipelineSettings

    resolved = PipelineSettings.resolve(settings)
    return normalized(joined_document(path, pieces(), resolved.ocr), resolved)


def classified(path: str, password: str | None, extract: Callable[[], T]) -> T:
    """``extract()``, with a parser error it let through raised as the damaged PDF it shows."""
    from policy_extract.extract.pdf import classify_open_error, is_parser_error

    try:
        return extract()
    except PolicyExtractError:
        raise
    except Exception as exc:
        if is_parser_error(exc):
            raise classify_open_error(path, exc, password) from exc
        raise


def check_has_text(raw: RawDocument, ocr: str) -> None:
    """Raise :class:`NoTextError` when no page has any text (a scan without OCR gives no data at all), and
    :class:`CorruptPDFError` when there is no page at all."""
    if any(page.lines or page.tables for page in raw.pages):
        return
    pages = len(raw.pages)
    if pages == 0:  # an empty or broken page tree: no reader gets anything from it, OCR included
        raise CorruptPDFError(
            "it opens but its page tree holds no page (damaged or cut short); re-download it, or try "
            "`qpdf in.pdf repaired.pdf`"
        )
    if ocr == "off":
        hint = "it looks scanned (image-only); run it with --ocr auto to read it with OCR"
    else:
        hint = "OCR found no text either; check that the pages are not blank and that OCR is installed"
    raise NoTextError(f"none of its {pages} page(s) has a text layer; {hint}")
