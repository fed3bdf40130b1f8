"""Every truth string of the born-digital generated documents is in the PDF's own text layer.

For each ``samples/generated/expected/<doc_id>/document.json`` with a YAML source and a born-digital PDF, the
strings a reader must find (meta values as printed, outline titles, paragraphs, sidebar titles and items, table
cells, indicator names, duty tasks and owners) are searched in the whole document's text read by pypdfium2,
with all whitespace removed and the running headers, footers and page numbers the producers print taken out
(a paragraph cut by a page break then reads as one string).  Where a string is not found in pdfium's reading
order, pdfplumber's is tried before the string counts as missing (table cells wrapped next to each other).
A missing string means the truth and the PDF disagree: a typo in the YAML or a renderer that dropped text.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from samples.build import Source, load_source  # noqa: E402

GENERATED = REPO / "samples" / "generated"
_WS = re.compile(r"\s+")
_PAGE_NUMBER_LINE = re.compile(r"^(?:[—–-]+\d+[—–-]+|第\d+页(?:共\d+页)?|\d+/\d+|\d+)$")


def compact(text: str) -> str:
    """Whitespace removed and NFKC applied (a font may map 十 to the Kangxi radical ⼗; both read 十)."""
    return unicodedata.normalize("NFKC", _WS.sub("", text))


def in_order(needle: str, text: str, slack: int = 80) -> bool:
    """``needle``'s characters in order within ``2 × len + slack`` characters of ``text``: a table row cut by a
    page break prints its cells' halves interleaved (each half-cell line after the others of its line)."""
    start = text.find(needle[0])
    while start >= 0:
        pos, end = start, start + 2 * len(needle) + slack
        for ch in needle[1:]:
            pos = text.find(ch, pos + 1, end)
            if pos < 0:
                break
        else:
            return True
        start = text.find(needle[0], start + 1)
    return False


def born_digital() -> list[str]:
    """doc_ids with a source, a PDF and an expected file whose text layer is born digital."""
    out = []
    for path in sorted((GENERATED / "expected").glob("*/document.json")):
        doc_id = path.parent.name
        if not (GENERATED / "src" / f"{doc_id}.yaml").exists() or not (GENERATED / "pdf" / f"{doc_id}.pdf").exists():
            continue
        if json.loads(path.read_text(encoding="utf-8"))["source"]["text_layer"] == "born_digital":
            out.append(doc_id)
    return out


def _strip_running(lines: list[str], header: str | None) -> list[str]:
    """One page's compact lines without the running header and the page number line(s)."""
    return [ln for ln in lines if ln and ln != header and not _PAGE_NUMBER_LINE.match(ln)]


def _pdfium_text(pdf: Path, header: str | None) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        pages = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()
    return "".join("".join(_strip_running([compact(x) for x in p.splitlines()], header)) for p in pages)


def _plumber_text(pdf: Path, header: str | None) -> str:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        pages = [p.extract_text() or "" for p in doc.pages]
    return "".join("".join(_strip_running([compact(x) for x in p.splitlines()], header)) for p in pages)


def running_header(doc_id: str) -> str | None:
    """The running header a source prints: ``page_header`` (SOURCE_FORMAT.md) or the html producer's own
    ``html.running_header`` option."""
    path = GENERATED / "src" / f"{doc_id}.yaml"
    src = load_source(path)
    if src.page_header:
        return compact(src.page_header)
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    html = raw.get("html") if isinstance(raw.get("html"), dict) else {}
    return compact(str(html["running_header"])) if html.get("running_header") else None


def _repeated_headers(doc: dict[str, Any]) -> list[str]:
    """Compact text of the header rows (with a caption row) of tables printed on several pages: repeated on the
    continuation page, they sit inside a row cut by the page break."""
    out = []
    for t in doc["tables"]:
        if len(t["pages"]) > 1 and t["header_rows"]:
            head = "".join(compact(c["text"]) for c in t["cells"] if c["row"] < t["header_rows"])
            out += [compact(t["title"] or "") + head, head]
    return [h for h in out if h]


@cache
def document_texts(doc_id: str) -> tuple[str, ...]:
    """The candidate reading orders of one PDF, as compact strings: pdfium, pdfplumber, and pdfium's with the
    repeated table headers taken out (the first occurrence of each header is kept)."""
    header = running_header(doc_id)
    pdf = GENERATED / "pdf" / f"{doc_id}.pdf"
    pdfium_text = _pdfium_text(pdf, header)
    without = pdfium_text
    for head in _repeated_headers(_load(doc_id)[1]):
        first = without.find(head)
        if first >= 0:
            cut = first + len(head)
            without = without[:cut] + without[cut:].replace(head, "")
    return (pdfium_text, _plumber_text(pdf, header), without)


def _meta_strings(src: Source, meta: dict[str, Any]) -> Iterator[tuple[str, str]]:
    issuers = src.header.issuers if src.header and src.header.issuers else ()
    issuers = issuers or (src.signature.issuers if src.signature else ())
    for name in issuers:
        yield "meta.issuer", name
    for key in ("title", "printer"):
        if meta.get(key):
            yield f"meta.{key}", meta[key]
    if meta.get("doc_number") and src.header and src.header.doc_number:
        yield "meta.doc_number", src.header.doc_number  # as printed (the truth is normalized)
    for key in ("recipients", "attachments", "cc"):
        for i, value in enumerate(meta.get(key) or []):
            yield f"meta.{key}[{i}]", value
    if src.signature and src.signature.date:
        yield "signature.date", src.signature.date
    if src.colophon and src.colophon.print_date:
        yield "colophon.print_date", src.colophon.print_date


