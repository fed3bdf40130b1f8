"""Damage is contained and reported: a bad value loses only its element, a cut content stream is named.

The damaged PDFs are made here from a sample with pikepdf: one text position set to a number no page can
hold (it reads as infinity, and NaN after subtraction); page 2's content stream cut short (as plain bytes,
as compressed data whose tail is missing, or between two text objects); a name inside a ``TJ`` array.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pikepdf
import pytest
from policy_extract.extract.document import content_cut
from policy_extract.extract.textlayer import drop_bad_values, is_bad_value

from policy_extract.core.model import STAGE_FAILED
from policy_extract.pipeline import process_pdf

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "pdf" / "stress_joint_issuers.pdf"
HUGE = b"1" + b"0" * 400 + b".0"
"""A real beyond any float: pdfminer reads it as infinity, and the glyph's box becomes NaN."""


def damaged(tmp_path: Path, name: str, edit: Callable[[pikepdf.Stream], None]) -> Path:
    """The sample with page 2's content stream changed by ``edit``."""
    with pikepdf.open(SAMPLE) as pdf:
        edit(pdf.pages[1].Contents)
        out = tmp_path / f"{name}.pdf"
        pdf.save(out)
    return out


def huge_first_td(stream: pikepdf.Stream) -> None:
    """The first text position's x (``x y Td`` after the first ``BT``) becomes a huge number."""
    data = stream.read_bytes()
    start = data.index(b"BT\n") + 3
    end = data.index(b" ", start)
    stream.write(data[:start] + HUGE + data[end:])


def cut_plain(stream: pikepdf.Stream) -> None:
    data = stream.read_bytes()
    stream.write(data[: len(data) // 2])


def cut_compressed(stream: pikepdf.Stream) -> None:
    raw = stream.read_raw_bytes()
    stream.write(raw[: len(raw) * 2 // 3], filter=pikepdf.Name.FlateDecode)


def cut_after_text_object(stream: pikepdf.Stream) -> None:
    """Cut right after a text object's ``ET``: no text object is left open, but its ``q`` is."""
    data = stream.read_bytes()
    stream.write(data[: data.index(b"ET", len(data) // 2) + 2])


def name_in_text_array(stream: pikepdf.Stream) -> None:
    """A name where a ``TJ`` array holds strings and numbers: pdfminer skips it."""
    data = stream.read_bytes()
    stream.write(data.replace(b"[<", b"[/X <", 1))


@pytest.fixture(scope="module")
def clean():
    return process_pdf(str(SAMPLE))


def codes(doc) -> list[tuple[str, int | None]]:
    return [(w.code, w.page) for w in doc.warnings]


def test_nan_coordinate_loses_only_its_glyphs_not_the_document(tmp_path: Path, clean) -> None:
    doc = process_pdf(str(damaged(tmp_path, "huge", huge_first_td)))
    assert STAGE_FAILED not in [w.code for w in doc.warnings]
    assert ("bad_value", 2) in codes(doc)
    assert doc.meta == clean.meta
    assert doc.outline == clean.outline
    assert len(doc.paragraphs) == len(clean.paragraphs)


@pytest.mark.parametrize("edit", [cut_plain, cut_compressed, cut_after_text_object],
                         ids=["plain", "compressed", "between_objects"])
def test_cut_content_stream_is_reported_with_its_page(tmp_path: Path, edit) -> None:
    doc = process_pdf(str(damaged(tmp_path, edit.__name__, edit)))
    assert ("stream_cut", 2) in codes(doc)


def test_skipped_operator_is_reported_with_its_page(tmp_path: Path) -> None:
    doc = process_pdf(str(damaged(tmp_path, "operand", name_in_text_array)))
    assert ("bad_operand", 2) in codes(doc)


def test_clean_sample_has_no_damage_warning(clean) -> None:
    assert not {"bad_value", "stream_cut", "bad_operand"} & {w.code for w in clean.warnings}


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf"), 1e7, "x"])
def test_bad_values_are_dropped_in_place(value) -> None:
    good = {"x0": 10.0, "x1": 20.0, "top": 5.0, "bottom": 15.0, "size": 10.0}
    objects = [dict(good), {**good, "x0": value}, dict(good, doctop=5e6)]
    assert is_bad_value(objects[1]) and not is_bad_value(objects[2])
    assert drop_bad_values(objects) == 1
    assert len(objects) == 2


@pytest.mark.parametrize(("data", "cut"), [
    (b"q BT /F1 12 Tf (a) Tj ET Q", False),
    (b"BT (a) Tj ET\nBT (b) Tj", True),
    (b"BT (a) Tj ET /BTx gs", False),
    (b"BT (ET) Tj", True),
    (b"q 1 0 0 1 0 0 cm q BT (a) Tj ET Q", True),
    (b"q 1 0 0 1 0 0 cm q BT (a) Tj ET Q Q", False),
    (b"q (q) Tj Q", False),
])
def test_content_cut_finds_a_text_object_or_graphics_state_left_open(data: bytes, cut: bool) -> None:
    stream = SimpleNamespace(get_data=lambda: data)
    page = SimpleNamespace(page_obj=SimpleNamespace(contents=[stream]))
    assert content_cut(page) is cut


def test_a_document_that_lost_text_to_a_cut_stream_is_partial_not_ok(tmp_path: Path) -> None:
    """A cut content stream used to leave the document `ok` with only a warning, although text was lost."""
    from policy_extract.outputs.manifest import document_status

    doc = process_pdf(str(damaged(tmp_path, "cut", cut_plain)))
    assert document_status(doc) == "partial"
