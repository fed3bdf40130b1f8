"""Joining printed lines into logical text (SPEC "Text everywhere").

Rules, applied at each line break:

* between two CJK characters (or CJK and full-width punctuation) → nothing: Chinese has no inter-word space;
* between two Latin/digit word characters → one space (``ISO\\n9000`` → ``ISO 9000``), except a line-final
  hyphen between two lowercase letters, which is a hyphenation and is removed;
* anywhere else (CJK next to a digit, punctuation) → nothing, because the break is a layout artefact.

Characters are never dropped; only the break itself is replaced.
"""

from __future__ import annotations

import re
import unicodedata

from policy_extract.core.vocabulary import is_cjk

_LATIN_WORD = re.compile(r"[A-Za-z0-9]")
_HYPHENATED = re.compile(r"[a-z]-$")


def line_separator(prev: str, nxt: str) -> str:
    """What replaces the break between a line ending in ``prev`` and one starting with ``nxt``."""
    if not prev or not nxt:
        return ""
    a, b = prev[-1], nxt[0]
    if _LATIN_WORD.match(a) and _LATIN_WORD.match(b):
        return " "
    return ""


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
