"""Ruling lines of a scanned page, found in its image, as the same `Segment`s the vector path gives.

The recognised characters are blanked out first (their strokes would otherwise pass for short rules), then a
morphological opening with a long thin kernel keeps only dark runs at least ``OcrSettings.rule_min_pt`` long:
one pass for horizontal rules, one for vertical ones.  Each connected run becomes a segment in PDF points.
From there the page goes through the lattice code unchanged (``extract/lattice.py``): the same grids, spans
and cells, filled with the recognised characters that fall inside each cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

import numpy as np

from policy_extract.core.geometry import BBox, contains, grow
from policy_extract.core.model import RawCell, RawTable
from policy_extract.core.vocabulary import HANGING_MARKS

from .engines import GapReader
from .lines import Char
from .ocr import (
    DEFAULT_INK_LEVEL,
    OcrLine,
    darkest,
    fix_punctuation,
    gap_readings,
    ink_blobs,
    ink_rows,
    is_between_alnum,
    line_em_px,
    stop_has_ink,
    with_texts,
)
from .rules import Orientation, Segment, merge_segments
from .seals import Seals, find_seals, px
from .settings import ExtractSettings

RULE_LOOKALIKES = frozenset("|丨「」[]｜Il1")
DASH_LOOKALIKES = frozenset("一—－-_–―")
DEFAULT_BLANK_GROW = 0.1
"""Recognised character boxes (estimated from the recogniser's columns, so a little narrow) are widened by
this share on each side before blanking; vertically the whole line box is blanked."""
DEFAULT_TEXT_MARGIN = 0.1
"""A candidate rule lying wholly inside a recognised line's box grown by this share of its height is a
glyph stroke, not a rule."""
DEFAULT_LONG_RULE_EM = 2.5
"""Runs this many times ``rule_min_pt`` long are rules even where recognised text was blanked (a line box
that the detector drew across a column rule must not erase the rule)."""
DEFAULT_GAP_CLOSE_PX = 5
DEFAULT_CELL_INSET_PT = 2.5
"""An empty cell's ink is looked for this far inside its rules (so the rules themselves are not ink)."""
DEFAULT_MIN_MARK_PT = 3.0
"""Ink smaller than a square of this side (pt) is noise, not a printed mark."""
DEFAULT_SPECK_PX = 6
"""Ink blobs of fewer pixels than this are noise."""
DEFAULT_MARK_INK_LEVEL = 180
"""Inside an empty cell, ink is anything darker than this: a hairline dash blurred by JPEG is light grey."""
DEFAULT_MARK_HEIGHT_PX = 32
DEFAULT_MARK_PAD = 0.3
"""White margin around a lone mark, as a share of its larger side."""
DEFAULT_DASH_ASPECT = 4.0
DEFAULT_DASH_MAX_PT = 1.5
"""A bar at most this thick (pt) and ``DEFAULT_DASH_ASPECT`` times as wide is a dash."""
"""Breaks in a scanned rule up to this many pixels (JPEG noise, dropouts) are closed before measuring it."""
DEFAULT_HANGING_REACH_LINES = 1.5
"""A vertical rule at most this many line heights past a line's last character closes the line's cell."""
DEFAULT_RULE_CLEAR_PX = 3
"""Pixels each side of a rule's centre whitened at most before the ink beside it is read (the rule is no
glyph), at 200 dpi (scaled by dpi / 200); only the rule's own columns are (:func:`rule_left`)."""
DEFAULT_RULE_COVER = 0.9
"""A column is the rule's where at least this share of the line's rows are ink (a mark printed against the
rule covers a third of them: a 、 beside it, its tip on the rule)."""
DEFAULT_RULE_HALO_PX = 1
"""Pixels of grey blur beside a scanned rule's inked columns (JPEG, the scanner's optics), whitened with it,
at 200 dpi (scaled by dpi / 200)."""
DEFAULT_HANGING_MIN_INK_PX = 10
"""Ink pixels a hanging mark holds at least (a 、 at 200 dpi: 20-30; JPEG specks fewer), at 200 dpi (scaled by
the square of dpi / 200: an area)."""
DEFAULT_HANGING_MIN_PROB = 0.05
"""The recogniser's probability a hanging mark needs (a 、 or ） reads at 0.75-0.82, a 。 half cut by the
rule at 0.09; the last glyph's own ink past its box reads as nothing below 0.02)."""


def ink_image(img: np.ndarray, level: int = DEFAULT_INK_LEVEL) -> np.ndarray:
    """Binary ink mask (255 = ink) of an RGB or grey page image."""
    import cv2

    gray = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY) if img.ndim == 3 else img
    return cv2.threshold(gray, level - 1, 255, cv2.THRESH_BINARY_INV)[1]  # 255 where gray < level


