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


DEFAULT_UNSURE_PROB = 0.5
"""A character the recogniser read with less than this probability (its confidence at the time step it was
emitted) may be one of its other readings (:func:`.ocr.lexicon_choice`). Measured on the scanned documents:
5 of ~9 000 characters fall below it (遴 read 遂 at 0.21, 亟 read 函 at 0.30, a 厅 at 0.38,
two dashes ≈ 0.49);
characters read right are 0.9+ almost always."""
DEFAULT_CHOICES = 5
"""How many of the recogniser's readings are kept for an unsure character
(:func:`.rapidocr_engine.ctc_choices`) and weighed for a dropped glyph (:func:`.ocr.gap_readings`): one
value for the engine and the rule that weighs them."""

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
