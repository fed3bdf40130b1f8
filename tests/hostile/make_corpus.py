"""Make the hostile corpus: PDFs (and non-PDFs) that break parsers, each with the outcome it must get.

``python tests/hostile/make_corpus.py OUTDIR [--big]`` writes the files; :data:`CASES` says what each one must
give.  Everything is generated (pikepdf, zlib), in well under a second without ``--big``; ``--big`` adds the
2,000-page document and the decompression bomb (a few seconds).  Good documents are a copy of a bundled
sample and small text pages in a standard font.
"""

from __future__ import annotations

import argparse
import shutil
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pikepdf

REPO = Path(__file__).resolve().parents[2]
GOOD_SAMPLE = REPO / "samples" / "pdf" / "stress_continued_table.pdf"
KNOWN_PASSWORD = "known-pw"
UNKNOWN_PASSWORD = "nobody-knows-this"
DEFAULT_SEGMENTS = 100_000
DEFAULT_LONG_PAGES = 2_000
DEFAULT_BOMB_MB = 4_096
"""Decompressed size of the bomb's content stream (its file is about 1/1000 of it)."""
A4 = (595, 842)


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    status: str
    code: str | None
    seconds: float
    """Time limit for this file alone (the batch runs with a larger --timeout; see the test)."""
    big: bool = False


CASES: tuple[Case, ...] = (
    Case("good_sample.pdf", "ok", None, 30),
    Case("good_text.pdf", "ok", None, 30),
    Case("not_a_pdf.pdf", "failed", "not_pdf", 5),
    Case("empty.pdf", "failed", "not_pdf", 5),
    Case("truncated.pdf", "failed", "corrupt", 10),
    Case("broken_xref.pdf", "ok", None, 30),
    Case("encrypted_known_password.pdf", "ok", None, 30),
    Case("encrypted_unknown_password.pdf", "failed", "encrypted", 5),
    Case("zero_mediabox.pdf", "ok", None, 10),
    Case("rotated_pages.pdf", "ok", None, 30),
    Case("image_only.pdf", "failed", "no_text", 10),
    Case("many_segments.pdf", "ok", None, 60),
    Case("bomb.pdf", "failed", "too_large", 60, big=True),
    Case("pages_2000.pdf", "ok", None, 120, big=True),
)


# ------------------------------------------------------------------------------------------------ pages


def text_stream(lines: list[str], size: int = 12, x: int = 72, top: int = 770) -> bytes:
    """A content stream writing ``lines`` in Helvetica, one below the other."""
    ops = [f"BT /F1 {size} Tf {size + 6} TL {x} {top} Td".encode()]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*".encode())
    ops.append(b"ET")
    return b"\n".join(ops)


def helvetica(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
        )
    )
    return pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))


def add_page(
    pdf: pikepdf.Pdf,
    content: bytes,
    resources: pikepdf.Dictionary,
    box: tuple[float, float, float, float] = (0, 0, *A4),
    rotate: int = 0,
) -> None:
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=pikepdf.Array(list(box)),
        Resources=resources,
        Contents=pdf.make_stream(content),
    )
    if rotate:
        page.Rotate = rotate
    pdf.pages.append(pikepdf.Page(page))


def notice_lines(n: int) -> list[str]:
    return [f"Notice page {n}", "1. Work tasks", f"Item {n}: finish the review before 2025-06-30."]


def text_pdf(pages: int) -> pikepdf.Pdf:
    pdf = pikepdf.new()
    res = helvetica(pdf)
    for n in range(1, pages + 1):
        add_page(pdf, text_stream(notice_lines(n)), res)
    return pdf


# ------------------------------------------------------------------------------------------------ cases


def make_good_text(path: Path) -> None:
    text_pdf(3).save(path)


def make_truncated(path: Path) -> None:
    """The first 20% of a sample: the page tree, the catalogue and the xref are all missing."""
    data = GOOD_SAMPLE.read_bytes()
    path.write_bytes(data[: len(data) // 5])


def make_broken_xref(path: Path) -> None:
    """A readable file whose xref offsets and startxref are wrong (readers must rebuild the table)."""
    data = bytearray(GOOD_SAMPLE.read_bytes())
    xref = data.rfind(b"\nxref")
    if xref >= 0:  # shift every offset digit of the table; keep the length so the layout stays plausible
        end = data.find(b"trailer", xref)
        table = bytes(data[xref:end]).replace(b"0000", b"0009")
        data[xref:end] = table
    start = data.rfind(b"startxref")
    tail = data[start:].split(b"\n")
    tail[1] = b"999999"
    path.write_bytes(bytes(data[:start]) + b"\n".join(tail))


def make_encrypted(path: Path, password: str) -> None:
    with pikepdf.open(GOOD_SAMPLE) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user=password, owner=password + "-owner", R=4))


