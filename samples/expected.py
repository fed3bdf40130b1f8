"""Derive ``samples/expected/<doc_id>/document.json`` from a sample YAML and its rendered PDF.

``python samples/expected.py [--only DOC_ID ...] [--src DIR] [--pdf DIR] [--out DIR]``

Structure (outline, paragraphs, sidebars, tables) comes from the YAML blocks; meta, indicators and duties from
the hand-written ``expected:`` section (SOURCE_FORMAT.md).  Only pages are taken from the PDF, and they are
found independently of the pipeline: poppler's ``pdftotext -layout`` per page, whitespace removed, and each
block's first characters searched in document order from a cursor.  A text that cannot be found is an error
naming the block; nothing is guessed.

Expected files carry no geometry: every ``bbox`` is null (cells: ``[0, 0, 0, 0]``) and ``bboxes`` is empty;
the golden test ignores ``bbox``/``bboxes``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_REPO = Path(__file__).resolve().parents[1]
if str(_REPO) not in sys.path:  # run as a script: make `samples.*` and `policy_extract` importable
    sys.path.insert(0, str(_REPO))

from policy_extract.core.model import (  # noqa: E402
    Cell,
    Deadline,
    Document,
    Duty,
    Indicator,
    Meta,
    OutlineNode,
    Paragraph,
    Sidebar,
    SidebarItem,
    Source,
    Table,
    Value,
    to_jsonable,
)
from samples.build import (  # noqa: E402
    DEFAULT_OUT,
    DEFAULT_SRC,
    ChartBlock,
    DiagramBlock,
    HeadingBlock,
    ParaBlock,
    SidebarBlock,
    SideHeadingBlock,
    SourceError,
    TableBlock,
    TitleBlock,
    load_source,
    origin_cells,
    sources_in,
)
from samples.build import Source as SampleSource  # noqa: E402

DEFAULT_EXPECTED = _REPO / "samples" / "expected"
DEFAULT_NEEDLE_CHARS = 8
CELL_PADDING_PT = 11.0  # python-docx default cell margins, left + right (0.19 cm each)
_MM_TO_PT = 72 / 25.4
_DUTY_LOCATING_KEYS = frozenset({"id", "page", "sidebar", "section_title", "section"})
_LATIN = re.compile(r"[A-Za-z0-9]")
_TOKEN = re.compile(r"[A-Za-z0-9.%+\-/]+|\s+|.")
NEEDLE_WIDTH_SAFETY = 0.8  # LibreOffice wraps earlier than a width estimate from nominal advances
LATIN_EM = 0.6
_PAGE_NUMBER = re.compile(r"(?:[—–-]+\d+[—–-]+|第\d+页共\d+页)$")


class LocateError(RuntimeError):
    """A block's text was not found in the rendered PDF (the message names the block)."""


# -------------------------------------------------------------------------------------------- text rules


def join_written(text: str) -> str:
    """The SPEC join rule on written text: ``\\n`` → "" between CJK, " " between Latin/digit characters."""
    parts = [p.strip() for p in text.split("\n")]
    out = parts[0]
    for part in parts[1:]:
        if out and part and _LATIN.match(out[-1]) and _LATIN.match(part[0]):
            out += " "
        out += part
    return out


def compact(text: str) -> str:
    """Text with every whitespace character removed (how printed text is compared)."""
    return re.sub(r"\s+", "", text)


def cell_needle(text: str, width_pt: float, size_pt: float, limit: int = DEFAULT_NEEDLE_CHARS) -> str:
    """The first characters of a cell that surely print on its first line (a cell's lines interleave with
    its neighbours' in ``pdftotext -layout``): up to the first hard break, no wider than the column (with a
    safety margin), and never half a Latin word (``3000`` wraps as a whole)."""
    first = text.split("\n")[0].strip()
    room = max(width_pt - CELL_PADDING_PT, size_pt) * NEEDLE_WIDTH_SAFETY
    out = ""
    used = 0.0
    for token in _TOKEN.findall(first):
        w = size_pt * (LATIN_EM if _LATIN.match(token) else 1.0) * len(token)
        if used + w > room or len(out) >= limit:
            break
        out += token
        used += w
    out = compact(out)[:limit]
    return out or compact(first)[:1]


