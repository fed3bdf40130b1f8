"""The pdfium page source reads what the pdfminer source reads: characters, rules, damage, garbled verdicts.

Pages are compared character by character (text, box within 0.05 pt, size) and rule by rule; rotated pages,
content inside a form XObject and invisible text (render mode 3, the OCR'd-PDF text layer) are made here
from a sample with pikepdf.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from policy_extract.extract.settings import ExtractSettings
from policy_extract.extract.sources.operands import count_bad_operands
from policy_extract.extract.sources.pdfium_geometry import snap
from policy_extract.extract.sources.pdfium_source import PdfiumDocument, PdfiumPage
from policy_extract.extract.sources.pdfminer_source import PdfminerDocument, PdfminerPage

from policy_extract.batch.resume import fingerprint
from policy_extract.core.errors import SettingsError
from policy_extract.pipeline import process_pdf
from policy_extract.settings import PipelineSettings

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "pdf"
JOINT = SAMPLES / "stress_joint_issuers.pdf"
TABLE = SAMPLES / "stress_continued_table.pdf"
TOLERANCE = 0.05
SETTINGS = ExtractSettings()


def both(path: Path) -> list[tuple[PdfminerPage, PdfiumPage]]:
    miner, pdfium = PdfminerDocument(path), PdfiumDocument(path)
    return list(zip(miner.pages(), pdfium.pages(), strict=True))


def in_reading_order(chars: list[dict]) -> list[dict]:
    """pdfium lists the characters of a page turned upside down right to left; the pipeline sorts anyway."""
    return sorted(chars, key=lambda c: (round(c["top"]), round(c["x0"], 1)))


def assert_same_chars(a: PdfminerPage, b: PdfiumPage) -> None:
    ca, cb = in_reading_order(a.chars), in_reading_order(b.chars)
    assert [c["text"] for c in ca] == [c["text"] for c in cb]
    for x, y in zip(ca, cb, strict=True):
        for key in ("x0", "x1", "top", "bottom", "size"):
            assert abs(x[key] - y[key]) <= TOLERANCE, (x["text"], key, x[key], y[key])


def assert_same_segments(a: PdfminerPage, b: PdfiumPage) -> None:
    sa, sb = a.segments(SETTINGS), b.segments(SETTINGS)
    assert len(sa) == len(sb)
    for p, q in zip(sa, sb, strict=True):
        assert p.orient == q.orient
        assert max(abs(p.pos - q.pos), abs(p.start - q.start), abs(p.end - q.end)) <= TOLERANCE


@pytest.mark.parametrize("path", [JOINT, TABLE], ids=["joint_issuers", "continued_table"])
def test_a_born_digital_sample_reads_the_same_from_both_sources(path: Path) -> None:
    for a, b in both(path):
        assert (a.width, a.height, a.rotation) == (b.width, b.height, b.rotation)
        assert_same_chars(a, b)
        assert_same_segments(a, b)


def edited(tmp_path: Path, name: str, edit: Callable[[pikepdf.Pdf], None]) -> Path:
    with pikepdf.open(TABLE) as pdf:
        edit(pdf)
        out = tmp_path / f"{name}.pdf"
        pdf.save(out)
    return out


def rotate_first(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].Rotate = 90


def rotate_180_with_offset_box(pdf: pikepdf.Pdf) -> None:
    box = [float(v) for v in pdf.pages[0].MediaBox]
    pdf.pages[0].MediaBox = [box[0] - 10, box[1] - 20, box[2], box[3]]
    pdf.pages[0].Rotate = 180


def into_form_xobject(pdf: pikepdf.Pdf) -> None:
    """Page 1's content moved into a form XObject drawn shifted and scaled (``cm``, then ``Do``)."""
    page = pdf.pages[0]
    form = pdf.make_stream(page.Contents.read_bytes(), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                           BBox=page.MediaBox, Resources=page.Resources)
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fx=form))
    page.Contents = pdf.make_stream(b"q 0.9 0 0 0.9 20 30 cm /Fx Do Q")


def invisible_text(pdf: pikepdf.Pdf) -> None:
    """Every text object drawn in render mode 3 (neither filled nor stroked), as OCR layers are."""
    page = pdf.pages[0]
    page.Contents = pdf.make_stream(page.Contents.read_bytes().replace(b"BT", b"BT 3 Tr"))


@pytest.mark.parametrize("edit", [rotate_first, rotate_180_with_offset_box, into_form_xobject, invisible_text],
                         ids=["rotate_90", "rotate_180_offset", "form_xobject", "invisible_text"])
def test_edited_pages_read_the_same_from_both_sources(tmp_path: Path, edit) -> None:
    a, b = both(edited(tmp_path, edit.__name__, edit))[0]
    assert a.chars and (a.width, a.height, a.rotation) == (b.width, b.height, b.rotation)
    assert_same_chars(a, b)
    assert_same_segments(a, b)


@pytest.mark.parametrize("path", [SAMPLES / "garbled_stress_continued_table.pdf",
                                  ROOT / "samples" / "generated" / "pdf" / "garbled_gen_docx_yiliao_lines.pdf"],
                         ids=["garbled_sample", "generated_twin"])
