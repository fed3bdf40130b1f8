"""RapidOCR (PP-OCRv4 models shipped inside the ``rapidocr-onnxruntime`` wheel: nothing is downloaded).

The default OCR engine.  Importing this module is cheap: numpy, onnxruntime and the models load when the
first page is read.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from policy_extract.core.errors import NoTextError
from policy_extract.core.geometry import points_bbox

from .engines import DEFAULT_CHOICES, DEFAULT_UNSURE_PROB, Recognised
from .settings import DEFAULT_OCR_REC_BATCH, DEFAULT_RENDER_LIMIT_PX, OcrSettings

if TYPE_CHECKING:
    import numpy as np


ENGINE_MODULE = "rapidocr_onnxruntime"
MISSING_ENGINE = ('the OCR engine (rapidocr-onnxruntime) is not installed; run `pip install '
                  '"policy-extract[ocr]"`, or use `--ocr off` to skip pages without a text layer.')
DEFAULT_GLYPH_PX = 32
"""Glyphs are read at this height: the recognition model (trained at 48 px) reads isolated glyphs as well at
32 px (295 of 298 glyphs of the garbled sample right at either height) for 40% of the time."""
DEFAULT_ROW_BATCH = 16
"""Rows per model call."""
DEFAULT_GLYPH_THREADS = 1
"""onnxruntime threads for reading glyph rows when none are configured: their tensors (16 rows of 32 px)
are too small to share out, a second thread spins for the same time (garbled sample: 0.41 → 0.81 s CPU per
document with two threads, wall no faster on two cores; readings identical)."""
DEFAULT_DET_MIN_SIDE = 960
"""Never shrink the detector's page below this long side (px)."""
_PROBE_FACTOR = 0.5
"""Text height is measured on the page scaled by this (a 200 dpi page at 100 dpi)."""
_BLOB_PX = (3, 80)
"""Blobs of the scaled-down page this high (px) are glyphs or runs of glyphs, not specks or rules."""
WORKERS_ENV = "POLICY_EXTRACT_WORKERS"
"""Set by the batch for its worker processes: how many run at once, so each takes its share of the cores."""


def require_engine() -> None:
    """Raise NoTextError with the fix when the OCR extra is not installed."""
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError as exc:
        raise NoTextError(f"this PDF needs OCR but {MISSING_ENGINE}") from exc


