"""Black text under a red seal (公章), read from the page's red channel.

Chinese notices are stamped with a red round seal over their 落款 (issuer and date). Read in colour, the
seal's ring, star and characters fall among the black glyphs and the recogniser reads a mixture
(``农业农村部办公厅`` as ``业农村部办``, ``2025年1月23日`` as ``202办公厅`` + ``23``). In the red channel
alone red ink is as bright as the paper while black ink stays dark, so the seal vanishes and the text under it
is read clean (``农业农村部办公厅`` 0.99, ``2025年1月23日`` 1.00 on that page). Whiting out the red pixels
instead leaves holes in the black glyphs wherever the seal's ink covers them (``2225年1月22日``).

The rule (:func:`read_under_seals`): on a page holding saturated red ink (:func:`red_ink`: red bright, green
and blue well below it), each red region that lies over black ink (dark in the red channel) is read again
from the red channel, in a band of the page's full width holding the region and the lines it touches. A line
of that reading replaces the page's readings of the same text line when its box holds both red ink and black
text (:func:`is_stamped`) and it has at least as many characters as those readings hold over black ink — never
an empty or shorter reading. A line of red text centred in such a region, when it is round, is the seal's own
inscription and is dropped (:func:`is_inscription`). Red text that is content (a red 版头 ``XX人民政府文件``,
red notes beside a chart) has no black ink: it is never replaced, and it vanishes from the red-channel reading
anyway; it lies over no black text, so no region is made of it. A page without red costs one vectorised test
over every second pixel (:func:`has_red`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

import numpy as np

from policy_extract.core.geometry import contains

DEFAULT_RED_MIN = 140
"""A red ink pixel is at least this bright in the red channel (the grey level below which OCR counts ink):
it vanishes from the red-channel image. Seals and red type scan at 200-255."""
DEFAULT_RED_SATURATION = 60
"""…and its red exceeds both green and blue by at least this (0-255): saturated red, not grey paper, black
ink or blue type (black text on the scanned pages: 0 at the 99.9th percentile; seal ink 140-225)."""
DEFAULT_PROBE_STEP = 2
"""The test for red on a page looks at every this-many-th pixel row and column."""
DEFAULT_PROBE_MIN_PX = 100
"""…and finds red when at least this many of those pixels are red ink (a seal holds thousands; a red rule
under a 版头 hundreds)."""
DEFAULT_JOIN_PX = 15
"""Red ink this close (px, at 200 dpi about 2 mm) is one region: a seal's ring, star and characters."""
DEFAULT_STAMPED_RED = 0.01
"""A text line is stamped when at least this share of its box is red ink (a seal over a 落款 line: 12-21%;
a line the seal's ring only grazes less) …"""
DEFAULT_BLACK_SHARE = 0.02
"""…and at least this share of it is black ink, dark in the red channel (a black text line: 8-14% under a
seal, 10-20% elsewhere; a red 版头 or a red note: 0.000 on the scanned pages, JPEG fringes included)."""
DEFAULT_BAND_PAD = 12
"""Pixel rows kept above and below the lines a band holds (the detector needs paper around a line)."""
DEFAULT_ROW_OVERLAP = 0.5
"""Two readings are of one text line when their boxes overlap across and down by at least this share of the
lower one's height."""

DEFAULT_SEAL_ROUND = 0.6
"""A region of red ink is a seal when its box is at least this share as high as wide or as wide as high
(round seals 1.0, oval 财务专用章 about 0.67); its red text lines are the seal's inscription, not the
document's (a seal over the 落款 read ``县水`` above ``长沙县水利局``: issuer ``县水、长沙县水利局``)."""

DEFAULT_SEAL_MAX_MM = 60.0
"""…and at most this wide and high (an official seal is 40-50 mm across; the scanned pages' seals: 337-357
px at 200 dpi, 43-45 mm). A red-ruled table over black text is far larger: no seal, it keeps its rules."""
DEFAULT_DPI = 200.0
"""Resolution the pixel constants of this module are tuned at; they scale by ``dpi / DEFAULT_DPI``."""

Box = tuple[float, float, float, float]


class SealLine(Protocol):
    """What this module needs of a recognised line (``ocr.OcrLine``)."""

    text: str
    box: Box
    chars: list[tuple[str, Box]]


def red_ink(img: np.ndarray) -> np.ndarray:
    """Boolean mask of the saturated red pixels of an RGB image (:data:`DEFAULT_RED_MIN`,
    :data:`DEFAULT_RED_SATURATION`)."""
    import cv2

    red = np.ascontiguousarray(img[..., 0])
    other = np.ascontiguousarray(np.maximum(img[..., 1], img[..., 2]))
    return (red >= DEFAULT_RED_MIN) & (cv2.subtract(red, other) >= DEFAULT_RED_SATURATION)


