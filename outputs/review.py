"""Static HTML review pages: ``policy-extract review OUTDIR`` → ``OUTDIR/review/``.

One page per document (``<doc_id>.html``) and ``index.html`` over the batch.  Each PDF page is rendered with
pypdfium2 and shown with the boxes of table cells, indicators and duties drawn over it (from their ``bbox``:
PDF points, top-left origin, placed in percent of the page so they stay on the image at any zoom), the
extracted table rows of that page beside it, and the document's warnings above.  Hovering a box lights up
its cell in the extracted table and the other way round.

Everything is inline (CSS, a few lines of script, images as ``data:`` URIs): the files open from disk with
no server and no network.  The same OUTDIR, PDFs and library versions give byte-identical files.

The PDF of a document is the manifest's ``file`` (as given to ``run``, so relative to where ``run`` was
started): looked up as given, then relative to OUTDIR's parent and OUTDIR, then by file name in
:attr:`ReviewSettings.pdf_dirs`.  A file whose SHA-256 differs from the manifest's is not used (its boxes
would be drawn on the wrong page); when no PDF is found the page says so and shows the extracted data only.
"""

from __future__ import annotations

import base64
import html
import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policy_extract.core.digest import sha256_of
from policy_extract.core.errors import UsageError
from policy_extract.core.model import BBox, Cell, Document, Duty, Indicator, Table

from .jsonio import read_document_json, read_manifest_json, write_bytes_atomic

REVIEW_DIRNAME = "review"
INDEX_NAME = "index.html"
DEFAULT_RENDER_SCALE = 1.5
"""Image pixels per PDF point: sharp at the display size below, and on most high-density screens."""
DEFAULT_DISPLAY_SCALE = 1.25
"""CSS pixels per PDF point of the page as shown (an A4 page is 744 px wide)."""
DEFAULT_JPEG_QUALITY = 85
DEFAULT_PNG_COLORS = 64
"""PNG pages are reduced to this many colours (0: full colour): a quarter of the size (≈63 KB for an A4 page
at 1.5 px/pt instead of ≈260 KB), and black text with a red issuer line needs no more."""
IMAGE_FORMATS = ("png", "jpeg")
MIN_BOX = 0.5
"""Boxes thinner than this (points) are placeholders (``[0, 0, 0, 0]``) and are not drawn."""


