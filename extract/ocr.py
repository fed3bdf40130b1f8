"""Offline OCR of scanned and garbled pages into the same character dicts the text layer gives.

A page that goes to OCR is rendered with pypdfium2, deskewed (the skew angle is the rotation that makes the
horizontal projection profile of the ink sharpest: text lines and ruling lines line up with pixel rows; the
middle of equally sharp angles, so a straight page is not turned at all), and read by the OCR engine that
``OcrSettings.engine`` names (:mod:`.registry`; RapidOCR by default, :mod:`.rapidocr_engine`).

Each recognised character becomes a pdfplumber-style character dict (``text, x0, x1, top, bottom, size,
fontname, non_stroking_color``) in PDF points, so the rest of ``extract`` — lines, cells, borderless tables —
runs on it unchanged and produces the same ``Line`` objects.  What the image cannot say is estimated for the
class of documents: the font size is the line box height snapped to the standard Chinese type sizes (号), the
colour is the median colour of the line's ink (the red 版头 stays red), the font name is ``OCR``.

Two marks the recogniser cannot tell apart are settled by measuring their ink on the page: a dash between
digits or letters is ``—`` when its bar is about an em wide and ``-`` when short (Chinese ranges print
``3—5`` with a full-width dash, which the models read as a hyphen), and a trailing ``.``/``。``/``，`` is
dropped when no blob of ink the size of a printed stop lies under it (a scanner speck read as a stop).  A
``·`` whose ink is a ring is a 。 that a heading face prints at mid height (the 间隔号 is a solid dot).

Two losses of the detector and the decoder are repaired from the ink as well: a line whose detected box cuts
through its glyphs' tops or bottoms is read again from a crop holding all its ink (:func:`reread_clipped`),
and a glyph of ink between two recognised characters that no character covers — a rare character whose
blank won by a little, a 、 set tight between ”“ — takes the recogniser's own best reading over it
(:func:`fill_gaps`).  A bracket pair around Chinese text read at mixed widths is printed full width; a 文号's
year brackets read as any bracket are 〔〕, and a line's leading item number followed by a mid dot is the
item marker ``N．`` (:func:`fix_forms`: the form's grammar, never a guess, says what was printed).

A rare character the recogniser is unsure of is often read as a commoner look-alike that it ranks just above
it (遴选 read 遂选: 遂 0.21, 遵 0.21, 避 0.16, 遴 0.06).  Such a character — read below
``DEFAULT_UNSURE_PROB``, forming no two- or three-character word of jieba's dictionary with its neighbours —
takes the most probable of the recogniser's own other readings that does (:func:`lexicon_choice`; the
dictionary lives in ``core.segmenter``, shared with normalize).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import numpy as np

from policy_extract.core.budget import announce
from policy_extract.core.segmenter import word_frequency
from policy_extract.core.vocabulary import (
    OCR_DOC_NUMBER_YEAR,
    OCR_ITEM_MARKER,
    OCR_PAGE_NUMBER,
    PRINTED_DOC_NUMBER_YEAR,
    PRINTED_FOLIO,
    PRINTED_ITEM_MARKER,
    TYPE_SIZES,
    is_cjk,
)

from .engines import DEFAULT_CHOICES, DEFAULT_UNSURE_PROB, GapReader, OcrEngine, Recognised
from .lines import OCR_FONT, Char
from .registry import OCR_ENGINES, load
from .seals import Seals, read_under_seals
from .settings import DEFAULT_RENDER_LIMIT_PX, OcrSettings
from .textlayer import is_ideograph

DEFAULT_CJK_INK_EM = 0.94
"""Ink height of a line of Chinese text as a share of its font size (measured on the bundled samples:
16 pt 仿宋/宋体 lines are 15.1 pt of ink, 22 pt titles 20.9 pt, 12 pt table text 11.2 pt)."""
DEFAULT_OTHER_INK_EM = 0.72
"""Ink height of a line of digits and Latin letters as a share of its font size."""
DEFAULT_MIN_PITCH_CHARS = 3
"""A line with this many ideographs also measures its size by their pitch (one em per character); the
smaller of the two estimates wins (bold strokes swell the ink, justification widens the pitch)."""
DEFAULT_INK_ROW_SHARE = 0.05
"""A pixel row belongs to the line's ink when it holds this share of the fullest row's ink."""
DEFAULT_SIZE_SNAP = 0.08
"""A measured size within this share of a standard type size (``TYPE_SIZES``) is that size."""
DEFAULT_INK_LEVEL = 140
"""Grey level (0–255) below which a pixel is ink, for colour sampling and skew estimation."""
DEFAULT_SKEW_WIDTH = 900
"""The skew is estimated on the page scaled down to this width (px): fast, and precise to ~0.05°."""
DEFAULT_SKEW_STEPS = (0.25, 0.05, 0.01)
"""Search steps (degrees): coarse over ±max_skew, then finer around the best angle."""
DEFAULT_EM_DASH_MIN_EM = 0.55
"""A dash between two digits or letters whose ink is at least this share of an em wide is ``—`` (Chinese
ranges ``3—5``, ``2021—2025``: the full-width dash's ink is 0.7–0.95 em); the recogniser reads it as ``-``."""
DEFAULT_HYPHEN_MAX_EM = 0.4
"""…and one at most this wide is a hyphen ``-`` (0.25–0.35 em of ink); in between, the recogniser's reading
stands."""
DEFAULT_DASH_MAX_THICK_EM = 0.15
"""A dash is a bar at most this share of an em thick and at least twice as wide as thick."""
DEFAULT_MIN_STOP_INK_EM = 0.08
"""A trailing ``.``/``。``/``，``/``、`` needs a blob of ink at least this share of an em square: a printed
full stop has 3–4 times that, a scanner speck the recogniser takes for a stop has less (often none)."""
DEFAULT_RING_EM = (0.18, 0.5)
"""A 。 printed at mid height (a bold heading face centres it) is read ``·``; its ink is a ring this share
of an em across (0.3 measured at 16 pt), a hollow the 间隔号 ``·`` (a solid dot) never has."""
DEFAULT_RING_HOLE_EM = 0.06
"""…and the paper it encloses is at least this share of an em square (JPEG noise leaves no such hole in a
dot)."""
DEFAULT_RING_TOP = 0.3
"""…and its centre lies below this share of the line's ink height (a degree sign ° is a ring at the top)."""
DEFAULT_MARK_PAD_EM = 0.15
"""Ink belongs to a mark when its centre lies within this share of an em of the mark's estimated box."""
DEFAULT_CLIP_MAX_EM = 0.2
"""A detected line box that cuts through its line's ink (glyph tops or bottoms outside it: the detector's
box is tight on some faces, and 亟's top bar cut off reads 函) by at most this share of its height is read
again from a crop holding all the ink; more is another line or a seal, not this line's ink."""
DEFAULT_CLIP_MIN_EM = 0.05
"""…and by at least this share (a row or two of a glyph's edge cut off changes no reading: 19 of the 43 cut
boxes of a FangSong scan lose one row; 亟 read 函 with two)."""
DEFAULT_CLIP_SURE_SCORE = 0.99
"""A line read with at least this confidence is not read again (the second reading stands only when more
confident: half the cut boxes of a FangSong scan, none of whose readings changed)."""
DEFAULT_CLIP_PAD_EM = 0.05
"""Blank rows kept above and below the ink in that crop (share of the box height)."""
DEFAULT_TRAIL_PAD = 0.3
"""Dropped glyphs are looked for up to this share of the line's height past its detected box."""
DEFAULT_TRAIL_TOP = 0.3
"""Ink after a line's last character may be a dropped closing mark (、，。 ending the line, read by the
recogniser as :func:`fill_gaps` reads any dropped glyph, kept only when read as one of ``_CLOSING_MARKS``)
when its top lies below this share of the line's ink height: a glyph starts at the top."""
DEFAULT_GAP_MIN_PROB = 0.002
"""A run of ink between two recognised characters that no character covers is a glyph the decoding dropped
(a rare character such as 敞 whose blank won by a little, a 、 set tight between ”“); it takes the
recogniser's best reading over it when that reading has at least this probability. Measured on the scanned
documents: dropped glyphs 0.009–0.83, slivers of a neighbouring glyph's ink (a stroke past its estimated
box) at most 0.0002."""
DEFAULT_GAP_MAX_COVER = 0.5
"""…and it is uncovered when less than this share of its width lies in the boxes of recognised characters
(a dropped glyph between two boxes: 0–22% measured)."""

DEFAULT_CUT_RATIO = 10
"""An unsure character's other reading may cut a word its neighbours form only when that word is more than
this many times rarer than the word the reading makes."""
DEFAULT_CHOICE_SHARE = 0.12
"""…an other reading counts when at least this share of the read one's probability (遴 0.063 beside 遂 0.21,
遴 0.043 beside 避 0.29: a rare character's probability is spread over its look-alikes).  On the scanned
documents no reading between 0.12 and 0.25 of the read one makes any other change."""
DEFAULT_MIN_WORD_FREQ = 3
"""A dictionary word (jieba's default dictionary, :func:`~policy_extract.core.segmenter.word_frequency`)
counts with at least this frequency (its rarest entries are segmentation debris such as 选机)."""

# OCR models read full-width Chinese punctuation as look-alikes; in Chinese text these are what was printed.
_LOOKALIKES = str.maketrans({"丶": "、", "﹑": "、", "，": "，", "。": "。"})
_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_BETWEEN_CJK = re.compile(r"(?<=[\u4e00-\u9fff）》」])([,:;?!])|([,:;?!])(?=[\u4e00-\u9fff（《「])")
_BRACKETS_CJK = re.compile(r"[(（]([^()（）]*[\u4e00-\u9fff][^()（）]*)[)）]")
"""A bracket pair around Chinese text, either mark read at either width: the recogniser cannot tell a
full-width bracket from a half-width one (``首台（套)``), and Chinese text prints both full width.  The
SPEC's NFKC applies to numbers, units and 文号 only, never to stored text, so the printed width is restored
here rather than folded away."""
_LONE_CLOSE = re.compile(r"^([^()（）]*[\u4e00-\u9fff])\)")
_LONE_OPEN = re.compile(r"\((?=[\u4e00-\u9fff][^()（）]*$)")
"""A bracket whose partner is on another line (a bracketed owner wrapped: ``…（市教育局牵头，各县市区人``
/ ``民政府配合)``): the first bracket of a line, a closing one after Chinese text, and the last, an opening
one before Chinese text, are printed full width as their partner is."""
_AFTER_CJK = r"(?<=[\u4e00-\u9fff）》”])"
_CJK_STOP = re.compile(_AFTER_CJK + r"[°o·]$|(?<=[\u4e00-\u9fff][0-9])[°·]$|"
                       + _AFTER_CJK + r"[°o](?=[\u4e00-\u9fff“（《])")
_DASH_READS = frozenset("-‐－–—―一")
"""What the recogniser makes of a dash; 一 counts only between two digits (no text mixes 一 with them)."""
_STOPS = frozenset(".。，,、")
"""Marks a speck at the end of a line is read as."""
_HIGH_MARKS = frozenset("“”‘’\"'")
"""Marks printed in the upper half of a line; ``_LOW_MARKS`` in the lower half."""
_LOW_MARKS = frozenset("、，。,.")
_CLOSING_MARKS = frozenset("、，。；：！？")
"""Marks that close a line and may be printed past the text the detector boxed (a line ending in 、)."""

Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One recognised text line: its characters with their boxes in image pixels."""

    text: str
    score: float
    box: tuple[float, float, float, float]
    chars: list[tuple[str, tuple[float, float, float, float]]]


def ocr_engine(settings: OcrSettings) -> OcrEngine:
    """The engine ``settings.engine`` names (:data:`~policy_extract.extract.registry.OCR_ENGINES`)."""
    return load(OCR_ENGINES, settings.engine)(settings)


class PageImages:
    """Page images of one PDF for OCR; pypdfium2 opens the file only when a first page needs rendering."""

    def __init__(self, path: str | Path, password: str | None, settings: OcrSettings) -> None:
        self.path, self.password, self.settings = str(path), password, settings
        self._pdf: Any = None

    def render(self, index: int) -> np.ndarray:
        announce("ocr_page", index + 1)  # the batch extends this document's time limit (core.budget)
        if self._pdf is None:
            import pypdfium2 as pdfium

            self._pdf = pdfium.PdfDocument(self.path, password=self.password or None)
        return render_page(self._pdf, index, self.settings.dpi)

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None


def render_page(pdf: Any, index: int, dpi: int) -> np.ndarray:
    """RGB pixels of one page of a ``pypdfium2.PdfDocument`` at ``dpi`` (capped for huge pages)."""
    page = pdf[index]
    try:
        longest = max(page.get_width(), page.get_height())
        scale = min(dpi / 72, DEFAULT_RENDER_LIMIT_PX / max(longest, 1.0))
        bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB(A) byte order
        return np.ascontiguousarray(bitmap.to_numpy()[..., :3])
    finally:
        page.close()


def ink_mask(gray: np.ndarray, level: int = DEFAULT_INK_LEVEL) -> np.ndarray:
    return (gray < level).astype(np.uint8)


def darkest(pixels: np.ndarray) -> np.ndarray:
    """Per pixel, its darkest channel: ``pixels.min(axis=-1)`` (the same values) as element-wise minima of
    the channels, several times faster than numpy's reduction over a last axis three wide (1.6 s of CPU
    over 28 scanned pages, called for every recognised line)."""
    out = pixels[..., 0]
    for channel in range(1, pixels.shape[-1]):
        out = np.minimum(out, pixels[..., channel])
    return out


def profile_sharpness(ink: np.ndarray, angle: float) -> float:
    """How sharply the ink falls into rows after rotating by ``angle``: squared row-to-row changes."""
    import cv2

    h, w = ink.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    rotated = cv2.warpAffine(ink, matrix, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    # row sums by cv2.reduce: numpy's sum(axis=1) gives the same integers 16x slower
    rows = cv2.reduce(rotated, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel().astype(np.float64)
    return float(np.sum(np.diff(rows) ** 2))


def skew_angle(gray: np.ndarray, max_skew: float = 5.0) -> float:
    """The rotation (degrees, counter-clockwise as OpenCV counts) that makes the page's lines horizontal."""
    import cv2

    if max_skew <= 0 or gray.size == 0:
        return 0.0
    factor = min(1.0, DEFAULT_SKEW_WIDTH / gray.shape[1])
    small = cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA) if factor < 1 else gray
    ink = ink_mask(small)
    if not ink.any():
        return 0.0
    best, span = 0.0, max_skew
    for step in DEFAULT_SKEW_STEPS:
        candidates = [float(a) for a in np.arange(best - span, best + span + step / 2, step)]
        best = sharpest_angle(candidates, [profile_sharpness(ink, a) for a in candidates])
        span = step
    return round(best, 2) + 0.0  # + 0.0: never -0.0