def has_red(img: np.ndarray, dpi: float = DEFAULT_DPI) -> bool:
    """Whether an RGB page holds red ink (every :data:`DEFAULT_PROBE_STEP`-th pixel tested at once)."""
    if img.ndim != 3 or img.shape[2] < 3 or img.dtype != np.uint8:
        return False
    step = DEFAULT_PROBE_STEP
    least = max(1, round(DEFAULT_PROBE_MIN_PX * (dpi / DEFAULT_DPI) ** 2))  # an area: the square of the scale
    return int(np.count_nonzero(red_ink(img[::step, ::step]))) >= least


def black_share(img: np.ndarray, box: Box) -> float:
    """Share of the box that is black ink: dark in the red channel (red ink is not)."""
    patch = img[_rows(box, img), _cols(box, img), 0]
    return float(np.count_nonzero(patch < DEFAULT_RED_MIN)) / patch.size if patch.size else 0.0


def red_share(mask: np.ndarray, box: Box) -> float:
    """Share of the box that is red ink."""
    patch = mask[_rows(box, mask), _cols(box, mask)]
    return float(np.count_nonzero(patch)) / patch.size if patch.size else 0.0


def is_stamped(img: np.ndarray, mask: np.ndarray, box: Box) -> bool:
    """Whether a text line's box holds red ink over black text (not red text alone, not black text alone)."""
    return red_share(mask, box) >= DEFAULT_STAMPED_RED and black_share(img, box) >= DEFAULT_BLACK_SHARE


