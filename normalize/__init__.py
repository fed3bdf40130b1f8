"""Raw extraction → clean document: tables merged across pages, outline, paragraphs, sidebars, values.

Pure functions only: nothing here opens a PDF.  Public entry point: :func:`normalize_document`, imported on
first use, so that the settings (``normalize.layout``, ``normalize.paragraphs``) load without every stage's
grammars (what an unchanged rerun needs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .document import normalize_document

__all__ = ["normalize_document"]


def __getattr__(name: str) -> Any:
    if name == "normalize_document":
        from .document import normalize_document

        return normalize_document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