def worker_threads(configured: int = 0, cores: int | None = None, workers: str | None = None) -> int:
    """onnxruntime threads for this process: ``configured`` when set, else ``max(1, cores // workers)``
    (the workers of one batch share the cores instead of each starting one thread per core); 0 (every
    core) outside a batch."""
    if configured:
        return configured
    workers = os.environ.get(WORKERS_ENV) if workers is None else workers
    if not workers or not workers.isdigit() or int(workers) < 1:
        return 0
    return max(1, (cores or os.cpu_count() or 1) // int(workers))


NO_SPINNING = ("session.intra_op.allow_spinning", "0")
"""onnxruntime's idle intra-op threads sleep instead of spinning: a spinning thread burns a core that another
worker (or the other thread of a small model call) needs; outputs identical, scanned pages 22-27% less CPU
on two threads (13.2 → 10.3 s and 9.8 → 7.6 s for two scanned samples)."""


SHRINK_ARENA = ("memory.enable_memory_arena_shrinkage", "cpu:0")
"""Our sessions allocate from onnxruntime's arena and hand its free memory back after every run
(:class:`ShrinkingRun`). As RapidOCR sets them up (no arena), each page-sized tensor of a run was taken from
and returned to the C library one by one, in fresh pages every time, and the heap's peak crept up page after
page. Detector alone, 1,984 px input, three runs: 1.5-2.0 s CPU and +480..+870 MB each → 0.76 s and
+530..+620 MB. Six scanned documents (28 pages), 2 workers: 2.76 → 2.37 CPU s/page, peak 903-1138 →
811-970 MB, document.json byte-identical."""


PRIORITY_ORDER = "PRIORITY_BASED"
"""onnxruntime's execution order for our sessions (``SessionOptions.execution_order``): the same kernels on
the same tensors, so outputs are equal bit for bit, run in an order that frees the detector's page-sized
activations sooner. Detector at 1,984 × 1,408 px, one thread, planned runs (the second and later of a page
shape): +518 → +404 MB over the process before the run; CPU unchanged (0.66 → 0.62 s)."""
SHARED_ARENA = ("session.use_env_allocators", "1")
"""Our sessions allocate from one arena registered with onnxruntime's environment (:func:`shared_arena`),
which grows by exactly what a tensor needs (``kSameAsRequested``). The session's own CPU arena cannot be
configured from Python (RapidOCR's ``arena_extend_strategy`` provider option is not read by the CPU provider)
and grows in powers of two: the first run of a page shape (no memory plan yet) took +526 MB over the process
before it, then +518 MB planned. Shared arena with :data:`PRIORITY_ORDER`: +392 MB first run, +373 planned;
the detector's map equal bit for bit, CPU unchanged (0.62 s per run).

Tried with these and dropped (same page, one thread): memory pattern off (+394 every run alone, but the
pipeline's peaks rose 20-60 MB); no arena (+336 first run, +528 planned, 1.0-1.7 s CPU); no arena and
a fixed 1 MB mmap threshold (+256, the activations' true live set, at 3.0 s CPU); an initial 1 GB arena
chunk or 1-16 MB ``max_dead_bytes_per_chunk`` (no better); ``session.disable_prepacking`` (no change);
basic/extended graph optimisation (+461, map off by up to 1e-4). The planned run's resident size varies by
process (+373..+462 MB: where the arena's regions land; numpy's huge-page advice adds to it), which is the
±50 MB spread of a document's peak from one run to the next."""


@lru_cache(maxsize=1)
def shared_arena() -> bool:
    """Register the environment's CPU arena (:data:`SHARED_ARENA`) once per process; False where this
    onnxruntime cannot (sessions then keep their own arena)."""
    import onnxruntime

    try:
        config = onnxruntime.OrtArenaCfg(0, 1, -1, -1)  # no cap, kSameAsRequested, default chunk sizes
        info = onnxruntime.OrtMemoryInfo("Cpu", onnxruntime.OrtAllocatorType.ORT_ARENA_ALLOCATOR, 0,
                                         onnxruntime.OrtMemType.DEFAULT)
        onnxruntime.create_and_register_allocator(info, config)
    except Exception:  # onnxruntime's own errors (Fail, InvalidArgument, ...) derive from Exception alone
        return False
    return True


def priority_order(onnxruntime: Any) -> Any:
    """``onnxruntime.ExecutionOrder.PRIORITY_BASED`` (:data:`PRIORITY_ORDER`), ``None`` where this onnxruntime
    has no such order (it is not pinned): its sessions then keep their default order."""
    return getattr(getattr(onnxruntime, "ExecutionOrder", None), PRIORITY_ORDER, None)


class ShrinkingRun:
    """An onnxruntime session whose every ``run`` returns its arena's free memory at the end (the rest of
    the session is passed through)."""

    def __init__(self, session: Any) -> None:
        import onnxruntime

        self.session = session
        self.options = onnxruntime.RunOptions()
        self.options.add_run_config_entry(*SHRINK_ARENA)

    def run(self, outputs: Any, feeds: Any, run_options: Any = None) -> Any:
        return self.session.run(outputs, feeds, run_options or self.options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.session, name)


class ItemByItem:
    """An onnxruntime session (or :class:`ShrinkingRun`) whose ``run`` on a batch of several inputs runs the
    model on each in turn and stacks the outputs: the same numbers as one run over the batch, in less time.

    RapidOCR batches six line crops padded to the widest; one (6, 3, 48, 1,224) run cost 72 µs of CPU per
    column of line while a single crop costs 42 µs (the batch's activations outgrow the caches). The padded
    tensor is the same either way and the recogniser treats each crop alone, so its output is equal bit for
    bit (31 of 31 batches of ten scanned pages, 9.73 -> 6.56 s CPU)."""

    def __init__(self, session: Any) -> None:
        self.session = session

    def run(self, outputs: Any, feeds: dict[str, Any], run_options: Any = None) -> Any:
        import numpy as np

        batches = list(feeds.values())
        if not batches or len(batches[0]) < 2:
            return self.session.run(outputs, feeds, run_options)
        parts = [self.session.run(outputs, {name: value[i : i + 1] for name, value in feeds.items()},
                                  run_options) for i in range(len(batches[0]))]
        return [np.concatenate(columns, axis=0) for columns in zip(*parts, strict=True)]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.session, name)


