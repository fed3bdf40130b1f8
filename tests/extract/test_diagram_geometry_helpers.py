"""The box arithmetic of extract/diagrams.py after it moved onto policy_extract.core.geometry: a text box is
the union of its printed characters (blanks left out), the em the median size (10 pt for nothing printed),
and two outlines exactly the clearance apart count as apart."""

from __future__ import annotations

from policy_extract.extract.diagrams import apart, em_of, median_em, text_box


def char(text: str, x0: float, top: float, x1: float, bottom: float, size: float = 10.0) -> dict:
    return {"text": text, "x0": x0, "top": top, "x1": x1, "bottom": bottom, "size": size}


def test_text_box_is_the_union_of_the_printed_characters_only() -> None:
    chars = [char("一", 10, 20, 20, 31), char(" ", 0, 0, 100, 100), char("二", 22, 19, 32, 30, size=12)]
    assert text_box(chars) == (10, 19, 32, 31)


def test_text_box_of_blanks_alone_is_none() -> None:
    assert text_box([char(" ", 0, 0, 5, 5), char("\u3000", 5, 0, 15, 10)]) is None


def test_em_is_the_median_printed_size_and_ten_points_for_none() -> None:
    assert em_of([char("一", 0, 0, 9, 9, 9), char("二", 0, 0, 9, 9, 12), char(" ", 0, 0, 9, 9, 40),
                  char("三", 0, 0, 9, 9, 16)]) == 12
    assert em_of([char(" ", 0, 0, 9, 9, 40)]) == 10.0
    assert median_em([]) == 10.0


def test_outlines_exactly_the_clearance_apart_are_apart() -> None:
    a = (0.0, 0.0, 10.0, 10.0)
    assert apart(a, (15.0, 0.0, 25.0, 10.0), 5.0)
    assert not apart(a, (14.9, 0.0, 25.0, 10.0), 5.0)
    assert apart(a, (0.0, 10.0, 10.0, 20.0), 0.0)  # touching outlines, no clearance asked
