"""Process functions that take their time the way OCR does, for the per-document time limit's tests.

Module-level functions only (pickled by reference into worker processes).  They announce OCR pages as the
extract stage does (:func:`policy_extract.core.budget.announce`).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "outputs"))

from doc_factory import fake_process

from policy_extract.core.budget import announce
from policy_extract.core.model import Document


def three_slow_ocr_pages(path: str, **options: Any) -> Document:
    """Three pages read with OCR, 0.8 s each: longer than the base budget alone, within base + OCR pages."""
    for page in (1, 2, 3):
        announce("ocr_page", page)
        time.sleep(0.8)
    return fake_process(path, **options)


def stuck_on_ocr_page_two(path: str, **options: Any) -> Document:
    """Page 1 reads quickly; page 2 never finishes (a detection pass over a huge image)."""
    announce("ocr_page", 1)
    announce("ocr_page", 2)
    time.sleep(60)
    return fake_process(path, **options)
