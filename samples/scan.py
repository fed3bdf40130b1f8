"""Scanned and garbled twins of clean samples, for the OCR path (issue 6).

    python samples/scan.py                  # every twin below; --only scan_stress_joint_issuers for one
    python samples/scan.py --generated      # the twins of the generated corpus (samples/generated/)

* ``scan_<id>.pdf``: each page of ``<id>.pdf`` rendered at 200 dpi, rotated by 0.3–1° (as a page fed
  crookedly), speckled with noise, JPEG-compressed, and wrapped as an image-only PDF of the same page size —
  what an office scanner makes of a printed notice.
* ``scan_seal_<id>.pdf``: a scanned twin whose 落款 (the issuer names and date of the source's ``signature``)
  is stamped with a red round seal first (:func:`stamp_seal`: ring, star, the issuer's name around the top,
  uneven ink, multiplied over the page so black stays black), as GB/T 9704 places it: centred on the 落款,
  which sits in the seal's lower half.
* ``garbled_<id>.pdf``: ``<id>.pdf`` with ``/ToUnicode`` removed from every font, so its text layer reads as
  glyph codes (mojibake) although the page looks right — what some publishing tools emit.

Both get ``samples/expected/<name>/document.json``: the clean twin's expected output with the ``source``
fields of the new file (``text_layer: "ocr"`` for a scan, ``"decoded"`` for a garbled twin, whose glyphs are
recognised in place), since reading them must give the same document.
Deterministic: the same inputs give byte-identical files (seeded noise and angles, no dates in the PDFs).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pikepdf
import pypdfium2 as pdfium
from PIL import Image

ROOT = Path(__file__).resolve().parent
PDF_DIR = ROOT / "pdf"
EXPECTED_DIR = ROOT / "expected"

DEFAULT_DPI = 200
DEFAULT_JPEG_QUALITY = 70
DEFAULT_NOISE_SIGMA = 10.0
"""Standard deviation of the grey-level noise added to every pixel (0–255 scale)."""
DEFAULT_SPECKLES = 0.0005
"""Share of pixels turned into black or white specks (dust on the scanner glass)."""
DEFAULT_ANGLE_RANGE = (0.3, 1.0)

SCANNED = ("stress_joint_issuers", "stress_continued_table")
GARBLED = ("stress_continued_table",)

GENERATED_DIR = ROOT / "generated"
"""Twins of generated documents, written next to them (samples/generated/pdf, samples/generated/expected)."""
GENERATED_SCANNED = ("gen_docx_nongye_joint", "gen_docx_jiaoyu_header", "gen_rl_15_rencai_flowchart")
GENERATED_TASK_TABLES = ("gen_html_05_yingshang_dutytable", "gen_docx_shuzi_landscape")
"""More scanned twins (``scan_<id>``) of annex task tables over a page break, with merged cells, justified
narrow cells and their hanging 、）: the HTML producer's (merged 重点领域 and 完成时限, header repeated) and
the docx producer's landscape annex (merged 重点任务, header not repeated); ``gen_docx_jiaoyu_header`` is
the first (caption row, header repeated, a row cut by the break). Both sources read at 1.000."""
GENERATED_MARKS = ("gen_rl_11_elderly_requirements", "gen_rl_03_edu_joint", "gen_html_03_jiaoyu_sidebar")
"""Scanned twins of notices whose 专栏 items are numbered ``1．`` (the rl producer's face draws the full-width
stop at mid height, which OCR reads as ``·``), whose 文号 prints 〔〕 (read as ``[ ]``, ``【 】``, mixed) and
whose lines end in a 、 or 。 past the detector's box: ``extract.ocr`` corrects these marks by their grammar
(``fix_forms``) and reads the cut closing mark (``fill_gaps``), giving the clean twin's document.  The twin of
``gen_rl_03_edu_joint`` (its cited 浙政办发〔2021〕58号 read ``[2021】``) has a 、 hanging on its task table's
cell rule, its tip on the rule (read since only the rule's own columns are whitened:
``image_tables.rule_left``); the twin of ``gen_html_03_jiaoyu_sidebar`` has bold run-in headings whose 。 the
face prints as a ring at mid height (read ``·``: ``ocr.ring_under``) and bracketed owners wrapped over two
lines (``)`` read alone on the second)."""
GENERATED_GARBLED = ("gen_docx_yiliao_lines",)
GENERATED_SEALED = ("gen_docx_nongye_joint", "gen_rl_meta_zhaobiaobianhao")
"""Scanned twins with a red seal over the 落款 (``scan_seal_<id>``): two joint issuers stacked under a red
版头 (its red title must still be read), and one issuer with no 版头 (the issuer is read from the 落款 alone).
Each is the scan ``scan_<id>`` would be (the same tilt, noise and JPEG) with the seal pressed on before
scanning, so the seal is the only difference; both sources' plain scans read at 1.000."""
SEAL_DIAMETER_MM = 42.0
"""An official seal's diameter (the 4.2 cm round seal of government organs)."""
SEAL_RGB = (214, 38, 46)
"""Seal ink (stamp-pad red)."""
SEAL_ARC = 240.0
"""Degrees of the seal's edge its name runs along, over the top (a round seal spaces any name so)."""
SEAL_RAISE = 0.08
"""The seal's centre lies this share of its diameter above the middle of the 落款."""
SEAL_FONT = "/usr/share/fonts/truetype/arphic/uming.ttc"
"""The seal's characters (AR PL UMing, the 仿宋/宋体 face of the docx and rl producers)."""