def red_components(mask: np.ndarray, dpi: float = DEFAULT_DPI) -> list[Box]:
    """Boxes of the regions of red ink (ink within :data:`DEFAULT_JOIN_PX` joined)."""
    import cv2

    join = px(DEFAULT_JOIN_PX, dpi)
    joined = cv2.dilate(mask.astype(np.uint8), np.ones((join, join), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    return [(float(x), float(y), float(x + w), float(y + h)) for x, y, w, h, _a in stats[1:count]]


def red_regions(img: np.ndarray, mask: np.ndarray, dpi: float = DEFAULT_DPI) -> list[Box]:
    """The regions of red ink (:func:`red_components`) that lie over black ink."""
    return [b for b in red_components(mask, dpi) if black_share(img, b) >= DEFAULT_BLACK_SHARE]


def seal_regions(img: np.ndarray, mask: np.ndarray, dpi: float = DEFAULT_DPI) -> list[Box]:
    """The regions of red ink over black ink that are a seal or lie inside one (its characters, its star).
    A seal is a region about as wide as high (:data:`DEFAULT_SEAL_ROUND`) and no larger than a seal
    (:data:`DEFAULT_SEAL_MAX_MM`). A table ruled in red over black text is one region far larger than a seal:
    its rules stay, its text is not read again from the red channel (where its rules vanish)."""
    largest = DEFAULT_SEAL_MAX_MM / 25.4 * dpi
    found = red_components(mask, dpi)
    rings = [r for r in found
             if _roundness(r) >= DEFAULT_SEAL_ROUND and max(r[2] - r[0], r[3] - r[1]) <= largest]
    return [b for b in found if black_share(img, b) >= DEFAULT_BLACK_SHARE
            and any(contains(r, b) for r in rings)]


def px(value: float, dpi: float) -> int:
    """A pixel length tuned at :data:`DEFAULT_DPI`, at ``dpi``."""
    return max(1, round(value * dpi / DEFAULT_DPI))


def bands(regions: Sequence[Box], lines: Sequence[SealLine], height: int,
          dpi: float = DEFAULT_DPI) -> list[tuple[int, int]]:
    """Pixel row ranges to read again: each region's rows grown to the whole boxes of the lines it touches,
    padded by :data:`DEFAULT_BAND_PAD`, overlapping ranges merged, top to bottom."""
    spans = []
    for region in regions:
        top, bottom = region[1], region[3]
        for line in lines:
            if _overlap(line.box, region, 0) > 0 and _overlap(line.box, region, 1) > 0:
                top, bottom = min(top, line.box[1]), max(bottom, line.box[3])
        pad = px(DEFAULT_BAND_PAD, dpi)
        spans.append((max(0, int(top) - pad), min(height, int(np.ceil(bottom)) + pad)))
    merged: list[tuple[int, int]] = []
    for top, bottom in sorted(spans):
        if merged and top <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
        else:
            merged.append((top, bottom))
    return merged


def red_channel(img: np.ndarray, top: int, bottom: int) -> np.ndarray:
    """Rows ``top:bottom`` of the page as the grey image of its red channel (three equal channels)."""
    return np.ascontiguousarray(np.repeat(img[top:bottom, :, :1], 3, axis=2))


def shifted(line: Any, dy: float) -> Any:
    """The line moved down by ``dy`` pixels (a band's reading in page pixels)."""
    box = (line.box[0], line.box[1] + dy, line.box[2], line.box[3] + dy)
    chars = [(c, (b[0], b[1] + dy, b[2], b[3] + dy)) for c, b in line.chars]
    return replace(line, box=box, chars=chars)


@dataclass(frozen=True, slots=True)
class Seals:
    """A page image's red ink (None on a page without red, :func:`has_red`) and its seals' regions."""

    mask: np.ndarray | None
    regions: list[Box]


def find_seals(img: np.ndarray, dpi: float = DEFAULT_DPI) -> Seals:
    """The seals of an RGB page image scanned at ``dpi``: worked out once per page, for the text read under
    them (:func:`read_under_seals`) and the rules found around them (``image_tables.without_seals``)."""
    if not has_red(img, dpi):
        return Seals(None, [])
    mask = red_ink(img)
    return Seals(mask, seal_regions(img, mask, dpi))


def read_under_seals(img: np.ndarray, lines: list[Any], read: Callable[[np.ndarray], list[Any]],
                     dpi: float = DEFAULT_DPI, seals: Seals | None = None) -> list[Any]:
    """The page's lines with each stamped black text line read from the red channel (module docstring);
    ``read`` reads the lines of an RGB image scanned at ``dpi``; ``seals``: :func:`find_seals` of the image,
    when the caller has them. Unchanged (the same list) on a page without a seal over text."""
    seals = seals or find_seals(img, dpi)
    mask, regions = seals.mask, seals.regions
    if mask is None:
        return lines
    out = [ln for ln in lines if not is_inscription(img, ln.box, regions)]
    for top, bottom in bands(regions, lines, img.shape[0], dpi):
        for line in (shifted(ln, top) for ln in read(red_channel(img, top, bottom))):
            if any(_overlap(line.box, r, 0) > 0 for r in regions) and is_stamped(img, mask, line.box):
                out = replaced(out, lines, line, img, mask)
    return out


def is_inscription(img: np.ndarray, box: Box, regions: Sequence[Box]) -> bool:
    """Whether a line is the seal's own inscription: red text (no black ink) centred inside a round region of
    red ink over black text (a seal over the 落款: as wide as high, :data:`DEFAULT_SEAL_ROUND`). A red 版头
    or a red note lies over no black text, and is far wider than high."""
    if not regions or black_share(img, box) >= DEFAULT_BLACK_SHARE:
        return False
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return any(r[0] <= cx <= r[2] and r[1] <= cy <= r[3] and _roundness(r) >= DEFAULT_SEAL_ROUND
               for r in regions)


def _roundness(box: Box) -> float:
    width, height = box[2] - box[0], box[3] - box[1]
    return min(width, height) / max(width, height, 1e-9)


def replaced(lines: list[Any], page: list[Any], new: Any, img: np.ndarray, mask: np.ndarray) -> list[Any]:
    """``lines`` with the black text readings of ``new``'s text line among the page's first readings
    (``page``; at least one of them stamped) replaced by ``new``, or ``new`` added when none read it;
    unchanged when ``new`` is shorter than what they read over black ink. Red text readings stay."""
    first = {id(ln) for ln in page}
    same = [ln for ln in lines if id(ln) in first and _same_line(ln.box, new.box)]
    black = [ln for ln in same if black_share(img, ln.box) >= DEFAULT_BLACK_SHARE]
    if black and not any(is_stamped(img, mask, ln.box) for ln in black):
        return lines
    read_black = sum(1 for ln in black for _c, b in ln.chars
                     if black_share(img, (b[0], ln.box[1], b[2], ln.box[3])) >= DEFAULT_BLACK_SHARE)
    if len(new.chars) < max(1, read_black):
        return lines
    gone = {id(ln) for ln in black}
    return [ln for ln in lines if id(ln) not in gone] + [new]


def _same_line(a: Box, b: Box) -> bool:
    lower = min(a[3] - a[1], b[3] - b[1])
    return lower > 0 and _overlap(a, b, 1) >= DEFAULT_ROW_OVERLAP * lower and _overlap(a, b, 0) > 0


def _overlap(a: Box, b: Box, axis: int) -> float:
    """Length of the overlap of two boxes across (``axis`` 0) or down (1)."""
    return min(a[2 + axis], b[2 + axis]) - max(a[axis], b[axis])


def _rows(box: Box, img: np.ndarray) -> slice:
    return slice(max(0, int(box[1])), min(img.shape[0], max(int(box[1]) + 1, int(np.ceil(box[3])))))


def _cols(box: Box, img: np.ndarray) -> slice:
    return slice(max(0, int(box[0])), min(img.shape[1], max(int(box[0]) + 1, int(np.ceil(box[2])))))