def sharpest_angle(angles: list[float], sharpness: list[float]) -> float:
    """The angle whose profile is sharpest; when several tie (small rotations move no pixel of the scaled-down
    ink, so a straight page is equally sharp over about ±0.1°), the middle one of them — not the first, which
    would tilt a straight page to the edge of that plateau and blur it for the recogniser."""
    top = max(sharpness)
    tied = [a for a, s in zip(angles, sharpness, strict=True) if s == top]
    return tied[len(tied) // 2]


def rotate_image(img: np.ndarray, angle: float) -> np.ndarray:
    """The image rotated by ``angle`` degrees about its centre, same size, white where nothing was."""
    import cv2

    if abs(angle) < 1e-3:
        return img
    h, w = img.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    fill = (255,) * (img.shape[2] if img.ndim == 3 else 1)
    return cv2.warpAffine(img, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=fill)


def deskew(img: np.ndarray, max_skew: float = 5.0) -> tuple[np.ndarray, float]:
    """The page straightened, and the angle it was rotated by."""
    import cv2

    gray = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY) if img.ndim == 3 else img
    angle = skew_angle(gray, max_skew)
    return rotate_image(img, angle), angle


def fix_punctuation(text: str) -> str:
    """Full-width Chinese punctuation the recogniser read as an ASCII or look-alike mark."""
    text = text.translate(_LOOKALIKES)
    text = _BETWEEN_CJK.sub(lambda m: _FULL_WIDTH[m.group(1) or m.group(2)], text)
    text = _BRACKETS_CJK.sub(r"（\1）", text)
    text = _LONE_OPEN.sub("（", _LONE_CLOSE.sub(r"\1）", text))
    text = OCR_PAGE_NUMBER.sub(PRINTED_FOLIO, text)
    return fix_forms(_CJK_STOP.sub("。", text))