# ----------------------------------------------------------------------------------------- PDF locating


def pdf_page_lines(pdf: Path, running_header: str | None = None) -> list[list[str]]:
    """Per page, per printed line: ``pdftotext -layout`` text with whitespace removed; the trailing page
    number (``— 3 —``, ``-3-``, ``第3页 共10页``) dropped, and a first line equal to ``running_header``."""
    n = page_count(pdf)
    pages = []
    for page in range(1, n + 1):
        out = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                             capture_output=True, text=True, check=True).stdout
        lines = [c for c in (compact(x) for x in out.splitlines()) if c]
        if lines:
            lines[-1] = _PAGE_NUMBER.sub("", lines[-1])
        if running_header and lines and lines[0] == compact(running_header):
            lines = lines[1:]
        pages.append(lines)
    return pages


def pdf_page_texts(pdf: Path) -> list[str]:
    """Per page: ``pdftotext -layout`` text, whitespace removed, the trailing page number dropped."""
    return ["".join(lines) for lines in pdf_page_lines(pdf)]


def page_count(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", out, re.M)
    if not match:
        raise LocateError(f"{pdf}: pdfinfo reports no page count")
    return int(match.group(1))


@dataclass
class Locator:
    """Sequential search over the document's compact text; `cursor` only moves forward."""

    pages: list[str]
    cursor: int = 0
    line_lengths: list[int] | None = None
    """Lengths of the compact printed lines in order, when known (to find where a line starts)."""
    text: str = field(init=False)
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.text = "".join(self.pages)
        self.starts = []
        pos = 0
        for p in self.pages:
            self.starts.append(pos)
            pos += len(p)

    def page_at(self, index: int) -> int:
        page = 1
        for i, start in enumerate(self.starts):
            if start <= index:
                page = i + 1
        return page

    def line_start(self, index: int) -> int:
        """Where the printed line holding ``index`` starts (``index`` itself when lines are unknown)."""
        if not self.line_lengths:
            return index
        pos = 0
        for n in self.line_lengths:
            if pos + n > index:
                return pos
            pos += n
        return index

    def find(self, needle: str, what: str, start: int | None = None) -> int:
        """Index of `needle` at or after `start` (default: the cursor); LocateError naming `what`."""
        needle = compact(needle)
        if not needle:
            raise LocateError(f"{what}: nothing printed to locate")
        at = self.text.find(needle, self.cursor if start is None else start)
        if at < 0:
            raise LocateError(f"{what}: {needle!r} not found in the PDF text after position {self.cursor}")
        return at

    def flow(self, printed: str, what: str) -> int:
        """Locate a full-width block (paragraph, heading, item); advance past it; return its page."""
        full = compact(printed)
        at = self.find(full[:DEFAULT_NEEDLE_CHARS], what)
        whole = self.text.startswith(full, at)
        self.cursor = at + (len(full) if whole else min(len(full), DEFAULT_NEEDLE_CHARS))
        return self.page_at(at)


# ------------------------------------------------------------------------------------ structure builder


@dataclass
class _State:
    loc: Locator
    outline: list[OutlineNode] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sidebars: list[Sidebar] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    sidebar_items: dict[int | None, list[tuple[str, int]]] = field(default_factory=dict)
    row_pages: dict[tuple[str, int], int] = field(default_factory=dict)
    text_width_pt: float = 156 * _MM_TO_PT

    @property
    def section(self) -> str | None:
        return self.outline[-1].id if self.outline else None

    def add_heading(self, level: int, number: str, title: str, page: int) -> OutlineNode:
        parent = next((o.id for o in reversed(self.outline) if o.level < level), None)
        node = OutlineNode(f"s{len(self.outline) + 1}", parent, level, number, title, page)
        self.outline.append(node)
        return node


def _heading(st: _State, b: HeadingBlock) -> None:
    page = st.loc.flow(b.printed_title(), f"{b.where} heading {b.title!r}")
    st.add_heading(b.level, b.n, b.title.rstrip("。"), page)
    if b.runin:
        page = st.loc.flow(b.runin, f"{b.where} runin")
        st.paragraphs.append(Paragraph(st.section, page, join_written(b.runin)))


def _side_heading(st: _State, b: SideHeadingBlock) -> None:
    """An unnumbered side heading: number ``""``, one level below the nearest numbered heading above it (as
    the real shenzhen_gender_stats_2021 truth has 人口规模与性别比 under ``1 人口特征``)."""
    page = st.loc.flow(b.title, f"{b.where} side heading {b.title!r}")
    numbered = next((o for o in reversed(st.outline) if o.number), None)
    if numbered is None:
        raise SourceError(f"{b.where}: a side heading needs a numbered heading above it")
    st.add_heading(min(numbered.level + 1, 4), "", b.title, page)


def _sidebar(st: _State, b: SidebarBlock) -> None:
    page = st.loc.flow(b.heading_line(), f"{b.where} sidebar {b.title!r}")
    items = []
    located = []
    for i, item in enumerate(b.items, 1):
        item_page = st.loc.flow(f"{i}．{item}", f"{b.where} sidebar item {i}")
        items.append(SidebarItem(i, join_written(item)))
        located.append((join_written(item), item_page))
    st.sidebar_items[b.number] = located
    st.sidebars.append(Sidebar(f"b{len(st.sidebars) + 1}", b.number, b.title, st.section, page, items))


def _table(st: _State, t: TableBlock) -> None:
    caption_page = st.loc.flow(t.caption, f"{t.where} caption") if t.caption else None
    widths = [w * _MM_TO_PT for w in t.widths_mm] or [st.text_width_pt / t.n_cols] * t.n_cols
    spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in t.merges}
    cells: list[Cell] = []
    for r in range(t.n_rows):
        claimed: list[tuple[int, int]] = []
        row_start, row_end = -1, st.loc.cursor
        origins = [c for rr, c in origin_cells(t) if rr == r]
        # Single-row cells first: a vertically centred merged cell prints below its row's first line, so
        # it is searched from where its row starts (a short 序号 such as 10 must not match inside 100%).
        single = [c for c in origins if spans.get((r, c), (1, 1))[0] == 1]
        # Longer needles first: a short one (区质监分) may otherwise take a longer one's place.
        single.sort(key=lambda c: -len(cell_needle(t.rows[r][c], widths[c], t.font_size)))
        merged = [c for c in origins if c not in single]
        merged.sort(key=lambda c: -len(cell_needle(t.rows[r][c], widths[c], t.font_size)))
        row_cells: dict[int, Cell] = {}
        anchor: int | None = None
        for c in single + merged:
            rowspan, colspan = spans.get((r, c), (1, 1))
            text = t.rows[r][c]
            what = f"{t.where} table {t.id} cell ({r}, {c})"
            if not compact(text):
                page = cells[-1].page if cells else st.loc.page_at(st.loc.cursor)
            else:
                needle = cell_needle(text, sum(widths[c:c + colspan]), t.font_size)
                start = st.loc.line_start(row_start) if rowspan > 1 and row_start >= 0 else None
                at = st.loc.find(needle, what, start=start)
                # The same text twice in a row (区质监分局 | 区质监分局): each cell takes its own occurrence.
                first = at
                while any(a <= at < b for a, b in claimed):
                    nxt = st.loc.text.find(needle, at + 1)
                    if nxt < 0:  # no second occurrence: both cells print the one text we saw
                        at = first
                        break
                    at = nxt
                claimed.append((at, at + len(needle)))
                page = st.loc.page_at(at)
                if rowspan == 1:
                    # The longest needle is the surest: no cell of a row starts on a page before its row.
                    anchor = page if anchor is None else anchor
                    page = max(page, anchor)
                if rowspan == 1:  # a vertically centred merged cell prints below later rows: never advance
                    row_end = max(row_end, at + len(needle))
                    row_start = at if row_start < 0 else min(at, row_start)
            row_cells[c] = Cell(r, c, rowspan, colspan, join_written(text), page, (0.0, 0.0, 0.0, 0.0),
                                raw=text)
        cells.extend(row_cells[c] for c in origins)
        st.loc.cursor = row_end
        st.row_pages[(t.id, r)] = min(cell.page for cell in cells if cell.row == r)
    pages = sorted({cell.page for cell in cells})
    st.tables.append(Table(t.id, t.title, list(range(pages[0], pages[-1] + 1)), t.n_rows, t.n_cols,
                           t.header_rows, cells, section=st.section,
                           method="lattice" if t.borders == "all" else "borderless"))
    if t.sidebar is not None:
        st.sidebars.append(Sidebar(f"b{len(st.sidebars) + 1}", t.sidebar.number, t.sidebar.title, st.section,
                                   caption_page or pages[0], [], [t.id]))


