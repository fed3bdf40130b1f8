"""check_chars judged every character of a page with two Python calls (is_bad_char twice, is_ideograph once:
~22 ms of the 7 born-digital samples, issue 18).  Texts of one code point each are now judged with one regex
pass over the page; the classes must say exactly what the predicates say, for every code point."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from policy_extract.extract.textlayer import (
    _BAD_CODE_POINT,
    _IDEOGRAPH,
    count_bad,
    ideographs,
    is_bad_char,
    is_ideograph,
)


def test_the_classes_are_the_predicates_for_every_code_point() -> None:
    for code in range(0x110000):
        ch = chr(code)
        assert (_BAD_CODE_POINT.fullmatch(ch) is not None) == is_bad_char(ch), hex(code)
        assert (_IDEOGRAPH.fullmatch(ch) is not None) == is_ideograph(ch), hex(code)


@given(st.lists(st.sampled_from(["中", "a", "", "(cid:12)", "\ue000", "\ufffd", "\x00", "\t", "ab", "𠀀", " "])))
def test_counts_as_text_by_text(texts: list[str]) -> None:
    assert count_bad(texts) == sum(1 for t in texts if is_bad_char(t))
    assert ideographs(texts) == [t for t in texts if len(t) == 1 and is_ideograph(t)]
