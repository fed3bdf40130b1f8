"""Producer "html": a sample source printed the way a notice published on a government website is printed.

``render(src, out_pdf)`` writes one HTML page (CSS ``@page`` A4, CJK fonts by family name, tables drawn with
CSS borders) and prints it with headless Chromium through the DevTools ``Page.printToPDF`` command (selenium +
chromedriver), so running headers and footers come from Chromium's header/footer templates.  The PDF is then
rewritten with pikepdf without CreationDate/ModDate and with a static /ID, so a rebuild is byte-identical.

The parsed :class:`samples.build.Source` carries what every producer prints; the html-only look of a document
is read from the same YAML (``html:`` at the top level, ``look:`` on tables and sidebars; SOURCE_FORMAT.md,
"Generated corpus keys").  Those keys change how a thing looks, never what it says, so the expected output
(samples/expected.py) does not read them.
"""

from __future__ import annotations

import base64
import html
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pikepdf
import yaml

_REPO = Path(__file__).resolve().parents[1]
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))

from samples.build import (  # noqa: E402
    Attachment,
    Block,
    Colophon,
    DiagramBlock,
    HeadingBlock,
    ParaBlock,
    SidebarBlock,
    SideHeadingBlock,
    Signature,
    Source,
    TableBlock,
    TitleBlock,
    origin_cells,
    source_from_dict,
    spaced_lines,
)

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
TABLE_LOOKS = ("grid", "three_line", "frame", "double", "none", "hrules")
SIDEBAR_LOOKS = ("frame", "shaded", "rules", "outside")
FOOTERS = ("dash", "hyphen", "of", "none")
_FOOTER_OF = {"dash": "dash", "hyphen": "hyphen", "of_total": "of", "none": "none"}
"""The shared ``page_number`` forms (SOURCE_FORMAT.md) → this producer's footer names."""
_TABLE_LOOK_OF = {"all": "grid", "none": "none", "three_line": "three_line", "outer": "frame",
                  "spaced": "none"}
_SIDEBAR_LOOK_OF = {"box": "frame", "cell": "frame", "shaded": "shaded", "rules": "rules",
                    "title_outside": "outside"}
_MARGINS_MM = {"top": 30.0, "bottom": 28.0, "left": 27.0, "right": 25.0}


@dataclass(frozen=True)
class HtmlOptions:
    """The ``html:`` mapping of a source YAML (all optional)."""

    body_pt: float = 16.0
    line_height: float = 1.8
    running_header: str | None = None
    """Printed at the top of every page (an office name, a site name); a newline starts a second line."""
    running_header_first: str | None = None
    """Page 1's running header where it differs from the others' (a section line naming the section page 1
    opens, as Word's STYLEREF field prints it): both are then printed in CSS page margin boxes."""
    footer: str = "dash"
    """Page number form: dash ``— 3 —``, hyphen ``-3-``, of ``第3页 共10页``, none."""
    footer_align: str = "center"
    body_break: bool | None = None
    """New page before the enclosed document; default: only after a 版头."""
    docno_align: str = "center"
    block_looks: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Raw YAML of each block by its ``where`` path (``body[3]``), for ``look:`` keys."""

    @staticmethod
    def from_yaml(path: Path | None) -> HtmlOptions:
        if path is None:
            return HtmlOptions()
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        raw = dict(data.get("html") or {})
        footer = str(raw.get("footer", _FOOTER_OF.get(str(data.get("page_number", "dash")), "dash")))
        if footer not in FOOTERS:
            raise ValueError(f"{path}: html.footer must be one of {FOOTERS}, not {footer!r}")
        return HtmlOptions(
            body_pt=float(raw.get("body_pt", 16.0)),
            line_height=float(raw.get("line_height", 1.8)),
            running_header=raw.get("running_header", data.get("page_header")),
            running_header_first=source_from_dict(data, path).running_header_first,  # parsed and checked
            footer=footer,
            footer_align=str(raw.get("footer_align", "center")),
            body_break=raw.get("body_break"),
            docno_align=str(raw.get("docno_align", "center")),
            block_looks=dict(_raw_blocks(data)),
        )


def _raw_blocks(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, inner mapping) of every table/sidebar block, with the paths build.py gives its blocks."""
    lists: list[tuple[str, Any]] = [("notice", data.get("notice")), ("body", data.get("body"))]
    atts = data.get("attachments") or []
    lists += [(f"attachments[{i}].blocks", a.get("blocks")) for i, a in enumerate(atts)]
    for where, blocks in lists:
        for i, raw in enumerate(blocks or []):
            for key in ("table", "sidebar", "spaced"):
                if isinstance(raw, dict) and isinstance(raw.get(key), dict):
                    yield f"{where}[{i}]", raw[key]


