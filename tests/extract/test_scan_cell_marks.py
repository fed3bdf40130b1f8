"""Scanned annex task tables: what the image path lost in justified cells, and seal red read as rules.

scan_gen_docx_jiaoyu_header (a task table over a page break, merged 牵头单位/完成时限 cells) read its grid
right but its cells wrong: a cell justifies its lines, so a 、 or ） that may not begin a line hangs at the
end of the line before, up against the cell's right rule, where the detector's line stopped short of it
(``各区（县、`` read ``各区（县``, or ``各区（县）`` in the line's context); and a speck of scanner noise in
a justified gap was read as a full stop (``2024 . 年`` read ``2024.年``). cells 0.918, duties 0.583.
A red seal's ring and star are as dark as a rule in grey, and must not be read as rules.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from ocr_fakes import GapReader, ocr_line, page_image
from policy_extract.extract.image_tables import (
    closing_rule,
    hanging_mark,
    hanging_marks,
    ink_image,
    speck_stops,
    without_seals,
)
from policy_extract.extract.ocr import OcrLine
from policy_extract.extract.rules import Segment

from policy_extract.core.geometry import contains

GENERATED = Path(__file__).resolve().parents[2] / "samples" / "generated" / "pdf"
SCALE = 0.36  # PDF points per pixel at 200 dpi


def _page(marks: list[tuple[int, int, int, int]], rule_x: int | None = 300) -> np.ndarray:
    """A white RGB page 100 px high with black boxes ``(x0, y0, x1, y1)`` and a vertical rule at ``rule_x``."""
    return page_image(marks, None if rule_x is None else (rule_x - 1, rule_x + 1))


_line, _Reader = ocr_line, GapReader


RULE = [Segment("v", 300 * SCALE, 0.0, 100 * SCALE)]


def test_a_rule_closes_the_line_of_its_cell_and_none_closes_open_text() -> None:
    assert closing_rule(_line("各区（县"), RULE, SCALE) == pytest.approx(300)
    assert closing_rule(_line("各区"), RULE, SCALE) is None  # the rule lies over 1.5 line heights away
    assert closing_rule(_line("各区（县"), [], SCALE) is None


def test_a_hanging_comma_before_the_cell_rule_is_read_and_added() -> None:
    img = _page([(100, 35, 244, 65), (262, 55, 268, 63)])  # the text, then a 、 beside the rule
    reader = _Reader(("、", 0.8), ("）", 0.02))
    out = hanging_mark(_line("各区（县"), img, 300, reader)
    assert out.text == "各区（县、" and [c for c, _ in out.chars][-1] == "、"
    assert reader.spans and reader.spans[0][0] == 244 - 100  # read from the last character's end


def test_a_line_ending_in_a_closing_mark_has_it_read_again_alone() -> None:
    img = _page([(100, 35, 280, 65)])
    out = hanging_mark(_line("各区（县）"), img, 300, _Reader(("、", 0.92), ("）", 0.002)))
    assert out.text == "各区（县、" and len(out.chars) == 5


def test_a_real_closing_mark_read_again_stays() -> None:
    img = _page([(100, 35, 280, 65)])
    out = hanging_mark(_line("每学期不少于，"), img, 300, _Reader(("，", 0.99)))
    assert out.text == "每学期不少于，"


def test_an_unlikely_mark_never_replaces_the_mark_read() -> None:
    """A line already ending in a closing mark keeps it unless the mark alone reads best as another one: a
    0.05 reading below the best (no mark) is no reason to change ``，`` into ``、``."""
    img = _page([(100, 35, 280, 65)])
    out = hanging_mark(_line("每学期不少于，"), img, 300, _Reader(("1", 0.6), ("、", 0.06)))
    assert out.text == "每学期不少于，"


def test_the_ink_a_mark_needs_scales_with_the_resolution() -> None:
    """A speck that holds a mark's ink at 200 dpi is a speck at 400 dpi (the same area is four times the pixels)."""
    img = _page([(100, 35, 244, 65), (264, 58, 268, 61)])  # 12 px of ink beside the rule
    assert hanging_mark(_line("各区（县"), img, 300, _Reader(("、", 0.8))).text == "各区（县、"
    assert hanging_mark(_line("各区（县"), img, 300, _Reader(("、", 0.8)), dpi=400).text == "各区（县"


@pytest.mark.parametrize("choices", [(("#", 0.01), ("，", 0.0001)), (("·", 0.17), ("，", 0.01)), ()])
def test_the_last_glyphs_own_ink_or_an_unsure_reading_adds_nothing(choices) -> None:
    img = _page([(100, 35, 250, 65)])  # the last glyph's ink runs past its estimated box
    assert hanging_mark(_line("长期坚持"), img, 300, _Reader(*choices)).text == "长期坚持"