@dataclass(frozen=True, slots=True)
class ScanSettings:
    dpi: int = DEFAULT_DPI
    jpeg_quality: int = DEFAULT_JPEG_QUALITY
    noise_sigma: float = DEFAULT_NOISE_SIGMA
    speckles: float = DEFAULT_SPECKLES
    angle_range: tuple[float, float] = DEFAULT_ANGLE_RANGE

    def __post_init__(self) -> None:
        if not 72 <= self.dpi <= 600:
            raise ValueError(f"ScanSettings.dpi must be in [72, 600], got {self.dpi}")
        if not 1 <= self.jpeg_quality <= 95:
            raise ValueError(f"ScanSettings.jpeg_quality must be in [1, 95], got {self.jpeg_quality}")
        if self.noise_sigma < 0 or not 0 <= self.speckles < 0.1:
            raise ValueError("ScanSettings.noise_sigma must be ≥ 0 and speckles in [0, 0.1)")
        lo, hi = self.angle_range
        if not 0 <= lo <= hi <= 5:
            raise ValueError(f"ScanSettings.angle_range must satisfy 0 ≤ lo ≤ hi ≤ 5, got {self.angle_range}")


def seeded_rng(name: str, page: int) -> random.Random:
    """One random stream per file and page, so a rebuild gives the same bytes."""
    return random.Random(int.from_bytes(hashlib.sha256(f"{name}:{page}".encode()).digest()[:8], "big"))


def scanned_page(image: Image.Image, rng: random.Random, settings: ScanSettings) -> bytes:
    """JPEG bytes of one page as a scanner gives it: slightly rotated, noisy, lossy."""
    angle = rng.uniform(*settings.angle_range) * rng.choice((-1, 1))
    rotated = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=(255, 255, 255))
    pixels = np.asarray(rotated, dtype=np.float32)
    noise = np.random.default_rng(rng.getrandbits(32))
    pixels = pixels + noise.normal(0.0, settings.noise_sigma, pixels.shape[:2])[..., None]
    specks = noise.random(pixels.shape[:2])
    pixels[specks < settings.speckles / 2] = 0
    pixels[specks > 1 - settings.speckles / 2] = 255
    out = io.BytesIO()
    Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).save(out, "JPEG", quality=settings.jpeg_quality)
    return out.getvalue()


def image_page(pdf: pikepdf.Pdf, jpeg: bytes, size_px: tuple[int, int], size_pt: tuple[float, float]) -> None:
    """Append a page showing one JPEG over the whole page (no text layer)."""
    width_pt, height_pt = size_pt
    image = pikepdf.Stream(pdf, jpeg)
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height = size_px
    image.ColorSpace, image.BitsPerComponent = pikepdf.Name.DeviceRGB, 8
    image.Filter = pikepdf.Name.DCTDecode
    content = f"q {width_pt:.4f} 0 0 {height_pt:.4f} 0 0 cm /Im0 Do Q".encode()
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, width_pt, height_pt],
        Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image)),
        Contents=pikepdf.Stream(pdf, content),
    )
    pdf.pages.append(pikepdf.Page(page))


def make_scanned(doc_id: str, settings: ScanSettings, pdf_dir: Path = PDF_DIR) -> Path:
    name = f"scan_{doc_id}"
    source = pdfium.PdfDocument(str(pdf_dir / f"{doc_id}.pdf"))
    out = pikepdf.new()
    for index in range(len(source)):
        page = source[index]
        image = page.render(scale=settings.dpi / 72).to_pil().convert("RGB")
        jpeg = scanned_page(image, seeded_rng(name, index), settings)
        image_page(out, jpeg, image.size, (page.get_width(), page.get_height()))
    source.close()
    path = pdf_dir / f"{name}.pdf"
    out.save(path, deterministic_id=True)
    return path


