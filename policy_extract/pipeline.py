"""One PDF → one :class:`~policy_extract.model.Document`: the extract stage, then the normalize stage.

Both stages are imported when first used, so importing this module (and ``--help``) stays fast.
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Literal

from .errors import UsageError

if TYPE_CHECKING:  # pragma: no cover
    from .model import Document

OcrMode = Literal["auto", "off", "force"]
OCR_MODES: tuple[str, ...] = ("auto", "off", "force")
DEFAULT_OCR: OcrMode = "auto"


def accepts_keyword(func: object, name: str) -> bool:
    """Whether ``func`` takes keyword ``name`` (or ``**kwargs``)."""
    try:
        params = inspect.signature(func).parameters.values()  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return any(p.name == name or p.kind is inspect.Parameter.VAR_KEYWORD for p in params)


def process_pdf(path: str, *, password: str | None = None, ocr: str = DEFAULT_OCR) -> Document:
    """Extract and normalize one PDF.

    ``ocr`` is handed to the extractor only when its ``extract_document`` takes an ``ocr`` keyword, so the
    option starts working the moment the extractor supports it, and never breaks an extractor without it.
    Errors are the stages' own (:mod:`policy_extract.errors`); the batch runner records them.
    """
    if ocr not in OCR_MODES:
        raise UsageError(f"--ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
    from extract import extract_document
    from normalize import normalize_document

    kwargs: dict[str, object] = {"password": password}
    if accepts_keyword(extract_document, "ocr"):
        kwargs["ocr"] = ocr
    raw = extract_document(str(path), **kwargs)
    return normalize_document(raw)
