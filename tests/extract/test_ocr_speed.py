"""The detector's page size: ``det_max_side`` applied (RapidOCR's own choice ignored it), or, opt-in
(``OcrSettings.det_text_px``), fitted to the page's body text; recognition batch size a setting."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from policy_extract.extract.rapidocr_engine import (
    DEFAULT_DET_MIN_SIDE,
    RapidOcrEngine,
    body_text_px,
    det_side,
    fit_detector,
    rapid_ocr,
)
from policy_extract.extract.settings import OcrSettings


def _page(glyph_px: int, rows: int = 12, shape: tuple[int, int] = (2339, 1654)) -> np.ndarray:
    """A white RGB page with ``rows`` lines of square black 'glyphs' ``glyph_px`` high (some split in two
    halves, as a character of two radicals is) and a ruled frame."""
    img = np.full((*shape, 3), 255, np.uint8)
    for r in range(rows):
        top = 200 + r * glyph_px * 2
        for c in range(20):
            left = 150 + c * (glyph_px + 8)
            img[top : top + glyph_px, left : left + glyph_px] = 0
            if c % 3 == 0:  # a character of a left and a right part
                img[top : top + glyph_px, left + glyph_px // 2 - 2 : left + glyph_px // 2 + 2] = 255
    img[100:104, 100:1550] = 0  # a rule: not a glyph
    img[100:2200, 100:104] = 0
    return img


def test_body_text_height_is_the_height_of_the_glyphs() -> None:
    assert body_text_px(_page(40)) == pytest.approx(40, abs=2)
    assert body_text_px(_page(26)) == pytest.approx(26, abs=2)


def test_a_blank_page_has_no_text_height() -> None:
    assert body_text_px(np.full((2339, 1654, 3), 255, np.uint8)) is None
    assert det_side(np.full((2339, 1654, 3), 255, np.uint8), 2000, 24) == 2000


def test_by_default_the_detector_sees_the_largest_side_allowed() -> None:
    assert det_side(_page(40), 2000) == 2000
    assert det_side(_page(40), 1600) == 1600


def test_fitted_to_large_body_text_the_detector_sees_a_smaller_page() -> None:
    assert det_side(_page(40), 2000, 24) == pytest.approx(2339 * 24 / 40, abs=60)
    assert det_side(_page(20), 2000, 24) == 2000  # small text: the largest size allowed
    assert det_side(_page(120, rows=6), 2000, 24) == DEFAULT_DET_MIN_SIDE  # never below the floor


def test_the_configured_detector_side_is_applied() -> None:
    """RapidOCR picks 2,000 px for any page longer than 1,500 whatever it was given."""
    engine = rapid_ocr(1600, 1, 6)
    assert engine.text_det.get_preprocess(2339).limit_side_len == 2000  # RapidOCR's own choice
    fit_detector(engine, 1408)
    assert engine.text_det.get_preprocess(2339).limit_side_len == 1408
    assert engine.text_rec.rec_batch_num == 6


def test_det_text_px_and_rec_batch_are_validated_settings() -> None:
    assert OcrSettings(det_text_px=24, rec_batch=1).rec_batch == 1
    with pytest.raises(ValueError):
        OcrSettings(det_text_px=-1)
    with pytest.raises(ValueError):
        OcrSettings(rec_batch=0)
    engine = RapidOcrEngine(OcrSettings(rec_batch=1, threads=1))
    assert engine.read_lines(np.full((64, 64, 3), 255, np.uint8)) == []


def test_onnxruntime_threads_sleep_instead_of_spinning() -> None:
    """A spinning idle thread burned a quarter of a scanned page's CPU (outputs identical without it); the
    option is set on RapidOCR's sessions only while ours are built, RapidOCR's class is left as it was."""
    from policy_extract.extract.rapidocr_engine import NO_SPINNING, rapid_rec
    from rapidocr_onnxruntime.utils import infer_engine

    key, value = NO_SPINNING
    before = infer_engine.OrtInferSession.__dict__["_init_sess_opts"]
    sessions = [rapid_rec(1).session.session, rapid_ocr(2000, 0).text_det.infer.session]
    assert all(s.get_session_options().get_session_config_entry(key) == value for s in sessions)
    assert infer_engine.OrtInferSession.__dict__["_init_sess_opts"] is before


def test_onnxruntime_sessions_use_an_arena_shrunk_after_every_run() -> None:
    """Without an arena each page-sized tensor came fresh from the C library (the detector's CPU doubled)
    and the heap's peak crept up page after page; with an arena that is never shrunk the peak grew by
    ~500 MB instead. Every session of ours: arena on, and every run hands its free memory back."""
    from policy_extract.extract.rapidocr_engine import SHRINK_ARENA, ShrinkingRun, rapid_rec

    engine = rapid_ocr(2000, 0)
    sessions = [rapid_rec(1).session.session, engine.text_det.infer.session,
                engine.text_rec.session.session.session]  # the line recogniser runs item by item first
    assert all(isinstance(s, ShrinkingRun) for s in sessions)
    assert all(s.get_session_options().enable_cpu_mem_arena for s in sessions)
    assert all(s.options.get_run_config_entry(SHRINK_ARENA[0]) == SHRINK_ARENA[1] for s in sessions)
    assert engine(np.full((64, 64, 3), 255, np.uint8))[0] is None  # a run goes through the wrapper


def test_option_hook_swaps_from_two_threads_leave_rapidocr_as_it_was() -> None:
    """Two overlapping builds once could save each other's hook as the "original" and leave RapidOCR patched
    for the caller's own engines (review finding); builds now take turns and always restore the hook."""
    import threading

    from policy_extract.extract.rapidocr_engine import sleeping_threads
    from rapidocr_onnxruntime.utils import infer_engine

    before = infer_engine.OrtInferSession.__dict__["_init_sess_opts"]
    seen = []
    inside = threading.Event()

    def build(hold: float, signal: bool) -> None:
        with sleeping_threads():
            seen.append(infer_engine.OrtInferSession.__dict__["_init_sess_opts"] is not before)
            if signal:
                inside.set()
            threading.Event().wait(hold)

    # the second build starts while the first is inside and would end after it: without turns it saved the
    # first's hook as "original" and put it back last
    first = threading.Thread(target=build, args=(0.2, True))
    first.start()
    inside.wait(5)
    second = threading.Thread(target=build, args=(0.4, False))
    second.start()
    first.join()
    second.join()
    assert seen == [True, True]
    assert infer_engine.OrtInferSession.__dict__["_init_sess_opts"] is before


@pytest.mark.parametrize(("shape", "side", "mean", "std"), [
    ((700, 495, 3), 640, [0.5, 0.5, 0.5], [0.5, 0.5, 0.5]),  # RapidOCR's detector: mean and std 0.5
    ((300, 500, 3), 480, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),  # per-channel (ImageNet)
])
def test_detector_input_from_a_byte_table_equals_rapidocrs_bit_for_bit(shape, side, mean, std) -> None:
    """RapidOCR normalised the page in float64 then copied it to float32 (0.17 s and ~200 MB of temporaries
    per 2,000 px page); the byte table gives the same tensor, channel-first and contiguous."""
    from policy_extract.extract.rapidocr_engine import table_preprocess
    from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

    img = np.random.default_rng(7).integers(0, 256, shape, dtype=np.uint8)
    theirs = DetPreProcess(side, "max", mean, std)(img)
    ours = table_preprocess(side, mean, std)(img)
    assert ours.dtype == theirs.dtype == np.float32 and ours.shape == theirs.shape
    assert ours.tobytes() == np.ascontiguousarray(theirs).tobytes()
    assert ours.flags.c_contiguous


def test_the_detector_reads_pages_through_the_byte_table() -> None:
    from policy_extract.extract.rapidocr_engine import table_preprocess_class

    engine = rapid_ocr(2000, 1, 6)
    fit_detector(engine, 1408)
    assert isinstance(engine.text_det.get_preprocess(2339), table_preprocess_class())


def test_a_page_read_hands_the_heaps_free_memory_back(monkeypatch) -> None:
    """A page's detection left 50-200 MB of freed blocks in the C heap and a worker's resident size crept up
    document after document; every page read now ends with ``malloc_trim`` (where the C library has it)."""
    from policy_extract.extract import rapidocr_engine

    calls = []
    monkeypatch.setattr(rapidocr_engine, "malloc_trim", lambda: calls.append)
    engine = RapidOcrEngine(OcrSettings(threads=1))
    assert engine.read_lines(np.full((64, 64, 3), 255, np.uint8)) == []
    assert calls == [0]
    monkeypatch.setattr(rapidocr_engine, "malloc_trim", lambda: None)  # no malloc_trim: nothing to do
    rapidocr_engine.release_free_heap()


def test_a_batch_of_line_crops_is_read_item_by_item_with_the_same_numbers() -> None:
    """RapidOCR's batch of six padded crops cost ~1.7x the CPU per column of one crop run alone (the batch's
    activations outgrow the caches); the recogniser reads each crop alone, so running the padded crops one
    at a time gives the same output bit for bit."""
    from policy_extract.extract.rapidocr_engine import ItemByItem

    engine = rapid_ocr(2000, 1, 6)
    rec = engine.text_rec.session
    assert isinstance(rec.session, ItemByItem)
    batch = np.random.default_rng(3).uniform(-1, 1, (3, 3, 48, 400)).astype(np.float32)
    batch[1, :, :, 250:] = 0.0  # a shorter crop, padded as RapidOCR pads it
    whole = rec.session.session.run(rec.get_output_names(), {rec.get_input_names()[0]: batch})[0]
    one_by_one = rec(batch)[0]
    assert one_by_one.shape == whole.shape and one_by_one.tobytes() == whole.tobytes()


def test_item_by_item_passes_single_inputs_through_and_stacks_every_output() -> None:
    from policy_extract.extract.rapidocr_engine import ItemByItem

    class Doubling:
        def __init__(self) -> None:
            self.calls: list[int] = []

        def run(self, outputs, feeds, run_options=None):
            (x,) = feeds.values()
            self.calls.append(len(x))
            return [x * 2, x + 1]

        def get_inputs(self):
            return ["x"]

    inner = Doubling()
    session = ItemByItem(inner)
    x = np.arange(12, dtype=np.float32).reshape(3, 4)
    doubled, plus_one = session.run(None, {"x": x})
    assert np.array_equal(doubled, x * 2) and np.array_equal(plus_one, x + 1)
    assert inner.calls == [1, 1, 1]
    session.run(None, {"x": x[:1]})
    assert inner.calls == [1, 1, 1, 1]
    assert session.get_inputs() == ["x"]  # everything else is the session's


def test_heap_trim_is_skipped_where_the_process_has_no_c_library_to_name(monkeypatch) -> None:
    """Review: on Windows ``ctypes.CDLL(None)`` raises TypeError, which escaped from every OCR page."""
    import ctypes

    from policy_extract.extract import rapidocr_engine

    def no_library(name: object) -> None:
        raise TypeError("argument of type 'NoneType' is not iterable")

    monkeypatch.setattr(ctypes, "CDLL", no_library)
    rapidocr_engine.malloc_trim.cache_clear()
    try:
        assert rapidocr_engine.malloc_trim() is None
        rapidocr_engine.release_free_heap()  # no error
    finally:
        rapidocr_engine.malloc_trim.cache_clear()


@given(st.integers(1, 60), st.integers(1, 60), st.sampled_from([0.01, 0.1, 0.4]), st.integers(0, 2**32 - 1))
@settings(max_examples=300, deadline=None)
def test_components_of_a_mask_without_its_empty_rows_are_opencvs_in_its_order(h, w, share, seed) -> None:
    """Labelling with most empty rows and columns dropped (OpenCV labels by 2×2 blocks: order kept)."""
    import cv2
    from policy_extract.extract.image_tables import component_stats

    rng = np.random.default_rng(seed)
    mask = (rng.random((h, w)) < share).astype(np.uint8) * 255
    mask[rng.random(h) < 0.5] = 0
    mask[:, rng.random(w) < 0.5] = 0
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    assert component_stats(mask).tolist() == stats[1:count].tolist()


def test_a_pages_rules_are_labelled_as_opencv_labels_the_whole_page() -> None:
    import cv2
    from policy_extract.extract.image_tables import component_stats

    mask = np.zeros((2339, 1654), np.uint8)
    mask[200:205, 100:1500] = mask[1500:1504, 101:1500] = mask[::97, 300:900] = 255
    mask[300:1400, 99:103] = 255
    count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    assert component_stats(mask).tolist() == stats[1:count].tolist()


def test_pixel_shortcuts_give_numpys_values() -> None:
    """The darkest channel, the BGR copy, the ink mask and the row sums of the deskew: C paths, same bytes."""
    import cv2
    from policy_extract.extract.image_tables import ink_image
    from policy_extract.extract.ocr import darkest
    from policy_extract.extract.rapidocr_engine import bgr

    img = np.random.default_rng(7).integers(0, 256, (120, 90, 3), dtype=np.uint8)
    assert np.array_equal(darkest(img), img.min(axis=2))
    assert np.array_equal(darkest(img.reshape(-1, 3)), img.reshape(-1, 3).min(axis=1))
    assert np.array_equal(bgr(img[10:50, 5:80]), np.ascontiguousarray(img[10:50, 5:80, ::-1]))
    gray = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    assert np.array_equal(ink_image(img, 160), np.where(gray < 160, 255, 0).astype(np.uint8))


def test_a_recognition_only_read_leaves_no_recorded_readings_behind() -> None:
    """Review: readings recorded while reading a crop alone (``read_text``) stayed in the recorder for the
    worker's life when no page read cleared them."""
    import cv2

    img = np.full((48, 220, 3), 255, np.uint8)
    cv2.putText(img, "2024", (10, 36), cv2.FONT_HERSHEY_SIMPLEX, 1.2, (0, 0, 0), 2)
    engine = RapidOcrEngine(OcrSettings())
    engine.read_text(img)
    recorder = rapid_ocr(OcrSettings().det_max_side, engine.threads).text_rec.postprocess_op
    assert list(getattr(recorder, "seen", [])) == []


def test_onnxruntime_sessions_run_in_priority_order_from_the_shared_arena() -> None:
    """The session's own CPU arena grows in powers of two (RapidOCR's kSameAsRequested option is not read by
    the CPU provider) and the default order keeps the detector's page-sized activations alive longer: a
    1,984 px page took +526 MB over the process, now +392. Every session of ours has both options."""
    import onnxruntime
    from policy_extract.extract.rapidocr_engine import SHARED_ARENA, rapid_rec, shared_arena

    engine = rapid_ocr(2000, 0)
    sessions = [rapid_rec(1).session.session, engine.text_det.infer.session,
                engine.text_rec.session.session.session]
    assert shared_arena()
    for session in sessions:
        options = session.get_session_options()
        assert options.execution_order == onnxruntime.ExecutionOrder.PRIORITY_BASED
        assert options.get_session_config_entry(SHARED_ARENA[0]) == SHARED_ARENA[1]


def test_the_detectors_map_is_the_same_bit_for_bit_in_priority_order_from_the_shared_arena() -> None:
    """The options change where and when the activations live, never the numbers: the detector's probability
    map of a page equals, bit for bit, the one of a session built as RapidOCR builds it."""
    import onnxruntime
    from policy_extract.extract.rapidocr_engine import table_preprocess
    from rapidocr_onnxruntime.main import DEFAULT_CFG_PATH
    from rapidocr_onnxruntime.utils import read_yaml
    from rapidocr_onnxruntime.utils.parse_parameters import update_model_path

    det = rapid_ocr(2000, 0).text_det
    ours = det.infer.session
    options = onnxruntime.SessionOptions()
    options.enable_cpu_mem_arena = False
    options.intra_op_num_threads = 1
    model = update_model_path(read_yaml(str(DEFAULT_CFG_PATH)))["Det"]["model_path"]
    theirs = onnxruntime.InferenceSession(model, sess_options=options, providers=["CPUExecutionProvider"])
    page = _page(30, rows=10, shape=(900, 640))
    page[::7, ::5] = 120  # some grey speckle so every activation is busy
    tensor = table_preprocess(960, det.mean, det.std)(page)
    name = ours.get_inputs()[0].name
    for _ in range(2):  # the first run of a shape and a planned one
        assert ours.run(None, {name: tensor})[0].tobytes() == theirs.run(None, {name: tensor})[0].tobytes()


def test_the_page_is_read_in_bgr_order_in_place_and_given_back_as_it_was() -> None:
    """The BGR copy of the page was live through the detector's run (the worker's peak); the page's own pixels
    are swapped for the read and swapped back: RapidOCR sees the bytes of the copy, the caller its page."""
    import cv2
    from policy_extract.extract.rapidocr_engine import bgr, bgr_in_place

    page = np.random.default_rng(5).integers(0, 256, (301, 207, 3), dtype=np.uint8)
    kept = page.copy()
    with bgr_in_place(page) as seen:
        assert seen is page and seen.tobytes() == bgr(kept).tobytes()
    assert page.tobytes() == kept.tobytes()
    with pytest.raises(RuntimeError), bgr_in_place(page):
        raise RuntimeError("a failed read")
    assert page.tobytes() == kept.tobytes()  # given back after a failure too
    strided = kept[:, ::2]  # not contiguous, and a grey page: read as bgr() gives them, never written
    for image in (strided, cv2.cvtColor(kept, cv2.COLOR_RGB2GRAY)):
        before = image.copy()
        with bgr_in_place(image) as seen:
            assert seen.tobytes() == bgr(before).tobytes()
        assert image.tobytes() == before.tobytes()
