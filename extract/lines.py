"""Characters → printed text lines (`Line`), with their font facts.

Characters are grouped by their vertical centre, sorted left to right, and joined.  Spaces are decided from
geometry, as printed: a typed blank (a space glyph) or a real gap between Latin/digit runs gives one space
(0.5 em, or, in a Latin line that types no blanks, a gap clearly wider than the line's own letter spacing:
TeX's word gaps); CJK characters that justification merely spreads wider get none.  Glyphs overprinted at
the same spot (a word processor's fake bold) are counted once and mark the line bold, as glyphs filled and
stroked with a visible outline do (:func:`stroked_bold`, the fake bold of text render mode 2/6).  Radicals
a subset font reads back for the ideographs it prints (``⼈⺠`` for 人民) fold to the ideographs
(``vocabulary.fold_shared_glyphs``); the line keeps the encoded text in ``Line.raw``.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from policy_extract.core.geometry import round_bbox
from policy_extract.core.model import Line
from policy_extract.core.vocabulary import fold_shared_glyphs, is_cjk

from .settings import ExtractSettings

Char = dict[str, Any]

DEFAULT_OVERPRINT_SHIFT = 0.2
"""Same glyph repeated within this many em of itself is an overprint (fake bold), not a second character."""
_SUBSET_PREFIX = re.compile(r"^[A-Z]{6}\+")
_MEMO_LIMIT = 4096
_BASE_NAMES: dict[str, str] = {}
_COLOR_HEX: dict[tuple[Any, ...], str | None] = {}
_TRUE_BOLD_NAME = re.compile(r"bold|heavy|black", re.IGNORECASE)
FILL_STROKE_MODES = frozenset({2, 6})
"""Text render modes that fill a glyph and stroke its outline (6 also clips), as Word and WPS print 加粗 on
a font without a bold face (仿宋, 楷体): a character drawn so carries its stroke's ``linewidth`` (as written,
before the CTM: what both page sources can read), a fake bold when the stroke is visible
(:data:`STROKE_BOLD_SHARE`)."""
STROKE_BOLD_SHARE = 0.015
"""An outline stroke at least this share of the font size makes a filled glyph bold.  Word and WPS print
加粗 on a font without a bold face (仿宋, 楷体) with a stroke of about 1/35 em (0.40 pt at 14 pt, 0.46 at
16 pt), reportlab's ~1/33, ICDAR eu-003's 1/50; a hairline (``0 w``) adds nothing to the glyph.  The width
as written is compared with the character's size on the page: exact where the CTM does not scale (every
stroked text of the four corpora), otherwise off by the CTM's scale (pdfium exposes no CTM of a text object).
:func:`make_line` marks a line bold when at least half its glyphs are overprinted or stroked so."""
_STROKE_DIGITS = 4


@dataclass(slots=True)
class TextRow:
    """Characters of one visual line, left to right, overprints removed."""

    chars: list[Char]
    overprinted: int = 0
    words: list[list[Char]] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(c["top"] for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c["bottom"] for c in self.chars)

    @property
    def x0(self) -> float:
        return self.chars[0]["x0"]

    @property
    def x1(self) -> float:
        return max(c["x1"] for c in self.chars)


def base_font_name(fontname: str) -> str:
    """``ABCDEF+SimHei`` → ``SimHei``."""
    base = _BASE_NAMES.get(fontname)
    if base is None:
        base = _SUBSET_PREFIX.sub("", fontname or "")
        if isinstance(fontname, str):
            _BASE_NAMES[fontname] = _remember(_BASE_NAMES, base)
    return base


def _remember(cache: dict[Any, Any], value: Any) -> Any:
    """Keep a memo of a pure per-character function small: a document has a handful of fonts and colours,
    so a full memo means unusual input, and starting it afresh bounds its memory."""
    if len(cache) >= _MEMO_LIMIT:
        cache.clear()
    return value


def stroke_value(width: float) -> float:
    """A text object's line width as a character's ``linewidth``: rounded to the decimals a producer writes
    (``0.5145``), so pdfium's float32 (snapped to its short decimal) and pdfminer's double (divided by the
    CTM's scale and back) give the same number."""
    return round(float(width), _STROKE_DIGITS)


def stroked_bold(chars: Sequence[Char]) -> int:
    """How many of the characters are filled and outlined with a visible stroke
    (:data:`STROKE_BOLD_SHARE`)."""
    return sum(1 for c in chars if c.get("linewidth", 0.0) >= STROKE_BOLD_SHARE * c["size"])


def is_blank(ch: Char) -> bool:
    return not ch["text"].strip()


def color_hex(color: Any) -> str | None:
    """pdfplumber colour tuple (gray, RGB or CMYK in 0..1) → ``#rrggbb``; patterns → None.  Memoised by
    the tuple (every character of a line asks with one of a few colours)."""
    if type(color) is not tuple:
        return _color_hex(color)
    try:
        return _COLOR_HEX[color]
    except KeyError:
        value = _COLOR_HEX[color] = _remember(_COLOR_HEX, _color_hex(color))
        return value
    except TypeError:  # an unhashable part (a pattern's operands)
        return _color_hex(color)


def _color_hex(color: Any) -> str | None:
    if not isinstance(color, tuple | list) or not color or not all(isinstance(v, int | float) for v in color):
        return None
    if len(color) == 1:
        rgb = (color[0],) * 3
    elif len(color) == 3:
        rgb = tuple(color)
    elif len(color) == 4:
        c, m, y, k = color
        rgb = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    else:
        return None
    return "#" + "".join(f"{max(0, min(255, round(float(v) * 255))):02x}" for v in rgb)


def char_rows(chars: Iterable[Char], settings: ExtractSettings) -> list[TextRow]:
    """Group characters into visual lines, top to bottom; each line sorted left to right."""
    chars = chars if isinstance(chars, list) else list(chars)
    mids = [(c["top"] + c["bottom"]) / 2 for c in chars]
    groups: list[list[Char]] = []
    mid_sum = 0.0
    tolerance = settings.line_tolerance
    for i in sorted(range(len(chars)), key=mids.__getitem__):  # stable: as sorting the characters by mid
        ch, mid = chars[i], mids[i]
        if groups:
            row = groups[-1]
            row_mid = mid_sum / len(row)
            if abs(mid - row_mid) <= tolerance * max(ch["size"], 1.0):
                row.append(ch)
                mid_sum += mid
                continue
        groups.append([ch])
        mid_sum = mid
    rows = [dedupe_overprints(sorted(g, key=_X0)) for g in groups]
    return [r for r in rows if r.chars]


_X0 = itemgetter("x0")


def dedupe_overprints(chars: list[Char]) -> TextRow:
    """Drop a glyph printed again on top of itself (fake bold) and leading/trailing blanks."""
    kept: list[Char] = []
    overprinted = 0
    for ch in chars:
        if kept and is_overprint(kept, ch):
            overprinted += 1
            continue
        kept.append(ch)
    while kept and is_blank(kept[-1]):
        kept.pop()
    while kept and is_blank(kept[0]):
        kept.pop(0)
    return TextRow(kept, overprinted)


def is_overprint(kept: list[Char], ch: Char) -> bool:
    """Whether ``ch`` repeats one of the last three kept glyphs at its spot (the text compared first: most
    characters differ from their neighbours)."""
    text = ch["text"]
    shift = None
    for prev in reversed(kept[-3:]):
        if prev["text"] != text:
            continue
        if shift is None:
            shift = DEFAULT_OVERPRINT_SHIFT * max(ch["size"], 1.0)
        if abs(prev["x0"] - ch["x0"]) < shift and abs(prev["top"] - ch["top"]) < shift:
            return True
    return False


def row_text(chars: Sequence[Char], settings: ExtractSettings) -> str:
    """The printed text of a run of characters, with spaces where the page shows them (:func:`needs_space`,
    judged against the run's own :func:`letter_gap`; a gap below every threshold, or at least the Latin and
    the CJK one, is judged without asking which)."""
    out: list[str] = []
    prev: Char | None = None
    blank_between = False
    low = min(settings.latin_space_em, settings.latin_word_gap_em, settings.cjk_space_em)
    high = max(settings.latin_space_em, settings.cjk_space_em)
    letters, cjk = letter_gap(chars)
    s = settings
    piece = False  # prev is a later piece of a glyph split in two (ligature ``ﬁ`` read as f, i): end unknown
    for ch in chars:
        text = ch["text"]
        if not text.strip():
            blank_between = prev is not None
            continue
        if prev is not None:
            em = max(prev["size"], ch["size"], 1.0)
            if blank_between:
                out.append(" ")
            else:
                gap, known = ch["x0"] - prev["x1"], None if piece else letters
                if gap >= high * em or (gap >= low * em and needs_space(prev, ch, False, s, known, cjk)):
                    out.append(" ")
            piece = not blank_between and abs(ch["x0"] - prev["x0"]) < _PIECE_EM * em
        out.append(text)
        prev, blank_between = ch, False
    return "".join(out)


OCR_FONT = "OCR"
"""The font name of characters read by OCR (``extract.ocr`` gives it; their boxes are estimates)."""
_PIECE_EM = 0.1
"""Two characters starting within this many em of each other are pieces of one glyph (a ligature)."""
_MIN_LETTER_PAIRS = 3
"""Latin letter pairs a run needs for its median gap to be its letter spacing (fewer: unknown)."""
_NUMBER_CHARS = frozenset("0123456789.,")
_NO_SPACE_BEFORE = frozenset(",.;:!?)]}%")
_NO_SPACE_AFTER = frozenset("([{")
"""Latin typography sets no word space before closing punctuation or after an opening bracket: a gap there
is justification or kerning."""


def letter_gap(chars: Sequence[Char]) -> tuple[float | None, bool]:
    """The run's own letter spacing, in em: the median gap between adjacent Latin characters (0 if negative);
    None, unknown, with fewer than three such pairs or where the run types its Latin word spaces as blank
    glyphs (a gap without one there is a kerning or a ligature's box, not a word space), or that holds OCR
    characters (their boxes are estimated from the recognised line, so a gap between two is no evidence:
    ``EngineeringVillage`` came out ``En gineering``).  And whether the run holds a CJK character:
    justification spreads a Chinese line at its Latin/digit boundaries (``GB/T5657``), so there only a gap
    between two Latin letters is a word space (``CCF A类``)."""
    if any(ch.get("fontname") == OCR_FONT for ch in chars):
        return None, any(ch["text"] and is_cjk(ch["text"][0]) for ch in chars)
    gaps: list[float] = []
    prev: Char | None = None
    blank = cjk = False
    for ch in chars:
        text = ch["text"]
        if not text.strip():
            blank = prev is not None
            continue
        if is_cjk(text[0]):
            prev, cjk = None, True
            continue
        if prev is not None and blank:
            return None, cjk
        if prev is not None:
            gaps.append((ch["x0"] - prev["x1"]) / max(prev["size"], ch["size"], 1.0))
        prev, blank = ch, False
    if len(gaps) < _MIN_LETTER_PAIRS:
        return None, cjk
    return max(0.0, statistics.median(gaps)), cjk


def needs_space(
    prev: Char,
    ch: Char,
    blank_between: bool,
    settings: ExtractSettings,
    letters: float | None = None,
    cjk_line: bool = False,
) -> bool:
    """Whether a space stands between two characters: a typed blank; between Latin characters a gap of
    ``latin_space_em``, or ``latin_word_gap_em`` wider than the line's ``letters`` spacing where it is known
    (not inside a number; in a ``cjk_line`` between two letters only); next to a CJK character a gap of
    ``cjk_space_em``."""
    if blank_between:
        return True  # a typed blank is printed text (文号 such as “〔2022〕 15 号” keep it)
    em = max(prev["size"], ch["size"], 1.0)
    gap = ch["x0"] - prev["x1"]
    a, b = prev["text"][-1], ch["text"][0]
    if is_cjk(a) or is_cjk(b):
        return gap >= settings.cjk_space_em * em
    if gap >= settings.latin_space_em * em:
        return True
    if letters is None or (a in _NUMBER_CHARS and b in _NUMBER_CHARS):
        return False
    if b in _NO_SPACE_BEFORE or a in _NO_SPACE_AFTER or (cjk_line and not (_letter(a) and _letter(b))):
        return False
    return gap >= (letters + settings.latin_word_gap_em) * em


def _letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def split_words(row: TextRow, settings: ExtractSettings) -> list[list[Char]]:
    """Runs of characters separated by a wide gap (blank glyphs count as gap): cells of aligned text."""
    words: list[list[Char]] = []
    current: list[Char] = []
    last_x1 = None
    for ch in row.chars:
        if is_blank(ch):
            continue
        em = max(ch["size"], 1.0)
        if current and last_x1 is not None and ch["x0"] - last_x1 >= settings.word_gap_em * em:
            words.append(current)
            current = []
        current.append(ch)
        last_x1 = ch["x1"]
    if current:
        words.append(current)
    return words


def cut_at_marked(row: TextRow, marked: set[int], settings: ExtractSettings) -> list[tuple[TextRow, bool]]:
    """The row's pieces left to right, each with whether it is marked: the words (:func:`split_words`) of
    which a character's ``id`` is in ``marked``, whole, and the rest.  A row with no marked character is one
    unmarked piece; a row whose rest is blank, one marked piece."""
    if not any(id(c) in marked for c in row.chars):
        return [(row, False)]
    words = {id(c) for w in split_words(row, settings) if any(id(c) in marked for c in w) for c in w}
    rest = [c for c in row.chars if id(c) not in words]
    if all(is_blank(c) for c in rest):
        return [(row, True)]
    parts = [(TextRow([c for c in row.chars if id(c) in words]), True),
             (TextRow(rest, row.overprinted), False)]
    return sorted(parts, key=lambda p: p[0].x0)


def most_common(values: Iterable[Any], default: Any) -> Any:
    counts = Counter(values)
    return counts.most_common(1)[0][0] if counts else default


def most_common_of(counts: Counter[Any], key: Callable[[Any], Any], default: Any) -> Any:
    """:func:`most_common` of ``key`` over the counted values, ``key`` asked once per distinct value: the
    counts are summed by key in the order the values first came, so ties go to the same key."""
    by_key: dict[Any, int] = {}
    for value, n in counts.items():
        k = key(value)
        by_key[k] = by_key.get(k, 0) + n
    return max(by_key.items(), key=lambda kv: kv[1])[0] if by_key else default


_FONTNAME, _SIZE, _TOP, _BOTTOM, _X1 = (itemgetter(k) for k in ("fontname", "size", "top", "bottom", "x1"))


def make_line(chars: Sequence[Char], page: int, settings: ExtractSettings, overprinted: int = 0) -> Line:
    """One `Line` from the (sorted, deduplicated) characters of a visual line or a cell's part of it."""
    visible = [c for c in chars if c["text"].strip()] or list(chars)
    font = most_common_of(Counter(map(_FONTNAME, visible)), base_font_name, "")
    size = most_common_of(Counter(map(_SIZE, visible)), lambda v: round(float(v), 1), 0.0)
    cjk_widths = [c["x1"] - c["x0"] for c in visible if is_cjk(c["text"][:1])]
    char_width = statistics.median(cjk_widths) if cjk_widths else float(size)
    bbox = (min(map(_X0, visible)), min(map(_TOP, visible)),
            max(map(_X1, visible)), max(map(_BOTTOM, visible)))
    fake_bold = (overprinted + stroked_bold(visible)) * 2 >= len(visible)
    printed = row_text(chars, settings)
    text = fold_shared_glyphs(printed)
    return Line(
        text=text,
        page=page,
        bbox=round_bbox(bbox),
        font=font,
        size=float(size),
        bold=bool(_TRUE_BOLD_NAME.search(font)) or fake_bold,
        color=line_color(visible),
        char_width=round(float(char_width), 2),
        raw=printed if printed != text else "",
    )


def line_color(visible: list[Char]) -> str | None:
    """The commonest ``#rrggbb`` of the characters' fill colours (ties: the first seen), each distinct colour
    converted once."""
    colors = [c.get("non_stroking_color") for c in visible]
    try:
        counts = Counter(colors)
    except TypeError:  # an unhashable colour (a list, a pattern's operands): converted one by one
        return most_common(map(color_hex, colors), None)
    return most_common_of(counts, color_hex, None)


def lines_from_chars(chars: Iterable[Char], page: int, settings: ExtractSettings) -> list[Line]:
    """Text lines of a region (page remainder or one cell), top to bottom."""
    return [make_line(r.chars, page, settings, r.overprinted) for r in char_rows(chars, settings)]
