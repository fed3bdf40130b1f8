"""PDF → pages, text lines, ruled/boxed regions and raw tables.

``extract`` knows nothing about indicators or duties: it reports what is printed and where.
Public entry point: :func:`extract_document`.
"""

from __future__ import annotations

from .document import extract_document

__all__ = ["extract_document"]
