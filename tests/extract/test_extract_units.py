"""Unit checks of the extract building blocks on synthetic input (no PDF needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pikepdf
import pytest
from policy_extract.extract import extract_document
from policy_extract.extract.debug import render_debug
from policy_extract.extract.lattice import find_grids
from policy_extract.extract.lines import base_font_name, color_hex, lines_from_chars
from policy_extract.extract.rules import Segment, merge_segments
from policy_extract.extract.settings import ExtractSettings

from policy_extract.core.errors import CorruptPDFError, EncryptedPDFError, NotPDFError

S = ExtractSettings()
DATA = Path(__file__).parent / "data"


def char(text: str, x0: float, top: float = 100.0, size: float = 10.0, width: float | None = None,
         color: Any = (0, 0, 0)) -> dict[str, Any]:
    w = size if width is None else width
    return {"text": text, "x0": x0, "x1": x0 + w, "top": top, "bottom": top + size, "size": size,
            "fontname": "ABCDEF+SimHei", "non_stroking_color": color}


def test_justified_cjk_gets_no_space_but_latin_gap_does() -> None:
    chars = [char("质", 0), char("量", 13), char("强", 26)]  # 0.3 em letter-spacing from justification
    chars += [char("I", 40, width=3), char("S", 43, width=5), char("O", 48, width=5)]
    chars += [char("9", 58, width=5), char("0", 63, width=5)]  # 0.5 em gap between Latin runs
    (line,) = lines_from_chars(chars, 1, S)
    assert line.text == "质量强ISO 90"
    assert line.font == "SimHei" and line.char_width == 10.0 and line.bbox == (0.0, 100.0, 68.0, 110.0)


def test_typed_blank_is_one_space_and_no_character_is_dropped() -> None:
    chars = [char("〔", 0), char("2", 10, width=5), char("〕", 15), char(" ", 25, width=3),
             char(" ", 28, width=3), char("1", 31, width=5), char("号", 36)]
    assert lines_from_chars(chars, 1, S)[0].text == "〔2〕 1号"


def test_overprinted_glyphs_are_fake_bold_not_doubled() -> None:
    chars = [char("专", 0), char("专", 0.3), char("栏", 10), char("栏", 10.3)]
    (line,) = lines_from_chars(chars, 1, S)
    assert line.text == "专栏" and line.bold


def test_lines_group_by_baseline_and_sort_left_to_right() -> None:
    chars = [char("二", 0, top=130), char("乙", 10, top=101), char("甲", 0, top=100)]
    assert [ln.text for ln in lines_from_chars(chars, 3, S)] == ["甲乙", "二"]


def test_radicals_read_back_by_a_subset_font_fold_to_the_ideographs() -> None:
    """Chromium's print-to-PDF maps shared glyphs back to Kangxi/Supplement radicals (宿迁市⼈⺠政府): the line
    reads the ideographs, spaced as CJK, and keeps the encoded text in ``raw``; full-width forms stay."""
    text = "宿迁市⼈⺠政府⾏动⽅案（2023―2025年）１２"
    widths = [5.0 if ch.isascii() else 10.0 for ch in text]
    xs = [sum(widths[:i]) for i in range(len(text))]
    (line,) = lines_from_chars([char(ch, x, width=w) for ch, x, w in zip(text, xs, widths, strict=True)], 1, S)
    assert line.text == "宿迁市人民政府行动方案（2023—2025年）１２"
    assert line.raw == text
    (plain,) = lines_from_chars([char("人", 0), char("民", 10)], 1, S)
    assert plain.text == "人民" and plain.raw == ""


def test_shared_glyph_fold_property() -> None:
    """Every Kangxi radical folds to one unified ideograph; nothing outside the fold's table changes."""
    import unicodedata

    from hypothesis import given
    from hypothesis import strategies as st

    from policy_extract.core.vocabulary import SHARED_GLYPH_FOLD, fold_shared_glyphs

    for cp in range(0x2F00, 0x2FD6):
        out = fold_shared_glyphs(chr(cp))
        assert len(out) == 1 and 0x4E00 <= ord(out) <= 0x9FFF, hex(cp)

    @given(st.text())
    def check(text: str) -> None:
        folded = fold_shared_glyphs(text)
        assert len(folded) == len(text)
        assert all(a == b or ord(a) in SHARED_GLYPH_FOLD for a, b in zip(text, folded, strict=True))
        assert fold_shared_glyphs(folded) == folded
        assert unicodedata.normalize("NFKC", "１２") != fold_shared_glyphs("１２")

    check()


def test_colors_and_font_names() -> None:
    assert color_hex((1, 0, 0)) == "#ff0000"
    assert color_hex((0,)) == "#000000"
    assert color_hex((0, 1, 1, 0)) == "#ff0000"
    assert color_hex("P0") is None
    assert base_font_name("BAAAAA+FangSong_GB2312") == "FangSong_GB2312"


def h(y: float, x0: float, x1: float) -> Segment:
    return Segment("h", y, x0, x1)


def v(x: float, y0: float, y1: float) -> Segment:
    return Segment("v", x, y0, y1)


def test_pieces_and_double_lines_merge() -> None:
    segs = merge_segments([h(10, 0, 50), h(10.2, 52, 100), h(11.5, 0, 100), v(0, 10, 60)], S)
    assert [(s.orient, s.start, s.end) for s in segs] == [("h", 0, 100), ("v", 10, 60)]


def test_grid_spans_and_missing_outer_border() -> None:
    # 3×3 grid without a left border; the top-left 2×2 is merged (no rules inside it)
    segs = [h(0, 0, 90), h(30, 60, 90), h(60, 0, 90), h(90, 0, 90),
            v(60, 0, 90), v(90, 0, 90), v(30, 60, 90)]
    (grid,) = find_grids(merge_segments(segs, S), S)
    assert (grid.n_rows, grid.n_cols, grid.closed) == (3, 3, False)
    spans = {(c.row, c.col): (c.rowspan, c.colspan) for c in grid.cells}
    assert spans == {(0, 0): (2, 2), (0, 2): (1, 1), (1, 2): (1, 1),
                     (2, 0): (1, 1), (2, 1): (1, 1), (2, 2): (1, 1)}


def test_lone_rules_are_not_grids() -> None:
    assert find_grids(merge_segments([h(10, 0, 400), h(500, 0, 400)], S), S) == []


def test_settings_are_validated() -> None:
    with pytest.raises(ValueError):
        ExtractSettings(snap_tolerance=0)
    with pytest.raises(ValueError):
        ExtractSettings(edge_coverage=1.5)


def test_not_a_pdf(tmp_path: Path) -> None:
    bogus = tmp_path / "notice.pdf"
    bogus.write_text("这不是PDF文件", encoding="utf-8")
    with pytest.raises(NotPDFError, match="not a PDF"):
        extract_document(bogus)


def test_encrypted_pdf_says_how_to_proceed(tmp_path: Path) -> None:
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(DATA / "double.pdf") as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(user="secret", owner="owner"))
    with pytest.raises(EncryptedPDFError, match="--password") as info:
        extract_document(locked)
    assert "qpdf --decrypt" in info.value.message
    assert extract_document(locked, password="secret").pages[0].tables  # the right password works


def test_truncated_pdf_is_corrupt(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes((DATA / "merged.pdf").read_bytes()[:400])
    with pytest.raises(CorruptPDFError, match="qpdf"):
        extract_document(broken)


def test_debug_png(tmp_path: Path) -> None:
    out = render_debug(DATA / "merged.pdf", 1, tmp_path / "p1.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