def fix_forms(text: str) -> str:
    """Marks the recogniser misreads inside a form whose grammar says what was printed, one character for
    one: the year brackets of a 文号 (``浙政办发[2021】58号`` → 〔2021〕, ``vocabulary.OCR_DOC_NUMBER_YEAR``)
    and the stop of a line's leading item marker read as a mid dot (``1·新建`` → ``1．``,
    ``vocabulary.OCR_ITEM_MARKER``)."""
    text = OCR_DOC_NUMBER_YEAR.sub(PRINTED_DOC_NUMBER_YEAR, text)
    return OCR_ITEM_MARKER.sub(PRINTED_ITEM_MARKER, text)


def fix_page_number(text: str) -> str:
    """``一2—`` → ``— 2 —``: a page number whose dashes were read as 一 or a hyphen."""
    return OCR_PAGE_NUMBER.sub(PRINTED_FOLIO, text.strip()) if len(text) <= 12 else text


def spread_chars(text: str, box: tuple[float, float, float, float]) -> list[tuple[str, tuple]]:
    """Characters laid over the line box by width class (CJK one em, others half) when boxes are missing."""
    weights = [1.0 if is_cjk(ch) else 0.5 for ch in text]
    total = sum(weights) or 1.0
    x0, top, x1, bottom = box
    out, x = [], x0
    for ch, wt in zip(text, weights, strict=True):
        step = (x1 - x0) * wt / total
        out.append((ch, (x, top, x + step, bottom)))
        x += step
    return out


