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


WARM_MODULES: tuple[str, ...] = (
    "policy_extract.batch.task", "policy_extract.settings",
    "policy_extract.extract.document", "policy_extract.extract.pdf", "policy_extract.extract.glyphs",
    "policy_extract.extract.borderless", "pdfplumber",
    "policy_extract.normalize", "policy_extract.normalize.document", "policy_extract.normalize.structure",
    "policy_extract.normalize.duties",
    "policy_extract.outputs.csvio", "policy_extract.outputs.manifest", "policy_extract.outputs.schema",
    "policy_extract.outputs.schemacheck",
)  # fmt: skip
"""What a batch worker imports for a born-digital document on the default settings, besides the page source
(``tests/test_startup.py`` checks that a document after :func:`warm_up` loads no more of the package or of a
PDF library)."""


def warm_up(page_source: str | None = None) -> None:
    """Import what processing a born-digital document needs, and read the common-character table and the
    document schema's quick test, before there is a document: a worker started early
    (:mod:`policy_extract.batch.spawn`) does it while the batch parent gets ready.  ``page_source``: its name
    (``None``: the settings' default).  Only a head start: a module that fails to load is left to the job."""
    from contextlib import suppress
    from importlib import import_module

    for name in WARM_MODULES:
        with suppress(Exception):  # the job imports (and reports) it again
            import_module(name)
    with suppress(Exception):
        from policy_extract.extract.registry import PAGE_SOURCES, load
        from policy_extract.extract.settings import ExtractSettings

        load(PAGE_SOURCES, page_source or ExtractSettings().page_source)
    with suppress(Exception):  # the tables a document reads once per process
        from policy_extract.extract.textlayer import common_chars
        from policy_extract.outputs import schema

        common_chars()
        schema._quick(schema.DOCUMENT_SCHEMA)


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
