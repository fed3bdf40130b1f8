"""A red seal (公章) stamped over black text must not garble the OCR of that text.

Real case: moa_njbt_yijian_scanned p.8, whose seal covers the 落款; read in colour its lines came out as
``业农村部办`` and ``202办公厅`` + ``23`` (the seal's own characters interleaved). The text under a seal is read
again from the red channel, where the seal vanishes (``extract/seals.py``); red text that is content (a red
版头, red notes) has no black ink and keeps its reading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
from policy_extract.extract import seals
from policy_extract.extract.settings import OcrSettings

FONT = "/usr/share/fonts/truetype/arphic/uming.ttc"
SEAL_RED = (214, 38, 46)


def _stamped(black: str, red: str, ring: bool = True) -> np.ndarray:
    """An RGB image: ``black`` printed in black, then a red seal (ring and ``red`` in bold characters across
    the line) pressed over it; stamp ink multiplies the page, so black under it stays black."""
    from PIL import Image, ImageDraw, ImageFont

    paper = Image.new("L", (900, 420), 255)
    if black:
        ImageDraw.Draw(paper).text((150, 180), black, fill=0, font=ImageFont.truetype(FONT, 44))
    ink = Image.new("L", paper.size, 0)
    draw = ImageDraw.Draw(ink)
    if ring:
        draw.ellipse((250, 40, 570, 360), outline=255, width=10)
    draw.text((300, 170), red, fill=255, font=ImageFont.truetype(FONT, 52), stroke_width=2, stroke_fill=255)
    grey = np.asarray(paper, np.float32)[..., None] * np.ones(3, np.float32)
    alpha = np.asarray(ink, np.float32)[..., None] / 255
    return np.clip(grey * (1 - alpha * (1 - np.array(SEAL_RED, np.float32) / 255)), 0, 255).astype(np.uint8)


@pytest.fixture(scope="module")
def recognise():
    from policy_extract.extract.ocr import recognise

    return recognise


def test_black_text_under_a_red_seal_is_read_from_the_red_channel(recognise) -> None:
    img = _stamped("农业农村部办公厅", "中华人民")
    assert [ln.text for ln in recognise(img, OcrSettings())] == ["农业农村部办公厅"]


def test_the_seal_garbles_the_colour_reading_when_switched_off(recognise) -> None:
    img = _stamped("农业农村部办公厅", "中华人民")
    assert [ln.text for ln in recognise(img, OcrSettings(read_under_seals=False))] != ["农业农村部办公厅"]


def test_red_text_alone_on_the_page_is_still_read(recognise) -> None:
    img = _stamped("", "河南省财政厅文件", ring=False)
    assert [ln.text for ln in recognise(img, OcrSettings())] == ["河南省财政厅文件"]


def test_a_page_without_red_is_told_by_one_cheap_test() -> None:
    page = np.full((200, 300, 3), 255, np.uint8)
    page[80:120, 40:260] = 30  # black ink
    assert not seals.has_red(page)
    page[10:30, 40:260] = SEAL_RED
    assert seals.has_red(page)


def test_red_ink_is_saturated_red_only() -> None:
    pixels = np.array([[SEAL_RED, (0, 0, 0), (255, 255, 255), (40, 60, 200), (200, 170, 160), (150, 30, 30)]],
                      np.uint8)
    assert seals.red_ink(pixels).tolist() == [[True, False, False, False, False, True]]


def test_a_stamped_line_holds_red_ink_and_black_text() -> None:
    img = _stamped("农业农村部办公厅", "中华人民")
    mask = seals.red_ink(img)
    line_box = (150.0, 180.0, 520.0, 230.0)
    assert seals.is_stamped(img, mask, line_box)
    red_only = _stamped("", "中华人民", ring=False)
    assert not seals.is_stamped(red_only, seals.red_ink(red_only), (300.0, 170.0, 520.0, 230.0))


@dataclass
class _Line:
    text: str
    box: tuple[float, float, float, float]
    chars: list[tuple[str, tuple[float, float, float, float]]] = field(default_factory=list)


def _line(text: str, box: tuple[float, float, float, float]) -> _Line:
    step = (box[2] - box[0]) / max(len(text), 1)
    return _Line(text, box, [(c, (box[0] + i * step, box[1], box[0] + (i + 1) * step, box[3]))
                             for i, c in enumerate(text)])


def test_a_shorter_reading_never_replaces_a_stamped_line() -> None:
    img = _stamped("农业农村部办公厅", "中华人民")
    mask = seals.red_ink(img)
    old = _line("农业农村部办公厅", (150.0, 180.0, 520.0, 230.0))
    assert seals.replaced([old], [old], _line("农业", (150.0, 180.0, 240.0, 230.0)), img, mask) == [old]
    new = _line("农业农村部办公厅", (150.0, 181.0, 520.0, 229.0))
    assert seals.replaced([old], [old], new, img, mask) == [new]


def test_a_page_without_red_is_not_read_again() -> None:
    page = np.full((200, 300, 3), 255, np.uint8)
    lines = [_line("正文", (10.0, 10.0, 60.0, 40.0))]

    def read(_band: np.ndarray) -> list[_Line]:
        raise AssertionError("no second reading on a page without red")

    assert seals.read_under_seals(page, lines, read) is lines


def test_the_setting_must_be_a_bool() -> None:
    with pytest.raises(ValueError, match="read_under_seals"):
        OcrSettings(read_under_seals="yes")  # type: ignore[arg-type]


GENERATED = Path(__file__).resolve().parents[2] / "samples" / "generated" / "pdf"


def _page(name: str, index: int, rows: tuple[int, int]) -> np.ndarray:
    """Rows of one page of a generated scanned twin as OCR sees it (200 dpi, deskewed)."""
    import pypdfium2 as pdfium
    from policy_extract.extract.ocr import deskew, render_page

    doc = pdfium.PdfDocument(str(GENERATED / name))
    try:
        img, _angle = deskew(render_page(doc, index, 200), 5.0)
    finally:
        doc.close()
    return np.ascontiguousarray(img[rows[0] : rows[1]])


def test_two_stacked_issuers_under_a_seal_are_read_whole(recognise) -> None:
    img = _page("scan_seal_gen_docx_nongye_joint.pdf", 2, (700, 1250))
    assert [ln.text for ln in recognise(img, OcrSettings())] == ["河北省农业农村厅", "河北省财政厅", "2024年3月18日"]
    garbled = [ln.text for ln in recognise(img, OcrSettings(read_under_seals=False))]
    assert "河北省农业农村厅" not in garbled


def test_the_seals_own_inscription_is_not_read_as_text(recognise) -> None:
    img = _page("scan_seal_gen_rl_meta_zhaobiaobianhao.pdf", 1, (250, 700))
    assert [ln.text for ln in recognise(img, OcrSettings())] == ["长沙县水利局", "2024年5月17日"]
    assert "县水" in [ln.text for ln in recognise(img, OcrSettings(read_under_seals=False))]


def _red_ruled_table() -> np.ndarray:
    """A scanned table ruled in red (200 dpi, 1200 × 480 px: 15 × 6 cm) with black text in its cells."""
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("RGB", (1400, 700), (255, 255, 255))
    draw = ImageDraw.Draw(page)
    xs, ys = (100, 500, 900, 1300), (100, 260, 420, 580)
    for x in xs:
        draw.line((x, ys[0], x, ys[-1]), fill=SEAL_RED, width=4)
    for y in ys:
        draw.line((xs[0], y, xs[-1], y), fill=SEAL_RED, width=4)
    font = ImageFont.truetype(FONT, 44)
    for r, c in ((r, c) for r in range(3) for c in range(3)):
        draw.text((xs[c] + 40, ys[r] + 55), "市数据局", fill=(0, 0, 0), font=font)
    return np.asarray(page)


def test_a_table_ruled_in_red_over_black_text_is_no_seal() -> None:
    """A red grid holding black text is one red region over black ink, but no seal's shape or size: its rules
    stay ink (no table lost) and its text is not read again from the red channel, where the rules vanish."""
    from policy_extract.extract.image_tables import ink_image, without_seals

    img = _red_ruled_table()
    mask = seals.red_ink(img)
    assert seals.red_regions(img, mask) and seals.seal_regions(img, mask) == []
    ink = ink_image(img)
    assert np.array_equal(without_seals(img, ink), ink)

    def never(_band: np.ndarray) -> list:
        raise AssertionError("a red-ruled table is read again")

    lines = [_line("市数据局", (140, 155, 320, 200))]
    assert seals.read_under_seals(img, lines, never) == lines


def test_a_seal_is_still_a_seal_at_another_resolution() -> None:
    img = _stamped("农业农村部办公厅", "中华人民")
    mask = seals.red_ink(img)
    assert seals.seal_regions(img, mask) and seals.seal_regions(img, mask, dpi=300)

