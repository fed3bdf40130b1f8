"""Fakes shared by the tests of marks read in a scanned cell's gaps (``test_scan_cell_marks.py``,
``test_scan_mark_on_rule.py``): a page image with black boxes and a rule, a recognised line, a gap reader.
Imported by name (pytest puts this folder on ``sys.path``), as ``page_helpers`` is."""

from __future__ import annotations

import numpy as np
from policy_extract.extract.ocr import OcrLine


def page_image(marks: list[tuple[int, int, int, int]], rule: tuple[int, int] | None = None) -> np.ndarray:
    """A white RGB page 100 px high with black boxes ``(x0, y0, x1, y1)`` and a vertical rule over the
    columns ``rule`` (first, past-last)."""
    img = np.full((100, 400, 3), 255, np.uint8)
    for x0, y0, x1, y1 in marks:
        img[y0:y1, x0:x1] = 0
    if rule is not None:
        img[:, rule[0] : rule[1]] = 0
    return img


def ocr_line(text: str, x0: float = 100, pitch: float = 36) -> OcrLine:
    """A recognised line of ``text``, one character every ``pitch`` px from ``x0``, 40 px high."""
    chars = [(c, (x0 + k * pitch, 30.0, x0 + (k + 1) * pitch, 70.0)) for k, c in enumerate(text)]
    return OcrLine(text, 0.9, (x0, 30.0, chars[-1][1][2], 70.0), chars)


class GapReader:
    """A gap reader that reads every span as the given choices (and records the spans it was asked)."""

    def __init__(self, *choices: tuple[str, float]) -> None:
        self.choices, self.spans = tuple(choices), []

    def read_gap_choices(self, row, spans, k):
        self.spans += list(spans)
        return [self.choices for _ in spans]

    def read_gaps(self, row, spans):
        return [self.choices[0] for _ in spans]
