"""The extract stage's backends by name: page sources, table finders, OCR engines (camelot's ``PARSERS``).

Settings name the backends (``ExtractSettings.table_finders``, ``OcrSettings.engine``) and are validated
against these tables when they are made.  A built-in backend is listed as ``"module:attribute"`` and imported
only when a page needs it, so naming the OCR engine loads neither numpy nor onnxruntime.  A new finder or
engine is one module and one line here; a test or a plugin registers its own object with ``register_*``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

Backend = str | Callable[..., Any]
"""``"package.module:attribute"`` (imported on first use) or the class/factory itself."""

TABLE_FINDERS: dict[str, Backend] = {
    "lattice": f"{__package__}.cells:LatticeFinder",
    "rules": f"{__package__}.hrules:HorizontalRulesFinder",
    "borderless": f"{__package__}.borderless:BorderlessFinder",
}
"""Table finders (:class:`~policy_extract.extract.finders.TableFinder` subclasses), run in the order named."""

PAGE_SOURCES: dict[str, Backend] = {
    "pdfium": f"{__package__}.sources.pdfium_source:PdfiumDocument",
    "pdfminer": f"{__package__}.sources.pdfminer_source:PdfminerDocument",
}
"""Where a page's characters and rules come from (:mod:`~policy_extract.extract.sources`): callables taking
``(path, password)`` and returning a document whose ``pages()`` are
:class:`~policy_extract.extract.sources.SourcePage`."""

OCR_ENGINES: dict[str, Backend] = {
    "rapidocr": f"{__package__}.rapidocr_engine:RapidOcrEngine",
}
"""OCR engines: factories taking :class:`~policy_extract.extract.settings.OcrSettings` and returning an
:class:`~policy_extract.extract.engines.OcrEngine`."""


def register_table_finder(name: str, finder: Backend) -> None:
    """Make ``finder`` selectable as ``ExtractSettings(table_finders=(..., name))``."""
    TABLE_FINDERS[name] = finder


def register_ocr_engine(name: str, factory: Backend) -> None:
    """Make ``factory`` selectable as ``OcrSettings(engine=name)`` (tests inject a fake engine this way)."""
    OCR_ENGINES[name] = factory


def check_ocr_engine(name: str) -> None:
    """Raise ``ImportError`` (with the fix) when the OCR engine ``name`` cannot run in this environment.

    Called once in the batch's parent before any document starts, so a missing engine is a configuration
    error, never a ``no_text`` result per document.  The engine's factory is imported (cheap: models load on
    first use); when it has a ``check_available`` callable, that checks its heavy dependencies too.
    """
    factory = load(OCR_ENGINES, name)
    check = getattr(factory, "check_available", None)
    if callable(check):
        check()


def load(registry: dict[str, Backend], name: str) -> Any:
    """The backend registered under ``name``, imported now if it was listed by its module path."""
    backend = registry[name]
    if isinstance(backend, str):
        module, _, attribute = backend.partition(":")
        backend = getattr(importlib.import_module(module), attribute)
    return backend
