"""The OCR path: deskew, recognition into `Line`s, ruled tables from the image, offline models, --ocr off.

OCR work is kept to about two page renders: one scanned page made here (the first page of a sample,
rotated, noisy, JPEG-compressed) is read once per session; the rest are synthetic images or crops.
"""

from __future__ import annotations

import importlib.util
import socket
import sys
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pikepdf
import pytest
from policy_extract.extract import extract_document
from policy_extract.extract.image_tables import image_segments, is_dash
from policy_extract.extract.lattice import find_grids
from policy_extract.extract.ocr import (
    OcrLine,
    check_marks,
    fix_page_number,
    fix_punctuation,
    recognise,
    render_page,
    rotate_image,
    sharpest_angle,
    skew_angle,
    snap_size,
)
from policy_extract.extract.rapidocr_engine import rapid_ocr
from policy_extract.extract.settings import ExtractSettings, OcrSettings

from policy_extract.core.errors import NoTextError

ROOT = Path(__file__).resolve().parents[2]
PDFS = ROOT / "samples" / "pdf"


def _scan_module() -> Any:
    spec = importlib.util.spec_from_file_location("samples_scan", ROOT / "samples" / "scan.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture(scope="module")
def scanned_page_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Page 1 of stress_joint_issuers as an image-only scan (0.3–1° skew, noise, JPEG)."""
    import pypdfium2 as pdfium

    scan = _scan_module()
    settings = scan.ScanSettings()
    source = pdfium.PdfDocument(str(PDFS / "stress_joint_issuers.pdf"))
    page = source[0]
    image = page.render(scale=settings.dpi / 72).to_pil().convert("RGB")
    jpeg = scan.scanned_page(image, scan.seeded_rng("test", 0), settings)
    out = pikepdf.new()
    scan.image_page(out, jpeg, image.size, (page.get_width(), page.get_height()))
    source.close()
    path = tmp_path_factory.mktemp("scan") / "one_page_scan.pdf"
    out.save(path)
    return path


@pytest.fixture(scope="module")
def scanned_raw(scanned_page_pdf: Path) -> Any:
    return extract_document(scanned_page_pdf, ocr="auto")


def test_scanned_page_is_read_by_ocr_into_lines(scanned_raw: Any) -> None:
    page = scanned_raw.pages[0]
    assert page.text_layer == "ocr"
    texts = [ln.text for ln in page.lines]
    assert any("豫发改环资" in t and "2022" in t and "215" in t for t in texts), texts
    assert any("关于做好2022年节能降碳重点工作的通知" in t for t in texts), texts
    assert any(t.startswith("二〇二二年三月十五日") for t in texts), texts


def test_ocr_lines_carry_pdf_geometry_size_and_colour(scanned_raw: Any) -> None:
    page = scanned_raw.pages[0]
    issuer = next(ln for ln in page.lines if ln.text.startswith("河南省发展和改革委员会"))
    body = next(ln for ln in page.lines if ln.text.startswith("现将"))
    assert 0 < issuer.bbox[0] < issuer.bbox[2] <= page.width
    assert 0 < issuer.bbox[1] < issuer.bbox[3] <= page.height
    assert issuer.size > 2 * body.size  # the red 版头 is set far larger than the body text
    assert body.size == 16.0  # 三号, snapped to the standard size
    assert abs(body.char_width - 16.0) < 2.0
    r, g, b = (int(issuer.color[i : i + 2], 16) for i in (1, 3, 5))
    assert r > 150 and g < 100 and b < 100


def test_deskew_estimates_the_rotation_of_a_page() -> None:
    page = np.full((1400, 1000), 255, np.uint8)
    for y in range(150, 1250, 45):  # text-like rows of blobs and a ruled box
        for x in range(100, 880, 40):
            cv2.rectangle(page, (x, y), (x + 30, y + 28), 0, -1)
    cv2.rectangle(page, (80, 120), (920, 1280), 0, 2)
    rotated = rotate_image(page, 0.7)
    assert skew_angle(rotated) == pytest.approx(-0.7, abs=0.1)
    assert skew_angle(rotate_image(page, -1.0)) == pytest.approx(1.0, abs=0.1)
    assert skew_angle(page) == pytest.approx(0.0, abs=0.1)


def test_a_straight_page_is_not_tilted_to_the_edge_of_the_equally_sharp_angles() -> None:
    """Regression: garbled_stress_continued_table (a straight, born-digital page) was turned by -0.08°, the
    first of the angles within ±0.08° that all move no pixel of the scaled-down ink; the blur of that needless
    rotation made the recogniser miss the 。 after 见表1 (and read ≥30 as >30).  Whether it did depended on
    OpenCV's interpolation (4.x: -0.08°, missed; 5.0: -0.07°, read), so the estimate now takes the middle
    of equally sharp angles: 0 for a straight page, and the page is left untouched."""
    page = np.full((2339, 1654), 255, np.uint8)  # A4 at 200 dpi: rows of 16 pt characters inside the margins
    for y in range(300, 2000, 75):
        for x in range(220, 1390, 44):
            cv2.rectangle(page, (x, y), (x + 38, y + 40), 0, -1)
    assert skew_angle(page) == 0.0
    assert rotate_image(page, skew_angle(page)) is page
    assert skew_angle(rotate_image(page, 0.5)) == pytest.approx(-0.5, abs=0.03)  # a real skew is still found


def test_equally_sharp_angles_resolve_to_the_middle_one() -> None:
    assert sharpest_angle([-0.1, -0.05, 0.0, 0.05, 0.1], [2.0, 5.0, 5.0, 5.0, 1.0]) == 0.0
    assert sharpest_angle([0.9, 0.95, 1.0], [3.0, 4.0, 1.0]) == 0.95


def test_rules_in_an_image_make_the_same_grid_with_spans() -> None:
    dpi = 200
    page = np.full((800, 1000, 3), 255, np.uint8)
    xs, ys = (100, 400, 650, 900), (100, 200, 300, 400)
    for y in ys:
        cv2.line(page, (xs[0], y), (xs[-1], y), (0, 0, 0), 3)
    for x in xs:
        top = ys[1] if x == xs[2] else ys[0]  # no rule between the last two columns of row 0
        cv2.line(page, (x, top), (x, ys[-1]), (0, 0, 0), 3)
    cv2.line(page, (100, 600), (125, 600), (0, 0, 0), 2)  # a dash is not a rule
    segs = image_segments(page, [], 72 / dpi, ExtractSettings())
    grids = find_grids(segs, ExtractSettings())
    assert len(grids) == 1
    grid = grids[0]
    assert (grid.n_rows, grid.n_cols) == (3, 3)
    assert [(c.row, c.col, c.rowspan, c.colspan) for c in grid.cells][:2] == [(0, 0, 1, 1), (0, 1, 1, 2)]
    assert grid.xs[0] == pytest.approx(100 * 72 / dpi, abs=1.0)


def test_a_thin_wide_mark_is_a_dash() -> None:
    assert is_dash((0, 0, 22, 2), 72 / 200)
    assert not is_dash((0, 0, 13, 18), 72 / 200)


def _digit(img: np.ndarray, x: int) -> None:
    """A digit's ink at ``x``: a 12 × 18 px outline (rows 18–35, baseline 35), drawn as a box rather than with
    ``cv2.putText``, whose Hershey glyphs are 18 px tall in OpenCV 5.0 but 22 px and wider in 4.x."""
    cv2.rectangle(img, (x, 18), (x + 11, 35), (0, 0, 0), 2)


def _digits_with_dash(dash_px: int) -> np.ndarray:
    """``3``, a bar ``dash_px`` wide and 2 px thick at mid height, ``5``: digits 18 px of ink, so an em of
    25 px (the ink height of digits is 0.72 em)."""
    img = np.full((50, 160, 3), 255, np.uint8)
    _digit(img, 12)
    cv2.rectangle(img, (32, 24), (31 + dash_px, 25), (0, 0, 0), -1)
    _digit(img, 36 + dash_px)
    return img


@pytest.mark.parametrize(
    ("read", "dash_px", "printed"),
    [
        ("3-5", 22, "3—5"),  # a full-width dash the recogniser read as a hyphen: an em dash
        ("3一5", 22, "3—5"),
        ("3-5", 8, "3-5"),  # a real hyphen stays one
        ("3—5", 8, "3-5"),
        ("3–5", 12, "3–5"),  # neither clearly short nor an em: the recogniser's reading stands
    ],
)
def test_a_dash_between_digits_is_read_by_its_ink_width(read: str, dash_px: int, printed: str) -> None:
    end = 35 + dash_px + 22
    chars = [(read[0], (8.0, 8.0, 30.0, 42.0)), (read[1], (30.0, 8.0, 33.0 + dash_px, 42.0)),
             (read[2], (33.0 + dash_px, 8.0, float(end), 42.0))]
    line = check_marks(OcrLine(read, 0.9, (5.0, 8.0, float(end), 42.0), chars), _digits_with_dash(dash_px))
    assert line.text == printed
    assert "".join(c for c, _ in line.chars) == printed


def test_a_dash_between_ideographs_is_left_alone() -> None:
    img = _digits_with_dash(8)
    chars = [("年", (8.0, 8.0, 30.0, 42.0)), ("—", (30.0, 8.0, 41.0, 42.0)), ("月", (41.0, 8.0, 65.0, 42.0))]
    assert check_marks(OcrLine("年—月", 0.9, (5.0, 8.0, 65.0, 42.0), chars), img).text == "年—月"


@pytest.mark.parametrize(("dot", "printed"), [(4, "2100."), (1, "2100"), (0, "2100")])
def test_a_trailing_stop_needs_real_ink(dot: int, printed: str) -> None:
    """A 4 px dot (a printed full stop at this size) stays; a 1 px speck or a faint smudge is dropped."""
    img = np.full((50, 160, 3), 255, np.uint8)
    for x in (11, 29, 47, 65):
        _digit(img, x)
    if dot:
        img[36 - dot : 36, 80 : 80 + dot] = 0  # on the baseline, 3 px after the last digit
    else:
        img[34:36, 80:82] = 200  # lighter than ink: JPEG noise
    xs = (8.0, 26.0, 44.0, 62.0, 78.0, 88.0)
    chars = [(c, (xs[i], 8.0, xs[i + 1], 42.0)) for i, c in enumerate("2100.")]
    line = check_marks(OcrLine("2100.", 0.9, (5.0, 8.0, 88.0, 42.0), chars), img)
    assert line.text == printed
    assert len(line.chars) == len(printed)


def test_ocr_runs_with_the_network_blocked(monkeypatch: pytest.MonkeyPatch) -> None:
    """The models ship inside the wheel: building the engine and reading a page never opens a connection."""
    import pypdfium2 as pdfium

    def no_network(*args: object, **kwargs: object) -> None:
        raise OSError("network access attempted during OCR")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    rapid_ocr.cache_clear()  # load the models again, under the block
    pdf = pdfium.PdfDocument(str(PDFS / "stress_joint_issuers.pdf"))
    try:
        image = render_page(pdf, 0, 150)
    finally:
        pdf.close()
    lines = recognise(image[: image.shape[0] // 3], OcrSettings(dpi=150))
    assert any("财政厅" in ln.text for ln in lines), [ln.text for ln in lines]


def test_ocr_off_fails_an_image_only_pdf_with_no_text(scanned_page_pdf: Path) -> None:
    with pytest.raises(NoTextError) as err:
        extract_document(scanned_page_pdf, ocr="off")
    assert err.value.code == "no_text"
    assert "--ocr auto" in err.value.message


def test_pipeline_passes_ocr_off_to_the_extractor(scanned_page_pdf: Path) -> None:
    from policy_extract.pipeline import process_pdf

    with pytest.raises(NoTextError):
        process_pdf(str(scanned_page_pdf), settings={"ocr": "off"})


def test_ocr_off_keeps_a_garbled_layer_but_warns() -> None:
    raw = extract_document(PDFS / "garbled_stress_continued_table.pdf", ocr="off")
    assert {p.text_layer for p in raw.pages} == {"born_digital"}
    assert [w.code for w in raw.warnings].count("garbled_text_layer") == len(raw.pages)


def test_unknown_ocr_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="ocr must be one of"):
        extract_document(PDFS / "stress_continued_table.pdf", ocr="sometimes")


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("各省辖市丶济源示范区", "各省辖市、济源示范区"),
        ("现将(工作要点)印发给你们,请认真贯彻", "现将（工作要点）印发给你们，请认真贯彻"),
        ("印发给你们°", "印发给你们。"),
        ("主要指标见表1°", "主要指标见表1。"),
        ("能耗下降3.5%以上", "能耗下降3.5%以上"),
        ("0371-69691234", "0371-69691234"),
    ],
)
def test_punctuation_read_as_look_alikes_is_restored(read: str, printed: str) -> None:
    assert fix_punctuation(read) == printed


def test_page_numbers_read_with_wrong_dashes_are_restored() -> None:
    assert fix_page_number("一2—") == "— 2 —"
    assert fix_page_number("-12-") == "— 12 —"
    assert fix_page_number("一、总体要求") == "一、总体要求"


@pytest.mark.parametrize(("measured", "size"), [(16.4, 16.0), (21.1, 22.0), (11.6, 12.0), (19.9, 20.0)])
def test_sizes_snap_to_standard_chinese_type_sizes(measured: float, size: float) -> None:
    assert snap_size(measured) == size


def test_ocr_settings_are_validated() -> None:
    with pytest.raises(ValueError):
        OcrSettings(dpi=20)
    with pytest.raises(ValueError):
        OcrSettings(min_score=1.5)
