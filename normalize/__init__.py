"""Raw extraction → clean document: tables merged across pages, outline, paragraphs, sidebars, values.

Pure functions only: nothing here opens a PDF.  Public entry point: :func:`normalize_document`.
"""

from __future__ import annotations

from .document import normalize_document

__all__ = ["normalize_document"]
