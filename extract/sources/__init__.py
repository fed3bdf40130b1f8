"""Page sources: where a page's characters, ruling segments and damage reports come from.

The extract stage reads every page through one interface (:class:`SourcePage`); which library answers is a
setting (``ExtractSettings.page_source``, named in :data:`~policy_extract.extract.registry.PAGE_SOURCES`):

* ``pdfminer``: pdfplumber's pages (pdfminer's Python content-stream interpreter), the reference;
* ``pdfium`` (the default): pypdfium2 reads the text page and the path objects in native code (extract
  2–3× faster).
  Characters come out as pdfplumber gives them (same keys, same top-left coordinates with ``/Rotate``
  and the MediaBox origin applied, the box from the font descriptor's descent, vertical fonts, widths as
  written), segments as ``rules.page_segments`` makes them.  pdfminer still answers what pdfium cannot: a
  page whose text is empty, unmapped or near the garbled threshold (raw ``(cid:N)`` codes decide the OCR
  verdict), and the whole document when pdfium cannot open it or counts its pages differently.

Known differences of the pdfium source, each where its reading is the better one or a float's last digit:

* Kangxi radicals and other compatibility ideographs (``⼗``, ``⺠``: a ToUnicode map's choice in Chrome's
  PDFs) are the ideographs printed (``十``, ``民``): pdfium normalises them, pdfminer does not;
* a rule stroked in a gray colour space has its colour (``#000000``); pdfplumber gives a bare number there,
  which reads as no colour;
* pdfium's coordinates are float32: a value at a rounding boundary of the output (``x.xx5``) or a gap exactly
  on a threshold (hrules' continuation limit in generated gen_rl_07, page 3) can land on the other side;
* runs of typed blanks keep one blank (pdfium collapses them; the text is the same, a blank's box may differ).

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