def forms_word(chars: list[str], i: int, ch: str, whole: bool = False) -> bool:
    """Whether ``ch`` at ``chars[i]`` makes a two- or three-character dictionary word with its neighbours
    (ideographs only, at least ``DEFAULT_MIN_WORD_FREQ`` frequent); with ``whole``, only a word that does not
    cut a word its neighbours already form beyond it unless that word is far rarer (:func:`cut_frequency`:
    刘赟同志 never reads 赞同 out of 同志, while 遴选 may cut the rare 选机 out of 选机制)."""
    for start in range(max(0, i - 2), i + 1):
        for end in range(max(start + 2, i + 1), min(start + 4, len(chars) + 1)):
            word = "".join(chars[start:i]) + ch + "".join(chars[i + 1 : end])
            freq = frequency(word)
            if freq >= DEFAULT_MIN_WORD_FREQ and not (
                    whole and cut_frequency(chars, i, start, end) * DEFAULT_CUT_RATIO >= freq):
                return True
    return False


def frequency(word: str) -> int:
    return word_frequency(word) if all(is_ideograph(c) for c in word) else 0


def cut_frequency(chars: list[str], i: int, start: int, end: int) -> int:
    """The largest frequency of a word of up to three characters that the neighbours of ``chars[i]`` inside
    ``chars[start:end]`` form with characters outside it (without ``chars[i]``): what the span would cut."""
    n, best = len(chars), 0
    for a in range(max(0, start - 2), start):  # from the left, ending inside the span before i
        best = max([best] + [frequency("".join(chars[a:b])) for b in range(start + 1, min(i, a + 3) + 1)])
    for b in range(end + 1, min(n, end + 2) + 1):  # into the right, starting inside the span after i
        best = max([best] + [frequency("".join(chars[a:b])) for a in range(max(i + 1, b - 3), end)])
    return best


def lexicon_choice(chars: list[str], i: int, choices: tuple[tuple[str, float], ...]) -> str:
    """The reading of ``chars[i]`` among the recogniser's own (``choices``, best first): the read one,
    unless it is an ideograph read with less than ``DEFAULT_UNSURE_PROB`` that forms no word with its
    neighbours (:func:`forms_word`) while another reading at least ``DEFAULT_CHOICE_SHARE`` as probable
    does — then the most probable such reading."""
    top, prob = choices[0] if choices else (chars[i], 1.0)
    if top != chars[i] or prob >= DEFAULT_UNSURE_PROB or not is_ideograph(top) or forms_word(chars, i, top):
        return chars[i]
    for alt, p in choices[1:]:
        if p >= DEFAULT_CHOICE_SHARE * prob and is_ideograph(alt) and forms_word(chars, i, alt, whole=True):
            return alt
    return chars[i]


def lexicon_checked(line: OcrLine, rec: Recognised) -> OcrLine:
    """The line with each unsure ideograph the recogniser emitted (``rec.choices``: one entry per character
    of ``rec.text``, spaces included; several readings where it was unsure) settled among its readings by
    the dictionary (:func:`lexicon_choice`), among the line's final neighbours (glyphs :func:`fill_gaps`
    put back included); a character the line no longer holds as read is left alone."""
    if len(rec.choices) != len(rec.text) or all(len(c) < 2 for c in rec.choices):
        return line
    kept = [(ch, c) for ch, c in zip(rec.text, rec.choices, strict=True) if ch != " "]
    before, after = [ch for ch, _c in kept], [c for c, _ in line.chars]
    texts = list(after)
    for tag, i1, i2, j1, _j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        for i in range(i1, i2) if tag == "equal" else ():
            if len(kept[i][1]) > 1:
                texts[j1 + i - i1] = lexicon_choice(after, j1 + i - i1, kept[i][1])
    return with_texts(line, texts)


def read_line(rec: Recognised, img: np.ndarray, engine: OcrEngine, gaps: GapReader | None) -> OcrLine:
    """One recognised line with its characters repaired from the ink and the dictionary."""
    line = fill_gaps(reread_clipped(ocr_line(rec), img, engine), img, gaps)
    return check_marks(lexicon_checked(line, rec), img)


def ocr_line(rec: Recognised) -> OcrLine:
    """One line as the engine read it → OcrLine, punctuation repaired, characters on their boxes."""
    text, score, box, words, boxes = rec.text, rec.score, rec.box, rec.words, rec.word_boxes
    fixed = fix_punctuation(text)
    if words and len(words) == len(boxes) and "".join(words) == text.replace(" ", ""):
        fixed_chars = list(fix_punctuation("".join(words)))
        if len(fixed_chars) == len(boxes):
            pairs = list(zip(fixed_chars, boxes, strict=True))
            return OcrLine(fixed, score, box, [(c, (b[0], box[1], b[2], box[3])) for c, b in pairs])
    return OcrLine(fixed, score, box, spread_chars(fixed.replace(" ", ""), box))