@dataclass(frozen=True, slots=True)
class ReviewSettings:
    render_scale: float = DEFAULT_RENDER_SCALE
    display_scale: float = DEFAULT_DISPLAY_SCALE
    image_format: str = "png"
    jpeg_quality: int = DEFAULT_JPEG_QUALITY
    png_colors: int = DEFAULT_PNG_COLORS
    pdf_dirs: tuple[str, ...] = ()
    """Extra folders searched by file name for PDFs the manifest's path does not reach."""

    def __post_init__(self) -> None:
        for name in ("render_scale", "display_scale"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or not 0.1 <= value <= 8:
                raise UsageError(f"{name} must be a number from 0.1 to 8, not {value!r}")
        if self.image_format not in IMAGE_FORMATS:
            raise UsageError(
                f"image_format must be one of {', '.join(IMAGE_FORMATS)}, not {self.image_format!r}"
            )
        if not isinstance(self.png_colors, int) or not (self.png_colors == 0 or 2 <= self.png_colors <= 256):
            raise UsageError(f"png_colors must be 0 (full colour) or 2 to 256, not {self.png_colors!r}")
        if not isinstance(self.jpeg_quality, int) or not 1 <= self.jpeg_quality <= 100:
            raise UsageError(f"jpeg_quality must be a whole number from 1 to 100, not {self.jpeg_quality!r}")


@dataclass(frozen=True, slots=True)
class PageImage:
    number: int
    width: float
    """Page size in PDF points, as displayed (rotation applied) — the space the bboxes are in."""
    height: float
    data_uri: str


@dataclass(slots=True)
class ReviewEntry:
    """One manifest record and what the review found for it."""

    doc_id: str
    file: str
    status: str
    error: dict[str, Any] | None
    sha256: str | None
    document: Document | None = None
    pdf: Path | None = None
    pdf_note: str = ""
    page_file: str | None = None
    notes: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------------------------------ inputs


def read_entries(outdir: Path) -> list[ReviewEntry]:
    """Manifest records in order (or ``docs/*`` sorted when there is no manifest), documents loaded."""
    manifest = outdir / "manifest.json"
    if manifest.is_file():
        records = read_manifest_json(manifest)
    elif (outdir / "docs").is_dir():
        records = [{"doc_id": p.parent.name, "file": "", "status": "ok", "error": None, "sha256": None}
                   for p in sorted((outdir / "docs").glob("*/document.json"))]  # fmt: skip
    else:
        raise UsageError(f"{outdir} is not an OUTDIR (no manifest.json and no docs/ folder)")
    entries = []
    for r in records:
        entry = ReviewEntry(r["doc_id"], r.get("file") or "", r["status"], r.get("error"), r.get("sha256"))
        path = outdir / "docs" / entry.doc_id / "document.json"
        if entry.status != "failed" and path.is_file():
            entry.document = read_document_json(path)
            entry.file = entry.file or entry.document.source.file
            entry.sha256 = entry.sha256 or entry.document.source.sha256
        elif entry.status != "failed":  # listed as processed, but its output is gone: say so, never hide it
            entry.error = {"code": "missing", "message": f"{path} is missing; rerun the batch to rebuild it"}
        entries.append(entry)
    return entries


def pdf_candidates(outdir: Path, file: str, pdf_dirs: Iterable[str]) -> list[Path]:
    given = Path(file)
    if given.is_absolute():
        places = [given]
    else:
        places = [Path.cwd() / given, outdir.resolve().parent / given, outdir.resolve() / given]
    places += [Path(d) / given.name for d in pdf_dirs]
    return list(dict.fromkeys(places))


def find_pdf(outdir: Path, file: str, sha256: str | None, pdf_dirs: Iterable[str]) -> tuple[Path | None, str]:
    """The PDF of a record and a note for the page (empty when found and checked)."""
    if not file:
        return None, "The manifest names no PDF file for this document, so no page images are shown."
    mismatched = []
    for place in pdf_candidates(outdir, file, pdf_dirs):
        if not place.is_file():
            continue
        if sha256 and sha256_of(place) != sha256:
            mismatched.append(place)
            continue
        return place, ""
    if mismatched:
        return None, (f"The PDF at {mismatched[0]} is not the one processed (its SHA-256 differs from the "
                      "manifest's), so no page images are shown.")  # fmt: skip
    return None, (f"PDF not found: {file} (looked for it as given, next to OUTDIR and in --pdf-dir folders), "
                  "so no page images are shown. Run the review from the folder `run` was started in, or "
                  "pass --pdf-dir.")  # fmt: skip


def render_pages(pdf: Path, settings: ReviewSettings) -> Iterator[PageImage]:
    """Every page rendered (rotation applied), encoded as a data: URI; one page in memory at a time."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(doc)):
            page = doc[index]
            width, height = page.get_size()
            image = page.render(scale=settings.render_scale).to_pil().convert("RGB")
            yield PageImage(index + 1, round(width, 2), round(height, 2), encode_image(image, settings))
            page.close()
    finally:
        doc.close()


def encode_image(image: Any, settings: ReviewSettings) -> str:
    buf = io.BytesIO()
    if settings.image_format == "jpeg":
        image.save(buf, format="JPEG", quality=settings.jpeg_quality, optimize=True)
        mime = "image/jpeg"
    else:
        # Fast octree: a quarter of the time of median cut, and smaller files (≈63 KB for an A4 page).
        reduced = image.quantize(settings.png_colors, method=2) if settings.png_colors else image
        reduced.save(buf, format="PNG")
        mime = "image/png"
    return f"data:{mime};base64,{base64.b64encode(buf.getvalue()).decode('ascii')}"


# ------------------------------------------------------------------------------------------------- pieces


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def usable(bbox: BBox | None) -> bool:
    return bbox is not None and bbox[2] - bbox[0] >= MIN_BOX and bbox[3] - bbox[1] >= MIN_BOX


def box_style(bbox: BBox, width: float, height: float) -> str:
    """``left/top/width/height`` in percent of the page: the box stays on the image at any size."""
    x0, top, x1, bottom = bbox
    parts = (x0 / width, top / height, (x1 - x0) / width, (bottom - top) / height)
    left, top_, w, h = (f"{100 * v:.4f}%" for v in parts)
    return f"left:{left};top:{top_};width:{w};height:{h}"


def cell_key(table: Table, cell: Cell) -> str:
    return f"{table.id}:{cell.row}:{cell.col}"


def overlay(kind: str, bbox: BBox, page: PageImage, title: str, attrs: dict[str, str]) -> str:
    extra = "".join(f' data-{k}="{esc(v)}"' for k, v in attrs.items())
    style = box_style(bbox, page.width, page.height)
    return f'<div class="ov {kind}" style="{style}" title="{esc(title)}"{extra}></div>'


def page_overlays(doc: Document, page: PageImage) -> list[str]:
    """Boxes drawn over one page: table fragments, cells, indicators, duties (bottom to top)."""
    n = page.number
    out = [overlay("table", box, page, f"{t.id} {t.title or ''}", {"table": t.id})
           for t in doc.tables for p, box in t.bboxes if p == n and usable(box)]  # fmt: skip
    for t in doc.tables:
        out += [
            overlay(
                "cell", c.bbox, page, f"{t.id} row {c.row} col {c.col}: {c.text}", {"key": cell_key(t, c)}
            )
            for c in t.cells
            if c.page == n and usable(c.bbox)
        ]
    out += [overlay("ind", i.bbox, page, f"{i.id} {i.name}", {"indicator": i.id})  # type: ignore[arg-type]
            for i in doc.indicators if i.page == n and usable(i.bbox)]  # fmt: skip
    out += [overlay("duty", d.bbox, page, f"{d.id} {d.task[:40]}", {"duty": d.id})  # type: ignore[arg-type]
            for d in doc.duties if d.page == n and usable(d.bbox)]  # fmt: skip
    return out


def rows_on_page(table: Table, page: int) -> list[int]:
    """Rows shown beside a page: the rows with a cell on it, plus the header rows for context."""
    body = {c.row for c in table.cells if c.page == page}
    if not body:
        return []
    return sorted(body | set(range(min(table.header_rows, table.n_rows))))


def table_html(table: Table, rows: list[int]) -> str:
    """The extracted rows ``rows`` of a table, spans clipped to the rows shown."""
    shown = set(rows)
    starts: dict[int, list[str]] = {r: [] for r in rows}
    for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
        covered = [r for r in range(cell.row, cell.row + max(cell.rowspan, 1)) if r in shown]
        if not covered:
            continue
        span = f' rowspan="{len(covered)}"' if len(covered) > 1 else ""
        span += f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
        head = " class=head" if cell.row < table.header_rows else ""
        text = esc(cell.text).replace("\n", "<br>")
        starts[covered[0]].append(f'<td{head}{span} data-key="{esc(cell_key(table, cell))}">{text}</td>')
    body = "".join(f'<tr data-row="{r}"><th>{r}</th>{"".join(starts[r])}</tr>' for r in rows)
    return f'<table class="extracted" data-table="{esc(table.id)}">{body}</table>'


def value_text(ind: Indicator) -> str:
    return "；".join(f"{v.year or '—'} {v.raw}" for v in ind.values)


def duty_text(d: Duty) -> str:
    owners = "、".join(d.lead) + (f"（{'、'.join(d.support)}）" if d.support else "")
    deadline = d.deadline.raw if d.deadline else ""
    return " · ".join(x for x in (d.number or "", d.task, owners, deadline) if x)


def side_html(doc: Document, number: int) -> str:
    """What was extracted from one page: its table rows, indicators and duties."""
    parts = []
    for t in doc.tables:
        rows = rows_on_page(t, number)
        if rows:
            title = f"{t.id} {t.title or '(untitled)'} — pages {', '.join(map(str, t.pages))}"
            parts.append(f"<h3>{esc(title)}</h3>{table_html(t, rows)}")
    inds = [i for i in doc.indicators if i.page == number]
    if inds:
        items = "".join(
            f'<li data-indicator="{esc(i.id)}"><b>{esc(i.id)}</b> {esc(i.name)}: {esc(value_text(i))}</li>'
            for i in inds
        )
        parts.append(f"<h3>Indicators</h3><ul class=inds>{items}</ul>")
    duties = [d for d in doc.duties if d.page == number]
    if duties:
        items = "".join(
            f'<li data-duty="{esc(d.id)}"><b>{esc(d.id)}</b> {esc(duty_text(d))}</li>' for d in duties
        )
        parts.append(f"<h3>Duties</h3><ul class=duties>{items}</ul>")
    return "".join(parts) or "<p class=quiet>Nothing extracted from this page beyond text.</p>"


def page_section(doc: Document, page: PageImage, settings: ReviewSettings) -> str:
    w, h = page.width * settings.display_scale, page.height * settings.display_scale
    sheet = (
        f'<div class="sheet" style="width:{w:.1f}px;height:{h:.1f}px" data-page="{page.number}" '
        f'data-width="{page.width}" data-height="{page.height}">'
        f'<img src="{page.data_uri}" alt="page {page.number}">{"".join(page_overlays(doc, page))}</div>'
    )
    side = f'<div class="side">{side_html(doc, page.number)}</div>'
    heading = f'<h2>Page {page.number}</h2><div class="pair">'
    return f'<section class="page" id="page-{page.number}">{heading}{sheet}{side}</div></section>'


def imageless_sections(doc: Document) -> str:
    """Without the PDF: the extracted data page by page, with no picture."""
    numbers = range(1, doc.source.pages + 1)
    return "".join(f'<section class="page" id="page-{n}"><h2>Page {n}</h2><div class="side">'
                   f"{side_html(doc, n)}</div></section>" for n in numbers)  # fmt: skip


def warnings_html(doc: Document) -> str:
    if not doc.warnings:
        return "<section id=warnings><h2>Warnings (0)</h2><p class=quiet>None.</p></section>"
    items = "".join(
        f"<li>{f'<a href=#page-{w.page}>p. {w.page}</a> ' if w.page else ''}<code>{esc(w.code)}</code> "
        f"{esc(w.message)}{f' <i>({esc(w.stage)})</i>' if w.stage else ''}</li>"
        for w in doc.warnings
    )
    return f"<section id=warnings><h2>Warnings ({len(doc.warnings)})</h2><ul>{items}</ul></section>"


def facts_html(entry: ReviewEntry, doc: Document) -> str:
    m = doc.meta
    facts = [
        ("doc_id", entry.doc_id), ("file", entry.file), ("status", entry.status), ("pages", doc.source.pages),
        ("issuer", m.issuer), ("doc_number", m.doc_number), ("date", m.date), ("tables", len(doc.tables)),
        ("indicators", len(doc.indicators)), ("duties", len(doc.duties)),
    ]  # fmt: skip
    return (
        "<dl>" + "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in facts if v is not None) + "</dl>"
    )


# -------------------------------------------------------------------------------------------------- pages

STYLE = """
body{font:14px/1.45 system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:0 16px 40px;color:#222}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:6px 0;z-index:10}
h1{font-size:18px;margin:4px 0}h2{font-size:16px;margin:18px 0 6px}h3{font-size:14px;margin:10px 0 4px}
dl{display:flex;flex-wrap:wrap;gap:2px 14px;margin:4px 0}dt{color:#777}dd{margin:0 0 0 -10px}
.note{background:#fff4d6;border:1px solid #e0b84c;padding:6px 10px}.quiet{color:#888}
section.page{scroll-margin-top:130px}.pair{display:flex;gap:16px;align-items:flex-start}
.side{flex:1;min-width:320px;overflow:auto;position:sticky;top:140px;max-height:calc(100vh - 150px)}
.sheet{position:relative;flex:none;box-shadow:0 0 4px #999}.sheet img{width:100%;height:100%;display:block}
.ov{position:absolute;box-sizing:border-box}
.ov.table{border:2px solid rgba(31,79,255,.5)}
.ov.cell{border:1px solid rgba(31,79,255,.7);background:rgba(31,79,255,.06)}
.ov.ind{border:2px solid rgba(0,160,64,.85)}.ov.duty{border:2px dashed rgba(230,110,0,.9)}
.ov.hi,td.hi{background:rgba(255,210,0,.45)!important;outline:2px solid #e0a000}
.hide-cell .ov.cell,.hide-table .ov.table,.hide-ind .ov.ind,.hide-duty .ov.duty{display:none}
table.extracted{border-collapse:collapse;font-size:12px}
table.extracted td,table.extracted th{border:1px solid #bbb;padding:2px 4px;vertical-align:top}
table.extracted th{color:#999;font-weight:normal}td.head{background:#f1f4fb;font-weight:600}
table.index{border-collapse:collapse}table.index td,table.index th{border:1px solid #ccc;padding:3px 8px}
.failed{color:#b00020}.partial{color:#b36b00}
"""

SCRIPT = """
document.addEventListener("mouseover", function (e) {
  var el = e.target.closest ? e.target.closest("[data-key]") : null;
  document.querySelectorAll(".hi").forEach(function (x) { x.classList.remove("hi"); });
  if (!el) return;
  document.querySelectorAll('[data-key="' + el.dataset.key + '"]').forEach(function (x) {
    x.classList.add("hi");
  });
});
document.querySelectorAll("input[data-layer]").forEach(function (box) {
  box.addEventListener("change", function () {
    document.body.classList.toggle("hide-" + box.dataset.layer, !box.checked);
  });
});
"""

LAYERS = (("table", "tables"), ("cell", "table cells"), ("ind", "indicators"), ("duty", "duties"))


def page_shell(title: str, body: str) -> str:
    head = f'<head><meta charset="utf-8"><title>{esc(title)}</title><style>{STYLE}</style></head>'
    return f'<!DOCTYPE html>\n<html lang="zh-CN">{head}<body>{body}<script>{SCRIPT}</script></body></html>\n'


def document_html(entry: ReviewEntry, doc: Document, settings: ReviewSettings) -> str:
    toggles = "".join(
        f'<label><input type="checkbox" data-layer="{k}" checked> {v}</label> ' for k, v in LAYERS
    )
    note = f'<p class="note">{esc(entry.pdf_note)}</p>' if entry.pdf_note else ""
    title = f"<h1>{esc(doc.meta.title or entry.doc_id)}</h1>"
    head = (f'<header><a href="{INDEX_NAME}">← all documents</a>{title}'
            f"{facts_html(entry, doc)}{note}<div class=layers>{toggles}</div></header>")  # fmt: skip
    if entry.pdf is None:
        pages = imageless_sections(doc)
    else:
        pages = "".join(page_section(doc, p, settings) for p in render_pages(entry.pdf, settings))
    return page_shell(f"{entry.doc_id} — review", head + warnings_html(doc) + pages)


def index_html(entries: list[ReviewEntry]) -> str:
    head = "<tr><th>document</th><th>status</th><th>pages</th><th>title</th><th>tables</th>" \
           "<th>indicators</th><th>duties</th><th>warnings</th><th>PDF</th></tr>"  # fmt: skip
    rows = "".join(index_row(e) for e in entries)
    body = (f"<header><h1>Review — {len(entries)} documents</h1></header>"
            f'<table class="index">{head}{rows}</table>')  # fmt: skip
    return page_shell("policy-extract review", body)


def index_row(e: ReviewEntry) -> str:
    doc = e.document
    name = f'<a href="{esc(e.page_file)}">{esc(e.doc_id)}</a>' if e.page_file else esc(e.doc_id)
    if doc is None:
        error = f"{e.error.get('code')}: {e.error.get('message')}" if e.error else ""
        status = f'<td class="{esc(e.status)}">{esc(e.status)}</td>'
        return f"<tr><td>{name}</td>{status}<td colspan=8>{esc(error)}</td></tr>"
    cells = [doc.source.pages, doc.meta.title or "", len(doc.tables), len(doc.indicators), len(doc.duties),
             len(doc.warnings), "found" if e.pdf else "not found"]  # fmt: skip
    tds = "".join(f"<td>{esc(c)}</td>" for c in cells)
    return f'<tr><td>{name}</td><td class="{esc(e.status)}">{esc(e.status)}</td>{tds}</tr>'


def write_review(outdir: str | os.PathLike[str], settings: ReviewSettings | None = None) -> list[Path]:
    """Write ``OUTDIR/review/index.html`` and one ``<doc_id>.html`` per processed document; returns the
    paths written, index first.  Pages of documents no longer in the manifest are removed."""
    settings = settings or ReviewSettings()
    out = Path(outdir)
    if not out.is_dir():
        raise UsageError(f"no such OUTDIR: {os.fspath(outdir)}")
    entries = read_entries(out)
    target = out / REVIEW_DIRNAME
    written = []
    for entry in entries:
        if entry.document is None:
            continue
        entry.pdf, entry.pdf_note = find_pdf(out, entry.file, entry.sha256, settings.pdf_dirs)
        entry.page_file = f"{entry.doc_id}.html"
        html_text = document_html(entry, entry.document, settings)
        written.append(write_bytes_atomic(target / entry.page_file, html_text.encode("utf-8")))
    index = write_bytes_atomic(target / INDEX_NAME, index_html(entries).encode("utf-8"))
    keep = {p.name for p in written} | {INDEX_NAME}
    for stale in target.glob("*.html"):
        if stale.name not in keep:
            stale.unlink()
    return [index, *written]
