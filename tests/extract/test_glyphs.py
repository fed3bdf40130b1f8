"""Garbled fonts decoded glyph by glyph (extract/glyphs.py, issue 16): which fonts are garbled, how a row of
glyphs is read, how a reading is settled by the glyph's own ink, and the garbled samples read like their twins.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from policy_extract.extract.glyphs import (
    READINGS,
    GlyphDecoder,
    GlyphReadings,
    garbled_fonts,
    glyph_rows,
    is_garbled_font,
    is_sequential_garble,
    is_symbol_code,
    line_bands,
    padded_row,
    read_rows_once,
    row_digest,
    settle_glyph,
    stop_glyph,
)
from policy_extract.extract.rapidocr_engine import ctc_slots
from policy_extract.extract.settings import OcrSettings
from policy_extract.extract.textlayer import DEFAULT_FONT_BAD_SHARE, check_chars, check_texts, is_bad_char

ROOT = Path(__file__).resolve().parents[2]
PDFS = ROOT / "samples" / "pdf"
GENERATED = ROOT / "samples" / "generated" / "pdf"
_ASCII_RUN = "".join(chr(c) for c in range(0x21, 0x7F))


def _char(text: str, font: str, x0: float = 0.0, size: float = 16.0) -> dict:
    return {"text": text, "fontname": font, "x0": x0, "x1": x0 + size, "top": 100.0, "bottom": 100.0 + size,
            "size": size, "upright": True}


def test_sequential_subset_codes_read_as_ascii_are_garbled() -> None:
    # the title of a gazette notice whose subset font has no /ToUnicode (issue 16), standard encoding's ’
    assert is_sequential_garble('!"##$%&’()*+,-!"!#./012345678!公!"报9:";<=')


@given(n=st.integers(min_value=6, max_value=60), data=st.data())
def test_any_run_of_subset_codes_from_one_is_garbled(n: int, data: st.DataObject) -> None:
    codes = list(_ASCII_RUN[:n])
    text = data.draw(st.permutations(codes)) + data.draw(st.lists(st.sampled_from(codes), max_size=40))
    assert is_sequential_garble(text)


@pytest.mark.parametrize("text", [
    "（一）2023年完成投资1,200万元（增长5.6%）",
    "Copyright (c) 2024. All rights reserved!",
    "注：“十四五”期间GDP年均增长6%左右；单位：亿元",
    "- 3 -",
])
def test_printed_text_is_not_sequential_garble(text: str) -> None:
    assert not is_sequential_garble(text)


def test_garbled_title_font_is_caught_while_the_body_font_is_fine() -> None:
    """Twelve title glyphs without a Unicode map over a readable body: the page as a whole passes the text
    layer check, the title font alone is garbled (issue 16: the title came out as glyph codes)."""
    title = [_char(f"(cid:{i})", "BAAAAA+Title", 20.0 * i) for i in range(1, 13)]
    body = [_char(ch, "CAAAAA+Body", 16.0 * i) for i, ch in enumerate("各市人民政府，现将有关事项通知如下。" * 8)]
    assert check_chars(title + body).kind == "ok"
    assert garbled_fonts(title + body) == {"BAAAAA+Title"}


def test_body_font_with_sequential_codes_is_garbled_beside_a_readable_one() -> None:
    garbled = [_char(ch, "CAAAAA+SimSun", 16.0 * i) for i, ch in enumerate('!"#$%&’()*+,-./0123!"#')]
    readable = [_char(ch, "DAAAAA+Kai", 16.0 * i) for i, ch in enumerate("郑州市人民政府办公室")]
    assert garbled_fonts(garbled + readable) == {"CAAAAA+SimSun"}


def test_ctc_slots_give_each_character_to_the_glyph_under_it() -> None:
    """Eight time steps over a 64 px row of two 32 px glyphs: what is emitted over the first half is the
    first glyph's, a repeat without a blank between is one character, a span with nothing is empty."""
    alphabet = ["blank", "中", "国", " "]
    best = [0, 1, 1, 0, 0, 2, 0, 0]
    probs = np.full((8, 4), 0.01, dtype=np.float32)
    for t, index in enumerate(best):
        probs[t, index] = 0.9
    assert ctc_slots(probs, 64, [(0, 32), (32, 64)], alphabet) == [("中", pytest.approx(0.9)),
                                                                  ("国", pytest.approx(0.9))]
    assert ctc_slots(probs, 64, [(0, 32), (32, 48), (48, 64)], alphabet)[2] == ("", 0.0)


