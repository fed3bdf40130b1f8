"""Is a page's text layer readable?  Per-page check that decides which pages go to OCR.

A page needs OCR when its text layer is missing (a scan), or when it is there but is not the text printed:

* glyph codes instead of characters — pdfminer's ``(cid:N)`` for fonts without a ``/ToUnicode`` map,
  private-use code points, U+FFFD replacement characters.  A font that gives such codes for some of its
  glyphs has no map at all, so its other glyphs (read as ``LMNOPQ``, ``ÍÎÊ`` from the raw code bytes) count as
  codes too;
* CJK text that is mostly characters outside common use — the signature of a wrong Unicode map (glyph ids
  read as code points, or GBK bytes decoded as something else).  "Common use" is measured against the
  character set of jieba's dictionary: every character of a word whose summed dictionary frequency reaches
  ``DEFAULT_COMMON_MIN_FREQ``, about 3,300 characters, close to the 3,500 of the official 常用字 list.
  Measured on the bundled samples: 0.05% of the ideographs of two long born-digital notices fall outside it
  (霾, 孵, 竣…), but 75% of UTF-8 text decoded as GBK (鍙戝睍…).  The set ships with the package as
  ``policy_extract/core/data/common_chars.txt`` (written by ``tools/make_common_chars.py`` with
  :func:`derive_common_chars`), so the check reads 10 KB instead of parsing jieba's 5 MB dictionary (over a
  second per worker); a test holds it equal to the set derived from the installed jieba.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

_UNENCODABLE = re.compile("[\ud800-\udfff]")
"""Code points no UTF-8 writer accepts: lone surrogates."""

DEFAULT_MAX_COORD = 1e6
"""A coordinate or size beyond this many points (or NaN/inf) is damage: no page is that large."""
_GEOMETRY_KEYS = ("x0", "x1", "top", "bottom", "size")
DEFAULT_COMMON_MIN_FREQ = 1000
"""A CJK character is in common use when the jieba frequencies of the words containing it sum to this."""
DEFAULT_MAX_BAD_SHARE = 0.3
"""A page whose visible characters are this share or more glyph codes/private-use/U+FFFD is garbled."""
DEFAULT_MAX_RARE_SHARE = 0.4
"""A page whose CJK ideographs are this share or more outside common use is garbled."""
DEFAULT_FONT_BAD_SHARE = 0.1
"""A font with this share or more of its glyphs unmapped has no Unicode map: all its glyphs are codes."""
DEFAULT_MIN_CHARS = 8
"""Fewer visible characters than this say too little to judge (a stray page number): left as they are."""

DEFAULT_SCAN_MAX_CHARS = 32
"""A page whose text layer holds fewer visible characters than this (a scanner app's watermark, a stamp
caption, a page number) while raster images cover most of it is a scan: its text is in the image."""
DEFAULT_SCAN_MIN_COVER = 0.5
"""Share of the page area the images must cover for :data:`DEFAULT_SCAN_MAX_CHARS` to make it a scan
(measured: CamScanner pages 0.91-0.94; born-digital pages with a background image carry 76+ characters)."""
DEFAULT_MIN_RULE_LENGTH = 10.0
"""A page without text whose lines and rectangles are all at least this long (points) and level or upright
draws rules only (:func:`draws_only_rules`): a stroke of a glyph is shorter than its em."""
_AXIS_TOLERANCE = 0.5
_COVER_GRID = 64
"""Image cover is measured on a grid of this many cells a side (overlapping or tiled images count once)."""

LayerKind = Literal["ok", "empty", "blank", "garbled", "scan"]
Box = tuple[float, float, float, float]
_CID = re.compile(r"^\(cid:\d+\)$")
_DICT_ENTRY = re.compile(r"^(\S+) (\d+)", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class LayerCheck:
    """Verdict on one page's text layer, with the counts behind it (for warnings and tests)."""

    kind: LayerKind
    visible: int = 0
    bad: int = 0
    """``(cid:N)``, private-use and replacement characters."""
    cjk: int = 0
    rare: int = 0
    """CJK characters outside common use."""

    @property
    def needs_ocr(self) -> bool:
        return self.kind not in ("ok", "blank")

    def reason(self) -> str:
        if self.kind == "empty":
            return "no text layer"
        if self.kind == "blank":
            return "no text layer and nothing drawn but lines and rectangles"
        if self.kind == "scan":
            return f"a scanned image with a text layer of only {self.visible} characters"
        if self.bad:
            return f"{self.bad} of {self.visible} characters are glyph codes without a Unicode map"
        return f"{self.rare} of {self.cjk} CJK characters are outside common use (wrong Unicode map)"