def test_blank_paper_before_the_rule_is_not_read() -> None:
    reader = _Reader(("、", 0.9))
    assert hanging_mark(_line("各区（县"), _page([(100, 35, 244, 65)]), 300, reader).text == "各区（县"
    assert reader.spans == []


def test_lines_in_open_text_are_left_alone() -> None:
    line = _line("各区（县")
    assert hanging_marks([line], _page([(100, 35, 244, 65), (262, 55, 268, 63)]), [], SCALE,
                         _Reader(("、", 0.9))) == [line]


def _digits_line(text: str) -> tuple[OcrLine, np.ndarray]:
    """``text`` spread as a justified cell does: one glyph per 36 px, each printed as a black box except
    the stops, which get no ink (a speck too small for a stop) unless marked ``:`` (a printed dot)."""
    line = _line(text.replace(":", "."))
    boxes = []
    for ch, (x0, _t, x1, _b) in line.chars:
        if ch != ".":
            boxes.append((int(x0) + 4, 35, int(x1) - 4, 65))
    for k, ch in enumerate(text):
        if ch == ":":
            x0 = int(line.chars[k][1][0])
            boxes.append((x0 + 14, 58, x0 + 20, 64))
    return line, _page(boxes, None)


def test_a_speck_read_as_a_stop_in_a_justified_gap_is_dropped() -> None:
    line, img = _digits_line("2024.年8")
    assert speck_stops(line, img).text == "2024年8"


def test_a_printed_stop_and_a_decimal_point_stay() -> None:
    line, img = _digits_line("2024:年8")
    assert speck_stops(line, img).text == "2024.年8"
    line, img = _digits_line("1.5亿元")
    assert speck_stops(line, img).text == "1.5亿元"


def test_seal_red_over_text_is_no_rule_ink_and_black_rules_stay() -> None:
    img = np.full((400, 600, 3), 255, np.uint8)
    img[200:240, 100:500] = 0  # black text under the seal
    img[:, 50:52] = 0  # a black rule
    red = np.zeros((400, 600), bool)
    red[60:64, 150:450] = red[336:340, 150:450] = True  # the seal's ring (top and bottom) and its sides
    red[60:340, 150:154] = red[60:340, 446:450] = True
    img[red] = (214, 38, 46)
    ink = without_seals(img, ink_image(img))
    assert not ink[red].any()
    assert ink[200:240, 100:150].all() and ink[:, 50:52].all()
    assert ink_image(img)[red].all()  # red is rule-dark in grey (the reason for the rule)


def test_red_ink_off_any_black_text_stays_ink() -> None:
    img = np.full((400, 600, 3), 255, np.uint8)
    img[100:103, 50:550] = (214, 38, 46)  # a red rule under a 版头: no black ink under it
    ink = ink_image(img)
    assert without_seals(img, ink)[100:103, 50:550].all()


@pytest.mark.slow
def test_scanned_task_table_keeps_its_hanging_marks_and_drops_specks() -> None:
    """scan_gen_docx_jiaoyu_header p.3 and p.4 by OCR: 各区（县、市）教育局 in every row it is in (four,
    one read ``各区（县）市）``), 2024年8月底前 without the speck read as ``.``."""
    from policy_extract.extract.document import extract_document

    raw = extract_document(GENERATED / "scan_gen_docx_jiaoyu_header.pdf")
    texts = ["".join(ln.text for ln in c.lines) for p in raw.pages for t in p.tables for c in t.cells]
    assert texts.count("各区（县、市）教育局") == 4
    assert "2024年8月底前" in texts and not any("2024." in t for t in texts)


def test_a_scanned_seal_makes_no_rules() -> None:
    """scan_seal_gen_rl_meta_zhaobiaobianhao p.2: the seal over the 落款 gave 17 more rule pieces (ring,
    star, its characters) when its red counted as ink; now the seal finds the rules the unstamped page does
    (glyph strokes of the 落款 under it, with no OCR lines blanked here)."""
    from policy_extract.extract.image_tables import image_segments
    from policy_extract.extract.ocr import PageImages, deskew
    from policy_extract.extract.seals import red_ink, red_regions
    from policy_extract.extract.settings import ExtractSettings

    settings = ExtractSettings()
    images = PageImages(GENERATED / "scan_seal_gen_rl_meta_zhaobiaobianhao.pdf", None, settings.ocr)
    img, _angle = deskew(images.render(1), settings.ocr.max_skew)
    images.close()
    scale = 595.3 / img.shape[1]
    red = red_ink(img)
    seals = [tuple(v * scale for v in box) for box in red_regions(img, red)]
    paper = img.copy()
    paper[red] = 255  # the page as if never stamped (the black text under the seal stays)

    def in_seals(segs: list[Segment]) -> list[Segment]:
        return [s for s in segs for x0, y0, x1, y1 in seals if contains((x0, y0, x1, y1), s.bbox())]

    assert seals
    assert in_seals(image_segments(img, [], scale, settings)) == in_seals(image_segments(paper, [], scale,
                                                                                          settings))