def item_by_item(infer: Any) -> None:
    """Make a RapidOCR ``OrtInferSession`` run its batches through :class:`ItemByItem`."""
    if not isinstance(infer.session, ItemByItem):
        infer.session = ItemByItem(infer.session)


def shrink_after_runs(infer: Any) -> None:
    """Make a RapidOCR ``OrtInferSession`` run through :class:`ShrinkingRun`."""
    if not isinstance(infer.session, ShrinkingRun):
        infer.session = ShrinkingRun(infer.session)


_BUILD_LOCK = threading.Lock()


@contextmanager
def sleeping_threads() -> Iterator[None]:
    """While RapidOCR builds its sessions here, their options carry :data:`NO_SPINNING` (RapidOCR builds its
    own ``SessionOptions`` and has no key for it), the memory arena (:data:`SHRINK_ARENA`,
    :data:`SHARED_ARENA`) and :data:`PRIORITY_ORDER`.

    RapidOCR offers no other way in, so its option hook is swapped for the length of our build only, under a
    lock (builds of ours never overlap) and restored after; a RapidOCR without that hook is left alone."""
    from rapidocr_onnxruntime.utils import infer_engine

    session = infer_engine.OrtInferSession
    with _BUILD_LOCK:  # one build at a time: a second would save the first's hook as "original" for good
        original = session.__dict__.get("_init_sess_opts")
        if not isinstance(original, staticmethod):  # another RapidOCR layout: its own options, unchanged
            yield
            return

        def options(config: dict[str, Any]) -> Any:
            import onnxruntime

            opts = original.__func__(config)
            opts.add_session_config_entry(*NO_SPINNING)
            opts.enable_cpu_mem_arena = True
            order = priority_order(onnxruntime)
            if order is not None:
                opts.execution_order = order
            if shared_arena():
                opts.add_session_config_entry(*SHARED_ARENA)
            return opts

        session._init_sess_opts = staticmethod(options)
        try:
            yield
        finally:
            session._init_sess_opts = original


@lru_cache(maxsize=2)
def rapid_ocr(det_max_side: int, threads: int, rec_batch: int = DEFAULT_OCR_REC_BATCH) -> Any:
    """The RapidOCR engine (models from its wheel), built once per process and setting."""
    require_engine()
    from rapidocr_onnxruntime import RapidOCR

    kwargs: dict[str, Any] = {"det_limit_type": "max", "det_limit_side_len": det_max_side,
                              "max_side_len": DEFAULT_RENDER_LIMIT_PX, "print_verbose": False}
    if threads:
        # the global keys: rapidocr copies them over the per-model ones (det_intra_op_... would be lost)
        kwargs.update(intra_op_num_threads=threads, inter_op_num_threads=threads)
    with sleeping_threads():
        engine = RapidOCR(**kwargs)
    shrink_after_runs(engine.text_det.infer)
    shrink_after_runs(engine.text_rec.session)
    item_by_item(engine.text_rec.session)
    engine.text_rec.rec_batch_num = rec_batch
    engine.text_rec.postprocess_op = ChoiceRecorder(engine.text_rec.postprocess_op, DEFAULT_CHOICES,
                                                    DEFAULT_UNSURE_PROB)
    return engine


def body_text_px(image: np.ndarray) -> float | None:
    """Height (px) of the page's glyphs: the upper quartile of the heights of its blobs of ink (a character
    of separate strokes or radicals gives blobs lower than itself; measured 40 px for 16 pt at 200 dpi), on
    the page scaled down by ``_PROBE_FACTOR``; None when too few blobs say it (a blank page)."""
    import cv2
    import numpy as np

    gray = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY) if image.ndim == 3 else image
    small = cv2.resize(gray, None, fx=_PROBE_FACTOR, fy=_PROBE_FACTOR, interpolation=cv2.INTER_AREA)
    count, _, stats, _ = cv2.connectedComponentsWithStats((small < 160).astype(np.uint8), connectivity=8)
    heights = stats[1:count, cv2.CC_STAT_HEIGHT]
    low, high = _BLOB_PX
    heights = heights[(heights >= low) & (heights <= high)]
    if len(heights) < 8:
        return None
    return float(np.percentile(heights, 75)) / _PROBE_FACTOR


