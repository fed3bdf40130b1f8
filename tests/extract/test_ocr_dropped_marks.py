"""OCR of Chinese text: marks the recogniser reads at the wrong width or drops from a line."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from policy_extract.extract.ocr import (
    OcrLine,
    clipped_rows,
    fill_gaps,
    fix_punctuation,
    is_dropped_glyph,
    orphan_ink,
    reread_clipped,
    with_inserted,
)


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("尚未取得市场业绩的首台（套)或首批次", "尚未取得市场业绩的首台（套）或首批次"),
        ("尚未取得市场业绩的首台(套）或首批次", "尚未取得市场业绩的首台（套）或首批次"),
        ("各县(市、区）人民政府", "各县（市、区）人民政府"),
        ("(2024)第3号（试行)", "(2024)第3号（试行）"),
        ("目标值(%)", "目标值(%)"),
    ],
)
def test_a_half_width_bracket_read_opposite_a_full_width_one_in_chinese_is_full_width(
        read: str, printed: str) -> None:
    assert fix_punctuation(read) == printed


# ------------------------------------------------------------------ glyphs the decoding dropped from a line

EM = 40  # px: a 16 pt line at 200 dpi is about 44 px of box, 38-40 px of ink


def _glyph(img: np.ndarray, x: int, top: int = 4, bottom: int = 38) -> None:
    """An ideograph's ink: a filled block one em cell wide (x .. x + 32) between ``top`` and ``bottom``."""
    img[top:bottom, x + 4 : x + 36] = 0


def _line(texts: str, xs: list[int]) -> OcrLine:
    """A recognised line whose characters' boxes are one em wide at ``xs`` (as the decoding places them)."""
    chars = [(c, (float(x), 0.0, float(x + EM), 42.0)) for c, x in zip(texts, xs, strict=True)]
    return OcrLine(texts, 0.99, (float(xs[0]), 0.0, float(xs[-1] + EM), 42.0), chars)


class FakeReader:
    """A recogniser that offers ``reading`` over every span it is asked about, and records the spans."""

    def __init__(self, reading: tuple[str, float]) -> None:
        self.reading, self.asked = reading, []

    def read_gaps(self, row: np.ndarray, spans: list[tuple[int, int]]) -> list[tuple[str, float]]:
        self.asked.append(list(spans))
        return [self.reading for _ in spans]


def _page_with_dropped_glyph() -> tuple[np.ndarray, OcrLine]:
    """要 敞 开 printed; the decoding emitted 要 and 开 only, their boxes leaving 敞's cell uncovered."""
    img = np.full((50, 200, 3), 255, np.uint8)
    for x in (0, 42, 84):
        _glyph(img, x)
    return img, _line("要开", [0, 84])


def test_a_rare_character_the_decoding_dropped_is_read_from_the_ink_between_its_neighbours() -> None:
    img, line = _page_with_dropped_glyph()
    assert orphan_ink(line, img) == [(46, 78)]
    reader = FakeReader(("敞", 0.236))  # moa_njbt p.6: the blank won 0.69 to 0.24 at 敞's time step
    filled = fill_gaps(line, img, reader)
    assert filled.text == "要敞开"
    assert [c for c, _ in filled.chars] == ["要", "敞", "开"]
    xs = [b[0] for _c, b in filled.chars]
    assert xs == sorted(xs)  # lines order their characters by x


@pytest.mark.parametrize("reading", [("开", 0.9), ("敞", 0.0001), ("", 0.0), ("|", 0.087)])
def test_a_gap_reading_that_is_improbable_or_repeats_a_neighbour_is_not_inserted(
        reading: tuple[str, float]) -> None:
    """(…or is no Chinese glyph: 引's 丨 past 引's estimated box reads ``|``, 0.087, on a scan of page 14 of
    002_2334d2a9bd2ede71.)"""
    img, line = _page_with_dropped_glyph()
    assert fill_gaps(line, img, FakeReader(reading)) is line


def test_ink_inside_the_recognised_characters_boxes_is_not_read_again() -> None:
    img = np.full((50, 200, 3), 255, np.uint8)
    for x in (0, 42, 84):
        _glyph(img, x)
    reader = FakeReader(("敞", 0.9))
    line = _line("要敞开", [0, 42, 84])
    assert orphan_ink(line, img) == []
    assert fill_gaps(line, img, reader) is line
    assert reader.asked == []


def test_a_pause_mark_set_tight_between_closing_and_opening_quotes_is_found_in_the_quotes_box() -> None:
    """”、“ in a FangSong body: the 、 (low) lies inside the box the decoding gave the “ (high marks)."""
    img = np.full((50, 200, 3), 255, np.uint8)
    img[4:14, 10:22] = 0  # ” ticks, upper half
    img[28:37, 44:52] = 0  # 、 low in the line
    img[4:14, 62:74] = 0  # “ ticks, upper half
    _glyph(img, 84)
    line = _line("”“有", [0, 40, 84])
    assert orphan_ink(line, img) == [(44, 52)]
    filled = fill_gaps(line, img, FakeReader(("、", 0.031)))
    assert filled.text == "”、“有"
    xs = [b[0] for _c, b in filled.chars]
    assert xs == sorted(xs)


def test_glyphs_that_touch_across_two_boxes_are_covered_ink() -> None:
    """Bold heading glyphs run together: one wide run of ink over two boxes is not a dropped glyph."""
    img = np.full((50, 200, 3), 255, np.uint8)
    img[4:38, 4:120] = 0
    assert orphan_ink(_line("降碳主", [0, 40, 80]), img) == []