def test_glyph_rows_lay_crops_side_by_side_at_one_height() -> None:
    crops = [np.full((40, 40, 3), 255, np.uint8), np.full((20, 10, 3), 255, np.uint8),
             np.full((40, 20, 3), 255, np.uint8)]
    rows, spans = glyph_rows(crops, 2)
    assert [r.shape[0] for r in rows] == [32, 32]
    assert spans == [[(0, 32), (32, 48)], [(0, 16)]]


def _bar(width_em: float, thick_em: float, em: int = 100) -> np.ndarray:
    """A glyph crop (em box plus the crop's padding) holding one horizontal bar in the middle."""
    h = round(em * 1.16)
    crop = np.full((h, em, 3), 255, np.uint8)
    x0 = round((1 - width_em) / 2 * em)
    y0 = h // 2
    crop[y0 : y0 + max(1, round(thick_em * em)), x0 : x0 + round(width_em * em)] = 0
    return crop


@pytest.mark.parametrize(("read", "width", "thick", "printed"), [
    ("一", 0.86, 0.03, "—"),   # 宋体 em dash: thin, nearly an em (the recogniser reads 一)
    ("—", 0.90, 0.08, "一"),   # 黑体 一: as long, twice as thick
    ("一", 0.30, 0.05, "-"),   # a hyphen
])
def test_bars_are_settled_by_their_ink(read: str, width: float, thick: float, printed: str) -> None:
    assert settle_glyph(read, _char("x", "F"), _bar(width, thick)) == printed


def test_a_chinese_stop_on_a_half_width_advance_is_ascii_by_its_ink() -> None:
    ch = {**_char("x", "F"), "x1": 8.0}  # half an em
    dot = np.full((58, 25, 3), 255, np.uint8)
    dot[40:48, 5:13] = 0  # square ink: a period
    assert settle_glyph("，", ch, dot) == "."
    comma = dot.copy()
    comma[40:54, 5:13] = 0  # taller than wide
    assert settle_glyph("，", ch, comma) == ","
    assert settle_glyph(",", _char("x", "F"), comma) == "，"  # a full-width advance: the Chinese mark


def _agreement(garbled: Path, twin: Path) -> tuple[float, int]:
    """Share of the twin's visible characters the decoded garbled file gives at the same place."""
    import pdfplumber

    decoder = GlyphDecoder(garbled, None, OcrSettings())
    same = total = 0
    with pdfplumber.open(garbled) as pg, pdfplumber.open(twin) as pt:
        for page, twin_page in zip(pg.pages, pt.pages, strict=True):
            assert decoder.decode(page) is not None
            pairs = [(a["text"], b["text"]) for a, b in zip(page.chars, twin_page.chars, strict=True)]
            total += sum(1 for _, b in pairs if b.strip())
            same += sum(1 for a, b in pairs if b.strip() and a == b)
    decoder.close()
    return same / total, len(decoder.table)


@pytest.mark.parametrize(("garbled", "twin"), [
    (PDFS / "garbled_stress_continued_table.pdf", PDFS / "stress_continued_table.pdf"),
    (GENERATED / "garbled_gen_docx_yiliao_lines.pdf", GENERATED / "gen_docx_yiliao_lines.pdf"),
])
def test_garbled_twins_decode_to_their_born_digital_text(garbled: Path, twin: Path) -> None:
    """Every /ToUnicode removed: the glyphs read back give the twin's characters at ≥ 99% of places."""
    share, glyphs = _agreement(garbled, twin)
    assert share >= 0.99, share
    assert glyphs >= 250  # each distinct glyph read once


def test_english_prose_is_not_sequential_garble() -> None:
    text = ('The "Regional Plan" (2021-2025) sets out 12 targets; see Table 3, p. 45! Each #1 item costs $5 & '
            "more: 50% + 10% = 60%. Questions? Write to info@example.org <by 1 June>, ref. [A/B] {x} ~ 'y' * z.")
    assert not is_sequential_garble(text)


def test_a_few_icon_glyphs_are_left_as_printed() -> None:
    """An icon font (two private-use glyphs) or a Symbol font's × and Σ beside readable text: not decoded."""
    icons = [_char("\ue6e0", "CAAAAA+element"), _char("\ue778", "CAAAAA+element")]
    body = [_char(ch, "DAAAAA+SimSun", 16.0 * i) for i, ch in enumerate("采购公告发布时间二〇二五年")]
    assert garbled_fonts(icons + body) == frozenset()