def det_side(image: np.ndarray, max_side: int, text_px: float = 0.0) -> int:
    """The detector's long side for this page: ``max_side``, or (``text_px`` set) the page scaled so its
    body text is ``text_px`` high, within ``DEFAULT_DET_MIN_SIDE..max_side``."""
    longest = max(image.shape[:2])
    height = body_text_px(image) if text_px else None
    side = max_side if not height else round(longest * text_px / height)
    return int(min(max_side, max(min(DEFAULT_DET_MIN_SIDE, longest), side)))


def fit_detector(engine: Any, side: int) -> None:
    """Make RapidOCR's detector scale pages to at most ``side`` (its own choice ignores the configured limit:
    2,000 px for every page longer than 1,500, which the default ``det_max_side`` keeps), normalising the
    page through :func:`table_preprocess`."""
    det = engine.text_det
    det.get_preprocess = lambda _longest: table_preprocess(side, det.mean, det.std)


def table_preprocess(side: int, mean: Any, std: Any) -> Any:
    """RapidOCR's ``DetPreProcess`` whose normalisation is a lookup of each byte's value: the same float32
    tensor, built straight into the network's channel-first layout.

    RapidOCR computes ``(pixel / 255 - mean) / std`` over the whole page in float64 and then copies it to
    float32 in another layout: 0.17 s CPU and ~200 MB of temporaries per 2,000 px page. A byte has 256
    values, so the table holds each result computed exactly as RapidOCR does (same float32 product, same
    float64 steps, same final rounding) and the page's tensor is equal bit for bit."""
    return table_preprocess_class()(side, "max", mean, std)


@lru_cache(maxsize=1)
def table_preprocess_class() -> type:
    """The class of :func:`table_preprocess` (built once: RapidOCR is imported only when a page needs it)."""
    import cv2
    import numpy as np
    from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

    class TablePreProcess(DetPreProcess):
        def __call__(self, img: np.ndarray) -> np.ndarray | None:
            resized = self.resize(img)
            if resized is None or resized.ndim != 3 or resized.dtype != np.uint8:
                return None if resized is None else super().__call__(img)
            table = byte_table(self.scale, self.mean, self.std, resized.shape[2])
            out = np.empty((1, resized.shape[2], *resized.shape[:2]), dtype=np.float32)
            for channel, plane in enumerate(cv2.split(resized)):  # cv2.LUT: np.take's values, 5x faster
                cv2.LUT(plane, np.ascontiguousarray(table[:, channel]), dst=out[0, channel])
            return out

    return TablePreProcess


def byte_table(scale: float, mean: Any, std: Any, channels: int) -> np.ndarray:
    """``(256, channels)`` float32: RapidOCR's detector normalisation of every byte value, per channel."""
    import numpy as np

    values = np.repeat(np.arange(256, dtype=np.uint8)[:, None], channels, axis=1)
    return ((values.astype("float32") * scale - mean) / std).astype(np.float32)


@lru_cache(maxsize=2)
def rapid_rec(threads: int) -> Any:
    """RapidOCR's recognition model alone (no detector, no classifier): what glyph decoding needs, loaded
    in a fraction of the full engine's time."""
    require_engine()
    from rapidocr_onnxruntime.ch_ppocr_rec import TextRecognizer
    from rapidocr_onnxruntime.main import DEFAULT_CFG_PATH
    from rapidocr_onnxruntime.utils import read_yaml
    from rapidocr_onnxruntime.utils.parse_parameters import update_model_path

    config = update_model_path(read_yaml(str(DEFAULT_CFG_PATH)))["Rec"]
    if threads:
        config.update(intra_op_num_threads=threads, inter_op_num_threads=threads)
    with sleeping_threads():
        rec = TextRecognizer(config)
    shrink_after_runs(rec.session)
    return rec


