"""What an OCR engine is to the extract stage: page image in, recognised lines out.

The rest of the OCR path (deskew, punctuation and dash repair, character geometry, sizes, colours, ruled
tables in the pixels) is the same whatever engine reads the page; an engine only detects and recognises.
Engines are selected by name (:mod:`policy_extract.extract.registry`, ``OcrSettings.engine``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from policy_extract.core.geometry import BBox

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True, slots=True)
class Recognised:
    """One text line as an engine read it, in the image's pixels.

    ``words``/``word_boxes`` are the engine's per-character (or per-word) boxes when it gives them; the
    line's characters are then placed on them, otherwise spread over ``box`` by width class.  ``choices``,
    when the engine gives them, holds for each character of ``text`` (spaces included) its most probable
    readings with their probabilities, best (the one read) first; only the first where the engine is sure."""

    text: str
    score: float
    box: BBox
    words: tuple[str, ...] = ()
    word_boxes: tuple[BBox, ...] = ()
    choices: tuple[tuple[tuple[str, float], ...], ...] = ()


class OcrEngine(Protocol):
    """A detector + recogniser, built from ``OcrSettings`` by the factory registered under its name."""

    def read_lines(self, image: np.ndarray) -> list[Recognised]:
        """Every text line of an RGB page image whose confidence reaches ``OcrSettings.min_score``."""
        ...

    def read_text(self, image: np.ndarray) -> tuple[str, float]:
        """The text of a small RGB crop holding one short mark or word (no detection), and its confidence;
        ``("", 0.0)`` when nothing is read."""
        ...


class GlyphReader(Protocol):
    """An engine that can also read rows of glyphs with the recognition model alone (no detection), for
    decoding garbled fonts (:mod:`.glyphs`).  Optional: without it a garbled page is read as a scan."""

    def read_rows(self, rows: Sequence[np.ndarray],
                  spans: Sequence[Sequence[tuple[int, int]]]) -> list[list[tuple[str, float]]]:
        """For each RGB row image, the text and confidence read inside each of its glyph spans (x pixel
        ranges of the row); ``("", 0.0)`` for a span where nothing was read."""
        ...


class GapReader(Protocol):
    """An engine that can say what its recogniser sees in given stretches of a text line (ink no recognised
    character covers: a glyph the decoding dropped).  Optional: without it such glyphs stay unread.  An
    engine may also offer ``read_gap_choices(row, spans, k)``: the ``k`` most probable readings of each span,
    best first, ``()`` where none (the dictionary then weighs an unsure one, ``ocr.lexicon_choice``)."""

    def read_gaps(self, row: np.ndarray, spans: Sequence[tuple[int, int]]) -> list[tuple[str, float]]:
        """For an RGB image of one text line, the most probable character other than "nothing" over the
        time steps inside each x span (pixels of the row) and its probability (a character the decoding
        emitted there included); ``("", 0.0)`` where the recogniser offers none."""
        ...
