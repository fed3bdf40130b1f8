"""Three misreadings that kept the scanned twin of gen_html_03_jiaoyu_sidebar out of the corpus.

* A bold run-in heading's 。, which its face prints as a ring at mid height, read ``·``
  (``规范城镇小区配套幼儿园建设·新建小区…``): the heading swallowed its paragraph (outline 0.889, paragraphs
  0.714, duties 0.500).  A mark read ``·`` whose ink is a ring is 。 (``ocr.ring_under``): the 间隔号 is a
  solid dot.  The same heading face in scans of gen_html_08 and gen_html_13 read the same.
* A bracketed owner wrapped over two lines, its ``）`` read ``)`` on the second (``…出台实施方案)``): a pair
  split over lines was never made full width as a pair on one line is (``ocr._LONE_CLOSE``/``_LONE_OPEN``).
* 遴选 read 避选 (避 0.29, 遴 0.043): a rare character's probability spread thinner than a quarter of the read
  one's (``ocr.DEFAULT_CHOICE_SHARE``).
"""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from policy_extract.extract.ocr import OcrLine, check_marks, fix_punctuation, lexicon_choice

EM = 40


def _dotted_line(draw_mark) -> OcrLine:
    """``建设·新建`` on a white page, 40 px to the em: each ideograph a box of ink, the mark drawn by
    ``draw_mark(img, x0, x1)`` in its cell."""
    text = "建设·新建"
    img = np.full((80, 40 * len(text) + 80, 3), 255, np.uint8)
    chars = []
    for k, ch in enumerate(text):
        x0 = 20 + EM * k
        if ch == "·":
            draw_mark(img, x0, x0 + EM)
        else:
            img[21:59, x0 + 2 : x0 + EM - 2] = 0
        chars.append((ch, (float(x0), 20.0, float(x0 + EM), 60.0)))
    line = OcrLine(text, 0.99, (20.0, 20.0, float(20 + EM * len(text)), 60.0), chars)
    return check_marks(line, img)


def _ring(top: int):
    def draw(img, x0, x1):
        cx = (x0 + x1) // 2
        img[top : top + 12, cx - 6 : cx + 6] = 0
        img[top + 3 : top + 9, cx - 3 : cx + 3] = 255
    return draw


def _dot(img, x0, x1):
    cx = (x0 + x1) // 2
    img[36:42, cx - 3 : cx + 3] = 0


def test_a_ring_read_as_a_mid_dot_is_a_full_stop() -> None:
    assert _dotted_line(_ring(34)).text == "建设。新建"


def test_a_solid_dot_stays_a_mid_dot() -> None:
    """The 间隔号 (马克思·韦伯, 一二·九) is a solid dot."""
    assert _dotted_line(_dot).text == "建设·新建"


def test_a_ring_at_the_top_of_the_line_is_no_full_stop() -> None:
    """A degree sign is a ring at the top of the line."""
    assert _dotted_line(_ring(21)).text == "建设·新建"


def test_a_bracket_pair_parted_by_a_line_end_is_printed_full_width() -> None:
    assert fix_punctuation("府配合；9月底前出台实施方案)") == "府配合；9月底前出台实施方案）"
    assert fix_punctuation("教育局负责)") == "教育局负责）"
    assert fix_punctuation("增学位1.2万个。(市教育局牵头，市发") == "增学位1.2万个。（市教育局牵头，市发"


def test_a_bracket_closing_no_chinese_text_stays_half_width() -> None:
    assert fix_punctuation("见附件1)") == "见附件1)"
    assert fix_punctuation("1)开展排查") == "1)开展排查"
    assert fix_punctuation("（a)b") == "（a)b"


ideographs = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5, exclude_characters="丶"),
                     min_size=1, max_size=8)  # 丶 is the recogniser's 、
plain = st.text(st.sampled_from(list("，。、；0123456789ab 年月")), max_size=6)


@given(ideographs, plain, ideographs)
def test_any_line_closing_a_bracket_opened_before_it_closes_it_full_width(head, middle, tail) -> None:
    assert fix_punctuation(f"{middle}{head})") == fix_punctuation(f"{middle}{head}") + "）"
    assert fix_punctuation(f"{head}){tail}").startswith(fix_punctuation(head) + "）")


@given(ideographs, plain)
def test_any_line_opening_a_bracket_closed_after_it_opens_it_full_width(text, before) -> None:
    assert fix_punctuation(f"{before}({text}").endswith("（" + fix_punctuation(text))


@given(st.text(st.sampled_from(list("()（）建设年1a，")), max_size=12))
def test_brackets_are_neither_added_nor_dropped(text: str) -> None:
    fixed = fix_punctuation(text)
    assert sum(fixed.count(c) for c in "(（") == sum(text.count(c) for c in "(（")
    assert sum(fixed.count(c) for c in ")）") == sum(text.count(c) for c in ")）")


def test_a_rare_character_spread_thin_over_its_lookalikes_takes_the_word() -> None:
    read = (("避", 0.287), ("遂", 0.121), ("遵", 0.107), ("燧", 0.060), ("遴", 0.043))
    assert lexicon_choice(list("1.每年避选30所"), 4, read) == "遴"
