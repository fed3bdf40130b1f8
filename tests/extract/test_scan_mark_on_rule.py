"""A hanging 、 whose tip touches its cell's rule was not read (scan_gen_rl_03_edu_joint, annex task table:
``省人力社保厅、`` / ``省委编办`` read ``省人力社保厅省委编办``, cells 0.977, adjacency 0.957).

The ink before the rule closing a cell is read as the hanging mark (``image_tables.hanging_mark``); the rule
was whitened over a fixed 3 px each side of its centre, which took the 、's tip and left it 9 of its 17
pixels, under the 10 a mark needs. Now only the rule's own columns (inked on nearly every row of the line)
and a pixel of blur are whitened (``image_tables.rule_left``), never more than before.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from ocr_fakes import GapReader, ocr_line, page_image
from policy_extract.extract.image_tables import DEFAULT_RULE_CLEAR_PX, hanging_mark, rule_left


def _page(marks: list[tuple[int, int, int, int]], rule: tuple[int, int] | None = (299, 301)) -> np.ndarray:
    return page_image(marks, rule)


_line, _Reader = ocr_line, GapReader

def test_a_comma_touching_the_cell_rule_is_read() -> None:
    """The 、's tip touches the rule (x 295-300 over the rule at 299-300): 20 px of ink, 8 of them left of a
    fixed 3 px clearing, 12 left of the rule's own columns and a pixel of blur."""
    img = _page([(100, 35, 244, 65), (295, 58, 300, 62)])
    reader = _Reader(("、", 0.5))
    out = hanging_mark(_line("人社保厅"), img, 300, reader)
    assert out.text.endswith("、")
    assert reader.spans[0][1] == 298 - 100  # read up to the rule's first column less its blur


def test_the_rules_edge_is_its_inked_columns_less_a_pixel_of_blur() -> None:
    img = _page([(295, 58, 300, 62)])
    assert rule_left(img[30:70], 300.0) == 298
    assert rule_left(_page([], rule=(297, 302))[30:70], 300.0) == 297  # a thick rule: at most 3 px


def test_a_broken_rule_is_cleared_as_before() -> None:
    """No column inked on nearly every row (a rule faded by the scan): the fixed clearing stands."""
    img = _page([], rule=None)
    img[30:50, 299:301] = 0  # half the rows only
    assert rule_left(img[30:70], 300.0) == 300 - DEFAULT_RULE_CLEAR_PX


@settings(max_examples=60, deadline=None)
@given(width=st.integers(1, 6), at=st.integers(290, 310), mark=st.integers(1, 12))
def test_never_more_than_the_fixed_clearing_is_whitened(width: int, at: int, mark: int) -> None:
    """Whatever the rule's width and a mark against it, the first whitened column lies within the fixed
    clearing of the rule's centre, never left of it."""
    img = _page([(at - mark, 55, at, 63)], rule=(at, at + width))
    centre = at + width / 2
    edge = rule_left(img[30:70], centre)
    assert round(centre) - DEFAULT_RULE_CLEAR_PX <= edge <= round(centre) + DEFAULT_RULE_CLEAR_PX
