"""A word space printed as a gap only (no blank glyph) was lost: TeX and some word processors place each word
on its own and type no space, and their word gap (0.19–0.35 em) is below the 0.5 em a gap alone needed, so
“Household size” came out “Householdsize” and “Gross wealth - end of 2007 (Euro)”
“Grosswealth-endof2007(Euro)” (ICDAR 2013 eu-027, the whole label column).  A gap clearly wider than the
line's own letter spacing is a word space, between Latin characters only: not inside a number, not in a line
that holds CJK (justification spreads a Chinese line at its Latin/digit boundaries, GB/T5657), not in a line
that types its word spaces as blanks (there a gap alone is a kerning or a ligature's box)."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from policy_extract.extract.document import extract_document
from policy_extract.extract.lines import row_text
from policy_extract.extract.settings import ExtractSettings
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

SIZE = 10.0
CJK_FONT = "STSong-Light"


def _draw_words(pdf: canvas.Canvas, y: float, pieces: list[tuple[str, str, float]]) -> None:
    """Each piece drawn on its own (no blank glyph), ``gap`` em after the previous one's advance."""
    x = 60.0
    for font, text, gap in pieces:
        x += gap * SIZE
        pdf.setFont(font, SIZE)
        pdf.drawString(x, y, text)
        x += pdfmetrics.stringWidth(text, font, SIZE)


def _page_lines(tmp_path: Path, rows: list[list[tuple[str, str, float]]]) -> list[str]:
    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(595, 842))
    for i, pieces in enumerate(rows):
        _draw_words(pdf, 760 - 24 * i, pieces)
    pdf.save()
    path = tmp_path / "gaps.pdf"
    path.write_bytes(buf.getvalue())
    return [ln.text for ln in extract_document(path).pages[0].lines]


def _words(text: str, gap: float, font: str = "Helvetica") -> list[tuple[str, str, float]]:
    return [(font, w, gap if i else 0.0) for i, w in enumerate(text.split())]


def test_word_space_printed_as_gap_is_kept(tmp_path: Path) -> None:
    lines = _page_lines(tmp_path, [
        _words("Gross wealth - end of 2007 (Euro)", 0.3),  # TeX's interword glue: 0.33 em
        _words("Households with children", 0.2),
        _words("Std. Dev.", 0.25),
    ])
    assert lines == ["Gross wealth - end of 2007 (Euro)", "Households with children", "Std. Dev."]


def test_gap_inside_a_number_or_before_punctuation_is_no_space(tmp_path: Path) -> None:
    lines = _page_lines(tmp_path, [
        [("Helvetica", "Total", 0.0), ("Helvetica", "12", 0.3), ("Helvetica", "345", 0.3), ("Helvetica", ",", 0.3),
         ("Helvetica", "more", 0.3)],
    ])
    assert lines == ["Total 12345, more"]


def test_latin_gap_in_a_chinese_line_is_no_space(tmp_path: Path) -> None:
    """hanshan_gongshui_zhaobiao_2024: 应符合GB/T5657《…》, the line justified, T→5 spread by 0.32 em."""
    lines = _page_lines(tmp_path, [
        [(CJK_FONT, "性能应符合", 0.0), ("Helvetica", "GB/T", 0.3), ("Helvetica", "5657", 0.3),
         (CJK_FONT, "的规定", 0.3)],
    ])
    assert lines == ["性能应符合GB/T5657的规定"]


def test_word_gap_between_latin_letters_in_a_chinese_line_is_kept(tmp_path: Path) -> None:
    """ouc_xxxy_xueye_jiangxuejin_xize_2020: CCF A类期刊, Engineering Village, Minor Revision: 0.19–0.26 em."""
    lines = _page_lines(tmp_path, [
        [("Helvetica", "CCF", 0.0), ("Helvetica", "A", 0.19), (CJK_FONT, "类期刊和会议论文", 0.0)],
        [(CJK_FONT, "通过", 0.0), ("Helvetica", "Engineering", 0.1), ("Helvetica", "Village", 0.24),
         (CJK_FONT, "查询", 0.1)],
    ])
    assert lines == ["CCF A类期刊和会议论文", "通过Engineering Village查询"]


def test_gap_in_a_line_with_typed_blanks_is_no_space(tmp_path: Path) -> None:
    """A line that types its word spaces: a gap alone there is a ligature's box (us-019 ``dif erence``)."""
    lines = _page_lines(tmp_path, [
        [("Helvetica", "the absolute dif", 0.0), ("Helvetica", "ferences from", 0.3)],
    ])
    assert lines == ["the absolute differences from"]


def _char(text: str, x0: float, width: float = 5.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + width, "size": SIZE, "top": 0.0, "bottom": SIZE}


def _spaced(texts: list[str], gaps: list[float], width: float) -> list[dict]:
    """Characters ``width`` wide in a row, each after a gap of ``gaps[i]`` em."""
    chars, x = [], 0.0
    for ch, gap in zip(texts, gaps, strict=False):
        x += gap * SIZE
        chars.append(_char(ch, x, width))
        x += width
    return chars


@given(st.lists(st.sampled_from("中文国家标准"), min_size=2, max_size=8),
       st.lists(st.floats(0.0, 1.4), min_size=8, max_size=8))
def test_no_space_inside_a_cjk_run(text: list[str], gaps: list[float]) -> None:
    """However wide (below the CJK threshold, 1.5 em), a gap between CJK characters is no space."""
    assert row_text(_spaced(text, gaps, SIZE), ExtractSettings()) == "".join(text)


@given(st.lists(st.sampled_from("0123456789"), min_size=2, max_size=8),
       st.lists(st.floats(0.0, 0.45), min_size=8, max_size=8))
def test_digits_of_one_number_are_never_split(digits: list[str], gaps: list[float]) -> None:
    assert row_text(_spaced(digits, gaps, 5.0), ExtractSettings()) == "".join(digits)