def make_zero_mediabox(path: Path) -> None:
    pdf = pikepdf.new()
    add_page(pdf, text_stream(notice_lines(1)), helvetica(pdf), box=(0, 0, 0, 0))
    pdf.save(path)


def make_rotated(path: Path) -> None:
    pdf = pikepdf.new()
    res = helvetica(pdf)
    for n, rotate in enumerate((0, 90, 180, 270), start=1):
        add_page(pdf, text_stream(notice_lines(n)), res, rotate=rotate)
    pdf.save(path)


def make_image_only(path: Path) -> None:
    """One page holding only a grey 200×100 image (what a scanner makes, without OCR)."""
    pdf = pikepdf.new()
    pixels = bytes((x * 7 + y * 3) % 256 for y in range(100) for x in range(200))
    image = pdf.make_stream(
        zlib.compress(pixels), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=200, Height=100,
        ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8, Filter=pikepdf.Name.FlateDecode,
    )  # fmt: skip
    res = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im1=image))
    add_page(pdf, b"q 400 0 0 200 97 500 cm /Im1 Do Q", res)
    pdf.save(path)


def make_many_segments(path: Path, segments: int = DEFAULT_SEGMENTS) -> None:
    """One page of text plus ``segments`` tiny strokes (a hatched drawing), then a normal page."""
    ops = [b"0.1 w"]
    for i in range(segments):
        x, y = 50 + (i % 500) * 1.0, 100 + (i // 500) * 2.5
        ops.append(f"{x:.1f} {y:.1f} m {x + 0.5:.1f} {y + 0.5:.1f} l S".encode())
    pdf = pikepdf.new()
    res = helvetica(pdf)
    add_page(pdf, text_stream(notice_lines(1)) + b"\n" + b"\n".join(ops), res)
    add_page(pdf, text_stream(notice_lines(2)), res)
    pdf.save(path)


def make_long(path: Path, pages: int = DEFAULT_LONG_PAGES) -> None:
    text_pdf(pages).save(path)


def zeros_flate(megabytes: int) -> bytes:
    """A zlib stream of ``megabytes`` MiB of zeros, built from one compressed MiB repeated (fast to make)."""
    mib = 1 << 20
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: the zlib header and checksum are added here
    first = comp.compress(bytes(mib)) + comp.flush(zlib.Z_FULL_FLUSH)  # byte-aligned, history reset
    again = comp.compress(bytes(mib)) + comp.flush(zlib.Z_FULL_FLUSH)  # the same bytes would do every MiB
    body = first + again * (megabytes - 1)
    adler = (((megabytes * mib) % 65521) << 16) | 1  # adler32 of n zero bytes: a = 1, b = n mod 65521
    return b"\x78\xda" + body + b"\x03\x00" + struct.pack(">I", adler)


def make_bomb(path: Path, megabytes: int = DEFAULT_BOMB_MB) -> None:
    """A page whose content stream inflates from a few MB to ``megabytes`` MiB."""
    pdf = pikepdf.new()
    res = helvetica(pdf)
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=pikepdf.Array([0, 0, *A4]), Resources=res,
        Contents=pikepdf.Stream(pdf, zeros_flate(megabytes)),
    )  # fmt: skip
    page.Contents.Filter = pikepdf.Name.FlateDecode
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(path, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)


def makers(big: bool) -> dict[str, Callable[[Path], None]]:
    small: dict[str, Callable[[Path], None]] = {
        "good_sample.pdf": lambda p: shutil.copyfile(GOOD_SAMPLE, p),
        "good_text.pdf": make_good_text,
        "not_a_pdf.pdf": lambda p: p.write_text("这不是 PDF 文件，是一段文字。\n", encoding="utf-8"),
        "empty.pdf": lambda p: p.write_bytes(b""),
        "truncated.pdf": make_truncated,
        "broken_xref.pdf": make_broken_xref,
        "encrypted_known_password.pdf": lambda p: make_encrypted(p, KNOWN_PASSWORD),
        "encrypted_unknown_password.pdf": lambda p: make_encrypted(p, UNKNOWN_PASSWORD),
        "zero_mediabox.pdf": make_zero_mediabox,
        "rotated_pages.pdf": make_rotated,
        "image_only.pdf": make_image_only,
        "many_segments.pdf": make_many_segments,
    }
    if big:
        small |= {"bomb.pdf": make_bomb, "pages_2000.pdf": make_long}
    return small


def make_corpus(folder: Path, big: bool = False) -> list[Case]:
    """Write the corpus into ``folder``; the cases written, in :data:`CASES` order."""
    folder.mkdir(parents=True, exist_ok=True)
    todo = makers(big)
    for name, make in todo.items():
        make(folder / name)
    return [c for c in CASES if c.name in todo]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--big", action="store_true", help="also the 2,000-page document and the bomb")
    args = parser.parse_args()
    for case in make_corpus(args.outdir, args.big):
        print(f"{case.name}: expect {case.status} {case.code or ''}".rstrip())


if __name__ == "__main__":
    main()
