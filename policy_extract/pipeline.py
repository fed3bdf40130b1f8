"""One PDF → one :class:`~policy_extract.core.model.Document`: the extract stage, then the normalize stage.

Both stages are imported when first used, so importing this module (and ``--help``) stays fast.  Each stage
gets its own sections of the :class:`~policy_extract.settings.PipelineSettings` as arguments.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .core.errors import CorruptPDFError, NoTextError, PolicyExtractError

if TYPE_CHECKING:  # pragma: no cover
    from .core.model import Document, RawDocument
    from .settings import PipelineSettings


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
    from policy_extract.normalize import normalize_document

    from .settings import PipelineSettings

    resolved = PipelineSettings.resolve(settings)
    raw = extract_classified(str(path), password, resolved)
    check_has_text(raw, resolved.ocr)
    return normalize_document(raw, layout=resolved.layout, paragraphs=resolved.paragraphs)


def extract_classified(path: str, password: str | None, settings: PipelineSettings) -> RawDocument:
    """The extract stage, with a parser error it let through reported as a damaged PDF (``corrupt``).

    The extractor classifies what it expects (opening, each page); a parser can still fail elsewhere on a
    damaged file (a font dictionary read lazily), and that is the file's fault, not a bug of ours.
    """
    from policy_extract.extract import extract_document
    from policy_extract.extract.pdf import classify_open_error, is_parser_error

    try:
        return extract_document(path, password=password, settings=settings.extract, ocr=settings.ocr)
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