COMMON_CHARS_TABLE = "common_chars"
"""The shipped table of :func:`common_chars` at the default threshold (``core/data/common_chars.txt``)."""


@lru_cache(maxsize=4)
def common_chars(min_freq: int = DEFAULT_COMMON_MIN_FREQ) -> frozenset[str]:
    """CJK characters in common use (read once per process): the shipped table at the default threshold,
    else derived from jieba's bundled dictionary."""
    if min_freq == DEFAULT_COMMON_MIN_FREQ:
        from policy_extract.core.vocabulary import word_list

        return frozenset("".join(word_list(COMMON_CHARS_TABLE)))
    return jieba_common_chars(min_freq)


def jieba_common_chars(min_freq: int = DEFAULT_COMMON_MIN_FREQ) -> frozenset[str]:
    """:func:`derive_common_chars` of the dictionary of the installed jieba (the shipped table's source)."""
    import jieba

    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as fh:
        return derive_common_chars(fh.read(), min_freq)


def derive_common_chars(dictionary: str, min_freq: int = DEFAULT_COMMON_MIN_FREQ) -> frozenset[str]:
    """The ideographs of a jieba-format dictionary (``word freq [tag]`` a line) whose words' frequencies,
    summed over every word containing the character, reach ``min_freq``."""
    counts: Counter[str] = Counter()
    for word, freq in _DICT_ENTRY.findall(dictionary):
        n = int(freq)
        for ch in word:
            counts[ch] += n
    return frozenset(ch for ch, n in counts.items() if n >= min_freq and is_ideograph(ch))


def is_ideograph(ch: str) -> bool:
    """A CJK ideograph (punctuation excluded: full-width marks are common but not in a word list)."""
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x3134F


def is_bad_char(text: str) -> bool:
    """A glyph code, private-use or replacement character: text the PDF could not map to Unicode."""
    if len(text) > 1:
        return bool(_CID.match(text))
    code = ord(text) if text else 0
    return (0xE000 <= code <= 0xF8FF or code >= 0xF0000 or code == 0xFFFD
            or (code < 0x20 and text not in "\t\n\r"))


_BAD_CODE_POINT = re.compile("[\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff\x00-\x08\x0b\x0c\x0e-\x1f]")
"""One-character texts :func:`is_bad_char` calls bad: private use, replacement, control characters."""
_IDEOGRAPH = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0003134f]")
"""What :func:`is_ideograph` accepts."""


def one_code_point_each(texts: list[str], joined: str) -> bool:
    """Whether every text is one code point (``joined`` their concatenation): then the texts can be judged in
    one regex pass over ``joined`` (a page has thousands)."""
    return len(joined) == len(texts) and "" not in texts


def count_bad(texts: list[str]) -> int:
    """How many of ``texts`` :func:`is_bad_char` calls bad."""
    joined = "".join(texts)
    if one_code_point_each(texts, joined):
        return len(_BAD_CODE_POINT.findall(joined))
    return sum(1 for t in texts if is_bad_char(t))


def ideographs(texts: list[str]) -> list[str]:
    """The one-character texts that are ideographs, in order."""
    joined = "".join(texts)
    if one_code_point_each(texts, joined):
        return _IDEOGRAPH.findall(joined)
    return [t for t in texts if len(t) == 1 and is_ideograph(t)]