def test_bullets_and_symbol_fonts_are_left_as_printed() -> None:
    """Eleven bullets of one glyph without a map (ICDAR us-039) and Wingdings' squares in their conventional
    private-use codes (us-007) are not decoded; a page number of two unmapped glyphs is."""
    bullets = [_char("(cid:2)", "CNXIDV+MSTT31c4fe00", 20.0 * i) for i in range(11)]
    wingdings = [_char(chr(0xF06E + i % 5), "ODDORU+Wingdings-Regular", 20.0 * i) for i in range(11)]
    body = [_char(ch, "Times", 8.0 * i) for i, ch in enumerate("The bank's results for the year")]
    assert garbled_fonts(bullets + wingdings + body) == frozenset()
    folio = [_char(t, "DAAAAA+UMingCN", 8.0 * i) for i, t in enumerate(["(cid:1)", "(cid:3)", "(cid:1)"])]
    assert garbled_fonts(folio + body) == {"DAAAAA+UMingCN"}


def test_a_heading_of_six_unmapped_glyphs_is_garbled() -> None:
    heading = [_char(f"(cid:{i})", "EAAAAA+WenQuanYiZenHei", 16.0 * i) for i in (12, 2, 13, 14, 15, 16)]
    assert garbled_fonts(heading) == {"EAAAAA+WenQuanYiZenHei"}


@pytest.fixture(scope="module")
def garbled_title_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """stress_joint_issuers with /ToUnicode removed from its title font (小标宋) only: 56 of page 1's 201
    characters become glyph codes — below the page's garbled share, as in issue 16's gazette notices whose
    title came out as glyph codes while page 1 was not flagged."""
    import pikepdf

    out = tmp_path_factory.mktemp("garbled_title") / "garbled_title.pdf"
    with pikepdf.open(PDFS / "stress_joint_issuers.pdf") as pdf:
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                if "Bold" in str(font.get("/BaseFont", "")) and "/ToUnicode" in font:
                    del font["/ToUnicode"]
        pdf.save(out)
    return out


def test_garbled_title_font_on_page_one_is_decoded_while_the_body_stays(garbled_title_pdf: Path) -> None:
    import pdfplumber
    from policy_extract.extract import extract_document
    from policy_extract.extract.textlayer import check_page

    from policy_extract.pipeline import process_pdf

    with pdfplumber.open(garbled_title_pdf) as pdf:
        assert not check_page(pdf.pages[0]).needs_ocr  # the page check alone lets the title through
    raw = extract_document(garbled_title_pdf)
    assert raw.pages[0].text_layer == "decoded"
    decoded = [w.message for w in raw.warnings if w.code == "garbled_text_layer"]
    assert decoded and all("NotoSerifCJKjp-Bold" in m and "UMingCN" not in m for m in decoded), decoded
    twin = process_pdf(str(PDFS / "stress_joint_issuers.pdf"))
    doc = process_pdf(str(garbled_title_pdf))
    assert doc.meta.title == twin.meta.title
    assert doc.meta.issuer == twin.meta.issuer
    assert doc.source.text_layer in ("decoded", "mixed")


class _NoGlyphs:
    """An engine that reads no glyph alone (every span empty): decoding must fall back to page OCR."""

    def read_rows(self, rows: list, spans: list) -> list:
        return [[("", 0.0)] * len(s) for s in spans]


