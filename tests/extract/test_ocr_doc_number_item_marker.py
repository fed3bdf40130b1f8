"""OCR misreadings of a 文号's year brackets and of an item marker's stop, repaired by their grammar.

Scanned twins scan_gen_rl_03_edu_joint and scan_gen_rl_11_elderly_requirements: the full-width item marker
``1．`` (drawn at mid height by the rl producer's face) was read ``1·``, so the 专栏 item grammar saw no
numbered item and the whole box became its title (sidebar items 0/3); the cited 文号 ``浙政办发〔2021〕58号``
was read ``浙政办发[2021】58号`` (every scanned notice's 文号 comes back with [ ], 【 】, ［ ］ or mixed).
"""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from extract.engines import Recognised
from extract.ocr import OcrLine, fill_gaps, fix_forms, fix_punctuation, ocr_line
from normalize.sidebars import ITEM
from policy_extract.core.vocabulary import (
    OCR_DOC_NUMBER_CLOSE,
    OCR_DOC_NUMBER_OPEN,
    OCR_ITEM_DOTS,
)

ideographs = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
issuers = st.text(ideographs, min_size=1, max_size=6)
years = st.integers(1949, 2099)
serials = st.integers(1, 9999)


def test_doc_number_year_brackets_read_as_mixed_brackets() -> None:
    read = "根据《通知》（浙政办发[2021】58号）精神，为"
    assert fix_punctuation(read) == "根据《通知》（浙政办发〔2021〕58号）精神，为"
    assert fix_punctuation("浙教计〔2023］45号") == "浙教计〔2023〕45号"
    assert fix_punctuation("鲁民[2023]41号") == "鲁民〔2023〕41号"


def test_sidebar_item_marker_read_as_mid_dot_is_numbered() -> None:
    line = fix_punctuation("1·新建、改扩建中小学校120所，新增学位12万个。")
    assert line == "1．新建、改扩建中小学校120所，新增学位12万个。"
    m = ITEM.match(line)
    assert m is not None and m.group(1) == "1"


def test_corrected_marks_stay_on_their_character_boxes() -> None:
    text = "2·深工信[2023】201号"
    boxes = tuple((10.0 * i, 0.0, 10.0 * i + 9, 20.0) for i in range(len(text)))
    line = ocr_line(Recognised(text, 0.9, (0.0, 0.0, 10.0 * len(text), 20.0), tuple(text), boxes))
    assert line.text == "2．深工信〔2023〕201号"
    assert [c for c, _ in line.chars] == list(line.text)
    assert [b for _, b in line.chars] == [(b[0], 0.0, b[2], 20.0) for b in boxes]


@given(issuers, st.sampled_from(OCR_DOC_NUMBER_OPEN), years, st.sampled_from(OCR_DOC_NUMBER_CLOSE), serials)
def test_any_bracket_pair_around_a_doc_number_year_is_printed_as_year_brackets(
        issuer: str, opening: str, year: int, closing: str, serial: int) -> None:
    assert fix_forms(f"{issuer}{opening}{year}{closing}{serial}号") == f"{issuer}〔{year}〕{serial}号"


@given(st.text(min_size=0, max_size=40))
def test_corrections_replace_one_character_for_one_and_are_idempotent(text: str) -> None:
    fixed = fix_forms(text)
    assert len(fixed) == len(text)
    assert fix_forms(fixed) == fixed


@given(issuers, st.sampled_from("([（【"), years, st.sampled_from(")]）】"),
       st.sampled_from(["年", "—2025年", "版", "", "号", "第3号"]))
def test_brackets_outside_a_doc_number_form_are_left_as_read(
        before: str, opening: str, year: int, closing: str, after: str) -> None:
    # a year in brackets not followed by a serial and 号 (``（2021）年``, ``规划（2021—2025年）``) is no 文号
    text = f"{before}{opening}{year}{closing}{after}"
    assert fix_forms(text) == text


@given(st.integers(1, 99), st.sampled_from(OCR_ITEM_DOTS), st.text(ideographs, min_size=1, max_size=10))
def test_a_leading_number_and_mid_dot_before_chinese_is_an_item_marker(
        number: int, dot: str, rest: str) -> None:
    assert fix_forms(f"{number}{dot}{rest}") == f"{number}．{rest}"


@given(st.text(ideographs, min_size=1, max_size=5), st.integers(1, 99), st.sampled_from(OCR_ITEM_DOTS),
       st.text(ideographs, min_size=1, max_size=5))
def test_a_mid_dot_inside_a_line_is_left_as_read(before: str, number: int, dot: str, after: str) -> None:
    # only a line's leading number is an item marker: 马克思·恩格斯, 第3·…, 3·5 stay as read
    for text in (f"{before}{dot}{after}", f"{before}{number}{dot}{after}", f"{number}{dot}{number}{after}"):
        assert fix_forms(text) == text


# ------------------------------------------- a closing mark after a line's last character (hanging 、)

EM = 40  # px: one em of a 16 pt line at 200 dpi


class FakeReader:
    """A recogniser that offers ``reading`` over every span it is asked about."""

    def __init__(self, reading: tuple[str, float]) -> None:
        self.reading = reading

    def read_gaps(self, row: np.ndarray, spans: list[tuple[int, int]]) -> list[tuple[str, float]]:
        return [self.reading for _ in spans]


def _line_ending_in(mark_rows: tuple[int, int]) -> tuple[np.ndarray, OcrLine]:
    """相 调 printed, then ink at ``mark_rows`` just past the last character, cut by the detector's box (as
    scan_gen_rl_11_elderly_requirements's ``…相协调、``, whose 、 the box cut at its middle)."""
    img = np.full((50, 220, 3), 255, np.uint8)
    for x in (0, 42):
        img[4:38, x + 4 : x + 36] = 0
    img[mark_rows[0] : mark_rows[1], 86:96] = 0
    chars = [("相", (0.0, 0.0, 40.0, 42.0)), ("调", (42.0, 0.0, 82.0, 42.0))]
    return img, OcrLine("相调", 0.99, (0.0, 0.0, 90.0, 42.0), chars)


def test_line_final_enumeration_comma_past_the_detected_box_is_read() -> None:
    img, line = _line_ending_in((18, 30))
    filled = fill_gaps(line, img, FakeReader(("、", 0.566)))
    assert filled.text == "相调、"
    assert [c for c, _ in filled.chars] == ["相", "调", "、"]


def test_ink_past_the_last_character_read_as_a_glyph_or_reaching_the_top_is_left_out() -> None:
    img, line = _line_ending_in((18, 30))
    assert fill_gaps(line, img, FakeReader(("一", 0.9))).text == "相调"  # only a closing mark ends a line so
    img, line = _line_ending_in((4, 38))  # a glyph's ink from the top: the next column, not a mark
    assert fill_gaps(line, img, FakeReader(("、", 0.9))).text == "相调"
