"""Page sources: where a page's characters, ruling segments and damage reports come from.

The extract stage reads every page through one interface (:class:`SourcePage`); which library answers is a
setting (``ExtractSettings.page_source``, named in :data:`~policy_extract.extract.registry.PAGE_SOURCES`):

* ``pdfium``: pypdfium2 reads the text and the drawn paths in native code, about ten times faster
  than pdfminer's Python content-stream parser.  Characters come out as pdfplumber gives them (same keys, same
  top-left coordinates with ``/Rotate`` applied, same box from the font's descriptor), segments as
  ``rules.page_segments`` makes them.  pdfminer still answers what pdfium cannot: a page whose text looks
  garbled or unmapped (raw ``(cid:N)`` codes decide the OCR verdict), and the document as a whole when pdfium
  cannot open it;
* ``pdfminer`` (default): pdfplumber's pages, as before.

A source is a callable ``(path, password) -> SourceDocument``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from policy_extract.core.model import DocWarning

from ..lines import Char
from ..rules import Segment
from ..settings import ExtractSettings
from ..textlayer import LayerCheck


class SourcePage(Protocol):
    """One page as the extract stage sees it."""

    page_number: int
    width: float
    height: float
    rotation: int

    @property
    def chars(self) -> list[Char]: ...

    def segments(self, settings: ExtractSettings) -> list[Segment]: ...

    def damage(self) -> list[DocWarning]:
        """``bad_operand``, ``bad_value`` and ``stream_cut`` warnings of this page."""
        ...

    def resolve(self) -> SourcePage:
        """The page to read: itself, or another source's reading of it when this one cannot answer."""
        ...

    def layer_check(self) -> LayerCheck:
        """Is the text layer the text printed (``textlayer.check_page``'s verdict)?"""
        ...

    def close(self) -> None: ...


class SourceDocument(Protocol):
    def pages(self) -> Iterator[SourcePage]: ...

    def close(self) -> None: ...


