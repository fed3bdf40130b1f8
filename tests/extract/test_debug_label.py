"""The debug PNG names, above each table, the method that found it and its evidence (issue 15)."""

from __future__ import annotations

from typing import Any

from PIL import Image, ImageDraw
from policy_extract.extract import debug

from policy_extract.core.model import PageContent, RawTable, Rule


def table(method: Any, bbox: tuple[float, float, float, float] = (50, 100, 450, 200)) -> RawTable:
    return RawTable(page=1, bbox=bbox, n_rows=4, n_cols=5, col_edges=[], row_edges=[], cells=[], method=method)


def hrule(y: float) -> Rule:
    return Rule(1, (50, y, 450, y + 0.5))


def vrule(x: float) -> Rule:
    return Rule(1, (x, 100, x + 0.5, 200))


def test_label_names_the_method_and_its_evidence() -> None:
    three_line = [hrule(100), hrule(120), hrule(199.5), hrule(400)]
    assert debug.table_label(table("rules"), three_line) == "rules: 3 h-rules, 5 text columns, 4 rows"
    frame = [hrule(100), hrule(199.5), vrule(50), vrule(449.5)]
    assert debug.table_label(table("rules"), frame).startswith("rules: outer frame, 5 text columns")
    assert debug.table_label(table("lattice"), [*frame, vrule(200)]).startswith("grid: 2 h-rules, 3 v-rules")
    assert debug.table_label(table("borderless"), []).startswith("alignment: 5 text columns by gutters")
    assert debug.table_label(table("image"), []).startswith("image:")


def test_label_is_drawn_above_each_table(monkeypatch: Any) -> None:
    drawn: list[str] = []
    original = ImageDraw.ImageDraw.text

    def spy(self: Any, xy: Any, text: str, *args: Any, **kwargs: Any) -> None:
        drawn.append(text)
        original(self, xy, text, *args, **kwargs)

    monkeypatch.setattr(ImageDraw.ImageDraw, "text", spy)
    page = PageContent(number=1, width=500, height=700, tables=[table("rules")], rules=[hrule(100), hrule(199.5)])
    debug.draw_overlay(Image.new("RGB", (500, 700), "white"), page, scale=1.0)
    assert "table 1: rules: 2 h-rules, 5 text columns, 4 rows" in drawn
