"""RapidOCR (PP-OCRv4 models shipped inside the ``rapidocr-onnxruntime`` wheel: nothing is downloaded).

The default OCR engine.  Importing this module is cheap: numpy, onnxruntime and the models load when the
first page is read.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from policy_extract.core.errors import NoTextError
from policy_extract.core.geometry import points_bbox

from .engines import Recognised
from .settings import DEFAULT_RENDER_LIMIT_PX, OcrSettings

if TYPE_CHECKING:
    import numpy as np

def require_engine() -> None:
    """Raise NoTextError with the fix when the OCR extra is not installed."""
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError as exc:
        raise NoTextError(
            "this PDF needs OCR but the OCR engine is not installed; "
            'run `pip install "policy-extract[ocr]"`, or use `--ocr off` to skip such pages.'
        ) from exc


@lru_cache(maxsize=2)
def rapid_ocr(det_max_side: int, threads: int) -> Any:
    """The RapidOCR engine (models from its wheel), built once per process and setting."""
    require_engine()
    from rapidocr_onnxruntime import RapidOCR

    kwargs: dict[str, Any] = {"det_limit_type": "max", "det_limit_side_len": det_max_side,
                              "max_side_len": DEFAULT_RENDER_LIMIT_PX, "print_verbose": False}
    if threads:
        kwargs.update(det_intra_op_num_threads=threads, rec_intra_op_num_threads=threads,
                      cls_intra_op_num_threads=threads)
    return RapidOCR(**kwargs)


def bgr(image: np.ndarray) -> np.ndarray:
    """The image in the channel order the models were trained on (BGR)."""
    import numpy as np

    return np.ascontiguousarray(image[..., ::-1]) if image.ndim == 3 else image


def recognised(item: Sequence[Any]) -> Recognised:
    """One RapidOCR result row (``box, text, score, word_boxes, words, ...``) → :class:`Recognised`."""
    words = tuple(item[4]) if len(item) > 4 and item[4] else ()
    boxes = tuple(points_bbox(b) for b in item[3]) if len(item) > 3 and item[3] else ()
    return Recognised(str(item[1]), float(item[2]), points_bbox(item[0]), words, boxes)


class RapidOcrEngine:
    """:class:`~policy_extract.extract.engines.OcrEngine` over RapidOCR."""

    def __init__(self, settings: OcrSettings) -> None:
        self.settings = settings

    def read_lines(self, image: np.ndarray) -> list[Recognised]:
        engine = rapid_ocr(self.settings.det_max_side, self.settings.threads)
        result, _ = engine(bgr(image), use_cls=False, return_word_box=True,
                           text_score=self.settings.min_score)
        return [recognised(item) for item in result or []]

    def read_text(self, image: np.ndarray) -> tuple[str, float]:
        engine = rapid_ocr(self.settings.det_max_side, self.settings.threads)
        result, _ = engine(bgr(image), use_det=False, use_cls=False)
        return (str(result[0][0]), float(result[0][1])) if result else ("", 0.0)