def _blocks(st: _State, blocks: Sequence[Any]) -> None:
    for b in blocks:
        if isinstance(b, TitleBlock):
            for line in b.lines:
                st.loc.flow(line, f"{b.where} title")
        elif isinstance(b, HeadingBlock):
            _heading(st, b)
        elif isinstance(b, SideHeadingBlock):
            _side_heading(st, b)
        elif isinstance(b, ParaBlock):
            page = st.loc.flow(b.text, f"{b.where} paragraph")
            st.paragraphs.append(Paragraph(st.section, page, join_written(b.text)))
        elif isinstance(b, SidebarBlock):
            _sidebar(st, b)
        elif isinstance(b, TableBlock):
            _table(st, b)
        elif isinstance(b, DiagramBlock):
            _diagram(st, b)
        elif isinstance(b, ChartBlock) and b.caption:
            # A chart's tick values, data labels and legend are no paragraph; its caption (图1 …) is one.
            page = st.loc.flow(b.caption, f"{b.where} chart caption")
            st.paragraphs.append(Paragraph(st.section, page, join_written(b.caption)))


def _diagram(st: _State, b: DiagramBlock) -> None:
    """A flowchart is no table: each box's text is a paragraph of its section, in reading order."""
    for i, text in enumerate(b.texts()):
        page = st.loc.flow(text, f"{b.where} diagram box {i}")
        st.paragraphs.append(Paragraph(st.section, page, join_written(text)))


