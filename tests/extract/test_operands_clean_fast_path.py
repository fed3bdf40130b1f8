"""The damage scan of a page's content (``operands.scan_content``) tokenised every page in Python, though no
page of the samples and corpora has anything to count (~100 ms of the 7 born-digital samples' 103 pages,
issue 18's CPU goal).  Content the clean grammar (``operands._CLEAN``) matches whole now answers (0, 0, 0) in
one native regex pass; anything else is scanned token by token as before.  The grammar must never accept
content the token scan would count: a property test over token soups built from the pieces that matter
(operators with too few or wrong operands, absurd numbers, strings cut short, inline images, unknown
operators, comments, delimiters run together)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from policy_extract.extract.sources.operands import _CLEAN, _PLAN, scan_content, scan_tokens

_OPERATORS = [*sorted(_PLAN), b"Tk", b"x", b"{", b"}", b"d0", b"d1"]
_ATOMS = [
    b"1", b"0", b"-2.5", b".5", b"5.", b"+3", b"--1", b"1.2.3", b"999999.9", b"1000001", b"1234567", b"1e9",
    b"(a)", b"(a(b)c)", b"(a\\)b)", b"(((x)))", b"((((x))))", b"(", b")", b"<00ff>", b"<0 0>", b"<zz>",
    b"<", b">", b"<<", b">>", b"/F1", b"/", b"[", b"]", b"%c\n", b"%", b"true", b"null", b"\x00", b"'", b'"',
]
_SEPARATORS = [b" ", b"", b"\n", b"\t", b"\r\n", b"\x0c"]
_PIECE = st.tuples(st.one_of(st.sampled_from(_OPERATORS), st.sampled_from(_ATOMS)), st.sampled_from(_SEPARATORS))


@settings(max_examples=800, deadline=None)
@given(st.lists(_PIECE, max_size=16))
def test_content_the_clean_grammar_accepts_has_nothing_to_count(pieces: list[tuple[bytes, bytes]]) -> None:
    data = b"".join(token + sep for token, sep in pieces)
    if _CLEAN.fullmatch(data) is not None:
        assert scan_tokens(data) == (0, 0, 0)
    assert scan_content(data) == scan_tokens(data)


@pytest.mark.parametrize("data", [
    b"BT /F1 12 Tf 1 0 0 1 72 720.5 Tm [(a) -250 <0102>] TJ (b) Tj ET q 0.5 w 0 0 m 10 0 l S Q",
    b"q 0 0.028 595.275 841.861 re\nW* n\nq 0 0 0 rg\nBT\n111 713.789 Td /F4 16 Tf[<01>19<08>]TJ\nET\nQ",
    b"/Span << /MCID 0 >> BDC /GS0 gs /Cs1 cs 0 0 0 1 scn [3 2] 0 d EMC % a comment\n/Im0 Do",
    b"",
])
def test_common_content_takes_the_fast_path(data: bytes) -> None:
    assert _CLEAN.fullmatch(data) is not None and scan_content(data) == (0, 0, 0)


@pytest.mark.parametrize(("data", "counts"), [
    (b"BT /F1 /F2 Tf (a) Tj ET", (1, 0, 0)),        # a name where the font size goes
    (b"1000000000 0 m 5 5 l S", (0, 0, 1)),          # a position no page can hold
    (b"1234567 0 Td", (0, 0, 1)),
    (b"BT (a) Tk ET", (0, 1, 0)),                    # a damaged operator name
    (b"(a) 5 m", (1, 0, 0)),                         # too few own operands: pdfminer pops the string
    (b"[/N (a)] TJ", (1, 0, 0)),
])
def test_damaged_content_is_still_counted(data: bytes, counts: tuple[int, int, int]) -> None:
    assert _CLEAN.fullmatch(data) is None
    assert scan_content(data) == scan_tokens(data) == counts