Box = tuple[float, float, float, float]


def signature_box(doc: pdfium.PdfDocument, strings: list[str]) -> tuple[int, Box]:
    """The last page printing all ``strings`` (the 落款 lines in order, blanks ignored) and the box of their
    last occurrences there, each before the next, ``(x0, top, x1, bottom)`` in points from the page's top
    left."""
    for index in range(len(doc) - 1, -1, -1):
        page = doc[index]
        text = page.get_textpage()
        chars = [(text.get_text_range(i, 1), i) for i in range(text.count_chars())]
        kept = [(c, i) for c, i in chars if c.strip()]
        joined = "".join(c for c, _ in kept)
        end, found = len(joined), []
        for string in reversed(strings):  # the date, then each issuer above it (not the 版记's office)
            end = joined.rfind(string.replace(" ", ""), 0, end)
            found.insert(0, end)
        if min(found) >= 0:
            boxes = [text.get_charbox(kept[at + k][1]) for at, s in zip(found, strings, strict=True)
                     for k in range(len(s.replace(" ", "")))]
            height = page.get_height()
            return index, (min(b[0] for b in boxes), height - max(b[3] for b in boxes),
                           max(b[2] for b in boxes), height - min(b[1] for b in boxes))
    raise SystemExit(f"no page prints the 落款 {strings}")


