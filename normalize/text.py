"""Joining printed lines into logical text (SPEC "Text everywhere").

Rules, applied at each line break:

* a CJK character (or full-width punctuation) on either side → nothing: Chinese has no inter-word space;
* a line of Latin text ending in a letter, a digit, a closing mark or clause punctuation (vocabulary
  ``LATIN_BREAK_END``, or a word's ``/``) before one starting with a letter,
  a digit, an opening bracket or a bullet (``LATIN_BREAK_START``) → one space (``ISO\\n9000`` → ``ISO 9000``,
  ``compounds\\n(as HCl)`` → ``compounds (as HCl)``, ``34.8%\\nPrima`` → ``34.8% Prima``), except a line-final
  hyphen between two lowercase letters, which is a hyphenation and is removed;
* anywhere else (a hyphen before a capital, ``Non-\\nNegligent``; a path's ``/``) → nothing, as printed.

Characters are never dropped; only the break itself is replaced.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from policy_extract.core.vocabulary import LATIN_BREAK_END, LATIN_BREAK_START, is_cjk

_HYPHENATED = re.compile(r"[a-z]-$")
_WORD_SLASH = re.compile(r"(?:^|\s)(?:[A-Za-z]{2,}[a-z]{2})?/$")
"""A line ending in a slash between words (``Asian/``, ``Murder /``): after a Latin word of four letters or
more alone, or alone itself; not a path's (``org/products/``), a unit's (``kg/``), a code's (``GB/``)."""


def line_separator(prev: str, nxt: str) -> str:
    """What replaces the break between a line ending in ``prev`` and one starting with ``nxt``."""
    if not prev or not nxt:
        return ""
    a, b = prev[-1], nxt[0]
    if is_cjk(a) or is_cjk(b) or is_cjk(_word_char(reversed(prev))) or is_cjk(_word_char(nxt)):
        return ""
    ends = _latin_alnum(a) or a in LATIN_BREAK_END or bool(_WORD_SLASH.search(prev))
    starts = _latin_alnum(b) or b in LATIN_BREAK_START
    return " " if ends and starts else ""


def _word_char(chars: Iterable[str]) -> str:
    """The first character that is no mark of the break grammar (bracket, quote, clause punctuation, bullet,
    blank): what a mark at the break belongs to (``(亿元)`` / ``GDP`` is a Chinese word's bracket)."""
    marks = LATIN_BREAK_END + LATIN_BREAK_START + "/ "
    return next((ch for ch in chars if ch not in marks), "")


def _latin_alnum(ch: str) -> bool:
    """A letter or digit of an alphabetic script (Latin with accents, Greek, Cyrillic), not of East Asia."""
    return ch.isalnum() and ord(ch) < 0x2E80


def join_lines(lines: list[str]) -> str:
    """Join printed lines of one logical block (paragraph, cell, sidebar item) into one string."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        if _HYPHENATED.search(out) and line[:1].islower():
            out = out[:-1] + line
            continue
        out = out + line_separator(out, line) + line
    return out


def nfkc(text: str) -> str:
    """NFKC, used only where the SPEC asks for it (numbers, units, 文号), never on stored text."""
    return unicodedata.normalize("NFKC", text)


def squash_spaces(text: str) -> str:
    """Remove spaces that sit next to a CJK character; keep single spaces between Latin words.

    For identifiers that the SPEC normalizes (文号, titles joined across lines), not for body text.
    """
    return _drop_cjk_spaces(re.sub(r"\s+", " ", text.strip()))


def _drop_cjk_spaces(text: str) -> str:
    chars = list(text)
    keep: list[str] = []
    for i, ch in enumerate(chars):
        if ch == " ":
            prev = keep[-1] if keep else ""
            nxt = chars[i + 1] if i + 1 < len(chars) else ""
            if is_cjk(prev) or is_cjk(nxt) or not prev or not nxt:
                continue
        keep.append(ch)
    return "".join(keep)
