"""Per-page text-layer check: which pages are read from their text layer and which go to OCR."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from policy_extract.extract.textlayer import (
    check_chars,
    check_page,
    check_texts,
    common_chars,
    is_bad_char,
    unmapped_fonts,
)

PDFS = Path(__file__).resolve().parents[2] / "samples" / "pdf"


def _kinds(name: str) -> list[str]:
    with pdfplumber.open(PDFS / name) as pdf:
        return [check_page(page).kind for page in pdf.pages]


def test_clean_born_digital_pages_are_ok() -> None:
    assert set(_kinds("stress_continued_table.pdf")) == {"ok"}
    assert set(_kinds("stress_joint_issuers.pdf")) == {"ok"}


def test_fonts_without_tounicode_are_garbled() -> None:
    assert set(_kinds("garbled_stress_continued_table.pdf")) == {"garbled"}


def test_image_only_pages_are_empty() -> None:
    assert set(_kinds("scan_stress_joint_issuers.pdf")) == {"empty"}


def test_long_born_digital_notice_never_goes_to_ocr() -> None:
    with pdfplumber.open(PDFS / "000_5d3202af9fddf20f.pdf") as pdf:
        checks = [check_page(page) for page in pdf.pages[:12]]
    assert all(c.kind == "ok" for c in checks)
    assert sum(c.rare for c in checks) / sum(c.cjk for c in checks) < 0.01


def test_mojibake_of_utf8_read_as_gbk_is_garbled() -> None:
    check = check_texts(list("鍙戝睍鍜屾敼闈╁鍛樹細鍏充簬鍗板彂"))
    assert check.kind == "garbled"
    assert "outside common use" in check.reason()


def test_cid_codes_and_private_use_are_bad_characters() -> None:
    assert is_bad_char("(cid:123)")
    assert is_bad_char("\ue001")
    assert is_bad_char("\ufffd")
    assert not is_bad_char("国")
    assert not is_bad_char("(")


def test_a_font_with_some_cid_codes_is_unmapped_for_all_its_glyphs() -> None:
    chars = [{"text": t, "fontname": "F1"} for t in ["(cid:1)", "L", "M", "N", "O", "P", "Q", "R"]]
    chars += [{"text": "国", "fontname": "F2"}] * 3
    assert unmapped_fonts(chars) == {"F1"}
    assert check_chars(chars).kind == "garbled"


def test_a_few_characters_say_too_little_to_judge() -> None:
    assert check_texts(["霾"]).kind == "ok"
    assert check_texts([" ", "\n"]).kind == "empty"


@pytest.mark.parametrize("ch", ["的", "国", "发", "展", "改", "革"])
def test_common_characters_come_from_jiebas_dictionary(ch: str) -> None:
    assert ch in common_chars()
