"""Work announced while a document is processed, so the batch can size its time limit to the document.

The extract stage calls :func:`announce` when it starts a page that costs more than a text-layer page (a page
read with OCR); the batch (:mod:`policy_extract.batch.budget`) listens while it runs one document and extends
that document's time limit, and names the page when the limit is reached.  Outside a batch nobody listens
and :func:`announce` does nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

Listener = Callable[[str, int], None]
"""``listener(kind, page_number)``; ``kind`` is ``"ocr_page"``."""

_listeners: list[Listener] = []


def announce(kind: str, page: int) -> None:
    """Tell the listener (if any) that page ``page`` (1-based) starts work of ``kind``."""
    for listener in _listeners:
        listener(kind, page)


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Call ``listener`` for every :func:`announce` inside the block."""
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)
