"""A document's time limit in the batch, sized to the document (issue 16: defaults that fit the work).

With ``--timeout S`` every document gets ``S`` seconds, a hard cap.  Without it (the default) a document
gets ``base_seconds + page_seconds × pages``, counted when the worker opens it, plus ``ocr_page_seconds``
for every page read with OCR (``--ocr force``: every page up front; ``auto``: each page the extract stage
announces through :mod:`policy_extract.core.budget`).  The worker's timer is re-armed whenever the limit
grows, and the parent is told (:func:`~policy_extract.batch.workers.report_budget`) so its kill follows.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from policy_extract.core.budget import listening
from policy_extract.core.errors import DocumentTimeoutError

from .workers import Limits, report_budget, timeout_message


def count_pages(path: str, password: str | None) -> int:
    """The document's page count (pdfium: no page is parsed); 0 when it cannot be opened (the pipeline
    reports why)."""
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(path, password=password or None)
    except Exception:  # not a PDF, encrypted, damaged: the pipeline classifies it
        return 0
    try:
        return len(pdf)
    finally:
        pdf.close()


class DocumentClock:
    """One document's time limit: its parts, the page it is on, the timer that stops it."""

    def __init__(self, limits: Limits, ocr: str) -> None:
        self.limits, self.ocr = limits, ocr
        self.start = time.monotonic()
        self.pages = self.ocr_pages = 0
        self.page: int | None = None
        self.timer = False
        """Whether :func:`document_clock` installed the timer's handler (only then is the timer armed)."""

    @property
    def fixed(self) -> bool:
        return self.limits.timeout is not None

    @property
    def limit(self) -> float:
        if self.limits.timeout is not None:
            return self.limits.timeout
        lim = self.limits
        return lim.base_seconds + lim.page_seconds * self.pages + lim.ocr_page_seconds * self.ocr_pages

    def how(self) -> str:
        """How the limit was sized, for the timeout message."""
        if self.fixed:
            return "--timeout"
        lim = self.limits
        ocr = f" + {lim.ocr_page_seconds:g} s × {self.ocr_pages} OCR page(s)" if self.ocr_pages else ""
        return f"{lim.base_seconds:g} s + {lim.page_seconds:g} s × {self.pages} page(s){ocr}"

    def counted(self, pages: int) -> None:
        """The document has ``pages`` pages (with ``--ocr force`` each is an OCR page)."""
        self.pages = pages
        self.ocr_pages = pages if self.ocr == "force" else 0
        self.arm()

    def on_work(self, kind: str, page: int) -> None:
        """A page starts (``kind`` ``ocr_page``: read with OCR, so it gets the OCR budget in ``auto``)."""
        self.page = page
        if kind == "ocr_page" and self.ocr == "auto" and not self.fixed:
            self.ocr_pages += 1
            self.arm()

    def arm(self) -> None:
        """(Re)start the timer for what is left of the limit, and tell the parent the limit."""
        report_budget(self.limit)
        if self.timer:
            left = max(self.limit - (time.monotonic() - self.start), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left)

    def expired(self) -> DocumentTimeoutError:
        ran = time.monotonic() - self.start
        return DocumentTimeoutError(timeout_message(self.limit, ran, self.page, self.how()))


def usable_timer() -> bool:
    """The timer signal works in the main thread of a POSIX process only."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def document_clock(path: str, password: str | None, limits: Limits, ocr: str) -> Iterator[DocumentClock]:
    """Raise :class:`DocumentTimeoutError` when the document's work passes its limit (see the module)."""
    clock = DocumentClock(limits, ocr)
    timer, previous = usable_timer(), None

    def on_alarm(_signum: int, _frame: object) -> None:
        raise clock.expired()

    if timer:
        previous = signal.signal(signal.SIGALRM, on_alarm)
        clock.timer = True
    try:
        clock.arm()  # the base (or --timeout) while the pages are counted
        if not clock.fixed:
            clock.counted(count_pages(path, password))
        with listening(clock.on_work):
            yield clock
    finally:
        if timer:
            clock.timer = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