def test_glyphs_not_read_alone_are_read_from_page_ocr_at_their_boxes(
        garbled_title_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the glyphs that cannot be decoded go to page OCR, and what it reads at their boxes is learnt."""
    import pdfplumber

    monkeypatch.setattr(GlyphDecoder, "engine", lambda self: _NoGlyphs())
    decoder = GlyphDecoder(garbled_title_pdf, None, OcrSettings())
    with pdfplumber.open(garbled_title_pdf) as pdf:
        page = pdf.pages[0]
        report = decoder.decode(page)
        text = "".join(ch["text"] for ch in page.chars if "Bold" in ch["fontname"])
    decoder.close()
    assert report is not None and report.from_page_ocr >= 0.9 * report.glyphs
    assert report.undecoded <= 0.1 * report.glyphs
    assert "财政厅" in text and "(cid:" not in text


@pytest.mark.parametrize(("full_width", "ink", "fill", "printed"), [
    (True, (0.10, 0.15, 0.20, 0.10), 0.50, "，"),  # UMing comma: twice as tall as wide
    (True, (0.27, 0.17, 0.24, 0.27), 0.39, "。"),  # a ring
    (True, (0.07, 0.10, 0.10, 0.07), 0.92, "．"),  # the small solid dot of 1．(gen_rl_02's item numbers)
    (False, (0.13, 0.13, 0.13, 0.13), 0.76, "."),
    (False, (0.10, 0.10, 0.20, 0.10), 0.60, ","),
])
def test_stops_are_told_by_their_ink(full_width: bool, ink: tuple, fill: float, printed: str) -> None:
    assert stop_glyph(full_width, ink, fill) == printed


def test_page_ocr_looks_only_at_the_bands_of_unread_glyphs() -> None:
    boxes = [(10, 100, 40, 130), (60, 105, 90, 135), (10, 400, 40, 430)]
    assert line_bands(boxes, 1000) == [(70, 165), (370, 460)]
    assert line_bands([(0, 5, 10, 25)], 28) == [(0, 28)]


def test_decoding_can_be_turned_off_for_page_ocr() -> None:
    import pdfplumber
    from policy_extract.extract.glyphs import decoded_page
    from policy_extract.extract.settings import ExtractSettings

    settings = ExtractSettings(ocr=OcrSettings(decode_glyphs=False))
    decoder = GlyphDecoder(PDFS / "garbled_stress_continued_table.pdf", None, settings.ocr)
    with pdfplumber.open(PDFS / "garbled_stress_continued_table.pdf") as pdf:
        assert decoded_page(pdf.pages[0], decoder, settings, []) is None
    with pytest.raises(ValueError, match="decode_glyphs"):
        OcrSettings(decode_glyphs="no")  # type: ignore[arg-type]


def test_a_font_with_a_wrong_unicode_map_is_garbled_beside_a_right_one() -> None:
    """UTF-8 text read as GBK (鍙戝睍…: CJK outside common use) in one font, a readable body in another."""
    wrong = [_char(ch, "CAAAAA+FangSong", 16.0 * i) for i, ch in enumerate("鍙戝睍鏀归潻濮斿憳浼氬叧浜庡嵃鍙")]
    right = [_char(ch, "DAAAAA+SimSun", 16.0 * i) for i, ch in enumerate("各市人民政府，现将有关事项通知如下。")]
    assert garbled_fonts(wrong + right) == {"CAAAAA+FangSong"}


class _Ones:
    """An engine that reads 一 everywhere, counting the glyph spans it was given."""

    def __init__(self) -> None:
        self.spans = 0

    def read_rows(self, rows: list, spans: list) -> list:
        self.spans += sum(len(s) for s in spans)
        return [[("一", 0.9)] * len(s) for s in spans]


def test_a_document_read_again_reads_no_row_again(
        garbled_title_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Decoding was the cost of a garbled document: a batch worker reading the same document again (a retry,
    a resume, a rerun) lays out the same rows and reads none of them, and gives the same text."""
    import pdfplumber

    engine = _Ones()
    monkeypatch.setattr(GlyphDecoder, "engine", lambda self: engine)
    READINGS.clear()
    texts = []
    for _ in range(2):
        decoder = GlyphDecoder(garbled_title_pdf, None, OcrSettings())
        with pdfplumber.open(garbled_title_pdf) as pdf:
            page = pdf.pages[0]
            assert decoder.decode(page) is not None
            texts.append("".join(ch["text"] for ch in page.chars))
        decoder.close()
        if len(texts) == 1:
            first, engine.spans = engine.spans, 0
    assert first > 20 and engine.spans == 0
    assert texts[0] == texts[1]


def test_glyph_readings_are_bounded_dropping_the_least_recently_used() -> None:
    readings = GlyphReadings(kept=2)
    readings.put(b"a", (("甲", 0.9),))
    readings.put(b"b", (("乙", 0.9),))
    assert readings.get(b"a") == (("甲", 0.9),)  # a used: b is now the oldest
    readings.put(b"c", (("丙", 0.9),))
    assert readings.get(b"b") is None and readings.get(b"a") and readings.get(b"c")


def test_row_readings_of_one_engine_are_no_other_engines() -> None:
    row = np.full((40, 36, 3), 255, dtype=np.uint8)
    spans = [(0, 36)]
    assert row_digest(row, spans, _Ones()) != row_digest(row, spans, _NoGlyphs())
    assert row_digest(row, spans, _Ones()) != row_digest(row, [(0, 18), (18, 36)], _Ones())
    assert row_digest(row, spans, _Ones()) != row_digest(row[:36, :40], spans, _Ones())  # other shape


class _ByNeighbours:
    """A line model whose reading of a glyph depends on its neighbours, as a CTC model's can (眞 beside some
    glyphs, 真 beside others): every span of a row reads the character numbered by the row's ink."""

    def __init__(self) -> None:
        self.widths: list[set[int]] = []

    def read_rows(self, rows: list, spans: list) -> list:
        self.widths.append({row.shape[1] for row in rows})
        return [[(chr(0x4E00 + int((row < 128).sum()) % 500), 0.9)] * len(s)
                for row, s in zip(rows, spans, strict=True)]


def _glyph(seed: int) -> np.ndarray:
    crop = np.full((32, 28, 3), 255, dtype=np.uint8)
    crop[4 + seed % 20 : 10 + seed % 20, 3 : 5 + seed % 20] = 0
    return crop


def test_a_glyph_read_in_another_row_is_read_again_in_its_own() -> None:
    """Issue 16 review: readings were kept by glyph image, so a glyph first read beside another document's
    glyphs kept that reading in the next document (认眞 alone, 认真 after garbled_stress_continued_table).
    Kept by row, the glyph shared by two rows is read in each, and a row read before reads the same."""
    READINGS.clear()
    engine = _ByNeighbours()
    shared = _glyph(0)
    row_a = [shared, _glyph(1), _glyph(2)]
    row_b = [_glyph(7), shared]
    alone = read_rows_once(engine, *glyph_rows(row_a, 8))
    READINGS.clear()
    read_rows_once(engine, *glyph_rows(row_b, 8))  # another document read first
    after = read_rows_once(engine, *glyph_rows(row_a, 8))
    assert after == alone
    calls = len(engine.widths)
    assert read_rows_once(engine, *glyph_rows(row_a, 8)) == alone and len(engine.widths) == calls


def test_rows_are_read_at_a_width_of_their_own() -> None:
    """The engine pads a batch to its widest row and a line model reads the padding too: each call is given
    rows of one width, padded with white to a whole number of row heights, so no row is read at the width of
    whichever row shared its batch."""
    READINGS.clear()
    engine = _ByNeighbours()
    rows, spans = glyph_rows([_glyph(i) for i in range(11)], 8)  # a row of 8 and a row of 3
    read_rows_once(engine, rows, spans)
    assert all(len(widths) == 1 and all(w % 32 == 0 for w in widths) for widths in engine.widths)
    assert len(engine.widths) == 2
    padded = padded_row(rows[1])
    assert padded.shape[1] % 32 == 0 and (padded[:, rows[1].shape[1] :] == 255).all()


@pytest.mark.parametrize(("first", "then"), [
    (PDFS / "garbled_stress_continued_table.pdf", GENERATED / "garbled_gen_docx_yiliao_lines.pdf"),
    (GENERATED / "garbled_gen_docx_yiliao_lines.pdf", PDFS / "garbled_stress_continued_table.pdf"),
])
def test_a_document_reads_the_same_whatever_was_read_before_it(first: Path, then: Path) -> None:
    """Issue 16 review: garbled_gen_docx_yiliao_lines read 认眞 alone but 认真 after
    garbled_stress_continued_table in the same worker; the same PDF must decode the same in any batch order
    or worker count (reproducibility, resume and diff)."""
    alone = _decoded_text(then, clear=True)
    _decoded_text(first, clear=True)
    assert _decoded_text(then, clear=False) == alone


def _decoded_text(path: Path, clear: bool) -> list[str]:
    import pdfplumber

    if clear:
        READINGS.clear()
    decoder = GlyphDecoder(path, None, OcrSettings())
    texts = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            decoder.decode(page)
            texts.append("".join(ch["text"] for ch in page.chars))
    decoder.close()
    return texts


def _garbled_font_as_before(texts: list[str]) -> bool:
    """is_garbled_font before the distinct-text shortcut (every verdict computed over every glyph)."""
    texts = [t for t in texts if not is_symbol_code(t)]
    if len(set(texts)) < 2:
        return False
    codes = sum(1 for t in texts if len(t) > 1 and is_bad_char(t))
    if codes and codes >= DEFAULT_FONT_BAD_SHARE * len(texts):
        return True
    if len(texts) < 8:
        return False
    bad = sum(1 for t in texts if is_bad_char(t))
    if bad and bad >= DEFAULT_FONT_BAD_SHARE * len(texts):
        return True
    return check_texts(texts).kind == "garbled" or is_sequential_garble(texts)


_FONT_TEXTS = st.lists(st.sampled_from([
    "的", "国", "发", "展", "一", "〇", "，", "。", "（", "1", "a", "A", "!", '"', "#", "$", "’", " ",
    "\ue000", "\ufffd", "\uf06e", "(cid:3)", "(cid:17)", "乂", "亍", "丌", "\u3400", "\x01",
]), max_size=40)


@given(texts=_FONT_TEXTS)
def test_judging_a_font_by_its_distinct_texts_changes_no_verdict(texts: list[str]) -> None:
    """garbled_fonts ran over every glyph of every born-digital page (8% of their time); a font whose
    distinct texts hold no bad code, no rare ideograph and not both ! and " is now settled at once."""
    assert is_garbled_font(texts) == _garbled_font_as_before(texts)


def test_glyph_rows_are_read_on_one_thread_unless_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows of glyphs are small tensors: a second onnxruntime thread doubled the CPU for no faster reading."""
    from policy_extract.extract import rapidocr_engine

    asked = []

    def fake_rec(threads: int) -> None:
        asked.append(threads)
        raise RuntimeError("stop")

    monkeypatch.setattr(rapidocr_engine, "rapid_rec", fake_rec)
    monkeypatch.delenv(rapidocr_engine.WORKERS_ENV, raising=False)
    for configured in (0, 2):
        with pytest.raises(RuntimeError):
            rapidocr_engine.RapidOcrEngine(OcrSettings(threads=configured)).read_rows([], [])
    assert asked == [1, 2]


@pytest.mark.parametrize("scale", [1.0, 2.571428, 3.428571])
def test_glyph_render_into_a_white_array_gives_pypdfium2s_pixels(scale: float) -> None:
    # render_rgb skips pdfium's pixel-by-pixel fill; the crops must stay the pixels page.render gives
    import pypdfium2 as pdfium
    from policy_extract.extract.glyphs import render_rgb

    pdf = pdfium.PdfDocument(str(PDFS / "garbled_stress_continued_table.pdf"))
    try:
        for page in pdf:
            expected = page.render(scale=scale, rev_byteorder=True).to_numpy()[..., :3]
            assert np.array_equal(render_rgb(page, scale), expected)
            page.close()
    finally:
        pdf.close()


CANVAS_PAGES = {"plain": {}, "cropbox offset": {"/CropBox": [37.3, 51.7, 560.11, 790.37]},
                "userunit": {"/UserUnit": 2.0}}
_canvas_pdfs: dict[str, str] = {}


def _canvas_pdf(variant: str, folder: Path) -> str:
    """The garbled sample, its pages given ``CANVAS_PAGES[variant]`` (written once per test session)."""
    if variant not in _canvas_pdfs:
        import pikepdf

        path = folder / f"canvas-{variant.replace(' ', '-')}.pdf"
        with pikepdf.open(PDFS / "garbled_stress_continued_table.pdf") as pdf:
            for page in pdf.pages:
                for key, value in CANVAS_PAGES[variant].items():
                    page.obj[pikepdf.Name(key)] = pikepdf.Array(value) if isinstance(value, list) else value
            pdf.save(path)
        _canvas_pdfs[variant] = str(path)
    return _canvas_pdfs[variant]


@settings(max_examples=40, deadline=None)
@given(boxes=st.lists(st.tuples(st.floats(-0.02, 1.0), st.floats(-0.02, 1.0), st.integers(1, 600),
                                st.integers(1, 300)), min_size=1, max_size=6),
       page_number=st.sampled_from([1, 2]), scale=st.floats(1.5, 6.0),
       variant=st.sampled_from(sorted(CANVAS_PAGES)))
def test_a_canvas_drawn_where_looked_at_gives_the_whole_drawings_pixels(
        tmp_path_factory: pytest.TempPathFactory, boxes: list, page_number: int, scale: float, variant: str) -> None:
    # glyph crops are drawn clipped to their boxes or their lines (PageCanvas.crop, .crops), overlapping or cut
    # by the page's edge; each pixel must be the one a drawing of the whole page with the same matrix gives,
    # or the rows read (and the readings kept) would change.  pdfium's pixels along a clip's edge differed
    # (up to 34 levels; found at other scales than 3.43, on CropBox-offset, rotated and UserUnit pages),
    # and a later drawing's edge overwrote an earlier crop: now drawn CLIP_PAD wider, earlier pixels kept
    import pypdfium2 as pdfium
    from policy_extract.extract.glyphs import PageCanvas, crop_box

    pdf = pdfium.PdfDocument(_canvas_pdf(variant, tmp_path_factory.getbasetemp()))
    try:
        page = pdf[page_number - 1]
        whole, canvas = PageCanvas(page, scale), PageCanvas(page, scale)
        try:
            height, width = whole.shape[:2]
            whole.draw((0, 0, width, height))
            boxes = [(round(x * width), round(y * height), round(x * width) + w, round(y * height) + h)
                     for x, y, w, h in boxes]
            crops = [(box, canvas.crop(box)) for box in boxes[::2]]
            crops += zip(boxes, canvas.crops(boxes), strict=True)
            for box, crop in crops:  # read after every drawing: a later one never changes an earlier crop
                assert np.array_equal(crop, crop_box(whole.img, box))
        finally:
            canvas.close()
            whole.close()
            page.close()
    finally:
        pdf.close()


def test_a_glyph_box_wholly_above_the_render_crops_to_white_not_to_a_wrapped_slice() -> None:
    # crop_box cut a box ending above the image at a negative row, which numpy reads from the bottom: a
    # glyph printed off the page was read from most of the page
    from policy_extract.extract.glyphs import crop_box

    img = np.zeros((40, 30, 3), dtype=np.uint8)
    assert crop_box(img, (5, -12, 15, -2)).tolist() == [[[255, 255, 255]]]
    assert crop_box(img, (5, -12, 15, 3)).shape == (3, 10, 3)


def test_a_loose_glyphs_context_row_is_drawn_with_its_line_not_again(monkeypatch: pytest.MonkeyPatch) -> None:
    # a blank with ink is read in its line next (read_in_context): its line is drawn as wide as the row at
    # once, and the row (and the glyph's crop) then cut from it without pdfium walking the line again
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    from policy_extract.extract.glyphs import PageCanvas, context_box, glyph_box

    drawn: list[object] = []
    render = raw.FPDF_RenderPageBitmapWithMatrix
    monkeypatch.setattr(raw, "FPDF_RenderPageBitmapWithMatrix", lambda *a: drawn.append(a) or render(*a))
    blank = {"text": " ", "x0": 120.0, "x1": 128.0, "top": 200.0, "bottom": 216.0, "size": 16.0}
    word = {"text": "(cid:7)", "x0": 300.0, "x1": 316.0, "top": 200.0, "bottom": 216.0, "size": 16.0}
    pdf = pdfium.PdfDocument(str(PDFS / "garbled_stress_continued_table.pdf"))
    try:
        page = pdf[1]
        canvas = PageCanvas(page, 3.428571)
        try:
            canvas.draw_lines([glyph_box(word, 3.428571, (0.0, 0.0)), context_box(blank, 3.428571, (0.0, 0.0))])
            canvas.crops([glyph_box(ch, 3.428571, (0.0, 0.0)) for ch in (word, blank)])
            canvas.crops([context_box(blank, 3.428571, (0.0, 0.0))])
        finally:
            canvas.close()
            page.close()
    finally:
        pdf.close()
    assert len(drawn) == 1


@pytest.mark.parametrize("text", ["1", "、", "A", "：", "(", "%"])
def test_a_glyph_neither_bar_nor_stop_is_settled_without_measuring_its_ink(text: str) -> None:
    # settle_glyph measured every non-ideograph's ink (~40 us of numpy each) though only bars and stops use
    # it: digits and most marks are settled by their advance alone
    class Untouchable:
        def __getattr__(self, name: str) -> object:
            raise AssertionError(f"crop.{name} read")

    half = {"x0": 0.0, "x1": 8.0, "top": 0.0, "bottom": 16.0}
    full = {"x0": 0.0, "x1": 16.0, "top": 0.0, "bottom": 16.0}
    for ch in (half, full):
        if text == "(" and ch is full:
            continue  # a full-width bracket is told solid or thin by its ink
        settle_glyph(text, ch, Untouchable())  # type: ignore[arg-type]