def blank_text(ink: np.ndarray, lines: Iterable[OcrLine]) -> np.ndarray:
    """The ink mask with every recognised character's box (slightly shrunk) cleared."""
    out = ink.copy()
    for line in lines:
        top, bottom = int(line.box[1]), int(np.ceil(line.box[3]))
        for _, (x0, _y0, x1, _y1) in line.chars:
            dx = (x1 - x0) * DEFAULT_BLANK_GROW
            out[top:bottom, max(0, int(x0 - dx)) : int(np.ceil(x1 + dx))] = 0
    return out


def inside_text(seg: Segment, boxes: list[BBox]) -> bool:
    """Whether the segment lies wholly inside one recognised line's (grown) box: a stroke of a glyph."""
    return any(contains(grow(box, (box[3] - box[1]) * DEFAULT_TEXT_MARGIN), seg.bbox()) for box in boxes)


def runs(ink: np.ndarray, orient: Orientation, min_px: int) -> np.ndarray:
    """Mask of the dark runs at least ``min_px`` long in one direction."""
    import cv2

    close = (DEFAULT_GAP_CLOSE_PX, 1) if orient == "h" else (1, DEFAULT_GAP_CLOSE_PX)
    opened = (max(min_px, 2), 1) if orient == "h" else (1, max(min_px, 2))
    closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, close))
    return cv2.morphologyEx(closed, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, opened))


def mask_segments(mask: np.ndarray, orient: Orientation, scale: float,
                  max_thickness_pt: float) -> list[Segment]:
    """One segment (PDF points) per connected run; blobs thicker than a rule (filled areas) are skipped."""
    out = []
    for x, y, w, h, _area in component_stats(mask):
        thickness, length = (h, w) if orient == "h" else (w, h)
        if thickness * scale > max_thickness_pt or length <= thickness:
            continue
        if orient == "h":
            out.append(Segment("h", (y + h / 2) * scale, x * scale, (x + w) * scale))
        else:
            out.append(Segment("v", (x + w / 2) * scale, y * scale, (y + h) * scale))
    return out


def component_stats(mask: np.ndarray) -> np.ndarray:
    """``connectedComponentsWithStats(mask, connectivity=8)``'s stats rows (x, y, w, h, area) of the
    components, background row dropped, computed on the mask without most of its empty rows and columns
    (:func:`kept_lines`); ``x``, ``y`` are mapped back. A page's run masks are nearly empty (a few rules),
    and labelling the full page cost 17 ms per mask."""
    import cv2

    rows = kept_lines(cv2.reduce(mask, 1, cv2.REDUCE_MAX).ravel())
    cols = kept_lines(cv2.reduce(mask, 0, cv2.REDUCE_MAX).ravel())
    count, _, stats, _ = cv2.connectedComponentsWithStats(np.ascontiguousarray(mask[np.ix_(rows, cols)]),
                                                          connectivity=8)
    stats = stats[1:count].copy()
    stats[:, cv2.CC_STAT_LEFT] = cols[stats[:, cv2.CC_STAT_LEFT]]
    stats[:, cv2.CC_STAT_TOP] = rows[stats[:, cv2.CC_STAT_TOP]]
    return stats


def kept_lines(profile: np.ndarray) -> np.ndarray:
    """Indices of the rows (or columns) kept for labelling, by pairs (0-1, 2-3, ...): each pair holding ink,
    the pair after it (an empty one parts it from the next ink) and the first. A component never spans an
    empty pair, so none is cut or joined and each keeps its size; OpenCV labels by 2×2 blocks in scan order,
    and with whole pairs dropped every kept block keeps its neighbours and its place in that order, so the
    components come in the same order."""
    inked = np.r_[profile != 0, np.zeros(len(profile) % 2, bool)].reshape(-1, 2).any(axis=1)
    keep = inked | np.r_[True, inked[:-1]]
    return np.flatnonzero(np.repeat(keep, 2)[: len(profile)])


