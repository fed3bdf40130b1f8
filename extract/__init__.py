"""PDF → pages, text lines, ruled/boxed regions and raw tables.

``extract`` knows nothing about indicators or duties: it reports what is printed and where.
Public entry point: :func:`extract_document`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .document import extract_document

__all__ = ["extract_document"]


def __getattr__(name: str) -> Any:
    """``extract_document`` loads the stage (and its PDF libraries) on first use: importing the settings or
    the package alone (an unchanged rerun, ``--help``) loads none of it."""
    if name == "extract_document":
        from .document import extract_document

        return extract_document
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
