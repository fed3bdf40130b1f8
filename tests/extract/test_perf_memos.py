"""The per-character memos added for speed (issue 18) answer exactly as the functions they stand in front of."""

from __future__ import annotations

import ctypes

from hypothesis import given
from hypothesis import strategies as st
from policy_extract.extract import lines
from policy_extract.extract.sources.pdfium_geometry import snap
from policy_extract.extract.sources.pdfium_source import address

_component = st.one_of(st.integers(-2, 3), st.floats(-1.0, 2.0, allow_nan=False), st.booleans())


@given(st.lists(_component, max_size=5).map(tuple))
def test_color_hex_memo_answers_as_the_plain_conversion(color):
    assert lines.color_hex(color) == lines._color_hex(color)
    assert lines.color_hex(color) == lines._color_hex(color)  # the second time from the memo


def test_color_hex_memo_keeps_lists_patterns_and_equal_numbers_apart_correctly():
    assert lines.color_hex([0.0, 0.0, 1.0]) == "#0000ff"
    assert lines.color_hex((1,)) == lines.color_hex((1.0,)) == "#ffffff"
    assert lines.color_hex(("P0", [1])) is None  # unhashable part: no memo, same answer
    assert lines.color_hex(None) is None


def test_base_font_name_memo():
    assert lines.base_font_name("ABCDEF+SimHei") == lines.base_font_name("ABCDEF+SimHei") == "SimHei"
    assert lines.base_font_name(None) == ""
    assert lines.base_font_name("FangSong_GB2312") == "FangSong_GB2312"


def test_memo_is_bounded():
    for i in range(lines._MEMO_LIMIT + 10):
        lines.color_hex((i / 1e6,))
    assert len(lines._COLOR_HEX) <= lines._MEMO_LIMIT


def test_address_reads_a_pointer_as_ctypes_cast_does():
    pointer_type = ctypes.POINTER(ctypes.c_int)
    for value in (12345, 0):
        pointer = ctypes.cast(ctypes.c_void_p(value), pointer_type)
        assert address(pointer) == (ctypes.cast(pointer, ctypes.c_void_p).value or 0)
    assert address(12345) == 12345  # not a pointer instance: through ctypes.cast


@given(st.floats(allow_nan=False, allow_infinity=False, width=32))
def test_snap_memo_answers_as_the_plain_rounding(value):
    assert snap(value) == float(f"{value:.7g}")
    assert snap(value) == float(f"{value:.7g}")  # the second time from the memo


def test_snap_keeps_the_sign_of_zero():
    assert str(snap(0.0)) == "0.0" and str(snap(-0.0)) == "-0.0" and str(snap(0.0)) == "0.0"
