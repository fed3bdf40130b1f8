"""Per-page text-layer check: which pages are read from their text layer and which go to OCR."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from policy_extract.extract.textlayer import (
    DEFAULT_COMMON_MIN_FREQ,
    check_chars,
    check_page,
    check_texts,
    common_chars,
    derive_common_chars,
    is_bad_char,
    jieba_common_chars,
    unmapped_fonts,
    valid_unicode_chars,
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


def test_shipped_common_chars_table_equals_the_set_derived_from_jiebas_dictionary() -> None:
    """The table in core/data is tools/make_common_chars.py's output for the installed jieba: the check's
    verdicts are the ones jieba's dictionary gives, without parsing it in every worker."""
    pytest.importorskip("jieba")
    shipped = common_chars()
    assert shipped == jieba_common_chars(DEFAULT_COMMON_MIN_FREQ)
    assert 3000 < len(shipped) < 3600


def test_the_derivation_sums_a_characters_frequency_over_every_word_containing_it() -> None:
    dictionary = "发展 600 v\n改革发展 500 n\n霾 10 n\nabc 5000 x\n"
    assert derive_common_chars(dictionary, 1000) == frozenset("发展")
    assert derive_common_chars(dictionary, 500) == frozenset("发展改革")


def test_common_chars_at_the_default_threshold_do_not_load_jieba() -> None:
    code = ("import sys; from policy_extract.extract.textlayer import common_chars; "
            "assert len(common_chars()) > 3000; print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("pdf", [
    PDFS / "garbled_stress_continued_table.pdf",
    PDFS.parents[1] / "samples" / "generated" / "pdf" / "garbled_gen_docx_yiliao_lines.pdf",
])
def test_garbled_documents_still_go_to_ocr_with_the_shipped_table(pdf: Path) -> None:
    with pdfplumber.open(pdf) as doc:
        assert all(check_page(page).needs_ocr for page in doc.pages)


def test_fast_paths_of_the_layer_checks_keep_their_answers() -> None:
    """The one-pass shortcuts (no code on the page; no lone surrogate in the joined texts) answer as the
    per-char checks do: a generator of chars, a text that is no str, a lone surrogate among clean chars."""
    clean = [{"text": t, "fontname": "F1"} for t in "国家政策"]
    assert unmapped_fonts(iter(clean)) == frozenset()
    assert valid_unicode_chars(iter(clean)) == 0
    mixed = [*clean, {"text": "\ud800", "fontname": "F1"}, {"fontname": "F1"}, {"text": None}]
    assert valid_unicode_chars(mixed) == 1
    assert mixed[4]["text"] == "\ufffd"
    assert unmapped_fonts([*clean, {"text": "\ue000", "fontname": "F2"}]) == {"F2"}
