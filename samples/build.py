"""Render sample sources (``samples/src/<doc_id>.yaml``) into GB/T 9704-2012 style PDFs.

``python samples/build.py [--only DOC_ID ...] [--src DIR] [--out DIR] [--no-expected] [--keep-docx DIR]``

YAML → block model (:func:`load_source`, pure) → .docx with python-docx (:func:`render_docx`, the layout an
office would type in Word/WPS) → PDF with LibreOffice headless (:func:`convert_to_pdf`), then the expected
outputs (``samples/expected.py``) unless ``--no-expected``.  The YAML format is ``samples/SOURCE_FORMAT.md``.

Layout (GB/T 9704-2012): A4, margins 37/35/28/26 mm, body 16 pt 仿宋 at 28 characters × 22 lines.  The
28-character pitch is made by condensing every body run by 0.25 pt (16 pt glyphs do not fit 28 to 156 mm
otherwise) and the 22 lines by an exact line spacing of 28.95 pt; this is the "equivalent" of Word's character
grid and behaves the same in LibreOffice, whose own grid mode rescales smaller table fonts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from docx import Document as new_docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

_REPO = Path(__file__).resolve().parents[1]
if str(_REPO) not in sys.path:  # run as a script: make `samples.*` importable
    sys.path.insert(0, str(_REPO))

from samples.fonts import FontMap, font_map  # noqa: E402

DEFAULT_SRC = _REPO / "samples" / "src"
DEFAULT_OUT = _REPO / "samples" / "pdf"
DEFAULT_SOFFICE = "soffice"
DEFAULT_CONVERT_TIMEOUT_S = 600

# GB/T 9704-2012 page geometry, in mm and pt.
PAGE_W_MM = 210.0
PAGE_H_MM = 297.0
MARGIN_TOP_MM = 37.0
MARGIN_BOTTOM_MM = 35.0
MARGIN_LEFT_MM = 28.0
MARGIN_RIGHT_MM = 26.0
FOOTER_DISTANCE_MM = 22.0
TEXT_W_PORTRAIT_MM = PAGE_W_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 156
TEXT_W_LANDSCAPE_MM = PAGE_H_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 243
BODY_PT = 16.0  # 三号
TITLE_PT = 22.0  # 二号
PAGE_NUMBER_PT = 14.0  # 四号
ISSUER_MAX_PT = 42.0  # 初号
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE_PT = 28.95  # 225 mm / 22 lines
BODY_CONDENSE_PT = -0.25  # 28 × 15.75 pt = 441 pt ≤ 442.2 pt (156 mm), 29 would not fit
CHAR_PT = BODY_PT + BODY_CONDENSE_PT
DEFAULT_TABLE_PT = 12.0
DEFAULT_SIDEBAR_PT = 16.0
DEFAULT_HEADER_ROWS = 1
RUNNING_HEADER_PT = 10.5  # 五号
MM_PER_PT = 25.4 / 72

BlockKind = Literal["title", "heading", "side_heading", "p", "sidebar", "table", "diagram", "chart",
                    "pagebreak"]
DIAGRAM_BOXES: tuple[str, ...] = ("square", "rounded")
CHART_KINDS: tuple[str, ...] = ("bar", "line", "hbar")
SidebarStyle = Literal["box", "cell", "shaded", "rules", "title_outside"]
SIDEBAR_STYLES: tuple[str, ...] = ("box", "cell", "shaded", "rules", "title_outside")
TableBorders = Literal["all", "none", "spaced", "three_line", "outer"]
TABLE_BORDERS: tuple[str, ...] = ("all", "none", "three_line", "outer")
RULE_STYLES: tuple[str, ...] = ("line", "double", "rect")
PAGE_NUMBER_FORMS: tuple[str, ...] = ("dash", "hyphen", "of_total", "none")
HEADER_LAYOUTS: tuple[str, ...] = ("redhead", "plain")


class SourceError(ValueError):
    """A sample YAML that does not follow SOURCE_FORMAT.md; the message names the file and the block."""


# ------------------------------------------------------------------------------------------ block model


@dataclass(frozen=True)
class Block:
    """One printed block of a sample, in document order."""

    kind: BlockKind
    where: str
    """Where it sits in the YAML (``body[12]``), for error messages."""


@dataclass(frozen=True)
class TitleBlock(Block):
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class HeadingBlock(Block):
    level: int = 1
    n: str = ""
    title: str = ""
    runin: str | None = None

    def printed_title(self) -> str:
        """The heading as printed, without the run-in text: ``一、…`` ``（一）…`` ``1.…`` ``（1）…``."""
        marker = {1: f"{self.n}、", 2: f"（{self.n}）", 3: f"{self.n}.", 4: f"（{self.n}）"}[self.level]
        title = self.title
        if self.runin and not title.endswith("。"):
            title += "。"  # a run-in title ends at its first 。 (SPEC)
        return marker + title


@dataclass(frozen=True)
class SideHeadingBlock(Block):
    """An unnumbered side heading (小标题 of a 统计公报/年报/解读): one line in the body face and size, bold,
    flush with the left margin where paragraphs start at their indent, no marker."""

    title: str = ""


@dataclass(frozen=True)
class ParaBlock(Block):
    text: str = ""


@dataclass(frozen=True)
class SidebarBlock(Block):
    number: int | None = None
    label: str | None = None
    title: str = ""
    items: tuple[str, ...] = ()
    style: SidebarStyle = "box"
    font_size: float = DEFAULT_SIDEBAR_PT

    def heading_line(self) -> str:
        label = self.label if self.label is not None else (f"专栏{self.number}" if self.number else "")
        return f"{label}：{self.title}" if label else self.title


@dataclass(frozen=True)
class DiagramBlock(Block):
    """A flowchart: rows of boxes top to bottom, each box its own closed outline, arrows from every box of a
    row to the next row (generated corpus only: producers ``html`` and ``rl``)."""

    rows: tuple[tuple[str, ...], ...] = ()
    box: str = "rounded"
    font_size: float = DEFAULT_TABLE_PT

    def texts(self) -> list[str]:
        """The boxes' texts in reading order: row by row, left to right."""
        return [text for row in self.rows for text in row]


@dataclass(frozen=True)
class ChartBlock(Block):
    """A vector chart (generated corpus only: producer ``rl``): bars, lines or bars lying down over
    ``categories``, one series each in ``series`` (name, values), with tick values, data labels and a legend;
    ``ticks`` false draws it as office suites do by default (gridlines, no value axis, no tick marks).  Its
    ``caption`` (``图1 …``) is printed under it in the body face."""

    chart: str = "bar"
    categories: tuple[str, ...] = ()
    series: tuple[tuple[str, tuple[float, ...]], ...] = ()
    ticks: bool = True
    caption: str | None = None
    font_size: float = 9.0


@dataclass(frozen=True)
class SidebarRef:
    number: int | None
    title: str


