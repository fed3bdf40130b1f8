"""Running text of every real document is free of running headers and footers.

The furniture is found here independently of the pipeline: with pdfplumber's own text lines, a line lying in
the top or bottom 12% of a page whose text (whitespace dropped, digits masked as ``#``) recurs on most pages
is a running line.  No paragraph and no duty task of the pipeline's output may contain one.

Only lines with at least :data:`MIN_WORD_CHARS` letters or CJK characters count: a bare page number
(``- # -``, ``#``) masked to punctuation and ``#`` matches any date range or figure in prose (``2024-2026``),
and page numbers have their own grammar tests.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pdfplumber
import pytest

from policy_extract.pipeline import process_pdf

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "real"
PDFS = sorted(CORPUS.glob("*.pdf"))

BAND = 0.12
"""Share of the page height, at top and bottom, where running lines are looked for."""
MOST = 0.5
"""A band line recurring on more than this share of pages repeats on most pages."""
MIN_PAGES = 3
MIN_WORD_CHARS = 2
MIN_CHARS_PER_PAGE = 40
"""Fewer text-layer characters per page than this on average: an image-only (scanned) document."""

_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]")

def masked(text: str) -> str:
    return _DIGITS.sub("#", _SPACE.sub("", text))


def _band_lines(page: pdfplumber.page.Page) -> set[tuple[str, str]]:
    depth = page.height * BAND
    found: set[tuple[str, str]] = set()
    for line in page.extract_text_lines(return_chars=False):
        if line["bottom"] <= depth:
            found.add(("top", masked(line["text"])))
        elif line["top"] >= page.height - depth:
            found.add(("bottom", masked(line["text"])))
    return found


@cache
def running_lines(path: Path) -> tuple[set[str], bool]:
    """The running lines of a PDF (masked text), and whether it is image-only."""
    counts: Counter[tuple[str, str]] = Counter()
    chars = 0
    with pdfplumber.open(path) as pdf:
        pages = pdf.pages
        for page in pages:
            chars += len(page.chars)
            counts.update(_band_lines(page))
        n = len(pages)
    image_only = chars < MIN_CHARS_PER_PAGE * max(n, 1)
    need = max(MIN_PAGES, MOST * n)
    lines = {
        text
        for (_, text), k in counts.items()
        if n >= MIN_PAGES and k >= need and len(_WORD.findall(text)) >= MIN_WORD_CHARS
    }
    return lines, image_only


_CACHE: dict[Path, tuple[set[str], list[tuple[str, str]]]] = {}


def running_text(path: Path) -> tuple[set[str], list[tuple[str, str]]]:
    """(running lines, [(where, masked text)] of every paragraph and duty task), computed once per PDF."""
    if path not in _CACHE:
        lines, image_only = running_lines(path)
        assert not image_only, f"{path.name} is image-only: no text layer to find running lines in"
        doc = process_pdf(str(path))
        texts = [(f"paragraph p{p.page}", masked(p.text)) for p in doc.paragraphs]
        texts += [(f"duty {u.id}", masked(u.task)) for u in doc.duties]
        _CACHE[path] = (lines, texts)
    return _CACHE[path]


def test_masked_drops_space_and_masks_digits() -> None:
    assert masked("第 12 页\n共 30 页") == "第#页共#页"


def test_the_real_corpus_is_beside_the_checkout() -> None:
    assert PDFS, f"no PDFs in {CORPUS}: the real corpus lives in ../shared/corpus/real beside the checkout"


def test_the_corpus_has_running_lines_to_find() -> None:
    # The assertion below is not vacuous: real documents print running footers such as 第 N 页，共 M 页.
    found = [p for p in PDFS if running_lines(p)[0] and not running_lines(p)[1]]
    assert len(found) >= 2


TEXT_PDFS = [p for p in PDFS if not running_lines(p)[1]]
"""The real PDFs with a text layer: an image-only scan has no text layer to find running lines in
independently of the pipeline (its OCR'd text is covered by the scoreboard instead)."""


@pytest.mark.parametrize("pdf", TEXT_PDFS, ids=[p.stem for p in TEXT_PDFS])
def test_no_running_line_in_running_text(pdf: Path) -> None:
    lines, texts = running_text(pdf)
    leaks = [(where, line) for line in sorted(lines) for where, text in texts if line in text]
    assert not leaks, f"running lines inside running text of {pdf.name}: {leaks[:5]}"