def ink_blobs(img: np.ndarray, box: Box) -> list[tuple[int, int, int, int, int]]:
    """Connected blobs of ink inside ``box``: ``(x, y, w, h, area)`` in image pixels."""
    import cv2

    x0, y0 = max(0, int(box[0])), max(0, int(box[1]))
    patch = img[y0 : max(y0 + 1, int(np.ceil(box[3]))), x0 : max(x0 + 1, int(np.ceil(box[2])))]
    gray = darkest(patch) if patch.ndim == 3 else patch
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink_mask(gray), connectivity=8)
    return [(x0 + int(x), y0 + int(y), int(w), int(h), int(a)) for x, y, w, h, a in stats[1:count]]


def dash_ink_width(blobs: list[tuple[int, int, int, int, int]], box: Box, em: float,
                   ink: tuple[float, float]) -> int | None:
    """Ink width (px) of the dash the recogniser placed at ``box``: the extent of the flat bars in the middle
    of the line that overlap it (a scanned dash may break into pieces).  None when there is no such bar."""
    top, height = ink[0], ink[1] - ink[0]
    bars = [(x, x + w) for x, y, w, h, _a in blobs
            if h <= max(2.0, DEFAULT_DASH_MAX_THICK_EM * em) and w >= 2 * h
            and top + 0.2 * height <= y + h / 2 <= top + 0.85 * height  # not an underline or a top bar
            and x < box[2] and x + w > box[0]]
    if not bars:
        return None
    return max(b[1] for b in bars) - min(b[0] for b in bars)


def measured_dash(read: str, width: int | None, em: float) -> str:
    """The dash the ink shows: ``—`` about an em wide, ``-`` short, else what the recogniser read."""
    if width is None or em <= 0:
        return read
    if width >= DEFAULT_EM_DASH_MIN_EM * em:
        return "—"
    if width <= DEFAULT_HYPHEN_MAX_EM * em:
        return "-"
    return "—" if read == "一" else read  # 一 between two digits is a dash whatever its length


def is_between_alnum(chars: list[str], i: int) -> bool:
    """Whether ``chars[i]`` sits between two ASCII digits or letters (the dash of a range or a code)."""
    if not 0 < i < len(chars) - 1:
        return False
    before, after = chars[i - 1], chars[i + 1]
    if chars[i] == "一":
        return before.isascii() and before.isdigit() and after.isascii() and after.isdigit()
    return before.isascii() and before.isalnum() and after.isascii() and after.isalnum()


def stop_has_ink(blobs: list[tuple[int, int, int, int, int]], box: Box, em: float) -> bool:
    """Whether a recognised full stop or comma at ``box`` is printed ink: a blob centred on it, smaller
    than a glyph, at least ``DEFAULT_MIN_STOP_INK_EM`` of an em square."""
    pad = DEFAULT_MARK_PAD_EM * em
    return any(box[0] - pad <= x + w / 2 <= box[2] + pad and max(w, h) < 0.5 * em
               and a >= (DEFAULT_MIN_STOP_INK_EM * em) ** 2 for x, _y, w, h, a in blobs)


def check_marks(line: OcrLine, img: np.ndarray) -> OcrLine:
    """The line with each dash between digits or letters read by its ink width, each ``·`` printed as a
    ring read ``。`` (:func:`ring_under`), and a trailing stop or comma that has no real ink (a speck the
    recogniser took for one) dropped."""
    texts = [c for c, _ in line.chars]
    dashes = [i for i, c in enumerate(texts) if c in _DASH_READS and is_between_alnum(texts, i)]
    dots = [i for i, c in enumerate(texts) if c == "·"]
    speck = bool(texts) and texts[-1] in _STOPS
    ink = ink_rows(img, line.box) if dashes or dots or speck else None
    if ink is None:
        return line
    em = line_em_px(line, ink)
    pad = DEFAULT_MARK_PAD_EM * em
    blobs = ink_blobs(img, (line.box[0], line.box[1], line.box[2] + pad, line.box[3]))
    for i in dashes:
        texts[i] = measured_dash(texts[i], dash_ink_width(blobs, line.chars[i][1], em, ink), em)
    for i in dots:
        texts[i] = "。" if ring_under(img, blobs, line.chars[i][1], em, ink) else texts[i]
    if speck and not stop_has_ink(blobs, line.chars[-1][1], em):
        texts[-1] = ""
    return with_texts(line, texts)


def ring_under(img: np.ndarray, blobs: list[tuple[int, int, int, int, int]], box: Box, em: float,
               ink: tuple[float, float]) -> bool:
    """Whether the mark at ``box`` is printed as a ring (``DEFAULT_RING_EM`` across, enclosing paper, below
    the top of the line's ink): a 。 that a heading face prints at mid height, which the recogniser reads
    ``·`` (``建设·新建小区``, a bold run-in heading's full stop)."""
    pad, (low, high) = DEFAULT_MARK_PAD_EM * em, DEFAULT_RING_EM
    top = ink[0] + DEFAULT_RING_TOP * (ink[1] - ink[0])
    return any(box[0] - pad <= x + w / 2 <= box[2] + pad and low * em <= min(w, h) and max(w, h) <= high * em
               and y + h / 2 >= top and encloses_paper(img[y : y + h, x : x + w], DEFAULT_RING_HOLE_EM * em)
               for x, y, w, h, _a in blobs)


def encloses_paper(patch: np.ndarray, side: float) -> bool:
    """Whether the ink of ``patch`` (a blob's box) encloses paper of at least ``side`` squared pixels."""
    import cv2

    paper = np.pad(ink_mask(darkest(patch) if patch.ndim == 3 else patch) == 0, 1, constant_values=True)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(paper.astype(np.uint8), connectivity=4)
    return any(stats[k][4] >= side * side for k in range(1, count) if k != labels[0, 0])  # not the outside


