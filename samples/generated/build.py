"""Build the generated corpus: ``samples/generated/src/<doc_id>.yaml`` → ``pdf/<doc_id>.pdf`` → ``expected/``.

    python samples/generated/build.py [--only DOC_ID ...] [--producer docx|html|rl] [--no-expected]

Each source names its renderer with ``producer:`` (SOURCE_FORMAT.md, "Generated corpus keys"):

* ``docx`` – ``samples/build.py`` (python-docx → LibreOffice headless), all docx sources in one conversion;
* ``html`` – ``samples.produce_html.render(src, out_pdf)`` (headless Chromium print-to-PDF);
* ``rl``   – ``samples.produce_reportlab.render(src, out_pdf)`` (reportlab).

The html and rl modules are imported only when a source needs them, so a missing or broken renderer fails
its own documents (reported, exit status 1) and never the others.  Every PDF is then made deterministic
(creation/modification dates and XMP metadata dropped, a content-derived file /ID), and its expected
``document.json`` is written by ``samples/expected.py`` from the YAML, with pages located in the PDF.
The scanned and garbled twins are made afterwards by ``python samples/scan.py --generated``.
"""

from __future__ import annotations

import argparse
import importlib
import shutil
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pikepdf

_REPO = Path(__file__).resolve().parents[2]
if str(_REPO) not in sys.path:  # run as a script: make `samples.*` importable
    sys.path.insert(0, str(_REPO))

from samples import build as docx_build  # noqa: E402
from samples.build import Source, SourceError, load_source, sources_in  # noqa: E402

GENERATED = _REPO / "samples" / "generated"
SRC_DIR = GENERATED / "src"
PDF_DIR = GENERATED / "pdf"
EXPECTED_DIR = GENERATED / "expected"
PRODUCERS: dict[str, str] = {"html": "samples.produce_html", "rl": "samples.produce_reportlab"}
"""Producer → module exposing ``render(src, out_pdf)``; ``docx`` is built here in one LibreOffice run."""
ALL_PRODUCERS = ("docx", *PRODUCERS)

Renderer = Callable[[Source, Path], None]


def select(paths: Sequence[Path], producer: str | None) -> list[tuple[Path, Source]]:
    """Parse the sources and keep those of ``producer`` (all when None); an unknown producer is an error."""
    out = []
    for path in paths:
        src = load_source(path)
        if src.producer not in ALL_PRODUCERS:
            raise SourceError(f"{path}: producer must be one of {ALL_PRODUCERS}, not {src.producer!r}")
        if src.doc_id != path.stem:
            raise SourceError(f"{path}: doc_id {src.doc_id!r} differs from the file name")
        if producer is None or src.producer == producer:
            out.append((path, src))
    return out


def renderer(producer: str) -> Renderer:
    """The ``render`` function of a non-docx producer, imported on first use."""
    module = importlib.import_module(PRODUCERS[producer])
    return module.render  # type: ignore[no-any-return]


def make_deterministic(pdf: Path) -> None:
    """Drop the dates and XMP packet a producer stamps into a PDF and derive /ID from the content."""
    with pikepdf.open(pdf, allow_overwriting_input=True) as doc:
        info = doc.trailer.get("/Info")
        if info is not None:
            for key in ("/CreationDate", "/ModDate"):
                if key in info:
                    del info[key]
        if "/Metadata" in doc.Root:
            del doc.Root["/Metadata"]
        for key in ("/ID", "/DocChecksum"):  # LibreOffice's: random, and a digest of the dated file
            if key in doc.trailer:
                del doc.trailer[key]
        doc.save(pdf, deterministic_id=True)


def render_docx_sources(paths: Sequence[Path], out_dir: Path, docx_dir: Path | None) -> list[Path]:
    """One LibreOffice run per document: within one run the font subset tags count on from the previous
    document, so a PDF's bytes would depend on which other documents were built with it."""
    return [pdf for path in paths for pdf in docx_build.build([path], out_dir, docx_dir)]


def render_others(jobs: Sequence[tuple[Path, Source]], out_dir: Path) -> tuple[list[Path], list[str]]:
    """Render html/rl sources one by one; returns (PDFs written, error lines)."""
    done: list[Path] = []
    errors: list[str] = []
    for path, src in jobs:
        target = out_dir / f"{src.doc_id}.pdf"
        try:
            with tempfile.TemporaryDirectory(prefix="gen-") as tmp:
                scratch = Path(tmp) / target.name
                renderer(src.producer)(src, scratch)
                out_dir.mkdir(parents=True, exist_ok=True)
                shutil.copy2(scratch, target)
            done.append(target)
        except Exception as exc:  # one renderer's failure must not stop the others
            errors.append(f"{path.name} ({src.producer}): {type(exc).__name__}: {exc}")
    return done, errors


def write_all_expected(paths: Sequence[Path], pdf_dir: Path, out_dir: Path) -> list[str]:
    from samples import expected  # local: expected imports samples.build

    errors = []
    for path in paths:
        try:
            print(f"wrote {expected.write_expected(path, pdf_dir, out_dir)}")
        except (SourceError, expected.LocateError) as exc:
            errors.append(f"{path.name}: {exc}")
    return errors


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="Render the generated corpus and write its expected outputs.")
    ap.add_argument("--only", nargs="+", default=[], metavar="DOC_ID", help="build only these doc_ids")
    ap.add_argument("--producer", choices=ALL_PRODUCERS, default=None, help="build only this producer's")
    ap.add_argument("--src", type=Path, default=SRC_DIR)
    ap.add_argument("--out", type=Path, default=PDF_DIR, help="folder for <doc_id>.pdf")
    ap.add_argument("--expected-out", type=Path, default=EXPECTED_DIR, help="folder of <doc_id>/")
    ap.add_argument("--no-expected", action="store_true", help="render only")
    ap.add_argument("--keep-docx", type=Path, default=None, metavar="DIR", help="also keep the .docx here")
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    try:
        jobs = select(sources_in(args.src, args.only), args.producer)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not jobs:
        print(f"no sources to build in {args.src}", file=sys.stderr)
        return 2
    docx_paths = [p for p, s in jobs if s.producer == "docx"]
    pdfs = render_docx_sources(docx_paths, args.out, args.keep_docx)
    others, errors = render_others([(p, s) for p, s in jobs if s.producer != "docx"], args.out)
    for pdf in [*pdfs, *others]:
        make_deterministic(pdf)
        print(f"wrote {pdf}")
    if not args.no_expected:
        built = {p.stem for p in [*pdfs, *others]}
        errors += write_all_expected([p for p, _ in jobs if p.stem in built], args.out, args.expected_out)
    for line in errors:
        print(f"error: {line}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