def _structure(src: SampleSource, loc: Locator) -> _State:
    st = _State(loc)
    if src.header:
        for line in src.header.title_lines:
            loc.flow(line, "header.title_lines")
    _blocks(st, src.notice)
    _blocks(st, src.body)
    for i, att in enumerate(src.attachments):
        title = join_written("\n".join(att.title_lines))
        page = loc.flow(att.label + title, f"attachments[{i}] label and title")
        st.add_heading(1, att.label, title, page)
        st.text_width_pt = (243 if att.landscape else 156) * _MM_TO_PT
        _blocks(st, att.blocks)
    return st


# ------------------------------------------------------------------------------ indicators and duties


def _row_page(st: _State, table: str | None, row: int | None, what: str) -> int:
    if (table, row) not in st.row_pages:
        raise LocateError(f"{what}: no row {row} in table {table!r}")
    return st.row_pages[(table, row)]  # type: ignore[index]


def _indicators(raw: list[dict[str, Any]], st: _State) -> list[Indicator]:
    out = []
    for i, d in enumerate(raw, 1):
        what = f"expected.indicators[{i - 1}] {d.get('name')!r}"
        d = {k: v for k, v in d.items() if k not in ("id", "page")}
        if d.get("table") is not None:
            page = _row_page(st, d["table"], d.get("row"), what)
        else:
            page = st.loc.page_at(st.loc.find(d["name"], what, start=0))
        values = [Value(**v) for v in d.pop("values", [])]
        try:
            out.append(Indicator(id=f"i{i}", page=page, values=values, **d))
        except TypeError as exc:
            raise SourceError(f"{what}: {exc}") from exc
    return out


