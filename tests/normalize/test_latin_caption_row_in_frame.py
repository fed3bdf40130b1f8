"""An English table's caption printed as its first row was kept as a row: ICDAR 2013 us-013 p.2 draws one
frame round ``Exhibit 9 / Characteristics of Types of Assessments and Participating Students``, the column
heads and the body, so the caption became row 0 spanning the five columns, every row below moved down by one
and none of the table's cells matched the truth (cells 0.100, TEDS 0.857).  The caption-row rule (the form of
gen_docx_jiaoyu_header, gen_html_07_shengtai_double, gen_rl_12_water_captionrow) knew only Chinese labels
(``表1``, ``专栏``) and measured a title in characters (at most 40), so a ten-word English caption (77
characters) could never be one.  English reports label their tables ``Table 2.``, ``Table A-1.``,
``Exhibit 2a.`` (us-007, us-015, us-017, us-019, eu-005, eu-021, … print them above the frame); a title is
now measured in reading units (a CJK character or a Latin word)."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from policy_extract.normalize.tables import DEFAULT_CAPTION_LENGTH, is_caption_text, reading_length
from reportlab.pdfgen import canvas

from policy_extract.core.model import Table
from policy_extract.pipeline import process_pdf

LABEL, CAPTION = "Exhibit 9", "Characteristics of Types of Assessments and Participating Students"
HEAD = ("", "General Assessment", "Grade-Level Standards", "Modified Standards", "Alternate Standards")
BODY = (("Content", "Grade level", "Grade level", "Grade level", "Extensions"),
        ("Achievement", "Grade level", "Grade level", "Modified level", "Alternate level"),
        ("Participating", "All students", "Some students", "Few students", "Most significant"))  # fmt: skip
XS = (72.0, 150.0, 239.0, 335.0, 441.0, 539.0)
TOP, CAPTION_H, ROW_H = 700.0, 42.0, 24.0


def _pdf(tmp_path: Path, caption: tuple[str, ...]) -> Path:
    """One frame: the caption lines centred across the top (no rule under them but the heads' top rule
    spanning the frame), then the heads and the body in a full grid."""
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=(612, 792))
    grid_top = TOP - CAPTION_H
    ys = [grid_top - ROW_H * r for r in range(len(BODY) + 2)]
    pdf.line(XS[0], TOP, XS[-1], TOP)
    for y in ys:
        pdf.line(XS[0], y, XS[-1], y)
    for i, x in enumerate(XS):
        pdf.line(x, TOP if i in (0, len(XS) - 1) else grid_top, x, ys[-1])
    pdf.setFont("Helvetica-Bold", 11)
    for k, line in enumerate(caption):
        pdf.drawCentredString((XS[0] + XS[-1]) / 2, TOP - 16 - 13 * k, line)
    pdf.setFont("Helvetica", 8)
    for r, row in enumerate((HEAD, *BODY), start=1):
        for c, text in enumerate(row):
            pdf.drawString(XS[c] + 3, ys[r - 1] - 14, text)
    pdf.save()
    path = tmp_path / "caption_row_latin.pdf"
    path.write_bytes(buf.getvalue())
    return path


def _column(table: Table, col: int) -> list[str]:
    return [c.text for c in sorted(table.cells, key=lambda c: c.row) if c.col == col]


def test_latin_label_caption_row_is_the_title_not_a_row(tmp_path: Path) -> None:
    (table,) = process_pdf(str(_pdf(tmp_path, (LABEL, CAPTION)))).tables
    assert table.title == f"{LABEL} {CAPTION}"
    assert table.n_rows == 1 + len(BODY)
    assert tuple(c.text for c in sorted(table.cells, key=lambda c: c.col) if c.row == 0) == HEAD
    assert _column(table, 0) == ["", *(row[0] for row in BODY)]


def test_unlabelled_spanning_head_stays_a_row(tmp_path: Path) -> None:
    """A head spanning every column above narrower heads (eu-009a ``Assignment Categories``) is no title."""
    (table,) = process_pdf(str(_pdf(tmp_path, ("Types of Assessments",)))).tables
    assert table.title is None
    assert table.n_rows == 2 + len(BODY)


WORDS = st.lists(st.from_regex(r"[A-Z][a-z]{1,11}", fullmatch=True), min_size=1, max_size=12)
LABELS = st.sampled_from(["Table 2.", "Table A-1.", "Table 7.4:", "Exhibit 9", "Exhibit 2a.", "TABLE 3."])


@given(LABELS, WORDS)
def test_labelled_english_caption_is_a_title(label: str, words: list[str]) -> None:
    assert is_caption_text(" ".join([label, *words]))


@given(WORDS)
def test_running_text_naming_a_table_is_no_title(words: list[str]) -> None:
    assert not is_caption_text(" ".join(["table 1), thus", *words]))
    assert not is_caption_text(" ".join(["Tables 3 and 4", *words]))


@given(st.integers(min_value=1, max_value=60))
def test_reading_length_counts_a_cjk_character_or_a_latin_word_as_one(n: int) -> None:
    assert reading_length("指" * n) == n
    assert reading_length(" ".join(["Assessments"] * n)) == n


def test_chinese_title_limit_is_unchanged() -> None:
    stem = "高" * (DEFAULT_CAPTION_LENGTH - 2)
    assert is_caption_text(stem + "指标")
    assert not is_caption_text("高" + stem + "指标")


def test_running_text_that_opens_with_a_table_reference_is_no_caption() -> None:
    """Review of the Latin label: a sentence about a table (``Table 3 shows that…``) above a table is body
    text, while a label followed by a capitalised title, a mark or nothing is a caption."""
    from policy_extract.core.vocabulary import CAPTION_START

    for text in ("Table 3 shows that the scores rose", "Exhibit 2 lists the states", "table 1), thus"):
        assert not CAPTION_START.match(text), text
    for text in ("Table 3 Scores by state", "Exhibit 9", "Table 1 (continued)", "TABLE 4. Rates", "Table 2: x"):
        assert CAPTION_START.match(text), text
