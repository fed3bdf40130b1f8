"""The pdfminer page source: pdfplumber's pages (pdfminer's Python content-stream interpreter)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from policy_extract.core.model import DocWarning

from ..damage import damage_warnings
from ..lines import Char
from ..pdf import open_pdf
from ..rules import Segment, page_segments
from ..settings import ExtractSettings
from ..textlayer import LayerCheck, check_page


class PdfminerPage:
    """A pdfplumber page behind the page-source interface; ``plumber`` is the pdfplumber page itself."""

    def __init__(self, plumber: Any) -> None:
        self.plumber = plumber
        self.page_number = int(plumber.page_number)
        self.width, self.height = float(plumber.width), float(plumber.height)
        self.rotation = int(plumber.rotation or 0)

    @property
    def chars(self) -> list[Char]:
        return self.plumber.chars

    def segments(self, settings: ExtractSettings) -> list[Segment]:
        return page_segments(self.plumber, settings)

    def damage(self) -> list[DocWarning]:
        return damage_warnings(self.plumber)

    def layer_check(self) -> LayerCheck:
        return check_page(self.plumber)

    def resolve(self) -> PdfminerPage:
        return self

    def close(self) -> None:
        self.plumber.close()  # drops pdfplumber's per-page caches so long documents stay within memory


class PdfminerDocument:
    def __init__(self, path: str | Path, password: str | None = None) -> None:
        self.pdf = open_pdf(path, password)

    def pages(self) -> Iterator[PdfminerPage]:
        for page in self.pdf.pages:
            yield PdfminerPage(page)

    def close(self) -> None:
        self.pdf.close()