def _duty_place(d: dict[str, Any], st: _State, what: str) -> tuple[int, str | None]:
    """(page, section) of one expected duty, by its table row, sidebar item or section heading."""
    if d.get("table") is not None:
        table = next((t for t in st.tables if t.id == d["table"]), None)
        return _row_page(st, d["table"], d.get("row"), what), table.section if table else None
    if "sidebar" in d:
        sidebar = next((s for s in st.sidebars if s.number == d["sidebar"]), None)
        if sidebar is None:
            raise LocateError(f"{what}: no sidebar number {d['sidebar']}")
        key = compact(d["task"])[:DEFAULT_NEEDLE_CHARS]
        page = next((p for text, p in st.sidebar_items.get(d["sidebar"], []) if key in compact(text)), None)
        if page is None:
            raise LocateError(f"{what}: task {key!r} is not an item of sidebar {d['sidebar']}")
        return page, sidebar.section
    title = d.get("section_title")
    node = next((o for o in st.outline if o.title == title), None) if title else None
    if title and node is None:
        raise LocateError(f"{what}: no heading titled {title!r}")
    start = st.loc.find(node.title, what, start=0) if node else 0
    page = st.loc.page_at(st.loc.find(d["task"][:DEFAULT_NEEDLE_CHARS], what, start=start))
    return page, node.id if node else d.get("section")


def _duties(raw: list[dict[str, Any]], st: _State) -> list[Duty]:
    out = []
    for i, d in enumerate(raw, 1):
        what = f"expected.duties[{i - 1}] {str(d.get('task'))[:12]!r}"
        page, section = _duty_place(d, st, what)
        fields = {k: v for k, v in d.items() if k not in _DUTY_LOCATING_KEYS}
        deadline = fields.pop("deadline", None)
        fields.setdefault("table", None)  # sidebar and text duties may leave table/row out
        fields.setdefault("row", None)
        try:
            out.append(Duty(id=f"d{i}", page=page, section=section,
                            deadline=Deadline(**deadline) if deadline else None, **fields))
        except TypeError as exc:
            raise SourceError(f"{what}: {exc}") from exc
    return out


# ---------------------------------------------------------------------------------------------- entry


def expected_document(src: SampleSource, pdf: Path) -> Document:
    """The expected :class:`Document` of one sample whose PDF has been rendered."""
    data = pdf.read_bytes()
    lines = pdf_page_lines(pdf, src.page_header)
    loc = Locator(["".join(p) for p in lines], line_lengths=[len(x) for p in lines for x in p])
    st = _structure(src, loc)
    exp = src.expected
    try:
        meta = Meta(**(exp.get("meta") or {}))
    except TypeError as exc:
        raise SourceError(f"{src.path}: expected.meta: {exc}") from exc
    return Document(
        source=Source(pdf.name, hashlib.sha256(data).hexdigest(), len(loc.pages), "born_digital"),
        meta=meta,
        outline=st.outline,
        paragraphs=st.paragraphs,
        sidebars=st.sidebars,
        tables=st.tables,
        indicators=_indicators(list(exp.get("indicators") or []), st),
        duties=_duties(list(exp.get("duties") or []), st),
        warnings=[],
    )


def document_json(doc: Document) -> str:
    """document.json text: UTF-8 (Chinese kept), 2-space indent, trailing newline; stable across runs."""
    return json.dumps(to_jsonable(doc), ensure_ascii=False, indent=2) + "\n"


def write_expected(yaml_path: Path, pdf_dir: Path, out_dir: Path) -> Path:
    src = load_source(yaml_path)
    pdf = pdf_dir / f"{src.doc_id}.pdf"
    if not pdf.exists():
        raise LocateError(f"{src.doc_id}: {pdf} does not exist (run samples/build.py first)")
    target = out_dir / src.doc_id / "document.json"
    text = document_json(expected_document(src, pdf))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write samples/expected/<doc_id>/document.json.")
    ap.add_argument("--only", nargs="+", default=[], metavar="DOC_ID")
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    ap.add_argument("--pdf", type=Path, default=DEFAULT_OUT, help="folder of rendered <doc_id>.pdf")
    ap.add_argument("--out", type=Path, default=DEFAULT_EXPECTED)
    args = ap.parse_args(argv)
    status = 0
    for path in sources_in(args.src, args.only):
        try:
            print(f"wrote {write_expected(path, args.pdf, args.out)}")
        except (SourceError, LocateError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