def truth_strings(src: Source, doc: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(where, text) for every string of the truth that must be printed."""
    yield from _meta_strings(src, doc["meta"])
    for o in doc["outline"]:
        yield f"outline {o['id']}", o["title"]
    for i, p in enumerate(doc["paragraphs"]):
        yield f"paragraphs[{i}]", p["text"]
    for b in doc["sidebars"]:
        yield f"sidebar {b['id']} title", b["title"]
        for item in b["items"]:
            yield f"sidebar {b['id']} item {item['n']}", item["text"]
    for t in doc["tables"]:
        if t.get("title"):
            yield f"table {t['id']} title", t["title"]
        for c in t["cells"]:
            yield f"table {t['id']} cell ({c['row']}, {c['col']})", c["text"]
    for ind in doc["indicators"]:
        yield f"indicator {ind['id']} name", ind["name"]
    for d in doc["duties"]:
        yield f"duty {d['id']} task", d["task"]
        for role in ("lead", "support"):
            for name in d[role]:
                yield f"duty {d['id']} {role}", name


def missing_strings(src: Source, doc: dict[str, Any], texts: tuple[str, ...]) -> list[str]:
    """The truth strings found in none of the reading orders (empty when the text layer holds them all)."""
    out = []
    for where, text in truth_strings(src, doc):
        needle = compact(text)
        if not needle or any(needle in t for t in texts):
            continue
        if where.startswith(("table", "duty", "indicator")) and in_order(needle, texts[0]):
            continue  # a cell (or the duty or indicator read from it) of a row cut by a page break
        out.append(f"{where}: {text!r}")
    return out


def _load(doc_id: str) -> tuple[Source, dict[str, Any]]:
    src = load_source(GENERATED / "src" / f"{doc_id}.yaml")
    doc = json.loads((GENERATED / "expected" / doc_id / "document.json").read_text(encoding="utf-8"))
    return src, doc


def test_generated_corpus_is_there() -> None:
    assert born_digital(), "no generated documents: python samples/generated/build.py"


@pytest.mark.parametrize("doc_id", born_digital())
def test_truth_strings_are_in_the_text_layer(doc_id: str) -> None:
    src, doc = _load(doc_id)
    missing = missing_strings(src, doc, document_texts(doc_id))
    assert not missing, f"{doc_id}: {len(missing)} truth strings not in the PDF text layer:\n" + "\n".join(missing)


def test_a_corrupted_truth_string_is_reported() -> None:
    """The check can fail: one changed character in a paragraph of the truth is caught."""
    doc_id = born_digital()[0]
    src, doc = _load(doc_id)
    before = missing_strings(src, doc, document_texts(doc_id))
    text = doc["paragraphs"][0]["text"]
    doc["paragraphs"][0]["text"] = text[:4] + ("甲" if text[4] != "甲" else "乙") + text[5:]
    missing = missing_strings(src, doc, document_texts(doc_id))
    assert missing == [f"paragraphs[0]: {doc['paragraphs'][0]['text']!r}", *before]


# ------------------------------------------------------------------------------ producer rl (reportlab)

RL_RECT_DOC = "gen_rl_04_health_rects"
"""An rl document whose table rules are thin filled rectangles (``rule_style: rect``)."""


def test_rl_render_is_deterministic(tmp_path: Path) -> None:
    """reportlab with ``invariant=1``: the same source renders to the same bytes."""
    from samples.produce_reportlab import render

    src = load_source(GENERATED / "src" / f"{RL_RECT_DOC}.yaml")
    render(src, tmp_path / "a.pdf")
    render(src, tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_rl_rect_rules_are_filled_rectangles_not_lines() -> None:
    """The rect-ruled table prints its grid as filled rectangles only: no stroked line inside the table."""
    import pdfplumber

    src, doc = _load(RL_RECT_DOC)
    (table,) = [t for t in src.tables() if t.rule_style == "rect"]
    page = next(t for t in doc["tables"] if t["id"] == table.id)["pages"][0]
    with pdfplumber.open(GENERATED / "pdf" / f"{RL_RECT_DOC}.pdf") as pdf:
        p = pdf.pages[page - 1]
        thin = [r for r in p.rects if r["fill"] and min(r["width"], r["height"]) <= 1.0]
        body_lines = [ln for ln in p.lines if 100 < ln["top"] < p.height - 100]
    assert len(thin) >= table.n_rows + 1 and not body_lines  # a rule under every row at least


# ------------------------------------------------------------------------------ producer html (Chromium)

HTML_DOC = "gen_html_07_shengtai_double"
"""An html document with a caption row, double border and a 专栏 between rules."""


def test_html_render_is_deterministic_and_matches_the_committed_pdf(tmp_path: Path) -> None:
    """Headless Chromium output with its dates dropped and a static /ID: the same source renders to the same
    bytes, and the committed PDF is what the source renders to today (after build.py's normalization)."""
    from samples.generated.build import make_deterministic
    from samples.produce_html import render

    src = load_source(GENERATED / "src" / f"{HTML_DOC}.yaml")
    render(src, tmp_path / "a.pdf")
    render(src, tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    make_deterministic(tmp_path / "a.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (GENERATED / "pdf" / f"{HTML_DOC}.pdf").read_bytes()


def test_html_caption_row_and_repeated_header_are_printed() -> None:
    """The caption row of a `caption_row` table is printed in the table and repeated with its header on the
    continuation page (thead), while the truth keeps it out of the grid."""
    _src, doc = _load(HTML_DOC)
    (table,) = doc["tables"]
    assert table["pages"] == [1, 2] and table["n_rows"] == 9
    text = document_texts(HTML_DOC)[0]
    assert text.count(compact(table["title"])) == 2