def image_segments(img: np.ndarray, lines: list[OcrLine], scale: float,
                   settings: ExtractSettings, seals: Seals | None = None) -> list[Segment]:
    """Merged ruling segments of a page image (``scale`` = PDF points per pixel; ``seals``: the image's
    :func:`.seals.find_seals`, when the caller has them)."""
    raw = without_seals(img, ink_image(img), 72 / scale, seals)
    ink = blank_text(raw, lines)
    min_px = round(settings.ocr.rule_min_pt / scale)
    long_px = round(min_px * DEFAULT_LONG_RULE_EM)
    segs: list[Segment] = []
    for orient in ("h", "v"):
        segs += mask_segments(runs(ink, orient, min_px), orient, scale, settings.max_rule_thickness)
        segs += mask_segments(runs(raw, orient, long_px), orient, scale, settings.max_rule_thickness)
    boxes = [tuple(v * scale for v in line.box) for line in lines]
    return merge_segments([s for s in segs if not inside_text(s, boxes)], settings)


def off_rules(chars: list[Char], segs: list[Segment], tolerance: float) -> list[Char]:
    """Characters that are not a vertical rule read as text (``|``, ``「``, ``丨`` where a rule runs)."""
    verticals = [s for s in segs if s.orient == "v"]

    def on_rule(ch: Char) -> bool:
        mid_x, mid_y = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        return ch["text"] in RULE_LOOKALIKES and any(
            abs(s.pos - mid_x) <= tolerance + (ch["x1"] - ch["x0"]) / 2 and s.start <= mid_y <= s.end
            for s in verticals)

    return [ch for ch in chars if not on_rule(ch)]


def ink_box(ink: np.ndarray, box: tuple[int, int, int, int],
            min_pixels: int) -> tuple[int, int, int, int] | None:
    """Bounding box (image px) of the ink inside ``box``, or None when there are fewer than ``min_pixels``.

    Blobs smaller than ``DEFAULT_SPECK_PX`` (scanner dust, JPEG noise) are left out, so they neither count
    nor stretch the box; a thin dash is a long blob and stays."""
    import cv2

    x0, y0, x1, y1 = box
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink[y0:y1, x0:x1], connectivity=8)
    blobs = [s for s in stats[1:count] if s[4] >= DEFAULT_SPECK_PX]
    if sum(int(s[4]) for s in blobs) < min_pixels:
        return None
    left, top = min(int(s[0]) for s in blobs), min(int(s[1]) for s in blobs)
    right, bottom = max(int(s[0] + s[2]) for s in blobs), max(int(s[1] + s[3]) for s in blobs)
    return (x0 + left, y0 + top, x0 + right, y0 + bottom)


def empty_cell_reads(img: np.ndarray, table: RawTable, scale: float,
                     read: Callable[[np.ndarray], str]) -> list[tuple[RawCell, str, tuple]]:
    """Cells the detector left empty but that hold ink (a lone ``—``, ``%``, one digit), read one by one.

    Returns ``(cell, text, ink box in px)`` for every such cell the recogniser could read."""
    ink = ink_image(img, DEFAULT_MARK_INK_LEVEL)
    inset = DEFAULT_CELL_INSET_PT / scale
    min_pixels = max(4, round((DEFAULT_MIN_MARK_PT / scale) ** 2 / 6))
    out = []
    for cell in table.cells:
        if cell.lines:
            continue
        x0, y0, x1, y1 = (v / scale for v in cell.bbox)
        inner = (int(x0 + inset), int(y0 + inset), int(x1 - inset), int(y1 - inset))
        if inner[2] <= inner[0] or inner[3] <= inner[1]:
            continue
        found = ink_box(ink, inner, min_pixels)
        if found is None:
            continue
        text = "—" if is_dash(found, scale) else read(mark_crop(img, found)).strip()
        if text:
            out.append((cell, text, found))
    return out