def check_texts(texts: Iterable[str], *, min_chars: int = DEFAULT_MIN_CHARS,
                max_bad_share: float = DEFAULT_MAX_BAD_SHARE,
                max_rare_share: float = DEFAULT_MAX_RARE_SHARE) -> LayerCheck:
    """Verdict on a page from the texts of its characters (pdfplumber ``char["text"]`` values)."""
    visible = [t for t in texts if t.strip()]
    if not visible:
        return LayerCheck("empty")
    bad = count_bad(visible)
    cjk_chars = ideographs(visible)
    common = common_chars() if cjk_chars else frozenset()
    rare = len(cjk_chars) - sum(map(common.__contains__, cjk_chars))
    check = LayerCheck("ok", len(visible), bad, len(cjk_chars), rare)
    if len(visible) < min_chars and not bad:
        return check
    if bad >= max_bad_share * len(visible):
        return LayerCheck("garbled", len(visible), bad, len(cjk_chars), rare)
    if len(cjk_chars) >= min_chars and rare >= max_rare_share * len(cjk_chars):
        return LayerCheck("garbled", len(visible), bad, len(cjk_chars), rare)
    return check


def unmapped_fonts(chars: Iterable[dict[str, Any]],
                   min_share: float = DEFAULT_FONT_BAD_SHARE) -> frozenset[str]:
    """Fonts (by name) that give glyph codes for at least ``min_share`` of their visible glyphs."""
    chars = chars if isinstance(chars, list) else list(chars)
    if min_share > 0 and not count_bad([ch["text"] for ch in chars]):
        return frozenset()  # the common page: no code at all, so no font reaches a positive share
    seen: Counter[str] = Counter()
    bad: Counter[str] = Counter()
    for ch in chars:
        if ch["text"].strip():
            seen[ch.get("fontname", "")] += 1
            bad[ch.get("fontname", "")] += is_bad_char(ch["text"])
    return frozenset(f for f, n in seen.items() if bad[f] >= min_share * n)


def check_chars(chars: list[dict[str, Any]], cover: Callable[[], float] | None = None) -> LayerCheck:
    """Verdict on a page from its characters (pdfplumber char dicts): glyphs of unmapped fonts are codes.

    ``cover`` gives the share of the page that raster images cover; it is asked only when the text layer is
    nearly empty, and a page it says is mostly image is a scan (:func:`is_scan`)."""
    unmapped = unmapped_fonts(chars)
    texts = ["\ufffd" if ch.get("fontname", "") in unmapped and ch["text"].strip() else ch["text"]
             for ch in chars]
    check = check_texts(texts)
    if check.kind == "ok" and cover is not None and is_scan(check.visible, cover):
        return LayerCheck("scan", check.visible, check.bad, check.cjk, check.rare)
    return check


def is_scan(visible: int, cover: Callable[[], float], max_chars: int = DEFAULT_SCAN_MAX_CHARS,
            min_cover: float = DEFAULT_SCAN_MIN_COVER) -> bool:
    """A page with fewer than ``max_chars`` visible characters over images covering ``min_cover`` of it."""
    return visible < max_chars and cover() >= min_cover


def image_cover(boxes: Iterable[Box], frame: Box) -> float:
    """Share of ``frame`` (x0, y0, x1, y1) covered by the union of ``boxes`` (same coordinates, any y
    direction), measured on a grid of :data:`_COVER_GRID` cells a side."""
    fx0, fy0, fx1, fy1 = frame
    width, height = fx1 - fx0, fy1 - fy0
    if width <= 0 or height <= 0:
        return 0.0
    n = _COVER_GRID
    covered: set[tuple[int, int]] = set()
    for x0, y0, x1, y1 in boxes:
        c0, c1 = _cells(min(x0, x1) - fx0, max(x0, x1) - fx0, width, n)
        r0, r1 = _cells(min(y0, y1) - fy0, max(y0, y1) - fy0, height, n)
        covered.update((r, c) for r in range(r0, r1) for c in range(c0, c1))
    return len(covered) / (n * n)