def ctc_slots(probs: np.ndarray, width: int, spans: Sequence[tuple[float, float]],
              alphabet: Sequence[str]) -> list[tuple[str, float]]:
    """Greedy CTC decoding of one row, each emitted character given to the glyph span its time steps fall
    in: ``(text, mean confidence)`` per span, ``("", 0.0)`` where nothing was emitted."""
    best, conf = probs.argmax(axis=1), probs.max(axis=1)
    step = width / probs.shape[0]
    found: list[list[tuple[str, float]]] = [[] for _ in spans]
    previous = 0
    for t, index in enumerate(best):
        if index and index != previous and index < len(alphabet):
            centre = (t + 0.5) * step
            slot = next((i for i, (a, b) in enumerate(spans) if a <= centre < b), None)
            if slot is not None:
                found[slot].append((alphabet[index], float(conf[t])))
        previous = index
    return [("".join(c for c, _ in f), sum(p for _, p in f) / len(f)) if f else ("", 0.0) for f in found]


def gap_symbols(probs: np.ndarray, width: int, spans: Sequence[tuple[int, int]],
                alphabet: Sequence[str]) -> list[tuple[str, float]]:
    """For each x span of a row the recogniser read (``probs``: time steps × symbols, blank first), the most
    probable symbol other than blank and space over the time steps centred within half a step of the span,
    with its probability; ``("", 0.0)`` for a span no time step falls in."""
    return [choices[0] if choices else ("", 0.0) for choices in gap_choices(probs, width, spans, alphabet, 1)]


def gap_choices(probs: np.ndarray, width: int, spans: Sequence[tuple[int, int]], alphabet: Sequence[str],
                k: int) -> list[tuple[tuple[str, float], ...]]:
    """For each x span (as :func:`gap_symbols`), the ``k`` most probable symbols other than blank and space
    at the time step where the most probable of them is, best first; ``()`` for a span no step falls in."""
    import numpy as np

    step = width / max(probs.shape[0], 1)
    centres = (np.arange(probs.shape[0]) + 0.5) * step
    usable = np.array([bool(c.strip()) for c in alphabet[: probs.shape[1]]])
    usable[0] = False  # the blank
    out: list[tuple[tuple[str, float], ...]] = []
    for a, b in spans:
        steps = np.flatnonzero((centres >= a - step / 2) & (centres <= b + step / 2))
        if not steps.size:
            out.append(())
            continue
        scores = np.where(usable, probs[steps], 0.0)
        t, best = np.unravel_index(int(scores.argmax()), scores.shape)
        order = [int(best)] + [int(i) for i in np.argsort(-scores[t], kind="stable")[:k] if i != best]
        out.append(tuple((alphabet[i], float(scores[t, i])) for i in order[:k]))
    return out


def ctc_choices(probs: np.ndarray, alphabet: Sequence[str], k: int,
                below: float) -> list[tuple[tuple[str, float], ...]]:
    """Greedy CTC decoding of one row (``probs``: time steps × symbols, blank first) as RapidOCR decodes it,
    each emitted character with its probability at the first time step of its run (RapidOCR's confidence);
    a character less probable than ``below`` also with the next ``k - 1`` most probable symbols other than
    blank at that step, best first: ``((symbol, probability), ...)`` per character, in reading order."""
    import numpy as np

    best = probs.argmax(axis=1)
    starts = np.flatnonzero(np.r_[True, best[1:] != best[:-1]])
    out: list[tuple[tuple[str, float], ...]] = []
    for t in starts[best[starts] != 0]:
        row, index = probs[t], int(best[t])
        if row[index] >= below:
            out.append(((alphabet[index] if index < len(alphabet) else "", float(row[index])),))
            continue
        order = np.argsort(-row, kind="stable")
        out.append(tuple((alphabet[int(i)], float(row[i])) for i in order[: k + 1]
                         if i and i < len(alphabet))[:k])
    return out


class ChoiceRecorder:
    """RapidOCR's CTC decoder, also keeping what :func:`ctc_choices` says of each line it decodes
    (``seen``: ``(text, choices)`` in decoding order) for :meth:`RapidOcrEngine.read_lines`."""

    def __init__(self, decoder: Any, k: int, below: float) -> None:
        self.decoder, self.k, self.below = decoder, k, below
        self.seen: list[tuple[str, list[tuple[tuple[str, float], ...]]]] = []

    def __call__(self, preds: Any, *args: Any, **kwargs: Any) -> Any:
        result = self.decoder(preds, *args, **kwargs)
        for row, item in zip(preds, result, strict=True):
            self.seen.append((item[0], ctc_choices(row, self.decoder.character, self.k, self.below)))
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self.decoder, name)