# ------------------------------------------------------------------------------------------------- CSS


_CSS_ROLES = ("body", "issuer", "title", "heading1", "heading2", "heading3", "label", "table")
"""The font roles the style sheet names."""


def _css(src: Source, opt: HtmlOptions) -> str:
    """The style sheet of one document: page and text, tables, then boxes (flowcharts, sidebars, 版记)."""
    fam = {role: f'"{src.fonts.family(role)}", "Noto Serif CJK SC", serif' for role in _CSS_ROLES}
    weight = {role: "bold" if src.fonts.bold(role) else "normal" for role in _CSS_ROLES}
    return "\n" + _css_text(fam, weight, opt) + _css_tables(fam) + _css_boxes(fam) + _css_running(src, opt)


def _css_running(src: Source, opt: HtmlOptions) -> str:
    """A running header that differs on page 1 (``running_header_first``), in the page margin boxes: the
    header template prints the same text on every page.  Empty without it (the template prints it)."""
    if not opt.running_header_first or not opt.running_header:
        return ""
    m = _MARGINS_MM
    width = 210 - m["left"] - m["right"]
    box = (f"font-family: '{src.fonts.family('page_number')}'; font-size: 10.5pt; line-height: 1.2; "
           f"white-space: pre; text-align: center; vertical-align: bottom; width: {width}mm; "
           + ("border-bottom: 0.6pt solid #000; " if src.page_header_rule else "")
           + "padding-bottom: 2pt; margin-bottom: 6mm;")

    def content(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ") + '"'

    return (f"@page {{ @top-center {{ content: {content(opt.running_header)}; {box} }} }}\n"
            f"@page :first {{ @top-center {{ content: {content(opt.running_header_first)}; {box} }} }}\n")


def _css_text(fam: dict[str, str], weight: dict[str, str], opt: HtmlOptions) -> str:
    """Page size and margins, the body text, the front matter, headings, the 落款 and attachment labels.
    ``.sign-gap`` is ``signature.gap`` 2 (2 em of the body size); another gap is set inline, in em."""
    m = _MARGINS_MM
    body_pt = opt.body_pt
    return f"""\
@page {{ size: A4; margin: {m['top']}mm {m['right']}mm {m['bottom']}mm {m['left']}mm; }}
@page land {{ size: A4 landscape; margin: 24mm 25mm 24mm 25mm; }}
html, body {{ margin: 0; padding: 0; }}
body {{ font-family: {fam['body']}; font-size: {body_pt}pt; line-height: {opt.line_height}; color: #000;
        text-align: justify; }}
p {{ margin: 0; text-indent: 2em; }}
.land {{ page: land; }}
.newpage {{ break-before: page; }}
.issuer {{ font-family: {fam['issuer']}; color: #d40000; text-align: center; font-weight: bold;
           letter-spacing: 0.05em; line-height: 1.25; }}
.docno-red {{ text-align: center; border-bottom: 1.5pt solid #d40000; padding-bottom: 8pt;
              margin: 12pt 0 18pt; }}
.title {{ font-family: {fam['title']}; font-weight: {weight['title']}; font-size: 20pt; text-align: center;
          line-height: 1.5; text-indent: 0; }}
.title-block {{ margin: 6pt 0 14pt; }}
.docno {{ text-align: {opt.docno_align}; text-indent: 0; margin: 0 0 12pt; }}
.recipients {{ text-indent: 0; }}
.h1 {{ font-family: {fam['heading1']}; font-weight: {weight['heading1']}; }}
.h2 {{ font-family: {fam['heading2']}; font-weight: {weight['heading2']}; }}
.side {{ font-weight: bold; text-indent: 0; break-after: avoid-page; }}
.h3 b, .h4 b {{ font-family: {fam['heading3']}; }}
.sign {{ text-align: right; text-indent: 0; padding-right: 4em; }}
.sign-indent {{ text-align: left; }}
.sign-left {{ text-align: left; text-indent: 0; }}
.sign-gap {{ height: {2 * body_pt}pt; }}
.att-list {{ text-indent: -3em; padding-left: 5em; }}
.att-list.more {{ text-indent: 0; }}
.label {{ font-family: {fam['label']}; text-indent: 0; text-align: left; }}
.caption {{ text-align: center; font-weight: bold; text-indent: 0; margin-top: 6pt;
            break-after: avoid-page; }}
"""


def _css_tables(fam: dict[str, str]) -> str:
    """Tables by look (``look:`` of a table block)."""
    return f"""\
table {{ border-collapse: collapse; margin: 4pt auto 10pt; table-layout: fixed; }}
th, td {{ padding: 2pt 4pt; line-height: 1.35; vertical-align: middle; font-family: {fam['table']};
          text-indent: 0; }}
th {{ font-weight: bold; }}
td.c, th {{ text-align: center; }}
td.j {{ text-align: justify; }}
table.grid th, table.grid td {{ border: 0.75pt solid #000; }}
table.frame {{ border: 1.2pt solid #000; }}
table.three_line {{ border-top: 1.8pt solid #000; border-bottom: 1.8pt solid #000; }}
table.three_line thead tr:last-child th, table.three_line tr.hlast th {{ border-bottom: 0.9pt solid #000; }}
table.double {{ border: 3pt double #000; }}
table.double th, table.double td {{ border: 0.6pt solid #000; }}
table.hrules tr {{ border-bottom: 0.6pt solid #000; }}
table.hrules {{ border-top: 0.6pt solid #000; }}
th.caprow {{ font-size: 1.1em; padding: 4pt; }}
table.joined {{ margin-top: -10pt; }}
table.joined tr {{ height: 2em; }}
"""


def _css_boxes(fam: dict[str, str]) -> str:
    """Flowcharts, spaced (text-aligned) tables, sidebars by look, and the 版记."""
    return f"""\
.flow {{ margin: 8pt 0 12pt; text-indent: 0; break-inside: avoid; }}
.flow-row {{ display: flex; justify-content: center; gap: 14mm; }}
.flow .box {{ border: 0.9pt solid #000; padding: 4pt 6pt; text-align: center; line-height: 1.4;
              font-family: {fam['table']}; box-sizing: border-box; }}
.flow .arrow-cell {{ display: flex; justify-content: center; }}
.flow .arrow {{ display: flex; flex-direction: column; align-items: center; }}
.flow .shaft {{ width: 0; height: 9mm; border-left: 0.9pt solid #000; }}
.flow .head {{ width: 0; height: 0; border-left: 4pt solid transparent; border-right: 4pt solid transparent;
               border-top: 6pt solid #000; }}
.spaced {{ white-space: pre; text-indent: 0; text-align: left; font-family: {fam['table']}; }}
.sb {{ margin: 10pt 0; padding: 6pt 10pt; text-indent: 0; }}
.sb .sbt {{ text-align: center; font-weight: bold; text-indent: 0; }}
.sb p.item {{ text-indent: 2em; }}
.sb.frame {{ border: 1pt solid #000; }}
.sb.shaded {{ background: #e6e6e6; }}
.sb.rules {{ border-top: 1.5pt solid #000; border-bottom: 1.5pt solid #000; padding: 4pt 0; }}
.sb.outside {{ border: 0.8pt solid #000; margin-top: 2pt; }}
.sbt-out {{ text-align: center; font-weight: bold; text-indent: 0; margin-top: 10pt; }}
.colophon {{ margin-top: 3em; font-size: 14pt; border-top: 1.2pt solid #000;
              border-bottom: 1.2pt solid #000; }}
.colophon div {{ padding: 4pt 1em; }}
.colophon .cc {{ border-bottom: 0.8pt solid #000; }}
.colophon .pr {{ display: flex; justify-content: space-between; }}
.copies {{ text-align: right; font-size: 14pt; padding-right: 1em; }}
"""


# ------------------------------------------------------------------------------------------ HTML body


def _e(text: str) -> str:
    """Escaped text; a ``\\n`` written in the YAML is a hard line break."""
    return "<br>".join(html.escape(part) for part in text.split("\n"))


class _Page:
    """Collects the HTML of one document."""

    def __init__(self, src: Source, opt: HtmlOptions) -> None:
        self.src = src
        self.opt = opt
        self.out: list[str] = []
        self.pending_break = False

    def add(self, tag: str, cls: str, inner: str) -> None:
        if self.pending_break:
            cls = f"{cls} newpage".strip()
            self.pending_break = False
        self.out.append(f'<{tag} class="{cls}">{inner}</{tag}>')

    def title_block(self, lines: Sequence[str]) -> None:
        """A title of one or more centred lines (the notice's, an enclosed document's, an attachment's)."""
        self.add("div", "title-block", "".join(f'<p class="title">{_e(t)}</p>' for t in lines))

    # ---- front matter

    def front_matter(self) -> bool:
        src = self.src
        h = src.header
        redhead = bool(h and h.issuers and h.layout != "plain")
        if h and redhead:
            self.red_header(h.issuers, h.suffix, h.doc_number)
        if h:
            self.title_block(h.title_lines)
            if h.doc_number and not redhead:
                self.add("p", "docno", _e(h.doc_number))  # a website prints the 文号 under the title
            if h.recipients:
                self.add("p", "recipients", _e(h.recipients))
        self.blocks(src.notice)
        for i, item in enumerate(src.attachments_list):
            self.add("p", "att-list" + (" more" if i else ""), _e(("附件：" if i == 0 else "") + item))
        if src.signature:
            self.signature(src.signature)
        return bool(h or src.notice or src.attachments_list or src.signature)

    def red_header(self, issuers: Sequence[str], suffix: str, doc_number: str | None) -> None:
        lines = [s + (suffix if i == len(issuers) - 1 else "") for i, s in enumerate(issuers)]
        size = min(40.0, 150 * 72 / 25.4 / max(len(x) for x in lines))
        inner = "".join(f"<div>{_e(x)}</div>" for x in lines)
        self.out.append(f'<div class="issuer" style="font-size:{size:.1f}pt;margin-top:10mm">{inner}</div>')
        self.out.append(f'<div class="docno-red">{_e(doc_number or "")}</div>')

    def signature(self, sig: Signature) -> None:
        if sig.gap:
            self.out.append(f'<div class="sign-gap" style="height:{sig.gap}em"></div>' if sig.gap != 2
                            else '<div class="sign-gap"></div>')
        css = "sign" if sig.align == "right" else f"sign-{sig.align}"  # indent / left: printed from a website
        for line in (*sig.issuers, *([sig.date] if sig.date else [])):
            self.add("p", css, _e(line))

    # ---- blocks

    def blocks(self, blocks: Sequence[Block]) -> None:
        for b in blocks:
            if isinstance(b, TitleBlock):
                self.title_block(b.lines)
            elif isinstance(b, HeadingBlock):
                self.heading(b)
            elif isinstance(b, ParaBlock):
                self.add("p", "", _e(b.text))
            elif isinstance(b, SideHeadingBlock):
                self.add("p", "side", _e(b.title))
            elif isinstance(b, SidebarBlock):
                self.sidebar(b)
            elif isinstance(b, TableBlock):
                self.table(b)
            elif isinstance(b, DiagramBlock):
                self.add("div", "flow", _diagram_inner(b))
            elif b.kind == "pagebreak":
                self.pending_break = True

    def heading(self, h: HeadingBlock) -> None:
        title = _e(h.printed_title())
        if h.level <= 2:
            self.add("p", f"h{h.level}", title)
        else:
            self.add("p", f"h{h.level}", f"<b>{title}</b>{_e(h.runin or '')}")

    def sidebar(self, sb: SidebarBlock) -> None:
        raw = self.opt.block_looks.get(sb.where, {})
        look = _look(sb.where, raw, _SIDEBAR_LOOK_OF.get(sb.style, "frame"), SIDEBAR_LOOKS, "sidebar")
        size = f"font-size:{sb.font_size}pt" if sb.font_size != 16.0 else ""
        items = "".join(f'<p class="item">{_e(f"{i}．{t}")}</p>' for i, t in enumerate(sb.items, 1))
        head = _e(sb.heading_line())
        if look == "outside":
            self.add("p", "sbt-out", head)
            self.out.append(f'<div class="sb outside" style="{size}">{items}</div>')
        else:
            self.add("div", f"sb {look}", f'<div style="{size}"><p class="sbt">{head}</p>{items}</div>')

    def table(self, t: TableBlock) -> None:
        raw = self.opt.block_looks.get(t.where, {})
        default = "double" if t.rule_style == "double" else _TABLE_LOOK_OF[t.borders]
        look = _look(t.where, raw, default, TABLE_LOOKS, "table")
        caption_row = bool(t.caption_row or raw.get("caption_row")) and t.caption is not None
        if t.caption and not caption_row:
            self.add("p", "caption", _e(t.caption))
        if t.borders == "spaced":
            style = f"font-size:{t.font_size}pt;line-height:1.6"
            for line in spaced_lines(t.rows):
                self.add("div", "spaced", f'<span style="{style}">{html.escape(line)}</span>')
            return
        self.add("table", f"{look} joined" if t.joined else look, _table_inner(t, caption_row))


def _look(where: str, raw: dict[str, Any], default: str, looks: Sequence[str], what: str) -> str:
    """The block's ``look:`` (``default`` without one); a look not in ``looks`` is a source error."""
    look = str(raw.get("look", default))
    if look not in looks:
        raise ValueError(f"{where}: {what} look must be one of {looks}, not {look!r}")
    return look


DIAGRAM_BOX_MM = {1: 70.0, 2: 56.0, 3: 42.0}
"""Width of a flowchart box by the number of boxes in its row (36 mm for more)."""


def _diagram_inner(b: DiagramBlock) -> str:
    """A flowchart drawn with CSS: each box a bordered div of its own, rows apart, an arrow (a bordered
    shaft and a border triangle, no text glyph) from each box down to the next row."""
    radius = "border-radius:3mm;" if b.box == "rounded" else ""
    out = []
    for i, row in enumerate(b.rows):
        if i:
            n = max(len(row), len(b.rows[i - 1]))
            width = _box_mm(n)
            arrows = '<div class="arrow"><div class="shaft"></div><div class="head"></div></div>'
            cell = f'<div class="arrow-cell" style="width:{width}mm">{arrows}</div>'
            cells = cell * n
            out.append(f'<div class="flow-row">{cells}</div>')
        width = _box_mm(len(row))
        boxes = "".join(f'<div class="box" style="width:{width}mm;{radius}font-size:{b.font_size}pt">'
                        f"{_e(text)}</div>" for text in row)
        out.append(f'<div class="flow-row">{boxes}</div>')
    return "".join(out)


def _box_mm(n: int) -> float:
    return DIAGRAM_BOX_MM.get(n, 36.0)


def _table_inner(t: TableBlock, caption_row: bool) -> str:
    widths = t.widths_mm or tuple(156.0 / t.n_cols for _ in range(t.n_cols))
    cols = "".join(f'<col style="width:{w}mm">' for w in widths)
    spans = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in t.merges}
    rows: dict[int, list[str]] = {r: [] for r in range(t.n_rows)}
    for r, c in origin_cells(t):
        rs, cs = spans.get((r, c), (1, 1))
        text = t.rows[r][c]
        header = r < t.header_rows
        tag = "th" if header else "td"
        short = max((len(s) for s in text.split("\n")), default=0) <= 8
        attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
        cls = "" if header else (' class="c"' if short else ' class="j"')
        rows[r].append(f"<{tag}{attrs}{cls}>{_e(text)}</{tag}>")
    size = f' style="font-size:{t.font_size}pt"'
    cap = ""
    if caption_row:
        cap = f'<tr><th class="caprow" colspan="{t.n_cols}">{_e(t.caption or "")}</th></tr>'
    head = [f"<tr>{''.join(rows[r])}</tr>" for r in range(min(t.header_rows, t.n_rows))]
    if head:
        head[-1] = head[-1].replace("<tr>", '<tr class="hlast">', 1)
    body = "".join(f"<tr>{''.join(rows[r])}</tr>" for r in range(t.header_rows, t.n_rows))
    if t.repeat_header:
        thead = f"<thead{size}>{cap}{''.join(head)}</thead>"
        return f"<colgroup>{cols}</colgroup>{thead}<tbody{size}>{body}</tbody>"
    return f"<colgroup>{cols}</colgroup><tbody{size}>{cap}{''.join(head)}{body}</tbody>"


