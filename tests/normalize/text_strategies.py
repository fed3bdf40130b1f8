"""Hypothesis strategies shared by the normalize property tests."""

from __future__ import annotations

from hypothesis import strategies as st

CJK_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.characters(min_codepoint=0x3000, max_codepoint=0x303F),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.characters(min_codepoint=0xFF00, max_codepoint=0xFFEF),
)
"""ASCII, CJK punctuation, ideographs and full-width forms."""

CJK_TEXT = st.text(alphabet=CJK_ALPHABET, max_size=40)
"""Arbitrary text over :data:`CJK_ALPHABET`."""

ORG_TEXT = st.text(alphabet=st.one_of(CJK_ALPHABET, st.sampled_from("、，,；;\n（）局委办")), max_size=40)
"""Arbitrary text with unit-list separators and unit suffixes mixed in."""