def with_texts(line: OcrLine, texts: list[str]) -> OcrLine:
    """The line with its characters' texts replaced (``""`` drops one), its text rebuilt to match."""
    if texts == [c for c, _ in line.chars]:
        return line
    chars = [(t, b) for t, (_c, b) in zip(texts, line.chars, strict=True) if t]
    it = iter(texts)
    if len(line.text.replace(" ", "")) == len(texts):  # spaces kept where the recogniser put them
        text = "".join(ch if ch == " " else next(it) for ch in line.text).strip()
    else:
        text = "".join(texts)
    return OcrLine(text, line.score, line.box, chars)


def clipped_rows(img: np.ndarray, box: Box) -> tuple[int, int] | None:
    """Top and bottom pixel rows of the line's ink when ``box`` cuts through it (rows just outside the box
    hold at least ``DEFAULT_INK_ROW_SHARE`` of the fullest row's ink, for ``DEFAULT_CLIP_MIN_EM`` to
    ``DEFAULT_CLIP_MAX_EM`` of the box height); None when the box holds (nearly) all of it, or the ink runs
    on further (another line, a seal)."""
    x0, y0, x1, y1 = max(0, int(box[0])), max(0, int(box[1])), int(np.ceil(box[2])), int(np.ceil(box[3]))
    reach = int(np.ceil(DEFAULT_CLIP_MAX_EM * (y1 - y0)))
    lo, hi = max(0, y0 - reach - 1), min(img.shape[0], y1 + reach + 1)
    patch = img[lo:hi, x0:x1]
    counts = ((darkest(patch) if patch.ndim == 3 else patch) < DEFAULT_INK_LEVEL).sum(axis=1)
    if not counts.size or counts.max() == 0:
        return None
    inked = counts >= max(1, DEFAULT_INK_ROW_SHARE * counts.max())
    top, bottom = y0 - lo, y1 - lo
    while top > 0 and inked[top - 1]:
        top -= 1
    while bottom < len(inked) and inked[bottom]:
        bottom += 1
    least = DEFAULT_CLIP_MIN_EM * (y1 - y0)
    if max(y0 - lo - top, bottom - (y1 - lo)) < least or top == 0 or bottom == len(inked):
        return None
    return lo + top, lo + bottom


def reread_clipped(line: OcrLine, img: np.ndarray, engine: OcrEngine) -> OcrLine:
    """The line read again from a crop holding all its ink when its box cuts through it
    (:func:`clipped_rows`); the new reading stands when it is more confident and has as many characters
    (they take the old ones' boxes; a reading with more characters is left to :func:`fill_gaps`)."""
    rows = clipped_rows(img, line.box) if line.score < DEFAULT_CLIP_SURE_SCORE else None
    if rows is None:
        return line
    pad = int(np.ceil(DEFAULT_CLIP_PAD_EM * (line.box[3] - line.box[1])))
    crop = img[max(0, rows[0] - pad) : rows[1] + pad, max(0, int(line.box[0])) : int(np.ceil(line.box[2]))]
    text, score = engine.read_text(crop)
    fixed = fix_punctuation(text.strip())
    chars = fixed.replace(" ", "")
    if score <= line.score or len(chars) != len(line.chars) or chars == "".join(c for c, _ in line.chars):
        return line
    return OcrLine(fixed, score, line.box, [(c, b) for c, (_old, b) in zip(chars, line.chars, strict=True)])


