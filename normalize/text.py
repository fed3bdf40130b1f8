"""Joining printed lines into logical text (SPEC "Text everywhere").

Rules, applied at each line break:

* a CJK character (or full-width punctuation) on either side → nothing: Chinese has no inter-word space;
* a line of Latin text ending in a letter, a digit, a closing mark or clause punctuation (vocabulary
  ``LATIN_BREAK_END``, or a word's ``/``) before one starting with a letter,
  a digit, an opening bracket or a bullet (``LATIN_BREAK_START``) → one space (``ISO\\n9000`` → ``ISO 9000``,
  ``compounds\\n(as HCl)`` → ``compounds (as HCl)``, ``34.8%\\nPrima`` → ``34.8% Prima``), except a line-final
  hyphen between two lowercase letters, which is a hyphenation and is removed;
* a number, mark or bracket at the break belongs to the nearest letter beyond it: a CJK one → nothing
  (``增长8.5%,\\n2025年``, ``100%;\\n2.推进``, ``15%\\n(2024年)``), save a numbered item after a Latin
  word (``….docx\\n2.报名资料…``: the item's number);
* a number broken at its ``.`` or ``,`` (``12.\\n5%``, ``1,234,\\n567``), an address broken after one of
  its own ``.``/``@``/``/`` (``www.gov.\\ncn``, ``zhangsan@mail.\\ngov.cn``), a ``/`` before a unit holding
  a digit (``people/\\nkm2``) → nothing;
* anywhere else (a hyphen before a capital, ``Non-\\nNegligent``; a path's ``/``) → nothing, as printed.

Characters are never dropped; only the break itself is replaced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from policy_extract.core.vocabulary import HEADING_MARKERS, LATIN_BREAK_END, LATIN_BREAK_START, is_cjk

_HYPHENATED = re.compile(r"[a-z]-$")
_WORD_SLASH = re.compile(r"(?:^|\s)(?:[A-Za-z]{2,}[a-z]{2})?/$")
"""A line ending in a slash between words (``Asian/``, ``Murder /``): after a Latin word of four letters or
more alone, or alone itself; not a path's (``org/products/``), a unit's (``kg/``), a code's (``GB/``)."""


def line_separator(prev: str, nxt: str) -> str:
    """What replaces the break between a line ending in ``prev`` and one starting with ``nxt``."""
    if not prev or not nxt:
        return ""
    a, b = prev[-1], nxt[0]
    before, after = _word_char(reversed(prev)), _word_char(nxt)
    # a CJK last character is ``before`` itself
    if is_cjk(b) or is_cjk(before) or (is_cjk(after) and not _item_after_word(before, nxt)):
        return ""
    if _one_token(prev, nxt):
        return ""
    ends = _latin_alnum(a) or a in LATIN_BREAK_END or bool(_WORD_SLASH.search(prev))
    starts = _latin_alnum(b) or b in LATIN_BREAK_START
    return " " if ends and starts else ""


def _word_char(chars: Iterable[str]) -> str:
    """The nearest letter at the break, through marks, blanks, digits and number signs: what a mark or a
    number at the break belongs to (``(亿元)`` / ``GDP`` is a Chinese word's bracket, ``增长8.5%,`` /
    ``2025年`` a Chinese sentence's number)."""
    return next((ch for ch in chars if ch.isalpha() or is_cjk(ch)), "")


def _item_after_word(before: str, nxt: str) -> bool:
    """A numbered item (``1.`` ``2、`` ``(3)``, vocabulary ``HEADING_MARKERS``) after a Latin word: the number
    is the item's, not a Chinese sentence's, so the Latin word's space stands (``1.报名资料模板.docx`` /
    ``2.报名资料附件…docx``, two attachments listed in one cell)."""
    return bool(before) and any(level >= 3 and marker.match(nxt) for level, marker in HEADING_MARKERS)


_NUMBER_BREAK = re.compile(r"\d[.,]$")
_ADDRESS = re.compile(r"(?:[\w-]{2,}[.@/])+")
"""A token of an address (``www.gov.``, ``zhangsan@mail.``): pieces of two characters or more, each ended by
``.``, ``@`` or ``/``, two of them or one ``@`` (not an abbreviation: ``U.S.``, ``e.g.``)."""


def _one_token(prev: str, nxt: str) -> bool:
    """Whether the break falls inside one token: a number at its ``.``/``,`` (``12.`` / ``5%``), an address
    after one of its separators (``www.gov.`` / ``cn``), a unit after its ``/`` (``people/`` / ``km2``)."""
    if _NUMBER_BREAK.search(prev) and nxt[0].isdigit():
        return True
    token, first = (prev.split() or [""])[-1], (nxt.split() or [""])[0]
    if _ADDRESS.fullmatch(token) and ("@" in token or len(re.findall(r"[.@/]", token)) >= 2):
        return True
    return token.endswith("/") and first[:1].isalpha() and any(ch.isdigit() for ch in first)


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