def _attachment(page: _Page, att: Attachment) -> None:
    land = " land" if att.landscape else ""
    page.out.append(f'<div class="newpage{land}">')
    page.add("p", "label", _e(att.label))
    page.title_block(att.title_lines)
    page.blocks(att.blocks)
    page.out.append("</div>")


def _colophon(page: _Page, col: Colophon) -> None:
    cc = f'<div class="cc">{_e(col.cc)}</div>' if col.cc else ""
    pr = f'<div class="pr"><span>{_e(col.printer or "")}</span><span>{_e(col.print_date or "")}</span></div>'
    page.out.append(f'<div class="colophon">{cc}{pr}</div>')
    if col.copies:
        page.out.append(f'<div class="copies">{_e(col.copies)}</div>')


def page_html(src: Source, opt: HtmlOptions | None = None) -> str:
    """The whole HTML document of one source."""
    opt = opt or HtmlOptions.from_yaml(src.path)
    page = _Page(src, opt)
    wrote = page.front_matter()
    if src.body:
        web = not (src.header and src.header.issuers and src.header.layout != "plain")
        page.pending_break = wrote and (opt.body_break if opt.body_break is not None else not web)
        page.blocks(src.body)
    body_html = "\n".join(page.out)
    sections = [partial(_attachment, page, att) for att in src.attachments]
    if src.colophon:
        sections.append(partial(_colophon, page, src.colophon))
    for write in sections:  # each joined on its own, as a new page's HTML
        page.out = []
        write()
        body_html += "\n" + "\n".join(page.out)
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(src.doc_id)}'
            f"</title><style>{_css(src, opt)}</style></head><body>\n{body_html}\n</body></html>\n")