@dataclass(frozen=True)
class TableBlock(Block):
    id: str = ""
    caption: str | None = None
    title: str | None = None
    sidebar: SidebarRef | None = None
    header_rows: int = DEFAULT_HEADER_ROWS
    repeat_header: bool = True
    widths_mm: tuple[float, ...] = ()
    font_size: float = DEFAULT_TABLE_PT
    rows: tuple[tuple[str, ...], ...] = ()
    merges: tuple[tuple[int, int, int, int], ...] = ()
    borders: TableBorders = "all"
    caption_row: bool = False
    """The caption printed as the table's first row spanning all columns (not a row of the expected grid)."""
    rule_style: str = "line"
    """How rules are drawn: ``line`` (stroked), ``double`` (double lines), ``rect`` (filled rectangles)."""
    joined: bool = False
    """Printed right under the previous table with no space between (the sections of one ruled form)."""
    group_rules: bool = False
    """``three_line``, producer rl: a thin rule under each header group (a header cell merged across columns
    above the last header row), trimmed at both ends so two groups' rules stay apart."""
    top_rule_from: int = 0
    """``three_line``, producer rl: the top rule is drawn over the columns from this one on only (the stub
    columns to its left open at the top, their header under the first full-width rule's row)."""

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return len(self.rows[0]) if self.rows else 0


@dataclass(frozen=True)
class Header:
    issuers: tuple[str, ...]
    suffix: str
    doc_number: str | None
    title_lines: tuple[str, ...]
    recipients: str | None
    layout: str = "redhead"
    """``redhead``: GB/T 9704 版头 (red issuers, 文号, red rule); ``plain``: no 版头, the title on top of
    the page and the 文号 (if any) centred under it."""
    suffix_side: bool = False
    """Joint issuers stacked on the left with one 文件 to their right, spanning all issuer lines."""


@dataclass(frozen=True)
class Signature:
    issuers: tuple[str, ...]
    date: str | None
    align: str = "right"
    """``right`` (GB/T 9704: right-aligned, 4 characters in); ``indent`` (at the paragraph's 2-character
    first-line indent) or ``left`` (flush left): a notice printed from a website, exported or re-typeset."""
    gap: int = 2
    """Blank body lines between the notice's last line and the 落款 (0: the 落款 runs on under the text)."""


@dataclass(frozen=True)
class Attachment:
    label: str
    title_lines: tuple[str, ...]
    landscape: bool
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Colophon:
    cc: str | None
    printer: str | None
    print_date: str | None
    copies: str | None