def bgr(image: np.ndarray) -> np.ndarray:
    """The image in the channel order the models were trained on (BGR)."""
    import cv2
    import numpy as np

    if image.ndim == 3 and image.shape[2] == 3 and image.dtype == np.uint8:
        return cv2.cvtColor(image, cv2.COLOR_RGB2BGR)  # the same bytes as numpy's reversed copy, 30x faster
    return np.ascontiguousarray(image[..., ::-1]) if image.ndim == 3 else image


@contextmanager
def bgr_in_place(image: np.ndarray) -> Iterator[np.ndarray]:
    """The page in BGR order (:func:`bgr`) for the length of the block, its own pixels swapped in place and
    swapped back after (the same bytes again) when it is a writable contiguous RGB byte image, else a copy.

    The page's copy was live through the detector's run, the worker's peak: 11.6 MB less at 200 dpi A4."""
    import cv2
    import numpy as np

    swappable = (image.ndim == 3 and image.shape[2] == 3 and image.dtype == np.uint8
                 and image.flags.writeable and image.flags.c_contiguous)
    if not swappable:
        yield bgr(image)
        return
    cv2.cvtColor(image, cv2.COLOR_RGB2BGR, dst=image)
    try:
        yield image
    finally:
        cv2.cvtColor(image, cv2.COLOR_BGR2RGB, dst=image)


def release_free_heap() -> None:
    """Hand the C heap's free memory back to the system (glibc ``malloc_trim``; nothing elsewhere).

    A page's detection and recognition leave 50-200 MB of freed blocks in the heap that the next page only
    partly reuses, so a worker's resident size crept up document after document (three scanned documents in
    one process: peak 780 -> 861 -> 933 MB; trimmed after every page: 770 -> 778 -> 809 MB, CPU within 2%).
    Outputs do not depend on it."""
    trim = malloc_trim()
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def malloc_trim() -> Any:
    """glibc's ``malloc_trim``, or None where the C library has none (macOS, musl) or the process has no
    C library to name (Windows: ``CDLL(None)`` raises TypeError)."""
    import ctypes

    try:
        return ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError, TypeError):
        return None


def recognised(item: Sequence[Any]) -> Recognised:
    """One RapidOCR result row (``box, text, score, word_boxes, words, ...``) → :class:`Recognised`."""
    words = tuple(item[4]) if len(item) > 4 and item[4] else ()
    boxes = tuple(points_bbox(b) for b in item[3]) if len(item) > 3 and item[3] else ()
    return Recognised(str(item[1]), float(item[2]), points_bbox(item[0]), words, boxes)


def with_choices(rec: Recognised, seen: list[tuple[str, list[tuple[tuple[str, float], ...]]]]) -> Recognised:
    """The line with the readings its decoding recorded (:class:`ChoiceRecorder`): the first line decoded
    to the same text (taken out of ``seen``), when it has one reading per character of the text."""
    at = next((i for i, (text, _c) in enumerate(seen) if text == rec.text), None)
    if at is None:
        return rec
    choices = seen.pop(at)[1]
    return replace(rec, choices=tuple(choices)) if len(choices) == len(rec.text) else rec