def seal_ink(name: str, diameter: int, rng: random.Random) -> Image.Image:
    """Ink density (mode ``L``, 255 = full) of a round seal: a ring, a five-pointed star in the middle and
    ``name`` around the top, unevenly inked (a stamp never prints solid)."""
    from PIL import ImageDraw, ImageFilter, ImageFont

    ink = Image.new("L", (diameter, diameter), 0)
    draw = ImageDraw.Draw(ink)
    ring = max(3, diameter // 30)
    draw.ellipse((ring // 2, ring // 2, diameter - ring // 2, diameter - ring // 2), outline=255, width=ring)
    centre, radius = diameter / 2, diameter / 2
    star = [(centre + radius * (0.3 if k % 2 == 0 else 0.115) * math.sin(k * math.pi / 5),
             centre - radius * (0.3 if k % 2 == 0 else 0.115) * math.cos(k * math.pi / 5)) for k in range(10)]
    draw.polygon(star, fill=255)
    spread = math.radians(SEAL_ARC)
    size = int(min(radius * 0.32, 0.95 * (radius - ring - radius * 0.2) * spread / len(name)))
    font = ImageFont.truetype(SEAL_FONT, size)
    for k, ch in enumerate(name):
        angle = -spread / 2 + spread * (k + 0.5) / len(name)
        glyph = Image.new("L", (size * 2, size * 2), 0)
        ImageDraw.Draw(glyph).text((size, size), ch, fill=255, font=font, anchor="mm", stroke_width=2)
        glyph = glyph.rotate(-math.degrees(angle), resample=Image.Resampling.BICUBIC)
        reach = radius - ring - size * 0.62
        x, y = centre + reach * math.sin(angle), centre - reach * math.cos(angle)
        ink.paste(255, (int(x - size), int(y - size)), glyph)
    noise = np.random.default_rng(rng.getrandbits(32)).random((diameter // 8 + 1, diameter // 8 + 1))
    patchy = Image.fromarray((noise * 255).astype(np.uint8)).resize((diameter, diameter),
                                                                    Image.Resampling.BICUBIC)
    strength = 0.8 + 0.2 * np.asarray(patchy.filter(ImageFilter.GaussianBlur(2)), dtype=np.float32) / 255
    return Image.fromarray((np.asarray(ink, dtype=np.float32) * strength).astype(np.uint8))


def stamp_seal(image: Image.Image, box_px: Box, name: str, rng: random.Random, dpi: int) -> Image.Image:
    """The page image with a red seal pressed over the 落款 box (pixels): centred across it, its centre
    ``SEAL_RAISE`` of a diameter above the 落款's middle (GB/T 9704: the 落款 just below the seal's centre);
    the ink multiplies the page (black under it stays black)."""
    diameter = round(SEAL_DIAMETER_MM / 25.4 * dpi)
    ink = np.asarray(seal_ink(name, diameter, rng), dtype=np.float32) / 255
    x0, top, x1, bottom = box_px
    cx, cy = (x0 + x1) / 2, (top + bottom) / 2 - diameter * SEAL_RAISE
    left, upper = round(cx - diameter / 2), round(cy - diameter / 2)
    pixels = np.asarray(image, dtype=np.float32).copy()
    region = pixels[upper : upper + diameter, left : left + diameter]
    ink = ink[: region.shape[0], : region.shape[1], None]
    region *= 1 - ink * (1 - np.asarray(SEAL_RGB, dtype=np.float32) / 255)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def make_sealed(doc_id: str, settings: ScanSettings, pdf_dir: Path, src_dir: Path) -> Path:
    """``scan_seal_<id>.pdf``: the scanned twin (:func:`make_scanned`, its own tilt and noise) with a red seal
    over the 落款 of the source's ``signature`` (the first issuer's name on the seal)."""
    import yaml

    signature = yaml.safe_load((src_dir / f"{doc_id}.yaml").read_text(encoding="utf-8"))["signature"]
    name = f"scan_seal_{doc_id}"
    source = pdfium.PdfDocument(str(pdf_dir / f"{doc_id}.pdf"))
    sealed, box = signature_box(source, [*signature["issuers"], str(signature["date"])])
    out = pikepdf.new()
    for index in range(len(source)):
        page = source[index]
        scale = settings.dpi / 72
        image = page.render(scale=scale).to_pil().convert("RGB")
        if index == sealed:
            box_px = (box[0] * scale, box[1] * scale, box[2] * scale, box[3] * scale)
            image = stamp_seal(image, box_px, signature["issuers"][0], seeded_rng(name, index), settings.dpi)
        jpeg = scanned_page(image, seeded_rng(f"scan_{doc_id}", index), settings)
        image_page(out, jpeg, image.size, (page.get_width(), page.get_height()))
    source.close()
    path = pdf_dir / f"{name}.pdf"
    out.save(path, deterministic_id=True)
    return path


def strip_to_unicode(fonts: pikepdf.Object | None) -> int:
    """Remove /ToUnicode from every font of a /Font resource dictionary (and Type0 descendants)."""
    removed = 0
    for _, font in (fonts or {}).items():
        for f in [font, *font.get("/DescendantFonts", [])]:
            if "/ToUnicode" in f:
                del f["/ToUnicode"]
                removed += 1
    return removed


def make_garbled(doc_id: str, pdf_dir: Path = PDF_DIR) -> Path:
    name = f"garbled_{doc_id}"
    pdf = pikepdf.open(pdf_dir / f"{doc_id}.pdf")
    removed = 0
    for page in pdf.pages:
        removed += strip_to_unicode(page.Resources.get("/Font"))
        for _, xobj in (page.Resources.get("/XObject") or {}).items():
            if xobj.get("/Subtype") == "/Form" and "/Resources" in xobj:
                removed += strip_to_unicode(xobj.Resources.get("/Font"))
    if not removed:
        raise SystemExit(f"{doc_id}: no font has a /ToUnicode map to remove")
    path = pdf_dir / f"{name}.pdf"
    pdf.save(path, deterministic_id=True)
    return path


def write_expected(doc_id: str, path: Path, expected_dir: Path = EXPECTED_DIR) -> None:
    """The clean twin's expected output, with the new file's source facts."""
    doc = json.loads((expected_dir / doc_id / "document.json").read_text(encoding="utf-8"))
    data = path.read_bytes()
    layer = "decoded" if path.stem.startswith("garbled_") else "ocr"
    doc["source"].update(file=path.name, sha256=hashlib.sha256(data).hexdigest(), text_layer=layer)
    target = expected_dir / path.stem / "document.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", help="one output name, e.g. scan_stress_joint_issuers")
    ap.add_argument("--generated", action="store_true", help="twins of samples/generated/")
    args = ap.parse_args(argv)
    settings = ScanSettings()
    scanned, garbled = (GENERATED_SCANNED, GENERATED_GARBLED) if args.generated else (SCANNED, GARBLED)
    pdf_dir = GENERATED_DIR / "pdf" if args.generated else PDF_DIR
    expected_dir = GENERATED_DIR / "expected" if args.generated else EXPECTED_DIR
    if args.generated:
        scanned = (*scanned, *GENERATED_TASK_TABLES, *GENERATED_MARKS)
    jobs = [(f"scan_{d}", d, lambda d=d: make_scanned(d, settings, pdf_dir)) for d in scanned]
    jobs += [(f"garbled_{d}", d, lambda d=d: make_garbled(d, pdf_dir)) for d in garbled]
    if args.generated:
        src_dir = GENERATED_DIR / "src"
        jobs += [(f"scan_seal_{d}", d, lambda d=d: make_sealed(d, settings, pdf_dir, src_dir))
                 for d in GENERATED_SEALED]
    for name, doc_id, build in jobs:
        if args.only and args.only != name:
            continue
        path = build()
        write_expected(doc_id, path, expected_dir)
        print(f"{path.relative_to(ROOT.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