def mark_crop(img: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    """The mark cut out with a white margin and scaled so that it is ``DEFAULT_MARK_HEIGHT_PX`` high: the
    recogniser reads a lone ``%`` reliably at that size, and unreliably at the 18 px it has at 200 dpi."""
    import cv2

    x0, y0, x1, y1 = box
    h, w = y1 - y0, x1 - x0
    pad = round(max(h, w) * DEFAULT_MARK_PAD) + 2
    crop = np.full((h + 2 * pad, w + 2 * pad, *img.shape[2:]), 255, dtype=img.dtype)
    crop[pad : pad + h, pad : pad + w] = img[y0:y1, x0:x1]
    factor = DEFAULT_MARK_HEIGHT_PX / max(h, 1)
    return cv2.resize(crop, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)


def is_dash(box: tuple[int, int, int, int], scale: float) -> bool:
    """A lone bar much wider than thick is a printed dash (``—``), the table's mark for "no value"."""
    w, h = box[2] - box[0], box[3] - box[1]
    return w >= DEFAULT_DASH_ASPECT * h and h * scale <= DEFAULT_DASH_MAX_PT


def dash_cells(table: RawTable) -> None:
    """A cell whose only text is a dash-like mark reads ``—`` (the recogniser sees a lone bar as 一 or -)."""
    for cell in table.cells:
        text = "".join(ln.text for ln in cell.lines).strip()
        if len(cell.lines) == 1 and text and all(c in DASH_LOOKALIKES for c in text):
            cell.lines = [replace(cell.lines[0], text="—")]


def without_seals(img: np.ndarray, ink: np.ndarray, dpi: float = 200.0,
                  seals: Seals | None = None) -> np.ndarray:
    """The ink mask with the red ink of seals left out (:func:`.seals.seal_regions`: round red ink over black
    text, no larger than a seal): a seal's red is as dark as a rule in grey (about 92), and its ring and star
    would make phantom rules and tables. Red ink elsewhere (a red rule under a 版头, a table ruled in red)
    stays ink."""
    seals = seals or find_seals(img, dpi)
    red = seals.mask
    if red is None:
        return ink
    out = ink.copy()
    for x0, y0, x1, y1 in seals.regions:
        rows, cols = slice(int(y0), int(np.ceil(y1))), slice(int(x0), int(np.ceil(x1)))
        out[rows, cols][red[rows, cols]] = 0
    return out


def closing_rule(line: OcrLine, segs: list[Segment], scale: float) -> float | None:
    """x (image px) of the vertical rule closing the line's cell: the nearest one crossing the line's middle
    within ``DEFAULT_HANGING_REACH_LINES`` line heights past its last character; None in open text."""
    last = line.chars[-1][1][2]
    mid = (line.box[1] + line.box[3]) / 2 * scale
    reach = DEFAULT_HANGING_REACH_LINES * (line.box[3] - line.box[1])
    xs = [s.pos / scale for s in segs if s.orient == "v" and s.start <= mid <= s.end]
    xs = [x for x in xs if last < x <= last + reach]
    return min(xs) if xs else None


def hanging_mark(line: OcrLine, img: np.ndarray, rule_x: float, reader: GapReader,
                 dpi: float = 200.0) -> OcrLine:
    """The line with the closing mark (:data:`HANGING_MARKS`) that hangs before the rule closing its cell:
    the ink between its last character and the rule (rule whitened) read by the recogniser alone, its most
    probable closing mark kept when probable enough. Where the line stopped short of the mark it is added;
    where the line ends in a closing mark, that mark is read again on its own, out of the line's context
    (``各区（县、`` read ``各区（县）``: after ``（县`` the line's decoding expects ``）``), and replaced only
    when the best reading of it alone is a closing mark (an unlikely mark is no reason to change one read)."""
    again = line.chars[-1][0] in HANGING_MARKS
    box = line.chars[-1][1]
    clear = px(DEFAULT_RULE_CLEAR_PX, dpi)
    left, top, bottom = max(0, int(line.box[0])), max(0, int(line.box[1])), int(np.ceil(line.box[3]))
    start, end = int(box[0] if again else np.ceil(box[2])), rule_left(img[top:bottom], rule_x, dpi)
    if end <= start or start <= left:
        return line
    row = img[top:bottom, left : int(rule_x) + clear + 4].copy()
    row[:, end - left :] = 255
    least = max(1, round(DEFAULT_HANGING_MIN_INK_PX * (dpi / 200) ** 2))
    if np.count_nonzero(darkest(row[:, start - left :]) < DEFAULT_INK_LEVEL) < least:
        return line
    span = [(start - left, end - left)]
    readings = [(fix_punctuation(t), p) for t, p in gap_readings(reader, row, span)[0]]
    marks = [(t, p) for t, p in readings if t in HANGING_MARKS]
    if not marks or marks[0][1] < DEFAULT_HANGING_MIN_PROB or (again and readings[0] != marks[0]):
        return line
    mark, mark_box = marks[0][0], (float(start), line.box[1], float(end), line.box[3])
    if not again:
        return OcrLine(line.text + mark, line.score, line.box, [*line.chars, (mark, mark_box)])
    text = line.text.rstrip()
    return OcrLine(text[:-1] + mark, line.score, line.box, [*line.chars[:-1], (mark, box)])


def rule_left(band: np.ndarray, rule_x: float, dpi: float = 200.0) -> int:
    """The first column (px) of the vertical rule near ``rule_x`` in a band of the image (a line's rows): the
    columns inked on ``DEFAULT_RULE_COVER`` of its rows, and ``DEFAULT_RULE_HALO_PX`` of blur, at most
    ``DEFAULT_RULE_CLEAR_PX`` left of its centre (its centre less that when no column is so inked).  A mark
    printed against the rule (a hanging 、 whose tip touches it) keeps the ink beside the rule: whitening
    a fixed width of the rule left a 、 too little ink to count (9 of its 17 pixels)."""
    clear = px(DEFAULT_RULE_CLEAR_PX, dpi)
    centre = round(float(rule_x))
    lo, hi = max(0, centre - clear), min(band.shape[1], centre + clear + 1)
    if hi <= lo or band.shape[0] == 0:
        return int(rule_x) - clear
    cover = (darkest(band[:, lo:hi]) < DEFAULT_MARK_INK_LEVEL).mean(axis=0) >= DEFAULT_RULE_COVER
    cols = np.flatnonzero(cover)
    if not cols.size:
        return int(rule_x) - clear
    edge = int(cols[np.argmin(np.abs(cols + lo - rule_x))])
    while edge > 0 and cover[edge - 1]:
        edge -= 1
    return max(centre - clear, lo + edge - px(DEFAULT_RULE_HALO_PX, dpi))


def hanging_marks(lines: list[OcrLine], img: np.ndarray, segs: list[Segment], scale: float,
                  reader: GapReader | None) -> list[OcrLine]:
    """Every line closed by a cell's rule with its hanging closing mark read (:func:`hanging_mark`):
    justified cell text pushes a 、，。） that may not begin a line to the end of the line before, past the
    text the detector boxed (``各区（县、`` read ``各区（县``)."""
    if reader is None:
        return lines
    out = []
    for line in lines:
        rule_x = closing_rule(line, segs, scale) if line.chars else None
        out.append(line if rule_x is None else hanging_mark(line, img, rule_x, reader, 72 / scale))
    return out


def speck_stops(line: OcrLine, img: np.ndarray) -> OcrLine:
    """The line without the Latin full stops inside it that have no stop's ink (:func:`.ocr.stop_has_ink`):
    a speck of scanner noise in a justified gap read as one (``2024 . 年`` read ``2024.年``, where a cell
    spreads ``2024年`` over its width). A stop between two Latin letters or digits (``1.5``, ``gov.cn``) is
    left alone, and so is a line's last character (``ocr.check_marks`` judges it)."""
    texts = [c for c, _ in line.chars]
    inner = [i for i in range(1, len(texts) - 1) if texts[i] == "." and not is_between_alnum(texts, i)]
    ink = ink_rows(img, line.box) if inner else None
    if ink is None:
        return line
    em = line_em_px(line, ink)
    blobs = ink_blobs(img, line.box)
    for i in inner:
        if not stop_has_ink(blobs, line.chars[i][1], em):
            texts[i] = ""
    return with_texts(line, texts)
