"""make_line, row_text and char_rows ran ~130 ms of the 7 born-digital samples' CPU (issue 18): row_text now
judges a gap below both space thresholds (or at both) without asking whether the neighbours are CJK, and
make_line converts each distinct colour once.  Both must give what the character-by-character forms gave."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from policy_extract.extract.lines import (
    color_hex,
    letter_gap,
    line_color,
    most_common,
    needs_space,
    row_text,
)
from policy_extract.extract.settings import ExtractSettings

_CHAR = st.fixed_dictionaries({
    "text": st.sampled_from(["中", "，", "a", "1", " ", "", "Ｗ", "-"]),
    "x0": st.floats(0, 50, allow_nan=False), "x1": st.floats(0, 50, allow_nan=False),
    "size": st.sampled_from([0.5, 1.0, 9.0, 10.5, 16.0]),
    "non_stroking_color": st.sampled_from([(0.0,), (1.0, 0.0, 0.0), (0.0, 0.0, 0.0), (0, 0, 0, 1), None]),
})


def _row_text_one_by_one(chars: list[dict], s: ExtractSettings) -> str:
    out, prev, blank, piece = [], None, False, False
    letters, cjk_line = letter_gap(chars)
    for ch in chars:
        if not ch["text"].strip():
            blank = prev is not None
            continue
        if prev is not None:
            if needs_space(prev, ch, blank, s, None if piece else letters, cjk_line):
                out.append(" ")
            piece = not blank and abs(ch["x0"] - prev["x0"]) < 0.1 * max(prev["size"], ch["size"], 1.0)
        out.append(ch["text"])
        prev, blank = ch, False
    return "".join(out)


@settings(max_examples=400, deadline=None)
@given(st.lists(_CHAR, max_size=12), st.floats(0.01, 2), st.floats(0.01, 2), st.floats(0.01, 2))
def test_row_text_spaces_as_judged_pair_by_pair(chars: list[dict], latin: float, cjk: float, word: float) -> None:
    s = ExtractSettings(latin_space_em=latin, cjk_space_em=cjk, latin_word_gap_em=word)
    assert row_text(chars, s) == _row_text_one_by_one(chars, s)


@given(st.lists(_CHAR, min_size=1, max_size=12))
def test_line_colour_is_the_commonest_converted_colour(chars: list[dict]) -> None:
    expected = most_common((color_hex(c.get("non_stroking_color")) for c in chars), None)
    assert line_color(chars) == expected
    listed = [{**c, "non_stroking_color": list(c["non_stroking_color"] or [])} for c in chars]
    assert line_color(listed) == Counter(color_hex(c["non_stroking_color"]) for c in listed).most_common(1)[0][0]
