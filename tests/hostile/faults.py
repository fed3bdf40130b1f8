"""Small builders for the fault tests: a PDF whose text layer gives lone surrogates, a process function
that deletes its input."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from policy_extract.core.model import Document


def pdf_with_cids(hex_text: str) -> bytes:
    """One page whose Type0 font maps glyph ids to Unicode by ``/ToUnicode /Identity-H`` (glyph id = code
    point), so pdfminer returns ``chr(cid)`` — a lone surrogate for ``D800``."""
    content = f"BT /F1 24 Tf 72 700 Td <{hex_text}> Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /ToUnicode /Identity-H "
        b"/DescendantFonts [5 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


DELETE_MARK = ".delete-me"


def deleting_process(path: str, **kwargs: Any) -> Document:
    """``process_pdf``, after deleting the input when a ``<path>.delete-me`` marker sits beside it (an input
    that vanishes between the parent's hash and the worker's read)."""
    from policy_extract import pipeline

    mark = Path(path + DELETE_MARK)
    if mark.exists():
        mark.unlink()
        Path(path).unlink()
    return pipeline.process_pdf(path, **kwargs)


def crashing_process(path: str, **kwargs: Any) -> Document:
    """A bug with a long, multi-line message (a native library's dump)."""
    raise ValueError("line one of a native dump\n" + "  frame 0x7f00\n" * 200)


FILL_MARK = ".fill-disk"
"""Beside an input: holds the path of a file to grow until its disk is full."""


def filling_process(path: str, **kwargs: Any) -> Document:
    """``process_pdf``, after filling the output's disk to the last byte when a ``<path>.fill-disk`` marker
    names a file there: the document's own folder then finds no room (its disk filled by it, or by anything
    else, while the batch ran)."""
    import errno

    from policy_extract import pipeline

    mark = Path(path + FILL_MARK)
    if mark.exists():
        filler = Path(mark.read_text("utf-8"))
        mark.unlink()
        with filler.open("ab") as fh:
            for size in (65_536, 4_096, 512, 1):  # down to the last byte
                try:
                    while True:
                        fh.write(b"\0" * size)
                        fh.flush()
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
    return pipeline.process_pdf(path, **kwargs)