# ------------------------------------------------------------------------------------- header / footer


def _templates(src: Source, opt: HtmlOptions) -> tuple[str, str]:
    """Chromium headerTemplate / footerTemplate (rendered in the page margins, own font settings)."""
    fam = src.fonts.family("page_number")
    # Single quotes inside style="…": a double quote would end the attribute and lose the whole style.
    base = f"font-family:'{fam}';width:100%;box-sizing:border-box;padding:0 25mm 0 27mm;"
    header = "<span></span>"
    if opt.running_header and not opt.running_header_first:
        rule = ("border-bottom:0.6pt solid #000;" if src.page_header_rule else "") + "padding-bottom:2pt"
        lines = html.escape(opt.running_header).replace("\n", "<br>")  # a second line under the first
        header = (f'<div style="{base}font-size:10.5pt;text-align:center">'
                  f'<div style="{rule}">{lines}</div></div>')
    number = '<span class="pageNumber"></span>'
    text = {"dash": f"— {number} —", "hyphen": f"-{number}-",
            "of": f'第{number}页 共<span class="totalPages"></span>页', "none": ""}[opt.footer]
    footer = (f'<div style="{base}font-size:12pt;text-align:{opt.footer_align}">'
              f"{text}</div>")
    return header, footer


@contextmanager
def _driver() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--font-render-hinting=none"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()


