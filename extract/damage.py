"""Damage contained and reported per page: skipped operators, impossible coordinates, cut content streams.

The three warnings name the page; only what the damage touches is lost.  The pdfminer source counts
pdfminer's own reports of skipped operators; the pdfium source (pdfium skips the same operators silently)
checks the content stream's tokens for the operands pdfminer rejects (:mod:`.operands`).  Both count the
operators no PDF defines (a damaged name, which both parsers skip silently) as ``bad_operand`` too.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from policy_extract.core.model import STREAM_CUT, DocWarning

from .textlayer import drop_bad_values

_DRAWN_KINDS = ("char", "rect", "line", "curve")
_NESTING = re.compile(rb"(?<![^\s\])>])(BT|ET|q|Q)(?![^\s\[(</])")
"""``BT``/``ET`` (text object) and ``q``/``Q`` (graphics state) operators as tokens, not inside a name."""
_OPERAND_LOGGERS = ("pdfminer.pdfinterp", "pdfminer.pdfdevice")
"""Where pdfminer says it skipped a content-stream operator whose operands are not numbers/strings."""


def bad_operand_warning(n: int, count: int) -> DocWarning:
    return DocWarning("bad_operand", f"page {n}: {count} drawing or text operator(s) with a damaged name or "
                      "operands skipped, so what they print is missing", n, "extract")


def bad_value_warning(n: int, count: int) -> DocWarning:
    return DocWarning("bad_value", f"page {n}: {count} object(s) with a damaged coordinate (NaN, infinite or "
                      "far off any page) left out", n, "extract")


def stream_cut_warning(n: int) -> DocWarning:
    return DocWarning(STREAM_CUT, f"page {n}: its content stream stops before its end (a text object or "
                      "graphics state left open), so what follows the cut is lost; the file is damaged — "
                      "re-download it or repair it with `qpdf in.pdf out.pdf`", n, "extract")


def damage_warnings(page: Any) -> list[DocWarning]:
    """A pdfplumber page's damage: objects with NaN/inf/absurd coordinates are dropped (a warning counts
    them), operators pdfminer skipped are counted, and a content stream that ends inside a text object (cut
    short: its /Length or compressed data is damaged, so the parser stopped early) is reported."""
    found: list[DocWarning] = []
    n = page.page_number
    with skipped_operators() as skipped:
        objects = page.objects
    dropped = sum(drop_bad_values(objects.get(kind, [])) for kind in _DRAWN_KINDS)
    from .sources.operands import count_unknown_operators

    data = content_data(page)
    skipped.count += count_unknown_operators(data) if data is not None else 0
    if skipped.count:
        found.append(bad_operand_warning(n, skipped.count))
    if dropped:
        found.append(bad_value_warning(n, dropped))
    if data is not None and data_cut(data):
        found.append(stream_cut_warning(n))
    return found


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@contextmanager
def skipped_operators() -> Iterator[_Counter]:
    """Count pdfminer's reports of operators it skipped while the page is parsed; they are turned into a
    document warning, so they are held from the terminal meanwhile (the batch silences them anyway)."""
    counter = _Counter()
    saved = [(logging.getLogger(name), logging.getLogger(name).level, logging.getLogger(name).propagate)
             for name in _OPERAND_LOGGERS]
    for logger, _, _ in saved:
        logger.setLevel(logging.WARNING)
        logger.propagate = False
        logger.addHandler(counter)
    try:
        yield counter
    finally:
        for logger, level, propagate in saved:
            logger.removeHandler(counter)
            logger.setLevel(level)
            logger.propagate = propagate


def content_data(page: Any) -> bytes | None:
    """The page's content streams, decoded and joined (pdfminer's stream objects: no content is parsed);
    None when a stream cannot be decoded (that fails the page parse itself, named there)."""
    try:
        return b"\n".join(stream.get_data() for stream in page.page_obj.contents)
    except Exception:
        return None


def content_cut(page: Any) -> bool:
    """Whether the page's content ends with a text object or a saved graphics state left open."""
    data = content_data(page)
    return data is not None and data_cut(data)


def data_cut(data: bytes) -> bool:
    """Whether content bytes end with a text object or a saved graphics state left open (``BT`` with no
    ``ET`` after it, more ``q`` than ``Q``): the stream stopped before its end.  No clean page of the samples
    and corpora (823 pages) leaves either open."""
    last_text, depth = None, 0
    for match in _NESTING.finditer(data):
        token = match.group(1)
        if token in (b"BT", b"ET"):
            last_text = token
        else:
            depth += 1 if token == b"q" else -1
    return last_text == b"BT" or depth > 0