# ------------------------------------------------------------------ a line box that cuts through its ink


class FakeEngine:
    def __init__(self, text: str, score: float) -> None:
        self.text, self.score, self.crops = text, score, []

    def read_text(self, image: np.ndarray) -> tuple[str, float]:
        self.crops.append(image.shape)
        return self.text, self.score


def _clipped_page(overhang: int) -> tuple[np.ndarray, OcrLine]:
    """Three glyphs whose ink starts ``overhang`` px above the detected box's top (row 10)."""
    img = np.full((80, 200, 3), 255, np.uint8)
    for x in (0, 42, 84):
        _glyph(img, x, top=10 - overhang, bottom=46)
    chars = [(c, (float(x), 10.0, float(x + EM), 50.0)) for c, x in zip("函需熟", (0, 42, 84), strict=True)]
    return img, OcrLine("函需熟", 0.968, (0.0, 10.0, 124.0, 50.0), chars)


def test_a_line_box_that_cuts_off_glyph_tops_is_read_again_with_all_its_ink() -> None:
    img, line = _clipped_page(3)
    assert clipped_rows(img, line.box) == (7, 50)  # the box bottom holds the rest
    engine = FakeEngine("亟需熟", 0.985)
    again = reread_clipped(line, img, engine)
    assert again.text == "亟需熟"
    assert [b for _c, b in again.chars] == [b for _c, b in line.chars]
    assert engine.crops[0][0] >= 50 - 7


@pytest.mark.parametrize(("text", "score"), [("亟需熟", 0.9), ("亟需熟化", 0.99)])
def test_a_second_reading_less_confident_or_of_another_length_leaves_the_line(text: str, score: float) -> None:
    img, line = _clipped_page(3)
    assert reread_clipped(line, img, FakeEngine(text, score)) is line


def test_a_box_holding_all_its_ink_or_ink_running_on_is_not_read_again() -> None:
    img, line = _clipped_page(0)
    assert clipped_rows(img, line.box) is None
    img, line = _clipped_page(10)  # ink far above the box: another line or a seal, not this line's
    assert clipped_rows(img, line.box) is None


@given(st.lists(st.sampled_from("要开 优机、“”"), min_size=2, max_size=12), st.data())
def test_inserting_characters_keeps_text_and_characters_in_step(texts: list[str], data: st.DataObject) -> None:
    chars = [c for c in texts if c != " "]
    if len(chars) < 2:
        return
    line = OcrLine("".join(texts).strip(), 0.9, (0.0, 0.0, 40.0 * len(chars), 42.0),
                   [(c, (40.0 * i, 0.0, 40.0 * i + 40, 42.0)) for i, c in enumerate(chars)])
    at = data.draw(st.integers(1, len(chars) - 1))
    out = with_inserted(line, [(at, "敞", (40.0 * at - 4, 0.0, 40.0 * at + 4, 42.0))])
    assert out.text.replace(" ", "") == "".join(c for c, _ in out.chars)
    assert [c for c, _ in out.chars][at] == "敞"
    xs = [b[0] for _c, b in out.chars]
    assert xs == sorted(xs)


def test_the_gap_reading_is_the_best_symbol_other_than_blank_and_space_under_the_span() -> None:
    from policy_extract.extract.rapidocr_engine import gap_symbols

    alphabet = ["blank", "要", "敞", "开", " "]
    probs = np.zeros((6, 5))
    probs[:, 0] = 1.0
    probs[1] = [0.0, 1.0, 0.0, 0.0, 0.0]  # 要 emitted at step 1
    probs[3] = [0.69, 0.0, 0.236, 0.0, 0.074]  # the blank won over 敞 at step 3
    probs[5] = [0.0, 0.0, 0.0, 1.0, 0.0]
    assert gap_symbols(probs, 60, [(30, 40)], alphabet) == [("敞", pytest.approx(0.236))]
    assert gap_symbols(probs, 60, [(100, 120)], alphabet) == [("", 0.0)]


@pytest.mark.parametrize(("text", "kept"), [("“", True), ("、", True), (",", True), ("遂", True), ("|", False),
                                            ("8", False), ("有", False)])  # fmt: skip
def test_a_dropped_glyph_is_a_chinese_glyph_or_mark_other_than_its_neighbours(text: str, kept: bool) -> None:
    """Quotes sit outside the CJK blocks but are Chinese text's marks (a “ dropped after a squeezed 、)."""
    assert is_dropped_glyph(text, 0.1, {"有"}) is kept


def test_two_glyphs_dropped_between_the_same_neighbours_are_both_inserted_in_reading_order() -> None:
    """Review: both gap readings keyed the same index, so the text kept only the last and the characters came
    out reversed (关于乙通知 / 关于乙甲通知)."""
    chars = [(c, (40.0 * i, 0.0, 40.0 * i + 40, 42.0)) for i, c in enumerate("关于通知")]
    line = OcrLine("关于通知", 0.9, (0.0, 0.0, 160.0, 42.0), chars)
    out = with_inserted(line, [(2, "甲", (78.0, 0.0, 80.0, 42.0)), (2, "乙", (80.0, 0.0, 82.0, 42.0))])
    assert out.text == "关于甲乙通知"
    assert "".join(c for c, _ in out.chars) == "关于甲乙通知"