def print_pdf(html_path: Path, header: str, footer: str) -> bytes:
    """Print a local HTML file with Page.printToPDF (CSS page size, backgrounds, header/footer templates)."""
    with _driver() as driver:
        driver.get(html_path.as_uri())
        driver.execute_script("return document.fonts.ready")
        result = driver.execute_cdp_cmd("Page.printToPDF", {
            "preferCSSPageSize": True, "printBackground": True, "displayHeaderFooter": True,
            "headerTemplate": header, "footerTemplate": footer, "generateTaggedPDF": False,
        })
    return base64.b64decode(result["data"])


def normalize_pdf(data: bytes, out_pdf: Path, title: str) -> None:
    """Drop the dates, fix /ID and the title: the same HTML gives the same bytes."""
    with tempfile.TemporaryDirectory(prefix="html-pdf-") as tmp:
        raw = Path(tmp) / "raw.pdf"
        raw.write_bytes(data)
        with pikepdf.open(raw) as pdf:
            info = pdf.trailer.get("/Info")
            if info is not None:
                for key in ("/CreationDate", "/ModDate"):
                    if key in info:
                        del info[key]
                info["/Title"] = pikepdf.String(title)
            out_pdf.parent.mkdir(parents=True, exist_ok=True)
            pdf.save(out_pdf, static_id=True, deterministic_id=False)