def column_runs(counts: np.ndarray) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of non-zero entries (columns holding ink)."""
    inked = np.flatnonzero(counts)
    if not inked.size:
        return []
    breaks = np.flatnonzero(np.diff(inked) > 1)
    starts = np.r_[inked[0], inked[breaks + 1]]
    ends = np.r_[inked[breaks], inked[-1]] + 1
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def orphan_ink(line: OcrLine, img: np.ndarray) -> list[tuple[int, int]]:
    """x spans (image px) of the runs of inked columns between the line's first and last character that no
    character covers (:func:`is_uncovered`), each holding at least a printed stop's ink: glyphs the
    decoding dropped (the boxes are where the decoding emitted characters, one pitch wide); and a mark's
    ink after the last character, up to :func:`line_reach` (a line-final 、 the detector's box cut)."""
    ink = ink_rows(img, line.box) if len(line.chars) > 1 else None
    if ink is None:
        return []
    em = line_em_px(line, ink)
    x0, x1 = max(0, int(line.box[0])), line_reach(line)
    patch = img[int(ink[0]) : int(ink[1]), x0:x1]
    mask = (darkest(patch) if patch.ndim == 3 else patch) < DEFAULT_INK_LEVEL
    counts = mask.sum(axis=0)
    spans = []
    for a, b in column_runs(counts):
        rows = np.flatnonzero(mask[:, a:b].any(axis=1))
        uncovered = is_uncovered(line, (x0 + a, x0 + b), (rows[0], rows[-1] + 1), mask.shape[0])
        if uncovered and counts[a:b].sum() >= (DEFAULT_MIN_STOP_INK_EM * em) ** 2:
            spans.append((x0 + a, x0 + b))
    return spans


def line_reach(line: OcrLine) -> int:
    """Right edge (image px) of the ink searched for dropped glyphs: the line's box and
    ``DEFAULT_TRAIL_PAD`` of its height beyond it (a closing 、 the detector's box cuts through)."""
    return int(np.ceil(line.box[2] + DEFAULT_TRAIL_PAD * (line.box[3] - line.box[1])))


def is_uncovered(line: OcrLine, span: tuple[float, float], rows: tuple[int, int], height: int) -> bool:
    """Whether ink over ``span`` (x, image px), spanning ``rows`` of the line's ``height`` ink rows, lies
    between the line's first and last character with less than ``DEFAULT_GAP_MAX_COVER`` of its width
    inside the boxes of recognised characters it can belong to: a box of a mark printed at one height
    (quotes high, 、，。 low) does not hold ink wholly at the other (a 、 set tight between ”“ falls in the
    quote's box).  Glyphs that touch (bold headings) make one wide run over several boxes: covered."""
    boxes = [b for _c, b in line.chars]
    centre = (span[0] + span[1]) / 2
    trailing = centre >= boxes[-1][2] and rows[0] >= DEFAULT_TRAIL_TOP * height  # no glyph's top: a mark
    if not (boxes[0][0] < centre < boxes[-1][2] or trailing):
        return False
    covered = sum(max(0.0, min(span[1], bx[2]) - max(span[0], bx[0]))
                  for ch, bx in line.chars if not foreign_to_mark(ch, rows, height))
    return covered < DEFAULT_GAP_MAX_COVER * (span[1] - span[0])


def foreign_to_mark(ch: str, rows: tuple[int, int], height: int) -> bool:
    """Whether ink spanning ``rows`` of a line ``height`` rows high cannot be the mark ``ch``: a quote's ink
    lies in the upper half, a 、，。's in the lower."""
    if ch in _HIGH_MARKS:
        return rows[0] > height / 2
    return ch in _LOW_MARKS and rows[1] < height / 2


def fill_gaps(line: OcrLine, img: np.ndarray, reader: GapReader | None) -> OcrLine:
    """The line with each glyph the decoding dropped (:func:`orphan_ink`) read by the recogniser over its
    ink (:func:`gap_readings`) and put in its place (:func:`is_dropped_glyph`), an unsure reading settled
    among the recogniser's others by the dictionary (:func:`lexicon_choice`)."""
    spans = orphan_ink(line, img) if reader is not None else []
    if not spans or reader is None:
        return line
    x0, y0 = max(0, int(line.box[0])), max(0, int(line.box[1]))
    row = img[y0 : int(np.ceil(line.box[3])), x0 : line_reach(line)]
    context = [c for c, _ in line.chars]
    added = []
    for (a, b), choices in zip(spans, gap_readings(reader, row, [(a - x0, b - x0) for a, b in spans]),
                               strict=True):
        text, prob = choices[0] if choices else ("", 0.0)
        at = sum(1 for _c, bx in line.chars if bx[0] + bx[2] < a + b)
        beside = {line.chars[i][0] for i in (at - 1, at) if 0 <= i < len(line.chars)}
        if is_dropped_glyph(text, prob, beside) and (at < len(context) or text in _CLOSING_MARKS):
            chosen = lexicon_choice([*context[:at], text, *context[at:]], at, choices)
            text = chosen if chosen not in beside else text
            added.append((at, text, (float(a), line.box[1], float(b), line.box[3])))
    return with_inserted(line, added)


def gap_readings(reader: GapReader, row: np.ndarray,
                 spans: list[tuple[int, int]]) -> list[tuple[tuple[str, float], ...]]:
    """The recogniser's readings of each span of ``row``, best first: its ``DEFAULT_CHOICES`` most probable
    when the reader offers them (``read_gap_choices``), else its best (``read_gaps``); ``()`` for none."""
    if hasattr(reader, "read_gap_choices"):
        return reader.read_gap_choices(row, spans, DEFAULT_CHOICES)
    return [((text, prob),) if text else () for text, prob in reader.read_gaps(row, spans)]


def is_dropped_glyph(text: str, prob: float, beside: set[str]) -> bool:
    """Whether the recogniser's reading of uncovered ink is a glyph of its own: probable enough, an ideograph
    or a Chinese mark (a stroke of a glyph outside its estimated box — 引's 丨 — reads as ``|``), and not
    the character beside it (that character's own ink past its box: a quote's second tick, the end of a long
    dash or a wide ``%``; a doubled character the decoding merged stays merged)."""
    mark = _FULL_WIDTH.get(text, text).translate(_LOOKALIKES)
    chinese = is_cjk(mark)  # curly quotes included
    return chinese and prob >= DEFAULT_GAP_MIN_PROB and text not in beside and mark not in beside


def trimmed(chars: list[tuple[str, Box]]) -> list[tuple[str, Box]]:
    """Three neighbouring characters, the outer two's boxes cut back to the middle one's where they overlap
    it (a 、 found inside a quote's box is set before the quote, never under it: lines are ordered by x)."""
    if len(chars) < 3:
        return chars
    (pc, pb), (mc, mb), (nc, nb) = chars
    before = (pb[0], pb[1], max(pb[0], min(pb[2], mb[0])), pb[3])
    after = (min(nb[2], max(nb[0], mb[2])), nb[1], nb[2], nb[3])
    return [(pc, before), (mc, mb), (nc, after)]


def with_inserted(line: OcrLine, added: list[tuple[int, str, Box]]) -> OcrLine:
    """The line with characters ``(index, text, box)`` inserted before its index-th character, the text
    rebuilt (spaces kept) and its punctuation repaired again in the new context."""
    if not added:
        return line
    at: dict[int, str] = {}
    for i, text, _b in added:  # two glyphs dropped between the same neighbours: both, in reading order
        at[i] = at.get(i, "") + text
    chars = list(line.chars)
    order = sorted(range(len(added)), key=lambda k: (added[k][0], k), reverse=True)
    for i, text, box in (added[k] for k in order):
        chars[i:i] = [(text, box)]
        chars[i - 1 : i + 2] = trimmed(chars[i - 1 : i + 2]) if i else chars[i - 1 : i + 2]
    fixed = fix_punctuation("".join(c for c, _ in chars))
    if len(fixed) == len(chars):
        chars = [(f, b) for f, (_c, b) in zip(fixed, chars, strict=True)]
    out, count = [], 0
    for ch in line.text:
        if ch != " ":
            out.append(at.get(count, ""))
            count += 1
        out.append(ch)
    out.append(at.get(count, ""))  # a closing mark found after the last character
    return OcrLine(fix_punctuation("".join(out)), line.score, line.box, chars)


def recognise(img: np.ndarray, settings: OcrSettings, dpi: float | None = None,
              seals: Seals | None = None) -> list[OcrLine]:
    """Every text line on the (deskewed) page image, top to bottom; black text under a red seal read from
    the red channel (:mod:`.seals`, ``OcrSettings.read_under_seals``).  ``dpi``: the image's resolution
    (``None``: the settings' ``dpi``), which sizes a seal in pixels; ``seals``: the image's
    :func:`.seals.find_seals`, when the caller has them."""
    engine = ocr_engine(settings)
    lines = read_lines(img, engine)
    if settings.read_under_seals:
        def read(band: np.ndarray) -> list[OcrLine]:
            return read_lines(band, engine)

        lines = read_under_seals(img, lines, read, dpi or settings.dpi, seals)
    return sorted(lines, key=lambda ln: (ln.box[1], ln.box[0]))


def gap_reader(engine: OcrEngine) -> Any | None:
    """The engine where it can read the gaps of a line (``read_gaps``: RapidOCR's recogniser), else None."""
    return engine if hasattr(engine, "read_gaps") else None


def read_lines(img: np.ndarray, engine: OcrEngine) -> list[OcrLine]:
    """The lines ``engine`` reads on an image, each repaired from the image's ink (:func:`read_line`)."""
    gaps = gap_reader(engine)
    lines = [read_line(rec, img, engine, gaps) for rec in engine.read_lines(img) if rec.text.strip()]
    return [ln for ln in lines if ln.chars]


def read_crop(crop: np.ndarray, settings: OcrSettings) -> str:
    """Text of a small image holding one short mark or word (recognition only, no detection)."""
    if crop.size == 0:
        return ""
    text, score = ocr_engine(settings).read_text(crop)
    return fix_punctuation(text) if text and score >= settings.min_score else ""


def snap_size(size: float) -> float:
    """A measured size → the standard type size it is, or itself rounded to 0.5 pt."""
    nearest = min(TYPE_SIZES, key=lambda s: abs(s - size))
    if abs(nearest - size) <= DEFAULT_SIZE_SNAP * nearest:
        return nearest
    return round(size * 2) / 2


def ink_color(img: np.ndarray, box: tuple[float, float, float, float]) -> str | None:
    """``#rrggbb`` of the median ink pixel inside the box (None when there is no ink or no colour)."""
    if img.ndim != 3:
        return None
    x0, y0, x1, y1 = (max(0, int(v)) for v in box)
    patch = img[y0 : max(y0 + 1, int(y1)), x0 : max(x0 + 1, int(x1))].reshape(-1, 3)
    ink = patch[darkest(patch) < DEFAULT_INK_LEVEL] if patch.size else patch
    if not len(ink):
        return None
    r, g, b = (int(v) for v in np.median(ink, axis=0))
    return f"#{r:02x}{g:02x}{b:02x}"


def ink_rows(img: np.ndarray, box: tuple[float, float, float, float]) -> tuple[float, float] | None:
    """First and last pixel row (image coordinates) holding the line's ink, or None without ink."""
    x0, y0, x1, y1 = (max(0, int(v)) for v in box)
    patch = img[y0 : max(y0 + 1, y1), x0 : max(x0 + 1, x1)]
    gray = darkest(patch) if patch.ndim == 3 else patch
    counts = (gray < DEFAULT_INK_LEVEL).sum(axis=1)
    if not counts.size or counts.max() == 0:
        return None
    rows = np.flatnonzero(counts >= max(1, DEFAULT_INK_ROW_SHARE * counts.max()))
    return (y0 + float(rows[0]), y0 + float(rows[-1]) + 1)


def line_em_px(line: OcrLine, ink: tuple[float, float] | None) -> float:
    """Font size of a recognised line in image pixels, from its ink height and its ideographs' pitch."""
    centres = [(b[0] + b[2]) / 2 for c, b in line.chars if is_ideograph(c)]
    height = (ink[1] - ink[0]) if ink else line.box[3] - line.box[1]
    estimate = height / (DEFAULT_CJK_INK_EM if centres else DEFAULT_OTHER_INK_EM)
    if len(centres) >= DEFAULT_MIN_PITCH_CHARS:
        estimate = min(estimate, statistics.median(np.diff(centres)))
    return float(estimate)


def line_size(line: OcrLine, ink: tuple[float, float] | None, scale: float) -> float:
    """Font size (pt) of a recognised line, snapped to the standard type sizes."""
    return snap_size(line_em_px(line, ink) * scale)


def line_chars(line: OcrLine, img: np.ndarray, scale: float) -> list[Char]:
    """Character dicts (PDF points) of one recognised line, with the line's size and ink colour."""
    ink = ink_rows(img, line.box)
    size = line_size(line, ink, scale)
    mid = ((ink[0] + ink[1]) / 2 if ink else (line.box[1] + line.box[3]) / 2) * scale
    color = ink_color(img, line.box)
    rgb = None if color is None else tuple(int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return [
        {"text": ch, "x0": b[0] * scale, "x1": b[2] * scale, "top": mid - size / 2, "bottom": mid + size / 2,
         "size": size, "fontname": OCR_FONT, "non_stroking_color": rgb, "upright": True}
        for ch, b in line.chars if ch.strip()
    ]


def page_chars(lines: list[OcrLine], img: np.ndarray, scale: float) -> list[Char]:
    """All characters of a page, for the text-line and cell code of ``extract``."""
    return [ch for line in lines for ch in line_chars(line, img, scale)]


def median_char_height(lines: list[OcrLine]) -> float:
    heights = [ln.box[3] - ln.box[1] for ln in lines]
    return statistics.median(heights) if heights else 0.0