def test_garbled_pages_keep_pdfminers_glyph_names_and_verdict(path: Path) -> None:
    """pdfium's text of a font without a Unicode map is control characters, not pdfminer's ``(cid:N)``: the
    page stays pdfium's with each glyph named as pdfminer names it (``pdfium_codes``, issue 16), so the OCR
    verdict is the same as with the pdfminer source."""
    for a, b in both(path):
        resolved = b.resolve()
        assert isinstance(resolved, PdfiumPage)
        assert_same_chars(a, resolved)
        assert resolved.layer_check() == a.layer_check()
        assert a.layer_check().kind in ("garbled", "empty")


def test_resolving_a_garbled_page_stops_reading_at_its_first_unmapped_character() -> None:
    """Speed (issue 16): a character pdfium cannot map hands the page to pdfminer whatever follows, so
    :meth:`PdfiumPage.resolve` reads no further; the full reading finds the same page unmapped."""
    path = SAMPLES / "garbled_stress_continued_table.pdf"
    for page in PdfiumDocument(path).pages():
        assert isinstance(page, PdfiumPage)
        page.read(until_unmapped=True)
        assert page.unmapped and page._chars is None
        page.read()
        assert page.unmapped and len(page.chars) > 1


def test_a_clean_page_stays_with_pdfium() -> None:
    for _, b in both(JOINT):
        assert b.resolve() is b
        assert b.layer_check().kind == "ok"


def test_vertical_writing_and_line_end_hyphens_read_as_pdfminer_reads_them() -> None:
    """A column set in an ``Identity-V`` font (pdfium's glyph width is then the vertical advance) and a
    hyphen pdfium marks U+0002 at a line end: the same characters in the same boxes."""
    real = ROOT.parent / "shared" / "corpus" / "real"
    for name, page in (("hongze_zfxxgk_nianbao_2023.pdf", 3), ("hanshan_gongshui_zhaobiao_2024.pdf", 55)):
        if not (real / name).exists():
            pytest.fail(f"the real corpus must sit beside the checkout: {real / name}")
        a, b = both(real / name)[page - 1]
        assert_same_chars(a, b)


@pytest.mark.parametrize(("data", "bad"), [
    (b"q 1 0 0 1 0 0 cm BT /F1 12 Tf [(a) -20 <0041>] TJ ET Q", 0),
    (b"BT /F1 12 Tf [/X <0041>] TJ ET", 1),
    (b"BT /F1 /x Tf (a\\) (b)) Tj ET", 1),
    (b"/P <</MCID 0>> BDC 0 0 1 rg 1 2 m 3 4 /l l S EMC", 1),
    (b"BI /W 2 /H 2 ID \x00[/x]\x01 EI 1 2 m", 0),
    (b"1 0 0 1 0 cm", 0),
])
def test_bad_operands_are_counted_as_pdfminer_skips_them(data: bytes, bad: int) -> None:
    assert count_bad_operands(data) == bad


@pytest.mark.parametrize(("value", "short"), [(521.7249755859375, 521.725), (79.37007904052734, 79.37008),
                                              (0.74999996875, 0.75), (0.3333333432674408, 0.3333333)])
def test_pdfium_float32_values_snap_to_the_decimal_written(value: float, short: float) -> None:
    assert snap(value) == short


def test_the_page_source_is_a_validated_setting_in_the_fingerprint() -> None:
    with pytest.raises(ValueError, match="page_source"):
        ExtractSettings(page_source="poppler")
    with pytest.raises(SettingsError):
        PipelineSettings.resolve({"extract": {"page_source": "poppler"}})
    pdfium = PipelineSettings.resolve({"extract": {"page_source": "pdfium"}})
    miner = PipelineSettings.resolve({"extract": {"page_source": "pdfminer"}})
    assert fingerprint(process_pdf, pdfium) != fingerprint(process_pdf, miner)


def test_damage_is_reported_by_the_pdfium_source(tmp_path: Path) -> None:
    """The damaged samples of test_damage give the same warnings through pdfium (operands and the cut from
    the content bytes, coordinates from what pdfium read)."""
    from test_damage import cut_plain, damaged, huge_first_td, name_in_text_array

    settings = {"extract": {"page_source": "pdfium"}}
    for edit, code in ((cut_plain, "stream_cut"), (name_in_text_array, "bad_operand"),
                       (huge_first_td, "bad_value")):
        doc = process_pdf(str(damaged(tmp_path, edit.__name__, edit)), settings=settings)
        assert (code, 2) in [(w.code, w.page) for w in doc.warnings], edit.__name__


class _Stream:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def get_data(self) -> bytes:
        return self.data


@pytest.mark.parametrize(("subtype", "codespace", "foreign"), [
    ("Type1", b"<0000> <FFFF>", True), ("TrueType", b"<00> <FF>", False), ("Type0", b"<0000> <FFFF>", False),
])
def test_a_one_byte_font_with_a_two_byte_unicode_map_is_read_by_pdfminer(subtype, codespace, foreign) -> None:
    """pdfium leaves such a /ToUnicode aside and reads glyph names (ICDAR eu-017's small capitals: 'N' where
    pdfminer reads 'n'), so pages in that font go to pdfminer."""
    from pdfminer.psparser import LIT
    from policy_extract.extract.sources.pdfium_geometry import foreign_unicode_map

    cmap = b"begincmap\n1 begincodespacerange\n" + codespace + b"\nendcodespacerange\n"
    assert foreign_unicode_map({"Subtype": LIT(subtype), "ToUnicode": _Stream(cmap)}) is foreign