def render(src: Source, out_pdf: Path) -> None:
    """Print one sample source to ``out_pdf`` through headless Chromium."""
    opt = HtmlOptions.from_yaml(src.path)
    header, footer = _templates(src, opt)
    with tempfile.TemporaryDirectory(prefix="html-src-") as tmp:
        page = Path(tmp) / f"{src.doc_id}.html"
        page.write_text(page_html(src, opt), encoding="utf-8")
        data = print_pdf(page, header, footer)
    normalize_pdf(data, Path(out_pdf), src.doc_id)


def main(argv: Sequence[str] | None = None) -> int:
    """``python samples/produce_html.py SRC.yaml... [--out DIR] [--html DIR]``: PDFs only, no expected."""
    import argparse

    from samples.build import load_source

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sources", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, default=_REPO / "samples" / "generated" / "pdf")
    ap.add_argument("--html", type=Path, default=None, help="also keep the HTML here")
    args = ap.parse_args(argv)
    for path in args.sources:
        src = load_source(path)
        if args.html:
            args.html.mkdir(parents=True, exist_ok=True)
            (args.html / f"{src.doc_id}.html").write_text(page_html(src), encoding="utf-8")
        render(src, args.out / f"{src.doc_id}.pdf")
        print(f"wrote {args.out / (src.doc_id + '.pdf')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