@dataclass(frozen=True)
class Source:
    """A parsed sample YAML."""

    doc_id: str
    path: Path | None
    fonts: FontMap
    header: Header | None = None
    notice: tuple[Block, ...] = ()
    attachments_list: tuple[str, ...] = ()
    signature: Signature | None = None
    body: tuple[Block, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    colophon: Colophon | None = None
    expected: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    producer: str = "docx"
    """Which renderer prints it (generated corpus: docx | html | rl)."""
    page_header: str | None = None
    """A running header printed at the top of every page (an office name); not part of any expected text."""
    page_number: str = "dash"
    """Footer form: ``dash`` (— 3 —, outer corners), ``hyphen`` (-3-, centred), ``of_total`` (第3页 共10页,
    centred), ``none``."""
    page_header_rule: bool = True
    """A thin rule under the running header (``page_header_rule: false``: none, the header lines stand bare
    over the text, as an office prints a fixed header of its name over the document's short title)."""
    running_header_first: str | None = None
    """Page 1's running header where it differs from the other pages' (``rl.running_header_first`` or
    ``html.running_header_first``, of the source's producer): a section line naming page 1's section."""

    def all_blocks(self) -> list[Block]:
        """Every block in printed order (notice, body, then each attachment's blocks)."""
        out = [*self.notice, *self.body]
        for att in self.attachments:
            out.extend(att.blocks)
        return out

    def tables(self) -> list[TableBlock]:
        return [b for b in self.all_blocks() if isinstance(b, TableBlock)]


# ---------------------------------------------------------------------------------------- YAML parsing


def _strs(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise SourceError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(str(v) for v in value)


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


SIGNATURE_ALIGNS = ("right", "indent", "left")


def _parse_signature(raw: dict[str, Any]) -> Signature:
    align = str(raw.get("align", "right"))
    if align not in SIGNATURE_ALIGNS:
        raise SourceError(f"signature: align must be one of {SIGNATURE_ALIGNS}, got {align!r}")
    gap = int(raw.get("gap", 2))
    return Signature(_strs(raw.get("issuers"), "signature"), _opt_str(raw.get("date")), align, gap)


def _parse_heading(raw: dict[str, Any], where: str) -> HeadingBlock:
    level = next(int(k[1]) for k in ("h1", "h2", "h3", "h4") if k in raw)
    if "n" not in raw:
        raise SourceError(f"{where}: heading without `n` (its number marker)")
    runin = _opt_str(raw.get("runin"))
    return HeadingBlock("heading", where, level, str(raw["n"]), str(raw[f"h{level}"]), runin or None)


def _parse_sidebar(raw: Any, where: str) -> SidebarBlock:
    if not isinstance(raw, dict) or "title" not in raw:
        raise SourceError(f"{where}: sidebar needs a mapping with at least `title`")
    style = raw.get("style", "box")
    if style not in SIDEBAR_STYLES:
        raise SourceError(f"{where}: sidebar style must be one of {SIDEBAR_STYLES}, not {style!r}")
    number = raw.get("number")
    return SidebarBlock(
        "sidebar",
        where,
        None if number is None else int(number),
        _opt_str(raw.get("label")),
        str(raw["title"]),
        _strs(raw.get("items"), f"{where}.items"),
        style,
        float(raw.get("font_size", DEFAULT_SIDEBAR_PT)),
    )


def _grid(raw_rows: Any, where: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(raw_rows, list) or not raw_rows:
        raise SourceError(f"{where}: `rows` must be a non-empty list of rows")
    rows = tuple(_strs(r, f"{where}.rows[{i}]") for i, r in enumerate(raw_rows))
    widths = {len(r) for r in rows}
    if len(widths) != 1:
        raise SourceError(f"{where}: rows have different lengths {sorted(widths)}; the grid must be dense")
    return rows


def _merges(raw: Any, n_rows: int, n_cols: int, where: str) -> tuple[tuple[int, int, int, int], ...]:
    merges: list[tuple[int, int, int, int]] = []
    covered: set[tuple[int, int]] = set()
    for i, m in enumerate(raw or []):
        if not isinstance(m, list) or len(m) != 4:
            raise SourceError(f"{where}.merges[{i}]: expected [row0, col0, row1, col1], got {m!r}")
        r0, c0, r1, c1 = (int(v) for v in m)
        if not (0 <= r0 <= r1 < n_rows and 0 <= c0 <= c1 < n_cols):
            raise SourceError(f"{where}.merges[{i}]: {m} is outside the {n_rows}×{n_cols} grid")
        span = {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        if span & covered:
            raise SourceError(f"{where}.merges[{i}]: {m} overlaps another merge")
        covered |= span
        merges.append((r0, c0, r1, c1))
    return tuple(merges)


def _parse_table(raw: Any, where: str, ordinal: int, spaced: bool) -> TableBlock:
    if not isinstance(raw, dict):
        raise SourceError(f"{where}: table must be a mapping")
    rows = _grid(raw.get("rows"), where)
    merges = () if spaced else _merges(raw.get("merges"), len(rows), len(rows[0]), where)
    borders = "spaced" if spaced else raw.get("borders", "all")
    if borders not in (*TABLE_BORDERS, "spaced"):
        raise SourceError(f"{where}: borders must be one of {TABLE_BORDERS}, not {borders!r}")
    widths = tuple(float(w) for w in raw.get("widths") or ())
    if widths and len(widths) != len(rows[0]):
        raise SourceError(f"{where}: {len(widths)} widths for {len(rows[0])} columns")
    sb = raw.get("sidebar")
    sidebar = None if sb is None else SidebarRef(_int_or_none(sb.get("number")), str(sb.get("title", "")))
    caption = _opt_str(raw.get("caption"))
    return TableBlock(
        "table",
        where,
        id=str(raw.get("id") or f"t{ordinal}"),
        caption=caption,
        title=_opt_str(raw.get("title", caption)),
        sidebar=sidebar,
        header_rows=int(raw.get("header_rows", DEFAULT_HEADER_ROWS)),
        repeat_header=bool(raw.get("repeat_header", True)),
        widths_mm=widths,
        font_size=float(raw.get("font_size", DEFAULT_TABLE_PT)),
        rows=rows,
        merges=merges,
        borders=borders,
        caption_row=bool(raw.get("caption_row", False)),
        rule_style=_rule_style(raw.get("rule_style", "line"), where),
        joined=bool(raw.get("joined", False)),
        group_rules=bool(raw.get("group_rules", False)),
        top_rule_from=int(raw.get("top_rule_from", 0)),
    )


def _parse_diagram(raw: Any, where: str) -> DiagramBlock:
    if not isinstance(raw, dict):
        raise SourceError(f"{where}: diagram must be a mapping")
    rows = raw.get("rows")
    if not isinstance(rows, list) or not rows or not all(isinstance(r, list) and r for r in rows):
        raise SourceError(f"{where}: diagram.rows must be a list of non-empty lists of box texts")
    box = str(raw.get("box", "rounded"))
    if box not in DIAGRAM_BOXES:
        raise SourceError(f"{where}: diagram.box must be one of {DIAGRAM_BOXES}, not {box!r}")
    return DiagramBlock("diagram", where, rows=tuple(tuple(str(t) for t in r) for r in rows), box=box,
                        font_size=float(raw.get("font_size", DEFAULT_TABLE_PT)))


def _number(value: Any, where: str) -> float:
    """A YAML number (int or float, not a bool or a string) as a float, else a :class:`SourceError`."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SourceError(f"{where}: expected a number, got {value!r}")
    return float(value)


def _chart_series(raw: Any, n_categories: int, where: str) -> tuple[tuple[str, tuple[float, ...]], ...]:
    """``chart.series``: a non-empty list of ``{name, values}``, ``values`` one number per category."""
    if not isinstance(raw, list) or not raw or not all(isinstance(s, dict) for s in raw):
        raise SourceError(f"{where}: a chart needs `series`, a list of {{name, values}}")
    out = []
    for i, s in enumerate(raw):
        values = s.get("values")
        key = f"{where}.series[{i}].values"
        if not isinstance(values, list) or len(values) != n_categories:
            raise SourceError(f"{key}: a chart needs a list of one value per category ({n_categories}), "
                              f"got {values!r}")
        out.append((str(s.get("name", "")), tuple(_number(v, f"{key}[{j}]") for j, v in enumerate(values))))
    return tuple(out)


def _parse_chart(raw: Any, where: str) -> ChartBlock:
    if not isinstance(raw, dict):
        raise SourceError(f"{where}: chart must be a mapping")
    kind = str(raw.get("kind", "bar"))
    if kind not in CHART_KINDS:
        raise SourceError(f"{where}: chart.kind must be one of {CHART_KINDS}, not {kind!r}")
    categories = _strs(raw.get("categories"), f"{where}.chart.categories")
    if not categories:
        raise SourceError(f"{where}: a chart needs `categories`")
    series = _chart_series(raw.get("series"), len(categories), f"{where}.chart")
    return ChartBlock("chart", where, chart=kind, categories=categories, series=series,
                      ticks=bool(raw.get("ticks", True)), caption=_opt_str(raw.get("caption")),
                      font_size=_number(raw.get("font_size", 9.0), f"{where}.chart.font_size"))


def _rule_style(value: Any, where: str) -> str:
    if value not in RULE_STYLES:
        raise SourceError(f"{where}: rule_style must be one of {RULE_STYLES}, not {value!r}")
    return str(value)


def _int_or_none(v: Any) -> int | None:
    return None if v is None else int(v)


def parse_block(raw: Any, where: str, table_ordinal: int) -> Block:
    """One YAML block → a :class:`Block`; ``table_ordinal`` gives the default id ``t<ordinal>``."""
    if not isinstance(raw, dict):
        raise SourceError(f"{where}: a block must be a mapping, got {raw!r}")
    if "title" in raw and len(raw) == 1:
        return TitleBlock("title", where, _strs(raw["title"], where))
    if any(k in raw for k in ("h1", "h2", "h3", "h4")):
        return _parse_heading(raw, where)
    if "side_heading" in raw:
        return SideHeadingBlock("side_heading", where, title=str(raw["side_heading"]))
    if "p" in raw:
        return ParaBlock("p", where, str(raw["p"]))
    if "sidebar" in raw:
        return _parse_sidebar(raw["sidebar"], where)
    if "table" in raw:
        return _parse_table(raw["table"], where, table_ordinal, spaced=False)
    if "spaced" in raw:
        return _parse_table(raw["spaced"], where, table_ordinal, spaced=True)
    if "diagram" in raw:
        return _parse_diagram(raw["diagram"], where)
    if "chart" in raw:
        return _parse_chart(raw["chart"], where)
    if raw.get("pagebreak"):
        return Block("pagebreak", where)
    raise SourceError(f"{where}: unknown block {sorted(raw)}")


def parse_blocks(raw: Any, where: str, first_table: int = 1) -> tuple[Block, ...]:
    """A YAML block list → blocks; tables get default ids from ``first_table`` on."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise SourceError(f"{where}: expected a list of blocks")
    out: list[Block] = []
    ordinal = first_table
    for i, item in enumerate(raw):
        block = parse_block(item, f"{where}[{i}]", ordinal)
        ordinal += isinstance(block, TableBlock)
        out.append(block)
    return tuple(out)


def _parse_header(raw: Any) -> Header | None:
    if raw is None:
        return None
    layout = str(raw.get("layout", "redhead"))
    if layout not in HEADER_LAYOUTS:
        raise SourceError(f"header.layout must be one of {HEADER_LAYOUTS}, not {layout!r}")
    return Header(
        _strs(raw.get("issuers"), "header.issuers"),
        str(raw.get("suffix", "文件") or ""),
        _opt_str(raw.get("doc_number")),
        _strs(raw.get("title_lines"), "header.title_lines"),
        _opt_str(raw.get("recipients")),
        layout,
        bool(raw.get("suffix_side", False)),
    )


def _parse_attachments(raw: Any, first_table: int) -> tuple[Attachment, ...]:
    out: list[Attachment] = []
    for i, a in enumerate(raw or []):
        where = f"attachments[{i}]"
        blocks = parse_blocks(a.get("blocks"), f"{where}.blocks", first_table)
        first_table += sum(isinstance(b, TableBlock) for b in blocks)
        out.append(
            Attachment(str(a.get("label", "附件")), _strs(a.get("title_lines"), where),
                       bool(a.get("landscape")), blocks)
        )
    return tuple(out)


FIRST_HEADER_PRODUCERS = ("rl", "html")
"""The producers that print ``<producer>.running_header_first`` (a top-level mapping named after each)."""


def _page_header_rule(data: dict[str, Any], path: Path | None) -> bool:
    """``page_header_rule``: a boolean, and only with a ``page_header`` to draw the rule under."""
    value = data.get("page_header_rule", True)
    if not isinstance(value, bool):
        raise SourceError(f"{path}: page_header_rule must be true or false, not {value!r}")
    html = data.get("html") if isinstance(data.get("html"), dict) else {}
    if not value and not (data.get("page_header") or html.get("running_header")):
        raise SourceError(f"{path}: page_header_rule without a page_header to draw it under")
    return value


def _running_header_first(data: dict[str, Any], path: Path | None) -> str | None:
    """``<producer>.running_header_first``: a string, under the source's own producer's mapping, with a
    running header on the other pages to differ from (rl: ``page_header``; html: ``html.running_header``,
    default ``page_header``)."""
    producer = str(data.get("producer", "docx"))
    value = None
    for key in FIRST_HEADER_PRODUCERS:
        raw = data.get(key)
        if raw is not None and not isinstance(raw, dict):
            raise SourceError(f"{path}: `{key}` must be a mapping, got {raw!r}")
        if raw and raw.get("running_header_first") is not None:
            if key != producer:
                raise SourceError(f"{path}: {key}.running_header_first is printed by the {key} producer only")
            value = raw["running_header_first"]
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise SourceError(f"{path}: {producer}.running_header_first must be a non-empty string, "
                          f"got {value!r}")
    others = data.get("page_header")
    if producer == "html":
        others = data["html"].get("running_header", others)
    if not others:
        where = "html.running_header or page_header" if producer == "html" else "page_header"
        raise SourceError(f"{path}: {producer}.running_header_first without a running header ({where}) on "
                          "the other pages would not be printed")
    return value


def source_from_dict(data: dict[str, Any], path: Path | None = None) -> Source:
    """Parse a loaded YAML mapping (pure; raises :class:`SourceError` naming the bad block)."""
    if not isinstance(data, dict) or "doc_id" not in data:
        raise SourceError(f"{path}: not a sample source (no `doc_id`)")
    notice = parse_blocks(data.get("notice"), "notice")
    body = parse_blocks(data.get("body"), "body", 1 + sum(isinstance(b, TableBlock) for b in notice))
    n_tables = sum(isinstance(b, TableBlock) for b in (*notice, *body))
    sig = data.get("signature")
    col = data.get("colophon")
    src = Source(
        doc_id=str(data["doc_id"]),
        path=path,
        fonts=font_map(data.get("fonts")),
        header=_parse_header(data.get("header")),
        notice=notice,
        attachments_list=_strs(data.get("attachments_list"), "attachments_list"),
        signature=None if sig is None else _parse_signature(sig),
        body=body,
        attachments=_parse_attachments(data.get("attachments"), 1 + n_tables),
        colophon=None if col is None else Colophon(*(_opt_str(col.get(k)) for k in
                                                      ("cc", "printer", "print_date", "copies"))),
        expected=dict(data.get("expected") or {}),
        description=str(data.get("description", "")),
        producer=str(data.get("producer", "docx")),
        page_header=_opt_str(data.get("page_header")),
        page_number=str(data.get("page_number", "dash")),
        page_header_rule=_page_header_rule(data, path),
        running_header_first=_running_header_first(data, path),
    )
    if src.page_number not in PAGE_NUMBER_FORMS:
        raise SourceError(f"{path}: page_number must be one of {PAGE_NUMBER_FORMS}, not {src.page_number!r}")
    if src.producer != "rl" and any(isinstance(b, ChartBlock) for b in src.all_blocks()):
        raise SourceError(f"{path}: a chart is drawn by the rl producer only")
    ids = [t.id for t in src.tables()]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise SourceError(f"{path}: duplicate table ids {dupes}")
    return src


def load_source(path: Path) -> Source:
    """Read and parse one ``samples/src/<doc_id>.yaml``."""
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    try:
        return source_from_dict(data, path)
    except SourceError as exc:
        if str(path) in str(exc):
            raise
        raise SourceError(f"{path}: {exc}") from exc  # a block's error names its block, not the file
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SourceError(f"{path}: {type(exc).__name__}: {exc}") from exc


def display_width(text: str) -> int:
    """Width in half-width cells: CJK and full-width forms count 2 (used to pad `spaced` rows)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def spaced_lines(rows: Sequence[Sequence[str]], gap: int = 4) -> list[str]:
    """Rows of a `spaced` block as printed lines: columns padded with spaces to a common width."""
    n_cols = len(rows[0])
    widths = [max(display_width(r[c].replace("\n", "")) for r in rows) for c in range(n_cols)]
    out = []
    for r in rows:
        cells = [r[c].replace("\n", "") for c in range(n_cols)]
        padded = [cells[c] + " " * (widths[c] - display_width(cells[c]) + gap) for c in range(n_cols - 1)]
        out.append("".join(padded) + cells[-1])
    return out


# ------------------------------------------------------------------------------------------ rendering

_RED = "FF0000"
_BLACK = "000000"
_PT_PER_MM = 72 / 25.4


def issuer_size(lines: Sequence[str], width_mm: float = TEXT_W_PORTRAIT_MM) -> float:
    """Point size of the red issuer line(s): as large as 初号, but the longest line must fit the width."""
    n = max((len(s) for s in lines), default=1)
    fit = width_mm * _PT_PER_MM * 0.98 / max(n, 1)
    return min(ISSUER_MAX_PT, int(fit * 2) / 2)


def _border(kind: str, size_eighths: int, color: str, space_pt: int = 1) -> Any:
    el = OxmlElement(f"w:{kind}")
    el.set(qn("w:val"), "single" if size_eighths else "nil")
    if size_eighths:
        el.set(qn("w:sz"), str(size_eighths))
        el.set(qn("w:space"), str(space_pt))
        el.set(qn("w:color"), color)
    return el


def _set_pbdr(p: Any, sides: dict[str, tuple[int, str]], space_pt: int = 1) -> None:
    """Paragraph borders; `sides` maps top/left/bottom/right to (size in 1/8 pt, colour)."""
    ppr = p._p.get_or_add_pPr()
    pbdr = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        if side in sides:
            pbdr.append(_border(side, *sides[side], space_pt=space_pt))
    # pBdr sits after keepNext…pageBreakBefore and before shd/tabs/spacing/ind/jc in CT_PPr's sequence.
    anchor = next((c for c in ppr if c.tag in {qn("w:shd"), qn("w:tabs"), qn("w:spacing"), qn("w:ind"),
                                               qn("w:jc")}), None)
    if anchor is not None:
        anchor.addprevious(pbdr)
    else:
        ppr.append(pbdr)


def _set_shading(p: Any, fill: str) -> None:
    """A paragraph's background fill (a shaded 专栏 without a frame)."""
    ppr = p._p.get_or_add_pPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    anchor = next((c for c in ppr if c.tag in {qn("w:tabs"), qn("w:spacing"), qn("w:ind"), qn("w:jc")}), None)
    if anchor is not None:
        anchor.addprevious(shd)
    else:
        ppr.append(shd)


def _cell_borders(cell: Any, sides: dict[str, int]) -> None:
    """Per-cell rules: side → size in 1/8 pt (0 = none); overrides the table's own borders."""
    tcpr = cell._tc.get_or_add_tcPr()
    for old in tcpr.findall(qn("w:tcBorders")):
        tcpr.remove(old)
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        if side in sides:
            borders.append(_border(side, sides[side], _BLACK, 0))
    # tcBorders follows tcW/gridSpan/vMerge and precedes shd/noWrap/tcMar/vAlign in CT_TcPr's sequence.
    anchor = next((c for c in tcpr if c.tag in {qn("w:shd"), qn("w:noWrap"), qn("w:tcMar"),
                                                qn("w:textDirection"), qn("w:tcFitText"), qn("w:vAlign"),
                                                qn("w:hideMark")}), None)
    if anchor is not None:
        anchor.addprevious(borders)
    else:
        tcpr.append(borders)


def _table_rule_set(table: Any, kind: str) -> None:
    """Table-level rules for `outer` (frame only) and `three_line` (thick top and bottom, none inside)."""
    tblpr = table._tbl.tblPr
    borders = tblpr.find(qn("w:tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        old = borders.find(qn(f"w:{side}"))
        on = side in ("top", "bottom") or (kind == "outer" and side in ("left", "right"))
        size = (12 if kind == "three_line" else 6) if on else 0
        borders.replace(old, _border(side, size, _BLACK, 0))


def _table_borders(table: Any, size_eighths: int) -> None:
    """All table rules single `size_eighths`/8 pt, or none at all (size 0)."""
    tblpr = table._tbl.tblPr
    for old in tblpr.findall(qn("w:tblBorders")):
        tblpr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_border(side, size_eighths, _BLACK, 0))
    tblpr.append(borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)


def _mark_header_row(row: Any) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _add_field(p: Any, instr: str, style: Any) -> None:
    """A complex field (PAGE) so LibreOffice and Word both compute it."""
    for kind, text in (("begin", None), ("instr", instr), ("separate", None), ("text", "1"), ("end", None)):
        run = p.add_run()
        style(run)
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
            run._r.append(el)
        elif kind == "text":
            run.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)


class _Renderer:
    """Builds one python-docx document from a :class:`Source` (state: current text width, pending break)."""

    def __init__(self, src: Source) -> None:
        self.src = src
        self.fonts = src.fonts
        self.doc = new_docx()
        self.text_w_mm = TEXT_W_PORTRAIT_MM
        self.break_before_next = False
        self.last_was_table = False

    # ---- primitives

    def run(self, p: Any, text: str, role: str, size: float = BODY_PT, bold: bool | None = None,
            color: str | None = None) -> Any:
        run = p.add_run(text)
        self.style_run(run, role, size, bold, color)
        return run

    def style_run(self, run: Any, role: str, size: float = BODY_PT, bold: bool | None = None,
                  color: str | None = None) -> None:
        family = self.fonts.family(role)
        run.font.size = Pt(size)
        run.font.bold = self.fonts.bold(role) if bold is None else bold
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
        rpr = run._r.get_or_add_rPr()
        rfonts = rpr.get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            rfonts.set(qn(attr), family)
        if size == BODY_PT:  # the 28-characters-per-line pitch (see module doc)
            spacing = OxmlElement("w:spacing")
            spacing.set(qn("w:val"), str(round(BODY_CONDENSE_PT * 20)))
            rpr.find(qn("w:sz")).addprevious(spacing)

    def para(self, container: Any = None, *, align: Any = None, first: float = 0.0, left: float = 0.0,
             right: float = 0.0, line_pt: float = LINE_PT) -> Any:
        """A paragraph; indents in body characters; exact line spacing keeps 22 lines a page."""
        if container is None and self.last_was_table:
            self.last_was_table = False
        p = (container or self.doc).add_paragraph()
        pf = p.paragraph_format
        pf.alignment = align
        pf.first_line_indent = Pt(first * CHAR_PT) if first else None
        pf.left_indent = Pt(left * CHAR_PT) if left else None
        pf.right_indent = Pt(right * CHAR_PT) if right else None
        pf.line_spacing = Pt(line_pt)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.space_before = Pt(0)
        pf.space_after = Pt(0)
        pf.widow_control = False
        if container is None and self.break_before_next:
            pf.page_break_before = True
            self.break_before_next = False
        return p

    def blank(self, n: int = 1) -> None:
        for _ in range(n):
            self.para()

    # ---- document

    def document(self) -> Any:
        self.setup()
        wrote = self.front_matter()
        if self.src.body:
            self.break_before_next = wrote
            self.blocks(self.src.body)
        for att in self.src.attachments:
            self.attachment(att)
        if self.src.colophon:
            self.colophon(self.src.colophon)
        return self.doc

    def setup(self) -> None:
        sec = self.doc.sections[0]
        self.page_setup(sec, landscape=False)
        self.doc.settings.odd_and_even_pages_header_footer = True
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(BODY_PT)
        normal.font.name = self.fonts.family("body")
        rpr = normal.element.get_or_add_rPr()
        rpr.get_or_add_rFonts().set(qn("w:eastAsia"), self.fonts.family("body"))
        lang = OxmlElement("w:lang")
        lang.set(qn("w:eastAsia"), "zh-CN")
        rpr.append(lang)
        normal.paragraph_format.widow_control = False
        self.footer(sec.footer.paragraphs[0], odd=True)
        self.footer(sec.even_page_footer.paragraphs[0], odd=False)
        if self.src.page_header:
            for hdr in (sec.header, sec.even_page_header):
                self.running_header(hdr.paragraphs[0], self.src.page_header)

    def running_header(self, p: Any, text: str) -> None:
        """An office name centred at the top of every page over a thin rule (5号 宋体)."""
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self.run(p, text, "page_number", RUNNING_HEADER_PT)
        if self.src.page_header_rule:
            _set_pbdr(p, {"bottom": (6, _BLACK)}, space_pt=2)

    def page_setup(self, sec: Any, landscape: bool) -> None:
        sec.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        w, h = (PAGE_H_MM, PAGE_W_MM) if landscape else (PAGE_W_MM, PAGE_H_MM)
        sec.page_width, sec.page_height = Mm(w), Mm(h)
        sec.top_margin, sec.bottom_margin = Mm(MARGIN_TOP_MM), Mm(MARGIN_BOTTOM_MM)
        sec.left_margin, sec.right_margin = Mm(MARGIN_LEFT_MM), Mm(MARGIN_RIGHT_MM)
        sec.header_distance, sec.footer_distance = Mm(15), Mm(FOOTER_DISTANCE_MM)
        self.text_w_mm = TEXT_W_LANDSCAPE_MM if landscape else TEXT_W_PORTRAIT_MM

    def footer(self, p: Any, odd: bool) -> None:
        """`— N —` in 4号 宋体: odd pages right, even pages left, one character in from the edge; or the
        source's other form (`-N-` or `第N页 共M页` centred, or none)."""
        form = self.src.page_number
        if form == "none":
            return
        if form in ("hyphen", "of_total"):
            self.centred_footer(p, form)
            return
        pf = p.paragraph_format
        pf.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
        indent = Pt(PAGE_NUMBER_PT)
        if odd:
            pf.right_indent = indent
        else:
            pf.left_indent = indent
        style = lambda r: self.style_run(r, "page_number", PAGE_NUMBER_PT)  # noqa: E731
        style(p.add_run("— "))
        _add_field(p, "PAGE", style)
        style(p.add_run(" —"))

    def centred_footer(self, p: Any, form: str) -> None:
        p.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        size = PAGE_NUMBER_PT if form == "hyphen" else RUNNING_HEADER_PT
        style = lambda r: self.style_run(r, "page_number", size)  # noqa: E731
        if form == "hyphen":
            style(p.add_run("-"))
            _add_field(p, "PAGE", style)
            style(p.add_run("-"))
            return
        style(p.add_run("第"))
        _add_field(p, "PAGE", style)
        style(p.add_run("页 共"))
        _add_field(p, "NUMPAGES", style)
        style(p.add_run("页"))

    def front_matter(self) -> bool:
        """版头, notice body, 附件 list and signature; True when anything was printed."""
        src = self.src
        if src.header:
            self.header(src.header)
        if src.notice:
            self.blocks(src.notice)
        if src.attachments_list:
            self.attachments_list(src.attachments_list)
        if src.signature:
            self.signature(src.signature)
        return bool(src.header or src.notice or src.attachments_list or src.signature)

    def header(self, h: Header) -> None:
        if h.layout == "plain":
            self.plain_header(h)
            return
        if h.suffix_side and h.suffix:
            self.issuers_with_side_suffix(h)
        else:
            lines = [s + (h.suffix if i == len(h.issuers) - 1 else "") for i, s in enumerate(h.issuers)]
            size = issuer_size(lines, self.text_w_mm)
            for line in lines:
                p = self.para(align=WD_ALIGN_PARAGRAPH.CENTER, line_pt=round(size * 1.25, 1))
                self.run(p, line, "issuer", size, color=_RED)
        self.blank()
        if h.doc_number is not None:
            p = self.para(align=WD_ALIGN_PARAGRAPH.CENTER)
            self.run(p, h.doc_number, "body")
            _set_pbdr(p, {"bottom": (12, _RED)}, space_pt=10)  # the red rule under the 文号
        self.blank()
        for line in h.title_lines:
            p = self.para(align=WD_ALIGN_PARAGRAPH.CENTER, line_pt=36)
            self.run(p, line, "title", TITLE_PT)
        if h.title_lines:
            self.blank()
        if h.recipients:
            self.run(self.para(), h.recipients, "body")

    def issuers_with_side_suffix(self, h: Header) -> None:
        """Joint 版头: issuer names stacked to one width, one 文件 to their right (a ruleless table)."""
        size = min(issuer_size(h.issuers, self.text_w_mm * 0.78), 30.0)
        suffix_mm = len(h.suffix) * size * MM_PER_PT * 1.15 + 4
        table = self.new_table(len(h.issuers), 2, (self.text_w_mm - suffix_mm, suffix_mm), 0)
        self.last_was_table = False
        table.cell(0, 1).merge(table.cell(len(h.issuers) - 1, 1))
        for i, name in enumerate(h.issuers):
            p = table.cell(i, 0).paragraphs[0]
            self.format_para(p, WD_ALIGN_PARAGRAPH.DISTRIBUTE, 0, round(size * 1.3, 1))
            self.run(p, name, "issuer", size, color=_RED)
        cell = table.cell(0, 1)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        p = cell.paragraphs[0]
        self.format_para(p, WD_ALIGN_PARAGRAPH.CENTER, 0, round(size * 1.3, 1))
        self.run(p, h.suffix, "issuer", size, color=_RED)

    def plain_header(self, h: Header) -> None:
        """No 版头 (a notice printed from a website or an OA system): title on top, 文号 under it if any."""
        for line in h.title_lines:
            p = self.para(align=WD_ALIGN_PARAGRAPH.CENTER, line_pt=36)
            self.run(p, line, "title", TITLE_PT)
        if h.doc_number is not None:
            self.run(self.para(align=WD_ALIGN_PARAGRAPH.CENTER), h.doc_number, "body")
        self.blank()
        if h.recipients:
            self.run(self.para(), h.recipients, "body")

    def attachments_list(self, items: Sequence[str]) -> None:
        self.blank()
        for i, item in enumerate(items):
            # "附件：1．…" then later items aligned under the first item's text (GB/T 9704 7.3.4).
            p = self.para(left=5, first=-3 if i == 0 else 0)
            self.run(p, ("附件：" if i == 0 else "") + item, "body")

    def signature(self, sig: Signature) -> None:
        self.blank(sig.gap)
        for line in (*sig.issuers, *([sig.date] if sig.date else [])):
            if sig.align == "right":
                self.run(self.para(align=WD_ALIGN_PARAGRAPH.RIGHT, right=4), line, "body")
            else:  # at the paragraph indent or flush left (a re-typeset or exported notice)
                self.run(self.para(first=2 if sig.align == "indent" else 0), line, "body")

    # ---- blocks

    def blocks(self, blocks: Sequence[Block]) -> None:
        for b in blocks:
            if isinstance(b, TitleBlock):
                self.title(b.lines)
            elif isinstance(b, HeadingBlock):
                self.heading(b)
            elif isinstance(b, ParaBlock):
                self.run(self.para(first=2), b.text, "body")
            elif isinstance(b, SideHeadingBlock):
                self.side_heading(b)
            elif isinstance(b, SidebarBlock):
                self.sidebar(b)
            elif isinstance(b, TableBlock):
                self.table(b)
            elif b.kind == "diagram":
                raise SourceError(f"{b.where}: a diagram is drawn by the html and rl producers only")
            elif b.kind == "chart":
                raise SourceError(f"{b.where}: a chart is drawn by the rl producer only")
            elif b.kind == "pagebreak":
                self.break_before_next = True

    def title(self, lines: Sequence[str]) -> None:
        for line in lines:
            self.run(self.para(align=WD_ALIGN_PARAGRAPH.CENTER, line_pt=36), line, "title", TITLE_PT)
        self.blank()

    def heading(self, h: HeadingBlock) -> None:
        p = self.para(first=2)
        role = f"heading{h.level}"
        if h.level == 3:
            self.run(p, h.printed_title(), role, bold=True)  # run-in: only the title is bold
        else:
            self.run(p, h.printed_title(), role)
        if h.runin:
            self.run(p, h.runin, "body")

    def side_heading(self, b: SideHeadingBlock) -> None:
        """Body face and size made bold (仿宋 has no bold weight: LibreOffice strokes it), flush left."""
        p = self.para()
        p.paragraph_format.keep_with_next = True
        self.run(p, b.title, "body", bold=True)

    def sidebar(self, sb: SidebarBlock) -> None:
        if sb.style == "cell":
            table = self.new_table(1, 1, (self.text_w_mm,), 4)
            cell = table.cell(0, 0)
            self.sidebar_content(sb, lambda: cell.add_paragraph(), cell.paragraphs[0])
            return
        paras: list[Any] = []
        self.sidebar_content(sb, lambda: paras.append(self.para()) or paras[-1], None)
        box = {s: (6, _BLACK) for s in ("top", "left", "bottom", "right")}
        if sb.style == "box":
            for p in paras:
                _set_pbdr(p, box, space_pt=4)
        elif sb.style == "title_outside":  # the 专栏 line above the frame, the items inside it
            for p in paras[1:]:
                _set_pbdr(p, box, space_pt=4)
        elif sb.style == "shaded":  # grey ground, no frame
            for p in paras:
                _set_shading(p, "E6E6E6")
        elif sb.style == "rules":  # one rule above the title, one under the last item
            _set_pbdr(paras[0], {"top": (12, _BLACK)}, space_pt=4)
            _set_pbdr(paras[-1], {"bottom": (12, _BLACK)}, space_pt=4)

    def sidebar_content(self, sb: SidebarBlock, new_para: Any, first: Any) -> None:
        """Title line then numbered items; `first` is a paragraph to reuse (a table cell's own)."""
        line_pt = LINE_PT if sb.font_size == BODY_PT else round(sb.font_size * 1.5, 1)
        p = first if first is not None else new_para()
        self.format_para(p, WD_ALIGN_PARAGRAPH.CENTER, 0, line_pt)
        self.run(p, sb.heading_line(), "body", sb.font_size, bold=True)
        for i, item in enumerate(sb.items, 1):
            p = new_para()
            self.format_para(p, WD_ALIGN_PARAGRAPH.JUSTIFY, 2 * sb.font_size, line_pt)
            self.run(p, f"{i}．{item}", "body", sb.font_size)

    @staticmethod
    def format_para(p: Any, align: Any, first_pt: float, line_pt: float) -> None:
        pf = p.paragraph_format
        pf.alignment = align
        pf.first_line_indent = Pt(first_pt) if first_pt else None
        pf.line_spacing = Pt(line_pt)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.space_before = Pt(0)
        pf.space_after = Pt(0)
        pf.widow_control = False

    def new_table(self, n_rows: int, n_cols: int, widths_mm: Sequence[float], border_eighths: int,
                  joined: bool = False) -> Any:
        if (self.last_was_table and not joined) or self.break_before_next:
            self.para(line_pt=6 if not self.break_before_next else LINE_PT)  # keep two tables apart
        table = self.doc.add_table(rows=n_rows, cols=n_cols)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _table_borders(table, border_eighths)
        grid = table._tbl.tblGrid
        for col, w in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
            col.set(qn("w:w"), str(round(Mm(w).twips)))
        for row in table.rows:
            for cell, w in zip(row.cells, widths_mm, strict=True):
                cell.width = Mm(w)
        self.last_was_table = True
        return table

    def table_widths(self, t: TableBlock) -> tuple[float, ...]:
        return t.widths_mm or tuple(self.text_w_mm / t.n_cols for _ in range(t.n_cols))

    def caption(self, text: str) -> None:
        p = self.para(align=WD_ALIGN_PARAGRAPH.CENTER)
        self.run(p, text, "body", bold=True)

    def table(self, t: TableBlock) -> None:
        if t.caption and not t.caption_row:
            self.caption(t.caption)
        if t.borders == "spaced":
            self.spaced(t)
            return
        off = 1 if t.caption and t.caption_row else 0
        ruled = t.borders in ("all", "outer", "three_line")
        table = self.new_table(t.n_rows + off, t.n_cols, self.table_widths(t), 4 if ruled else 0, t.joined)
        if t.borders in ("outer", "three_line"):
            _table_rule_set(table, t.borders)
        for r0, c0, r1, c1 in t.merges:
            table.cell(r0 + off, c0).merge(table.cell(r1 + off, c1))
        if t.repeat_header:
            for r in range(min(t.header_rows, t.n_rows) + off):
                _mark_header_row(table.rows[r])
        if off:
            self.caption_cell(table, t)
        for r, c in origin_cells(t):
            self.cell_text(table.cell(r + off, c), t.rows[r][c], t.font_size, header=r < t.header_rows)
        if t.borders == "three_line" and t.header_rows:
            for cell in table.rows[off + t.header_rows - 1].cells:
                _cell_borders(cell, {"bottom": 6})

    def caption_cell(self, table: Any, t: TableBlock) -> None:
        """The caption as the table's first row, spanning all columns (bold, centred)."""
        cell = table.cell(0, 0).merge(table.cell(0, t.n_cols - 1))
        p = cell.paragraphs[0]
        self.format_para(p, WD_ALIGN_PARAGRAPH.CENTER, 0, round(max(t.font_size, 12) * 1.6, 1))
        self.run(p, t.caption or "", "table", max(t.font_size, 12), bold=True)
        if t.borders == "three_line":  # the thick top rule goes under the caption row, not above it
            _cell_borders(cell, {"top": 0, "bottom": 12})

    def cell_text(self, cell: Any, text: str, size: float, header: bool) -> None:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        p = cell.paragraphs[0]
        short = max((len(s) for s in text.split("\n")), default=0) <= 8
        align = WD_ALIGN_PARAGRAPH.CENTER if header or short else WD_ALIGN_PARAGRAPH.JUSTIFY
        self.format_para(p, align, 0, round(size * 1.4, 1))
        run = None
        for line in text.split("\n"):
            if run is not None:
                run.add_break()  # a hard line break written as \n in the YAML
            run = self.run(p, line, "table", size, bold=header)

    def spaced(self, t: TableBlock) -> None:
        for line in spaced_lines(t.rows):
            p = self.para(line_pt=round(t.font_size * 1.6, 1))
            run = self.run(p, line, "table", t.font_size)
            for el in run._r.iter(qn("w:t")):
                el.set(qn("xml:space"), "preserve")  # the padding spaces are the layout

    # ---- attachments and 版记

    def attachment(self, att: Attachment) -> None:
        sec = self.doc.add_section(WD_SECTION.NEW_PAGE)
        self.page_setup(sec, att.landscape)
        self.break_before_next = False
        self.last_was_table = False
        self.run(self.para(), att.label, "label")
        for line in att.title_lines:
            self.run(self.para(align=WD_ALIGN_PARAGRAPH.CENTER, line_pt=36), line, "title", TITLE_PT)
        self.blank()
        self.blocks(att.blocks)

    def colophon(self, col: Colophon) -> None:
        self.blank(2)
        thick, thin = (8, _BLACK), (6, _BLACK)
        if col.cc:
            p = self.para(left=1, right=1)
            self.run(p, col.cc, "body", 14)
            _set_pbdr(p, {"top": thick, "bottom": thin}, space_pt=4)
        p = self.para(left=1, right=1)
        p.paragraph_format.tab_stops.add_tab_stop(Pt((self.text_w_mm - 0) * _PT_PER_MM - 2 * CHAR_PT),
                                                  WD_TAB_ALIGNMENT.RIGHT)
        self.run(p, f"{col.printer or ''}\t{col.print_date or ''}", "body", 14)
        _set_pbdr(p, {"bottom": thick} if col.cc else {"top": thick, "bottom": thick}, space_pt=4)
        if col.copies:
            self.run(self.para(align=WD_ALIGN_PARAGRAPH.RIGHT, right=1), col.copies, "body", 14)


def origin_cells(t: TableBlock) -> list[tuple[int, int]]:
    """Grid positions that start a cell (not covered by a merge), row-major."""
    covered = {(r, c) for r0, c0, r1, c1 in t.merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
               if (r, c) != (r0, c0)}
    return [(r, c) for r in range(t.n_rows) for c in range(t.n_cols) if (r, c) not in covered]




def sources_in(src_dir: Path, only: Iterable[str] = ()) -> list[Path]:
    """The YAML files to build, sorted; ``only`` restricts by doc_id (file stem); unknown ids are an error."""
    paths = sorted(p for p in src_dir.glob("*.yaml"))
    wanted = set(only)
    if wanted:
        missing = wanted - {p.stem for p in paths}
        if missing:
            raise SourceError(f"no source for {sorted(missing)} in {src_dir}")
        paths = [p for p in paths if p.stem in wanted]
    return paths


def render_docx(src: Source, out_path: Path) -> Path:
    """Write the .docx of one sample, laid out as an office would type it (GB/T 9704-2012)."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    _Renderer(src).document().save(str(out_path))
    return out_path


def convert_to_pdf(docx_paths: Sequence[Path], out_dir: Path, soffice: str = DEFAULT_SOFFICE,
                   timeout_s: int = DEFAULT_CONVERT_TIMEOUT_S) -> list[Path]:
    """Convert .docx files with LibreOffice headless in one private profile (parallel runs don't collide)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.gettempdir()) / f"lo-{os.getpid()}"
    cmd = [soffice, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
           "--outdir", str(out_dir), *map(str, docx_paths)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout_s, check=False)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdfs = [out_dir / (p.stem + ".pdf") for p in docx_paths]
    missing = [p.name for p in pdfs if not p.exists()]
    if proc.returncode != 0 or missing:
        detail = proc.stderr.strip()
        raise RuntimeError(f"LibreOffice failed (exit {proc.returncode}) for {missing}: {detail}")
    return pdfs


def build(paths: Sequence[Path], out_dir: Path, docx_dir: Path | None = None) -> list[Path]:
    """Render the given YAML sources to ``out_dir/<doc_id>.pdf``; returns the PDFs."""
    sources = [load_source(p) for p in paths]
    with tempfile.TemporaryDirectory(prefix="samples-docx-") as tmp:
        target = docx_dir or Path(tmp)
        target.mkdir(parents=True, exist_ok=True)
        docx_paths = [render_docx(s, target / f"{s.doc_id}.docx") for s in sources]
        # Convert into a scratch dir first so a failed run never leaves half the PDFs replaced.
        scratch = Path(tmp) / "pdf"
        pdfs = convert_to_pdf(docx_paths, scratch)
        out_dir.mkdir(parents=True, exist_ok=True)
        return [Path(shutil.copy2(p, out_dir / p.name)) for p in pdfs]


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="Render samples/src/*.yaml into GB/T 9704 style PDFs.")
    ap.add_argument("--only", nargs="+", default=[], metavar="DOC_ID", help="build only these doc_ids")
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC, help="folder of <doc_id>.yaml sources")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for <doc_id>.pdf")
    ap.add_argument("--no-expected", action="store_true", help="do not regenerate samples/expected")
    ap.add_argument("--expected-out", type=Path, default=None, help="folder for expected/<doc_id>/")
    ap.add_argument("--keep-docx", type=Path, default=None, metavar="DIR", help="also keep the .docx here")
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    try:
        paths = sources_in(args.src, args.only)
        if not paths:
            print(f"no sources in {args.src}", file=sys.stderr)
            return 2
        pdfs = build(paths, args.out, args.keep_docx)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for pdf in pdfs:
        print(f"wrote {pdf}")
    if args.no_expected:
        return 0
    from samples import expected  # local: expected imports this module

    return expected.main(
        ["--src", str(args.src), "--pdf", str(args.out), *(["--out", str(args.expected_out)]
                                                            if args.expected_out else []),
         "--only", *[p.stem for p in paths]]
    )


if __name__ == "__main__":
    sys.exit(main())