class RapidOcrEngine:
    """:class:`~policy_extract.extract.engines.OcrEngine` over RapidOCR."""

    def __init__(self, settings: OcrSettings) -> None:
        self.settings = settings
        self.threads = worker_threads(settings.threads)

    @staticmethod
    def check_available() -> None:
        """Raise ImportError with the fix when rapidocr-onnxruntime is missing (found, not imported)."""
        import importlib.util

        if importlib.util.find_spec(ENGINE_MODULE) is None:
            raise ImportError(MISSING_ENGINE)

    def read_lines(self, image: np.ndarray) -> list[Recognised]:
        settings = self.settings
        engine = self.engine()
        fit_detector(engine, det_side(image, settings.det_max_side, settings.det_text_px))
        recorder = engine.text_rec.postprocess_op
        recorder.seen.clear()
        try:
            with bgr_in_place(image) as page:
                result, _ = engine(page, use_cls=False, return_word_box=True,
                                   text_score=self.settings.min_score)
        finally:
            release_free_heap()
        seen, recorder.seen[:] = list(recorder.seen), []
        return [with_choices(recognised(item), seen) for item in result or []]

    def engine(self) -> Any:
        """The process's RapidOCR engine for these settings (one for every kind of read: built once)."""
        return rapid_ocr(self.settings.det_max_side, self.threads, self.settings.rec_batch)

    def read_text(self, image: np.ndarray) -> tuple[str, float]:
        engine = self.engine()
        try:
            result, _ = engine(bgr(image), use_det=False, use_cls=False)
        finally:  # readings recorded here are nobody's (review: kept for the worker's life otherwise)
            getattr(engine.text_rec.postprocess_op, "seen", []).clear()
        return (str(result[0][0]), float(result[0][1])) if result else ("", 0.0)

    def line_probs(self, row: np.ndarray) -> tuple[np.ndarray, int, Sequence[str]]:
        """The line recogniser's probabilities over one line image read as RapidOCR reads a line crop (48 px
        high, its own width): ``(time steps × symbols, blank first; the scaled width; the alphabet)``."""
        import cv2
        import numpy as np

        rec = self.engine().text_rec
        height, width = rec.rec_image_shape[1], row.shape[1]
        scaled_w = max(1, int(np.ceil(height * width / max(row.shape[0], 1))))
        scaled = cv2.resize(bgr(row), (scaled_w, height)).astype(np.float32)
        tensor = (scaled.transpose(2, 0, 1) / 127.5 - 1.0)[np.newaxis]
        return rec.session(tensor)[0][0], scaled_w, rec.postprocess_op.character

    def read_gaps(self, row: np.ndarray, spans: Sequence[tuple[int, int]]) -> list[tuple[str, float]]:
        """What the line recogniser sees in each x span of one line image (:func:`gap_symbols` over
        :meth:`line_probs`), by the engine's own recogniser."""
        return [c[0] if c else ("", 0.0) for c in self.read_gap_choices(row, spans, 1)]

    def read_gap_choices(self, row: np.ndarray, spans: Sequence[tuple[int, int]],
                         k: int) -> list[tuple[tuple[str, float], ...]]:
        """:meth:`read_gaps` with the ``k`` most probable readings of each span (:func:`gap_choices`)."""
        probs, scaled_w, alphabet = self.line_probs(row)
        factor = scaled_w / max(row.shape[1], 1)
        return gap_choices(probs, scaled_w, [(a * factor, b * factor) for a, b in spans], alphabet, k)

    def read_rows(self, rows: Sequence[np.ndarray],
                  spans: Sequence[Sequence[tuple[int, int]]]) -> list[list[tuple[str, float]]]:
        """Rows of glyphs read by the recognition model alone (no detection), in batches of
        ``DEFAULT_ROW_BATCH`` scaled to ``DEFAULT_GLYPH_PX`` high; each character the model emits is given to
        the span (pixels of the row as passed) under its time steps."""
        import cv2
        import numpy as np

        rec = rapid_rec(self.threads or DEFAULT_GLYPH_THREADS)
        alphabet = rec.postprocess_op.character
        scaled, factors = [], []
        for row in rows:
            factor = DEFAULT_GLYPH_PX / max(row.shape[0], 1)
            width = max(1, round(row.shape[1] * factor))
            scaled.append(cv2.resize(bgr(row), (width, DEFAULT_GLYPH_PX), interpolation=cv2.INTER_AREA))
            factors.append(factor)
        out: list[list[tuple[str, float]]] = []
        for start in range(0, len(scaled), DEFAULT_ROW_BATCH):
            batch = scaled[start : start + DEFAULT_ROW_BATCH]
            width = max(r.shape[1] for r in batch)
            tensor = np.zeros((len(batch), 3, DEFAULT_GLYPH_PX, width), dtype=np.float32)
            for i, row in enumerate(batch):
                tensor[i, :, :, : row.shape[1]] = row.transpose(2, 0, 1) / 127.5 - 1.0
            probs = rec.session(tensor)[0]
            for i in range(len(batch)):
                factor = factors[start + i]
                row_spans = [(a * factor, b * factor) for a, b in spans[start + i]]
                out.append(ctc_slots(probs[i], width, row_spans, alphabet))
        return out