def _cells(lo: float, hi: float, extent: float, n: int) -> tuple[int, int]:
    """Grid cells [first, last) whose centres lie within ``lo..hi`` of ``0..extent``."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return 0, 0
    first = max(0, math.ceil(lo / extent * n - 0.5))
    return first, min(n, max(first, math.floor(hi / extent * n - 0.5) + 1))


def valid_unicode_chars(chars: Iterable[dict[str, Any]]) -> int:
    """Make every char's text valid Unicode in place (lone surrogates, which pdfminer gives for some broken
    /ToUnicode maps, become U+FFFD, so no document fails while writing); returns how many were replaced."""
    chars = chars if isinstance(chars, list) else list(chars)
    try:
        if not _UNENCODABLE.search("".join([ch.get("text") for ch in chars])):
            return 0  # the common page, in one search: the class matches single code points
    except TypeError:  # a text that is no str: each char checked below
        pass
    replaced = 0
    for ch in chars:
        text = ch.get("text")
        if isinstance(text, str) and _UNENCODABLE.search(text):
            fixed, n = _UNENCODABLE.subn("\ufffd", text)
            ch["text"], replaced = fixed, replaced + n
    return replaced


def is_bad_value(obj: dict[str, Any]) -> bool:
    """An object (char, rule, curve) whose position or size is not a number any page can hold."""
    for key in _GEOMETRY_KEYS:
        value = obj.get(key)
        if value is None or (type(value) is float and -DEFAULT_MAX_COORD <= value <= DEFAULT_MAX_COORD):
            continue  # the common case first (NaN and ±inf fail the comparison and are judged below)
        if not isinstance(value, int | float) or not math.isfinite(value) or abs(value) > DEFAULT_MAX_COORD:
            return True
    return False


def drop_bad_values(objects: list[dict[str, Any]]) -> int:
    """Remove in place the objects with a damaged coordinate (NaN, inf, absurdly large): only they are lost,
    not the page or the document; returns how many were removed."""
    kept = [obj for obj in objects if not is_bad_value(obj)]
    dropped = len(objects) - len(kept)
    if dropped:
        objects[:] = kept
    return dropped


def check_page(page: Any) -> LayerCheck:
    """Verdict on a pdfplumber page's text layer (its images tell a scan with a watermark layer); an empty
    layer on a page that draws nothing OCR could read is ``blank`` (:func:`draws_only_rules`)."""
    frame = (0.0, 0.0, float(page.width), float(page.height))
    check = check_chars(page.chars, lambda: image_cover(
        ((im["x0"], im["top"], im["x1"], im["bottom"]) for im in page.images), frame))
    if check.kind == "empty" and draws_only_rules(page):
        return LayerCheck("blank")
    return check


def draws_only_rules(page: Any, min_length: float = DEFAULT_MIN_RULE_LENGTH) -> bool:
    """A pdfplumber page whose marks are rules only: no raster image, no curve (the form of a glyph outline:
    text printed as paths), no annotation but links, and every line and rectangle horizontal or vertical and
    at least ``min_length`` long (the side of a cell, a rule across).  A blank page, or a table's empty last
    row or frame pushed onto a page of its own, prints nothing OCR could read; rendering it and loading the
    OCR engine for it cost a second and hundreds of MB.  Text stroked as segments (a CAD drawing's SHX
    lettering) has slanted or short strokes, so its page still goes to OCR."""
    if page.images or page.curves:
        return False
    if not all(_is_rule(obj, min_length) for obj in (*page.lines, *page.rects)):
        return False
    return all(_is_link(annot) for annot in page.annots)


def _is_rule(obj: dict[str, Any], min_length: float) -> bool:
    """A line or rectangle that is a rule or a cell's frame: level or upright, and long."""
    width, height = abs(obj["x1"] - obj["x0"]), abs(obj["bottom"] - obj["top"])
    if obj.get("object_type") == "line" and min(width, height) > _AXIS_TOLERANCE:
        return False  # slanted
    return max(width, height) >= min_length


def _is_link(annot: dict[str, Any]) -> bool:
    subtype = (annot.get("data") or {}).get("Subtype")
    return getattr(subtype, "name", subtype) == "Link"
