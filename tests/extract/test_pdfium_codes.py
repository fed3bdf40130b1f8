"""Garbled pages kept on pdfium (extract/sources/pdfium_codes.py, issue 16): each shown glyph's code read off the
content stream and named as pdfminer names it, paired with pdfium's characters object by object."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pdfminer.psparser import PSBaseParser
from policy_extract.extract.damage import content_data
from policy_extract.extract.sources.pdfium_codes import (
    FontGlyphs,
    Unfollowed,
    coded_chars,
    literal_bytes,
    shown_glyphs,
)
from policy_extract.extract.sources.pdfium_source import PdfiumDocument, PdfiumPage

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "pdf"
GARBLED = [SAMPLES / "garbled_stress_continued_table.pdf",
           ROOT / "samples" / "generated" / "pdf" / "garbled_gen_docx_yiliao_lines.pdf"]
TOLERANCE = 1e-3


def _order(chars: list[dict]) -> list[dict]:
    return sorted(chars, key=lambda c: (round(c["top"], 3), round(c["x0"], 3), c["text"]))


def assert_pdfminers_chars(page: PdfiumPage, chars: list[dict]) -> None:
    expected = page.plumber.chars
    assert len(chars) == len(expected)
    for a, b in zip(_order(expected), _order(chars), strict=True):
        assert (a["text"], a["fontname"]) == (b["text"], b["fontname"])
        for key in ("x0", "x1", "top", "bottom", "size"):
            assert abs(a[key] - b[key]) <= TOLERANCE, (a["text"], key, a[key], b[key])


@pytest.mark.parametrize("path", GARBLED, ids=["garbled_sample", "garbled_generated"])
def test_garbled_pages_stay_with_pdfium_with_pdfminers_glyphs(path: Path) -> None:
    # the two sets of a font subset without /ToUnicode: (cid:N) codes, and a MacRoman-like simple font whose
    # codes pdfium reads as one text for several glyphs (f for three of them, a blank for a visible one)
    for page in PdfiumDocument(path).pages():
        assert isinstance(page, PdfiumPage)
        assert page.resolve() is page
        assert_pdfminers_chars(page, page.chars)


def test_a_text_page_listed_out_of_drawing_order_pairs_by_text_object() -> None:
    # page 18 of this sample: pdfium's text page lists some runs in another order than they are drawn; pairing
    # glyphs with characters in list order gave 长期宣 where 月，要 is printed
    pages = list(PdfiumDocument(SAMPLES / "002_2334d2a9bd2ede71.pdf").pages())
    page = pages[17]
    assert isinstance(page, PdfiumPage)
    page.read(until_unmapped=True)
    chars = coded_chars(page)
    assert chars is not None
    assert_pdfminers_chars(page, chars)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.pdf")), ids=lambda p: p.stem)
def test_shown_glyphs_name_each_glyph_as_pdfminer_does(path: Path) -> None:
    for page in PdfiumDocument(path).pages():
        data = content_data(page.plumber)
        try:
            shown = shown_glyphs(data or b"", page.plumber.page_obj.resources, FontGlyphs())
        except Unfollowed:
            continue
        got = [(g.text, g.fontname) for group in shown for g in group]
        assert got == [(c["text"], c["fontname"]) for c in page.plumber.chars]


def _pdfminer_literal(token: bytes) -> bytes:
    parser = PSBaseParser(__import__("io").BytesIO(token))
    _, value = parser.nexttoken()
    return value


@given(st.binary(max_size=40))
def test_literal_strings_are_unescaped_as_pdfminer_unescapes_them(data: bytes) -> None:
    escaped = b"".join(b"\\" + bytes((c,)) if c in b"()\\" else (b"\\%03o" % c if c < 32 else bytes((c,)))
                       for c in data)
    token = b"(" + escaped + b")"
    assert literal_bytes(token) == _pdfminer_literal(token) == data


@pytest.mark.parametrize("token", [b"(a\\\nb)", b"(\\n\\r\\t\\b\\f)", b"(\\0531)", b"(\\q)", b"(a\\\r\nb)"])
def test_escapes_and_line_continuations_read_as_pdfminer_reads_them(token: bytes) -> None:
    assert literal_bytes(token) == _pdfminer_literal(token)


_OPERATORS = ["b", "B", "b*", "B*", "BDC", "BMC", "BT", "BX", "c", "cm", "CS", "cs", "d", "d0", "d1", "DP", "EMC",
              "ET", "EX", "f", "F", "f*", "G", "g", "gs", "h", "i", "j", "J", "K", "k", "l", "m", "M", "MP", "n",
              "re", "RG", "rg", "ri", "s", "S", "SC", "sc", "SCN", "scn", "sh", "T*", "Tc", "Td", "TD", "Tm",
              "Tr", "Ts", "Tw", "Tz", "TL", "v", "w", "W", "W*", "y", "true", "null"]


@given(op=st.sampled_from(_OPERATORS) | st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ*'\"",
                                               min_size=1, max_size=4))
def test_an_operator_the_code_reading_skips_changes_nothing_it_follows(op: str) -> None:
    # shown_glyphs hands operate() only the operators of _FOLLOWED; any other must leave the font, the saved
    # fonts and the shown glyphs as they were, or the shortcut reads another page than operate() would
    from policy_extract.extract.sources.pdfium_codes import _FOLLOWED, FontGlyphs, operate

    tok = op.encode()
    if tok in _FOLLOWED:
        return
    font, saved, out = object(), [object()], [[]]
    state = (font, list(saved), [list(g) for g in out])
    got = operate(tok, [b"/F1", b"12"], state, (None, None, None, FontGlyphs(), 0), iter([b"EI"]))
    assert got is font and state[1] == saved and state[2] == out
